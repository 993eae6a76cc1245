// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzing target: the header reader, on any bytes a mail (or a forged outbox row) may hold.
#include "FuzzCheck.h"
#include "mail/MailHeaders.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray message(reinterpret_cast<const char *>(data), qsizetype(size));
    const Recup::MailHeaders headers(message);
    (void)headers.subject();
    (void)headers.to();
    (void)headers.cc();
    (void)headers.rawValue("Subject");
    (void)headers.mailboxes("From");
    (void)headers.mailboxes("To");
    (void)headers.mailboxes("Reply-To");
    FUZZ_CHECK(headers.bodyOffset() >= 0 && headers.bodyOffset() <= message.size(),
               "the body starts inside the message, or at its end");
    (void)Recup::MailHeaders::decodeWords(
            QByteArrayView(message).first(qMin(message.size(), qsizetype(4096))));
    (void)Recup::MailHeaders::plainTextBody(message);
    return 0;
}
