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

    // What a transport sends: the stored bytes, unchanged.
    RenderedMail rendered() const { return {messageId, rfc5322, envelopeFrom, recipients}; }
};

QString toKey(OutboxMail::State state);

} // namespace Recup
