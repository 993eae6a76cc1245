// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ModerationViews.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

namespace {

// The columns both lists read, over "a" (ad), "c" (category), "g" (owner), "s" (service).
const char *const watchedColumns
        = "a.id, a.title, a.category_id, c.name AS category_name, a.owner_id, "
          "g.display_name AS owner_name, g.email AS owner_email, "
          "a.service_id, s.name AS service_name, a.site_id, a.published_at, a.expires_at, "
          "a.version";
const char *const watchedJoins = "FROM ad a "
                                 "JOIN category c ON c.id = a.category_id "
                                 "JOIN agent g ON g.id = a.owner_id "
                                 "JOIN service s ON s.id = a.service_id ";

WatchedAd readWatched(const QSqlQuery &query, const SqlDialect &dialect)
{
    WatchedAd ad;
    ad.id = query.value(0).toLongLong();
    ad.title = query.value(1).toString();
    ad.categoryId = query.value(2).toLongLong();
    ad.categoryName = query.value(3).toString();
    ad.ownerId = query.value(4).toLongLong();
    ad.ownerName = query.value(5).toString();
    ad.ownerEmail = query.value(6).toString();
    ad.serviceId = query.value(7).toLongLong();
    ad.serviceName = query.value(8).toString();
    ad.siteId = query.value(9).toLongLong();
    ad.publishedAt = dialect.fromDb(query.value(10));
    if (!query.isNull(11))
        ad.expiresAt = dialect.fromDb(query.value(11));
    ad.version = query.value(12).toInt();
    return ad;
}

// The latest reservation of ad "a" (its last update when no step says so).
const char *const reservedAtExpression
        = "coalesce((SELECT max(h.at) FROM ad_history h WHERE h.ad_id = a.id "
          "AND h.action = 'reserve'), a.updated_at)";

QString likePattern(const QString &text)
{
    QString escaped = text.trimmed().toLower();
    escaped.replace(u'!', QStringLiteral("!!"))
            .replace(u'%', QStringLiteral("!%"))
            .replace(u'_', QStringLiteral("!_"));
    return u'%' + escaped + u'%';
}

} // namespace

ModerationViews::ModerationViews(Database &db)
    : m_db(db)
{}

Result<QList<WatchedAd>> ModerationViews::published(const QString &filter, int limit) const
{
    const SqlDialect &dialect = m_db.dialect();
    const bool filtered = !filter.trimmed().isEmpty();
    const QString search = filtered ? dialect.searchArgument(filter) : QString();
    QString condition;
    if (filtered) {
        condition = QStringLiteral(" AND (lower(g.display_name) LIKE :like ESCAPE '!'");
        if (!search.isEmpty())
            condition += QStringLiteral(" OR ") + dialect.searchCondition();
        condition += u')';
    }
    const QString sql = QStringLiteral("SELECT ") + QLatin1String(watchedColumns) + u' '
                        + QLatin1String(watchedJoins)
                        + QStringLiteral("WHERE a.state = 'published'") + condition
                        + QStringLiteral(" ORDER BY a.published_at DESC, a.id DESC LIMIT :limit");

    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return databaseError(query.lastError());
    if (filtered) {
        query.bindValue(QStringLiteral(":like"), likePattern(filter));
        if (!search.isEmpty())
            query.bindValue(QStringLiteral(":search"), search);
    }
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec())
        return databaseError(query.lastError());
    QList<WatchedAd> ads;
    while (query.next())
        ads.append(readWatched(query, dialect));
    return ads;
}

Result<QList<WatchedAd>> ModerationViews::reservedSince(int days, int limit) const
{
    const SqlDialect &dialect = m_db.dialect();
    // The age is computed in a derived table so that it can be filtered and sorted by name.
    const QString sql
            = QStringLiteral("SELECT r.*, sa.name FROM (SELECT ") + QLatin1String(watchedColumns)
              + QStringLiteral(", ") + QLatin1String(reservedAtExpression)
              + QStringLiteral(" AS reserved_at, coalesce(a.receiving_service_id, "
                               "(SELECT cr.requesting_service_id FROM contact_request cr "
                               "WHERE cr.ad_id = a.id ORDER BY cr.created_at DESC, cr.id DESC "
                               "LIMIT 1)) AS asking_service_id ")
              + QLatin1String(watchedJoins)
              + QStringLiteral("WHERE a.state = 'reserved') r "
                               "LEFT JOIN service sa ON sa.id = r.asking_service_id "
                               "WHERE r.reserved_at < :cutoff "
                               "ORDER BY r.reserved_at, r.id LIMIT :limit");

    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return databaseError(query.lastError());
    query.bindValue(QStringLiteral(":cutoff"),
                    dialect.toDb(QDateTime::currentDateTimeUtc().addDays(-days)));
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!query.exec())
        return databaseError(query.lastError());
    QList<WatchedAd> ads;
    while (query.next()) {
        WatchedAd ad = readWatched(query, dialect);
        ad.reservedAt = dialect.fromDb(query.value(13));
        ad.askingServiceId = query.value(14).toLongLong();
        ad.askingServiceName = query.value(15).toString();
        ads.append(ad);
    }
    return ads;
}

Result<WatchedCounts> ModerationViews::counts(int days) const
{
    const SqlDialect &dialect = m_db.dialect();
    const QString sql
            = QStringLiteral("SELECT (SELECT count(*) FROM ad WHERE state = 'published'), "
                             "(SELECT count(*) FROM ad a WHERE a.state = 'reserved' AND ")
              + QLatin1String(reservedAtExpression) + QStringLiteral(" < :cutoff)");
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return databaseError(query.lastError());
    query.bindValue(QStringLiteral(":cutoff"),
                    dialect.toDb(QDateTime::currentDateTimeUtc().addDays(-days)));
    if (!query.exec() || !query.next())
        return databaseError(query.lastError());
    return WatchedCounts{query.value(0).toInt(), query.value(1).toInt()};
}

} // namespace Recup
