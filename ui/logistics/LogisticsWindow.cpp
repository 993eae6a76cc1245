// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logistics/LogisticsWindow.h"

#include "actions/MailCenter.h"
#include "actions/PickupWorkflow.h"
#include "common/AccessibleLabels.h"
#include "common/Look.h"
#include "common/MessageBar.h"
#include "common/ReasonTextDialog.h"
#include "common/WindowHeader.h"
#include "domain/PlatformTime.h"
#include "lifecycle/PickupLifecycle.h"
#include "logistics/PickupListModel.h"
#include "logistics/RequestTransportDialog.h"
#include "reports/PickupList.h"
#include "storage/Database.h"
#include "storage/PickupRepository.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Recup {

namespace {

QDate mondayOf(const QDate &day)
{
    return day.addDays(1 - day.dayOfWeek());
}

} // namespace

LogisticsWindow::LogisticsWindow(Database &db,
                                 const Agent &agent,
                                 const MailSettings &mail,
                                 const QDate &today,
                                 QWidget *parent)
    : WorkWindow(db,
                 {tr("Transports"),
                  tr("The transports of exchanged items between services: plan them, then say "
                     "when each is picked up and delivered."),
                  QStringLiteral("pickupCount"),
                  tr("%1 — logistics").arg(agent.displayName),
                  tr("Read the list again now (it is also read every minute)")},
                 parent)
    , m_agent(agent)
    , m_mail(mail)
    , m_fixedToday(today)
{
    setObjectName(QStringLiteral("logisticsWindow"));
    setWindowTitle(tr("Transports — Collectiv'Récup"));
    m_weekStart = mondayOf(this->today());

    m_model = new PickupListModel(this);
    m_steps = new ReadChannel(db.reader(), this);
    m_dayStops = new ReadChannel(db.reader(), this);
    QWidget *content = centralWidget();
    body()->addWidget(createFilters());

    m_view = new QTableView(content);
    m_view->setObjectName(QStringLiteral("pickupView"));
    m_view->setAccessibleName(tr("Transports"));
    m_view->setModel(m_model);
    configureView();

    m_emptyState = Look::emptyStateLabel(content, "pickupEmptyState");

    m_pages = new QStackedWidget(content);
    m_pages->addWidget(m_view);
    m_pages->addWidget(m_emptyState);
    body()->addWidget(m_pages, 1);

    m_totals = new QLabel(content);
    m_totals->setObjectName(QStringLiteral("pickupDayTotals"));
    m_totals->setTextFormat(Qt::PlainText);
    m_totals->setWordWrap(true);
    body()->addWidget(m_totals);

    // What the row's tooltips say, for those who use no mouse: reached with Tab, readable.
    m_details = new QLabel(content);
    m_details->setObjectName(QStringLiteral("pickupDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setFocusPolicy(Qt::StrongFocus);
    m_details->setAccessibleName(tr("Selected transport"));
    m_details->hide();
    body()->addWidget(m_details);

    body()->addWidget(createActions());
    createMenu();
    offerTransportRequests();

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateState();
    });
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        if (m_planAction->isEnabled())
            planSelected();
    });

    ReferenceCache &references = db.references();
    connect(&references, &ReferenceCache::changed, this, &LogisticsWindow::fillSites);
    fillSites();
    references.ensureLoaded();

    resize(1240, 720);
    updateWeekLabel();
    updateState();
    refresh();
}

LogisticsWindow::~LogisticsWindow() = default;

