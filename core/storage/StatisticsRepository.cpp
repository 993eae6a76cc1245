// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/StatisticsRepository.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

#include <QMap>

#include <algorithm>
#include <cmath>

namespace Recup {

StatisticsRepository::StatisticsRepository(Database &db)
    : m_db(db)
{}

namespace {

Status checkPeriod(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid() || to <= from)
        return Error{Error::Kind::Invalid,
                     StatisticsRepository::tr("The period has no length."),
                     {},
                     {}};
    return {};
}

// The sums every grouping of SqlDialect::closedAdTotals() carries, from its 7th column on.
struct Sums
{
    int ads = 0;
    qint64 quantity = 0;
    qint64 valueCents = 0;
    qint64 weightGrams = 0;
    qint64 estimatedGrams = 0;

    static Sums read(const QSqlQuery &query)
    {
        return {query.value(6).toInt(),
                query.value(7).toLongLong(),
                query.value(8).toLongLong(),
                query.value(9).toLongLong(),
                query.value(10).toLongLong()};
    }
};

// Folds the exchanges between services into what each service gave and received, by id.
QList<ServiceTotals> servicesOf(const QList<ServicePair> &exchanges)
{
    QMap<qint64, ServiceTotals> byId;
    for (const ServicePair &p : exchanges) {
        ServiceTotals &giver = byId[p.givingServiceId];
        giver.serviceId = p.givingServiceId;
        giver.given += p.exchanges;
        giver.valueGivenCents += p.valueCents;
        giver.weightGivenGrams += p.weightGrams;
        ServiceTotals &taker = byId[p.receivingServiceId];
        taker.serviceId = p.receivingServiceId;
        taker.received += p.exchanges;
        taker.valueReceivedCents += p.valueCents;
        taker.weightReceivedGrams += p.weightGrams;
    }
    return byId.values();
}

} // namespace

Status StatisticsRepository::prepare(QSqlQuery &query,
                                     const QString &select,
                                     const QDateTime &from,
                                     const QDateTime &to) const
{
    if (const Status valid = checkPeriod(from, to); !valid)
        return valid;
    const SqlDialect &dialect = m_db.dialect();
    query.setForwardOnly(true);
    query.prepare(
            QStringLiteral("WITH facts AS (SELECT * FROM %1 period) ").arg(dialect.closedAds())
            + select);
    query.addBindValue(dialect.toDb(from));
    query.addBindValue(dialect.toDb(to));
    if (!query.exec())
        return databaseError(query.lastError(), tr("The figures could not be computed."));
    return {};
}

Status StatisticsRepository::run(QSqlQuery &query, const BoundStatement &statement) const
{
    query.setForwardOnly(true);
    query.prepare(statement.sql);
    for (const QVariant &value : statement.values)
        query.addBindValue(value);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The figures could not be computed."));
    return {};
}

Result<ClosedAdTotals> StatisticsRepository::closedAdTotals(const QDateTime &from,
                                                            const QDateTime &to,
                                                            const QList<PeriodMonth> &months) const
{
    if (const Status valid = checkPeriod(from, to); !valid)
        return valid.error();
    QList<QDateTime> monthStarts;
    for (qsizetype i = 1; i < months.size(); ++i)
        monthStarts.append(months.at(i).fromUtc);
    QSqlQuery query(m_db.connection());
    if (const Status done = run(query, m_db.dialect().closedAdTotals(from, to, monthStarts)); !done)
        return done.error();

    ClosedAdTotals totals;
    for (const PeriodMonth &m : months)
        totals.months.append(MonthTotals{m.month, 0, 0, 0, 0, 0});
    QMap<QString, ReasonTotals> reasons;
    QMap<qint64, CategoryTotals> categories;
    while (query.next()) {
        const QString reasonKey = query.value(1).toString();
        const std::optional<CloseReason> reason = closeReasonFromKey(reasonKey);
        if (!reason)
            continue; // a reason of a newer version
        const bool exchanged = *reason == CloseReason::Exchanged;
        const Sums sums = Sums::read(query);
        switch (query.value(0).toInt()) {
        case 0: { // per reason and month: the reasons, and the months
            ReasonTotals &r = reasons[reasonKey];
            r.reason = *reason;
            r.ads += sums.ads;
            r.quantity += sums.quantity;
            r.valueCents += sums.valueCents;
            r.weightGrams += sums.weightGrams;
            r.estimatedWeightGrams += sums.estimatedGrams;
            const qsizetype month = query.value(2).toLongLong();
            if (month < 0 || month >= totals.months.size())
                break;
            MonthTotals &m = totals.months[month];
            if (!exchanged) {
                m.otherClosings += sums.ads;
                break;
            }
            m.exchanged += sums.ads;
            m.valueCents += sums.valueCents;
            m.weightGrams += sums.weightGrams;
            m.estimatedWeightGrams += sums.estimatedGrams;
            break;
        }
        case 1: // per reason and category: the exchanges' categories
            if (exchanged) {
                const qint64 id = query.value(3).toLongLong();
                CategoryTotals &c = categories[id];
                c.categoryId = id;
                c.ads = sums.ads;
                c.quantity = sums.quantity;
                c.valueCents = sums.valueCents;
                c.weightGrams = sums.weightGrams;
                c.estimatedWeightGrams = sums.estimatedGrams;
            }
            break;
        default: // per reason, giving and receiving service: the exchanges between services
            if (exchanged)
                totals.exchanges.append({query.value(4).toLongLong(),
                                         query.value(5).toLongLong(),
                                         sums.ads,
                                         sums.valueCents,
                                         sums.weightGrams});
            break;
        }
    }
    totals.reasons = reasons.values();
    totals.categories = categories.values();
    std::sort(totals.exchanges.begin(),
              totals.exchanges.end(),
              [](const ServicePair &a, const ServicePair &b) {
                  return std::pair(a.givingServiceId, a.receivingServiceId)
                         < std::pair(b.givingServiceId, b.receivingServiceId);
              });
    totals.services = servicesOf(totals.exchanges);
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
    if (!query.exec(QStringLiteral("SELECT service_id FROM %1 inactive ORDER BY service_id")
                            .arg(m_db.dialect().inactiveServices())))
        return databaseError(query.lastError(), tr("The figures could not be computed."));
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

Result<Delays> StatisticsRepository::delays(const QDateTime &from, const QDateTime &to) const
{
    if (const Status valid = checkPeriod(from, to); !valid)
        return valid.error();
    QSqlQuery query(m_db.connection());
    if (const Status done = run(query, m_db.dialect().medianWaits(from, to)); !done)
        return done.error();
    if (!query.next())
        return databaseError(query.lastError(), tr("The figures could not be computed."));
    // Whole seconds, rounded down: the mean of two middle waits may end in a half.
    const auto seconds = [&](int column) -> std::optional<qint64> {
        if (query.value(column).isNull())
            return std::nullopt;
        return qint64(std::floor(query.value(column).toDouble()));
    };
    Delays delays;
    delays.exchanges = query.value(0).toInt();
    delays.medianTakerSeconds = seconds(1);
    delays.decisions = query.value(2).toInt();
    delays.medianDecisionSeconds = seconds(3);
    return delays;
}

} // namespace Recup
