// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Recup {

// The mails the application writes. Their key is the outbox's `kind`.
enum class MailKind {
    Contact,        // to the poster, moderators in Cc, reply-to the requester
    AdSubmitted,    // to the moderators: an ad waits for a decision
    AdApproved,     // to the poster
    AdRejected,     // to the poster, with the reason
    ExpiryReminder, // to the poster, before the ad leaves the catalogue
    WantedMatch,    // to the agent looking for something
    PickupPlanned,  // to both services' agents
    PickupDone,     // to both services' agents
    AdRemoved,      // to the poster: a moderator removed the ad, with the reason
    WantedAnswer,   // to a wanted ad's author, moderators in Cc, reply-to the one who answers
                    // (queued under the outbox kind "contact": it is a contact request)
};

QString toKey(MailKind kind);
std::optional<MailKind> mailKindFromKey(const QString &key);

// A mail's words: subject, plain text, HTML alternative.
struct MailContent
{
    QString subject;
    QString text;
    QString html;
};

// The French templates of core/mail/templates (compiled in as :/mail/): "<kind>.txt" has the
// subject on its first line, a blank line, then the body; "<kind>.html" is the body of the HTML
// alternative, set in layout.html. Mails are French whatever the sender's screen language:
// they go to other people. "{{name}}" takes a field, as typed (HTML-escaped in the HTML part,
// line breaks kept); "{{name?}}" is optional, and its line is left out when the value is empty.
class MailTemplates
{
    Q_DECLARE_TR_FUNCTIONS(MailTemplates)
public:
    // Every field of the kind must be given; a value is never read as a template itself.
    static Result<MailContent> render(MailKind kind, const QHash<QString, QString> &fields);
    // The names of the fields the kind's templates use (optional ones included).
    static QStringList fieldNames(MailKind kind);
};

} // namespace Recup
