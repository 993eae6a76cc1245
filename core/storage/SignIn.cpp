// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/SignIn.h"

#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/SchemaMigrator.h"

namespace Recup {

namespace {

Result<Agent> checkSession(Database &db)
{
    if (const Status opened = db.open(); !opened)
        return opened.error();
    if (const Status schema = SchemaMigrator(db).check(); !schema)
        return schema.error();
    return ReferenceRepository(db).sessionAgent();
}

} // namespace

Result<Agent> signIn(const DatabaseConfig &config)
{
    Database db(config);
    Result<Agent> result = checkSession(db);
    db.releaseThreadConnection();
    return result;
}

} // namespace Recup
