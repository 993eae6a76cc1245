// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/Figures.h"

#include "storage/ReferenceRepository.h"
#include "storage/StatisticsRepository.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace Recup {

namespace {

// Sums the months into runs keyed by `keyOf` ("2026-07" -> "2026-S2").
template<typename KeyOf>
QList<PeriodTotals> sumMonths(const QList<MonthTotals> &months, KeyOf keyOf)
{
    QList<PeriodTotals> runs;
    for (const MonthTotals &m : months) {
        const QString key = keyOf(m.month);
        if (runs.isEmpty() || runs.constLast().key != key)
            runs.append(PeriodTotals{key, 0, 0, 0, 0, 0});
        PeriodTotals &run = runs.last();
        run.exchanged += m.exchanged;
        run.otherClosings += m.otherClosings;
        run.valueCents += m.valueCents;
        run.weightGrams += m.weightGrams;
        run.estimatedWeightGrams += m.estimatedWeightGrams;
    }
    return runs;
}

struct Names
{
    QHash<qint64, Organisation> organisations;
    QHash<qint64, Service> services;
    QHash<qint64, Category> categories;
};

Result<Names> readNames(Database &db)
{
    ReferenceRepository references(db);
    const auto organisations = references.organisations();
    if (!organisations)
        return organisations.error();
    const auto services = references.services();
    if (!services)
        return services.error();
    const auto categories = references.categories();
    if (!categories)
        return categories.error();
    Names names;
    for (const Organisation &o : *organisations)
        names.organisations.insert(o.id, o);
    for (const Service &s : *services)
        names.services.insert(s.id, s);
    for (const Category &c : *categories)
        names.categories.insert(c.id, c);
    return names;
}

// The exchanges between services, summed per giving and receiving organisation.
QList<OrganisationFlow> flowsOf(const QList<ServicePair> &exchanges, const Names &names)
{
    QMap<std::pair<qint64, qint64>, OrganisationFlow> flows;
    for (const ServicePair &p : exchanges) {
        const qint64 from = names.services.value(p.givingServiceId).organisationId;
        const qint64 to = names.services.value(p.receivingServiceId).organisationId;
        OrganisationFlow &f = flows[{from, to}];
        f.fromOrganisationId = from;
        f.toOrganisationId = to;
        f.exchanges += p.exchanges;
        f.valueCents += p.valueCents;
        f.weightGrams += p.weightGrams;
    }
    return flows.values();
}

void name(Figures &figures, const Names &names)
{
    const auto organisationOf = [&](qint64 serviceId) {
        return names.organisations.value(names.services.value(serviceId).organisationId).name;
    };
    for (ServiceTotals &s : figures.services) {
        s.serviceName = names.services.value(s.serviceId).name;
        s.organisationName = organisationOf(s.serviceId);
    }
    for (OrganisationFlow &f : figures.flows) {
        f.fromName = names.organisations.value(f.fromOrganisationId).name;
        f.toName = names.organisations.value(f.toOrganisationId).name;
    }
    for (CategoryTotals &c : figures.categories) {
        const Category category = names.categories.value(c.categoryId);
        c.name = category.name;
        c.co2eGramsPerKg = category.co2eGramsPerKg;
        c.co2eSource = category.co2eSource;
    }
}

} // namespace

const ReasonTotals *Figures::exchanges() const
{
    for (const ReasonTotals &r : reasons) {
        if (r.reason == CloseReason::Exchanged)
            return &r;
    }
    return nullptr;
}

int Figures::exchanged() const
{
    return exchanges() ? exchanges()->ads : 0;
}

qint64 Figures::valueCents() const
{
    return exchanges() ? exchanges()->valueCents : 0;
}

qint64 Figures::weightGrams() const
{
    return exchanges() ? exchanges()->weightGrams : 0;
}

qint64 Figures::estimatedWeightGrams() const
{
    return exchanges() ? exchanges()->estimatedWeightGrams : 0;
}

qint64 Figures::co2eGrams() const
{
    qint64 grams = 0;
    for (const CategoryTotals &c : categories)
        grams += c.co2eGrams().value_or(0);
    return grams;
}

qint64 Figures::weightWithoutFactorGrams() const
{
    qint64 grams = 0;
    for (const CategoryTotals &c : categories) {
        if (!c.co2eGramsPerKg)
            grams += c.weightGrams;
    }
    return grams;
}

QList<PeriodTotals> Figures::bySemester() const
{
    // An explicit QString: a QStringBuilder would outlive the month.left(4) it refers to.
    return sumMonths(months, [](const QString &month) -> QString {
        return month.left(4) + (month.mid(5).toInt() > 6 ? u"-S2" : u"-S1");
    });
}

QList<PeriodTotals> Figures::byYear() const
{
    return sumMonths(months, [](const QString &month) -> QString { return month.left(4); });
}

FiguresReader::FiguresReader(Database &db)
    : m_db(db)
{}

Result<Figures> FiguresReader::read(const ReportPeriod &period) const
{
    if (!period.isValid())
        return Error{Error::Kind::Invalid, tr("Choose a period."), {}, {}};
    const StatisticsRepository statistics(m_db);
    const QDateTime from = period.fromUtc();
    const QDateTime to = period.toUtc();
    Figures figures;
    figures.period = period;
    figures.computedAt = QDateTime::currentDateTimeUtc();

    auto totals = statistics.closedAdTotals(from, to, period.months());
    if (!totals)
        return totals.error();
    figures.reasons = totals->reasons;
    figures.months = totals->months;
    figures.services = totals->services;
    figures.categories = totals->categories;
    auto delays = statistics.delays(from, to);
    if (!delays)
        return delays.error();
    figures.delays = *delays;
    auto inactive = statistics.neverActiveServices();
    if (!inactive)
        return inactive.error();

    const Result<Names> names = readNames(m_db);
    if (!names)
        return names.error();
    figures.flows = flowsOf(totals->exchanges, *names);
    name(figures, *names);
    for (const qint64 id : *inactive) {
        const Service service = names->services.value(id);
        figures.neverActive.append(
                {id, service.name, names->organisations.value(service.organisationId).name});
    }
    std::sort(figures.neverActive.begin(),
              figures.neverActive.end(),
              [](const InactiveService &a, const InactiveService &b) {
                  return std::tie(a.organisationName, a.serviceName)
                         < std::tie(b.organisationName, b.serviceName);
              });
    std::stable_sort(figures.services.begin(),
                     figures.services.end(),
                     [](const ServiceTotals &a, const ServiceTotals &b) {
                         return a.given + a.received > b.given + b.received;
                     });
    std::stable_sort(figures.categories.begin(),
                     figures.categories.end(),
                     [](const CategoryTotals &a, const CategoryTotals &b) {
                         return a.weightGrams > b.weightGrams;
                     });
    return figures;
}

} // namespace Recup
