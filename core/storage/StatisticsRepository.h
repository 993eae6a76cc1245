// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Statistics.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

class QSqlQuery;

namespace Recup {

class Database;

// The moderators' figures, aggregated from the facts of the ads closed in a period
// (SqlDialect::closedAds(): on PostgreSQL a function only moderators and administrators may
// run; anyone else gets Error::Kind::Forbidden).
class StatisticsRepository
{
    Q_DECLARE_TR_FUNCTIONS(StatisticsRepository)
public:
    explicit StatisticsRepository(Database &db);

    // Per closing reason, for the ads closed in [from, to); reasons with no ad are left out.
    Result<QList<ReasonTotals>> byReason(const QDateTime &from, const QDateTime &to) const;
    // Per service, the exchanges of [from, to) it gave and received; services with none are
    // left out. Ordered by service id.
    Result<QList<ServiceTotals>> byService(const QDateTime &from, const QDateTime &to) const;
    // Per month with a closing, oldest first.
    Result<QList<MonthTotals>> byMonth(const QDateTime &from, const QDateTime &to) const;
    // The exchanges between organisations (giver's, receiver's), by organisation ids.
    Result<QList<OrganisationFlow>> flows(const QDateTime &from, const QDateTime &to) const;
    // Per category, the exchanges of [from, to); categories with none are left out.
    Result<QList<CategoryTotals>> byCategory(const QDateTime &from, const QDateTime &to) const;
    // Per receiving organisation and product family, what its services received in [from, to).
    Result<QList<FamilyReceived>> receivedByFamily(const QDateTime &from,
                                                   const QDateTime &to) const;
    // The services that never posted an ad nor received an exchange, by id: the ones to tell
    // about the platform.
    Result<QList<qint64>> neverActiveServices() const;
    // Median waits over the period (see Delays).
    Result<Delays> delays(const QDateTime &from, const QDateTime &to) const;

    // The median of `values` (the mean of the two middle ones for an even count); empty for none.
    static std::optional<qint64> median(QList<qint64> values);

private:
    // `select` run over the period's rows as the CTE "facts": the closed ads
    // (SqlDialect::closedAds()) unless `source` names another FROM item taking the period.
    // Invalid when the period has no length.
    Status prepare(QSqlQuery &query,
                   const QString &select,
                   const QDateTime &from,
                   const QDateTime &to,
                   const QString &source = {}) const;
    // The seconds from the first to the second time column of each row `select` gives.
    Result<QList<qint64>> secondsBetween(const QString &select,
                                         const QDateTime &from,
                                         const QDateTime &to,
                                         const QString &source = {}) const;

    Database &m_db;
};

} // namespace Recup
