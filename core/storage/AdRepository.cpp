// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/AdRepository.h"

#include "domain/PlatformTime.h"
#include "lifecycle/AdLifecycle.h"
#include "lifecycle/AdRules.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlDialect.h"
#include "storage/SqlValues.h"
#include "storage/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace Recup {

namespace {

QString adColumns(const SqlDialect &dialect)
{
    return QStringLiteral("id, title, description, category_id, quantity, ") + dialect.valueColumn()
           + QStringLiteral(", weight_grams, site_id, room, owner_id, service_id, attested, state, "
                            "close_reason, close_note, receiving_service_id, created_at, "
                            "published_at, closed_at, expires_at, version, store_site_id, "
                            "stored_at, available_from");
}

// How many columns adColumns() gives: what a query reads after them starts here.
constexpr int AdColumnCount = 24;

Ad readAd(const QSqlQuery &q, const SqlDialect &dialect)
{
    Ad ad;
    ad.id = q.value(0).toLongLong();
    ad.title = q.value(1).toString();
    ad.description = q.value(2).toString();
    ad.categoryId = q.value(3).toLongLong();
    ad.quantity = q.value(4).toInt();
    ad.valueCents = q.value(5).toLongLong();
    ad.weightGrams = q.value(6).toLongLong();
    ad.siteId = q.value(7).toLongLong();
    ad.room = q.value(8).toString();
    ad.ownerId = q.value(9).toLongLong();
    ad.serviceId = q.value(10).toLongLong();
    ad.professionalUseAttested = q.value(11).toBool();
    ad.state = adStateFromKey(q.value(12).toString()).value_or(AdState::Draft);
    if (!q.value(13).isNull())
        ad.closeReason = closeReasonFromKey(q.value(13).toString());
    ad.closeNote = q.value(14).toString();
    ad.receivingServiceId = q.value(15).toLongLong();
    ad.createdAt = dialect.fromDb(q.value(16));
    ad.publishedAt = dialect.fromDb(q.value(17));
    ad.closedAt = dialect.fromDb(q.value(18));
    ad.expiresAt = dialect.fromDb(q.value(19));
    ad.version = q.value(20).toInt();
    ad.storeSiteId = q.value(21).toLongLong();
    ad.storedAt = dialect.fromDb(q.value(22));
    ad.availableFrom = q.value(23).toDate();
    return ad;
}

// The item is on its way to the general store (migration 015): the ad waits until delivered;
// the database refuses any change but the expiry anyway, this says it in words.
Status checkNotOnItsWayToStore(QSqlDatabase db, qint64 adId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM pickup WHERE ad_id = ? AND purpose = 'store' "
                                 "AND status IN ('requested', 'planned', 'picked_up')"));
    query.addBindValue(adId);
    if (!query.exec())
        return databaseError(query.lastError());
    if (query.next())
        return Error{Error::Kind::Forbidden,
                     QCoreApplication::translate(
                             "AdRepository",
                             "This item is on its way to the general store: it waits there "
                             "until delivered. To change your mind, cancel the transport first."),
                     {},
                     {}};
    return {};
}

// What the database refuses by a hint code, said in words on its field: a row naming a
// deactivated category, site or service (migration 018: what an ad already has stays, nothing new
// goes there), a step of a lot's parts (migration 020).
std::optional<Error> serverRefusal(const Error &error)
{
    struct Refusal
    {
        const char *code;
        Error::Kind kind;
        const char *field;
        const char *message;
    };
    static const Refusal refusals[] = {
            {"ad-inactive-category",
             Error::Kind::Invalid,
             "category",
             QT_TRANSLATE_NOOP("AdRepository",
                               "This category is no longer offered: choose another one.")},
            {"ad-inactive-site",
             Error::Kind::Invalid,
             "site",
             QT_TRANSLATE_NOOP("AdRepository", "This site is closed: choose another one.")},
            {"ad-inactive-receiving-service",
             Error::Kind::Invalid,
             "receivingService",
             QT_TRANSLATE_NOOP("AdRepository",
                               "This service is no longer active: choose the service that "
                               "receives the item among the active ones.")},
            {"ad-inactive-service",
             Error::Kind::Invalid,
             "service",
             QT_TRANSLATE_NOOP("AdRepository",
                               "Your service is no longer active: ask a moderator to move you to "
                               "an active service, then post the ad again.")},
            {"reservation-over-quantity",
             Error::Kind::Invalid,
             "quantity",
             QT_TRANSLATE_NOOP("AdRepository",
                               "There are not that many left: someone reserved part of the lot "
                               "meanwhile. Reserve at most what is left.")},
            {"reservation-inactive-service",
             Error::Kind::Invalid,
             "service",
             QT_TRANSLATE_NOOP("AdRepository",
                               "This service is no longer active: choose an active service.")},
            {"reservation-settled",
             Error::Kind::Conflict,
             "",
             QT_TRANSLATE_NOOP("AdRepository", "This reservation was already released or given.")},
            {"reservation-refused",
             Error::Kind::Forbidden,
             "",
             QT_TRANSLATE_NOOP("AdRepository",
                               "Only the ad's owner may reserve or give part of a published lot.")},
            {"reservation-reason",
             Error::Kind::Invalid,
             "reason",
             QT_TRANSLATE_NOOP("AdRepository",
                               "Say why you release this part: its owner will read it in the "
                               "ad's history.")},
            {"ad-parts-held",
             Error::Kind::Forbidden,
             "",
             QT_TRANSLATE_NOOP("AdRepository",
                               "Part of this lot is reserved for a service: release or give the "
                               "reserved parts first.")},
            {"ad-going-to-store",
             Error::Kind::Forbidden,
             "",
             QT_TRANSLATE_NOOP(
                     "AdRepository",
                     "This item is on its way to the general store: it waits there "
                     "until delivered. To change your mind, cancel the transport first.")},
            {"ad-lot-split",
             Error::Kind::Invalid,
             "quantity",
             QT_TRANSLATE_NOOP("AdRepository",
                               "Part of this lot is reserved or given: its quantity, value, "
                               "weight and category can no longer change.")},
    };
    for (const Refusal &refusal : refusals) {
        if (error.detail.contains(QLatin1String(refusal.code))) {
            const QString message = AdRepository::tr(refusal.message);
            QList<std::pair<QString, QString>> fields;
            if (*refusal.field)
                fields.append({QString::fromLatin1(refusal.field), message});
            return Error{refusal.kind, message, error.detail, fields};
        }
    }
    return std::nullopt;
}

