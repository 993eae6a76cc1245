// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ReferenceImportStore.h"

#include "storage/AgentLogins.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlValues.h"
#include "storage/Transaction.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Recup {

namespace {

// One statement prepared once and run for every row, its values bound in order.
class Statement
{
public:
    Statement(QSqlDatabase db, const QString &sql)
        : m_query(db)
    {
        m_prepared = m_query.prepare(sql);
    }
    Status run(const QVariantList &values)
    {
        if (!m_prepared)
            return databaseError(m_query.lastError());
        for (int i = 0; i < values.size(); ++i)
            m_query.bindValue(i, values.at(i));
        if (!m_query.exec())
            return databaseError(m_query.lastError());
        m_query.finish();
        return {};
    }

private:
    QSqlQuery m_query;
    bool m_prepared = false;
};

QVariant nullableInt(const std::optional<int> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<int>());
}

// The row `what` names, in the message of a refusal the checks before did not foresee.
Status named(Status status, const QString &what)
{
    if (status)
        return status;
    Error error = status.error();
    error.message = ReferenceImportStore::tr("%1: %2").arg(what, error.message);
    return error;
}

} // namespace

ReferenceImportStore::ReferenceImportStore(Database &db)
    : m_db(db)
{}

Result<ReferenceData> ReferenceImportStore::read() const
{
    ReferenceRepository references(m_db);
    ReferenceData data;
    auto organisations = references.organisations();
    if (!organisations)
        return organisations.error();
    data.organisations = *organisations;
    auto services = references.services();
    if (!services)
        return services.error();
    data.services = *services;
    auto sites = references.sites();
    if (!sites)
        return sites.error();
    data.sites = *sites;
    auto categories = references.categories();
    if (!categories)
        return categories.error();
    data.categories = *categories;
    auto agents = references.agents();
    if (!agents)
        return agents.error();
    data.agents = *agents;
    return data;
}

Status ReferenceImportStore::apply(const ReferenceChanges &changes,
                                   const QHash<QString, QString> &passwords)
{
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    if (Status done = applyOrganisations(changes.organisations); !done)
        return done;
    if (Status done = applyServices(changes.services); !done)
        return done;
    if (Status done = applySites(changes.sites); !done)
        return done;
    if (Status done = applyCategories(changes.categories); !done)
        return done;
    if (Status done = applyAgents(changes, passwords); !done)
        return done;
    if (!transaction.commit())
        return databaseError(db.lastError());
    return {};
}

Status ReferenceImportStore::applyOrganisations(const QList<Organisation> &rows)
{
    if (rows.isEmpty())
        return {};
    QSqlDatabase db = m_db.connection();
    Statement insert(db, QStringLiteral("INSERT INTO organisation (code, name) VALUES (?, ?)"));
    Statement update(db,
                     QStringLiteral("UPDATE organisation SET name = ?, version = version + 1 "
                                    "WHERE id = ?"));
    for (const Organisation &o : rows) {
        const Status done = o.id == 0 ? insert.run({sqlText(o.code), sqlText(o.name)})
                                      : update.run({sqlText(o.name), o.id});
        if (!done)
            return named(done, o.code);
    }
    return {};
}

Status ReferenceImportStore::applyServices(const QList<Service> &rows)
{
    if (rows.isEmpty())
        return {};
    QSqlDatabase db = m_db.connection();
    Statement insert(db,
                     QStringLiteral("INSERT INTO service (organisation_id, code, name, active) "
                                    "VALUES (?, ?, ?, ?)"));
    Statement update(db,
                     QStringLiteral("UPDATE service SET organisation_id = ?, name = ?, "
                                    "active = ?, version = version + 1 WHERE id = ?"));
    for (const Service &s : rows) {
        const Status done
                = s.id == 0 ? insert.run(
                          {s.organisationId, sqlText(s.code), sqlText(s.name), s.active})
                            : update.run({s.organisationId, sqlText(s.name), s.active, s.id});
        if (!done)
            return named(done, s.code);
    }
    return {};
}

