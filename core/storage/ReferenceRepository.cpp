// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ReferenceRepository.h"

#include "domain/UserText.h"

#include "storage/AgentLogins.h"
#include "storage/ConnectionErrors.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlValues.h"
#include "storage/Transaction.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

namespace {

const QString agentColumns = QStringLiteral(
        "id, login, display_name, email, phone, service_id, is_moderator, is_logistics, is_admin, "
        "active, version");

Agent readAgent(const QSqlQuery &q)
{
    Agent agent;
    agent.id = q.value(0).toLongLong();
    agent.login = q.value(1).toString();
    agent.displayName = q.value(2).toString();
    agent.email = q.value(3).toString();
    agent.phone = q.value(4).toString();
    agent.serviceId = q.value(5).toLongLong();
    agent.roles = Role::Agent;
    if (q.value(6).toBool())
        agent.roles |= Role::Moderator;
    if (q.value(7).toBool())
        agent.roles |= Role::Logistics;
    if (q.value(8).toBool())
        agent.roles |= Role::Admin;
    agent.active = q.value(9).toBool();
    agent.version = q.value(10).toLongLong();
    return agent;
}

Category readCategory(const QSqlQuery &q)
{
    Category c;
    c.id = q.value(0).toLongLong();
    c.code = q.value(1).toString();
    c.name = q.value(2).toString();
    c.defaultUnitWeightGrams = q.value(3).toLongLong();
    c.excluded = q.value(4).toBool();
    c.excludedMessage = q.value(5).toString();
    c.expiryDays = q.value(6).toInt();
    if (!q.value(7).isNull())
        c.co2eGramsPerKg = q.value(7).toInt();
    c.co2eSource = q.value(8).toString();
    c.family = productFamilyFromKey(q.value(9).toString()).value_or(ProductFamily::Other);
    c.active = q.value(10).toBool();
    c.warningWords = splitWarningWords(q.value(11).toString());
    c.version = q.value(12).toLongLong();
    return c;
}

const QString categoryColumns
        = QStringLiteral("id, code, name, default_unit_weight_g, excluded, excluded_message, "
                         "expiry_days, co2e_g_per_kg, co2e_source, product_family, active, "
                         "warning_words, version");

// Runs a constant statement (no parameter, nothing typed by anyone) and reads every row with
// `read`: executed at once, one round trip, where the driver's PREPARE/EXECUTE/DEALLOCATE
// would take three.
template<typename T, typename Read>
Result<QList<T>> readAll(QSqlDatabase db, const QString &sql, Read read)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql))
        return databaseError(query.lastError());
    QList<T> rows;
    while (query.next())
        rows.append(read(query));
    return rows;
}

template<typename T, typename Read>
Result<T> readOne(QSqlDatabase db,
                  const QString &sql,
                  const QVariant &key,
                  Read read,
                  const QString &notFound)
{
    QSqlQuery query(db);
    if (!query.prepare(sql))
        return databaseError(query.lastError());
    query.bindValue(0, key);
    if (!query.exec())
        return databaseError(query.lastError());
    if (!query.next())
        return Error{Error::Kind::NotFound, notFound, {}, {}};
    return read(query);
}

// Binds the values in order and returns the id the database gave the new row.
Result<qint64> insertReturningId(QSqlDatabase db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    if (!query.prepare(sql + QStringLiteral(" RETURNING id")))
        return databaseError(query.lastError());
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec() || !query.next())
        return databaseError(query.lastError());
    return query.value(0).toLongLong();
}

// The database's refusal of an active row under a deactivated parent (migration 019), said
// under the field that names the parent.
std::optional<Error> parentRefusal(const Error &error, const QString &field)
{
    if (!error.detail.contains(QLatin1String("-inactive-organisation")))
        return std::nullopt;
    const QString message = ReferenceRepository::tr("This organisation is no longer active: "
                                                    "choose an active one, or reactivate it "
                                                    "first.");
    return Error{Error::Kind::Invalid, message, error.detail, {{field, message}}};
}

template<typename T>
Result<T> parentChecked(Result<T> result, const QString &field)
{
    if (!result) {
        if (auto refused = parentRefusal(result.error(), field))
            return *refused;
    }
    return result;
}

// Defined with the editing of reference data, at the end of this file.
std::optional<Error> checkedForSave(Database &db,
                                    ReferenceRepository::Table table,
                                    const QString &code,
                                    qint64 id,
                                    std::optional<Error> refused);

} // namespace