Error saveError(const QSqlError &sqlError, const QString &context)
{
    const Error error = databaseError(sqlError, context);
    return serverRefusal(error).value_or(error);
}

Error invalid(const QList<FieldError> &errors)
{
    Error error;
    error.kind = Error::Kind::Invalid;
    error.message = errors.first().message;
    for (const FieldError &e : errors)
        error.fields.append({e.field, e.message});
    return error;
}

// The rules of the fields, then the site: one that does not exist is the person's mistake to
// point at, not a foreign key for the database to refuse.
QList<FieldError> fieldErrors(const Ad &input, ReferenceRepository &references)
{
    const auto category = references.category(input.categoryId);
    QList<FieldError> errors
            = AdRules::validate(input, category ? std::optional(*category) : std::nullopt);
    if (input.siteId > 0) {
        const auto sites = references.sites();
        if (sites && std::none_of(sites->cbegin(), sites->cend(), [&](const Site &site) {
                return site.id == input.siteId;
            }))
            errors.append({QStringLiteral("site"),
                           AdRepository::tr("This site does not exist any more: choose another.")});
    }
    return errors;
}

// A day as both dialects store it ('YYYY-MM-DD'), NULL when the item is available at once.
QVariant availableFromValue(const QDate &day)
{
    return day.isValid() ? QVariant(day.toString(Qt::ISODate))
                         : QVariant(QMetaType::fromType<QString>());
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

Status insertPhotos(QSqlDatabase db, qint64 adId, const QList<AdPhoto> &photos)
{
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("INSERT INTO ad_photo (ad_id, position, jpeg, thumbnail) "
                                      "VALUES (?, ?, ?, ?)")))
        return databaseError(query.lastError());
    for (int i = 0; i < photos.size(); ++i) {
        query.bindValue(0, adId);
        query.bindValue(1, i);
        query.bindValue(2, photos.at(i).jpeg);
        query.bindValue(3, photos.at(i).thumbnail);
        if (!query.exec())
            return databaseError(query.lastError());
    }
    return {};
}

// The history row of a write: PostgreSQL's trigger writes it from the action context (clients
// may not insert history there); SQLite's is written here.
Status recordAction(QSqlDatabase db,
                    const SqlDialect &dialect,
                    qint64 adId,
                    const SqlDialect::ActionContext &context,
                    AdAction action,
                    std::optional<AdState> from,
                    AdState to,
                    const AdReservation *part = nullptr)
{
    if (dialect.writesHistoryItself())
        return {};
    const qint64 actorId = context.actorKind == QLatin1String("system") ? 0 : context.actorId;
    const QDateTime &at = context.at;
    const QString &reason = context.reason;
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("INSERT INTO ad_history (ad_id, actor_id, at, action, "
                                      "from_state, to_state, reason, reservation_id, quantity, "
                                      "service_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")))
        return databaseError(query.lastError());
    query.bindValue(0, adId);
    query.bindValue(1, nullableId(actorId));
    query.bindValue(2, dialect.toDb(at));
    query.bindValue(3, toKey(action));
    query.bindValue(4, from ? QVariant(toKey(*from)) : QVariant(QMetaType::fromType<QString>()));
    query.bindValue(5, toKey(to));
    query.bindValue(6, sqlText(reason));
    query.bindValue(7, nullableId(part ? part->id : 0));
    query.bindValue(8, part ? QVariant(part->quantity) : QVariant(QMetaType::fromType<int>()));
    query.bindValue(9, nullableId(part ? part->serviceId : 0));
    if (!query.exec())
        return databaseError(query.lastError());
    return {};
}

} // namespace

AdRepository::AdRepository(Database &db)
    : m_db(db)
{}

Result<Ad> AdRepository::create(const Ad &input, const Actor &actor)
{
    if (actor.agentId <= 0)
        return Error{Error::Kind::Forbidden, tr("Only an agent can post an ad."), {}, {}};
    ReferenceRepository references(m_db);
    QList<FieldError> errors = fieldErrors(input, references);
    if (const auto day = AdRules::checkAvailableFrom(input.availableFrom, true, platformToday()))
        errors.append(*day);
    if (!errors.isEmpty())
        return invalid(errors);
    qint64 serviceId = input.serviceId;
    if (serviceId <= 0) {
        const auto owner = references.agent(actor.agentId);
        if (!owner)
            return owner.error();
        serviceId = owner->serviceId;
    }

    QSqlDatabase db = m_db.connection();
    const SqlDialect &dialect = m_db.dialect();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    QDateTime created = input.createdAt;
    if (!created.isValid()) {
        const auto now = m_db.serverNow();
        if (!now)
            return now.error();
        created = *now;
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "INSERT INTO ad (title, description, category_id, quantity, value_cents, weight_grams, "
            "site_id, room, owner_id, service_id, attested, state, created_at, updated_at, "
            "available_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?) "
            "RETURNING id"));
    const QVariantList values{sqlText(input.title.trimmed()),
                              sqlText(input.description.trimmed()),
                              input.categoryId,
                              input.quantity,
                              input.valueCents,
                              input.weightGrams,
                              input.siteId,
                              sqlText(input.room.trimmed()),
                              actor.agentId,
                              serviceId,
                              true,
                              dialect.toDb(created),
                              dialect.toDb(created),
                              availableFromValue(input.availableFrom)};
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec() || !query.next())
        return saveError(query.lastError(), tr("The ad could not be saved."));
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    if (const Status photos = insertPhotos(db, id, input.photos); !photos)
        return photos.error();
    const SqlDialect::ActionContext context{
            toKey(AdAction::Create), toKey(ActorKind::Owner), actor.agentId, {}, created};
    if (const Status logged
        = recordAction(db, dialect, id, context, AdAction::Create, std::nullopt, AdState::Draft);
        !logged)
        return logged.error();
    if (!transaction.commit())
        return databaseError(db.lastError(), tr("The ad could not be saved."));
    return get(id);
}

