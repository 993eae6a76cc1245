// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>
#include <utility>

namespace Recup {

// A statement and the values of its placeholders, in order.
struct BoundStatement
{
    QString sql;
    QVariantList values;
};

// What one person's login role becomes (SqlDialect::applyLoginRoles).
struct LoginRoleChange
{
    QString login;
    // Created, or an agent's existing role taken back (an agent who left and returns), able to
    // log in; else the role must exist, and only its groups change.
    bool enable{false};
    // With enable: hashed on this computer (the password never travels); none keeps the
    // role's (single sign-on for a new one).
    std::optional<QString> password;
    // The application's groups it is to be in; those it lacks are granted.
    QStringList groups;
    // recup_moderator, recup_logistics and recup_admin outside `groups` revoked (never
    // recup_agent): the roles were given, and these are no longer among them.
    bool revokeOtherGroups{false};
    // Without enable: nothing is done when no such role exists.
    bool ifExists{false};
    // With enable: the role is for an agent row not yet written (add-agent, an import's new
    // row). An existing role of that name is nobody's now (an anonymised agent's, a deleted
    // row's): without a new password its old one is removed (PASSWORD NULL), and its
    // application groups become exactly `groups`, so that the person who had it does not log
    // in as the newcomer.
    bool newAgent{false};
};

// The one seam between PostgreSQL and SQLite. Repositories write portable SQL and ask the
// dialect for the few pieces that differ; nothing else says "if postgres".
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;
    static std::unique_ptr<SqlDialect> forDriver(const QString &driverName);

    virtual QString name() const = 0;       // "postgresql", "sqlite": also the sql/ folder
    virtual QString driverName() const = 0; // "QPSQL", "QSQLITE"
    virtual Status prepareSession(QSqlDatabase &db) const = 0; // time zone, search path, pragmas

    // Migration scripts: how one file splits into statements the driver can run.
    virtual QStringList splitScript(const QString &script) const = 0;
    // Taken inside each migration transaction so that two installers never race.
    virtual QString migrationLockStatement() const = 0;
    virtual bool hasSchemaVersionTable(QSqlDatabase &db) const = 0;

    // "FOR UPDATE" where rows can be locked, empty where the whole file is locked.
    virtual QString forUpdate() const = 0;
    // Same, skipping rows another session holds (outbox claiming).
    virtual QString forUpdateSkipLocked() const = 0;
    // The statement making the transaction just begun one read-only snapshot (an export read
    // in several statements); empty where a transaction already is one (SQLite).
    virtual QString readOnlySnapshot() const = 0;
    // Current time as an SQL expression, in the stored representation.
    virtual QString now() const = 0;

    // Times are UTC: timestamptz on PostgreSQL, ISO-8601 text with milliseconds on SQLite.
    virtual QVariant toDb(const QDateTime &time) const = 0;
    virtual QDateTime fromDb(const QVariant &value) const = 0;

