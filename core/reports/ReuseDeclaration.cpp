// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/ReuseDeclaration.h"

#include "reports/CsvWriter.h"
#include "reports/ReportPeriod.h"
#include "storage/ReferenceRepository.h"
#include "storage/StatisticsRepository.h"

#include <algorithm>

namespace Recup {

namespace {

constexpr ProductFamily families[] = {ProductFamily::Seats,
                                      ProductFamily::Tables,
                                      ProductFamily::Desks,
                                      ProductFamily::Storage,
                                      ProductFamily::Other};

} // namespace

qint64 DeclarationBlock::totalCents() const
{
    qint64 cents = 0;
    for (const FamilyReceived &f : families)
        cents += f.valueCents;
    return cents;
}

QString ReuseDeclarationReader::frenchFamilyName(ProductFamily family)
{
    switch (family) {
    case ProductFamily::Seats:
        return QStringLiteral("Sièges");
    case ProductFamily::Tables:
        return QStringLiteral("Tables");
    case ProductFamily::Desks:
        return QStringLiteral("Bureaux");
    case ProductFamily::Storage:
        return QStringLiteral("Rangements");
    case ProductFamily::Other:
        break;
    }
    return QStringLiteral("Autres");
}

ReuseDeclarationReader::ReuseDeclarationReader(Database &db)
    : m_db(db)
{}

Result<ReuseDeclaration>
ReuseDeclarationReader::read(int year, const std::optional<QString> &organisationCode) const
{
    const ReportPeriod period = ReportPeriod::year(year);
    const Result<QList<FamilyReceived>> received
            = StatisticsRepository(m_db).receivedByFamily(period.fromUtc(), period.toUtc());
    if (!received)
        return received.error();
    const Result<QList<Organisation>> organisations = ReferenceRepository(m_db).organisations();
    if (!organisations)
        return organisations.error();

    ReuseDeclaration declaration;
    declaration.year = year;
    declaration.computedAt = QDateTime::currentDateTimeUtc();
    for (const Organisation &organisation : *organisations) {
        if (organisationCode
            && organisation.code.compare(organisationCode->trimmed(), Qt::CaseInsensitive) != 0)
            continue;
        DeclarationBlock block{organisation, {}};
        for (const ProductFamily family : families) {
            FamilyReceived line{organisation.id, family, 0, 0, 0};
            for (const FamilyReceived &r : *received) {
                if (r.organisationId == organisation.id && r.family == family)
                    line = r;
            }
            block.families.append(line);
        }
        declaration.blocks.append(block);
    }
    if (organisationCode && declaration.blocks.isEmpty())
        return Error{Error::Kind::Invalid,
                     tr("No organisation has the code “%1”.").arg(organisationCode->left(40)),
                     {},
                     {}};
    std::sort(declaration.blocks.begin(),
              declaration.blocks.end(),
              [](const DeclarationBlock &a, const DeclarationBlock &b) {
                  return a.organisation.code < b.organisation.code;
              });
    return declaration;
}

QByteArray ReuseDeclaration::csv() const
{
    CsvWriter csv;
    const QDate today = computedAt.toTimeZone(ReportPeriod::platformZone()).date();
    csv.row({u"Collectiv'Récup — déclaration annuelle des achats issus du réemploi, année "
                     + QString::number(year),
             u"établie le " + today.toString(Qt::ISODate)});
    csv.row({QStringLiteral(
            "Valeur des biens reçus en don par les services de l'organisation par la plateforme "
            "(loi AGEC, article 58 ; décret n° 2024-134). Ces valeurs sont des estimations "
            "faites par les agents qui ont publié les annonces.")});
    for (const DeclarationBlock &block : blocks) {
        csv.endRow();
        csv.row({QStringLiteral("Organisation"), block.organisation.name, block.organisation.code});
        csv.row({QStringLiteral("Famille de produits"),
                 QStringLiteral("Annonces reçues"),
                 QStringLiteral("Quantité"),
                 QStringLiteral("Valeur estimée (€)")});
        for (const FamilyReceived &line : block.families)
            csv.text(ReuseDeclarationReader::frenchFamilyName(line.family))
                    .number(line.ads)
                    .number(line.quantity)
                    .euros(line.valueCents)
                    .endRow();
        int ads = 0;
        qint64 quantity = 0;
        for (const FamilyReceived &line : block.families) {
            ads += line.ads;
            quantity += line.quantity;
        }
        csv.text(QStringLiteral("Total")).number(ads).number(quantity).euros(block.totalCents());
        csv.endRow();
    }
    return csv.bytes();
}

} // namespace Recup
