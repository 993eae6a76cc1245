// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/CatalogueWindow.h"
#include "common/Look.h"

#include "agent/AdDetailPane.h"
#include "agent/CatalogueModel.h"
#include "agent/CatalogueTileDelegate.h"
#include "common/MessageBar.h"
#include "common/PhotoViewerDialog.h"
#include "settings/AppSettings.h"
#include "storage/Database.h"
#include "storage/ReferenceCache.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCollator>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Recup {

namespace {

constexpr int SearchDebounceMs = 300;

QComboBox *filterCombo(QWidget *parent, const char *objectName, const QString &accessibleName)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QString::fromLatin1(objectName));
    combo->setAccessibleName(accessibleName);
    combo->setToolTip(accessibleName);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(9);
    combo->setMaxVisibleItems(20);
    return combo;
}

// Sorted the way a French reader expects: accents and case do not decide the order.
template<typename T>
QList<T> sortedByName(QList<T> items)
{
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(items.begin(), items.end(), [&](const T &a, const T &b) {
        return collator.compare(a.name, b.name) < 0;
    });
    return items;
}

qint64 selectedId(const QComboBox *combo)
{
    return combo->currentData().toLongLong();
}

// Refills a combo, keeping the current choice when it is still offered.
template<typename T>
void refill(QComboBox *combo, const QString &allText, const QList<T> &items)
{
    const qint64 previous = selectedId(combo);
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(allText, qint64(0));
    for (const T &item : items)
        combo->addItem(item.name, item.id);
    const int index = combo->findData(previous);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

} // namespace

