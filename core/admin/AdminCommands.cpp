// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/AdminCommands.h"

#include "admin/Relay.h"
#include "demo/DemoData.h"
#include "mail/MailTransport.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/SchemaMigrator.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <memory>

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

std::optional<QString> valueIfSet(const QCommandLineParser &parser, const QString &name)
{
    if (!parser.isSet(name))
        return std::nullopt;
    return parser.value(name);
}

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
               "due;\n"
               "              reconnects by itself when the database session is lost\n"
               "              (--config, --once, --smtp-host, --smtp-port, --smtp-security, "
               "--smtp-user,\n"
               "              --smtp-password-file, --pickup-folder, --retry-interval)"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption database(
            QStringLiteral("database"),
            tr("PostgreSQL connection string (\"host=... dbname=...\", \"service=NAME\", a "
               "postgresql:// URI) or sqlite:FILE. Without it, the PG* environment variables "
               "are used."),
            tr("conninfo"));
    const QCommandLineOption config(
            QStringLiteral("config"),
            tr("relay: an INI file with the mail/ keys (transport, smtpHost, smtpPort, "
               "smtpSecurity, smtpUser, smtpPasswordFile, smtpCaFile, pickupFolder) and "
               "database/conninfo; the options given here win over it."),
            tr("file"));
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
            tr("relay: SMTP login; the password is read from RECUP_SMTP_PASSWORD, or else from "
               "the password file."),
            tr("user"));
    const QCommandLineOption smtpPasswordFile(
            QStringLiteral("smtp-password-file"),
            tr("relay: a file whose first line is the SMTP password, readable by its owner "
               "only."),
            tr("file"));
    const QCommandLineOption pickupFolder(
            QStringLiteral("pickup-folder"),
            tr("relay: write .eml files into this folder instead of sending over SMTP."),
            tr("folder"));
    const QCommandLineOption retrySeconds(
            QStringLiteral("retry-interval"),
            tr("relay: seconds between two looks for due mails (default 30)."),
            tr("seconds"));
    parser.addOptions({database,
                       config,
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
                       smtpPasswordFile,
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

    if (command == QLatin1String("relay"))
        return runRelay(parser);
    if (parser.isSet(config))
        return usage(tr("--config is for the relay command."));

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

int AdminCommands::runRelay(const QCommandLineParser &parser)
{
    RelayOptions options;
    options.configFile = parser.value(QStringLiteral("config"));
    options.database = valueIfSet(parser, QStringLiteral("database"));
    options.smtpHost = valueIfSet(parser, QStringLiteral("smtp-host"));
    options.smtpPort = valueIfSet(parser, QStringLiteral("smtp-port"));
    options.smtpSecurity = valueIfSet(parser, QStringLiteral("smtp-security"));
    options.smtpUser = valueIfSet(parser, QStringLiteral("smtp-user"));
    options.smtpPasswordFile = valueIfSet(parser, QStringLiteral("smtp-password-file"));
    options.pickupFolder = valueIfSet(parser, QStringLiteral("pickup-folder"));
    options.retryInterval = valueIfSet(parser, QStringLiteral("retry-interval"));
    options.once = parser.isSet(QStringLiteral("once"));
    // Settings first: a bad option or file is a usage error before anything is sent.
    const Result<RelaySettings> settings
            = RelaySettings::resolve(options, qEnvironmentVariable("RECUP_SMTP_PASSWORD"));
    if (!settings)
        return usage(settings.error().message);

    Database db(settings->database);
    if (const Status opened = db.open(); !opened)
        return fail(opened.error());
    if (const Status checked = SchemaMigrator(db).check(); !checked)
        return fail(checked.error());
    const std::unique_ptr<MailTransport> transport = settings->mail.makeTransport();
    Relay relay(db, transport.get(), out(), err());
    relay.setExpiryMail(settings->mail);
    return settings->once ? relay.sendDueOnce() : relay.runUntilStopped(settings->retryMs);
}

} // namespace Recup
