// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actions/ContactRequests.h"

#include "actions/Notifications.h"
#include "domain/UserText.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/Transaction.h"
#include "storage/WantedAdRepository.h"

#include <QSqlError>

namespace Recup {

ContactRequests::ContactRequests(Database &db)
    : m_db(db)
{}

Result<Service> ContactRequests::checkRequest(const ContactTarget &target,
                                              const QString &text,
                                              qint64 requestingServiceId) const
{
    Error invalid{Error::Kind::Invalid, tr("The request cannot be sent."), {}, {}};
    const qsizetype length = UserText::characterCount(text);
    if (text.isEmpty())
        invalid.fields.append({QStringLiteral("message"),
                               target.isWantedAd()
                                       ? tr("Write a few words to the searcher: what you could "
                                            "give, where and when it could be collected.")
                                       : tr("Write a few words to the poster: what you need it "
                                            "for, when you could collect it.")});
    else if (UserText::hasUnstorableCharacter(text, UserText::LineBreaks::Allowed))
        invalid.fields.append({QStringLiteral("message"),
                               tr("The message contains a character that cannot be sent (a "
                                  "control character or a broken symbol, often brought by a "
                                  "paste): remove it.")});
    else if (length > MessageMaxLength)
        invalid.fields.append({QStringLiteral("message"),
                               tr("The message is %1 characters long; %2 at most.")
                                       .arg(length)
                                       .arg(MessageMaxLength)});
    const Result<QList<Service>> services = ReferenceRepository(m_db).services();
    if (!services)
        return services.error();
    std::optional<Service> service;
    for (const Service &s : *services) {
        if (s.id == requestingServiceId)
            service = s;
    }
    if (!service)
        invalid.fields.append({QStringLiteral("service"),
                               target.isWantedAd()
                                       ? tr("Choose the service that would give the items.")
                                       : tr("Choose the service that would receive the items.")});
    if (!invalid.fields.isEmpty())
        return invalid;
    return *service;
}

Result<ContactRequests::Asked> ContactRequests::readTarget(const ContactTarget &target,
                                                           const Agent &requester) const
{
    Asked asked;
    if (target.isWantedAd()) {
        Result<WantedAd> found = WantedAdRepository(m_db).get(target.id);
        if (!found && found.error().kind != Error::Kind::NotFound)
            return found.error();
        if (found && found->authorId == requester.id)
            return Error{Error::Kind::Forbidden,
                         tr("This wanted ad is yours: nobody to answer."),
                         {},
                         {}};
        if (!found || found->state != WantedAd::State::Open)
            return Error{Error::Kind::NotFound,
                         tr("This wanted ad is closed or expired: nobody waits for an answer "
                            "any more."),
                         found ? QString() : found.error().detail,
                         {}};
        asked.wanted = *found;
        return asked;
    }
    Result<Ad> found = AdRepository(m_db).get(target.id, false);
    if (!found) {
        if (found.error().kind == Error::Kind::NotFound)
            return Error{Error::Kind::NotFound,
                         tr("This ad is no longer in the catalogue."),
                         found.error().detail,
                         {}};
        return found.error();
    }
    if (found->ownerId == requester.id)
        return Error{Error::Kind::Forbidden, tr("This ad is yours: nobody to contact."), {}, {}};
    if (found->state != AdState::Published && found->state != AdState::Reserved)
        return Error{Error::Kind::NotFound, tr("This ad is no longer in the catalogue."), {}, {}};
    asked.ad = *found;
    return asked;
}

Status ContactRequests::refuseIfAsked(const ContactTarget &target, const Agent &requester) const
{
    const Result<QDateTime> asked = ContactRequestRepository(m_db).lastAsked(target, requester.id);
    if (!asked)
        return asked.error();
    if (!asked->isValid())
        return {};
    const Result<QDateTime> now = m_db.serverNow();
    if (!now)
        return now.error();
    const QString day = spokenDay(asked->toLocalTime().date(), now->toLocalTime().date());
    return Error{Error::Kind::Conflict,
                 target.isWantedAd()
                         ? tr("You already answered this wanted ad on %1: its author has "
                              "your message and answers by mail.")
                                   .arg(day)
                         : tr("You already asked about this item on %1: the giver has your "
                              "message and answers by mail.")
                                   .arg(day),
                 {},
                 {}};
}

Result<ContactRequest> ContactRequests::send(const ContactTarget &target,
                                             const Agent &requester,
                                             qint64 requestingServiceId,
                                             const QString &message,
                                             const MailSettings &mail)
{
    const QString text = message.trimmed();
    const Result<Service> service = checkRequest(target, text, requestingServiceId);
    if (!service)
        return service.error();

    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    const Result<Asked> asked = readTarget(target, requester);
    if (!asked)
        return asked.error();
    if (const Status once = refuseIfAsked(target, requester); !once)
        return once.error();

    // The request first: the mail names it as the action it follows from.
    const std::optional<Ad> &ad = asked->ad;
    const std::optional<WantedAd> &wanted = asked->wanted;
    Notifications notifications(m_db, mail);
    ContactRequest request;
    request.adId = ad ? ad->id : 0;
    request.wantedAdId = wanted ? wanted->id : 0;
    request.requesterId = requester.id;
    request.requesterName = requester.displayName;
    request.requestingServiceId = service->id;
    request.requestingServiceName = service->name;
    request.message = text;
    request.messageId = notifications.newMessageId(requester);
    const Result<ContactRequest> recorded = ContactRequestRepository(m_db).insert(request);
    if (!recorded)
        return recorded.error();
    const Result<OutboxMail> queued
            = wanted ? notifications.wantedAnswer(
                      *wanted, requester, *service, text, recorded->id, request.messageId)
                     : notifications.contact(
                             *ad, requester, *service, text, recorded->id, request.messageId);
    if (!queued)
        return queued.error();
    if (!transaction.commit())
        return databaseError(db.lastError(), tr("The request could not be recorded."));
    return recorded;
}

} // namespace Recup
