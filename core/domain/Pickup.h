// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Recup {

// Where a transport is: requested → planned (a day, a team, a stop order) → picked up →
// delivered; or cancelled, with a reason, before it was picked up.
enum class PickupStatus { Requested, Planned, PickedUp, Delivered, Cancelled };
QString pickupStatusKey(PickupStatus status); // "picked_up", as stored
std::optional<PickupStatus> pickupStatusFromKey(const QString &key);

// What may be done to a transport: planning it again moves the day, team or order.
enum class PickupAction { Plan, MarkPickedUp, MarkDelivered, Cancel };
QString pickupActionKey(PickupAction action); // "mark_picked_up", as stored in the history

// Why a transport runs: an exchange between two services, or an item taken to the general
// store (migration 015), whose delivery hands the ad to the store's keeper.
enum class PickupPurpose { Exchange, Store };

// One end of a transport: a site (with its address, for the printed list), a room, and the
// person to ask there.
struct PickupEnd
{
    qint64 siteId = 0;
    QString siteName;    // filled by reads
    QString siteAddress; // "12 rue des Écoles, 86100 Châtellerault", filled by reads
    QString room;        // building and room, as typed
    QString contact;     // a name
    QString phone;
};

// A transport the logistics service carries out for an exchanged ad: from the giving
// service's site to the receiving service's.
struct Pickup
{
    qint64 id = 0;
    qint64 adId = 0;
    PickupPurpose purpose = PickupPurpose::Exchange;
    QString adTitle;      // filled by reads
    QString categoryName; // filled by reads
    int quantity = 1;
    qint64 weightGrams = 0; // of the whole lot: given, else estimated
    qint64 givingServiceId = 0;
    QString givingServiceName;
    qint64 receivingServiceId = 0;
    QString receivingServiceName;
    PickupEnd from;
    PickupEnd to;
    QDate wishedDate;
    QString notes;
    PickupStatus status = PickupStatus::Requested;
    QDate plannedDate; // once planned
    QString team;      // the team or vehicle, once planned
    int stopOrder = 0; // the stop's place in the team's round that day, from 1
    QString cancelReason;
    qint64 requestedBy = 0;
    QDateTime requestedAt;
    QDateTime updatedAt;
    int version = 1;

    // Not done by the day it was wished (or planned) for, seen on `today`.
    bool isOverdue(const QDate &today) const
    {
        if (status == PickupStatus::Delivered || status == PickupStatus::Cancelled)
            return false;
        const QDate due = plannedDate.isValid() ? plannedDate : wishedDate;
        return due.isValid() && due < today;
    }
};

// What a closing with « Demander un transport » ticked asks for (the ad gives the item,
// quantity and weight; the closing gives the receiving service).
struct PickupRequest
{
    PickupEnd from;
    PickupEnd to;
    QDate wishedDate;
    QString notes;
};

// An ad closed as exchanged with no transport under way (none asked, or only cancelled
// ones): what a moderator may still ask a transport for. Names come from the reference cache.
struct ExchangedAd
{
    qint64 adId = 0;
    QString title;
    qint64 siteId = 0; // where the item is: the ad's site and room
    QString room;
    qint64 givingServiceId = 0;
    qint64 receivingServiceId = 0;
    QDateTime closedAt;
};

// One step of a transport's history, as the server recorded it.
struct PickupHistoryEntry
{
    QDateTime at;
    QString actorName;
    QString action; // "request", "plan", "mark_picked_up", "mark_delivered", "cancel"
    std::optional<PickupStatus> fromStatus;
    PickupStatus toStatus = PickupStatus::Requested;
    QString detail; // the plan ("2026-12-04, équipe A, arrêt 2") or the reason
};

} // namespace Recup
