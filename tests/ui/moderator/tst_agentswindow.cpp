// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The « Agents » window on the offscreen platform and a real database, as a moderator (on
// PostgreSQL her own login): the agents with their services, roles and open ads, the filter,
// a leaving agent's open ads handed over to a colleague with their history, the refusals said
// in words, an agent deactivated and reactivated; the model checked by QAbstractItemModelTester.
#include "Fixtures.h"
#include "Screens.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "WindowWaits.h"
#include "common/MessageBar.h"
#include "moderator/AgentsModel.h"
#include "moderator/AgentsWindow.h"
#include "moderator/HandOverDialog.h"
#include "storage/ReferenceRepository.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

namespace {

bool isPostgres()
{
    return TestDatabase::backend() == QLatin1String("postgresql");
}

} // namespace

class TestAgentsWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void listShowsAgentsWithServicesAndRoles();
    void filterFindsNameLoginOrService();
    void handOverMovesTheOpenAdsWithTheirHistory();
    void refusalsAreShown();
    void deactivateAndReactivate();
    void frenchScreenshot();

private:
    std::unique_ptr<AgentsWindow> openWindow();
    QString cell(const AgentsWindow &window, qint64 agentId, int column) const;
    static QString message(const AgentsWindow &window);
    bool handOver(AgentsWindow &window,
                  qint64 from,
                  qint64 to,
                  const std::function<void()> &beforeAccept = {});

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<Database> m_claireDb; // Claire Bernard, moderator
    World m_world;
    qint64 m_gone = 0;
    QList<qint64> m_marieOpen;
    qint64 m_marieClosed = 0;
};

void TestAgentsWindow::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("agentswindow"));
    m_admin = m_test->open();
    QVERIFY(m_admin);
    m_world = makeWorld(*m_admin);
    if (isPostgres())
        QVERIFY(ensureLoginRoles(*m_admin));
    m_claireDb = m_test->openAs(QStringLiteral("cbernard"));
    QVERIFY(m_claireDb);
    Agent gone;
    gone.login = u"gparti"_s;
    gone.displayName = u"Gaston Parti"_s;
    gone.email = u"gparti@agglo.test"_s;
    gone.serviceId = m_world.library;
    gone.active = false;
    const auto id = ReferenceRepository(*m_admin).addAgent(gone);
    QVERIFY2(id, qPrintable(id.error().message));
    m_gone = *id;
    m_marieOpen = {pendingAd(*m_admin, m_world, u"Armoire en attente"_s).id,
                   publishedAd(*m_admin, m_world, u"Bureau en chêne"_s).id,
                   publishedAd(*m_admin, m_world, u"Chaise de bureau"_s).id};
    m_marieClosed
            = closedLot(*m_admin, m_world, m_world.chairs, 1, 0, 0, CloseReason::Discarded).id;
}

void TestAgentsWindow::cleanupTestCase()
{
    m_claireDb.reset();
    m_admin.reset();
    m_test.reset();
}

std::unique_ptr<AgentsWindow> TestAgentsWindow::openWindow()
{
    const auto claire = ReferenceRepository(*m_admin).agent(m_world.moderator);
    if (!claire)
        return nullptr;
    auto window = std::make_unique<AgentsWindow>(*m_claireDb, *claire);
    window->show();
    return window;
}

QString TestAgentsWindow::cell(const AgentsWindow &window, qint64 agentId, int column) const
{
    const int row = window.model()->rowOfAgent(agentId);
    if (row < 0)
        return u"<not shown>"_s;
    return window.model()->index(row, column).data().toString();
}

QString TestAgentsWindow::message(const AgentsWindow &window)
{
    return window.messageBar()->isVisible() ? window.messageBar()->text() : QString();
}

