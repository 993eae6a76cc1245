// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/CatalogueQuery.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace Recup {

QString catalogueSortKey(CatalogueSort sort)
{
    switch (sort) {
    case CatalogueSort::NearestSite:
        return QStringLiteral("nearest-site");
    case CatalogueSort::Category:
        return QStringLiteral("category");
    case CatalogueSort::Newest:
        break;
    }
    return QStringLiteral("newest");
}

CatalogueSort catalogueSortFromKey(const QString &key)
{
    for (CatalogueSort sort : {CatalogueSort::NearestSite, CatalogueSort::Category}) {
        if (key == catalogueSortKey(sort))
            return sort;
    }
    return CatalogueSort::Newest;
}

CatalogueQuery::CatalogueQuery(Database &db)
    : m_db(db)
{}

Result<QList<CatalogueQuery::Group>> CatalogueQuery::groups(const CatalogueFilter &filter) const
{
    if (filter.sort == CatalogueSort::NearestSite && filter.homeSiteId > 0) {
        const QVariantMap home{{QStringLiteral(":home"), filter.homeSiteId}};
        const QString organisationSites
                = QStringLiteral("(SELECT o.id FROM site o WHERE o.organisation_id = "
                                 "(SELECT h.organisation_id FROM site h WHERE h.id = :home))");
        return QList<Group>{
                {0, QStringLiteral("a.site_id = :home"), home},
                {1,
                 QStringLiteral("a.site_id <> :home AND a.site_id IN ") + organisationSites,
                 home},
                {2, QStringLiteral("a.site_id NOT IN ") + organisationSites, home},
        };
    }
    if (filter.sort == CatalogueSort::Category) {
        const QString condition = QStringLiteral("a.category_id = :group");
        if (filter.categoryId > 0)
            return QList<Group>{{filter.categoryId, condition, {{u":group"_s, filter.categoryId}}}};
        // Every category, deactivated ones too: ads may still be in one. A search skips those
        // where the dialect tells it cannot match.
        const QString search = m_db.dialect().searchArgument(filter.text);
        const QString mayMatch = search.isEmpty() ? QString() : m_db.dialect().categoryMayMatch();
        Error error;
        QSqlQuery *prepared = m_db.prepared(
                QStringLiteral("SELECT c.id FROM category c ")
                        + (mayMatch.isEmpty() ? QString() : QStringLiteral("WHERE ") + mayMatch)
                        + QStringLiteral(" ORDER BY c.name, c.id"),
                &error);
        if (!prepared)
            return error;
        QSqlQuery &query = *prepared;
        if (!mayMatch.isEmpty())
            query.bindValue(QStringLiteral(":search"), search);
        if (!query.exec()) {
            Error failed = databaseError(query.lastError());
            query.finish();
            return failed;
        }
        QList<Group> groups;
        while (query.next()) {
            const qint64 id = query.value(0).toLongLong();
            groups.append({id, condition, {{u":group"_s, id}}});
        }
        query.finish();
        return groups;
    }
    return QList<Group>{Group{}};
}

CatalogueQuery::Statement CatalogueQuery::statement(const CatalogueFilter &filter,
                                                    const CatalogueCursor &after,
                                                    int limit) const
{
    const auto all = groups(filter);
    Group first;
    if (all && !all->isEmpty()) {
        first = all->first();
        for (const Group &group : *all) {
            if (!after.isStart() && group.key == after.group)
                first = group;
        }
    }
    return statement(filter, first, after, limit);
}

