// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Wanted ads behind the wall (migration 023), each person with their own login as with psql:
// an agent posts only in their own name for their own service, never dates one nor posts it
// closed, and closes only their own; every agent reads the open ones in date, the author all
// of theirs; moderators and administrators read and close any. Nobody writes a match by hand:
// only the approving moderator's call in the approval's transaction does, and its mail goes to
// the searcher alone — a forged 'wanted-match' row in the outbox is refused, whoever writes it.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/AdWorkflow.h"
#include "mail/MailMessage.h"
#include "storage/OutboxRepository.h"
#include "storage/WantedAdRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString Sender = u"collectiv-recup@agglo.test"_s;

} // namespace

class TestWantedSecurity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("roles and row-level security exist on PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, u"wantedsecurity"_s);
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        // Paul looks for cupboards; Marc posts the ads; Léa is logistics; Mona moderates;
        // Alain administers.
        m_paulId = enrolLogin(*m_admin, u"wnt_paul"_s, Role::Agent, m_world.library);
        m_marcId = enrolLogin(*m_admin, u"wnt_marc"_s, Role::Agent, m_world.waste);
        m_leaId = enrolLogin(*m_admin, u"wnt_lea"_s, Role::Agent | Role::Logistics, m_world.waste);
        m_monaId = enrolLogin(
                *m_admin, u"wnt_mona"_s, Role::Agent | Role::Moderator, m_world.schools);
        m_alainId
                = enrolLogin(*m_admin, u"wnt_alain"_s, Role::Agent | Role::Admin, m_world.schools);
        QVERIFY(m_paulId > 0 && m_marcId > 0 && m_leaId > 0 && m_monaId > 0 && m_alainId > 0);
        for (const auto &[login, db] : {std::pair{u"wnt_paul"_s, &m_paul},
                                        std::pair{u"wnt_marc"_s, &m_marc},
                                        std::pair{u"wnt_lea"_s, &m_lea},
                                        std::pair{u"wnt_mona"_s, &m_mona},
                                        std::pair{u"wnt_alain"_s, &m_alain}}) {
            *db = m_test->openAs(login);
            QVERIFY2(*db, qPrintable(login));
        }
        QVERIFY(OutboxRepository(*m_admin).setPolicy({Sender, u"Collectiv'Récup"_s, {}}));
        m_asMarc = m_world;
        m_asMarc.owner = m_marcId;

        // Paul's wanted ad, through the repository on his own session.
        const auto posted = WantedAdRepository(*m_paul).post(
                paulsWanted(u"Recherche : armoires métalliques"_s, u"armoire métallique"_s));
        QVERIFY2(posted, qPrintable(posted.error().message + posted.error().detail));
        m_paulsWanted = posted->id;
        // Mona approves Marc's matching ad through the workflow, on her session: one match.
        const Ad pending = pendingAd(*m_admin, m_asMarc, u"Armoire métallique haute"_s);
        AdWorkflow workflow(*m_mona, MailSettings());
        const auto approved
                = workflow.transition(pending.id,
                                      {AdAction::Approve, pending.version, {}, {}, 0, {}},
                                      Actor{m_monaId, true, false});
        QVERIFY2(approved, qPrintable(approved.error().message + approved.error().detail));
        QCOMPARE(workflow.mailsWritten(), 2);
        m_matchedAd = pending.id;
        m_match = countOf(*m_admin,
                          u"SELECT id FROM wanted_match WHERE wanted_id = %1"_s.arg(m_paulsWanted));
        QVERIFY(m_match > 0);
        // An ad the world's moderator approved (not Mona).
        m_othersApproval = publishedAdOf(*m_admin, m_world, m_marcId, u"Armoire métallique"_s).id;
    }
    void cleanupTestCase()
    {
        for (auto *db : {&m_paul, &m_marc, &m_lea, &m_mona, &m_alain, &m_admin})
            db->reset();
        m_test.reset();
    }

    void anAgentPostsOnlyInTheirOwnNameForTheirService_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("columns");
        QTest::addColumn<QString>("values");
        QTest::newRow("in another agent's name") << u"wnt_marc"_s << u"author_id, service_id"_s
                                                 << u"%1, %2"_s.arg(m_paulId).arg(m_world.library);
        QTest::newRow("for another service") << u"wnt_marc"_s << u"author_id, service_id"_s
                                             << u"%1, %2"_s.arg(m_marcId).arg(m_world.library);
        QTest::newRow("logistics for another service")
                << u"wnt_lea"_s << u"author_id, service_id"_s
                << u"%1, %2"_s.arg(m_leaId).arg(m_world.schools);
        QTest::newRow("dated by the agent")
                << u"wnt_marc"_s << u"author_id, service_id, expires_at"_s
                << u"%1, %2, now() + interval '10 years'"_s.arg(m_marcId).arg(m_world.waste);
        QTest::newRow("posted closed") << u"wnt_marc"_s << u"author_id, service_id, state"_s
                                       << u"%1, %2, 'closed'"_s.arg(m_marcId).arg(m_world.waste);
    }
    void anAgentPostsOnlyInTheirOwnNameForTheirService()
    {
        QFETCH(QString, login);
        QFETCH(QString, columns);
        QFETCH(QString, values);
        const int before = countOf(*m_admin, u"SELECT count(*) FROM wanted_ad"_s);
        QSqlQuery q(as(login).connection());
        QVERIFY(!q.exec(u"INSERT INTO recup.wanted_ad (%1, site_id, title, keywords) "
                        "VALUES (%2, %3, 'Recherche : bureaux', 'bureau')"_s.arg(columns, values)
                                .arg(m_world.depot)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM wanted_ad"_s), before);
        // The same in their own name for their own service goes through, dated by the server.
        const qint64 self = idOf(login);
        const qint64 service = m_world.waste; // Marc's and Léa's
        QVERIFY2(q.exec(u"INSERT INTO recup.wanted_ad (author_id, service_id, site_id, title, "
                        "keywords) VALUES (%1, %2, %3, 'Recherche : bureaux', 'bureau') "
                        "RETURNING expires_at > now() + interval '59 days'"_s.arg(self)
                                .arg(service)
                                .arg(m_world.depot)),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toBool());
    }

    void everyAgentReadsTheOpenOnesTheAuthorAllOfTheirs()
    {
        const auto hidden = WantedAdRepository(*m_paul).post(
                paulsWanted(u"Recherche : casiers"_s, u"casier"_s));
        QVERIFY(hidden);
        QVERIFY(execSql(*m_admin,
                        u"UPDATE wanted_ad SET expires_at = now() - interval '1 day' "
                        "WHERE id = %1"_s.arg(hidden->id)));
        const QString open
                = u"SELECT count(*) FROM recup.wanted_ad WHERE id = %1"_s.arg(m_paulsWanted);
        const QString expired
                = u"SELECT count(*) FROM recup.wanted_ad WHERE id = %1"_s.arg(hidden->id);
        for (Database *db : {m_paul.get(), m_marc.get(), m_lea.get(), m_mona.get(), m_alain.get()})
            QCOMPARE(countOf(*db, open), 1);
        QCOMPARE(countOf(*m_paul, expired), 1);
        QCOMPARE(countOf(*m_marc, expired), 0);
        QCOMPARE(countOf(*m_lea, expired), 0);
        QCOMPARE(countOf(*m_mona, expired), 1);
        QCOMPARE(countOf(*m_alain, expired), 1);
    }

    void onlyTheAuthorOrAModeratorClosesAWantedAd()
    {
        const auto posted = WantedAdRepository(*m_paul).post(
                paulsWanted(u"Recherche : vestiaires"_s, u"vestiaire"_s));
        QVERIFY(posted);
        const QString close
                = u"UPDATE recup.wanted_ad SET state = 'closed' WHERE id = %1"_s.arg(posted->id);
        for (Database *db : {m_marc.get(), m_lea.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY2(q.exec(close), qPrintable(q.lastError().text()));
            QCOMPARE(q.numRowsAffected(), 0);
        }
        // Nobody rewrites what a wanted ad says, its author or its dates, not even its author.
        for (const QString &set : {u"title = 'Recherche : tout'"_s,
                                   u"keywords = 'tout'"_s,
                                   u"author_id = %1"_s.arg(m_marcId),
                                   u"expires_at = now() + interval '5 years'"_s}) {
            QSqlQuery q(m_paul->connection());
            QVERIFY2(!q.exec(u"UPDATE recup.wanted_ad SET %1 WHERE id = %2"_s.arg(set).arg(
                             posted->id)),
                     qPrintable(set));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
        QVERIFY(WantedAdRepository(*m_paul).close(posted->id));
        QCOMPARE(WantedAdRepository(*m_paul).get(posted->id)->state, WantedAd::State::Closed);
        // Closed stays closed.
        QSqlQuery reopen(m_paul->connection());
        QVERIFY(!reopen.exec(
                u"UPDATE recup.wanted_ad SET state = 'open' WHERE id = %1"_s.arg(posted->id)));
        QCOMPARE(reopen.lastError().nativeErrorCode(), u"42501"_s);
        // A moderator closes anyone's (abuse), an administrator too.
        for (Database *db : {m_mona.get(), m_alain.get()}) {
            const auto other = WantedAdRepository(*m_paul).post(
                    paulsWanted(u"Recherche : n'importe quoi"_s, u"quoi"_s));
            QVERIFY(other);
            QVERIFY(WantedAdRepository(*db).close(other->id));
        }
    }

    void nobodyWritesAMatchByHand()
    {
        for (Database *db :
             {m_paul.get(), m_marc.get(), m_lea.get(), m_mona.get(), m_alain.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY(!q.exec(u"INSERT INTO recup.wanted_match (wanted_id, ad_id, history_id) "
                            "SELECT %1, %2, max(id) FROM recup.ad_history"_s.arg(m_paulsWanted)
                                    .arg(m_othersApproval)));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
            QVERIFY(!q.exec(u"UPDATE recup.wanted_match SET ad_id = %1"_s.arg(m_othersApproval)));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
            QVERIFY(!q.exec(u"DELETE FROM recup.wanted_match"_s));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
        // Agents and logistics staff do not call the matching at all.
        for (Database *db : {m_paul.get(), m_marc.get(), m_lea.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY(!q.exec(u"SELECT recup.match_wanted_ads(%1)"_s.arg(m_othersApproval)));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
        // A moderator only for an approval of her own, the ad's latest step.
        QSqlQuery q(m_mona->connection());
        QVERIFY(!q.exec(u"SELECT recup.match_wanted_ads(%1)"_s.arg(m_othersApproval)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM wanted_match WHERE ad_id = %1"_s.arg(
                                 m_othersApproval)),
                 0);
        // Her own approval again writes nothing more: a wanted ad hears of an ad once.
        QVERIFY2(q.exec(u"SELECT recup.match_wanted_ads(%1)"_s.arg(m_matchedAd)),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void theSearcherAndModeratorsReadTheMatch()
    {
        const QString match
                = u"SELECT count(*) FROM recup.wanted_match WHERE id = %1"_s.arg(m_match);
        QCOMPARE(countOf(*m_paul, match), 1);
        QCOMPARE(countOf(*m_marc, match), 0);
        QCOMPARE(countOf(*m_lea, match), 0);
        QCOMPARE(countOf(*m_mona, match), 1);
        QCOMPARE(countOf(*m_alain, match), 1);
        const auto alerts = WantedAdRepository(*m_paul).alertsOf(m_paulId);
        QVERIFY(alerts);
        QCOMPARE(alerts->size(), 1);
        QCOMPARE(alerts->first().adId, m_matchedAd);
    }

    void theGenuineMailIsTakenOnce()
    {
        const int id = countOf(*m_admin,
                               u"SELECT id FROM outbox WHERE kind = 'wanted-match' "
                               "AND action_id = %1"_s.arg(m_match));
        QVERIFY(id > 0);
        const auto row = OutboxRepository(*m_mona).get(id);
        QVERIFY2(row, qPrintable(row.error().detail));
        QCOMPARE(row->authorId, m_monaId);
        QCOMPARE(row->recipients, QStringList{u"wnt_paul@agglo.test"_s});
        QSqlQuery q(m_mona->connection());
        QVERIFY(q.exec(u"SELECT recup.outbox_row_verdict(%1)"_s.arg(id)) && q.next());
        QCOMPARE(q.value(0).toString(), QString());
        // A second row for the same match is refused (one mail per action).
        QVERIFY(!forge(*m_mona, m_match, u"wnt_paul@agglo.test"_s, Sender));
    }

    // 'wanted-match' rows written by hand, as each login with psql.
    void forgedMatchMailsAreRefused_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("recipients");
        QTest::addColumn<QString>("envelopeFrom");
        QTest::addColumn<QString>("refusal");
        const QString seeker = u"wnt_paul@agglo.test"_s;
        const QString outside = u"victime@ailleurs.example"_s;
        QTest::newRow("the searcher names his own match")
                << u"wnt_paul"_s << seeker << Sender << u"(not-your-action)"_s;
        QTest::newRow("the poster names the match of her ad")
                << u"wnt_marc"_s << seeker << Sender << u"(not-your-action)"_s;
        QTest::newRow("logistics to an outside address")
                << u"wnt_lea"_s << outside << Sender << u"(not-your-action)"_s;
        QTest::newRow("another moderator or administrator")
                << u"wnt_alain"_s << seeker << Sender << u"(not-your-action)"_s;
        QTest::newRow("the approving moderator to an outside address")
                << u"wnt_mona"_s << outside << Sender << u"(recipient)"_s;
        QTest::newRow("the approving moderator to the searcher and the poster")
                << u"wnt_mona"_s << seeker + u"\nwnt_marc@agglo.test"_s << Sender
                << u"(recipient)"_s;
        QTest::newRow("the approving moderator from a forged sender")
                << u"wnt_mona"_s << seeker << u"president@agglo.test"_s << u"(sender)"_s;
    }
    void forgedMatchMailsAreRefused()
    {
        QFETCH(QString, login);
        QFETCH(QString, recipients);
        QFETCH(QString, envelopeFrom);
        QFETCH(QString, refusal);
        // Without the genuine row, so that the verdict, not the one-mail rule, is what refuses.
        QVERIFY(execSql(*m_admin, u"DELETE FROM outbox WHERE kind = 'wanted-match'"_s));
        const int before = countOf(*m_admin, u"SELECT count(*) FROM outbox"_s);
        QString error;
        QVERIFY(!forge(as(login), m_match, recipients, envelopeFrom, &error));
        QVERIFY2(error.contains(refusal), qPrintable(error));
        QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM outbox"_s), before);
    }

private:
    WantedAd paulsWanted(const QString &title, const QString &keywords) const
    {
        WantedAd w;
        w.authorId = m_paulId;
        w.serviceId = m_world.library;
        w.siteId = m_world.townHall;
        w.title = title;
        w.keywords = keywords;
        w.quantity = 4;
        return w;
    }
    static bool forge(Database &db,
                      qint64 action,
                      const QString &recipients,
                      const QString &envelopeFrom,
                      QString *error = nullptr)
    {
        QSqlQuery q(db.connection());
        q.prepare(u"INSERT INTO recup.outbox (message_id, author_id, kind, recipients, rfc5322, "
                  "envelope_from, action_id) VALUES (?, recup.current_agent_id(), "
                  "'wanted-match', ?, ?, ?, ?)"_s);
        q.addBindValue(MailMessage::newMessageId(Sender));
        q.addBindValue(recipients);
        q.addBindValue(QByteArray("Subject: Une annonce correspond\r\n\r\nphishing\r\n"));
        q.addBindValue(envelopeFrom);
        q.addBindValue(action);
        const bool ran = q.exec();
        if (error)
            *error = q.lastError().text();
        return ran;
    }
    Database &as(const QString &login)
    {
        return login == QLatin1String("wnt_paul")   ? *m_paul
               : login == QLatin1String("wnt_marc") ? *m_marc
               : login == QLatin1String("wnt_lea")  ? *m_lea
               : login == QLatin1String("wnt_mona") ? *m_mona
                                                    : *m_alain;
    }
    qint64 idOf(const QString &login) const
    {
        return login == QLatin1String("wnt_paul")   ? m_paulId
               : login == QLatin1String("wnt_marc") ? m_marcId
               : login == QLatin1String("wnt_lea")  ? m_leaId
               : login == QLatin1String("wnt_mona") ? m_monaId
                                                    : m_alainId;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin, m_paul, m_marc, m_lea, m_mona, m_alain;
    World m_world, m_asMarc;
    qint64 m_paulId = 0, m_marcId = 0, m_leaId = 0, m_monaId = 0, m_alainId = 0;
    qint64 m_paulsWanted = 0, m_matchedAd = 0, m_match = 0, m_othersApproval = 0;
};

QTEST_GUILESS_MAIN(TestWantedSecurity)
#include "tst_wantedsecurity.moc"
