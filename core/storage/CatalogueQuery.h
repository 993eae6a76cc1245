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

struct CatalogueFilter
{
    QString text; // words typed in the search box
    qint64 categoryId = 0;
    qint64 organisationId = 0;
    qint64 serviceId = 0;
    qint64 siteId = 0;
    bool operator==(const CatalogueFilter &) const = default;
};

// Keyset position: the last entry seen, newest first by (publishedAt, id).
struct CatalogueCursor
{
    QDateTime publishedAt;
    qint64 id = 0;
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
    QByteArray thumbnail; // JPEG, may be empty
};

struct CataloguePage
{
    QList<CatalogueEntry> entries;
    CatalogueCursor next; // pass back to get the following page
    bool atEnd = false;
};

// The catalogue: published and reserved ads, newest first, filtered, paged by keyset
// (never OFFSET), so that ads arriving meanwhile cause neither duplicates nor gaps.
class CatalogueQuery
{
public:
    explicit CatalogueQuery(Database &db);

    Result<CataloguePage>
    page(const CatalogueFilter &filter, const CatalogueCursor &after = {}, int limit = 50) const;

    // The statement and bound values page() runs, so that the benchmark can run the same
    // SQL straight through the driver.
    struct Statement
    {
        QString sql;
        QVariantMap values;
    };
    Statement
    statement(const CatalogueFilter &filter, const CatalogueCursor &after, int limit) const;

private:
    Database &m_db;
};

} // namespace Recup
