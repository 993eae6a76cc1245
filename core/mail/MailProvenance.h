// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/OutboxMail.h"

#include <QCoreApplication>
#include <QString>

namespace Recup {

// Whether a claimed outbox row may go out, asked by every sender (the relay, moderators' and
// agents' clients) before a transport sees it. The database has judged the envelope against
// the action (OutboxMail::serverVerdict, PostgreSQL); this judges the bytes against the
// envelope, since an agent with psql writes both: only the header fields MimeWriter writes,
// each once; From is the envelope sender, named as the platform or "<author> via <platform>";
// To and Cc are exactly the envelope recipients; Reply-To only on a contact mail, the
// author's; the Message-ID is the row's; 7-bit lines ending in CRLF, nothing an SMTP server
// could read as another line or another message.
class MailProvenance
{
    Q_DECLARE_TR_FUNCTIONS(MailProvenance)
public:
    // Empty when the mail may be sent; otherwise why not, translated, for the moderators.
    // `policy.senderName` empty: the display name of From is not checked (SQLite: the
    // workstation's own settings name the sender).
    static QString refusal(const OutboxMail &mail, const MailPolicy &policy);

    // The sentence for a verdict code of the database (007_mail_from_actions.sql).
    static QString verdictText(const QString &code);
};

} // namespace Recup
