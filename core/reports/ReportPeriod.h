// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Statistics.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace Recup {

// The days a report covers: a calendar month, a semester (January–June, July–December), a
// year, or any run of days, counted in the platform's time zone (Europe/Paris): a closing at
// 23:30 on 30 June, Paris time, belongs to the first semester.
class ReportPeriod
{
    Q_DECLARE_TR_FUNCTIONS(ReportPeriod)
public:
    enum class Kind { Month, Semester, Year, Custom };

    ReportPeriod() = default;
    static ReportPeriod month(int year, int month);
    static ReportPeriod semester(int year, int half); // half: 1 or 2
    static ReportPeriod year(int year);
    // From `first` to `last`, both included. Invalid when either is missing or `last` is
    // before `first`.
    static Result<ReportPeriod> custom(const QDate &first, const QDate &last);

    // "2026-S2" (or "2026-s2"); a period that has not begun by `today` is refused, with a
    // sentence saying so, as is a malformed one ("2026-S3").
    static Result<ReportPeriod> parseSemester(const QString &text, const QDate &today);
    // "2026".
    static Result<ReportPeriod> parseYear(const QString &text, const QDate &today);
    // The semester `today` falls in, and the one before it.
    static ReportPeriod currentSemester(const QDate &today);
    static ReportPeriod previousSemester(const QDate &today);

    bool isValid() const { return m_first.isValid(); }
    Kind kind() const { return m_kind; }
    QDate first() const { return m_first; }
    QDate last() const { return m_last; }
    // The months of the period, in order ("2026-07"), each with the instant the period enters
    // it.
    QList<PeriodMonth> months() const;

    // [first day 00:00, day after the last 00:00) in the platform's time zone, as UTC.
    QDateTime fromUtc() const;
    QDateTime toUtc() const;
    // Whether `today` is inside the period: its figures are still growing.
    bool isOngoing(const QDate &today) const { return today >= m_first && today <= m_last; }

    // In words, in the interface language: "second semester 2026", "May 2026", "2026",
    // "from 1 March 2026 to 31 May 2026".
    QString label() const;
    // The same in French, for printed documents and their files whatever the interface
    // language: "second semestre 2026", "mai 2026", "du 1 mars 2026 au 31 mai 2026".
    QString frenchLabel() const;
    // For a file name: "2026-S2", "2026-05", "2026", "2026-03-01_2026-05-31".
    QString key() const;

    static QTimeZone platformZone();

    bool operator==(const ReportPeriod &other) const = default;

private:
    ReportPeriod(Kind kind, const QDate &first, const QDate &last)
        : m_kind(kind)
        , m_first(first)
        , m_last(last)
    {}

    Kind m_kind = Kind::Custom;
    QDate m_first;
    QDate m_last;
};

} // namespace Recup
