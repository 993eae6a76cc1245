// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Reference.h"
#include "storage/SqlDialect.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace Recup {

class Database;

// People's database logins and the groups their roles give (recup_agent, recup_moderator,
// recup_logistics, recup_admin): shared by add-agent (ReferenceRepository::enrolAgent), the
// bulk import of agents and set-roles. On SQLite the roles are the agent row's flags only.
class AgentLogins
{
    Q_DECLARE_TR_FUNCTIONS(AgentLogins)
public:
    // The group roles of `roles`; every agent is in recup_agent.
    static QStringList groupsFor(Roles roles);
    // The agent's login role (PostgreSQL), created or re-enabled, with the password hashed on
    // this computer or none (single sign-on), in the groups of agent.roles. A refusal for want
    // of CREATEROLE says so.
    static Status
    createLogin(Database &db, const Agent &agent, const std::optional<QString> &password);
    // The login's groups made exactly those of `roles` (GRANT and REVOKE).
    static Status setLoginGroups(Database &db, const QString &login, Roles roles);
    // Many logins at once (a bulk import): a few round trips whatever their number.
    static Status applyLogins(Database &db, const QList<LoginRoleChange> &changes);
    // Replaces an agent's roles: the row's flags and the login's groups, in one transaction
    // (joins an open one). NotFound when no agent has the login.
    static Status setRoles(Database &db, const QString &login, Roles roles);
};

} // namespace Recup
