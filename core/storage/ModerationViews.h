// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Recup {

class Database;

// One ad a moderator keeps an eye on: a published ad, or a reservation that lasts.
struct WatchedAd
{
    qint64 id = 0;
    QString title;
    qint64 categoryId = 0;
    QString categoryName;
    qint64 ownerId = 0;
    QString ownerName;
    QString ownerEmail;
    qint64 serviceId = 0; // the owner's service when the ad was posted
    QString serviceName;
    qint64 siteId = 0;
    QDateTime publishedAt;
    QDateTime expiresAt;  // null when none
    QDateTime reservedAt; // reservations: the latest 'reserve' step
    // Reservations: the receiving service when known, else the service of the latest contact
    // request (who asked); 0 and empty when neither is known.
    qint64 askingServiceId = 0;
    QString askingServiceName;
    int version = 0; // what a removal taken from this row must expect
};

struct WatchedCounts
{
    int published = 0;
    int oldReservations = 0;
};

// The moderators' other views beside the queue: the published ads (to remove one), and the
// reservations that have lasted too long. Moderators read every ad (row-level security on
// PostgreSQL lets them); ages are measured against a cut-off computed here, in UTC.
class ModerationViews
{
public:
    static constexpr int DefaultLimit = 200;
    static constexpr int DefaultDays = 30;

    explicit ModerationViews(Database &db);

    // Published ads, the newest first; filter (when not blank) is searched in the title and
    // description as the catalogue does, or in the owner's name.
    Result<QList<WatchedAd>> published(const QString &filter = {}, int limit = DefaultLimit) const;
    // Reserved ads whose latest reservation is older than `days` days, the oldest first.
    Result<QList<WatchedAd>> reservedSince(int days = DefaultDays, int limit = DefaultLimit) const;
    // How many ads each list holds in all (the lists stop at their limit).
    Result<WatchedCounts> counts(int days = DefaultDays) const;

private:
    Database &m_db;
};

} // namespace Recup
