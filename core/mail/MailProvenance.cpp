// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/MailProvenance.h"

#include "mail/MailHeaders.h"
#include "mail/MailMessage.h"
#include "mail/MimeWriter.h"

#include <QSet>

#include <array>

namespace Recup {

namespace {

// The fields MimeWriter writes, and how many times each must appear (min, max).
struct FieldRule
{
    const char *name;
    int least;
};

constexpr std::array<FieldRule, 11> Fields{{
        {"From", 1},
        {"To", 1},
        {"Cc", 0},
        {"Reply-To", 0},
        {"Subject", 1},
        {"Date", 1},
        {"Message-ID", 1},
        {"MIME-Version", 0},
        {"Content-Type", 0},
        {"Content-Transfer-Encoding", 0},
        {"Auto-Submitted", 0},
}};

// 7-bit, no NUL, CR only before LF and LF only after CR: nothing another program could split
// into lines (or messages) otherwise than this check does.
bool cleanLines(const QByteArray &data)
{
    for (qsizetype i = 0; i < data.size(); ++i) {
        const uchar c = uchar(data.at(i));
        if (c == 0 || c > 127)
            return false;
        if (c == '\r' && (i + 1 >= data.size() || data.at(i + 1) != '\n'))
            return false;
        if (c == '\n' && (i == 0 || data.at(i - 1) != '\r'))
            return false;
    }
    return true;
}

// The message as MimeWriter would write it from what a reader finds in it: its addresses,
// subject, date, Auto-Submitted and texts. Bytes that differ carry something a reader would
// see otherwise than this check does (a second address in a field, a comment, an attachment,
// a part of another type, an over-long line...).
bool writtenByMimeWriter(const OutboxMail &mail, const MailHeaders &headers)
{
    const QByteArray &data = mail.rfc5322;
    MailMessage message;
    message.messageId = mail.messageId;
    message.date
            = QDateTime::fromString(QString::fromLatin1(headers.rawValue("Date")), Qt::RFC2822Date);
    const QList<MailAddress> from = headers.mailboxes("From");
    if (from.size() != 1 || !message.date.isValid())
        return false;
    message.from = from.first();
    message.to = headers.mailboxes("To");
    message.cc = headers.mailboxes("Cc");
    const QList<MailAddress> replyTo = headers.mailboxes("Reply-To");
    if (replyTo.size() > 1)
        return false;
    if (!replyTo.isEmpty())
        message.replyTo = replyTo.first();
    message.subject = headers.subject();
    if (headers.contains("Auto-Submitted"))
        message.extraHeaders.append(
                {QByteArrayLiteral("Auto-Submitted"), headers.value("Auto-Submitted")});
    message.textBody = MailHeaders::plainTextBody(data);
    if (headers.rawValue("Content-Type").trimmed().toLower().startsWith("multipart/"))
        message.htmlBody = MailHeaders::htmlBody(data);
    for (const auto encoding :
         {MimeWriter::BodyEncoding::QuotedPrintable, MimeWriter::BodyEncoding::Base64}) {
        const Result<QByteArray> written = MimeWriter(encoding).write(message);
        if (written && *written == data)
            return true;
    }
    return false;
}

QSet<QString> lowered(const QList<MailAddress> &addresses)
{
    QSet<QString> set;
    for (const MailAddress &address : addresses)
        set.insert(address.address.trimmed().toLower());
    return set;
}

} // namespace

QString MailProvenance::verdictText(const QString &code)
{
    if (code == QLatin1String("no-action"))
        return tr("Refused: this mail names no action that caused it.");
    if (code == QLatin1String("unknown-kind"))
        return tr("Refused: the application writes no mail of this kind.");
    if (code == QLatin1String("not-your-action"))
        return tr("Refused: the action it names is not its author's.");
    if (code == QLatin1String("recipient"))
        return tr("Refused: it goes to an address that its action does not concern.");
    if (code == QLatin1String("sender"))
        return tr("Refused: it is not sent from the platform's address.");
    return tr("Refused by the database (%1).").arg(code);
}

QString MailProvenance::refusal(const OutboxMail &mail, const MailPolicy &policy)
{
    if (!mail.serverVerdict.isEmpty())
        return verdictText(mail.serverVerdict);
    const QByteArray &data = mail.rfc5322;
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0 || !cleanLines(data))
        return tr("Refused: its lines are not those of a mail written by the application.");

