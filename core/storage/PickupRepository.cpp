// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/PickupRepository.h"

#include "domain/PlatformTime.h"
#include "domain/UserText.h"
#include "lifecycle/PickupLifecycle.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

namespace {

// Every read joins the sites, services and category for the names a list and the printed
// list show; the ad's title is the pickup's own copy (a closed ad is not everyone's to read).
const QString selectPickups = QStringLiteral(
        "SELECT p.id, p.ad_id, p.ad_title, coalesce(c.name, ''), p.quantity, p.weight_grams, "
        "p.giving_service_id, coalesce(gs.name, ''), p.receiving_service_id, "
        "coalesce(rs.name, ''), "
        "p.from_site_id, fs.name, fs.address, fs.postal_code, fs.city, p.from_room, "
        "p.from_contact, p.from_phone, "
        "p.to_site_id, ts.name, ts.address, ts.postal_code, ts.city, p.to_room, p.to_contact, "
        "p.to_phone, "
        "p.wished_date, p.notes, p.status, p.planned_date, p.team, p.stop_order, "
        "p.cancel_reason, p.requested_by, p.requested_at, p.updated_at, p.version, p.purpose "
        "FROM pickup p LEFT JOIN category c ON c.id = p.category_id "
        "LEFT JOIN service gs ON gs.id = p.giving_service_id "
        "LEFT JOIN service rs ON rs.id = p.receiving_service_id "
        "JOIN site fs ON fs.id = p.from_site_id JOIN site ts ON ts.id = p.to_site_id ");

QString addressOf(const QString &street, const QString &postalCode, const QString &city)
{
    const QString town = QStringList{postalCode.trimmed(), city.trimmed()}.join(u' ').trimmed();
    if (street.trimmed().isEmpty())
        return town;
    return town.isEmpty() ? street.trimmed() : street.trimmed() + QStringLiteral(", ") + town;
}

PickupEnd readEnd(const QSqlQuery &q, int first)
{
    PickupEnd end;
    end.siteId = q.value(first).toLongLong();
    end.siteName = q.value(first + 1).toString();
    end.siteAddress = addressOf(q.value(first + 2).toString(),
                                q.value(first + 3).toString(),
                                q.value(first + 4).toString());
    end.room = q.value(first + 5).toString();
    end.contact = q.value(first + 6).toString();
    end.phone = q.value(first + 7).toString();
    return end;
}

Pickup readPickup(const QSqlQuery &q, const SqlDialect &dialect)
{
    Pickup p;
    p.id = q.value(0).toLongLong();
    p.adId = q.value(1).toLongLong();
    p.adTitle = q.value(2).toString();
    p.categoryName = q.value(3).toString();
    p.quantity = q.value(4).toInt();
    p.weightGrams = q.value(5).toLongLong();
    p.givingServiceId = q.value(6).toLongLong();
    p.givingServiceName = q.value(7).toString();
    p.receivingServiceId = q.value(8).toLongLong();
    p.receivingServiceName = q.value(9).toString();
    p.from = readEnd(q, 10);
    p.to = readEnd(q, 18);
    p.wishedDate = q.value(26).toDate();
    p.notes = q.value(27).toString();
    p.status = pickupStatusFromKey(q.value(28).toString()).value_or(PickupStatus::Requested);
    p.plannedDate = q.value(29).toDate();
    p.team = q.value(30).toString();
    p.stopOrder = q.value(31).toInt();
    p.cancelReason = q.value(32).toString();
    p.requestedBy = q.value(33).toLongLong();
    p.requestedAt = dialect.fromDb(q.value(34));
    p.updatedAt = dialect.fromDb(q.value(35));
    p.version = q.value(36).toInt();
    p.purpose = q.value(37).toString() == QLatin1String("store") ? PickupPurpose::Store
                                                                 : PickupPurpose::Exchange;
    return p;
}

// Text as the columns take it: never NULL (SQLite binds a null QString as NULL).
QString text(const QString &value)
{
    const QString trimmed = value.trimmed();
    return trimmed.isNull() ? QStringLiteral("") : trimmed;
}

Error invalid(const QString &message, const QString &field = {})
{
    Error error{Error::Kind::Invalid, message, {}, {}};
    if (!field.isEmpty())
        error.fields.append({field, message});
    return error;
}

} // namespace

