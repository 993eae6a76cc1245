// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Ad.h"
#include "domain/OutboxMail.h"
#include "domain/Pickup.h"
#include "domain/Reference.h"
#include "mail/MailMessage.h"
#include "mail/MailSettings.h"
#include "mail/MailTemplates.h"
#include "storage/WantedAdRepository.h"

#include <QCoreApplication>
#include <QHash>

namespace Recup {

class Database;

// Composes the application's mails from what the database knows (names, addresses, places) and
// writes them to the outbox, each naming the action it follows from. Every call joins the
// caller's Transaction, so a mail exists only if the action that caused it does. Mails come
// from the platform's sender address — the database's mail_policy on PostgreSQL, which checks
// every row against it, the workstation's settings on SQLite — or else from "ne-pas-repondre@"
// the acting agent's own mail domain, so that a relay accepts them.
class Notifications
{
    Q_DECLARE_TR_FUNCTIONS(Notifications)
public:
    Notifications(Database &db, const MailSettings &settings);

    // To the poster, the moderators in Cc, Reply-To the requester, about the contact request
    // `requestId` (already written), under the Message-ID it names.
    Result<OutboxMail> contact(const Ad &ad,
                               const Agent &requester,
                               const Service &requestingService,
                               const QString &message,
                               qint64 requestId,
                               const QString &messageId);
    // To the wanted ad's author, the moderators in Cc, Reply-To the requester: an answer to
    // « Recherche : … », the contact request `requestId` (already written). Its outbox kind is
    // "contact" too: the action is a contact request either way.
    Result<OutboxMail> wantedAnswer(const WantedAd &wanted,
                                    const Agent &requester,
                                    const Service &requestingService,
                                    const QString &message,
                                    qint64 requestId,
                                    const QString &messageId);
    // The Message-ID a contact mail of this requester will have.
    QString newMessageId(const Agent &requester) const;
    // To the moderators: the ad waits for a decision. authorId: who sent it to moderation.
    Result<OutboxMail> adSubmitted(const Ad &ad, qint64 authorId);
    // To the poster: approved, or rejected with the reason. authorId: the moderator.
    Result<OutboxMail> adDecided(const Ad &ad, AdAction decision, qint64 authorId);
    // To the poster: a moderator (authorId) removed the ad, with the reason the history keeps
    // and the moderators' address to write to.
    Result<OutboxMail> adRemoved(const Ad &ad, qint64 authorId);
    // To the wanted ad's author: the ad a moderator (authorId) just approved matches it. The
    // action is the match row (written in the approval's transaction).
    Result<OutboxMail> wantedMatch(const Ad &ad, const WantedMatch &match, qint64 authorId);
    // To the poster, before the ad leaves the catalogue; written by the system (relay). Its
    // Message-ID is derived from the ad and its expiry date, so a second call for the same
    // expiry writes nothing and returns NotFound-free success with the existing id.
    Result<OutboxMail> expiryReminder(const Ad &ad);

    // To the agents of the transport's two services: planned (after a Plan step) or done
    // (after MarkDelivered), following the latest such step of `authorId` in its history.
    Result<OutboxMail> pickupStep(const Pickup &pickup, PickupAction step, qint64 authorId);

    // The Message-ID of the reminder for the ad's current expiry date.
    QString expiryReminderId(const Ad &ad) const;

    // The moderators' addresses: the platform's one, or every active moderator's own.
    Result<QList<MailAddress>> moderators() const;
    // Who the mails come from and who hears of the moderators' business: the database's policy
    // where it keeps one (PostgreSQL), else this workstation's mail settings.
    Result<MailPolicy> platform() const;

    // The mail of `kind` from `fields` to these people, not yet written anywhere.
    Result<MailMessage> compose(MailKind kind,
                                const QHash<QString, QString> &fields,
                                const QList<MailAddress> &to,
                                const QList<MailAddress> &cc,
                                const QString &actingEmail) const;

    // "12 mars 2027", whatever the screen language: mails are French.
    static QString frenchDate(const QDateTime &at);

private:
    Result<QHash<QString, QString>> adFields(const Ad &ad) const;
    Result<Agent> agent(qint64 id) const;
    // A contact mail (Contact on an ad, or an answer to a wanted ad) to `recipient`, the
    // moderators in Cc, from the requester via the platform, Reply-To the requester.
    Result<OutboxMail> requestMail(MailKind kind,
                                   QHash<QString, QString> fields,
                                   const Agent &recipient,
                                   const Agent &requester,
                                   const Service &requestingService,
                                   const QString &message,
                                   qint64 requestId,
                                   const QString &messageId);
    // The latest history row of the ad that moved it to `state` (the action a mail follows).
    Result<qint64> historyRow(qint64 adId, AdState state) const;

    Database &m_db;
    MailSettings m_settings;
    mutable std::optional<MailPolicy> m_platform;
};

} // namespace Recup
