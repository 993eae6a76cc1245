// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Ad.h"
#include "domain/Pickup.h"

#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QList>
#include <QMap>

namespace Recup {

class Database;

// Who acts: the agent's id (0 for the system) and whether they act as a moderator.
struct Actor
{
    qint64 agentId = 0;
    bool moderator = false;
    bool system = false;
    bool logistics = false; // plans and carries out transports (PickupRepository)
    static Actor systemActor() { return {0, false, true}; }
};

// What a transition carries beyond its action.
struct TransitionRequest
{
    AdAction action = AdAction::Submit;
    int expectedVersion = -1; // -1: do not check (system jobs)
    QString reason;           // rejection, removal, or a note on closing
    std::optional<CloseReason> closeReason;
    qint64 receivingServiceId = 0;
    QDateTime at; // empty: now; set by demo data and tests to place events in time
};

// One of an agent's own ads as « Mes annonces » lists it: the ad (without photos), when it
// last changed, what the moderator said when rejecting it, and how many people asked for it.
struct OwnedAd
{
    static constexpr int ListThumbnailSide = 48; // the thumbnail's longest side in a list
    Ad ad;
    QDateTime lastChange;
    QString rejectionReason; // the latest rejection's reason, when the ad is rejected
    int requestCount = 0;
    // Where its latest transport is (an exchanged ad's, if one was asked), and its day:
    // planned, else wished.
    std::optional<PickupStatus> transport;
    QDate transportDate;
    // What is left of the lot once its parts held or given are taken away (-1: not read); a
    // published lot with nothing left reads as reserved (shownState()).
    int quantityLeft = -1;
    // The first photo's thumbnail, decoded by the reading thread (null when the ad has none):
    // an agent's own ads are few, so the list reads them with its page.
    QImage thumbnail;
};

// Where a page of an owner's ads ends: the keyset (last change, id), never an offset.
struct OwnedAdsCursor
{
    QDateTime lastChange;
    QString exactLastChange; // as the database holds it (PostgreSQL keeps microseconds)
    qint64 id = 0;
    bool isValid() const { return id > 0; }
};

struct OwnedAdsPage
{
    QList<OwnedAd> ads;
    OwnedAdsCursor next; // where the following page starts
    bool hasMore = false;
};

class AdRepository
{
    Q_DECLARE_TR_FUNCTIONS(AdRepository)
public:
    explicit AdRepository(Database &db);

    // Writes a new draft owned by actor (with its photos) and its first history row.
    Result<Ad> create(const Ad &ad, const Actor &actor);
    // Saves the owner's or a moderator's edit; refused when ad.version is stale. A material
    // change by the owner of a published ad sends it back to moderation (action Edit).
    Result<Ad> update(const Ad &ad, const Actor &actor);
    // Applies one lifecycle transition in a transaction with its history row.
    Result<Ad> transition(qint64 adId, const TransitionRequest &request, const Actor &actor);

    Result<Ad> get(qint64 adId, bool withPhotos = true) const;
    Result<QList<AdHistoryEntry>> history(qint64 adId) const;
    // The reason given the last time `action` was taken on the ad; empty if it never was.
    Result<QString> lastReason(qint64 adId, AdAction action) const;
    // The latest history row that moved the ad to `state`; NotFound if none did.
    Result<qint64> lastHistoryId(qint64 adId, AdState state) const;
    Result<QList<Ad>> ownedBy(qint64 agentId) const;
    // The ads last closed as exchanged that the reader may see, newest first.
    Result<QList<Ad>> latestExchanges(int limit) const;
    // One page of an agent's own ads in the given states (all when empty), the most recently
    // changed first, after the cursor: one statement, whatever the number of ads.
    Result<OwnedAdsPage> ownedPage(qint64 agentId,
                                   const QList<AdState> &states,
                                   const OwnedAdsCursor &after,
                                   int limit) const;
    // How many ads the agent has in each state, counted by the database.
    Result<QMap<AdState, int>> ownedCounts(qint64 agentId) const;
    // Every agent's open ads (not closed), counted by the database in one grouped statement, by
    // owner id; `movable` leaves out those on their way to the store, which a hand-over keeps.
    struct OpenAds
    {
        int open = 0;
        int movable = 0;
    };
    Result<QHash<qint64, OpenAds>> openAdsByOwner() const;

    // The ids of published ads that expire at `by` or before, soonest first (expiry round).
    Result<QList<qint64>> dueForExpiry(const QDateTime &by) const;

    // --- Hand-over of a leaving agent's ads (issue #12, migration 016) ---
    // Hands every open ad of fromAgentId (not closed, not on its way to the store) to
    // toAgentId, an active agent, with toAgentId's service, in one transaction; returns how many
    // moved (0: nothing to hand over). Each ad gets a 'handover' step in its history whose
    // reason is the previous owner's name (the database writes it). Moderators and
    // administrators only: actorId is the acting agent (0: an administrator's tool); on
    // PostgreSQL the database decides by the session's groups. Refusals are translated:
    // Invalid with field "toAgent" (the same agent, an inactive one), NotFound (an unknown
    // agent), Forbidden, Conflict (an ad changed meanwhile).
    // Only a leaving agent's ads are handed over (migration 018): fromAgentId must be inactive,
    // else Invalid with field "fromAgent", unless `leaving` is DeactivateFirst, which
    // deactivates them in the same transaction (never a moderator, an administrator or the
    // actor: the database refuses, said as Forbidden).
    enum class Leaving { MustHaveLeft, DeactivateFirst };
    Result<int> handOverAds(qint64 fromAgentId,
                            qint64 toAgentId,
                            qint64 actorId,
                            Leaving leaving = Leaving::MustHaveLeft);

    // --- Parts of a lot (issue #13, migration 020) ---
    // How the lot stands: its quantity, its held and exchanged parts (owner and moderators;
    // anyone else reads what is left through SqlDialect::quantityLeft).
    Result<LotShares> shares(qint64 adId) const;
    // The lot's parts as the reader may see them, oldest first, whatever their state.
    Result<QList<AdReservation>> reservations(qint64 adId) const;
    // The owner reserves `quantity` of a published lot for an active service, in a transaction
    // with its history row. Refusals: Invalid with field "quantity" (below 1, more than is
    // left) or "service" (unknown or inactive), Forbidden (not the owner, not published), and
    // nothing is saved.
    Result<AdReservation> reservePart(qint64 adId,
                                      qint64 serviceId,
                                      int quantity,
                                      const Actor &actor,
                                      const QDateTime &at = {});
    // The owner (or a moderator) releases a held part: it is back in the catalogue. A moderator
    // releasing someone else's part gives a reason (Invalid with field "reason" without one),
    // kept in the ad's history.
    Result<AdReservation> releasePart(const AdReservation &part,
                                      const Actor &actor,
                                      const QDateTime &at = {},
                                      const QString &reason = {});
    // The owner gives a held part to its service. When the lot is then all given (nothing
    // left, no part held), the ad closes as exchanged with that service in the same
    // transaction. Conflict when the part was settled or changed meanwhile.
    Result<AdReservation>
    exchangePart(const AdReservation &part, const Actor &actor, const QDateTime &at = {});

private:
    Result<AdReservation> settlePart(const AdReservation &part,
                                     ReservationState to,
                                     const Actor &actor,
                                     const QDateTime &at,
                                     const QString &reason);
    Result<AdReservation> reservation(qint64 id) const;

    Database &m_db;
};

} // namespace Recup
