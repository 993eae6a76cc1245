// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ContactRequestRepository.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

ContactRequestRepository::ContactRequestRepository(Database &db)
    : m_db(db)
{}

Result<ContactRequest> ContactRequestRepository::insert(ContactRequest request)
{
    QSqlQuery insert(m_db.connection());
    insert.prepare(QStringLiteral(
            "INSERT INTO contact_request (ad_id, requester_id, requesting_service_id, message, "
            "message_id) VALUES (?, ?, ?, ?, ?) RETURNING id, created_at"));
    insert.addBindValue(request.adId);
    insert.addBindValue(request.requesterId);
    insert.addBindValue(request.requestingServiceId);
    insert.addBindValue(sqlText(request.message));
    insert.addBindValue(request.messageId);
    if (!insert.exec() || !insert.next())
        return databaseError(insert.lastError(), tr("The request could not be recorded."));
    request.id = insert.value(0).toLongLong();
    request.createdAt = m_db.dialect().fromDb(insert.value(1));
    return request;
}

Result<QDateTime> ContactRequestRepository::lastAsked(qint64 adId, qint64 requesterId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT max(created_at) FROM contact_request "
                                 "WHERE ad_id = ? AND requester_id = ?"));
    query.addBindValue(adId);
    query.addBindValue(requesterId);
    if (!query.exec() || !query.next())
        return databaseError(query.lastError());
    return m_db.dialect().fromDb(query.value(0));
}

Result<QList<ContactRequest>> ContactRequestRepository::forAd(qint64 adId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
            "SELECT c.id, c.ad_id, c.requester_id, a.display_name, c.requesting_service_id, "
            "s.name, c.message, c.message_id, c.created_at FROM contact_request c "
            "JOIN agent a ON a.id = c.requester_id "
            "JOIN service s ON s.id = c.requesting_service_id "
            "WHERE c.ad_id = ? ORDER BY c.created_at, c.id"));
    query.addBindValue(adId);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The contact requests could not be read."));
    QList<ContactRequest> requests;
    while (query.next()) {
        ContactRequest r;
        r.id = query.value(0).toLongLong();
        r.adId = query.value(1).toLongLong();
        r.requesterId = query.value(2).toLongLong();
        r.requesterName = query.value(3).toString();
        r.requestingServiceId = query.value(4).toLongLong();
        r.requestingServiceName = query.value(5).toString();
        r.message = query.value(6).toString();
        r.messageId = query.value(7).toString();
        r.createdAt = m_db.dialect().fromDb(query.value(8));
        requests.append(r);
    }
    return requests;
}

} // namespace Recup
