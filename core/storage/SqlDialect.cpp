// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/SqlDialect.h"

#include "domain/OutboxMail.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlValues.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    Status applyLoginRoles(QSqlDatabase &db, const QList<LoginRoleChange> &changes) const override
    {
        if (changes.isEmpty())
            return {};
        static const QRegularExpression valid(QStringLiteral("^[a-z][a-z0-9._-]{1,62}$"));
        QJsonArray names;
        bool passwords = false;
        for (const LoginRoleChange &change : changes) {
            // postgres, pg_*, recup_*…: never an agent's login, whoever asks (018).
            if (const auto refused = ReferenceRepository::loginError(change.login))
                return *refused;
            if (!valid.match(change.login).hasMatch()) {
                return Error{Error::Kind::Invalid,
                             tr("The login %1 is not valid: use 2 to 63 lower-case letters, "
                                "digits, dots, dashes or underscores, starting with a letter.")
                                     .arg(change.login),
                             {},
                             {}};
            }
            names.append(change.login);
            passwords = passwords || (change.enable && change.password);
        }
        const Result<QHash<QString, ExistingRole>> existing = existingRoles(db, names);
        if (!existing)
            return existing.error();
        QString algorithm;
        if (passwords) {
            QSqlQuery setting(db);
            if (!setting.exec(QStringLiteral("SELECT current_setting('password_encryption')"))
                || !setting.next())
                return databaseError(setting.lastError());
            algorithm = setting.value(0).toString();
        }
        QJsonArray steps;
        for (const LoginRoleChange &change : changes) {
            const auto found = existing->constFind(change.login);
            const bool known = found != existing->constEnd();
            // A role taken back must be an agent's and have no power of its own; one whose
            // groups only change may be the IT administrator's own (CREATEROLE, CREATEDB).
            if (known && (found->foreign || (change.enable && found->powers)))
                return foreignRole(change.login);
            if (!change.enable && !known) {
                if (change.ifExists)
                    continue;
                return Error{Error::Kind::NotFound,
                             tr("No database account is named %1: create it with "
                                "collectiv-recup-admin add-agent.")
                                     .arg(change.login),
                             {},
                             {}};
            }
            QJsonObject step{{QStringLiteral("login"), change.login}};
            if (change.enable) {
                step.insert(QStringLiteral("do"),
                            known ? QStringLiteral("alter") : QStringLiteral("create"));
                if (change.password) {
                    const Result<QString> verifier
                            = passwordVerifier(db, change.login, *change.password, algorithm);
                    if (!verifier)
                        return verifier.error();
                    step.insert(QStringLiteral("verifier"), *verifier);
                } else if (known && change.newAgent) {
                    step.insert(QStringLiteral("reset"), true);
                }
            }
            const QStringList had = known ? found->groups : QStringList();
            QJsonArray grant;
            for (const QString &group : change.groups) {
                if (!had.contains(group))
                    grant.append(group);
            }
            QJsonArray revoke;
            if (change.revokeOtherGroups || (known && change.newAgent)) {
                for (const char *name : {"recup_moderator", "recup_logistics", "recup_admin"}) {
                    const QString group = QString::fromLatin1(name);
                    if (had.contains(group) && !change.groups.contains(group))
                        revoke.append(group);
                }
            }
            if (!change.enable && grant.isEmpty() && revoke.isEmpty())
                continue;
            step.insert(QStringLiteral("grant"), grant);
            step.insert(QStringLiteral("revoke"), revoke);
            steps.append(step);
        }
        if (steps.isEmpty())
            return {};
        return runLoginSteps(db, steps);
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
    QString readOnlySnapshot() const override
    {
        return QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
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
    QString inIdList(const QString &column, const QString &placeholder) const override
    {
        return column + QStringLiteral(" = ANY (CAST(") + placeholder
               + QStringLiteral(" AS bigint[]))");
    }
    QVariant idList(const QList<qint64> &ids) const override
    {
        QStringList texts;
        texts.reserve(ids.size());
        for (qint64 id : ids)
            texts.append(QString::number(id));
        return QString(QLatin1Char('{') + texts.join(QLatin1Char(',')) + QLatin1Char('}'));
    }
    QString quantityLeft(const QString &adId) const override
    {
        return QStringLiteral("recup.ad_quantity_left(%1)").arg(adId);
    }
    QString firstPhotoKey(const QString &adId) const override
    {
        return QStringLiteral(
                       "(SELECT p.id FROM ad_photo p WHERE p.ad_id = %1 AND p.position = 0), "
                       "(SELECT p.version FROM ad_photo p WHERE p.ad_id = %1 "
                       "AND p.position = 0)")
                .arg(adId);
    }
    // Lower case: LISTEN channel names are case-sensitive for the driver (migration 005).
    QString referenceChangeChannel() const override { return QStringLiteral("recup_reference"); }
    QString moderationChannel() const override { return QStringLiteral("recup_moderation"); }
    QString secondsAgo(int seconds) const override
    {
        return QStringLiteral("(now() - make_interval(secs => %1))").arg(seconds);
    }
    QString exactTimeText(const QString &column) const override
    {
        return column + QStringLiteral("::text"); // microseconds, in the session's UTC
    }
    bool checksMail() const override { return true; }
    QString closedAds() const override { return QStringLiteral("recup.closed_ads(?, ?)"); }
    BoundStatement closedAdTotals(const QDateTime &from,
                                  const QDateTime &to,
                                  const QList<QDateTime> &monthStarts) const override
    {
        // The month starts as one timestamptz[] literal: "{2026-02-01T00:00:00.000Z,…}".
        QStringList starts;
        for (const QDateTime &start : monthStarts)
            starts.append(start.toUTC().toString(Qt::ISODateWithMs));
        return {QStringLiteral(
                        "SELECT * FROM recup.closed_ad_totals(?, ?, CAST(? AS timestamptz[]))"),
                {toDb(from), toDb(to), QString(u'{' + starts.join(u',') + u'}')}};
    }
    BoundStatement medianWaits(const QDateTime &from, const QDateTime &to) const override
    {
        return {QStringLiteral("SELECT * FROM recup.median_waits(?, ?)"), {toDb(from), toDb(to)}};
    }
    QString inactiveServices() const override
    {
        return QStringLiteral("recup.inactive_services()");
    }
    QString pickupRecipients() const override
    {
        return QStringLiteral("recup.pickup_recipients(?)");
    }
    QString isLogisticsStaff() const override
    {
        return QStringLiteral("recup.is_logistics_staff()");
    }
    QString outboxVerdict(const QString &idColumn) const override
    {
        return QStringLiteral("recup.outbox_row_verdict(") + idColumn + u')';
    }
    // The words go to recup.catalogue_query() (migration 021): French prefixes, and the known
    // words nearest to one that begins none (typos). Computed once per statement, not per row.
    QString searchCondition() const override
    {
        return QStringLiteral("a.search @@ (SELECT recup.catalogue_query(:search))");
    }
    QString searchArgument(const QString &userText) const override
    {
        return searchWords(userText).join(u' ');
    }
    QString searchMatches() const override
    {
        return QStringLiteral("recup.catalogue_matches(:search, :match_category, :match_service, "
                              ":match_organisation, :match_site, :probe) AS m(id)");
    }
    QString searchColumns() const override { return QStringLiteral(", a.search"); }
    QString categoryMayMatch() const override
    {
        return QStringLiteral(
                "recup.category_may_match(c.id, (SELECT recup.catalogue_query(:search)))");
    }
    // The wanted ads an approval matches (issue #13).
    Result<int>
    recordWantedMatches(QSqlDatabase &db, qint64 adId, qint64 /*historyId*/) const override
    {
        QSqlQuery query(db);
        if (!query.prepare(QStringLiteral("SELECT recup.match_wanted_ads(?)")))
            return databaseError(query.lastError());
        query.addBindValue(adId);
        if (!query.exec() || !query.next())
            return databaseError(query.lastError());
        return query.value(0).toInt();
    }
    Result<std::pair<int, int>> anonymisePersonalData(QSqlDatabase &db, int batch) const override
    {
        return anonymisingCall(db, QStringLiteral("recup.anonymise_personal_data(?)"), batch);
    }
    Result<std::pair<int, int>> anonymiseAgent(QSqlDatabase &db, qint64 agentId) const override
    {
        return anonymisingCall(db, QStringLiteral("recup.anonymise_agent(?)"), agentId);
    }
    static Result<std::pair<int, int>>
    anonymisingCall(QSqlDatabase &db, const QString &call, const QVariant &argument)
    {
        QSqlQuery query(db);
        if (!query.prepare(QStringLiteral("SELECT messages, mails FROM ") + call))
            return databaseError(query.lastError());
        query.addBindValue(argument);
        if (!query.exec() || !query.next())
            return databaseError(query.lastError());
        return std::pair{query.value(0).toInt(), query.value(1).toInt()};
    }
    // A leaving agent's ads handed over (issue #12).
    Result<int> handOverAds(QSqlDatabase &db,
                            qint64 fromAgentId,
                            qint64 toAgentId,
                            qint64 /*actorId: the session's agent*/) const override
    {
        QSqlQuery query(db);
        if (!query.prepare(QStringLiteral("SELECT recup.hand_over_ads(?, ?)")))
            return databaseError(query.lastError());
        query.addBindValue(fromAgentId);
        query.addBindValue(toAgentId);
        if (!query.exec() || !query.next())
            return databaseError(query.lastError());
        return query.value(0).toInt();
    }

private:
    // A role the changes name, as the server holds it.
    struct ExistingRole
    {
        // Not an agent's: not a member of recup_agent, or superuser, replication or bypassrls.
        bool foreign{false};
        // CREATEROLE or CREATEDB: never taken back as a login, only its groups changed.
        bool powers{false};
        // The application's groups it is directly a member of.
        QStringList groups;
    };

    // Every role among `names` in one query.
    static Result<QHash<QString, ExistingRole>> existingRoles(QSqlDatabase &db,
                                                              const QJsonArray &names)
    {
        QSqlQuery read(db);
        read.prepare(QStringLiteral(
                "SELECT r.rolname, r.rolsuper OR r.rolreplication OR r.rolbypassrls "
                "OR NOT pg_has_role(r.oid, 'recup_agent', 'MEMBER'), "
                "r.rolcreaterole OR r.rolcreatedb, "
                "(SELECT string_agg(g.rolname, ',') FROM pg_auth_members m "
                "JOIN pg_roles g ON g.oid = m.roleid WHERE m.member = r.oid AND g.rolname IN "
                "('recup_agent', 'recup_moderator', 'recup_logistics', 'recup_admin')) "
                "FROM pg_roles r "
                "WHERE r.rolname IN (SELECT jsonb_array_elements_text(CAST(? AS jsonb)))"));
        read.addBindValue(QString::fromUtf8(QJsonDocument(names).toJson(QJsonDocument::Compact)));
        if (!read.exec())
            return databaseError(read.lastError());
        QHash<QString, ExistingRole> roles;
        while (read.next()) {
            roles.insert(read.value(0).toString(),
                         ExistingRole{read.value(1).toBool(),
                                      read.value(2).toBool(),
                                      read.value(3).toString().split(u',', Qt::SkipEmptyParts)});
        }
        return roles;
    }

    static Error foreignRole(const QString &login)
    {
        return Error{Error::Kind::Invalid,
                     tr("A database account named %1 already exists and is not an agent's "
                        "account of Collectiv'Récup: choose another login.")
                             .arg(login),
                     {},
                     {{QStringLiteral("login"),
                       tr("This login is already a database account that is not an "
                          "agent's.")}}};
    }

    // Hashed here with the server's algorithm (SCRAM, as it is configured): the password itself
    // never travels to the server nor reaches its logs.
    static Result<QString> passwordVerifier(QSqlDatabase &db,
                                            const QString &login,
                                            const QString &password,
                                            const QString &algorithm)
    {
        const QVariant handle = db.driver()->handle();
        if (qstrcmp(handle.typeName(), "PGconn*") != 0
            && qstrcmp(handle.typeName(), "pg_conn*") != 0)
            return Error{Error::Kind::Database,
                         tr("No PostgreSQL connection."),
                         QString::fromLatin1(handle.typeName()),
                         {}};
        PGconn *conn = *static_cast<PGconn *const *>(handle.constData());
        char *hashed = PQencryptPasswordConn(conn,
                                             password.toUtf8().constData(),
                                             login.toUtf8().constData(),
                                             algorithm.toUtf8().constData());
        if (!hashed)
            return Error{Error::Kind::Database,
                         tr("The password could not be hashed."),
                         QString::fromUtf8(PQerrorMessage(conn)),
                         {}};
        const QString verifier = QString::fromUtf8(hashed);
        PQfreemem(hashed);
        return verifier;
    }

    // The steps as one DO block, which the server builds (format %L) around them: each role
    // created or taken back (checked again: a role that became foreign since the read is
    // refused), then each group granted to, and revoked from, all its logins in one statement.
    static Status runLoginSteps(QSqlDatabase &db, const QJsonArray &steps)
    {
        // Passed through format() once: %L is the steps, %% a percent sign of the block.
        static const QString block = QStringLiteral(
                "DECLARE steps CONSTANT jsonb := %L; step jsonb; grp text; logins text; "
                "BEGIN "
                "FOR step IN SELECT value FROM jsonb_array_elements(steps) LOOP "
                "IF step->>'do' = 'alter' AND EXISTS (SELECT 1 FROM pg_roles r "
                "WHERE r.rolname = step->>'login' AND (r.rolsuper OR r.rolcreaterole "
                "OR r.rolcreatedb OR r.rolreplication OR r.rolbypassrls "
                "OR NOT pg_has_role(r.oid, 'recup_agent', 'MEMBER'))) THEN "
                "RAISE EXCEPTION 'the role %% is not an agent''s', step->>'login' "
                "USING ERRCODE = 'duplicate_object'; "
                "END IF; "
                "IF step->>'do' IN ('create', 'alter') THEN "
                "EXECUTE format(upper(step->>'do') || ' ROLE %%I LOGIN' "
                "|| CASE WHEN step->>'verifier' IS NOT NULL THEN ' PASSWORD %%L' "
                "WHEN step->>'reset' IS NOT NULL THEN ' PASSWORD NULL' ELSE '' END, "
                "step->>'login', step->>'verifier'); "
                "END IF; "
                "END LOOP; "
                "FOR grp, logins IN SELECT e.name, string_agg(quote_ident(e.login), ', ') "
                "FROM (SELECT i.item->>'login' AS login, "
                "jsonb_array_elements_text(i.item->'grant') AS name "
                "FROM jsonb_array_elements(steps) AS i(item)) e GROUP BY e.name LOOP "
                "EXECUTE format('GRANT %%I TO %%s', grp, logins); "
                "END LOOP; "
                "FOR grp, logins IN SELECT e.name, string_agg(quote_ident(e.login), ', ') "
                "FROM (SELECT i.item->>'login' AS login, "
                "jsonb_array_elements_text(i.item->'revoke') AS name "
                "FROM jsonb_array_elements(steps) AS i(item)) e GROUP BY e.name LOOP "
                "EXECUTE format('REVOKE %%I FROM %%s', grp, logins); "
                "END LOOP; "
                "END");
        QSqlQuery build(db);
        build.prepare(
                QStringLiteral("SELECT format('DO %L', format(CAST(? AS text), CAST(? AS text)))"));
        build.addBindValue(block);
        build.addBindValue(QString::fromUtf8(QJsonDocument(steps).toJson(QJsonDocument::Compact)));
        if (!build.exec() || !build.next())
            return databaseError(build.lastError());
        const QString statement = build.value(0).toString();
        build.finish();
        QSqlQuery run(db);
        if (!run.exec(statement))
            return databaseError(run.lastError());
        return {};
    }
};

class SqliteDialect final : public SqlDialect
{
public:
    Status applyLoginRoles(QSqlDatabase &, const QList<LoginRoleChange> &) const override
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
    QString readOnlySnapshot() const override { return {}; }
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
    QString inIdList(const QString &column, const QString &placeholder) const override
    {
        return column + QStringLiteral(" IN (SELECT value FROM json_each(") + placeholder
               + QStringLiteral("))");
    }
    QVariant idList(const QList<qint64> &ids) const override
    {
        QStringList texts;
        texts.reserve(ids.size());
        for (qint64 id : ids)
            texts.append(QString::number(id));
        return QString(QLatin1Char('[') + texts.join(QLatin1Char(',')) + QLatin1Char(']'));
    }
    QString quantityLeft(const QString &adId) const override
    {
        return QStringLiteral("((SELECT q.quantity FROM ad q WHERE q.id = %1) - "
                              "(SELECT coalesce(sum(r.quantity), 0) FROM ad_reservation r "
                              "WHERE r.ad_id = %1 AND r.state IN ('held', 'exchanged')))")
                .arg(adId);
    }
    QString firstPhotoKey(const QString &adId) const override
    {
        // INDEXED BY: the unique (ad_id, position) index would win, and it holds no version.
        return QStringLiteral("(SELECT p.id FROM ad_photo p INDEXED BY ad_photo_key_idx "
                              "WHERE p.ad_id = %1 AND p.position = 0), "
                              "(SELECT p.version FROM ad_photo p INDEXED BY ad_photo_key_idx "
                              "WHERE p.ad_id = %1 AND p.position = 0)")
                .arg(adId);
    }
    QString referenceChangeChannel() const override { return {}; }
    QString moderationChannel() const override { return {}; }
    QString secondsAgo(int seconds) const override
    {
        return QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-%1 seconds')").arg(seconds);
    }
    QString exactTimeText(const QString &column) const override { return column; }
    bool checksMail() const override { return false; }
    QString inactiveServices() const override
    {
        return QStringLiteral("(SELECT s.id AS service_id FROM service s "
                              "WHERE NOT EXISTS (SELECT 1 FROM ad a WHERE a.service_id = s.id) "
                              "AND NOT EXISTS (SELECT 1 FROM ad a "
                              "WHERE a.receiving_service_id = s.id) "
                              "AND NOT EXISTS (SELECT 1 FROM ad_reservation r "
                              "WHERE r.service_id = s.id AND r.state = 'exchanged'))");
    }
    QString isLogisticsStaff() const override { return QStringLiteral("1 = 1"); }
    QString pickupRecipients() const override
    {
        return QStringLiteral("(SELECT g.display_name, g.email FROM pickup p "
                              "JOIN agent g ON g.service_id IN (p.giving_service_id, "
                              "p.receiving_service_id) WHERE p.id = ? AND g.active)");
    }
    BoundStatement closedAdTotals(const QDateTime &from,
                                  const QDateTime &to,
                                  const QList<QDateTime> &monthStarts) const override
    {
        // PostgreSQL's closed_ad_totals() (migration 013): SQLite has no GROUPING SETS, so
        // the facts are summed three times over, and the month is a chain of comparisons.
        BoundStatement statement;
        QString month = QStringLiteral("0");
        if (!monthStarts.isEmpty()) {
            month = QStringLiteral("CASE");
            for (qsizetype i = 0; i < monthStarts.size(); ++i) {
                month += QStringLiteral(" WHEN a.closed_at < ? THEN %1").arg(i);
                statement.values.append(toDb(monthStarts.at(i)));
            }
            month += QStringLiteral(" ELSE %1 END").arg(monthStarts.size());
        }
        statement.values.append(toDb(from));
        statement.values.append(toDb(to));
        const QString sums = QStringLiteral(
                "count(*), sum(quantity), sum(value_cents), sum(weight), sum(estimated)");
        statement.sql
                = QStringLiteral(
                          "WITH facts AS (SELECT a.close_reason, a.category_id, a.service_id, "
                          "a.receiving_service_id, a.quantity, a.value_cents, "
                          "a.weight_grams AS weight, "
                          "CASE WHEN a.weight_estimated THEN a.weight_grams ELSE 0 END "
                          "AS estimated, "
                          "%1 AS month FROM closed_fact a "
                          "WHERE a.closed_at >= ? AND a.closed_at < ?) "
                          "SELECT 0, close_reason, month, NULL, NULL, NULL, %2 FROM facts "
                          "GROUP BY close_reason, month "
                          "UNION ALL SELECT 1, close_reason, NULL, category_id, NULL, NULL, %2 "
                          "FROM facts GROUP BY close_reason, category_id "
                          "UNION ALL SELECT 2, close_reason, NULL, NULL, service_id, "
                          "receiving_service_id, %2 FROM facts "
                          "GROUP BY close_reason, service_id, receiving_service_id")
                          .arg(month, sums);
        return statement;
    }
    BoundStatement medianWaits(const QDateTime &from, const QDateTime &to) const override
    {
        // Waits in whole milliseconds (julianday's doubles would turn 3600 s into 3599.99…);
        // the median is the mean of the middle one or two, found by LIMIT and OFFSET.
        const QString median
                = QStringLiteral("(SELECT avg(ms) / 1000.0 FROM (SELECT ms FROM %1 ORDER BY ms "
                                 "LIMIT 2 - (SELECT count(*) FROM %1) % 2 "
                                 "OFFSET ((SELECT count(*) FROM %1) - 1) / 2))");
        return {QStringLiteral(
                        "WITH taker AS (SELECT round((julianday(closed_at) "
                        "- julianday(published_at)) * 86400000.0) AS ms FROM closed_fact "
                        "WHERE closed_at >= ? AND closed_at < ? "
                        "AND close_reason = 'exchanged' AND published_at IS NOT NULL), "
                        "decision AS (SELECT round((julianday(at) - julianday(pending_since)) "
                        "* 86400000.0) AS ms FROM ad_history "
                        "WHERE action IN ('approve', 'reject') AND at >= ? AND at < ? "
                        "AND pending_since IS NOT NULL) "
                        "SELECT (SELECT count(*) FROM taker), %1, "
                        "(SELECT count(*) FROM decision), %2")
                        .arg(median.arg(QStringLiteral("taker")),
                             median.arg(QStringLiteral("decision"))),
                {toDb(from), toDb(to), toDb(from), toDb(to)}};
    }
    QString closedAds() const override
    {
        // Whole ads and exchanged parts alike (migration 020's view).
        return QStringLiteral("(SELECT * FROM closed_fact WHERE closed_at >= ? AND closed_at < ?)");
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
    // The wanted ads an approval matches (issue #13).
    // As recup.anonymise_personal_data() and recup.anonymise_agent() (028): the same rows,
    // the same French sentences.
    Result<std::pair<int, int>> anonymisePersonalData(QSqlDatabase &db, int batch) const override
    {
        const QString cutoff
                = QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (SELECT months FROM "
                                 "retention_policy) || ' months')");
        const QString why = QStringLiteral(
                "'[message effacé après ' || (SELECT months FROM retention_policy) "
                "|| ' mois de conservation]'");
        QSqlQuery messages(db);
        if (!messages.prepare(QStringLiteral("UPDATE contact_request SET message = ") + why
                              + QStringLiteral(", anonymised_at = ") + now()
                              + QStringLiteral(" WHERE id IN (SELECT id FROM contact_request "
                                               "WHERE anonymised_at IS NULL AND created_at < ")
                              + cutoff + QStringLiteral(" ORDER BY created_at, id LIMIT ?)")))
            return databaseError(messages.lastError());
        messages.addBindValue(batch);
        if (!messages.exec())
            return databaseError(messages.lastError());
        // SQLite counts the connection's last statement: read it before the next one.
        const int messagesDone = messages.numRowsAffected();
        QSqlQuery mails(db);
        if (!mails.prepare(
                    anonymisedMailUpdate(why)
                    + QStringLiteral("id IN (SELECT id FROM outbox WHERE anonymised_at IS "
                                     "NULL AND state IN ('sent', 'failed') AND created_at < ")
                    + cutoff + QStringLiteral(" ORDER BY created_at, id LIMIT ?)")))
            return databaseError(mails.lastError());
        mails.addBindValue(batch);
        if (!mails.exec())
            return databaseError(mails.lastError());
        return std::pair{messagesDone, mails.numRowsAffected()};
    }
    Result<std::pair<int, int>> anonymiseAgent(QSqlDatabase &db, qint64 agentId) const override
    {
        // As recup.anonymise_agent() (028), refusals and all; SQLite has no roles to check.
        const QString trimmed = QStringLiteral("lower(trim(%1, ' ' || char(9, 13, 10)))");
        QSqlQuery read(db);
        read.prepare(QStringLiteral("SELECT %1, active, anonymised_at IS NOT NULL, EXISTS (SELECT "
                                    "1 FROM ad d WHERE d.owner_id = agent.id AND d.state IN "
                                    "('pending', 'published', 'reserved')) FROM agent WHERE id = ?")
                             .arg(trimmed.arg(QStringLiteral("email"))));
        read.addBindValue(agentId);
        if (!read.exec())
            return databaseError(read.lastError());
        if (!read.next())
            return Error{Error::Kind::NotFound, {}, QStringLiteral("anonymise-unknown-agent"), {}};
        const QString oldEmail = read.value(0).toString();
        if (read.value(2).toBool())
            return std::pair{0, 0};
        if (read.value(1).toBool())
            return Error{Error::Kind::Invalid, {}, QStringLiteral("anonymise-active-agent"), {}};
        if (read.value(3).toBool())
            return Error{Error::Kind::Invalid, {}, QStringLiteral("anonymise-open-ads"), {}};
        read.finish();
        if (!oldEmail.isEmpty()) {
            QSqlQuery shared(db);
            shared.prepare(QStringLiteral("SELECT count(*) FROM agent WHERE id <> ? AND %1 = ?")
                                   .arg(trimmed.arg(QStringLiteral("email"))));
            shared.addBindValue(agentId);
            shared.addBindValue(oldEmail);
            if (!shared.exec() || !shared.next())
                return databaseError(shared.lastError());
            if (shared.value(0).toInt() > 0)
                return Error{
                        Error::Kind::Invalid, {}, QStringLiteral("anonymise-email-shared"), {}};
        }
        QSqlQuery agent(db);
        agent.prepare(
                QStringLiteral("UPDATE agent SET display_name = 'Agent anonymisé n° ' || id, login "
                               "= 'anonyme-' || id, email = 'anonyme-' || id || "
                               "'@anonyme.invalid', phone = '', active = 0, anonymised_at = %1, "
                               "version = version + 1 WHERE id = ?")
                        .arg(now()));
        agent.addBindValue(agentId);
        if (!agent.exec())
            return databaseError(agent.lastError());
        const QString why = QStringLiteral("'[message effacé : agent anonymisé]'");
        QSqlQuery messages(db);
        messages.prepare(QStringLiteral("UPDATE contact_request SET message = ") + why
                         + QStringLiteral(", anonymised_at = ") + now()
                         + QStringLiteral(" WHERE requester_id = ? AND anonymised_at IS NULL"));
        messages.addBindValue(agentId);
        if (!messages.exec())
            return databaseError(messages.lastError());
        const int messagesDone = messages.numRowsAffected();
        // One address a line, compared as outbox_verdict does: theirs alone, or among others.
        QSqlQuery candidates(db);
        candidates.prepare(QStringLiteral("SELECT id, recipients, author_id IS ? FROM outbox WHERE "
                                          "anonymised_at IS NULL AND (author_id IS ? OR (? <> '' "
                                          "AND instr(lower(recipients), ?) > 0))"));
        candidates.addBindValue(agentId);
        candidates.addBindValue(agentId);
        candidates.addBindValue(oldEmail);
        candidates.addBindValue(oldEmail);
        if (!candidates.exec())
            return databaseError(candidates.lastError());
        QStringList whole;
        QList<std::pair<qint64, QString>> others;
        while (candidates.next()) {
            const QString recipients = candidates.value(1).toString();
            const AddressShare share = addressShare(recipients, oldEmail);
            if (candidates.value(2).toBool() || share == AddressShare::Alone) {
                whole.append(candidates.value(0).toString());
            } else if (share == AddressShare::Among) {
                QStringList kept;
                for (const QString &line : recipients.split(u'\n'))
                    if (comparedAddress(line) != oldEmail)
                        kept.append(line);
                others.append({candidates.value(0).toLongLong(), kept.join(u'\n')});
            }
        }
        candidates.finish();
        int mailsDone = 0;
        if (!whole.isEmpty()) {
            QSqlQuery mails(db);
            if (!mails.exec(anonymisedMailUpdate(why, true) + QStringLiteral("id IN (")
                            + whole.join(u',') + u')'))
                return databaseError(mails.lastError());
            mailsDone = mails.numRowsAffected();
        }
        for (const auto &[id, recipients] : others) {
            QSqlQuery line(db);
            line.prepare(QStringLiteral("UPDATE outbox SET recipients = ? WHERE id = ?"));
            line.addBindValue(recipients);
            line.addBindValue(id);
            if (!line.exec())
                return databaseError(line.lastError());
        }
        return std::pair{messagesDone, mailsDone};
    }
    // "UPDATE outbox SET <personal parts emptied> WHERE ", as recup.anonymised_mail() (028);
    // failing: a queued or claimed mail is failed, never sent (an agent's anonymisation).
    QString anonymisedMailUpdate(const QString &why, bool failing = false) const
    {
        return QStringLiteral("UPDATE outbox SET recipients = '[destinataires effacés]', rfc5322 = "
                              "CAST('Subject: [contenu effacé]' || char(13, 10) || 'Content-Type: "
                              "text/plain; charset=UTF-8' || char(13, 10) || "
                              "'Content-Transfer-Encoding: 8bit' || char(13, 10, 13, 10) || ")
               + why
               + QStringLiteral(" || char(13, 10) AS BLOB), last_error = CASE WHEN last_error = "
                                "'' THEN '' ELSE '[effacé]' END, ")
               + (failing ? QStringLiteral("refusal = CASE WHEN state IN ('queued', 'sending') "
                                           "THEN 'agent anonymisé' WHEN refusal = '' THEN '' ELSE "
                                           "'[effacé]' END, state = CASE WHEN state = 'sent' THEN "
                                           "'sent' ELSE 'failed' END, claimed_by = NULL, "
                                           "claimed_until = NULL, ")
                          : QStringLiteral("refusal = CASE WHEN refusal = '' THEN '' ELSE "
                                           "'[effacé]' END, "))
               + QStringLiteral("anonymised_at = ") + now() + QStringLiteral(" WHERE ");
    }
    Result<int> recordWantedMatches(QSqlDatabase &db, qint64 adId, qint64 historyId) const override
    {
        QSqlQuery query(db);
        if (!query.prepare(
                    QStringLiteral("INSERT INTO wanted_match (wanted_id, ad_id, history_id) "
                                   "SELECT w.id, a.id, ? FROM wanted_ad w JOIN ad a ON a.id = ? "
                                   "WHERE w.state = 'open' AND w.expires_at > ")
                    + now()
                    + QStringLiteral(" AND w.author_id <> a.owner_id "
                                     "AND (w.category_id = a.category_id OR (w.match_query <> '' "
                                     "AND a.id IN (SELECT rowid FROM ad_fts "
                                     "WHERE ad_fts MATCH w.match_query))) "
                                     "ON CONFLICT (wanted_id, ad_id) DO NOTHING")))
            return databaseError(query.lastError());
        query.addBindValue(historyId);
        query.addBindValue(adId);
        if (!query.exec())
            return databaseError(query.lastError());
        return query.numRowsAffected();
    }
    QString searchMatches() const override
    {
        return QStringLiteral(
                "(SELECT a.id FROM ad a "
                "WHERE a.id IN (SELECT rowid FROM ad_fts WHERE ad_fts MATCH :search) "
                "AND a.state IN ('published', 'reserved') "
                "AND (:match_category IS NULL OR a.category_id = :match_category) "
                "AND (:match_service IS NULL OR a.service_id = :match_service) "
                "AND (:match_organisation IS NULL OR a.service_id IN "
                "(SELECT x.id FROM service x WHERE x.organisation_id = :match_organisation)) "
                "AND (:match_site IS NULL OR a.site_id = :match_site) LIMIT :probe) AS m");
    }
    QString searchColumns() const override { return {}; }
    QString categoryMayMatch() const override { return {}; }
    // A leaving agent's ads handed over (issue #12).
    Result<int> handOverAds(QSqlDatabase &db,
                            qint64 fromAgentId,
                            qint64 toAgentId,
                            qint64 actorId) const override
    {
        // The ads are chosen before the first row's trigger moves one: the triggers update the
        // table the selection reads.
        QSqlQuery query(db);
        if (!query.prepare(QStringLiteral(
                    "WITH open_ad AS MATERIALIZED ("
                    "SELECT a.id FROM ad a WHERE a.owner_id = ? AND a.state <> 'closed' "
                    "AND NOT EXISTS (SELECT 1 FROM pickup p WHERE p.ad_id = a.id "
                    "AND p.purpose = 'store' AND p.status IN ('requested', 'planned', "
                    "'picked_up'))) "
                    "INSERT INTO ad_handover (ad_id, from_agent_id, to_agent_id, actor_id) "
                    "SELECT id, ?, ?, ? FROM open_ad ORDER BY id")))
            return databaseError(query.lastError());
        query.addBindValue(fromAgentId);
        query.addBindValue(fromAgentId);
        query.addBindValue(toAgentId);
        query.addBindValue(actorId > 0 ? QVariant(actorId)
                                       : QVariant(QMetaType::fromType<qint64>()));
        if (!query.exec())
            return databaseError(query.lastError());
        return query.numRowsAffected();
    }
};

} // namespace

QStringList SqlDialect::searchWordsOf(const QString &userText)
{
    return searchWords(userText);
}

std::unique_ptr<SqlDialect> SqlDialect::forDriver(const QString &driverName)
{
    if (driverName == QLatin1String("QPSQL"))
        return std::make_unique<PostgresDialect>();
    return std::make_unique<SqliteDialect>();
}

} // namespace Recup