CatalogueWindow::CatalogueWindow(Database &db,
                                 AppSettings &settings,
                                 bool demoMode,
                                 QWidget *parent)
    : QMainWindow(parent)
    , m_db(db)
    , m_settings(settings)
    , m_demoMode(demoMode)
{
    setObjectName(QStringLiteral("catalogueWindow"));
    setWindowTitle(tr("Collectiv'Récup"));

    m_feed = new CatalogueFeed(m_db, this);
    m_model = new CatalogueModel(m_feed, this);
    const qreal ratio = devicePixelRatioF();
    m_feed->setPhotoSize(QSize(440, 330), ratio);

    addToolBar(Qt::TopToolBarArea, createHeader());
    createMenus();

    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    m_outer = outer;
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    if (m_demoMode)
        outer->addWidget(createDemoBanner());

    auto *body = new QWidget(central);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->setSpacing(8);
    layout->addWidget(createFilterBar());

    m_messageBar = new MessageBar(body);
    layout->addWidget(m_messageBar);

    m_view = new QTableView(body);
    m_view->setObjectName(QStringLiteral("catalogueView"));
    m_view->setAccessibleName(tr("Published ads"));
    m_view->setModel(m_model);
    configureView();
    m_grid = createGrid(body);
    m_views = new QStackedWidget(body);
    m_views->setObjectName(QStringLiteral("catalogueViews"));
    m_views->addWidget(m_view);
    m_views->addWidget(m_grid);

    m_detail = new AdDetailPane(body);
    m_detail->setMinimumWidth(340);
    connect(m_detail, &AdDetailPane::contactRequested, this, &CatalogueWindow::contactRequested);
    connect(m_detail, &AdDetailPane::fullSizeRequested, this, &CatalogueWindow::openPhotoViewer);
    // Enter (or a double click) on an ad of the list or the grid: its photos at full size.
    for (QAbstractItemView *view :
         {static_cast<QAbstractItemView *>(m_view), static_cast<QAbstractItemView *>(m_grid)}) {
        connect(view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
            if (const CatalogueEntry *entry = m_model->entry(index.row()); entry && entry->photoId)
                openPhotoViewer(entry->id, 0, entry->title);
        });
    }

    m_splitter = new QSplitter(Qt::Horizontal, body);
    m_splitter->setObjectName(QStringLiteral("catalogueSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_views);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({900, 380});
    layout->addWidget(m_splitter, 1);

    m_status = new QLabel(body);
    m_status->setObjectName(QStringLiteral("catalogueStatus"));
    m_status->setTextFormat(Qt::PlainText);
    Look::makeSecondary(m_status);
    // Under the list, beside the count: the way to the grid of thumbnails and back.
    auto *grid = new QToolButton(body);
    grid->setObjectName(QStringLiteral("gridViewButton"));
    grid->setDefaultAction(m_gridAction);
    grid->setToolButtonStyle(Qt::ToolButtonTextOnly);
    grid->setAccessibleName(tr("Thumbnails"));
    grid->setAccessibleDescription(m_gridAction->toolTip());
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(grid);
    layout->addLayout(statusRow);

    outer->addWidget(body, 1);
    setCentralWidget(central);

    connect(m_model, &CatalogueModel::loadingChanged, this, &CatalogueWindow::updateStatus);
    connect(m_model, &CatalogueModel::pageLoaded, this, [this] {
        updateStatus();
        // Something useful on the right from the start: the newest ad.
        if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, CatalogueModel::TitleColumn));
    });
    connect(m_model, &CatalogueModel::modelReset, this, [this] {
        m_detail->clear();
        updateStatus();
    });
    connect(m_model, &CatalogueModel::loadFailed, this, &CatalogueWindow::showCatalogueError);
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &CatalogueWindow::onCurrentRowChanged);

    // Categories, organisations, services and sites: the session's reference cache; the
    // agents (the demo's identity picker): the feed.
    auto referencesFailed = [this](const Error &error) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("The lists of categories, services and sites could not be "
                                     "loaded. %1")
                                          .arg(error.message),
                                  error.detail,
                                  [this] { retryFailedReads(); });
    };
    ReferenceCache &references = db.references();
    connect(&references, &ReferenceCache::changed, this, [this] { applyReferences(false); });
    connect(&references, &ReferenceCache::failed, this, referencesFailed);
    connect(m_feed, &CatalogueFeed::agentsReady, this, [this](const QList<Agent> &agents) {
        m_agents = agents;
        m_agentsLoaded = true;
        applyReferences(true);
    });
    connect(m_feed, &CatalogueFeed::agentsFailed, this, referencesFailed);
    connect(m_feed,
            &CatalogueFeed::adReady,
            this,
            [this](quint64 ticket, const Ad &ad, const QList<QImage> &photos) {
                if (ticket == m_adTicket)
                    m_detail->showAd(ad, photos);
            });
    connect(m_feed,
            &CatalogueFeed::askedReady,
            this,
            [this](quint64 ticket, qint64 adId, const QDateTime &askedAt) {
                if (ticket == m_adTicket)
                    m_detail->setAskedAt(adId, askedAt);
            });
    connect(m_feed,
            &CatalogueFeed::photosReady,
            this,
            [this](quint64 ticket, const QList<QImage> &photos) {
                if (ticket == m_photoTicket && m_photoViewer)
                    m_photoViewer->setPhotos(photos);
            });
    connect(m_feed, &CatalogueFeed::photosFailed, this, [this](quint64 ticket, const Error &error) {
        if (ticket == m_photoTicket && m_photoViewer)
            m_photoViewer->showLoadError(error.message);
    });
    connect(m_feed, &CatalogueFeed::adFailed, this, [this](quint64 ticket, const Error &error) {
        if (ticket == m_adTicket)
            m_detail->showLoadError(error);
    });

    restoreLayout();
    setShowsGrid(m_settings.catalogueAsGrid());
    // The order remembered; the home site follows once the sites are read. The first page is
    // asked first: the reading thread answers in order, and rows are what a person waits for.
    CatalogueFilter initial;
    initial.sort = catalogueSortFromKey(m_sortChoice->currentData().toString());
    m_model->setFilter(initial);
    references.ensureLoaded();
    m_feed->requestAgents();
    updateStatus();
}

CatalogueWindow::~CatalogueWindow()
{
    // The feed first: its thread must stop before the model and the view go.
    delete m_feed;
    m_feed = nullptr;
}

void CatalogueWindow::setViewerId(qint64 agentId)
{
    m_detail->setViewerId(agentId);
    if (m_viewerId == agentId)
        return;
    m_viewerId = agentId;
    if (m_detail->adId() != 0) // whether this person asked about the ad shown
        m_feed->requestAd(++m_adTicket, m_detail->adId(), m_viewerId);
    // Another person (the demo's picker): their own site, unless one was chosen.
    fillHomeSites();
    applyFilter();
}

qint64 CatalogueWindow::currentAgentId() const
{
    return m_identityPicker ? m_identityPicker->currentData().toLongLong() : 0;
}

