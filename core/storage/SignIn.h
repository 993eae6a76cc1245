// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Reference.h"
#include "storage/DatabaseConfig.h"

namespace Recup {

// Signs a person in with config: opens a connection of its own on the calling thread, checks
// that the schema is exactly the one this build knows, then asks the server whom the session
// belongs to (the agent and the roles the server grants). libpq blocks until the server answers
// or connect_timeout passes, so windows call this on a worker thread. The connection is closed
// before returning; the caller then opens its own with the same config.
// Errors: Connection (unreachable, wrong password, TLS, ...), SchemaMissing/Older/Newer,
// Forbidden (the login is not linked to an active agent), each with its sentence for the user.
Result<Agent> signIn(const DatabaseConfig &config);

} // namespace Recup
