// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/PickupLifecycle.h"

namespace Recup {

QString pickupActorKey(PickupActor actor)
{
    return actor == PickupActor::Logistics ? QStringLiteral("logistics") : QStringLiteral("agent");
}

const QList<PickupTransition> &PickupLifecycle::transitions()
{
    using S = PickupStatus;
    using A = PickupAction;
    using W = PickupActor;
    static const QList<PickupTransition> table{
            {S::Requested, A::Plan, W::Logistics, S::Planned},
            {S::Planned, A::Plan, W::Logistics, S::Planned},
            {S::Planned, A::MarkPickedUp, W::Logistics, S::PickedUp},
            {S::PickedUp, A::MarkDelivered, W::Logistics, S::Delivered},
            {S::Requested, A::Cancel, W::Logistics, S::Cancelled},
            {S::Planned, A::Cancel, W::Logistics, S::Cancelled},
            {S::Requested, A::Cancel, W::Agent, S::Cancelled},
    };
    return table;
}

std::optional<PickupStatus>
PickupLifecycle::next(PickupStatus from, PickupAction action, PickupActor actor)
{
    for (const PickupTransition &t : transitions()) {
        if (t.from == from && t.action == action && t.actor == actor)
            return t.to;
    }
    return std::nullopt;
}

QString PickupLifecycle::refusal(PickupStatus from, PickupAction action, PickupActor actor)
{
    if (next(from, action, actor))
        return {};
    switch (from) {
    case PickupStatus::Delivered:
        return tr("This transport was delivered: it can no longer change.");
    case PickupStatus::Cancelled:
        return tr("This transport was cancelled: it can no longer change.");
    default:
        break;
    }
    if (actor == PickupActor::Agent && action == PickupAction::Cancel)
        return tr("The logistics service has planned this transport: ask them to cancel it.");
    if (actor == PickupActor::Agent)
        return tr("Only the logistics service plans and carries out transports.");
    switch (action) {
    case PickupAction::Plan:
        return tr("This transport is under way: it can no longer be planned.");
    case PickupAction::MarkPickedUp:
        return tr("Plan this transport before marking it picked up.");
    case PickupAction::MarkDelivered:
        return tr("Mark this transport picked up before marking it delivered.");
    case PickupAction::Cancel:
        return tr("This transport is under way: it can no longer be cancelled.");
    }
    return tr("This step is not possible now.");
}

QString PickupLifecycle::statusName(PickupStatus status)
{
    switch (status) {
    case PickupStatus::Requested:
        return tr("Requested");
    case PickupStatus::Planned:
        return tr("Planned");
    case PickupStatus::PickedUp:
        return tr("Picked up");
    case PickupStatus::Delivered:
        return tr("Delivered");
    case PickupStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

} // namespace Recup
