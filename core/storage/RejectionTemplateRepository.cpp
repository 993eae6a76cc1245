// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/RejectionTemplateRepository.h"

#include "domain/UserText.h"
#include "storage/ConnectionErrors.h"
#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

RejectionTemplateRepository::RejectionTemplateRepository(Database &db)
    : m_db(db)
{}

Result<QList<RejectionTemplate>> RejectionTemplateRepository::templates(bool withInactive) const
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(QStringLiteral("SELECT id, title, body, position, active, version "
                                      "FROM rejection_template WHERE active OR ? "
                                      "ORDER BY position, title, id")))
        return databaseError(query.lastError());
    query.bindValue(0, withInactive);
    if (!query.exec())
        return databaseError(query.lastError());
    QList<RejectionTemplate> rows;
    while (query.next()) {
        rows.append(RejectionTemplate{query.value(0).toLongLong(),
                                      query.value(1).toString(),
                                      query.value(2).toString(),
                                      query.value(3).toInt(),
                                      query.value(4).toBool(),
                                      query.value(5).toLongLong()});
    }
    return rows;
}

std::optional<Error> RejectionTemplateRepository::templateError(const RejectionTemplate &t)
{
    using UserText::characterCount;
    using UserText::hasUnstorableCharacter;
    using UserText::LineBreaks;
    QList<std::pair<QString, QString>> fields;
    const QString title = t.title.trimmed();
    if (title.isEmpty())
        fields.append({QStringLiteral("title"), tr("Give the reason a short title.")});
    else if (characterCount(title) > TitleMax || hasUnstorableCharacter(title, LineBreaks::Refused))
        fields.append(
                {QStringLiteral("title"),
                 tr("The title takes at most %n characters on one line.", nullptr, TitleMax)});
    const QString body = t.body.trimmed();
    if (body.isEmpty())
        fields.append({QStringLiteral("body"), tr("Write the text the poster will read.")});
    else if (characterCount(body) > BodyMax || hasUnstorableCharacter(body, LineBreaks::Allowed))
        fields.append({QStringLiteral("body"),
                       tr("The text takes at most %n characters.", nullptr, BodyMax)});
    if (fields.isEmpty())
        return std::nullopt;
    return Error{Error::Kind::Invalid, tr("Please correct the reason."), {}, fields};
}

Result<qint64> RejectionTemplateRepository::add(const RejectionTemplate &t)
{
    if (auto error = templateError(t))
        return *error;
    QSqlQuery query(m_db.connection());
    if (!query.prepare(QStringLiteral("INSERT INTO rejection_template (title, body, position, "
                                      "active) VALUES (?, ?, ?, ?) RETURNING id")))
        return databaseError(query.lastError());
    query.bindValue(0, sqlText(t.title.trimmed()));
    query.bindValue(1, sqlText(t.body.trimmed()));
    query.bindValue(2, t.position);
    query.bindValue(3, t.active);
    if (!query.exec() || !query.next())
        return databaseError(query.lastError());
    return query.value(0).toLongLong();
}

Status RejectionTemplateRepository::update(const RejectionTemplate &t)
{
    if (auto error = templateError(t))
        return *error;
    QSqlQuery query(m_db.connection());
    // The version moves by one here and, on PostgreSQL, by the server's trigger whatever the
    // client writes.
    if (!query.prepare(QStringLiteral("UPDATE rejection_template SET title = ?, body = ?, "
                                      "position = ?, active = ?, version = version + 1 "
                                      "WHERE id = ? AND version = ?")))
        return databaseError(query.lastError());
    query.bindValue(0, sqlText(t.title.trimmed()));
    query.bindValue(1, sqlText(t.body.trimmed()));
    query.bindValue(2, t.position);
    query.bindValue(3, t.active);
    query.bindValue(4, t.id);
    query.bindValue(5, t.version);
    if (!query.exec())
        return databaseError(query.lastError());
    if (query.numRowsAffected() != 1)
        return Error{Error::Kind::Conflict,
                     tr("Someone else changed this reason in the meantime: what you typed is "
                        "kept; read theirs, then save again."),
                     {},
                     {}};
    return {};
}

} // namespace Recup
