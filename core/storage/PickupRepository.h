// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Pickup.h"
#include "domain/Reference.h"
#include "lifecycle/AdRules.h"
#include "lifecycle/PickupLifecycle.h"
#include "storage/AdRepository.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

#include <functional>
#include <optional>

namespace Recup {

class Database;

// Which transports a list shows: those due (planned, else wished) in [first, last], by
// status and departure site; every one when left empty.
struct PickupFilter
{
    QDate first;
    QDate last;
    std::optional<PickupStatus> status;
    qint64 fromSiteId = 0;
    bool openOnly = false; // requested, planned or picked up
};

// The pickup and pickup_history tables (migration 014). Every write checks the transition
// (PickupLifecycle) and the version, and appends its step to the history; on PostgreSQL the
// server checks both again, with the role of the login (pickup_guard). Writes join the
// caller's Transaction.
class PickupRepository
{
    Q_DECLARE_TR_FUNCTIONS(PickupRepository)
public:
    explicit PickupRepository(Database &db);

    // A transport for the exchanged ad `adId` (its quantity, weight and services), asked by
    // its owner as they close it, or by a moderator later.
    Result<Pickup> request(qint64 adId, const PickupRequest &request, const Actor &actor);
    // A transport for a part of a lot given to its service (migration 027): that service
    // receives it, with the part's quantity and share of the weight. The ad's owner or a
    // moderator asks; Invalid when the part is not given (held, released, unknown).
    Result<Pickup>
    requestPart(qint64 reservationId, const PickupRequest &request, const Actor &actor);
    // The general store's transport: the owner of a published ad, or of one that expired
    // without a taker, has it taken to a store (request.to) instead of
    // throwing it away. Once delivered, the ad is the store's keeper's, back in the catalogue.
    Result<Pickup> sendToStore(qint64 adId, const PickupRequest &request, const Actor &actor);
    // Logistics staff and moderators: the day, the team or vehicle, the stop's order.
    Result<Pickup> plan(qint64 id,
                        int version,
                        const QDate &day,
                        const QString &team,
                        int stopOrder,
                        const Actor &actor);
    Result<Pickup> markPickedUp(qint64 id, int version, const Actor &actor);
    Result<Pickup> markDelivered(qint64 id, int version, const Actor &actor);
    // Logistics and moderators before delivery; the two services' agents while requested.
    Result<Pickup> cancel(qint64 id, int version, const QString &reason, const Actor &actor);

    // What a request must say, checked without the database (the sites' state is checked on
    // request): each refusal with its field ("fromSite", "fromRoom", "fromContact",
    // "fromPhone", the same from "to", "wishedDate", "notes"), for a form to show before it
    // asks.
    static QList<FieldError> check(const PickupRequest &request, const QDate &today);

    Result<Pickup> find(qint64 id) const;
    // The ads closed as exchanged with no transport under way, the latest closed first, at
    // most `limit`: those a moderator may ask a transport for.
    Result<QList<ExchangedAd>> awaitingTransport(int limit = 200) const;
    // Ordered by due day, departure site, team and stop order.
    Result<QList<Pickup>> list(const PickupFilter &filter) const;
    // The stops planned on `day` (picked up and delivered ones too, cancelled ones not), for
    // the printed list: by departure site, team and stop order. Logistics staff, moderators
    // and administrators only: Forbidden for another login (PostgreSQL).
    Result<QList<Pickup>> stopsOfDay(const QDate &day) const;
    // The latest transport of an ad the reader may see, if any.
    Result<std::optional<Pickup>> latestForAd(qint64 adId) const;
    Result<QList<PickupHistoryEntry>> history(qint64 id) const;
    // The latest step `action` of `actorId` in the transport's history: the action its mail
    // follows (outbox action_id).
    Result<qint64> historyRow(qint64 id, PickupAction action, qint64 actorId) const;
    // Whom its mails go to: the active agents of its two services (name and address only).
    // PostgreSQL answers logistics staff, moderators and administrators only.
    Result<QList<Agent>> recipients(qint64 id) const;

private:
    // The refusals of migration 027's review: a part's transport of an ad whose words no
    // moderator approved; a lot with a part promised sent to the store.
    static QString approvedWordsOnly();
    static QString wholeLotOnly();
    struct AdFacts;
    Result<Pickup> insertRequest(qint64 adId,
                                 PickupPurpose purpose,
                                 const AdFacts &ad,
                                 const PickupRequest &request,
                                 const Actor &actor);
    Status checkRequest(const PickupRequest &request) const;
    Result<PickupActor> actorOf(const Pickup &pickup, const Actor &actor) const;
    // One step: checked against PickupLifecycle and the version, `change` fills the plan or
    // the reason and returns the history's detail.
    Result<Pickup> step(qint64 id,
                        int version,
                        PickupAction action,
                        const Actor &actor,
                        const std::function<QString(Pickup &)> &change);
    Status writeHistory(qint64 id,
                        const QString &action,
                        std::optional<PickupStatus> from,
                        PickupStatus to,
                        const QString &detail,
                        const Actor &actor);
    Result<QList<Pickup>>
    read(const QString &where, const QVariantList &values, const QString &order) const;

    Database &m_db;
};

} // namespace Recup
