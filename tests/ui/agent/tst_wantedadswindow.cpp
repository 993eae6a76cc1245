// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// « Recherches » and « Mes alertes » through the real window, as the agent's own login on
// PostgreSQL: Paul posts a wanted ad with the keyboard (refused with no keyword, the message
// under the field and what he typed kept), everyone sees it; a moderator approves a matching
// ad; Paul sees exactly one alert under « Mes alertes » (Ctrl+3), and closes his wanted ad.
#include "Fixtures.h"
#include "Keyboard.h"
#include "MailTestSupport.h"
#include "Screens.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "WindowWaits.h"
#include "actions/AdWorkflow.h"
#include "agent/WantedAdDialog.h"
#include "agent/WantedAdsWindow.h"
#include "common/MessageBar.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"
#include "storage/WantedAdRepository.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestWantedAdsWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, u"wantedadswindow"_s);
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        if (TestDatabase::backend() == QLatin1String("postgresql"))
            QVERIFY(ensureLoginRoles(*m_admin));
        m_paulDb = m_test->openAs(u"pmartin"_s);
        m_marieDb = m_test->openAs(u"mdupont"_s);
        m_moderatorDb = m_test->openAs(u"cbernard"_s);
        QVERIFY(m_paulDb && m_marieDb && m_moderatorDb);
        m_settings.sender = {u"collectiv-recup@agglo.test"_s, u"Collectiv'Récup"_s};
        QVERIFY(usePlatformSettings(*m_admin, m_settings));
        for (Database *db : {m_paulDb.get(), m_marieDb.get()}) {
            db->references().reload();
            QTRY_VERIFY_WITH_TIMEOUT(
                    db->references().isLoaded() && !db->references().sites().isEmpty(), 15'000);
        }
    }
    void cleanupTestCase()
    {
        m_paulDb.reset();
        m_marieDb.reset();
        m_moderatorDb.reset();
        m_admin.reset();
        m_test.reset();
    }

    void postApproveAndSeeOneAlert()
    {
        const auto paul = ReferenceRepository(*m_paulDb).agent(m_world.other);
        QVERIFY(paul);
        WantedAdsWindow window(*m_paulDb, *paul);
        // The form, answered with the keyboard: first without keywords, then with them.
        int runs = 0;
        QString refusal, keptTitle;
        window.setDialogRunner([&](WantedAdDialog &dialog) {
            ++runs;
            dialog.show();
            dialog.titleEdit()->setFocus();
            typeText(dialog.titleEdit(), u"Recherche : 4 armoires metalliques hautes"_s);
            dialog.quantityBox()->setValue(4);
            QTest::keyClick(dialog.keywordsEdit(), Qt::Key_Return);
            refusal = dialog.fieldError(u"keywords"_s);
            keptTitle = dialog.titleEdit()->text();
            if (dialog.result() == QDialog::Accepted)
                return int(QDialog::Accepted);
            typeText(dialog.keywordsEdit(), u"armoire metallique"_s);
            QTest::keyClick(dialog.keywordsEdit(), Qt::Key_Return);
            return dialog.result();
        });
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(waitIdle(window));
        QCOMPARE(window.postAction()->shortcut(), QKeySequence(QKeySequence::New));
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QCOMPARE(runs, 1);
        QVERIFY2(refusal.contains(u"keyword"_s), qPrintable(refusal));
        QCOMPARE(keptTitle, u"Recherche : 4 armoires metalliques hautes"_s);
        QTRY_COMPARE_WITH_TIMEOUT(window.mineList()->topLevelItemCount(), 1, 15'000);
        QCOMPARE(window.tabs()->currentIndex(), int(WantedAdsWindow::Tab::Mine));
        QCOMPARE(window.mineList()->topLevelItem(0)->text(2), u"4"_s);
        QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM wanted_ad"_s), 1);

        // Marie sees it among everyone's.
        const auto marie = ReferenceRepository(*m_marieDb).agent(m_world.owner);
        QVERIFY(marie);
        WantedAdsWindow hers(*m_marieDb, *marie);
        hers.show();
        QVERIFY(waitIdle(hers));
        QTRY_COMPARE_WITH_TIMEOUT(hers.everyoneList()->topLevelItemCount(), 1, 15'000);
        QCOMPARE(hers.everyoneList()->topLevelItem(0)->text(6), u"Paul Martin"_s);

        // Marie's ad, approved by the moderator as the moderation window does.
        const Ad pending = pendingAd(*m_admin, m_world, u"Armoire métallique haute"_s);
        AdWorkflow workflow(*m_moderatorDb, m_settings);
        const auto approved
                = workflow.transition(pending.id,
                                      {AdAction::Approve, pending.version, {}, {}, 0, {}},
                                      m_world.moderatorActor());
        QVERIFY2(approved, qPrintable(approved.error().message + approved.error().detail));
        QCOMPARE(workflow.mailsWritten(), 2);

        // « Mes alertes » by keyboard: one alert, naming the ad.
        QVERIFY(refreshAndWait(window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentIndex(), int(WantedAdsWindow::Tab::Alerts));
        QCOMPARE(window.alertsList()->topLevelItemCount(), 1);
        QCOMPARE(window.alertsList()->topLevelItem(0)->text(2), u"Armoire métallique haute"_s);
        QCOMPARE(window.alertsList()->topLevelItem(0)->text(3), QString::number(pending.id));
        QVERIFY(window.tabs()->tabText(int(WantedAdsWindow::Tab::Alerts)).contains(u"(1)"_s));
        // The badge says what it counts, for the eye and for screen readers.
        auto *badge = window.findChild<QLabel *>(u"wantedAlertsCount"_s);
        QVERIFY(badge);
        QVERIFY2(badge->text().startsWith(u"1 alert"_s), qPrintable(badge->text()));
        QCOMPARE(badge->accessibleName(), badge->text());
        // The matched ad opens from its alert: Enter on the row, or Ctrl+O (in the tooltip).
        QSignalSpy opened(&window, &WantedAdsWindow::adRequested);
        window.alertsList()->setCurrentItem(window.alertsList()->topLevelItem(0));
        window.alertsList()->setFocus();
        QTest::keyClick(window.alertsList(), Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().at(0).toLongLong(), pending.id);
        QCOMPARE(opened.first().at(1).toString(), u"Armoire métallique haute"_s);
        QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);
        QCOMPARE(opened.size(), 2);
        QVERIFY2(window.showAdAction()->toolTip().contains(
                         QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText)),
                 qPrintable(window.showAdAction()->toolTip()));
        // Paul's own wanted ad is not his to answer; Marie may answer it, with Ctrl+Shift+C.
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        window.everyoneList()->setCurrentItem(window.everyoneList()->topLevelItem(0));
        QVERIFY(!window.answerAction()->isEnabled());
        QCOMPARE(window.answerAction()->toolTip(), u"This wanted ad is yours."_s);
        QVERIFY(refreshAndWait(hers));
        hers.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&hers));
        hers.everyoneList()->setCurrentItem(hers.everyoneList()->topLevelItem(0));
        QVERIFY(hers.answerAction()->isEnabled());
        QSignalSpy answer(&hers, &WantedAdsWindow::answerRequested);
        QTest::keyClick(&hers, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(answer.size(), 1);
        QCOMPARE(answer.first().at(1).toLongLong(), m_world.other);
        // Marie has none: her own ad does not alert anybody but Paul.
        QVERIFY(refreshAndWait(hers));
        QCOMPARE(hers.alertsList()->topLevelItemCount(), 0);

        // Paul closes his wanted ad with the keyboard: it leaves everyone's list.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        window.mineList()->setCurrentItem(window.mineList()->topLevelItem(0));
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(window.mineList()->topLevelItemCount() == 1
                                          && window.mineList()->topLevelItem(0)->text(3)
                                                     != u"Open"_s,
                                  true,
                                  15'000);
        QVERIFY(refreshAndWait(hers));
        QCOMPARE(hers.everyoneList()->topLevelItemCount(), 0);
    }

    // « Mes alertes » as a French agent sees it, after a matching approval; only when asked:
    // RECUP_SCREENSHOT_DIR=/tmp/shots.
    void frenchScreenshot()
    {
        const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set RECUP_SCREENSHOT_DIR to save a picture of the window");
        QVERIFY(QDir().mkpath(dir));
        FrenchScreens french;
        QVERIFY(french.loaded());
        const auto paul = ReferenceRepository(*m_paulDb).agent(m_world.other);
        QVERIFY(paul);
        WantedAd wanted;
        wanted.authorId = paul->id;
        wanted.serviceId = paul->serviceId;
        wanted.siteId = m_world.depot;
        wanted.title = u"Recherche : 6 chaises empilables"_s;
        wanted.keywords = u"chaise empilable"_s;
        wanted.quantity = 6;
        QVERIFY(WantedAdRepository(*m_paulDb).post(wanted));
        const Ad pending = pendingAd(*m_admin, m_world, u"Chaises empilables grises"_s);
        AdWorkflow workflow(*m_moderatorDb, m_settings);
        QVERIFY(workflow.transition(pending.id,
                                    {AdAction::Approve, pending.version, {}, {}, 0, {}},
                                    m_world.moderatorActor()));
        WantedAdsWindow window(*m_paulDb, *paul);
        window.resize(1000, 560);
        window.show();
        QVERIFY(waitIdle(window));
        window.tabs()->setCurrentIndex(int(WantedAdsWindow::Tab::Alerts));
        QTRY_VERIFY_WITH_TIMEOUT(window.alertsList()->topLevelItemCount() >= 1, 15'000);
        QVERIFY(saveScreen(window, dir + u"/mes-alertes.png"_s));
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin, m_paulDb, m_marieDb, m_moderatorDb;
    World m_world;
    MailSettings m_settings;
};

QTEST_MAIN(TestWantedAdsWindow)
#include "tst_wantedadswindow.moc"
