// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/MyAdsWindow.h"

#include "actions/AdWorkflow.h"
#include "agent/CloseAdDialog.h"
#include "agent/GivePartDialog.h"
#include "agent/MyDataExport.h"
#include "agent/ReservePartDialog.h"
#include "agent/SendToStoreDialog.h"
#include "common/AdEditorDialog.h"
#include "common/Look.h"
#include "common/MessageBar.h"
#include "common/WindowHeader.h"
#include "domain/Amounts.h"
#include "domain/PlatformTime.h"
#include "lifecycle/AdLifecycle.h"
#include "storage/Database.h"
#include "storage/PickupRepository.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"

#include <QAction>
#include <QComboBox>
#include <QEventLoop>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Recup {

namespace {

QString dateTimeText(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

QString dateText(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime().date(), QLocale::LongFormat);
}

// When a step of the history was taken, short: « 3 déc. 14 h 12 », the year when not this one.
QString timelineWhen(const QDateTime &at)
{
    const QDateTime local = at.toLocalTime();
    const bool thisYear = local.date().year() == QDate::currentDate().year();
    return QLocale().toString(local,
                              thisYear ? MyAdsWindow::tr("d MMM, h:mm AP")
                                       : MyAdsWindow::tr("d MMM yyyy, h:mm AP"));
}

} // namespace

MyAdsWindow::MyAdsWindow(Database &db, const Agent &owner, QWidget *parent)
    : WorkWindow(db,
                 {tr("My ads"),
                  tr("Follow the moderation of your ads, see who asked for your items, and "
                     "close each ad with what became of it."),
                  QStringLiteral("myAdsCount"),
                  owner.displayName,
                  tr("Read your ads again (a moderator may have decided)")},
                 parent)
    , m_owner(owner)
    , m_actor{owner.id, false, false}
{
    setObjectName(QStringLiteral("myAdsWindow"));
    setWindowTitle(tr("My ads — Collectiv'Récup"));
    m_countLabel = header()->countLabel();
    m_pageReads = new ReadChannel(db.reader(), this);
    m_detailReads = new ReadChannel(db.reader(), this);

    m_model = new MyAdsModel(this);
    connect(m_model, &MyAdsModel::moreRequested, this, &MyAdsWindow::fetchMore);
    createFilter();
    QWidget *content = centralWidget();

    m_view = new QTableView(content);
    m_view->setObjectName(QStringLiteral("myAdsView"));
    m_view->setAccessibleName(tr("Your ads"));
    m_view->setModel(m_model);
    configureView();

    m_emptyState = new QLabel(content);
    m_emptyState->setObjectName(QStringLiteral("emptyState"));
    m_emptyState->setText(tr("You have not posted any ad yet. To give away an item your service "
                             "no longer needs, use “Post an ad” at the top of the catalogue: "
                             "a moderator reads it, then every agent can see it."));
    m_emptyState->setWordWrap(true);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setMargin(32);
    m_emptyState->setFrameShape(QFrame::StyledPanel);
    m_emptyState->setAutoFillBackground(true);
    m_emptyState->setBackgroundRole(QPalette::Base);
    Look::makeSecondary(m_emptyState);

    m_listStack = new QStackedWidget(content);
    m_listStack->addWidget(m_view);
    m_listStack->addWidget(m_emptyState);

    auto *right = new QWidget(content);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(8);
    rightLayout->addWidget(createDetailPane(), 1);
    rightLayout->addWidget(createActionBar());

    m_splitter = new QSplitter(Qt::Horizontal, content);
    m_splitter->setObjectName(QStringLiteral("myAdsSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_listStack);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({760, 520});
    body()->addWidget(m_splitter, 1);

    createMenu();
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &MyAdsWindow::onCurrentRowChanged);
    // Service names ("given to Médiathèque") come from the session's reference cache.
    ReferenceCache &references = db.references();
    connect(&references, &ReferenceCache::changed, this, &MyAdsWindow::applyReferences);
    references.ensureLoaded();
    applyReferences();

    resize(1280, 780);
    clearDetails(tr("Reading your ads…"));
    updateActions();
    refresh();
}

MyAdsWindow::~MyAdsWindow() = default;

void MyAdsWindow::createFilter()
{
    auto *show = new QLabel(tr("&Show:"), header());
    m_filter = new QComboBox(header());
    m_filter->setObjectName(QStringLiteral("stateFilter"));
    m_filter->addItem(tr("All my ads"), int(MyAdsModel::Filter::All));
    m_filter->addItem(tr("In progress"), int(MyAdsModel::Filter::InProgress));
    m_filter->addItem(tr("Closed"), int(MyAdsModel::Filter::Closed));
    show->setBuddy(m_filter);
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        setFilter(MyAdsModel::Filter(m_filter->currentData().toInt()));
    });
    // After the titles and the count, before who is signed in.
    header()->row()->insertWidget(2, show, 0, Qt::AlignVCenter);
    header()->row()->insertWidget(3, m_filter, 0, Qt::AlignVCenter);
}

void MyAdsWindow::createMenu()
{
    QMenu *menu = addWindowMenu(tr("&My ads"), tr("&Refresh"), tr("&Close the window"));
    // « Exporter mes données… » (issue #14: one's own data, RGPD).
    auto *dataExport = new MyDataExport(database(), m_owner, messageBar(), this);
    menu->insertAction(menu->actions().value(0), dataExport->action());
    menu->insertSeparator(menu->actions().value(1));
}

QList<AdAction> MyAdsWindow::ownerActions(AdState state)
{
    QList<AdAction> actions = AdLifecycle::allowedActions(state, ActorKind::Owner);
    // The steps of a lot's parts act on a part, not on the ad: they are not the ad's buttons.
    actions.removeIf([](AdAction action) {
        return action == AdAction::ReservePart || action == AdAction::ReleasePart
               || action == AdAction::ExchangePart;
    });
    // A draft is edited in place: no transition, so the table does not list it.
    if (state == AdState::Draft && !actions.contains(AdAction::Edit))
        actions.prepend(AdAction::Edit);
    return actions;
}

