// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logistics/RequestTransportDialog.h"

#include "common/Look.h"
#include "common/MessageBar.h"
#include "common/TransportFields.h"
#include "storage/Database.h"
#include "storage/PickupRepository.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Recup {

namespace {

enum Column { TitleColumn, GivingColumn, ReceivingColumn, ClosedColumn };

} // namespace

RequestTransportDialog::RequestTransportDialog(Database &db, const QDate &today, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
{
    setObjectName(QStringLiteral("requestTransportDialog"));
    setWindowTitle(tr("Ask for a transport"));
    setModal(true);
    m_messageBar = new MessageBar(this);
    auto *intro = new QLabel(tr("Choose an item given to a service, then say where the logistics "
                                "service takes it from and to."),
                             this);
    intro->setWordWrap(true);

    // Made in reading order, which Tab follows: the list, the transport's fields, the buttons.
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(intro);
    layout->addWidget(buildAdList(), 1);
    m_fields = new TransportFields(db.references().sites(), today, this);
    layout->addWidget(m_fields);
    layout->addWidget(buildButtons());
    resize(820, 680);

    m_reads = new ReadChannel(db.reader(), this);
    ReferenceCache &references = db.references();
    connect(&references, &ReferenceCache::changed, this, &RequestTransportDialog::followReferences);
    followReferences();
    references.ensureLoaded();
    load();
}

RequestTransportDialog::~RequestTransportDialog() = default;

QWidget *RequestTransportDialog::buildAdList()
{
    auto *box = new QWidget(this);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto *label = new QLabel(tr("&Items given with no transport under way (latest first)"), box);
    m_list = new QTreeWidget(box);
    m_list->setObjectName(QStringLiteral("exchangedAds"));
    m_list->setAccessibleName(tr("Items given"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Item"), tr("Given by"), tr("Received by"), tr("Closed on")});
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->setColumnWidth(GivingColumn, 170);
    m_list->setColumnWidth(ReceivingColumn, 170);
    m_list->setColumnWidth(ClosedColumn, 110);
    label->setBuddy(m_list);
    m_listState = Look::emptyStateLabel(box, "exchangedAdsState");
    m_listState->setText(tr("Loading…"));
    m_listPages = new QStackedWidget(box);
    m_listPages->addWidget(m_list);
    m_listPages->addWidget(m_listState);
    m_listPages->setCurrentWidget(m_listState);
    m_adError = Look::fieldErrorLabel(box, QStringLiteral("ad"));
    column->addWidget(label);
    column->addWidget(m_listPages, 1);
    column->addWidget(m_adError);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &RequestTransportDialog::onAdChosen);
    return box;
}

QWidget *RequestTransportDialog::buildButtons()
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_requestButton = buttons->addButton(tr("Ask for the transport"), QDialogButtonBox::AcceptRole);
    m_requestButton->setObjectName(QStringLiteral("requestTransportButton"));
    m_requestButton->setDefault(true);
    m_requestButton->setEnabled(false); // until an item is chosen
    connect(buttons, &QDialogButtonBox::accepted, this, &RequestTransportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RequestTransportDialog::reject);
    return buttons;
}

void RequestTransportDialog::load()
{
    Database *db = &m_db;
    m_reads->request<QList<ExchangedAd>>(
            [db] { return PickupRepository(*db).awaitingTransport(); },
            [this](const Result<QList<ExchangedAd>> &ads) {
                if (!ads) {
                    m_listState->setText(tr("The items could not be read."));
                    m_messageBar->showMessage(
                            MessageBar::Kind::Error,
                            tr("The items given could not be read. %1").arg(ads.error().message),
                            ads.error().detail,
                            [this] { load(); });
                } else {
                    showAds(*ads);
                }
                emit loaded();
            });
}

void RequestTransportDialog::followReferences()
{
    m_organisationOf.clear();
    QHash<qint64, QString> names;
    for (const Service &service : m_db.references().services()) {
        m_organisationOf.insert(service.id, service.organisationId);
        names.insert(service.id, service.name);
    }
    m_fields->setSites(m_db.references().sites());
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const ExchangedAd ad = m_ads.value(item->data(TitleColumn, Qt::UserRole).toLongLong());
        item->setText(GivingColumn, names.value(ad.givingServiceId));
        item->setText(ReceivingColumn, names.value(ad.receivingServiceId));
    }
    // Sites read after the item was chosen: its departure and arrival, unless chosen since.
    if (const qint64 id = selectedAdId(); id > 0) {
        const ExchangedAd ad = m_ads.value(id);
        if (PickupEnd from = m_fields->request().from; !from.siteId) {
            from.siteId = ad.siteId;
            m_fields->setFrom(from);
        }
        m_fields->suggestDestination(m_organisationOf.value(ad.receivingServiceId));
    }
}

