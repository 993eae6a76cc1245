// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Reference.h"
#include "domain/Statistics.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <optional>

namespace Recup {

class Database;

// What one organisation received through the platform in a year, per product family: the
// figures of the yearly declaration of purchases from reuse that public buyers owe (loi AGEC
// art. 58, décret 2024-134, which lets donations received count).
struct DeclarationBlock
{
    Organisation organisation;
    QList<FamilyReceived> families; // the five families in order, empty ones included
    qint64 totalCents() const;
};

struct ReuseDeclaration
{
    int year = 0;
    QDateTime computedAt;           // UTC
    QList<DeclarationBlock> blocks; // one per organisation, by code

    // As CSV (French Excel: see CsvWriter), one block per organisation, saying the values
    // are the agents' estimates.
    QByteArray csv() const;
};

class ReuseDeclarationReader
{
    Q_DECLARE_TR_FUNCTIONS(ReuseDeclarationReader)
public:
    explicit ReuseDeclarationReader(Database &db);
    // The declaration of `year` for the organisation with `organisationCode`, or for every
    // organisation. Moderators and administrators only (Error::Kind::Forbidden otherwise).
    Result<ReuseDeclaration> read(int year, const std::optional<QString> &organisationCode) const;

    // "Sièges", in French as the declaration is.
    static QString frenchFamilyName(ProductFamily family);

private:
    Database &m_db;
};

} // namespace Recup
