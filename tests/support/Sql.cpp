// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Sql.h"

#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Recup::Testing {

bool execSql(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (q.exec(sql))
        return true;
    qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return false;
}

bool sqlRuns(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql);
}

int countOf(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

QSet<qint64> idsOf(Database &db, const QString &sql)
{
    QSet<qint64> result;
    QSqlQuery q(db.connection());
    if (!q.exec(sql))
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    while (q.next())
        result.insert(q.value(0).toLongLong());
    return result;
}

int backendPid(Database &db)
{
    return countOf(db, QStringLiteral("SELECT pg_backend_pid()"));
}

bool terminateBackend(Database &admin, int pid)
{
    return pid > 0
           && execSql(admin, QStringLiteral("SELECT pg_terminate_backend(%1, 5000)").arg(pid));
}

} // namespace Recup::Testing
