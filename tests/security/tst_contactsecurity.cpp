// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Contact requests behind the wall: each person connects with their own login, as with psql.
// An agent asks in their own name about someone else's ad in the catalogue; the requester and
// the poster read the request, moderators read them all, nobody else; nobody changes or deletes
// one.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/ContactRequests.h"
#include "storage/AdRepository.h"
#include "storage/ReferenceRepository.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <map>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestContactSecurity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("roles and row-level security exist on PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("contactsecurity"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        // Logins of this suite only: roles are cluster-wide.
        m_marieId = enrolLogin(*m_admin, QStringLiteral("ctc_marie"), Role::Agent, m_world.waste);
        m_paulId = enrolLogin(*m_admin, QStringLiteral("ctc_paul"), Role::Agent, m_world.waste);
        m_anneId = enrolLogin(*m_admin, QStringLiteral("ctc_anne"), Role::Agent, m_world.waste);
        m_claireId = enrolLogin(*m_admin,
                                QStringLiteral("ctc_claire"),
                                Role::Agent | Role::Moderator,
                                m_world.waste);
        m_leoId = enrolLogin(*m_admin, u"ctc_leo"_s, Role::Logistics, m_world.waste);
        m_rootId = enrolLogin(*m_admin, u"ctc_root"_s, Role::Admin, m_world.waste);
        QVERIFY(m_marieId > 0 && m_paulId > 0 && m_anneId > 0 && m_claireId > 0);
        QVERIFY(m_leoId > 0 && m_rootId > 0);
        m_marie = m_test->openAs(QStringLiteral("ctc_marie"));
        m_paul = m_test->openAs(QStringLiteral("ctc_paul"));
        m_anne = m_test->openAs(QStringLiteral("ctc_anne"));
        m_claire = m_test->openAs(QStringLiteral("ctc_claire"));
        m_leo = m_test->openAs(u"ctc_leo"_s);
        m_root = m_test->openAs(u"ctc_root"_s);
        QVERIFY(m_marie && m_paul && m_anne && m_claire && m_leo && m_root);

        // Marie's ad, published; Marie's draft, not in the catalogue.
        World asMarie = m_world;
        asMarie.owner = m_marieId;
        m_ad = publishedAd(*m_admin, asMarie, QStringLiteral("Armoire basse")).id;
        Ad draft = asMarie.sampleAd(QStringLiteral("Brouillon de Marie"));
        const auto created = AdRepository(*m_admin).create(draft, {m_marieId, false, false});
        QVERIFY(created);
        m_draft = created->id;

        // Paul asks through the application, as himself.
        const auto paul = ReferenceRepository(*m_paul).agent(m_paulId);
        QVERIFY(paul);
        const auto request = ContactRequests(*m_paul).send(
                m_ad, *paul, m_world.library, QStringLiteral("Intéressé."), mailSettings());
        QVERIFY2(request, qPrintable(request.error().message + u' ' + request.error().detail));
        m_request = request->id;
    }
    void cleanupTestCase()
    {
        m_marie.reset();
        m_paul.reset();
        m_anne.reset();
        m_claire.reset();
        m_leo.reset();
        m_root.reset();
        m_admin.reset();
        m_test.reset();
    }

    void requesterAndPosterReadTheRequestOthersDoNot()
    {
        const QString all = QStringLiteral("SELECT id FROM contact_request");
        QCOMPARE(idsOf(*m_paul, all), QSet<qint64>{m_request});
        QCOMPARE(idsOf(*m_marie, all), QSet<qint64>{m_request});
        QCOMPARE(idsOf(*m_anne, all), QSet<qint64>{});
        QCOMPARE(idsOf(*m_claire, all), QSet<qint64>{m_request});
        QCOMPARE(ContactRequests(*m_marie).forAd(m_ad)->size(), 1);
        QCOMPARE(ContactRequests(*m_anne).forAd(m_ad)->size(), 0);
    }

    void agentCannotAskInSomeoneElsesName()
    {
        QSqlQuery q(m_anne->connection());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO contact_request (ad_id, requester_id, "
                                       "requesting_service_id, message, message_id) "
                                       "VALUES (%1, %2, %3, 'x', '<x@y>')")
                                .arg(m_ad)
                                .arg(m_paulId)
                                .arg(m_world.library)));
        QVERIFY2(q.lastError().text().contains(QLatin1String("own name")),
                 qPrintable(q.lastError().text()));
    }

    // Each request mails the poster: once per ad and requester, whatever SQL the requester
    // runs, and whatever service they name (migration 026).
    void oneRequestPerAdAndRequester()
    {
        QSqlQuery q(m_paul->connection());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO contact_request (ad_id, requester_id, "
                                       "requesting_service_id, message, message_id) "
                                       "VALUES (%1, %2, %3, 'encore', '<x2@y>')")
                                .arg(m_ad)
                                .arg(m_paulId)
                                .arg(m_world.library)));
        QVERIFY2(q.lastError().text().contains(QLatin1String("already asked")),
                 qPrintable(q.lastError().text()));
        const auto paul = ReferenceRepository(*m_paul).agent(m_paulId);
        QVERIFY(paul);
        const auto again = ContactRequests(*m_paul).send(
                m_ad, *paul, m_world.schools, QStringLiteral("Encore moi."), mailSettings());
        QVERIFY(!again);
        QCOMPARE(again.error().kind, Error::Kind::Conflict);
        QVERIFY2(again.error().message.contains(QLatin1String("already asked")),
                 qPrintable(again.error().message));
        QCOMPARE(ContactRequests(*m_paul).forAd(m_ad)->size(), 1);
    }

    void agentCannotAskAboutOwnOrHiddenAds_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("own published ad") << QStringLiteral("own");
        QTest::newRow("someone's draft") << QStringLiteral("draft");
    }
    void agentCannotAskAboutOwnOrHiddenAds()
    {
        QFETCH(QString, which);
        Database &db = which == QLatin1String("own") ? *m_marie : *m_anne;
        const qint64 me = which == QLatin1String("own") ? m_marieId : m_anneId;
        const qint64 ad = which == QLatin1String("own") ? m_ad : m_draft;
        QSqlQuery q(db.connection());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO contact_request (ad_id, requester_id, "
                                       "requesting_service_id, message, message_id) "
                                       "VALUES (%1, %2, %3, 'x', '<x@y>')")
                                .arg(ad)
                                .arg(me)
                                .arg(m_world.library)));
        QVERIFY2(q.lastError().text().contains(QLatin1String("row-level security")),
                 qPrintable(q.lastError().text()));
    }

    void theDateIsTheServers()
    {
        QSqlQuery q(m_anne->connection());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO contact_request (ad_id, requester_id, "
                                       "requesting_service_id, message, message_id, created_at) "
                                       "VALUES (%1, %2, %3, 'x', '<x@y>', '2020-01-01')")
                                .arg(m_ad)
                                .arg(m_anneId)
                                .arg(m_world.library)));
        QVERIFY2(q.lastError().text().contains(QLatin1String("permission denied")),
                 qPrintable(q.lastError().text()));
    }

    void nobodyChangesOrDeletesARequest_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::newRow("change the message")
                << QStringLiteral("UPDATE contact_request SET message = 'autre'");
        QTest::newRow("change the service")
                << QStringLiteral("UPDATE contact_request SET requesting_service_id = 1");
        QTest::newRow("delete") << QStringLiteral("DELETE FROM contact_request");
    }
    void nobodyChangesOrDeletesARequest()
    {
        QFETCH(QString, statement);
        for (Database *db : {m_paul.get(), m_marie.get(), m_claire.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY(!q.exec(statement));
            QVERIFY2(q.lastError().text().contains(QLatin1String("permission denied")),
                     qPrintable(q.lastError().text()));
        }
        QCOMPARE(idsOf(*m_admin,
                       QStringLiteral("SELECT id FROM contact_request WHERE message = "
                                      "'Intéressé.'")),
                 QSet<qint64>{m_request});
    }

    // Answers to a wanted ad, with raw SQL as each login: in one's own name, about someone
    // else's wanted ad that is open and in date, once; its author reads them, and the
    // moderators, nobody else.
    void answeringAWantedAdAsEachLogin_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("wanted");  // whose, and in what state
        QTest::addColumn<QString>("refusal"); // empty: allowed
        QTest::newRow("agent, someone's open wanted ad") << u"anne"_s << u"open"_s << QString();
        QTest::newRow("moderator, someone's open wanted ad")
                << u"claire"_s << u"open"_s << QString();
        QTest::newRow("logistics, someone's open wanted ad") << u"leo"_s << u"open"_s << QString();
        // Every login is an agent too (migration 018): an administrator answers in their own name.
        QTest::newRow("administrator, someone's open wanted ad")
                << u"admin"_s << u"open"_s << QString();
        QTest::newRow("agent, own wanted ad") << u"marie"_s << u"open"_s << u"row-level security"_s;
        QTest::newRow("agent, closed wanted ad")
                << u"anne"_s << u"closed"_s << u"row-level security"_s;
        QTest::newRow("agent, expired wanted ad")
                << u"anne"_s << u"expired"_s << u"row-level security"_s;
        QTest::newRow("agent, an ad and a wanted ad at once")
                << u"anne"_s << u"both"_s << u"row-level security"_s;
        QTest::newRow("agent, in someone else's name")
                << u"paul-as-anne"_s << u"open"_s << u"own name"_s;
    }
    void answeringAWantedAdAsEachLogin()
    {
        QFETCH(QString, login);
        QFETCH(QString, wanted);
        QFETCH(QString, refusal);
        const qint64 target = mariesWanted(wanted);
        QVERIFY(target > 0);
        const std::map<QString, std::pair<Database *, qint64>> logins{
                {u"anne"_s, {m_anne.get(), m_anneId}},
                {u"claire"_s, {m_claire.get(), m_claireId}},
                {u"leo"_s, {m_leo.get(), m_leoId}},
                {u"admin"_s, {m_root.get(), m_rootId}},
                {u"marie"_s, {m_marie.get(), m_marieId}},
                {u"paul-as-anne"_s, {m_paul.get(), m_anneId}}};
        const auto [db, requester] = logins.at(login);
        const int before = countOf(*m_admin, u"SELECT count(*) FROM contact_request"_s);
        QSqlQuery q(db->connection());
        const bool written
                = q.exec(u"INSERT INTO contact_request (ad_id, wanted_ad_id, requester_id, "
                         "requesting_service_id, message, message_id) VALUES (%1, %2, %3, %4, "
                         "'J''en ai deux.', '<w%2@agglo.test>')"_s
                                 .arg(wanted == u"both"_s ? QString::number(m_ad) : u"NULL"_s)
                                 .arg(target)
                                 .arg(requester)
                                 .arg(m_world.library));
        if (refusal.isEmpty()) {
            QVERIFY2(written, qPrintable(q.lastError().text()));
            QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM contact_request"_s), before + 1);
            // The author reads it; the one who answered too; another agent does not.
            const QString about
                    = u"SELECT id FROM contact_request WHERE wanted_ad_id = %1"_s.arg(target);
            QCOMPARE(idsOf(*m_marie, about).size(), 1);
            QCOMPARE(idsOf(*db, about).size(), 1);
            QCOMPARE(idsOf(*m_paul, about).size(), 0);
            // A second answer, for another service: refused.
            QSqlQuery again(db->connection());
            QVERIFY(!again.exec(u"INSERT INTO contact_request (wanted_ad_id, requester_id, "
                                "requesting_service_id, message, message_id) VALUES (%1, %2, "
                                "%3, 'Encore.', '<again%1@agglo.test>')"_s.arg(target)
                                        .arg(requester)
                                        .arg(m_world.schools)));
            QVERIFY2(again.lastError().text().contains(u"already answered"_s),
                     qPrintable(again.lastError().text()));
        } else {
            QVERIFY(!written);
            QVERIFY2(q.lastError().text().contains(refusal), qPrintable(q.lastError().text()));
        }
        QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM contact_request"_s),
                 before + (refusal.isEmpty() ? 1 : 0));
    }

    // Once holds whatever the transaction's snapshot (hostile review of 026, finding 1): a
    // snapshot exported before Anne's first request, then used by another of her sessions,
    // does not see that request; the unique index does. The same with two plain REPEATABLE
    // READ sessions answering a wanted ad.
    void onceHoldsUnderAnExportedSnapshot()
    {
        World asMarie = m_world;
        asMarie.owner = m_marieId;
        const qint64 ad = publishedAd(*m_admin, asMarie, u"Table ronde"_s).id;
        const auto a = m_test->openAs(u"ctc_anne"_s);
        const auto b = m_test->openAs(u"ctc_anne"_s);
        QVERIFY(a && b);
        QSqlQuery qa(a->connection());
        QVERIFY(qa.exec(u"BEGIN ISOLATION LEVEL REPEATABLE READ"_s));
        QVERIFY2(qa.exec(u"SELECT pg_export_snapshot()"_s) && qa.next(),
                 qPrintable(qa.lastError().text()));
        const QString snapshot = qa.value(0).toString();
        const QString insert = u"INSERT INTO contact_request (ad_id, requester_id, "
                               "requesting_service_id, message, message_id) VALUES (%1, %2, %3, "
                               "'%4', '<%4@agglo.test>')"_s;
        QVERIFY(execSql(*m_anne, insert.arg(ad).arg(m_anneId).arg(m_world.library).arg(u"one"_s)));
        for (const QString &answer : {u"two"_s, u"three"_s}) {
            QSqlQuery qb(b->connection());
            QVERIFY(qb.exec(u"BEGIN ISOLATION LEVEL REPEATABLE READ"_s));
            QVERIFY2(qb.exec(u"SET TRANSACTION SNAPSHOT '%1'"_s.arg(snapshot)),
                     qPrintable(qb.lastError().text()));
            const bool written
                    = qb.exec(insert.arg(ad).arg(m_anneId).arg(m_world.library).arg(answer));
            const QString error = qb.lastError().text();
            QVERIFY(qb.exec(written ? u"COMMIT"_s : u"ROLLBACK"_s));
            QVERIFY2(!written, "a second request under an old snapshot was accepted");
            QVERIFY2(error.contains(u"contact_request_asked_once"_s), qPrintable(error));
        }
        QVERIFY(qa.exec(u"ROLLBACK"_s));
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM contact_request WHERE ad_id = %1"_s.arg(ad)),
                 1);

        const qint64 wanted = mariesWanted(u"open"_s);
        QVERIFY(wanted > 0);
        QSqlQuery qb(b->connection());
        QVERIFY(qb.exec(u"BEGIN ISOLATION LEVEL REPEATABLE READ"_s));
        QVERIFY(qb.exec(u"SELECT count(*) FROM contact_request"_s));
        const QString answer = u"INSERT INTO contact_request (wanted_ad_id, requester_id, "
                               "requesting_service_id, message, message_id) VALUES (%1, %2, %3, "
                               "'%4', '<%4@agglo.test>')"_s;
        QVERIFY(execSql(*m_anne,
                        answer.arg(wanted).arg(m_anneId).arg(m_world.library).arg(u"w1"_s)));
        const bool written
                = qb.exec(answer.arg(wanted).arg(m_anneId).arg(m_world.library).arg(u"w2"_s));
        const QString error = qb.lastError().text();
        QVERIFY(qb.exec(written ? u"COMMIT"_s : u"ROLLBACK"_s));
        QVERIFY2(!written, "a second answer in REPEATABLE READ was accepted");
        QVERIFY2(error.contains(u"contact_request_answered_once"_s), qPrintable(error));
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM contact_request WHERE wanted_ad_id = %1"_s.arg(
                                 wanted)),
                 1);
    }

    // A request is dated when it is written, not when its transaction began (finding 2): a
    // transaction opened before a store delivery no longer dates a request before it.
    void aRequestIsDatedWhenWritten()
    {
        const qint64 wanted = mariesWanted(u"open"_s);
        QVERIFY(wanted > 0);
        QSqlQuery q(m_anne->connection());
        QVERIFY(q.exec(u"BEGIN"_s));
        QVERIFY(q.exec(u"SELECT now(), pg_sleep(0.05)"_s));
        const bool written = q.exec(
                u"INSERT INTO contact_request (wanted_ad_id, requester_id, requesting_service_id, "
                "message, message_id) VALUES (%1, %2, %3, 'x', '<late@agglo.test>') "
                "RETURNING created_at > now()"_s.arg(wanted)
                        .arg(m_anneId)
                        .arg(m_world.library));
        const bool later = written && q.next() && q.value(0).toBool();
        const QString error = q.lastError().text();
        QVERIFY(q.exec(u"ROLLBACK"_s));
        QVERIFY2(written, qPrintable(error));
        QVERIFY2(later, "the request was dated at its transaction's start");
    }

    // Nobody can hold up someone else's Contact with an advisory lock (finding 3): Leo holds
    // the lock the trigger used to take for Anne about an ad; Anne still asks, at once.
    void anAdvisoryLockBlocksNobody()
    {
        World asMarie = m_world;
        asMarie.owner = m_marieId;
        const qint64 ad = publishedAd(*m_admin, asMarie, u"Étagère"_s).id;
        QSqlQuery leo(m_leo->connection());
        QVERIFY2(leo.exec(u"SELECT pg_advisory_lock(hashtextextended('contact ad %1 %2', 0))"_s
                                  .arg(ad)
                                  .arg(m_anneId)),
                 qPrintable(leo.lastError().text()));
        QVERIFY(execSql(*m_anne, u"SET lock_timeout = '2s'"_s));
        const bool asked = sqlRuns(*m_anne,
                                   u"INSERT INTO contact_request (ad_id, requester_id, "
                                   "requesting_service_id, message, message_id) VALUES (%1, %2, "
                                   "%3, 'x', '<unblocked@agglo.test>')"_s.arg(ad)
                                           .arg(m_anneId)
                                           .arg(m_world.library));
        QVERIFY(execSql(*m_anne, u"RESET lock_timeout"_s));
        QVERIFY(leo.exec(u"SELECT pg_advisory_unlock_all()"_s));
        QVERIFY2(asked, "Leo's advisory lock held up Anne's request");
    }

    // A departed author (finding 4): deactivating them closes their open wanted ads, nobody
    // answers them any more, and a mail already queued for them is refused to the sender.
    void aDepartedAuthorsWantedAdsClose()
    {
        const qint64 goneId = enrolLogin(*m_admin, u"ctc_gone"_s, Role::Agent, m_world.waste);
        QVERIFY(goneId > 0);
        const auto gone = m_test->openAs(u"ctc_gone"_s);
        QVERIFY(gone);
        QSqlQuery q(gone->connection());
        QVERIFY2(q.exec(u"INSERT INTO wanted_ad (author_id, service_id, site_id, title, keywords) "
                        "VALUES (%1, %2, %3, 'Recherche : banc', 'banc') RETURNING id"_s.arg(goneId)
                                .arg(m_world.waste)
                                .arg(m_world.depot))
                         && q.next(),
                 qPrintable(q.lastError().text()));
        const qint64 wanted = q.value(0).toLongLong();
        const auto anne = ReferenceRepository(*m_anne).agent(m_anneId);
        QVERIFY(anne);
        const auto answer = ContactRequests(*m_anne).send(ContactTarget::wantedAd(wanted),
                                                          *anne,
                                                          m_world.library,
                                                          u"J’ai un banc."_s,
                                                          mailSettings());
        QVERIFY2(answer, qPrintable(answer.error().message + u' ' + answer.error().detail));
        const QString verdict = u"SELECT recup.outbox_row_verdict(id) FROM outbox "
                                "WHERE kind = 'contact' AND action_id = %1"_s.arg(answer->id);
        QSqlQuery before(m_claire->connection());
        QVERIFY2(before.exec(verdict) && before.next(), qPrintable(before.lastError().text()));
        QCOMPARE(before.value(0).toString(), QString());

        // The administrator deactivates them, with raw SQL.
        QVERIFY(execSql(*m_root, u"UPDATE agent SET active = false WHERE id = %1"_s.arg(goneId)));
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM wanted_ad WHERE id = %1 AND state = 'closed'"_s.arg(
                                 wanted)),
                 1);
        QSqlQuery after(m_claire->connection());
        QVERIFY2(after.exec(verdict) && after.next(), qPrintable(after.lastError().text()));
        QCOMPARE(after.value(0).toString(), u"not-your-action"_s);
        QSqlQuery leo(m_leo->connection());
        QVERIFY(!leo.exec(u"INSERT INTO contact_request (wanted_ad_id, requester_id, "
                          "requesting_service_id, message, message_id) VALUES (%1, %2, %3, "
                          "'Moi aussi.', '<gone@agglo.test>')"_s.arg(wanted)
                                  .arg(m_leoId)
                                  .arg(m_world.library)));
        QVERIFY2(leo.lastError().text().contains(u"row-level security"_s),
                 qPrintable(leo.lastError().text()));
    }

