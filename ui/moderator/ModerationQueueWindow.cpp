// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/ModerationQueueWindow.h"

#include "actions/AdWorkflow.h"
#include "actions/MailCenter.h"
#include "common/AdEditorDialog.h"
#include "common/Look.h"
#include "common/MessageBar.h"
#include "common/WindowHeader.h"
#include "moderator/FailedMailsPane.h"
#include "moderator/ModerationDetailPane.h"
#include "moderator/ModerationQueueModel.h"
#include "moderator/ModeratorIdentity.h"
#include "moderator/WatchedAdsPane.h"
#include "storage/CatalogueFeed.h"
#include "storage/Database.h"
#include "storage/ModerationQueue.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"
#include "storage/RejectionTemplateRepository.h"
#include "storage/SqlDialect.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace Recup {

namespace {

std::optional<QString> askWithDialog(const ReasonRequest &request, QWidget *parent)
{
    ReasonDialog dialog(request, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.reason();
}

} // namespace

ModerationQueueWindow::ModerationQueueWindow(Database &db, const Agent &moderator, QWidget *parent)
    : WorkWindow(db,
                 {tr("Moderation queue"),
                  tr("Check each ad before agents see it: approve it, or reject it with a reason "
                     "the poster will read."),
                  QStringLiteral("queueCount"),
                  moderatorIdentity(moderator),
                  tr("Read the queue again now (it is also read every minute)")},
                 parent)
    , m_moderator(moderator)
    , m_actor{moderator.id, true, false}
    , m_reasonPrompt(askWithDialog)
{
    setObjectName(QStringLiteral("moderationWindow"));
    setWindowTitle(tr("Moderation — Collectiv'Récup"));
    m_countLabel = header()->countLabel();
    m_detailReads = new ReadChannel(db.reader(), this);

    m_model = new ModerationQueueModel(this);
    m_model->setViewer(moderator.id);
    QWidget *content = centralWidget();

    m_view = new QTableView(content);
    m_view->setObjectName(QStringLiteral("moderationQueueView"));
    m_view->setAccessibleName(tr("Ads awaiting moderation"));
    m_view->setModel(m_model);
    configureView();

    m_detail = new ModerationDetailPane(content);
    m_detail->setMinimumWidth(380);
    m_photoReads = new ReadChannel(db.reader(), this);
    connect(m_detail,
            &ModerationDetailPane::fullSizeRequested,
            this,
            &ModerationQueueWindow::openPhotoViewer);
    auto *right = new QWidget(content);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(8);
    rightLayout->addWidget(m_detail, 1);
    rightLayout->addWidget(createActionBar());

    m_splitter = new QSplitter(Qt::Horizontal, content);
    m_splitter->setObjectName(QStringLiteral("moderationSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({860, 480});

    m_status = new QLabel(content);
    m_status->setObjectName(QStringLiteral("moderationStatus"));
    m_status->setTextFormat(Qt::PlainText);
    Look::makeSecondary(m_status);

    // The queue first; the ads already online (published, long reservations) beside it.
    auto *queuePage = new QWidget(content);
    auto *queueLayout = new QVBoxLayout(queuePage);
    queueLayout->setContentsMargins(0, 0, 0, 0);
    queueLayout->addWidget(m_splitter, 1);
    queueLayout->addWidget(m_status);
    m_watched = new WatchedAdsPane(db, moderator, content);
    m_views = new QTabWidget(content);
    m_views->setObjectName(QStringLiteral("moderationViews"));
    m_views->setDocumentMode(true);
    m_views->addTab(queuePage, tr("To &moderate"));
    m_views->addTab(m_watched, tr("&Online ads"));
    connect(m_watched, &WatchedAdsPane::countsChanged, this, [this](int published, int old) {
        m_views->setTabText(1,
                            old > 0 ? tr("&Online ads (%1, %n long reservation(s))", nullptr, old)
                                              .arg(QLocale().toString(published))
                                    : tr("&Online ads (%1)").arg(QLocale().toString(published)));
    });
    // The mails the server refused, third: the catalogue's « Courriels non envoyés » opens it.
    m_failed = new FailedMailsPane(db, content);
    m_views->addTab(m_failed, QString());
    updateFailedMailsTab(-1);
    connect(m_failed, &FailedMailsPane::failureCountChanged, this, [this](int count) {
        updateFailedMailsTab(count);
    });
    connect(m_views, &QTabWidget::currentChanged, this, [this](int index) {
        // The online ads read themselves when shown (WatchedAdsPane::showEvent).
        if (m_views->widget(index) == m_failed)
            m_failed->refresh();
    });
    body()->addWidget(m_views, 1);

    createMenu();
    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &ModerationQueueWindow::onCurrentRowChanged);
    // Names of categories, sites and services come from the session's reference cache.
    ReferenceCache &references = db.references();
    connect(&references, &ReferenceCache::changed, this, [this] {
        if (m_shown)
            showSelected(true);
    });
    references.ensureLoaded();

    // Other moderators' decisions and new ads show up on their own (LISTEN; the demo polls).
    refreshOnNotice(db.dialect().moderationChannel(), DemoPollMs);
    // The claim on the ad on screen would lapse while she still reads it: renewed meanwhile.
    m_claimReads = new ReadChannel(db.reader(), this);
    m_claimRenewal = new QTimer(this);
    m_claimRenewal->setObjectName(QStringLiteral("claimRenewalTimer"));
    m_claimRenewal->setInterval(ClaimRenewalMs);
    connect(m_claimRenewal, &QTimer::timeout, this, &ModerationQueueWindow::renewClaim);
    m_claimRenewal->start();

    resize(1360, 820);
    m_detail->clear(tr("Loading the queue…"));
    updateActions();
    refresh();
}

ModerationQueueWindow::~ModerationQueueWindow() = default;

void ModerationQueueWindow::setMailCenter(MailCenter *mail)
{
    m_mail = mail;
    m_watched->setMailCenter(mail);
}

void ModerationQueueWindow::showFailedMails()
{
    m_views->setCurrentWidget(m_failed);
}

void ModerationQueueWindow::updateFailedMailsTab(int count)
{
    const int index = m_views->indexOf(m_failed);
    m_views->setTabText(index,
                        count > 0 ? tr("Mails &not sent (%1)").arg(QLocale().toString(count))
                                  : tr("Mails &not sent"));
}

void ModerationQueueWindow::setClaimRenewalInterval(int milliseconds)
{
    m_claimRenewal->setInterval(milliseconds);
}

void ModerationQueueWindow::refreshRequested()
{
    WorkWindow::refreshRequested();
    if (m_views->currentWidget() == m_watched)
        m_watched->refresh();
    else if (m_views->currentWidget() == m_failed)
        m_failed->refresh();
}

void ModerationQueueWindow::createMenu()
{
    addWindowMenu(tr("&Queue"), tr("&Refresh the queue"), tr("&Close"));
}

QPushButton *ModerationQueueWindow::decisionButton(QWidget *bar,
                                                   const QString &objectName,
                                                   const QString &text,
                                                   const QKeySequence &key,
                                                   const QString &toolTip)
{
    // The key is shown on the button, so that nobody has to learn it elsewhere.
    auto *button = new QPushButton(tr("%1 (%2)", "a button, then its key")
                                           .arg(text, key.toString(QKeySequence::NativeText)),
                                   bar);
    button->setObjectName(objectName);
    button->setToolTip(toolTip);
    button->setAccessibleName(text);
    auto *shortcut = new QShortcut(key, this);
    shortcut->setContext(Qt::WindowShortcut);
    connect(shortcut, &QShortcut::activated, button, [button] {
        if (button->isEnabled() && button->isVisible())
            button->click();
    });
    return button;
}

QWidget *ModerationQueueWindow::createActionBar()
{
    auto *bar = new QFrame(this);
    bar->setObjectName(QStringLiteral("decisionBar"));
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);

    m_approveButton = decisionButton(bar,
                                     QStringLiteral("approveButton"),
                                     tr("Approve"),
                                     QKeySequence(tr("A", "key: approve")),
                                     tr("Publish the ad: every agent can see it"));
    m_approveButton->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    m_approveButton->setStyleSheet(
            Look::primaryButtonStyle(palette(), m_approveButton->objectName()));
    connect(m_approveButton, &QPushButton::clicked, this, &ModerationQueueWindow::approve);

    m_rejectButton = decisionButton(bar,
                                    QStringLiteral("rejectButton"),
                                    tr("Reject…"),
                                    QKeySequence(tr("R", "key: reject")),
                                    tr("Send the ad back to its poster with a reason"));
    connect(m_rejectButton, &QPushButton::clicked, this, &ModerationQueueWindow::rejectAd);

    m_editButton = decisionButton(bar,
                                  QStringLiteral("editButton"),
                                  tr("Edit…"),
                                  QKeySequence(tr("E", "key: edit")),
                                  tr("Correct the ad yourself (a typo, the category, the weight)"));
    connect(m_editButton, &QPushButton::clicked, this, &ModerationQueueWindow::editAd);

    m_nextButton = decisionButton(bar,
                                  QStringLiteral("nextButton"),
                                  tr("Next"),
                                  QKeySequence(tr("N", "key: next ad")),
                                  tr("Leave this ad to another moderator and look at the next"));
    connect(m_nextButton, &QPushButton::clicked, this, &ModerationQueueWindow::showNext);

    m_removeButton = new QPushButton(tr("Remo&ve…"), bar);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setToolTip(tr("Close the ad for good, with a reason"));
    m_removeButton->setStyleSheet(Look::dangerButtonStyle(palette(), m_removeButton->objectName()));
    connect(m_removeButton, &QPushButton::clicked, this, &ModerationQueueWindow::removeAd);

    row->addWidget(m_approveButton);
    row->addWidget(m_rejectButton);
    row->addWidget(m_nextButton);
    row->addStretch();
    row->addWidget(m_editButton);
    row->addWidget(m_removeButton);
    return bar;
}

void ModerationQueueWindow::configureView()
{
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(true);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setIconSize(
            QSize(ModerationQueueModel::ThumbnailSide, ModerationQueueModel::ThumbnailSide));
    m_view->setSortingEnabled(false); // the longest-waiting first, by the database
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(ModerationQueueModel::ThumbnailSide + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ModerationQueueModel::PhotoColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(ModerationQueueModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(ModerationQueueModel::PhotoColumn,
                          ModerationQueueModel::ThumbnailSide + 16);
    header->resizeSection(ModerationQueueModel::CategoryColumn, 130);
    header->resizeSection(ModerationQueueModel::OwnerColumn, 170);
    header->resizeSection(ModerationQueueModel::SiteColumn, 140);
    header->resizeSection(ModerationQueueModel::WaitingColumn, 120);
    header->setMinimumSectionSize(60);
}

bool ModerationQueueWindow::selectAd(qint64 adId)
{
    const int row = m_model->rowOfAd(adId);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, ModerationQueueModel::TitleColumn));
    return true;
}

bool ModerationQueueWindow::isLoadingDetail() const
{
    return m_detailReads->isLoading();
}

void ModerationQueueWindow::startRefresh()
{
    struct Queue
    {
        QList<ModerationEntry> entries;
        int total = 0;
        QList<RejectionTemplate> templates;
    };
    Database *db = &database();
    listReads()->request<Queue>(
            [db]() -> Result<Queue> {
                const ModerationQueue queue(*db);
                auto entries = queue.pending();
                if (!entries)
                    return entries.error();
                const Result<int> total = queue.count();
                Queue read;
                read.entries = std::move(entries).value();
                read.total = total ? *total : int(read.entries.size());
                // The usual reasons ride along: a moderator's edit shows at the next reading.
                if (auto templates = RejectionTemplateRepository(*db).templates())
                    read.templates = std::move(templates).value();
                return read;
            },
            [this](const Result<Queue> &queue) {
                if (!queue) {
                    m_loadFailed = true;
                    messageBar()->showMessage(MessageBar::Kind::Error,
                                              tr("The moderation queue could not be read. %1")
                                                      .arg(queue.error().message),
                                              queue.error().detail,
                                              [this] { refresh(); });
                    updateStatus();
                    finishRefresh(false);
                    return;
                }
                m_loadFailed = false;
                m_total = queue->total;
                m_templates = queue->templates;
                // The reset and the reselection are not the moderator's clicks: the detail
                // pane is read again once below, and only when its ad changed.
                resetKeepingView(m_view, [&] {
                    m_model->setEntries(queue->entries, QDateTime::currentDateTimeUtc());
                });
                // The ad on screen left the queue through someone else's decision: the pane
                // does not slide to the next ad under the moderator's hand, it says so.
                if (m_shown && m_model->rowOfAd(m_shown->id) < 0) {
                    const QString title = m_shown->title;
                    releaseClaim();
                    m_shown.reset();
                    m_view->selectionModel()->clear();
                    m_detail->clear(tr("%1 has left the queue: another moderator has just dealt "
                                       "with it. Pick the next ad in the list.")
                                            .arg(Look::quoted(title)));
                    updateActions();
                    updateStatus();
                    emit detailShown();
                    finishRefresh(true);
                    return;
                }
                // The longest-waiting ad is on the right from the start.
                if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
                    m_view->setCurrentIndex(m_model->index(0, ModerationQueueModel::TitleColumn));
                showSelected(false);
                updateStatus();
                finishRefresh(true);
            });
}

void ModerationQueueWindow::onCurrentRowChanged()
{
    if (!restoringView())
        showSelected(false);
}

void ModerationQueueWindow::openPhotoViewer(qint64 adId, int photoIndex, const QString &title)
{
    if (adId <= 0)
        return;
    if (m_photoViewer)
        m_photoViewer->close();
    m_photoViewer = PhotoViewerDialog::openOver(this, title, photoIndex);
    Database *db = &database();
    m_photoReads->request<QList<QImage>>([db, adId] { return fullSizePhotos(*db, adId); },
                                         [this](const Result<QList<QImage>> &photos) {
                                             if (!m_photoViewer)
                                                 return;
                                             if (photos)
                                                 m_photoViewer->setPhotos(*photos);
                                             else
                                                 m_photoViewer->showLoadError(
                                                         photos.error().message);
                                         });
}

namespace {

// What the reading thread gathers for the detail pane: the ad, its story, the people in it,
// and its photos decoded and fitted.
struct DetailRead
{
    ModerationDetails details;
    QList<AdHistoryEntry> history;
    QHash<qint64, Agent> agents;
    ModerationClaim claim;
};

} // namespace

void ModerationQueueWindow::showSelected(bool force)
{
    const int row = m_view->currentIndex().row();
    const ModerationEntry *entry = m_model->entry(row);
    if (!entry) {
        m_detailReads->cancel();
        m_shown.reset();
        m_detail->clear(m_model->rowCount() == 0
                                ? tr("No ad is waiting for moderation. New ads appear here on "
                                     "their own: the queue is read again every minute.")
                                : tr("Select an ad in the queue to see it in full."));
        updateActions();
        emit detailShown();
        return;
    }
    if (!force && m_shown && m_shown->id == entry->id && m_shown->version == entry->version)
        return; // already on screen, as it is in the database

    const ModerationEntry listed = *entry;
    Database *db = &database();
    const QSize photoSize = ModerationDetailPane::photoSize();
    const qreal ratio = devicePixelRatioF();
    const int strip = ModerationDetailPane::StripSide;
    const qint64 me = m_moderator.id;
    // Opening an ad claims it, and lets go of the one this window looked at before.
    const qint64 previous = m_claimedAdId != listed.id ? m_claimedAdId : 0;
    m_claimedAdId = listed.id;
    m_detailReads->request<DetailRead>(
            [db, listed, photoSize, ratio, strip, me, previous]() -> Result<DetailRead> {
                ModerationQueue queue(*db);
                if (previous > 0)
                    queue.release(previous, me); // a failure lets it lapse on its own
                const AdRepository ads(*db);
                Result<Ad> ad = ads.get(listed.id);
                if (!ad)
                    return ad.error();
                DetailRead read;
                read.details.ad = std::move(ad).value();
                if (me > 0) {
                    if (auto claim = queue.claim(listed.id, me))
                        read.claim = *claim;
                }
                if (auto poster = queue.posterRecord(read.details.ad.ownerId, listed.id))
                    read.details.poster = *poster;
                if (auto history = ads.history(listed.id))
                    read.history = std::move(history).value();
                const ReferenceRepository people(*db);
                QList<qint64> ids{read.details.ad.ownerId};
                for (const AdHistoryEntry &step : std::as_const(read.history))
                    ids.append(step.actorId);
                for (qint64 id : std::as_const(ids)) {
                    if (id > 0 && !read.agents.contains(id)) {
                        const Result<Agent> agent = people.agent(id);
                        read.agents.insert(id, agent ? *agent : Agent{});
                    }
                }
                // Decoded here, so that a 1600-pixel JPEG never costs the GUI thread.
                for (AdPhoto &photo : read.details.ad.photos) {
                    read.details.photos.append(fittedImage(photo.jpeg, photoSize, ratio, false));
                    read.details.thumbnails.append(
                            fittedImage(photo.thumbnail, QSize(strip, strip), ratio, false));
                    photo.jpeg.clear();
                    photo.thumbnail.clear();
                }
                return read;
            },
            [this, listed](const Result<DetailRead> &read) {
                if (!read) {
                    m_shown.reset();
                    m_detail->showLoadError(read.error());
                    updateActions();
                    emit detailShown();
                    return;
                }
                m_agents = read->agents;
                ModerationDetails details = read->details;
                const ReferenceCache &references = database().references();
                const Ad &ad = details.ad;
                details.categoryName = references.categoryName(ad.categoryId, listed.categoryName);
                if (const Site *site = references.site(ad.siteId))
                    details.site = *site;
                if (details.site.name.isEmpty())
                    details.site.name = listed.siteName;
                details.owner = m_agents.value(ad.ownerId);
                if (details.owner.displayName.isEmpty())
                    details.owner.displayName = listed.ownerName;
                details.ownerServiceName = references.serviceName(ad.serviceId, listed.serviceName);
                details.submittedAt = listed.submittedAt;
                const QLocale locale;
                for (const AdHistoryEntry &step : read->history) {
                    QString line = tr("%1 — %2: %3")
                                           .arg(locale.toString(step.at.toLocalTime(),
                                                                QLocale::ShortFormat),
                                                step.actorId > 0 ? agentName(step.actorId)
                                                                 : tr("automatic"),
                                                historyStepText(step));
                    if (!step.reason.isEmpty() && !historyStepSaysReason(step))
                        line += tr(" — %1").arg(Look::quoted(step.reason));
                    details.history.append(line);
                }
                m_claim = read->claim;
                details.claimNotice = claimNotice();
                for (const Category &category : references.categories()) {
                    if (!category.excluded || category.id == ad.categoryId)
                        continue;
                    QStringList words = warningWordsFound(
                            category, ad.title + QLatin1Char('\n') + ad.description);
                    for (QString &word : words)
                        word = Look::quoted(word);
                    if (!words.isEmpty())
                        details.warnings.append(
                                tr("%1 suggests %2, which the platform does not take: %3",
                                   "the words found, the excluded category, its message")
                                        .arg(QLocale().createSeparatedList(words),
                                             Look::quoted(category.name),
                                             category.excludedMessage));
                }
                m_shown = ad;
                m_detail->showDetails(details);
                updateActions();
                emit detailShown();
            });
}

QString ModerationQueueWindow::claimNotice() const
{
    if (m_claim.moderatorId == 0 || m_claim.moderatorId == m_moderator.id)
        return {};
    // No "since": her window renews the claim every minute, which moves its time.
    return tr("%1 is looking at this ad: you may leave it to them.").arg(m_claim.moderatorName);
}

void ModerationQueueWindow::showNext()
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int row = (m_view->currentIndex().row() + 1) % rows;
    m_view->setCurrentIndex(m_model->index(row, ModerationQueueModel::TitleColumn));
}

