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

// What a contact request is about: an ad in the catalogue, or a wanted ad it answers
// (migration 026: exactly one of the two).
struct ContactTarget
{
    enum class Kind { Ad, WantedAd };

    Kind kind = Kind::Ad;
    qint64 id = 0;

    static ContactTarget ad(qint64 adId) { return {Kind::Ad, adId}; }
    static ContactTarget wantedAd(qint64 wantedId) { return {Kind::WantedAd, wantedId}; }
    bool isWantedAd() const { return kind == Kind::WantedAd; }
};

// One click on Contact: who asked, for which service, about which ad (or which wanted ad they
// answer), and what they wrote.
struct ContactRequest
{
    qint64 id = 0;
    qint64 adId = 0;       // 0 when it answers a wanted ad
    qint64 wantedAdId = 0; // 0 when it is about an ad
    qint64 requesterId = 0;
    QString requesterName;
    qint64 requestingServiceId = 0;
    QString requestingServiceName;
    QString message;
    QString messageId; // the mail to the poster in the outbox
    QDateTime createdAt;

    ContactTarget target() const
    {
        return wantedAdId != 0 ? ContactTarget::wantedAd(wantedAdId) : ContactTarget::ad(adId);
    }
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
    // Transaction. A second request of the same requester about the same target is refused by
    // the database (migration 026): Error::Kind::Conflict with a translated message.
    Result<ContactRequest> insert(ContactRequest request);
    // The requests about one ad that the reader may see, oldest first.
    Result<QList<ContactRequest>> forAd(qint64 adId) const;
    // The answers to one wanted ad that the reader may see, oldest first.
    Result<QList<ContactRequest>> forWantedAd(qint64 wantedId) const;
    // When this requester asked about this target, as the database counts a second request
    // (for an ad: since it last went to the general store); invalid when never.
    Result<QDateTime> lastAsked(const ContactTarget &target, qint64 requesterId) const;
    // The wanted ads this requester answered, each with the date of the answer.
    Result<QHash<qint64, QDateTime>> answeredWantedAds(qint64 requesterId) const;
    Result<QDateTime> lastAsked(qint64 adId, qint64 requesterId) const
    {
        return lastAsked(ContactTarget::ad(adId), requesterId);
    }

private:
    Result<QList<ContactRequest>> read(const QString &where, qint64 value) const;

    Database &m_db;
};

} // namespace Recup
