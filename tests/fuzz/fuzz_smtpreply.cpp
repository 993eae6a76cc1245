// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzing target: what an SMTP server (or anyone on its port) sends, cut into replies, in
// chunks of the sizes the input says.
#include "FuzzCheck.h"
#include "mail/SmtpReplyReader.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Recup::SmtpReplyReader reader;
    size_t at = 0;
    while (at < size) {
        const size_t take = std::min<size_t>(1 + data[at] % 64, size - at); // cut anywhere
        reader.feed(QByteArray(reinterpret_cast<const char *>(data + at), qsizetype(take)));
        at += take;
        Recup::SmtpReplyReader::Reply reply;
        while (reader.next(&reply)) {
            FUZZ_CHECK(reply.code >= 0 && reply.code <= 999, "a three-digit code");
            FUZZ_CHECK(!reply.lines.isEmpty(), "a reply has a line");
            for (const QString &line : reply.lines)
                FUZZ_CHECK(line.size() >= 3, "every line starts with its code");
        }
        if (reader.state() != Recup::SmtpReplyReader::State::Reading)
            break;
    }
    return 0;
}