QWidget *LogisticsWindow::createFilters()
{
    auto *filters = new QWidget(this);
    filters->setObjectName(QStringLiteral("pickupFilters"));
    auto *row = new QHBoxLayout(filters);
    row->setContentsMargins(0, 0, 0, 0);

    m_mode = new QComboBox(filters);
    m_mode->setObjectName(QStringLiteral("pickupModeCombo"));
    m_mode->addItem(tr("Week"));
    m_mode->addItem(tr("Everything under way"));
    m_mode->setAccessibleName(tr("Which transports"));
    m_mode->setToolTip(tr("The transports due in one week, or every one not delivered nor "
                          "cancelled yet, whatever its day"));
    row->addWidget(m_mode);

    m_weekPicker = createWeekPicker(filters);
    row->addWidget(m_weekPicker);
    row->addStretch();

    m_status = new QComboBox(filters);
    m_status->setObjectName(QStringLiteral("pickupStatusCombo"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("All statuses"));
    for (PickupStatus status : {PickupStatus::Requested,
                                PickupStatus::Planned,
                                PickupStatus::PickedUp,
                                PickupStatus::Delivered,
                                PickupStatus::Cancelled})
        m_status->addItem(PickupLifecycle::statusName(status), pickupStatusKey(status));
    auto *statusLabel = new QLabel(tr("S&tatus:"), filters);
    statusLabel->setBuddy(m_status);
    row->addWidget(statusLabel);
    row->addWidget(m_status);

    m_site = new QComboBox(filters);
    m_site->setObjectName(QStringLiteral("pickupSiteCombo"));
    m_site->setAccessibleName(tr("Departure site"));
    m_site->setMinimumContentsLength(18);
    m_site->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *siteLabel = new QLabel(tr("&Departure:"), filters);
    siteLabel->setBuddy(m_site);
    row->addWidget(siteLabel);
    row->addWidget(m_site);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        m_weekPicker->setEnabled(!isOpenOnly());
        m_weekMenu->setEnabled(!isOpenOnly());
        refresh();
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_site, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            refresh();
    });
    return filters;
}

QWidget *LogisticsWindow::createWeekPicker(QWidget *parent)
{
    auto *picker = new QWidget(parent);
    picker->setObjectName(QStringLiteral("weekPicker"));
    auto *row = new QHBoxLayout(picker);
    row->setContentsMargins(0, 0, 0, 0);

    m_previousWeek = new QPushButton(picker);
    m_previousWeek->setObjectName(QStringLiteral("previousWeekButton"));
    m_previousWeek->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_previousWeek->setAccessibleName(tr("Previous week"));
    m_previousWeek->setToolTip(tr("Previous week (Alt+Left)"));

    m_weekLabel = new QLabel(picker);
    m_weekLabel->setObjectName(QStringLiteral("weekLabel"));
    m_weekLabel->setAlignment(Qt::AlignCenter);
    QFont bold = m_weekLabel->font();
    bold.setBold(true);
    m_weekLabel->setFont(bold);

    m_nextWeek = new QPushButton(picker);
    m_nextWeek->setObjectName(QStringLiteral("nextWeekButton"));
    m_nextWeek->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_nextWeek->setAccessibleName(tr("Next week"));
    m_nextWeek->setToolTip(tr("Next week (Alt+Right)"));

    m_thisWeek = new QPushButton(tr("This week"), picker);
    m_thisWeek->setObjectName(QStringLiteral("thisWeekButton"));

    row->addWidget(m_previousWeek);
    row->addWidget(m_weekLabel);
    row->addWidget(m_nextWeek);
    row->addWidget(m_thisWeek);
    connect(m_previousWeek, &QPushButton::clicked, this, &LogisticsWindow::showPreviousWeek);
    connect(m_nextWeek, &QPushButton::clicked, this, &LogisticsWindow::showNextWeek);
    connect(m_thisWeek, &QPushButton::clicked, this, &LogisticsWindow::showThisWeek);
    return picker;
}

