// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logistics/StoreWindow.h"

#include "actions/AdWorkflow.h"
#include "common/Look.h"
#include "common/MessageBar.h"
#include "common/ReasonTextDialog.h"
#include "common/WindowHeader.h"
#include "logistics/StockModel.h"
#include "storage/Database.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"
#include "storage/StoreRepository.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace Recup {

StoreWindow::StoreWindow(Database &db, const Agent &agent, QWidget *parent)
    : WorkWindow(db,
                 {tr("General store"),
                  tr("What the store holds, longest first: give items out as any owner would, "
                     "throw away what stayed too long."),
                  QStringLiteral("stockCount"),
                  agent.displayName,
                  tr("Read the stock again now (it is also read every minute)")},
                 parent)
    , m_agent(agent)
    , m_moderator(agent.roles.testFlag(Role::Moderator))
{
    setObjectName(QStringLiteral("storeWindow"));
    setWindowTitle(tr("General store — Collectiv'Récup"));
    m_writes = new ReadChannel(listReads()->worker(), this);
    m_model = new StockModel(this);
    QWidget *content = centralWidget();
    body()->addWidget(createStorePicker());

    m_view = new QTableView(content);
    m_view->setObjectName(QStringLiteral("stockView"));
    m_view->setAccessibleName(tr("Items in the store"));
    m_view->setModel(m_model);
    configureView();
    m_emptyState = Look::emptyStateLabel(content, "stockEmptyState");
    m_pages = new QStackedWidget(content);
    m_pages->addWidget(m_view);
    m_pages->addWidget(m_emptyState);
    body()->addWidget(m_pages, 1);

    m_totals = new QLabel(content);
    m_totals->setObjectName(QStringLiteral("stockTotals"));
    m_totals->setTextFormat(Qt::PlainText);
    body()->addWidget(m_totals);
    body()->addWidget(createActions());

    QMenu *menu = addWindowMenu(tr("&Store"), tr("&Refresh"), tr("&Close"));
    auto *discard = new QAction(tr("&Throw away…"), menu);
    discard->setObjectName(QStringLiteral("discardAction"));
    discard->setShortcut(QKeySequence(tr("Ctrl+Shift+X")));
    menu->insertAction(menu->actions().value(0), discard);
    menu->insertSeparator(menu->actions().value(1));
    connect(discard, &QAction::triggered, this, &StoreWindow::discardSelected);
    connect(m_discardButton, &QAbstractButton::clicked, discard, [discard] { discard->trigger(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateState();
    });

    ReferenceCache &references = db.references();
    connect(&references, &ReferenceCache::changed, this, &StoreWindow::fillStores);
    fillStores();
    references.ensureLoaded();
    resize(1100, 640);
    updateState();
    refresh();
}

StoreWindow::~StoreWindow() = default;

QWidget *StoreWindow::createStorePicker()
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_store = new QComboBox(row);
    m_store->setObjectName(QStringLiteral("storeCombo"));
    m_store->setAccessibleName(tr("Store"));
    m_store->setMinimumContentsLength(24);
    m_store->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *label = new QLabel(tr("S&tore:"), row);
    label->setBuddy(m_store);
    layout->addWidget(label);
    layout->addWidget(m_store);
    layout->addStretch();
    connect(m_store, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            refresh();
    });
    return row;
}

QWidget *StoreWindow::createActions()
{
    auto *actions = new QWidget(this);
    auto *row = new QHBoxLayout(actions);
    row->setContentsMargins(0, 0, 0, 0);
    m_hint = new QLabel(actions);
    m_hint->setObjectName(QStringLiteral("stockHint"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    Look::makeSecondary(m_hint);
    row->addWidget(m_hint, 1);
    m_discardButton = new QPushButton(tr("Throw away…"), actions);
    m_discardButton->setObjectName(QStringLiteral("discardButton"));
    m_discardButton->setToolTip(
            tr("Close the item's ad as thrown away, saying why (Ctrl+Shift+X)"));
    m_discardButton->setStyleSheet(
            Look::dangerButtonStyle(palette(), m_discardButton->objectName()));
    row->addWidget(m_discardButton);
    return actions;
}

void StoreWindow::configureView()
{
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(StockModel::ItemColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(StockModel::QuantityColumn, QHeaderView::ResizeToContents);
    header->resizeSection(StockModel::WeightColumn, 90);
    header->resizeSection(StockModel::SinceColumn, 170);
    header->resizeSection(StockModel::GivenByColumn, 170);
    header->resizeSection(StockModel::StateColumn, 170);
    header->resizeSection(StockModel::ValueColumn, 90);
    // The value is the moderators' figure.
    m_view->setColumnHidden(StockModel::ValueColumn, !m_moderator);
}

void StoreWindow::fillStores()
{
    const qint64 chosen = m_store->currentData().toLongLong();
    QList<Site> stores;
    for (const Site &site : database().references().sites()) {
        if (site.isStore())
            stores.append(site);
    }
    std::sort(stores.begin(), stores.end(), [this](const Site &a, const Site &b) {
        // One's own service's store first.
        const bool mineA = a.storeServiceId == m_agent.serviceId;
        const bool mineB = b.storeServiceId == m_agent.serviceId;
        if (mineA != mineB)
            return mineA;
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    m_filling = true;
    m_store->clear();
    for (const Site &site : std::as_const(stores))
        m_store->addItem(site.name, site.id);
    const int index = m_store->findData(chosen);
    m_store->setCurrentIndex(index >= 0 ? index : 0);
    m_filling = false;
    if (m_store->currentData().toLongLong() != chosen)
        refresh();
}

qint64 StoreWindow::storeSiteId() const
{
    return m_store->currentData().toLongLong();
}

void StoreWindow::startRefresh()
{
    const qint64 store = storeSiteId();
    if (store == 0) {
        m_model->setItems({}, QDateTime::currentDateTimeUtc());
        updateState();
        finishRefresh(true);
        return;
    }
    Database *db = &database();
    listReads()->request<QList<StockItem>>(
            [db, store] { return StoreRepository(*db).stock(store); },
            [this](const Result<QList<StockItem>> &items) {
                if (!items) {
                    messageBar()->showMessage(
                            MessageBar::Kind::Error,
                            tr("The stock could not be read. %1").arg(items.error().message),
                            items.error().detail,
                            [this] { refresh(); });
                    finishRefresh(false);
                    return;
                }
                resetKeepingView(m_view, [&] {
                    m_model->setItems(*items, QDateTime::currentDateTimeUtc());
                });
                updateState();
                finishRefresh(true);
            });
}

bool StoreWindow::selectItem(qint64 adId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row)->adId == adId) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            return true;
        }
    }
    return false;
}

const StockItem *StoreWindow::selectedItem() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->item(current.row()) : nullptr;
}