// What the ad gives a transport: title, category, services, quantity and weight.
struct PickupRepository::AdFacts
{
    qint64 ownerId = 0;
    QString title;
    qint64 categoryId = 0;
    qint64 givingServiceId = 0;
    qint64 receivingServiceId = 0;
    int quantity = 1;
    qint64 weightGrams = 0;
    qint64 reservationId = 0; // a part of the lot given to its service (migration 027)
};

PickupRepository::PickupRepository(Database &db)
    : m_db(db)
{}

QString PickupRepository::approvedWordsOnly()
{
    return tr("This ad is awaiting moderation or was not approved: its parts' transports are "
              "asked once a moderator has approved it.");
}

QString PickupRepository::wholeLotOnly()
{
    return tr("Part of this lot is reserved for a service or was given: only a whole lot goes "
              "to the general store.");
}

Result<Pickup>
PickupRepository::request(qint64 adId, const PickupRequest &request, const Actor &actor)
{
    QSqlQuery read(m_db.connection());
    // What its parts given left of the lot (migration 027): they have transports of their own;
    // a lot given all in parts has nothing left to carry as a whole.
    read.prepare(QStringLiteral(
            "SELECT a.owner_id, a.title, a.category_id, a.service_id, a.receiving_service_id, "
            "a.quantity - g.given, "
            "CASE WHEN a.weight_grams > 0 AND g.given = 0 THEN a.weight_grams "
            "WHEN a.weight_grams > 0 THEN (a.weight_grams * (a.quantity - g.given) * 2 "
            "+ a.quantity) / (2 * a.quantity) "
            "ELSE c.default_unit_weight_g * (a.quantity - g.given) END "
            "FROM ad a JOIN category c ON c.id = a.category_id "
            "CROSS JOIN (SELECT coalesce(sum(r.quantity), 0) AS given FROM ad_reservation r "
            "WHERE r.ad_id = ? AND r.state = 'exchanged') g "
            "WHERE a.id = ? AND a.state = 'closed' AND a.close_reason = 'exchanged' "
            "AND a.quantity > g.given"));
    read.addBindValue(adId);
    read.addBindValue(adId);
    if (!read.exec())
        return databaseError(read.lastError(), tr("The transport could not be requested."));
    if (!read.next())
        return invalid(tr("A transport is requested for an ad closed as exchanged with a "
                          "service; this ad is not, or no longer."));
    const AdFacts ad{read.value(0).toLongLong(),
                     read.value(1).toString(),
                     read.value(2).toLongLong(),
                     read.value(3).toLongLong(),
                     read.value(4).toLongLong(),
                     read.value(5).toInt(),
                     read.value(6).toLongLong()};
    read.finish();
    if (ad.ownerId != actor.agentId && !actor.moderator && !actor.system)
        return Error{Error::Kind::Forbidden,
                     tr("Only the ad's owner or a moderator asks for its transport."),
                     {},
                     {}};
    return insertRequest(adId, PickupPurpose::Exchange, ad, request, actor);
}

