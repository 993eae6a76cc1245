// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QList>
#include <QString>

namespace Recup {
class Database;
}

namespace RecupBench {

// One window's time to its first rows on screen (the window built, its list read on the
// session's reading thread, the rows painted), next to the same statements run directly on
// the bench's thread, without a window.
struct WindowMeasure
{
    QString backend;
    QString name;
    int rows = 0;         // rows on screen after the first read
    int total = 0;        // what the database counts
    QList<qint64> window; // nanoseconds, one per run
    QList<qint64> direct;
};

// Makes the data the windows need on `admin` (superuser): the bench agent owns exactly 200,
// then 5,000 ads; 1,000 ads wait for moderation. Then measures « Mes annonces » as the agent
// (agentDb: their own login on PostgreSQL) and the moderation queue as a moderator
// (moderatorDb).
Recup::Result<QList<WindowMeasure>> measureWindows(Recup::Database &admin,
                                                   Recup::Database &agentDb,
                                                   Recup::Database &moderatorDb,
                                                   const QString &agentLogin,
                                                   const QString &moderatorLogin,
                                                   const QString &label,
                                                   int runs);

void printWindowMeasures(const QList<WindowMeasure> &measures, int runs);

} // namespace RecupBench
