// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/OutboxMail.h"

namespace Recup {

QString toKey(OutboxMail::State state)
{
    switch (state) {
    case OutboxMail::State::Queued:
        return QStringLiteral("queued");
    case OutboxMail::State::Sending:
        return QStringLiteral("sending");
    case OutboxMail::State::Sent:
        return QStringLiteral("sent");
    case OutboxMail::State::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("queued");
}

} // namespace Recup
