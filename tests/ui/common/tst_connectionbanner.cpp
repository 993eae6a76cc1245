// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The server drops the application's session: the banner says so while the monitor
// reconnects, says when it is back, then folds away, and the open form is left alone.
#include "Sql.h"
#include "TestDatabase.h"
#include "common/ConnectionBanner.h"
#include "storage/ConnectionMonitor.h"

#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>
#include <QVBoxLayout>

using namespace Recup;
using namespace Recup::Testing;

namespace {

// Types text as a person would, accents included (QTest::keyClicks takes ASCII only).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

} // namespace

class TestConnectionBanner : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("a local SQLite file has no connection to lose");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("connectionbanner"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
    }
    void cleanupTestCase()
    {
        m_admin.reset();
        m_test.reset();
    }

    void lostThenRestoredLeavesTheFormAlone()
    {
        Database app(m_test->config());
        QVERIFY(app.open());
        ConnectionMonitor monitor(app);
        monitor.setPingInterval(100);
        monitor.setBackoff(50, 400);

        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *banner = new ConnectionBanner(monitor, &window);
        banner->setRestoredDuration(400);
        auto *title = new QLineEdit(&window);
        layout->addWidget(banner);
        layout->addWidget(title);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!banner->isVisible());
        title->setFocus();
        typeText(title, QStringLiteral("Armoire basse en chê"));
        // A form of its own, open beside the window.
        QDialog form(&window);
        form.setModal(false);
        form.show();

        QStringList seen;
        connect(&monitor, &ConnectionMonitor::reconnecting, this, [&] { seen << banner->text(); });
        QString restoredText;
        bool visibleWhenRestored = false;
        connect(&monitor, &ConnectionMonitor::restored, this, [&] {
            restoredText = banner->text();
            visibleWhenRestored = banner->isVisible();
        });
        QSignalSpy restored(&monitor, &ConnectionMonitor::restored);
        monitor.start();

        QVERIFY(terminateBackend(*m_admin, backendPid(app)));
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 5000);
        QCOMPARE(banner->state(), ConnectionBanner::State::Reconnecting);
        QVERIFY2(QRegularExpression(QStringLiteral("^Connection to the server lost — reconnecting… "
                                                   "\\(attempt \\d+\\)$"))
                         .match(banner->text())
                         .hasMatch(),
                 qPrintable(banner->text()));
        QVERIFY(banner->retryButton()->isVisible());
        QVERIFY(!banner->toolTip().isEmpty());

        QTRY_COMPARE_WITH_TIMEOUT(restored.size(), 1, 10000);
        QVERIFY(!seen.isEmpty());
        QCOMPARE(restoredText, QStringLiteral("Connection restored"));
        QVERIFY(visibleWhenRestored);
        QVERIFY(!banner->retryButton()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 3000);
        QCOMPARE(banner->state(), ConnectionBanner::State::Hidden);

        // Nothing the person was doing was touched.
        QCOMPARE(title->text(), QStringLiteral("Armoire basse en chê"));
        QVERIFY(form.isVisible());
        QVERIFY(window.isVisible());
    }

    void retryNowDoesNotStealTheFocus()
    {
        // A server that is not there: the monitor keeps trying, the banner stays.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        Database app(DatabaseConfig::fromConninfo(
                QStringLiteral("host=127.0.0.1 port=%1 dbname=x user=x connect_timeout=2")
                        .arg(port)));
        ConnectionMonitor monitor(app);
        monitor.setBackoff(3000, 6000);

        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *banner = new ConnectionBanner(monitor, &window);
        auto *title = new QLineEdit(&window);
        layout->addWidget(banner);
        layout->addWidget(title);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        title->setFocus();

        QSignalSpy reconnecting(&monitor, &ConnectionMonitor::reconnecting);
        Error gone;
        gone.kind = Error::Kind::Connection;
        gone.message = QStringLiteral("The connection to the database server was lost.");
        monitor.reportError(gone);
        QVERIFY(banner->isVisible());
        QCOMPARE(reconnecting.size(), 1);
        QCOMPARE(banner->text(),
                 QStringLiteral("Connection to the server lost — reconnecting… (attempt 1)"));

        if (const QString folder = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
            !folder.isEmpty()) {
            window.resize(720, 120);
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCoreApplication::processEvents();
            QVERIFY(window.grab().save(folder + QStringLiteral("/connection-banner.png")));
        }
        QTest::mouseClick(banner->retryButton(), Qt::LeftButton);
        QCOMPARE(QApplication::focusWidget(), title);
        if (monitor.metaObject()->indexOfMethod("retryNow()") < 0) {
            qInfo("ConnectionMonitor::retryNow() is not there yet: Retry now waits for the "
                  "scheduled attempt");
            return;
        }
        // The probe runs at once instead of after the 1.5 to 3 s wait, and fails again.
        QTRY_COMPARE_WITH_TIMEOUT(reconnecting.size(), 2, 1200);
        QTRY_COMPARE_WITH_TIMEOUT(
                banner->text(),
                QStringLiteral("Connection to the server lost — reconnecting… (attempt 2)"),
                1000);
        QVERIFY(banner->retryButton()->isEnabled());
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
};

QTEST_MAIN(TestConnectionBanner)
#include "tst_connectionbanner.moc"
