// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Nothing waits on the database in the GUI thread: another session holds a lock on the table
// a window reads, so that the window's query waits 2 s; a 50 ms timer in the GUI thread must
// keep ticking meanwhile, and the window must say it is loading. One case per window that
// reads, and the connections a whole session holds, counted by the server.

#include "Fixtures.h"
#include "TestDatabase.h"
#include "WindowSets.h"
#include "WindowWaits.h"
#include "agent/CatalogueWindow.h"
#include "agent/MyAdsModel.h"
#include "agent/MyAdsWindow.h"
#include "agent/WantedAdsWindow.h"
#include "common/WindowHeader.h"
#include "media/PhotoScaler.h"
#include "moderator/AgentsModel.h"
#include "moderator/AgentsWindow.h"
#include "moderator/FailedMailsPane.h"
#include "moderator/ModerationQueueModel.h"
#include "moderator/ModerationQueueWindow.h"
#include "moderator/ReferenceDataWindow.h"
#include "moderator/ReferenceListModel.h"
#include "moderator/StatisticsWindow.h"
#include "settings/AppSettings.h"
#include "storage/ReferenceRepository.h"

#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Recup;
using namespace Recup::Testing;

namespace {

constexpr int HoldMs = 2000;
const QString AppName = QStringLiteral("recup-under-test");

// Counts the GUI thread's 50 ms ticks and the longest gap between two of them.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setInterval(50);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_longestGap = std::max(m_longestGap, now - m_last);
            m_last = now;
            ++m_ticks;
        });
        m_clock.start();
        m_timer.start();
    }
    int ticks() const { return m_ticks; }
    qint64 longestGap() const { return std::max(m_longestGap, m_clock.elapsed() - m_last); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longestGap = 0;
    int m_ticks = 0;
};

} // namespace

class TestResponsiveness : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void myAdsWindowReadsWithoutFreezing();
    void wantedAdsWindowReadsWithoutFreezing();
    void moderationQueueReadsWithoutFreezing();
    void moderationPhotosAreReadAndDecodedOffTheGuiThread();
    void failedMailsTabReadsWithoutFreezing();
    void statisticsWindowReadsWithoutFreezing();
    void referenceDataWindowReadsWithoutFreezing();
    void agentsWindowReadsWithoutFreezing();
    void roleCheckReadsWithoutFreezing();
    void aWholeSessionHoldsTwoConnections();

private:
    // The window just opened waits on the lock: it says "Loading…" all along, then shows what
    // it read once the lock is gone, the GUI ticking meanwhile.
    template<typename Window>
    void readsWhileTheGuiTicks(Window &window, const Heartbeat &heart)
    {
        QVERIFY(window.isLoading());
        QTest::qWait(HoldMs / 2);
        QVERIFY(window.isLoading()); // still waiting for the server, and saying so
        QCOMPARE(window.header()->updatedText(), QStringLiteral("Loading…"));
        QTRY_VERIFY_WITH_TIMEOUT(lockReleased() && !window.isLoading(), HoldMs * 5);
        QVERIFY(waitIdle(window));
        QVERIFY(window.header()->updatedText().startsWith(QStringLiteral("Updated at")));
        QVERIFY2(heart.longestGap() < 500, qPrintable(QString::number(heart.longestGap())));
        QVERIFY2(heart.ticks() >= HoldMs / 50 / 2, qPrintable(QString::number(heart.ticks())));
    }
    // Another session takes an exclusive lock on the table, released after HoldMs.
    void holdLock(const QString &table);
    bool lockReleased() const { return !m_holding; }
    int appConnections() const;

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<Database> m_locker;
    std::unique_ptr<Database> m_app; // the workstation: its own application_name
    QTemporaryDir m_settingsDir;
    World m_world;
    bool m_holding = false;
};

void TestResponsiveness::initTestCase()
{
    if (TestDatabase::backend() != QLatin1String("postgresql"))
        QSKIP("locks held by another session are PostgreSQL's");
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("responsiveness"));
    m_admin = m_test->open();
    QVERIFY(m_admin);
    m_world = makeWorld(*m_admin);
    m_locker = std::make_unique<Database>(m_test->config());
    QVERIFY(m_locker->open());
    m_app = std::make_unique<Database>(DatabaseConfig::fromConninfo(
            m_test->config().conninfo + u" application_name=" + AppName));
    QVERIFY(m_app->open());
    for (int i = 0; i < 3; ++i)
        publishedAd(*m_admin, m_world, QStringLiteral("Armoire %1").arg(i + 1));
    pendingAd(*m_admin, m_world, QStringLiteral("Table ronde en attente"));
}

