// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Reference.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace Recup {

class Database;

// Organisations, services, sites, categories and agents: small tables read whole.
class ReferenceRepository
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceRepository)
public:
    explicit ReferenceRepository(Database &db);

    Result<QList<Organisation>> organisations() const;
    Result<QList<Service>> services() const;
    Result<QList<Site>> sites() const;
    Result<QList<Category>> categories() const;
    Result<QList<Agent>> agents() const;

    Result<Category> category(qint64 id) const;
    Result<Agent> agent(qint64 id) const;
    Result<Agent> agentByLogin(const QString &login) const;
    Result<Service> service(qint64 id) const;
    Result<Service> serviceByCode(const QString &code) const;

    // Inserts return the new id; a duplicate code or login is refused with a clear message.
    Result<qint64> addOrganisation(const Organisation &organisation);
    Result<qint64> addService(const Service &service);
    Result<qint64> addSite(const Site &site);
    Result<qint64> addCategory(const Category &category);
    // --- Editing reference data (issue #12): kept together. ---
    // Saves over the version read only: `UPDATE … WHERE id = ? AND version = ?`; no row
    // changed is a Conflict (someone saved first; nothing written). A value refused is an
    // Invalid error naming each field at fault ("code", "name", "organisation", "address",
    // "postalCode", "city", "unitWeight", "co2eFactor", "co2eSource", "expiryDays",
    // "excludedMessage", "warningWords"); a code another row holds is refused under "code".
    // Each returns the row's new version.
    enum class Table { Organisation, Service, Site, Category };
    static constexpr int CodeMax = 40;
    static constexpr int AddressMax = 200;
    static constexpr int CityMax = 120;
    static constexpr int SourceMax = 200;
    static constexpr int ExcludedMessageMax = 500;
    static constexpr int WarningWordsMax = 2000;
    static constexpr int ExpiryDaysMax = 3650;
    static std::optional<Error> organisationError(const Organisation &organisation);
    static std::optional<Error> serviceError(const Service &service);
    static std::optional<Error> siteError(const Site &site);
    static std::optional<Error> categoryError(const Category &category);
    Result<qint64> updateOrganisation(const Organisation &organisation);
    Result<qint64> updateService(const Service &service);
    Result<qint64> updateSite(const Site &site);
    Result<qint64> updateCategory(const Category &category);
    // Deactivates (or reactivates) a row over the version read; nothing else changes. An
    // organisation that still has active services or sites is not deactivated: Invalid, saying
    // how many (deactivate them first). Inactive rows are no longer offered for new ads and
    // exchanges; what already points at them keeps them.
    Result<qint64> setActive(Table table, qint64 id, qint64 version, bool active);

    // Makes a site a general store kept by `serviceId`, whose items `keeperId` (an active agent
    // of that service) holds; both 0: no longer a store. Moderators and administrators.
    Status setStore(qint64 siteId, qint64 serviceId, qint64 keeperId);
    static constexpr int NameMax = 120;
    static constexpr int EmailMax = 254;
    static constexpr int PhoneMax = 40;
    // Nothing when the agent's login, name, email and phone may be stored; else an Invalid error
    // naming each field at fault ("login", "name", "email", "phone").
    static std::optional<Error> agentError(const Agent &agent);
    // The sentence refusing a login that cannot be a database role of an agent: not of the
    // form ^[a-z][a-z0-9._-]{1,62}$, or reserved (postgres, pg_*, recup_*, the words PostgreSQL
    // reserves for roles; the database refuses them too, migration 018). Nothing when fine.
    static std::optional<QString> loginRefusal(const QString &login);
    // An Invalid error with field "login" carrying loginRefusal(), or nothing.
    static std::optional<Error> loginError(const QString &login);
    Result<qint64> addAgent(const Agent &agent);

    // An agent who logs in: on PostgreSQL, their own login role (password hashed on this
    // computer, or none for single sign-on) in the groups of their roles, and their row,
    // together or not at all.
    Result<qint64> enrolAgent(const Agent &agent, const std::optional<QString> &password);
    // Revokes the login and marks the agent inactive; their ads and history stay.
    Status deactivateAgent(const QString &login);
    // Marks an agent active or not, over the version read (Conflict when someone saved since);
    // their login, ads and history stay. What moderators may do (agent_guard, migration 016):
    // on PostgreSQL the login itself is revoked by the administrators' deactivate-agent.
    Status setAgentActive(qint64 agentId, bool active, qint64 expectedVersion);
    // Whether each agent logs in with a database role of their own (PostgreSQL), which only
    // deactivateAgent() revokes; false where the database has no logins (SQLite).
    bool agentsHaveLogins() const;

    // The agent this database session belongs to (PostgreSQL: the login role), with the
    // roles the server grants it. NotFound on SQLite, where the demo picker chooses.
    Result<Agent> sessionAgent() const;

private:
    Database &m_db;
};

} // namespace Recup