QString StoreWindow::totalsText() const
{
    return m_totals->text();
}

bool StoreWindow::isKeeperOf(const StockItem &item) const
{
    return item.ownerId == m_agent.id;
}

void StoreWindow::updateState()
{
    const bool empty = m_model->rowCount() == 0;
    m_pages->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyState) : m_view);
    if (m_store->count() == 0)
        m_emptyState->setText(tr("No site is a general store yet: the IT administrator makes one "
                                 "(see the IT guide)."));
    else
        m_emptyState->setText(tr("The store holds nothing at the moment."));
    QLabel *badge = header()->countLabel();
    badge->setText(tr("In stock: %1").arg(QLocale().toString(m_model->rowCount())));
    badge->setStyleSheet(Look::badgeStyle(palette(), Look::Tone::Information));
    m_totals->setText(empty ? QString() : m_model->totalsText());
    const StockItem *item = selectedItem();
    const bool mayDiscard = item && !m_writing && (isKeeperOf(*item) || m_moderator);
    m_discardButton->setEnabled(mayDiscard);
    // The keeper throws away as an owner; a moderator removes.
    m_discardButton->setText(item && !isKeeperOf(*item) && m_moderator ? tr("Remove…")
                                                                       : tr("Throw away…"));
    if (!item)
        m_hint->setText(tr("Select an item. The store's keeper gives it out from « My ads », "
                           "as any owner."));
    else if (isKeeperOf(*item))
        m_hint->setText(tr("You hold this item: give it out from « My ads », or throw it away "
                           "here if it stayed too long."));
    else if (m_moderator)
        m_hint->setText(tr("As a moderator you may remove this item, saying why."));
    else
        m_hint->setText(tr("The store's keeper gives this item out or throws it away."));
}

void StoreWindow::discardSelected()
{
    const StockItem *selected = selectedItem();
    if (!selected || m_writing || !(isKeeperOf(*selected) || m_moderator))
        return;
    const StockItem item = *selected;
    std::optional<QString> reason;
    pauseAutoRefresh();
    if (m_askReason) {
        reason = m_askReason(item);
    } else {
        reason = ReasonTextDialog::ask(
                this,
                tr("Throw away"),
                tr("Why is %1 thrown away? The history keeps it.").arg(Look::quoted(item.title)),
                tr("Throw away"),
                tr("Keep it"));
    }
    resumeAutoRefresh();
    if (!reason)
        return;
    if (reason->trimmed().isEmpty()) {
        messageBar()->showMessage(MessageBar::Kind::Warning,
                                  tr("Say why the item is thrown away: nothing was changed."));
        return;
    }
    // The keeper closes as an owner; a moderator removes.
    const bool asKeeper = isKeeperOf(item);
    TransitionRequest request{asKeeper ? AdAction::Close : AdAction::Remove,
                              item.version,
                              reason->trimmed(),
                              asKeeper ? CloseReason::Discarded : CloseReason::Removed,
                              0,
                              {}};
    const Actor actor{m_agent.id, m_moderator && !asKeeper, false};
    const MailSettings mail = m_mailCenter ? m_mailCenter->settings() : MailSettings{};
    Database *db = &database();
    m_writing = true;
    updateState();
    m_writes->request<Ad>(
            [db, mail, item, request, actor] {
                return AdWorkflow(*db, mail).transition(item.adId, request, actor);
            },
            [this, item, asKeeper](const Result<Ad> &result) {
                m_writing = false;
                if (result) {
                    if (m_mailCenter)
                        m_mailCenter->sendNow();
                    messageBar()->showMessage(
                            MessageBar::Kind::Information,
                            (asKeeper ? tr("%1 is thrown away; the history says why.")
                                      : tr("%1 is removed from the catalogue; the history says "
                                           "why."))
                                    .arg(Look::quoted(item.title)));
                } else {
                    messageBar()->showMessage(
                            MessageBar::Kind::Error, result.error().message, result.error().detail);
                }
                refresh();
            });
}

} // namespace Recup