Result<Pickup> PickupRepository::requestPart(qint64 reservationId,
                                             const PickupRequest &request,
                                             const Actor &actor)
{
    // The part's service receives it; its quantity and share of the lot's weight, rounded as
    // the figures count them (closed_fact, migration 020). Who asks is checked before anything
    // is said of the part or the ad; the ad's title goes to the logistics and the receiving
    // service, so only words a moderator approved (an ad published, reserved or expired, or
    // closed from one of these).
    QSqlQuery read(m_db.connection());
    read.prepare(QStringLiteral(
            "SELECT a.owner_id, a.title, a.category_id, a.service_id, r.service_id, r.quantity, "
            "CASE WHEN a.weight_grams > 0 AND r.quantity = a.quantity THEN a.weight_grams "
            "WHEN a.weight_grams > 0 THEN (a.weight_grams * r.quantity * 2 + a.quantity) "
            "/ (2 * a.quantity) ELSE c.default_unit_weight_g * r.quantity END, a.id, "
            "r.state = 'exchanged', "
            "a.state IN ('published', 'reserved', 'expired') OR (a.state = 'closed' AND EXISTS "
            "(SELECT 1 FROM ad_history h WHERE h.ad_id = a.id AND h.to_state = 'closed' "
            "AND h.from_state IN ('published', 'reserved', 'expired'))) "
            "FROM ad_reservation r JOIN ad a ON a.id = r.ad_id "
            "JOIN category c ON c.id = a.category_id "
            "WHERE r.id = ?"));
    read.addBindValue(reservationId);
    if (!read.exec())
        return databaseError(read.lastError(), tr("The transport could not be requested."));
    const bool found = read.next();
    if (found && read.value(0).toLongLong() != actor.agentId && !actor.moderator && !actor.system)
        return Error{Error::Kind::Forbidden,
                     tr("Only the ad's owner or a moderator asks for its transport."),
                     {},
                     {}};
    if (!found || !read.value(8).toBool())
        return invalid(tr("A transport is requested for a part given to its service; this part "
                          "is not, or no longer."));
    if (!read.value(9).toBool())
        return invalid(approvedWordsOnly());
    AdFacts part{read.value(0).toLongLong(),
                 read.value(1).toString(),
                 read.value(2).toLongLong(),
                 read.value(3).toLongLong(),
                 read.value(4).toLongLong(),
                 read.value(5).toInt(),
                 read.value(6).toLongLong()};
    part.reservationId = reservationId;
    const qint64 adId = read.value(7).toLongLong();
    read.finish();
    return insertRequest(adId, PickupPurpose::Exchange, part, request, actor);
}

Result<Pickup>
PickupRepository::sendToStore(qint64 adId, const PickupRequest &request, const Actor &actor)
{
    QSqlQuery read(m_db.connection());
    read.prepare(QStringLiteral(
            "SELECT a.owner_id, a.title, a.category_id, a.service_id, a.store_site_id, "
            "a.quantity, CASE WHEN a.weight_grams > 0 THEN a.weight_grams "
            "ELSE c.default_unit_weight_g * a.quantity END "
            "FROM ad a JOIN category c ON c.id = a.category_id "
            "WHERE a.id = ? AND a.state IN ('published', 'expired')"));
    read.addBindValue(adId);
    if (!read.exec())
        return databaseError(read.lastError(), tr("The item could not be sent to the store."));
    if (!read.next())
        return invalid(tr("Only a published ad, or one that expired without a taker, goes to "
                          "the general store; this one is not, or no longer."));
    AdFacts ad{read.value(0).toLongLong(),
               read.value(1).toString(),
               read.value(2).toLongLong(),
               read.value(3).toLongLong(),
               0,
               read.value(5).toInt(),
               read.value(6).toLongLong()};
    const qint64 heldBy = read.value(4).toLongLong();
    read.finish();
    // The owner's decision alone: nobody, not even a moderator, takes someone else's item.
    if (ad.ownerId != actor.agentId && !actor.system)
        return Error{
                Error::Kind::Forbidden, tr("Only the ad's owner sends it to the store."), {}, {}};
    // The store takes a whole lot (migration 027): its keeper would otherwise settle parts its
    // first owner promised, and the transport carry what was given.
    QSqlQuery parts(m_db.connection());
    parts.prepare(QStringLiteral("SELECT 1 FROM ad_reservation WHERE ad_id = ? "
                                 "AND state IN ('held', 'exchanged')"));
    parts.addBindValue(adId);
    if (!parts.exec())
        return databaseError(parts.lastError(), tr("The item could not be sent to the store."));
    if (parts.next())
        return invalid(wholeLotOnly());
    parts.finish();
    QSqlQuery store(m_db.connection());
    store.prepare(QStringLiteral(
            "SELECT s.name, s.store_service_id, g.id FROM site s LEFT JOIN agent g "
            "ON g.id = s.store_keeper_id AND g.service_id = s.store_service_id AND g.active "
            "WHERE s.id = ?"));
    store.addBindValue(request.to.siteId);
    if (!store.exec())
        return databaseError(store.lastError(), tr("The item could not be sent to the store."));
    if (!store.next() || store.value(1).isNull())
        return invalid(tr("Choose a general store as the destination."), QStringLiteral("toSite"));
    if (heldBy == request.to.siteId)
        return invalid(tr("« %1 » holds this item already.").arg(store.value(0).toString()),
                       QStringLiteral("toSite"));
    if (store.value(2).isNull())
        return invalid(tr("« %1 » has no keeper at the moment: ask a moderator.")
                               .arg(store.value(0).toString()),
                       QStringLiteral("toSite"));
    ad.receivingServiceId = store.value(1).toLongLong();
    store.finish();
    return insertRequest(adId, PickupPurpose::Store, ad, request, actor);
}

