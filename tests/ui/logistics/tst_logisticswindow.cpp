// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The logistics window of transports, on the offscreen platform and a real database: the week's
// rows and their day totals, each step through the buttons (planning mails both services, in
// the step's transaction; written on the reading thread, the buttons waiting meanwhile), a
// refused step that changes nothing, the overdue highlight, the printed list of a day (PDF and
// preview, read back with pdftotext; an empty day said in the message bar).
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "Programs.h"
#include "Screens.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "WindowWaits.h"
#include "common/MessageBar.h"
#include "common/WindowHeader.h"
#include "domain/PlatformTime.h"
#include "logistics/LogisticsWindow.h"
#include "logistics/PickupListModel.h"
#include "storage/Database.h"
#include "storage/PickupRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlDialect.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSet>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestLogisticsWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void showsTheTransportsOfThisWeek();
    void totalsEachDayShown();
    void weekButtonsMoveByAWeek();
    void statusFilterKeepsOneStatus();
    void planningThroughTheSeamMailsBothServices();
    void aPastDayIsRefusedAndChangesNothing();
    void pickedUpThenDelivered();
    void cancelAsksAReason();
    void dayListSavedAsPdfHoldsTheDaysStops();
    void dayListPreviewPaintsTheSameList();
    void aDayWithoutStopSaysSoAndPrintsNothing();
    void emptyWeekSaysSo();
    void overdueRowIsHighlightedAndSaysSo();
    void overdueFromTheDatabase();
    void detailsSaidWithoutTooltip();
    void screenshot();

private:
    qint64 transport(const QString &title, qint64 weightGrams, const QDate &wished);
    int outboxCount(const QString &kind);
    bool clickAndWait(const char *buttonName);
    PickupStatus statusOf(qint64 id);

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<LogisticsWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    World m_world;
    Agent m_agent;
    MailSettings m_mail;
    QDate m_today;
    qint64 m_desks = 0, m_chairs = 0, m_screens = 0, m_later = 0;
};