QWidget *LogisticsWindow::createActions()
{
    auto *actions = new QWidget(this);
    actions->setObjectName(QStringLiteral("pickupActions"));
    auto *row = new QHBoxLayout(actions);
    row->setContentsMargins(0, 0, 0, 0);

    m_hint = new QLabel(actions);
    m_hint->setObjectName(QStringLiteral("pickupHint"));
    m_hint->setTextFormat(Qt::PlainText);
    Look::makeSecondary(m_hint);
    row->addWidget(m_hint, 1);

    m_dayListButton = new QPushButton(tr("Day's list…"), actions);
    m_dayListButton->setObjectName(QStringLiteral("dayListButton"));
    m_dayListButton->setToolTip(tr("Print the pickup list of a day, or save it as PDF (Ctrl+P)"));
    m_planButton = new QPushButton(tr("Plan…"), actions);
    m_planButton->setObjectName(QStringLiteral("planButton"));
    m_planButton->setToolTip(tr("Choose the day, the team and the stop order; both services are "
                                "told by mail"));
    m_planButton->setStyleSheet(Look::primaryButtonStyle(palette(), m_planButton->objectName()));
    m_pickedUpButton = new QPushButton(tr("Mark picked up"), actions);
    m_pickedUpButton->setObjectName(QStringLiteral("pickedUpButton"));
    m_deliveredButton = new QPushButton(tr("Mark delivered"), actions);
    m_deliveredButton->setObjectName(QStringLiteral("deliveredButton"));
    m_deliveredButton->setToolTip(tr("The item is at the receiving service; both services are "
                                     "told by mail"));
    m_cancelButton = new QPushButton(tr("Cancel…"), actions);
    m_cancelButton->setObjectName(QStringLiteral("cancelPickupButton"));
    m_cancelButton->setToolTip(tr("Cancel the transport, saying why"));
    m_cancelButton->setStyleSheet(Look::dangerButtonStyle(palette(), m_cancelButton->objectName()));

    row->addWidget(m_dayListButton);
    row->addSpacing(12);
    row->addWidget(m_cancelButton);
    row->addWidget(m_pickedUpButton);
    row->addWidget(m_deliveredButton);
    row->addWidget(m_planButton);
    connect(m_planButton, &QPushButton::clicked, this, &LogisticsWindow::planSelected);
    connect(m_pickedUpButton, &QPushButton::clicked, this, &LogisticsWindow::markPickedUp);
    connect(m_deliveredButton, &QPushButton::clicked, this, &LogisticsWindow::markDelivered);
    connect(m_cancelButton, &QPushButton::clicked, this, &LogisticsWindow::cancelSelected);
    connect(m_dayListButton, &QPushButton::clicked, this, &LogisticsWindow::printDayList);
    return actions;
}

void LogisticsWindow::createMenu()
{
    QMenu *menu = addWindowMenu(tr("&Transports"), tr("&Refresh"), tr("&Close"));
    QAction *first = menu->actions().value(0);
    auto add = [&](QAction *&action, const QString &text, const QString &keys, const char *name) {
        action = new QAction(text, menu);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(QKeySequence(keys));
        menu->insertAction(first, action);
    };
    add(m_planAction, tr("&Plan…"), tr("Ctrl+Shift+P"), "planAction");
    add(m_pickedUpAction, tr("Mark picked &up"), tr("Ctrl+Shift+U"), "pickedUpAction");
    add(m_deliveredAction, tr("Mark &delivered"), tr("Ctrl+Shift+D"), "deliveredAction");
    add(m_cancelAction, tr("&Cancel the transport…"), tr("Ctrl+Shift+X"), "cancelPickupAction");
    menu->insertSeparator(first);
    add(m_dayListAction, tr("Day's &list…"), tr("Ctrl+P"), "dayListAction");
    menu->insertSeparator(first);
    auto *weekMenu = new QMenu(tr("&Week"), menu);
    weekMenu->setObjectName(QStringLiteral("weekMenu"));
    m_weekMenu = weekMenu;
    QAction *previous = weekMenu->addAction(tr("&Previous week"));
    previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    QAction *next = weekMenu->addAction(tr("&Next week"));
    next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    QAction *current = weekMenu->addAction(tr("&This week"));
    current->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Home));
    menu->insertMenu(first, weekMenu);
    menu->insertSeparator(first);
    connect(m_planAction, &QAction::triggered, this, &LogisticsWindow::planSelected);
    connect(m_pickedUpAction, &QAction::triggered, this, &LogisticsWindow::markPickedUp);
    connect(m_deliveredAction, &QAction::triggered, this, &LogisticsWindow::markDelivered);
    connect(m_cancelAction, &QAction::triggered, this, &LogisticsWindow::cancelSelected);
    connect(m_dayListAction, &QAction::triggered, this, &LogisticsWindow::printDayList);
    // The buttons say the keys of their menu items.
    showShortcut(m_planButton, m_planAction->shortcut());
    showShortcut(m_pickedUpButton, m_pickedUpAction->shortcut());
    showShortcut(m_deliveredButton, m_deliveredAction->shortcut());
    showShortcut(m_cancelButton, m_cancelAction->shortcut());
    showShortcut(m_thisWeek, current->shortcut());
    connect(previous, &QAction::triggered, this, &LogisticsWindow::showPreviousWeek);
    connect(next, &QAction::triggered, this, &LogisticsWindow::showNextWeek);
    connect(current, &QAction::triggered, this, &LogisticsWindow::showThisWeek);
}

