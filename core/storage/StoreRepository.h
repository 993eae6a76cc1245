// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Store.h"

#include <QCoreApplication>
#include <QList>

namespace Recup {

class Database;

// What a general store holds: the ads its keeper received through store transports and has
// not given out yet, longest stored first. Rows as the reader may see them: on PostgreSQL the
// other agents of the store's service see the published and reserved ones, the keeper and
// moderators every one, and the value only when ad_value_cents() gives it.
class StoreRepository
{
    Q_DECLARE_TR_FUNCTIONS(StoreRepository)
public:
    explicit StoreRepository(Database &db);

    Result<QList<StockItem>> stock(qint64 storeSiteId) const;

private:
    Database &m_db;
};

} // namespace Recup
