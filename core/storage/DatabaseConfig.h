// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Recup {

// Where the data lives: a local SQLite file (single workstation) or a PostgreSQL server
// reached through any libpq connection string ("host=... dbname=...", "service=NAME",
// "postgresql://..." or "" to take everything from the PG* environment variables).
struct DatabaseConfig
{
    enum class Backend { Sqlite, Postgres };
    Backend backend = Backend::Sqlite;
    QString sqlitePath; // Sqlite only
    QString conninfo;   // Postgres only, libpq key=value form
    // A postgresql:// URI that could not be read (a port beyond 65535, a bad %-escape): opening
    // refuses it rather than falling back to the PG* environment's server.
    bool malformedUri = false;

    static DatabaseConfig sqlite(const QString &path);
    // Accepts "sqlite:PATH" too, so that one --database option serves both backends.
    static DatabaseConfig fromConninfo(const QString &text);

    bool isSqlite() const { return backend == Backend::Sqlite; }
    // The connection string without its password, for messages and logs.
    QString describe() const;
};

} // namespace Recup