QToolBar *CatalogueWindow::createHeader()
{
    auto *bar = new QToolBar(tr("Header"), this);
    bar->setObjectName(QStringLiteral("headerBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->toggleViewAction()->setVisible(false);
    bar->setContextMenuPolicy(Qt::PreventContextMenu);
    bar->setStyleSheet(Look::headerBandStyle(QApplication::palette(bar),
                                             QStringLiteral("QToolBar#headerBar"),
                                             QStringLiteral("padding: 6px 12px;")));

    auto *header = new QWidget(bar);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(4, 2, 4, 2);
    row->setSpacing(12);

    auto *name = new QLabel(tr("Collectiv'Récup"), header);
    name->setObjectName(QStringLiteral("appName"));
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    nameFont.setBold(true);
    name->setFont(nameFont);
    name->setStyleSheet(
            QStringLiteral("color: %1;").arg(Look::accent(QApplication::palette(name)).name()));
    row->addWidget(name);

    auto *tagline = new QLabel(tr("Reuse between services: give your professional equipment "
                                  "a second life"),
                               header);
    Look::makeSecondary(tagline);
    tagline->setWordWrap(true); // a narrow window wraps it rather than cutting the header
    row->addWidget(tagline, 1, Qt::AlignVCenter);

    if (m_demoMode) {
        auto *youAre = new QLabel(tr("You are:"), header);
        m_identityPicker = new QComboBox(header);
        m_identityPicker->setObjectName(QStringLiteral("identityPicker"));
        m_identityPicker->setAccessibleName(tr("Demo identity"));
        m_identityPicker->setToolTip(tr("In demo mode, choose the agent you act as. This is "
                                        "not a login: anyone on this workstation can choose "
                                        "anyone."));
        m_identityPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        m_identityPicker->setMinimumContentsLength(24);
        m_identityPicker->addItem(tr("Loading…"), qint64(0));
        m_identityPicker->setEnabled(false);
        youAre->setBuddy(m_identityPicker);
        connect(m_identityPicker,
                &QComboBox::currentIndexChanged,
                this,
                &CatalogueWindow::onIdentityPicked);
        row->addWidget(youAre);
        row->addWidget(m_identityPicker);
    } else {
        m_signedIn = new QLabel(header);
        m_signedIn->setObjectName(QStringLiteral("signedIn"));
        m_signedIn->setTextFormat(Qt::PlainText);
        row->addWidget(m_signedIn);
    }

    header->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(header);
    return bar;
}

QWidget *CatalogueWindow::createDemoBanner()
{
    auto *banner = new QFrame(this);
    banner->setObjectName(QStringLiteral("demoBanner"));
    const QPalette colours = QApplication::palette(banner);
    banner->setStyleSheet(QStringLiteral("QFrame#demoBanner { %1 } QLabel { color: %2; }")
                                  .arg(Look::tintStyle(colours,
                                                       Look::Tone::Warning,
                                                       QStringLiteral("border-bottom")),
                                       Look::textOnTint(colours).name()));
    auto *icon = new QLabel(banner);
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(side, side));
    auto *text = new QLabel(tr("Demo mode — local database on this workstation. Choosing an "
                               "identity is not a protection."),
                            banner);
    text->setObjectName(QStringLiteral("demoBannerText"));
    text->setWordWrap(true);
    QFont font = text->font();
    font.setBold(true);
    text->setFont(font);
    auto *row = new QHBoxLayout(banner);
    row->setContentsMargins(16, 7, 16, 7);
    row->addWidget(icon);
    row->addWidget(text, 1);
    return banner;
}

QWidget *CatalogueWindow::createFilterBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setPlaceholderText(tr("Search: desk, cupboard, chair…"));
    m_search->setAccessibleName(tr("Search the ads"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    m_search->setMinimumHeight(30);
    const QIcon find = QIcon::fromTheme(QStringLiteral("edit-find"));
    if (!find.isNull())
        m_search->addAction(find, QLineEdit::LeadingPosition);
    m_searchDebounce = new QTimer(this);
    m_searchDebounce->setSingleShot(true);
    m_searchDebounce->setInterval(SearchDebounceMs);
    connect(m_search, &QLineEdit::textChanged, m_searchDebounce, qOverload<>(&QTimer::start));
    connect(m_searchDebounce, &QTimer::timeout, this, &CatalogueWindow::applyFilter);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDebounce->stop();
        applyFilter();
    });
    // As wide as a filter: at 1280 px the filters' « Toutes les collectivités » then fits.
    row->addWidget(m_search, 1);

    m_categoryFilter = filterCombo(bar, "categoryFilter", tr("Category"));
    m_organisationFilter = filterCombo(bar, "organisationFilter", tr("Organisation"));
    m_serviceFilter = filterCombo(bar, "serviceFilter", tr("Service"));
    m_siteFilter = filterCombo(bar, "siteFilter", tr("Site"));
    m_categoryFilter->addItem(tr("All categories"), qint64(0));
    m_organisationFilter->addItem(tr("All organisations"), qint64(0));
    m_serviceFilter->addItem(tr("All services"), qint64(0));
    m_siteFilter->addItem(tr("All sites"), qint64(0));
    for (QComboBox *combo : {m_categoryFilter, m_organisationFilter, m_serviceFilter, m_siteFilter})
        row->addWidget(combo, 1);
    connect(m_categoryFilter, &QComboBox::currentIndexChanged, this, &CatalogueWindow::applyFilter);
    connect(m_organisationFilter, &QComboBox::currentIndexChanged, this, [this] {
        fillPlaceFilters();
        applyFilter();
    });
    connect(m_serviceFilter, &QComboBox::currentIndexChanged, this, &CatalogueWindow::applyFilter);
    connect(m_siteFilter, &QComboBox::currentIndexChanged, this, &CatalogueWindow::applyFilter);

    addSortChoice(bar, row);

    auto *clear = new QToolButton(bar);
    clear->setObjectName(QStringLiteral("clearFilters"));
    clear->setText(tr("Clear filters"));
    clear->setToolTip(tr("Show every ad again"));
    clear->setEnabled(false);
    connect(clear, &QToolButton::clicked, this, &CatalogueWindow::clearFilters);
    row->addWidget(clear);
    return bar;
}

