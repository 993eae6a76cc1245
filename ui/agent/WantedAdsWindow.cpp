// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/WantedAdsWindow.h"

#include "agent/WantedAdDialog.h"
#include "common/MessageBar.h"
#include "common/WindowHeader.h"
#include "domain/Ad.h"
#include "domain/PlatformTime.h"
#include "storage/ContactRequestRepository.h"
#include "storage/Database.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"

#include <QAction>
#include <QHBoxLayout>
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
                          tr("Until"),
                          tr("Your answer")});
    m_everyone->setAccessibleName(tr("Wanted ads of all services"));
    m_mine = newList(m_tabs,
                     QStringLiteral("myWantedList"),
                     {tr("Wanted"), tr("Keywords"), tr("Quantity"), tr("State"), tr("Until")});
    m_mine->setAccessibleName(tr("My wanted ads"));
    m_alerts = newList(m_tabs,
                       QStringLiteral("alertsList"),
                       {tr("Date"), tr("Your wanted ad"), tr("Matching ad"), tr("Ad no.")});
    m_alerts->setAccessibleName(tr("My alerts"));
    m_alerts->setAccessibleDescription(
            tr("Published ads that match your wanted ads. Enter or a double-click shows the ad."));
    m_tabs->addTab(m_everyone, tr("A&ll wanted ads"));
    m_tabs->addTab(m_mine, tr("M&y wanted ads"));
    m_tabs->addTab(m_alerts, tr("My &alerts"));
    body()->addWidget(m_tabs);
    connect(m_everyone, &QTreeWidget::currentItemChanged, this, &WantedAdsWindow::updateAnswer);
    connect(m_everyone, &QTreeWidget::itemActivated, this, &WantedAdsWindow::answerSelected);
    connect(m_alerts, &QTreeWidget::itemActivated, this, &WantedAdsWindow::showSelectedAd);
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
    buildTabButtons(menu);
    for (QAction *action : own) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_tabs->setCornerWidget(button, action == m_post ? Qt::TopRightCorner : Qt::TopLeftCorner);
    }
    m_tabs->cornerWidget(Qt::TopLeftCorner)->hide();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        m_tabs->cornerWidget(Qt::TopLeftCorner)->setVisible(index == int(Tab::Mine));
        m_everyoneButtons->setVisible(index == int(Tab::Everyone));
        m_alertButtons->setVisible(index == int(Tab::Alerts));
    });
    m_alertButtons->hide();
}

void WantedAdsWindow::buildTabButtons(QMenu *menu)
{
    m_answer = new QAction(tr("&Answer the wanted ad…"), this);
    m_answer->setObjectName(QStringLiteral("answerWantedAction"));
    m_answer->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_answer, &QAction::triggered, this, &WantedAdsWindow::answerSelected);
    m_showAd = new QAction(tr("S&ee the ad"), this);
    m_showAd->setObjectName(QStringLiteral("showAlertAdAction"));
    m_showAd->setShortcut(QKeySequence::Open);
    m_showAd->setToolTip(tr("Show the ad of the selected alert in the catalogue (%1, Enter)")
                                 .arg(m_showAd->shortcut().toString(QKeySequence::NativeText)));
    connect(m_showAd, &QAction::triggered, this, &WantedAdsWindow::showSelectedAd);
    menu->insertActions(menu->actions().value(2), {m_answer, m_showAd});
    addActions({m_answer, m_showAd});

    auto button = [this](QAction *action, QWidget *row) {
        auto *b = new QToolButton(row);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setAccessibleName(action->text().remove(u'&'));
        return b;
    };
    m_everyoneButtons = new QWidget(this);
    auto *everyone = new QHBoxLayout(m_everyoneButtons);
    everyone->setContentsMargins(0, 0, 0, 0);
    everyone->addWidget(button(m_answer, m_everyoneButtons));
    m_answerWhy = new QLabel(m_everyoneButtons);
    m_answerWhy->setObjectName(QStringLiteral("answerWhy"));
    m_answerWhy->setTextFormat(Qt::PlainText);
    m_answerWhy->setWordWrap(true);
    everyone->addWidget(m_answerWhy, 1);
    m_alertButtons = new QWidget(this);
    auto *alerts = new QHBoxLayout(m_alertButtons);
    alerts->setContentsMargins(0, 0, 0, 0);
    alerts->addWidget(button(m_showAd, m_alertButtons));
    alerts->addStretch(1);
    body()->addWidget(m_everyoneButtons);
    body()->addWidget(m_alertButtons);
    updateAnswer();
}

