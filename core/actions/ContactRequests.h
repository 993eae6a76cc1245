// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Reference.h"
#include "mail/MailSettings.h"
#include "storage/ContactRequestRepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

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
    // empty or too long, the service unknown, the ad no longer in the catalogue, or one's own;
    // and when the requester already asked about it in the last day (PostgreSQL enforces it:
    // each request mails the poster).
    Result<ContactRequest> send(qint64 adId,
                                const Agent &requester,
                                qint64 requestingServiceId,
                                const QString &message,
                                const MailSettings &mail);
    // The requests about one ad that the reader may see, oldest first.
    Result<QList<ContactRequest>> forAd(qint64 adId) const
    {
        return ContactRequestRepository(m_db).forAd(adId);
    }

private:
    Database &m_db;
};

} // namespace Recup
