// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ContactRequests.h"

#include "mail/Notifications.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlDialect.h"
#include "storage/SqlValues.h"
#include "storage/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

ContactRequests::ContactRequests(Database &db)
    : m_db(db)
{}

Result<ContactRequest> ContactRequests::send(qint64 adId,
                                             const Agent &requester,
                                             qint64 requestingServiceId,
                                             const QString &message,
                                             const MailSettings &mail)
{
    const QString text = message.trimmed();
    Error invalid{Error::Kind::Invalid, tr("The request cannot be sent."), {}, {}};
    if (text.isEmpty())
        invalid.fields.append({QStringLiteral("message"),
                               tr("Write a few words to the poster: what you need it for, when "
                                  "you could collect it.")});
    else if (text.size() > MessageMaxLength)
        invalid.fields.append({QStringLiteral("message"),
                               tr("The message is %1 characters long; %2 at most.")
                                       .arg(text.size())
                                       .arg(MessageMaxLength)});
    const Result<QList<Service>> services = ReferenceRepository(m_db).services();
    if (!services)
        return services.error();
    std::optional<Service> service;
    for (const Service &s : *services) {
        if (s.id == requestingServiceId)
            service = s;
    }
    if (!service)
        invalid.fields.append({QStringLiteral("service"),
                               tr("Choose the service that would receive the items.")});
    if (!invalid.fields.isEmpty())
        return invalid;

    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    const Result<Ad> ad = AdRepository(m_db).get(adId, false);
    if (!ad) {
        if (ad.error().kind == Error::Kind::NotFound)
            return Error{Error::Kind::NotFound,
                         tr("This ad is no longer in the catalogue."),
                         ad.error().detail,
                         {}};
        return ad.error();
    }
    if (ad->ownerId == requester.id)
        return Error{Error::Kind::Forbidden, tr("This ad is yours: nobody to contact."), {}, {}};
    if (ad->state != AdState::Published && ad->state != AdState::Reserved)
        return Error{Error::Kind::NotFound, tr("This ad is no longer in the catalogue."), {}, {}};

    const Result<OutboxMail> queued
            = Notifications(m_db, mail).contact(*ad, requester, *service, text);
    if (!queued)
        return queued.error();

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
            "INSERT INTO contact_request (ad_id, requester_id, requesting_service_id, message, "
            "message_id) VALUES (?, ?, ?, ?, ?) RETURNING id, created_at"));
    insert.addBindValue(adId);
    insert.addBindValue(requester.id);
    insert.addBindValue(service->id);
    insert.addBindValue(sqlText(text));
    insert.addBindValue(queued->messageId);
    if (!insert.exec() || !insert.next())
        return databaseError(insert.lastError(), tr("The request could not be recorded."));
    ContactRequest request;
    request.id = insert.value(0).toLongLong();
    request.createdAt = m_db.dialect().fromDb(insert.value(1));
    insert.finish();
    if (!transaction.commit())
        return databaseError(db.lastError(), tr("The request could not be recorded."));
    request.adId = adId;
    request.requesterId = requester.id;
    request.requesterName = requester.displayName;
    request.requestingServiceId = service->id;
    request.requestingServiceName = service->name;
    request.message = text;
    request.messageId = queued->messageId;
    return request;
}

Result<QHash<qint64, int>> ContactRequests::countsForOwner(qint64 ownerId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT c.ad_id, count(*) FROM contact_request c "
                                 "JOIN ad a ON a.id = c.ad_id WHERE a.owner_id = ? "
                                 "GROUP BY c.ad_id"));
    query.addBindValue(ownerId);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The contact requests could not be read."));
    QHash<qint64, int> counts;
    while (query.next())
        counts.insert(query.value(0).toLongLong(), query.value(1).toInt());
    return counts;
}

Result<QList<ContactRequest>> ContactRequests::forAd(qint64 adId) const
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