void ModerationQueueWindow::releaseClaim()
{
    if (m_claimedAdId == 0 || m_moderator.id == 0)
        return;
    Database *db = &database();
    const qint64 adId = m_claimedAdId;
    const qint64 me = m_moderator.id;
    m_claimedAdId = 0;
    m_claim = {};
    m_detailReads->request<bool>(
            [db, adId, me]() -> Result<bool> {
                ModerationQueue(*db).release(adId, me);
                return true;
            },
            [](const Result<bool> &) {});
}

void ModerationQueueWindow::renewClaim()
{
    // Only while she is on the ad: the window shown on the queue, the workstation not idle
    // (IdleDisconnect suspends it after some minutes without a key or a click).
    if (m_claimedAdId == 0 || m_moderator.id == 0 || !isVisible() || isMinimized()
        || m_views->currentIndex() != 0 || database().isSuspended())
        return;
    // Nor once the ad left the queue under her (another moderator decided on it).
    if (!m_shown || m_shown->id != m_claimedAdId || m_shown->state != AdState::Pending)
        return;
    Database *db = &database();
    const qint64 adId = m_claimedAdId;
    const qint64 me = m_moderator.id;
    m_claimReads->request<ModerationClaim>(
            [db, adId, me] { return ModerationQueue(*db).claim(adId, me); },
            [this, adId](const Result<ModerationClaim> &claim) {
                // Someone took it while she was away: the pane says so once read again.
                if (claim && adId == m_claimedAdId && claim->moderatorId != m_claim.moderatorId)
                    showSelected(true);
            });
}

