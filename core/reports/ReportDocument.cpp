// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/ReportDocument.h"

#include "domain/Amounts.h"
#include "reports/CsvWriter.h"
#include "reports/ReportHtml.h"

#include <QFile>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include <algorithm>

namespace Recup {

namespace {

using namespace ReportHtml;

QString roundedEuros(qint64 cents)
{
    return Amounts::wholeEuroText(cents);
}

QString roundedKilograms(qint64 grams)
{
    return Amounts::wholeKilogramText(grams);
}

QString share(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return QStringLiteral("—");
    return french().toString(100.0 * double(part) / double(whole), 'f', 0) + QChar(0x00A0) + u'%';
}

QString factorText(const std::optional<int> &gramsPerKg)
{
    if (!gramsPerKg)
        return QStringLiteral("inconnu");
    return french().toString(*gramsPerKg / 1000.0, 'f', *gramsPerKg % 10 ? 3 : 2);
}

QString reasonName(CloseReason reason)
{
    switch (reason) {
    case CloseReason::Exchanged:
        return QStringLiteral("Données à un service");
    case CloseReason::Discarded:
        return QStringLiteral("Jetées");
    case CloseReason::Unavailable:
        return QStringLiteral("Plus disponibles");
    case CloseReason::Removed:
        return QStringLiteral("Retirées par un modérateur");
    }
    return {};
}

QString waitText(const std::optional<qint64> &seconds)
{
    if (!seconds)
        return QStringLiteral("pas de mesure");
    const qint64 hours = (*seconds + 1800) / 3600;
    if (hours < 48)
        return wholeNumber(hours) + (hours > 1 ? u" heures" : u" heure");
    return wholeNumber((hours + 12) / 24) + u" jours";
}

QString titleSection(const Figures &f)
{
    const QDate today = f.computedAt.toTimeZone(ReportPeriod::platformZone()).date();
    QString status = u"Établi le " + frenchDate(today);
    if (f.period.isOngoing(today))
        status += u" : période en cours, chiffres arrêtés à cette date";
    return u"<h1 style=\"color: #1f4e79;\">Collectiv'Récup — rapport du "
           + escaped(f.period.frenchLabel()) + u"</h1>"
           + paragraph(u"Du " + frenchDate(f.period.first()) + u" au " + frenchDate(f.period.last())
                       + u". " + status + u'.');
}

QString headlineSection(const Figures &f)
{
    QString html = u"<p style=\"font-size: large;\"><b>"
                   + escaped(ReportDocument::frenchHeadline(f)) + u"</b></p>";
    if (f.isEmpty())
        html += paragraph(QStringLiteral("Aucune annonce n'a été close sur cette période : il n'y "
                                         "a ni poids, ni CO2e, ni montant à rapporter."));
    return html;
}

QString wasteSection(const Figures &f)
{
    QString html = heading(QStringLiteral("Déchets évités et CO2e"));
    const qint64 weight = f.weightGrams();
    html += paragraph(u"Poids des objets réemployés : <b>" + escaped(Amounts::kilogramText(weight))
                      + u"</b>, dont " + escaped(Amounts::kilogramText(f.estimatedWeightGrams()))
                      + u" estimés (" + escaped(share(f.estimatedWeightGrams(), weight))
                      + u") : quand l'agent n'a pas indiqué de poids, le poids unitaire de la "
                        u"catégorie × la quantité. CO2e évité : <b>"
                      + escaped(roundedKilograms(f.co2eGrams())) + u" CO2e</b>.");
    if (f.categories.isEmpty())
        return html;
    HtmlTable table({QStringLiteral("Catégorie"),
                     QStringLiteral("Annonces"),
                     QStringLiteral("Poids"),
                     QStringLiteral("dont estimé"),
                     QStringLiteral("Facteur (kg CO2e/kg)"),
                     QStringLiteral("CO2e évité")});
    for (const CategoryTotals &c : f.categories) {
        const auto co2e = c.co2eGrams();
        table.row({escaped(c.name),
                   wholeNumber(c.ads),
                   escaped(Amounts::kilogramText(c.weightGrams)),
                   escaped(share(c.estimatedWeightGrams, c.weightGrams)),
                   escaped(factorText(c.co2eGramsPerKg)),
                   co2e ? escaped(roundedKilograms(*co2e)) : QStringLiteral("non compté")});
    }
    table.row({QStringLiteral("Total"),
               wholeNumber(f.exchanged()),
               escaped(Amounts::kilogramText(weight)),
               escaped(share(f.estimatedWeightGrams(), weight)),
               QString(),
               escaped(roundedKilograms(f.co2eGrams()))},
              true);
    html += table.html();
    // Each source once, with the categories that use it.
    QList<QPair<QString, QStringList>> sources;
    for (const CategoryTotals &c : f.categories) {
        const QString source = c.co2eGramsPerKg
                                       ? c.co2eSource
                                       : QStringLiteral("aucun facteur connu pour cette "
                                                        "catégorie : son poids n'est pas compté "
                                                        "dans le CO2e");
        auto found = std::find_if(sources.begin(), sources.end(), [&](const auto &entry) {
            return entry.first == source;
        });
        if (found == sources.end())
            sources.append({source, {c.name}});
        else
            found->second.append(c.name);
    }
    html += u"<p><b>Sources des facteurs</b></p><ul>";
    for (const auto &[source, names] : sources)
        html += u"<li><i>" + escaped(names.join(QStringLiteral(", "))) + u"</i> : "
                + escaped(source) + u"</li>";
    return html + u"</ul>";
}

QString monthsSection(const Figures &f)
{
    HtmlTable table({QStringLiteral("Mois"),
                     QStringLiteral("Échanges"),
                     QStringLiteral("Autres clôtures"),
                     QStringLiteral("Achats évités"),
                     QStringLiteral("Poids réemployé")});
    for (const MonthTotals &m : f.months) {
        const QDate month = QDate::fromString(m.month + u"-01", Qt::ISODate);
        table.row({escaped(french().standaloneMonthName(month.month()) + u' '
                           + QString::number(month.year())),
                   wholeNumber(m.exchanged),
                   wholeNumber(m.otherClosings),
                   escaped(Amounts::euroText(m.valueCents)),
                   escaped(Amounts::kilogramText(m.weightGrams))});
    }
    return heading(QStringLiteral("Mois par mois")) + table.html();
}

QString servicesSection(const Figures &f)
{
    constexpr int shown = 10;
    QString html = heading(QStringLiteral("Les services qui ont le plus donné et reçu"));
    for (const bool given : {true, false}) {
        QList<ServiceTotals> services = f.services;
        std::stable_sort(services.begin(), services.end(), [given](const auto &a, const auto &b) {
            return given ? a.valueGivenCents > b.valueGivenCents
                         : a.valueReceivedCents > b.valueReceivedCents;
        });
        HtmlTable table({given ? QStringLiteral("A donné") : QStringLiteral("A reçu"),
                         QStringLiteral("Organisation"),
                         QStringLiteral("Annonces"),
                         QStringLiteral("Valeur"),
                         QStringLiteral("Poids")},
                        2);
        int rows = 0;
        for (const ServiceTotals &s : services) {
            if ((given ? s.given : s.received) == 0)
                continue;
            if (rows++ == shown)
                break;
            table.row({escaped(s.serviceName),
                       escaped(s.organisationName),
                       wholeNumber(given ? s.given : s.received),
                       escaped(Amounts::euroText(given ? s.valueGivenCents : s.valueReceivedCents)),
                       escaped(Amounts::kilogramText(given ? s.weightGivenGrams
                                                           : s.weightReceivedGrams))});
        }
        if (rows > 0)
            html += table.html() + u"<br/>";
    }
    if (!f.flows.isEmpty()) {
        HtmlTable flows({QStringLiteral("De"),
                         QStringLiteral("Vers"),
                         QStringLiteral("Échanges"),
                         QStringLiteral("Valeur"),
                         QStringLiteral("Poids")},
                        2);
        for (const OrganisationFlow &flow : f.flows)
            flows.row({escaped(flow.fromName),
                       escaped(flow.toName),
                       wholeNumber(flow.exchanges),
                       escaped(Amounts::euroText(flow.valueCents)),
                       escaped(Amounts::kilogramText(flow.weightGrams))});
        html += paragraph(QStringLiteral("<b>Entre organisations</b>")) + flows.html();
    }
    return html;
}

QString closingsSection(const Figures &f)
{
    QString html = heading(QStringLiteral("Clôtures et délais"));
    if (!f.reasons.isEmpty()) {
        HtmlTable table({QStringLiteral("Motif de clôture"),
                         QStringLiteral("Annonces"),
                         QStringLiteral("Valeur estimée"),
                         QStringLiteral("Poids")});
        for (const ReasonTotals &r : f.reasons)
            table.row({escaped(reasonName(r.reason)),
                       wholeNumber(r.ads),
                       escaped(Amounts::euroText(r.valueCents)),
                       escaped(Amounts::kilogramText(r.weightGrams))});
        html += table.html();
    }
    html += paragraph(u"Délai médian entre l'envoi d'une annonce en modération et la décision : "
                      + escaped(waitText(f.delays.medianDecisionSeconds)) + u" ("
                      + wholeNumber(f.delays.decisions) + u" décisions). Délai médian entre la "
                      + u"publication et l'échange : "
                      + escaped(waitText(f.delays.medianTakerSeconds)) + u" ("
                      + wholeNumber(f.delays.exchanges) + u" échanges).");
    return html;
}

QString inactiveSection(const Figures &f)
{
    QString html = heading(QStringLiteral("Services jamais actifs"));
    if (f.neverActive.isEmpty())
        return html + paragraph(QStringLiteral("Chaque service a déjà publié ou reçu un objet."));
    html += paragraph(u"Ces " + wholeNumber(f.neverActive.size())
                      + u" services n'ont jamais publié d'annonce ni reçu d'objet. Assurez-vous "
                        u"qu'ils connaissent la plateforme :");
    html += u"<ul>";
    for (const InactiveService &s : f.neverActive)
        html += u"<li>" + escaped(s.serviceName) + u" (" + escaped(s.organisationName) + u")</li>";
    return html + u"</ul>";
}

QString notesSection()
{
    return QStringLiteral(
            "<p style=\"color: #555555; font-size: small;\">Les valeurs en euros et les poids "
            "sont des estimations faites par les agents qui publient les annonces ; le CO2e "
            "applique à ces poids le facteur de chaque catégorie, avec sa source. Seules les "
            "annonces closes comme données à un service comptent comme achats et déchets "
            "évités.</p>");
}

} // namespace

QString ReportDocument::frenchHeadline(const Figures &f)
{
    const int n = f.exchanged();
    const QString ads = n == 1 ? QStringLiteral("1 annonce a trouvé preneur")
                               : wholeNumber(n) + u" annonces ont trouvé preneur";
    return ads + u", environ " + roundedEuros(f.valueCents()) + u" d'achats évités, "
           + roundedKilograms(f.weightGrams()) + u" de déchets évités";
}

std::unique_ptr<QTextDocument> ReportDocument::semesterReport(const Figures &f)
{
    auto document = newDocument(u"Collectiv'Récup — rapport du " + f.period.frenchLabel());
    QString html = titleSection(f) + headlineSection(f);
    if (!f.isEmpty())
        html += wasteSection(f) + monthsSection(f) + servicesSection(f) + closingsSection(f);
    html += inactiveSection(f) + notesSection();
    document->setHtml(html);
    return document;
}

void ReportDocument::print(QTextDocument &document, QPagedPaintDevice &device)
{
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
                                     QPageLayout::Portrait,
                                     // QTextDocument::print() adds its own 2 cm around the text.
                                     QMarginsF(0, 0, 0, 0),
                                     QPageLayout::Millimeter));
    document.print(&device);
}

