// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/AdminCommands.h"

#include "demo/DemoData.h"
#include "mail/OutboxDispatcher.h"
#include "mail/PickupFolderTransport.h"
#include "mail/SmtpTransport.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/SchemaMigrator.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QSqlDriver>
#include <QSqlError>
#include <QSysInfo>
#include <QTextStream>
#include <QTimer>

#include <memory>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace Recup {

namespace {

enum ExitCode { Success = 0, Usage = 1, Failure = 2 };

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const Error &error)
{
    err() << QStringLiteral("collectiv-recup-admin: ") << error.message;
    if (!error.detail.isEmpty())
        err() << QStringLiteral(" (") << error.detail.simplified() << u')';
    err() << Qt::endl;
    return Failure;
}

int usage(const QString &message)
{
    err() << QStringLiteral("collectiv-recup-admin: ") << message << Qt::endl;
    return Usage;
}

#ifdef Q_OS_UNIX
int g_stopPipe[2] = {-1, -1};

void requestStop(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_stopPipe[1], &byte, 1);
}
#endif

} // namespace

int AdminCommands::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Sets up and maintains the Collectiv'Récup database.\n\nCommands:\n"
               "  init        create the schema, or upgrade it to this version\n"
               "  seed-demo   load the demonstration data into an empty database\n"
               "  add-agent   add an agent who logs in with their own database account\n"
               "              (--login, --name, --email, --service, --role, --password-stdin)\n"
               "  deactivate-agent  revoke an agent's login (--login); their ads and history "
               "stay\n"
               "  relay       send the outbox: at once when a mail is written, and retry what is "
               "due\n"
               "              (--once, --smtp-host, --smtp-port, --smtp-security, --smtp-user, "
               "--pickup-folder)"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(
            QStringLiteral("database"),
            tr("PostgreSQL connection string (\"host=... dbname=...\", \"service=NAME\", a "
               "postgresql:// URI) or sqlite:FILE. Without it, the PG* environment variables "
               "are used."),
            tr("conninfo"));
    const QCommandLineOption login(QStringLiteral("login"), tr("Agent's login."), tr("login"));
    const QCommandLineOption name(QStringLiteral("name"), tr("Agent's full name."), tr("name"));
    const QCommandLineOption email(
            QStringLiteral("email"), tr("Agent's email address."), tr("email"));
    const QCommandLineOption phone(
            QStringLiteral("phone"), tr("Agent's phone number."), tr("phone"));
    const QCommandLineOption service(
            QStringLiteral("service"), tr("Code of the agent's service."), tr("code"));
    const QCommandLineOption role(QStringLiteral("role"),
                                  tr("agent, moderator, logistics or admin; may be repeated."),
                                  tr("role"));
    const QCommandLineOption passwordStdin(
            QStringLiteral("password-stdin"),
            tr("Read the agent's password from the first line of standard input. Without it, "
               "the account has no password (single sign-on configured in pg_hba.conf)."));
    const QCommandLineOption once(QStringLiteral("once"),
                                  tr("relay: send what is due, print the count and exit."));
    const QCommandLineOption smtpHost(
            QStringLiteral("smtp-host"), tr("relay: SMTP server's host name."), tr("host"));
    const QCommandLineOption smtpPort(
            QStringLiteral("smtp-port"),
            tr("relay: SMTP server's port (default: 25, 587 or 465 after --smtp-security)."),
            tr("port"));
    const QCommandLineOption smtpSecurity(QStringLiteral("smtp-security"),
                                          tr("relay: none, starttls (default) or tls."),
                                          tr("mode"));
    const QCommandLineOption smtpUser(
            QStringLiteral("smtp-user"),
            tr("relay: SMTP login; the password is read from RECUP_SMTP_PASSWORD."),
            tr("user"));
    const QCommandLineOption pickupFolder(
            QStringLiteral("pickup-folder"),
            tr("relay: write .eml files into this folder instead of sending over SMTP."),
            tr("folder"));
    const QCommandLineOption retrySeconds(
            QStringLiteral("retry-interval"),
            tr("relay: seconds between two looks for due mails (default 30)."),
            tr("seconds"));
    parser.addOptions({database,
                       login,
                       name,
                       email,
                       phone,
                       service,
                       role,
                       passwordStdin,
                       once,
                       smtpHost,
                       smtpPort,
                       smtpSecurity,
                       smtpUser,
                       pickupFolder,
                       retrySeconds});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 tr("init, seed-demo, add-agent, deactivate-agent or relay"));

    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return Success;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << QStringLiteral("collectiv-recup-admin " RECUP_VERSION) << Qt::endl;
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usage(tr("Give one command: init, seed-demo, add-agent, deactivate-agent or relay "
                        "(see --help)."));
    const QString command = positional.first();
    if (command != QLatin1String("init") && command != QLatin1String("seed-demo")
        && command != QLatin1String("add-agent") && command != QLatin1String("deactivate-agent")
        && command != QLatin1String("relay"))
        return usage(tr("Unknown command \"%1\" (see --help).").arg(command));

    Database db(DatabaseConfig::fromConninfo(parser.value(database)));
    if (const Status opened = db.open(); !opened)
        return fail(opened.error());
    SchemaMigrator migrator(db);

    if (command == QLatin1String("init")) {
        if (const Status migrated = migrator.migrate(); !migrated)
            return fail(migrated.error());
        out() << tr("The schema is up to date (version %1).").arg(migrator.latestKnownVersion())
              << Qt::endl;
        return Success;
    }
    if (const Status checked = migrator.check(); !checked)
        return fail(checked.error());

    if (command == QLatin1String("seed-demo")) {
        if (DemoData::hasData(db))
            return fail(Error{Error::Kind::Invalid,
                              tr("This database already holds data: the demonstration data is "
                                 "only loaded into an empty database."),
                              {},
                              {}});
        if (const Status seeded = DemoData::seed(db); !seeded)
            return fail(seeded.error());
        out() << tr("Demonstration data loaded.") << Qt::endl;
        return Success;
    }

    if (command == QLatin1String("relay")) {
        // The transport first: a bad option is a usage error before anything is sent.
        std::unique_ptr<MailTransport> transport;
        if (parser.isSet(pickupFolder)) {
            transport = std::make_unique<PickupFolderTransport>(parser.value(pickupFolder));
        } else {
            SmtpSettings settings;
            settings.host = parser.value(smtpHost).trimmed();
            if (settings.host.isEmpty())
                return usage(tr("relay needs --smtp-host or --pickup-folder."));
            const QString mode = parser.value(smtpSecurity).trimmed().toLower();
            if (mode == QLatin1String("none"))
                settings.security = SmtpSettings::Security::None;
            else if (mode == QLatin1String("tls"))
                settings.security = SmtpSettings::Security::Tls;
            else if (mode.isEmpty() || mode == QLatin1String("starttls"))
                settings.security = SmtpSettings::Security::StartTls;
            else
                return usage(
                        tr("Unknown SMTP security \"%1\": use none, starttls or tls.").arg(mode));
            settings.port = SmtpSettings::defaultPort(settings.security);
            if (parser.isSet(smtpPort)) {
                bool ok = false;
                const uint port = parser.value(smtpPort).toUInt(&ok);
                if (!ok || port == 0 || port > 65535)
                    return usage(tr("--smtp-port: \"%1\" is not a port number.")
                                         .arg(parser.value(smtpPort)));
                settings.port = quint16(port);
            }
            settings.user = parser.value(smtpUser).trimmed();
            settings.password = qEnvironmentVariable("RECUP_SMTP_PASSWORD");
            transport = std::make_unique<SmtpTransport>(settings);
        }
        int retryMs = 30'000;
        if (parser.isSet(retrySeconds)) {
            bool ok = false;
            const int seconds = parser.value(retrySeconds).toInt(&ok);
            if (!ok || seconds < 1)
                return usage(tr("--retry-interval: give a number of seconds."));
            retryMs = seconds * 1000;
        }

        const QString sender = QStringLiteral("relay %1@%2")
                                       .arg(QCoreApplication::applicationPid())
                                       .arg(QSysInfo::machineHostName());
        OutboxDispatcher dispatcher(db, transport.get(), sender);
        QEventLoop loop;
        bool databaseFailed = false;
        QObject::connect(&dispatcher,
                         &OutboxDispatcher::databaseFailed,
                         &loop,
                         [&](const QString &message, const QString &detail) {
                             databaseFailed = true;
                             fail(Error{Error::Kind::Database, message, detail, {}});
                         });
        QObject::connect(
                &dispatcher,
                &OutboxDispatcher::mailFailed,
                &loop,
                [](qint64 id, const QString &messageId, const SendResult &result) {
                    err() << tr("Mail %1 %2 not sent: %3").arg(id).arg(messageId, result.message)
                          << Qt::endl;
                });

        if (parser.isSet(once)) {
            QObject::connect(&dispatcher, &OutboxDispatcher::drained, &loop, &QEventLoop::quit);
            QTimer::singleShot(0, &dispatcher, &OutboxDispatcher::sendNow);
            loop.exec();
            out() << tr("%1 mails sent, %2 not sent.")
                             .arg(dispatcher.sentCount())
                             .arg(dispatcher.failedCount())
                  << Qt::endl;
            return databaseFailed ? Failure : Success;
        }

        // At once on NOTIFY where the server has it, and every retry interval anyway.
        QSqlDriver *driver = db.connection().driver();
        if (driver->hasFeature(QSqlDriver::EventNotifications)) {
            QObject::connect(
                    driver, &QSqlDriver::notification, &dispatcher, &OutboxDispatcher::sendNow);
            if (!driver->subscribeToNotification(QStringLiteral("recup_outbox")))
                return fail(databaseError(driver->lastError()));
        }
        dispatcher.setRetryInterval(retryMs);
#ifdef Q_OS_UNIX
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_stopPipe) != 0)
            return fail(Error{
                    Error::Kind::Database, tr("The relay cannot watch for signals."), {}, {}});
        QSocketNotifier stopNotifier(g_stopPipe[0], QSocketNotifier::Read);
        // Mails in flight are answered first; a server that never answers is not waited for.
        QObject::connect(&stopNotifier, &QSocketNotifier::activated, &dispatcher, [&] {
            stopNotifier.setEnabled(false);
            dispatcher.stop();
            QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
        });
        QObject::connect(&dispatcher, &OutboxDispatcher::stopped, &loop, &QEventLoop::quit);
        struct sigaction action = {};
        action.sa_handler = requestStop;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        sigaction(SIGTERM, &action, nullptr);
        sigaction(SIGINT, &action, nullptr);
