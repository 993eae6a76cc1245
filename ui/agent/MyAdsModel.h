// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Ad.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace Recup {

// One of the agent's own ads as « Mes annonces » lists it: the ad (without photos), when it
// last changed, what the moderator said when rejecting it, and how many people asked for it.
struct MyAdsEntry
{
    Ad ad;
    QDateTime lastChange;
    QString rejectionReason; // the latest rejection's reason, when the ad is rejected
    int requestCount = 0;
};

// The owner's ads as a table, the most recently changed first, filtered by state.
class MyAdsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, StateColumn, DatesColumn, RequestsColumn, ColumnCount };
    enum Role { AdIdRole = Qt::UserRole, VersionRole, StateRole, LastChangeRole };
    enum class Filter { All, InProgress, Closed };

    explicit MyAdsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces every ad (the filter then picks the rows); sorted here, newest change first.
    void setEntries(const QList<MyAdsEntry> &entries);
    // Names of the services, for "Closed — given to Médiathèque".
    void setServiceNames(const QHash<qint64, QString> &names);
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    static bool matches(AdState state, Filter filter);

    // All the owner's ads, whatever the filter.
    int totalCount() const { return int(m_all.size()); }
    const MyAdsEntry *entry(int row) const;
    qint64 adId(int row) const;
    int rowOfAd(qint64 adId) const;

    // "Published", "Closed — given to Médiathèque", "Closed — thrown away".
    QString stateText(const Ad &ad) const;

private:
    void applyFilter();
    QString datesText(const MyAdsEntry &entry) const;

    QList<MyAdsEntry> m_all;
    QList<MyAdsEntry> m_rows;
    QHash<qint64, QString> m_serviceNames;
    Filter m_filter = Filter::All;
};

} // namespace Recup