CatalogueQuery::Statement CatalogueQuery::statement(const CatalogueFilter &filter,
                                                    const Group &group,
                                                    const CatalogueCursor &after,
                                                    int limit) const
{
    const SqlDialect &dialect = m_db.dialect();
    Statement s;
    // The conditions name the ad "a" only, so that the search's first step can use them alone.
    QString conditions = QStringLiteral("a.state IN ('published', 'reserved')");
    if (filter.categoryId > 0) {
        conditions += QStringLiteral(" AND a.category_id = :category");
        s.values.insert(QStringLiteral(":category"), filter.categoryId);
    }
    if (filter.serviceId > 0) {
        conditions += QStringLiteral(" AND a.service_id = :service");
        s.values.insert(QStringLiteral(":service"), filter.serviceId);
    }
    if (filter.organisationId > 0) {
        conditions += QStringLiteral(" AND a.service_id IN (SELECT x.id FROM service x "
                                     "WHERE x.organisation_id = :organisation)");
        s.values.insert(QStringLiteral(":organisation"), filter.organisationId);
    }
    if (filter.siteId > 0) {
        conditions += QStringLiteral(" AND a.site_id = :site");
        s.values.insert(QStringLiteral(":site"), filter.siteId);
    }
    if (!group.condition.isEmpty()) {
        conditions += QStringLiteral(" AND ") + group.condition;
        s.values.insert(group.values);
    }
    if (!after.isStart()) {
        // Keyset: strictly after the last row seen, in (published_at, id) order.
        conditions += QStringLiteral(" AND (a.published_at, a.id) < (:after_time, :after_id)");
        s.values.insert(QStringLiteral(":after_time"), dialect.toDb(after.publishedAt));
        s.values.insert(QStringLiteral(":after_id"), after.id);
    }
    s.values.insert(QStringLiteral(":limit"), limit);

    const QString select
            = QStringLiteral(
                      "SELECT a.id, a.title, c.name, s.name, o.name, st.name, a.state, a.quantity, "
                      "a.published_at, ")
              // The first photo's key only: its bytes travel apart.
              + dialect.firstPhotoKey(QStringLiteral("a.id")) + QStringLiteral(", ")
              + dialect.quantityLeft(QStringLiteral("a.id"))
              + QStringLiteral(" FROM ad a "
                               "JOIN category c ON c.id = a.category_id "
                               "JOIN service s ON s.id = a.service_id "
                               "JOIN organisation o ON o.id = s.organisation_id "
                               "JOIN site st ON st.id = a.site_id ");
    const QString order = QStringLiteral(" ORDER BY a.published_at DESC, a.id DESC LIMIT :limit");

    const QString search = dialect.searchArgument(filter.text);
    if (search.isEmpty()) {
        s.sql = select + QStringLiteral("WHERE ") + conditions + order;
        return s;
    }
    // Three ways to a page of matches, one statement whose counts gate each part so that only
    // what is needed runs:
    // 1. recent: the newest SearchWindow ads of the filter, in date order, tested one by one:
    //    a common word fills its page there at once;
    // 2. else hits: up to SearchProbe matches through the text index, whatever the date. All
    //    of them (fewer than the probe): the page is sorted from those ids;
    // 3. else many: common enough overall to walk the date order without a window.
    const auto orNull = [](qint64 id) {
        return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
    };
    s.values.insert(QStringLiteral(":search"), search);
    s.values.insert(QStringLiteral(":window"), SearchWindow);
    s.values.insert(QStringLiteral(":probe"), SearchProbe);
    s.values.insert(QStringLiteral(":match_category"), orNull(filter.categoryId));
    s.values.insert(QStringLiteral(":match_service"), orNull(filter.serviceId));
    s.values.insert(QStringLiteral(":match_organisation"), orNull(filter.organisationId));
    s.values.insert(QStringLiteral(":match_site"), orNull(filter.siteId));
    const QString matching = dialect.searchCondition();
    const QString recentCount = QStringLiteral("(SELECT count(*) FROM recent)");
    const QString hitsCount = QStringLiteral("(SELECT count(*) FROM hits)");
    s.sql = QStringLiteral("WITH recent AS MATERIALIZED (SELECT a.id FROM (SELECT a.id, "
                           "a.published_at")
            + dialect.searchColumns() + QStringLiteral(" FROM ad a WHERE ") + conditions
            + QStringLiteral(" ORDER BY a.published_at DESC, a.id DESC LIMIT :window) a WHERE ")
            + matching + QStringLiteral(" ORDER BY a.published_at DESC, a.id DESC LIMIT :limit), ")
            + QStringLiteral("hits AS MATERIALIZED (SELECT m.id FROM ") + dialect.searchMatches()
            + QStringLiteral(" WHERE ") + recentCount
            + QStringLiteral(" < :limit) ")
            // 1
            + QStringLiteral("SELECT * FROM (") + select
            + QStringLiteral("WHERE a.id IN (SELECT r.id FROM recent r) AND ") + recentCount
            + QStringLiteral(" >= :limit")
            + order
            // 2
            + QStringLiteral(") found UNION ALL SELECT * FROM (") + select
            + QStringLiteral("WHERE a.id IN (SELECT h.id FROM hits h) AND ") + recentCount
            + QStringLiteral(" < :limit AND ") + hitsCount + QStringLiteral(" < :probe AND ")
            + conditions
            + order
            // 3
            + QStringLiteral(") few UNION ALL SELECT * FROM (") + select + QStringLiteral("WHERE ")
            + recentCount + QStringLiteral(" < :limit AND ") + hitsCount
            + QStringLiteral(" >= :probe AND ") + conditions + QStringLiteral(" AND ") + matching
            + order + QStringLiteral(") many ORDER BY 9 DESC, 1 DESC");
    return s;
}

