// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/CatalogueFeed.h"

#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceRepository.h"

#include <QBuffer>
#include <QImageReader>
#include <QPainter>

#include <limits>

namespace Recup {

// Lives on the worker thread; its signals reach the feed through queued connections.
class CatalogueWorker : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

signals:
    void pageReady(quint64 generation,
                   const Recup::CataloguePage &page,
                   const QList<QImage> &thumbnails);
    void failed(quint64 generation, const Recup::Error &error);
    void adReady(quint64 ticket, const Recup::Ad &ad, const QList<QImage> &photos);
    void adFailed(quint64 ticket, const Recup::Error &error);
    void agentsReady(const QList<Recup::Agent> &agents);
    void agentsFailed(const Recup::Error &error);
};

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
{
    registerMetaTypes();
    m_latestGeneration = std::make_shared<std::atomic<quint64>>(0);
    m_worker = new CatalogueWorker;
    db.reader().adopt(m_worker);
    // Signal to signal: the worker emits on its thread, the feed re-emits on its own.
    connect(m_worker, &CatalogueWorker::pageReady, this, &CatalogueFeed::pageReady);
    connect(m_worker, &CatalogueWorker::failed, this, &CatalogueFeed::failed);
    connect(m_worker, &CatalogueWorker::adReady, this, &CatalogueFeed::adReady);
    connect(m_worker, &CatalogueWorker::adFailed, this, &CatalogueFeed::adFailed);
    connect(m_worker, &CatalogueWorker::agentsReady, this, &CatalogueFeed::agentsReady);
    connect(m_worker, &CatalogueWorker::agentsFailed, this, &CatalogueFeed::agentsFailed);
}

CatalogueFeed::~CatalogueFeed()
{
    // Requests still queued are dropped; the worker goes once the one running is done, and
    // its answers no longer reach this feed.
    *m_latestGeneration = std::numeric_limits<quint64>::max();
    disconnect(m_worker, nullptr, this, nullptr);
    m_worker->deleteLater();
}

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

void CatalogueFeed::requestPage(quint64 generation,
                                const CatalogueFilter &filter,
                                const CatalogueCursor &after,
                                int limit)
{
    quint64 latest = m_latestGeneration->load();
    while (generation > latest && !m_latestGeneration->compare_exchange_weak(latest, generation)) {
    }
    CatalogueWorker *worker = m_worker;
    Database *db = &m_db;
    std::shared_ptr<std::atomic<quint64>> newest = m_latestGeneration;
    const QSize size = m_thumbnailSize;
    const qreal ratio = m_thumbnailRatio;
    QMetaObject::invokeMethod(
            m_worker,
            [=] {
                if (generation < newest->load())
                    return; // the filter changed meanwhile: nobody waits for this page
                Result<CataloguePage> page = readWithReconnect(
                        *db, [&] { return CatalogueQuery(*db).page(filter, after, limit); });
                if (!page) {
                    emit worker->failed(generation, page.error());
                    return;
                }
                QList<QImage> thumbnails;
                thumbnails.reserve(page->entries.size());
                for (const CatalogueEntry &entry : page->entries)
                    thumbnails.append(fittedImage(entry.thumbnail, size, ratio, true));
                emit worker->pageReady(generation, page.value(), thumbnails);
            },
            Qt::QueuedConnection);
}

void CatalogueFeed::requestAd(quint64 ticket, qint64 adId)
{
    CatalogueWorker *worker = m_worker;
    Database *db = &m_db;
    const QSize size = m_photoSize;
    const qreal ratio = m_photoRatio;
    std::shared_ptr<std::atomic<quint64>> newest = m_latestGeneration;
    QMetaObject::invokeMethod(
            m_worker,
            [=] {
                if (newest->load() == std::numeric_limits<quint64>::max())
                    return; // the feed is gone
                Result<Ad> ad
                        = readWithReconnect(*db, [&] { return AdRepository(*db).get(adId, true); });
                if (!ad) {
                    emit worker->adFailed(ticket, ad.error());
                    return;
                }
                QList<QImage> photos;
                for (const AdPhoto &photo : ad->photos) {
                    QImage image = fittedImage(photo.jpeg, size, ratio, false);
                    if (!image.isNull())
                        photos.append(image);
                }
                Ad result = ad.value();
                // The pictures travel decoded; the raw bytes would only double the copy.
                for (AdPhoto &photo : result.photos) {
                    photo.jpeg.clear();
                    photo.thumbnail.clear();
                }
                emit worker->adReady(ticket, result, photos);
            },
            Qt::QueuedConnection);
}

void CatalogueFeed::requestAgents()
{
    CatalogueWorker *worker = m_worker;
    Database *db = &m_db;
    std::shared_ptr<std::atomic<quint64>> newest = m_latestGeneration;
    QMetaObject::invokeMethod(
            m_worker,
            [=] {
                if (newest->load() == std::numeric_limits<quint64>::max())
                    return; // the feed is gone
                const auto agents
                        = readWithReconnect(*db, [&] { return ReferenceRepository(*db).agents(); });
                if (!agents) {
                    emit worker->agentsFailed(agents.error());
                    return;
                }
                emit worker->agentsReady(agents.value());
            },
            Qt::QueuedConnection);
}

} // namespace Recup

#include "CatalogueFeed.moc"