Result<Ad> AdRepository::update(const Ad &input, const Actor &actor)
{
    QSqlDatabase db = m_db.connection();
    const SqlDialect &dialect = m_db.dialect();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());

    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT ") + adColumns(m_db.dialect())
                  + QStringLiteral(" FROM ad WHERE id = ?") + dialect.forUpdate());
    query.bindValue(0, input.id);
    if (!query.exec())
        return databaseError(query.lastError());
    if (!query.next())
        return Error{Error::Kind::NotFound, tr("This ad no longer exists."), {}, {}};
    Ad before = readAd(query, dialect);
    query.finish();
    if (const Status waiting = checkNotOnItsWayToStore(db, before.id); !waiting)
        return waiting.error();

    const bool isOwner = actor.agentId == before.ownerId;
    if (!isOwner && !actor.moderator)
        return Error{Error::Kind::Forbidden,
                     tr("Only the ad's owner or a moderator may edit it."),
                     {},
                     {}};
    if (before.version != input.version) {
        return Error{Error::Kind::Conflict,
                     tr("Someone else changed this ad since you opened it. What you typed is kept: "
                        "reload the ad, then apply your change again."),
                     {},
                     {}};
    }
    ReferenceRepository references(m_db);
    if (const auto errors = fieldErrors(input, references); !errors.isEmpty())
        return invalid(errors);

    // Photos are compared to decide whether moderators must look again.
    QSqlQuery photos(db);
    photos.prepare(QStringLiteral("SELECT jpeg FROM ad_photo WHERE ad_id = ? ORDER BY position"));
    photos.bindValue(0, input.id);
    if (!photos.exec())
        return databaseError(photos.lastError());
    while (photos.next())
        before.photos.append(
                AdPhoto{0, int(before.photos.size()), photos.value(0).toByteArray(), {}});
    photos.finish();

    std::optional<AdState> next;
    if (before.state == AdState::Closed) {
        return Error{Error::Kind::Forbidden, tr("A closed ad can no longer be edited."), {}, {}};
    } else if (isOwner) {
        switch (before.state) {
        case AdState::Draft:
        case AdState::Pending:
            break;
        case AdState::Rejected:
            next = AdLifecycle::next(before.state, AdAction::Edit, ActorKind::Owner);
            break;
        case AdState::Published:
            if (AdRules::isMaterialChange(before, input))
                next = AdLifecycle::next(before.state, AdAction::Edit, ActorKind::Owner);
            break;
        case AdState::Reserved:
        case AdState::Expired:
            if (AdRules::isMaterialChange(before, input)) {
                return Error{Error::Kind::Forbidden,
                             tr("While the ad is %1, only its quantity, weight, value and site "
                                "can change.")
                                     .arg(displayName(before.state).toLower()),
                             {},
                             {}};
            }
            break;
        case AdState::Closed:
            break;
        }
    }
    const auto now = m_db.serverNow();
    if (!now)
        return now.error();
    const SqlDialect::ActionContext editContext{
            next ? toKey(AdAction::Edit) : QString(),
            toKey(isOwner ? ActorKind::Owner : ActorKind::Moderator),
            actor.agentId,
            {},
            *now};
    if (const Status context = dialect.setActionContext(db, editContext); !context)
        return context.error();

    query.prepare(QStringLiteral(
            "UPDATE ad SET title = ?, description = ?, category_id = ?, quantity = ?, "
            "value_cents = ?, weight_grams = ?, site_id = ?, room = ?, state = ?, updated_at = ?, "
            "available_from = ?, version = version + 1 WHERE id = ? AND version = ?"));
    const QVariantList values{sqlText(input.title.trimmed()),
                              sqlText(input.description.trimmed()),
                              input.categoryId,
                              input.quantity,
                              input.valueCents,
                              input.weightGrams,
                              input.siteId,
                              sqlText(input.room.trimmed()),
                              toKey(next.value_or(before.state)),
                              dialect.toDb(*now),
                              availableFromValue(input.availableFrom),
                              input.id,
                              input.version};
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec())
        return saveError(query.lastError(), tr("The ad could not be saved."));
    if (query.numRowsAffected() != 1) {
        return Error{Error::Kind::Conflict,
                     tr("Someone else changed this ad since you opened it. What you typed is kept: "
                        "reload the ad, then apply your change again."),
                     {},
                     {}};
    }
    bool photosChanged = before.photos.size() != input.photos.size();
    for (int i = 0; !photosChanged && i < input.photos.size(); ++i)
        photosChanged = before.photos.at(i).jpeg != input.photos.at(i).jpeg;
    if (photosChanged) {
        QSqlQuery remove(db);
        remove.prepare(QStringLiteral("DELETE FROM ad_photo WHERE ad_id = ?"));
        remove.bindValue(0, input.id);
        if (!remove.exec())
            return databaseError(remove.lastError());
        if (const Status inserted = insertPhotos(db, input.id, input.photos); !inserted)
            return inserted.error();
    }
    if (next) {
        if (const Status logged
            = recordAction(db, dialect, input.id, editContext, AdAction::Edit, before.state, *next);
            !logged)
            return logged.error();
    }
    if (!transaction.commit())
        return databaseError(db.lastError(), tr("The ad could not be saved."));
    return get(input.id);
}