void LogisticsWindow::offerTransportRequests()
{
    // Owners ask as they close; moderators for any item given (the server checks it again).
    if (!m_agent.roles.testFlag(Role::Moderator))
        return;
    auto *action = new QAction(tr("&Ask for a transport…"), this);
    action->setObjectName(QStringLiteral("requestTransportAction"));
    action->setShortcut(QKeySequence(tr("Ctrl+Shift+N")));
    if (auto *menu = qobject_cast<QMenu *>(m_planAction->parent())) {
        menu->insertAction(m_planAction, action);
        menu->insertSeparator(m_planAction);
    }
    auto *button = new QPushButton(tr("Ask for a transport…"), this);
    button->setObjectName(QStringLiteral("requestTransportButton"));
    button->setToolTip(tr("A transport for an item already given to a service"));
    showShortcut(button, action->shortcut());
    if (auto *row = qobject_cast<QHBoxLayout *>(
                findChild<QWidget *>(QStringLiteral("pickupActions"))->layout()))
        row->insertWidget(0, button);
    connect(action, &QAction::triggered, this, &LogisticsWindow::requestTransport);
    connect(button, &QPushButton::clicked, this, &LogisticsWindow::requestTransport);
}

void LogisticsWindow::configureView()
{
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setSortingEnabled(false); // by day, site, team and stop, by the database
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(PickupListModel::ItemColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(PickupListModel::QuantityColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PickupListModel::StopColumn, QHeaderView::ResizeToContents);
    header->resizeSection(PickupListModel::DueColumn, 130);
    header->resizeSection(PickupListModel::StatusColumn, 150);
    header->resizeSection(PickupListModel::WeightColumn, 80);
    header->resizeSection(PickupListModel::FromColumn, 190);
    header->resizeSection(PickupListModel::ToColumn, 190);
    header->resizeSection(PickupListModel::TeamColumn, 110);
    header->setMinimumSectionSize(50);
}

void LogisticsWindow::fillSites()
{
    const qint64 chosen = m_site->currentData().toLongLong();
    QList<Site> sites = database().references().sites();
    std::sort(sites.begin(), sites.end(), [](const Site &a, const Site &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    m_filling = true;
    m_site->clear();
    m_site->addItem(tr("All departure sites"), qint64(0));
    for (const Site &site : std::as_const(sites))
        m_site->addItem(site.name, site.id);
    m_site->setCurrentIndex(qMax(0, m_site->findData(chosen)));
    m_filling = false;
    if (m_site->currentData().toLongLong() != chosen)
        refresh(); // the site chosen is gone
}

QDate LogisticsWindow::today() const
{
    return m_fixedToday.isValid() ? m_fixedToday : platformToday();
}

Actor LogisticsWindow::actor() const
{
    Actor actor{m_agent.id, m_agent.roles.testFlag(Role::Moderator), false};
    actor.logistics = true;
    return actor;
}

MailSettings LogisticsWindow::mailSettings() const
{
    return m_mailCenter ? m_mailCenter->settings() : m_mail;
}

bool LogisticsWindow::isOpenOnly() const
{
    return m_mode->currentIndex() == 1;
}

void LogisticsWindow::setOpenOnly(bool openOnly)
{
    m_mode->setCurrentIndex(openOnly ? 1 : 0);
}

void LogisticsWindow::showWeekOf(const QDate &day)
{
    m_weekStart = mondayOf(day);
    updateWeekLabel();
    refresh();
}

void LogisticsWindow::showPreviousWeek()
{
    showWeekOf(m_weekStart.addDays(-7));
}

void LogisticsWindow::showNextWeek()
{
    showWeekOf(m_weekStart.addDays(7));
}

void LogisticsWindow::showThisWeek()
{
    showWeekOf(today());
}

void LogisticsWindow::updateWeekLabel()
{
    m_weekLabel->setText(
            tr("Week of %1").arg(QLocale().toString(m_weekStart, QStringLiteral("d MMMM yyyy"))));
    m_thisWeek->setEnabled(m_weekStart != mondayOf(today()));
}

bool LogisticsWindow::selectPickup(qint64 id)
{
    const int row = m_model->rowOfPickup(id);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, PickupListModel::ItemColumn));
    updateState();
    return true;
}

const Pickup *LogisticsWindow::selectedPickup() const
{
    if (!m_view->selectionModel()->hasSelection())
        return nullptr;
    return m_model->pickup(m_view->currentIndex().row());
}

QString LogisticsWindow::dayTotalsText() const
{
    return m_totals->text();
}

void LogisticsWindow::startRefresh()
{
    PickupFilter filter;
    if (isOpenOnly()) {
        filter.openOnly = true;
    } else {
        filter.first = m_weekStart;
        filter.last = m_weekStart.addDays(6);
    }
    if (const QString key = m_status->currentData().toString(); !key.isEmpty())
        filter.status = pickupStatusFromKey(key);
    filter.fromSiteId = m_site->currentData().toLongLong();
    const QDate day = today();
    Database *db = &database();
    listReads()->request<QList<Pickup>>(
            [db, filter] { return PickupRepository(*db).list(filter); },
            [this, day](const Result<QList<Pickup>> &pickups) {
                if (!pickups) {
                    m_loadFailed = true;
                    messageBar()->showMessage(
                            MessageBar::Kind::Error,
                            tr("The transports could not be read. %1").arg(pickups.error().message),
                            pickups.error().detail,
                            [this] { refresh(); });
                    updateState();
                    finishRefresh(false);
                    return;
                }
                m_loadFailed = false;
                resetKeepingView(m_view, [&] { m_model->setPickups(*pickups, day); });
                updateWeekLabel(); // "This week" follows the day, past midnight too
                updateState();
                finishRefresh(true);
            });
}

void LogisticsWindow::updateState()
{
    const int count = m_model->rowCount();
    const bool empty = count == 0;
    m_pages->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyState) : m_view);
    const bool filtered = m_status->currentIndex() > 0 || m_site->currentIndex() > 0;
    if (m_loadFailed && empty)
        m_emptyState->setText(tr("The transports could not be read."));
    else if (filtered)
        m_emptyState->setText(tr("No transport matches these filters."));
    else if (isOpenOnly())
        m_emptyState->setText(tr("No transport under way: everything asked was delivered or "
                                 "cancelled."));
    else
        m_emptyState->setText(tr("No transport this week."));

    const QStringList totals = m_model->dayTotals();
    m_totals->setText(totals.join(QStringLiteral("    ·    ")));
    m_totals->setVisible(!totals.isEmpty());

    const QList<Pickup> &rows = m_model->pickups();
    const auto overdue = std::count_if(rows.cbegin(), rows.cend(), [&](const Pickup &p) {
        return p.isOverdue(m_model->today());
    });
    QLabel *badge = header()->countLabel();
    // The overdue ones said in words, not by the badge's colour alone.
    badge->setText(overdue > 0 ? tr("Transports: %1, %n overdue", nullptr, int(overdue))
                                         .arg(QLocale().toString(count))
                               : tr("Transports: %1").arg(QLocale().toString(count)));
    badge->setStyleSheet(Look::badgeStyle(
            palette(), overdue > 0 ? Look::Tone::Danger : Look::Tone::Information));
    badge->setToolTip(overdue > 0 ? tr("%n overdue", nullptr, int(overdue)) : QString());

    const Pickup *selected = selectedPickup();
    m_details->setText(selected ? m_model->detailText(m_view->currentIndex().row()) : QString());
    m_details->setVisible(selected != nullptr);
    auto may = [&](PickupAction action) {
        return !m_loadFailed && !m_stepRunning && selected
               && PickupLifecycle::next(selected->status, action, PickupActor::Logistics)
                          .has_value();
    };
    const QList<std::tuple<PickupAction, QPushButton *, QAction *>> steps{
            {PickupAction::Plan, m_planButton, m_planAction},
            {PickupAction::MarkPickedUp, m_pickedUpButton, m_pickedUpAction},
            {PickupAction::MarkDelivered, m_deliveredButton, m_deliveredAction},
            {PickupAction::Cancel, m_cancelButton, m_cancelAction}};
    for (const auto &[action, button, menuAction] : steps) {
        const bool enabled = may(action);
        button->setEnabled(enabled);
        menuAction->setEnabled(enabled);
    }
    if (selected && selected->status == PickupStatus::Planned)
        m_planButton->setText(tr("Plan again…"));
    else
        m_planButton->setText(tr("Plan…"));

    if (m_loadFailed)
        m_hint->setText(tr("The list shown may be out of date."));
    else if (empty)
        m_hint->clear();
    else if (!selected)
        m_hint->setText(tr("Select a transport to plan it or to say where it stands."));
    else if (overdue > 0)
        m_hint->setText(tr("Rows marked “overdue” were due on a past day."));
    else
        m_hint->clear();
}

