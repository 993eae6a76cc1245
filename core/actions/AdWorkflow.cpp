// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actions/AdWorkflow.h"

#include "actions/Notifications.h"
#include "storage/Database.h"
#include "storage/PickupRepository.h"
#include "storage/Transaction.h"
#include "storage/WantedAdRepository.h"

#include <QSqlError>

namespace Recup {

AdWorkflow::AdWorkflow(Database &db, const MailSettings &mail)
    : m_db(db)
    , m_mail(mail)
{}

Status AdWorkflow::notify(const Ad &before, const Ad &after, AdAction action, const Actor &actor)
{
    Notifications notifications(m_db, m_mail);
    if (after.state == AdState::Pending && before.state != AdState::Pending) {
        const Result<QList<MailAddress>> moderators = notifications.moderators();
        if (!moderators)
            return moderators.error();
        if (moderators->isEmpty())
            return {}; // nobody to tell; the queue shows the ad all the same
        const Result<OutboxMail> mail = notifications.adSubmitted(after, actor.agentId);
        if (!mail)
            return mail.error();
        ++m_mailsWritten;
        return {};
    }
    if (action == AdAction::Approve || action == AdAction::Reject) {
        const Result<OutboxMail> mail = notifications.adDecided(after, action, actor.agentId);
        if (!mail)
            return mail.error();
        ++m_mailsWritten;
    }
    if (action == AdAction::Approve) {
        if (const Status alerted = alertWantedAds(notifications, after, actor); !alerted)
            return alerted;
    }
    if (action == AdAction::Remove) {
        // Whichever window removed it (the queue, the online ads, the store): the poster hears
        // why, or the removal is not saved.
        const Result<OutboxMail> mail = notifications.adRemoved(after, actor.agentId);
        if (!mail)
            return mail.error();
        ++m_mailsWritten;
    }
    return {};
}

Status AdWorkflow::alertWantedAds(Notifications &notifications, const Ad &ad, const Actor &actor)
{
    const Result<qint64> approval = AdRepository(m_db).lastHistoryId(ad.id, AdState::Published);
    if (!approval)
        return approval.error();
    const Result<QList<WantedMatch>> matches
            = WantedAdRepository(m_db).recordMatches(ad.id, *approval);
    if (!matches)
        return matches.error();
    for (const WantedMatch &match : *matches) {
        const Result<OutboxMail> mail = notifications.wantedMatch(ad, match, actor.agentId);
        if (!mail)
            return mail.error();
        ++m_mailsWritten;
    }
    return {};
}

Result<Ad> AdWorkflow::transition(qint64 adId, const TransitionRequest &request, const Actor &actor)
{
    return run(adId, request, actor, {});
}

Result<Ad> AdWorkflow::closeWithTransport(qint64 adId,
                                          const TransitionRequest &close,
                                          const PickupRequest &transport,
                                          const Actor &actor)
{
    m_mailsWritten = 0;
    if (close.action != AdAction::Close || close.closeReason != CloseReason::Exchanged)
        return Error{Error::Kind::Invalid,
                     tr("A transport is asked when closing an ad as exchanged."),
                     {},
                     {}};
    return run(adId, close, actor, [&]() -> Status {
        if (const Result<Pickup> asked = PickupRepository(m_db).request(adId, transport, actor);
            !asked)
            return asked.error(); // the transaction rolls back: the ad stays as it was
        return {};
    });
}

Result<AdReservation>
AdWorkflow::reservePart(qint64 adId, qint64 serviceId, int quantity, const Actor &actor)
{
    m_mailsWritten = 0;
    if (const Status reopened = m_db.reopenIfEnded(); !reopened)
        return reopened.error();
    return AdRepository(m_db).reservePart(adId, serviceId, quantity, actor);
}

Result<AdReservation>
AdWorkflow::releasePart(const AdReservation &part, const Actor &actor, const QString &reason)
{
    m_mailsWritten = 0;
    if (const Status reopened = m_db.reopenIfEnded(); !reopened)
        return reopened.error();
    return AdRepository(m_db).releasePart(part, actor, {}, reason);
}

Result<AdReservation> AdWorkflow::exchangePart(const AdReservation &part, const Actor &actor)
{
    m_mailsWritten = 0;
    if (const Status reopened = m_db.reopenIfEnded(); !reopened)
        return reopened.error();
    return AdRepository(m_db).exchangePart(part, actor);
}

Result<AdReservation> AdWorkflow::exchangePartWithTransport(const AdReservation &part,
                                                            const PickupRequest &transport,
                                                            const Actor &actor)
{
    m_mailsWritten = 0;
    if (const Status reopened = m_db.reopenIfEnded(); !reopened)
        return reopened.error();
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    const Result<AdReservation> given = AdRepository(m_db).exchangePart(part, actor);
    if (!given)
        return given.error();
    if (const Result<Pickup> asked = PickupRepository(m_db).requestPart(part.id, transport, actor);
        !asked)
        return asked.error(); // the transaction rolls back: the part stays held
    if (!transaction.commit())
        return databaseError(db.lastError(), tr("The part could not be given."));
    return given;
}

Result<Ad> AdWorkflow::run(qint64 adId,
                           const TransitionRequest &request,
                           const Actor &actor,
                           const std::function<Status()> &alongside)
{
    m_mailsWritten = 0;
    // After a server restart, the person's action goes through at once on a new session.
    if (const Status reopened = m_db.reopenIfEnded(); !reopened)
        return reopened.error();
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    AdRepository repository(m_db);
    const Result<Ad> before = repository.get(adId, false);
    if (!before) // the repository says best what became of it, and who acted first
        return repository.transition(adId, request, actor);
    Result<Ad> after = repository.transition(adId, request, actor);
    if (after && alongside) {
        if (const Status done = alongside(); !done)
            return done.error();
    }
    return finish(transaction, *before, std::move(after), request.action, actor);
}

Result<Ad> AdWorkflow::finish(Transaction &transaction,
                              const Ad &before,
                              Result<Ad> after,
                              AdAction action,
                              const Actor &actor)
{
    if (!after)
        return after;
    if (const Status mailed = notify(before, *after, action, actor); !mailed) {
        m_mailsWritten = 0;
        return mailed.error();
    }
    if (!transaction.commit()) {
        m_mailsWritten = 0;
        return databaseError(m_db.connection().lastError());
    }
    return after;
}

Result<Ad> AdWorkflow::update(const Ad &ad, const Actor &actor)
{
    m_mailsWritten = 0;
    if (const Status reopened = m_db.reopenIfEnded(); !reopened)
        return reopened.error();
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    AdRepository repository(m_db);
    const Result<Ad> before = repository.get(ad.id, false);
    if (!before)
        return before.error();
    return finish(transaction, *before, repository.update(ad, actor), AdAction::Edit, actor);
}

} // namespace Recup