Result<Ad>
AdRepository::transition(qint64 adId, const TransitionRequest &request, const Actor &actor)
{
    QSqlDatabase db = m_db.connection();
    const SqlDialect &dialect = m_db.dialect();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());

    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT ") + adColumns(m_db.dialect())
                  + QStringLiteral(" FROM ad WHERE id = ?") + dialect.forUpdate());
    query.bindValue(0, adId);
    if (!query.exec())
        return databaseError(query.lastError());
    if (!query.next())
        return Error{Error::Kind::NotFound, tr("This ad no longer exists."), {}, {}};
    const Ad ad = readAd(query, dialect);
    query.finish();
    if (!(actor.system && request.action == AdAction::Expire)) {
        if (const Status waiting = checkNotOnItsWayToStore(db, adId); !waiting)
            return waiting.error();
    }

    // The actor may hold several hats: the first one the table allows is used.
    QList<ActorKind> hats;
    if (actor.system)
        hats.append(ActorKind::System);
    if (!actor.system && actor.agentId == ad.ownerId)
        hats.append(ActorKind::Owner);
    if (!actor.system && actor.moderator)
        hats.append(ActorKind::Moderator);
    if (hats.isEmpty()) {
        return Error{Error::Kind::Forbidden,
                     tr("Only the ad's owner or a moderator may do this."),
                     {},
                     {}};
    }
    std::optional<AdState> next;
    ActorKind hat = hats.first();
    for (ActorKind candidate : std::as_const(hats)) {
        if ((next = AdLifecycle::next(ad.state, request.action, candidate))) {
            hat = candidate;
            break;
        }
    }

    if (request.expectedVersion >= 0 && request.expectedVersion != ad.version) {
        // Tell who moved it: that is what a second moderator needs to know.
        QSqlQuery last(db);
        last.prepare(QStringLiteral(
                "SELECT h.action, coalesce(g.display_name, ''), h.to_state FROM ad_history h "
                "LEFT JOIN agent g ON g.id = h.actor_id WHERE h.ad_id = ? "
                "ORDER BY h.at DESC, h.id DESC LIMIT 1"));
        last.bindValue(0, adId);
        QString message = tr("Someone else changed this ad in the meantime; it is now %1.")
                                  .arg(displayName(ad.state).toLower());
        if (last.exec() && last.next() && !last.value(1).toString().isEmpty()) {
            message = tr("%1 has already dealt with this ad (“%2”); it is now %3.")
                              .arg(last.value(1).toString(),
                                   displayName(adActionFromKey(last.value(0).toString())
                                                       .value_or(AdAction::Edit)),
                                   displayName(ad.state).toLower());
        }
        return Error{Error::Kind::Conflict, message, {}, {}};
    }
    if (!next)
        return Error{Error::Kind::Forbidden,
                     AdLifecycle::refusal(ad.state, request.action, hat),
                     {},
                     {}};

    QList<FieldError> errors;
    std::optional<CloseReason> closeReason = request.closeReason;
    if (request.action == AdAction::Reject)
        errors = AdRules::validateRejection(request.reason);
    if (request.action == AdAction::Remove)
        closeReason = CloseReason::Removed;
    if (request.action == AdAction::Close && !closeReason)
        errors.append({QStringLiteral("closeReason"), tr("Say what became of the item.")});
    if (closeReason && (request.action == AdAction::Close || request.action == AdAction::Remove))
        errors += AdRules::validateClosing(
                *closeReason, request.receivingServiceId, request.reason, hat);
    if (!errors.isEmpty())
        return invalid(errors);

    QDateTime at = request.at;
    if (!at.isValid()) {
        const auto now = m_db.serverNow();
        if (!now)
            return now.error();
        at = *now;
    }
    const bool closing = *next == AdState::Closed;
    const SqlDialect::ActionContext context{toKey(request.action),
                                            toKey(hat),
                                            actor.system ? 0 : actor.agentId,
                                            request.reason.trimmed(),
                                            at};
    if (const Status set = dialect.setActionContext(db, context); !set)
        return set.error();

    // Only what the transition changes is written: the server refuses anyone but a moderator
    // touching publication dates, and would see a rounded copy as a change.
    QString sql = QStringLiteral("UPDATE ad SET state = ?, updated_at = ?, version = version + 1");
    QVariantList values{toKey(*next), dialect.toDb(at)};
    if (request.action == AdAction::Approve) {
        ReferenceRepository references(m_db);
        const auto category = references.category(ad.categoryId);
        sql += QStringLiteral(", published_at = ?, expires_at = ?");
        values << dialect.toDb(at)
               << dialect.toDb(at.addDays(category ? category->expiryDays : 60));
    }
    if (closing) {
        sql += QStringLiteral(", close_reason = ?, close_note = ?, receiving_service_id = ?, "
                              "closed_at = ?");
        values << toKey(*closeReason) << sqlText(request.reason.trimmed())
               << (*closeReason == CloseReason::Exchanged ? nullableId(request.receivingServiceId)
                                                          : nullableId(0))
               << dialect.toDb(at);
    }
    sql += QStringLiteral(" WHERE id = ? AND version = ? AND state = ?");
    values << adId << ad.version << toKey(ad.state);
    query.prepare(sql);
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec())
        return saveError(query.lastError(), tr("The change could not be saved."));
    if (query.numRowsAffected() != 1)
        return Error{
                Error::Kind::Conflict, tr("Someone else changed this ad in the meantime."), {}, {}};
    if (const Status logged
        = recordAction(db, dialect, adId, context, request.action, ad.state, *next);
        !logged)
        return logged.error();
    if (!transaction.commit())
        return databaseError(db.lastError(), tr("The change could not be saved."));
    return get(adId, false);
}

Result<Ad> AdRepository::get(qint64 adId, bool withPhotos) const
{
    QSqlDatabase db = m_db.connection();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + adColumns(m_db.dialect())
                  + QStringLiteral(" FROM ad WHERE id = ?"));
    query.bindValue(0, adId);
    if (!query.exec())
        return databaseError(query.lastError());
    if (!query.next())
        return Error{Error::Kind::NotFound, tr("This ad no longer exists."), {}, {}};
    Ad ad = readAd(query, m_db.dialect());
    if (withPhotos) {
        QSqlQuery photos(db);
        photos.setForwardOnly(true);
        photos.prepare(QStringLiteral("SELECT id, position, jpeg, thumbnail FROM ad_photo "
                                      "WHERE ad_id = ? ORDER BY position"));
        photos.bindValue(0, adId);
        if (!photos.exec())
            return databaseError(photos.lastError());
        while (photos.next()) {
            ad.photos.append(AdPhoto{photos.value(0).toLongLong(),
                                     photos.value(1).toInt(),
                                     photos.value(2).toByteArray(),
                                     photos.value(3).toByteArray()});
        }
    }
    return ad;
}

namespace {

AdHistoryEntry readHistoryEntry(const QSqlQuery &query, const SqlDialect &dialect)
{
    AdHistoryEntry e;
    e.id = query.value(0).toLongLong();
    e.adId = query.value(1).toLongLong();
    e.actorId = query.value(2).toLongLong();
    e.at = dialect.fromDb(query.value(3));
    e.action = adActionFromKey(query.value(4).toString()).value_or(AdAction::Edit);
    if (!query.value(5).isNull())
        e.fromState = adStateFromKey(query.value(5).toString());
    e.toState = adStateFromKey(query.value(6).toString()).value_or(AdState::Draft);
    e.reason = query.value(7).toString();
    e.reservationId = query.value(8).toLongLong();
    e.quantity = query.value(9).toInt();
    e.serviceId = query.value(10).toLongLong();
    return e;
}

} // namespace

