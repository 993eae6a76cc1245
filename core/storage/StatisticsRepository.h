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
struct BoundStatement;

// The moderators' figures, aggregated from the ads closed in a period (SqlDialect's
// closedAds(), closedAdTotals(), medianWaits(), inactiveServices(): on PostgreSQL functions
// only moderators and administrators may run; anyone else gets Error::Kind::Forbidden).
class StatisticsRepository
{
    Q_DECLARE_TR_FUNCTIONS(StatisticsRepository)
public:
    explicit StatisticsRepository(Database &db);

    // What the ads closed in [from, to) add up to, read in one statement: per reason, per
    // month of `months` (the months of the period, in order), per category and between
    // services. Invalid when the period has no length.
    Result<ClosedAdTotals> closedAdTotals(const QDateTime &from,
                                          const QDateTime &to,
                                          const QList<PeriodMonth> &months) const;
    // Per receiving organisation and product family, what its services received in [from, to).
    Result<QList<FamilyReceived>> receivedByFamily(const QDateTime &from,
                                                   const QDateTime &to) const;
    // The services that never posted an ad nor received an exchange, by id: the ones to tell
    // about the platform.
    Result<QList<qint64>> neverActiveServices() const;
    // Median waits over the period (see Delays), in whole seconds.
    Result<Delays> delays(const QDateTime &from, const QDateTime &to) const;

private:
    // `select` run over the period's closed ads as the CTE "facts" (SqlDialect::closedAds()).
    // Invalid when the period has no length.
    Status prepare(QSqlQuery &query,
                   const QString &select,
                   const QDateTime &from,
                   const QDateTime &to) const;
    Status run(QSqlQuery &query, const BoundStatement &statement) const;

    Database &m_db;
};

} // namespace Recup
