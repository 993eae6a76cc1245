// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actions/RetentionRound.h"

#include "storage/PersonalDataRepository.h"

namespace Recup {

RetentionRound::RetentionRound(Database &db, int batchSize)
    : m_db(db)
    , m_batchSize(batchSize)
{}

Result<RetentionRound::Outcome> RetentionRound::run()
{
    PersonalDataRepository personalData(m_db);
    const Result<int> months = personalData.retentionMonths();
    if (!months)
        return months.error();
    Outcome outcome;
    outcome.months = *months;
    for (;;) {
        const auto batch = personalData.anonymiseBatch(m_batchSize);
        if (!batch)
            return batch.error();
        ++outcome.batches;
        outcome.messages += batch->messages;
        outcome.mails += batch->mails;
        // A batch short of its size on both tables: nothing older is left.
        if (batch->messages < m_batchSize && batch->mails < m_batchSize)
            return outcome;
    }
}

} // namespace Recup
