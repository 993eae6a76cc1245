// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Ad.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace Recup {

// One item the general store holds (migration 015): an ad its keeper owns since a store
// transport delivered it, still in the catalogue (or expired, or reserved) until given out.
struct StockItem
{
    qint64 adId = 0;
    QString title;
    QString categoryName;
    int quantity = 1;
    qint64 weightGrams = 0; // given, else the category's unit weight × quantity
    bool weightEstimated = false;
    QDateTime storedAt;
    AdState state = AdState::Published;
    std::optional<qint64> valueCents; // for moderators and the keeper only
    QString givenBy;                  // the service that sent it to the store
    qint64 ownerId = 0;               // the keeper who holds it
    int version = 0;

    // Whole days in the store on `today` (platform time).
    qint64 daysStored(const QDateTime &now) const
    {
        return storedAt.isValid() ? storedAt.daysTo(now) : 0;
    }
};

} // namespace Recup
