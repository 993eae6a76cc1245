// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/OutboxMail.h"
#include "mail/MailMessage.h"

#include <QString>

namespace Recup {

class Database;

// Writes a mail to the outbox: stamps it (a Message-ID and a date, unless it has them),
// renders it with MimeWriter and hands the bytes to OutboxRepository. Joins the caller's
// Transaction, so the mail exists only if the action that caused it does.
class MailQueue
{
public:
    explicit MailQueue(Database &db);

    // authorId 0: a mail of the system (administrators' sessions only). actionId: the contact
    // request, history row or ad (expiry reminders) the mail follows from.
    Result<OutboxMail>
    enqueue(const MailMessage &message, const QString &kind, qint64 authorId, qint64 actionId);

private:
    Database &m_db;
};

} // namespace Recup
