// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/ModerationViews.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace Recup {

// The published ads, or the long reservations, as a table (in the database's order).
class WatchedAdsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Kind { Published, Reserved };
    // Published: title, category, owner, published on, expires on.
    // Reserved: title, category, owner's contact, reserved since, asked by.
    enum Column { TitleColumn, CategoryColumn, OwnerColumn, DateColumn, LastColumn, ColumnCount };
    enum Role { AdIdRole = Qt::UserRole, VersionRole };

    explicit WatchedAdsModel(Kind kind, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the rows; now is the time a reservation's age is counted to.
    void setAds(const QList<WatchedAd> &ads, const QDateTime &now);

    Kind kind() const { return m_kind; }
    const WatchedAd *ad(int row) const;
    int rowOfAd(qint64 adId) const;

private:
    QString dateText(const QDateTime &time) const;

    Kind m_kind;
    QList<WatchedAd> m_ads;
    QDateTime m_now;
};

} // namespace Recup
