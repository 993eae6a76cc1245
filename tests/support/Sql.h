// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>

namespace Recup {
class Database;
}

namespace Recup::Testing {

// Plain SQL for the suites, on `db`'s own connection (so as that login on PostgreSQL).

// Runs one statement; false, with the driver's words as a warning, when it fails.
bool execSql(Database &db, const QString &sql);
// Runs one statement the server may be expected to refuse: true when it ran, no warning.
bool sqlRuns(Database &db, const QString &sql);
// The first column of the first row as an int; -1 when the query fails or returns no row.
int countOf(Database &db, const QString &sql);
// The first column of every row as ids (empty, with a warning, when the query fails).
QSet<qint64> idsOf(Database &db, const QString &sql);

} // namespace Recup::Testing
