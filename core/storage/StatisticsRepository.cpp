// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/StatisticsRepository.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

StatisticsRepository::StatisticsRepository(Database &db)
    : m_db(db)
{}

Result<QList<ReasonTotals>> StatisticsRepository::byReason(const QDateTime &from,
                                                           const QDateTime &to) const
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return Error{Error::Kind::Invalid, tr("The period has no length."), {}, {}};
    const SqlDialect &dialect = m_db.dialect();
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    // Sums as bigint on both backends: PostgreSQL's sum(bigint) is numeric, which the driver
    // reads as a double.
    query.prepare(
            QStringLiteral("SELECT close_reason, count(*), CAST(sum(quantity) AS bigint), "
                           "CAST(sum(value_cents) AS bigint), CAST(sum(weight_grams) AS bigint), "
                           "CAST(sum(CASE WHEN weight_estimated THEN weight_grams ELSE 0 END) "
                           "AS bigint) FROM %1 facts GROUP BY close_reason ORDER BY close_reason")
                    .arg(dialect.closedAds()));
    query.addBindValue(dialect.toDb(from));
    query.addBindValue(dialect.toDb(to));
    if (!query.exec())
        return databaseError(query.lastError(), tr("The figures could not be computed."));
    QList<ReasonTotals> totals;
    while (query.next()) {
        const std::optional<CloseReason> reason = closeReasonFromKey(query.value(0).toString());
        if (!reason)
            continue; // a reason of a newer version
        ReasonTotals t;
        t.reason = *reason;
        t.ads = query.value(1).toInt();
        t.quantity = query.value(2).toLongLong();
        t.valueCents = query.value(3).toLongLong();
        t.weightGrams = query.value(4).toLongLong();
        t.estimatedWeightGrams = query.value(5).toLongLong();
        totals.append(t);
    }
    return totals;
}

} // namespace Recup