Status ReferenceImportStore::applySites(const QList<Site> &rows)
{
    if (rows.isEmpty())
        return {};
    QSqlDatabase db = m_db.connection();
    Statement insert(db,
                     QStringLiteral("INSERT INTO site (organisation_id, code, name, address, "
                                    "postal_code, city, active) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    Statement update(db,
                     QStringLiteral("UPDATE site SET organisation_id = ?, name = ?, address = ?, "
                                    "postal_code = ?, city = ?, active = ?, "
                                    "version = version + 1 WHERE id = ?"));
    for (const Site &s : rows) {
        const QVariantList common{sqlText(s.name),
                                  sqlText(s.address),
                                  sqlText(s.postalCode),
                                  sqlText(s.city),
                                  s.active};
        const Status done
                = s.id == 0 ? insert.run(QVariantList{s.organisationId, sqlText(s.code)} + common)
                            : update.run(QVariantList{s.organisationId} + common
                                         + QVariantList{s.id});
        if (!done)
            return named(done, s.code);
    }
    return {};
}

Status ReferenceImportStore::applyCategories(const QList<Category> &rows)
{
    if (rows.isEmpty())
        return {};
    QSqlDatabase db = m_db.connection();
    Statement insert(db,
                     QStringLiteral("INSERT INTO category (name, default_unit_weight_g, excluded, "
                                    "excluded_message, expiry_days, co2e_g_per_kg, co2e_source, "
                                    "active, warning_words, product_family, code) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    Statement update(db,
                     QStringLiteral("UPDATE category SET name = ?, default_unit_weight_g = ?, "
                                    "excluded = ?, excluded_message = ?, expiry_days = ?, "
                                    "co2e_g_per_kg = ?, co2e_source = ?, active = ?, "
                                    "warning_words = ?, product_family = ?, "
                                    "version = version + 1 WHERE code = ?"));
    for (const Category &c : rows) {
        const QVariantList values{sqlText(c.name),
                                  c.defaultUnitWeightGrams,
                                  c.excluded,
                                  sqlText(c.excludedMessage),
                                  c.expiryDays,
                                  nullableInt(c.co2eGramsPerKg),
                                  sqlText(c.co2eSource),
                                  c.active,
                                  sqlText(joinWarningWords(c.warningWords)),
                                  productFamilyKey(c.family),
                                  sqlText(c.code)};
        const Status done = c.id == 0 ? insert.run(values) : update.run(values);
        if (!done)
            return named(done, c.code);
    }
    return {};
}

Status ReferenceImportStore::applyAgents(const ReferenceChanges &changes,
                                         const QHash<QString, QString> &passwords)
{
    if (changes.agents.isEmpty())
        return {};
    QSqlDatabase db = m_db.connection();
    Statement insert(db,
                     QStringLiteral("INSERT INTO agent (display_name, email, phone, service_id, "
                                    "is_moderator, is_logistics, is_admin, login) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    Statement update(db,
                     QStringLiteral("UPDATE agent SET display_name = ?, email = ?, phone = ?, "
                                    "service_id = ?, is_moderator = ?, is_logistics = ?, "
                                    "is_admin = ?, version = version + 1 WHERE login = ?"));
    // The logins first, all in one batch: a refused one (another application's account)
    // stops the file before any row is written.
    QList<LoginRoleChange> logins;
    for (const Agent &a : changes.agents) {
        LoginRoleChange login;
        login.login = a.login;
        login.groups = AgentLogins::groupsFor(a.roles);
        login.revokeOtherGroups = changes.agentRolesGiven;
        if (a.id == 0) {
            login.enable = true;
            login.newAgent = true;
            if (passwords.contains(a.login))
                login.password = passwords.value(a.login);
        } else if (changes.formerRoles.value(a.id, a.roles) == a.roles) {
            // Roles unchanged: the groups are only brought back in line, where a role exists.
            if (!changes.agentRolesGiven)
                continue;
            login.ifExists = true;
        }
        logins.append(login);
    }
    if (const Status done = AgentLogins::applyLogins(m_db, logins); !done)
        return done;
    for (const Agent &a : changes.agents) {
        const QVariantList values{sqlText(a.displayName),
                                  sqlText(a.email),
                                  sqlText(a.phone),
                                  a.serviceId,
                                  a.roles.testFlag(Role::Moderator),
                                  a.roles.testFlag(Role::Logistics),
                                  a.roles.testFlag(Role::Admin),
                                  sqlText(a.login)};
        const Status done = a.id == 0 ? insert.run(values) : update.run(values);
        if (!done)
            return named(done, a.login);
    }
    return {};
}

} // namespace Recup
