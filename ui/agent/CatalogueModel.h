// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "storage/CatalogueQuery.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPixmap>

#include <optional>

namespace Recup {

class CatalogueFeed;

// The catalogue as a table, loaded page by page (keyset) through a CatalogueFeed as the view
// scrolls. Changing the filter starts a new generation: pages still on their way for an
// older filter are dropped when they arrive.
class CatalogueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PhotoColumn,
        TitleColumn,
        CategoryColumn,
        ServiceColumn,
        SiteColumn,
        AgeColumn,
        StateColumn,
        ColumnCount
    };
    enum Role {
        AdIdRole = Qt::UserRole,
        StateRole,
        PublishedAtRole,
        QuantityRole,
        OrganisationRole,
        // « 7 of 12 available », « 12 available », nothing for a single item, « Reserved » when
        // nothing can be asked for now.
        AvailabilityRole
    };
    static constexpr int PageSize = 50;
    static constexpr int ThumbnailSide = 64;

    explicit CatalogueModel(CatalogueFeed *feed, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Empties the table and loads the first page for that filter.
    void setFilter(const CatalogueFilter &filter);
    CatalogueFilter filter() const { return m_filter; }
    // Same filter, from the first page again (after an error, or to see new ads).
    void reload();

    const CatalogueEntry *entry(int row) const;
    qint64 adId(int row) const;
    int rowOfAd(qint64 adId) const;
    // Whether the row shows its photo's thumbnail (else the "no photo" placeholder).
    bool hasThumbnail(int row) const
    {
        return row >= 0 && row < m_thumbnails.size() && !m_thumbnails.at(row).isNull();
    }

    bool isLoading() const { return m_loading; }
    bool atEnd() const { return m_atEnd; }
    // The error of the last request, until the next one succeeds.
    std::optional<Error> lastError() const { return m_error; }
    quint64 generation() const { return m_generation; }

    // "Today", "3 days ago", "2 months ago"; now is injectable for tests.
    static QString ageText(const QDateTime &publishedAt, const QDateTime &now);
    // What is left of a lot, as AvailabilityRole says it.
    static QString availabilityText(const CatalogueEntry &entry);

signals:
    void loadingChanged(bool loading);
    // After each page arrives, and after a reset.
    void pageLoaded();
    void loadFailed(const Recup::Error &error);

private:
    void onPageReady(quint64 generation, const CataloguePage &page, const QList<QImage> &images);
    void onFailed(quint64 generation, const Error &error);
    void setLoading(bool loading);
    void requestNextPage();
    QPixmap placeholder() const;

    CatalogueFeed *m_feed = nullptr;
    CatalogueFilter m_filter;
    quint64 m_generation = 0;
    CatalogueCursor m_next;
    bool m_loading = false;
    bool m_atEnd = false;
    std::optional<Error> m_error;
    QList<CatalogueEntry> m_entries;
    QList<QPixmap> m_thumbnails;
    mutable QPixmap m_placeholder;
};

} // namespace Recup
