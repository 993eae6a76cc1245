// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "storage/CatalogueQuery.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPixmap>
#include <QSet>

#include <utility>

#include <optional>

namespace Recup {

class CatalogueFeed;

// The catalogue as a table, loaded page by page (keyset) through a CatalogueFeed as the view
// scrolls. Changing the filter starts a new generation: pages still on their way for an
// older filter are dropped when they arrive. A page's rows are shown as soon as they are read,
// and their thumbnails follow in one request. Decoded thumbnails are kept for the rows seen
// last only (ThumbnailsHeld): a row shown again after its picture was let go asks the feed for
// it, which answers from its own cache of JPEG bytes without a statement in most cases.
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
    // Decoded thumbnails kept: 300 × 16 KiB at 64 px, under 5 MiB; a full-HD grid shows 60.
    static constexpr int ThumbnailsHeld = 300;
    // A request for thumbnails names at most this many (the rows shown last).
    static constexpr int ThumbnailsPerRequest = 200;

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
    bool hasThumbnail(int row) const;
    // How many decoded thumbnails the model holds now (at most thumbnailsHeld()).
    int heldThumbnails() const { return int(m_thumbnails.count()); }
    int thumbnailsHeld() const { return int(m_thumbnails.maxCost()); }
    // Thumbnails asked for and not yet shown (a page's, or rows shown again).
    bool thumbnailsPending() const { return !m_wanted.isEmpty(); }
    // Fewer for a test of what comes back after being let go; never fewer than a screen shows.
    void setThumbnailsHeld(int count) { m_thumbnails.setMaxCost(count); }

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
    void onPageReady(quint64 generation, const CataloguePage &page);
    void onFailed(quint64 generation, const Error &error);
    void onThumbnailsReady(const QList<CatalogueEntry> &entries, const QList<QImage> &images);
    // The row's picture is not held: asked in the next request (after the current paint).
    void wantThumbnail(const CatalogueEntry &entry) const;
    void requestWantedThumbnails() const;
    void keepThumbnail(const CatalogueEntry &entry, const QImage &image);
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
    using PhotoKey = std::pair<qint64, qint64>; // photo id, version
    // The decoded thumbnails of the rows seen last (the least recently shown go first).
    mutable QCache<PhotoKey, QPixmap> m_thumbnails{ThumbnailsHeld};
    // Photos that came back without a picture (removed, unreadable): never asked again.
    QSet<PhotoKey> m_withoutPicture;
    // Asked and not yet answered, and wanted since: the next request names them all, since
    // it supersedes the one on its way. Oldest first.
    mutable QList<CatalogueEntry> m_wanted;
    mutable QSet<PhotoKey> m_wantedKeys;
    mutable bool m_requestQueued = false;
    mutable QPixmap m_placeholder;
};

} // namespace Recup