Result<QList<AdHistoryEntry>> AdRepository::history(qint64 adId) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    // With who took each step: every session may read the agents' names (migration 002).
    query.prepare(QStringLiteral(
            "SELECT h.id, h.ad_id, h.actor_id, h.at, h.action, h.from_state, h.to_state, "
            "h.reason, h.reservation_id, h.quantity, h.service_id, g.display_name, "
            "g.is_moderator FROM ad_history h LEFT JOIN agent g ON g.id = h.actor_id "
            "WHERE h.ad_id = ? ORDER BY h.at, h.id"));
    query.bindValue(0, adId);
    if (!query.exec())
        return databaseError(query.lastError());
    QList<AdHistoryEntry> entries;
    while (query.next()) {
        AdHistoryEntry entry = readHistoryEntry(query, m_db.dialect());
        entry.actorName = query.value(11).toString();
        entry.actorModerator = query.value(12).toBool();
        entries.append(entry);
    }
    return entries;
}

Result<QString> AdRepository::lastReason(qint64 adId, AdAction action) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT reason FROM ad_history WHERE ad_id = ? AND action = ? "
                                 "ORDER BY at DESC, id DESC LIMIT 1"));
    query.addBindValue(adId);
    query.addBindValue(toKey(action));
    if (!query.exec())
        return databaseError(query.lastError());
    return query.next() ? query.value(0).toString() : QString();
}

Result<qint64> AdRepository::lastHistoryId(qint64 adId, AdState state) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id FROM ad_history WHERE ad_id = ? AND to_state = ? "
                                 "ORDER BY id DESC LIMIT 1"));
    query.addBindValue(adId);
    query.addBindValue(toKey(state));
    if (!query.exec())
        return databaseError(query.lastError());
    if (!query.next())
        return Error{Error::Kind::NotFound, tr("This ad has no such step in its history."), {}, {}};
    return query.value(0).toLongLong();
}

Result<QList<Ad>> AdRepository::latestExchanges(int limit) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + adColumns(m_db.dialect())
                  + QStringLiteral(" FROM ad WHERE state = 'closed' AND close_reason = 'exchanged' "
                                   "ORDER BY closed_at DESC, id DESC LIMIT ?"));
    query.bindValue(0, limit);
    if (!query.exec())
        return databaseError(query.lastError());
    QList<Ad> ads;
    while (query.next())
        ads.append(readAd(query, m_db.dialect()));
    return ads;
}

Result<QList<Ad>> AdRepository::ownedBy(qint64 agentId) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(
            QStringLiteral("SELECT ") + adColumns(m_db.dialect())
            + QStringLiteral(" FROM ad WHERE owner_id = ? ORDER BY created_at DESC, id DESC"));
    query.bindValue(0, agentId);
    if (!query.exec())
        return databaseError(query.lastError());
    QList<Ad> ads;
    while (query.next())
        ads.append(readAd(query, m_db.dialect()));
    return ads;
}

Result<OwnedAdsPage> AdRepository::ownedPage(qint64 agentId,
                                             const QList<AdState> &states,
                                             const OwnedAdsCursor &after,
                                             int limit) const
{
    const SqlDialect &dialect = m_db.dialect();
    QString sql
            = QStringLiteral("SELECT ") + adColumns(dialect)
              + QStringLiteral(", updated_at, "
                               "(SELECT h.reason FROM ad_history h WHERE h.ad_id = ad.id "
                               "AND h.action = 'reject' ORDER BY h.at DESC, h.id DESC LIMIT 1), "
                               "(SELECT count(*) FROM contact_request c WHERE c.ad_id = ad.id), ")
              + dialect.exactTimeText(QStringLiteral("updated_at"))
              + QStringLiteral(" AS exact_updated_at, "
                               "(SELECT p.status FROM pickup p WHERE p.ad_id = ad.id "
                               "ORDER BY p.id DESC LIMIT 1), "
                               "(SELECT coalesce(p.planned_date, p.wished_date) FROM pickup p "
                               "WHERE p.ad_id = ad.id ORDER BY p.id DESC LIMIT 1), "
                               "(SELECT f.thumbnail FROM ad_photo f WHERE f.ad_id = ad.id "
                               "AND f.position = 0), ")
              + dialect.quantityLeft(QStringLiteral("ad.id"))
              + QStringLiteral(" FROM ad WHERE owner_id = ?");
    if (!states.isEmpty()) {
        QStringList marks;
        for (qsizetype i = 0; i < states.size(); ++i)
            marks.append(QStringLiteral("?"));
        sql += QStringLiteral(" AND state IN (") + marks.join(u',') + u')';
    }
    if (after.isValid())
        sql += QStringLiteral(" AND (ad.updated_at < ? OR (ad.updated_at = ? AND ad.id < ?))");
    sql += QStringLiteral(" ORDER BY ad.updated_at DESC, ad.id DESC LIMIT ?");
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return databaseError(query.lastError());
    int position = 0;
    query.bindValue(position++, agentId);
    for (AdState state : states)
        query.bindValue(position++, toKey(state));
    if (after.isValid()) {
        // The exact value read, not a QDateTime (milliseconds): equal rows stay equal.
        query.bindValue(position++, after.exactLastChange);
        query.bindValue(position++, after.exactLastChange);
        query.bindValue(position++, after.id);
    }
    query.bindValue(position++, limit + 1); // one more tells whether a next page exists
    if (!query.exec())
        return databaseError(query.lastError());
    OwnedAdsPage page;
    while (query.next()) {
        if (page.ads.size() == limit) {
            page.hasMore = true;
            break;
        }
        OwnedAd owned;
        owned.ad = readAd(query, dialect);
        constexpr int more = AdColumnCount; // the columns after the ad's
        owned.lastChange = dialect.fromDb(query.value(more));
        if (owned.ad.state == AdState::Rejected)
            owned.rejectionReason = query.value(more + 1).toString();
        owned.requestCount = query.value(more + 2).toInt();
        owned.transport = pickupStatusFromKey(query.value(more + 4).toString());
        owned.transportDate = query.value(more + 5).toDate();
        const QByteArray thumbnail = query.value(more + 6).toByteArray();
        if (!thumbnail.isEmpty()) {
            // Drawn beside the title in a list: a stored thumbnail (256 px) would hide the title.
            owned.thumbnail = QImage::fromData(thumbnail).scaled(OwnedAd::ListThumbnailSide,
                                                                 OwnedAd::ListThumbnailSide,
                                                                 Qt::KeepAspectRatio,
                                                                 Qt::SmoothTransformation);
        }
        owned.quantityLeft = query.value(more + 7).isNull() ? -1 : query.value(more + 7).toInt();
        page.next = {owned.lastChange, query.value(more + 3).toString(), owned.ad.id};
        page.ads.append(std::move(owned));
    }
    return page;
}

