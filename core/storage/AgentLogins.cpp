// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/AgentLogins.h"

#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlDialect.h"
#include "storage/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

namespace {

Error forbiddenToCreate(Error error)
{
    if (error.kind == Error::Kind::Forbidden)
        error.message = AgentLogins::tr("Your database account may not create logins: the "
                                        "administrator needs the CREATEROLE right.");
    return error;
}

} // namespace

QStringList AgentLogins::groupsFor(Roles roles)
{
    QStringList groups{QStringLiteral("recup_agent")};
    if (roles.testFlag(Role::Moderator))
        groups.append(QStringLiteral("recup_moderator"));
    if (roles.testFlag(Role::Logistics))
        groups.append(QStringLiteral("recup_logistics"));
    if (roles.testFlag(Role::Admin))
        groups.append(QStringLiteral("recup_admin"));
    return groups;
}

Status
AgentLogins::createLogin(Database &db, const Agent &agent, const std::optional<QString> &password)
{
    LoginRoleChange change;
    change.login = agent.login;
    change.enable = true;
    change.password = password;
    change.groups = groupsFor(agent.roles);
    change.newAgent = true;
    return applyLogins(db, {change});
}

Status AgentLogins::setLoginGroups(Database &db, const QString &login, Roles roles)
{
    LoginRoleChange change;
    change.login = login;
    change.groups = groupsFor(roles);
    change.revokeOtherGroups = true;
    return applyLogins(db, {change});
}

Status AgentLogins::applyLogins(Database &db, const QList<LoginRoleChange> &changes)
{
    QSqlDatabase connection = db.connection();
    const Status applied = db.dialect().applyLoginRoles(connection, changes);
    if (!applied)
        return forbiddenToCreate(applied.error());
    return {};
}

Status AgentLogins::setRoles(Database &db, const QString &login, Roles roles)
{
    // A reserved name is refused before anything is read: no agent may carry it (018).
    if (const auto refused = ReferenceRepository::loginError(login))
        return *refused;
    QSqlDatabase connection = db.connection();
    Transaction transaction(connection);
    if (!transaction.isActive())
        return databaseError(connection.lastError());
    QSqlQuery query(connection);
    query.prepare(QStringLiteral("UPDATE agent SET is_moderator = ?, is_logistics = ?, "
                                 "is_admin = ?, version = version + 1 WHERE login = ?"));
    query.addBindValue(roles.testFlag(Role::Moderator));
    query.addBindValue(roles.testFlag(Role::Logistics));
    query.addBindValue(roles.testFlag(Role::Admin));
    query.addBindValue(login);
    if (!query.exec())
        return databaseError(query.lastError());
    if (query.numRowsAffected() != 1)
        return Error{Error::Kind::NotFound, tr("No agent has the login %1.").arg(login), {}, {}};
    if (const Status groups = setLoginGroups(db, login, roles); !groups)
        return groups;
    if (!transaction.commit())
        return databaseError(connection.lastError());
    return {};
}

} // namespace Recup
