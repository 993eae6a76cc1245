// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The reference data behind the wall (issue #12), each person with their own login as with
// psql: agents and logistics staff read organisations, services, sites and categories but
// write none of them, and do not even read the rejection reasons; moderators and
// administrators keep them all; nobody deletes a reference row; an update over a stale version
// changes nothing, and the version moves by one whatever the client writes; a code stays
// unique; a deactivated category stays on the ads that have it.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "storage/ReferenceRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

namespace {

const QStringList referenceTables{u"organisation"_s, u"service"_s, u"site"_s, u"category"_s};

} // namespace

class TestReferenceSecurity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("roles and row-level security exist on PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("referencesecurity"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        QVERIFY(enrolLogin(*m_admin, u"rfs_agent"_s, Role::Agent, m_world.waste) > 0);
        QVERIFY(enrolLogin(
                        *m_admin, u"rfs_logistics"_s, Role::Agent | Role::Logistics, m_world.waste)
                > 0);
        QVERIFY(enrolLogin(*m_admin,
                           u"rfs_moderator"_s,
                           Role::Agent | Role::Moderator,
                           m_world.schools)
                > 0);
        QVERIFY(enrolLogin(*m_admin, u"rfs_admin"_s, Role::Agent | Role::Admin, m_world.library)
                > 0);
        m_agent = m_test->openAs(u"rfs_agent"_s);
        m_logistics = m_test->openAs(u"rfs_logistics"_s);
        m_moderator = m_test->openAs(u"rfs_moderator"_s);
        m_administrator = m_test->openAs(u"rfs_admin"_s);
        QVERIFY(m_agent && m_logistics && m_moderator && m_administrator);
    }
    void cleanupTestCase()
    {
        for (auto *db : {&m_agent, &m_logistics, &m_moderator, &m_administrator, &m_admin})
            db->reset();
        m_test.reset();
    }

    void agentsAndLogisticsWriteNoReferenceData_data()
    {
        QTest::addColumn<QString>("login");
        QTest::newRow("agent") << u"agent"_s;
        QTest::newRow("logistics staff") << u"logistics"_s;
    }
    void agentsAndLogisticsWriteNoReferenceData()
    {
        QFETCH(QString, login);
        Database &db = login == u"agent"_s ? *m_agent : *m_logistics;
        const QStringList inserts{
                u"INSERT INTO recup.organisation (code, name) VALUES ('RFS-X', 'Mine')"_s,
                u"INSERT INTO recup.service (organisation_id, code, name) VALUES (%1, 'RFS-X', "
                "'Mine')"_s.arg(m_world.agglo),
                u"INSERT INTO recup.site (organisation_id, code, name) VALUES (%1, 'RFS-X', "
                "'Mine')"_s.arg(m_world.agglo),
                u"INSERT INTO recup.category (code, name) VALUES ('RFS-X', 'Mine')"_s,
                u"INSERT INTO recup.rejection_template (title, body) VALUES ('Mine', 'Mine')"_s};
        for (const QString &sql : inserts) {
            QSqlQuery q(db.connection());
            QVERIFY2(!q.exec(sql), qPrintable(sql));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
        for (const QString &table : referenceTables + QStringList{u"rejection_template"_s}) {
            QSqlQuery q(db.connection());
            const QString set
                    = table == u"rejection_template"_s ? u"title = 'Mine'"_s : u"name = 'Mine'"_s;
            const QString sql = u"UPDATE recup.%1 SET %2"_s.arg(table, set);
            QVERIFY2(!q.exec(sql), qPrintable(sql));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
        // They read the reference data, never the moderators' rejection reasons.
        QVERIFY(countOf(db, u"SELECT count(*) FROM recup.category"_s) > 0);
        QSqlQuery q(db.connection());
        QVERIFY(!q.exec(u"SELECT title FROM recup.rejection_template"_s));
        QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
    }

    void moderatorsAndAdministratorsKeepIt_data()
    {
        QTest::addColumn<QString>("login");
        QTest::newRow("moderator") << u"moderator"_s;
        QTest::newRow("administrator") << u"admin"_s;
    }
    void moderatorsAndAdministratorsKeepIt()
    {
        QFETCH(QString, login);
        Database &db = login == u"moderator"_s ? *m_moderator : *m_administrator;
        const QString code = u"RFS-"_s + login.toUpper();
        QVERIFY(execSql(
                db,
                u"INSERT INTO recup.organisation (code, name) VALUES ('%1', 'Syndicat')"_s.arg(
                        code)));
        QVERIFY(execSql(db,
                        u"INSERT INTO recup.service (organisation_id, code, name) VALUES (%1, "
                        "'%2', 'Service')"_s.arg(m_world.agglo)
                                .arg(code)));
        QVERIFY(execSql(db,
                        u"INSERT INTO recup.site (organisation_id, code, name) VALUES (%1, '%2', "
                        "'Site')"_s.arg(m_world.agglo)
                                .arg(code)));
        QVERIFY(execSql(
                db,
                u"INSERT INTO recup.category (code, name) VALUES ('%1', 'Catégorie')"_s.arg(code)));
        QVERIFY(execSql(db,
                        u"INSERT INTO recup.rejection_template (title, body) VALUES ('%1', "
                        "'Texte')"_s.arg(code)));
        for (const QString &table : referenceTables)
            QVERIFY(execSql(db,
                            u"UPDATE recup.%1 SET name = name || ' bis', active = false WHERE "
                            "code = '%2'"_s.arg(table, code)));
        QVERIFY(execSql(db,
                        u"UPDATE recup.rejection_template SET active = false WHERE title = "
                        "'%1'"_s.arg(code)));
        QCOMPARE(countOf(db,
                         u"SELECT count(*) FROM recup.rejection_template WHERE title = '%1'"_s.arg(
                                 code)),
                 1);
        // The editor's repository, as that login.
        ReferenceRepository references(db);
        Organisation o;
        o.code = code + u"-2"_s;
        o.name = u"Syndicat des eaux"_s;
        const auto id = references.addOrganisation(o);
        QVERIFY2(id.ok(), qPrintable(id.error().detail));
        o.id = *id;
        o.name = u"Syndicat des eaux du Châtelleraudais"_s;
        const auto version = references.updateOrganisation(o);
        QVERIFY2(version.ok(), qPrintable(version.error().detail));
        QCOMPARE(*version, 2);
    }

    void nobodyDeletesReferenceRows()
    {
        for (Database *db :
             {m_agent.get(), m_logistics.get(), m_moderator.get(), m_administrator.get()}) {
            for (const QString &table : referenceTables + QStringList{u"rejection_template"_s}) {
                QSqlQuery q(db->connection());
                const QString sql = u"DELETE FROM recup.%1"_s.arg(table);
                QVERIFY2(!q.exec(sql), qPrintable(sql));
                QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
            }
        }
        QVERIFY(countOf(*m_admin, u"SELECT count(*) FROM recup.category"_s) > 0);
    }

    void aStaleVersionChangesNothing()
    {
        const int before = countOf(
                *m_admin, u"SELECT version FROM recup.category WHERE id = %1"_s.arg(m_world.desks));
        QVERIFY(before >= 1);
        // Someone else saved first: the update over the version read matches no row.
        QVERIFY(execSql(
                *m_administrator,
                u"UPDATE recup.category SET name = name WHERE id = %1"_s.arg(m_world.desks)));
        QSqlQuery stale(m_moderator->connection());
        QVERIFY(stale.prepare(u"UPDATE recup.category SET name = 'Écrasé', version = version + 1 "
                              "WHERE id = ? AND version = ?"_s));
        stale.addBindValue(m_world.desks);
        stale.addBindValue(before);
        QVERIFY2(stale.exec(), qPrintable(stale.lastError().text()));
        QCOMPARE(stale.numRowsAffected(), 0);
        QVERIFY(countOf(*m_admin, u"SELECT count(*) FROM recup.category WHERE name = 'Écrasé'"_s)
                == 0);
        // The repository says it as a conflict.
        Category desks = *ReferenceRepository(*m_moderator).category(m_world.desks);
        desks.version = before;
        desks.name = u"Écrasé"_s;
        const auto saved = ReferenceRepository(*m_moderator).updateCategory(desks);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind, Error::Kind::Conflict);
        // A version written by hand does not stick: the server moves it by one.
        for (Database *db : {m_moderator.get(), m_administrator.get()}) {
            const int current = countOf(
                    *m_admin,
                    u"SELECT version FROM recup.category WHERE id = %1"_s.arg(m_world.desks));
            QSqlQuery forced(db->connection());
            QVERIFY2(forced.exec(u"UPDATE recup.category SET version = 1 WHERE id = %1 "
                                 "RETURNING version"_s.arg(m_world.desks)),
                     qPrintable(forced.lastError().text()));
            QVERIFY(forced.next());
            QCOMPARE(forced.value(0).toInt(), current + 1);
        }
    }

    void aCodeStaysUnique()
    {
        const QString chairsCode = ReferenceRepository(*m_admin).category(m_world.chairs)->code;
        QSqlQuery q(m_moderator->connection());
        QVERIFY(!q.exec(u"UPDATE recup.category SET code = '%1' WHERE id = %2"_s.arg(chairsCode)
                                .arg(m_world.desks)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23505"_s);
        // The editor says it under the code.
        Category desks = *ReferenceRepository(*m_moderator).category(m_world.desks);
        desks.code = chairsCode;
        const auto saved = ReferenceRepository(*m_moderator).updateCategory(desks);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind, Error::Kind::Invalid);
        QCOMPARE(saved.error().fields.value(0).first, u"code"_s);
    }

    void aDeactivatedCategoryStaysOnItsAds()
    {
        const Ad ad = publishedAd(*m_admin, m_world, u"Chaise à garder"_s);
        const qint64 category = ad.categoryId;
        Category before = *ReferenceRepository(*m_moderator).category(category);
        const auto off = ReferenceRepository(*m_moderator)
                                 .setActive(ReferenceRepository::Table::Category,
                                            category,
                                            before.version,
                                            false);
        QVERIFY2(off.ok(), qPrintable(off.error().detail));
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.ad WHERE id = %1 AND category_id = %2"_s
                                 .arg(ad.id)
                                 .arg(category)),
                 1);
        // Everyone still reads its name, for the ads that have it.
        QCOMPARE(countOf(*m_agent,
                         u"SELECT count(*) FROM recup.category WHERE id = %1 AND NOT active"_s.arg(
                                 category)),
                 1);
        QVERIFY(ReferenceRepository(*m_moderator)
                        .setActive(ReferenceRepository::Table::Category, category, *off, true)
                        .ok());
    }

    void anOrganisationWithActiveServicesStaysActive()
    {
        const auto organisations = ReferenceRepository(*m_moderator).organisations();
        QVERIFY(organisations.ok());
        qint64 version = 0;
        for (const Organisation &o : *organisations) {
            if (o.id == m_world.agglo)
                version = o.version;
        }
        const auto refused = ReferenceRepository(*m_moderator)
                                     .setActive(ReferenceRepository::Table::Organisation,
                                                m_world.agglo,
                                                version,
                                                false);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        // By hand, as with psql, the database refuses it too (018), whoever asks.
        for (Database *db : {m_moderator.get(), m_administrator.get(), m_admin.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY(!q.exec(u"UPDATE recup.organisation SET active = false WHERE id = %1"_s.arg(
                    m_world.agglo)));
            QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
            QVERIFY2(q.lastError().text().contains(u"organisation-still-active"_s),
                     qPrintable(q.lastError().text()));
        }
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.organisation WHERE id = %1 AND active"_s.arg(
                                 m_world.agglo)),
                 1);
    }

    // An agent with psql posts nothing in a category, on a site or for a service that is no
    // longer active, nor moves an ad there (018); an ad that has one keeps it.
    void nothingNewGoesToAnInactiveRow()
    {
        const qint64 category = m_world.chairs;
        QVERIFY(execSql(*m_admin,
                        u"UPDATE recup.category SET active = false WHERE id = %1"_s.arg(category)));
        QSqlQuery q(m_agent->connection());
        const auto insert = [this](qint64 categoryId) -> QString {
            return u"INSERT INTO recup.ad (title, category_id, site_id, owner_id, service_id, "
                   "attested) VALUES ('Chaise par psql', %1, %2, recup.current_agent_id(), %3, "
                   "true)"_s.arg(categoryId)
                           .arg(m_world.depot)
                           .arg(m_world.waste);
        };
        QVERIFY(!q.exec(insert(category)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        QVERIFY2(q.lastError().text().contains(u"ad-inactive-category"_s),
                 qPrintable(q.lastError().text()));
        // In an active category the same row goes in; moved to the inactive one, it does not.
        QVERIFY2(q.exec(insert(m_world.desks)), qPrintable(q.lastError().text()));
        QVERIFY(!q.exec(u"UPDATE recup.ad SET category_id = %1, version = version + 1 WHERE "
                        "title = 'Chaise par psql'"_s.arg(category)));
        QVERIFY2(q.lastError().text().contains(u"ad-inactive-category"_s),
                 qPrintable(q.lastError().text()));
        // Offered again for the suites after.
        QVERIFY(execSql(*m_admin,
                        u"UPDATE recup.category SET active = true WHERE id = %1"_s.arg(category)));
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<Database> m_agent;
    std::unique_ptr<Database> m_logistics;
    std::unique_ptr<Database> m_moderator;
    std::unique_ptr<Database> m_administrator;
    World m_world;
};

QTEST_GUILESS_MAIN(TestReferenceSecurity)
#include "tst_referencesecurity.moc"
