// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace Recup {

// One mailbox: "Hélène Lefèvre <helene.lefevre@agglo.example>". The name is free text that
// the writer sanitises and encodes; the address must pass MailAddress::validate.
struct MailAddress
{
    QString address;
    QString name;

    bool isEmpty() const { return address.isEmpty(); }
    bool operator==(const MailAddress &) const = default;

    // The address as it may travel in a header or an SMTP envelope: ASCII local part, domain
    // in ASCII (IDNA). Rejects anything that could end or add a header (CR, LF, '<', '>', ',',
    // spaces, control characters, quotes...). `field` names the form field in the Error.
    static Result<QString> validate(const QString &address,
                                    const QString &field = QStringLiteral("address"));

    Q_DECLARE_TR_FUNCTIONS(MailAddress) // last: the macro ends on "private:"
};

// A mail as the application composes it. Plain value: copy it, store it, send it again.
struct MailMessage
{
    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    MailAddress replyTo; // empty: none
    QString subject;
    QString textBody;
    QString htmlBody; // empty: text only; otherwise multipart/alternative
    // "<uuid@sender-domain>", set once by stamp() and kept when the message is sent again.
    QString messageId;
    QDateTime date;
    // Extra unstructured headers, e.g. {"Auto-Submitted", "auto-generated"}; names must be
    // plain header names and may not replace the ones the writer sets.
    QList<std::pair<QByteArray, QString>> extraHeaders;

    // Gives the message its identity if it has none yet: a new Message-ID and `now` as Date.
    // Calling it again changes nothing, so a message re-sent keeps its Message-ID.
    void stamp(const QDateTime &now = QDateTime::currentDateTimeUtc());

    // "<uuid@domain>" with the domain of `fromAddress` (or a neutral one when it has none).
    static QString newMessageId(const QString &fromAddress);

    // The SMTP envelope: every To and Cc address, in order, without duplicates. No Bcc.
    QStringList envelopeRecipients() const;
};

} // namespace Recup