Result<Pickup> PickupRepository::insertRequest(qint64 adId,
                                               PickupPurpose purpose,
                                               const AdFacts &ad,
                                               const PickupRequest &request,
                                               const Actor &actor)
{
    if (const Status valid = checkRequest(request); !valid)
        return valid.error();
    QSqlDatabase connection = m_db.connection();
    const SqlDialect &dialect = m_db.dialect();
    Transaction transaction(connection);
    if (const Status context = dialect.setActionContext(
                connection, {QStringLiteral("request"), {}, actor.agentId, {}, {}});
        !context)
        return context.error();
    QSqlQuery insert(connection);
    const bool serverGuards = dialect.writesHistoryItself();
    // PostgreSQL's guard sets the ad's facts, the status and the dates itself (clients may
    // not write those columns); the workstation writes them here.
    insert.prepare(
            serverGuards
                    ? QStringLiteral(
                            "INSERT INTO pickup (ad_id, from_site_id, from_room, from_contact, "
                            "from_phone, to_site_id, to_room, to_contact, to_phone, "
                            "wished_date, notes, purpose, reservation_id) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                    : QStringLiteral(
                            "INSERT INTO pickup (ad_id, from_site_id, from_room, from_contact, "
                            "from_phone, to_site_id, to_room, to_contact, to_phone, "
                            "wished_date, notes, purpose, ad_title, category_id, "
                            "giving_service_id, receiving_service_id, quantity, weight_grams, "
                            "requested_by, reservation_id) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            "RETURNING id"));
    insert.addBindValue(adId);
    for (const PickupEnd *end : {&request.from, &request.to}) {
        insert.addBindValue(end->siteId);
        insert.addBindValue(text(end->room));
        insert.addBindValue(text(end->contact));
        insert.addBindValue(text(end->phone));
    }
    insert.addBindValue(request.wishedDate);
    insert.addBindValue(text(request.notes));
    insert.addBindValue(purpose == PickupPurpose::Store ? QStringLiteral("store")
                                                        : QStringLiteral("exchange"));
    const QVariant part = ad.reservationId > 0 ? QVariant(ad.reservationId)
                                               : QVariant(QMetaType::fromType<qint64>());
    if (serverGuards)
        insert.addBindValue(part);
    if (!serverGuards) {
        insert.addBindValue(text(ad.title));
        insert.addBindValue(ad.categoryId);
        insert.addBindValue(ad.givingServiceId);
        insert.addBindValue(ad.receivingServiceId);
        insert.addBindValue(ad.quantity);
        insert.addBindValue(ad.weightGrams);
        insert.addBindValue(actor.agentId > 0 ? QVariant(actor.agentId)
                                              : QVariant(QMetaType::fromType<qint64>()));
        insert.addBindValue(part);
    }
    if (!insert.exec() || !insert.next()) {
        Error error
                = databaseError(insert.lastError(), tr("The transport could not be requested."));
        if (error.kind == Error::Kind::Invalid
            && insert.lastError().nativeErrorCode() == QLatin1String("23505"))
            error.message = ad.reservationId > 0
                                    ? tr("A transport is already under way for this part.")
                                    : tr("A transport is already under way for this ad.");
        // What changed between the checks above and the insert (another session), said as
        // those checks say it.
        if (error.detail.contains(QLatin1String("store-ad-parts")))
            error.message = wholeLotOnly();
        else if (error.detail.contains(QLatin1String("pickup-ad-unmoderated")))
            error.message = approvedWordsOnly();
        return error;
    }
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    if (!serverGuards) {
        if (const Status written
            = writeHistory(id, QStringLiteral("request"), {}, PickupStatus::Requested, {}, actor);
            !written)
            return written.error();
    }
    Result<Pickup> created = find(id);
    if (!created)
        return created.error();
    if (!transaction.commit())
        return databaseError(connection.lastError(), tr("The transport could not be requested."));
    return created;
}

QList<FieldError> PickupRepository::check(const PickupRequest &request, const QDate &today)
{
    QList<FieldError> errors;
    if (!request.from.siteId)
        errors.append({QStringLiteral("fromSite"), tr("Choose the site the item leaves from.")});
    if (!request.to.siteId)
        errors.append({QStringLiteral("toSite"), tr("Choose the site the item goes to.")});
    if (!request.wishedDate.isValid())
        errors.append(
                {QStringLiteral("wishedDate"), tr("Choose the day you wish the transport for.")});
    else if (request.wishedDate < today)
        errors.append({QStringLiteral("wishedDate"),
                       tr("The wished day is past: choose today or a later day.")});
    // Counted as people count them (code points), as the columns' CHECKs do; nothing a column
    // cannot keep (PostgreSQL refuses a NUL outright).
    const QString notes = request.notes.trimmed();
    if (UserText::characterCount(notes) > 1000)
        errors.append({QStringLiteral("notes"),
                       tr("The notes are too long (1,000 characters at most).")});
    else if (UserText::hasUnstorableCharacter(notes, UserText::LineBreaks::Allowed))
        errors.append(
                {QStringLiteral("notes"), tr("The notes hold a control character: remove it.")});
    const QList<std::pair<QString, const PickupEnd *>> ends{{QStringLiteral("from"), &request.from},
                                                            {QStringLiteral("to"), &request.to}};
    for (const auto &[prefix, end] : ends) {
        const QList<std::tuple<QString, QString, int, QString>> texts{
                {QStringLiteral("Room"),
                 end->room,
                 80,
                 tr("The room is too long (80 characters at most).")},
                {QStringLiteral("Contact"),
                 end->contact,
                 120,
                 tr("The name is too long (120 characters at most).")},
                {QStringLiteral("Phone"),
                 end->phone,
                 40,
                 tr("The phone number is too long (40 characters at most).")}};
        for (const auto &[name, value, max, tooLong] : texts) {
            const QString kept = value.trimmed();
            if (UserText::characterCount(kept) > max)
                errors.append({prefix + name, tooLong});
            else if (UserText::hasUnstorableCharacter(kept, UserText::LineBreaks::Refused))
                errors.append({prefix + name,
                               tr("This field holds a control character or a line break: "
                                  "remove it.")});
        }
    }
    return errors;
}

Status PickupRepository::checkRequest(const PickupRequest &request) const
{
    if (const QList<FieldError> errors = check(request, platformToday()); !errors.isEmpty())
        return invalid(errors.first().message, errors.first().field);
    QSqlQuery sites(m_db.connection());
    sites.prepare(QStringLiteral("SELECT id, name, active FROM site WHERE id IN (?, ?)"));
    sites.addBindValue(request.from.siteId);
    sites.addBindValue(request.to.siteId);
    if (!sites.exec())
        return databaseError(sites.lastError(), tr("The transport could not be requested."));
    int found = 0;
    while (sites.next()) {
        ++found;
        if (!sites.value(2).toBool())
            return invalid(tr("The site « %1 » is closed: choose another one.")
                                   .arg(sites.value(1).toString()),
                           sites.value(0).toLongLong() == request.from.siteId
                                   ? QStringLiteral("fromSite")
                                   : QStringLiteral("toSite"));
    }
    if (found < (request.from.siteId == request.to.siteId ? 1 : 2))
        return invalid(tr("A site of this transport no longer exists."));
    return {};
}

Result<Pickup> PickupRepository::plan(qint64 id,
                                      int version,
                                      const QDate &day,
                                      const QString &team,
                                      int stopOrder,
                                      const Actor &actor)
{
    if (!day.isValid())
        return invalid(tr("Choose the day of the transport."), QStringLiteral("plannedDate"));
    if (day < platformToday())
        return invalid(tr("This day is past: plan the transport for today or a later day."),
                       QStringLiteral("plannedDate"));
    if (team.trimmed().size() > 60)
        return invalid(tr("The team's name is too long (60 characters at most)."),
                       QStringLiteral("team"));
    if (stopOrder < 1 || stopOrder > 10000)
        return invalid(tr("The stop's order is a number from 1."), QStringLiteral("stopOrder"));
    return step(id, version, PickupAction::Plan, actor, [&](Pickup &p) {
        p.plannedDate = day;
        p.team = team.trimmed();
        p.stopOrder = stopOrder;
        return QStringLiteral("%1 %2 #%3").arg(day.toString(Qt::ISODate), p.team).arg(stopOrder);
    });
}

Result<Pickup> PickupRepository::markPickedUp(qint64 id, int version, const Actor &actor)
{
    return step(id, version, PickupAction::MarkPickedUp, actor, [](Pickup &) { return QString(); });
}

Result<Pickup> PickupRepository::markDelivered(qint64 id, int version, const Actor &actor)
{
    return step(
            id, version, PickupAction::MarkDelivered, actor, [](Pickup &) { return QString(); });
}

Result<Pickup>
PickupRepository::cancel(qint64 id, int version, const QString &reason, const Actor &actor)
{
    if (reason.trimmed().isEmpty())
        return invalid(tr("Say why the transport is cancelled."), QStringLiteral("reason"));
    if (reason.trimmed().size() > 500)
        return invalid(tr("The reason is too long (500 characters at most)."),
                       QStringLiteral("reason"));
    return step(id, version, PickupAction::Cancel, actor, [&](Pickup &p) {
        p.cancelReason = reason.trimmed();
        return p.cancelReason;
    });
}

Result<PickupActor> PickupRepository::actorOf(const Pickup &pickup, const Actor &actor) const
{
    if (actor.logistics || actor.moderator || actor.system)
        return PickupActor::Logistics;
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT service_id FROM agent WHERE id = ?"));
    query.addBindValue(actor.agentId);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The transport could not be changed."));
    if (query.next()) {
        const qint64 service = query.value(0).toLongLong();
        if (service == pickup.givingServiceId || service == pickup.receivingServiceId)
            return PickupActor::Agent;
    }
    return Error{Error::Kind::Forbidden,
                 tr("Only the logistics service and the agents of the two services follow "
                    "this transport."),
                 {},
                 {}};
}

Result<Pickup> PickupRepository::step(qint64 id,
                                      int version,
                                      PickupAction action,
                                      const Actor &actor,
                                      const std::function<QString(Pickup &)> &change)
{
    QSqlDatabase connection = m_db.connection();
    const SqlDialect &dialect = m_db.dialect();
    Transaction transaction(connection);
    Result<Pickup> current = find(id);
    if (!current)
        return current.error();
    const Result<PickupActor> who = actorOf(*current, actor);
    if (!who)
        return who.error();
    const std::optional<PickupStatus> next = PickupLifecycle::next(current->status, action, *who);
    if (!next)
        return Error{Error::Kind::Forbidden,
                     PickupLifecycle::refusal(current->status, action, *who),
                     {},
                     {}};
    if (current->version != version)
        return Error{Error::Kind::Conflict,
                     tr("Someone else changed this transport in the meantime: read it again."),
                     {},
                     {}};
    Pickup changed = *current;
    const QString detail = change(changed);
    if (const Status context = dialect.setActionContext(
                connection, {pickupActionKey(action), {}, actor.agentId, detail, {}});
        !context)
        return context.error();

    const bool serverGuards = dialect.writesHistoryItself();
    QSqlQuery update(connection);
    // PostgreSQL's guard counts the version and dates the change itself.
    update.prepare(QStringLiteral("UPDATE pickup SET status = ?, planned_date = ?, team = ?, "
                                  "stop_order = ?, cancel_reason = ?")
                   + (serverGuards ? QString()
                                   : QStringLiteral(", version = version + 1, updated_at = ")
                                             + dialect.now())
                   + QStringLiteral(" WHERE id = ? AND version = ?"));
    update.addBindValue(pickupStatusKey(*next));
    update.addBindValue(changed.plannedDate.isValid() ? QVariant(changed.plannedDate)
                                                      : QVariant(QMetaType::fromType<QDate>()));
    update.addBindValue(text(changed.team));
    update.addBindValue(changed.stopOrder);
    update.addBindValue(text(changed.cancelReason));
    update.addBindValue(id);
    update.addBindValue(version);
    if (!update.exec())
        return databaseError(update.lastError(), tr("The transport could not be changed."));
    if (update.numRowsAffected() != 1)
        return Error{Error::Kind::Conflict,
                     tr("Someone else changed this transport in the meantime: read it again."),
                     {},
                     {}};
    if (!serverGuards) {
        if (const Status written
            = writeHistory(id, pickupActionKey(action), current->status, *next, detail, actor);
            !written)
            return written.error();
    }
    Result<Pickup> after = find(id);
    if (!after)
        return after.error();
    if (!transaction.commit())
        return databaseError(connection.lastError(), tr("The transport could not be changed."));
    return after;
}

Status PickupRepository::writeHistory(qint64 id,
                                      const QString &action,
                                      std::optional<PickupStatus> from,
                                      PickupStatus to,
                                      const QString &detail,
                                      const Actor &actor)
{
    QSqlQuery insert(m_db.connection());
    insert.prepare(QStringLiteral("INSERT INTO pickup_history (pickup_id, actor_id, action, "
                                  "from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(id);
    insert.addBindValue(actor.agentId > 0 ? QVariant(actor.agentId)
                                          : QVariant(QMetaType::fromType<qint64>()));
    insert.addBindValue(action);
    insert.addBindValue(from ? QVariant(pickupStatusKey(*from))
                             : QVariant(QMetaType::fromType<QString>()));
    insert.addBindValue(pickupStatusKey(to));
    insert.addBindValue(text(detail));
    if (!insert.exec())
        return databaseError(insert.lastError(),
                             tr("The transport's history could not be written."));
    return {};
}

Result<Pickup> PickupRepository::find(qint64 id) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(selectPickups + QStringLiteral("WHERE p.id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The transport could not be read."));
    if (!query.next())
        return Error{Error::Kind::NotFound,
                     tr("This transport does not exist, or is not yours to see."),
                     {},
                     {}};
    return readPickup(query, m_db.dialect());
}

Result<QList<Pickup>>
PickupRepository::read(const QString &where, const QVariantList &values, const QString &order) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(selectPickups + where + order);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The transports could not be read."));
    QList<Pickup> pickups;
    while (query.next())
        pickups.append(readPickup(query, m_db.dialect()));
    return pickups;
}

Result<QList<Pickup>> PickupRepository::list(const PickupFilter &filter) const
{
    QStringList conditions;
    QVariantList values;
    const QString due = QStringLiteral("coalesce(p.planned_date, p.wished_date)");
    if (filter.first.isValid()) {
        conditions.append(due + QStringLiteral(" >= ?"));
        values.append(filter.first);
    }
    if (filter.last.isValid()) {
        conditions.append(due + QStringLiteral(" <= ?"));
        values.append(filter.last);
    }
    if (filter.status) {
        conditions.append(QStringLiteral("p.status = ?"));
        values.append(pickupStatusKey(*filter.status));
    }
    if (filter.fromSiteId) {
        conditions.append(QStringLiteral("p.from_site_id = ?"));
        values.append(filter.fromSiteId);
    }
    if (filter.openOnly)
        conditions.append(QStringLiteral("p.status IN ('requested', 'planned', 'picked_up')"));
    return read(conditions.isEmpty() ? QString()
                                     : QStringLiteral("WHERE ") + conditions.join(u" AND "),
                values,
                QStringLiteral(" ORDER BY ") + due
                        + QStringLiteral(", fs.name, p.team, p.stop_order, p.id"));
}

Result<QList<ExchangedAd>> PickupRepository::awaitingTransport(int limit) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
            "SELECT a.id, a.title, a.site_id, a.room, a.service_id, a.receiving_service_id, "
            "a.closed_at FROM ad a "
            "WHERE a.state = 'closed' AND a.close_reason = 'exchanged' "
            "AND NOT EXISTS (SELECT 1 FROM pickup p WHERE p.ad_id = a.id "
            "AND p.status <> 'cancelled' AND p.reservation_id IS NULL) "
            // A lot given all in parts has nothing left to carry as a whole (migration 027).
            "AND a.quantity > (SELECT coalesce(sum(r.quantity), 0) FROM ad_reservation r "
            "WHERE r.ad_id = a.id AND r.state = 'exchanged') "
            "ORDER BY a.closed_at DESC, a.id DESC LIMIT ?"));
    query.addBindValue(limit);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The exchanged ads could not be read."));
    QList<ExchangedAd> ads;
    while (query.next()) {
        ads.append({query.value(0).toLongLong(),
                    query.value(1).toString(),
                    query.value(2).toLongLong(),
                    query.value(3).toString(),
                    query.value(4).toLongLong(),
                    query.value(5).toLongLong(),
                    m_db.dialect().fromDb(query.value(6))});
    }
    return ads;
}

