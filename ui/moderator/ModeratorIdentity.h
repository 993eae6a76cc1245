// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Reference.h"

#include <QCoreApplication>

namespace Recup {

// Who works in a moderator's window, as its header says it: "Claire Bernard — moderation".
inline QString moderatorIdentity(const Agent &moderator)
{
    return QCoreApplication::translate("ModeratorWindows", "%1 — moderation")
            .arg(moderator.displayName);
}

} // namespace Recup