    // What the server needs to check and record a write of an ad (PostgreSQL's ad_guard
    // trigger). SQLite has no such guard: the repository records history itself there.
    struct ActionContext
    {
        QString action;    // lifecycle action key, empty for a plain edit
        QString actorKind; // owner / moderator / system
        qint64 actorId = 0;
        QString reason;
        QDateTime at; // honoured for administrators' sessions only (demo data)
    };
    virtual Status setActionContext(QSqlDatabase &db, const ActionContext &context) const = 0;
    virtual bool writesHistoryItself() const = 0;
    // False when the connection is known to be dead (the server ended the session or closed
    // the socket), found without a round trip and without waiting: what arrived unasked on the
    // socket is read, never waited for.
    virtual bool connectionAlive(const QSqlDatabase &db) const = 0;
    // The € value as the session may read it: agents only see their own ads' values.
    virtual QString valueColumn() const = 0;
    // What is left of the lot `adId` (an SQL expression naming the ad's id) once its held and
    // exchanged parts are taken away, as anyone who sees the ad may read it (migration 020).
    virtual QString quantityLeft(const QString &adId) const = 0;
    // Two columns of a select list: the id and the version of the first photo of the ad `adId`
    // (NULL without one), read from the index ad_photo_key_idx alone (migration 029). SQLite
    // keeps a row's columns in order, the version after the photo's bytes: read from the table
    // it would walk every page of the JPEG, and as a join it scans them all for a Bloom filter.
    virtual QString firstPhotoKey(const QString &adId) const = 0;
    // A condition: `column` is one of the ids bound to `placeholder` as idList() makes them, so
    // that a list of any length is one statement (PostgreSQL: = ANY of a bigint[]; SQLite: IN
    // the rows of json_each).
    virtual QString inIdList(const QString &column, const QString &placeholder) const = 0;
    virtual QVariant idList(const QList<qint64> &ids) const = 0;
    // The notification channel on which reference data changes are announced; empty where
    // the backend has none (the reference cache then polls).
    virtual QString referenceChangeChannel() const = 0;
    // The channel on which the moderation queue's changes are announced (migration 016: a new
    // pending ad, a decision, a claim); empty where the backend has none (the window polls).
    virtual QString moderationChannel() const = 0;
    // The time `seconds` ago as an SQL expression, in the stored representation.
    virtual QString secondsAgo(int seconds) const = 0;
    // A time column as text holding every digit the database keeps, for a keyset cursor that
    // must compare equal to the row it came from.
    virtual QString exactTimeText(const QString &column) const = 0;
    // Whether the database keeps the platform's mail identity (mail_policy) and checks every
    // outbox row against the action that caused it (migration 007).
    virtual bool checksMail() const = 0;
    // The database's verdict on an outbox row, as an expression over its id column: "" when
    // the row follows from its action, else a code (007_mail_from_actions.sql). "''" where the
    // database has no such check.
    virtual QString outboxVerdict(const QString &idColumn) const = 0;
    // The facts of the ads closed in [?, ?) as a FROM item with the columns ad_id,
    // close_reason, closed_at, category_id, service_id, receiving_service_id, quantity,
    // value_cents, weight_grams (given, else estimated) and weight_estimated (migration 010):
    // PostgreSQL's moderator-only function, a subquery on SQLite.
    virtual QString closedAds() const = 0;
    // The ads closed in [from, to) summed three ways in one statement (migration 013), rows of:
    // grouping (0: per reason and month, 1: per reason and category, 2: per reason, giving
    // and receiving service), close_reason, month, category_id, service_id,
    // receiving_service_id (NULL where not grouped), ads, quantity, value_cents, weight_grams,
    // estimated_grams. month is 0 before monthStarts[0], i from monthStarts[i - 1] on.
    // PostgreSQL: a moderator-only function; SQLite: the same sums on the tables.
    virtual BoundStatement closedAdTotals(const QDateTime &from,
                                          const QDateTime &to,
                                          const QList<QDateTime> &monthStarts) const = 0;
    // One row over [from, to): the exchanges closed then (published ones), the median seconds
    // from publication to the taker, the decisions taken then, the median seconds from
    // sending to moderation to the decision; a median is NULL when nothing was measured.
    virtual BoundStatement medianWaits(const QDateTime &from, const QDateTime &to) const = 0;
    // The services that never posted an ad nor received an exchange, as a FROM item with the
    // column service_id.
    virtual QString inactiveServices() const = 0;
    // Whom the mails of transport ? go to, the active agents of its two services, as a FROM
    // item with display_name and email (migration 014). PostgreSQL: the logistics service's
    // function (addresses are not every agent's to read).
    virtual QString pickupRecipients() const = 0;
    // A boolean expression: whether the session's login carries out transports (logistics
    // staff, moderators, administrators; recup.is_logistics_staff() of migration 014). True on
    // SQLite, which has no logins.
    virtual QString isLogisticsStaff() const = 0;