Result<QList<Pickup>> PickupRepository::stopsOfDay(const QDate &day) const
{
    // An agent reads the transports of their own service: a list of them would look like the
    // day's round and be wrong. The printed list is the logistics service's.
    QSqlQuery check(m_db.connection());
    check.setForwardOnly(true);
    check.prepare(u"SELECT " + m_db.dialect().isLogisticsStaff());
    if (!check.exec() || !check.next())
        return databaseError(check.lastError(), tr("The day's stops could not be read."));
    if (!check.value(0).toBool())
        return Error{Error::Kind::Forbidden,
                     tr("Only the logistics service, moderators and administrators print the "
                        "day's pickup list."),
                     {},
                     {}};
    return read(QStringLiteral("WHERE p.planned_date = ? "
                               "AND p.status IN ('planned', 'picked_up', 'delivered')"),
                {day},
                QStringLiteral(" ORDER BY fs.name, p.from_site_id, p.team, p.stop_order, p.id"));
}

Result<std::optional<Pickup>> PickupRepository::latestForAd(qint64 adId) const
{
    const Result<QList<Pickup>> found = read(
            QStringLiteral("WHERE p.ad_id = ?"), {adId}, QStringLiteral(" ORDER BY p.id DESC"));
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Pickup>();
    return std::optional<Pickup>(found->first());
}

