// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Reference.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>

namespace Recup {

class Database;

// The reference data as a bulk import compares a file with it.
struct ReferenceData
{
    QList<Organisation> organisations;
    QList<Service> services;
    QList<Site> sites;
    QList<Category> categories;
    QList<Agent> agents;
};

// What an import writes: rows whose id is 0 are added, the others replace the row of that id.
struct ReferenceChanges
{
    QList<Organisation> organisations;
    QList<Service> services;
    QList<Site> sites;
    QList<Category> categories;
    QList<Agent> agents;
    // The roles a changed agent had (by id): their login's groups change when these differ.
    QHash<qint64, Roles> formerRoles;
    // Whether the agents' file has the roles column: only then does an agent's login lose the
    // groups (moderator, logistics, admin) their roles no longer give.
    bool agentRolesGiven{true};

    bool isEmpty() const
    {
        return organisations.isEmpty() && services.isEmpty() && sites.isEmpty()
               && categories.isEmpty() && agents.isEmpty();
    }
};

// The SQL of collectiv-recup-admin import: reads every reference table, writes a file's
// changes in one transaction (all or nothing). A new agent gets their login (PostgreSQL) as
// add-agent gives it (AgentLogins), with the password given for their login or none (single
// sign-on); a changed agent's groups follow their roles. Every login of the file is written in
// one batch (AgentLogins::applyLogins), not agent by agent.
class ReferenceImportStore
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceImportStore)
public:
    explicit ReferenceImportStore(Database &db);

    Result<ReferenceData> read() const;
    Status apply(const ReferenceChanges &changes, const QHash<QString, QString> &passwords);

private:
    Status applyOrganisations(const QList<Organisation> &rows);
    Status applyServices(const QList<Service> &rows);
    Status applySites(const QList<Site> &rows);
    Status applyCategories(const QList<Category> &rows);
    Status applyAgents(const ReferenceChanges &changes, const QHash<QString, QString> &passwords);

    Database &m_db;
};

} // namespace Recup
