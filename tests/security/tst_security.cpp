// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The database is the wall: each person connects with their own role, as with psql, and
// must get no further than the application lets them. Every policy is tried both ways.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "storage/AdRepository.h"
#include "storage/CatalogueQuery.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

using namespace Recup;
using namespace Recup::Testing;

class TestSecurity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("roles and row-level security exist on PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("security"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        QVERIFY(ensureLoginRoles(*m_admin));
        asAdmin(QStringLiteral("DROP ROLE IF EXISTS stranger"));
        QVERIFY(asAdmin(QStringLiteral("CREATE ROLE stranger LOGIN")));

        // Marie owns: a draft, a pending ad and a published one; Paul owns a published ad.
        AdRepository ads(*m_admin);
        m_draft = ads.create(m_world.sampleAd(QStringLiteral("Brouillon de Marie")),
                             m_world.ownerActor())
                          ->id;
        auto pending = ads.create(m_world.sampleAd(QStringLiteral("Armoire en attente")),
                                  m_world.ownerActor());
        m_pending = ads.transition(pending->id,
                                   {AdAction::Submit, pending->version, {}, {}, 0, {}},
                                   m_world.ownerActor())
                            ->id;
        m_published = publishedAd(*m_admin, m_world, QStringLiteral("Bureau publié de Marie")).id;
        Ad paul = m_world.sampleAd(QStringLiteral("Chaises de Paul"));
        paul.valueCents = 4200;
        auto paulAd = ads.create(paul, m_world.otherActor());
        paulAd = ads.transition(paulAd->id,
                                {AdAction::Submit, paulAd->version, {}, {}, 0, {}},
                                m_world.otherActor());
        paulAd = ads.transition(paulAd->id,
                                {AdAction::Approve, paulAd->version, {}, {}, 0, {}},
                                m_world.moderatorActor());
        QVERIFY(paulAd);
        m_paulPublished = paulAd->id;

        m_marie = m_test->openAs(QStringLiteral("mdupont"));
        m_paul = m_test->openAs(QStringLiteral("pmartin"));
        m_claire = m_test->openAs(QStringLiteral("cbernard"));
        QVERIFY(m_marie && m_paul && m_claire);
    }
    void cleanupTestCase()
    {
        m_marie.reset();
        m_paul.reset();
        m_claire.reset();
        m_admin.reset();
        m_test.reset();
    }

    void strangerCannotConnect()
    {
        Database db(DatabaseConfig::fromConninfo(m_test->config().conninfo + u" user=stranger"));
        const Status status = db.open();
        QVERIFY(!status);
        QVERIFY(status.error().detail.contains(QLatin1String("permission denied")));
    }

    void agentSeesPublishedAndOwnAdsOnly()
    {
        QCOMPARE(idsOf(*m_paul, QStringLiteral("SELECT id FROM ad")),
                 (QSet<qint64>{m_published, m_paulPublished}));
        QCOMPARE(idsOf(*m_marie, QStringLiteral("SELECT id FROM ad")),
                 (QSet<qint64>{m_draft, m_pending, m_published, m_paulPublished}));
        QCOMPARE(idsOf(*m_claire, QStringLiteral("SELECT id FROM ad")).size(), 4);
        // The repository says "no longer exists", not "forbidden": the row is invisible.
        QCOMPARE(AdRepository(*m_paul).get(m_draft).error().kind, Error::Kind::NotFound);
        QVERIFY(AdRepository(*m_marie).get(m_draft));
    }

    void valueIsReadOnlyByOwnerAndModerators()
    {
        QVERIFY(!sqlRuns(*m_paul, QStringLiteral("SELECT value_cents FROM ad")));
        QVERIFY(!sqlRuns(*m_paul, QStringLiteral("SELECT * FROM ad")));
        QVERIFY(!sqlRuns(*m_paul, QStringLiteral("SELECT sum(value_cents) FROM ad")));
        // Through the repository, as the application reads it.
        QCOMPARE(AdRepository(*m_paul).get(m_published)->valueCents, qint64(0));
        QCOMPARE(AdRepository(*m_paul).get(m_paulPublished)->valueCents, qint64(4200));
        QCOMPARE(AdRepository(*m_marie).get(m_published)->valueCents, qint64(25000));
        QCOMPARE(AdRepository(*m_claire).get(m_paulPublished)->valueCents, qint64(4200));
        QVERIFY(sqlRuns(*m_claire, QStringLiteral("SELECT sum(value_cents) FROM ad")));
        // The catalogue works for agents: it never reads the value.
        QVERIFY(CatalogueQuery(*m_paul).page({}));
    }

    void othersAdsCannotBeChanged()
    {
        QSqlQuery q(m_paul->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE ad SET title = 'Pris par Paul', version = version + "
                                      "1 WHERE id = %1")
                               .arg(m_published)));
        QCOMPARE(q.numRowsAffected(), 0);
        QVERIFY(q.exec(
                QStringLiteral("UPDATE ad SET value_cents = 1, version = version + 1 WHERE id = %1")
                        .arg(m_published)));
        QCOMPARE(q.numRowsAffected(), 0);
        QVERIFY(!sqlRuns(*m_paul, QStringLiteral("DELETE FROM ad WHERE id = %1").arg(m_published)));
        QVERIFY(!sqlRuns(*m_marie, QStringLiteral("DELETE FROM ad WHERE id = %1").arg(m_draft)));
        QCOMPARE(AdRepository(*m_admin).get(m_published)->title,
                 QStringLiteral("Bureau publié de Marie"));
        // The owner may edit her own ad's value.
        QSqlQuery own(m_marie->connection());
        QVERIFY(own.exec(
                QStringLiteral(
                        "UPDATE ad SET value_cents = 30000, version = version + 1 WHERE id = %1")
                        .arg(m_draft)));
        QCOMPARE(own.numRowsAffected(), 1);
    }

    void forbiddenTransitionsFailOnTheServer_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<QString>("statement");
        QTest::newRow("owner publishes her pending ad directly")
                << QStringLiteral("marie")
                << QStringLiteral("UPDATE ad SET state = 'published', published_at = now(), "
                                  "version = version + 1 WHERE id = %pending");
        QTest::newRow("owner moves her draft straight to published")
                << QStringLiteral("marie")
                << QStringLiteral("UPDATE ad SET state = 'published', published_at = now(), "
                                  "version = version + 1 WHERE id = %draft");
        QTest::newRow("owner gives her ad to someone else")
                << QStringLiteral("marie")
                << QStringLiteral("UPDATE ad SET owner_id = %paul, version = version + 1 WHERE id "
                                  "= %draft");
        QTest::newRow("owner moves her ad to the top of the catalogue")
                << QStringLiteral("marie")
                << QStringLiteral("UPDATE ad SET published_at = now(), version = version + 1 WHERE "
                                  "id = %published");
        QTest::newRow("owner changes a published title without moderation")
                << QStringLiteral("marie")
                << QStringLiteral("UPDATE ad SET title = 'Autre chose', version = version + 1 "
                                  "WHERE id = %published");
        QTest::newRow("owner writes to the catalogue through the room without moderation")
                << QStringLiteral("marie")
                << QStringLiteral("UPDATE ad SET room = 'Appelez le 06 00 00 00 00', "
                                  "version = version + 1 WHERE id = %published");
        QTest::newRow("owner expires her ad as the system")
                << QStringLiteral("marie")
                << QStringLiteral("UPDATE ad SET state = 'expired', version = version + 1 WHERE id "
                                  "= %published");
        QTest::newRow("moderator expires an ad as the system")
                << QStringLiteral("claire")
                << QStringLiteral("UPDATE ad SET state = 'expired', version = version + 1 WHERE id "
                                  "= %published");
        QTest::newRow("owner posts an ad already published")
                << QStringLiteral("marie")
                << QStringLiteral(
                           "INSERT INTO ad (title, category_id, site_id, owner_id, service_id, "
                           "attested, state, published_at) VALUES ('Raccourci', %desks, %depot, "
                           "%marie, %waste, true, 'published', now())");
        QTest::newRow("agent posts in someone else's name")
                << QStringLiteral("paul")
                << QStringLiteral(
                           "INSERT INTO ad (title, category_id, site_id, owner_id, service_id, "
                           "attested) VALUES ('Usurpé', %desks, %depot, %marie, %waste, true)");
        QTest::newRow("version not moved")
                << QStringLiteral("marie")
                << QStringLiteral("UPDATE ad SET room = 'x' WHERE id = %draft");
    }
    void forbiddenTransitionsFailOnTheServer()
    {
        QFETCH(QString, who);
        QFETCH(QString, statement);
        Database &db = who == QLatin1String("marie")  ? *m_marie
                       : who == QLatin1String("paul") ? *m_paul
                                                      : *m_claire;
        statement.replace(QLatin1String("%pending"), QString::number(m_pending))
                .replace(QLatin1String("%draft"), QString::number(m_draft))
                .replace(QLatin1String("%published"), QString::number(m_published))
                .replace(QLatin1String("%paul"), QString::number(m_world.other))
                .replace(QLatin1String("%marie"), QString::number(m_world.owner))
                .replace(QLatin1String("%desks"), QString::number(m_world.desks))
                .replace(QLatin1String("%depot"), QString::number(m_world.depot))
                .replace(QLatin1String("%waste"), QString::number(m_world.waste));
        QSqlQuery q(db.connection());
        QVERIFY2(!q.exec(statement), qPrintable(statement));
        // Refused for being forbidden, not for being malformed.
        const QString code = q.lastError().nativeErrorCode();
        QVERIFY2(code == QLatin1String("42501") || code == QLatin1String("40001"),
                 qPrintable(code + u' ' + q.lastError().text()));
    }

    void allowedTransitionsWorkAndHistoryNamesTheRealActor()
    {
        AdRepository marie(*m_marie);
        auto ad = marie.create(m_world.sampleAd(QStringLiteral("Table ronde")),
                               m_world.ownerActor());
        QVERIFY2(ad, qPrintable(ad.error().message + u" / " + ad.error().detail));
        ad = marie.transition(
                ad->id, {AdAction::Submit, ad->version, {}, {}, 0, {}}, m_world.ownerActor());
        QVERIFY2(ad, qPrintable(ad.error().detail));
        // Claire claims to be Luc in the action context: the server records Claire.
        {
            QSqlQuery spoof(m_claire->connection());
            QVERIFY(spoof.exec(QStringLiteral("BEGIN")));
            QVERIFY(spoof.exec(QStringLiteral("SELECT set_config('recup.actor_id', '%1', true)")
                                       .arg(m_world.secondModerator)));
            QVERIFY(spoof.exec(
                    QStringLiteral("SELECT set_config('recup.action', 'approve', true)")));
            QVERIFY2(spoof.exec(QStringLiteral(
                                        "UPDATE ad SET state = 'published', version = version + 1 "
                                        "WHERE id = %1")
                                        .arg(ad->id)),
                     qPrintable(spoof.lastError().text()));
            QVERIFY(spoof.exec(QStringLiteral("COMMIT")));
        }
        const auto history = AdRepository(*m_admin).history(ad->id);
        QCOMPARE(history->size(), 3);
        QCOMPARE(history->at(0).actorId, m_world.owner);
        QCOMPARE(history->at(2).action, AdAction::Approve);
        QCOMPARE(history->at(2).actorId, m_world.moderator);
        const auto published = AdRepository(*m_admin).get(ad->id);
        QCOMPARE(published->state, AdState::Published);
        QVERIFY(published->publishedAt.isValid()); // set by the server
        QVERIFY(published->expiresAt > published->publishedAt);
    }

    void historyIsAppendOnlyAndWrittenByActionsOnly()
    {
        const QString insert = QStringLiteral(
                "INSERT INTO ad_history (ad_id, actor_id, action, from_state, to_state) "
                "VALUES (%1, %2, 'approve', 'pending', 'published')");
        QVERIFY(!sqlRuns(*m_marie, insert.arg(m_pending).arg(m_world.owner)));
        QVERIFY(!sqlRuns(*m_claire, insert.arg(m_pending).arg(m_world.moderator)));
        QVERIFY(!sqlRuns(*m_claire, QStringLiteral("UPDATE ad_history SET reason = 'x'")));
        QVERIFY(!sqlRuns(*m_claire, QStringLiteral("DELETE FROM ad_history")));
        QVERIFY(!sqlRuns(*m_marie, QStringLiteral("DELETE FROM ad_history")));
        // Owners read their own ads' history; others read nothing of it.
        QVERIFY(!idsOf(*m_marie,
                       QStringLiteral("SELECT id FROM ad_history WHERE ad_id = %1")
                               .arg(m_published))
                         .isEmpty());
        QVERIFY(idsOf(*m_paul,
                      QStringLiteral("SELECT id FROM ad_history WHERE ad_id = %1").arg(m_published))
                        .isEmpty());
    }

    void noEscalation_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::newRow("SET ROLE to moderators") << QStringLiteral("SET ROLE recup_moderator");
        QTest::newRow("SET ROLE to the owner role") << QStringLiteral("SET ROLE recup_owner");
        QTest::newRow("SET SESSION AUTHORIZATION")
                << QStringLiteral("SET SESSION AUTHORIZATION cbernard");
        QTest::newRow("GRANT moderators to self")
                << QStringLiteral("GRANT recup_moderator TO pmartin");
        QTest::newRow("make self a moderator in the directory")
                << QStringLiteral("UPDATE agent SET is_moderator = true WHERE login = 'pmartin'");
        QTest::newRow("disable row-level security")
                << QStringLiteral("ALTER TABLE ad DISABLE ROW LEVEL SECURITY");
        QTest::newRow("drop a policy") << QStringLiteral("DROP POLICY agent_read ON ad");
        QTest::newRow("create a table in the schema")
                << QStringLiteral("CREATE TABLE recup.mine (id int)");
        QTest::newRow("create a function in public") << QStringLiteral(
                "CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1'");
        QTest::newRow("add a category")
                << QStringLiteral("INSERT INTO category (code, name) VALUES ('X', 'X')");
        QTest::newRow("change the transition table")
                << QStringLiteral("INSERT INTO lifecycle_transition VALUES ('pending', 'approve', "
                                  "'owner', 'published')");
        QTest::newRow("change the schema version") << QStringLiteral("DELETE FROM schema_version");
    }
    void noEscalation()
    {
        QFETCH(QString, statement);
        QSqlQuery attempt(m_paul->connection());
        QVERIFY2(!attempt.exec(statement), qPrintable(statement));
        QVERIFY2(attempt.lastError().nativeErrorCode() == QLatin1String("42501"),
                 qPrintable(attempt.lastError().nativeErrorCode() + u' '
                            + attempt.lastError().text()));
        QSqlQuery q(m_paul->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT recup.is_moderator()")) && q.next());
        QVERIFY(!q.value(0).toBool());
    }

    void moderatorsKeepReferenceData()
    {
        QVERIFY(sqlRuns(
                *m_claire,
                QStringLiteral(
                        "INSERT INTO category (code, name) VALUES ('VAISSELLE', 'Vaisselle')")));
        QVERIFY(sqlRuns(
                *m_claire,
                QStringLiteral("UPDATE service SET name = 'Médiathèques' WHERE code = 'MEDIA'")));
    }

    void twoModeratorsRaceOverPendingAds()
    {
        // 200 pending ads; Claire approves and Luc rejects, all at once: each ad is decided
        // exactly once, and the loser is told who decided.
        AdRepository ads(*m_admin);
        QList<std::pair<qint64, int>> pending;
        for (int i = 0; i < 200; ++i) {
            auto ad = ads.create(m_world.sampleAd(QStringLiteral("Lot n° %1").arg(i)),
                                 m_world.ownerActor());
            ad = ads.transition(
                    ad->id, {AdAction::Submit, ad->version, {}, {}, 0, {}}, m_world.ownerActor());
            QVERIFY(ad);
            pending.append({ad->id, ad->version});
        }
        auto decide = [&](const QString &login,
                          AdAction action,
                          qint64 agentId,
                          int *decided,
                          int *conflicts,
                          QStringList *messages) {
            Database db(
                    DatabaseConfig::fromConninfo(m_test->config().conninfo + u" user=" + login));
            if (!db.open())
                return;
            AdRepository repo(db);
            for (const auto &[id, version] : pending) {
                const auto result
                        = repo.transition(id,
                                          {action, version, QStringLiteral("Doublon"), {}, 0, {}},
                                          Actor{agentId, true, false});
                if (result)
                    ++*decided;
                else if (result.error().kind == Error::Kind::Conflict) {
                    ++*conflicts;
                    if (messages->size() < 3)
                        messages->append(result.error().message);
                }
            }
            db.releaseThreadConnection();
        };
        int approved = 0, rejected = 0, conflictsA = 0, conflictsB = 0;
        QStringList messagesA, messagesB;
        QThread *a = QThread::create(decide,
                                     QStringLiteral("cbernard"),
                                     AdAction::Approve,
                                     m_world.moderator,
                                     &approved,
                                     &conflictsA,
                                     &messagesA);
        QThread *b = QThread::create(decide,
                                     QStringLiteral("lpetit"),
                                     AdAction::Reject,
                                     m_world.secondModerator,
                                     &rejected,
                                     &conflictsB,
                                     &messagesB);
        a->start();
        b->start();
        QVERIFY(a->wait(300000) && b->wait(300000));
        delete a;
        delete b;
        QCOMPARE(approved + rejected, 200);
        QCOMPARE(conflictsA + conflictsB, 200);
        QSqlQuery q(m_admin->connection());
        QVERIFY(q.exec(
                QStringLiteral("SELECT count(*), count(DISTINCT ad_id) FROM ad_history WHERE "
                               "action IN ('approve', 'reject') "
                               "AND ad_id IN (SELECT id FROM ad WHERE title LIKE 'Lot n° %')")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 200);
        QCOMPARE(q.value(1).toInt(), 200);
        const QStringList told = messagesA + messagesB;
        QVERIFY(!told.isEmpty());
        QVERIFY2(told.first().contains(QLatin1String("Claire Bernard"))
                         || told.first().contains(QLatin1String("Luc Petit")),
                 qPrintable(told.first()));
        qInfo("race: %d approved by Claire, %d rejected by Luc", approved, rejected);
    }

    // What a moderator approved cannot change unseen, photos included (migration 006).
    void photosOfAnApprovedAdChangeOnlyThroughModeration()
    {
        const Ad published
                = publishedAd(*m_admin, m_world, QStringLiteral("Vitrine photographiée"));
        const QByteArray jpeg("\xff\xd8\xff\xe0 not really a picture");
        auto addPhoto = [&](Database &db, qint64 adId, int position) {
            QSqlQuery insert(db.connection());
            insert.prepare(QStringLiteral("INSERT INTO ad_photo (ad_id, position, jpeg, thumbnail) "
                                          "VALUES (?, ?, ?, ?)"));
            insert.addBindValue(adId);
            insert.addBindValue(position);
            insert.addBindValue(jpeg);
            insert.addBindValue(jpeg);
            return insert.exec();
        };
        auto photos = [&](qint64 adId) {
            return countOf(
                    *m_admin,
                    QStringLiteral("SELECT count(*) FROM ad_photo WHERE ad_id = %1").arg(adId));
        };
        // Marie, with psql, adds a photo to her published ad: refused, nothing added.
        QVERIFY(!addPhoto(*m_marie, published.id, 3));
        QCOMPARE(photos(published.id), 0);
        // On her draft, photos come and go freely.
        QVERIFY(addPhoto(*m_marie, m_draft, 3));
        QVERIFY(sqlRuns(*m_marie,
                        QStringLiteral("DELETE FROM ad_photo WHERE ad_id = %1").arg(m_draft)));
        // A moderator may correct the photos of a published ad.
        QVERIFY(addPhoto(*m_claire, published.id, 0));
        QCOMPARE(photos(published.id), 1);
        // Marie can neither remove it nor move it, even in one transaction with other rows.
        QVERIFY(!sqlRuns(
                *m_marie,
                QStringLiteral("DELETE FROM ad_photo WHERE ad_id = %1").arg(published.id)));
        QVERIFY(!sqlRuns(*m_marie,
                         QStringLiteral("UPDATE ad_photo SET position = 5 WHERE ad_id = %1")
                                 .arg(published.id)));
        QVERIFY(m_marie->connection().transaction());
        QVERIFY(addPhoto(*m_marie, m_draft, 4));      // accepted so far...
        QVERIFY(addPhoto(*m_marie, published.id, 4)); // ...checked at commit
        QVERIFY(!m_marie->connection().commit());
        m_marie->connection().rollback();
        QCOMPARE(photos(published.id), 1);
        QCOMPARE(photos(m_draft), 0); // the whole transaction went
        QCOMPARE(AdRepository(*m_admin).get(published.id)->state, AdState::Published);

        // Paul, who may not edit Marie's ad at all, cannot either.
        QVERIFY(!addPhoto(*m_paul, published.id, 2));

        // Through the application: Marie's new photo sends the ad back to moderation, with its
        // history, in one transaction the server accepts.
        auto mine = AdRepository(*m_marie).get(published.id);
        QVERIFY(mine);
        Ad edited = *mine;
        edited.photos.append({0, int(edited.photos.size()), jpeg, jpeg});
        const auto saved = AdRepository(*m_marie).update(edited, m_world.ownerActor());
        QVERIFY2(saved, qPrintable(saved.error().message + u' ' + saved.error().detail));
        QCOMPARE(saved->state, AdState::Pending);
        QCOMPARE(photos(published.id), 2);
        const auto history = AdRepository(*m_admin).history(published.id);
        QCOMPARE(history->last().action, AdAction::Edit);
        QCOMPARE(history->last().actorId, m_world.owner);
    }

private:
    bool asAdmin(const QString &statement) { return sqlRuns(*m_admin, statement); }
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin, m_marie, m_paul, m_claire;
    World m_world;
    qint64 m_draft = 0, m_pending = 0, m_published = 0, m_paulPublished = 0;
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
