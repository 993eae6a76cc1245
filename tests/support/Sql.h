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

// PostgreSQL: the server process of `db`'s session; -1 when it cannot be read.
int backendPid(Database &db);
// PostgreSQL: ends that server process's session as a server restart would, waiting up to
// 5 s for it to go. `admin` may end it (a superuser, or the same role).
bool terminateBackend(Database &admin, int pid);

} // namespace Recup::Testing