ReferenceRepository::ReferenceRepository(Database &db)
    : m_db(db)
{}

Result<QList<Organisation>> ReferenceRepository::organisations() const
{
    return readAll<Organisation>(
            m_db.connection(),
            QStringLiteral(
                    "SELECT id, code, name, active, version FROM organisation ORDER BY name"),
            [](const QSqlQuery &q) {
                return Organisation{q.value(0).toLongLong(),
                                    q.value(1).toString(),
                                    q.value(2).toString(),
                                    q.value(3).toBool(),
                                    q.value(4).toLongLong()};
            });
}

namespace {
const QString serviceColumns = QStringLiteral("id, organisation_id, code, name, active, version");
Service readService(const QSqlQuery &q)
{
    return Service{q.value(0).toLongLong(),
                   q.value(1).toLongLong(),
                   q.value(2).toString(),
                   q.value(3).toString(),
                   q.value(4).toBool(),
                   q.value(5).toLongLong()};
}
} // namespace

Result<QList<Service>> ReferenceRepository::services() const
{
    return readAll<Service>(m_db.connection(),
                            QStringLiteral("SELECT ") + serviceColumns
                                    + QStringLiteral(" FROM service ORDER BY name"),
                            readService);
}

Result<QList<Site>> ReferenceRepository::sites() const
{
    return readAll<Site>(m_db.connection(),
                         QStringLiteral("SELECT id, organisation_id, code, name, address, "
                                        "postal_code, city, active, store_service_id, "
                                        "store_keeper_id, version FROM site ORDER BY name"),
                         [](const QSqlQuery &q) {
                             return Site{q.value(0).toLongLong(),
                                         q.value(1).toLongLong(),
                                         q.value(2).toString(),
                                         q.value(3).toString(),
                                         q.value(4).toString(),
                                         q.value(5).toString(),
                                         q.value(6).toString(),
                                         q.value(7).toBool(),
                                         q.value(8).toLongLong(),
                                         q.value(9).toLongLong(),
                                         q.value(10).toLongLong()};
                         });
}

Result<QList<Category>> ReferenceRepository::categories() const
{
    return readAll<Category>(m_db.connection(),
                             QStringLiteral("SELECT ") + categoryColumns
                                     + QStringLiteral(" FROM category ORDER BY name"),
                             readCategory);
}

Result<QList<Agent>> ReferenceRepository::agents() const
{
    return readAll<Agent>(m_db.connection(),
                          QStringLiteral("SELECT ") + agentColumns
                                  + QStringLiteral(" FROM agent ORDER BY display_name"),
                          readAgent);
}

Result<Category> ReferenceRepository::category(qint64 id) const
{
    return readOne<Category>(m_db.connection(),
                             QStringLiteral("SELECT ") + categoryColumns
                                     + QStringLiteral(" FROM category WHERE id = ?"),
                             id,
                             readCategory,
                             tr("This category does not exist."));
}

Result<Service> ReferenceRepository::service(qint64 id) const
{
    return readOne<Service>(m_db.connection(),
                            QStringLiteral("SELECT ") + serviceColumns
                                    + QStringLiteral(" FROM service WHERE id = ?"),
                            id,
                            readService,
                            tr("This service does not exist."));
}

Result<Agent> ReferenceRepository::agent(qint64 id) const
{
    return readOne<Agent>(m_db.connection(),
                          QStringLiteral("SELECT ") + agentColumns
                                  + QStringLiteral(" FROM agent WHERE id = ?"),
                          id,
                          readAgent,
                          tr("This agent does not exist."));
}

Result<Agent> ReferenceRepository::agentByLogin(const QString &login) const
{
    return readOne<Agent>(m_db.connection(),
                          QStringLiteral("SELECT ") + agentColumns
                                  + QStringLiteral(" FROM agent WHERE login = ?"),
                          login,
                          readAgent,
                          tr("No agent has the login %1.").arg(login));
}

Result<Service> ReferenceRepository::serviceByCode(const QString &code) const
{
    return readOne<Service>(
            m_db.connection(),
            QStringLiteral("SELECT id, organisation_id, code, name FROM service "
                           "WHERE code = ?"),
            code,
            [](const QSqlQuery &q) {
                return Service{q.value(0).toLongLong(),
                               q.value(1).toLongLong(),
                               q.value(2).toString(),
                               q.value(3).toString()};
            },
            tr("No service has the code %1.").arg(code));
}