void TestLogisticsWindow::initTestCase()
{
    // Dates as a French workstation shows them.
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    RECUP_CREATE_TEST_DATABASE(m_test, u"logisticswindow"_s);
    m_admin = m_test->open();
    QVERIFY(m_admin);
    m_world = makeWorld(*m_admin);
    m_mail.sender = {u"collectiv-recup@agglo.test"_s, u"Collectiv'Récup"_s};
    QVERIFY(usePlatformSettings(*m_admin, m_mail));
    m_today = platformToday();

    m_desks = transport(u"Bureaux en chêne"_s, 40'000, m_today);
    m_chairs = transport(u"Chaises empilables"_s, 80'000, m_today);
    m_screens = transport(u"Écrans 24 pouces"_s, 20'000, m_today);
    m_later = transport(u"Armoire haute"_s, 10'000, m_today.addDays(7));

    const auto agent = ReferenceRepository(*m_admin).agent(m_world.other);
    QVERIFY(agent);
    m_agent = *agent;
    m_agent.roles |= Role::Logistics;
    m_window = std::make_unique<LogisticsWindow>(*m_admin, m_agent, m_mail);
    m_tester = std::make_unique<QAbstractItemModelTester>(
            m_window->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->show();
    QVERIFY(waitIdle(*m_window));
}

void TestLogisticsWindow::cleanupTestCase()
{
    m_tester.reset();
    m_window.reset();
    m_admin.reset();
    m_test.reset();
}

qint64 TestLogisticsWindow::transport(const QString &title, qint64 weightGrams, const QDate &wished)
{
    const Ad ad = closedLot(
            *m_admin, m_world, m_world.desks, 2, 5'000, weightGrams, CloseReason::Exchanged, title);
    PickupRequest asked;
    asked.from = {m_world.depot, {}, {}, u"B 104"_s, u"Marie Dupont"_s, u"05 49 00 00 01"_s};
    asked.to = {m_world.townHall, {}, {}, u"Salle 3"_s, u"Claire"_s, {}};
    asked.wishedDate = wished;
    const auto p = PickupRepository(*m_admin).request(ad.id, asked, m_world.ownerActor());
    if (!p) {
        qWarning("request: %s %s", qPrintable(p.error().message), qPrintable(p.error().detail));
        return 0;
    }
    return p->id;
}

int TestLogisticsWindow::outboxCount(const QString &kind)
{
    return countOf(*m_admin, u"SELECT count(*) FROM outbox WHERE kind = '%1'"_s.arg(kind));
}

bool TestLogisticsWindow::clickAndWait(const char *buttonName)
{
    auto *button = m_window->findChild<QPushButton *>(QString::fromLatin1(buttonName));
    if (!button || !button->isEnabled())
        return false;
    QSignalSpy refreshed(m_window.get(), &LogisticsWindow::refreshed);
    QTest::mouseClick(button, Qt::LeftButton);
    return (refreshed.size() > 0 || refreshed.wait(15'000)) && waitIdle(*m_window);
}

PickupStatus TestLogisticsWindow::statusOf(qint64 id)
{
    const int row = m_window->model()->rowOfPickup(id);
    return row < 0 ? PickupStatus::Cancelled : m_window->model()->pickup(row)->status;
}

void TestLogisticsWindow::showsTheTransportsOfThisWeek()
{
    QVERIFY(m_desks && m_chairs && m_screens && m_later);
    PickupListModel *model = m_window->model();
    QCOMPARE(model->rowCount(), 3);
    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.insert(model->index(row, 0).data(WorkWindow::RowIdRole).toLongLong());
    QCOMPARE(ids, (QSet<qint64>{m_desks, m_chairs, m_screens}));
    const int row = model->rowOfPickup(m_desks);
    QCOMPARE(model->index(row, PickupListModel::StatusColumn).data().toString(), u"Requested"_s);
    QVERIFY(model->index(row, PickupListModel::ItemColumn)
                    .data()
                    .toString()
                    .startsWith(u"Bureaux en chêne"_s));
    QCOMPARE(model->index(row, PickupListModel::WeightColumn).data().toString(), u"40\u00a0kg"_s);
    QVERIFY(model->index(row, PickupListModel::FromColumn).data().toString().contains(u"B 104"_s));
    QVERIFY(model->index(row, PickupListModel::ToColumn).data().toString().contains(u"Salle 3"_s));
    QVERIFY(!model->index(row, 0).data(PickupListModel::OverdueRole).toBool());
    auto *label = m_window->findChild<QLabel *>(u"weekLabel"_s);
    QVERIFY(label);
    const QDate monday = m_today.addDays(1 - m_today.dayOfWeek());
    QCOMPARE(label->text(), u"Week of %1"_s.arg(QLocale().toString(monday, u"d MMMM yyyy"_s)));
    QVERIFY(m_window->header()->countLabel()->text().contains(u'3'));
}

void TestLogisticsWindow::totalsEachDayShown()
{
    const QString totals = m_window->dayTotalsText();
    const QString day = QLocale().toString(m_today, u"ddd d MMM"_s);
    QCOMPARE(totals, u"%1: 3 transport(s), 140\u00a0kg"_s.arg(day));
    QStringList lines = m_window->model()->dayTotals();
    QCOMPARE(lines.size(), 1);
}

void TestLogisticsWindow::weekButtonsMoveByAWeek()
{
    QVERIFY(clickAndWait("nextWeekButton"));
    QCOMPARE(m_window->model()->rowCount(), 1);
    QCOMPARE(m_window->model()->pickup(0)->id, m_later);
    QVERIFY(clickAndWait("thisWeekButton"));
    QCOMPARE(m_window->model()->rowCount(), 3);
    auto *thisWeek = m_window->findChild<QPushButton *>(u"thisWeekButton"_s);
    QVERIFY(!thisWeek->isEnabled());
    // Everything under way: the four, whatever their day.
    QSignalSpy refreshed(m_window.get(), &LogisticsWindow::refreshed);
    m_window->setOpenOnly(true);
    QVERIFY(refreshed.wait(15'000) && waitIdle(*m_window));
    QCOMPARE(m_window->model()->rowCount(), 4);
    QVERIFY(!m_window->findChild<QWidget *>(u"weekPicker"_s)->isEnabled());
    m_window->setOpenOnly(false);
    QVERIFY(refreshed.wait(15'000) && waitIdle(*m_window));
    QCOMPARE(m_window->model()->rowCount(), 3);
}

void TestLogisticsWindow::statusFilterKeepsOneStatus()
{
    auto *status = m_window->findChild<QComboBox *>(u"pickupStatusCombo"_s);
    QVERIFY(status);
    QSignalSpy refreshed(m_window.get(), &LogisticsWindow::refreshed);
    status->setCurrentIndex(status->findData(u"planned"_s));
    QVERIFY(refreshed.wait(15'000) && waitIdle(*m_window));
    QCOMPARE(m_window->model()->rowCount(), 0);
    auto *empty = m_window->findChild<QLabel *>(u"pickupEmptyState"_s);
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), u"No transport matches these filters."_s);
    status->setCurrentIndex(0);
    QVERIFY(refreshed.wait(15'000) && waitIdle(*m_window));
    QCOMPARE(m_window->model()->rowCount(), 3);
}

void TestLogisticsWindow::planningThroughTheSeamMailsBothServices()
{
    const int mailsBefore = outboxCount(u"pickup-planned"_s);
    QVERIFY(m_window->selectPickup(m_desks));
    QString askedFor;
    m_window->setPlanRunner([&](const Pickup &pickup) -> std::optional<PlanChoice> {
        askedFor = pickup.adTitle;
        return PlanChoice{m_today, u"Équipe A"_s, 2};
    });
    QSignalSpy mailed(m_window.get(), &LogisticsWindow::mailWritten);
    QVERIFY(clickAndWait("planButton"));
    QCOMPARE(mailed.size(), 1);
    QCOMPARE(askedFor, u"Bureaux en chêne"_s);
    QCOMPARE(statusOf(m_desks), PickupStatus::Planned);
    const int row = m_window->model()->rowOfPickup(m_desks);
    QCOMPARE(m_window->model()->index(row, PickupListModel::StatusColumn).data().toString(),
             u"Planned"_s);
    QCOMPARE(m_window->model()->index(row, PickupListModel::TeamColumn).data().toString(),
             u"Équipe A"_s);
    QCOMPARE(m_window->model()->index(row, PickupListModel::StopColumn).data().toString(), u"2"_s);
    QCOMPARE(outboxCount(u"pickup-planned"_s), mailsBefore + 1);
    QCOMPARE(m_window->messageBar()->text(),
             u"Transport planned; both services are told by mail."_s);
    // The selection stays on the transport planned.
    QCOMPARE(m_window->selectedPickup()->id, m_desks);
    QVERIFY(m_window->findChild<QPushButton *>(u"pickedUpButton"_s)->isEnabled());
    QVERIFY(!m_window->findChild<QPushButton *>(u"deliveredButton"_s)->isEnabled());
}

void TestLogisticsWindow::aPastDayIsRefusedAndChangesNothing()
{
    const int mailsBefore = outboxCount(u"pickup-planned"_s);
    const auto before = PickupRepository(*m_admin).find(m_chairs);
    QVERIFY(before);
    QVERIFY(m_window->selectPickup(m_chairs));
    m_window->setPlanRunner([&](const Pickup &) -> std::optional<PlanChoice> {
        return PlanChoice{m_today.addDays(-1), u"Équipe B"_s, 1};
    });
    m_window->planSelected();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->messageBar()->text(),
                              u"This day is past: plan the transport for today or a later day."_s,
                              15'000);
    QVERIFY(!m_window->isStepRunning());
    const auto after = PickupRepository(*m_admin).find(m_chairs);
    QCOMPARE(after->status, PickupStatus::Requested);
    QCOMPARE(after->version, before->version);
    QCOMPARE(outboxCount(u"pickup-planned"_s), mailsBefore);
    // Cancelled in the dialog: nothing asked of the database.
    m_window->setPlanRunner([](const Pickup &) { return std::optional<PlanChoice>(); });
    m_window->planSelected();
    QCOMPARE(PickupRepository(*m_admin).find(m_chairs)->version, before->version);
}

void TestLogisticsWindow::pickedUpThenDelivered()
{
    const int doneBefore = outboxCount(u"pickup-done"_s);
    QVERIFY(m_window->selectPickup(m_desks));
    // The step is written on the reading thread: its buttons wait until it is done.
    auto *pickedUp = m_window->findChild<QPushButton *>(u"pickedUpButton"_s);
    QSignalSpy refreshed(m_window.get(), &LogisticsWindow::refreshed);
    QTest::mouseClick(pickedUp, Qt::LeftButton);
    QVERIFY(m_window->isStepRunning());
    QVERIFY(!pickedUp->isEnabled());
    QVERIFY(!m_window->findChild<QPushButton *>(u"cancelPickupButton"_s)->isEnabled());
    QVERIFY(refreshed.wait(15'000) && waitIdle(*m_window));
    QVERIFY(!m_window->isStepRunning());
    QCOMPARE(statusOf(m_desks), PickupStatus::PickedUp);
    QCOMPARE(outboxCount(u"pickup-done"_s), doneBefore);
    QVERIFY(m_window->selectPickup(m_desks));
    QVERIFY(!m_window->findChild<QPushButton *>(u"planButton"_s)->isEnabled());
    QVERIFY(clickAndWait("deliveredButton"));
    QCOMPARE(statusOf(m_desks), PickupStatus::Delivered);
    QCOMPARE(outboxCount(u"pickup-done"_s), doneBefore + 1);
    QCOMPARE(m_window->messageBar()->text(),
             u"Transport delivered; both services are told by mail."_s);
    // Delivered is final: nothing more to do on it.
    QVERIFY(m_window->selectPickup(m_desks));
    for (const char *name :
         {"planButton", "pickedUpButton", "deliveredButton", "cancelPickupButton"})
        QVERIFY2(!m_window->findChild<QPushButton *>(QString::fromLatin1(name))->isEnabled(), name);
    // A delivered transport is still counted on its day; the totals follow the rows shown.
    QVERIFY(m_window->dayTotalsText().contains(u"3 transport(s)"_s));
}

void TestLogisticsWindow::cancelAsksAReason()
{
    QVERIFY(m_window->selectPickup(m_screens));
    m_window->setReasonRunner([](const Pickup &) { return std::optional<QString>(); });
    m_window->cancelSelected();
    QCOMPARE(PickupRepository(*m_admin).find(m_screens)->status, PickupStatus::Requested);

    const QString reason = u"Le service a trouvé preneur sur place"_s;
    m_window->setReasonRunner([&](const Pickup &) { return std::optional<QString>(reason); });
    QVERIFY(clickAndWait("cancelPickupButton"));
    const auto cancelled = PickupRepository(*m_admin).find(m_screens);
    QCOMPARE(cancelled->status, PickupStatus::Cancelled);
    QCOMPARE(cancelled->cancelReason, reason);
    QCOMPARE(statusOf(m_screens), PickupStatus::Cancelled);
    QCOMPARE(m_window->messageBar()->text(), u"Transport cancelled."_s);
    // Nobody goes to a cancelled one: the day counts the two others.
    QVERIFY2(m_window->dayTotalsText().contains(u"2 transport(s), 120\u00a0kg"_s),
             qPrintable(m_window->dayTotalsText()));
}

void TestLogisticsWindow::dayListSavedAsPdfHoldsTheDaysStops()
{
    // The desks were planned today (then delivered): the list proposes their day.
    QVERIFY(m_window->selectPickup(m_desks));
    QCOMPARE(m_window->proposedListDay(), m_today);
    QTemporaryDir files;
    QVERIFY(files.isValid());
    const QString path = files.filePath(u"liste.pdf"_s);
    QDate proposed;
    QString suggested;
    m_window->setDayListRunner([&](const QDate &day) {
        proposed = day;
        return std::optional(LogisticsWindow::DayListChoice{day, LogisticsWindow::ListOutput::Pdf});
    });
    m_window->setSavePathRunner([&](const QString &name) {
        suggested = name;
        return path;
    });
    QSignalSpy saved(m_window.get(), &LogisticsWindow::dayListSaved);
    auto *action = m_window->findChild<QAction *>(u"dayListAction"_s);
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(u"Ctrl+P"_s));
    action->trigger();
    QVERIFY(saved.wait(15'000));
    QCOMPARE(saved.first().first().toString(), path);
    QCOMPARE(proposed, m_today);
    QCOMPARE(suggested, u"pickups-%1.pdf"_s.arg(m_today.toString(Qt::ISODate)));
    const QString text = pdfText(path);
    QVERIFY2(text.contains(u"Liste des enlèvements du"_s), qPrintable(text));
    QVERIFY2(text.contains(u"Bureaux en chêne"_s), qPrintable(text));
    QVERIFY(text.contains(u"déjà livré"_s));
    QVERIFY(text.contains(u"Local : B 104"_s));
    // Requested or cancelled transports are on no round.
    QVERIFY(!text.contains(u"Chaises empilables"_s));
    QVERIFY(!text.contains(u"Écrans 24 pouces"_s));
    QVERIFY(m_window->messageBar()->text().contains(QDir::toNativeSeparators(path)));
}

void TestLogisticsWindow::dayListPreviewPaintsTheSameList()
{
    QTemporaryDir files;
    QVERIFY(files.isValid());
    const QString path = files.filePath(u"apercu.pdf"_s);
    m_window->setDayListRunner([&](const QDate &) {
        return std::optional(
                LogisticsWindow::DayListChoice{m_today, LogisticsWindow::ListOutput::Preview});
    });
    bool previewed = false;
    // The preview paints on the printer it is given: here one that writes a PDF.
    m_window->setPreviewRunner([&](QPrintPreviewDialog &preview) {
        previewed = true;
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(path);
        emit preview.paintRequested(&printer);
    });
    m_window->printDayList();
    QTRY_VERIFY_WITH_TIMEOUT(previewed, 15'000);
    const QString text = pdfText(path);
    QVERIFY2(text.contains(u"Bureaux en chêne"_s), qPrintable(text));
    QVERIFY(text.contains(u"Page 1 / 1"_s));
}

void TestLogisticsWindow::aDayWithoutStopSaysSoAndPrintsNothing()
{
    const QDate empty = m_today.addDays(60);
    m_window->setDayListRunner([&](const QDate &) {
        return std::optional(
                LogisticsWindow::DayListChoice{empty, LogisticsWindow::ListOutput::Pdf});
    });
    bool asked = false;
    m_window->setSavePathRunner([&](const QString &) {
        asked = true;
        return QString();
    });
    m_window->messageBar()->dismiss();
    m_window->printDayList();
    const QString said = u"No stop is planned on %1: there is no list to print."_s.arg(
            QLocale().toString(empty, u"dddd d MMMM yyyy"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->messageBar()->text(), said, 15'000);
    QVERIFY(!asked);
    // Cancelled in the dialog: nothing read, nothing said.
    m_window->setDayListRunner(
            [](const QDate &) { return std::optional<LogisticsWindow::DayListChoice>(); });
    m_window->messageBar()->dismiss();
    m_window->printDayList();
    QVERIFY(m_window->findChild<QPushButton *>(u"dayListButton"_s)->isEnabled());
}

void TestLogisticsWindow::emptyWeekSaysSo()
{
    QSignalSpy refreshed(m_window.get(), &LogisticsWindow::refreshed);
    m_window->showWeekOf(m_today.addDays(70));
    QVERIFY(refreshed.wait(15'000) && waitIdle(*m_window));
    auto *empty = m_window->findChild<QLabel *>(u"pickupEmptyState"_s);
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), u"No transport this week."_s);
    QVERIFY(!m_window->findChild<QLabel *>(u"pickupDayTotals"_s)->isVisible());
    QVERIFY(clickAndWait("thisWeekButton"));
    QCOMPARE(m_window->model()->rowCount(), 3);
}

void TestLogisticsWindow::overdueRowIsHighlightedAndSaysSo()
{
    PickupListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Pickup late;
    late.id = 1;
    late.adTitle = u"Tables"_s;
    late.status = PickupStatus::Planned;
    late.wishedDate = QDate(2026, 11, 20);
    late.plannedDate = QDate(2026, 11, 23);
    Pickup onTime = late;
    onTime.id = 2;
    onTime.plannedDate = QDate(2026, 11, 30);
    Pickup done = late;
    done.id = 3;
    done.status = PickupStatus::Delivered;
    model.setPickups({late, onTime, done}, QDate(2026, 11, 25));
    const QModelIndex status = model.index(0, PickupListModel::StatusColumn);
    QVERIFY(status.data(PickupListModel::OverdueRole).toBool());
    QCOMPARE(status.data().toString(), u"Planned — overdue"_s);
    QVERIFY(status.data(Qt::BackgroundRole).isValid());
    QVERIFY(status.data(Qt::ToolTipRole).toString().startsWith(u"Overdue"_s));
    for (int row : {1, 2}) {
        const QModelIndex index = model.index(row, PickupListModel::StatusColumn);
        QVERIFY(!index.data(PickupListModel::OverdueRole).toBool());
        QVERIFY(!index.data(Qt::BackgroundRole).isValid());
        QVERIFY(!index.data().toString().contains(u"overdue"_s));
    }
}

void TestLogisticsWindow::overdueFromTheDatabase()
{
    // Nobody can ask for a past day: the test's administrators' session moves the wished day
    // back, past PostgreSQL's guard (which keeps a request's fields as they were asked).
    const bool postgres = m_admin->dialect().name() != u"sqlite";
    if (postgres)
        QVERIFY(execSql(*m_admin, u"ALTER TABLE recup.pickup DISABLE TRIGGER pickup_guard"_s));
    const bool moved = execSql(*m_admin,
                               u"UPDATE pickup SET wished_date = '%1' WHERE id = %2"_s
                                       .arg(m_today.addDays(-10).toString(Qt::ISODate))
                                       .arg(m_later));
    if (postgres)
        QVERIFY(execSql(*m_admin, u"ALTER TABLE recup.pickup ENABLE TRIGGER pickup_guard"_s));
    QVERIFY(moved);
    QSignalSpy refreshed(m_window.get(), &LogisticsWindow::refreshed);
    m_window->setOpenOnly(true);
    QVERIFY(refreshed.wait(15'000) && waitIdle(*m_window));
    const int row = m_window->model()->rowOfPickup(m_later);
    QVERIFY(row >= 0);
    const QModelIndex status = m_window->model()->index(row, PickupListModel::StatusColumn);
    QVERIFY(status.data(PickupListModel::OverdueRole).toBool());
    QVERIFY(status.data().toString().endsWith(u"overdue"_s));
    // The header's count says it in words, not by its colour alone.
    QVERIFY(m_window->header()->countLabel()->text().contains(u"1 overdue"_s));
    m_window->setOpenOnly(false);
    QVERIFY(refreshed.wait(15'000) && waitIdle(*m_window));
}

// What the tooltips tell (contacts, phones, notes) is also in the cells' accessible description
// and, for the selected row, in a line reached with Tab: keyboard and screen-reader users get it.
void TestLogisticsWindow::detailsSaidWithoutTooltip()
{
    PickupListModel model;
    Pickup late;
    late.id = 1;
    late.adTitle = u"Tables"_s;
    late.status = PickupStatus::Planned;
    late.wishedDate = QDate(2026, 11, 20);
    late.plannedDate = QDate(2026, 11, 23);
    late.from.siteName = u"Centre technique"_s;
    late.from.contact = u"Julien Moreau"_s;
    late.from.phone = u"05 49 21 44 08"_s;
    late.to.siteName = u"Médiathèque"_s;
    late.notes = u"Porte arrière"_s;
    model.setPickups({late}, QDate(2026, 11, 25));
    const QString said = model.index(0, PickupListModel::DueColumn)
                                 .data(Qt::AccessibleDescriptionRole)
                                 .toString();
    for (const QString &part : {u"Overdue"_s,
                                u"Julien Moreau"_s,
                                u"05 49 21 44 08"_s,
                                u"Médiathèque"_s,
                                u"Porte arrière"_s})
        QVERIFY2(said.contains(part), qPrintable(said));

    auto *view = m_window->findChild<QTableView *>(u"pickupView"_s);
    auto *details = m_window->findChild<QLabel *>(u"pickupDetails"_s);
    QVERIFY(view && details);
    QVERIFY(!view->accessibleName().isEmpty());
    view->clearSelection();
    QTRY_VERIFY(!details->isVisibleTo(m_window.get()));
    const int row = m_window->model()->rowOfPickup(m_desks);
    QVERIFY(row >= 0);
    view->setCurrentIndex(view->model()->index(row, 0));
    QTRY_VERIFY(details->isVisibleTo(m_window.get()));
    QCOMPARE(details->text(), m_window->model()->detailText(row));
    QVERIFY(details->text().contains(u"Bureaux"_s) || details->text().contains(u"B 104"_s));
    QCOMPARE(details->focusPolicy(), Qt::StrongFocus);
}

void TestLogisticsWindow::screenshot()
{
    const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked: RECUP_SCREENSHOT_DIR=/tmp/shots-log
    QVERIFY(QDir().mkpath(dir));
    // As a French logistics agent sees it: a window of its own, built in French.
    const FrenchScreens french;
    QVERIFY(french.loaded());
    {
        LogisticsWindow window(*m_admin, m_agent, m_mail);
        window.resize(1280, 640);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(waitIdle(window));
        QVERIFY(window.selectPickup(m_chairs));
        window.messageBar()->showMessage(
                MessageBar::Kind::Information,
                QCoreApplication::translate("Recup::LogisticsWindow",
                                            "Transport planned; both services are told by mail."));
        QVERIFY(saveScreen(window, QDir(dir).filePath(u"logistics.png"_s)));
        // Everything under way, with the transport made overdue above.
        window.messageBar()->dismiss();
        window.setOpenOnly(true);
        QVERIFY(waitIdle(window));
        QVERIFY(saveScreen(window, QDir(dir).filePath(u"logistics-open.png"_s)));
    }
}

QTEST_MAIN(TestLogisticsWindow)
#include "tst_logisticswindow.moc"
