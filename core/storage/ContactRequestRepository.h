// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace Recup {

class Database;

// One click on Contact: who asked, for which service, about which ad, and what they wrote.
struct ContactRequest
{
    qint64 id = 0;
    qint64 adId = 0;
    qint64 requesterId = 0;
    QString requesterName;
    qint64 requestingServiceId = 0;
    QString requestingServiceName;
    QString message;
    QString messageId; // the mail to the poster in the outbox
    QDateTime createdAt;
};

// The contact_request table. Rows are written by ContactRequests::send (actions/), in the
// transaction that writes their mail.
class ContactRequestRepository
{
    // Its messages keep the translation context they had before the SQL moved here.
    Q_DECLARE_TR_FUNCTIONS(ContactRequests)
public:
    explicit ContactRequestRepository(Database &db);

    // Records the request (its id and creation time are filled in). Joins the caller's
    // Transaction.
    Result<ContactRequest> insert(ContactRequest request);
    // The requests about one ad that the reader may see, oldest first.
    Result<QList<ContactRequest>> forAd(qint64 adId) const;
    // When this requester last asked about this ad; invalid when never.
    Result<QDateTime> lastAsked(qint64 adId, qint64 requesterId) const;

private:
    Database &m_db;
};

} // namespace Recup
