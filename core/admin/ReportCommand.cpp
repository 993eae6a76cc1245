// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// collectiv-recup-admin report: the semester report and the yearly reuse declaration.
#include "admin/AdminCommands.h"
#include "admin/AdminOutput.h"
#include "reports/Figures.h"
#include "reports/ReportDocument.h"
#include "reports/ReuseDeclaration.h"

#include <QCommandLineParser>
#include <QTextDocument>

namespace Recup {

using namespace AdminOutput;

void AdminCommands::addReportOptions(QCommandLineParser &parser)
{
    parser.addOptions({
            QCommandLineOption(QStringLiteral("semester"),
                               tr("report: the semester, as 2026-S1 or 2026-S2."),
                               tr("semester")),
            QCommandLineOption(QStringLiteral("year"),
                               tr("report: the year of the reuse declaration."),
                               tr("year")),
            QCommandLineOption(QStringLiteral("declaration"),
                               tr("report: the yearly declaration of purchases from reuse "
                                  "(loi AGEC, décret 2024-134), per product family.")),
            QCommandLineOption(QStringLiteral("organisation"),
                               tr("report --declaration: only this organisation (its code); "
                                  "without it, one block per organisation."),
                               tr("code")),
            QCommandLineOption(QStringLiteral("format"),
                               tr("report: pdf or csv (the declaration is csv)."),
                               tr("format")),
            QCommandLineOption(QStringLiteral("output"),
                               tr("report, pickup-list: the file to write."),
                               tr("file")),
            QCommandLineOption(
                    QStringLiteral("date"), tr("pickup-list: the day, as 2026-12-04."), tr("day")),
    });
}

namespace {

int writeDeclaration(const QCommandLineParser &parser, Database &db, const QString &format)
{
    if (parser.isSet(QStringLiteral("semester")))
        return usage(AdminCommands::tr("The declaration is yearly: give --year, not --semester."));
    if (format != QLatin1String("csv"))
        return usage(AdminCommands::tr("The declaration is written as csv (--format csv)."));
    const Result<ReportPeriod> year
            = ReportPeriod::parseYear(parser.value(QStringLiteral("year")), QDate::currentDate());
    if (!year)
        return usage(year.error().message);
    std::optional<QString> organisation;
    if (parser.isSet(QStringLiteral("organisation")))
        organisation = parser.value(QStringLiteral("organisation"));
    const Result<ReuseDeclaration> declaration
            = ReuseDeclarationReader(db).read(year->first().year(), organisation);
    if (!declaration)
        return fail(declaration.error());
    const QString path = parser.value(QStringLiteral("output"));
    if (const Status written = ReportDocument::writeFile(declaration->csv(), path); !written)
        return fail(written.error());
    out() << AdminCommands::tr("Declaration of %1 written to %2.")
                     .arg(QString::number(declaration->year), path)
          << Qt::endl;
    return Success;
}

int writeSemesterReport(const QCommandLineParser &parser, Database &db, const QString &format)
{
    if (parser.isSet(QStringLiteral("organisation")) || parser.isSet(QStringLiteral("year")))
        return usage(AdminCommands::tr("--year and --organisation are for the declaration "
                                       "(--declaration)."));
    if (format != QLatin1String("pdf") && format != QLatin1String("csv"))
        return usage(AdminCommands::tr("--format: pdf or csv."));
    const Result<ReportPeriod> semester = ReportPeriod::parseSemester(
            parser.value(QStringLiteral("semester")), QDate::currentDate());
    if (!semester)
        return usage(semester.error().message);
    const Result<Figures> figures = FiguresReader(db).read(*semester);
    if (!figures)
        return fail(figures.error());
    const QString path = parser.value(QStringLiteral("output"));
    Status written;
    if (format == QLatin1String("csv")) {
        written = ReportDocument::writeFile(ReportDocument::figuresCsv(*figures), path);
    } else {
        const std::unique_ptr<QTextDocument> document = ReportDocument::semesterReport(*figures);
        written = ReportDocument::writePdf(*document, path);
    }
    if (!written)
        return fail(written.error());
    out() << AdminCommands::tr("Report of the %1 written to %2: %3.")
                     .arg(semester->label(), path, ReportDocument::frenchHeadline(*figures))
          << Qt::endl;
    return Success;
}

} // namespace

int AdminCommands::runReport(const QCommandLineParser &parser, Database &db)
{
    const QString format = parser.value(QStringLiteral("format")).trimmed().toLower();
    if (parser.value(QStringLiteral("output")).trimmed().isEmpty())
        return usage(tr("report needs --output FILE."));
    if (parser.isSet(QStringLiteral("declaration")))
        return writeDeclaration(parser, db, format);
    if (!parser.isSet(QStringLiteral("semester")))
        return usage(tr("report needs --semester (as 2026-S2) or --declaration --year."));
    return writeSemesterReport(parser, db, format);
}

} // namespace Recup