    // People's login roles (PostgreSQL): created or re-enabled with their groups, disabled when
    // they leave, never dropped (history keeps their name). No-ops on SQLite, whose roles are
    // the agent's flags.
    // A whole file of them in a few round trips: every role the changes name read in one query
    // (an existing one is taken back only when it is an agent's: a member of recup_agent with
    // no power of its own), then every CREATE, ALTER, GRANT and REVOKE in one DO block, the
    // names and the password verifiers quoted by the server (format %I, %L).
    virtual Status applyLoginRoles(QSqlDatabase &db,
                                   const QList<LoginRoleChange> &changes) const = 0;
    virtual Status disableLogin(QSqlDatabase &db, const QString &login) const = 0;
    // One row: the session's agent id, then whether it is a moderator, logistics, admin.
    // Empty where the database has no notion of who is connected (SQLite).
    virtual QString sessionIdentityQuery() const = 0;

    // Full-text search: a condition on the ad alias "a" with the placeholder ":search",
    // and the value to bind for what the user typed (empty when nothing searchable remains).
    virtual QString searchCondition() const = 0;
    virtual QString searchArgument(const QString &userText) const = 0;
    // The words of what the user typed that a search reads (letters and digits, two at least).
    static QStringList searchWordsOf(const QString &userText);
    // At most :probe ads (column "id") of the catalogue (published or reserved) matching
    // :search, within :match_category, :match_service, :match_organisation and :match_site
    // where they are not NULL, in no order, as a FROM item: found through the text index
    // whatever the session's row-level security (PostgreSQL's recup.catalogue_matches(),
    // migration 021; the FTS5 table on SQLite).
    virtual QString searchMatches() const = 0;
    // What searchCondition() reads of the ad besides its id, as a list to append to the
    // columns of a subquery of ad aliased "a" (", a.search"; nothing on SQLite).
    virtual QString searchColumns() const = 0;
    // A condition on the category alias "c": whether some ad of it may match :search, to skip a
    // category where nothing can (PostgreSQL: the lexemes of its published ads, migration
    // 021); empty where the backend cannot tell (SQLite).
    virtual QString categoryMayMatch() const = 0;

    // A leaving agent's ads (issue #12, migration 016): hands every open ad of fromAgentId (not
    // closed, not on its way to the store) to toAgentId, with their service, in the caller's
    // transaction; returns how many moved. Each ad gets a 'handover' step in its history, written
    // by the database. PostgreSQL: recup.hand_over_ads(), which names the session's agent as the
    // actor (actorId unused) and refuses with the hints handover-same-agent / -inactive-agent /
    // -unknown-agent; SQLite: one ad_handover row per ad, whose triggers move it and RAISE
    // handover-same-agent / -inactive-agent / -not-open. The driver's error is returned as it is.
    virtual Result<int>
    handOverAds(QSqlDatabase &db, qint64 fromAgentId, qint64 toAgentId, qint64 actorId) const = 0;

    // Wanted ads (issue #13, migration 023): in the transaction of the ad's approval (history
    // row historyId), one wanted_match row for each open wanted ad in date of another agent
    // that the ad matches (same category, or every keyword in the ad's title and description);
    // returns how many were written. PostgreSQL: recup.match_wanted_ads(), which checks the
    // approval is the session's and finds its step itself (historyId unused), matching the
    // keywords with plainto_tsquery('recup.fr'); SQLite: the wanted ad's FTS5 match_query.
    virtual Result<int>
    recordWantedMatches(QSqlDatabase &db, qint64 adId, qint64 historyId) const = 0;

    // Personal data (issue #14, migration 028), in the caller's transaction; both return how
    // many {contact messages, mails} lost their personal parts. One batch of the retention
    // round: at most `batch` contact messages and `batch` sent or refused mails older than
    // retention_policy.months, oldest first. An inactive agent anonymised: name « Agent
    // anonymisé n° ID », login, email and phone, the messages they wrote and the sent or refused
    // mails they wrote or received; refused with the hints anonymise-active-agent /
    // -unknown-agent. PostgreSQL: recup.anonymise_personal_data() and recup.anonymise_agent()
    // (administrators only); SQLite: the same statements.
    virtual Result<std::pair<int, int>> anonymisePersonalData(QSqlDatabase &db,
                                                              int batch) const = 0;
    virtual Result<std::pair<int, int>> anonymiseAgent(QSqlDatabase &db, qint64 agentId) const = 0;
};

} // namespace Recup
