// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/WatchedAdsPane.h"

#include "actions/AdWorkflow.h"
#include "actions/MailCenter.h"
#include "common/Look.h"
#include "common/MessageBar.h"
#include "moderator/WatchedAdsModel.h"
#include "storage/Database.h"
#include "storage/ModerationViews.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Recup {

namespace {

// Both lists and their counts, read in one job on the reading thread.
struct WatchedLists
{
    QList<WatchedAd> published;
    QList<WatchedAd> reserved;
    WatchedCounts counts;
    QDateTime readAt;
};

std::optional<int> pickFromList(const QStringList &choices, QWidget *parent)
{
    bool chosen = false;
    const QString item = QInputDialog::getItem(parent,
                                               WatchedAdsPane::tr("Release a part"),
                                               WatchedAdsPane::tr("&Which part?"),
                                               choices,
                                               0,
                                               false,
                                               &chosen);
    if (!chosen)
        return std::nullopt;
    return int(choices.indexOf(item));
}

std::optional<QString> askWithDialog(const ReasonRequest &request, QWidget *parent)
{
    ReasonDialog dialog(request, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.reason();
}

void configureView(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setSortingEnabled(false); // the database's order
    view->verticalHeader()->hide();
    QHeaderView *header = view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(WatchedAdsModel::TitleColumn, QHeaderView::Stretch);
    header->resizeSection(WatchedAdsModel::CategoryColumn, 130);
    header->resizeSection(WatchedAdsModel::OwnerColumn, 220);
    header->resizeSection(WatchedAdsModel::DateColumn, 120);
    header->resizeSection(WatchedAdsModel::LastColumn, 140);
}

} // namespace

WatchedAdsPane::WatchedAdsPane(Database &db, const Agent &moderator, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_actor{moderator.id, true, false}
    , m_reasonPrompt(askWithDialog)
    , m_partPrompt(pickFromList)
{
    setObjectName(QStringLiteral("watchedAdsPane"));
    m_reads = new ReadChannel(db.reader(), this);
    m_partReads = new ReadChannel(db.reader(), this); // a lot's parts, apart from the lists
    db.references().ensureLoaded();                   // the parts' service names
    m_publishedModel = new WatchedAdsModel(WatchedAdsModel::Kind::Published, this);
    m_reservedModel = new WatchedAdsModel(WatchedAdsModel::Kind::Reserved, this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("watchedAdsTabs"));
    m_tabs->addTab(createPage(Page::Published), tr("Published"));
    m_tabs->addTab(createPage(Page::Reserved),
                   tr("Reserved for more than %n day(s)", nullptr, ReservationDays));
    layout->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, &WatchedAdsPane::updateActions);

    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(300); // read once typing pauses
    connect(m_filterTimer, &QTimer::timeout, this, [this] {
        if (m_filterEdit->text() != m_filter)
            setFilter(m_filterEdit->text());
    });
    connect(m_filterEdit, &QLineEdit::textEdited, m_filterTimer, qOverload<>(&QTimer::start));

    updateActions();
    // Read when shown (showEvent), not before: behind the moderation queue's own first
    // reading on the same thread, its lists would delay it.
}

WatchedAdsPane::~WatchedAdsPane() = default;

void WatchedAdsPane::setMailCenter(MailCenter *mail)
{
    m_mail = mail;
}

QWidget *WatchedAdsPane::createPage(Page page)
{
    const bool published = page == Page::Published;
    auto *widget = new QWidget(this);
    auto *layout = new QVBoxLayout(widget);
    auto *top = new QHBoxLayout;
    if (published) {
        m_filterEdit = new QLineEdit(widget);
        m_filterEdit->setObjectName(QStringLiteral("publishedFilter"));
        m_filterEdit->setPlaceholderText(tr("Filter by words of the ad or the poster's name"));
        m_filterEdit->setClearButtonEnabled(true);
        top->addWidget(m_filterEdit, 1);
    } else {
        auto *note = new QLabel(tr("Reservations that have lasted more than %n day(s): ask the "
                                   "poster whether the exchange took place.",
                                   nullptr,
                                   ReservationDays),
                                widget);
        note->setWordWrap(true);
        top->addWidget(note, 1);
    }
    auto *remove = new QPushButton(tr("Remo&ve…"), widget);
    remove->setObjectName(published ? QStringLiteral("removePublishedButton")
                                    : QStringLiteral("removeReservedButton"));
    remove->setToolTip(tr("Close the selected ad for good, with a reason"));
    connect(remove, &QPushButton::clicked, this, &WatchedAdsPane::removeSelected);
    if (published) {
        // A moderator may release a part of a lot reserved for a service (migration 020).
        m_releasePartButton = new QPushButton(tr("Release a &part…"), widget);
        m_releasePartButton->setObjectName(QStringLiteral("releasePartButton"));
        m_releasePartButton->setToolTip(
                tr("Put a part of the selected lot reserved for a service back in the "
                   "catalogue, with a reason its owner reads (Alt+P)"));
        m_releasePartButton->setAccessibleName(tr("Release a part of the lot"));
        connect(m_releasePartButton,
                &QPushButton::clicked,
                this,
                &WatchedAdsPane::releasePartOfSelected);
        top->addWidget(m_releasePartButton);
    }
    top->addWidget(remove);
    layout->addLayout(top);

    auto *view = new QTableView(widget);
    view->setObjectName(published ? QStringLiteral("publishedView")
                                  : QStringLiteral("reservedView"));
    view->setAccessibleName(published ? tr("Published ads") : tr("Reserved ads"));
    WatchedAdsModel *model = published ? m_publishedModel : m_reservedModel;
    view->setModel(model);
    configureView(view);
    connect(view->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &WatchedAdsPane::updateActions);
    connect(model, &QAbstractItemModel::modelReset, this, &WatchedAdsPane::updateActions);
    layout->addWidget(view, 1);

    (published ? m_publishedView : m_reservedView) = view;
    (published ? m_removePublishedButton : m_removeReservedButton) = remove;
    return widget;
}

void WatchedAdsPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // each time its tab is shown, the lists as they are now
}

