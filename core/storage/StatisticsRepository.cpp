// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/StatisticsRepository.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Recup {

StatisticsRepository::StatisticsRepository(Database &db)
    : m_db(db)
{}

Status StatisticsRepository::prepare(QSqlQuery &query,
                                     const QString &select,
                                     const QDateTime &from,
                                     const QDateTime &to,
                                     const QString &source) const
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return Error{Error::Kind::Invalid, tr("The period has no length."), {}, {}};
    const SqlDialect &dialect = m_db.dialect();
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("WITH facts AS (SELECT * FROM %1 period) ")
                          .arg(source.isEmpty() ? dialect.closedAds() : source)
                  + select);
    query.addBindValue(dialect.toDb(from));
    query.addBindValue(dialect.toDb(to));
    if (!query.exec())
        return databaseError(query.lastError(), tr("The figures could not be computed."));
    return {};
}

Result<QList<ReasonTotals>> StatisticsRepository::byReason(const QDateTime &from,
                                                           const QDateTime &to) const
{
    QSqlQuery query(m_db.connection());
    // Sums as bigint on both backends: PostgreSQL's sum(bigint) is numeric, which the driver
    // reads as a double.
    const Status done = prepare(
            query,
            QStringLiteral("SELECT close_reason, count(*), CAST(sum(quantity) AS bigint), "
                           "CAST(sum(value_cents) AS bigint), CAST(sum(weight_grams) AS bigint), "
                           "CAST(sum(CASE WHEN weight_estimated THEN weight_grams ELSE 0 END) "
                           "AS bigint) FROM facts GROUP BY close_reason ORDER BY close_reason"),
            from,
            to);
    if (!done)
        return done.error();
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

Result<QList<ServiceTotals>> StatisticsRepository::byService(const QDateTime &from,
                                                             const QDateTime &to) const
{
    QSqlQuery query(m_db.connection());
    // Each exchange twice: once for the service that gave, once for the one that received.
    const Status done = prepare(
            query,
            QStringLiteral(
                    "SELECT service, CAST(sum(given) AS bigint), CAST(sum(received) AS bigint), "
                    "CAST(sum(value_given) AS bigint), CAST(sum(value_received) AS bigint), "
                    "CAST(sum(weight_given) AS bigint), CAST(sum(weight_received) AS bigint) "
                    "FROM (SELECT service_id AS service, 1 AS given, 0 AS received, "
                    "value_cents AS value_given, 0 AS value_received, "
                    "weight_grams AS weight_given, 0 AS weight_received "
                    "FROM facts WHERE close_reason = 'exchanged' "
                    "UNION ALL SELECT receiving_service_id, 0, 1, 0, value_cents, 0, "
                    "weight_grams FROM facts WHERE close_reason = 'exchanged') sides "
                    "GROUP BY service ORDER BY service"),
            from,
            to);
    if (!done)
        return done.error();
    QList<ServiceTotals> totals;
    while (query.next()) {
        ServiceTotals t;
        t.serviceId = query.value(0).toLongLong();
        t.given = query.value(1).toInt();
        t.received = query.value(2).toInt();
        t.valueGivenCents = query.value(3).toLongLong();
        t.valueReceivedCents = query.value(4).toLongLong();
        t.weightGivenGrams = query.value(5).toLongLong();
        t.weightReceivedGrams = query.value(6).toLongLong();
        totals.append(t);
    }
    return totals;
}

Result<QList<MonthTotals>> StatisticsRepository::byMonth(const QDateTime &from,
                                                         const QDateTime &to) const
{
    QSqlQuery query(m_db.connection());
    const Status done = prepare(
            query,
            QStringLiteral("SELECT %1 AS month, "
                           "CAST(sum(CASE WHEN close_reason = 'exchanged' THEN 1 ELSE 0 END) "
                           "AS bigint), "
                           "CAST(sum(CASE WHEN close_reason = 'exchanged' THEN 0 ELSE 1 END) "
                           "AS bigint), "
                           "CAST(sum(CASE WHEN close_reason = 'exchanged' THEN value_cents "
                           "ELSE 0 END) AS bigint), "
                           "CAST(sum(CASE WHEN close_reason = 'exchanged' THEN weight_grams "
                           "ELSE 0 END) AS bigint), "
                           "CAST(sum(CASE WHEN close_reason = 'exchanged' AND weight_estimated "
                           "THEN weight_grams ELSE 0 END) AS bigint) "
                           "FROM facts GROUP BY month ORDER BY month")
                    .arg(m_db.dialect().monthOf(QStringLiteral("closed_at"))),
            from,
            to);
    if (!done)
        return done.error();
    QList<MonthTotals> months;
    while (query.next()) {
        MonthTotals m;
        m.month = query.value(0).toString();
        m.exchanged = query.value(1).toInt();
        m.otherClosings = query.value(2).toInt();
        m.valueCents = query.value(3).toLongLong();
        m.weightGrams = query.value(4).toLongLong();
        m.estimatedWeightGrams = query.value(5).toLongLong();
        months.append(m);
    }
    return months;
}

Result<QList<OrganisationFlow>> StatisticsRepository::flows(const QDateTime &from,
                                                            const QDateTime &to) const
{
    QSqlQuery query(m_db.connection());
    const Status done = prepare(
            query,
            QStringLiteral("SELECT giver.organisation_id, taker.organisation_id, count(*), "
                           "CAST(sum(f.value_cents) AS bigint), "
                           "CAST(sum(f.weight_grams) AS bigint) "
                           "FROM facts f JOIN service giver ON giver.id = f.service_id "
                           "JOIN service taker ON taker.id = f.receiving_service_id "
                           "WHERE f.close_reason = 'exchanged' "
                           "GROUP BY giver.organisation_id, taker.organisation_id "
                           "ORDER BY giver.organisation_id, taker.organisation_id"),
            from,
            to);
    if (!done)
        return done.error();
    QList<OrganisationFlow> flows;
    while (query.next()) {
        OrganisationFlow f;
        f.fromOrganisationId = query.value(0).toLongLong();
        f.toOrganisationId = query.value(1).toLongLong();
        f.exchanges = query.value(2).toInt();
        f.valueCents = query.value(3).toLongLong();
        f.weightGrams = query.value(4).toLongLong();
        flows.append(f);
    }
    return flows;
}

Result<QList<CategoryTotals>> StatisticsRepository::byCategory(const QDateTime &from,
                                                               const QDateTime &to) const
{
    QSqlQuery query(m_db.connection());
    const Status done = prepare(
            query,
            QStringLiteral("SELECT category_id, count(*), CAST(sum(quantity) AS bigint), "
                           "CAST(sum(value_cents) AS bigint), CAST(sum(weight_grams) AS bigint), "
                           "CAST(sum(CASE WHEN weight_estimated THEN weight_grams ELSE 0 END) "
                           "AS bigint) FROM facts WHERE close_reason = 'exchanged' "
                           "GROUP BY category_id ORDER BY category_id"),
            from,
            to);
    if (!done)
        return done.error();
    QList<CategoryTotals> totals;
    while (query.next()) {
        CategoryTotals t;
        t.categoryId = query.value(0).toLongLong();
        t.ads = query.value(1).toInt();
        t.quantity = query.value(2).toLongLong();
        t.valueCents = query.value(3).toLongLong();
        t.weightGrams = query.value(4).toLongLong();
        t.estimatedWeightGrams = query.value(5).toLongLong();
        totals.append(t);
    }
    return totals;
}

Result<QList<FamilyReceived>> StatisticsRepository::receivedByFamily(const QDateTime &from,
                                                                     const QDateTime &to) const
{
    QSqlQuery query(m_db.connection());
    const Status done = prepare(
            query,
            QStringLiteral("SELECT taker.organisation_id, c.product_family, count(*), "
                           "CAST(sum(f.quantity) AS bigint), CAST(sum(f.value_cents) AS bigint) "
                           "FROM facts f JOIN service taker ON taker.id = f.receiving_service_id "
                           "JOIN category c ON c.id = f.category_id "
                           "WHERE f.close_reason = 'exchanged' "
                           "GROUP BY taker.organisation_id, c.product_family "
                           "ORDER BY taker.organisation_id, c.product_family"),
            from,
            to);
    if (!done)
        return done.error();
    QList<FamilyReceived> totals;
    while (query.next()) {
        FamilyReceived t;
        t.organisationId = query.value(0).toLongLong();
        t.family = productFamilyFromKey(query.value(1).toString()).value_or(ProductFamily::Other);
        t.ads = query.value(2).toInt();
        t.quantity = query.value(3).toLongLong();
        t.valueCents = query.value(4).toLongLong();
        totals.append(t);
    }
    return totals;
}

Result<QList<qint64>> StatisticsRepository::neverActiveServices() const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT service_id FROM %1 activity "
                                   "WHERE posted = 0 AND received = 0 ORDER BY service_id")
                            .arg(m_db.dialect().serviceActivity())))
        return databaseError(query.lastError(), tr("The figures could not be computed."));
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