Result<QMap<AdState, int>> AdRepository::ownedCounts(qint64 agentId) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(
            QStringLiteral("SELECT state, count(*) FROM ad WHERE owner_id = ? GROUP BY state"));
    query.bindValue(0, agentId);
    if (!query.exec())
        return databaseError(query.lastError());
    QMap<AdState, int> counts;
    while (query.next()) {
        if (const auto state = adStateFromKey(query.value(0).toString()))
            counts.insert(*state, query.value(1).toInt());
    }
    return counts;
}

Result<QHash<qint64, AdRepository::OpenAds>> AdRepository::openAdsByOwner() const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
                "SELECT a.owner_id, count(*), sum(CASE WHEN EXISTS (SELECT 1 FROM pickup p "
                "WHERE p.ad_id = a.id AND p.purpose = 'store' AND p.status IN ('requested', "
                "'planned', 'picked_up')) THEN 0 ELSE 1 END) "
                "FROM ad a WHERE a.state <> 'closed' GROUP BY a.owner_id")))
        return databaseError(query.lastError());
    QHash<qint64, OpenAds> counts;
    while (query.next())
        counts.insert(query.value(0).toLongLong(),
                      OpenAds{query.value(1).toInt(), query.value(2).toInt()});
    return counts;
}

Result<QList<qint64>> AdRepository::dueForExpiry(const QDateTime &by) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id FROM ad WHERE state = 'published' AND expires_at <= ? "
                                 "ORDER BY expires_at, id"));
    query.bindValue(0, m_db.dialect().toDb(by));
    if (!query.exec())
        return databaseError(query.lastError());
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

// --- Hand-over of a leaving agent's ads (issue #12, migration 016) ---

namespace {

Error handOverRefusal(Error::Kind kind, const QString &message, const QString &detail = {})
{
    return Error{kind, message, detail, {{QStringLiteral("toAgent"), message}}};
}

} // namespace

Result<int>
AdRepository::handOverAds(qint64 fromAgentId, qint64 toAgentId, qint64 actorId, Leaving leaving)
{
    if (fromAgentId == toAgentId)
        return handOverRefusal(Error::Kind::Invalid,
                               tr("The ads cannot be handed over to the agent who has them: "
                                  "choose another agent."));
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    // Said in words before the database refuses it: who they are, whether they may.
    ReferenceRepository references(m_db);
    const auto from = references.agent(fromAgentId);
    if (!from)
        return from.error();
    const auto to = references.agent(toAgentId);
    if (!to)
        return handOverRefusal(to.error().kind, to.error().message, to.error().detail);
    if (!to->active)
        return handOverRefusal(Error::Kind::Invalid,
                               tr("%1 is no longer active: hand the ads over to an active agent.")
                                       .arg(to->displayName));
    const QString toSelf = tr("A moderator does not take over a leaving agent's ads: choose "
                              "another agent, or ask an administrator.");
    if (actorId > 0) {
        const auto actor = references.agent(actorId);
        if (!actor)
            return actor.error();
        if (!actor->active
            || !(actor->roles.testFlag(Role::Moderator) || actor->roles.testFlag(Role::Admin)))
            return Error{Error::Kind::Forbidden,
                         tr("Only moderators and administrators hand ads over."),
                         {},
                         {}};
        // The ads would be theirs to close as they please, figures included (migration 019).
        if (toAgentId == actorId && !actor->roles.testFlag(Role::Admin))
            return handOverRefusal(Error::Kind::Invalid, toSelf);
    }
    // Only a leaving agent's ads move (migration 018): nobody takes a colleague's ads while they
    // still work. The window deactivates the agent in this very transaction when asked to.
    const QString stillActive = tr("%1 is still active: only the ads of an agent who has left "
                                   "are handed over. Deactivate %1 first.")
                                        .arg(from->displayName);
    const QString onlyAdministrators
            = tr("Only an administrator deactivates a moderator, an administrator or themselves: "
                 "%1's ads stay theirs until then.")
                      .arg(from->displayName);
    if (from->active) {
        if (leaving == Leaving::MustHaveLeft)
            return Error{Error::Kind::Invalid,
                         stillActive,
                         {},
                         {{QStringLiteral("fromAgent"), stillActive}}};
        if (from->id == actorId || from->roles.testFlag(Role::Moderator)
            || from->roles.testFlag(Role::Admin))
            return Error{Error::Kind::Forbidden, onlyAdministrators, {}, {}};
        if (const Status deactivated = references.setAgentActive(from->id, false, from->version);
            !deactivated) {
            if (deactivated.error().kind == Error::Kind::Forbidden)
                return Error{
                        Error::Kind::Forbidden, onlyAdministrators, deactivated.error().detail, {}};
            return deactivated.error();
        }
    }
    const auto handed = m_db.dialect().handOverAds(db, fromAgentId, toAgentId, actorId);
    if (!handed) {
        const Error &error = handed.error();
        const auto says = [&error](const char *code) {
            return error.detail.contains(QLatin1String(code));
        };
        if (says("handover-same-agent"))
            return handOverRefusal(Error::Kind::Invalid,
                                   tr("The ads cannot be handed over to the agent who has them: "
                                      "choose another agent."),
                                   error.detail);
        if (says("handover-inactive-agent"))
            return handOverRefusal(Error::Kind::Invalid,
                                   tr("%1 is no longer active: hand the ads over to an active "
                                      "agent.")
                                           .arg(to->displayName),
                                   error.detail);
        if (says("handover-active-agent"))
            return Error{Error::Kind::Invalid,
                         stillActive,
                         error.detail,
                         {{QStringLiteral("fromAgent"), stillActive}}};
        if (says("handover-to-self"))
            return handOverRefusal(Error::Kind::Invalid, toSelf, error.detail);
        if (says("ad-inactive-service"))
            return handOverRefusal(Error::Kind::Invalid,
                                   tr("The service of %1 is no longer active: move them to an "
                                      "active service first, or choose another agent.")
                                           .arg(to->displayName),
                                   error.detail);
        if (says("handover-unknown-agent"))
            return Error{Error::Kind::NotFound, tr("This agent does not exist."), error.detail, {}};
        if (says("handover-not-open"))
            return Error{Error::Kind::Conflict,
                         tr("One of the ads changed meanwhile; nothing was handed over. Try "
                            "again."),
                         error.detail,
                         {}};
        if (error.kind == Error::Kind::Forbidden)
            return Error{Error::Kind::Forbidden,
                         tr("Only moderators and administrators hand ads over."),
                         error.detail,
                         {}};
        Error failed = error;
        failed.message = tr("The ads could not be handed over.") + u' ' + error.message;
        return failed;
    }
    if (!transaction.commit())
        return databaseError(db.lastError(), tr("The ads could not be handed over."));
    return *handed;
}

