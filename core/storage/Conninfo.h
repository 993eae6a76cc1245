// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace Recup {

// A libpq key=value connection string, as ordered pairs.
using Conninfo = QList<std::pair<QString, QString>>;

// Parses libpq's key=value syntax (values optionally 'quoted' with \' and \\ escapes).
// Nothing when the text is malformed.
std::optional<Conninfo> parseConninfo(const QString &text);
QString formatConninfo(const Conninfo &pairs);

} // namespace Recup
