// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Statistics.h"
#include "reports/ReportPeriod.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace Recup {

class Database;

// A named service that never posted an ad nor received an exchange.
struct InactiveService
{
    qint64 serviceId = 0;
    QString serviceName;
    QString organisationName;
};

// The exchanges of a run of months (a semester, a year), summed from the months.
struct PeriodTotals
{
    QString key; // "2026-S2", "2026"
    int exchanged = 0;
    int otherClosings = 0;
    qint64 valueCents = 0;
    qint64 weightGrams = 0;
    qint64 estimatedWeightGrams = 0;
};

// Everything the moderators' figures show for one period, names resolved: what the
// statistics window, the semester report and their CSV are made of (moderators only).
struct Figures
{
    ReportPeriod period;
    QDateTime computedAt; // UTC
    QList<ReasonTotals> reasons;
    QList<MonthTotals> months;        // every month of the period, months without closing included
    QList<ServiceTotals> services;    // most active first (given + received)
    QList<CategoryTotals> categories; // exchanges per category, heaviest first
    QList<OrganisationFlow> flows;
    Delays delays;
    QList<InactiveService> neverActive; // by organisation, then name

    // The headline: the exchanges, their € value, their weight (of which estimated), and the
    // CO2e of the categories with a factor.
    const ReasonTotals *exchanges() const;
    int exchanged() const;
    qint64 valueCents() const;
    qint64 weightGrams() const;
    qint64 estimatedWeightGrams() const;
    qint64 co2eGrams() const;
    // The weight of the exchanges whose category has no CO2e factor (left out of co2eGrams()).
    qint64 weightWithoutFactorGrams() const;
    // The exchanges per semester and per year the period touches, summed from its months.
    QList<PeriodTotals> bySemester() const;
    QList<PeriodTotals> byYear() const;
    bool isEmpty() const { return reasons.isEmpty(); }
};

// Reads the Figures of a period (on the calling thread's connection: run it on a worker).
class FiguresReader
{
    Q_DECLARE_TR_FUNCTIONS(FiguresReader)
public:
    explicit FiguresReader(Database &db);
    Result<Figures> read(const ReportPeriod &period) const;

private:
    Database &m_db;
};

} // namespace Recup