namespace {
bool ownerMay(AdState state, AdAction action)
{
    return AdLifecycle::next(state, action, ActorKind::Owner).has_value();
}
} // namespace

QWidget *MyAdsWindow::createDetailPane()
{
    m_detailStack = new QStackedWidget(this);
    m_detailStack->setObjectName(QStringLiteral("myAdDetail"));
    m_detailStack->setMinimumWidth(380);

    m_placeholder = Look::emptyStateLabel(m_detailStack, "detailPlaceholder");
    QFont placeholderFont = m_placeholder->font();
    placeholderFont.setPointSizeF(11);
    m_placeholder->setFont(placeholderFont);
    Look::makeSecondary(m_placeholder);
    m_detailStack->addWidget(m_placeholder);

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("detailContent"));
    content->setBackgroundRole(QPalette::Base);
    content->setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(8);

    m_title = Look::valueLabel(content, "detailTitle");
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_state = Look::valueLabel(content, "detailState");
    m_state->setWordWrap(false); // a badge: one line, as wide as its words
    m_state->setStyleSheet(Look::badgeStyle(palette(), Look::Tone::Information, 4));
    layout->addWidget(m_state, 0, Qt::AlignLeft);

    m_rejection = Look::valueLabel(content, "detailRejection");
    m_rejection->setStyleSheet(Look::badgeStyle(palette(), Look::Tone::Danger, 4)
                               + QStringLiteral(" font-weight: normal; padding: 6px 8px;"));
    layout->addWidget(m_rejection);

    m_stateHint = Look::valueLabel(content, "detailStateHint");
    Look::makeSecondary(m_stateHint);
    layout->addWidget(m_stateHint);
    m_availability = Look::valueLabel(content, "detailAvailability");
    layout->addWidget(m_availability);

    auto *facts = new QFormLayout;
    m_facts = facts;
    facts->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    facts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_value = Look::valueLabel(content, "detailValue");
    m_value->setToolTip(tr("Only you and the moderators see the value."));
    m_quantity = Look::valueLabel(content, "detailQuantity");
    m_published = Look::valueLabel(content, "detailPublished");
    m_expiry = Look::valueLabel(content, "detailExpiry");
    m_outcome = Look::valueLabel(content, "detailOutcome");
    facts->addRow(tr("Estimated value"), m_value);
    facts->addRow(tr("Quantity"), m_quantity);
    facts->addRow(tr("Published"), m_published);
    facts->addRow(tr("Expires"), m_expiry);
    facts->addRow(tr("Outcome"), m_outcome);
    layout->addLayout(facts);

    m_requestsHeading = Look::valueLabel(content, "detailRequestsHeading");
    QFont headingFont = m_requestsHeading->font();
    headingFont.setBold(true);
    m_requestsHeading->setFont(headingFont);
    layout->addWidget(m_requestsHeading);

    m_requests = new QTreeWidget(content);
    m_requests->setObjectName(QStringLiteral("contactRequests"));
    m_requests->setRootIsDecorated(false);
    m_requests->setAlternatingRowColors(true);
    m_requests->setWordWrap(true);
    m_requests->setSelectionMode(QAbstractItemView::SingleSelection);
    m_requests->setHeaderLabels({tr("Who"), tr("Service"), tr("Date"), tr("Message")});
    m_requests->setMinimumHeight(140);
    m_requests->header()->setStretchLastSection(true);
    layout->addWidget(m_requests, 1);
    layout->addWidget(createPartsBox(content));

    // The ad's whole history, oldest step first: who did what, when and why.
    m_historyHeading = Look::valueLabel(content, "detailHistoryHeading");
    m_historyHeading->setFont(headingFont);
    m_historyHeading->setText(tr("&History"));
    layout->addWidget(m_historyHeading);
    // One line per step, « 3 déc. 14 h 12 — Marie Dupont a refusé… », wrapped to the pane.
    m_history = new QListWidget(content);
    m_history->setObjectName(QStringLiteral("adHistory"));
    m_history->setAlternatingRowColors(true);
    m_history->setWordWrap(true);
    m_history->setTextElideMode(Qt::ElideNone);
    m_history->setResizeMode(QListView::Adjust);
    m_history->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->setMinimumHeight(140);
    m_history->setAccessibleName(tr("History of the ad"));
    m_history->setAccessibleDescription(
            tr("Every step of the ad, oldest first: when, who, what and why"));
    m_historyHeading->setBuddy(m_history);
    layout->addWidget(m_history, 1);
    // Whatever is shown or hidden, the pane reads top to bottom: the room left goes below.
    layout->addStretch(0);

    auto *scroll = new QScrollArea(m_detailStack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::StyledPanel);
    scroll->setWidget(content);
    m_detailStack->addWidget(scroll);
    return m_detailStack;
}

QPushButton *MyAdsWindow::addActionButton(AdAction action,
                                          const QString &text,
                                          const QString &toolTip,
                                          const char *objectName)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(QString::fromLatin1(objectName));
    button->setToolTip(toolTip);
    button->hide();
    m_buttons.insert(action, button);
    return button;
}

