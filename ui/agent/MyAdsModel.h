// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Ad.h"
#include "storage/AdRepository.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>

namespace Recup {

// An owner's ad as the list shows it (AdRepository::ownedPage).
using MyAdsEntry = OwnedAd;

// The owner's ads as a table, the most recently changed first, filtered by state by the
// database, loaded a page at a time as the user scrolls (canFetchMore/fetchMore ask the window
// for the next page through moreRequested(); appendPage() brings it in).
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

    static constexpr int PageSize = 100;

    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Replaces the rows with the first page(s) read for the current filter.
    void setEntries(const QList<MyAdsEntry> &entries, bool hasMore, const OwnedAdsCursor &next);
    // Adds the next page after the rows already there, if it was read for this list (the
    // epoch fetchMore() was asked in); a page read for a list since replaced is dropped.
    void appendPage(const OwnedAdsPage &page, int epoch);
    // Changes with every setEntries(): what a page request carries to find its list again.
    int listEpoch() const { return m_epoch; }
    // A page asked for will not come (the list is being read again): scrolling may ask again.
    void stopFetching() { m_fetching = false; }
    const OwnedAdsCursor &nextCursor() const { return m_next; }
    // How many ads the owner has in each state (the database's count, whatever is loaded).
    void setCounts(const QMap<AdState, int> &counts);
    // Names of the services, for "Closed — given to Médiathèque".
    void setServiceNames(const QHash<qint64, QString> &names);
    // The filter the rows were read with; the window reads them again when it changes.
    void setFilter(Filter filter) { m_filter = filter; }
    Filter filter() const { return m_filter; }
    static bool matches(AdState state, Filter filter);
    // The states a filter reads (none: every state).
    static QList<AdState> states(Filter filter);

    // All the owner's ads, whatever the filter (the database's count).
    int totalCount() const;
    // The owner's ads the filter shows, loaded or not.
    int filteredCount() const;
    const MyAdsEntry *entry(int row) const;
    qint64 adId(int row) const;
    int rowOfAd(qint64 adId) const;

    // "Published", "Closed — given to Médiathèque", "Closed — thrown away".
    QString closingText(const Ad &ad) const;
    // The same, with where the transport of an exchanged ad is: "… — transport planned on
    // 04/12/2026".
    QString stateText(const MyAdsEntry &entry) const;
    // stateText() of the ad's row when it is listed, else its closingText().
    QString stateTextOf(const Ad &ad) const;

signals:
    // The view scrolled to the end of what is loaded: the window reads the next page.
    void moreRequested();

private:
    QString datesText(const MyAdsEntry &entry) const;

    QList<MyAdsEntry> m_rows;
    QMap<AdState, int> m_counts;
    OwnedAdsCursor m_next;
    bool m_hasMore = false;
    bool m_fetching = false;
    int m_epoch = 0;
    QHash<qint64, QString> m_serviceNames;
    Filter m_filter = Filter::All;
};

} // namespace Recup
