// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Recup {

// A message ready for a transport: its RFC 5322 bytes and its SMTP envelope, all validated.
// MimeWriter (mail/) makes it; the outbox table (storage/) keeps it; transports send it.
struct RenderedMail
{
    QString messageId;
    QByteArray data; // CRLF line endings, 7-bit, not dot-stuffed
    QString envelopeFrom;
    QStringList recipients;
};

// One mail of the outbox table: the bytes as rendered when it was written, and where its
// delivery stands.
struct OutboxMail
{
    enum class State { Queued, Sending, Sent, Failed };

    qint64 id = 0;
    QString messageId;
    QDateTime createdAt;
    qint64 authorId = 0; // 0: the system wrote it
    QString kind;        // "contact", "moderation", "expiry"...
    QStringList recipients;
    QByteArray rfc5322;
    QString envelopeFrom;
    State state = State::Queued;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QDateTime sentAt;
    qint64 actionId = 0; // the contact request, history row or ad (reminders) it follows from
    QString refusal;     // why a sender refused it (then Failed for good); empty otherwise

    // Read by OutboxRepository::claimDue() for the sender's checks (MailProvenance):
    QString serverVerdict; // the database's verdict code, "" when it holds or has none
    QString authorName;
    QString authorEmail;

    bool isRefused() const { return !refusal.isEmpty(); }

    // What a transport sends: the stored bytes, unchanged.
    RenderedMail rendered() const { return {messageId, rfc5322, envelopeFrom, recipients}; }
};

// The platform's mail identity as the database keeps it (PostgreSQL's mail_policy, set with
// collectiv-recup-admin mail-policy). Empty fields: not set.
struct MailPolicy
{
    QString senderAddress;
    QString senderName;
    QString moderatorsAddress;
};

QString toKey(OutboxMail::State state);

// One line of an outbox row's recipients as the database compares it (outbox_verdict,
// recup.mail_addresses(), 028): blanks, tabs and CR trimmed, lower case.
QString comparedAddress(const QString &line);

// How an agent's address `email` (compared already) stands among a mail's recipients.
enum class AddressShare {
    None,  // not a recipient
    Alone, // the only one: the mail is theirs
    Among, // one of several: only their line leaves it
};
AddressShare addressShare(const QString &recipients, const QString &email);

} // namespace Recup