void WantedAdsWindow::updateAnswer()
{
    const QTreeWidgetItem *item = m_everyone->currentItem();
    const QString shortcut = m_answer->shortcut().toString(QKeySequence::NativeText);
    QString why;
    if (!item)
        why = tr("Pick a wanted ad of another service to answer it.");
    else if (item->data(0, Qt::UserRole + 1).toLongLong() == m_agent.id)
        why = tr("This wanted ad is yours.");
    else if (const QDateTime answered = item->data(0, Qt::UserRole + 2).toDateTime();
             answered.isValid())
        why = tr("You answered this wanted ad on %1: its author has your message.")
                      .arg(spokenDay(answered.toLocalTime().date(), platformToday()));
    m_answer->setEnabled(why.isEmpty());
    m_answer->setToolTip(why.isEmpty() ? tr("Write to the person looking for it; the moderators "
                                            "get a copy (%1)")
                                                 .arg(shortcut)
                                       : why);
    m_answerWhy->setText(item ? why : QString());
    for (QToolButton *b : m_everyoneButtons->findChildren<QToolButton *>())
        b->setAccessibleDescription(m_answer->toolTip());
}

void WantedAdsWindow::answerSelected()
{
    const QTreeWidgetItem *item = m_everyone->currentItem();
    if (!item || !m_answer->isEnabled()) {
        messageBar()->showMessage(MessageBar::Kind::Information,
                                  m_answer->toolTip().isEmpty()
                                          ? tr("Pick a wanted ad of another service to answer it.")
                                          : m_answer->toolTip());
        return;
    }
    emit answerRequested(item->data(0, RowIdRole).toLongLong(),
                         item->data(0, Qt::UserRole + 1).toLongLong(),
                         item->text(0));
}

void WantedAdsWindow::showSelectedAd()
{
    const QTreeWidgetItem *item = m_alerts->currentItem();
    if (!item) {
        messageBar()->showMessage(MessageBar::Kind::Information,
                                  tr("Pick one of your alerts under « My alerts » first."));
        return;
    }
    emit adRequested(item->data(0, Qt::UserRole + 1).toLongLong(), item->text(2));
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
                Result<QHash<qint64, QDateTime>> answered
                        = ContactRequestRepository(*db).answeredWantedAds(me);
                if (!answered)
                    return answered.error();
                s.answered = *answered;
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
    const qint64 current = m_everyone->currentItem()
                                   ? m_everyone->currentItem()->data(0, RowIdRole).toLongLong()
                                   : 0;
    m_everyone->clear();
    for (const WantedAd &w : snapshot.everyone) {
        const QDateTime answered = snapshot.answered.value(w.id);
        auto *item = new QTreeWidgetItem(
                m_everyone,
                {w.title,
                 w.keywords,
                 QString::number(w.quantity),
                 w.categoryId > 0 ? names.categoryName(w.categoryId) : tr("Any category"),
                 w.serviceName,
                 names.siteName(w.siteId),
                 w.authorName,
                 shortDate(w.expiresAt),
                 answered.isValid() ? tr("Answered on %1").arg(shortDate(answered)) : QString()});
        item->setData(0, RowIdRole, w.id);
        item->setData(0, Qt::UserRole + 1, w.authorId);
        item->setData(0, Qt::UserRole + 2, answered);
        if (w.id == current)
            m_everyone->setCurrentItem(item);
    }
    updateAnswer();
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
        item->setData(0, Qt::UserRole + 1, m.adId);
    }
    // The badge says what it counts, in words a screen reader reads out too.
    const QString count = tr("%n alert(s)", nullptr, int(snapshot.alerts.size()));
    header()->countLabel()->setText(count);
    header()->countLabel()->setToolTip(count);
    header()->countLabel()->setAccessibleName(count);
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
