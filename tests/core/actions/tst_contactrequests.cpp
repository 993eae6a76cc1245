// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Contact with a target, on both backends (issue #13, parts 2 and 3): answering a wanted ad
// writes one mail to its author, the moderators in copy, Reply-To the one who answers, read
// back with Python's email; a second request about the same ad, or a second answer to the same
// wanted ad, is refused with nothing written — by the action, and by the database itself when
// the row is written without it; one's own, a closed or an expired wanted ad cannot be
// answered.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/ContactRequests.h"
#include "storage/OutboxRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/WantedAdRepository.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestContactRequests : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, u"contactrequests"_s);
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        m_settings.sender = {u"collectiv-recup@agglo.test"_s, u"Collectiv'Récup"_s};
        QVERIFY(usePlatformSettings(*m_db, m_settings));
        const auto paul = ReferenceRepository(*m_db).agent(m_world.other);
        const auto marie = ReferenceRepository(*m_db).agent(m_world.owner);
        QVERIFY(paul && marie);
        m_paul = *paul;
        m_marie = *marie;
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }
    void init()
    {
        QVERIFY(execSql(*m_db, u"DELETE FROM outbox"_s));
        QVERIFY(execSql(*m_db, u"DELETE FROM contact_request"_s));
        QVERIFY(execSql(*m_db, u"DELETE FROM wanted_match"_s));
        QVERIFY(execSql(*m_db, u"DELETE FROM wanted_ad"_s));
    }

    void answeringAWantedAdMailsItsAuthorModeratorsInCopy()
    {
        const WantedAd wanted = mariesWanted(u"Recherche : 4 armoires métalliques hautes"_s);
        const auto sent = ContactRequests(*m_db).send(ContactTarget::wantedAd(wanted.id),
                                                      m_paul,
                                                      m_world.library,
                                                      u"Nous en avons deux au sous-sol."_s,
                                                      m_settings);
        QVERIFY2(sent, qPrintable(sent.error().message + u' ' + sent.error().detail));
        QCOMPARE(sent->wantedAdId, wanted.id);
        QCOMPARE(sent->adId, qint64(0));
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM contact_request"_s), 1);
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM outbox"_s), 1);

        const auto ids = idsOf(*m_db, u"SELECT id FROM outbox"_s);
        const auto mail = OutboxRepository(*m_db).get(*ids.cbegin());
        QVERIFY(mail);
        QCOMPARE(mail->kind, u"contact"_s);
        QCOMPARE(mail->authorId, m_world.other);
        // The author and the moderators, nobody else (the searcher's own address least of all).
        QVERIFY2(mail->recipients.contains(u"mdupont@agglo.test"_s),
                 qPrintable(mail->recipients.join(u' ')));
        QVERIFY(mail->recipients.size() >= 2);
        QVERIFY(!mail->recipients.contains(u"pmartin@agglo.test"_s));
        QString error;
        const QJsonObject parsed = parseMail(mail->rfc5322, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The author alone in To, the moderators in Cc, answers to Paul.
        QCOMPARE(headerValue(parsed, u"To"_s), u"Marie Dupont <mdupont@agglo.test>"_s);
        QVERIFY2(headerValue(parsed, u"Cc"_s).contains(u"cbernard@agglo.test"_s),
                 qPrintable(headerValue(parsed, u"Cc"_s)));
        QVERIFY(!headerValue(parsed, u"Cc"_s).contains(u"mdupont"_s));
        QCOMPARE(headerValue(parsed, u"Reply-To"_s), u"Paul Martin <pmartin@agglo.test>"_s);
        QCOMPARE(headerValue(parsed, u"Subject"_s),
                 u"Réponse à votre recherche « Recherche : 4 armoires métalliques hautes »"_s);
        const QString text = textPart(parsed, u"text/plain"_s);
        QVERIFY2(text.contains(u"Nous en avons deux au sous-sol."_s), qPrintable(text));
        QVERIFY2(text.contains(u"Paul Martin (Médiathèque) répond à votre recherche"_s),
                 qPrintable(text));
        const QString html = textPart(parsed, u"text/html"_s);
        QVERIFY2(html.contains(u"Nous en avons deux au sous-sol."_s), qPrintable(html));
        QVERIFY(html.contains(u"lang=\"fr\""_s));

        // Marie reads the answer back with her wanted ad.
        const auto answers = ContactRequestRepository(*m_db).forWantedAd(wanted.id);
        QVERIFY(answers);
        QCOMPARE(answers->size(), 1);
        QCOMPARE(answers->first().requesterName, u"Paul Martin"_s);
        QCOMPARE(answers->first().requestingServiceName, u"Médiathèque"_s);
        const auto answered = ContactRequestRepository(*m_db).answeredWantedAds(m_world.other);
        QVERIFY(answered);
        QCOMPARE(answered->keys(), QList<qint64>{wanted.id});
    }

    // The same person about the same target, whatever service they name: one mail is enough.
    void aSecondIdenticalRequestIsRefusedWithNothingWritten_data()
    {
        QTest::addColumn<bool>("aboutWanted");
        QTest::newRow("same ad") << false;
        QTest::newRow("same wanted ad") << true;
    }
    void aSecondIdenticalRequestIsRefusedWithNothingWritten()
    {
        QFETCH(bool, aboutWanted);
        const ContactTarget target
                = aboutWanted ? ContactTarget::wantedAd(mariesWanted(u"Recherche : bureau"_s).id)
                              : ContactTarget::ad(publishedAd(*m_db, m_world, u"Bureau"_s).id);
        ContactRequests requests(*m_db);
        QVERIFY(requests.send(target, m_paul, m_world.library, u"Premier message."_s, m_settings));
        const auto asked = requests.askedOn(target, m_world.other);
        QVERIFY(asked && asked->isValid());

        // Through the action, for another service: refused, said with the day.
        const auto again = requests.send(
                target, m_paul, m_world.schools, u"Et pour les écoles ?"_s, m_settings);
        QVERIFY(!again);
        QCOMPARE(again.error().kind, Error::Kind::Conflict);
        QVERIFY2(again.error().message.startsWith(aboutWanted ? u"You already answered"_s
                                                              : u"You already asked"_s),
                 qPrintable(again.error().message));
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM contact_request"_s), 1);
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM outbox"_s), 1);

        // Written without the action: the database refuses it, and the refusal is translated.
        ContactRequest row;
        row.adId = aboutWanted ? 0 : target.id;
        row.wantedAdId = aboutWanted ? target.id : 0;
        row.requesterId = m_world.other;
        row.requestingServiceId = m_world.schools;
        row.message = u"Contourner l’application."_s;
        row.messageId = u"<forged@agglo.test>"_s;
        const auto forced = ContactRequestRepository(*m_db).insert(row);
        QVERIFY(!forced);
        QCOMPARE(forced.error().kind, Error::Kind::Conflict);
        QVERIFY2(forced.error().detail.contains(aboutWanted ? u"contact-already-answered"_s
                                                            : u"contact-already-asked"_s),
                 qPrintable(forced.error().detail));
        QVERIFY2(forced.error().message.startsWith(u"You already"_s),
                 qPrintable(forced.error().message));
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM contact_request"_s), 1);

        // Someone else may still ask.
        const auto claire = ReferenceRepository(*m_db).agent(m_world.moderator);
        QVERIFY(claire);
        const auto hers
                = requests.send(target, *claire, m_world.waste, u"Moi aussi."_s, m_settings);
        QVERIFY2(hers, qPrintable(hers.error().message + hers.error().detail));
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM contact_request"_s), 2);
    }

    void aRequestIsAboutExactlyOneThing()
    {
        const Ad ad = publishedAd(*m_db, m_world, u"Chaise"_s);
        const WantedAd wanted = mariesWanted(u"Recherche : chaise"_s);
        for (const QString &targets : {u"%1, %2"_s.arg(ad.id).arg(wanted.id), u"NULL, NULL"_s}) {
            QVERIFY(!sqlRuns(*m_db,
                             u"INSERT INTO contact_request (ad_id, wanted_ad_id, requester_id, "
                             "requesting_service_id, message, message_id) VALUES (%1, %2, %3, "
                             "'x', '<x@y>')"_s.arg(targets)
                                     .arg(m_world.other)
                                     .arg(m_world.library)));
        }
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM contact_request"_s), 0);
    }

    void ownClosedOrExpiredWantedAdsCannotBeAnswered_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("message");
        QTest::newRow("one's own") << u"own"_s << u"This wanted ad is yours"_s;
        QTest::newRow("closed") << u"closed"_s << u"closed or expired"_s;
        QTest::newRow("expired") << u"expired"_s << u"closed or expired"_s;
    }
    void ownClosedOrExpiredWantedAdsCannotBeAnswered()
    {
        QFETCH(QString, which);
        QFETCH(QString, message);
        const WantedAd wanted = mariesWanted(u"Recherche : vestiaire"_s);
        if (which == u"closed"_s)
            QVERIFY(WantedAdRepository(*m_db).close(wanted.id));
        if (which == u"expired"_s) {
            const QString past = TestDatabase::backend() == QLatin1String("postgresql")
                                         ? u"now() - interval '1 day'"_s
                                         : u"strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 day')"_s;
            QVERIFY(execSql(*m_db,
                            u"UPDATE wanted_ad SET expires_at = %1 WHERE id = %2"_s.arg(past).arg(
                                    wanted.id)));
        }
        const Agent &who = which == u"own"_s ? m_marie : m_paul;
        const auto refused = ContactRequests(*m_db).send(ContactTarget::wantedAd(wanted.id),
                                                         who,
                                                         who.serviceId,
                                                         u"J’en ai un."_s,
                                                         m_settings);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(message), qPrintable(refused.error().message));
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM contact_request"_s), 0);
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM outbox"_s), 0);
    }

    // Two sessions asking at once (PostgreSQL): the second one's check cannot see the first
    // one's request under REPEATABLE READ, the unique index does, and the refusal still reads
    // « already asked », with nothing written (hostile review of 026). SQLite has one writer at
    // a time: its trigger sees every row (the rows above).
    void aSecondRequestFromAnotherSessionGetsTheSameRefusal_data()
    {
        QTest::addColumn<bool>("aboutWanted");
        QTest::newRow("same ad") << false;
        QTest::newRow("same wanted ad") << true;
    }
    void aSecondRequestFromAnotherSessionGetsTheSameRefusal()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("one writer at a time on SQLite");
        QFETCH(bool, aboutWanted);
        const ContactTarget target
                = aboutWanted ? ContactTarget::wantedAd(mariesWanted(u"Recherche : banc"_s).id)
                              : ContactTarget::ad(publishedAd(*m_db, m_world, u"Banc"_s).id);
        const auto other = m_test->open();
        QVERIFY(other);
        QSqlQuery begun(other->connection());
        QVERIFY(begun.exec(u"BEGIN ISOLATION LEVEL REPEATABLE READ"_s));
        QVERIFY(begun.exec(u"SELECT count(*) FROM contact_request"_s));
        QVERIFY(ContactRequests(*m_db).send(
                target, m_paul, m_world.library, u"Premier message."_s, m_settings));
        ContactRequest row;
        row.adId = aboutWanted ? 0 : target.id;
        row.wantedAdId = aboutWanted ? target.id : 0;
        row.requesterId = m_world.other;
        row.requestingServiceId = m_world.schools;
        row.message = u"En même temps."_s;
        row.messageId = u"<meanwhile@agglo.test>"_s;
        const auto second = ContactRequestRepository(*other).insert(row);
        QVERIFY(begun.exec(u"ROLLBACK"_s));
        QVERIFY2(!second, "a second request from another session was written");
        QCOMPARE(second.error().kind, Error::Kind::Conflict);
        QVERIFY2(second.error().message.startsWith(aboutWanted ? u"You already answered"_s
                                                               : u"You already asked"_s),
                 qPrintable(second.error().message + u' ' + second.error().detail));
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM contact_request"_s), 1);
    }

    // An author who left (deactivated) no longer looks for anything: their open wanted ad
    // closes, and answering it is refused as for any closed one, nothing written.
    void aDepartedAuthorsWantedAdClosesAndCannotBeAnswered()
    {
        const WantedAd wanted = mariesWanted(u"Recherche : banc"_s);
        const auto marie = ReferenceRepository(*m_db).agent(m_world.owner);
        QVERIFY(marie);
        QVERIFY(ReferenceRepository(*m_db).setAgentActive(m_world.owner, false, marie->version));
        QCOMPARE(countOf(*m_db,
                         u"SELECT count(*) FROM wanted_ad WHERE id = %1 AND state = 'closed'"_s.arg(
                                 wanted.id)),
                 1);
        const auto refused = ContactRequests(*m_db).send(ContactTarget::wantedAd(wanted.id),
                                                         m_paul,
                                                         m_world.library,
                                                         u"J’ai un banc."_s,
                                                         m_settings);
        const auto back = ReferenceRepository(*m_db).agent(m_world.owner);
        QVERIFY(back);
        QVERIFY(ReferenceRepository(*m_db).setAgentActive(m_world.owner, true, back->version));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"closed or expired"_s),
                 qPrintable(refused.error().message));
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM contact_request"_s), 0);
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM outbox"_s), 0);
        // Back again, the wanted ad stays closed.
        QCOMPARE(countOf(*m_db,
                         u"SELECT count(*) FROM wanted_ad WHERE id = %1 AND state = 'closed'"_s.arg(
                                 wanted.id)),
                 1);
    }

private:
    WantedAd mariesWanted(const QString &title)
    {
        WantedAd w;
        w.authorId = m_world.owner;
        w.serviceId = m_world.waste;
        w.siteId = m_world.depot;
        w.title = title;
        w.keywords = u"armoire métallique"_s;
        w.quantity = 4;
        const auto posted = WantedAdRepository(*m_db).post(w);
        if (!posted)
            qFatal("post: %s", qPrintable(posted.error().message + posted.error().detail));
        return *posted;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    MailSettings m_settings;
    Agent m_paul, m_marie;
};

QTEST_GUILESS_MAIN(TestContactRequests)
#include "tst_contactrequests.moc"