std::optional<qint64> StatisticsRepository::median(QList<qint64> values)
{
    if (values.isEmpty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    if (values.size() % 2)
        return values.at(middle);
    return (values.at(middle - 1) + values.at(middle)) / 2;
}

Result<QList<qint64>> StatisticsRepository::secondsBetween(const QString &select,
                                                           const QDateTime &from,
                                                           const QDateTime &to,
                                                           const QString &source) const
{
    QSqlQuery query(m_db.connection());
    if (const Status done = prepare(query, select, from, to, source); !done)
        return done.error();
    const SqlDialect &dialect = m_db.dialect();
    QList<qint64> seconds;
    while (query.next())
        seconds.append(dialect.fromDb(query.value(0)).secsTo(dialect.fromDb(query.value(1))));
    return seconds;
}

Result<Delays> StatisticsRepository::delays(const QDateTime &from, const QDateTime &to) const
{
    const Result<QList<qint64>> toTaker
            = secondsBetween(QStringLiteral("SELECT published_at, closed_at FROM facts "
                                            "WHERE close_reason = 'exchanged' "
                                            "AND published_at IS NOT NULL"),
                             from,
                             to);
    if (!toTaker)
        return toTaker.error();
    const Result<QList<qint64>> toDecision
            = secondsBetween(QStringLiteral("SELECT submitted_at, decided_at FROM facts "
                                            "WHERE submitted_at IS NOT NULL"),
                             from,
                             to,
                             m_db.dialect().decisions());
    if (!toDecision)
        return toDecision.error();
    Delays delays;
    delays.exchanges = int(toTaker->size());
    delays.medianTakerSeconds = median(*toTaker);
    delays.decisions = int(toDecision->size());
    delays.medianDecisionSeconds = median(*toDecision);
    return delays;
}

} // namespace Recup