void CatalogueWindow::addSortChoice(QWidget *bar, QHBoxLayout *row)
{
    m_sortChoice = filterCombo(bar, "catalogueSort", tr("Order of the ads"));
    m_sortChoice->addItem(tr("Newest first"), catalogueSortKey(CatalogueSort::Newest));
    m_sortChoice->addItem(tr("Nearest site first"), catalogueSortKey(CatalogueSort::NearestSite));
    m_sortChoice->addItem(tr("By category"), catalogueSortKey(CatalogueSort::Category));
    m_sortChoice->setToolTip(tr("Nearest site first: the ads of your site, then those of your "
                                "organisation's other sites, then all the others"));
    const int saved = m_sortChoice->findData(
            catalogueSortKey(catalogueSortFromKey(m_settings.catalogueSort())));
    m_sortChoice->setCurrentIndex(std::max(saved, 0));
    // Three short choices of our own: always read whole (« Les plus récentes d’abord »).
    m_sortChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    row->addWidget(m_sortChoice);

    m_homeSite = filterCombo(bar, "homeSite", tr("Your site"));
    m_homeSite->setToolTip(tr("The site you work at: its ads come first"));
    m_homeSite->setVisible(m_sortChoice->currentData().toString()
                           == catalogueSortKey(CatalogueSort::NearestSite));
    row->addWidget(m_homeSite, 1);

    connect(m_sortChoice, &QComboBox::currentIndexChanged, this, &CatalogueWindow::onSortChosen);
    connect(m_homeSite, &QComboBox::currentIndexChanged, this, [this] {
        m_settings.setCatalogueHomeSite(selectedId(m_homeSite));
        applyFilter();
    });
}

void CatalogueWindow::onSortChosen()
{
    const QString key = m_sortChoice->currentData().toString();
    m_settings.setCatalogueSort(key);
    m_homeSite->setVisible(key == catalogueSortKey(CatalogueSort::NearestSite));
    applyFilter();
}

