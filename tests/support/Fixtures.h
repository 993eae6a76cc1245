// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Ad.h"
#include "domain/Reference.h"
#include "storage/AdRepository.h"

#include <optional>

namespace Recup {
class Database;
}

namespace Recup::Testing {

// A small world: two organisations, three services, two sites, three categories (one
// excluded), an owner, another agent and two moderators.
struct World
{
    qint64 agglo = 0, city = 0;
    qint64 waste = 0, library = 0, schools = 0;
    qint64 depot = 0, townHall = 0;
    qint64 desks = 0, chairs = 0, computers = 0;
    qint64 owner = 0, other = 0, moderator = 0, secondModerator = 0;

    Actor ownerActor() const { return {owner, false, false}; }
    Actor otherActor() const { return {other, false, false}; }
    Actor moderatorActor() const { return {moderator, true, false}; }
    Actor secondModeratorActor() const { return {secondModerator, true, false}; }

    // A valid ad owned by `owner`, ready for AdRepository::create.
    Ad sampleAd(const QString &title = QStringLiteral("Bureau en chêne massif")) const;
};

World makeWorld(Database &db);

// The world's moderator with every role besides (logistics, administrator): the catalogue's
// header then shows every window set. Empty (with a warning) when the agent cannot be read.
std::optional<Agent> everyRoleAgent(Database &db, const World &world);

// A login of its own for one suite (roles are cluster-wide): the agent "<login>@agglo.test" in
// `serviceId`, with its database role in the groups of `roles` and no password (the test
// cluster trusts its socket). Returns the agent's id, 0 (with a warning) on failure.
qint64 enrolLogin(Database &admin, const QString &login, Roles roles, qint64 serviceId);

// PostgreSQL: the login roles of the world's people (mdupont, pmartin; cbernard and lpetit
// moderators), created once per cluster (roles are cluster-wide and other suites use the same
// names), put in their groups on every run. Open them with TestDatabase::openAs().
bool ensureLoginRoles(Database &admin);

// An ad created by the world's owner and sent to moderation at `at` (now when empty), in
// `categoryId` when given. Fails the test binary on error.
Ad pendingAd(Database &db,
             const World &world,
             const QString &title,
             const QDateTime &at = {},
             qint64 categoryId = 0);
// The same, then approved by the world's moderator: published.
Ad publishedAd(Database &db, const World &world, const QString &title, const QDateTime &at = {});
// A lot of the world's owner in `categoryId`, published now and closed for `reason` (an
// exchange goes to the schools). Fails the test binary on error.
Ad closedLot(Database &db,
             const World &world,
             qint64 categoryId,
             int quantity,
             qint64 valueCents,
             qint64 weightGrams,
             CloseReason reason,
             const QString &title = QStringLiteral("Lot fermé"));
// A lot of the world's owner in the chairs category, published (at `at`, now when empty):
// « Lot de 12 chaises ». Fails the test binary on error.
Ad publishedLot(Database &db,
                const World &world,
                int quantity,
                qint64 valueCents,
                qint64 weightGrams,
                const QString &title = QStringLiteral("Lot de chaises"),
                const QDateTime &at = {});
// A published ad of `owner`, written by an administrators' session acting for them.
Ad publishedAdOf(Database &admin, const World &world, qint64 owner, const QString &title);

} // namespace Recup::Testing
