// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Ad.h"
#include "domain/Reference.h"
#include "mail/MailSettings.h"
#include "storage/ContactRequestRepository.h"
#include "storage/WantedAdRepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Recup {

class Database;

// Contact requests: recorded in the transaction that writes the mail to the poster (moderators
// in Cc, Reply-To the requester), so that there is never a request without its mail or a
// mail without its request.
class ContactRequests
{
    Q_DECLARE_TR_FUNCTIONS(ContactRequests)
public:
    static constexpr int MessageMaxLength = 2000;

    explicit ContactRequests(Database &db);

    // Refused with a translated message (field "message" or "service") when the message is
    // empty or too long, the service unknown, the ad no longer in the catalogue (the wanted ad
    // no longer open), or one's own; and when the requester already asked about it (both
    // databases refuse it too: each request mails a person). An answer to a wanted ad goes to
    // its author, moderators in Cc, Reply-To the requester, as Contact on an ad does.
    Result<ContactRequest> send(const ContactTarget &target,
                                const Agent &requester,
                                qint64 requestingServiceId,
                                const QString &message,
                                const MailSettings &mail);
    Result<ContactRequest> send(qint64 adId,
                                const Agent &requester,
                                qint64 requestingServiceId,
                                const QString &message,
                                const MailSettings &mail)
    {
        return send(ContactTarget::ad(adId), requester, requestingServiceId, message, mail);
    }
    // The requests about one ad that the reader may see, oldest first.
    Result<QList<ContactRequest>> forAd(qint64 adId) const
    {
        return ContactRequestRepository(m_db).forAd(adId);
    }
    // When the requester asked about the target (invalid: never), which disables Contact.
    Result<QDateTime> askedOn(const ContactTarget &target, qint64 requesterId) const
    {
        return ContactRequestRepository(m_db).lastAsked(target, requesterId);
    }

private:
    // What is asked about, read in the request's transaction: one of the two is set.
    struct Asked
    {
        std::optional<Ad> ad;
        std::optional<WantedAd> wanted;
    };
    // The message and the requesting service, each fault under its field.
    Result<Service> checkRequest(const ContactTarget &target,
                                 const QString &text,
                                 qint64 requestingServiceId) const;
    // Gone, closed or one's own is refused.
    Result<Asked> readTarget(const ContactTarget &target, const Agent &requester) const;
    // Once per target: each request mails a person (migration 026 refuses a second one too).
    Status refuseIfAsked(const ContactTarget &target, const Agent &requester) const;

    Database &m_db;
};

} // namespace Recup