Result<qint64> ReferenceRepository::addOrganisation(const Organisation &o)
{
    if (auto refused = checkedForSave(m_db, Table::Organisation, o.code, 0, organisationError(o)))
        return *refused;
    return insertReturningId(m_db.connection(),
                             QStringLiteral("INSERT INTO organisation (code, name) VALUES (?, ?)"),
                             {sqlText(o.code), sqlText(o.name)});
}

Result<qint64> ReferenceRepository::addService(const Service &s)
{
    if (auto refused = checkedForSave(m_db, Table::Service, s.code, 0, serviceError(s)))
        return *refused;
    return parentChecked(
            insertReturningId(m_db.connection(),
                              QStringLiteral("INSERT INTO service (organisation_id, code, name) "
                                             "VALUES (?, ?, ?)"),
                              {s.organisationId, sqlText(s.code), sqlText(s.name)}),
            QStringLiteral("organisation"));
}

Result<qint64> ReferenceRepository::addSite(const Site &s)
{
    if (auto refused = checkedForSave(m_db, Table::Site, s.code, 0, siteError(s)))
        return *refused;
    return parentChecked(
            insertReturningId(m_db.connection(),
                              QStringLiteral("INSERT INTO site (organisation_id, code, name, "
                                             "address, postal_code, city) "
                                             "VALUES (?, ?, ?, ?, ?, ?)"),
                              {s.organisationId,
                               sqlText(s.code),
                               sqlText(s.name),
                               sqlText(s.address),
                               sqlText(s.postalCode),
                               sqlText(s.city)}),
            QStringLiteral("organisation"));
}

Status ReferenceRepository::setStore(qint64 siteId, qint64 serviceId, qint64 keeperId)
{
    const auto invalid = [](const QString &message) {
        return Error{Error::Kind::Invalid, message, {}, {}};
    };
    if ((serviceId == 0) != (keeperId == 0))
        return invalid(tr("A store is kept by a service and held by one of its agents."));
    QSqlQuery query(m_db.connection());
    if (keeperId != 0) {
        query.prepare(QStringLiteral("SELECT service_id, active FROM agent WHERE id = ?"));
        query.addBindValue(keeperId);
        if (!query.exec())
            return databaseError(query.lastError());
        if (!query.next() || query.value(0).toLongLong() != serviceId || !query.value(1).toBool())
            return invalid(tr("The store's keeper must be an active agent of its service."));
        query.finish();
    }
    query.prepare(QStringLiteral(
            "UPDATE site SET store_service_id = ?, store_keeper_id = ? WHERE id = ?"));
    query.addBindValue(serviceId ? QVariant(serviceId) : QVariant(QMetaType::fromType<qint64>()));
    query.addBindValue(keeperId ? QVariant(keeperId) : QVariant(QMetaType::fromType<qint64>()));
    query.addBindValue(siteId);
    if (!query.exec())
        return databaseError(query.lastError());
    if (query.numRowsAffected() != 1)
        return Error{Error::Kind::NotFound, tr("This site no longer exists."), {}, {}};
    return {};
}

Result<qint64> ReferenceRepository::addCategory(const Category &c)
{
    if (auto refused = checkedForSave(m_db, Table::Category, c.code, 0, categoryError(c)))
        return *refused;
    return insertReturningId(
            m_db.connection(),
            QStringLiteral("INSERT INTO category (code, name, default_unit_weight_g, "
                           "excluded, excluded_message, expiry_days, co2e_g_per_kg, co2e_source, "
                           "product_family, active, warning_words) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {sqlText(c.code),
             sqlText(c.name),
             c.defaultUnitWeightGrams,
             c.excluded,
             sqlText(c.excludedMessage),
             c.expiryDays,
             c.co2eGramsPerKg ? QVariant(*c.co2eGramsPerKg) : QVariant(QMetaType::fromType<int>()),
             sqlText(c.co2eSource),
             productFamilyKey(c.family),
             c.active,
             sqlText(joinWarningWords(c.warningWords))});
}

