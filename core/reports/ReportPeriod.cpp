// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/ReportPeriod.h"

#include "domain/PlatformTime.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace Recup {

ReportPeriod ReportPeriod::month(int year, int month)
{
    const QDate first(year, month, 1);
    return ReportPeriod(Kind::Month, first, first.addMonths(1).addDays(-1));
}

ReportPeriod ReportPeriod::semester(int year, int half)
{
    const QDate first(year, half == 2 ? 7 : 1, 1);
    return ReportPeriod(Kind::Semester, first, first.addMonths(6).addDays(-1));
}

ReportPeriod ReportPeriod::year(int year)
{
    return ReportPeriod(Kind::Year, QDate(year, 1, 1), QDate(year, 12, 31));
}

Result<ReportPeriod> ReportPeriod::custom(const QDate &first, const QDate &last)
{
    if (!first.isValid() || !last.isValid())
        return Error{Error::Kind::Invalid, tr("Choose the first and the last day."), {}, {}};
    if (last < first)
        return Error{Error::Kind::Invalid,
                     tr("The last day comes before the first: swap them."),
                     {},
                     {}};
    return ReportPeriod(Kind::Custom, first, last);
}

ReportPeriod ReportPeriod::currentSemester(const QDate &today)
{
    return semester(today.year(), today.month() > 6 ? 2 : 1);
}

ReportPeriod ReportPeriod::previousSemester(const QDate &today)
{
    return today.month() > 6 ? semester(today.year(), 1) : semester(today.year() - 1, 2);
}

Result<ReportPeriod> ReportPeriod::parseSemester(const QString &text, const QDate &today)
{
    static const QRegularExpression form(QStringLiteral("^(\\d{4})-[Ss]([0-9])$"));
    const QRegularExpressionMatch match = form.match(text.trimmed());
    const int half = match.hasMatch() ? match.captured(2).toInt() : 0;
    const int year = match.hasMatch() ? match.captured(1).toInt() : 0;
    if (half < 1 || half > 2 || year < 2000)
        return Error{Error::Kind::Invalid,
                     tr("“%1” is not a semester: write the year, -S1 or -S2, as in 2026-S2.")
                             .arg(text.left(40)),
                     {},
                     {}};
    const ReportPeriod period = semester(year, half);
    if (period.first() > today)
        return Error{Error::Kind::Invalid,
                     tr("The semester %1 has not begun yet: there is nothing to report.")
                             .arg(period.key()),
                     {},
                     {}};
    return period;
}

Result<ReportPeriod> ReportPeriod::parseYear(const QString &text, const QDate &today)
{
    static const QRegularExpression form(QStringLiteral("^\\d{4}$"));
    const int year = form.match(text.trimmed()).hasMatch() ? text.trimmed().toInt() : 0;
    if (year < 2000)
        return Error{
                Error::Kind::Invalid,
                tr("“%1” is not a year: write it with four digits, as in 2026.").arg(text.left(40)),
                {},
                {}};
    if (year > today.year())
        return Error{Error::Kind::Invalid,
                     tr("The year %1 has not begun yet: there is nothing to report.").arg(year),
                     {},
                     {}};
    return ReportPeriod::year(year);
}

QList<PeriodMonth> ReportPeriod::months() const
{
    QList<PeriodMonth> months;
    if (!isValid())
        return months;
    for (QDate month(m_first.year(), m_first.month(), 1); month <= m_last;
         month = month.addMonths(1)) {
        const QDate first = std::max(month, m_first);
        months.append({month.toString(QStringLiteral("yyyy-MM")),
                       QDateTime(first, QTime(0, 0), platformZone()).toUTC()});
    }
    return months;
}

QTimeZone ReportPeriod::platformZone()
{
    return Recup::platformZone();
}

QDateTime ReportPeriod::fromUtc() const
{
    return QDateTime(m_first, QTime(0, 0), platformZone()).toUTC();
}

QDateTime ReportPeriod::toUtc() const
{
    return QDateTime(m_last.addDays(1), QTime(0, 0), platformZone()).toUTC();
}

QString ReportPeriod::label() const
{
    const QLocale locale;
    switch (m_kind) {
    case Kind::Month:
        return locale.standaloneMonthName(m_first.month()) + u' ' + QString::number(m_first.year());
    case Kind::Semester:
        return m_first.month() == 1 ? tr("first semester %1").arg(m_first.year())
                                    : tr("second semester %1").arg(m_first.year());
    case Kind::Year:
        return QString::number(m_first.year());
    case Kind::Custom:
        break;
    }
    return tr("from %1 to %2")
            .arg(locale.toString(m_first, QStringLiteral("d MMMM yyyy")),
                 locale.toString(m_last, QStringLiteral("d MMMM yyyy")));
}

QString ReportPeriod::frenchLabel() const
{
    const QLocale french(QLocale::French, QLocale::France);
    const QString year = QString::number(m_first.year());
    switch (m_kind) {
    case Kind::Month:
        return french.monthName(m_first.month()) + u' ' + year;
    case Kind::Semester:
        return (m_first.month() == 1 ? u"premier semestre " : u"second semestre ") + year;
    case Kind::Year:
        return u"année " + year;
    case Kind::Custom:
        break;
    }
    const QString day = QStringLiteral("d MMMM yyyy");
    return u"du " + french.toString(m_first, day) + u" au " + french.toString(m_last, day);
}

QString ReportPeriod::key() const
{
    switch (m_kind) {
    case Kind::Month:
        return m_first.toString(QStringLiteral("yyyy-MM"));
    case Kind::Semester:
        return QString::number(m_first.year()) + (m_first.month() == 1 ? u"-S1" : u"-S2");
    case Kind::Year:
        return QString::number(m_first.year());
    case Kind::Custom:
        break;
    }
    return m_first.toString(Qt::ISODate) + u'_' + m_last.toString(Qt::ISODate);
}

} // namespace Recup
