// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Fixtures.h"
#include "TestDatabase.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"

#include <QSqlError>
#include <QSqlQuery>

#include <memory>

namespace Recup::Testing {

// An ad of the small world, created by its owner and sent to moderation at `at` (now when
// empty). Fails the test binary on error, as the fixtures do.
inline Ad pendingAd(Database &db,
                    const World &world,
                    const QString &title,
                    const QDateTime &at = {},
                    qint64 categoryId = 0)
{
    AdRepository ads(db);
    Ad input = world.sampleAd(title);
    input.createdAt = at;
    if (categoryId > 0)
        input.categoryId = categoryId;
    auto created = ads.create(input, world.ownerActor());
    if (!created)
        qFatal("create failed: %s", qPrintable(created.error().message + created.error().detail));
    auto submitted = ads.transition(
            created->id, {AdAction::Submit, created->version, {}, {}, 0, at}, world.ownerActor());
    if (!submitted)
        qFatal("submit failed: %s", qPrintable(submitted.error().message));
    return *submitted;
}

// PostgreSQL: the login roles of the world's people, created once per cluster (roles are
// cluster-wide and other suites use the same names), put in their groups on every run.
inline bool ensureLoginRoles(Database &admin)
{
    const QList<std::pair<QString, QString>> people{
            {QStringLiteral("mdupont"), QStringLiteral("recup_agent")},
            {QStringLiteral("pmartin"), QStringLiteral("recup_agent")},
            {QStringLiteral("cbernard"), QStringLiteral("recup_agent, recup_moderator")},
            {QStringLiteral("lpetit"), QStringLiteral("recup_agent, recup_moderator")}};
    for (const auto &[login, groups] : people) {
        QSqlQuery query(admin.connection());
        // Created when missing, put in each group it lacks: quiet when all is already so.
        const QString statement
                = QStringLiteral(
                          "DO $$ DECLARE g text; BEGIN "
                          "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') THEN "
                          "CREATE ROLE %1 LOGIN; END IF; "
                          "ALTER ROLE %1 LOGIN; "
                          "FOREACH g IN ARRAY string_to_array('%2', ', ') LOOP "
                          "IF NOT pg_has_role('%1', g, 'MEMBER') THEN "
                          "EXECUTE format('GRANT %I TO %I', g, '%1'); END IF; END LOOP; END $$")
                          .arg(login, groups);
        if (!query.exec(statement)) {
            qWarning("cannot prepare role %s: %s",
                     qPrintable(login),
                     qPrintable(query.lastError().text()));
            return false;
        }
    }
    return true;
}

// A second connection to the test database: as that person's login role on PostgreSQL, as
// another connection to the same file on SQLite (where nobody logs in).
inline std::unique_ptr<Database> connectAs(const TestDatabase &test, const QString &login)
{
    DatabaseConfig config = test.config();
    if (!config.isSqlite())
        config = DatabaseConfig::fromConninfo(config.conninfo + u" user=" + login);
    auto db = std::make_unique<Database>(config);
    if (const Status opened = db->open(); !opened) {
        qWarning("cannot connect as %s: %s / %s",
                 qPrintable(login),
                 qPrintable(opened.error().message),
                 qPrintable(opened.error().detail));
        return {};
    }
    return db;
}

} // namespace Recup::Testing