QWidget *MyAdsWindow::createActionBar()
{
    auto *bar = new QFrame(this);
    bar->setObjectName(QStringLiteral("myAdsActions"));
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);

    QPushButton *edit = addActionButton(AdAction::Edit,
                                        tr("&Edit…"),
                                        tr("Change the ad (a published ad whose title, text, "
                                           "category or photos change goes back to moderation)"),
                                        "editButton");
    connect(edit, &QPushButton::clicked, this, &MyAdsWindow::editAd);
    const QString toModeration = tr("Sen&d to moderation");
    QPushButton *submit = addActionButton(AdAction::Submit,
                                          toModeration,
                                          tr("A moderator checks the ad, then it is published"),
                                          "submitButton");
    connect(submit, &QPushButton::clicked, this, [this] { act(AdAction::Submit); });
    QPushButton *resubmit = addActionButton(AdAction::Resubmit,
                                            toModeration,
                                            tr("Send the ad to moderation again as it is"),
                                            "resubmitButton");
    connect(resubmit, &QPushButton::clicked, this, [this] { act(AdAction::Resubmit); });
    // One « Réserver… » for the whole lot or a part of it, always for a named service: a part
    // of the lot (migration 020) whose service is known, given later with its share of € and
    // kg, while the catalogue shows a lot with nothing left as reserved. The whole-ad step
    // (state 'reserved') stays in the lifecycle for the ads already reserved: Release and
    // Close still act on them.
    QPushButton *reserve = addActionButton(AdAction::Reserve,
                                           tr("&Reserve…"),
                                           tr("Reserve the whole lot, or part of it, for a "
                                              "service (Alt+R)"),
                                           "reserveButton");
    reserve->setAccessibleName(tr("Reserve for a service"));
    connect(reserve, &QPushButton::clicked, this, &MyAdsWindow::reservePart);
    m_reservePartButton = reserve;
    QPushButton *release = addActionButton(AdAction::Release,
                                           tr("Re&lease"),
                                           tr("The reservation fell through: the item is "
                                              "available again"),
                                           "releaseButton");
    connect(release, &QPushButton::clicked, this, [this] { act(AdAction::Release); });
    QPushButton *renew = addActionButton(AdAction::Renew,
                                         tr("Re&new"),
                                         tr("Put the expired ad back in the catalogue, after a "
                                            "moderator's check"),
                                         "renewButton");
    connect(renew, &QPushButton::clicked, this, [this] { act(AdAction::Renew); });
    QPushButton *close = addActionButton(AdAction::Close,
                                         tr("&Close…"),
                                         tr("Say what became of the item: given to a service, "
                                            "thrown away or no longer available"),
                                         "closeButton");
    connect(close, &QPushButton::clicked, this, &MyAdsWindow::closeAd);
    QPushButton *store = addActionButton(AdAction::Store,
                                         tr("To the s&tore…"),
                                         tr("Rather than throwing it away: the logistics service "
                                            "takes the item to the general store, which keeps "
                                            "it in the catalogue"),
                                         "sendToStoreButton");
    connect(store, &QPushButton::clicked, this, &MyAdsWindow::sendToStore);

    row->addWidget(edit);
    row->addWidget(submit);
    row->addWidget(resubmit);
    row->addWidget(reserve);
    row->addWidget(release);
    row->addWidget(renew);
    row->addStretch();
    row->addWidget(store);
    row->addWidget(close);
    return bar;
}

void MyAdsWindow::configureView()
{
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setSortingEnabled(false); // the most recent change first
    m_view->verticalHeader()->hide();
    m_view->setIconSize(QSize(48, 48)); // the first photo beside the title
    m_view->verticalHeader()->setDefaultSectionSize(54);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(MyAdsModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(MyAdsModel::StateColumn, 200);
    header->resizeSection(MyAdsModel::DatesColumn, 210);
    header->resizeSection(MyAdsModel::RequestsColumn, 90);
    header->setMinimumSectionSize(60);
}

void MyAdsWindow::applyReferences()
{
    m_model->setServiceNames(database().references().serviceNames());
}

bool MyAdsWindow::selectAd(qint64 adId)
{
    const int row = m_model->rowOfAd(adId);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, MyAdsModel::TitleColumn));
    showSelected(false);
    return true;
}

void MyAdsWindow::refreshAndSelect(qint64 adId)
{
    m_selectAfterRefresh = adId;
    refresh();
}

bool MyAdsWindow::isLoadingDetail() const
{
    return m_detailReads->isLoading();
}

void MyAdsWindow::setFilter(MyAdsModel::Filter filter)
{
    const int index = m_filter->findData(int(filter));
    if (index >= 0 && index != m_filter->currentIndex()) {
        m_filter->setCurrentIndex(index); // comes back here through the signal
        return;
    }
    if (filter == m_model->filter())
        return;
    m_model->setFilter(filter);
    m_selectAfterRefresh = displayedAdId(); // kept when the new view shows it
    // Another filter is another list: read from its start.
    resetKeepingView(m_view, [this] { m_model->setEntries({}, false, {}); });
    refresh();
}

namespace {

struct ListRead
{
    QMap<AdState, int> counts;
    OwnedAdsPage page;
};

struct DetailRead
{
    Ad ad;
    QList<AdHistoryEntry> history;
    Result<QList<ContactRequest>> requests = QList<ContactRequest>();
    LotShares shares;
    QList<AdReservation> parts;
};

} // namespace

void MyAdsWindow::startRefresh()
{
    Database *db = &database();
    const qint64 owner = m_owner.id;
    const QList<AdState> states = MyAdsModel::states(m_model->filter());
    // As many rows as are loaded, so that the user stays where they scrolled to.
    const int limit = qMax(int(MyAdsModel::PageSize), m_model->rowCount());
    m_pageReads->cancel(); // a page read for the old list would not fit the new one
    m_model->stopFetching();
    listReads()->request<ListRead>(
            [db, owner, states, limit]() -> Result<ListRead> {
                const AdRepository ads(*db);
                auto counts = ads.ownedCounts(owner);
                if (!counts)
                    return counts.error();
                auto page = ads.ownedPage(owner, states, {}, limit);
                if (!page)
                    return page.error();
                return ListRead{std::move(counts).value(), std::move(page).value()};
            },
            [this](const Result<ListRead> &read) {
                if (!read) {
                    m_loadFailed = true;
                    messageBar()->showMessage(
                            MessageBar::Kind::Error,
                            tr("Your ads could not be read. %1").arg(read.error().message),
                            read.error().detail,
                            [this] { refresh(); });
                    updateEmptyState();
                    finishRefresh(false);
                    return;
                }
                m_loadFailed = false;
                m_model->setCounts(read->counts);
                resetKeepingView(m_view, [&] {
                    m_model->setEntries(read->page.ads, read->page.hasMore, read->page.next);
                });
                if (m_selectAfterRefresh > 0) {
                    const int row = m_model->rowOfAd(m_selectAfterRefresh);
                    if (row >= 0)
                        m_view->setCurrentIndex(m_model->index(row, MyAdsModel::TitleColumn));
                    m_selectAfterRefresh = 0;
                }
                if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
                    m_view->setCurrentIndex(m_model->index(0, MyAdsModel::TitleColumn));
                showSelected(false);
                updateEmptyState();
                finishRefresh(true);
            });
}

