// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/WatchedAdsModel.h"

#include "moderator/ModerationQueueModel.h"

#include <QLocale>

namespace Recup {

WatchedAdsModel::WatchedAdsModel(Kind kind, QObject *parent)
    : QAbstractTableModel(parent)
    , m_kind(kind)
{}

int WatchedAdsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ads.size());
}

int WatchedAdsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString WatchedAdsModel::dateText(const QDateTime &time) const
{
    return time.isValid() ? QLocale().toString(time.toLocalTime().date(), QLocale::ShortFormat)
                          : tr("—", "no date");
}

QVariant WatchedAdsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const WatchedAd &ad = m_ads.at(index.row());
    const bool reserved = m_kind == Kind::Reserved;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return ad.title;
        case CategoryColumn:
            return ad.categoryName;
        case OwnerColumn:
            return reserved ? tr("%1, %2 (%3)").arg(ad.ownerName, ad.serviceName, ad.ownerEmail)
                            : tr("%1, %2").arg(ad.ownerName, ad.serviceName);
        case DateColumn:
            return reserved ? ModerationQueueModel::waitingText(ad.reservedAt, m_now)
                            : dateText(ad.publishedAt);
        case LastColumn:
            if (reserved)
                return ad.askingServiceName.isEmpty() ? tr("not known") : ad.askingServiceName;
            return dateText(ad.expiresAt);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TitleColumn:
            return ad.title;
        case OwnerColumn:
            return tr("%1 <%2>, %3").arg(ad.ownerName, ad.ownerEmail, ad.serviceName);
        case DateColumn:
            return reserved ? tr("Reserved on %1")
                                      .arg(QLocale().toString(ad.reservedAt.toLocalTime(),
                                                              QLocale::LongFormat))
                            : tr("Published on %1")
                                      .arg(QLocale().toString(ad.publishedAt.toLocalTime(),
                                                              QLocale::LongFormat));
        default:
            return {};
        }
    case AdIdRole:
        return ad.id;
    case VersionRole:
        return ad.version;
    default:
        return {};
    }
}

QVariant WatchedAdsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    const bool reserved = m_kind == Kind::Reserved;
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case CategoryColumn:
        return tr("Category");
    case OwnerColumn:
        return reserved ? tr("Poster (contact)") : tr("Poster");
    case DateColumn:
        return reserved ? tr("Reserved") : tr("Published on");
    case LastColumn:
        return reserved ? tr("Asked by") : tr("Expires on");
    default:
        return {};
    }
}

void WatchedAdsModel::setAds(const QList<WatchedAd> &ads, const QDateTime &now)
{
    beginResetModel();
    m_ads = ads;
    m_now = now;
    endResetModel();
}

const WatchedAd *WatchedAdsModel::ad(int row) const
{
    return row >= 0 && row < m_ads.size() ? &m_ads.at(row) : nullptr;
}

int WatchedAdsModel::rowOfAd(qint64 adId) const
{
    for (int row = 0; row < m_ads.size(); ++row) {
        if (m_ads.at(row).id == adId)
            return row;
    }
    return -1;
}

} // namespace Recup