std::optional<QString> ReferenceRepository::loginRefusal(const QString &login)
{
    // The login is a PostgreSQL role too.
    static const QRegularExpression valid(QStringLiteral("^[a-z][a-z0-9._-]{1,62}$"));
    // PostgreSQL's own roles, the words it reserves for roles and the application's groups are
    // no one's login: enrolling one would give it a password or group memberships.
    static const QStringList reserved{QStringLiteral("postgres"),
                                      QStringLiteral("public"),
                                      QStringLiteral("none"),
                                      QStringLiteral("current_user"),
                                      QStringLiteral("session_user"),
                                      QStringLiteral("current_role")};
    // anonyme-ID: an anonymised agent's (recup.anonymise_agent(), 028).
    if (reserved.contains(login) || login.startsWith(QLatin1String("pg_"))
        || login.startsWith(QLatin1String("recup_")) || login.startsWith(QLatin1String("anonyme-")))
        return tr("The login %1 is reserved by PostgreSQL or by Collectiv'Récup: choose "
                  "another.")
                .arg(UserText::printable(login.left(63)));
    if (!valid.match(login).hasMatch())
        return tr("The login %1 is not valid: use 2 to 63 lower-case letters, digits, "
                  "dots, dashes or underscores, starting with a letter.")
                .arg(UserText::printable(login.left(63)));
    return std::nullopt;
}

std::optional<Error> ReferenceRepository::loginError(const QString &login)
{
    const auto refusal = loginRefusal(login);
    if (!refusal)
        return std::nullopt;
    return Error{Error::Kind::Invalid, *refusal, {}, {{QStringLiteral("login"), *refusal}}};
}