void MyAdsWindow::fetchMore()
{
    Database *db = &database();
    const qint64 owner = m_owner.id;
    const QList<AdState> states = MyAdsModel::states(m_model->filter());
    const OwnedAdsCursor after = m_model->nextCursor();
    const int epoch = m_model->listEpoch();
    m_pageReads->request<OwnedAdsPage>(
            [db, owner, states, after] {
                return AdRepository(*db).ownedPage(owner, states, after, MyAdsModel::PageSize);
            },
            [this, epoch](const Result<OwnedAdsPage> &page) {
                if (!page) {
                    // Not asked again by itself: Refresh (the bar's "Try again") reads anew.
                    messageBar()->showMessage(
                            MessageBar::Kind::Error,
                            tr("Your ads could not be read. %1").arg(page.error().message),
                            page.error().detail,
                            [this] { refresh(); });
                    return;
                }
                m_model->appendPage(*page, epoch);
            });
}

void MyAdsWindow::onCurrentRowChanged()
{
    if (!restoringView())
        showSelected(false);
}

void MyAdsWindow::showSelected(bool force)
{
    const MyAdsEntry *entry = m_model->entry(m_view->currentIndex().row());
    if (!entry) {
        m_detailReads->cancel();
        m_shown.reset();
        m_shownRequests.clear();
        m_shares = {};
        m_parts.clear();
        clearDetails(m_model->totalCount() > 0 && m_model->rowCount() == 0
                             ? tr("No ad in this view: choose “All my ads” to see the others.")
                             : tr("Select an ad to see it in detail."));
        updateActions();
        emit detailShown();
        return;
    }
    if (!force && m_shown && m_shown->id == entry->ad.id && m_shown->version == entry->ad.version)
        return; // already on screen, as it is in the database

    Database *db = &database();
    const qint64 adId = entry->ad.id;
    m_detailReads->request<DetailRead>(
            [db, adId]() -> Result<DetailRead> {
                const AdRepository ads(*db);
                Result<Ad> ad = ads.get(adId, false);
                if (!ad)
                    return ad.error();
                DetailRead read;
                read.ad = std::move(ad).value();
                if (auto history = ads.history(adId))
                    read.history = std::move(history).value();
                read.requests = ContactRequests(*db).forAd(adId);
                if (auto shares = ads.shares(adId))
                    read.shares = *shares;
                if (auto parts = ads.reservations(adId))
                    read.parts = std::move(parts).value();
                return read;
            },
            [this](const Result<DetailRead> &read) {
                if (!read) {
                    m_shown.reset();
                    m_shownRequests.clear();
                    clearDetails(tr("This ad could not be read. %1").arg(read.error().message));
                    updateActions();
                    emit detailShown();
                    return;
                }
                m_shown = read->ad;
                m_shownRequests = read->requests ? *read->requests : QList<ContactRequest>();
                m_shares = read->shares;
                m_parts = read->parts;
                showDetails(read->ad, read->history, m_shownRequests);
                showParts();
                if (!read->requests) {
                    m_requestsHeading->setText(tr("The contact requests could not be read. %1")
                                                       .arg(read->requests.error().message));
                }
                updateActions();
                emit detailShown();
            });
}

void MyAdsWindow::clearDetails(const QString &text)
{
    m_placeholder->setText(text);
    m_detailStack->setCurrentWidget(m_placeholder);
}

