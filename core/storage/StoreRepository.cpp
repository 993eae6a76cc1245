// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/StoreRepository.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

StoreRepository::StoreRepository(Database &db)
    : m_db(db)
{}

Result<QList<StockItem>> StoreRepository::stock(qint64 storeSiteId) const
{
    const SqlDialect &dialect = m_db.dialect();
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    // The service that gave it: the delivered store transport's giving service, which the
    // store's agents may read (the ad's history is its keeper's).
    query.prepare(QStringLiteral("SELECT id, title, (SELECT c.name FROM category c WHERE c.id = "
                                 "ad.category_id), quantity, weight_grams, (SELECT "
                                 "c.default_unit_weight_g FROM category c WHERE c.id = "
                                 "ad.category_id), stored_at, state, ")
                  + dialect.valueColumn()
                  + QStringLiteral(
                          ", (SELECT s.name FROM pickup p JOIN service s ON "
                          "s.id = p.giving_service_id WHERE p.ad_id = ad.id AND p.purpose = "
                          "'store' AND p.status = 'delivered' AND p.to_site_id = ad.store_site_id "
                          "ORDER BY p.updated_at DESC LIMIT 1), owner_id, version "
                          "FROM ad WHERE store_site_id = ? AND state <> 'closed' "
                          "ORDER BY stored_at, id"));
    query.addBindValue(storeSiteId);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The store's stock could not be read."));
    QList<StockItem> items;
    while (query.next()) {
        StockItem item;
        item.adId = query.value(0).toLongLong();
        item.title = query.value(1).toString();
        item.categoryName = query.value(2).toString();
        item.quantity = query.value(3).toInt();
        item.weightGrams = query.value(4).toLongLong();
        if (item.weightGrams <= 0) {
            item.weightGrams = query.value(5).toLongLong() * item.quantity;
            item.weightEstimated = true;
        }
        item.storedAt = dialect.fromDb(query.value(6));
        item.state = adStateFromKey(query.value(7).toString()).value_or(AdState::Published);
        if (!query.value(8).isNull())
            item.valueCents = query.value(8).toLongLong();
        item.givenBy = query.value(9).toString();
        item.ownerId = query.value(10).toLongLong();
        item.version = query.value(11).toInt();
        items.append(item);
    }
    return items;
}

} // namespace Recup
