// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzing target: the connection-string parser (what people paste in the login dialog and the
// command line). What it accepts, it writes back so that it reads the same.
#include "FuzzCheck.h"
#include "storage/Conninfo.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto pairs = Recup::parseConninfo(text);
    if (!pairs)
        return 0;
    const auto again = Recup::parseConninfo(Recup::formatConninfo(*pairs));
    FUZZ_CHECK(again && *again == *pairs, "written back, it reads the same");
    return 0;
}
