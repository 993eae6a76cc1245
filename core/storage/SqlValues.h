// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Recup {

// Qt SQL binds a null QString as SQL NULL; text columns hold '' for "nothing typed".
inline QString sqlText(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace Recup
