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

// Where a connection string stops making sense, for a message that says so.
struct ConninfoProblem
{
    enum class Kind {
        MissingEquals, // a word not followed by "=" (key is that word)
        UnclosedQuote, // key='... with no closing quote
        EmptyKey       // "=value" with no name before it
    };
    Kind kind = Kind::MissingEquals;
    QString key;
};

// Parses libpq's key=value syntax (values optionally 'quoted' with \' and \\ escapes).
// Nothing when the text is malformed, and *problem says why.
std::optional<Conninfo> parseConninfo(const QString &text, ConninfoProblem *problem = nullptr);
// The text with the value of every password= replaced, for messages and logs, even when the
// text cannot be parsed.
QString withoutPassword(const QString &text);
QString formatConninfo(const Conninfo &pairs);

} // namespace Recup
