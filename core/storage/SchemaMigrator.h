// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QList>

namespace Recup {

class Database;

// Applies the numbered scripts of sql/<dialect>/ (compiled in as resources), each in its own
// transaction, and records each in schema_version. Refuses a schema newer than it knows.
class SchemaMigrator
{
    Q_DECLARE_TR_FUNCTIONS(SchemaMigrator)
public:
    // scriptsFolder overrides the compiled-in sql/<dialect>/ (tests use it).
    explicit SchemaMigrator(Database &db, const QString &scriptsFolder = {});

    int latestKnownVersion() const;
    // 0 when the database holds no schema at all.
    Result<int> currentVersion() const;
    // Ok when the schema is exactly the one this build knows; otherwise SchemaMissing,
    // SchemaOlder or SchemaNewer with a sentence for the user.
    Status check() const;
    // Brings the schema up to latestKnownVersion(); SchemaNewer is refused untouched.
    Status migrate();

    struct Step
    {
        int version = 0;
        QString description; // from the file name: 001_initial.sql -> "initial"
        QString resourcePath;
    };
    QList<Step> steps() const;

private:
    Database &m_db;
    QString m_folder;
};

} // namespace Recup
