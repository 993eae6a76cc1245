// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Wanted ads and their alerts on both backends (issue #13): an agent posts what their service
// looks for (keywords required); the approval of an ad that matches — by category, or by every
// keyword in its title and description — writes one match and one « wanted-ad match » mail to
// the searcher, read back with Python's email; an ad that matches nothing writes neither; a
// closed or expired wanted ad matches nothing more, and leaves the others' list.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/AdWorkflow.h"
#include "storage/AdRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/WantedAdRepository.h"

#include <QJsonObject>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestWantedAds : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, u"wantedads"_s);
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        m_settings.sender = {u"collectiv-recup@agglo.test"_s, u"Collectiv'Récup"_s};
        QVERIFY(usePlatformSettings(*m_db, m_settings));
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }
    void init()
    {
        QVERIFY(execSql(*m_db, u"DELETE FROM outbox"_s));
        QVERIFY(execSql(*m_db, u"DELETE FROM wanted_match"_s));
        QVERIFY(execSql(*m_db, u"DELETE FROM wanted_ad"_s));
    }

    void aWantedAdWithoutKeywordIsRefused_data()
    {
        QTest::addColumn<QString>("keywords");
        QTest::newRow("nothing") << QString();
        QTest::newRow("spaces") << u"   "_s;
        QTest::newRow("punctuation only") << u", ; !"_s;
        QTest::newRow("one letter") << u"l'"_s;
    }
    void aWantedAdWithoutKeywordIsRefused()
    {
        QFETCH(QString, keywords);
        WantedAd wanted = paulsWanted(u"Recherche : 4 armoires métalliques hautes"_s, keywords);
        const Result<WantedAd> posted = WantedAdRepository(*m_db).post(wanted);
        QVERIFY(!posted);
        QCOMPARE(posted.error().kind, Error::Kind::Invalid);
        QCOMPARE(posted.error().fields.size(), 1);
        QCOMPARE(posted.error().fields.first().first, u"keywords"_s);
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM wanted_ad"_s), 0);
    }

    // One agent's wanted ads each add a mail to every approval (hostile review of 023): at most
    // OpenMax stay open; closing one makes room.
    void anAgentKeepsAtMostTwentyOpenWantedAds()
    {
        WantedAdRepository wanted(*m_db);
        qint64 first = 0;
        for (int i = 0; i < WantedAdRepository::OpenMax; ++i) {
            const auto posted
                    = wanted.post(paulsWanted(u"Recherche : chaise %1"_s.arg(i), u"chaise"_s));
            QVERIFY2(posted, qPrintable(posted.error().message + posted.error().detail));
            if (first == 0)
                first = posted->id;
        }
        const auto refused = wanted.post(paulsWanted(u"Recherche : une de plus"_s, u"chaise"_s));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QVERIFY2(refused.error().message.contains(u"20 open wanted ads"_s),
                 qPrintable(refused.error().message));
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM wanted_ad"_s), WantedAdRepository::OpenMax);
        QVERIFY(wanted.close(first));
        QVERIFY(wanted.post(paulsWanted(u"Recherche : une de plus"_s, u"chaise"_s)));
    }

    void aPostedWantedAdIsSeenByEveryoneUntilItExpires()
    {
        const Result<WantedAd> posted = WantedAdRepository(*m_db).post(paulsWanted(
                u"Recherche : 4 armoires métalliques hautes"_s, u"armoire métallique"_s));
        QVERIFY2(posted, qPrintable(posted.error().message + posted.error().detail));
        QVERIFY(posted->id > 0);
        QCOMPARE(posted->state, WantedAd::State::Open);
        QCOMPARE(posted->authorName, u"Paul Martin"_s);
        QCOMPARE(posted->serviceName, u"Médiathèque"_s);
        QCOMPARE(posted->quantity, 4);
        // The server dates it: 60 days without a category, as the ads' default.
        const qint64 days = qRound(posted->createdAt.secsTo(posted->expiresAt) / 86400.0);
        QVERIFY2(days == 60, qPrintable(QString::number(days)));
        const auto open = WantedAdRepository(*m_db).openAds();
        QVERIFY(open);
        QCOMPARE(open->size(), 1);
        // Its category's expiry days when it has one (chairs: 30).
        WantedAd chairs = paulsWanted(u"Recherche : chaises"_s, u"chaise"_s);
        chairs.categoryId = m_world.chairs;
        const auto withCategory = WantedAdRepository(*m_db).post(chairs);
        QVERIFY(withCategory);
        QCOMPARE(qRound(withCategory->createdAt.secsTo(withCategory->expiresAt) / 86400.0), 30);

        expire(posted->id);
        const auto later = WantedAdRepository(*m_db).openAds();
        QVERIFY(later);
        QCOMPARE(later->size(), 1);
        QCOMPARE(later->first().id, withCategory->id);
        const auto mine = WantedAdRepository(*m_db).ofAuthor(m_world.other);
        QVERIFY(mine);
        QCOMPARE(mine->size(), 2);
        for (const WantedAd &w : *mine)
            QCOMPARE(w.state,
                     w.id == posted->id ? WantedAd::State::Expired : WantedAd::State::Open);
    }

    void anApprovalAlertsTheWantedAdsItMatches_data()
    {
        QTest::addColumn<QString>("adTitle");
        QTest::addColumn<qint64>("adCategory");
        QTest::addColumn<QStringList>("alerted"); // titles of the wanted ads matched
        QTest::newRow("by keyword, plural and accents aside")
                << u"Armoires metalliques hautes"_s << m_world.desks
                << QStringList{u"Recherche : armoires métalliques"_s};
        QTest::newRow("by category")
                << u"Tabouret"_s << m_world.chairs << QStringList{u"Recherche : sièges"_s};
        QTest::newRow("by both, one alert each")
                << u"Armoire métallique à roulettes"_s << m_world.chairs
                << QStringList{u"Recherche : armoires métalliques"_s, u"Recherche : sièges"_s};
        QTest::newRow("matching nothing") << u"Lampe de bureau"_s << m_world.desks << QStringList{};
        QTest::newRow("one keyword of two is not enough")
                << u"Armoire en bois"_s << m_world.desks << QStringList{};
    }
    void anApprovalAlertsTheWantedAdsItMatches()
    {
        QFETCH(QString, adTitle);
        QFETCH(qint64, adCategory);
        QFETCH(QStringList, alerted);
        WantedAdRepository wanted(*m_db);
        QVERIFY(wanted.post(
                paulsWanted(u"Recherche : armoires métalliques"_s, u"armoire, métallique"_s)));
        WantedAd seats = paulsWanted(u"Recherche : sièges"_s, u"fauteuil"_s);
        seats.categoryId = m_world.chairs;
        QVERIFY(wanted.post(seats));
        // Marie's own wanted ad never alerts her of her own ad.
        WantedAd maries = paulsWanted(u"Recherche : armoires métalliques"_s, u"armoire"_s);
        maries.authorId = m_world.owner;
        maries.serviceId = m_world.waste;
        maries.categoryId = adCategory;
        QVERIFY(wanted.post(maries));

        AdWorkflow workflow(*m_db, m_settings);
        const Ad approved = approve(workflow, adTitle, adCategory);
        QCOMPARE(workflow.mailsWritten(), 1 + alerted.size());
        const auto alerts = wanted.alertsOf(m_world.other);
        QVERIFY(alerts);
        QStringList titles;
        for (const WantedMatch &m : *alerts) {
            QCOMPARE(m.adId, approved.id);
            QCOMPARE(m.adTitle, adTitle);
            titles.append(m.wantedTitle);
        }
        titles.sort();
        QCOMPARE(titles, alerted);
        QCOMPARE(wanted.alertsOf(m_world.owner)->size(), 0);
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM outbox WHERE kind = 'wanted-match'"_s),
                 int(alerted.size()));
        if (alerted.isEmpty())
            return;
        // The mail, as Python's email reads it: to Paul only, from the platform.
        const int id = countOf(*m_db, u"SELECT min(id) FROM outbox WHERE kind = 'wanted-match'"_s);
        const auto mail = OutboxRepository(*m_db).get(id);
        QVERIFY(mail);
        QCOMPARE(mail->recipients, QStringList{u"pmartin@agglo.test"_s});
        QCOMPARE(mail->authorId, m_world.moderator);
        QString error;
        const QJsonObject parsed = parseMail(mail->rfc5322, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(headerValue(parsed, u"To"_s).contains(u"<pmartin@agglo.test>"_s),
                 qPrintable(headerValue(parsed, u"To"_s)));
        QCOMPARE(headerValue(parsed, u"Cc"_s), QString());
        QVERIFY2(headerValue(parsed, u"Subject"_s)
                         .startsWith(u"Une annonce correspond à votre recherche « Recherche"_s),
                 qPrintable(headerValue(parsed, u"Subject"_s)));
        const QString text = textPart(parsed, u"text/plain"_s);
        QVERIFY2(text.contains(u"Bonjour Paul Martin"_s), qPrintable(text));
        QVERIFY2(text.contains(u"« %1 » (n° %2)"_s.arg(adTitle).arg(approved.id)),
                 qPrintable(text));
    }

    void aClosedOrExpiredWantedAdMatchesNothing()
    {
        WantedAdRepository wanted(*m_db);
        const auto closed = wanted.post(paulsWanted(u"Recherche : vestiaire"_s, u"vestiaire"_s));
        const auto expired = wanted.post(paulsWanted(u"Recherche : casier"_s, u"vestiaire"_s));
        QVERIFY(closed && expired);
        QVERIFY(wanted.close(closed->id));
        QCOMPARE(wanted.get(closed->id)->state, WantedAd::State::Closed);
        QVERIFY(wanted.get(closed->id)->closedAt.isValid());
        // Closing twice says so.
        const Status twice = wanted.close(closed->id);
        QVERIFY(!twice);
        QCOMPARE(twice.error().kind, Error::Kind::NotFound);
        expire(expired->id);
        AdWorkflow workflow(*m_db, m_settings);
        approve(workflow, u"Vestiaire métallique"_s, m_world.desks);
        QCOMPARE(workflow.mailsWritten(), 1);
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM wanted_match"_s), 0);
    }

    // The same ad approved again (after an edit) alerts a wanted ad once only.
    void aWantedAdIsAlertedOnceAboutAnAd()
    {
        WantedAdRepository wanted(*m_db);
        QVERIFY(wanted.post(paulsWanted(u"Recherche : vestiaire"_s, u"vestiaire"_s)));
        AdWorkflow workflow(*m_db, m_settings);
        const Ad ad = approve(workflow, u"Vestiaire à 6 portes"_s, m_world.desks);
        QCOMPARE(workflow.mailsWritten(), 2);
        Ad edited = ad;
        edited.title = u"Vestiaire à six portes"_s;
        const auto pending = AdWorkflow(*m_db, m_settings).update(edited, m_world.ownerActor());
        QVERIFY2(pending, qPrintable(pending.error().message + pending.error().detail));
        QCOMPARE(pending->state, AdState::Pending);
        const auto again = workflow.transition(ad.id,
                                               {AdAction::Approve, pending->version, {}, {}, 0, {}},
                                               m_world.moderatorActor());
        QVERIFY2(again, qPrintable(again.error().message + again.error().detail));
        QCOMPARE(workflow.mailsWritten(), 1);
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM wanted_match"_s), 1);
    }

