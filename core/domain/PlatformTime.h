// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QTimeZone>

namespace Recup {

// The platform's time zone: its days (report periods, transport dates) are French ones,
// whatever the workstation's or the server's zone.
QTimeZone platformZone();
// Today, in the platform's time zone.
QDate platformToday();

} // namespace Recup