void ModerationQueueWindow::closeEvent(QCloseEvent *event)
{
    releaseClaim(); // moving on: the other moderator sees the ad free at once
    WorkWindow::closeEvent(event);
}

QString ModerationQueueWindow::agentName(qint64 agentId) const
{
    const QString name = m_agents.value(agentId).displayName;
    return name.isEmpty() ? tr("an agent who has left") : name;
}

void ModerationQueueWindow::updateActions()
{
    const bool shown = m_shown.has_value();
    const AdState state = shown ? m_shown->state : AdState::Draft;
    m_approveButton->setEnabled(shown && state == AdState::Pending);
    m_rejectButton->setEnabled(shown && state == AdState::Pending);
    m_editButton->setEnabled(shown && state != AdState::Closed);
    m_removeButton->setEnabled(shown && state != AdState::Closed && state != AdState::Draft);
    m_nextButton->setEnabled(m_model->rowCount() > 1);
}

void ModerationQueueWindow::updateStatus()
{
    m_countLabel->setText(tr("%n ad(s) waiting", nullptr, m_total));
    if (m_loadFailed) {
        m_status->setText(tr("The queue shown may be out of date."));
    } else if (m_model->rowCount() < m_total) {
        m_status->setText(tr("The %1 ads waiting longest are shown out of %2: decide on them "
                             "to see the others.")
                                  .arg(m_model->rowCount())
                                  .arg(m_total));
    } else if (m_total == 0) {
        m_status->setText(tr("Nothing is waiting."));
    } else {
        m_status->setText(tr("The ad waiting longest is at the top."));
    }
}