private:
    WantedAd paulsWanted(const QString &title, const QString &keywords) const
    {
        WantedAd w;
        w.authorId = m_world.other;
        w.serviceId = m_world.library;
        w.siteId = m_world.townHall;
        w.title = title;
        w.keywords = keywords;
        w.quantity = 4;
        return w;
    }
    void expire(qint64 wantedId)
    {
        const QString past = TestDatabase::backend() == QLatin1String("postgresql")
                                     ? u"now() - interval '1 day'"_s
                                     : u"strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 day')"_s;
        QVERIFY(execSql(
                *m_db,
                u"UPDATE wanted_ad SET expires_at = %1 WHERE id = %2"_s.arg(past).arg(wantedId)));
    }
    // Marie's ad sent to moderation, then approved by the world's moderator through the
    // workflow, as the moderation window does.
    Ad approve(AdWorkflow &workflow, const QString &title, qint64 categoryId)
    {
        const Ad pending = pendingAd(*m_db, m_world, title, {}, categoryId);
        const auto approved
                = workflow.transition(pending.id,
                                      {AdAction::Approve, pending.version, {}, {}, 0, {}},
                                      m_world.moderatorActor());
        if (!approved)
            qFatal("approve: %s", qPrintable(approved.error().message + approved.error().detail));
        return *approved;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    MailSettings m_settings;
};

QTEST_GUILESS_MAIN(TestWantedAds)
#include "tst_wantedads.moc"