bool TestAgentsWindow::handOver(AgentsWindow &window,
                                qint64 from,
                                qint64 to,
                                const std::function<void()> &beforeAccept)
{
    if (!window.selectAgent(from))
        return false;
    bool chosen = false;
    window.setHandOverRunner([&](HandOverDialog &dialog) {
        chosen = dialog.chooseAgent(to);
        if (beforeAccept)
            beforeAccept();
        return chosen ? int(QDialog::Accepted) : int(QDialog::Rejected);
    });
    QSignalSpy done(&window, &AgentsWindow::writeDone);
    window.handOverSelected();
    return chosen && (done.size() > 0 || done.wait(15'000)) && waitIdle(window);
}

void TestAgentsWindow::listShowsAgentsWithServicesAndRoles()
{
    auto window = openWindow();
    QVERIFY(window);
    QAbstractItemModelTester tester(window->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitIdle(*window));
    // Once the reference cache is read, services have their names.
    QTRY_COMPARE(cell(*window, m_world.owner, AgentsModel::ServiceColumn), u"Déchets"_s);
    QCOMPARE(cell(*window, m_world.owner, AgentsModel::NameColumn), u"Marie Dupont"_s);
    QCOMPARE(cell(*window, m_world.owner, AgentsModel::LoginColumn), u"mdupont"_s);
    QCOMPARE(cell(*window, m_world.owner, AgentsModel::EmailColumn), u"mdupont@agglo.test"_s);
    QCOMPARE(cell(*window, m_world.owner, AgentsModel::RolesColumn), u"Agent"_s);
    QCOMPARE(cell(*window, m_world.owner, AgentsModel::OpenAdsColumn), u"3"_s);
    QCOMPARE(cell(*window, m_world.owner, AgentsModel::ActiveColumn), u"Active"_s);
    QCOMPARE(cell(*window, m_world.other, AgentsModel::ServiceColumn), u"Médiathèque"_s);
    QCOMPARE(cell(*window, m_world.other, AgentsModel::OpenAdsColumn), u"0"_s);
    QCOMPARE(cell(*window, m_world.moderator, AgentsModel::RolesColumn), u"Moderator"_s);
    QCOMPARE(cell(*window, m_world.moderator, AgentsModel::ServiceColumn), u"Écoles"_s);
    // Inactive agents only when asked.
    QCOMPARE(window->model()->rowOfAgent(m_gone), -1);
    auto *inactive = window->findChild<QCheckBox *>(u"showInactiveAgents"_s);
    QVERIFY(inactive);
    inactive->setChecked(true);
    QCOMPARE(cell(*window, m_gone, AgentsModel::ActiveColumn), u"Deactivated"_s);
    QCOMPARE(window->model()->rowCount(), 5);
    inactive->setChecked(false);
    QCOMPARE(window->model()->rowCount(), 4);
    // One cannot deactivate oneself.
    QVERIFY(window->selectAgent(m_world.moderator));
    QVERIFY(!window->findChild<QPushButton *>(u"agentActiveButton"_s)->isEnabled());
}

void TestAgentsWindow::filterFindsNameLoginOrService()
{
    auto window = openWindow();
    QVERIFY(window);
    QAbstractItemModelTester tester(window->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitIdle(*window));
    QTRY_COMPARE(cell(*window, m_world.other, AgentsModel::ServiceColumn), u"Médiathèque"_s);
    auto *filter = window->findChild<QLineEdit *>(u"agentsFilter"_s);
    QVERIFY(filter);
    filter->setText(u"martin"_s); // a name
    QCOMPARE(window->model()->rowCount(), 1);
    QCOMPARE(cell(*window, m_world.other, AgentsModel::NameColumn), u"Paul Martin"_s);
    filter->setText(u"lpetit"_s); // a login
    QCOMPARE(window->model()->rowCount(), 1);
    QCOMPARE(cell(*window, m_world.secondModerator, AgentsModel::NameColumn), u"Luc Petit"_s);
    filter->setText(u"dechets"_s);            // a service, typed without its accent
    QCOMPARE(window->model()->rowCount(), 2); // Marie and Luc
    QVERIFY(window->model()->rowOfAgent(m_world.owner) >= 0);
    filter->setText(u"mediatheque"_s);
    QCOMPARE(window->model()->rowCount(), 1); // Gaston is inactive
    window->findChild<QCheckBox *>(u"showInactiveAgents"_s)->setChecked(true);
    QCOMPARE(window->model()->rowCount(), 2);
    filter->setText(u"personne"_s);
    QCOMPARE(window->model()->rowCount(), 0);
    filter->clear();
    QCOMPARE(window->model()->rowCount(), 5);
}

void TestAgentsWindow::handOverMovesTheOpenAdsWithTheirHistory()
{
    auto window = openWindow();
    QVERIFY(window);
    QAbstractItemModelTester tester(window->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitIdle(*window));
    QTRY_COMPARE(cell(*window, m_world.other, AgentsModel::ServiceColumn), u"Médiathèque"_s);

    // The dialog offers active colleagues only, counts the ads and says what will happen.
    QVERIFY(window->selectAgent(m_world.owner));
    QString confirmation;
    QString button;
    bool offersGone = true;
    bool offersHerself = true;
    window->setHandOverRunner([&](HandOverDialog &dialog) {
        offersGone = dialog.chooseAgent(m_gone);
        offersHerself = dialog.chooseAgent(m_world.owner);
        dialog.chooseAgent(m_world.other);
        confirmation = dialog.confirmationText();
        button = dialog.findChild<QPushButton *>(u"handOverButton"_s)->text();
        return int(QDialog::Rejected);
    });
    window->handOverSelected();
    QVERIFY(!offersGone);
    QVERIFY(!offersHerself);
    // Marie still works here: only a leaving agent's ads move, so she is deactivated first.
    QCOMPARE(confirmation,
             u"Marie Dupont will be deactivated and their 3 ad(s) handed over to Paul Martin."_s);
    QCOMPARE(button, u"Deactivate and hand over their ads"_s);
    QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM ad_handover"_s), 0);
    QVERIFY(ReferenceRepository(*m_admin).agent(m_world.owner)->active);

    QVERIFY(handOver(*window, m_world.owner, m_world.other));
    const QString said = message(*window);
    QVERIFY2(
            said.startsWith(
                    u"Marie Dupont is deactivated and their 3 ad(s) handed over to Paul Martin."_s),
            qPrintable(said));
    QCOMPARE(said.contains(u"deactivate-agent --login mdupont"_s), isPostgres());
    QVERIFY(!ReferenceRepository(*m_admin).agent(m_world.owner)->active);
    window->findChild<QCheckBox *>(u"showInactiveAgents"_s)->setChecked(true);
    for (qint64 id : std::as_const(m_marieOpen)) {
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM ad WHERE id = %1 AND owner_id = %2 AND "
                         "service_id = %3"_s.arg(id)
                                 .arg(m_world.other)
                                 .arg(m_world.library)),
                 1);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM ad_history WHERE ad_id = %1 AND action = "
                         "'handover' AND reason = 'Marie Dupont'"_s.arg(id)),
                 1);
    }
    QCOMPARE(countOf(*m_admin,
                     u"SELECT count(*) FROM ad WHERE id = %1 AND owner_id = %2"_s.arg(m_marieClosed)
                             .arg(m_world.owner)),
             1);
    // The list counts again.
    QTRY_COMPARE(cell(*window, m_world.owner, AgentsModel::OpenAdsColumn), u"0"_s);
    QCOMPARE(cell(*window, m_world.other, AgentsModel::OpenAdsColumn), u"3"_s);
    // The history says it in words.
    const auto history = AdRepository(*m_admin).history(m_marieOpen.first());
    QVERIFY(history);
    QCOMPARE(historyStepText(history->last()),
             u"Handed over by a moderator (previously Marie Dupont's ad)"_s);
}

