// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The work-window skeleton, once: the header band, "Loading…" then "Updated at", the model
// reset that keeps the selection and the scroll position, the automatic refresh (skipped while
// the workstation is idle or a dialog asks something), and colours that follow the palette.

#include "TestDatabase.h"
#include "WindowWaits.h"
#include "common/Look.h"
#include "common/WindowHeader.h"
#include "common/WorkWindow.h"
#include "storage/ReadWorker.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using namespace Recup;
using namespace Recup::Testing;

namespace {

// The smallest work window: a list of ids, read "from the database" on the reading thread.
class ListWindow : public WorkWindow
{
public:
    explicit ListWindow(Database &db)
        : WorkWindow(db,
                     {QStringLiteral("Test list"),
                      QStringLiteral("What this list is for."),
                      QStringLiteral("testCount"),
                      QStringLiteral("Claire Bernard — moderator"),
                      QStringLiteral("Read the list again")})
    {
        model = new QStandardItemModel(this);
        view = new QTableView(this);
        view->setModel(model);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->setSelectionMode(QAbstractItemView::ExtendedSelection);
        body()->addWidget(view, 1);
        resize(600, 400);
    }

    void startRefresh() override
    {
        const QList<qint64> next = rows;
        listReads()->request<QList<qint64>>([next] { return Result<QList<qint64>>(next); },
                                            [this](const Result<QList<qint64>> &read) {
                                                ++reads;
                                                resetKeepingView(view, [&] {
                                                    model->clear();
                                                    for (qint64 id : *read) {
                                                        auto *item = new QStandardItem(
                                                                QStringLiteral("Ad %1").arg(id));
                                                        item->setData(id, RowIdRole);
                                                        model->appendRow(item);
                                                    }
                                                });
                                                finishRefresh(true);
                                            });
    }

    qint64 idAt(int row) const { return model->index(row, 0).data(RowIdRole).toLongLong(); }
    int rowOf(qint64 id) const
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (idAt(row) == id)
                return row;
        }
        return -1;
    }
    using WorkWindow::pauseAutoRefresh;
    using WorkWindow::resumeAutoRefresh;

    QList<qint64> rows;
    int reads = 0;
    QStandardItemModel *model = nullptr;
    QTableView *view = nullptr;
};

QList<qint64> ids(qint64 from, qint64 to)
{
    QList<qint64> list;
    for (qint64 id = from; id <= to; ++id)
        list.append(id);
    return list;
}

} // namespace

class TestWorkWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void headerBandSaysWhatWhoAndWhen();
    void resetKeepsTheSelectionAndTheScrollPosition();
    void aRowThatLeftGivesWayToTheNextOne();
    void autoRefreshWaitsWhileIdleOrAsked();
    void coloursFollowAHighContrastPalette();

private:
    std::unique_ptr<ListWindow> openWindow(const QList<qint64> &rows);

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
};

void TestWorkWindow::initTestCase()
{
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("workwindow"));
    m_db = m_test->open(false);
    QVERIFY(m_db);
}

void TestWorkWindow::cleanupTestCase()
{
    m_db.reset();
    m_test.reset();
}

std::unique_ptr<ListWindow> TestWorkWindow::openWindow(const QList<qint64> &rows)
{
    auto window = std::make_unique<ListWindow>(*m_db);
    window->rows = rows;
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !refreshAndWait(*window))
        return {};
    return window;
}

void TestWorkWindow::headerBandSaysWhatWhoAndWhen()
{
    auto window = std::make_unique<ListWindow>(*m_db);
    window->rows = ids(1, 3);
    window->show();
    auto label = [&](const char *name) {
        auto *found = window->findChild<QLabel *>(QString::fromLatin1(name));
        return found ? found->text() : QStringLiteral("<missing>");
    };
    QCOMPARE(label("windowTitle"), QStringLiteral("Test list"));
    QCOMPARE(label("signedInName"), QStringLiteral("Claire Bernard — moderator"));
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("testCount")));
    auto *refresh = window->findChild<QPushButton *>(QStringLiteral("refreshButton"));
    QVERIFY(refresh);
    QCOMPARE(refresh->toolTip(), QStringLiteral("Read the list again (F5)")); // its shortcut said

    window->refresh();
    QVERIFY(window->isLoading()); // asked, not answered yet
    QCOMPARE(label("updatedAt"), QStringLiteral("Loading…"));
    QVERIFY(waitIdle(*window));
    QVERIFY2(label("updatedAt").startsWith(QStringLiteral("Updated at ")),
             qPrintable(label("updatedAt")));
    QCOMPARE(window->model->rowCount(), 3);

    // Refresh by the button reads again.
    const int before = window->reads;
    QTest::mouseClick(refresh, Qt::LeftButton);
    QVERIFY(waitIdle(*window));
    QCOMPARE(window->reads, before + 1);
}