bool WatchedAdsPane::isLoading() const
{
    return m_reads->isLoading();
}

void WatchedAdsPane::showPage(Page page)
{
    m_tabs->setCurrentIndex(page == Page::Published ? 0 : 1);
}

bool WatchedAdsPane::isReadingParts() const
{
    return m_partReads->isLoading();
}

WatchedAdsPane::Page WatchedAdsPane::currentPage() const
{
    return m_tabs->currentIndex() == 0 ? Page::Published : Page::Reserved;
}

QTableView *WatchedAdsPane::viewOf(Page page) const
{
    return page == Page::Published ? m_publishedView : m_reservedView;
}

WatchedAdsModel *WatchedAdsPane::modelOf(Page page) const
{
    return page == Page::Published ? m_publishedModel : m_reservedModel;
}

bool WatchedAdsPane::selectAd(qint64 adId)
{
    const int row = modelOf(currentPage())->rowOfAd(adId);
    if (row < 0)
        return false;
    viewOf(currentPage())->selectRow(row);
    return true;
}

void WatchedAdsPane::setFilter(const QString &text)
{
    if (m_filterEdit->text() != text)
        m_filterEdit->setText(text);
    m_filter = text;
    refresh();
}

void WatchedAdsPane::refresh()
{
    Database *db = &m_db;
    const QString filter = m_filter;
    m_reads->request<WatchedLists>(
            [db, filter]() -> Result<WatchedLists> {
                const ModerationViews views(*db);
                WatchedLists lists;
                lists.readAt = QDateTime::currentDateTimeUtc();
                auto published = views.published(filter);
                if (!published)
                    return published.error();
                auto reserved = views.reservedSince(ReservationDays);
                if (!reserved)
                    return reserved.error();
                auto counts = views.counts(ReservationDays);
                if (!counts)
                    return counts.error();
                lists.published = *published;
                lists.reserved = *reserved;
                lists.counts = *counts;
                return lists;
            },
            [this](const Result<WatchedLists> &lists) {
                if (!lists) {
                    m_messageBar->showMessage(
                            MessageBar::Kind::Error,
                            tr("The lists could not be read. %1").arg(lists.error().message),
                            lists.error().detail,
                            [this] { refresh(); });
                    emit refreshed();
                    return;
                }
                m_publishedModel->setAds(lists->published, lists->readAt);
                m_reservedModel->setAds(lists->reserved, lists->readAt);
                m_tabs->setTabText(0, tr("Published (%1)").arg(lists->counts.published));
                m_tabs->setTabText(
                        1,
                        tr("Reserved for more than %n day(s) (%1)", nullptr, ReservationDays)
                                .arg(lists->counts.oldReservations));
                emit countsChanged(lists->counts.published, lists->counts.oldReservations);
                emit refreshed();
            });
}

