// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Pickup.h"

#include <array>
#include <utility>

namespace Recup {

namespace {

constexpr std::array<std::pair<PickupStatus, const char *>, 5> statusKeys{{
        {PickupStatus::Requested, "requested"},
        {PickupStatus::Planned, "planned"},
        {PickupStatus::PickedUp, "picked_up"},
        {PickupStatus::Delivered, "delivered"},
        {PickupStatus::Cancelled, "cancelled"},
}};

constexpr std::array<std::pair<PickupAction, const char *>, 4> actionKeys{{
        {PickupAction::Plan, "plan"},
        {PickupAction::MarkPickedUp, "mark_picked_up"},
        {PickupAction::MarkDelivered, "mark_delivered"},
        {PickupAction::Cancel, "cancel"},
}};

} // namespace

QString pickupStatusKey(PickupStatus status)
{
    for (const auto &[value, key] : statusKeys) {
        if (value == status)
            return QString::fromLatin1(key);
    }
    return {};
}

std::optional<PickupStatus> pickupStatusFromKey(const QString &key)
{
    for (const auto &[value, name] : statusKeys) {
        if (key == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

QString pickupActionKey(PickupAction action)
{
    for (const auto &[value, key] : actionKeys) {
        if (value == action)
            return QString::fromLatin1(key);
    }
    return {};
}

} // namespace Recup