void TestResponsiveness::cleanupTestCase()
{
    m_app.reset();
    m_locker.reset();
    m_admin.reset();
    m_test.reset();
}

void TestResponsiveness::holdLock(const QString &table)
{
    QSqlDatabase db = m_locker->connection();
    QVERIFY(db.transaction());
    QSqlQuery lock(db);
    QVERIFY2(lock.exec(QStringLiteral("LOCK TABLE recup.%1 IN ACCESS EXCLUSIVE MODE").arg(table)),
             qPrintable(lock.lastError().text()));
    m_holding = true;
    QTimer::singleShot(HoldMs, [this] {
        m_locker->connection().rollback();
        m_holding = false;
    });
}

int TestResponsiveness::appConnections() const
{
    QSqlQuery query(m_admin->connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? "
                                 "AND datname = current_database()"));
    query.addBindValue(AppName);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toInt();
}

void TestResponsiveness::myAdsWindowReadsWithoutFreezing()
{
    const auto owner = ReferenceRepository(*m_admin).agent(m_world.owner);
    QVERIFY(owner);
    holdLock(QStringLiteral("ad"));
    Heartbeat heart;
    MyAdsWindow window(*m_app, *owner);
    window.show();
    QCOMPARE(window.header()->updatedText(), QStringLiteral("Loading…"));
    readsWhileTheGuiTicks(window, heart);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(window.model()->rowCount(), 4);
}

void TestResponsiveness::wantedAdsWindowReadsWithoutFreezing()
{
    const auto owner = ReferenceRepository(*m_admin).agent(m_world.owner);
    QVERIFY(owner);
    holdLock(QStringLiteral("wanted_ad"));
    Heartbeat heart;
    WantedAdsWindow window(*m_app, *owner);
    window.show();
    QCOMPARE(window.header()->updatedText(), QStringLiteral("Loading…"));
    readsWhileTheGuiTicks(window, heart);
}

void TestResponsiveness::moderationQueueReadsWithoutFreezing()
{
    const auto claire = ReferenceRepository(*m_admin).agent(m_world.moderator);
    QVERIFY(claire);
    holdLock(QStringLiteral("ad"));
    Heartbeat heart;
    ModerationQueueWindow window(*m_app, *claire);
    window.show();
    readsWhileTheGuiTicks(window, heart);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(window.model()->rowCount(), 1);
    QVERIFY(window.displayedAdId() > 0);
}

void TestResponsiveness::moderationPhotosAreReadAndDecodedOffTheGuiThread()
{
    // A pending ad with two large photos.
    Ad input = m_world.sampleAd(QStringLiteral("Bureau photographié"));
    for (int i = 0; i < 2; ++i) {
        QImage picture(2400, 1800, QImage::Format_RGB32);
        picture.fill(i == 0 ? Qt::darkGreen : Qt::darkBlue);
        QPainter(&picture).drawEllipse(200, 200, 1600, 1200);
        const auto scaled = PhotoScaler::fromImage(picture);
        QVERIFY(scaled);
        input.photos.append({0, i, scaled->jpeg, scaled->thumbnail});
    }
    AdRepository ads(*m_admin);
    const auto created = ads.create(input, m_world.ownerActor());
    QVERIFY2(created, qPrintable(created.error().detail));
    QVERIFY(ads.transition(created->id,
                           {AdAction::Submit, created->version, {}, {}, 0, {}},
                           m_world.ownerActor()));

    const auto claire = ReferenceRepository(*m_admin).agent(m_world.moderator);
    ModerationQueueWindow window(*m_app, *claire);
    window.show();
    QVERIFY(waitIdle(window));
    holdLock(QStringLiteral("ad_photo"));
    Heartbeat heart;
    QVERIFY(window.selectAd(created->id));
    QVERIFY(window.isLoadingDetail());
    QTest::qWait(HoldMs / 2);
    QVERIFY(window.isLoadingDetail());
    QTRY_VERIFY_WITH_TIMEOUT(lockReleased() && !window.isLoadingDetail(), HoldMs * 5);
    QCOMPARE(window.displayedAdId(), created->id);
    QVERIFY2(heart.longestGap() < 500, qPrintable(QString::number(heart.longestGap())));
}