std::optional<QString> ModerationQueueWindow::askReason(const ReasonRequest &request)
{
    // No refresh while the moderator types: the decision concerns the ad on screen.
    pauseAutoRefresh();
    std::optional<QString> reason = m_reasonPrompt ? m_reasonPrompt(request, this) : std::nullopt;
    resumeAutoRefresh();
    return reason;
}

void ModerationQueueWindow::approve()
{
    if (!m_shown)
        return;
    decide(AdAction::Approve, {});
}

void ModerationQueueWindow::rejectAd()
{
    if (!m_shown)
        return;
    const Ad shown = *m_shown;
    ReasonRequest request;
    request.windowTitle = tr("Reject the ad");
    request.question = tr("Why is %1 rejected? %2 will read your reason and can correct the ad "
                          "before sending it again.")
                               .arg(Look::quoted(shown.title), agentName(shown.ownerId));
    request.acceptText = tr("Reject the ad");
    request.validate = [](const QString &text) {
        return AdRules::validateRejection(text);
    };
    for (const RejectionTemplate &usual : std::as_const(m_templates))
        request.templates.append({usual.title, usual.body});
    const std::optional<QString> reason = askReason(request);
    if (!reason)
        return; // cancelled: nothing happens
    if (const auto errors = AdRules::validateRejection(*reason); !errors.isEmpty()) {
        messageBar()->showMessage(MessageBar::Kind::Error, errors.first().message);
        return;
    }
    if (!m_shown || m_shown->id != shown.id)
        return;
    decide(AdAction::Reject, *reason);
}

