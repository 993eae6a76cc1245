// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// collectiv-recup: the agents' desktop application.
#include "WindowSets.h"
#include "actions/MailCenter.h"
#include "agent/CatalogueWindow.h"
#include "common/AccessibleLabels.h"
#include "common/ApplicationIcon.h"
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
#include "storage/IdleDisconnect.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"
#include "storage/SchemaMigrator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
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

// Where a session starts: the embedded demonstration, a connection string given or saved, or
// the login dialog (a saved server profile).
enum class Start { Demo, Conninfo, Login };

// The exit code of the event loop when the person asks to sign in to another server.
constexpr int SwitchServer = 0x5ec;

// What the command line (or, failing it, the saved settings) asks for.
struct Options
{
    QString conninfo;
    QString demoPath;
    bool login = false;
};

// The database a session works on, who signed in (no one in the demo), and whether it is the
// single-workstation mode.
struct Session
{
    std::unique_ptr<Database> db;
    std::optional<Agent> signedIn;
    bool demoMode = false;
};

// Opening a session ends with a session, an exit code (the application stops), or the login
// dialog abandoned.
struct Opening
{
    std::optional<Session> session;
    int exitCode = 0;
    bool cancelled = false;
};

void describeApplication()
{
    QApplication::setOrganizationName(QStringLiteral("collectiv-recup"));
    QApplication::setOrganizationDomain(QStringLiteral("collectivrecup.fr"));
    QApplication::setApplicationName(QStringLiteral("collectiv-recup"));
    QApplication::setApplicationDisplayName(QStringLiteral("Collectiv'Récup"));
    QApplication::setApplicationVersion(QStringLiteral(RECUP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("fr.collectivrecup.CollectivRecup"));
#ifdef Q_OS_WIN
    // Files rather than the registry, as on Linux: IT's site file is then
    // C:\ProgramData\collectiv-recup\collectiv-recup.ini (the installer's /CONFIG=), read under
    // each person's own %APPDATA%\collectiv-recup\collectiv-recup.ini.
    QSettings::setDefaultFormat(QSettings::IniFormat);
#endif
    // Every window and dialog without an icon of its own shows this one.
    QApplication::setWindowIcon(applicationIcon());
    // Screen readers: every form field named by its label, every list by its purpose.
    AccessibleLabels::install();
}

Options parseCommandLine(QApplication &app, const AppSettings &settings)
{
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

    Options options;
    options.conninfo = parser.isSet(databaseOption) ? parser.value(databaseOption)
                                                    : settings.databaseConninfo();
    options.demoPath = parser.isSet(demoPathOption) ? parser.value(demoPathOption)
                                                    : LocalDemo::defaultPath();
    options.login = parser.isSet(loginOption);
    return options;
}

Start firstStart(const Options &options, const ServerProfiles &profiles)
{
    if (!options.conninfo.trimmed().isEmpty())
        return Start::Conninfo;
    if (options.login || !profiles.profiles().isEmpty())
        return Start::Login;
    return Start::Demo;
}

Opening openDemo(const QString &path)
{
    Result<std::unique_ptr<Database>> opened = LocalDemo::open(path);
    if (!opened)
        return {{}, refuse(Text::tr("The demo database could not be opened."), opened.error())};
    return {Session{std::move(opened).value(), std::nullopt, true}};
}

Opening openConninfo(const QString &conninfo)
{
    const DatabaseConfig config = DatabaseConfig::fromConninfo(conninfo);
    Session session{std::make_unique<Database>(config), std::nullopt, false};
    session.db->reader().connectAhead();
    if (const Status opened = session.db->open(); !opened)
        return {{},
                refuse(Text::tr("Collectiv'Récup could not connect to its database (%1).")
                               .arg(config.describe()),
                       opened.error())};
    if (const Status schema = SchemaMigrator(*session.db).check(); !schema)
        return {{},
                refuse(Text::tr("The database cannot be used by this version of "
                                "Collectiv'Récup."),
                       schema.error())};
    // A SQLite file is a single-workstation database, whatever its path.
    session.demoMode = config.isSqlite();
    if (!session.demoMode) {
        const auto me = ReferenceRepository(*session.db).sessionAgent();
        if (!me)
            return {{}, refuse(Text::tr("Collectiv'Récup cannot tell who you are."), me.error())};
        session.signedIn = *me;
    }
    return {std::move(session)};
}

Opening signInWithDialog(ServerProfiles &profiles, PasswordStore &passwords)
{
    LoginDialog login(profiles, passwords);
    if (login.exec() != QDialog::Accepted)
        return {{}, 0, true};
    Session session{std::make_unique<Database>(login.config()), login.agent(), false};
    session.db->reader().connectAhead();
    if (const Status opened = session.db->open(); !opened)
        return {{},
                refuse(Text::tr("Collectiv'Récup could not connect to its database (%1).")
                               .arg(login.config().describe()),
                       opened.error())};
    return {std::move(session)};
}

Opening
openSession(Start start, const Options &options, ServerProfiles &profiles, PasswordStore &passwords)
{
    switch (start) {
    case Start::Demo:
        return openDemo(options.demoPath);
    case Start::Conninfo:
        return openConninfo(options.conninfo);
    case Start::Login:
        break;
    }
    return signInWithDialog(profiles, passwords);
}

// On a server, a lost session is noticed, said in a banner, and reconnected.
std::unique_ptr<ConnectionMonitor> watchConnection(Database &db, CatalogueWindow &window)
{
    if (db.config().isSqlite())
        return {};
    auto monitor = std::make_unique<ConnectionMonitor>(db);
    window.addTopBanner(new ConnectionBanner(*monitor, &window));
    QObject::connect(&window,
                     &CatalogueWindow::databaseFailed,
                     monitor.get(),
                     &ConnectionMonitor::reportError);
    monitor->start();
    return monitor;
}

// File › Mail sending…: the dialog, then the mail center takes the settings saved.
void offerMailSettings(CatalogueWindow &window,
                       MailCenter &mailCenter,
                       const Session &session,
                       AppSettings &settings,
                       PasswordStore &passwords)
{
    QObject::connect(&window, &CatalogueWindow::mailSettingsRequested, &window, [&] {
        MailSettingsDialog dialog(settings, &passwords, &window);
        dialog.setSenderKeptByDatabase(!session.db->config().isSqlite());
        if (session.signedIn)
            dialog.setTestRecipient(session.signedIn->email);
        // Without a password safe, the password typed earlier lives as long as the app.
        if (!mailCenter.settings().smtp.password.isEmpty())
            dialog.setPassword(mailCenter.settings().smtp.password);
        if (dialog.exec() == QDialog::Accepted)
            applyMailSettings(mailCenter,
                              workstationMail(settings, session.db->config()),
                              passwords,
                              dialog.mailSettings().smtp.password);
    });
}

// The catalogue, its banners, mail and window sets, until the person quits or switches server.
// Connection economy: an idle workstation closes its connections; the reference cache listens
// again once they are back (after idleness or an outage).
std::unique_ptr<IdleDisconnect>
economiseConnections(Database &db, const AppSettings &settings, ConnectionMonitor *monitor)
{
    if (monitor) {
        QObject::connect(monitor, &ConnectionMonitor::restored, monitor, [&db] {
            db.references().reload();
        });
    }
    const int idleMinutes = settings.databaseIdleMinutes();
    if (db.config().isSqlite() || idleMinutes <= 0)
        return {};
    auto idle = std::make_unique<IdleDisconnect>(db, idleMinutes * 60'000);
    QObject::connect(
            idle.get(), &IdleDisconnect::resumed, idle.get(), [&db] { db.references().reload(); });
    idle->start();
    return idle;
}

int runSession(const Session &session, AppSettings &settings, PasswordStore &passwords)
{
    Database &db = *session.db;
    const std::optional<Agent> &signedIn = session.signedIn;
    CatalogueWindow window(db, settings, session.demoMode);
    const std::unique_ptr<ConnectionMonitor> monitor = watchConnection(db, window);
    if (signedIn) {
        window.setSignedInAgent(Text::tr("Signed in: %1").arg(signedIn->displayName));
    }

    // Mail: sent at once from here after each action that writes one; moderators'
    // clients (and the demo's single workstation) also retry what is due.
    MailCenter mailCenter(
            db,
            QStringLiteral("%1@%2").arg(signedIn ? signedIn->login : QStringLiteral("demo"),
                                        QSysInfo::machineHostName()));
    applyMailSettings(mailCenter, workstationMail(settings, db.config()), passwords);
    const bool moderator = signedIn && signedIn->roles.testFlag(Role::Moderator);
    mailCenter.setRetryInterval(session.demoMode || moderator ? 60'000 : 0);
    QTimer::singleShot(2'000, &mailCenter, &MailCenter::sendNow); // what waited
    offerMailSettings(window, mailCenter, session, settings, passwords);

    // Moderation for moderators, as the server's groups (or the demo identity) say.
    WindowSets windowSets(db, window, signedIn, session.demoMode);
    windowSets.setMailCenter(&mailCenter);
    const std::unique_ptr<IdleDisconnect> idle = economiseConnections(db, settings, monitor.get());
    QObject::connect(&window, &CatalogueWindow::switchServerRequested, qApp, [] {
        QApplication::exit(SwitchServer);
    });
    window.showWhenFilled();
    return QApplication::exec();
} // the windows, the monitor and the worker threads go before the database

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    describeApplication();
    AppSettings settings;
    installTranslations(requestedLanguage(QApplication::arguments(), settings.language()));
    const Options options = parseCommandLine(app, settings);

    ServerProfiles profiles;
    PasswordStore passwords; // lives as long as the app: keychain writes finish after dialogs
    passwords.probe();
    Start start = firstStart(options, profiles);
    std::optional<Start> previous;
    for (;;) {
        Opening opening = openSession(start, options, profiles, passwords);
        if (opening.cancelled) {
            if (!previous)
                return 0;
            start = *previous; // "Connect to a server…" abandoned: back to where we were
            previous.reset();
            continue;
        }
        if (!opening.session)
            return opening.exitCode;
        const int status = runSession(*opening.session, settings, passwords);
        if (status != SwitchServer)
            return status;
        previous = start;
        start = Start::Login;
    }
}
