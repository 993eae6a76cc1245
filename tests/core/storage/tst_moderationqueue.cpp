// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The moderation queue as the core reads it: pending ads only, the longest-waiting first, on
// both backends; on PostgreSQL, what an agent's own login may read of it.
#include "Fixtures.h"
#include "TestDatabase.h"
#include "media/PhotoScaler.h"
#include "storage/ModerationQueue.h"

#include <QImage>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestModerationQueue : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void emptyQueue();
    void pendingAdsOnlyOldestFirst();
    void entriesCarryWhatTheListShows();
    void aResubmittedAdWaitsSinceItsResubmission();
    void aModeratorsEditKeepsItsPlace();
    void limitKeepsTheLongestWaiting();
    void agentsLoginSeesNoOneElsesPendingAds();

private:
    QList<qint64> queueIds(int limit = ModerationQueue::DefaultLimit) const;

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    QDateTime m_now;
    qint64 m_old = 0, m_recent = 0, m_middle = 0, m_withPhoto = 0, m_resubmitted = 0;
};

void TestModerationQueue::initTestCase()
{
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("moderationqueue"));
    m_db = m_test->open();
    QVERIFY(m_db);
    m_world = makeWorld(*m_db);
    m_now = QDateTime::currentDateTimeUtc();
}

void TestModerationQueue::cleanupTestCase()
{
    m_db.reset();
    m_test.reset();
}

QList<qint64> TestModerationQueue::queueIds(int limit) const
{
    const auto entries = ModerationQueue(*m_db).pending(limit);
    if (!entries) {
        qWarning("queue: %s / %s",
                 qPrintable(entries.error().message),
                 qPrintable(entries.error().detail));
        return {};
    }
    QList<qint64> ids;
    for (const ModerationEntry &entry : *entries)
        ids.append(entry.id);
    return ids;
}

void TestModerationQueue::emptyQueue()
{
    QVERIFY(queueIds().isEmpty());
    const auto count = ModerationQueue(*m_db).count();
    QVERIFY(count.ok());
    QCOMPARE(*count, 0);
}

void TestModerationQueue::pendingAdsOnlyOldestFirst()
{
    AdRepository ads(*m_db);
    // Not in the queue: a draft, a published ad, a rejected one.
    QVERIFY(ads.create(m_world.sampleAd(QStringLiteral("Brouillon")), m_world.ownerActor()));
    publishedAd(*m_db, m_world, QStringLiteral("Déjà publié"), m_now.addDays(-10));
    const Ad rejected = pendingAd(*m_db, m_world, QStringLiteral("Refusé"), m_now.addDays(-9));
    QVERIFY(ads.transition(rejected.id,
                           {AdAction::Reject,
                            rejected.version,
                            QStringLiteral("Photo floue"),
                            {},
                            0,
                            m_now.addDays(-8)},
                           m_world.moderatorActor()));

    // Created out of order on purpose: the queue sorts by submission, not by id.
    m_recent = pendingAd(*m_db, m_world, QStringLiteral("Récent"), m_now.addSecs(-3600)).id;
    m_old = pendingAd(*m_db, m_world, QStringLiteral("Ancien"), m_now.addDays(-5)).id;
    m_middle = pendingAd(*m_db, m_world, QStringLiteral("Milieu"), m_now.addDays(-2)).id;

    QCOMPARE(queueIds(), (QList<qint64>{m_old, m_middle, m_recent}));
    const auto count = ModerationQueue(*m_db).count();
    QVERIFY(count.ok());
    QCOMPARE(*count, 3);
}