// --- Parts of a lot (migration 020) ---

namespace {

QString reservationColumns()
{
    return QStringLiteral("id, ad_id, service_id, quantity, state, reserved_by, reserved_at, "
                          "coalesce(released_by, exchanged_by), "
                          "coalesce(released_at, exchanged_at), version");
}

AdReservation readReservation(const QSqlQuery &q, const SqlDialect &dialect)
{
    AdReservation r;
    r.id = q.value(0).toLongLong();
    r.adId = q.value(1).toLongLong();
    r.serviceId = q.value(2).toLongLong();
    r.quantity = q.value(3).toInt();
    r.state = reservationStateFromKey(q.value(4).toString()).value_or(ReservationState::Held);
    r.reservedBy = q.value(5).toLongLong();
    r.reservedAt = dialect.fromDb(q.value(6));
    r.settledBy = q.value(7).toLongLong();
    r.settledAt = dialect.fromDb(q.value(8));
    r.version = q.value(9).toInt();
    return r;
}

// The ad, its row locked until the transaction ends: two sessions splitting one lot wait for
// each other, so the second counts the first one's part.
Result<Ad> lockedAd(QSqlDatabase db, const SqlDialect &dialect, qint64 adId)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT ") + adColumns(dialect)
                  + QStringLiteral(" FROM ad WHERE id = ?") + dialect.forUpdate());
    query.bindValue(0, adId);
    if (!query.exec())
        return databaseError(query.lastError());
    if (!query.next())
        return Error{Error::Kind::NotFound, AdRepository::tr("This ad no longer exists."), {}, {}};
    return readAd(query, dialect);
}

Result<LotShares> readShares(QSqlDatabase db, qint64 adId)
{
    QSqlQuery query(db);
    query.prepare(
            QStringLiteral("SELECT a.quantity, "
                           "coalesce(sum(CASE WHEN r.state = 'held' THEN r.quantity END), 0), "
                           "coalesce(sum(CASE WHEN r.state = 'exchanged' THEN r.quantity END), 0) "
                           "FROM ad a LEFT JOIN ad_reservation r ON r.ad_id = a.id WHERE a.id = ? "
                           "GROUP BY a.quantity"));
    query.bindValue(0, adId);
    if (!query.exec())
        return databaseError(query.lastError());
    if (!query.next())
        return Error{Error::Kind::NotFound, AdRepository::tr("This ad no longer exists."), {}, {}};
    return LotShares{query.value(0).toInt(), query.value(1).toInt(), query.value(2).toInt()};
}

// The first of the actor's hats the lifecycle table allows for `action` on the ad, or why not.
Result<ActorKind> partHat(const Ad &ad, AdAction action, const Actor &actor)
{
    QList<ActorKind> hats;
    if (!actor.system && actor.agentId == ad.ownerId)
        hats.append(ActorKind::Owner);
    if (!actor.system && actor.moderator)
        hats.append(ActorKind::Moderator);
    if (hats.isEmpty())
        return Error{Error::Kind::Forbidden,
                     AdRepository::tr("Only the ad's owner may reserve or give part of a lot."),
                     {},
                     {}};
    for (ActorKind hat : std::as_const(hats)) {
        if (AdLifecycle::next(ad.state, action, hat))
            return hat;
    }
    return Error{
            Error::Kind::Forbidden, AdLifecycle::refusal(ad.state, action, hats.first()), {}, {}};
}

Error fieldError(const QString &field, const QString &message)
{
    return Error{Error::Kind::Invalid, message, {}, {{field, message}}};
}

} // namespace

Result<LotShares> AdRepository::shares(qint64 adId) const
{
    return readShares(m_db.connection(), adId);
}

Result<QList<AdReservation>> AdRepository::reservations(qint64 adId) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(
            QStringLiteral("SELECT ") + reservationColumns()
            + QStringLiteral(" FROM ad_reservation WHERE ad_id = ? ORDER BY reserved_at, id"));
    query.bindValue(0, adId);
    if (!query.exec())
        return databaseError(query.lastError());
    QList<AdReservation> parts;
    while (query.next())
        parts.append(readReservation(query, m_db.dialect()));
    return parts;
}

Result<AdReservation> AdRepository::reservation(qint64 id) const
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT ") + reservationColumns()
                  + QStringLiteral(" FROM ad_reservation WHERE id = ?"));
    query.bindValue(0, id);
    if (!query.exec())
        return databaseError(query.lastError());
    if (!query.next())
        return Error{Error::Kind::NotFound, tr("This reservation no longer exists."), {}, {}};
    return readReservation(query, m_db.dialect());
}

