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

// A day the platform's people work: Monday to Friday, save France's public holidays (the
// fixed ones, Easter Monday, Ascension Thursday, Whit Monday).
bool isWorkingDay(const QDate &day);
// The `count`-th working day after `from`; 0: `from` itself if it is one, else the next one.
QDate workingDayAfter(const QDate &from, int count);

} // namespace Recup
