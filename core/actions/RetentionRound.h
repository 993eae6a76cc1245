// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

namespace Recup {

class Database;

// The system's side of personal data, run by the relay every hour beside the expiry round and
// by `collectiv-recup-admin retention --run` (cron): contact messages and the personal parts of
// mails older than the retention the administrators set are anonymised, in batches, each
// committed on its own so that a backlog of years never holds one long transaction, and rows
// already anonymised are never read again (idempotent). Needs an administrator's session on
// PostgreSQL (recup.anonymise_personal_data(), migration 028).
class RetentionRound
{
public:
    static constexpr int BatchSize = 2000;

    struct Outcome
    {
        int months = 0;   // the retention applied
        int messages = 0; // contact messages anonymised this round
        int mails = 0;    // mails anonymised this round
        int batches = 0;
    };

    explicit RetentionRound(Database &db, int batchSize = BatchSize);

    Result<Outcome> run();

private:
    Database &m_db;
    int m_batchSize;
};

} // namespace Recup