Result<AdReservation> AdRepository::reservePart(
        qint64 adId, qint64 serviceId, int quantity, const Actor &actor, const QDateTime &when)
{
    QSqlDatabase db = m_db.connection();
    const SqlDialect &dialect = m_db.dialect();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    const Result<Ad> ad = lockedAd(db, dialect, adId);
    if (!ad)
        return ad.error();
    if (const Status waiting = checkNotOnItsWayToStore(db, adId); !waiting)
        return waiting.error();
    const Result<ActorKind> hat = partHat(*ad, AdAction::ReservePart, actor);
    if (!hat)
        return hat.error();
    if (quantity < 1)
        return fieldError(QStringLiteral("quantity"), tr("Reserve at least one item."));
    const Result<LotShares> shares = readShares(db, adId);
    if (!shares)
        return shares.error();
    if (quantity > shares->left())
        return fieldError(
                QStringLiteral("quantity"),
                shares->left() == 0
                        ? tr("Nothing is left of this lot to reserve.")
                        : tr("Only %n left: reserve at most that many.", nullptr, shares->left()));
    const auto service = ReferenceRepository(m_db).service(serviceId);
    if (!service)
        return fieldError(QStringLiteral("service"), tr("Choose the service to reserve for."));
    if (!service->active)
        return fieldError(QStringLiteral("service"),
                          tr("This service is no longer active: choose an active service."));

    QDateTime at = when;
    if (!at.isValid()) {
        const auto now = m_db.serverNow();
        if (!now)
            return now.error();
        at = *now;
    }
    const SqlDialect::ActionContext context{
            toKey(AdAction::ReservePart), toKey(*hat), actor.agentId, {}, at};
    if (const Status set = dialect.setActionContext(db, context); !set)
        return set.error();
    QSqlQuery insert(db);
    insert.prepare(
            QStringLiteral("INSERT INTO ad_reservation (ad_id, service_id, quantity%1) "
                           "VALUES (?, ?, ?%2) RETURNING id")
                    .arg(dialect.writesHistoryItself()
                                 ? QString()
                                 : QStringLiteral(", reserved_by, reserved_at"),
                         dialect.writesHistoryItself() ? QString() : QStringLiteral(", ?, ?")));
    insert.addBindValue(adId);
    insert.addBindValue(serviceId);
    insert.addBindValue(quantity);
    if (!dialect.writesHistoryItself()) {
        insert.addBindValue(actor.agentId);
        insert.addBindValue(dialect.toDb(at));
    }
    if (!insert.exec())
        return saveError(insert.lastError(), tr("The reservation could not be saved."));
    if (!insert.next())
        return databaseError(insert.lastError(), tr("The reservation could not be saved."));
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    const Result<AdReservation> part = reservation(id);
    if (!part)
        return part.error();
    if (const Status logged = recordAction(
                db, dialect, adId, context, AdAction::ReservePart, ad->state, ad->state, &*part);
        !logged)
        return logged.error();
    if (!transaction.commit())
        return databaseError(db.lastError(), tr("The reservation could not be saved."));
    return part;
}

Result<AdReservation> AdRepository::releasePart(const AdReservation &part,
                                                const Actor &actor,
                                                const QDateTime &at,
                                                const QString &reason)
{
    return settlePart(part, ReservationState::Released, actor, at, reason);
}

Result<AdReservation>
AdRepository::exchangePart(const AdReservation &part, const Actor &actor, const QDateTime &at)
{
    return settlePart(part, ReservationState::Exchanged, actor, at, {});
}

Result<AdReservation> AdRepository::settlePart(const AdReservation &part,
                                               ReservationState to,
                                               const Actor &actor,
                                               const QDateTime &when,
                                               const QString &reason)
{
    QSqlDatabase db = m_db.connection();
    const SqlDialect &dialect = m_db.dialect();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    const Result<Ad> ad = lockedAd(db, dialect, part.adId);
    if (!ad)
        return ad.error();
    if (const Status waiting = checkNotOnItsWayToStore(db, part.adId); !waiting)
        return waiting.error();
    const AdAction action
            = to == ReservationState::Released ? AdAction::ReleasePart : AdAction::ExchangePart;
    const Result<ActorKind> hat = partHat(*ad, action, actor);
    if (!hat)
        return hat.error();
    // A moderator releasing someone else's part says why; the owner reads it in the history.
    if (*hat == ActorKind::Moderator && reason.trimmed().isEmpty())
        return fieldError(QStringLiteral("reason"),
                          tr("Say why you release this part: its owner will read it in the "
                             "ad's history."));
    const Result<AdReservation> current = reservation(part.id);
    if (!current)
        return current.error();
    if (current->adId != part.adId || current->state != ReservationState::Held
        || current->version != part.version)
        return Error{Error::Kind::Conflict,
                     tr("This reservation was already released or given."),
                     {},
                     {}};
    if (to == ReservationState::Exchanged) {
        const auto service = ReferenceRepository(m_db).service(current->serviceId);
        if (service && !service->active)
            return fieldError(QStringLiteral("service"),
                              tr("This service is no longer active: release its part, then "
                                 "reserve it for an active service."));
    }

    QDateTime at = when;
    if (!at.isValid()) {
        const auto now = m_db.serverNow();
        if (!now)
            return now.error();
        at = *now;
    }
    const SqlDialect::ActionContext context{
            toKey(action), toKey(*hat), actor.agentId, reason.trimmed(), at};
    if (const Status set = dialect.setActionContext(db, context); !set)
        return set.error();
    const QString prefix = to == ReservationState::Released ? QStringLiteral("released")
                                                            : QStringLiteral("exchanged");
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE ad_reservation SET state = ?, version = version + 1%1 "
                                  "WHERE id = ? AND state = 'held' AND version = ?")
                           .arg(dialect.writesHistoryItself()
                                        ? QString()
                                        : QStringLiteral(", %1_by = ?, %1_at = ?").arg(prefix)));
    update.addBindValue(toKey(to));
    if (!dialect.writesHistoryItself()) {
        update.addBindValue(nullableId(actor.agentId));
        update.addBindValue(dialect.toDb(at));
    }
    update.addBindValue(part.id);
    update.addBindValue(part.version);
    if (!update.exec())
        return saveError(update.lastError(), tr("The reservation could not be saved."));
    if (update.numRowsAffected() != 1)
        return Error{Error::Kind::Conflict,
                     tr("This reservation was already released or given."),
                     {},
                     {}};
    if (const Status logged
        = recordAction(db, dialect, part.adId, context, action, ad->state, ad->state, &*current);
        !logged)
        return logged.error();

    // The last part given: nothing is left, the ad closes as exchanged with that service.
    if (to == ReservationState::Exchanged) {
        const Result<LotShares> shares = readShares(db, part.adId);
        if (!shares)
            return shares.error();
        if (shares->held == 0 && shares->left() == 0) {
            TransitionRequest close;
            close.action = AdAction::Close;
            close.closeReason = CloseReason::Exchanged;
            close.receivingServiceId = current->serviceId;
            close.at = at;
            if (const Result<Ad> closed = transition(part.adId, close, actor); !closed)
                return closed.error();
        }
    }
    const Result<AdReservation> settled = reservation(part.id);
    if (!settled)
        return settled.error();
    if (!transaction.commit())
        return databaseError(db.lastError(), tr("The reservation could not be saved."));
    return settled;
}

} // namespace Recup