void TestAgentsWindow::refusalsAreShown()
{
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(waitIdle(*window));
    // Marie has left (the hand-over above deactivated her).
    window->findChild<QCheckBox *>(u"showInactiveAgents"_s)->setChecked(true);
    // Nothing to hand over: said before any dialog.
    QVERIFY(window->selectAgent(m_world.owner));
    bool asked = false;
    window->setHandOverRunner([&](HandOverDialog &) {
        asked = true;
        return int(QDialog::Rejected);
    });
    window->handOverSelected();
    QVERIFY(!asked);
    QCOMPARE(message(*window), u"Marie Dupont has no open ad to hand over."_s);

    // The colleague chosen left while the dialog was open: the database refuses, in words.
    QVERIFY(handOver(*window, m_world.other, m_world.secondModerator, [this] {
        QVERIFY(execSql(*m_admin,
                        u"UPDATE agent SET active = %1 WHERE id = %2"_s
                                .arg(isPostgres() ? u"false"_s : u"0"_s)
                                .arg(m_world.secondModerator)));
    }));
    QCOMPARE(message(*window),
             u"Luc Petit is no longer active: hand the ads over to an active agent."_s);
    QCOMPARE(countOf(*m_admin,
                     u"SELECT count(*) FROM ad WHERE owner_id = %1 AND state <> 'closed'"_s.arg(
                             m_world.other)),
             3);
    QVERIFY(execSql(
            *m_admin,
            u"UPDATE agent SET active = %1 WHERE id = %2"_s.arg(isPostgres() ? u"true"_s : u"1"_s)
                    .arg(m_world.secondModerator)));
}

