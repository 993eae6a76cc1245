// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// What the database refuses since migration 018, on both backends, through the repositories
// and by hand: nothing new goes to a deactivated category, site or service (a new ad, an ad
// moved there, an exchange to that service, a transport to that site), said in words with the
// field at fault; an ad that already has a since-deactivated category keeps it, and still
// changes, moves through its lifecycle and closes; an organisation is deactivated only once its
// services and sites are; reserved names are nobody's login.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "storage/AgentLogins.h"
#include "storage/ReferenceRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestReferenceGuards : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("referenceguards"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        ReferenceRepository references(*m_db);
        // A category, a site and a service that close, each with something already in them.
        Category lamps{0, u"LAMPES"_s, u"Lampes"_s, 2000, false, {}, 60, {}, {}};
        m_lamps = *references.addCategory(lamps);
        m_shed = *references.addSite(
                {0, m_world.agglo, u"HANGAR"_s, u"Hangar"_s, u"2 rue"_s, u"86100"_s, u"Val"_s});
        m_closingService = *references.addService({0, m_world.agglo, u"FETES"_s, u"Fêtes"_s});
        Ad lamp = m_world.sampleAd(u"Lampe de bureau"_s);
        lamp.categoryId = m_lamps;
        lamp.siteId = m_shed;
        m_oldAd = AdRepository(*m_db).create(lamp, m_world.ownerActor())->id;
        m_published = publishedAd(*m_db, m_world, u"Bureau à échanger"_s).id;
        const QString no = m_db->dialect().name() == u"sqlite"_s ? u"0"_s : u"false"_s;
        for (const auto &[table, id] : {std::pair{u"category"_s, m_lamps},
                                        std::pair{u"site"_s, m_shed},
                                        std::pair{u"service"_s, m_closingService}})
            QVERIFY(execSql(*m_db,
                            u"UPDATE %1 SET active = %2 WHERE id = %3"_s.arg(table, no).arg(id)));
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

    void nothingNewGoesToAnInactiveRow_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("words");
        QTest::newRow("a new ad in a category no longer offered")
                << u"category"_s << u"category"_s << u"no longer offered"_s;
        QTest::newRow("a new ad on a closed site") << u"site"_s << u"site"_s << u"closed"_s;
        QTest::newRow("a new ad of a service no longer active")
                << u"service"_s << u"service"_s << u"Your service"_s;
    }
    void nothingNewGoesToAnInactiveRow()
    {
        QFETCH(QString, what);
        QFETCH(QString, field);
        QFETCH(QString, words);
        Ad ad = m_world.sampleAd(u"Lampe neuve"_s);
        if (what == u"category"_s)
            ad.categoryId = m_lamps;
        else if (what == u"site"_s)
            ad.siteId = m_shed;
        else
            ad.serviceId = m_closingService;
        const int before = countOf(*m_db, u"SELECT count(*) FROM ad"_s);
        const auto created = AdRepository(*m_db).create(ad, m_world.ownerActor());
        QVERIFY(!created);
        QCOMPARE(created.error().kind, Error::Kind::Invalid);
        QCOMPARE(created.error().fields.value(0).first, field);
        QVERIFY2(created.error().message.contains(words), qPrintable(created.error().message));
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM ad"_s), before);
    }

    void anAdKeepsWhatItAlreadyHas()
    {
        AdRepository ads(*m_db);
        Ad lamp = *ads.get(m_oldAd);
        lamp.quantity = 3;
        lamp.title = u"Lampe de bureau articulée"_s;
        const auto saved = ads.update(lamp, m_world.ownerActor());
        QVERIFY2(saved, qPrintable(saved.error().message + saved.error().detail));
        QCOMPARE(saved->categoryId, m_lamps);
        QCOMPARE(saved->siteId, m_shed);
        // Submitted, approved and closed in its old category.
        for (const auto &[action, actor] :
             {std::pair{AdAction::Submit, m_world.ownerActor()},
              std::pair{AdAction::Approve, m_world.moderatorActor()}}) {
            const Ad now = *ads.get(m_oldAd, false);
            const auto moved = ads.transition(
                    m_oldAd, TransitionRequest{action, now.version, {}, {}, 0, {}}, actor);
            QVERIFY2(moved, qPrintable(moved.error().message + moved.error().detail));
        }
        QCOMPARE(ads.get(m_oldAd, false)->state, AdState::Published);
        // Moved to another site, it cannot come back to the closed one.
        Ad moved = *ads.get(m_oldAd);
        moved.siteId = m_world.depot;
        const auto away = ads.update(moved, m_world.ownerActor());
        QVERIFY2(away, qPrintable(away.error().message + away.error().detail));
        Ad back = *away;
        back.photos = ads.get(m_oldAd)->photos;
        back.siteId = m_shed;
        const auto refused = ads.update(back, m_world.ownerActor());
        QVERIFY(!refused);
        QCOMPARE(refused.error().fields.value(0).first, u"site"_s);
        QCOMPARE(ads.get(m_oldAd, false)->siteId, m_world.depot);
    }

    void anExchangeGoesToAnActiveService()
    {
        AdRepository ads(*m_db);
        const Ad ad = *ads.get(m_published, false);
        const auto refused = ads.transition(m_published,
                                            TransitionRequest{AdAction::Close,
                                                              ad.version,
                                                              {},
                                                              CloseReason::Exchanged,
                                                              m_closingService,
                                                              {}},
                                            m_world.ownerActor());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QCOMPARE(refused.error().fields.value(0).first, u"receivingService"_s);
        QCOMPARE(ads.get(m_published, false)->state, AdState::Published);
        const auto closed = ads.transition(m_published,
                                           TransitionRequest{AdAction::Close,
                                                             ad.version,
                                                             {},
                                                             CloseReason::Exchanged,
                                                             m_world.schools,
                                                             {}},
                                           m_world.ownerActor());
        QVERIFY2(closed, qPrintable(closed.error().message + closed.error().detail));
    }

    void aTransportGoesBetweenOpenSites()
    {
        // The database refuses a row written by hand to or from a closed site.
        const qint64 ad
                = closedLot(*m_db, m_world, m_world.desks, 1, 0, 0, CloseReason::Exchanged).id;
        const QString insert = u"INSERT INTO pickup (ad_id, quantity, from_site_id, to_site_id, "
                               "wished_date, requested_by) VALUES (%1, 1, %2, %3, '2030-01-07', "
                               "%4)"_s;
        QSqlQuery q(m_db->connection());
        QVERIFY(!q.exec(insert.arg(ad).arg(m_world.depot).arg(m_shed).arg(m_world.owner)));
        // pickup_guard (014) says it first; 018's pickup_site_guard holds for any other path.
        QVERIFY2(q.lastError().text().contains(u"pickup-inactive-site"_s)
                         || q.lastError().text().contains(u"a site of the transport is closed"_s),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(insert.arg(ad).arg(m_world.depot).arg(m_world.townHall).arg(m_world.owner)),
                 qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(
                u"UPDATE pickup SET from_site_id = %1 WHERE ad_id = %2"_s.arg(m_shed).arg(ad)));
        // Refused: on PostgreSQL pickup_guard (014) lets no site change at all; on SQLite the
        // 018 trigger names the closed site.
        QVERIFY2(q.lastError().text().contains(u"pickup-inactive-site"_s)
                         || q.lastError().text().contains(u"only the status and the plan"_s),
                 qPrintable(q.lastError().text()));
    }

    void anOrganisationClosesLast()
    {
        ReferenceRepository references(*m_db);
        const qint64 org = *references.addOrganisation({0, u"SYND"_s, u"Syndicat"_s});
        const qint64 service = *references.addService({0, org, u"SYND-ADM"_s, u"Administration"_s});
        const QString no = m_db->dialect().name() == u"sqlite"_s ? u"0"_s : u"false"_s;
        // By hand, as with psql: refused while the service is active.
        QVERIFY(!sqlRuns(*m_db,
                         u"UPDATE organisation SET active = %1 WHERE id = %2"_s.arg(no).arg(org)));
        QCOMPARE(countOf(*m_db,
                         u"SELECT count(*) FROM organisation WHERE id = %1 AND active"_s.arg(org)),
                 1);
        QVERIFY(execSql(*m_db,
                        u"UPDATE service SET active = %1 WHERE id = %2"_s.arg(no).arg(service)));
        QVERIFY(execSql(*m_db,
                        u"UPDATE organisation SET active = %1 WHERE id = %2"_s.arg(no).arg(org)));
    }

    // Migration 019: no active service or site goes under a deactivated organisation, whether
    // new, moved or reactivated; a departed row may still name it.
    void nothingActiveGoesUnderAnInactiveOrganisation()
    {
        ReferenceRepository references(*m_db);
        const qint64 org = *references.addOrganisation({0, u"SIVOM"_s, u"Sivom"_s});
        const qint64 service = *references.addService({0, org, u"SIVOM-ADM"_s, u"Direction"_s});
        const QString no = m_db->dialect().name() == u"sqlite"_s ? u"0"_s : u"false"_s;
        QVERIFY(execSql(*m_db,
                        u"UPDATE service SET active = %1 WHERE id = %2"_s.arg(no).arg(service)));
        QVERIFY(execSql(*m_db,
                        u"UPDATE organisation SET active = %1 WHERE id = %2"_s.arg(no).arg(org)));
        const int services = countOf(*m_db, u"SELECT count(*) FROM service"_s);
        const int sites = countOf(*m_db, u"SELECT count(*) FROM site"_s);

        // Through the repositories: in words, under the field that names the parent.
        const auto refusedService = references.addService({0, org, u"SIVOM-EAU"_s, u"Eau"_s});
        QVERIFY(!refusedService);
        QCOMPARE(refusedService.error().kind, Error::Kind::Invalid);
        QCOMPARE(refusedService.error().fields.value(0).first, u"organisation"_s);
        QVERIFY2(refusedService.error().message.contains(u"no longer active"_s),
                 qPrintable(refusedService.error().message));
        const auto refusedSite = references.addSite(
                {0, org, u"SIVOM-DEP"_s, u"Dépôt"_s, u"1 rue"_s, u"86100"_s, u"Val"_s});
        QVERIFY(!refusedSite);
        QCOMPARE(refusedSite.error().fields.value(0).first, u"organisation"_s);
        const auto all = references.services();
        QVERIFY(all);
        Service moved;
        for (const Service &s : *all) {
            if (s.id == m_world.library)
                moved = s;
        }
        QVERIFY(moved.id > 0);
        moved.organisationId = org;
        const auto refusedMove = references.updateService(moved);
        QVERIFY(!refusedMove);
        QCOMPARE(refusedMove.error().fields.value(0).first, u"organisation"_s);
        qint64 version = 0;
        for (const Service &s : *all) {
            if (s.id == service)
                version = s.version;
        }
        const auto reactivated
                = references.setActive(ReferenceRepository::Table::Service, service, version, true);
        QVERIFY(!reactivated);
        QCOMPARE(reactivated.error().fields.value(0).first, u"active"_s);
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM service"_s), services);
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM site"_s), sites);

        // By hand, as with psql.
        QVERIFY(!sqlRuns(*m_db,
                         u"INSERT INTO service (organisation_id, code, name) VALUES "
                         "(%1, 'SIVOM-X', 'X')"_s.arg(org)));
        QVERIFY(!sqlRuns(*m_db,
                         u"UPDATE site SET organisation_id = %1 WHERE id = %2"_s.arg(org).arg(
                                 m_world.depot)));
        // A departed service may still be recorded there; an agent may stay in a closed
        // service (directory exports have them), where 018 keeps their new ads out.
        QVERIFY(execSql(*m_db,
                        u"INSERT INTO service (organisation_id, code, name, active) VALUES "
                        "(%1, 'SIVOM-OLD', 'Ancien', %2)"_s.arg(org)
                                .arg(no)));
        QVERIFY(execSql(*m_db,
                        u"INSERT INTO agent (login, display_name, email, service_id) "
                        "VALUES ('ancien', 'Ancien', 'ancien@agglo.test', %1)"_s.arg(service)));
    }

    void reservedNamesAreNobodysLogin_data()
    {
        QTest::addColumn<QString>("login");
        for (const QString &login : {u"postgres"_s,
                                     u"pg_read_all_data"_s,
                                     u"pg_monitor"_s,
                                     u"recup_admin"_s,
                                     u"recup_owner"_s,
                                     u"public"_s,
                                     u"session_user"_s})
            QTest::newRow(qPrintable(login)) << login;
    }
    void reservedNamesAreNobodysLogin()
    {
        QFETCH(QString, login);
        // By hand: the database refuses the row.
        QVERIFY(!sqlRuns(*m_db,
                         u"INSERT INTO agent (login, display_name, email, service_id) VALUES "
                         "('%1', 'X', 'x@agglo.test', %2)"_s.arg(login)
                                 .arg(m_world.waste)));
        QVERIFY(!sqlRuns(
                *m_db,
                u"UPDATE agent SET login = '%1' WHERE id = %2"_s.arg(login).arg(m_world.other)));
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM agent WHERE login = '%1'"_s.arg(login)), 0);
        // Through the repositories: in words, on the login.
        Agent a;
        a.login = login;
        a.displayName = u"X"_s;
        a.email = u"x@agglo.test"_s;
        a.serviceId = m_world.waste;
        const auto added = ReferenceRepository(*m_db).addAgent(a);
        QVERIFY(!added);
        QCOMPARE(added.error().fields.value(0).first, u"login"_s);
        QVERIFY2(added.error().message.contains(u"reserved"_s), qPrintable(added.error().message));
        const Status roles = AgentLogins::setRoles(*m_db, login, Role::Agent | Role::Admin);
        QVERIFY(!roles);
        QCOMPARE(roles.error().kind, Error::Kind::Invalid);
        QVERIFY2(roles.error().message.contains(u"reserved"_s), qPrintable(roles.error().message));
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    qint64 m_lamps = 0, m_shed = 0, m_closingService = 0, m_oldAd = 0, m_published = 0;
};

QTEST_GUILESS_MAIN(TestReferenceGuards)
#include "tst_referenceguards.moc"
