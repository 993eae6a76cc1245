// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Ad.h"

#include <QCoreApplication>
#include <QLocale>

#include <array>
#include <utility>

namespace Recup {

namespace {

// Stored keys, in enum order: the database keeps these strings.
constexpr std::array stateKeys{
        "draft", "pending", "published", "reserved", "rejected", "expired", "closed"};
constexpr std::array actionKeys{"create",
                                "submit",
                                "approve",
                                "reject",
                                "resubmit",
                                "edit",
                                "reserve",
                                "release",
                                "close",
                                "expire",
                                "renew",
                                "remove",
                                "store",
                                "handover",
                                "reserve-part",
                                "release-part",
                                "exchange-part"};
constexpr std::array actorKeys{"owner", "moderator", "system"};
constexpr std::array reservationKeys{"held", "released", "exchanged"};
constexpr std::array reasonKeys{"exchanged", "discarded", "unavailable", "removed"};

template<typename Enum, typename Keys>
std::optional<Enum> fromKey(const Keys &keys, const QString &key)
{
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (key == QLatin1String(keys[i]))
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

} // namespace

QString toKey(AdState state)
{
    return QLatin1String(stateKeys.at(std::size_t(state)));
}
QString toKey(AdAction action)
{
    return QLatin1String(actionKeys.at(std::size_t(action)));
}
QString toKey(ActorKind actor)
{
    return QLatin1String(actorKeys.at(std::size_t(actor)));
}
QString toKey(CloseReason reason)
{
    return QLatin1String(reasonKeys.at(std::size_t(reason)));
}

QString toKey(ReservationState state)
{
    return QLatin1String(reservationKeys.at(std::size_t(state)));
}
std::optional<ReservationState> reservationStateFromKey(const QString &key)
{
    return fromKey<ReservationState>(reservationKeys, key);
}

std::optional<AdState> adStateFromKey(const QString &key)
{
    return fromKey<AdState>(stateKeys, key);
}
std::optional<AdAction> adActionFromKey(const QString &key)
{
    return fromKey<AdAction>(actionKeys, key);
}
std::optional<CloseReason> closeReasonFromKey(const QString &key)
{
    return fromKey<CloseReason>(reasonKeys, key);
}

AdState shownState(AdState state, int quantityLeft)
{
    return state == AdState::Published && quantityLeft == 0 ? AdState::Reserved : state;
}

QString lotQuantityText(const LotShares &shares)
{
    const QLocale locale;
    if (!shares.isSplit())
        return locale.toString(shares.quantity);
    if (shares.left() > 0)
        return QCoreApplication::translate("LotShares", "%1 of %2 available")
                .arg(locale.toString(shares.left()), locale.toString(shares.quantity));
    if (shares.exchanged == 0)
        return QCoreApplication::translate(
                "LotShares", "All reserved (%n): none left in the catalogue", nullptr, shares.held);
    if (shares.held == 0)
        return QCoreApplication::translate(
                "LotShares", "All given (%n)", nullptr, shares.exchanged);
    return QCoreApplication::translate("LotShares", "None left: %1 reserved, %2 given (of %3)")
            .arg(locale.toString(shares.held),
                 locale.toString(shares.exchanged),
                 locale.toString(shares.quantity));
}

QString displayName(AdState state)
{
    switch (state) {
    case AdState::Draft:
        return QCoreApplication::translate("AdState", "Draft");
    case AdState::Pending:
        return QCoreApplication::translate("AdState", "Awaiting moderation");
    case AdState::Published:
        return QCoreApplication::translate("AdState", "Published");
    case AdState::Reserved:
        return QCoreApplication::translate("AdState", "Reserved");
    case AdState::Rejected:
        return QCoreApplication::translate("AdState", "Rejected");
    case AdState::Expired:
        return QCoreApplication::translate("AdState", "Expired");
    case AdState::Closed:
        return QCoreApplication::translate("AdState", "Closed");
    }
    return {};
}

QString displayName(AdAction action)
{
    switch (action) {
    case AdAction::Create:
        return QCoreApplication::translate("AdAction", "Create");
    case AdAction::Submit:
        return QCoreApplication::translate("AdAction", "Submit for moderation");
    case AdAction::Approve:
        return QCoreApplication::translate("AdAction", "Approve");
    case AdAction::Reject:
        return QCoreApplication::translate("AdAction", "Reject");
    case AdAction::Resubmit:
        return QCoreApplication::translate("AdAction", "Submit again");
    case AdAction::Edit:
        return QCoreApplication::translate("AdAction", "Edit");
    case AdAction::Reserve:
        return QCoreApplication::translate("AdAction", "Reserve");
    case AdAction::Release:
        return QCoreApplication::translate("AdAction", "Release the reservation");
    case AdAction::Close:
        return QCoreApplication::translate("AdAction", "Close");
    case AdAction::Expire:
        return QCoreApplication::translate("AdAction", "Expire");
    case AdAction::Renew:
        return QCoreApplication::translate("AdAction", "Renew");
    case AdAction::Remove:
        return QCoreApplication::translate("AdAction", "Remove");
    case AdAction::Store:
        return QCoreApplication::translate("AdAction", "Send to the general store");
    case AdAction::HandOver:
        return QCoreApplication::translate("AdAction", "Hand over to another agent");
    case AdAction::ReservePart:
        return QCoreApplication::translate("AdAction", "Reserve part of the lot");
    case AdAction::ReleasePart:
        return QCoreApplication::translate("AdAction", "Release a reserved part");
    case AdAction::ExchangePart:
        return QCoreApplication::translate("AdAction", "Give a reserved part");
    }
    return {};
}

QString historyLabel(AdAction action)
{
    switch (action) {
    case AdAction::Create:
        return QCoreApplication::translate("AdHistory", "Created");
    case AdAction::Submit:
        return QCoreApplication::translate("AdHistory", "Submitted for moderation");
    case AdAction::Approve:
        return QCoreApplication::translate("AdHistory", "Approved and published");
    case AdAction::Reject:
        return QCoreApplication::translate("AdHistory", "Rejected");
    case AdAction::Resubmit:
        return QCoreApplication::translate("AdHistory", "Submitted again");
    case AdAction::Edit:
        return QCoreApplication::translate("AdHistory", "Edited, back to moderation");
    case AdAction::Reserve:
        return QCoreApplication::translate("AdHistory", "Reserved");
    case AdAction::Release:
        return QCoreApplication::translate("AdHistory", "Reservation released");
    case AdAction::Close:
        return QCoreApplication::translate("AdHistory", "Closed");
    case AdAction::Expire:
        return QCoreApplication::translate("AdHistory", "Expired");
    case AdAction::Renew:
        return QCoreApplication::translate("AdHistory", "Renewed");
    case AdAction::Remove:
        return QCoreApplication::translate("AdHistory", "Removed by a moderator");
    case AdAction::Store:
        return QCoreApplication::translate("AdHistory", "Delivered to the general store");
    case AdAction::HandOver:
        return QCoreApplication::translate("AdHistory", "Handed over by a moderator");
    case AdAction::ReservePart:
        return QCoreApplication::translate("AdHistory", "Part of the lot reserved");
    case AdAction::ReleasePart:
        return QCoreApplication::translate("AdHistory", "Reserved part released");
    case AdAction::ExchangePart:
        return QCoreApplication::translate("AdHistory", "Reserved part given");
    }
    return {};
}

QString historyStepText(const AdHistoryEntry &step)
{
    if (historyStepSaysReason(step))
        return QCoreApplication::translate("AdHistory",
                                           "Handed over by a moderator (previously %1's ad)")
                .arg(step.reason);
    return historyLabel(step.action);
}

bool historyStepSaysReason(const AdHistoryEntry &step)
{
    return step.action == AdAction::HandOver && !step.reason.isEmpty();
}

QString historyTimelineText(const AdHistoryEntry &step, qint64 ownerId, const QString &serviceName)
{
    QString who;
    if (step.actorId == 0 || step.actorName.isEmpty())
        who = QCoreApplication::translate("AdTimeline", "The platform");
    else if (step.actorModerator && step.actorId != ownerId)
        who = QCoreApplication::translate("AdTimeline", "%1 (moderation)").arg(step.actorName);
    else
        who = step.actorName;
    const QString quantity = QLocale().toString(step.quantity);
    QString what;
    switch (step.action) {
    case AdAction::Create:
        what = QCoreApplication::translate("AdTimeline", "%1 created the draft").arg(who);
        break;
    case AdAction::Submit:
        what = QCoreApplication::translate("AdTimeline", "%1 sent the ad to moderation").arg(who);
        break;
    case AdAction::Approve:
        what = QCoreApplication::translate("AdTimeline", "%1 approved and published the ad")
                       .arg(who);
        break;
    case AdAction::Reject:
        what = QCoreApplication::translate("AdTimeline", "%1 rejected the ad").arg(who);
        break;
    case AdAction::Resubmit:
        what = QCoreApplication::translate("AdTimeline", "%1 sent the ad to moderation again")
                       .arg(who);
        break;
    case AdAction::Edit:
        what = QCoreApplication::translate("AdTimeline",
                                           "%1 changed the ad, which went back to moderation")
                       .arg(who);
        break;
    case AdAction::Reserve:
        what = QCoreApplication::translate("AdTimeline", "%1 marked the item as reserved").arg(who);
        break;
    case AdAction::Release:
        what = QCoreApplication::translate("AdTimeline", "%1 released the reservation").arg(who);
        break;
    case AdAction::Close:
        what = QCoreApplication::translate("AdTimeline", "%1 closed the ad").arg(who);
        break;
    case AdAction::Expire:
        what = QCoreApplication::translate("AdTimeline", "The ad expired");
        break;
    case AdAction::Renew:
        what = QCoreApplication::translate("AdTimeline", "%1 renewed the ad").arg(who);
        break;
    case AdAction::Remove:
        what = QCoreApplication::translate("AdTimeline", "%1 removed the ad").arg(who);
        break;
    case AdAction::Store:
        what = QCoreApplication::translate("AdTimeline", "%1 took the item in at the general store")
                       .arg(who);
        break;
    case AdAction::HandOver:
        what = step.reason.isEmpty()
                       ? QCoreApplication::translate("AdTimeline",
                                                     "%1 handed the ad over to a new owner")
                                 .arg(who)
                       : QCoreApplication::translate("AdTimeline",
                                                     "%1 handed the ad over (it was %2's)")
                                 .arg(who, step.reason);
        break;
    case AdAction::ReservePart:
        what = QCoreApplication::translate("AdTimeline", "%1 reserved %2 of the lot for %3")
                       .arg(who, quantity, serviceName);
        break;
    case AdAction::ReleasePart:
        what = QCoreApplication::translate("AdTimeline",
                                           "%1 released the part of %2 reserved for %3")
                       .arg(who, quantity, serviceName);
        break;
    case AdAction::ExchangePart:
        what = QCoreApplication::translate("AdTimeline", "%1 gave %2 of the lot to %3")
                       .arg(who, quantity, serviceName);
        break;
    }
    if (!step.reason.isEmpty() && !historyStepSaysReason(step))
        what = QCoreApplication::translate("AdTimeline", "%1: %2").arg(what, step.reason);
    return what;
}

QString displayName(CloseReason reason)
{
    switch (reason) {
    case CloseReason::Exchanged:
        return QCoreApplication::translate("CloseReason", "Given to another service");
    case CloseReason::Discarded:
        return QCoreApplication::translate("CloseReason", "Thrown away");
    case CloseReason::Unavailable:
        return QCoreApplication::translate("CloseReason", "No longer available");
    case CloseReason::Removed:
        return QCoreApplication::translate("CloseReason", "Removed by a moderator");
    }
    return {};
}

QString spokenDay(const QDate &day, const QDate &today)
{
    return QLocale().toString(day,
                              day.year() == today.year() ? QStringLiteral("d MMMM")
                                                         : QStringLiteral("d MMMM yyyy"));
}

QString availabilityText(const QDate &availableFrom, const QDate &today)
{
    if (!availableFrom.isValid() || availableFrom <= today)
        return {};
    return QCoreApplication::translate("Ad", "Available from %1")
            .arg(spokenDay(availableFrom, today));
}

QString askedText(const QDateTime &askedAt, const QDate &today)
{
    if (!askedAt.isValid())
        return {};
    return QCoreApplication::translate("Ad", "You asked for this item on %1.")
            .arg(spokenDay(askedAt.toLocalTime().date(), today));
}

} // namespace Recup