void TestAgentsWindow::deactivateAndReactivate()
{
    auto window = openWindow();
    QVERIFY(window);
    QAbstractItemModelTester tester(window->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(waitIdle(*window));
    QVERIFY(window->selectAgent(m_world.other));
    auto *button = window->findChild<QPushButton *>(u"agentActiveButton"_s);
    QCOMPARE(button->text(), u"Deacti&vate"_s);
    QSignalSpy done(window.get(), &AgentsWindow::writeDone);
    window->toggleActiveSelected();
    QVERIFY(done.size() > 0 || done.wait(15'000));
    QVERIFY(waitIdle(*window));
    const QString said = message(*window);
    QVERIFY2(said.startsWith(u"Paul Martin is deactivated"_s), qPrintable(said));
    QVERIFY2(said.contains(u"3 open ad(s) stay(s) theirs"_s), qPrintable(said));
    QCOMPARE(said.contains(u"deactivate-agent --login pmartin"_s), isPostgres());
    QCOMPARE(window->model()->rowOfAgent(m_world.other), -1); // inactive ones are hidden
    QVERIFY(!ReferenceRepository(*m_admin).agent(m_world.other)->active);

    window->findChild<QCheckBox *>(u"showInactiveAgents"_s)->setChecked(true);
    QVERIFY(window->selectAgent(m_world.other));
    QCOMPARE(button->text(), u"Reacti&vate"_s);
    window->toggleActiveSelected();
    QVERIFY(done.size() > 1 || done.wait(15'000));
    QVERIFY(waitIdle(*window));
    QCOMPARE(message(*window), u"Paul Martin is active again."_s);
    QVERIFY(ReferenceRepository(*m_admin).agent(m_world.other)->active);
}

void TestAgentsWindow::frenchScreenshot()
{
    const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set RECUP_SCREENSHOT_DIR to save a picture of the window");
    QVERIFY(QDir().mkpath(dir));
    FrenchScreens french;
    QVERIFY(french.loaded());
    auto window = openWindow();
    QVERIFY(window);
    QVERIFY(waitIdle(*window));
    QTRY_COMPARE(cell(*window, m_world.other, AgentsModel::ServiceColumn), u"Médiathèque"_s);
    window->findChild<QCheckBox *>(u"showInactiveAgents"_s)->setChecked(true);
    // Paul leaves (deactivated first): his ads go to Luc, as a moderator would do it.
    QVERIFY(handOver(*window, m_world.other, m_world.secondModerator));
    QVERIFY(window->selectAgent(m_world.owner));
    QVERIFY(saveScreen(*window, dir + u"/agents-window.png"_s));
    // And the dialog, before its answer.
    QVERIFY(window->selectAgent(m_world.owner));
    window->setHandOverRunner([&](HandOverDialog &dialog) {
        dialog.chooseAgent(m_world.other);
        dialog.show();
        saveScreen(dialog, dir + u"/agents-handover-dialog.png"_s);
        return int(QDialog::Rejected);
    });
    window->handOverSelected();
}

QTEST_MAIN(TestAgentsWindow)
#include "tst_agentswindow.moc"
