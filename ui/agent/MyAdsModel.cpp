// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/MyAdsModel.h"

#include "common/Look.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace Recup {

namespace {

QString shortDate(const QDateTime &at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime().date(), QLocale::ShortFormat)
                        : QString();
}

} // namespace

MyAdsModel::MyAdsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int MyAdsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MyAdsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MyAdsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MyAdsEntry &entry = m_rows.at(index.row());
    const Ad &ad = entry.ad;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TitleColumn:
            return ad.title;
        case StateColumn:
            return stateText(entry);
        case DatesColumn:
            return datesText(entry);
        case RequestsColumn:
            return entry.requestCount;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (column) {
        case TitleColumn:
            return ad.title;
        case StateColumn:
            if (ad.state == AdState::Rejected && !entry.rejectionReason.isEmpty())
                return tr("The moderator's reason: %1").arg(entry.rejectionReason);
            return stateText(entry);
        case RequestsColumn:
            return entry.requestCount == 0
                           ? tr("Nobody has asked for it yet")
                           : tr("%n contact request(s)", nullptr, entry.requestCount);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column == TitleColumn && !entry.thumbnail.isNull())
            return entry.thumbnail;
        return {};
    case Qt::TextAlignmentRole:
        if (column == RequestsColumn)
            return int(Qt::AlignCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (column == TitleColumn || (column == RequestsColumn && entry.requestCount > 0)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == StateColumn && ad.state == AdState::Rejected)
            return QBrush(Look::toneText(QGuiApplication::palette(),
                                         Look::Tone::Danger)); // what needs the owner's attention
        if (column == StateColumn && ad.state == AdState::Expired)
            return QBrush(Look::toneText(QGuiApplication::palette(), Look::Tone::Warning));
        if (ad.state == AdState::Closed)
            return QBrush(Look::secondaryText(QGuiApplication::palette()));
        return {};
    case AdIdRole:
        return ad.id;
    case VersionRole:
        return ad.version;
    case StateRole:
        return toKey(ad.state);
    case LastChangeRole:
        return entry.lastChange;
    default:
        return {};
    }
}

QVariant MyAdsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Item");
    case StateColumn:
        return tr("Status");
    case DatesColumn:
        return tr("Dates");
    case RequestsColumn:
        return tr("Requests");
    default:
        return {};
    }
}

bool MyAdsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore && !m_fetching;
}

void MyAdsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true; // until the page comes in
    emit moreRequested();
}

void MyAdsModel::setEntries(const QList<MyAdsEntry> &entries,
                            bool hasMore,
                            const OwnedAdsCursor &next)
{
    beginResetModel();
    ++m_epoch;
    m_rows = entries;
    m_hasMore = hasMore;
    m_next = next;
    m_fetching = false;
    endResetModel();
}

void MyAdsModel::appendPage(const OwnedAdsPage &page, int epoch)
{
    if (epoch != m_epoch)
        return; // read for a list that has been replaced since
    m_fetching = false;
    m_hasMore = page.hasMore;
    if (page.ads.isEmpty())
        return;
    m_next = page.next;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.ads.size()) - 1);
    m_rows.append(page.ads);
    endInsertRows();
}

void MyAdsModel::setCounts(const QMap<AdState, int> &counts)
{
    m_counts = counts;
}

int MyAdsModel::totalCount() const
{
    int total = 0;
    for (int count : m_counts)
        total += count;
    return total;
}

int MyAdsModel::filteredCount() const
{
    int total = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        if (matches(it.key(), m_filter))
            total += it.value();
    }
    return total;
}

void MyAdsModel::setServiceNames(const QHash<qint64, QString> &names)
{
    m_serviceNames = names;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, StateColumn), index(rowCount() - 1, StateColumn));
}

QList<AdState> MyAdsModel::states(Filter filter)
{
    QList<AdState> states;
    if (filter == Filter::All)
        return states;
    for (AdState state : {AdState::Draft,
                          AdState::Pending,
                          AdState::Published,
                          AdState::Reserved,
                          AdState::Rejected,
                          AdState::Expired,
                          AdState::Closed}) {
        if (matches(state, filter))
            states.append(state);
    }
    return states;
}

bool MyAdsModel::matches(AdState state, Filter filter)
{
    switch (filter) {
    case Filter::All:
        return true;
    case Filter::InProgress:
        return state != AdState::Closed;
    case Filter::Closed:
        return state == AdState::Closed;
    }
    return true;
}

const MyAdsEntry *MyAdsModel::entry(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

qint64 MyAdsModel::adId(int row) const
{
    const MyAdsEntry *found = entry(row);
    return found ? found->ad.id : 0;
}

int MyAdsModel::rowOfAd(qint64 adId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).ad.id == adId)
            return row;
    }
    return -1;
}

QString MyAdsModel::stateText(const MyAdsEntry &entry) const
{
    if (shownState(entry.ad.state, entry.quantityLeft) != entry.ad.state)
        return displayName(shownState(entry.ad.state, entry.quantityLeft)); // all promised
    const QString closing = closingText(entry.ad);
    if (!entry.transport)
        return closing;
    const QString day = QLocale().toString(entry.transportDate, QLocale::ShortFormat);
    switch (*entry.transport) {
    case PickupStatus::Requested:
        return tr("%1 — transport requested for %2").arg(closing, day);
    case PickupStatus::Planned:
        return tr("%1 — transport planned on %2").arg(closing, day);
    case PickupStatus::PickedUp:
        return tr("%1 — picked up, on its way").arg(closing);
    case PickupStatus::Delivered:
        return tr("%1 — delivered").arg(closing);
    case PickupStatus::Cancelled:
        return tr("%1 — transport cancelled").arg(closing);
    }
    return closing;
}

QString MyAdsModel::stateTextOf(const Ad &ad) const
{
    const MyAdsEntry *listed = entry(rowOfAd(ad.id));
    return listed ? stateText(*listed) : closingText(ad);
}

QString MyAdsModel::closingText(const Ad &ad) const
{
    if (ad.state != AdState::Closed || !ad.closeReason)
        return displayName(ad.state);
    switch (*ad.closeReason) {
    case CloseReason::Exchanged: {
        const QString service = m_serviceNames.value(ad.receivingServiceId);
        return service.isEmpty() ? tr("Closed — given to another service")
                                 : tr("Closed — given to %1").arg(service);
    }
    case CloseReason::Discarded:
        return tr("Closed — thrown away");
    case CloseReason::Unavailable:
        return tr("Closed — no longer available");
    case CloseReason::Removed:
        return tr("Closed — removed by a moderator");
    }
    return displayName(ad.state);
}

QString MyAdsModel::datesText(const MyAdsEntry &entry) const
{
    const Ad &ad = entry.ad;
    switch (ad.state) {
    case AdState::Draft:
        return tr("Created on %1").arg(shortDate(ad.createdAt));
    case AdState::Pending:
        return tr("Sent on %1").arg(shortDate(entry.lastChange));
    case AdState::Rejected:
        return tr("Rejected on %1").arg(shortDate(entry.lastChange));
    case AdState::Published:
    case AdState::Reserved:
        if (!ad.expiresAt.isValid())
            return tr("Published on %1").arg(shortDate(ad.publishedAt));
        return tr("Published on %1, until %2")
                .arg(shortDate(ad.publishedAt), shortDate(ad.expiresAt));
    case AdState::Expired:
        return tr("Expired on %1").arg(shortDate(entry.lastChange));
    case AdState::Closed:
        return tr("Closed on %1")
                .arg(shortDate(ad.closedAt.isValid() ? ad.closedAt : entry.lastChange));
    }
    return {};
}

} // namespace Recup