void TestResponsiveness::failedMailsTabReadsWithoutFreezing()
{
    // The moderation window's « Courriels non envoyés » tab, which has no header of its own:
    // its empty list says it is reading, not that nothing waits.
    holdLock(QStringLiteral("outbox"));
    Heartbeat heart;
    FailedMailsPane pane(*m_app);
    pane.show();
    auto *empty = pane.findChild<QLabel *>(QStringLiteral("failedMailsEmptyState"));
    QVERIFY(empty);
    QVERIFY(pane.isLoading());
    QTest::qWait(HoldMs / 2);
    QVERIFY(pane.isLoading()); // still waiting for the server, and saying so
    QCOMPARE(empty->text(), QStringLiteral("Loading…"));
    QTRY_VERIFY_WITH_TIMEOUT(lockReleased() && !pane.isLoading(), HoldMs * 5);
    QCOMPARE(pane.failureCount(), 0);
    QVERIFY(empty->text().startsWith(QStringLiteral("Nothing is waiting")));
    QVERIFY2(heart.longestGap() < 500, qPrintable(QString::number(heart.longestGap())));
}

void TestResponsiveness::statisticsWindowReadsWithoutFreezing()
{
    const auto claire = ReferenceRepository(*m_admin).agent(m_world.moderator);
    holdLock(QStringLiteral("ad"));
    Heartbeat heart;
    StatisticsWindow window(*m_app, *claire);
    window.show();
    readsWhileTheGuiTicks(window, heart);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(window.figures());
}

void TestResponsiveness::referenceDataWindowReadsWithoutFreezing()
{
    const auto claire = ReferenceRepository(*m_admin).agent(m_world.moderator);
    holdLock(QStringLiteral("category"));
    Heartbeat heart;
    ReferenceDataWindow window(*m_app, *claire);
    window.show();
    readsWhileTheGuiTicks(window, heart);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(window.model(ReferenceDataWindow::Kind::Categories)->rowCount() > 0);
}

void TestResponsiveness::agentsWindowReadsWithoutFreezing()
{
    const auto claire = ReferenceRepository(*m_admin).agent(m_world.moderator);
    holdLock(QStringLiteral("ad")); // the open ads are counted on it
    Heartbeat heart;
    AgentsWindow window(*m_app, *claire);
    window.show();
    readsWhileTheGuiTicks(window, heart);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(window.model()->rowCount() >= 4);
}

void TestResponsiveness::roleCheckReadsWithoutFreezing()
{
    AppSettings settings(m_settingsDir.filePath(QStringLiteral("roles.ini")));
    CatalogueWindow catalogue(*m_app, settings, false);
    const auto claire = ReferenceRepository(*m_admin).agent(m_world.moderator);
    WindowSets sets(*m_app, catalogue, *claire, false);
    QTRY_VERIFY(sets.failedMailCount() >= 0);
    holdLock(QStringLiteral("agent"));
    Heartbeat heart;
    QSignalSpy checked(&sets, &WindowSets::rolesChecked);
    sets.checkRoles();
    QTest::qWait(HoldMs / 2);
    QCOMPARE(checked.size(), 0); // still waiting for the server
    QTRY_VERIFY_WITH_TIMEOUT(lockReleased() && checked.size() == 1, HoldMs * 5);
    QVERIFY2(heart.longestGap() < 500, qPrintable(QString::number(heart.longestGap())));
}

void TestResponsiveness::aWholeSessionHoldsTwoConnections()
{
    // A moderator with every window open: the catalogue, « Mes annonces », the queue, the mails
    // not sent. One connection for writes (the GUI thread's), one for every read.
    AppSettings settings(m_settingsDir.filePath(QStringLiteral("all.ini")));
    CatalogueWindow catalogue(*m_app, settings, false);
    const auto claire = ReferenceRepository(*m_admin).agent(m_world.moderator);
    WindowSets sets(*m_app, catalogue, *claire, false);
    catalogue.show();
    sets.openMyAds();
    sets.openModeration();
    sets.openFailedMails();
    sets.openAgents();
    QVERIFY(waitIdle(*sets.agentsWindow()));
    QVERIFY(waitIdle(*sets.myAdsWindow()));
    QVERIFY(waitIdle(*sets.moderationWindow()));
    QVERIFY(waitIdle(*sets.moderationWindow()->failedMails()));
    QTRY_VERIFY(sets.failedMailCount() >= 0);
    QCOMPARE(appConnections(), 2);
    QCOMPARE(m_app->openConnectionCount(), 2);
}

QTEST_MAIN(TestResponsiveness)
#include "tst_responsiveness.moc"
