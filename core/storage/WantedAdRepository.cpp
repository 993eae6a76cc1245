// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/WantedAdRepository.h"

#include "domain/UserText.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

namespace {

const QString WantedColumns = QStringLiteral(
        "w.id, w.author_id, g.display_name, w.service_id, s.name, w.site_id, w.category_id, "
        "w.title, w.keywords, w.quantity, w.state, w.created_at, w.expires_at, w.closed_at "
        "FROM wanted_ad w JOIN agent g ON g.id = w.author_id JOIN service s ON s.id = "
        "w.service_id");

} // namespace

WantedAdRepository::WantedAdRepository(Database &db)
    : m_db(db)
{}

QList<std::pair<QString, QString>> WantedAdRepository::check(const WantedAd &wanted)
{
    using namespace UserText;
    QList<std::pair<QString, QString>> errors;
    // The same rule as an ad's title.
    if (const auto title = AdRules::checkTitle(wanted.title))
        errors.append({title->field, title->message});
    const QString keywords = wanted.keywords.trimmed();
    // Words of two letters or digits at least, as the catalogue's search reads them.
    const bool searchable = !SqlDialect::searchWordsOf(keywords).isEmpty();
    if (hasUnstorableCharacter(keywords, LineBreaks::Refused))
        errors.append({QStringLiteral("keywords"),
                       tr("The keywords contain a character that cannot be saved (a line break, "
                          "a control character).")});
    else if (!searchable)
        errors.append({QStringLiteral("keywords"),
                       tr("Give at least one keyword (a word of two letters or more): alerts "
                          "are found by them.")});
    else if (characterCount(keywords) > KeywordsMax)
        errors.append({QStringLiteral("keywords"),
                       tr("The keywords must have at most %1 characters.").arg(KeywordsMax)});
    if (wanted.quantity < 1 || wanted.quantity > QuantityMax)
        errors.append({QStringLiteral("quantity"),
                       tr("The quantity must be between 1 and %1.").arg(QuantityMax)});
    if (wanted.siteId <= 0)
        errors.append({QStringLiteral("site"), tr("Choose the site to deliver to.")});
    return errors;
}

