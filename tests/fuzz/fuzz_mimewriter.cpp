// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzing target: the MIME writer, with every field a user types (subject, names, body) taken
// from the input. Whatever they hold, the header block it writes has no line a reader would
// take for a header of its own (no CR/LF injection), and reads back with one subject.
#include "FuzzCheck.h"
#include "mail/MailHeaders.h"
#include "mail/MailMessage.h"
#include "mail/MimeWriter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> parts
            = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)).split('\0');
    auto part = [&](int i) {
        return QString::fromUtf8(parts.value(i));
    };
    Recup::MailMessage message;
    message.from = {QStringLiteral("ne-pas-repondre@agglo.fr"), part(1)};
    message.to = {{QStringLiteral("poster@agglo.fr"), part(2)}};
    message.replyTo = {QStringLiteral("requester@agglo.fr"), part(3)};
    message.subject = part(0);
    message.textBody = part(4);
    if (parts.size() > 5)
        message.htmlBody = part(5);
    message.stamp();
    const Recup::MimeWriter writer;
    const auto written = writer.write(message);
    if (!written)
        return 0; // refused with a message: fine
    const QByteArray &bytes = *written;
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    FUZZ_CHECK(end > 0, "the header block ends with an empty line");
    // Every header line is a field "Name: value" or the folded rest of one; nothing else.
    const QList<QByteArray> lines = bytes.left(end + 2).split('\n');
    int subjects = 0;
    for (QByteArray line : lines) {
        if (line.isEmpty())
            continue; // after the last CRLF of the block
        FUZZ_CHECK(line.endsWith('\r'), "no bare LF in the header block");
        line.chop(1);
        FUZZ_CHECK(!line.contains('\r'), "no bare CR in the header block");
        FUZZ_CHECK(line.size() <= 998, "header lines within RFC 5322's limit");
        if (line.startsWith(' ') || line.startsWith('\t'))
            continue;
        const qsizetype colon = line.indexOf(':');
        FUZZ_CHECK(colon > 0, "every unfolded line is a field");
        const QByteArray name = line.left(colon);
        if (name.compare("Subject", Qt::CaseInsensitive) == 0)
            ++subjects;
        FUZZ_CHECK(name.compare("Bcc", Qt::CaseInsensitive) != 0, "never a blind copy");
    }
    FUZZ_CHECK(subjects == 1, "exactly one Subject");
    const Recup::MailHeaders headers(bytes);
    FUZZ_CHECK(!headers.subject().contains(u'\r') && !headers.subject().contains(u'\n'),
               "the subject reads back on one line");
    return 0;
}