std::optional<WatchedAd> WatchedAdsPane::selectedAd() const
{
    const QModelIndexList rows = viewOf(currentPage())->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const WatchedAd *ad = modelOf(currentPage())->ad(rows.first().row());
    return ad ? std::optional<WatchedAd>(*ad) : std::nullopt;
}

void WatchedAdsPane::updateActions()
{
    for (const Page page : {Page::Published, Page::Reserved}) {
        QPushButton *button
                = page == Page::Published ? m_removePublishedButton : m_removeReservedButton;
        if (button)
            button->setEnabled(viewOf(page) && viewOf(page)->selectionModel()->hasSelection());
    }
    if (m_releasePartButton)
        m_releasePartButton->setEnabled(m_publishedView
                                        && m_publishedView->selectionModel()->hasSelection());
}

void WatchedAdsPane::removeSelected()
{
    const std::optional<WatchedAd> ad = selectedAd();
    if (!ad)
        return;
    auto validate = [](const QString &text) {
        return AdRules::validateClosing(CloseReason::Removed, 0, text, ActorKind::Moderator);
    };
    ReasonRequest request;
    request.windowTitle = tr("Remove the ad");
    request.question = tr("Why is %1 removed? The ad is closed for good; %2 will read your "
                          "reason.")
                               .arg(Look::quoted(ad->title), ad->ownerName);
    request.acceptText = tr("Remove the ad");
    request.validate = validate;
    const std::optional<QString> reason = m_reasonPrompt(request, this);
    if (!reason)
        return;
    if (const auto errors = validate(*reason); !errors.isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Error, errors.first().message);
        return;
    }
    remove(*ad, *reason);
}

void WatchedAdsPane::remove(const WatchedAd &ad, const QString &reason)
{
    TransitionRequest request;
    request.action = AdAction::Remove;
    request.expectedVersion = ad.version; // what the moderator has on screen
    request.reason = reason;
    AdWorkflow workflow(m_db, m_mail ? m_mail->settings() : MailSettings{});
    const Result<Ad> result = workflow.transition(ad.id, request, m_actor);
    if (result) {
        if (workflow.mailsWritten() > 0 && m_mail)
            m_mail->sendNow();
        m_messageBar->showMessage(MessageBar::Kind::Information,
                                  tr("%1 is removed.").arg(Look::quoted(ad.title)));
        refresh();
        return;
    }
    const Error &error = result.error();
    switch (error.kind) {
    case Error::Kind::Conflict:
    case Error::Kind::NotFound:
        // Someone acted first: the repository says who; the lists show the truth again.
        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                  tr("%1 was not removed: %2", "an ad's title, then why")
                                          .arg(Look::quoted(ad.title), error.message),
                                  error.detail);
        refresh();
        return;
    default:
        m_messageBar->showMessage(
                MessageBar::Kind::Error,
                tr("%1 was not removed. %2").arg(Look::quoted(ad.title), error.message),
                error.detail);
        return;
    }
}

