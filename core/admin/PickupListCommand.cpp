// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// collectiv-recup-admin pickup-list: the logistics staff's printed list of a day, as PDF.
#include "admin/PickupListCommand.h"

#include "admin/AdminCommands.h"
#include "admin/AdminOutput.h"
#include "reports/PickupList.h"
#include "storage/PickupRepository.h"

#include <QCommandLineParser>
#include <QLocale>

namespace Recup {

using namespace AdminOutput;

Result<PickupListCommand::Options> PickupListCommand::options(const QString &date,
                                                              const QString &output)
{
    const auto invalid = [](const QString &message) {
        return Error{Error::Kind::Invalid, message, {}, {}};
    };
    if (date.trimmed().isEmpty())
        return invalid(tr("pickup-list needs --date, as 2026-12-04."));
    const QDate day = QDate::fromString(date.trimmed(), QStringLiteral("yyyy-MM-dd"));
    if (!day.isValid())
        return invalid(tr("--date: \"%1\" is not a day; write it as 2026-12-04.").arg(date));
    if (output.trimmed().isEmpty())
        return invalid(tr("pickup-list needs --output FILE.pdf."));
    return Options{day, output};
}

Result<QString> PickupListCommand::write(const QDate &day,
                                         const QList<Pickup> &stops,
                                         const QString &path,
                                         const QDateTime &printedAt)
{
    if (const Status written = PickupList(day, stops, printedAt).writePdf(path); !written)
        return written.error();
    const QString dayText = QLocale().toString(day, QStringLiteral("d MMMM yyyy"));
    return tr("Pickup list of %1 written to %2: %n stop(s).", nullptr, int(stops.size()))
            .arg(dayText, path);
}

namespace {

// The one place the command reads the database.
Result<QList<Pickup>> stopsOfDay(Database &db, const QDate &day)
{
    return PickupRepository(db).stopsOfDay(day);
}

} // namespace

int AdminCommands::checkPickupListOptions(const QCommandLineParser &parser)
{
    const auto options = PickupListCommand::options(parser.value(QStringLiteral("date")),
                                                    parser.value(QStringLiteral("output")));
    return options ? Success : usage(options.error().message);
}

int AdminCommands::runPickupList(const QCommandLineParser &parser, Database &db)
{
    const auto options = PickupListCommand::options(parser.value(QStringLiteral("date")),
                                                    parser.value(QStringLiteral("output")));
    if (!options)
        return usage(options.error().message);
    const Result<QList<Pickup>> stops = stopsOfDay(db, options->day);
    if (!stops)
        return fail(stops.error());
    const Result<QString> written = PickupListCommand::write(
            options->day, *stops, options->path, QDateTime::currentDateTimeUtc());
    // A path that cannot be written is a mistake in what was typed: a usage error.
    if (!written)
        return usage(written.error().message);
    out() << *written << Qt::endl;
    return Success;
}

} // namespace Recup