Result<QList<CatalogueEntry>> CatalogueQuery::run(const Statement &s) const
{
    Error error;
    QSqlQuery *prepared = m_db.prepared(s.sql, &error);
    if (!prepared)
        return error;
    QSqlQuery &query = *prepared;
    for (auto it = s.values.cbegin(); it != s.values.cend(); ++it)
        query.bindValue(it.key(), it.value());
    if (!query.exec()) {
        Error failed = databaseError(query.lastError());
        query.finish();
        return failed;
    }

    const SqlDialect &dialect = m_db.dialect();
    QList<CatalogueEntry> entries;
    while (query.next()) {
        CatalogueEntry e;
        e.id = query.value(0).toLongLong();
        e.title = query.value(1).toString();
        e.categoryName = query.value(2).toString();
        e.serviceName = query.value(3).toString();
        e.organisationName = query.value(4).toString();
        e.siteName = query.value(5).toString();
        e.state = adStateFromKey(query.value(6).toString()).value_or(AdState::Published);
        e.quantity = query.value(7).toInt();
        e.publishedAt = dialect.fromDb(query.value(8));
        e.photoId = query.value(9).toLongLong();
        e.photoVersion = query.value(10).toLongLong();
        e.quantityLeft = query.value(11).toInt();
        // A lot whose every unit is promised (held parts, perhaps some given) is reserved in
        // full: listed as the whole-ad reservation is, « Réservé », rather than hidden or as
        // « 0 sur 12 ». Like a reserved ad, it comes back when a part is released, and the
        // agent who asked for it still finds it; the catalogue's states stay the same two.
        e.state = shownState(e.state, qMax(0, e.quantityLeft));
        entries.append(e);
    }
    query.finish();
    return entries;
}

Result<QList<PhotoThumbnail>> CatalogueQuery::thumbnails(const QList<qint64> &photoIds) const
{
    if (photoIds.isEmpty())
        return QList<PhotoThumbnail>{};
    const SqlDialect &dialect = m_db.dialect();
    Error error;
    QSqlQuery *prepared = m_db.prepared(
            QStringLiteral("SELECT p.id, p.version, p.thumbnail FROM ad_photo p WHERE ")
                    + dialect.inIdList(QStringLiteral("p.id"), QStringLiteral(":ids"))
                    + QStringLiteral(" AND EXISTS (SELECT 1 FROM ad a WHERE a.id = p.ad_id "
                                     "AND a.state IN ('published', 'reserved'))"),
            &error);
    if (!prepared)
        return error;
    QSqlQuery &query = *prepared;
    query.bindValue(QStringLiteral(":ids"), dialect.idList(photoIds));
    if (!query.exec()) {
        Error failed = databaseError(query.lastError());
        query.finish();
        return failed;
    }
    QList<PhotoThumbnail> found;
    found.reserve(photoIds.size());
    while (query.next()) {
        found.append({query.value(0).toLongLong(),
                      query.value(1).toLongLong(),
                      query.value(2).toByteArray()});
    }
    query.finish();
    return found;
}

Result<CataloguePage>
CatalogueQuery::page(const CatalogueFilter &filter, const CatalogueCursor &after, int limit) const
{
    const auto all = groups(filter);
    if (!all)
        return all.error();
    qsizetype first = 0;
    if (!after.isStart()) {
        while (first < all->size() && all->at(first).key != after.group)
            ++first;
        if (first == all->size()) // a group that no longer exists: nothing after it
            return CataloguePage{{}, after, true};
    }

    CataloguePage page;
    page.entries.reserve(limit);
    page.next = after;
    // Group after group until the page is full; inside each, the keyset in date order.
    for (qsizetype g = first; g < all->size(); ++g) {
        const Group &group = all->at(g);
        const int wanted = limit - int(page.entries.size());
        const auto rows
                = run(statement(filter, group, g == first ? after : CatalogueCursor{}, wanted));
        if (!rows)
            return rows.error();
        page.entries += *rows;
        if (!rows->isEmpty())
            page.next = {rows->last().publishedAt, rows->last().id, group.key};
        if (rows->size() == wanted)
            return page;
    }
    page.atEnd = true;
    return page;
}

} // namespace Recup