void MyAdsWindow::showDetails(const Ad &ad,
                              const QList<AdHistoryEntry> &history,
                              const QList<ContactRequest> &requests)
{
    m_title->setText(ad.title);
    // A lot whose every unit is promised reads as reserved (the core's shownState()).
    const AdState shown = shownState(ad.state, m_shares.quantity > 0 ? m_shares.left() : -1);
    m_state->setText(shown != ad.state ? displayName(shown) : m_model->stateTextOf(ad));

    QString rejection;
    for (const AdHistoryEntry &step : history) {
        if (step.action == AdAction::Reject)
            rejection = step.reason;
    }
    m_rejection->setVisible(ad.state == AdState::Rejected);
    if (ad.state == AdState::Rejected) {
        m_rejection->setText(
                rejection.isEmpty()
                        ? tr("A moderator rejected this ad.")
                        : tr("The moderator's reason: %1").arg(Look::quoted(rejection)));
    }

    QString hint;
    switch (ad.state) {
    case AdState::Draft:
        hint = tr("Only you can see this draft. Send it to moderation when it is ready.");
        break;
    case AdState::Pending:
        hint = tr("A moderator checks the ad before it is published; you will get a mail.");
        break;
    case AdState::Published:
        hint = shown == AdState::Reserved
                       ? tr("Every unit of the lot is reserved for a service: the catalogue "
                            "shows it as reserved. Give each part once it is taken, or release "
                            "it if the service no longer wants it.")
                       : tr("Every agent can see the ad. Once the item has found a taker, close "
                            "the ad with what became of it.");
        break;
    case AdState::Reserved:
        hint = tr("The ad shows the item as reserved. Release it if the exchange falls "
                  "through, close it once the item is gone.");
        break;
    case AdState::Rejected:
        hint = tr("Correct the ad with “Edit”, or send it to moderation again as it is.");
        break;
    case AdState::Expired:
        hint = tr("The ad is no longer in the catalogue. Renew it to publish it again after a "
                  "moderator's check, or close it.");
        break;
    case AdState::Closed:
        hint = tr("This ad is closed; it stays here for your records.");
        break;
    }
    // An ad handed over by a moderator (a colleague left) says whose it was.
    const AdHistoryEntry *lastOwnerChange = nullptr;
    for (const AdHistoryEntry &step : history) {
        if (step.action == AdAction::HandOver || step.action == AdAction::Store)
            lastOwnerChange = &step;
    }
    if (lastOwnerChange && historyStepSaysReason(*lastOwnerChange))
        hint += u'\n'
                + tr("A moderator handed this ad over to you on %1: it was %2's.")
                          .arg(dateText(lastOwnerChange->at), lastOwnerChange->reason);
    m_stateHint->setText(hint);

    m_availability->setText(availabilityText(ad.availableFrom, platformToday()));
    m_availability->setVisible(!m_availability->text().isEmpty() && ad.state != AdState::Closed);
    m_value->setText(ad.valueCents > 0 ? Amounts::euroText(ad.valueCents) : tr("No value"));
    m_quantity->setText(QLocale().toString(ad.quantity));
    m_published->setText(ad.publishedAt.isValid() ? dateText(ad.publishedAt)
                                                  : tr("Not yet published"));
    if (!ad.expiresAt.isValid()) {
        m_expiry->setText(tr("Set when the ad is published"));
    } else if (ad.state == AdState::Expired) {
        m_expiry->setText(tr("Expired (was due on %1)").arg(dateText(ad.expiresAt)));
    } else if (ad.state == AdState::Closed) {
        m_expiry->clear(); // the row is hidden
    } else {
        m_expiry->setText(dateText(ad.expiresAt));
    }

    const bool closed = ad.state == AdState::Closed;
    m_facts->setRowVisible(m_outcome, closed);
    m_facts->setRowVisible(m_expiry, !closed);
    if (closed) {
        QString outcome = m_model->stateTextOf(ad);
        if (ad.closedAt.isValid())
            outcome = tr("%1, on %2").arg(outcome, dateText(ad.closedAt));
        if (!ad.closeNote.isEmpty())
            outcome += u'\n' + tr("Note: %1").arg(Look::quoted(ad.closeNote));
        m_outcome->setText(outcome);
    } else {
        m_outcome->clear();
    }

    m_requests->clear();
    if (requests.isEmpty()) {
        m_requestsHeading->setText(ad.state == AdState::Draft || ad.state == AdState::Pending
                                                   || ad.state == AdState::Rejected
                                           ? tr("Agents can ask for the item once the ad is "
                                                "published.")
                                           : tr("Nobody has asked for this item yet."));
    } else {
        m_requestsHeading->setText(
                tr("%n agent(s) asked for this item", nullptr, int(requests.size())));
    }
    m_requests->setVisible(!requests.isEmpty());
    for (const ContactRequest &request : requests) {
        auto *item = new QTreeWidgetItem(m_requests);
        item->setText(0, request.requesterName);
        item->setText(1, request.requestingServiceName);
        item->setText(2, dateTimeText(request.createdAt));
        item->setText(3, request.message.simplified());
        item->setToolTip(3, request.message);
    }
    m_requests->resizeColumnToContents(0);
    m_requests->resizeColumnToContents(1);
    m_requests->resizeColumnToContents(2);

    m_history->clear();
    const ReferenceCache &references = database().references();
    for (const AdHistoryEntry &step : history) {
        const QString line = tr("%1 — %2").arg(
                timelineWhen(step.at),
                historyTimelineText(step, ad.ownerId, references.serviceName(step.serviceId)));
        auto *item = new QListWidgetItem(line, m_history);
        item->setToolTip(dateTimeText(step.at));
    }
    m_detailStack->setCurrentIndex(1);
}

void MyAdsWindow::updateActions()
{
    QList<AdAction> allowed = m_shown ? ownerActions(m_shown->state) : QList<AdAction>();
    if (m_shown && (m_shown->state == AdState::Published || m_shown->state == AdState::Expired)) {
        // Once a store exists, elsewhere than where the item already is.
        const QList<Site> sites = database().references().sites();
        if (std::any_of(sites.cbegin(), sites.cend(), [&](const Site &site) {
                return site.isStore() && site.active && site.id != m_shown->storeSiteId;
            }))
            allowed.append(AdAction::Store);
    }
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it)
        it.value()->setVisible(allowed.contains(it.key()));
    updatePartActions();
}

QList<AdAction> MyAdsWindow::offeredActions() const
{
    QList<AdAction> actions;
    for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
        if (!it.value()->isHidden() && it.value()->isEnabled())
            actions.append(it.key());
    }
    return actions;
}

void MyAdsWindow::updateEmptyState()
{
    const bool empty = !m_loadFailed && m_model->totalCount() == 0;
    m_listStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyState) : m_view);
    if (empty)
        clearDetails(tr("Your ads will appear here, with who asked for each item."));
    m_countLabel->setText(tr("%n ad(s)", nullptr, m_model->totalCount()));
    // The list itself says how many the view holds, loaded or still to come.
    m_view->setAccessibleDescription(
            tr("%n ad(s) in this view", nullptr, m_model->filteredCount()));
}

Result<Ad> MyAdsWindow::transition(const Ad &shown,
                                   TransitionRequest request,
                                   const std::optional<PickupRequest> &transport)
{
    request.expectedVersion = shown.version; // what the owner has on screen
    // The change and the notice to the moderators are saved together, or not at all; so are
    // a closing and the transport asked with it.
    AdWorkflow workflow(database(), m_mail ? m_mail->settings() : MailSettings{});
    Result<Ad> result
            = transport ? workflow.closeWithTransport(shown.id, request, *transport, m_actor)
                        : workflow.transition(shown.id, request, m_actor);
    if (result && workflow.mailsWritten() > 0 && m_mail)
        m_mail->sendNow();
    return result;
}

