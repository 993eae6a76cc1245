// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/CatalogueQuery.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

CatalogueQuery::CatalogueQuery(Database &db)
    : m_db(db)
{}

CatalogueQuery::Statement CatalogueQuery::statement(const CatalogueFilter &filter,
                                                    const CatalogueCursor &after,
                                                    int limit) const
{
    const SqlDialect &dialect = m_db.dialect();
    Statement s;
    s.sql = QStringLiteral(
                    "SELECT a.id, a.title, c.name, s.name, o.name, st.name, a.state, a.quantity, "
                    "a.published_at, "
                    "(SELECT p.thumbnail FROM ad_photo p WHERE p.ad_id = a.id AND p.position = "
                    "0), ")
            + dialect.quantityLeft(QStringLiteral("a.id"))
            + QStringLiteral(" FROM ad a "
                             "JOIN category c ON c.id = a.category_id "
                             "JOIN service s ON s.id = a.service_id "
                             "JOIN organisation o ON o.id = s.organisation_id "
                             "JOIN site st ON st.id = a.site_id "
                             "WHERE a.state IN ('published', 'reserved')");
    if (filter.categoryId > 0) {
        s.sql += QStringLiteral(" AND a.category_id = :category");
        s.values.insert(QStringLiteral(":category"), filter.categoryId);
    }
    if (filter.serviceId > 0) {
        s.sql += QStringLiteral(" AND a.service_id = :service");
        s.values.insert(QStringLiteral(":service"), filter.serviceId);
    }
    if (filter.organisationId > 0) {
        s.sql += QStringLiteral(" AND s.organisation_id = :organisation");
        s.values.insert(QStringLiteral(":organisation"), filter.organisationId);
    }
    if (filter.siteId > 0) {
        s.sql += QStringLiteral(" AND a.site_id = :site");
        s.values.insert(QStringLiteral(":site"), filter.siteId);
    }
    const QString search = dialect.searchArgument(filter.text);
    if (!search.isEmpty()) {
        s.sql += QStringLiteral(" AND ") + dialect.searchCondition();
        s.values.insert(QStringLiteral(":search"), search);
    }
    if (!after.isStart()) {
        // Keyset: strictly after the last row seen, in (published_at, id) order.
        s.sql += QStringLiteral(" AND (a.published_at, a.id) < (:after_time, :after_id)");
        s.values.insert(QStringLiteral(":after_time"), dialect.toDb(after.publishedAt));
        s.values.insert(QStringLiteral(":after_id"), after.id);
    }
    s.sql += QStringLiteral(" ORDER BY a.published_at DESC, a.id DESC LIMIT :limit");
    s.values.insert(QStringLiteral(":limit"), limit);
    return s;
}

Result<CataloguePage>
CatalogueQuery::page(const CatalogueFilter &filter, const CatalogueCursor &after, int limit) const
{
    const Statement s = statement(filter, after, limit);
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
    CataloguePage page;
    page.entries.reserve(limit);
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
        e.thumbnail = query.value(9).toByteArray();
        e.quantityLeft = query.value(10).toInt();
        page.entries.append(e);
    }
    query.finish();
    page.atEnd = page.entries.size() < limit;
    if (!page.entries.isEmpty())
        page.next = {page.entries.last().publishedAt, page.entries.last().id};
    else
        page.next = after;
    return page;
}

} // namespace Recup
