// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/SqlDialect.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

namespace Recup {

namespace {

// Splits a migration script on top-level semicolons, honouring quotes, dollar quotes,
// comments and the BEGIN ... END body of SQLite triggers.
QStringList splitSqlScript(const QString &script)
{
    QStringList statements;
    QString current;
    const qsizetype n = script.size();
    qsizetype i = 0;
    auto flush = [&] {
        const QString statement = current.trimmed();
        current.clear();
        // A statement made of comments only is dropped.
        QString code = statement;
        code.remove(QRegularExpression(QStringLiteral("--[^\\n]*")));
        if (!code.trimmed().isEmpty())
            statements.append(statement);
    };
    while (i < n) {
        const QChar c = script.at(i);
        if (c == u'-' && i + 1 < n && script.at(i + 1) == u'-') {
            const qsizetype end = script.indexOf(u'\n', i);
            const qsizetype stop = end < 0 ? n : end;
            current.append(script.mid(i, stop - i));
            i = stop;
            continue;
        }
        if (c == u'\'' || c == u'"') {
            const qsizetype end = script.indexOf(c, i + 1);
            const qsizetype stop = end < 0 ? n : end + 1;
            current.append(script.mid(i, stop - i));
            i = stop;
            continue;
        }
        if (c == u'$') {
            static const QRegularExpression tag(QStringLiteral("\\$[A-Za-z_]*\\$"));
            const auto match = tag.match(script,
                                         i,
                                         QRegularExpression::NormalMatch,
                                         QRegularExpression::AnchorAtOffsetMatchOption);
            if (match.hasMatch()) {
                const qsizetype end = script.indexOf(match.captured(), i + match.capturedLength());
                const qsizetype stop = end < 0 ? n : end + match.capturedLength();
                current.append(script.mid(i, stop - i));
                i = stop;
                continue;
            }
        }
        if (c == u';') {
            static const QRegularExpression trigger(QStringLiteral("^\\s*CREATE\\s+TRIGGER\\b"),
                                                    QRegularExpression::CaseInsensitiveOption);
            static const QRegularExpression endsWithEnd(QStringLiteral("\\bEND\\s*$"),
                                                        QRegularExpression::CaseInsensitiveOption);
            QString code = current;
            code.remove(QRegularExpression(QStringLiteral("--[^\\n]*")));
            const bool insideTrigger = trigger.match(code.trimmed()).hasMatch()
                                       && code.contains(QRegularExpression(
                                               QStringLiteral("\\bBEGIN\\b"),
                                               QRegularExpression::CaseInsensitiveOption))
                                       && !endsWithEnd.match(code.trimmed()).hasMatch();
            if (!insideTrigger) {
                flush();
                ++i;
                continue;
            }
        }
        current.append(c);
        ++i;
    }
    flush();
    return statements;
}

// Letters and digits only: nothing the user types can change the search syntax.
QStringList searchWords(const QString &userText)
{
    QStringList words;
    QString word;
    for (const QChar c : userText) {
        if (c.isLetterOrNumber()) {
            word.append(c.toLower());
        } else if (!word.isEmpty()) {
            words.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        words.append(word);
    // One letter left over from an elision ("l'armoire") is no search term.
    words.removeIf([](const QString &w) { return w.size() < 2; });
    return words;
}

Status execAll(QSqlDatabase &db, const QStringList &statements, bool ignoreErrors = false)
{
    for (const QString &statement : statements) {
        QSqlQuery query(db);
        if (!query.exec(statement) && !ignoreErrors)
            return databaseError(query.lastError());
    }
    return {};
}

// Runs the statement that format(template, args...) builds on the server, so that names and
// literals are quoted by PostgreSQL itself (%I, %L); DDL takes no bound parameters.
Status execFormatted(QSqlDatabase &db, const QString &pattern, const QStringList &args)
{
    QSqlQuery build(db);
    QString placeholders;
    for (int i = 0; i < args.size(); ++i)
        placeholders += QStringLiteral(", CAST(? AS text)");
    build.prepare(QStringLiteral("SELECT format(CAST(? AS text)") + placeholders + u')');
    build.addBindValue(pattern);
    for (const QString &arg : args)
        build.addBindValue(arg);
    if (!build.exec() || !build.next())
        return databaseError(build.lastError());
    const QString statement = build.value(0).toString();
    build.finish();
    QSqlQuery run(db);
    if (!run.exec(statement))
        return databaseError(run.lastError());
    return {};
}

class PostgresDialect final : public SqlDialect
{
    Q_DECLARE_TR_FUNCTIONS(PostgresDialect)
public:
    Status createLoginRole(QSqlDatabase &db,
                           const QString &login,
                           const std::optional<QString> &password,
                           const QStringList &groups) const override
    {
        static const QRegularExpression valid(QStringLiteral("^[a-z][a-z0-9._-]{1,62}$"));
        if (!valid.match(login).hasMatch()) {
            return Error{Error::Kind::Invalid,
                         tr("The login %1 is not valid: use 2 to 63 lower-case letters, digits, "
                            "dots, dashes or underscores, starting with a letter.")
                                 .arg(login),
                         {},
                         {}};
        }
        QString verifier;
        if (password) {
            // Hashed here (SCRAM, as the server is configured): the password itself never
            // travels to the server nor reaches its logs.
            const QVariant handle = db.driver()->handle();
            if (qstrcmp(handle.typeName(), "PGconn*") != 0
                && qstrcmp(handle.typeName(), "pg_conn*") != 0)
                return Error{Error::Kind::Database,
                             tr("No PostgreSQL connection."),
                             QString::fromLatin1(handle.typeName()),
                             {}};
            PGconn *conn = *static_cast<PGconn *const *>(handle.constData());
            char *hashed = PQencryptPasswordConn(
                    conn, password->toUtf8().constData(), login.toUtf8().constData(), nullptr);
            if (!hashed)
                return Error{Error::Kind::Database,
                             tr("The password could not be hashed."),
                             QString::fromUtf8(PQerrorMessage(conn)),
                             {}};
            verifier = QString::fromUtf8(hashed);
            PQfreemem(hashed);
        }
        QSqlQuery exists(db);
        exists.prepare(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = ?"));
        exists.addBindValue(login);
        if (!exists.exec())
            return databaseError(exists.lastError());
        const bool known = exists.next();
        exists.finish();
        const QString verb = known ? QStringLiteral("ALTER") : QStringLiteral("CREATE");
        const Status role
                = password ? execFormatted(db,
                                           verb + QStringLiteral(" ROLE %I LOGIN PASSWORD %L"),
                                           {login, verifier})
                           : execFormatted(db, verb + QStringLiteral(" ROLE %I LOGIN"), {login});
        if (!role)
            return role;
        for (const QString &group : groups) {
            if (const Status granted
                = execFormatted(db, QStringLiteral("GRANT %I TO %I"), {group, login});
                !granted)
                return granted;
        }
        return {};
    }
    Status disableLogin(QSqlDatabase &db, const QString &login) const override
    {
        return execFormatted(db, QStringLiteral("ALTER ROLE %I NOLOGIN"), {login});
    }
    QString sessionIdentityQuery() const override
    {
        return QStringLiteral("SELECT recup.current_agent_id(), recup.in_group('recup_moderator'), "
                              "recup.in_group('recup_logistics'), recup.in_group('recup_admin')");
    }

    QString name() const override { return QStringLiteral("postgresql"); }
    QString driverName() const override { return QStringLiteral("QPSQL"); }
    Status prepareSession(QSqlDatabase &db) const override
    {
        // The driver leaves the session's zone to the server's setting: times are UTC here.
        // A row someone keeps locked (a psql session left in a transaction) costs a statement
        // 10 s at most, never a hung relay or window. One round trip for all three: every
        // connection of every workstation pays it.
        return execAll(db,
                       {QStringLiteral("SELECT set_config('TimeZone', 'UTC', false), "
                                       "set_config('search_path', 'recup, public', false), "
                                       "set_config('lock_timeout', '10s', false)")});
    }
    QStringList splitScript(const QString &script) const override { return splitSqlScript(script); }
    QString migrationLockStatement() const override
    {
        return QStringLiteral("SELECT pg_advisory_xact_lock(74102210)");
    }
    bool hasSchemaVersionTable(QSqlDatabase &db) const override
    {
        QSqlQuery query(db);
        return query.exec(QStringLiteral("SELECT to_regclass('recup.schema_version') IS NOT NULL"))
               && query.next() && query.value(0).toBool();
    }
    QString forUpdate() const override { return QStringLiteral(" FOR UPDATE"); }
    QString forUpdateSkipLocked() const override
    {
        return QStringLiteral(" FOR UPDATE SKIP LOCKED");
    }
    QString now() const override { return QStringLiteral("now()"); }
    QVariant toDb(const QDateTime &time) const override
    {
        return time.isValid() ? QVariant(time.toUTC()) : QVariant(QMetaType::fromType<QDateTime>());
    }
    QDateTime fromDb(const QVariant &value) const override
    {
        if (value.isNull())
            return {};
        return value.toDateTime().toUTC();
    }
    Status setActionContext(QSqlDatabase &db, const ActionContext &context) const override
    {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
                "SELECT set_config('recup.action', ?, true), set_config('recup.actor_kind', ?, "
                "true), "
                "set_config('recup.actor_id', ?, true), set_config('recup.reason', ?, true), "
                "set_config('recup.at', ?, true)"));
        query.addBindValue(sqlText(context.action));
        query.addBindValue(sqlText(context.actorKind));
        query.addBindValue(context.actorId > 0 ? QString::number(context.actorId)
                                               : QStringLiteral(""));
        query.addBindValue(sqlText(context.reason));
        query.addBindValue(context.at.isValid() ? context.at.toUTC().toString(Qt::ISODateWithMs)
                                                : QStringLiteral(""));
        if (!query.exec())
            return databaseError(query.lastError());
        return {};
    }
    bool writesHistoryItself() const override { return true; }
    bool connectionAlive(const QSqlDatabase &db) const override
    {
        if (!db.isOpen() || !db.driver())
            return false;
        const QVariant handle = db.driver()->handle();
        // The driver's handle is the libpq connection, whose type Qt names after its struct.
        if (!handle.isValid()
            || (qstrcmp(handle.typeName(), "PGconn*") != 0
                && qstrcmp(handle.typeName(), "pg_conn*") != 0))
            return true; // cannot tell: assume alive, the next statement will say
        PGconn *connection = *static_cast<PGconn *const *>(handle.constData());
        // Reads what the server sent unasked (a termination notice, the end of the socket)
        // without blocking; a dead session then reports CONNECTION_BAD.
        // Twice: a session ended by the server sends its notice, then closes the socket; the
        // first read may take the notice only, the second then sees the end.
        for (int read = 0; read < 2; ++read) {
            if (!connection || PQconsumeInput(connection) == 0)
                return false;
        }
        return PQstatus(connection) == CONNECTION_OK;
    }
    QString valueColumn() const override { return QStringLiteral("recup.ad_value_cents(id)"); }
    // Lower case: LISTEN channel names are case-sensitive for the driver (migration 005).
    QString referenceChangeChannel() const override { return QStringLiteral("recup_reference"); }
    QString exactTimeText(const QString &column) const override
    {
        return column + QStringLiteral("::text"); // microseconds, in the session's UTC
    }
    bool checksMail() const override { return true; }
    QString closedAds() const override { return QStringLiteral("recup.closed_ads(?, ?)"); }
    QString decisions() const override { return QStringLiteral("recup.decisions(?, ?)"); }
    QString serviceActivity() const override { return QStringLiteral("recup.service_activity()"); }
    QString monthOf(const QString &column) const override
    {
        return QStringLiteral("to_char(%1 AT TIME ZONE 'Europe/Paris', 'YYYY-MM')").arg(column);
    }
    QString outboxVerdict(const QString &idColumn) const override
    {
        return QStringLiteral("recup.outbox_row_verdict(") + idColumn + u')';
    }
    QString searchCondition() const override
    {
        return QStringLiteral("a.search @@ to_tsquery('recup.fr', :search)");
    }
    QString searchArgument(const QString &userText) const override
    {
        QStringList terms = searchWords(userText);
        for (QString &term : terms)
            term.append(QStringLiteral(":*"));
        return terms.join(QStringLiteral(" & "));
    }
};

class SqliteDialect final : public SqlDialect
{
public:
    Status createLoginRole(QSqlDatabase &,
                           const QString &,
                           const std::optional<QString> &,
                           const QStringList &) const override
    {
        return {};
    }
    Status disableLogin(QSqlDatabase &, const QString &) const override { return {}; }
    QString sessionIdentityQuery() const override { return {}; }
    QString name() const override { return QStringLiteral("sqlite"); }
    QString driverName() const override { return QStringLiteral("QSQLITE"); }
    Status prepareSession(QSqlDatabase &db) const override
    {
        const Status pragmas = execAll(db,
                                       {QStringLiteral("PRAGMA foreign_keys = ON"),
                                        QStringLiteral("PRAGMA busy_timeout = 5000")});
        if (!pragmas)
            return pragmas;
        // WAL lets the catalogue read while a write is under way; not fatal where refused.
        return execAll(db, {QStringLiteral("PRAGMA journal_mode = WAL")}, true);
    }
    QStringList splitScript(const QString &script) const override { return splitSqlScript(script); }
    QString migrationLockStatement() const override { return {}; }
    bool hasSchemaVersionTable(QSqlDatabase &db) const override
    {
        QSqlQuery query(db);
        return query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master "
                                         "WHERE type = 'table' AND name = 'schema_version'"))
               && query.next() && query.value(0).toInt() == 1;
    }
    QString forUpdate() const override { return {}; }
    QString forUpdateSkipLocked() const override { return {}; }
    QString now() const override { return QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"); }
    QVariant toDb(const QDateTime &time) const override
    {
        return time.isValid() ? QVariant(time.toUTC().toString(Qt::ISODateWithMs))
                              : QVariant(QMetaType::fromType<QString>());
    }
    QDateTime fromDb(const QVariant &value) const override
    {
        if (value.isNull())
            return {};
        QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        return time.toUTC();
    }
    Status setActionContext(QSqlDatabase &, const ActionContext &) const override { return {}; }
    bool writesHistoryItself() const override { return false; }
    bool connectionAlive(const QSqlDatabase &db) const override { return db.isOpen(); }
    QString valueColumn() const override { return QStringLiteral("value_cents"); }
    QString referenceChangeChannel() const override { return {}; }
    QString exactTimeText(const QString &column) const override { return column; }
    bool checksMail() const override { return false; }
    QString serviceActivity() const override
    {
        return QStringLiteral("(SELECT s.id AS service_id, "
                              "(SELECT count(*) FROM ad a WHERE a.service_id = s.id) AS posted, "
                              "(SELECT count(*) FROM ad a WHERE a.receiving_service_id = s.id) "
                              "AS received FROM service s)");
    }
    QString decisions() const override
    {
        return QStringLiteral("(SELECT d.ad_id, (SELECT max(s.at) FROM ad_history s "
                              "WHERE s.ad_id = d.ad_id AND s.to_state = 'pending' "
                              "AND s.at <= d.at) AS submitted_at, d.at AS decided_at, "
                              "d.action AS decision FROM ad_history d "
                              "WHERE d.action IN ('approve', 'reject') "
                              "AND d.at >= ? AND d.at < ?)");
    }
    QString monthOf(const QString &column) const override
    {
        return QStringLiteral("strftime('%Y-%m', %1, 'localtime')").arg(column);
    }
    QString closedAds() const override
    {
        return QStringLiteral("(SELECT a.id AS ad_id, a.close_reason, a.closed_at, a.category_id, "
                              "a.service_id, a.receiving_service_id, a.quantity, a.value_cents, "
                              "CASE WHEN a.weight_grams > 0 THEN a.weight_grams "
                              "ELSE c.default_unit_weight_g * a.quantity END AS weight_grams, "
                              "a.weight_grams = 0 AS weight_estimated, a.published_at "
                              "FROM ad a JOIN category c ON c.id = a.category_id "
                              "WHERE a.state = 'closed' AND a.closed_at >= ? AND a.closed_at < ?)");
    }
    QString outboxVerdict(const QString &) const override { return QStringLiteral("''"); }
    QString searchCondition() const override
    {
        return QStringLiteral("a.id IN (SELECT rowid FROM ad_fts WHERE ad_fts MATCH :search)");
    }
    QString searchArgument(const QString &userText) const override
    {
        QStringList terms = searchWords(userText);
        for (QString &term : terms)
            term = u'"' + term + QStringLiteral("\"*");
        return terms.join(u' ');
    }
};

} // namespace

std::unique_ptr<SqlDialect> SqlDialect::forDriver(const QString &driverName)
{
    if (driverName == QLatin1String("QPSQL"))
        return std::make_unique<PostgresDialect>();
    return std::make_unique<SqliteDialect>();
}

} // namespace Recup
