// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Ad.h"
#include "domain/Reference.h"
#include "storage/CatalogueQuery.h"

#include <QImage>
#include <QList>
#include <QObject>
#include <QSize>

#include <memory>

namespace Recup {

class Database;
class ReadChannel;
class ThumbnailCache;

// The small reference tables the catalogue screens need: the four of the session's
// ReferenceCache and the agents (read by CatalogueFeed::requestAgents()).
struct CatalogueReferences
{
    QList<Organisation> organisations;
    QList<Service> services;
    QList<Site> sites;
    QList<Category> categories;
    QList<Agent> agents;
};

// Reads the catalogue on the session's reading thread (Database::reader()), so that a slow
// server never freezes the window: each request is queued to the reader, which answers with a
// signal delivered on the thread that owns the feed. JPEG decoding happens there too, and so
// does the thumbnail cache: a page's rows name their photos, and one more request reads the
// thumbnails this workstation does not already hold, in one statement (ThumbnailCache).
//
// The Database must outlive the feed.
class CatalogueFeed : public QObject
{
    Q_OBJECT
public:
    explicit CatalogueFeed(Database &db, QObject *parent = nullptr);
    ~CatalogueFeed() override;

    // Thumbnails come back scaled to fit this size, centred on a transparent canvas of exactly
    // this size (times the ratio, which the images carry as their device pixel ratio).
    void setThumbnailSize(QSize size, qreal devicePixelRatio = 1.0);
    // Photos of requestAd() come back scaled to fit this size (never enlarged).
    void setPhotoSize(QSize size, qreal devicePixelRatio = 1.0);

    // One page of the catalogue. A newer request supersedes this one: if it is still queued
    // it is skipped on the reading thread, and its answer is dropped.
    void requestPage(quint64 generation,
                     const Recup::CatalogueFilter &filter,
                     const Recup::CatalogueCursor &after = {},
                     int limit = 50);
    // The thumbnails of these entries (a page's, or rows whose decoded picture a window let
    // go): those this workstation holds cost no statement, the others one.
    // A newer request supersedes this one, so ask each time for all that are still wanted.
    void requestThumbnails(const QList<Recup::CatalogueEntry> &entries);
    // One ad with its photos, for a detail pane (the newest request wins). With a viewer,
    // askedReady() follows adReady(): when they asked about it, which disables Contact.
    void requestAd(quint64 ticket, qint64 adId, qint64 viewerId = 0);
    // An ad's photos at full size (as stored: long side <= 1600 px), for the photo viewer.
    void requestPhotos(quint64 ticket, qint64 adId);
    // Every agent, for the demo's identity picker and the posters' names. The other reference
    // tables come from the session's ReferenceCache.
    void requestAgents();

signals:
    // The rows only: their thumbnails are asked apart (requestThumbnails), so that a page is
    // shown as soon as it is read and its pictures follow.
    void pageReady(quint64 generation, const Recup::CataloguePage &page);
    void failed(quint64 generation, const Recup::Error &error);
    // The answer of requestThumbnails(): one image per entry, null where none could be read.
    void thumbnailsReady(const QList<Recup::CatalogueEntry> &entries,
                         const QList<QImage> &thumbnails);
    void thumbnailsFailed(const Recup::Error &error);

    void adReady(quint64 ticket, const Recup::Ad &ad, const QList<QImage> &photos);
    void adFailed(quint64 ticket, const Recup::Error &error);
    // Right after adReady(): when the viewer of requestAd() asked about the ad (invalid: never).
    void askedReady(quint64 ticket, qint64 adId, const QDateTime &askedAt);

    void photosReady(quint64 ticket, const QList<QImage> &photos);
    void photosFailed(quint64 ticket, const Recup::Error &error);

    void agentsReady(const QList<Recup::Agent> &agents);
    void agentsFailed(const Recup::Error &error);

private:
    Database &m_db;
    ReadChannel *m_pageReads = nullptr;
    ReadChannel *m_thumbnailReads = nullptr;
    ReadChannel *m_adReads = nullptr;
    ReadChannel *m_agentReads = nullptr;
    ReadChannel *m_photoReads = nullptr;
    // Used only on the reading thread, by the page and thumbnail requests (which keep it alive).
    std::shared_ptr<ThumbnailCache> m_thumbnails;
    QSize m_thumbnailSize{64, 64};
    qreal m_thumbnailRatio = 1.0;
    QSize m_photoSize{480, 360};
    qreal m_photoRatio = 1.0;
};

// Decodes a JPEG and fits it, centred, into a transparent canvas of size * ratio pixels;
// a null image when the data is empty or not a picture. Safe on any thread.
QImage fittedImage(const QByteArray &jpeg, QSize size, qreal devicePixelRatio, bool fillCanvas);

// An ad's photos for the full-size viewer, read under the caller's policies and decoded as they
// are stored (at most 1600 px long, never enlarged); one that cannot be decoded is left out.
// For the reading thread.
Result<QList<QImage>> fullSizePhotos(Database &db, qint64 adId);

} // namespace Recup

Q_DECLARE_METATYPE(Recup::Error)
Q_DECLARE_METATYPE(Recup::Ad)
Q_DECLARE_METATYPE(Recup::CatalogueFilter)
Q_DECLARE_METATYPE(Recup::CatalogueCursor)
Q_DECLARE_METATYPE(Recup::CatalogueEntry)
Q_DECLARE_METATYPE(Recup::CataloguePage)
Q_DECLARE_METATYPE(QList<Recup::CatalogueEntry>)
Q_DECLARE_METATYPE(Recup::CatalogueReferences)