void TestModerationQueue::entriesCarryWhatTheListShows()
{
    Ad input = m_world.sampleAd(QStringLiteral("Armoire avec photo"));
    QImage picture(800, 600, QImage::Format_RGB32);
    picture.fill(QColor(0x3a, 0x6e, 0xa5));
    const auto scaled = PhotoScaler::fromImage(picture);
    QVERIFY(scaled.ok());
    input.photos.append(AdPhoto{0, 0, scaled->jpeg, scaled->thumbnail});
    input.createdAt = m_now.addSecs(-60);
    AdRepository ads(*m_db);
    auto created = ads.create(input, m_world.ownerActor());
    QVERIFY2(created, qPrintable(created.error().message + created.error().detail));
    auto submitted
            = ads.transition(created->id,
                             {AdAction::Submit, created->version, {}, {}, 0, m_now.addSecs(-60)},
                             m_world.ownerActor());
    QVERIFY(submitted);
    m_withPhoto = submitted->id;

    const auto entries = ModerationQueue(*m_db).pending();
    QVERIFY(entries.ok());
    QCOMPARE(entries->last().id, m_withPhoto);
    const ModerationEntry &entry = entries->last();
    QCOMPARE(entry.title, QStringLiteral("Armoire avec photo"));
    QCOMPARE(entry.categoryName, QStringLiteral("Bureaux"));
    QCOMPARE(entry.ownerId, m_world.owner);
    QCOMPARE(entry.ownerName, QStringLiteral("Marie Dupont"));
    QCOMPARE(entry.serviceName, QStringLiteral("Déchets"));
    QCOMPARE(entry.siteName, QStringLiteral("Centre technique"));
    QCOMPARE(entry.version, submitted->version);
    QCOMPARE(entry.thumbnail, scaled->thumbnail);
    QVERIFY(qAbs(entry.submittedAt.secsTo(m_now.addSecs(-60))) <= 1);
    // Ads without photos have no thumbnail, and that is no error.
    QVERIFY(entries->first().thumbnail.isEmpty());
}

void TestModerationQueue::aResubmittedAdWaitsSinceItsResubmission()
{
    AdRepository ads(*m_db);
    // Posted long ago, rejected, resubmitted a day ago: it waits since yesterday.
    const Ad first = pendingAd(*m_db, m_world, QStringLiteral("Renvoyé"), m_now.addDays(-20));
    auto rejected = ads.transition(first.id,
                                   {AdAction::Reject,
                                    first.version,
                                    QStringLiteral("Précisez"),
                                    {},
                                    0,
                                    m_now.addDays(-19)},
                                   m_world.moderatorActor());
    QVERIFY(rejected);
    auto resubmitted
            = ads.transition(first.id,
                             {AdAction::Resubmit, rejected->version, {}, {}, 0, m_now.addDays(-1)},
                             m_world.ownerActor());
    QVERIFY2(resubmitted, qPrintable(resubmitted.error().message));
    m_resubmitted = first.id;
    QCOMPARE(queueIds(), (QList<qint64>{m_old, m_middle, m_resubmitted, m_recent, m_withPhoto}));
}

void TestModerationQueue::aModeratorsEditKeepsItsPlace()
{
    AdRepository ads(*m_db);
    auto ad = ads.get(m_old);
    QVERIFY(ad);
    Ad edited = *ad;
    edited.title = QStringLiteral("Ancien (corrigé par la modération)");
    auto saved = ads.update(edited, m_world.moderatorActor());
    QVERIFY2(saved, qPrintable(saved.error().message + saved.error().detail));
    QCOMPARE(saved->state, AdState::Pending);
    const auto entries = ModerationQueue(*m_db).pending();
    QVERIFY(entries.ok());
    QCOMPARE(entries->first().id, m_old);
    QCOMPARE(entries->first().title, edited.title);
    QCOMPARE(entries->first().version, saved->version);
}

void TestModerationQueue::limitKeepsTheLongestWaiting()
{
    QCOMPARE(queueIds(2), (QList<qint64>{m_old, m_middle}));
    const auto count = ModerationQueue(*m_db).count();
    QVERIFY(count.ok());
    QCOMPARE(*count, 5);
}

void TestModerationQueue::agentsLoginSeesNoOneElsesPendingAds()
{
    if (TestDatabase::backend() != QLatin1String("postgresql"))
        QSKIP("logins and row-level security exist on PostgreSQL only");
    QVERIFY(ensureLoginRoles(*m_db));
    auto claire = m_test->openAs(QStringLiteral("cbernard"));
    auto paul = m_test->openAs(QStringLiteral("pmartin"));
    QVERIFY(claire && paul);
    const auto asModerator = ModerationQueue(*claire).pending();
    QVERIFY2(asModerator.ok(), qPrintable(asModerator.error().detail));
    QCOMPARE(asModerator->size(), 5);
    const auto asAgent = ModerationQueue(*paul).pending();
    QVERIFY2(asAgent.ok(), qPrintable(asAgent.error().detail));
    QVERIFY(asAgent->isEmpty());
    QCOMPARE(*ModerationQueue(*paul).count(), 0);
}

QTEST_GUILESS_MAIN(TestModerationQueue)
#include "tst_moderationqueue.moc"