// The sites one may call theirs, the saved one chosen, else the first of the viewer's
// organisation.
void CatalogueWindow::fillHomeSites()
{
    qint64 chosen = m_settings.catalogueHomeSite();
    QList<Site> sites;
    for (const Site &site : m_references.sites) {
        if (site.active || site.id == chosen)
            sites.append(site);
    }
    sites = sortedByName(sites);
    const auto offered = [&](qint64 id) {
        return std::any_of(
                sites.cbegin(), sites.cend(), [id](const Site &s) { return s.id == id; });
    };
    if (!offered(chosen)) {
        qint64 organisation = 0;
        for (const Agent &agent : std::as_const(m_references.agents)) {
            if (agent.id != m_viewerId)
                continue;
            for (const Service &service : std::as_const(m_references.services)) {
                if (service.id == agent.serviceId)
                    organisation = service.organisationId;
            }
        }
        chosen = sites.isEmpty() ? 0 : sites.first().id;
        for (const Site &site : std::as_const(sites)) {
            if (site.organisationId == organisation) {
                chosen = site.id;
                break;
            }
        }
    }
    const QSignalBlocker blocker(m_homeSite);
    m_homeSite->clear();
    for (const Site &site : std::as_const(sites))
        m_homeSite->addItem(site.name, site.id);
    m_homeSite->setCurrentIndex(std::max(m_homeSite->findData(chosen), 0));
}

void CatalogueWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *refresh = file->addAction(tr("&Refresh the catalogue"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this] {
        m_messageBar->dismiss();
        m_model->reload();
    });
    file->addSeparator();
    QAction *mailSettings = file->addAction(tr("&Mail sending…"));
    mailSettings->setObjectName(QStringLiteral("mailSettingsAction"));
    mailSettings->setToolTip(tr("The mail server this workstation sends through, and the "
                                "sender's address"));
    connect(mailSettings, &QAction::triggered, this, &CatalogueWindow::mailSettingsRequested);
    file->addSeparator();
    QAction *switchServer = file->addAction(m_demoMode ? tr("&Connect to the organisation's "
                                                            "server…")
                                                       : tr("&Sign out"));
    switchServer->setObjectName(QStringLiteral("switchServerAction"));
    connect(switchServer, &QAction::triggered, this, &CatalogueWindow::switchServerRequested);
    QAction *quit = file->addAction(tr("&Quit"));
    // QKeySequence::Quit has no binding on Windows: Ctrl+Q everywhere.
    quit->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Q), QKeySequence::Quit});
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_gridAction = view->addAction(tr("&Thumbnails"));
    m_gridAction->setObjectName(QStringLiteral("gridViewAction"));
    m_gridAction->setCheckable(true);
    m_gridAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_gridAction->setIconText(tr("Thumbnails (Ctrl+G)")); // the button under the list
    m_gridAction->setToolTip(tr("Show the ads as a grid of thumbnails, or as a list (Ctrl+G)"));
    connect(m_gridAction, &QAction::toggled, this, &CatalogueWindow::setShowsGrid);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Collectiv'Récup"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &CatalogueWindow::showAbout);

    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    addAction(find);
}

void CatalogueWindow::configureView()
{
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(true); // long titles take two lines of the tall rows
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setIconSize(QSize(CatalogueModel::ThumbnailSide, CatalogueModel::ThumbnailSide));
    m_view->setItemDelegateForColumn(CatalogueModel::PhotoColumn,
                                     new CatalogueThumbnailDelegate(m_view));
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setSortingEnabled(false); // newest first, by the database
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(CatalogueModel::ThumbnailSide + 10);

    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(CatalogueModel::PhotoColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(CatalogueModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(CatalogueModel::PhotoColumn, CatalogueModel::ThumbnailSide + 16);
    header->resizeSection(CatalogueModel::CategoryColumn, 130);
    header->resizeSection(CatalogueModel::ServiceColumn, 140);
    header->resizeSection(CatalogueModel::SiteColumn, 140);
    header->resizeSection(CatalogueModel::AgeColumn, 100);
    header->resizeSection(CatalogueModel::StateColumn, 80);
    header->setMinimumSectionSize(60);
}

QListView *CatalogueWindow::createGrid(QWidget *parent)
{
    // The same model and the same selection as the list: the detail pane follows either.
    auto *grid = new QListView(parent);
    grid->setObjectName(QStringLiteral("catalogueGrid"));
    grid->setAccessibleName(tr("Ads as thumbnails"));
    grid->setAccessibleDescription(tr("Arrow keys move from ad to ad; Ctrl+G shows the list"));
    grid->setModel(m_model);
    grid->setSelectionModel(m_view->selectionModel());
    grid->setModelColumn(CatalogueModel::TitleColumn);
    grid->setViewMode(QListView::IconMode);
    grid->setFlow(QListView::LeftToRight);
    grid->setWrapping(true);
    grid->setMovement(QListView::Static);
    grid->setResizeMode(QListView::Adjust);
    grid->setUniformItemSizes(true);
    grid->setSpacing(4);
    grid->setSelectionMode(QAbstractItemView::SingleSelection);
    grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    grid->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    grid->setItemDelegate(new CatalogueTileDelegate(grid));
    return grid;
}

bool CatalogueWindow::showsGrid() const
{
    return m_views->currentWidget() == m_grid;
}

void CatalogueWindow::setShowsGrid(bool grid)
{
    if (m_gridAction->isChecked() != grid) {
        m_gridAction->setChecked(grid); // comes back here through toggled()
        return;
    }
    const bool hadFocus = m_views->currentWidget() && m_views->currentWidget()->hasFocus();
    // The grid shows the title column: keep the current row there so that it shows as current.
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && current.column() != CatalogueModel::TitleColumn)
        m_view->selectionModel()->setCurrentIndex(
                current.siblingAtColumn(CatalogueModel::TitleColumn),
                QItemSelectionModel::NoUpdate);
    QAbstractItemView *shown = grid ? static_cast<QAbstractItemView *>(m_grid) : m_view;
    m_views->setCurrentWidget(shown);
    if (shown->currentIndex().isValid())
        shown->scrollTo(shown->currentIndex());
    if (hadFocus)
        shown->setFocus(Qt::ShortcutFocusReason);
    m_settings.setCatalogueAsGrid(grid);
}

void CatalogueWindow::restoreLayout()
{
    const QByteArray geometry = m_settings.mainWindowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        QSize size(1280, 800);
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableSize() * 0.92);
        resize(size);
    }
    const QByteArray state = m_settings.mainWindowState();
    if (!state.isEmpty())
        restoreState(state);
    const QByteArray splitter = m_settings.catalogueSplitter();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
}

