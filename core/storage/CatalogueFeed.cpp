// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/CatalogueFeed.h"

#include "storage/AdRepository.h"
#include "storage/CatalogueQuery.h"
#include "storage/ContactRequestRepository.h"
#include "storage/Database.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceRepository.h"
#include "storage/ThumbnailCache.h"

#include <QBuffer>
#include <QImageReader>
#include <QPainter>

namespace Recup {

namespace {

void registerMetaTypes()
{
    static const bool once = [] {
        qRegisterMetaType<Recup::Error>();
        qRegisterMetaType<Recup::Ad>();
        qRegisterMetaType<Recup::CatalogueFilter>();
        qRegisterMetaType<Recup::CatalogueCursor>();
        qRegisterMetaType<Recup::CatalogueEntry>();
        qRegisterMetaType<Recup::CataloguePage>();
        qRegisterMetaType<QList<Recup::CatalogueEntry>>();
        qRegisterMetaType<Recup::CatalogueReferences>();
        qRegisterMetaType<QList<Recup::Agent>>();
        qRegisterMetaType<QList<QImage>>();
        return true;
    }();
    Q_UNUSED(once);
}

} // namespace

QImage fittedImage(const QByteArray &jpeg, QSize size, qreal devicePixelRatio, bool fillCanvas)
{
    if (jpeg.isEmpty() || size.isEmpty())
        return {};
    QBuffer buffer;
    buffer.setData(jpeg);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize target = (QSizeF(size) * devicePixelRatio).toSize();
    const QSize original = reader.size();
    if (original.isValid()) {
        QSize scaled = original.scaled(target, Qt::KeepAspectRatio);
        if (!fillCanvas && original.width() <= target.width()
            && original.height() <= target.height())
            scaled = original; // never enlarge a photo
        // The JPEG decoder scales while decoding: far cheaper than decoding 1600 px.
        reader.setScaledSize(scaled);
    }
    QImage image = reader.read();
    if (image.isNull())
        return {};
    if (image.width() > target.width() || image.height() > target.height()
        || (fillCanvas && image.width() != target.width() && image.height() != target.height()))
        image = image.scaled(target, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    if (fillCanvas && image.size() != target) {
        QImage canvas(target, QImage::Format_ARGB32_Premultiplied);
        canvas.fill(Qt::transparent);
        QPainter painter(&canvas);
        painter.drawImage((target.width() - image.width()) / 2,
                          (target.height() - image.height()) / 2,
                          image);
        painter.end();
        image = canvas;
    }
    image.setDevicePixelRatio(devicePixelRatio);
    return image;
}

CatalogueFeed::CatalogueFeed(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_thumbnails(std::make_shared<ThumbnailCache>())
{
    registerMetaTypes();
    // Each kind of read on the session's reading thread: a newer request supersedes an older
    // one (a new filter, another row), whose answer is dropped.
    m_pageReads = new ReadChannel(db.reader(), this);
    m_thumbnailReads = new ReadChannel(db.reader(), this);
    m_adReads = new ReadChannel(db.reader(), this);
    m_agentReads = new ReadChannel(db.reader(), this);
    m_photoReads = new ReadChannel(db.reader(), this);
}

CatalogueFeed::~CatalogueFeed() = default; // the channels drop what is still on its way

void CatalogueFeed::setThumbnailSize(QSize size, qreal devicePixelRatio)
{
    m_thumbnailSize = size;
    m_thumbnailRatio = devicePixelRatio;
}

void CatalogueFeed::setPhotoSize(QSize size, qreal devicePixelRatio)
{
    m_photoSize = size;
    m_photoRatio = devicePixelRatio;
}

namespace {

struct DecodedAd
{
    Ad ad;
    QList<QImage> photos;
    QDateTime askedAt{}; // when the viewer asked about it (invalid: never, or no viewer)
};

// The entries' thumbnails through the cache (one statement for those it lacks), decoded to
// the catalogue's size. On the reading thread only.
Result<QList<QImage>> decodedThumbnails(Database &db,
                                        ThumbnailCache &cache,
                                        const QList<CatalogueEntry> &entries,
                                        QSize size,
                                        qreal ratio)
{
    const Result<QList<QByteArray>> jpegs = cache.thumbnailsOf(db, entries);
    if (!jpegs)
        return jpegs.error();
    QList<QImage> images;
    images.reserve(jpegs->size());
    for (const QByteArray &jpeg : *jpegs)
        images.append(fittedImage(jpeg, size, ratio, true));
    return images;
}

} // namespace

void CatalogueFeed::requestPage(quint64 generation,
                                const CatalogueFilter &filter,
                                const CatalogueCursor &after,
                                int limit)
{
    Database *db = &m_db;
    m_pageReads->request<CataloguePage>(
            [db, filter, after, limit] { return CatalogueQuery(*db).page(filter, after, limit); },
            [this, generation](const Result<CataloguePage> &page) {
                if (page)
                    emit pageReady(generation, *page);
                else
                    emit failed(generation, page.error());
            });
}

void CatalogueFeed::requestThumbnails(const QList<CatalogueEntry> &entries)
{
    Database *db = &m_db;
    const QSize size = m_thumbnailSize;
    const qreal ratio = m_thumbnailRatio;
    std::shared_ptr<ThumbnailCache> cache = m_thumbnails;
    m_thumbnailReads->request<QList<QImage>>(
            [db, cache, entries, size, ratio]() {
                return decodedThumbnails(*db, *cache, entries, size, ratio);
            },
            [this, entries](const Result<QList<QImage>> &thumbnails) {
                if (thumbnails)
                    emit thumbnailsReady(entries, *thumbnails);
                else
                    emit thumbnailsFailed(thumbnails.error());
            });
}

void CatalogueFeed::requestAd(quint64 ticket, qint64 adId, qint64 viewerId)
{
    Database *db = &m_db;
    const QSize size = m_photoSize;
    const qreal ratio = m_photoRatio;
    m_adReads->request<DecodedAd>(
            [db, adId, viewerId, size, ratio]() -> Result<DecodedAd> {
                Result<Ad> ad = AdRepository(*db).get(adId, true);
                if (!ad)
                    return ad.error();
                DecodedAd decoded{std::move(ad).value(), {}, {}};
                if (viewerId != 0 && decoded.ad.ownerId != viewerId) {
                    const Result<QDateTime> asked
                            = ContactRequestRepository(*db).lastAsked(adId, viewerId);
                    if (!asked)
                        return asked.error();
                    decoded.askedAt = *asked;
                }
                for (AdPhoto &photo : decoded.ad.photos) {
                    QImage image = fittedImage(photo.jpeg, size, ratio, false);
                    if (!image.isNull())
                        decoded.photos.append(image);
                    // The pictures travel decoded; the raw bytes would only double the copy.
                    photo.jpeg.clear();
                    photo.thumbnail.clear();
                }
                return decoded;
            },
            [this, ticket](const Result<DecodedAd> &decoded) {
                if (decoded) {
                    emit adReady(ticket, decoded->ad, decoded->photos);
                    emit askedReady(ticket, decoded->ad.id, decoded->askedAt);
                } else {
                    emit adFailed(ticket, decoded.error());
                }
            });
}

void CatalogueFeed::requestPhotos(quint64 ticket, qint64 adId)
{
    Database *db = &m_db;
    m_photoReads->request<QList<QImage>>([db, adId] { return fullSizePhotos(*db, adId); },
                                         [this, ticket](const Result<QList<QImage>> &photos) {
                                             if (photos)
                                                 emit photosReady(ticket, *photos);
                                             else
                                                 emit photosFailed(ticket, photos.error());
                                         });
}

Result<QList<QImage>> fullSizePhotos(Database &db, qint64 adId)
{
    const Result<Ad> ad = AdRepository(db).get(adId, true);
    if (!ad)
        return ad.error();
    QList<QImage> photos;
    const QSize stored(1600, 1600); // AdPhoto::jpeg's bound (PhotoScaler::PhotoMaxSide)
    for (const AdPhoto &photo : ad->photos) {
        QImage image = fittedImage(photo.jpeg, stored, 1.0, false);
        if (!image.isNull())
            photos.append(image);
    }
    return photos;
}

void CatalogueFeed::requestAgents()
{
    Database *db = &m_db;
    m_agentReads->request<QList<Agent>>([db] { return ReferenceRepository(*db).agents(); },
                                        [this](const Result<QList<Agent>> &agents) {
                                            if (agents)
                                                emit agentsReady(*agents);
                                            else
                                                emit agentsFailed(agents.error());
                                        });
}

} // namespace Recup
