// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Recup {

// Text people type or paste, as the rules count and check it.
namespace UserText {

// Characters as a person counts them, and as PostgreSQL's char_length() and SQLite's length()
// do: code points, so that an emoji counts once and not as its two UTF-16 halves.
qsizetype characterCount(const QString &text);

enum class LineBreaks { Refused, Allowed };
// True when the text holds something no field can keep: a control character (NUL, the C0 and
// C1 controls, DEL; line feeds, carriage returns and tabs are fine where line breaks are) or
// half of a surrogate pair (no encoding can store it; PostgreSQL refuses NUL outright, and
// SQLite's length() stops at it).
bool hasUnstorableCharacter(const QString &text, LineBreaks lineBreaks);

// The text with every control character replaced by U+FFFD, for one-line messages that repeat
// what was typed (a terminal must not obey an escape sequence passed as an argument).
QString printable(const QString &text);

} // namespace UserText

} // namespace Recup
