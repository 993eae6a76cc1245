// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "mail/MailSettings.h"
#include "storage/PickupRepository.h"

namespace Recup {

class Database;

// A transport's steps together with the mails they cause, in one transaction: planning it
// and delivering it mail the agents of both services; either the step and its mail are saved,
// or neither. The logistics window calls this rather than PickupRepository.
class PickupWorkflow
{
public:
    PickupWorkflow(Database &db, const MailSettings &mail);

    Result<Pickup> plan(qint64 id,
                        int version,
                        const QDate &day,
                        const QString &team,
                        int stopOrder,
                        const Actor &actor);
    Result<Pickup> markPickedUp(qint64 id, int version, const Actor &actor);
    Result<Pickup> markDelivered(qint64 id, int version, const Actor &actor);
    Result<Pickup> cancel(qint64 id, int version, const QString &reason, const Actor &actor);

    // How many mails the last call wrote to the outbox (0 or 1).
    int mailsWritten() const { return m_mailsWritten; }

private:
    Result<Pickup> run(PickupAction step,
                       const Actor &actor,
                       const std::function<Result<Pickup>(PickupRepository &)> &write);

    Database &m_db;
    MailSettings m_mail;
    int m_mailsWritten = 0;
};

} // namespace Recup
