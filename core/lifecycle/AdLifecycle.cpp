// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/AdLifecycle.h"

namespace Recup {

const QList<Transition> &AdLifecycle::transitions()
{
    using S = AdState;
    using A = AdAction;
    using W = ActorKind;
    // Keep in step with sql/*/001_initial.sql and 020 (lifecycle_transition); a test compares them.
    static const QList<Transition> table{
            {S::Draft, A::Submit, W::Owner, S::Pending},
            {S::Pending, A::Approve, W::Moderator, S::Published},
            {S::Pending, A::Reject, W::Moderator, S::Rejected},
            {S::Rejected, A::Resubmit, W::Owner, S::Pending},
            {S::Rejected, A::Edit, W::Owner, S::Draft},
            {S::Published, A::Edit, W::Owner, S::Pending},
            {S::Published, A::Reserve, W::Owner, S::Reserved},
            {S::Reserved, A::Release, W::Owner, S::Published},
            {S::Published, A::Close, W::Owner, S::Closed},
            {S::Reserved, A::Close, W::Owner, S::Closed},
            {S::Expired, A::Close, W::Owner, S::Closed},
            {S::Published, A::Expire, W::System, S::Expired},
            {S::Expired, A::Renew, W::Owner, S::Pending},
            {S::Pending, A::Remove, W::Moderator, S::Closed},
            {S::Published, A::Remove, W::Moderator, S::Closed},
            {S::Reserved, A::Remove, W::Moderator, S::Closed},
            {S::Rejected, A::Remove, W::Moderator, S::Closed},
            {S::Expired, A::Remove, W::Moderator, S::Closed},
            // Parts of a lot (migration 020): an ad_reservation row moves, the ad stays.
            {S::Published, A::ReservePart, W::Owner, S::Published},
            {S::Published, A::ReleasePart, W::Owner, S::Published},
            {S::Expired, A::ReleasePart, W::Owner, S::Expired},
            {S::Published, A::ReleasePart, W::Moderator, S::Published},
            {S::Expired, A::ReleasePart, W::Moderator, S::Expired},
            {S::Published, A::ExchangePart, W::Owner, S::Published},
            {S::Expired, A::ExchangePart, W::Owner, S::Expired},
    };
    return table;
}

std::optional<AdState> AdLifecycle::next(AdState from, AdAction action, ActorKind actor)
{
    for (const Transition &t : transitions()) {
        if (t.from == from && t.action == action && t.actor == actor)
            return t.to;
    }
    return std::nullopt;
}

QList<AdAction> AdLifecycle::allowedActions(AdState from, ActorKind actor)
{
    QList<AdAction> actions;
    for (const Transition &t : transitions()) {
        if (t.from == from && t.actor == actor && !actions.contains(t.action))
            actions.append(t.action);
    }
    return actions;
}

QString AdLifecycle::refusal(AdState from, AdAction action, ActorKind actor)
{
    if (next(from, action, actor))
        return {};
    bool someoneElseMay = false;
    bool elsewhere = false;
    for (const Transition &t : transitions()) {
        if (t.action != action)
            continue;
        if (t.from == from)
            someoneElseMay = true;
        else if (t.actor == actor)
            elsewhere = true;
    }
    const QString state = displayName(from);
    const QString what = displayName(action);
    if (someoneElseMay) {
        switch (actor) {
        case ActorKind::Owner:
            return tr("Only a moderator can do “%1” on an ad in the state “%2”.").arg(what, state);
        case ActorKind::Moderator:
            return tr("Only the ad's owner can do “%1” on an ad in the state “%2”.")
                    .arg(what, state);
        case ActorKind::System:
            return tr("“%1” must be done by a person.").arg(what);
        }
    }
    if (elsewhere)
        return tr("This ad is in the state “%1”: “%2” is no longer possible.").arg(state, what);
    return tr("“%1” is not possible on an ad in the state “%2”.").arg(what, state);
}

} // namespace Recup
