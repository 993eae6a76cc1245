// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// collectiv-recup: the agents' desktop application.
#include "WindowSets.h"
#include "actions/MailCenter.h"
#include "agent/CatalogueWindow.h"
#include "common/ConnectionBanner.h"
#include "common/LoginDialog.h"
#include "common/MailSettingsDialog.h"
#include "demo/LocalDemo.h"
#include "i18n/Translations.h"
#include "mail/MailSettings.h"
#include "settings/AppSettings.h"
#include "settings/PasswordStore.h"
#include "settings/ServerProfile.h"
#include "storage/ConnectionMonitor.h"
#include "storage/Database.h"
#include "storage/DatabaseConfig.h"
#include "storage/ReferenceRepository.h"
#include "storage/SchemaMigrator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSysInfo>
#include <QTimer>

#include <memory>
#include <optional>

using namespace Recup;

namespace {

// main() is not a QObject: its sentences live in their own translation context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Main)
};

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

// The mail settings in force on this workstation: the saved ones; in the demo, when none are
// saved, .eml files in a folder beside the demo database, openable in any mail client.
MailSettings workstationMail(const AppSettings &settings, const DatabaseConfig &database)
{
    MailSettings mail = MailSettings::load(settings);
    if (database.isSqlite() && mail.transport == MailSettings::Transport::None) {
        mail.transport = MailSettings::Transport::PickupFolder;
        mail.pickupFolder = QFileInfo(database.sqlitePath)
                                    .absoluteDir()
                                    .filePath(QStringLiteral("courriels"));
    }
    return mail;
}