void CatalogueWindow::saveLayout()
{
    m_settings.setMainWindowGeometry(saveGeometry());
    m_settings.setMainWindowState(saveState());
    m_settings.setCatalogueSplitter(m_splitter->saveState());
    m_settings.sync();
}

void CatalogueWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void CatalogueWindow::retryFailedReads()
{
    // One bar shows the last failure, but both reads may have failed: retry whatever did.
    if (m_db.references().lastError() || !m_db.references().isLoaded())
        m_db.references().reload();
    if (!m_agentsLoaded)
        m_feed->requestAgents();
    if (m_model->lastError())
        m_model->reload();
}

void CatalogueWindow::applyReferences(bool agentsChanged)
{
    const ReferenceCache &cache = m_db.references();
    if (!cache.isLoaded() || !m_agentsLoaded)
        return; // both halves first
    CatalogueReferences references{
            cache.organisations(), cache.services(), cache.sites(), cache.categories(), m_agents};
    m_references = references;
    m_detail->setReferences(references);

    QList<Category> offered;
    for (const Category &category : references.categories) {
        if (!category.excluded) // never given here: no point in searching for it
            offered.append(category);
    }
    refill(m_categoryFilter, tr("All categories"), sortedByName(offered));
    refill(m_organisationFilter, tr("All organisations"), sortedByName(references.organisations));
    fillPlaceFilters();
    fillHomeSites();
    applyFilter(); // the home site, now that the sites are known

    if (m_identityPicker && agentsChanged) {
        QList<Agent> agents;
        for (const Agent &agent : references.agents) {
            if (agent.active)
                agents.append(agent);
        }
        QCollator collator;
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        std::sort(agents.begin(), agents.end(), [&](const Agent &a, const Agent &b) {
            return collator.compare(a.displayName, b.displayName) < 0;
        });
        const QSignalBlocker blocker(m_identityPicker);
        m_identityPicker->clear();
        int chosen = 0;
        const QString saved = m_settings.demoIdentity();
        for (const Agent &agent : agents) {
            QString serviceName;
            for (const Service &service : references.services) {
                if (service.id == agent.serviceId)
                    serviceName = service.name;
            }
            m_identityPicker->addItem(serviceName.isEmpty()
                                              ? agent.displayName
                                              : tr("%1 (%2)").arg(agent.displayName, serviceName),
                                      agent.id);
            m_identityPicker->setItemData(
                    m_identityPicker->count() - 1, agent.login, Qt::UserRole + 1);
            if (agent.login == saved)
                chosen = m_identityPicker->count() - 1;
        }
        m_identityPicker->setEnabled(!agents.isEmpty());
        if (agents.isEmpty())
            m_identityPicker->addItem(tr("No agent yet"), qint64(0));
        m_identityPicker->setCurrentIndex(chosen);
        onIdentityPicked(chosen);
    }
}

