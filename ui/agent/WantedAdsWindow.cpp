// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/WantedAdsWindow.h"

#include "agent/WantedAdDialog.h"
#include "common/MessageBar.h"
#include "common/WindowHeader.h"
#include "storage/Database.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Recup {

namespace {

QTreeWidget *newList(QWidget *parent, const QString &name, const QStringList &columns)
{
    auto *list = new QTreeWidget(parent);
    list->setObjectName(name);
    list->setRootIsDecorated(false);
    list->setAlternatingRowColors(true);
    list->setHeaderLabels(columns);
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return list;
}

QString shortDate(const QDateTime &at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime().date(), QLocale::ShortFormat)
                        : QString();
}

} // namespace

WantedAdsWindow::WantedAdsWindow(Database &db, const Agent &agent, QWidget *parent)
    : WorkWindow(db,
                 {tr("Wanted ads"),
                  tr("What the services are looking for. Post what yours needs: each published "
                     "ad that matches sends you a mail and an alert."),
                  QStringLiteral("wantedAlertsCount"),
                  agent.displayName,
                  tr("Read the wanted ads and your alerts again")},
                 parent)
    , m_agent(agent)
{
    setObjectName(QStringLiteral("wantedAdsWindow"));
    buildLists();
    buildActions();
    resize(900, 560);
    refresh();
}

WantedAdsWindow::~WantedAdsWindow() = default;

void WantedAdsWindow::buildLists()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("wantedTabs"));
    m_everyone = newList(m_tabs,
                         QStringLiteral("everyoneWantedList"),
                         {tr("Wanted"),
                          tr("Keywords"),
                          tr("Quantity"),
                          tr("Category"),
                          tr("Service"),
                          tr("Site"),
                          tr("Posted by"),
                          tr("Until")});
    m_everyone->setAccessibleName(tr("Wanted ads of all services"));
    m_mine = newList(m_tabs,
                     QStringLiteral("myWantedList"),
                     {tr("Wanted"), tr("Keywords"), tr("Quantity"), tr("State"), tr("Until")});
    m_mine->setAccessibleName(tr("My wanted ads"));
    m_alerts = newList(m_tabs,
                       QStringLiteral("alertsList"),
                       {tr("Date"), tr("Your wanted ad"), tr("Matching ad"), tr("Ad no.")});
    m_alerts->setAccessibleName(tr("My alerts"));
    m_tabs->addTab(m_everyone, tr("A&ll wanted ads"));
    m_tabs->addTab(m_mine, tr("M&y wanted ads"));
    m_tabs->addTab(m_alerts, tr("My &alerts"));
    body()->addWidget(m_tabs);
}

void WantedAdsWindow::buildActions()
{
    QMenu *menu = addWindowMenu(tr("&Wanted ads"), tr("&Refresh"), tr("&Close the window"));
    m_post = new QAction(tr("&Post a wanted ad…"), this);
    m_post->setObjectName(QStringLiteral("postWantedAction"));
    m_post->setShortcut(QKeySequence::New);
    m_post->setToolTip(tr("Say what your service is looking for (%1)")
                               .arg(m_post->shortcut().toString(QKeySequence::NativeText)));
    connect(m_post, &QAction::triggered, this, &WantedAdsWindow::postWanted);
    m_close = new QAction(tr("Close the &selected wanted ad"), this);
    m_close->setObjectName(QStringLiteral("closeWantedAction"));
    m_close->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_close, &QAction::triggered, this, &WantedAdsWindow::closeSelected);
    const QList<QAction *> own{m_post, m_close};
    menu->insertActions(menu->actions().value(0), own);
    menu->insertSeparator(menu->actions().value(own.size()));
    addActions(own);
    // Each tab by keyboard, its shortcut in the menu.
    for (const auto &[tab, key] : {std::pair{Tab::Everyone, Qt::Key_1},
                                   std::pair{Tab::Mine, Qt::Key_2},
                                   std::pair{Tab::Alerts, Qt::Key_3}}) {
        auto *go = new QAction(m_tabs->tabText(int(tab)).remove(u'&'), this);
        go->setShortcut(QKeySequence(Qt::CTRL | key));
        connect(go, &QAction::triggered, this, [this, tab] { showTab(tab); });
        menu->insertAction(menu->actions().value(own.size() + 1), go);
        addAction(go);
    }
    for (QAction *action : own) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_tabs->setCornerWidget(button, action == m_post ? Qt::TopRightCorner : Qt::TopLeftCorner);
    }
    m_tabs->cornerWidget(Qt::TopLeftCorner)->hide();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        m_tabs->cornerWidget(Qt::TopLeftCorner)->setVisible(index == int(Tab::Mine));
    });
}

void WantedAdsWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
    m_tabs->currentWidget()->setFocus();
}

