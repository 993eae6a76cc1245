// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/PlatformTime.h"

#include <QDateTime>

namespace Recup {

QTimeZone platformZone()
{
    static const QTimeZone paris(QByteArrayLiteral("Europe/Paris"));
    return paris.isValid() ? paris : QTimeZone::systemTimeZone();
}

QDate platformToday()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(platformZone()).date();
}

} // namespace Recup
