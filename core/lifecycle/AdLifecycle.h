// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Ad.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Recup {

struct Transition
{
    AdState from;
    AdAction action;
    ActorKind actor;
    AdState to;
};

// The one transition table of the ad lifecycle. The PostgreSQL schema stores the same rows
// (table lifecycle_transition) and a test proves they agree.
class AdLifecycle
{
    Q_DECLARE_TR_FUNCTIONS(AdLifecycle)
public:
    static const QList<Transition> &transitions();

    // The state reached, or nothing when that actor may not do that from that state.
    static std::optional<AdState> next(AdState from, AdAction action, ActorKind actor);

    // Every action the actor may take from the state, in table order.
    static QList<AdAction> allowedActions(AdState from, ActorKind actor);

    // A translated sentence saying why the transition is refused, or an empty string.
    static QString refusal(AdState from, AdAction action, ActorKind actor);
};

} // namespace Recup