void LogisticsWindow::planSelected()
{
    const Pickup *selected = selectedPickup();
    if (!selected || m_stepRunning)
        return;
    const Pickup pickup = *selected;
    std::optional<PlanChoice> choice;
    pauseAutoRefresh();
    if (m_askPlan) {
        choice = m_askPlan(pickup);
    } else {
        PlanDialog dialog(pickup, today(), this);
        if (dialog.exec() == QDialog::Accepted)
            choice = dialog.choice();
    }
    resumeAutoRefresh();
    if (!choice)
        return;
    runStep(
            PickupAction::Plan,
            [choice = *choice, actor = actor()](PickupWorkflow &workflow, const Pickup &p) {
                return workflow.plan(
                        p.id, p.version, choice.day, choice.team, choice.stopOrder, actor);
            },
            tr("Transport planned; both services are told by mail."));
}

void LogisticsWindow::markPickedUp()
{
    runStep(
            PickupAction::MarkPickedUp,
            [actor = actor()](PickupWorkflow &workflow, const Pickup &p) {
                return workflow.markPickedUp(p.id, p.version, actor);
            },
            tr("Transport marked picked up."));
}

void LogisticsWindow::markDelivered()
{
    runStep(
            PickupAction::MarkDelivered,
            [actor = actor()](PickupWorkflow &workflow, const Pickup &p) {
                return workflow.markDelivered(p.id, p.version, actor);
            },
            tr("Transport delivered; both services are told by mail."));
}

