// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// collectiv-recup: the agents' desktop application.
#include "agent/CatalogueWindow.h"
#include "settings/AppSettings.h"
#include "storage/Database.h"
#include "storage/DatabaseConfig.h"
#include "storage/LocalDemo.h"
#include "storage/SchemaMigrator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <memory>

using namespace Recup;

namespace {

// main() is not a QObject: its sentences live in their own translation context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Main)
};

void installTranslations(QApplication &app, const QString &language)
{
    if (language != QLatin1String("fr"))
        return; // the source strings are English
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    auto *qtbase = new QTranslator(&app);
    if (qtbase->load(QStringLiteral("qtbase_fr"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtbase);
    auto *own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/collectiv-recup_fr.qm")))
        QApplication::installTranslator(own);
}

// The one place where a database problem stops the application: a clear sentence, the
// driver's text behind "Show Details...", exit code 1.
int refuse(const QString &what, const Error &error)
{
    QMessageBox box(QMessageBox::Critical, Text::tr("Collectiv'Récup"), what);
    box.setInformativeText(error.message);
    if (!error.detail.isEmpty())
        box.setDetailedText(error.detail);
    box.setStandardButtons(QMessageBox::Close);
    box.exec();
    return 1;
}

// --lang is needed before the parser runs, so that --help is translated too.
QString requestedLanguage(const QStringList &arguments, const QString &saved)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if ((argument == QLatin1String("--lang") || argument == QLatin1String("-lang"))
            && i + 1 < arguments.size())
            return arguments.at(i + 1).trimmed().toLower();
        if (argument.startsWith(QLatin1String("--lang=")))
            return argument.mid(7).trimmed().toLower();
    }
    return saved.trimmed().toLower();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("collectiv-recup"));
    QApplication::setOrganizationDomain(QStringLiteral("collectivrecup.fr"));
    QApplication::setApplicationName(QStringLiteral("collectiv-recup"));
    QApplication::setApplicationDisplayName(QStringLiteral("Collectiv'Récup"));
    QApplication::setApplicationVersion(QStringLiteral(RECUP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("fr.collectivrecup.CollectivRecup"));

    AppSettings settings;
    installTranslations(app, requestedLanguage(QApplication::arguments(), settings.language()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            Text::tr("Collectiv'Récup: agents of local authorities give each other the "
                     "professional equipment they no longer need."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption databaseOption(
            QStringLiteral("database"),
            Text::tr("The shared database: a libpq connection string (\"host=... dbname=...\", "
                     "\"service=NAME\", \"postgresql://...\") or sqlite:PATH. Overrides the "
                     "saved setting."),
            QStringLiteral("conninfo"));
    const QCommandLineOption demoPathOption(
            QStringLiteral("demo-path"),
            Text::tr("The SQLite file of the demo mode (created with demo data when missing)."),
            QStringLiteral("path"));
    const QCommandLineOption languageOption(QStringLiteral("lang"),
                                            Text::tr("Interface language: fr or en."),
                                            QStringLiteral("language"));
    parser.addOptions({databaseOption, demoPathOption, languageOption});
    parser.process(app);

    const QString conninfo = parser.isSet(databaseOption) ? parser.value(databaseOption)
                                                          : settings.databaseConninfo();
    std::unique_ptr<Database> db;
    bool demoMode = false;
    if (conninfo.trimmed().isEmpty()) {
        const QString path = parser.isSet(demoPathOption) ? parser.value(demoPathOption)
                                                          : LocalDemo::defaultPath();
        Result<std::unique_ptr<Database>> opened = LocalDemo::open(path);
        if (!opened)
            return refuse(Text::tr("The demo database could not be opened."), opened.error());
        db = std::move(opened).value();
        demoMode = true;
    } else {
        const DatabaseConfig config = DatabaseConfig::fromConninfo(conninfo);
        db = std::make_unique<Database>(config);
        const Status opened = db->open();
        if (!opened)
            return refuse(Text::tr("Collectiv'Récup could not connect to its database (%1).")
                                  .arg(config.describe()),
                          opened.error());
        const Status schema = SchemaMigrator(*db).check();
        if (!schema)
            return refuse(Text::tr("The database cannot be used by this version of "
                                   "Collectiv'Récup."),
                          schema.error());
        // A SQLite file is a single-workstation database, whatever its path.
        demoMode = config.isSqlite();
    }

    int status = 0;
    {
        CatalogueWindow window(*db, settings, demoMode);
        window.show();
        status = QApplication::exec();
    } // the window and its worker thread go before the database
    return status;
}
