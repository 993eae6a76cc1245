// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/WorkWindow.h"

#include "common/MessageBar.h"
#include "common/WindowHeader.h"
#include "storage/Database.h"
#include "storage/NoticeListener.h"
#include "storage/ReadWorker.h"

#include <QAbstractItemView>
#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace Recup {

WorkWindow::WorkWindow(Database &db, const HeaderText &text, QWidget *parent)
    : QMainWindow(parent)
    , m_db(db)
{
    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    m_header = new WindowHeader(text.title, text.tagline, text.countName, central);
    if (!text.signedIn.isEmpty())
        m_header->addSignedIn(text.signedIn);
    QPushButton *refreshButton = m_header->addRefresh(text.refreshToolTip);
    connect(refreshButton, &QPushButton::clicked, this, &WorkWindow::refreshRequested);
    outer->addWidget(m_header);

    auto *content = new QWidget(central);
    m_body = new QVBoxLayout(content);
    m_body->setContentsMargins(12, 10, 12, 6);
    m_body->setSpacing(8);
    m_messageBar = new MessageBar(content);
    m_body->addWidget(m_messageBar);
    outer->addWidget(content, 1);
    setCentralWidget(central);

    m_listReads = new ReadChannel(db.reader(), this);
    connect(m_listReads, &ReadChannel::loadingChanged, m_header, &WindowHeader::setLoading);

    m_autoRefresh = new QTimer(this);
    m_autoRefresh->setObjectName(QStringLiteral("autoRefreshTimer"));
    m_autoRefresh->setInterval(AutoRefreshMs);
    connect(m_autoRefresh, &QTimer::timeout, this, [this] {
        // An idle workstation has closed its connections: read again when the user is back.
        if (m_db.isSuspended() || !isVisible())
            return; // the next tick after the user is back reads again
        refresh();
    });
    m_autoRefresh->start();
}

QMenu *WorkWindow::addWindowMenu(const QString &title,
                                 const QString &refreshText,
                                 const QString &closeText)
{
    QMenu *menu = menuBar()->addMenu(title);
    QAction *refreshAction = menu->addAction(refreshText);
    refreshAction->setShortcut(QKeySequence::Refresh);
    connect(refreshAction, &QAction::triggered, this, &WorkWindow::refreshRequested);
    menu->addSeparator();
    QAction *close = menu->addAction(closeText);
    close->setShortcut(QKeySequence::Close);
    connect(close, &QAction::triggered, this, &QWidget::close);
    return menu;
}

void WorkWindow::setAutoRefreshInterval(int milliseconds)
{
    m_autoRefresh->setInterval(milliseconds);
}

bool WorkWindow::isLoading() const
{
    return m_listReads->isLoading();
}

void WorkWindow::refresh()
{
    ++m_readings;
    startRefresh();
}

void WorkWindow::refreshRequested()
{
    m_messageBar->dismiss();
    refresh();
}

void WorkWindow::finishRefresh(bool succeeded)
{
    if (succeeded)
        m_header->setUpdatedNow();
    emit refreshed();
}

void WorkWindow::pauseAutoRefresh()
{
    m_paused = true;
    m_autoRefresh->stop();
}

void WorkWindow::resumeAutoRefresh()
{
    m_paused = false;
    m_autoRefresh->start();
    if (m_noticeMissed) {
        m_noticeMissed = false;
        refresh();
    }
}

void WorkWindow::refreshOnNotice(const QString &channel, int pollMs)
{
    if (channel.isEmpty()) {
        setAutoRefreshInterval(pollMs);
        return;
    }
    delete m_notices;
    m_notices = new NoticeListener(m_db, channel, this);
    connect(m_notices, &NoticeListener::noticed, this, [this] {
        if (m_paused || !isVisible()) {
            m_noticeMissed = true;
            return;
        }
        refresh();
    });
}

bool WorkWindow::isListening() const
{
    return m_notices && m_notices->isListening();
}

void WorkWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_noticeMissed && !m_paused) {
        m_noticeMissed = false;
        refresh();
    }
}

void WorkWindow::resetKeepingView(QAbstractItemView *view,
                                  bool &restoring,
                                  const std::function<void()> &reset)
{
    QAbstractItemModel *model = view->model();
    QItemSelectionModel *selection = view->selectionModel();
    auto idOf = [model](int row) {
        return model->index(row, 0).data(RowIdRole).toLongLong();
    };
    const int currentRow = view->currentIndex().row();
    const int currentColumn = qMax(0, view->currentIndex().column());
    const qint64 currentId = currentRow >= 0 ? idOf(currentRow) : 0;
    QList<qint64> selected;
    for (const QModelIndex &index : selection->selectedRows())
        selected.append(idOf(index.row()));
    const qint64 topId = idOf(view->indexAt(QPoint(1, 1)).row());
    const int scroll = view->verticalScrollBar()->value();

    restoring = true;
    reset();
    auto rowOf = [&](qint64 id) {
        if (id == 0)
            return -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (idOf(row) == id)
                return row;
        }
        return -1;
    };
    int row = rowOf(currentId);
    if (row < 0 && currentRow >= 0 && model->rowCount() > 0)
        row = qBound(0, currentRow, model->rowCount() - 1); // the next one moves up
    if (row >= 0)
        selection->setCurrentIndex(model->index(row, currentColumn), QItemSelectionModel::NoUpdate);
    QItemSelection keep;
    for (qint64 id : std::as_const(selected)) {
        if (const int kept = rowOf(id); kept >= 0)
            keep.select(model->index(kept, 0), model->index(kept, model->columnCount() - 1));
    }
    if (keep.isEmpty() && row >= 0)
        keep.select(model->index(row, 0), model->index(row, model->columnCount() - 1));
    selection->select(keep, QItemSelectionModel::ClearAndSelect);
    // The rows the user was looking at stay where they were, even when rows came or went:
    // the view lays the new rows out now, so that its scroll range is right at once.
    view->doItemsLayout();
    const int topRow = rowOf(topId);
    if (topRow >= 0)
        view->scrollTo(model->index(topRow, 0), QAbstractItemView::PositionAtTop);
    else
        view->verticalScrollBar()->setValue(scroll);
    restoring = false;
}

} // namespace Recup