Result<WantedAd> WantedAdRepository::post(WantedAd wanted)
{
    if (const auto errors = check(wanted); !errors.isEmpty())
        return Error{Error::Kind::Invalid, errors.first().second, {}, errors};
    QSqlQuery insert(m_db.connection());
    insert.prepare(QStringLiteral(
            "INSERT INTO wanted_ad (author_id, service_id, site_id, category_id, title, keywords, "
            "match_query, quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    insert.addBindValue(wanted.authorId);
    insert.addBindValue(wanted.serviceId);
    insert.addBindValue(wanted.siteId);
    insert.addBindValue(wanted.categoryId > 0 ? QVariant(wanted.categoryId)
                                              : QVariant(QMetaType::fromType<qint64>()));
    insert.addBindValue(sqlText(wanted.title.trimmed()));
    insert.addBindValue(sqlText(wanted.keywords.trimmed()));
    insert.addBindValue(sqlText(m_db.dialect().searchArgument(wanted.keywords)));
    insert.addBindValue(wanted.quantity);
    if (!insert.exec() || !insert.next()) {
        const Error error = databaseError(insert.lastError(),
                                          tr("The wanted ad could not be "
                                             "posted."));
        if (error.detail.contains(QLatin1String("wanted-too-many")))
            return Error{Error::Kind::Invalid,
                         tr("You already have %1 open wanted ads: close one you no longer need "
                            "before posting another.")
                                 .arg(OpenMax),
                         error.detail,
                         {}};
        return error;
    }
    const qint64 id = insert.value(0).toLongLong();
    insert.finish();
    return get(id);
}

Status WantedAdRepository::close(qint64 wantedId)
{
    QSqlQuery update(m_db.connection());
    update.prepare(QStringLiteral("UPDATE wanted_ad SET state = 'closed', closed_at = ")
                   + m_db.dialect().now() + QStringLiteral(" WHERE id = ? AND state = 'open'"));
    update.addBindValue(wantedId);
    if (!update.exec())
        return databaseError(update.lastError(), tr("The wanted ad could not be closed."));
    if (update.numRowsAffected() != 1)
        return Error{Error::Kind::NotFound,
                     tr("This wanted ad is already closed, or not yours to close."),
                     {},
                     {}};
    return {};
}

Result<QList<WantedAd>> WantedAdRepository::read(const QString &where, qint64 value) const
{
    const SqlDialect &dialect = m_db.dialect();
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + WantedColumns + QStringLiteral(" WHERE ") + where
                  + QStringLiteral(" ORDER BY w.created_at DESC, w.id DESC LIMIT 1000"));
    if (where.contains(u'?'))
        query.addBindValue(value);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The wanted ads could not be read."));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<WantedAd> found;
    while (query.next()) {
        WantedAd w;
        w.id = query.value(0).toLongLong();
        w.authorId = query.value(1).toLongLong();
        w.authorName = query.value(2).toString();
        w.serviceId = query.value(3).toLongLong();
        w.serviceName = query.value(4).toString();
        w.siteId = query.value(5).toLongLong();
        w.categoryId = query.value(6).isNull() ? 0 : query.value(6).toLongLong();
        w.title = query.value(7).toString();
        w.keywords = query.value(8).toString();
        w.quantity = query.value(9).toInt();
        w.createdAt = dialect.fromDb(query.value(11));
        w.expiresAt = dialect.fromDb(query.value(12));
        w.closedAt = dialect.fromDb(query.value(13));
        w.state = query.value(10).toString() == QLatin1String("closed") ? WantedAd::State::Closed
                  : w.expiresAt <= now                                  ? WantedAd::State::Expired
                                                                        : WantedAd::State::Open;
        found.append(w);
    }
    return found;
}

Result<QList<WantedAd>> WantedAdRepository::openAds() const
{
    return read(QStringLiteral("w.state = 'open' AND w.expires_at > ") + m_db.dialect().now(), 0);
}

Result<QList<WantedAd>> WantedAdRepository::ofAuthor(qint64 authorId) const
{
    return read(QStringLiteral("w.author_id = ?"), authorId);
}

Result<WantedAd> WantedAdRepository::get(qint64 wantedId) const
{
    const Result<QList<WantedAd>> found = read(QStringLiteral("w.id = ?"), wantedId);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error{Error::Kind::NotFound, tr("This wanted ad no longer exists."), {}, {}};
    return found->first();
}

Result<QList<WantedMatch>> WantedAdRepository::readMatches(const QString &where,
                                                           const QList<qint64> &values) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(
            QStringLiteral("SELECT m.id, m.wanted_id, w.title, w.author_id, m.ad_id, a.title, "
                           "m.history_id, m.created_at FROM wanted_match m "
                           "JOIN wanted_ad w ON w.id = m.wanted_id JOIN ad a ON a.id = m.ad_id "
                           "WHERE ")
            + where + QStringLiteral(" ORDER BY m.created_at DESC, m.id DESC LIMIT 1000"));
    for (const qint64 value : values)
        query.addBindValue(value);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The alerts could not be read."));
    QList<WantedMatch> found;
    while (query.next()) {
        WantedMatch m;
        m.id = query.value(0).toLongLong();
        m.wantedId = query.value(1).toLongLong();
        m.wantedTitle = query.value(2).toString();
        m.seekerId = query.value(3).toLongLong();
        m.adId = query.value(4).toLongLong();
        m.adTitle = query.value(5).toString();
        m.historyId = query.value(6).toLongLong();
        m.createdAt = m_db.dialect().fromDb(query.value(7));
        found.append(m);
    }
    return found;
}

Result<QList<WantedMatch>> WantedAdRepository::recordMatches(qint64 adId, qint64 historyId)
{
    QSqlDatabase db = m_db.connection();
    const Result<int> written = m_db.dialect().recordWantedMatches(db, adId, historyId);
    if (!written)
        return written.error();
    if (*written == 0)
        return QList<WantedMatch>{};
    return readMatches(QStringLiteral("m.ad_id = ? AND m.history_id = ?"), {adId, historyId});
}

Result<QList<WantedMatch>> WantedAdRepository::alertsOf(qint64 authorId) const
{
    return readMatches(QStringLiteral("w.author_id = ?"), {authorId});
}

} // namespace Recup
