// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/ModerationQueueWindow.h"

#include "actions/AdWorkflow.h"
#include "actions/MailCenter.h"
#include "common/AdEditorDialog.h"
#include "common/MessageBar.h"
#include "common/WindowHeader.h"
#include "moderator/ModerationDetailPane.h"
#include "moderator/ModerationQueueModel.h"
#include "storage/Database.h"
#include "storage/ModerationQueue.h"
#include "storage/ReferenceRepository.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

namespace Recup {

namespace {

// French puts « » around a title or a reason, English “ ”: the translation decides.
QString quoted(const QString &text)
{
    return ModerationQueueWindow::tr("“%1”", "quotation marks around a title or a reason")
            .arg(text);
}

std::optional<QString> askWithDialog(const ReasonRequest &request, QWidget *parent)
{
    ReasonDialog dialog(request, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.reason();
}

} // namespace

ModerationQueueWindow::ModerationQueueWindow(Database &db, const Agent &moderator, QWidget *parent)
    : QMainWindow(parent)
    , m_db(db)
    , m_moderator(moderator)
    , m_actor{moderator.id, true, false}
    , m_reasonPrompt(askWithDialog)
{
    setObjectName(QStringLiteral("moderationWindow"));
    setWindowTitle(tr("Moderation — Collectiv'Récup"));

    m_model = new ModerationQueueModel(this);

    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(createHeader());

    auto *body = new QWidget(central);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->setSpacing(8);

    m_messageBar = new MessageBar(body);
    layout->addWidget(m_messageBar);

    m_view = new QTableView(body);
    m_view->setObjectName(QStringLiteral("moderationQueueView"));
    m_view->setModel(m_model);
    configureView();

    m_detail = new ModerationDetailPane(body);
    m_detail->setMinimumWidth(380);
    auto *right = new QWidget(body);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(8);
    rightLayout->addWidget(m_detail, 1);
    rightLayout->addWidget(createActionBar());

    m_splitter = new QSplitter(Qt::Horizontal, body);
    m_splitter->setObjectName(QStringLiteral("moderationSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({860, 480});
    layout->addWidget(m_splitter, 1);

    m_status = new QLabel(body);
    m_status->setObjectName(QStringLiteral("moderationStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setStyleSheet(QStringLiteral("color: #4b5563;"));
    layout->addWidget(m_status);
    outer->addWidget(body, 1);
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(tr("&Queue"));
    QAction *refreshAction = file->addAction(tr("&Refresh the queue"));
    refreshAction->setShortcut(QKeySequence::Refresh);
    connect(refreshAction, &QAction::triggered, this, [this] {
        m_messageBar->dismiss();
        loadReferences();
        refresh();
    });
    file->addSeparator();
    QAction *close = file->addAction(tr("&Close"));
    close->setShortcut(QKeySequence::Close);
    connect(close, &QAction::triggered, this, &QWidget::close);

    connect(m_view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            &ModerationQueueWindow::onCurrentRowChanged);

    m_autoRefresh = new QTimer(this);
    m_autoRefresh->setObjectName(QStringLiteral("autoRefreshTimer"));
    m_autoRefresh->setInterval(AutoRefreshMs);
    connect(m_autoRefresh, &QTimer::timeout, this, &ModerationQueueWindow::refresh);
    m_autoRefresh->start();

    resize(1360, 820);
    loadReferences();
    refresh();
}

ModerationQueueWindow::~ModerationQueueWindow() = default;

QWidget *ModerationQueueWindow::createHeader()
{
    auto *header
            = new WindowHeader(tr("Moderation queue"),
                               tr("Check each ad before agents see it: approve it, or reject it "
                                  "with a reason the poster will read."),
                               QStringLiteral("queueCount"),
                               this);
    QHBoxLayout *row = header->row();
    m_countLabel = header->countLabel();

    auto *who = new QLabel(tr("%1 — moderator").arg(m_moderator.displayName), header);
    who->setObjectName(QStringLiteral("moderatorName"));
    who->setStyleSheet(QStringLiteral("color: #1f2328;"));
    row->addWidget(who, 0, Qt::AlignVCenter);

    auto *refreshBox = new QVBoxLayout;
    refreshBox->setSpacing(0);
    m_refreshButton = new QPushButton(tr("Refresh"), header);
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_refreshButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refreshButton->setToolTip(tr("Read the queue again now (it is also read every minute)"));
    connect(m_refreshButton, &QPushButton::clicked, this, [this] {
        m_messageBar->dismiss();
        loadReferences();
        refresh();
    });
    m_updatedLabel = new QLabel(header);
    m_updatedLabel->setObjectName(QStringLiteral("updatedAt"));
    m_updatedLabel->setStyleSheet(QStringLiteral("color: #4b5563; font-size: 8pt;"));
    m_updatedLabel->setAlignment(Qt::AlignHCenter);
    refreshBox->addWidget(m_refreshButton);
    refreshBox->addWidget(m_updatedLabel);
    row->addLayout(refreshBox);
    return header;
}

QWidget *ModerationQueueWindow::createActionBar()
{
    auto *bar = new QFrame(this);
    bar->setObjectName(QStringLiteral("decisionBar"));
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);

    m_approveButton = new QPushButton(tr("Approve"), bar);
    m_approveButton->setObjectName(QStringLiteral("approveButton"));
    m_approveButton->setToolTip(tr("Publish the ad: every agent can see it"));
    m_approveButton->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
    m_approveButton->setStyleSheet(
            QStringLiteral("QPushButton#approveButton { background: #1d6b45; color: white;"
                           " border: 1px solid #15543a; border-radius: 4px; padding: 6px 16px;"
                           " font-weight: bold; }"
                           " QPushButton#approveButton:disabled { background: #9bb8a8; }"
                           " QPushButton#approveButton:hover { background: #17593a; }"));
    connect(m_approveButton, &QPushButton::clicked, this, &ModerationQueueWindow::approve);

    m_rejectButton = new QPushButton(tr("Reject…"), bar);
    m_rejectButton->setObjectName(QStringLiteral("rejectButton"));
    m_rejectButton->setToolTip(tr("Send the ad back to its poster with a reason"));
    connect(m_rejectButton, &QPushButton::clicked, this, &ModerationQueueWindow::rejectAd);

    m_editButton = new QPushButton(tr("Edit…"), bar);
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_editButton->setToolTip(tr("Correct the ad yourself (a typo, the category, the weight)"));
    connect(m_editButton, &QPushButton::clicked, this, &ModerationQueueWindow::editAd);

    m_removeButton = new QPushButton(tr("Remove…"), bar);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setToolTip(tr("Close the ad for good, with a reason"));
    m_removeButton->setStyleSheet(QStringLiteral("QPushButton#removeButton { color: #b3261e; }"
                                                 " QPushButton#removeButton:disabled {"
                                                 " color: palette(mid); }"));
    connect(m_removeButton, &QPushButton::clicked, this, &ModerationQueueWindow::removeAd);

    row->addWidget(m_approveButton);
    row->addWidget(m_rejectButton);
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

void ModerationQueueWindow::loadReferences()
{
    ReferenceRepository references(m_db);
    if (auto categories = references.categories()) {
        m_categories.clear();
        for (const Category &category : *categories)
            m_categories.insert(category.id, category);
    }
    if (auto sites = references.sites()) {
        m_sites.clear();
        for (const Site &site : *sites)
            m_sites.insert(site.id, site);
    }
    if (auto services = references.services()) {
        m_serviceNames.clear();
        for (const Service &service : *services)
            m_serviceNames.insert(service.id, service.name);
    }
    m_agents.clear(); // names and emails may have changed
}

bool ModerationQueueWindow::selectAd(qint64 adId)
{
    const int row = m_model->rowOfAd(adId);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, ModerationQueueModel::TitleColumn));
    return displayedAdId() == adId;
}

void ModerationQueueWindow::setAutoRefreshInterval(int milliseconds)
{
    m_autoRefresh->setInterval(milliseconds);
}

void ModerationQueueWindow::refresh()
{
    const int previousRow = m_view->currentIndex().row();
    const qint64 previousId = m_model->adId(previousRow);
    ModerationQueue queue(m_db);
    const Result<QList<ModerationEntry>> entries = queue.pending();
    if (!entries) {
        m_loadFailed = true;
        m_messageBar->showMessage(
                MessageBar::Kind::Error,
                tr("The moderation queue could not be read. %1").arg(entries.error().message),
                entries.error().detail,
                [this] { refresh(); });
        updateStatus();
        return;
    }
    m_loadFailed = false;
    const Result<int> total = queue.count();
    m_total = total ? *total : int(entries->size());

    {
        // The reset and the reselection are not the moderator's clicks: the detail pane is
        // reloaded once below, and only when its ad changed.
        disconnect(m_view->selectionModel(),
                   &QItemSelectionModel::currentRowChanged,
                   this,
                   &ModerationQueueWindow::onCurrentRowChanged);
        m_model->setEntries(*entries, QDateTime::currentDateTimeUtc());
        int row = m_model->rowOfAd(previousId);
        if (row < 0 && m_model->rowCount() > 0)
            row = qBound(0, previousRow, m_model->rowCount() - 1);
        if (row >= 0)
            m_view->setCurrentIndex(m_model->index(row, ModerationQueueModel::TitleColumn));
        connect(m_view->selectionModel(),
                &QItemSelectionModel::currentRowChanged,
                this,
                &ModerationQueueWindow::onCurrentRowChanged);
    }
    showSelected(false);
    m_updatedLabel->setText(
            tr("Updated at %1")
                    .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    updateStatus();
}

void ModerationQueueWindow::onCurrentRowChanged()
{
    showSelected(false);
}

void ModerationQueueWindow::showSelected(bool force)
{
    const int row = m_view->currentIndex().row();
    const ModerationEntry *entry = m_model->entry(row);
    if (!entry) {
        m_shown.reset();
        m_detail->clear(m_model->rowCount() == 0
                                ? tr("No ad is waiting for moderation. New ads appear here on "
                                     "their own: the queue is read again every minute.")
                                : tr("Select an ad in the queue to see it in full."));
        updateActions();
        return;
    }
    if (!force && m_shown && m_shown->id == entry->id && m_shown->version == entry->version)
        return; // already on screen, as it is in the database

    AdRepository ads(m_db);
    const Result<Ad> ad = ads.get(entry->id);
    if (!ad) {
        m_shown.reset();
        m_detail->showLoadError(ad.error());
        updateActions();
        return;
    }
    ModerationDetails details;
    details.ad = *ad;
    details.categoryName = m_categories.value(ad->categoryId).name;
    if (details.categoryName.isEmpty())
        details.categoryName = entry->categoryName;
    details.site = m_sites.value(ad->siteId);
    if (details.site.name.isEmpty())
        details.site.name = entry->siteName;
    agentName(ad->ownerId); // reads the owner once
    details.owner = m_agents.value(ad->ownerId);
    if (details.owner.displayName.isEmpty())
        details.owner.displayName = entry->ownerName;
    details.ownerServiceName = m_serviceNames.value(ad->serviceId, entry->serviceName);
    details.submittedAt = entry->submittedAt;
    if (const auto history = ads.history(ad->id)) {
        const QLocale locale;
        for (const AdHistoryEntry &step : *history) {
            QString line
                    = tr("%1 — %2: %3")
                              .arg(locale.toString(step.at.toLocalTime(), QLocale::ShortFormat),
                                   step.actorId > 0 ? agentName(step.actorId) : tr("automatic"),
                                   historyLabel(step.action));
            if (!step.reason.isEmpty())
                line += tr(" — %1").arg(quoted(step.reason));
            details.history.append(line);
        }
    }
    m_shown = *ad;
    m_detail->showDetails(details);
    updateActions();
}

QString ModerationQueueWindow::agentName(qint64 agentId)
{
    auto found = m_agents.constFind(agentId);
    if (found == m_agents.constEnd()) {
        const Result<Agent> agent = ReferenceRepository(m_db).agent(agentId);
        found = m_agents.insert(agentId, agent ? *agent : Agent{});
    }
    return found->displayName.isEmpty() ? tr("an agent who has left") : found->displayName;
}

void ModerationQueueWindow::updateActions()
{
    const bool shown = m_shown.has_value();
    const AdState state = shown ? m_shown->state : AdState::Draft;
    m_approveButton->setEnabled(shown && state == AdState::Pending);
    m_rejectButton->setEnabled(shown && state == AdState::Pending);
    m_editButton->setEnabled(shown && state != AdState::Closed);
    m_removeButton->setEnabled(shown && state != AdState::Closed && state != AdState::Draft);
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
    m_autoRefresh->stop();
    std::optional<QString> reason = m_reasonPrompt ? m_reasonPrompt(request, this) : std::nullopt;
    m_autoRefresh->start();
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
                               .arg(quoted(shown.title), agentName(shown.ownerId));
    request.acceptText = tr("Reject the ad");
    request.validate = [](const QString &text) {
        return AdRules::validateRejection(text);
    };
    const std::optional<QString> reason = askReason(request);
    if (!reason)
        return; // cancelled: nothing happens
    if (const auto errors = AdRules::validateRejection(*reason); !errors.isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Error, errors.first().message);
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
                               .arg(quoted(shown.title), agentName(shown.ownerId));
    request.acceptText = tr("Remove the ad");
    request.validate = validate;
    const std::optional<QString> reason = askReason(request);
    if (!reason)
        return;
    if (const auto errors = validate(*reason); !errors.isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Error, errors.first().message);
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
    const Ad shown = *m_shown;
    AdEditorDialog editor(m_db, m_actor, this);
    if (const Status loaded = editor.loadAd(shown.id); !loaded) {
        m_messageBar->showMessage(
                MessageBar::Kind::Warning, loaded.error().message, loaded.error().detail);
        m_shown.reset();
        refresh();
        return;
    }
    m_autoRefresh->stop();
    const int result = m_editorRunner ? m_editorRunner(editor) : editor.exec();
    m_autoRefresh->start();
    if (result != QDialog::Accepted)
        return;
    m_messageBar->showMessage(MessageBar::Kind::Information,
                              tr("Your changes to %1 are saved.").arg(quoted(editor.ad().title)));
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
    AdWorkflow workflow(m_db, m_mail ? m_mail->settings() : MailSettings{});
    const Result<Ad> result = workflow.transition(shown.id, request, m_actor);
    if (result) {
        if (workflow.mailsWritten() > 0 && m_mail)
            m_mail->sendNow();
        QString text;
        switch (action) {
        case AdAction::Approve:
            text = tr("%1 is published: every agent can see it now.").arg(quoted(shown.title));
            break;
        case AdAction::Reject:
            text = tr("%1 is rejected; %2 can correct it and send it again.")
                           .arg(quoted(shown.title), agentName(shown.ownerId));
            break;
        case AdAction::Remove:
            text = tr("%1 is removed.").arg(quoted(shown.title));
            break;
        default:
            text = tr("%1 is saved.").arg(quoted(shown.title));
            break;
        }
        m_messageBar->showMessage(MessageBar::Kind::Information, text);
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
        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                  tr("%1: %2", "an ad's title, then what became of it")
                                          .arg(quoted(shown.title), error.message),
                                  error.detail);
        m_shown.reset();
        refresh();
        return;
    case Error::Kind::Invalid: {
        QStringList messages;
        for (const auto &[field, message] : error.fields)
            messages.append(message);
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  messages.isEmpty() ? error.message : messages.join(u' '),
                                  error.detail);
        return;
    }
    default:
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("Your decision on %1 was not recorded. %2")
                                          .arg(quoted(shown.title), error.message),
                                  error.detail);
        return;
    }
}

} // namespace Recup