void CatalogueWindow::fillPlaceFilters()
{
    const qint64 organisation = selectedId(m_organisationFilter);
    QList<Service> services;
    for (const Service &service : m_references.services) {
        if (organisation == 0 || service.organisationId == organisation)
            services.append(service);
    }
    QList<Site> sites;
    for (const Site &site : m_references.sites) {
        if (organisation == 0 || site.organisationId == organisation)
            sites.append(site);
    }
    refill(m_serviceFilter, tr("All services"), sortedByName(services));
    refill(m_siteFilter, tr("All sites"), sortedByName(sites));
}

void CatalogueWindow::applyFilter()
{
    CatalogueFilter filter;
    filter.text = m_search->text().simplified();
    filter.categoryId = selectedId(m_categoryFilter);
    filter.organisationId = selectedId(m_organisationFilter);
    filter.serviceId = selectedId(m_serviceFilter);
    filter.siteId = selectedId(m_siteFilter);
    if (auto *clear = findChild<QToolButton *>(QStringLiteral("clearFilters")))
        clear->setEnabled(filter != CatalogueFilter{});
    // The order is no filter: set after the comparison, and kept by "Clear filters".
    filter.sort = catalogueSortFromKey(m_sortChoice->currentData().toString());
    if (filter.sort == CatalogueSort::NearestSite)
        filter.homeSiteId = selectedId(m_homeSite);
    if (filter == m_model->filter())
        return;
    m_messageBar->dismiss();
    m_model->setFilter(filter);
}

void CatalogueWindow::clearFilters()
{
    for (QComboBox *combo :
         {m_categoryFilter, m_organisationFilter, m_serviceFilter, m_siteFilter}) {
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(0);
    }
    fillPlaceFilters();
    {
        const QSignalBlocker blocker(m_search);
        m_search->clear();
    }
    m_searchDebounce->stop();
    applyFilter();
}

bool CatalogueWindow::filterIsActive() const
{
    CatalogueFilter filter = m_model->filter();
    filter.sort = CatalogueSort::Newest;
    filter.homeSiteId = 0;
    return filter != CatalogueFilter{};
}

void CatalogueWindow::updateStatus()
{
    const int rows = m_model->rowCount();
    QString text;
    if (m_model->lastError()) {
        text = tr("The catalogue could not be loaded.");
    } else if (m_model->isLoading() && rows == 0) {
        text = tr("Loading…");
    } else if (m_model->isLoading()) {
        text = tr("%n ad(s) shown, loading more…", nullptr, rows);
    } else if (rows == 0 && m_model->atEnd()) {
        text = filterIsActive() ? tr("No ad matches your search.")
                                : tr("No ad is published at the moment.");
    } else if (m_model->atEnd()) {
        text = tr("%n ad(s)", nullptr, rows);
    } else {
        text = tr("%n ad(s) shown; scroll down to see more.", nullptr, rows);
    }
    m_status->setText(text);
}

void CatalogueWindow::setSignedInAgent(const QString &text)
{
    if (m_signedIn)
        m_signedIn->setText(text);
}

void CatalogueWindow::addTopBanner(QWidget *banner)
{
    m_outer->insertWidget(0, banner);
}

QAction *CatalogueWindow::addWindowSet(const QString &title, const QString &toolTip)
{
    if (!m_windowsMenu) {
        m_windowsMenu = new QMenu(tr("&Windows"), this);
        menuBar()->insertMenu(menuBar()->actions().value(1), m_windowsMenu);
    }
    QAction *action = m_windowsMenu->addAction(title);
    action->setToolTip(toolTip);
    // Under the header, a row of its own: a moderator with every role has a dozen windows, more
    // than a laptop's width in French; the toolbar puts what does not fit behind its » button.
    // A button shows only while its action is visible (the person's roles).
    if (!m_windowSetsBar) {
        m_windowSetsBar = new QToolBar(tr("Windows"), this);
        m_windowSetsBar->setObjectName(QStringLiteral("windowSetsBar"));
        m_windowSetsBar->setMovable(false);
        m_windowSetsBar->setFloatable(false);
        m_windowSetsBar->toggleViewAction()->setVisible(false);
        m_windowSetsBar->setContextMenuPolicy(Qt::PreventContextMenu);
        m_windowSetsBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_windowSetsBar->setStyleSheet(
                Look::headerBandStyle(QApplication::palette(m_windowSetsBar),
                                      QStringLiteral("QToolBar#windowSetsBar"),
                                      QStringLiteral("padding: 2px 12px;")));
        addToolBarBreak(Qt::TopToolBarArea);
        addToolBar(Qt::TopToolBarArea, m_windowSetsBar);
    }
    m_windowSetsBar->addAction(action);
    return action;
}