void MyAdsWindow::act(AdAction action)
{
    if (!m_shown || action == AdAction::Close || action == AdAction::Edit
        || !ownerActions(m_shown->state).contains(action))
        return;
    const Ad shown = *m_shown;
    TransitionRequest request;
    request.action = action;
    const Result<Ad> result = transition(shown, request);
    if (!result) {
        reportFailure(shown, result.error());
        return;
    }
    QString text;
    switch (action) {
    case AdAction::Submit:
    case AdAction::Resubmit:
        text = tr("%1 is sent to moderation: a moderator checks it before it is published.")
                       .arg(Look::quoted(shown.title));
        break;
    case AdAction::Renew:
        text = tr("%1 is sent back to moderation: once approved, it is in the catalogue again.")
                       .arg(Look::quoted(shown.title));
        break;
    case AdAction::Reserve:
        text = tr("%1 is reserved: the catalogue shows it as such.").arg(Look::quoted(shown.title));
        break;
    case AdAction::Release:
        text = tr("%1 is available again.").arg(Look::quoted(shown.title));
        break;
    default:
        text = tr("%1 is saved.").arg(Look::quoted(shown.title));
        break;
    }
    messageBar()->showMessage(MessageBar::Kind::Information, text);
    m_shown.reset();
    refreshAndSelect(shown.id);
}

void MyAdsWindow::reportFailure(const Ad &shown, const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Conflict:
    case Error::Kind::NotFound:
    case Error::Kind::Forbidden:
        // The ad moved on without us: say what happened, then show it as it is now.
        messageBar()->showMessage(MessageBar::Kind::Warning,
                                  tr("%1: %2", "an ad's title, then what became of it")
                                          .arg(Look::quoted(shown.title), error.message),
                                  error.detail);
        m_shown.reset();
        refresh();
        return;
    case Error::Kind::Invalid: {
        QStringList messages;
        for (const auto &[field, message] : error.fields)
            messages.append(message);
        messageBar()->showMessage(MessageBar::Kind::Error,
                                  messages.isEmpty() ? error.message : messages.join(u' '),
                                  error.detail);
        return;
    }
    default:
        messageBar()->showMessage(
                MessageBar::Kind::Error,
                tr("Nothing was changed on %1. %2").arg(Look::quoted(shown.title), error.message),
                error.detail,
                [this] { refresh(); });
        return;
    }
}

void MyAdsWindow::editAd()
{
    if (!m_shown || !ownerActions(m_shown->state).contains(AdAction::Edit))
        return;
    const Ad shown = *m_shown;
    Database *db = &database();
    const qint64 adId = shown.id;
    // The ad and its photos are read on the reading thread; the editor opens with them.
    m_detailReads->request<AdEditorDialog::EditedAd>(
            [db, adId] { return AdEditorDialog::readAd(*db, adId); },
            [this, shown](const Result<AdEditorDialog::EditedAd> &edited) {
                if (!edited) {
                    messageBar()->showMessage(MessageBar::Kind::Warning,
                                              edited.error().message,
                                              edited.error().detail);
                    m_shown.reset();
                    refresh();
                    return;
                }
                runEditor(shown, *edited);
            });
}

void MyAdsWindow::runEditor(const Ad &shown, const AdEditorDialog::EditedAd &edited)
{
    AdEditorDialog editor(database(), m_actor, this);
    editor.setMailCenter(m_mail);
    editor.showAd(edited);
    const int result = m_editorRunner ? m_editorRunner(editor) : editor.exec();
    if (result != QDialog::Accepted)
        return;
    const Ad &saved = editor.ad();
    if (saved.state == AdState::Pending && shown.state != AdState::Pending) {
        messageBar()->showMessage(MessageBar::Kind::Information,
                                  tr("%1 is saved and sent to moderation: a moderator checks "
                                     "it before it is published.")
                                          .arg(Look::quoted(saved.title)));
    } else {
        messageBar()->showMessage(
                MessageBar::Kind::Information,
                tr("Your changes to %1 are saved.").arg(Look::quoted(saved.title)));
    }
    m_shown.reset();
    refreshAndSelect(saved.id);
}

Result<Ad> MyAdsWindow::rereadAd(qint64 adId)
{
    std::optional<Result<Ad>> answer;
    QEventLoop loop;
    ReadChannel reads(database().reader()); // its own: nothing supersedes this answer
    Database *db = &database();
    reads.request<Ad>([db, adId] { return AdRepository(*db).get(adId, false); },
                      [&](const Result<Ad> &ad) {
                          answer = ad;
                          loop.quit();
                      });
    // The dialog stays painted and the timers keep ticking while the server answers.
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!answer) // the application is quitting: every event loop was told to end
        return Error{Error::Kind::Connection, tr("This ad could not be read again."), {}, {}};
    return *answer;
}

void MyAdsWindow::closeAd()
{
    if (!m_shown || !ownerActions(m_shown->state).contains(AdAction::Close))
        return;
    const Ad shown = *m_shown;
    CloseAdDialog dialog(shown, m_shownRequests, database().references().services(), this);
    PickupEnd from;
    from.siteId = shown.siteId;
    from.room = shown.room;
    from.contact = m_owner.displayName;
    from.phone = m_owner.phone;
    dialog.offerTransport(database().references().sites(), from, platformToday());
    dialog.setSubmitter([this, &dialog, shown](const CloseChoice &choice) -> Status {
        // The list may have moved on while the dialog was open: close the ad as it is now.
        const Result<Ad> latest
                = (m_shown && m_shown->id == shown.id) ? Result<Ad>(*m_shown) : rereadAd(shown.id);
        if (!latest) {
            const Error gone{
                    Error::Kind::NotFound, tr("This ad is no longer in your list."), {}, {}};
            dialog.showFailure(gone.message, false);
            return gone;
        }
        const Ad current = *latest;
        TransitionRequest request;
        request.action = AdAction::Close;
        request.closeReason = choice.reason;
        request.receivingServiceId = choice.receivingServiceId;
        request.reason = choice.note;
        const Result<Ad> closed = transition(current, request, choice.transport);
        if (closed)
            return {};
        Error error = closed.error();
        if (error.kind == Error::Kind::Conflict || error.kind == Error::Kind::NotFound
            || error.kind == Error::Kind::Forbidden) {
            // The window shows the ad as it is now; the dialog keeps what was typed.
            reportFailure(current, error);
            const Result<Ad> now = rereadAd(shown.id);
            if (now)
                m_shown = *now;
            const bool canRetry = now && ownerActions(now->state).contains(AdAction::Close);
            error.message = canRetry ? tr("%1 What you typed is kept: check the ad, then close it "
                                          "again.")
                                               .arg(error.message)
                                     : tr("%1 The ad can no longer be closed; what you typed is "
                                          "still here to copy.")
                                               .arg(error.message);
            dialog.showFailure(error.message, canRetry);
        }
        return error;
    });
    const int result = m_closeRunner ? m_closeRunner(dialog) : dialog.exec();
    if (result != QDialog::Accepted)
        return;
    m_shown.reset();
    refreshAndSelect(shown.id);
    messageBar()->showMessage(
            MessageBar::Kind::Information,
            dialog.choice().transport
                    ? tr("%1 is closed and its transport is asked: the logistics service will "
                         "plan it and tell both services by mail.")
                              .arg(Look::quoted(shown.title))
                    : tr("%1 is closed. Thank you for giving it a second life.")
                              .arg(Look::quoted(shown.title)));
}