// Gives the mail center its settings; an SMTP password comes from the password safe (or the
// one just typed), asynchronously: until it answers, mails wait in the outbox.
void applyMailSettings(MailCenter &center,
                       const MailSettings &mail,
                       PasswordStore &passwords,
                       const QString &typedPassword = {})
{
    MailSettings withPassword = mail;
    withPassword.smtp.password = typedPassword;
    center.setSettings(withPassword);
    if (mail.transport != MailSettings::Transport::Smtp || mail.smtp.user.isEmpty()
        || !typedPassword.isEmpty())
        return;
    const QString profile = mail.keychainProfile();
    auto *context = new QObject(&center);
    QObject::connect(&passwords,
                     &PasswordStore::passwordRead,
                     context,
                     [&center, mail, profile, context](
                             const QString &entry, const QString &user, const QString &password) {
                         if (entry != profile || user != mail.smtp.user)
                             return;
                         MailSettings found = mail;
                         found.smtp.password = password;
                         center.setSettings(found);
                         center.sendNow();
                         context->deleteLater();
                     });
    QObject::connect(&passwords,
                     &PasswordStore::passwordNotFound,
                     context,
                     [profile, context](const QString &entry, const QString &) {
                         if (entry == profile)
                             context->deleteLater();
                     });
    passwords.read(profile, mail.smtp.user);
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
    installTranslations(requestedLanguage(QApplication::arguments(), settings.language()));

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
    const QCommandLineOption loginOption(
            QStringLiteral("login"),
            Text::tr("Sign in to the organisation's server, even when no server is saved yet."));
    parser.addOptions({databaseOption, demoPathOption, languageOption, loginOption});
    parser.process(app);

    // Where to start: a connection string given or saved, a saved server profile (the login
    // dialog), or else the embedded demonstration.
    enum class Start { Demo, Conninfo, Login };
    const QString conninfo = parser.isSet(databaseOption) ? parser.value(databaseOption)
                                                          : settings.databaseConninfo();
    ServerProfiles profiles;
    PasswordStore passwords; // lives as long as the app: keychain writes finish after dialogs
    passwords.probe();
    Start start = !conninfo.trimmed().isEmpty()                                 ? Start::Conninfo
                  : parser.isSet(loginOption) || !profiles.profiles().isEmpty() ? Start::Login
                                                                                : Start::Demo;
    std::optional<Start> previous;
    constexpr int SwitchServer = 0x5ec;

    for (;;) {
        std::unique_ptr<Database> db;
        std::optional<Agent> signedIn;
        bool demoMode = false;
        if (start == Start::Demo) {
            const QString path = parser.isSet(demoPathOption) ? parser.value(demoPathOption)
                                                              : LocalDemo::defaultPath();
            Result<std::unique_ptr<Database>> opened = LocalDemo::open(path);
            if (!opened)
                return refuse(Text::tr("The demo database could not be opened."), opened.error());
            db = std::move(opened).value();
            demoMode = true;
        } else if (start == Start::Conninfo) {
            const DatabaseConfig config = DatabaseConfig::fromConninfo(conninfo);
            db = std::make_unique<Database>(config);
            if (const Status opened = db->open(); !opened)
                return refuse(Text::tr("Collectiv'Récup could not connect to its database (%1).")
                                      .arg(config.describe()),
                              opened.error());
            if (const Status schema = SchemaMigrator(*db).check(); !schema)
                return refuse(Text::tr("The database cannot be used by this version of "
                                       "Collectiv'Récup."),
                              schema.error());
            // A SQLite file is a single-workstation database, whatever its path.
            demoMode = config.isSqlite();
            if (!demoMode) {
                const auto me = ReferenceRepository(*db).sessionAgent();
                if (!me)
                    return refuse(Text::tr("Collectiv'Récup cannot tell who you are."), me.error());
                signedIn = *me;
            }
        } else {
            LoginDialog login(profiles, passwords);
            if (login.exec() != QDialog::Accepted) {
                if (!previous)
                    return 0;
                start = *previous; // "Connect to a server…" abandoned: back to where we were
                previous.reset();
                continue;
            }
            signedIn = login.agent();
            db = std::make_unique<Database>(login.config());
            if (const Status opened = db->open(); !opened)
                return refuse(Text::tr("Collectiv'Récup could not connect to its database (%1).")
                                      .arg(login.config().describe()),
                              opened.error());
        }

        int status = 0;
        {
            CatalogueWindow window(*db, settings, demoMode);
            std::unique_ptr<ConnectionMonitor> monitor;
            if (!db->config().isSqlite()) {
                monitor = std::make_unique<ConnectionMonitor>(*db);
                window.addTopBanner(new ConnectionBanner(*monitor, &window));
                QObject::connect(&window,
                                 &CatalogueWindow::databaseFailed,
                                 monitor.get(),
                                 &ConnectionMonitor::reportError);
                monitor->start();
            }
            if (signedIn) {
                window.setSignedInAgent(Text::tr("Signed in: %1").arg(signedIn->displayName));
            }

            // Mail: sent at once from here after each action that writes one; moderators'
            // clients (and the demo's single workstation) also retry what is due.
            MailCenter mailCenter(
                    *db,
                    QStringLiteral("%1@%2").arg(signedIn ? signedIn->login : QStringLiteral("demo"),
                                                QSysInfo::machineHostName()));
            applyMailSettings(mailCenter, workstationMail(settings, db->config()), passwords);
            const bool moderator = signedIn && signedIn->roles.testFlag(Role::Moderator);
            mailCenter.setRetryInterval(demoMode || moderator ? 60'000 : 0);
            QTimer::singleShot(2'000, &mailCenter, &MailCenter::sendNow); // what waited
            QObject::connect(&window, &CatalogueWindow::mailSettingsRequested, &window, [&] {
                MailSettingsDialog dialog(settings, &passwords, &window);
                if (signedIn)
                    dialog.setTestRecipient(signedIn->email);
                // Without a password safe, the password typed earlier lives as long as the app.
                if (!mailCenter.settings().smtp.password.isEmpty())
                    dialog.setPassword(mailCenter.settings().smtp.password);
                if (dialog.exec() == QDialog::Accepted)
                    applyMailSettings(mailCenter,
                                      workstationMail(settings, db->config()),
                                      passwords,
                                      dialog.mailSettings().smtp.password);
            });

            // Moderation for moderators, as the server's groups (or the demo identity) say.
            WindowSets windowSets(*db, window, signedIn, demoMode);
            windowSets.setMailCenter(&mailCenter);
            QObject::connect(&window, &CatalogueWindow::switchServerRequested, &app, [] {
                QApplication::exit(SwitchServer);
            });
            window.show();
            status = QApplication::exec();
        } // the windows, the monitor and the worker threads go before the database
        if (status != SwitchServer)
            return status;
        previous = start;
        start = Start::Login;
    }
}
