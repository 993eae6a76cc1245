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

namespace {

// An id bound as NULL when it is 0 (the other target's column).
QVariant idOrNull(qint64 id)
{
    return id != 0 ? QVariant(id) : QVariant(QMetaType::fromType<qlonglong>());
}

} // namespace

Result<ContactRequest> ContactRequestRepository::insert(ContactRequest request)
{
    QSqlQuery insert(m_db.connection());
    insert.prepare(
            QStringLiteral("INSERT INTO contact_request (ad_id, wanted_ad_id, requester_id, "
                           "requesting_service_id, message, message_id) VALUES (?, ?, ?, ?, ?, ?) "
                           "RETURNING id, created_at"));
    insert.addBindValue(idOrNull(request.wantedAdId != 0 ? 0 : request.adId));
    insert.addBindValue(idOrNull(request.wantedAdId));
    insert.addBindValue(request.requesterId);
    insert.addBindValue(request.requestingServiceId);
    insert.addBindValue(sqlText(request.message));
    insert.addBindValue(request.messageId);
    if (!insert.exec() || !insert.next()) {
        Error error = databaseError(insert.lastError(), tr("The request could not be recorded."));
        // The server's refusal of a second request (migration 026), in either dialect: by the
        // trigger's check, or by the unique index when two sessions asked at once (PostgreSQL
        // names the index, SQLite its columns).
        const auto names = [&error](QLatin1String hint, QLatin1String index, QLatin1String cols) {
            return error.detail.contains(hint) || error.detail.contains(index)
                   || error.detail.contains(cols);
        };
        if (names(QLatin1String("contact-already-asked"),
                  QLatin1String("contact_request_asked_once"),
                  QLatin1String("contact_request.asked_round")))
            return Error{Error::Kind::Conflict,
                         tr("You already asked about this item: the giver has your message and "
                            "answers by mail."),
                         error.detail,
                         {}};
        if (names(QLatin1String("contact-already-answered"),
                  QLatin1String("contact_request_answered_once"),
                  QLatin1String("contact_request.wanted_ad_id, contact_request.requester_id")))
            return Error{Error::Kind::Conflict,
                         tr("You already answered this wanted ad: its author has your message "
                            "and answers by mail."),
                         error.detail,
                         {}};
        return error;
    }
    request.id = insert.value(0).toLongLong();
    request.createdAt = m_db.dialect().fromDb(insert.value(1));
    return request;
}

Result<QDateTime> ContactRequestRepository::lastAsked(const ContactTarget &target,
                                                      qint64 requesterId) const
{
    QSqlQuery query(m_db.connection());
    // As contact_request_pace (PostgreSQL) and contact_request_once (SQLite) count: an ad's
    // requests since it last went to the store.
    query.prepare(target.isWantedAd()
                          ? QStringLiteral("SELECT max(created_at) FROM contact_request "
                                           "WHERE wanted_ad_id = ? AND requester_id = ?")
                          : QStringLiteral("SELECT max(c.created_at) FROM contact_request c "
                                           "JOIN ad a ON a.id = c.ad_id "
                                           "WHERE c.ad_id = ? AND c.requester_id = ? "
                                           "AND (a.stored_at IS NULL "
                                           "OR c.created_at >= a.stored_at)"));
    query.addBindValue(target.id);
    query.addBindValue(requesterId);
    if (!query.exec() || !query.next())
        return databaseError(query.lastError());
    return m_db.dialect().fromDb(query.value(0));
}

Result<QHash<qint64, QDateTime>>
ContactRequestRepository::answeredWantedAds(qint64 requesterId) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT wanted_ad_id, max(created_at) FROM contact_request "
                                 "WHERE requester_id = ? AND wanted_ad_id IS NOT NULL "
                                 "GROUP BY wanted_ad_id"));
    query.addBindValue(requesterId);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The contact requests could not be read."));
    QHash<qint64, QDateTime> answered;
    while (query.next())
        answered.insert(query.value(0).toLongLong(), m_db.dialect().fromDb(query.value(1)));
    return answered;
}

Result<QList<ContactRequest>> ContactRequestRepository::forAd(qint64 adId) const
{
    return read(QStringLiteral("c.ad_id = ?"), adId);
}

Result<QList<ContactRequest>> ContactRequestRepository::forWantedAd(qint64 wantedId) const
{
    return read(QStringLiteral("c.wanted_ad_id = ?"), wantedId);
}

Result<QList<ContactRequest>> ContactRequestRepository::read(const QString &where,
                                                             qint64 value) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(
            QStringLiteral("SELECT c.id, c.ad_id, c.wanted_ad_id, c.requester_id, a.display_name, "
                           "c.requesting_service_id, s.name, c.message, c.message_id, c.created_at "
                           "FROM contact_request c "
                           "JOIN agent a ON a.id = c.requester_id "
                           "JOIN service s ON s.id = c.requesting_service_id "
                           "WHERE %1 ORDER BY c.created_at, c.id")
                    .arg(where));
    query.addBindValue(value);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The contact requests could not be read."));
    QList<ContactRequest> requests;
    while (query.next()) {
        ContactRequest r;
        r.id = query.value(0).toLongLong();
        r.adId = query.value(1).toLongLong();
        r.wantedAdId = query.value(2).toLongLong();
        r.requesterId = query.value(3).toLongLong();
        r.requesterName = query.value(4).toString();
        r.requestingServiceId = query.value(5).toLongLong();
        r.requestingServiceName = query.value(6).toString();
        r.message = query.value(7).toString();
        r.messageId = query.value(8).toString();
        r.createdAt = m_db.dialect().fromDb(query.value(9));
        requests.append(r);
    }
    return requests;
}

} // namespace Recup
