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
    const QString sql
            = QStringLiteral(
                      "SELECT q.id, q.title, q.category_name, q.owner_id, q.owner_name, "
                      "q.service_name, "
                      "q.site_name, q.submitted_at, q.thumbnail, q.version, q.claimed_by, "
                      "q.claimer, "
                      "q.claimed_at FROM ("
                      "SELECT a.id, a.title, c.name AS category_name, a.owner_id, "
                      "g.display_name AS owner_name, s.name AS service_name, st.name AS site_name, "
                      "coalesce((SELECT max(h.at) FROM ad_history h WHERE h.ad_id = a.id "
                      "AND h.action IN ('submit', 'resubmit', 'renew', 'edit') "
                      "AND h.to_state = 'pending'), a.updated_at) AS submitted_at, "
                      "(SELECT p.thumbnail FROM ad_photo p WHERE p.ad_id = a.id "
                      "ORDER BY p.position LIMIT 1) AS thumbnail, "
                      "a.version, mc.moderator_id AS claimed_by, cg.display_name AS claimer, "
                      "mc.claimed_at "
                      "FROM ad a "
                      "JOIN category c ON c.id = a.category_id "
                      "JOIN agent g ON g.id = a.owner_id "
                      "JOIN service s ON s.id = a.service_id "
                      "JOIN site st ON st.id = a.site_id "
                      "LEFT JOIN moderation_claim mc ON mc.ad_id = a.id AND mc.claimed_at > ")
              + dialect.secondsAgo(ClaimSeconds)
              + QStringLiteral(" LEFT JOIN agent cg ON cg.id = mc.moderator_id "
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
        e.claimedById = query.value(10).toLongLong();
        e.claimedByName = query.value(11).toString();
        e.claimedAt = dialect.fromDb(query.value(12));
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

Result<ModerationClaim> ModerationQueue::claim(qint64 adId, qint64 moderatorId)
{
    const SqlDialect &dialect = m_db.dialect();
    QSqlDatabase db = m_db.connection();
    // Two statements rather than an upsert: on PostgreSQL an upsert that meets another
    // moderator's fresh claim fails on the row-level policy instead of leaving it be.
    QSqlQuery renew(db);
    if (!renew.prepare(QStringLiteral("UPDATE moderation_claim SET moderator_id = ?, claimed_at = ")
                       + dialect.now()
                       + QStringLiteral(" WHERE ad_id = ? AND (moderator_id = ? OR claimed_at <= ")
                       + dialect.secondsAgo(ClaimSeconds) + QStringLiteral(")")))
        return databaseError(renew.lastError());
    renew.bindValue(0, moderatorId);
    renew.bindValue(1, adId);
    renew.bindValue(2, moderatorId);
    if (!renew.exec())
        return databaseError(renew.lastError());
    if (renew.numRowsAffected() == 0) {
        QSqlQuery take(db);
        if (!take.prepare(QStringLiteral("INSERT INTO moderation_claim (ad_id, moderator_id, "
                                         "claimed_at) VALUES (?, ?, ")
                          + dialect.now() + QStringLiteral(") ON CONFLICT (ad_id) DO NOTHING")))
            return databaseError(take.lastError());
        take.bindValue(0, adId);
        take.bindValue(1, moderatorId);
        if (!take.exec())
            return databaseError(take.lastError());
    }
    QSqlQuery holder(db);
    if (!holder.prepare(QStringLiteral("SELECT mc.moderator_id, g.display_name, mc.claimed_at "
                                       "FROM moderation_claim mc "
                                       "JOIN agent g ON g.id = mc.moderator_id "
                                       "WHERE mc.ad_id = ?")))
        return databaseError(holder.lastError());
    holder.bindValue(0, adId);
    if (!holder.exec())
        return databaseError(holder.lastError());
    if (!holder.next()) // the ad is gone (or unseen): nobody holds it
        return ModerationClaim{};
    return ModerationClaim{holder.value(0).toLongLong(),
                           holder.value(1).toString(),
                           dialect.fromDb(holder.value(2))};
}

Status ModerationQueue::release(qint64 adId, qint64 moderatorId)
{
    QSqlQuery query(m_db.connection());
    if (!query.prepare(QStringLiteral(
                "DELETE FROM moderation_claim WHERE ad_id = ? AND moderator_id = ?")))
        return databaseError(query.lastError());
    query.bindValue(0, adId);
    query.bindValue(1, moderatorId);
    if (!query.exec())
        return databaseError(query.lastError());
    return {};
}

Result<PosterRecord> ModerationQueue::posterRecord(qint64 ownerId, qint64 exceptAdId) const
{
    QSqlDatabase db = m_db.connection();
    PosterRecord record;
    QSqlQuery counts(db);
    counts.setForwardOnly(true);
    if (!counts.prepare(
                QStringLiteral("SELECT state, coalesce(close_reason, ''), count(*) FROM ad "
                               "WHERE owner_id = ? AND id <> ? GROUP BY state, close_reason")))
        return databaseError(counts.lastError());
    counts.bindValue(0, ownerId);
    counts.bindValue(1, exceptAdId);
    if (!counts.exec())
        return databaseError(counts.lastError());
    while (counts.next()) {
        const QString state = counts.value(0).toString();
        const QString reason = counts.value(1).toString();
        const int n = counts.value(2).toInt();
        record.ads += n;
        if (state == u"published" || state == u"reserved")
            record.published += n;
        else if (reason == u"exchanged")
            record.exchanged += n;
        else if (reason == u"discarded")
            record.discarded += n;
        else if (reason == u"unavailable")
            record.unavailable += n;
        else if (reason == u"removed")
            record.removed += n;
    }
    QSqlQuery rejections(db);
    rejections.setForwardOnly(true);
    if (!rejections.prepare(
                QStringLiteral("SELECT count(*) FROM ad_history h JOIN ad a ON a.id = h.ad_id "
                               "WHERE a.owner_id = ? AND h.action = 'reject'")))
        return databaseError(rejections.lastError());
    rejections.bindValue(0, ownerId);
    if (!rejections.exec() || !rejections.next())
        return databaseError(rejections.lastError());
    record.rejections = rejections.value(0).toInt();
    QSqlQuery recent(db);
    recent.setForwardOnly(true);
    if (!recent.prepare(QStringLiteral(
                "SELECT id, title, state, coalesce(close_reason, ''), created_at FROM ad "
                "WHERE owner_id = ? AND id <> ? ORDER BY created_at DESC, id DESC LIMIT ?")))
        return databaseError(recent.lastError());
    recent.bindValue(0, ownerId);
    recent.bindValue(1, exceptAdId);
    recent.bindValue(2, RecentPosterAds);
    if (!recent.exec())
        return databaseError(recent.lastError());
    while (recent.next())
        record.recent.append({recent.value(0).toLongLong(),
                              recent.value(1).toString(),
                              recent.value(2).toString(),
                              recent.value(3).toString(),
                              m_db.dialect().fromDb(recent.value(4))});
    return record;
}

} // namespace Recup
