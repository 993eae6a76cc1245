// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QString>

namespace Recup {
class Database;
}

namespace RecupBench {

constexpr int ImportAgents = 5000;
constexpr int ImportServices = 50;

// collectiv-recup-admin import --kind agents of 5,000 agents with roles (#12), on PostgreSQL.
struct ImportMeasure
{
    double importMs = 0;   // CsvReader, ReferenceImport::plan, ReferenceImportStore::apply
    double baselineMs = 0; // the same INSERTs, CREATE ROLE and GRANTs run directly, one transaction
    double secondMs = 0;   // the same file again: read, compared, nothing written
    int added = 0;
    int unchanged = 0; // of the second import
    int groupGrants = 0;
};

// On `db`, a fresh migrated database reached as the cluster's superuser. The login roles it
// creates (bi.* and bb.*) are dropped at the end, as they are cluster-wide.
Recup::Result<ImportMeasure> measureImport(Recup::Database &db);

} // namespace RecupBench