#endif
        out() << tr("Relay started: sending the outbox.") << Qt::endl;
        QTimer::singleShot(0, &dispatcher, &OutboxDispatcher::sendNow);
        loop.exec();
#ifdef Q_OS_UNIX
        signal(SIGTERM, SIG_DFL);
        signal(SIGINT, SIG_DFL);
        ::close(g_stopPipe[0]);
        ::close(g_stopPipe[1]);
#endif
        // Mails still in flight, if any, keep their lease and are sent again once it expires.
        out() << tr("Relay stopped: %1 mails sent, %2 not sent.")
                         .arg(dispatcher.sentCount())
                         .arg(dispatcher.failedCount())
              << Qt::endl;
        return Success;
    }

    if (command == QLatin1String("deactivate-agent")) {
        if (parser.value(login).trimmed().isEmpty())
            return usage(tr("deactivate-agent needs --login."));
        if (const Status done
            = ReferenceRepository(db).deactivateAgent(parser.value(login).trimmed());
            !done)
            return fail(done.error());
        out() << tr("Agent %1 can no longer log in.").arg(parser.value(login).trimmed())
              << Qt::endl;
        return Success;
    }

    // add-agent
    std::optional<QString> password;
    if (parser.isSet(passwordStdin)) {
        QTextStream in(stdin);
        const QString line = in.readLine();
        if (line.isEmpty())
            return usage(tr("--password-stdin: no password was given on standard input."));
        password = line;
    }
    for (const auto &required : {login, name, email, service}) {
        if (parser.value(required).trimmed().isEmpty())
            return usage(tr("add-agent needs --%1.").arg(required.names().first()));
    }
    Agent agent;
    agent.login = parser.value(login).trimmed();
    agent.displayName = parser.value(name).trimmed();
    agent.email = parser.value(email).trimmed();
    agent.phone = parser.value(phone).trimmed();
    agent.roles = Role::Agent;
    for (const QString &value : parser.values(role)) {
        for (const QString &r : value.split(u',', Qt::SkipEmptyParts)) {
            const QString key = r.trimmed().toLower();
            if (key == QLatin1String("agent"))
                agent.roles |= Role::Agent;
            else if (key == QLatin1String("moderator"))
                agent.roles |= Role::Moderator;
            else if (key == QLatin1String("logistics"))
                agent.roles |= Role::Logistics;
            else if (key == QLatin1String("admin"))
                agent.roles |= Role::Admin;
            else
                return usage(tr("Unknown role \"%1\": use agent, moderator, logistics or admin.")
                                     .arg(r));
        }
    }
    ReferenceRepository references(db);
    const auto found = references.serviceByCode(parser.value(service).trimmed());
    if (!found)
        return fail(found.error());
    agent.serviceId = found->id;
    const auto id = references.enrolAgent(agent, password);
    if (!id)
        return fail(id.error());
    out() << tr("Agent %1 added.").arg(agent.login) << Qt::endl;
    return Success;
}

} // namespace Recup
