// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Recup {

class Database;

// One pending ad as the moderators' queue lists it.
struct ModerationEntry
{
    qint64 id = 0;
    QString title;
    QString categoryName;
    qint64 ownerId = 0;
    QString ownerName;
    QString serviceName; // the owner's service when the ad was posted
    QString siteName;
    QDateTime submittedAt; // when it last entered moderation
    QByteArray thumbnail;  // JPEG of the first photo, may be empty
    int version = 0;       // what a decision taken from this row must expect
    // The moderator looking at it, while the claim holds (0: nobody).
    qint64 claimedById = 0;
    QString claimedByName;
    QDateTime claimedAt;
};

// Who looks at a pending ad: a claim taken when a moderator opens it, released when they move
// on, lapsing after ModerationQueue::ClaimSeconds.
struct ModerationClaim
{
    qint64 moderatorId = 0;
    QString moderatorName;
    QDateTime claimedAt;
};

// What became of a poster's other ads, for the moderator who judges a new one.
struct PosterRecord
{
    int ads = 0;       // every other ad, in any state
    int published = 0; // published or reserved now
    int exchanged = 0;
    int discarded = 0;
    int unavailable = 0;
    int removed = 0;
    int rejections = 0; // rejections, counted on every ad of theirs
    struct Recent
    {
        qint64 id = 0;
        QString title;
        QString state;       // its AdState key
        QString closeReason; // its CloseReason key, when closed
        QDateTime createdAt;
    };
    QList<Recent> recent; // the latest first
};

// The ads waiting for a moderator, the longest-waiting first. An ad waits since its latest
// submit, resubmit, renewal or owner's edit that sent it back; without such a row, since its
// last update. Two moderators keep it short, so it is read whole up to a cap (the window says
// when the cap hides some); count() says how many wait in all.
class ModerationQueue
{
public:
    static constexpr int DefaultLimit = 200;
    static constexpr int ClaimSeconds = 5 * 60;
    static constexpr int RecentPosterAds = 6;

    explicit ModerationQueue(Database &db);

    Result<QList<ModerationEntry>> pending(int limit = DefaultLimit) const;
    Result<int> count() const;

    // Claims the ad for `moderatorId` unless another moderator's claim holds; returns the claim
    // that holds now (theirs or the other's). Renewing one's own claim restarts its delay.
    Result<ModerationClaim> claim(qint64 adId, qint64 moderatorId);
    // Drops the moderator's claim on the ad, if any.
    Status release(qint64 adId, qint64 moderatorId);
    // The poster's other ads and their outcomes.
    Result<PosterRecord> posterRecord(qint64 ownerId, qint64 exceptAdId) const;

private:
    Database &m_db;
};

} // namespace Recup
