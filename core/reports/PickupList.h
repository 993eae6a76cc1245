// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Pickup.h"

#include <QDate>
#include <QDateTime>
#include <QList>

#include <memory>

class QTextDocument;

namespace Recup {

// The list the logistics staff take on their round: one A4 document in French per day, stops
// grouped by departure site then team in stop order, with both ends' contacts and two boxes to
// sign. Print it, or write it as PDF, with ReportDocument::print() and writePdf().
class PickupList
{
public:
    // `stops` in any order (PickupRepository::stopsOfDay gives them sorted already). A day
    // without a stop says so. Needs a QGuiApplication (fonts).
    static std::unique_ptr<QTextDocument>
    document(const QDate &day, const QList<Pickup> &stops, const QDateTime &printedAt);
};

} // namespace Recup