void TestWorkWindow::resetKeepsTheSelectionAndTheScrollPosition()
{
    auto window = openWindow(ids(1, 200));
    QVERIFY(window);
    QTableView *view = window->view;
    view->setCurrentIndex(window->model->index(window->rowOf(150), 0));
    view->selectionModel()->select(window->model->index(window->rowOf(151), 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->scrollTo(window->model->index(window->rowOf(140), 0), QAbstractItemView::PositionAtTop);
    QTRY_COMPARE(window->idAt(view->indexAt(QPoint(1, 1)).row()), qint64(140));

    // Twenty new rows arrive above: what the user looks at must not move.
    window->rows = ids(1001, 1020) + ids(1, 200);
    QVERIFY(refreshAndWait(*window));
    QCOMPARE(window->model->rowCount(), 220);
    QCOMPARE(window->idAt(view->currentIndex().row()), qint64(150));
    QList<qint64> selected;
    for (const QModelIndex &index : view->selectionModel()->selectedRows())
        selected.append(window->idAt(index.row()));
    std::sort(selected.begin(), selected.end());
    QCOMPARE(selected, (QList<qint64>{150, 151}));
    QTRY_COMPARE(window->idAt(view->indexAt(QPoint(1, 1)).row()), qint64(140));
}

void TestWorkWindow::aRowThatLeftGivesWayToTheNextOne()
{
    auto window = openWindow(ids(1, 10));
    QVERIFY(window);
    window->view->setCurrentIndex(window->model->index(window->rowOf(4), 0));
    window->rows = QList<qint64>{1, 2, 3, 5, 6, 7, 8, 9, 10}; // 4 was decided by someone else
    QVERIFY(refreshAndWait(*window));
    QCOMPARE(window->idAt(window->view->currentIndex().row()), qint64(5));
}

void TestWorkWindow::autoRefreshWaitsWhileIdleOrAsked()
{
    auto window = openWindow(ids(1, 3));
    QVERIFY(window);
    window->setAutoRefreshInterval(30);
    QTRY_VERIFY(window->reads >= 3); // it reads again by itself

    // An idle workstation closed its connections: nothing is read until the user is back.
    m_db->suspend();
    QVERIFY(waitIdle(*window));
    int reads = window->reads;
    QTest::qWait(300);
    QCOMPARE(window->reads, reads);
    m_db->resume();
    QTRY_VERIFY(window->reads > reads);

    // A dialog asks the user about the row on screen: the list stays as it is meanwhile.
    window->pauseAutoRefresh();
    QVERIFY(waitIdle(*window));
    reads = window->reads;
    QTest::qWait(300);
    QCOMPARE(window->reads, reads);
    window->resumeAutoRefresh();
    QTRY_VERIFY(window->reads > reads);
}

void TestWorkWindow::coloursFollowAHighContrastPalette()
{
    const QPalette original = QApplication::palette();
    QPalette light = original;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::WindowText, Qt::black);
    QVERIFY(!Look::highContrast(light));
    QCOMPARE(Look::accent(light), QColor(0x1d6b45)); // the brand's green where it reads

    // Yellow on black, as Windows' high-contrast theme: the palette's own colours win.
    QPalette contrast;
    contrast.setColor(QPalette::Base, Qt::black);
    contrast.setColor(QPalette::Window, Qt::black);
    contrast.setColor(QPalette::Text, Qt::yellow);
    contrast.setColor(QPalette::WindowText, Qt::yellow);
    QVERIFY(Look::highContrast(contrast));
    QCOMPARE(Look::accent(contrast), QColor(Qt::yellow));
    QCOMPARE(Look::secondaryText(contrast), QColor(Qt::yellow));
    QVERIFY(Look::badgeStyle(contrast, Look::Tone::Danger).contains(QColor(Qt::yellow).name()));

    // A window open while the theme changes follows it.
    auto window = openWindow(ids(1, 2));
    QVERIFY(window);
    QApplication::setPalette(contrast);
    auto *title = window->findChild<QLabel *>(QStringLiteral("windowTitle"));
    QTRY_VERIFY2(title->styleSheet().contains(QColor(Qt::yellow).name()),
                 qPrintable(title->styleSheet()));
    QApplication::setPalette(original);
}

QTEST_MAIN(TestWorkWindow)
#include "tst_workwindow.moc"
