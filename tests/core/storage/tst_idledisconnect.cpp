// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Connection economy, counted by the server: an idle workstation holds no connection; the next
// read and the next write reopen them with the credentials of the session, without a word to
// the user.

#include "Fixtures.h"
#include "TestDatabase.h"
#include "storage/AdRepository.h"
#include "storage/CatalogueQuery.h"
#include "storage/Database.h"
#include "storage/IdleDisconnect.h"
#include "storage/ReadWorker.h"

#include <QKeyEvent>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Recup;
using namespace Recup::Testing;

namespace {
const QString AppName = QStringLiteral("recup-idle-test");
}

class TestIdleDisconnect : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("a local SQLite file costs the server nothing: no economy to make");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("idledisconnect"));
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

    void idleWorkstationClosesThenReopensTransparently()
    {
        // A password in the connection string, as the login dialog keeps it in memory.
        Database app(DatabaseConfig::fromConninfo(m_test->config().conninfo + u" application_name="
                                                  + AppName));
        QVERIFY(app.open());
        // Both connections in use: the GUI thread's and the reading thread's.
        QVERIFY(readOnWorker(app));
        QCOMPARE(serverConnections(), 2);

        IdleDisconnect idle(app, 300);
        QSignalSpy suspended(&idle, &IdleDisconnect::suspended);
        QSignalSpy resumed(&idle, &IdleDisconnect::resumed);
        idle.start();
        QVERIFY(suspended.wait(5000));
        QVERIFY(idle.isIdle());
        QVERIFY(app.isSuspended());
        QTRY_COMPARE(serverConnections(), 0);

        // A key pressed anywhere: the user is back.
        QKeyEvent key(QEvent::KeyPress, Qt::Key_A, Qt::NoModifier, QStringLiteral("a"));
        QCoreApplication::sendEvent(&idle, &key);
        QCOMPARE(resumed.size(), 1);
        QVERIFY(!app.isSuspended());
        QCOMPARE(serverConnections(), 0); // nothing opened before it is needed

        // A read and a write work at once, reopening what they need.
        QVERIFY(readOnWorker(app));
        const auto page = CatalogueQuery(app).page({});
        QVERIFY2(page, qPrintable(page.error().detail));
        QCOMPARE(page->entries.size(), 1);
        QCOMPARE(serverConnections(), 2);
        QCOMPARE(suspended.size(), 1);
    }

    void activityKeepsTheConnectionsOpen()
    {
        Database app(DatabaseConfig::fromConninfo(m_test->config().conninfo + u" application_name="
                                                  + AppName));
        QVERIFY(app.open());
        IdleDisconnect idle(app, 400);
        QSignalSpy suspended(&idle, &IdleDisconnect::suspended);
        idle.start();
        for (int i = 0; i < 6; ++i) {
            QTest::qWait(150);
            idle.noteActivity(); // someone typing in a form
        }
        QCOMPARE(suspended.size(), 0);
        QCOMPARE(serverConnections(), 1);
    }

private:
    bool readOnWorker(Database &app)
    {
        ReadChannel reads(app.reader());
        bool done = false;
        bool ok = false;
        reads.request<bool>(
                [&app]() -> Result<bool> {
                    if (const Status alive = app.ping(); !alive)
                        return alive.error();
                    return true;
                },
                [&](const Result<bool> &result) {
                    ok = result.ok();
                    done = true;
                });
        return QTest::qWaitFor([&] { return done; }, 10'000) && ok;
    }

    int serverConnections() const
    {
        QSqlQuery query(m_admin->connection());
        query.prepare(
                QStringLiteral("SELECT count(*) FROM pg_stat_activity "
                               "WHERE application_name = ? AND datname = current_database()"));
        query.addBindValue(AppName);
        if (!query.exec() || !query.next())
            return -1;
        return query.value(0).toInt();
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    World m_world;
};

QTEST_GUILESS_MAIN(TestIdleDisconnect)
#include "tst_idledisconnect.moc"