void WatchedAdsPane::releasePartOfSelected()
{
    if (currentPage() != Page::Published)
        return;
    const std::optional<WatchedAd> ad = selectedAd();
    if (!ad)
        return;
    // The lot's parts are read on the reading thread; the questions follow their answer.
    Database *db = &m_db;
    const qint64 adId = ad->id;
    m_partReads->request<QList<AdReservation>>(
            [db, adId] { return AdRepository(*db).reservations(adId); },
            [this, ad = *ad](const Result<QList<AdReservation>> &parts) {
                if (!parts) {
                    m_messageBar->showMessage(
                            MessageBar::Kind::Error,
                            tr("The parts of %1 could not be read. %2")
                                    .arg(Look::quoted(ad.title), parts.error().message),
                            parts.error().detail);
                    return;
                }
                QList<AdReservation> held;
                for (const AdReservation &part : *parts) {
                    if (part.state == ReservationState::Held)
                        held.append(part);
                }
                if (held.isEmpty()) {
                    m_messageBar->showMessage(MessageBar::Kind::Information,
                                              tr("No part of %1 is reserved for a service.")
                                                      .arg(Look::quoted(ad.title)));
                    return;
                }
                releasePart(ad, held);
            });
}

void WatchedAdsPane::releasePart(const WatchedAd &ad, const QList<AdReservation> &held)
{
    const ReferenceCache &references = m_db.references();
    const QLocale locale;
    QStringList choices;
    for (const AdReservation &part : held)
        choices.append(tr("%1 for %2, reserved on %3")
                               .arg(locale.toString(part.quantity),
                                    references.serviceName(part.serviceId),
                                    locale.toString(part.reservedAt.toLocalTime().date(),
                                                    QLocale::ShortFormat)));
    int index = 0;
    if (held.size() > 1) {
        const std::optional<int> chosen = m_partPrompt(choices, this);
        if (!chosen || *chosen < 0 || *chosen >= held.size())
            return;
        index = *chosen;
    }
    const AdReservation part = held.at(index);
    const auto validate = [](const QString &text) {
        if (text.trimmed().isEmpty())
            return QList<FieldError>{
                    {QStringLiteral("reason"),
                     tr("Say why you release this part: its owner will read it.")}};
        return AdRules::validateRejection(text); // the same limits as any reason
    };
    ReasonRequest request;
    request.windowTitle = tr("Release a part");
    request.question = tr("Why do you release %1 of %2 (%3)? It is back in the catalogue; "
                          "%4 will read your reason in the ad's history.")
                               .arg(QLocale().toString(part.quantity),
                                    Look::quoted(ad.title),
                                    choices.at(index),
                                    ad.ownerName);
    request.acceptText = tr("Release the part");
    request.validate = validate;
    const std::optional<QString> reason = m_reasonPrompt(request, this);
    if (!reason)
        return;
    if (const auto errors = validate(*reason); !errors.isEmpty()) {
        m_messageBar->showMessage(MessageBar::Kind::Error, errors.first().message);
        return;
    }
    AdWorkflow workflow(m_db, m_mail ? m_mail->settings() : MailSettings{});
    const Result<AdReservation> released = workflow.releasePart(part, m_actor, reason->trimmed());
    if (!released) {
        const Error &error = released.error();
        m_messageBar->showMessage(error.kind == Error::Kind::Conflict ? MessageBar::Kind::Warning
                                                                      : MessageBar::Kind::Error,
                                  tr("The part of %1 was not released: %2")
                                          .arg(Look::quoted(ad.title), error.message),
                                  error.detail);
        refresh();
        return;
    }
    m_messageBar->showMessage(MessageBar::Kind::Information,
                              tr("The part of %1 is released: it is back in the catalogue.")
                                      .arg(Look::quoted(ad.title)));
    refresh();
}

} // namespace Recup
