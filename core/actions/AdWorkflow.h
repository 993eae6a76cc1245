// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Pickup.h"
#include "mail/MailSettings.h"
#include "storage/AdRepository.h"

#include <QCoreApplication>

#include <functional>

namespace Recup {

class Database;
class Notifications;
class Transaction;

// An ad's changes together with the mails they cause, in one transaction: sending an ad to
// moderation writes the notice to the moderators, a decision writes the mail to the poster.
// Either both are saved or neither is. The screens call this rather than AdRepository for the
// actions that mail someone.
class AdWorkflow
{
    Q_DECLARE_TR_FUNCTIONS(AdWorkflow)
public:
    AdWorkflow(Database &db, const MailSettings &mail);

    Result<Ad> transition(qint64 adId, const TransitionRequest &request, const Actor &actor);
    // The owner closes the ad as exchanged and asks the logistics service to move it: the
    // closing and the transport request are saved together, or neither (a refused request
    // leaves the ad as it was).
    Result<Ad> closeWithTransport(qint64 adId,
                                  const TransitionRequest &close,
                                  const PickupRequest &transport,
                                  const Actor &actor);
    // The owner's edit of a published ad goes back to moderation: the moderators hear of it.
    Result<Ad> update(const Ad &ad, const Actor &actor);

    // Parts of a lot (issue #13): reserve part of a published lot for a service, release a
    // held part, give one to its service (the ad closes when the lot is all given). Each step
    // and its history row in one transaction; no mail follows them (none is asked for yet).
    Result<AdReservation>
    reservePart(qint64 adId, qint64 serviceId, int quantity, const Actor &actor);
    // A moderator releasing someone else's part says why (`reason`, kept in the history).
    Result<AdReservation>
    releasePart(const AdReservation &part, const Actor &actor, const QString &reason = {});
    Result<AdReservation> exchangePart(const AdReservation &part, const Actor &actor);
    // The owner gives a held part and asks the logistics service to carry it to the part's
    // service: both are saved, or neither (a refused request leaves the part held).
    Result<AdReservation> exchangePartWithTransport(const AdReservation &part,
                                                    const PickupRequest &transport,
                                                    const Actor &actor);

    // How many mails the last call wrote to the outbox: 0 or 1, and on an approval one more for
    // each wanted ad the ad matches (migration 023).
    int mailsWritten() const { return m_mailsWritten; }

private:
    // The transition, then `alongside` (when given) in the same transaction, then its mail.
    Result<Ad> run(qint64 adId,
                   const TransitionRequest &request,
                   const Actor &actor,
                   const std::function<Status()> &alongside);
    // Writes the action's mail and commits both, or neither.
    Result<Ad> finish(Transaction &transaction,
                      const Ad &before,
                      Result<Ad> after,
                      AdAction action,
                      const Actor &actor);
    Status notify(const Ad &before, const Ad &after, AdAction action, const Actor &actor);
    // The wanted ads an approved ad matches: their match rows and one mail to each author.
    Status alertWantedAds(Notifications &notifications, const Ad &ad, const Actor &actor);

    Database &m_db;
    MailSettings m_mail;
    int m_mailsWritten = 0;
};

} // namespace Recup