void LogisticsWindow::cancelSelected()
{
    const Pickup *selected = selectedPickup();
    if (!selected || m_stepRunning)
        return;
    const Pickup pickup = *selected;
    std::optional<QString> reason;
    pauseAutoRefresh();
    if (m_askReason) {
        reason = m_askReason(pickup);
    } else {
        reason = ReasonTextDialog::ask(
                this,
                tr("Cancel the transport"),
                tr("Why is the transport of %1 cancelled? Both services can read it.")
                        .arg(Look::quoted(pickup.adTitle)),
                tr("Cancel the transport"),
                tr("Keep the transport"));
    }
    resumeAutoRefresh();
    if (!reason)
        return;
    runStep(
            PickupAction::Cancel,
            [reason = *reason, actor = actor()](PickupWorkflow &workflow, const Pickup &p) {
                return workflow.cancel(p.id, p.version, reason, actor);
            },
            tr("Transport cancelled."));
}

void LogisticsWindow::requestTransport()
{
    if (!m_agent.roles.testFlag(Role::Moderator))
        return;
    RequestTransportDialog dialog(database(), today(), this);
    QString title;
    dialog.setSubmitter([this, &title](qint64 adId, const PickupRequest &request) {
        Result<Pickup> asked = PickupRepository(database()).request(adId, request, actor());
        if (asked)
            title = asked->adTitle;
        return asked;
    });
    pauseAutoRefresh();
    const int result = m_askRequest ? m_askRequest(dialog) : dialog.exec();
    resumeAutoRefresh();
    if (result != QDialog::Accepted)
        return;
    messageBar()->showMessage(
            MessageBar::Kind::Information,
            tr("Transport of %1 asked: plan it when its day is known.").arg(Look::quoted(title)));
    refresh();
}

