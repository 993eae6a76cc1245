// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Pickup.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Recup {

// collectiv-recup-admin pickup-list --date YYYY-MM-DD --output FILE.pdf: the day's printed
// list as PDF. What it does with the options and the stops, apart from reading them, so that
// it is tested without a database.
class PickupListCommand
{
    Q_DECLARE_TR_FUNCTIONS(PickupListCommand)
public:
    struct Options
    {
        QDate day;
        QString path;
    };
    // --date and --output as typed; an Invalid error saying what is wrong otherwise.
    static Result<Options> options(const QString &date, const QString &output);
    // Writes the list of `day` to `path` (all or nothing) and returns the sentence to print.
    static Result<QString> write(const QDate &day,
                                 const QList<Pickup> &stops,
                                 const QString &path,
                                 const QDateTime &printedAt);
};

} // namespace Recup
