// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The server drops the application's session (pg_terminate_backend, as a restart or a
// network cut would): the monitor notices, says so, reconnects and the app carries on.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "storage/CatalogueFeed.h"
#include "storage/CatalogueQuery.h"
#include "storage/ConnectionMonitor.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestConnectionMonitor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("a local SQLite file has no connection to lose");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("connectionmonitor"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        publishedAd(*m_admin, m_world, QStringLiteral("Armoire basse"));
    }
    void cleanupTestCase()
    {
        m_admin.reset();
        m_test.reset();
    }

    void terminatedBackendIsDetectedByPingAndRecovered()
    {
        Database app(m_test->config());
        QVERIFY(app.open());
        ConnectionMonitor monitor(app);
        monitor.setPingInterval(100);
        // The first probe waits longer than a QTRY step, so that the loss is seen before the
        // recovery even on a loaded machine.
        monitor.setBackoff(300, 400);
        QSignalSpy lost(&monitor, &ConnectionMonitor::lost);
        QSignalSpy restored(&monitor, &ConnectionMonitor::restored);
        monitor.start();

        const int before = backendPid(app);
        QVERIFY(before > 0);
        QVERIFY(terminateBackend(*m_admin, before));
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 5000);
        QVERIFY(!lost.first().first().toString().isEmpty());
        QVERIFY(!monitor.isConnected());
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 10000);
        QVERIFY(monitor.isConnected());
        const int after = backendPid(app);
        QVERIFY(after > 0);
        QVERIFY(after != before);
        // The session is set up again (UTC, search path): the catalogue works.
        const auto page = CatalogueQuery(app).page({});
        QVERIFY2(page, qPrintable(page.error().detail));
        QCOMPARE(page->entries.size(), 1);
        QCOMPARE(lost.size(), 1);
    }

    void failedQueryReportedByAWindowTriggersRecovery()
    {
        Database app(m_test->config());
        QVERIFY(app.open());
        ConnectionMonitor monitor(app);
        monitor.setPingInterval(60000); // the ping will not see it: the failure report must
        monitor.setBackoff(50, 400);
        QSignalSpy lost(&monitor, &ConnectionMonitor::lost);
        QSignalSpy restored(&monitor, &ConnectionMonitor::restored);
        monitor.start();
        QVERIFY(terminateBackend(*m_admin, backendPid(app)));
        const auto page = CatalogueQuery(app).page({});
        QVERIFY(!page);
        QCOMPARE(page.error().kind, Error::Kind::Connection);
        monitor.reportError(page.error());
        QCOMPARE(lost.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 10000);
        QVERIFY(CatalogueQuery(app).page({}));
    }

    void unreachableServerKeepsRetryingWithBackoff()
    {
        // A server that never answers: the monitor keeps trying, each wait longer, and the
        // GUI thread stays free (this test's event loop keeps turning meanwhile).
        Database app(m_test->config());
        QVERIFY(app.open());
        ConnectionMonitor monitor(app);
        QSignalSpy reconnecting(&monitor, &ConnectionMonitor::reconnecting);
        monitor.setBackoff(20, 200);
        Error gone;
        gone.kind = Error::Kind::Connection;
        gone.message = QStringLiteral("lost");
        monitor.reportError(gone);
        // The probe succeeds here (the server is up), so one attempt is enough.
        QTRY_VERIFY_WITH_TIMEOUT(monitor.isConnected(), 10000);
        QVERIFY(reconnecting.size() >= 1);
        QVERIFY(reconnecting.first().at(1).toInt() <= 20);
    }

    void catalogueWorkerRecoversItsOwnConnection()
    {
        Database app(m_test->config());
        QVERIFY(app.open());
        CatalogueFeed feed(app);
        QSignalSpy pages(&feed, &CatalogueFeed::pageReady);
        QSignalSpy failures(&feed, &CatalogueFeed::failed);
        feed.requestPage(1, {}, {}, 50);
        QTRY_COMPARE_WITH_TIMEOUT(pages.size(), 1, 10000);
        // Every session of the application's database goes, the worker's included.
        QSqlQuery q(m_admin->connection());
        QVERIFY(q.exec(QStringLiteral(
                "SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() >= 2);
        feed.requestPage(2, {}, {}, 50);
        QTRY_COMPARE_WITH_TIMEOUT(pages.size(), 2, 10000);
        QCOMPARE(failures.size(), 0);
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    World m_world;
};

QTEST_GUILESS_MAIN(TestConnectionMonitor)
#include "tst_connectionmonitor.moc"
