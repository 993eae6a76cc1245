// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/Database.h"
#include "storage/DatabaseConfig.h"

#include <QTemporaryDir>

#include <memory>

namespace Recup::Testing {

// A real, empty, throwaway database for one test suite: a file in a temporary folder for
// SQLite, a database of its own on the cluster named by RECUP_TEST_PG for PostgreSQL.
// The backend comes from RECUP_TEST_BACKEND ("sqlite" unless told otherwise).
class TestDatabase
{
public:
    ~TestDatabase();

    // Null, with *why filled, when the backend cannot be had (no RECUP_TEST_PG).
    static std::unique_ptr<TestDatabase> create(const QString &suite, QString *why);
    static QString backend();
    // True when a missing PostgreSQL must fail the suite instead of skipping it (CI).
    static bool required();

    const DatabaseConfig &config() const { return m_config; }
    // A new Database on it, opened, schema migrated when migrate is true.
    std::unique_ptr<Database> open(bool migrate = true) const;
    // A new Database as another login (PostgreSQL: `user=login` on the same database, as a
    // person connects with psql; SQLite: the same file). Null, with a warning, on failure.
    std::unique_ptr<Database> openAs(const QString &login) const;
    // The superuser conninfo of the cluster (PostgreSQL only), for tests that need it.
    static QString clusterConninfo();

private:
    TestDatabase() = default;
    DatabaseConfig m_config;
    QString m_pgName;
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace Recup::Testing

// In initTestCase(): builds `var`, skipping the suite (or failing it under RECUP_REQUIRE_PG).
#define RECUP_CREATE_TEST_DATABASE(var, suite)                                                     \
    do {                                                                                           \
        QString why_;                                                                              \
        var = Recup::Testing::TestDatabase::create(suite, &why_);                                  \
        if (!var) {                                                                                \
            if (Recup::Testing::TestDatabase::required())                                          \
                QFAIL(qPrintable(why_));                                                           \
            QSKIP(qPrintable(why_));                                                               \
        }                                                                                          \
    } while (false)
