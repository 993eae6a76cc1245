// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "storage/CatalogueQuery.h"

#include <QByteArray>
#include <QCache>
#include <QList>
#include <utility>

namespace Recup {

class Database;

// The catalogue's thumbnails this workstation already holds, as JPEG bytes keyed by photo and
// version (migration 025), bounded by their size: the least recently used go first. A page of
// the catalogue carries only the keys; thumbnailsOf() reads in ONE statement those it does not
// hold, so that a page costs at most two statements and a page seen again one.
//
// Not thread-safe: CatalogueFeed keeps one on its reading thread and touches it only there.
class ThumbnailCache
{
public:
    static constexpr qsizetype DefaultBytes = 8 * 1024 * 1024;

    explicit ThumbnailCache(qsizetype maxBytes = DefaultBytes);

    // One JPEG per entry, in the same order (empty where the ad has no photo, or where the
    // photo was not found: removed meanwhile, or no longer readable by this session).
    Result<QList<QByteArray>> thumbnailsOf(Database &db, const QList<CatalogueEntry> &entries);

    bool holds(qint64 photoId, qint64 version) const;
    qsizetype heldBytes() const { return m_cache.totalCost(); }
    qsizetype heldCount() const { return m_cache.count(); }
    void clear() { m_cache.clear(); }

private:
    using Key = std::pair<qint64, qint64>; // photo id, version
    QCache<Key, QByteArray> m_cache;
};

} // namespace Recup
