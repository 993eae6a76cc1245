// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Ad.h"
#include "domain/Reference.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <QtGlobal>
#include <optional>

namespace Recup {

// What the ads closed for one reason in a period add up to (moderators only). Weights are
// the ones given, else the category's unit weight × quantity: estimatedWeightGrams says how
// much of weightGrams is such an estimate.
struct ReasonTotals
{
    CloseReason reason = CloseReason::Exchanged;
    int ads = 0;
    qint64 quantity = 0;
    qint64 valueCents = 0;
    qint64 weightGrams = 0;
    qint64 estimatedWeightGrams = 0;
};

// One service's exchanges in a period: what it gave (the ads it posted that were exchanged)
// and what it received (as the receiving service), counted in ads, € and kg.
struct ServiceTotals
{
    qint64 serviceId = 0;
    int given = 0;
    int received = 0;
    qint64 valueGivenCents = 0;
    qint64 valueReceivedCents = 0;
    qint64 weightGivenGrams = 0;
    qint64 weightReceivedGrams = 0;
    QString serviceName; // filled by the reports (FiguresReader), as are the names below
    QString organisationName;
};

// One calendar month (in the platform's time zone) of a period: the exchanges and the other
// closings.
struct MonthTotals
{
    QString month; // "2026-05"
    int exchanged = 0;
    int otherClosings = 0;
    qint64 valueCents = 0; // of the exchanges
    qint64 weightGrams = 0;
    qint64 estimatedWeightGrams = 0;
};

// The exchanges from one organisation's services to another's (the same one included).
struct OrganisationFlow
{
    qint64 fromOrganisationId = 0;
    qint64 toOrganisationId = 0;
    int exchanges = 0;
    qint64 valueCents = 0;
    qint64 weightGrams = 0;
    QString fromName;
    QString toName;
};

// How long people wait, as medians over a period: from sending an ad to moderation to the
// moderator's decision (decisions taken in the period), and from publication to the exchange
// (exchanges closed in the period). Empty when nothing was measured.
struct Delays
{
    int decisions = 0;
    std::optional<qint64> medianDecisionSeconds;
    int exchanges = 0;
    std::optional<qint64> medianTakerSeconds;
};

// The exchanges of one category in a period: what was reused, the base of its CO2e.
struct CategoryTotals
{
    qint64 categoryId = 0;
    int ads = 0;
    qint64 quantity = 0;
    qint64 valueCents = 0;
    qint64 weightGrams = 0;
    qint64 estimatedWeightGrams = 0;
    QString name;
    std::optional<int> co2eGramsPerKg; // the category's factor; empty: none known
    QString co2eSource;

    // The CO2e avoided, kg × factor; empty when the category has no factor.
    std::optional<qint64> co2eGrams() const
    {
        if (!co2eGramsPerKg)
            return std::nullopt;
        return weightGrams * *co2eGramsPerKg / 1000;
    }
};

// What one organisation's services received in a period in one product family of the yearly
// reuse declaration.
struct FamilyReceived
{
    qint64 organisationId = 0;
    ProductFamily family = ProductFamily::Other;
    int ads = 0;
    qint64 quantity = 0;
    qint64 valueCents = 0;
};

// A calendar month of a period, in the platform's time zone: its key and its first instant.
struct PeriodMonth
{
    QString month;     // "2026-05"
    QDateTime fromUtc; // 1 May 2026 00:00, Paris time, as UTC
};

// The exchanges from one service to another in a period.
struct ServicePair
{
    qint64 givingServiceId = 0;
    qint64 receivingServiceId = 0;
    int exchanges = 0;
    qint64 valueCents = 0;
    qint64 weightGrams = 0;
};

// What the ads closed in a period add up to, summed in one pass over them
// (StatisticsRepository::closedAdTotals).
struct ClosedAdTotals
{
    QList<ReasonTotals> reasons;      // reasons with no ad left out, by reason key
    QList<MonthTotals> months;        // every month asked for, the ones without closing as zeros
    QList<CategoryTotals> categories; // the exchanges; categories with none left out
    QList<ServicePair> exchanges;     // between services, by giving then receiving service
    QList<ServiceTotals> services;    // given and received, from `exchanges`, by service id
};

} // namespace Recup