Result<QList<PickupHistoryEntry>> PickupRepository::history(qint64 id) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT h.at, coalesce(g.display_name, ''), h.action, "
                                 "h.from_status, h.to_status, h.detail FROM pickup_history h "
                                 "LEFT JOIN agent g ON g.id = h.actor_id "
                                 "WHERE h.pickup_id = ? ORDER BY h.at, h.id"));
    query.addBindValue(id);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The transport's history could not be read."));
    QList<PickupHistoryEntry> entries;
    while (query.next()) {
        PickupHistoryEntry entry;
        entry.at = m_db.dialect().fromDb(query.value(0));
        entry.actorName = query.value(1).toString();
        entry.action = query.value(2).toString();
        entry.fromStatus = pickupStatusFromKey(query.value(3).toString());
        entry.toStatus
                = pickupStatusFromKey(query.value(4).toString()).value_or(PickupStatus::Requested);
        entry.detail = query.value(5).toString();
        entries.append(entry);
    }
    return entries;
}

Result<qint64> PickupRepository::historyRow(qint64 id, PickupAction action, qint64 actorId) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT max(id) FROM pickup_history WHERE pickup_id = ? "
                                 "AND action = ? AND actor_id = ?"));
    query.addBindValue(id);
    query.addBindValue(pickupActionKey(action));
    query.addBindValue(actorId);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The transport's history could not be read."));
    if (!query.next() || query.value(0).isNull())
        return Error{Error::Kind::NotFound,
                     tr("This step of the transport is not in its history."),
                     {},
                     {}};
    return query.value(0).toLongLong();
}

Result<QList<Agent>> PickupRepository::recipients(qint64 id) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT display_name, email FROM %1 recipients")
                          .arg(m_db.dialect().pickupRecipients()));
    query.addBindValue(id);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The transport could not be read."));
    QList<Agent> agents;
    while (query.next()) {
        Agent agent;
        agent.displayName = query.value(0).toString();
        agent.email = query.value(1).toString().trimmed();
        agents.append(agent);
    }
    return agents;
}

} // namespace Recup
