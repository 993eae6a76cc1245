// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actions/ContactRequests.h"

#include "actions/Notifications.h"
#include "domain/UserText.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/Transaction.h"

#include <QLocale>
#include <QSqlError>

namespace Recup {

ContactRequests::ContactRequests(Database &db)
    : m_db(db)
{}

Result<ContactRequest> ContactRequests::send(qint64 adId,
                                             const Agent &requester,
                                             qint64 requestingServiceId,
                                             const QString &message,
                                             const MailSettings &mail)
{
    const QString text = message.trimmed();
    Error invalid{Error::Kind::Invalid, tr("The request cannot be sent."), {}, {}};
    const qsizetype length = UserText::characterCount(text);
    if (text.isEmpty())
        invalid.fields.append({QStringLiteral("message"),
                               tr("Write a few words to the poster: what you need it for, when "
                                  "you could collect it.")});
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
                               tr("Choose the service that would receive the items.")});
    if (!invalid.fields.isEmpty())
        return invalid;

    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    const Result<Ad> ad = AdRepository(m_db).get(adId, false);
    if (!ad) {
        if (ad.error().kind == Error::Kind::NotFound)
            return Error{Error::Kind::NotFound,
                         tr("This ad is no longer in the catalogue."),
                         ad.error().detail,
                         {}};
        return ad.error();
    }
    if (ad->ownerId == requester.id)
        return Error{Error::Kind::Forbidden, tr("This ad is yours: nobody to contact."), {}, {}};
    if (ad->state != AdState::Published && ad->state != AdState::Reserved)
        return Error{Error::Kind::NotFound, tr("This ad is no longer in the catalogue."), {}, {}};

    // Once a day per ad: each request mails the poster (contact_request_pace, migration 007).
    const Result<QDateTime> asked = ContactRequestRepository(m_db).lastAsked(adId, requester.id);
    if (!asked)
        return asked.error();
    const Result<QDateTime> now = m_db.serverNow();
    if (!now)
        return now.error();
    if (asked->isValid() && asked->addDays(1) > *now)
        return Error{Error::Kind::Forbidden,
                     tr("You already asked about this ad on %1: the poster has your message and "
                        "answers by mail. You can ask again from %2.")
                             .arg(QLocale().toString(asked->toLocalTime(), QLocale::ShortFormat),
                                  QLocale().toString(asked->addDays(1).toLocalTime(),
                                                     QLocale::ShortFormat)),
                     {},
                     {}};

    // The request first: the mail names it as the action it follows from.
    Notifications notifications(m_db, mail);
    ContactRequest request;
    request.adId = adId;
    request.requesterId = requester.id;
    request.requesterName = requester.displayName;
    request.requestingServiceId = service->id;
    request.requestingServiceName = service->name;
    request.message = text;
    request.messageId = notifications.newMessageId(requester);
    const Result<ContactRequest> recorded = ContactRequestRepository(m_db).insert(request);
    if (!recorded)
        return recorded.error();
    const Result<OutboxMail> queued = notifications.contact(
            *ad, requester, *service, text, recorded->id, request.messageId);
    if (!queued)
        return queued.error();
    if (!transaction.commit())
        return databaseError(db.lastError(), tr("The request could not be recorded."));
    return recorded;
}

} // namespace Recup
