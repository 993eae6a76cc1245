// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzing target: picture decoding and scaling, as a dropped or pasted file goes through it.
#include "FuzzCheck.h"
#include "media/PhotoScaler.h"

#include <QGuiApplication>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // The image plugins (JPEG) are found through the application; no screen is needed.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    static QGuiApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto scaled = Recup::PhotoScaler::fromData(bytes, QStringLiteral("fuzz"));
    FUZZ_CHECK(!scaled || (!scaled->jpeg.isEmpty() && !scaled->thumbnail.isEmpty()),
               "accepted means both pictures exist");
    (void)Recup::PhotoScaler::thumbnailImage(bytes);
    return 0;
}