void ModerationQueueWindow::removeAd()
{
    if (!m_shown)
        return;
    const Ad shown = *m_shown;
    auto validate = [](const QString &text) {
        return AdRules::validateClosing(CloseReason::Removed, 0, text, ActorKind::Moderator);
    };
    ReasonRequest request;
    request.windowTitle = tr("Remove the ad");
    request.question = tr("Why is %1 removed? The ad is closed for good; %2 will read your "
                          "reason.")
                               .arg(Look::quoted(shown.title), agentName(shown.ownerId));
    request.acceptText = tr("Remove the ad");
    request.validate = validate;
    const std::optional<QString> reason = askReason(request);
    if (!reason)
        return;
    if (const auto errors = validate(*reason); !errors.isEmpty()) {
        messageBar()->showMessage(MessageBar::Kind::Error, errors.first().message);
        return;
    }
    if (!m_shown || m_shown->id != shown.id)
        return;
    decide(AdAction::Remove, *reason);
}

void ModerationQueueWindow::editAd()
{
    if (!m_shown)
        return;
    Database *db = &database();
    const qint64 adId = m_shown->id;
    // The ad and its photos are read on the reading thread; the editor opens with them.
    m_detailReads->request<AdEditorDialog::EditedAd>(
            [db, adId] { return AdEditorDialog::readAd(*db, adId); },
            [this](const Result<AdEditorDialog::EditedAd> &edited) {
                if (!edited) {
                    messageBar()->showMessage(MessageBar::Kind::Warning,
                                              edited.error().message,
                                              edited.error().detail);
                    m_shown.reset();
                    refresh();
                    return;
                }
                runEditor(*edited);
            });
}

