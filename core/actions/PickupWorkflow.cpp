// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actions/PickupWorkflow.h"

#include "actions/Notifications.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QSqlError>

namespace Recup {

PickupWorkflow::PickupWorkflow(Database &db, const MailSettings &mail)
    : m_db(db)
    , m_mail(mail)
{}

Result<Pickup> PickupWorkflow::run(PickupAction step,
                                   const Actor &actor,
                                   const std::function<Result<Pickup>(PickupRepository &)> &write)
{
    m_mailsWritten = 0;
    if (const Status reopened = m_db.reopenIfEnded(); !reopened)
        return reopened.error();
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    PickupRepository repository(m_db);
    Result<Pickup> after = write(repository);
    if (!after)
        return after;
    if (step == PickupAction::Plan || step == PickupAction::MarkDelivered) {
        const Result<OutboxMail> mail
                = Notifications(m_db, m_mail).pickupStep(*after, step, actor.agentId);
        if (!mail)
            return mail.error(); // the step is undone with its mail
        m_mailsWritten = 1;
    }
    if (!transaction.commit()) {
        m_mailsWritten = 0;
        return databaseError(db.lastError());
    }
    return after;
}

Result<Pickup> PickupWorkflow::plan(qint64 id,
                                    int version,
                                    const QDate &day,
                                    const QString &team,
                                    int stopOrder,
                                    const Actor &actor)
{
    return run(PickupAction::Plan, actor, [&](PickupRepository &r) {
        return r.plan(id, version, day, team, stopOrder, actor);
    });
}

Result<Pickup> PickupWorkflow::markPickedUp(qint64 id, int version, const Actor &actor)
{
    return run(PickupAction::MarkPickedUp, actor, [&](PickupRepository &r) {
        return r.markPickedUp(id, version, actor);
    });
}

Result<Pickup> PickupWorkflow::markDelivered(qint64 id, int version, const Actor &actor)
{
    return run(PickupAction::MarkDelivered, actor, [&](PickupRepository &r) {
        return r.markDelivered(id, version, actor);
    });
}

Result<Pickup>
PickupWorkflow::cancel(qint64 id, int version, const QString &reason, const Actor &actor)
{
    return run(PickupAction::Cancel, actor, [&](PickupRepository &r) {
        return r.cancel(id, version, reason, actor);
    });
}

} // namespace Recup