private:
    // A wanted ad of Marie's: "open", "closed", "expired" (or "both": open). Returns its id.
    qint64 mariesWanted(const QString &state)
    {
        QSqlQuery q(m_marie->connection());
        if (!q.exec(u"INSERT INTO wanted_ad (author_id, service_id, site_id, title, keywords) "
                    "VALUES (%1, %2, %3, 'Recherche : armoire', 'armoire') RETURNING id"_s
                            .arg(m_marieId)
                            .arg(m_world.waste)
                            .arg(m_world.depot))
            || !q.next()) {
            qWarning("wanted: %s", qPrintable(q.lastError().text()));
            return 0;
        }
        const qint64 id = q.value(0).toLongLong();
        if (state == u"closed"_s
            && !execSql(*m_marie, u"UPDATE wanted_ad SET state = 'closed' WHERE id = %1"_s.arg(id)))
            return 0;
        if (state == u"expired"_s
            && !execSql(*m_admin,
                        u"UPDATE wanted_ad SET expires_at = now() - interval '1 hour' "
                        "WHERE id = %1"_s.arg(id)))
            return 0;
        return id;
    }
    static MailSettings mailSettings()
    {
        MailSettings settings;
        settings.sender = {QStringLiteral("collectiv-recup@agglo.test"), {}};
        return settings;
    }
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin, m_marie, m_paul, m_anne, m_claire, m_leo, m_root;
    World m_world;
    qint64 m_marieId = 0, m_paulId = 0, m_anneId = 0, m_claireId = 0, m_leoId = 0, m_rootId = 0;
    qint64 m_ad = 0, m_draft = 0, m_request = 0;
};

QTEST_GUILESS_MAIN(TestContactSecurity)
#include "tst_contactsecurity.moc"