void ModerationQueueWindow::runEditor(const AdEditorDialog::EditedAd &edited)
{
    AdEditorDialog editor(database(), m_actor, this);
    editor.showAd(edited);
    pauseAutoRefresh();
    const int result = m_editorRunner ? m_editorRunner(editor) : editor.exec();
    resumeAutoRefresh();
    if (result != QDialog::Accepted)
        return;
    messageBar()->showMessage(
            MessageBar::Kind::Information,
            tr("Your changes to %1 are saved.").arg(Look::quoted(editor.ad().title)));
    m_shown.reset();
    refresh();
}

void ModerationQueueWindow::decide(AdAction action, const QString &reason)
{
    if (!m_shown)
        return;
    const Ad shown = *m_shown;
    TransitionRequest request;
    request.action = action;
    request.expectedVersion = shown.version; // what the moderator has on screen
    request.reason = reason;
    // The decision and its mail to the poster are saved together, or not at all.
    AdWorkflow workflow(database(), m_mail ? m_mail->settings() : MailSettings{});
    const Result<Ad> result = workflow.transition(shown.id, request, m_actor);
    if (result) {
        if (workflow.mailsWritten() > 0 && m_mail)
            m_mail->sendNow();
        QString text;
        switch (action) {
        case AdAction::Approve:
            text = tr("%1 is published: every agent can see it now.")
                           .arg(Look::quoted(shown.title));
            break;
        case AdAction::Reject:
            text = tr("%1 is rejected; %2 can correct it and send it again.")
                           .arg(Look::quoted(shown.title), agentName(shown.ownerId));
            break;
        case AdAction::Remove:
            text = tr("%1 is removed.").arg(Look::quoted(shown.title));
            break;
        default:
            text = tr("%1 is saved.").arg(Look::quoted(shown.title));
            break;
        }
        messageBar()->showMessage(MessageBar::Kind::Information, text);
        releaseClaim();
        m_shown.reset();
        refresh();
        return;
    }
    const Error &error = result.error();
    switch (error.kind) {
    case Error::Kind::Conflict:
    case Error::Kind::NotFound:
        // Someone else was quicker: say who (the repository names them) and about which ad,
        // since the pane moves on to the next one, then show the truth.
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
        messageBar()->showMessage(MessageBar::Kind::Error,
                                  tr("Your decision on %1 was not recorded. %2")
                                          .arg(Look::quoted(shown.title), error.message),
                                  error.detail);
        return;
    }
}

} // namespace Recup