QWidget *MyAdsWindow::createPartsBox(QWidget *parent)
{
    auto *box = new QWidget(parent);
    box->setObjectName(QStringLiteral("lotParts"));
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 8, 0, 0);
    m_partsHeading = Look::valueLabel(box, "lotPartsHeading");
    QFont headingFont = m_partsHeading->font();
    headingFont.setBold(true);
    m_partsHeading->setFont(headingFont);
    layout->addWidget(m_partsHeading);

    m_partsView = new QTreeWidget(box);
    m_partsView->setObjectName(QStringLiteral("lotPartsView"));
    m_partsView->setAccessibleName(tr("Parts of the lot reserved for services"));
    m_partsView->setRootIsDecorated(false);
    m_partsView->setAlternatingRowColors(true);
    m_partsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_partsView->setHeaderLabels({tr("Service"), tr("Quantity"), tr("State"), tr("Since")});
    m_partsView->setMinimumHeight(100);
    m_partsView->setMaximumHeight(150); // a few parts; the history below gets the room
    m_partsView->header()->setStretchLastSection(true);
    connect(m_partsView, &QTreeWidget::currentItemChanged, this, &MyAdsWindow::updatePartActions);
    layout->addWidget(m_partsView);

    auto *row = new QHBoxLayout;
    m_releasePartButton = new QPushButton(tr("Release the &part"), box);
    m_releasePartButton->setObjectName(QStringLiteral("releasePartButton"));
    m_releasePartButton->setToolTip(tr("The service no longer takes it: back to the catalogue"));
    connect(m_releasePartButton, &QPushButton::clicked, this, &MyAdsWindow::releasePart);
    m_exchangePartButton = new QPushButton(tr("&Give the part…"), box);
    m_exchangePartButton->setObjectName(QStringLiteral("exchangePartButton"));
    m_exchangePartButton->setToolTip(tr("The service takes its part, carried by the logistics "
                                        "service if you ask: counted as exchanged; the ad closes "
                                        "once the whole lot is given (Alt+G)"));
    connect(m_exchangePartButton, &QPushButton::clicked, this, &MyAdsWindow::exchangePart);
    row->addWidget(m_releasePartButton);
    row->addWidget(m_exchangePartButton);
    row->addStretch();
    layout->addLayout(row);
    return box;
}

void MyAdsWindow::showParts()
{
    if (!m_shown)
        return;
    if (m_shares.isSplit())
        m_quantity->setText(lotQuantityText(m_shares));
    const QHash<qint64, QString> names = database().references().serviceNames();
    m_partsView->clear();
    for (const AdReservation &part : std::as_const(m_parts)) {
        auto *item = new QTreeWidgetItem(m_partsView);
        item->setText(0, names.value(part.serviceId));
        item->setText(1, QLocale().toString(part.quantity));
        switch (part.state) {
        case ReservationState::Held:
            item->setText(2, tr("Reserved"));
            break;
        case ReservationState::Released:
            item->setText(2, tr("Released"));
            break;
        case ReservationState::Exchanged:
            item->setText(2, tr("Given"));
            break;
        }
        item->setText(
                3,
                QLocale().toString((part.settledAt.isValid() ? part.settledAt : part.reservedAt)
                                           .toLocalTime()
                                           .date(),
                                   QLocale::ShortFormat));
        item->setData(0, Qt::UserRole, part.id);
    }
    m_partsView->resizeColumnToContents(0);
    const bool splittable = ownerMay(m_shown->state, AdAction::ReservePart) || !m_parts.isEmpty();
    m_partsHeading->setText(m_parts.isEmpty() ? tr("No part of this lot is reserved.")
                                              : tr("Parts of the lot"));
    m_partsHeading->parentWidget()->setVisible(splittable);
    m_partsView->setVisible(!m_parts.isEmpty());
    updatePartActions();
}

const AdReservation *MyAdsWindow::selectedPart() const
{
    const QTreeWidgetItem *item = m_partsView->currentItem();
    if (!item)
        return nullptr;
    const qint64 id = item->data(0, Qt::UserRole).toLongLong();
    for (const AdReservation &part : m_parts) {
        if (part.id == id)
            return &part;
    }
    return nullptr;
}

void MyAdsWindow::updatePartActions()
{
    if (!m_reservePartButton)
        return;
    const bool shown = m_shown.has_value();
    const AdReservation *part = selectedPart();
    const bool held = part && part->state == ReservationState::Held;
    // Shown by updateActions() (the lifecycle's Reserve on a published ad); enabled while
    // something is left to reserve.
    m_reservePartButton->setEnabled(!shown || m_shares.left() > 0);
    m_releasePartButton->setVisible(shown && ownerMay(m_shown->state, AdAction::ReleasePart));
    m_releasePartButton->setEnabled(held);
    m_exchangePartButton->setVisible(shown && ownerMay(m_shown->state, AdAction::ExchangePart));
    m_exchangePartButton->setEnabled(held);
}