void WantedAdsWindow::startRefresh()
{
    Database *db = &database();
    const qint64 me = m_agent.id;
    listReads()->request<Snapshot>(
            [db, me]() -> Result<Snapshot> {
                const WantedAdRepository wanted(*db);
                Snapshot s;
                Result<QList<WantedAd>> everyone = wanted.openAds();
                if (!everyone)
                    return everyone.error();
                s.everyone = *everyone;
                Result<QList<WantedAd>> mine = wanted.ofAuthor(me);
                if (!mine)
                    return mine.error();
                s.mine = *mine;
                Result<QList<WantedMatch>> alerts = wanted.alertsOf(me);
                if (!alerts)
                    return alerts.error();
                s.alerts = *alerts;
                return s;
            },
            [this](const Result<Snapshot> &read) {
                if (!read) {
                    messageBar()->showMessage(
                            MessageBar::Kind::Error,
                            tr("The wanted ads could not be read. %1").arg(read.error().message),
                            read.error().detail);
                    finishRefresh(false);
                    return;
                }
                display(*read);
                finishRefresh(true);
            });
}

QString WantedAdsWindow::stateText(const WantedAd &wanted) const
{
    switch (wanted.state) {
    case WantedAd::State::Open:
        return tr("Open");
    case WantedAd::State::Closed:
        return tr("Closed");
    case WantedAd::State::Expired:
        return tr("Expired");
    }
    return {};
}

void WantedAdsWindow::display(const Snapshot &snapshot)
{
    const ReferenceCache &names = database().references();
    const qint64 selected
            = m_mine->currentItem() ? m_mine->currentItem()->data(0, RowIdRole).toLongLong() : 0;
    m_everyone->clear();
    for (const WantedAd &w : snapshot.everyone) {
        auto *item = new QTreeWidgetItem(
                m_everyone,
                {w.title,
                 w.keywords,
                 QString::number(w.quantity),
                 w.categoryId > 0 ? names.categoryName(w.categoryId) : tr("Any category"),
                 w.serviceName,
                 names.siteName(w.siteId),
                 w.authorName,
                 shortDate(w.expiresAt)});
        item->setData(0, RowIdRole, w.id);
    }
    m_mine->clear();
    for (const WantedAd &w : snapshot.mine) {
        auto *item = new QTreeWidgetItem(m_mine,
                                         {w.title,
                                          w.keywords,
                                          QString::number(w.quantity),
                                          stateText(w),
                                          shortDate(w.expiresAt)});
        item->setData(0, RowIdRole, w.id);
        item->setData(0, Qt::UserRole + 1, w.state == WantedAd::State::Open);
        if (w.id == selected)
            m_mine->setCurrentItem(item);
    }
    m_alerts->clear();
    for (const WantedMatch &m : snapshot.alerts) {
        auto *item = new QTreeWidgetItem(
                m_alerts,
                {shortDate(m.createdAt), m.wantedTitle, m.adTitle, QString::number(m.adId)});
        item->setData(0, RowIdRole, m.id);
    }
    header()->countLabel()->setText(QString::number(snapshot.alerts.size()));
    header()->countLabel()->setToolTip(tr("%n alert(s)", nullptr, int(snapshot.alerts.size())));
    m_tabs->setTabText(int(Tab::Alerts),
                       snapshot.alerts.isEmpty()
                               ? tr("My &alerts")
                               : tr("My &alerts (%1)").arg(snapshot.alerts.size()));
}

void WantedAdsWindow::postWanted()
{
    WantedAdDialog dialog(database(), m_agent, this);
    pauseAutoRefresh();
    const int answer = m_runner ? m_runner(dialog) : dialog.exec();
    resumeAutoRefresh();
    if (answer != QDialog::Accepted)
        return;
    messageBar()->showMessage(
            MessageBar::Kind::Information,
            tr("Your wanted ad « %1 » is posted: every agent sees it.").arg(dialog.posted().title));
    showTab(Tab::Mine);
    refresh();
}

void WantedAdsWindow::closeSelected()
{
    QTreeWidgetItem *item = m_mine->currentItem();
    if (m_tabs->currentIndex() != int(Tab::Mine) || !item) {
        messageBar()->showMessage(MessageBar::Kind::Information,
                                  tr("Pick one of your wanted ads under « My wanted ads » first."));
        return;
    }
    if (!item->data(0, Qt::UserRole + 1).toBool()) {
        messageBar()->showMessage(MessageBar::Kind::Information,
                                  tr("This wanted ad is already closed or expired."));
        return;
    }
    const QString title = item->text(0);
    const Status closed
            = WantedAdRepository(database()).close(item->data(0, RowIdRole).toLongLong());
    if (!closed) {
        messageBar()->showMessage(
                MessageBar::Kind::Error, closed.error().message, closed.error().detail);
        return;
    }
    messageBar()->showMessage(MessageBar::Kind::Information,
                              tr("« %1 » is closed: it matches no more ads.").arg(title));
    refresh();
}

} // namespace Recup
