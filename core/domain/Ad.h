// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Recup {

// Stored as lowercase text in both databases; see AdLifecycle for the transitions.
enum class AdState { Draft, Pending, Published, Reserved, Rejected, Expired, Closed };
enum class AdAction {
    Create, // history only: the ad is written as a draft
    Submit,
    Approve,
    Reject,
    Resubmit,
    Edit,
    Reserve,
    Release,
    Close,
    Expire,
    Renew,
    Remove,
    Store,    // history only: a store's delivery handed the item to its keeper (migration 015)
    HandOver, // history only: a leaving agent's ad handed to another agent (migration 016)
    // Part of a lot (migration 020): the ad's state does not move; an ad_reservation row does.
    ReservePart,
    ReleasePart,
    ExchangePart
};
enum class ActorKind { Owner, Moderator, System };
enum class CloseReason { Exchanged, Discarded, Unavailable, Removed };

QString toKey(AdState state);
QString toKey(AdAction action);
QString toKey(ActorKind actor);
QString toKey(CloseReason reason);
std::optional<AdState> adStateFromKey(const QString &key);
std::optional<AdAction> adActionFromKey(const QString &key);
std::optional<CloseReason> closeReasonFromKey(const QString &key);

// Translated, for the screens.
QString displayName(AdState state);
QString displayName(AdAction action);
// What happened, for history lines: "Approved" rather than "Approve".
QString historyLabel(AdAction action);
QString displayName(CloseReason reason);
// « Available from 3 December » for an ad not available yet on `today`; empty otherwise.
QString availabilityText(const QDate &availableFrom, const QDate &today);
// The day as people say it: « 3 décembre », with the year only when it is not this one.
QString spokenDay(const QDate &day, const QDate &today);
// « You asked for this item on 3 December. »; empty when askedAt is invalid (never asked).
QString askedText(const QDateTime &askedAt, const QDate &today);

struct AdPhoto
{
    qint64 id = 0;
    int position = 0;
    QByteArray jpeg;      // long side <= 1600 px
    QByteArray thumbnail; // long side <= 256 px, what lists load
};

struct Ad
{
    qint64 id = 0;
    QString title;
    QString description;
    qint64 categoryId = 0;
    int quantity = 1;
    qint64 valueCents = 0;  // estimated value, integer euro cents
    qint64 weightGrams = 0; // estimated total weight
    qint64 siteId = 0;
    QString room;
    qint64 ownerId = 0;
    qint64 serviceId = 0; // owner's service when posted
    bool professionalUseAttested = false;
    AdState state = AdState::Draft;
    std::optional<CloseReason> closeReason;
    QString closeNote;
    qint64 receivingServiceId = 0; // when closed as exchanged
    QDateTime createdAt;
    QDateTime publishedAt;
    QDateTime closedAt;
    QDateTime expiresAt;
    qint64 storeSiteId = 0; // the general store holding the item, once delivered there
    QDateTime storedAt;
    // The day from which the item can be collected (the platform's calendar); null: at once.
    // Not a material change (migration 022).
    QDate availableFrom;
    int version = 0; // optimistic concurrency: every write bumps it
    QList<AdPhoto> photos;
};

// One append-only history row: who moved the ad, when, from, to, why.
struct AdHistoryEntry
{
    qint64 id = 0;
    qint64 adId = 0;
    qint64 actorId = 0; // 0 for the system
    QDateTime at;
    AdAction action = AdAction::Submit;
    std::optional<AdState> fromState; // empty on creation
    AdState toState = AdState::Draft;
    QString reason;
    // A step of a part of the lot (migration 020): which reservation, how many, which service.
    qint64 reservationId = 0;
    int quantity = 0;
    qint64 serviceId = 0;
    // Who took the step as AdRepository::history() reads it: their name (empty for the
    // system) and whether they are a moderator.
    QString actorName;
    bool actorModerator = false;
};

// Part of a lot reserved for a service (migration 020): held until it is released (back to
// the catalogue) or exchanged (given to that service, for its share of the lot's € and kg).
enum class ReservationState { Held, Released, Exchanged };
QString toKey(ReservationState state);
std::optional<ReservationState> reservationStateFromKey(const QString &key);

struct AdReservation
{
    qint64 id = 0;
    qint64 adId = 0;
    qint64 serviceId = 0;
    int quantity = 0;
    ReservationState state = ReservationState::Held;
    qint64 reservedBy = 0;
    QDateTime reservedAt;
    qint64 settledBy = 0; // who released or exchanged it
    QDateTime settledAt;
    int version = 1;
};

// How a lot stands: its quantity, what its held parts take, what was given, and what is left
// in the catalogue.
struct LotShares
{
    int quantity = 0;
    int held = 0;
    int exchanged = 0;
    int left() const { return quantity - held - exchanged; }
    bool isSplit() const { return held + exchanged > 0; }
};

// The state an ad reads as: a published lot with nothing left (every unit reserved for or given
// to a service) is reserved, in the catalogue and in « Mes annonces » alike — « Réservée », not
// « Publiée, 0 sur 12 ». A negative quantityLeft is not known: the state as it is.
AdState shownState(AdState state, int quantityLeft);
// A lot's quantity as its owner reads it: « 12 » when none of it is promised, « 7 sur 12
// disponibles », and once nothing is left « Tout est réservé (12) : plus rien au catalogue »
// (or given, or both).
QString lotQuantityText(const LotShares &shares);

// The step as a history shows it, with its reason where the reason belongs in the words: a
// hand-over says whose ad it was (its reason keeps the former owner's name, migration 016).
// Steps whose reason is said apart (a rejection, a removal) get their historyLabel().
QString historyStepText(const AdHistoryEntry &step);
// Whether historyStepText() already says the step's reason.
bool historyStepSaysReason(const AdHistoryEntry &step);
// The step as a timeline tells it, who did what and why: « Marie Dupont (modération) a
// refusé l’annonce : photo floue ». A moderator acting on someone else's ad is said so; the
// service of a part is named by the caller (serviceName). The day and time are the caller's.
QString historyTimelineText(const AdHistoryEntry &step, qint64 ownerId, const QString &serviceName);

} // namespace Recup
