// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QList>
#include <QString>

namespace RecupBench {

// `--only scroll`: the catalogue window scrolled page after page through the filled catalogue, as
// the list and as the grid of thumbnails, each in a fresh recup-bench process (so that its
// resident memory is the window's, not the fill's); then the cold start of that window to its
// first painted rows next to a bare Qt window showing a 50-row QTableWidget, each a new process.
// `database` names the catalogue for the children: "sqlite:PATH" or "postgresql:CONNINFO".
struct ScrollMeasure
{
    QString backend;
    QString view; // "list" or "grid"
    int rows = 0;
    QList<double> pageMs; // from the scroll to the page's rows painted
    double rssMiB = 0;    // VmRSS after the last page
};

struct ColdStartMeasure
{
    QString backend;
    QList<double> catalogueMs; // process start to the first catalogue rows painted
    QList<double> bareMs;      // process start to a bare 50-row QTableWidget painted
    QList<double> picturesMs;  // from the rows painted to their thumbnails painted
};

Recup::Result<QList<ScrollMeasure>>
measureScrolling(const QString &database, const QString &label, int rows);
Recup::Result<ColdStartMeasure>
measureColdStart(const QString &database, const QString &label, int runs);
void printScrollMeasures(const QList<ScrollMeasure> &measures, int rows);
void printColdStart(const QList<ColdStartMeasure> &measures);

// The children, run by main() when recup-bench is started with `--child KIND ...`; they print
// one line beginning with "RESULT" and return the exit code.
int runChild(const QStringList &arguments);

} // namespace RecupBench