void RequestTransportDialog::showAds(const QList<ExchangedAd> &ads)
{
    QHash<qint64, QString> serviceNames;
    for (const Service &service : m_db.references().services())
        serviceNames.insert(service.id, service.name);
    m_ads.clear();
    m_list->clear();
    for (const ExchangedAd &ad : ads) {
        m_ads.insert(ad.adId, ad);
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(TitleColumn, ad.title);
        item->setText(GivingColumn, serviceNames.value(ad.givingServiceId));
        item->setText(ReceivingColumn, serviceNames.value(ad.receivingServiceId));
        item->setText(ClosedColumn,
                      QLocale().toString(ad.closedAt.toLocalTime().date(), QLocale::ShortFormat));
        item->setData(TitleColumn, Qt::UserRole, ad.adId);
    }
    m_listState->setText(tr("No item given is waiting for a transport."));
    m_listPages->setCurrentWidget(ads.isEmpty() ? static_cast<QWidget *>(m_listState) : m_list);
}

void RequestTransportDialog::onAdChosen()
{
    const qint64 id = selectedAdId();
    m_requestButton->setEnabled(id > 0);
    m_adError->hide();
    if (!id)
        return;
    const ExchangedAd ad = m_ads.value(id);
    // The departure is where the ad said the item is; whom to ask there stays as typed.
    PickupEnd from = m_fields->request().from;
    from.siteId = ad.siteId;
    from.room = ad.room;
    m_fields->setFrom(from);
    PickupEnd to = m_fields->request().to;
    to.siteId = 0; // the arrival belongs to the new item's receiving service
    m_fields->setTo(to);
    m_fields->suggestDestination(m_organisationOf.value(ad.receivingServiceId));
}

bool RequestTransportDialog::isLoading() const
{
    return m_reads->isLoading();
}

QList<qint64> RequestTransportDialog::offeredAdIds() const
{
    QList<qint64> ids;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        ids.append(m_list->topLevelItem(i)->data(TitleColumn, Qt::UserRole).toLongLong());
    return ids;
}

bool RequestTransportDialog::selectAd(qint64 adId)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(TitleColumn, Qt::UserRole).toLongLong() == adId) {
            m_list->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

qint64 RequestTransportDialog::selectedAdId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(TitleColumn, Qt::UserRole).toLongLong() : 0;
}

QString RequestTransportDialog::fieldError(const QString &field) const
{
    if (field == QLatin1String("ad"))
        return m_adError->isHidden() ? QString() : m_adError->text();
    return m_fields->fieldError(field);
}

QString RequestTransportDialog::messageText() const
{
    return m_messageBar->isHidden() ? QString() : m_messageBar->text();
}

void RequestTransportDialog::accept()
{
    m_messageBar->dismiss();
    m_adError->hide();
    m_fields->clearErrors();
    QList<std::pair<QString, QString>> errors;
    const qint64 adId = selectedAdId();
    if (!adId)
        errors.append({QStringLiteral("ad"), tr("Choose the item to move.")});
    for (const FieldError &error : m_fields->check())
        errors.append({error.field, error.message});
    if (!errors.isEmpty()) {
        showFieldErrors(errors);
        return; // stays open, with what was typed
    }
    if (m_submitter) {
        const Result<Pickup> asked = m_submitter(adId, m_fields->request());
        if (!asked) {
            const Error &error = asked.error();
            if (!error.fields.isEmpty()) {
                showFieldErrors(error.fields);
            } else {
                m_messageBar->showMessage(MessageBar::Kind::Error, error.message, error.detail);
                if (error.kind == Error::Kind::Invalid || error.kind == Error::Kind::Conflict)
                    load(); // the item may have been given its transport meanwhile
            }
            return;
        }
    }
    QDialog::accept();
}

void RequestTransportDialog::showFieldErrors(const QList<std::pair<QString, QString>> &errors)
{
    QWidget *focus = nullptr;
    QStringList unplaced;
    for (const auto &[field, message] : errors) {
        if (field == QLatin1String("ad")) {
            m_adError->setText(message);
            m_adError->show();
            if (!focus)
                focus = m_list;
        } else if (m_fields->showError(field, message)) {
            if (!focus)
                focus = m_fields->fieldWidget(field);
        } else {
            unplaced.append(message);
        }
    }
    if (!unplaced.isEmpty())
        m_messageBar->showMessage(MessageBar::Kind::Error, unplaced.join(u' '));
    if (focus)
        focus->setFocus();
}

} // namespace Recup
