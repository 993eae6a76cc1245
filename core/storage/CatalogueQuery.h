// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Ad.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantMap>

namespace Recup {

class Database;

// How the catalogue is ordered. Each sort reads groups one after the other, newest first
// inside a group, so that every page is an index range scan and the keyset stays exact:
// * Newest: one group, the whole catalogue.
// * NearestSite: the ads of the home site, then those of the other sites of its organisation,
//   then all the others (newest first within each of the three); without a home site, Newest.
// * Category: category by category, in alphabetical order of their names.
enum class CatalogueSort { Newest, NearestSite, Category };

// The key a sort is remembered by ("newest", "nearest-site", "category"), and back (Newest for
// anything unknown).
QString catalogueSortKey(CatalogueSort sort);
CatalogueSort catalogueSortFromKey(const QString &key);

struct CatalogueFilter
{
    QString text; // words typed in the search box
    qint64 categoryId = 0;
    qint64 organisationId = 0;
    qint64 serviceId = 0;
    qint64 siteId = 0;
    CatalogueSort sort = CatalogueSort::Newest;
    qint64 homeSiteId = 0; // NearestSite: the site the person works at
    bool operator==(const CatalogueFilter &) const = default;
};

// Keyset position: the last entry seen, newest first by (publishedAt, id) inside its group.
struct CatalogueCursor
{
    QDateTime publishedAt;
    qint64 id = 0;
    // The group of that entry: NearestSite 0 (home site), 1 (its organisation), 2 (the others);
    // Category the category's id; Newest 0.
    qint64 group = 0;
    bool isStart() const { return id == 0; }
};

struct CatalogueEntry
{
    qint64 id = 0;
    QString title;
    QString categoryName;
    QString serviceName;
    QString organisationName;
    QString siteName;
    AdState state = AdState::Published;
    int quantity = 1;
    // What its parts reserved or given leave of the lot (migration 020); -1: not read.
    int quantityLeft = -1;
    QDateTime publishedAt;
    // The first photo, by id and version (migration 025): the page carries no picture, the
    // thumbnail is read apart (CatalogueQuery::thumbnails) unless the workstation holds it. 0:
    // none.
    qint64 photoId = 0;
    qint64 photoVersion = 0;
};

// One photo's thumbnail as the batch reads it: the version it had when read.
struct PhotoThumbnail
{
    qint64 photoId = 0;
    qint64 version = 0;
    QByteArray jpeg;
};

struct CataloguePage
{
    QList<CatalogueEntry> entries;
    CatalogueCursor next; // pass back to get the following page
    bool atEnd = false;
};

// The catalogue: published and reserved ads in the filter's sort, filtered, paged by keyset
// (never OFFSET), so that ads arriving meanwhile cause neither duplicates nor gaps.
//
// A search tests the newest SearchWindow ads of the filter first (a common word fills its page
// there); failing that it collects at most SearchProbe matches through the text index and,
// when they are all, sorts the page from them; only a word with more matches than that, all
// older, walks the date order further. The server never walks the whole catalogue for a word
// that matches little or nothing (issue #13).
class CatalogueQuery
{
public:
    static constexpr int SearchWindow = 5000;
    static constexpr int SearchProbe = 5000;

    explicit CatalogueQuery(Database &db);

    Result<CataloguePage>
    page(const CatalogueFilter &filter, const CatalogueCursor &after = {}, int limit = 50) const;

    // The thumbnails of these photos, in one statement whatever their number, only for photos
    // of ads in the catalogue (published or reserved) that the session may read: on PostgreSQL
    // the row-level security of ad_photo decides too. Photos not found are simply absent.
    Result<QList<PhotoThumbnail>> thumbnails(const QList<qint64> &photoIds) const;

    // The statement and bound values page() runs for the first group it reads (the whole page
    // under Newest), so that the benchmark can run the same SQL straight through the driver.
    struct Statement
    {
        QString sql;
        QVariantMap values;
    };
    Statement
    statement(const CatalogueFilter &filter, const CatalogueCursor &after, int limit) const;

private:
    struct Group
    {
        qint64 key = 0;
        QString condition; // on the ad "a", empty for the whole catalogue
        QVariantMap values;
    };
    Result<QList<Group>> groups(const CatalogueFilter &filter) const;
    Statement statement(const CatalogueFilter &filter,
                        const Group &group,
                        const CatalogueCursor &after,
                        int limit) const;
    Result<QList<CatalogueEntry>> run(const Statement &statement) const;

    Database &m_db;
};

} // namespace Recup
