// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Recup {

// Installs Qt's own and the application's translations for `language` ("fr" by default;
// "en" keeps the English source texts). Returns false when a catalogue is missing.
bool installTranslations(const QString &language = QStringLiteral("fr"));

} // namespace Recup
