// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/AdminCommands.h"

#include "demo/DemoData.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/SchemaMigrator.h"

#include <QCommandLineParser>
#include <QTextStream>

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
               "stay"));
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
    parser.addOptions({database, login, name, email, phone, service, role, passwordStdin});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 tr("init, seed-demo, add-agent or deactivate-agent"));

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
        return usage(tr(
                "Give one command: init, seed-demo, add-agent or deactivate-agent (see --help)."));
    const QString command = positional.first();
    if (command != QLatin1String("init") && command != QLatin1String("seed-demo")
        && command != QLatin1String("add-agent") && command != QLatin1String("deactivate-agent"))
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