void MyAdsWindow::reservePart()
{
    if (!m_shown || !ownerMay(m_shown->state, AdAction::ReservePart))
        return;
    const Ad shown = *m_shown;
    QList<qint64> askedBy;
    for (const ContactRequest &request : std::as_const(m_shownRequests))
        askedBy.append(request.requestingServiceId);
    const LotShares before = m_shares;
    ReservePartDialog dialog(shown, before, askedBy, database().references().services(), this);
    AdReservation reserved;
    dialog.setSubmitter([this, shown, &reserved](qint64 serviceId, int quantity) -> Status {
        AdWorkflow workflow(database(), m_mail ? m_mail->settings() : MailSettings{});
        const Result<AdReservation> part
                = workflow.reservePart(shown.id, serviceId, quantity, m_actor);
        if (!part)
            return part.error();
        reserved = *part;
        return {};
    });
    const int result = m_reserveRunner ? m_reserveRunner(dialog) : dialog.exec();
    if (result != QDialog::Accepted)
        return;
    m_shown.reset();
    refreshAndSelect(shown.id);
    messageBar()->showMessage(MessageBar::Kind::Information, reservedText(shown, before, reserved));
}

QString MyAdsWindow::reservedText(const Ad &ad, const LotShares &before, const AdReservation &part)
{
    // The shares as the window read them before the dialog (the whole ad if they were not read).
    const LotShares lot = before.quantity > 0 ? before : LotShares{ad.quantity, 0, 0};
    const QString title = Look::quoted(ad.title);
    const QString service = database().references().serviceNames().value(part.serviceId);
    const int stays = lot.left() - part.quantity;
    if (stays > 0)
        return tr("%1 partly reserved: %2 for %3; %n stay(s) in the catalogue.", "", stays)
                .arg(title, QLocale().toString(part.quantity), service);
    if (!lot.isSplit())
        return tr("The ad %1 is reserved in full for %2: it leaves the catalogue until you give "
                  "or release the reservation.")
                .arg(title, service);
    return tr("The rest of %1 (%n) is reserved for %2: nothing of the lot is left in the "
              "catalogue.",
              "",
              part.quantity)
            .arg(title, service);
}

void MyAdsWindow::releasePart()
{
    settlePart(ReservationState::Released);
}

void MyAdsWindow::exchangePart()
{
    settlePart(ReservationState::Exchanged);
}

void MyAdsWindow::settlePart(ReservationState to)
{
    const AdReservation *selected = selectedPart();
    if (!m_shown || !selected || selected->state != ReservationState::Held)
        return;
    const Ad shown = *m_shown;
    const AdReservation part = *selected;
    bool transportAsked = false;
    if (to == ReservationState::Released) {
        AdWorkflow workflow(database(), m_mail ? m_mail->settings() : MailSettings{});
        const Result<AdReservation> done = workflow.releasePart(part, m_actor);
        if (!done) {
            reportFailure(shown, done.error());
            return;
        }
    } else {
        // Given with or without its transport, as closing an ad as exchanged (issue #13).
        const ReferenceCache &references = database().references();
        const Service *service = references.service(part.serviceId);
        PickupEnd from;
        from.siteId = shown.siteId;
        from.room = shown.room;
        from.contact = m_owner.displayName;
        from.phone = m_owner.phone;
        GivePartDialog dialog(shown,
                              part,
                              references.serviceName(part.serviceId),
                              service ? service->organisationId : 0,
                              references.sites(),
                              from,
                              platformToday(),
                              this);
        dialog.setSubmitter([this, part, &transportAsked](
                                    const std::optional<PickupRequest> &transport) {
            AdWorkflow workflow(database(), m_mail ? m_mail->settings() : MailSettings{});
            const Result<AdReservation> done
                    = transport ? workflow.exchangePartWithTransport(part, *transport, m_actor)
                                : workflow.exchangePart(part, m_actor);
            if (!done)
                return Status(done.error());
            transportAsked = transport.has_value();
            return Status();
        });
        const int result = m_giveRunner ? m_giveRunner(dialog) : dialog.exec();
        if (result != QDialog::Accepted)
            return;
    }
    m_shown.reset();
    refreshAndSelect(shown.id);
    messageBar()->showMessage(
            MessageBar::Kind::Information,
            to == ReservationState::Released
                    ? tr("The part is released: it is back in the catalogue.")
            : transportAsked ? tr("The part is given: it counts as exchanged with its service. "
                                  "The logistics service plans its transport.")
                             : tr("The part is given: it counts as exchanged with its service."));
}

void MyAdsWindow::sendToStore()
{
    if (!m_shown || (m_shown->state != AdState::Published && m_shown->state != AdState::Expired))
        return;
    const Ad shown = *m_shown;
    PickupEnd from;
    from.siteId = shown.siteId;
    from.room = shown.room;
    from.contact = m_owner.displayName;
    from.phone = m_owner.phone;
    SendToStoreDialog dialog(shown, database().references().sites(), from, platformToday(), this);
    dialog.setSubmitter([this, shown](const PickupRequest &request) -> Status {
        const Result<Pickup> asked
                = PickupRepository(database()).sendToStore(shown.id, request, m_actor);
        if (asked)
            return {};
        return asked.error();
    });
    const int result = m_storeRunner ? m_storeRunner(dialog) : dialog.exec();
    if (result != QDialog::Accepted)
        return;
    m_shown.reset();
    refreshAndSelect(shown.id);
    messageBar()->showMessage(MessageBar::Kind::Information,
                              tr("%1 will go to the general store: the logistics service plans "
                                 "the transport. Until it is delivered, the ad waits as it is.")
                                      .arg(Look::quoted(shown.title)));
}

} // namespace Recup