std::optional<Error> ReferenceRepository::agentError(const Agent &a)
{
    using UserText::characterCount;
    using UserText::hasUnstorableCharacter;
    using UserText::LineBreaks;
    // Names and addresses end up in mail headers.
    static const QRegularExpression email(QStringLiteral(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"));
    QList<std::pair<QString, QString>> fields;
    if (const auto refusal = loginRefusal(a.login))
        fields.append({QStringLiteral("login"), *refusal});
    const QString name = a.displayName.trimmed();
    if (name.isEmpty() || characterCount(name) > NameMax
        || hasUnstorableCharacter(name, LineBreaks::Refused))
        fields.append({QStringLiteral("name"),
                       tr("The name must have 1 to %1 characters, without line breaks or control "
                          "characters.")
                               .arg(NameMax)});
    if (a.email.size() > EmailMax || !email.match(a.email).hasMatch()
        || hasUnstorableCharacter(a.email, LineBreaks::Refused))
        fields.append({QStringLiteral("email"),
                       tr("The email address %1 is not valid: it must look like "
                          "prenom.nom@agglo.fr.")
                               .arg(UserText::printable(a.email.left(80)))});
    if (characterCount(a.phone) > PhoneMax || hasUnstorableCharacter(a.phone, LineBreaks::Refused))
        fields.append({QStringLiteral("phone"),
                       tr("The phone number must have at most %1 characters, without line breaks "
                          "or control characters.")
                               .arg(PhoneMax)});
    if (fields.isEmpty())
        return std::nullopt;
    return Error{Error::Kind::Invalid, fields.first().second, {}, fields};
}

Result<qint64> ReferenceRepository::addAgent(const Agent &a)
{
    if (const auto refused = agentError(a))
        return *refused;
    auto id = insertReturningId(
            m_db.connection(),
            QStringLiteral("INSERT INTO agent (login, display_name, email, phone, service_id, "
                           "is_moderator, is_logistics, is_admin, active) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {sqlText(a.login),
             sqlText(a.displayName),
             sqlText(a.email),
             sqlText(a.phone),
             a.serviceId,
             a.roles.testFlag(Role::Moderator),
             a.roles.testFlag(Role::Logistics),
             a.roles.testFlag(Role::Admin),
             a.active});
    if (!id && id.error().kind == Error::Kind::Invalid) {
        Error error = id.error();
        error.message = tr("The agent cannot be added: the login %1 is taken, or the service, "
                           "the login or the email address is not valid.")
                                .arg(a.login);
        return error;
    }
    return id;
}

Result<qint64> ReferenceRepository::enrolAgent(const Agent &agent,
                                               const std::optional<QString> &password)
{
    if (const auto refused = agentError(agent))
        return *refused;
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    if (const Status login = AgentLogins::createLogin(m_db, agent, password); !login)
        return login.error();
    const auto id = addAgent(agent);
    if (!id)
        return id;
    if (!transaction.commit())
        return databaseError(db.lastError());
    return id;
}

Status ReferenceRepository::deactivateAgent(const QString &login)
{
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE agent SET active = ? WHERE login = ?"));
    query.addBindValue(false);
    query.addBindValue(login);
    if (!query.exec())
        return databaseError(query.lastError());
    if (query.numRowsAffected() != 1)
        return Error{Error::Kind::NotFound, tr("No agent has the login %1.").arg(login), {}, {}};
    if (const Status disabled = m_db.dialect().disableLogin(db, login); !disabled)
        return disabled;
    if (!transaction.commit())
        return databaseError(db.lastError());
    return {};
}

Status ReferenceRepository::setAgentActive(qint64 agentId, bool active, qint64 expectedVersion)
{
    QSqlQuery query(m_db.connection());
    // PostgreSQL's trigger moves the version itself (to the same value).
    query.prepare(QStringLiteral("UPDATE agent SET active = ?, version = version + 1 "
                                 "WHERE id = ? AND version = ?"));
    query.addBindValue(active);
    query.addBindValue(agentId);
    query.addBindValue(expectedVersion);
    if (!query.exec()) {
        const Error error = databaseError(query.lastError());
        if (error.detail.contains(QLatin1String("agent-back-with-handover"))) {
            // Migration 019: the ads went to someone else since; an administrator decides.
            const QString message = tr("This agent's ads were handed over since they left: only "
                                       "an administrator brings them back.");
            return Error{Error::Kind::Forbidden,
                         message,
                         error.detail,
                         {{QStringLiteral("active"), message}}};
        }
        return error;
    }
    if (query.numRowsAffected() != 1)
        return Error{Error::Kind::Conflict,
                     tr("Someone else changed this agent in the meantime: the list is read "
                        "again, look at it before trying again."),
                     {},
                     {}};
    return {};
}

bool ReferenceRepository::agentsHaveLogins() const
{
    return !m_db.dialect().sessionIdentityQuery().isEmpty();
}

Result<Agent> ReferenceRepository::sessionAgent() const
{
    const QString sql = m_db.dialect().sessionIdentityQuery();
    if (sql.isEmpty())
        return Error{
                Error::Kind::NotFound, tr("This database does not know who is connected."), {}, {}};
    QSqlQuery query(m_db.connection());
    if (!query.exec(sql) || !query.next())
        return databaseError(query.lastError());
    if (query.value(0).isNull()) {
        const QString message = tr("Your login is not linked to an active agent of "
                                   "Collectiv'Récup. Ask your IT department.");
        return Error{Error::Kind::Forbidden, message, {}, {{ConnectionField::user, message}}};
    }
    const bool moderator = query.value(1).toBool();
    const bool logistics = query.value(2).toBool();
    const bool admin = query.value(3).toBool();
    // The agent the server says we are, in one more round trip (a constant statement; only
    // the dialect that knows who is connected, PostgreSQL, gets here).
    QSqlQuery read(m_db.connection());
    if (!read.exec(QStringLiteral("SELECT ") + agentColumns
                   + QStringLiteral(" FROM agent WHERE id = recup.current_agent_id()")))
        return databaseError(read.lastError());
    if (!read.next())
        return Error{Error::Kind::NotFound, tr("This agent does not exist."), {}, {}};
    const Result<Agent> found = readAgent(read);
    Agent me = *found;
    // The server's groups are what it enforces: they win over the directory's flags.
    me.roles = Role::Agent;
    if (moderator)
        me.roles |= Role::Moderator;
    if (logistics)
        me.roles |= Role::Logistics;
    if (admin)
        me.roles |= Role::Admin;
    return me;
}

// --- Editing reference data (issue #12) ---

namespace {

using Table = ReferenceRepository::Table;

QString tableName(Table table)
{
    switch (table) {
    case Table::Organisation:
        return QStringLiteral("organisation");
    case Table::Service:
        return QStringLiteral("service");
    case Table::Site:
        return QStringLiteral("site");
    case Table::Category:
        return QStringLiteral("category");
    }
    return {};
}

using Fields = QList<std::pair<QString, QString>>;

std::optional<Error> invalidFields(const Fields &fields)
{
    if (fields.isEmpty())
        return std::nullopt;
    return Error{Error::Kind::Invalid, fields.first().second, {}, fields};
}

// A line of text: required or not, at most `max` characters, no line break nor control.
void checkLine(Fields &fields,
               const QString &field,
               const QString &text,
               int max,
               bool required,
               const QString &requiredMessage,
               const QString &tooLongMessage)
{
    using namespace UserText;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        if (required)
            fields.append({field, requiredMessage});
    } else if (characterCount(trimmed) > max
               || hasUnstorableCharacter(trimmed, LineBreaks::Refused)) {
        fields.append({field, tooLongMessage});
    }
}

void checkCodeAndName(Fields &fields, const QString &code, const QString &name)
{
    checkLine(fields,
              QStringLiteral("code"),
              code,
              ReferenceRepository::CodeMax,
              true,
              ReferenceRepository::tr("Give a code: it identifies the row in imports and "
                                      "exports."),
              ReferenceRepository::tr("The code takes at most %n characters on one line, "
                                      "without control characters.",
                                      nullptr,
                                      ReferenceRepository::CodeMax));
    checkLine(fields,
              QStringLiteral("name"),
              name,
              ReferenceRepository::NameMax,
              true,
              ReferenceRepository::tr("Give a name."),
              ReferenceRepository::tr("The name takes at most %n characters on one line, "
                                      "without control characters.",
                                      nullptr,
                                      ReferenceRepository::NameMax));
}

QString conflictMessage(Table table)
{
    switch (table) {
    case Table::Organisation:
        return ReferenceRepository::tr("Someone else changed this organisation in the meantime: "
                                       "what you typed is kept; their version is in the list. "
                                       "Save again to replace it with yours.");
    case Table::Service:
        return ReferenceRepository::tr("Someone else changed this service in the meantime: what "
                                       "you typed is kept; their version is in the list. Save "
                                       "again to replace it with yours.");
    case Table::Site:
        return ReferenceRepository::tr("Someone else changed this site in the meantime: what "
                                       "you typed is kept; their version is in the list. Save "
                                       "again to replace it with yours.");
    case Table::Category:
        return ReferenceRepository::tr("Someone else changed this category in the meantime: "
                                       "what you typed is kept; their version is in the list. "
                                       "Save again to replace it with yours.");
    }
    return {};
}

QString codeTakenMessage(Table table, const QString &code)
{
    const QString shown = UserText::printable(code.trimmed());
    switch (table) {
    case Table::Organisation:
        return ReferenceRepository::tr("The code %1 is already used by another organisation.")
                .arg(shown);
    case Table::Service:
        return ReferenceRepository::tr("The code %1 is already used by another service.")
                .arg(shown);
    case Table::Site:
        return ReferenceRepository::tr("The code %1 is already used by another site.").arg(shown);
    case Table::Category:
        return ReferenceRepository::tr("The code %1 is already used by another category.")
                .arg(shown);
    }
    return {};
}

// The rules' verdict, then whether another row holds the code (a clear message under the code
// rather than the database's "already exists").
std::optional<Error> checkedForSave(
        Database &db, Table table, const QString &code, qint64 id, std::optional<Error> refused)
{
    if (refused)
        return refused;
    QSqlQuery query(db.connection());
    if (!query.prepare(QStringLiteral("SELECT count(*) FROM ") + tableName(table)
                       + QStringLiteral(" WHERE code = ? AND id <> ?")))
        return databaseError(query.lastError());
    query.bindValue(0, sqlText(code.trimmed()));
    query.bindValue(1, id);
    if (!query.exec() || !query.next())
        return databaseError(query.lastError());
    if (query.value(0).toInt() > 0)
        return invalidFields({{QStringLiteral("code"), codeTakenMessage(table, code)}});
    return std::nullopt;
}

// Runs an UPDATE … WHERE id = ? AND version = ? whose last two values are the id and the
// version read; returns the new version, or Conflict when no row matched.
Result<qint64> updateOverVersion(Database &db,
                                 Table table,
                                 const QString &assignments,
                                 QVariantList values,
                                 qint64 id,
                                 qint64 version)
{
    QSqlQuery query(db.connection());
    // The version moves by one here and, on PostgreSQL, by the server's trigger whatever the
    // client writes.
    if (!query.prepare(QStringLiteral("UPDATE ") + tableName(table) + QStringLiteral(" SET ")
                       + assignments
                       + QStringLiteral(", version = version + 1 WHERE id = ? AND version = ?")))
        return databaseError(query.lastError());
    values << id << version;
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    if (!query.exec())
        return databaseError(query.lastError());
    if (query.numRowsAffected() != 1)
        return Error{Error::Kind::Conflict, conflictMessage(table), {}, {}};
    return version + 1;
}

QVariant optionalInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

} // namespace

std::optional<Error> ReferenceRepository::organisationError(const Organisation &o)
{
    Fields fields;
    checkCodeAndName(fields, o.code, o.name);
    return invalidFields(fields);
}

std::optional<Error> ReferenceRepository::serviceError(const Service &s)
{
    Fields fields;
    checkCodeAndName(fields, s.code, s.name);
    if (s.organisationId <= 0)
        fields.append({QStringLiteral("organisation"),
                       tr("Choose the organisation the service belongs to.")});
    return invalidFields(fields);
}

std::optional<Error> ReferenceRepository::siteError(const Site &s)
{
    Fields fields;
    checkCodeAndName(fields, s.code, s.name);
    if (s.organisationId <= 0)
        fields.append({QStringLiteral("organisation"),
                       tr("Choose the organisation the site belongs to.")});
    checkLine(fields,
              QStringLiteral("address"),
              s.address,
              AddressMax,
              false,
              {},
              tr("The address takes at most %n characters on one line.", nullptr, AddressMax));
    static const QRegularExpression postalCode(QStringLiteral("^[0-9]{5}$"));
    const QString code = s.postalCode.trimmed();
    if (!code.isEmpty() && !postalCode.match(code).hasMatch())
        fields.append(
                {QStringLiteral("postalCode"), tr("A postal code has 5 digits, such as 86100.")});
    checkLine(fields,
              QStringLiteral("city"),
              s.city,
              CityMax,
              false,
              {},
              tr("The city takes at most %n characters on one line.", nullptr, CityMax));
    return invalidFields(fields);
}

std::optional<Error> ReferenceRepository::categoryError(const Category &c)
{
    Fields fields;
    checkCodeAndName(fields, c.code, c.name);
    if (c.defaultUnitWeightGrams < 0)
        fields.append({QStringLiteral("unitWeight"),
                       tr("The unit weight cannot be negative (0 when unknown).")});
    if (c.co2eGramsPerKg && *c.co2eGramsPerKg < 0)
        fields.append({QStringLiteral("co2eFactor"),
                       tr("The CO2e factor cannot be negative (leave it empty when unknown).")});
    checkLine(fields,
              QStringLiteral("co2eSource"),
              c.co2eSource,
              SourceMax,
              c.co2eGramsPerKg.has_value(),
              tr("Say where the factor comes from (ADEME Base Carbone, WRAP…)."),
              tr("The source takes at most %n characters on one line.", nullptr, SourceMax));
    if (c.expiryDays < 1 || c.expiryDays > ExpiryDaysMax)
        fields.append({QStringLiteral("expiryDays"),
                       tr("An ad stays online from 1 to %1 days.").arg(ExpiryDaysMax)});
    const QString message = c.excludedMessage.trimmed();
    if (c.excluded && message.isEmpty())
        fields.append({QStringLiteral("excludedMessage"),
                       tr("Say what to do instead: the agent who picks this category reads it.")});
    else if (UserText::characterCount(message) > ExcludedMessageMax
             || UserText::hasUnstorableCharacter(message, UserText::LineBreaks::Allowed))
        fields.append(
                {QStringLiteral("excludedMessage"),
                 tr("The message takes at most %n characters.", nullptr, ExcludedMessageMax)});
    const QString words = joinWarningWords(c.warningWords);
    if (UserText::characterCount(words) > WarningWordsMax
        || UserText::hasUnstorableCharacter(words, UserText::LineBreaks::Refused))
        fields.append({QStringLiteral("warningWords"),
                       tr("The warning words take at most %n characters in all.",
                          nullptr,
                          WarningWordsMax)});
    return invalidFields(fields);
}

Result<qint64> ReferenceRepository::updateOrganisation(const Organisation &o)
{
    if (auto refused
        = checkedForSave(m_db, Table::Organisation, o.code, o.id, organisationError(o)))
        return *refused;
    return updateOverVersion(m_db,
                             Table::Organisation,
                             QStringLiteral("code = ?, name = ?"),
                             {sqlText(o.code.trimmed()), sqlText(o.name.trimmed())},
                             o.id,
                             o.version);
}

Result<qint64> ReferenceRepository::updateService(const Service &s)
{
    if (auto refused = checkedForSave(m_db, Table::Service, s.code, s.id, serviceError(s)))
        return *refused;
    return parentChecked(
            updateOverVersion(
                    m_db,
                    Table::Service,
                    QStringLiteral("organisation_id = ?, code = ?, name = ?"),
                    {s.organisationId, sqlText(s.code.trimmed()), sqlText(s.name.trimmed())},
                    s.id,
                    s.version),
            QStringLiteral("organisation"));
}

Result<qint64> ReferenceRepository::updateSite(const Site &s)
{
    if (auto refused = checkedForSave(m_db, Table::Site, s.code, s.id, siteError(s)))
        return *refused;
    return parentChecked(updateOverVersion(m_db,
                                           Table::Site,
                                           QStringLiteral("organisation_id = ?, code = ?, "
                                                          "name = ?, address = ?, "
                                                          "postal_code = ?, city = ?"),
                                           {s.organisationId,
                                            sqlText(s.code.trimmed()),
                                            sqlText(s.name.trimmed()),
                                            sqlText(s.address.trimmed()),
                                            sqlText(s.postalCode.trimmed()),
                                            sqlText(s.city.trimmed())},
                                           s.id,
                                           s.version),
                         QStringLiteral("organisation"));
}

Result<qint64> ReferenceRepository::updateCategory(const Category &c)
{
    if (auto refused = checkedForSave(m_db, Table::Category, c.code, c.id, categoryError(c)))
        return *refused;
    return updateOverVersion(m_db,
                             Table::Category,
                             QStringLiteral("code = ?, name = ?, default_unit_weight_g = ?, "
                                            "excluded = ?, excluded_message = ?, "
                                            "expiry_days = ?, co2e_g_per_kg = ?, "
                                            "co2e_source = ?, product_family = ?, "
                                            "warning_words = ?"),
                             {sqlText(c.code.trimmed()),
                              sqlText(c.name.trimmed()),
                              c.defaultUnitWeightGrams,
                              c.excluded,
                              sqlText(c.excludedMessage.trimmed()),
                              c.expiryDays,
                              optionalInt(c.co2eGramsPerKg),
                              sqlText(c.co2eSource.trimmed()),
                              productFamilyKey(c.family),
                              sqlText(joinWarningWords(c.warningWords))},
                             c.id,
                             c.version);
}

Result<qint64> ReferenceRepository::setActive(Table table, qint64 id, qint64 version, bool active)
{
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    if (table == Table::Organisation && !active) {
        QSqlQuery query(db);
        if (!query.prepare(QStringLiteral(
                    "SELECT (SELECT count(*) FROM service WHERE organisation_id = ? AND active), "
                    "(SELECT count(*) FROM site WHERE organisation_id = ? AND active)")))
            return databaseError(query.lastError());
        query.bindValue(0, id);
        query.bindValue(1, id);
        if (!query.exec() || !query.next())
            return databaseError(query.lastError());
        const int services = query.value(0).toInt();
        const int sites = query.value(1).toInt();
        if (services + sites > 0) {
            const QString message
                    = tr("This organisation still has %1 and %2: deactivate them first, or move "
                         "them to another organisation.")
                              .arg(tr("%n active service(s)", nullptr, services),
                                   tr("%n active site(s)", nullptr, sites));
            return Error{Error::Kind::Invalid, message, {}, {{QStringLiteral("active"), message}}};
        }
    }
    auto saved = parentChecked(
            updateOverVersion(m_db, table, QStringLiteral("active = ?"), {active}, id, version),
            QStringLiteral("active"));
    if (!saved && saved.error().detail.contains(QLatin1String("organisation-still-active"))) {
        // Someone activated a service or a site meanwhile: the database refuses (migration 018).
        const QString message = tr("This organisation still has active services or sites: "
                                   "deactivate them first, or move them to another "
                                   "organisation.");
        return Error{Error::Kind::Invalid,
                     message,
                     saved.error().detail,
                     {{QStringLiteral("active"), message}}};
    }
    if (!saved)
        return saved;
    if (!transaction.commit())
        return databaseError(db.lastError());
    return saved;
}

} // namespace Recup
