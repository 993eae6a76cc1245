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

namespace {

// Easter Sunday of the Gregorian calendar (the anonymous algorithm, Meeus/Jones/Butcher).
QDate easterSunday(int year)
{
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return QDate(year, month, day);
}

} // namespace

bool isWorkingDay(const QDate &day)
{
    if (!day.isValid() || day.dayOfWeek() > 5)
        return false;
    static constexpr int fixed[][2]
            = {{1, 1}, {5, 1}, {5, 8}, {7, 14}, {8, 15}, {11, 1}, {11, 11}, {12, 25}};
    for (const auto &[month, date] : fixed) {
        if (day.month() == month && day.day() == date)
            return false;
    }
    const QDate easter = easterSunday(day.year());
    for (const int after : {1, 39, 50}) { // Easter Monday, Ascension, Whit Monday
        if (day == easter.addDays(after))
            return false;
    }
    return true;
}

QDate workingDayAfter(const QDate &from, int count)
{
    QDate day = from;
    while (!isWorkingDay(day))
        day = day.addDays(1);
    for (int i = 0; i < count; ++i) {
        day = day.addDays(1);
        while (!isWorkingDay(day))
            day = day.addDays(1);
    }
    return day;
}

} // namespace Recup