Status ReportDocument::writePdf(QTextDocument &document, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{Error::Kind::Invalid,
                     tr("The file %1 could not be written: %2").arg(path, file.errorString()),
                     {},
                     {}};
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setCreator(QStringLiteral("Collectiv'Récup"));
        writer.setTitle(document.metaInformation(QTextDocument::DocumentTitle));
        print(document, writer);
    }
    if (!file.commit())
        return Error{Error::Kind::Invalid,
                     tr("The file %1 could not be written: %2").arg(path, file.errorString()),
                     {},
                     {}};
    return {};
}

namespace {

// A blank line, the section's title, its column headers.
void csvSection(CsvWriter &csv, const QString &title, const QStringList &headers)
{
    csv.endRow();
    csv.row({title});
    csv.row(headers);
}

void csvSummary(CsvWriter &csv, const Figures &f)
{
    const QDate today = f.computedAt.toTimeZone(ReportPeriod::platformZone()).date();
    csv.row({u"Collectiv'Récup — chiffres du " + f.period.frenchLabel(),
             u"du " + f.period.first().toString(Qt::ISODate),
             u"au " + f.period.last().toString(Qt::ISODate),
             u"établi le " + today.toString(Qt::ISODate)});
    csv.row({QStringLiteral("Les valeurs en euros et les poids sont des estimations faites par "
                            "les agents ; le poids estimé est le poids unitaire de la catégorie × "
                            "la quantité.")});
    csvSection(csv,
               QStringLiteral("Synthèse"),
               {QStringLiteral("Annonces ayant trouvé preneur"),
                QStringLiteral("Achats évités (€)"),
                QStringLiteral("Poids réemployé (kg)"),
                QStringLiteral("dont estimé (kg)"),
                QStringLiteral("Part estimée (%)"),
                QStringLiteral("CO2e évité (kg)"),
                QStringLiteral("Poids sans facteur CO2e (kg)")});
    const qint64 weight = f.weightGrams();
    csv.number(f.exchanged())
            .euros(f.valueCents())
            .kilograms(weight)
            .kilograms(f.estimatedWeightGrams())
            .percent(weight > 0 ? std::optional(double(f.estimatedWeightGrams()) / double(weight))
                                : std::nullopt)
            .kilograms(f.co2eGrams())
            .kilograms(f.weightWithoutFactorGrams())
            .endRow();
}

void csvCategories(CsvWriter &csv, const Figures &f)
{
    csvSection(csv,
               QStringLiteral("Par catégorie (échanges)"),
               {QStringLiteral("Catégorie"),
                QStringLiteral("Annonces"),
                QStringLiteral("Quantité"),
                QStringLiteral("Valeur (€)"),
                QStringLiteral("Poids (kg)"),
                QStringLiteral("dont estimé (kg)"),
                QStringLiteral("Facteur (kg CO2e par kg)"),
                QStringLiteral("CO2e évité (kg)"),
                QStringLiteral("Source du facteur")});
    for (const CategoryTotals &c : f.categories) {
        csv.text(c.name).number(c.ads).number(c.quantity).euros(c.valueCents);
        csv.kilograms(c.weightGrams).kilograms(c.estimatedWeightGrams);
        if (c.co2eGramsPerKg)
            csv.kilograms(*c.co2eGramsPerKg).kilograms(*c.co2eGrams()).text(c.co2eSource);
        else
            csv.empty().empty().text(QStringLiteral("aucun facteur connu : non compté"));
        csv.endRow();
    }
}

// By month, then the same summed by semester and by year.
void csvPeriods(CsvWriter &csv, const Figures &f)
{
    const auto runs =
            [&csv](const QString &title, const QString &period, const QList<PeriodTotals> &totals) {
                csvSection(csv,
                           title,
                           {period,
                            QStringLiteral("Échanges"),
                            QStringLiteral("Autres clôtures"),
                            QStringLiteral("Valeur (€)"),
                            QStringLiteral("Poids (kg)"),
                            QStringLiteral("dont estimé (kg)")});
                for (const PeriodTotals &run : totals)
                    csv.text(run.key)
                            .number(run.exchanged)
                            .number(run.otherClosings)
                            .euros(run.valueCents)
                            .kilograms(run.weightGrams)
                            .kilograms(run.estimatedWeightGrams)
                            .endRow();
            };
    QList<PeriodTotals> months;
    for (const MonthTotals &m : f.months)
        months.append({m.month,
                       m.exchanged,
                       m.otherClosings,
                       m.valueCents,
                       m.weightGrams,
                       m.estimatedWeightGrams});
    runs(QStringLiteral("Par mois"), QStringLiteral("Mois"), months);
    runs(QStringLiteral("Par semestre"), QStringLiteral("Période"), f.bySemester());
    runs(QStringLiteral("Par année"), QStringLiteral("Période"), f.byYear());
}

void csvServices(CsvWriter &csv, const Figures &f)
{
    csvSection(csv,
               QStringLiteral("Par service"),
               {QStringLiteral("Service"),
                QStringLiteral("Organisation"),
                QStringLiteral("Annonces données"),
                QStringLiteral("Annonces reçues"),
                QStringLiteral("Valeur donnée (€)"),
                QStringLiteral("Valeur reçue (€)"),
                QStringLiteral("Poids donné (kg)"),
                QStringLiteral("Poids reçu (kg)")});
    for (const ServiceTotals &s : f.services)
        csv.text(s.serviceName)
                .text(s.organisationName)
                .number(s.given)
                .number(s.received)
                .euros(s.valueGivenCents)
                .euros(s.valueReceivedCents)
                .kilograms(s.weightGivenGrams)
                .kilograms(s.weightReceivedGrams)
                .endRow();
    csvSection(csv,
               QStringLiteral("Entre organisations"),
               {QStringLiteral("De"),
                QStringLiteral("Vers"),
                QStringLiteral("Échanges"),
                QStringLiteral("Valeur (€)"),
                QStringLiteral("Poids (kg)")});
    for (const OrganisationFlow &flow : f.flows)
        csv.text(flow.fromName)
                .text(flow.toName)
                .number(flow.exchanges)
                .euros(flow.valueCents)
                .kilograms(flow.weightGrams)
                .endRow();
}

void csvReasonsAndWaits(CsvWriter &csv, const Figures &f)
{
    csvSection(csv,
               QStringLiteral("Par motif de clôture"),
               {QStringLiteral("Motif"),
                QStringLiteral("Annonces"),
                QStringLiteral("Quantité"),
                QStringLiteral("Valeur (€)"),
                QStringLiteral("Poids (kg)"),
                QStringLiteral("dont estimé (kg)")});
    for (const ReasonTotals &r : f.reasons)
        csv.text(reasonName(r.reason))
                .number(r.ads)
                .number(r.quantity)
                .euros(r.valueCents)
                .kilograms(r.weightGrams)
                .kilograms(r.estimatedWeightGrams)
                .endRow();
    csvSection(csv,
               QStringLiteral("Délais médians"),
               {QStringLiteral("Mesure"),
                QStringLiteral("Nombre"),
                QStringLiteral("Médiane (heures)")});
    const auto hours = [](const std::optional<qint64> &seconds) {
        return seconds ? CsvWriter::decimal(*seconds / 360, 10, 1) : QString();
    };
    csv.text(QStringLiteral("De l'envoi en modération à la décision"))
            .number(f.delays.decisions)
            .text(hours(f.delays.medianDecisionSeconds))
            .endRow();
    csv.text(QStringLiteral("De la publication à l'échange"))
            .number(f.delays.exchanges)
            .text(hours(f.delays.medianTakerSeconds))
            .endRow();
}

} // namespace

QByteArray ReportDocument::figuresCsv(const Figures &f)
{
    CsvWriter csv;
    csvSummary(csv, f);
    csvCategories(csv, f);
    csvPeriods(csv, f);
    csvServices(csv, f);
    csvReasonsAndWaits(csv, f);
    csvSection(csv,
               QStringLiteral("Services jamais actifs"),
               {QStringLiteral("Service"), QStringLiteral("Organisation")});
    for (const InactiveService &s : f.neverActive)
        csv.row({s.serviceName, s.organisationName});
    return csv.bytes();
}

Status ReportDocument::writeFile(const QByteArray &bytes, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{Error::Kind::Invalid,
                     tr("The file %1 could not be written: %2").arg(path, file.errorString()),
                     {},
                     {}};
    return {};
}

} // namespace Recup
