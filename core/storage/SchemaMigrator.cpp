// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/SchemaMigrator.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

SchemaMigrator::SchemaMigrator(Database &db, const QString &scriptsFolder)
    : m_db(db)
    , m_folder(scriptsFolder)
{}

QList<SchemaMigrator::Step> SchemaMigrator::steps() const
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{3})_(.+)\\.sql$"));
    const QString folder
            = m_folder.isEmpty() ? QStringLiteral(":/sql/") + m_db.dialect().name() : m_folder;
    QList<Step> result;
    const QStringList files
            = QDir(folder).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        result.append({match.captured(1).toInt(), match.captured(2), folder + u'/' + file});
    }
    return result;
}

int SchemaMigrator::latestKnownVersion() const
{
    const auto all = steps();
    return all.isEmpty() ? 0 : all.last().version;
}

Result<int> SchemaMigrator::currentVersion() const
{
    QSqlDatabase db = m_db.connection();
    if (!db.isOpen())
        return Error{Error::Kind::Connection, tr("The database is not open."), {}, {}};
    if (!m_db.dialect().hasSchemaVersionTable(db))
        return 0;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT coalesce(max(version), 0) FROM schema_version"))
        || !query.next())
        return databaseError(query.lastError(), tr("The schema version cannot be read."));
    return query.value(0).toInt();
}

Status SchemaMigrator::check() const
{
    const auto current = currentVersion();
    if (!current)
        return current.error();
    const int known = latestKnownVersion();
    if (*current == known)
        return {};
    if (*current == 0) {
        return Error{Error::Kind::SchemaMissing,
                     tr("This database does not hold Collectiv'Récup yet. Ask your IT department "
                        "to run \"collectiv-recup-admin init\" on it."),
                     {},
                     {}};
    }
    if (*current < known) {
        return Error{Error::Kind::SchemaOlder,
                     tr("This database is at version %1 and this application needs version %2. "
                        "Ask your IT department to run \"collectiv-recup-admin init\" to upgrade "
                        "it.")
                             .arg(*current)
                             .arg(known),
                     {},
                     {}};
    }
    return Error{Error::Kind::SchemaNewer,
                 tr("This database is at version %1, newer than this application knows (version "
                    "%2). Install the latest version of Collectiv'Récup.")
                         .arg(*current)
                         .arg(known),
                 {},
                 {}};
}

Status SchemaMigrator::migrate()
{
    const auto current = currentVersion();
    if (!current)
        return current.error();
    if (*current > latestKnownVersion())
        return check();

    QSqlDatabase db = m_db.connection();
    for (const Step &step : steps()) {
        if (step.version <= *current)
            continue;
        QFile file(step.resourcePath);
        if (!file.open(QIODevice::ReadOnly))
            return Error{Error::Kind::Database,
                         tr("Migration %1 is missing.").arg(step.version),
                         step.resourcePath,
                         {}};
        const QString script = QString::fromUtf8(file.readAll());

        // Each step whole or not at all: DDL is transactional on both backends.
        Transaction transaction(db);
        if (!transaction.isActive())
            return databaseError(db.lastError(), tr("The upgrade cannot start."));
        QSqlQuery query(db);
        const QString lock = m_db.dialect().migrationLockStatement();
        if (!lock.isEmpty() && !query.exec(lock))
            return databaseError(query.lastError(), tr("The upgrade cannot start."));
        // Another installer may have gone first while we waited for the lock.
        const auto now = currentVersion();
        if (!now)
            return now.error();
        if (*now >= step.version)
            continue;
        for (const QString &statement : m_db.dialect().splitScript(script)) {
            if (!query.exec(statement)) {
                Error error = databaseError(query.lastError(),
                                            tr("Upgrade step %1 (%2) failed; nothing was changed.")
                                                    .arg(step.version)
                                                    .arg(step.description));
                error.detail += u'\n' + statement.left(400);
                return error;
            }
        }
        query.prepare(QStringLiteral("INSERT INTO schema_version (version, description) VALUES "
                                     "(:version, :description)"));
        query.bindValue(QStringLiteral(":version"), step.version);
        query.bindValue(QStringLiteral(":description"), step.description);
        if (!query.exec())
            return databaseError(query.lastError(), tr("The schema version cannot be recorded."));
        query.finish();
        if (!transaction.commit())
            return databaseError(db.lastError(), tr("The upgrade could not be saved."));
    }
    return {};
}

} // namespace Recup