    // Each line of the header block is a field or the continuation of one.
    QHash<QString, int> seen;
    for (const QByteArray &line : data.first(end).split('\n')) {
        const QByteArray text = line.endsWith('\r') ? line.chopped(1) : line;
        if (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
            continue;
        const qsizetype colon = text.indexOf(':');
        const QByteArray name = colon > 0 ? text.first(colon) : QByteArray();
        const auto rule = std::find_if(Fields.begin(), Fields.end(), [&](const FieldRule &r) {
            return name.compare(r.name, Qt::CaseInsensitive) == 0;
        });
        if (rule == Fields.end())
            return tr("Refused: it carries a header the application never writes (%1).")
                    .arg(QString::fromLatin1(name.isEmpty() ? text.left(40) : name));
        if (++seen[QString::fromLatin1(rule->name)] > 1)
            return tr("Refused: its header %1 appears twice.").arg(QString::fromLatin1(rule->name));
    }
    for (const FieldRule &rule : Fields) {
        if (rule.least > 0 && !seen.contains(QString::fromLatin1(rule.name)))
            return tr("Refused: it has no %1 header.").arg(QString::fromLatin1(rule.name));
    }

    const MailHeaders headers(data);
    if (headers.value("Message-ID").trimmed() != mail.messageId)
        return tr("Refused: its Message-ID is not the one of its row.");

    const QList<MailAddress> from = headers.mailboxes("From");
    if (from.size() != 1
        || from.first().address.trimmed().compare(mail.envelopeFrom.trimmed(), Qt::CaseInsensitive)
                   != 0)
        return tr("Refused: its From address is not the one it is sent from.");
    const QString platform = MimeWriter::sanitizeHeaderText(policy.senderName);
    if (!platform.isEmpty()) {
        const QString name = from.first().name.trimmed();
        const QString via = MimeWriter::sanitizeHeaderText(
                QStringLiteral("%1 via %2").arg(mail.authorName, platform));
        // A contact mail says who writes; the others are the platform's own.
        const bool contact = mail.kind == QLatin1String("contact");
        if (contact ? (mail.authorName.isEmpty() || name != via) : name != platform)
            return tr("Refused: it is signed \"%1\", neither the platform nor its author.")
                    .arg(name);
    }

    for (const QString &recipient : mail.recipients) {
        if (!MailAddress::validate(recipient.trimmed()))
            return tr("Refused: one of its recipients is not a mail address.");
    }
    if (!MailAddress::validate(mail.envelopeFrom.trimmed()))
        return tr("Refused: it is sent from something that is not a mail address.");
    QSet<QString> envelope;
    for (const QString &recipient : mail.recipients)
        envelope.insert(recipient.trimmed().toLower());
    if (lowered(headers.mailboxes("To") + headers.mailboxes("Cc")) != envelope)
        return tr("Refused: the people its headers name are not the ones it goes to.");

    if (headers.contains("Reply-To")) {
        const QList<MailAddress> replyTo = headers.mailboxes("Reply-To");
        if (mail.kind != QLatin1String("contact") || replyTo.size() != 1
            || replyTo.first().address.trimmed().compare(mail.authorEmail.trimmed(),
                                                         Qt::CaseInsensitive)
                       != 0)
            return tr("Refused: its answers would go to someone else than its author.");
    }
    if (!writtenByMimeWriter(mail, headers))
        return tr("Refused: it is not written the way the application writes its mails.");
    return {};
}

} // namespace Recup
