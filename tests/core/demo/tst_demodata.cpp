// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDatabase.h"
#include "demo/DemoData.h"
#include "demo/PlaceholderPicture.h"
#include "lifecycle/AdLifecycle.h"
#include "media/PhotoScaler.h"
#include "storage/AdRepository.h"
#include "storage/CatalogueQuery.h"
#include "storage/ReferenceRepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

// Seeds one database once, then checks that what it holds is what the file says and that every
// ad's history is a story the lifecycle allows.
class TestDemoData : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("demodata"));
        m_db = m_test->open();
        QVERIFY(m_db);

        QFile file(DemoData::resourcePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_json = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!m_json.isEmpty());

        QVERIFY(!DemoData::hasData(*m_db));
        m_now = QDateTime::currentDateTimeUtc();
        QElapsedTimer timer;
        timer.start();
        const Status seeded = DemoData::seed(*m_db, m_now);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(seeded, qPrintable(seeded.error().message + u" / " + seeded.error().detail));
        qInfo("demo seeded on %s in %lld ms", qPrintable(TestDatabase::backend()), elapsed);
        QVERIFY(DemoData::hasData(*m_db));

        ReferenceRepository references(*m_db);
        const auto agents = references.agents();
        QVERIFY(agents);
        AdRepository repository(*m_db);
        for (const Agent &agent : *agents) {
            m_agents.insert(agent.id, agent);
            const auto owned = repository.ownedBy(agent.id);
            QVERIFY(owned);
            m_ads += *owned;
        }
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

    void referenceDataAsInTheFile_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("organisations") << "organisations";
        QTest::newRow("services") << "services";
        QTest::newRow("sites") << "sites";
        QTest::newRow("categories") << "categories";
        QTest::newRow("agents") << "agents";
    }
    void referenceDataAsInTheFile()
    {
        QFETCH(QString, table);
        ReferenceRepository references(*m_db);
        qsizetype count = -1;
        if (table == u"organisations")
            count = references.organisations()->size();
        else if (table == u"services")
            count = references.services()->size();
        else if (table == u"sites")
            count = references.sites()->size();
        else if (table == u"categories")
            count = references.categories()->size();
        else if (table == u"agents")
            count = references.agents()->size();
        QCOMPARE(count, m_json.value(table).toArray().size());
        QVERIFY(count > 0);
    }

    void rolesAsInTheFile()
    {
        int moderators = 0, logistics = 0, admins = 0;
        for (const Agent &agent : std::as_const(m_agents)) {
            moderators += agent.roles.testFlag(Role::Moderator);
            logistics += agent.roles.testFlag(Role::Logistics);
            admins += agent.roles.testFlag(Role::Admin);
        }
        QCOMPARE(moderators, 2);
        QCOMPARE(logistics, 2);
        QCOMPARE(admins, 1);
    }

    void excludedCategoryKeepsItsMessage()
    {
        const auto categories = ReferenceRepository(*m_db).categories();
        QVERIFY(categories);
        int excluded = 0;
        for (const Category &category : *categories) {
            if (category.excluded) {
                ++excluded;
                QVERIFY(category.excludedMessage.contains(u"informatique"));
            }
        }
        QCOMPARE(excluded, 1);
    }

    // The hand-written ads, each in its state; every other ad is a closed one of the history.
    void everyAdIsLoaded()
    {
        QList<Ad> rest = m_ads;
        for (const QJsonValue &v : m_json.value(u"ads").toArray()) {
            const QJsonObject written = v.toObject();
            const auto found = std::find_if(rest.cbegin(), rest.cend(), [&](const Ad &ad) {
                return ad.title == written.value(u"title").toString()
                       && toKey(ad.state) == written.value(u"state").toString();
            });
            QVERIFY2(found != rest.cend(), qPrintable(written.value(u"title").toString()));
            rest.removeAt(found - rest.cbegin());
        }
        QVERIFY2(rest.size() >= 200, qPrintable(QString::number(rest.size())));
        for (const Ad &ad : std::as_const(rest))
            QVERIFY2(ad.state == AdState::Closed, qPrintable(ad.title));
    }

    void everyStateIsPresent_data()
    {
        QTest::addColumn<AdState>("state");
        for (const AdState state : {AdState::Draft,
                                    AdState::Pending,
                                    AdState::Published,
                                    AdState::Reserved,
                                    AdState::Rejected,
                                    AdState::Expired,
                                    AdState::Closed})
            QTest::newRow(qPrintable(toKey(state))) << state;
    }
    void everyStateIsPresent()
    {
        QFETCH(AdState, state);
        int inFile = 0;
        for (const QJsonValue &ad : m_json.value(u"ads").toArray())
            inFile += ad.toObject().value(u"state").toString() == toKey(state);
        const auto inDatabase = std::count_if(
                m_ads.cbegin(), m_ads.cend(), [&](const Ad &ad) { return ad.state == state; });
        QVERIFY(inFile > 0);
        if (state == AdState::Closed) // and the history's
            QVERIFY(int(inDatabase) > inFile);
        else
            QCOMPARE(int(inDatabase), inFile);
    }

    void everyCloseReasonIsPresent_data()
    {
        QTest::addColumn<CloseReason>("reason");
        for (const CloseReason reason : {CloseReason::Exchanged,
                                         CloseReason::Discarded,
                                         CloseReason::Unavailable,
                                         CloseReason::Removed})
            QTest::newRow(qPrintable(toKey(reason))) << reason;
    }
    void everyCloseReasonIsPresent()
    {
        QFETCH(CloseReason, reason);
        int count = 0;
        for (const Ad &ad : std::as_const(m_ads)) {
            if (ad.closeReason != reason)
                continue;
            ++count;
            QCOMPARE(ad.state, AdState::Closed);
            QVERIFY(ad.closedAt.isValid());
            if (reason == CloseReason::Exchanged) {
                QVERIFY(ad.receivingServiceId > 0);
                QVERIFY(ad.receivingServiceId != ad.serviceId);
            }
        }
        QVERIFY(count > 0);
    }

    // Replaying each ad's history through the lifecycle table reaches the ad's current state,
    // with each step taken by someone allowed to, in the past, in order.
    void historiesReplayToTheCurrentState()
    {
        AdRepository repository(*m_db);
        for (const Ad &ad : std::as_const(m_ads)) {
            const auto history = repository.history(ad.id);
            QVERIFY(history);
            QVERIFY(!history->isEmpty());
            const AdHistoryEntry &first = history->first();
            QCOMPARE(first.action, AdAction::Create);
            QVERIFY(!first.fromState.has_value());
            QCOMPARE(first.toState, AdState::Draft);
            QCOMPARE(first.actorId, ad.ownerId);
            QCOMPARE(first.at, ad.createdAt);

            AdState state = AdState::Draft;
            QDateTime previous = first.at;
            for (qsizetype i = 1; i < history->size(); ++i) {
                const AdHistoryEntry &entry = history->at(i);
                const QByteArray where = ad.title.toUtf8() + " step " + QByteArray::number(i);
                QVERIFY2(entry.fromState == state, where.constData());
                QVERIFY2(entry.at > previous, where.constData());
                QVERIFY2(entry.at < m_now, where.constData());
                std::optional<AdState> next;
                if (entry.actorId == 0) {
                    next = AdLifecycle::next(state, entry.action, ActorKind::System);
                } else {
                    QVERIFY2(m_agents.contains(entry.actorId), where.constData());
                    if (entry.actorId == ad.ownerId)
                        next = AdLifecycle::next(state, entry.action, ActorKind::Owner);
                    if (!next && m_agents[entry.actorId].roles.testFlag(Role::Moderator)) {
                        QVERIFY2(entry.actorId != ad.ownerId, "a moderator moderated their own ad");
                        next = AdLifecycle::next(state, entry.action, ActorKind::Moderator);
                    }
                }
                QVERIFY2(next.has_value(), where.constData());
                QCOMPARE(entry.toState, *next);
                if (entry.action == AdAction::Reject || entry.action == AdAction::Remove)
                    QVERIFY2(!entry.reason.isEmpty(), where.constData());
                state = *next;
                previous = entry.at;
            }
            QCOMPARE(state, ad.state);
        }
    }

    void publishedAdsAreNotOverdue()
    {
        const auto due = AdRepository(*m_db).dueForExpiry(m_now);
        QVERIFY(due);
        QVERIFY(due->isEmpty());
        for (const Ad &ad : std::as_const(m_ads)) {
            if (ad.state == AdState::Published || ad.state == AdState::Reserved) {
                QVERIFY(ad.publishedAt.isValid());
                QVERIFY(ad.publishedAt < m_now);
            }
        }
    }

    void everyAdHasPhotosWithThumbnails()
    {
        AdRepository repository(*m_db);
        for (const Ad &listed : std::as_const(m_ads)) {
            const auto ad = repository.get(listed.id);
            QVERIFY(ad);
            QVERIFY(ad->photos.size() >= 1 && ad->photos.size() <= 3);
            for (const AdPhoto &photo : ad->photos) {
                const QImage thumbnail = PhotoScaler::thumbnailImage(photo.thumbnail);
                QVERIFY(!thumbnail.isNull());
                QVERIFY(qMax(thumbnail.width(), thumbnail.height())
                        <= PhotoScaler::ThumbnailMaxSide);
                QVERIFY(photo.jpeg.size() > photo.thumbnail.size());
            }
        }
    }

    void catalogueShowsPublishedAndReservedAds()
    {
        int visible = 0;
        for (const Ad &ad : std::as_const(m_ads))
            visible += ad.state == AdState::Published || ad.state == AdState::Reserved;
        const auto page = CatalogueQuery(*m_db).page({}, {}, 50);
        QVERIFY2(page, qPrintable(page.error().message + u" / " + page.error().detail));
        QCOMPARE(page->entries.size(), qMin(visible, 50));
        QDateTime previous = m_now;
        for (const CatalogueEntry &entry : page->entries) {
            QVERIFY(entry.state == AdState::Published || entry.state == AdState::Reserved);
            QVERIFY(!entry.thumbnail.isEmpty());
            QVERIFY(entry.publishedAt <= previous); // newest first
            previous = entry.publishedAt;
        }
    }

    void seedingTwiceIsRefused()
    {
        const Status again = DemoData::seed(*m_db, m_now);
        QVERIFY(!again);
        QCOMPARE(again.error().kind, Error::Kind::Conflict);
        QVERIFY(!again.error().message.isEmpty());
        QCOMPARE(ReferenceRepository(*m_db).organisations()->size(),
                 m_json.value(u"organisations").toArray().size());
    }

    // Shapes only: a suite built on QCoreApplication has no fonts, and any warning fails it.
    void placeholderDrawsEveryCategoryWithoutFonts_data()
    {
        QTest::addColumn<QString>("code");
        for (const QJsonValue &category : m_json.value(u"categories").toArray()) {
            const QString code = category.toObject().value(u"code").toString();
            QTest::newRow(qPrintable(code)) << code;
        }
        QTest::newRow("unknown category") << "inconnue";
    }
    void placeholderDrawsEveryCategoryWithoutFonts()
    {
        QFETCH(QString, code);
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        const QImage wide = PlaceholderPicture::draw(code, 3);
        QCOMPARE(wide.size(), QSize(800, 600));
        const QImage small = PlaceholderPicture::draw(code, 4, {160, 90});
        QCOMPARE(small.size(), QSize(160, 90));
        // Something is drawn in the middle: not one flat colour.
        QSet<QRgb> colours;
        for (int y = 150; y < 450; y += 20) {
            for (int x = 200; x < 600; x += 20)
                colours.insert(wide.pixel(x, y));
        }
        QVERIFY(colours.size() > 8);
        QVERIFY(PlaceholderPicture::draw(code, 0) != PlaceholderPicture::draw(code, 1));
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    QJsonObject m_json;
    QDateTime m_now;
    QHash<qint64, Agent> m_agents;
    QList<Ad> m_ads;
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
