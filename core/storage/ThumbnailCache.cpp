// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ThumbnailCache.h"

#include "storage/Database.h"

#include <QHash>

#include <algorithm>

namespace Recup {

ThumbnailCache::ThumbnailCache(qsizetype maxBytes)
    : m_cache(maxBytes)
{}

bool ThumbnailCache::holds(qint64 photoId, qint64 version) const
{
    return m_cache.contains(Key{photoId, version});
}

Result<QList<QByteArray>> ThumbnailCache::thumbnailsOf(Database &db,
                                                       const QList<CatalogueEntry> &entries)
{
    QList<qint64> missing;
    for (const CatalogueEntry &entry : entries) {
        if (entry.photoId > 0 && !m_cache.contains(Key{entry.photoId, entry.photoVersion})
            && !missing.contains(entry.photoId))
            missing.append(entry.photoId);
    }
    // Read now, used below even if the cache cannot keep them all (a page larger than it).
    QHash<qint64, PhotoThumbnail> read;
    if (!missing.isEmpty()) {
        const Result<QList<PhotoThumbnail>> found = CatalogueQuery(db).thumbnails(missing);
        if (!found)
            return found.error();
        for (const PhotoThumbnail &thumbnail : *found) {
            read.insert(thumbnail.photoId, thumbnail);
            // A photo changed since the page was read comes with its newer version: kept
            // under that one, which the next page will name.
            m_cache.insert(Key{thumbnail.photoId, thumbnail.version},
                           new QByteArray(thumbnail.jpeg),
                           std::max<qsizetype>(thumbnail.jpeg.size(), 1));
        }
    }
    QList<QByteArray> result;
    result.reserve(entries.size());
    for (const CatalogueEntry &entry : entries) {
        if (entry.photoId <= 0) {
            result.append(QByteArray());
        } else if (const auto it = read.constFind(entry.photoId); it != read.cend()) {
            result.append(it->jpeg);
        } else if (const QByteArray *held
                   = m_cache.object(Key{entry.photoId, entry.photoVersion})) {
            result.append(*held);
        } else {
            result.append(QByteArray());
        }
    }
    return result;
}

} // namespace Recup