void LogisticsWindow::runStep(PickupAction action, Step write, const QString &done)
{
    const Pickup *selected = selectedPickup();
    if (!selected || m_stepRunning)
        return;
    const Pickup pickup = *selected;
    if (const QString refusal
        = PickupLifecycle::refusal(pickup.status, action, PickupActor::Logistics);
        !refusal.isEmpty()) {
        messageBar()->showMessage(MessageBar::Kind::Warning, refusal);
        return;
    }
    m_stepRunning = true;
    updateState();
    Database *db = &database();
    m_steps->request<Pickup>(
            [db, mail = mailSettings(), pickup, write = std::move(write)] {
                PickupWorkflow workflow(*db, mail);
                return write(workflow, pickup);
            },
            [this, action, done](const Result<Pickup> &after) { stepDone(action, after, done); });
}

void LogisticsWindow::stepDone(PickupAction action,
                               const Result<Pickup> &after,
                               const QString &done)
{
    m_stepRunning = false;
    updateState();
    if (!after) {
        const Error &error = after.error();
        const bool stale
                = error.kind == Error::Kind::Conflict || error.kind == Error::Kind::NotFound;
        messageBar()->showMessage(stale ? MessageBar::Kind::Warning : MessageBar::Kind::Error,
                                  error.message,
                                  error.detail);
        if (stale)
            refresh(); // someone else moved it on: show where it stands now
        return;
    }
    messageBar()->showMessage(MessageBar::Kind::Information, done);
    const bool mailed = action == PickupAction::Plan || action == PickupAction::MarkDelivered;
    if (mailed) {
        if (m_mailCenter)
            m_mailCenter->sendNow();
        emit mailWritten();
    }
    refresh();
}

QDate LogisticsWindow::proposedListDay() const
{
    const Pickup *selected = selectedPickup();
    return selected && selected->plannedDate.isValid() ? selected->plannedDate : today();
}

void LogisticsWindow::printDayList()
{
    pauseAutoRefresh();
    const std::optional<DayListChoice> choice = askDayList(proposedListDay());
    resumeAutoRefresh();
    if (!choice || !choice->day.isValid())
        return;
    m_dayListButton->setEnabled(false);
    m_dayListAction->setEnabled(false);
    Database *db = &database();
    const QDate day = choice->day;
    m_dayStops->request<QList<Pickup>>(
            [db, day] { return PickupRepository(*db).stopsOfDay(day); },
            [this, choice = *choice](const Result<QList<Pickup>> &stops) {
                m_dayListButton->setEnabled(true);
                m_dayListAction->setEnabled(true);
                if (!stops) {
                    messageBar()->showMessage(
                            MessageBar::Kind::Error,
                            tr("The day's stops could not be read. %1").arg(stops.error().message),
                            stops.error().detail);
                    return;
                }
                outputDayList(choice, *stops);
            });
}

