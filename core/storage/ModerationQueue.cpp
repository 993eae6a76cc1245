// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ModerationQueue.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

ModerationQueue::ModerationQueue(Database &db)
    : m_db(db)
{}

Result<QList<ModerationEntry>> ModerationQueue::pending(int limit) const
{
    const SqlDialect &dialect = m_db.dialect();
    // The waiting time is computed in a derived table so that it can be sorted on by name.
    const QString sql = QStringLiteral(
            "SELECT q.id, q.title, q.category_name, q.owner_id, q.owner_name, q.service_name, "
            "q.site_name, q.submitted_at, q.thumbnail, q.version FROM ("
            "SELECT a.id, a.title, c.name AS category_name, a.owner_id, "
            "g.display_name AS owner_name, s.name AS service_name, st.name AS site_name, "
            "coalesce((SELECT max(h.at) FROM ad_history h WHERE h.ad_id = a.id "
            "AND h.action IN ('submit', 'resubmit', 'renew', 'edit') "
            "AND h.to_state = 'pending'), a.updated_at) AS submitted_at, "
            "(SELECT p.thumbnail FROM ad_photo p WHERE p.ad_id = a.id "
            "ORDER BY p.position LIMIT 1) AS thumbnail, "
            "a.version "
            "FROM ad a "
            "JOIN category c ON c.id = a.category_id "
            "JOIN agent g ON g.id = a.owner_id "
            "JOIN service s ON s.id = a.service_id "
            "JOIN site st ON st.id = a.site_id "
            "WHERE a.state = 'pending') q "
            "ORDER BY q.submitted_at, q.id LIMIT :limit");

    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return databaseError(query.lastError());
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec())
        return databaseError(query.lastError());

    QList<ModerationEntry> entries;
    while (query.next()) {
        ModerationEntry e;
        e.id = query.value(0).toLongLong();
        e.title = query.value(1).toString();
        e.categoryName = query.value(2).toString();
        e.ownerId = query.value(3).toLongLong();
        e.ownerName = query.value(4).toString();
        e.serviceName = query.value(5).toString();
        e.siteName = query.value(6).toString();
        e.submittedAt = dialect.fromDb(query.value(7));
        e.thumbnail = query.value(8).toByteArray();
        e.version = query.value(9).toInt();
        entries.append(e);
    }
    return entries;
}

Result<int> ModerationQueue::count() const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(QStringLiteral("SELECT count(*) FROM ad WHERE state = 'pending'"))
        || !query.exec() || !query.next())
        return databaseError(query.lastError());
    return query.value(0).toInt();
}

} // namespace Recup
