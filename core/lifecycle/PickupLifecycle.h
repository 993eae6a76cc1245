// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Pickup.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace Recup {

// Who moves a transport on: logistics staff (and moderators, administrators), or an agent of
// the giving or the receiving service.
enum class PickupActor { Logistics, Agent };
QString pickupActorKey(PickupActor actor); // "logistics", as stored

struct PickupTransition
{
    PickupStatus from;
    PickupAction action;
    PickupActor actor;
    PickupStatus to;
};

// The one table of a transport's steps. PostgreSQL stores the same rows (pickup_transition,
// migration 014) and checks every write against them; tst_pickups proves the two agree.
class PickupLifecycle
{
    Q_DECLARE_TR_FUNCTIONS(PickupLifecycle)
public:
    static const QList<PickupTransition> &transitions();
    // The status reached, or nothing when that actor may not do that from that status.
    static std::optional<PickupStatus>
    next(PickupStatus from, PickupAction action, PickupActor actor);
    // A translated sentence saying why the step is refused, or an empty string.
    static QString refusal(PickupStatus from, PickupAction action, PickupActor actor);
    // "Requested", "Planned"… in the interface language.
    static QString statusName(PickupStatus status);
};

} // namespace Recup