std::optional<LogisticsWindow::DayListChoice> LogisticsWindow::askDayList(const QDate &proposed)
{
    if (m_askDayList)
        return m_askDayList(proposed);
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("dayListDialog"));
    dialog.setWindowTitle(tr("Day's pickup list"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *form = new QFormLayout;
    auto *day = new QDateEdit(proposed, &dialog);
    day->setObjectName(QStringLiteral("dayListDate"));
    day->setCalendarPopup(true);
    day->setDisplayFormat(QStringLiteral("dddd d MMMM yyyy"));
    form->addRow(tr("&Day:"), day);
    layout->addLayout(form);
    auto *note = new QLabel(tr("The stops planned that day, by departure site, team and stop "
                               "order, with the contacts and two boxes to sign: A4, in French."),
                            &dialog);
    note->setWordWrap(true);
    Look::makeSecondary(note);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    std::optional<DayListChoice> choice;
    const auto offer = [&](const QString &text, ListOutput output, bool isDefault) {
        QPushButton *button = buttons->addButton(text, QDialogButtonBox::AcceptRole);
        button->setDefault(isDefault);
        connect(button, &QPushButton::clicked, &dialog, [&, output] {
            choice = DayListChoice{day->date(), output};
            dialog.accept();
        });
    };
    offer(tr("Save as &PDF…"), ListOutput::Pdf, false);
    offer(tr("P&rint…"), ListOutput::Printer, false);
    offer(tr("Print pre&view…"), ListOutput::Preview, true);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return choice;
}

void LogisticsWindow::outputDayList(const DayListChoice &choice, const QList<Pickup> &stops)
{
    const QString dayText = QLocale().toString(choice.day, QStringLiteral("dddd d MMMM yyyy"));
    if (stops.isEmpty()) {
        // Nothing to carry: say so here rather than print a page that says it.
        messageBar()->showMessage(
                MessageBar::Kind::Information,
                tr("No stop is planned on %1: there is no list to print.").arg(dayText));
        return;
    }
    const PickupList list(choice.day, stops, QDateTime::currentDateTimeUtc());
    switch (choice.output) {
    case ListOutput::Preview:
        previewDayList(list);
        break;
    case ListOutput::Printer:
        printDayListOn(list);
        break;
    case ListOutput::Pdf:
        saveDayList(list, choice.day);
        break;
    }
}

void LogisticsWindow::previewDayList(const PickupList &list)
{
    QPrintPreviewDialog preview(this);
    preview.setObjectName(QStringLiteral("dayListPreview"));
    preview.setWindowTitle(list.title());
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [&list](QPrinter *printer) {
        list.print(*printer);
    });
    namePrintPreviewControls(&preview);
    if (m_preview)
        m_preview(preview);
    else
        preview.exec();
}

void LogisticsWindow::printDayListOn(const PickupList &list)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(list.title());
    const bool chosen = m_askPrinter ? m_askPrinter(printer) : [&] {
        QPrintDialog dialog(&printer, this);
        return dialog.exec() == QDialog::Accepted;
    }();
    if (!chosen)
        return;
    const int pages = list.print(printer);
    if (pages == 0) {
        messageBar()->showMessage(
                MessageBar::Kind::Error,
                tr("The list could not be printed on %1.").arg(printer.printerName()));
        return;
    }
    messageBar()->showMessage(
            MessageBar::Kind::Information,
            tr("The list of %n stop(s) went to the printer.", nullptr, int(list.stops().size())));
}

void LogisticsWindow::saveDayList(const PickupList &list, const QDate &day)
{
    const QString name = tr("pickups-%1.pdf").arg(day.toString(Qt::ISODate));
    QString path;
    if (m_askSavePath) {
        path = m_askSavePath(name);
    } else {
        const QDir documents(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
        path = QFileDialog::getSaveFileName(this,
                                            tr("Save the day's list as PDF"),
                                            documents.filePath(name),
                                            tr("PDF files (*.pdf)"));
    }
    if (path.isEmpty())
        return;
    const Status written = list.writePdf(path);
    if (!written) {
        messageBar()->showMessage(
                MessageBar::Kind::Error,
                tr("The list could not be saved. %1").arg(written.error().message),
                written.error().detail);
        return;
    }
    messageBar()->showMessage(
            MessageBar::Kind::Information,
            tr("The list of %n stop(s) is saved in %1.", nullptr, int(list.stops().size()))
                    .arg(QDir::toNativeSeparators(path)));
    emit dayListSaved(path);
}

} // namespace Recup