void CatalogueWindow::showCatalogueError(const Error &error)
{
    emit databaseFailed(error);
    updateStatus();
    m_messageBar->showMessage(MessageBar::Kind::Error,
                              tr("The catalogue could not be loaded. %1").arg(error.message),
                              error.detail,
                              [this] { retryFailedReads(); });
}

void CatalogueWindow::onCurrentRowChanged()
{
    const CatalogueEntry *entry = m_model->entry(m_view->currentIndex().row());
    ++m_adTicket; // an answer still on its way for the previous row is now stale
    if (!entry) {
        m_detail->clear();
        return;
    }
    m_detail->showEntry(*entry);
    m_feed->requestAd(m_adTicket, entry->id, m_viewerId);
}

void CatalogueWindow::showWhenFilled(int maxWaitMs)
{
    const auto reveal = [this] {
        if (m_revealed)
            return;
        m_revealed = true;
        show();
    };
    if (!m_model->isLoading()) {
        reveal();
        return;
    }
    connect(m_model, &CatalogueModel::pageLoaded, this, reveal, Qt::SingleShotConnection);
    connect(m_model, &CatalogueModel::loadFailed, this, reveal, Qt::SingleShotConnection);
    QTimer::singleShot(maxWaitMs, this, reveal);
}

void CatalogueWindow::showAd(qint64 adId, const QString &title)
{
    show();
    raise();
    activateWindow();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (const CatalogueEntry *entry = m_model->entry(row); entry && entry->id == adId) {
            m_view->setCurrentIndex(m_model->index(row, CatalogueModel::TitleColumn));
            m_view->scrollTo(m_view->currentIndex());
            return;
        }
    }
    m_view->setCurrentIndex({});
    CatalogueEntry alone;
    alone.id = adId;
    alone.title = title;
    ++m_adTicket;
    m_detail->showEntry(alone);
    m_feed->requestAd(m_adTicket, adId, m_viewerId);
}

PhotoViewerDialog *CatalogueWindow::photoViewer() const
{
    return m_photoViewer;
}

void CatalogueWindow::openPhotoViewer(qint64 adId, int photoIndex, const QString &title)
{
    if (adId <= 0)
        return;
    if (m_photoViewer)
        m_photoViewer->close();
    m_photoViewer = PhotoViewerDialog::openOver(this, title, photoIndex);
    m_feed->requestPhotos(++m_photoTicket, adId);
}

void CatalogueWindow::onIdentityPicked(int index)
{
    if (!m_identityPicker || index < 0)
        return;
    const QString login = m_identityPicker->itemData(index, Qt::UserRole + 1).toString();
    if (!login.isEmpty())
        m_settings.setDemoIdentity(login);
    m_detail->setViewerId(m_identityPicker->itemData(index).toLongLong());
    emit identityChanged(m_identityPicker->itemData(index).toLongLong());
}

void CatalogueWindow::showAbout()
{
    const QString text
            = QStringLiteral("<h3>%1</h3><p>%2</p><p>%3</p><p>%4</p><p>%5</p>")
                      .arg(tr("Collectiv'Récup").toHtmlEscaped(),
                           tr("Collectiv'Récup — reuse between services").toHtmlEscaped(),
                           tr("Version %1").arg(QStringLiteral(RECUP_VERSION)).toHtmlEscaped(),
                           tr("Agents of local authorities give each other the professional "
                              "equipment they no longer need: furniture, small objects, "
                              "consumables. Never IT equipment.")
                                   .toHtmlEscaped(),
                           tr("Free software under the GNU General Public License, version 3 or "
                              "later.")
                                   .toHtmlEscaped());
    QMessageBox::about(this, tr("About Collectiv'Récup"), text);
}

} // namespace Recup
