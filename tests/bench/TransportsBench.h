// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace Recup {
class Database;
}

namespace RecupBench {

constexpr int TransportRequests = 5000;         // over ten weeks, every status
constexpr int TransportRuns = 5;                // after one warm-up run
constexpr double TransportWeekTargetMs = 300.0; // the week's read on PostgreSQL

// The logistics window's two lists (#11): the busy week's and every transport under way.
struct TransportRead
{
    QString name; // "week of 2026-11-30", "everything under way"
    int rows = 0;
    bool sameRows = true;     // the repository and the direct SQL gave the same ids, in order
    QList<qint64> repository; // PickupRepository::list()
    QList<qint64> direct;     // the same statement through QSqlQuery, every column read
    QList<qint64> modelFill;  // PickupListModel::setPickups()
    QList<qint64> baseFill;   // a QStandardItemModel of the same rows, 9 text columns
    QList<qint64> viewPaint;  // a QTableView over PickupListModel: shown and painted
    QList<qint64> basePaint;  // a bare QTableView over the QStandardItemModel
    QList<qint64> window;     // LogisticsWindow: built (week) or switched (under way) to painted
};

struct TransportsMeasure
{
    QString backend;
    double fillSeconds = 0;
    int pickups = 0;
    QList<TransportRead> reads;
};

// Writes TransportRequests transports on `admin` (superuser on PostgreSQL, as a replica: no
// guard) from the exchanged ads already there, then measures the reads as `readerLogin`
// (logistics: a moderator) logs in on `reader`.
Recup::Result<TransportsMeasure> measureTransports(Recup::Database &admin,
                                                   Recup::Database &reader,
                                                   const QString &readerLogin,
                                                   const QString &label);

void printTransportsMeasures(const QList<TransportsMeasure> &measures);

} // namespace RecupBench
