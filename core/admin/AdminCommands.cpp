// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/AdminCommands.h"

#include "actions/RetentionRound.h"
#include "admin/AdminOutput.h"
#include "admin/Relay.h"
#include "demo/DemoData.h"
#include "domain/UserText.h"
#include "mail/MailTransport.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/PersonalDataRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/SchemaMigrator.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <memory>

namespace Recup {

namespace {

using namespace AdminOutput;

std::optional<QString> valueIfSet(const QCommandLineParser &parser, const QString &name)
{
    if (!parser.isSet(name))
        return std::nullopt;
    return parser.value(name);
}

// --role values (repeated or comma-separated); every agent is an agent. Null, after saying
// which word is wrong, on an unknown role.
std::optional<Roles> rolesNamed(const QStringList &values)
{
    Roles roles = Role::Agent;
    for (const QString &value : values) {
        for (const QString &r : value.split(u',', Qt::SkipEmptyParts)) {
            const QString key = r.trimmed().toLower();
            if (key == QLatin1String("agent"))
                roles |= Role::Agent;
            else if (key == QLatin1String("moderator"))
                roles |= Role::Moderator;
            else if (key == QLatin1String("logistics"))
                roles |= Role::Logistics;
            else if (key == QLatin1String("admin"))
                roles |= Role::Admin;
            else {
                usage(AdminCommands::tr(
                              "Unknown role \"%1\": use agent, moderator, logistics or admin.")
                              .arg(r));
                return std::nullopt;
            }
        }
    }
    return roles;
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
               "  mail-policy show or set who every mail comes from and the moderators' address\n"
               "              (--sender, --sender-name, --moderators; PostgreSQL)\n"
               "  retention   show or set how many months contact messages and the personal "
               "parts of\n"
               "              mails are kept (--months N, 1 to 120; default 24), or anonymise "
               "now what\n"
               "              is older (--run: the relay does it every hour; for cron without "
               "a relay)\n"
               "  relay       send the outbox: at once when a mail is written, and retry what is "
               "due;\n"
               "              reconnects by itself when the database session is lost\n"
               "              (--config, --once, --smtp-host, --smtp-port, --smtp-security, "
               "--smtp-user,\n"
               "              --smtp-password-file, --pickup-folder, --retry-interval)\n"
               "  report      the moderators' figures, with a moderator's or administrator's "
               "login:\n"
               "              --semester 2026-S2 --format pdf|csv --output FILE, or the yearly "
               "reuse\n"
               "              declaration: --year 2026 --declaration --format csv --output FILE\n"
               "              [--organisation CODE]\n"
               "  pickup-list the logistics staff's printed list of a day, with a logistics "
               "login:\n"
               "              --date 2026-12-04 --output FILE.pdf\n"
               "  import      load reference data from a CSV file (Excel or directory export):\n"
               "              --kind organisations|services|sites|categories|agents --file "
               "FILE.csv\n"
               "              [--dry-run] [--initial-passwords FILE]; rows are matched by code "
               "(login for\n"
               "              agents): added or changed, never deleted; an agent absent from the "
               "file\n"
               "              is NOT deactivated (use deactivate-agent). One transaction: any "
               "error\n"
               "              imports nothing. Columns: see list\n"
               "  list        write a kind's rows as CSV on standard output, in the columns "
               "import reads\n"
               "              (--kind)\n"
               "  set-roles   replace an agent's roles and database groups (--login, --role)\n"
               "  transfer-ads hand a leaving agent's open ads over to another agent (--from, "
               "--to)"));
    parser.addHelpOption();
    parser.addVersionOption();
    addDatabaseOptions(parser);
    addAgentOptions(parser);
    addRelayOptions(parser);
    addReportOptions(parser);
    addImportOptions(parser);
    parser.addOptions({
            QCommandLineOption(QStringLiteral("sender"),
                               tr("mail-policy: the address every mail comes from."),
                               tr("address")),
            QCommandLineOption(QStringLiteral("sender-name"),
                               tr("mail-policy: the name shown beside it."),
                               tr("name")),
            QCommandLineOption(QStringLiteral("moderators"),
                               tr("mail-policy: the moderators' shared address (empty: each "
                                  "moderator's own)."),
                               tr("address")),
            QCommandLineOption(QStringLiteral("months"),
                               tr("retention: months contact messages and mails are kept (1 to "
                                  "120)."),
                               tr("months")),
            QCommandLineOption(QStringLiteral("run"),
                               tr("retention: anonymise now what is older than the retention.")),
    });
    parser.addPositionalArgument(
            QStringLiteral("command"),
            tr("init, seed-demo, add-agent, deactivate-agent, mail-policy, "
               "retention, relay, report, pickup-list, import, list, set-roles or "
               "transfer-ads"));

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
        return usage(
                tr("Give one command: init, seed-demo, add-agent, deactivate-agent, "
                   "mail-policy, retention, relay, report, pickup-list, import, list, set-roles or "
                   "transfer-ads (see --help)."));
    const QString command = positional.first();
    static const QStringList commands{QStringLiteral("init"),
                                      QStringLiteral("seed-demo"),
                                      QStringLiteral("add-agent"),
                                      QStringLiteral("deactivate-agent"),
                                      QStringLiteral("mail-policy"),
                                      QStringLiteral("retention"),
                                      QStringLiteral("relay"),
                                      QStringLiteral("report"),
                                      QStringLiteral("pickup-list"),
                                      QStringLiteral("import"),
                                      QStringLiteral("list"),
                                      QStringLiteral("set-roles"),
                                      QStringLiteral("transfer-ads")};
    if (!commands.contains(command))
        return usage(tr("Unknown command \"%1\" (see --help).").arg(command));

    if (command == QLatin1String("relay"))
        return runRelay(parser);
    if (parser.isSet(QStringLiteral("config")))
        return usage(tr("--config is for the relay command."));
    if (command == QLatin1String("pickup-list")) {
        if (const int refused = checkPickupListOptions(parser); refused != Success)
            return refused;
    }
    if (command == QLatin1String("retention") && parser.isSet(QStringLiteral("months"))) {
        // Refused before the database opens: nothing is changed.
        bool number = false;
        const QString given = parser.value(QStringLiteral("months")).trimmed();
        const qint64 months = given.toLongLong(&number);
        if (!number)
            return usage(tr("--months: \"%1\" is not a number of months (1 to %2).")
                                 .arg(given)
                                 .arg(PersonalDataRepository::MaxRetentionMonths));
        if (const auto refused = PersonalDataRepository::retentionError(months))
            return usage(QStringLiteral("--months: ") + *refused);
    }
    return runOnDatabase(command, parser);
}

void AdminCommands::addDatabaseOptions(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(
            QStringLiteral("database"),
            tr("PostgreSQL connection string (\"host=... dbname=...\", \"service=NAME\", a "
               "postgresql:// URI) or sqlite:FILE. Without it, the PG* environment variables "
               "are used."),
            tr("conninfo")));
    parser.addOption(QCommandLineOption(
            QStringLiteral("config"),
            tr("relay: an INI file with the mail/ keys (transport, smtpHost, smtpPort, "
               "smtpSecurity, smtpUser, smtpPasswordFile, smtpCaFile, pickupFolder) and "
               "database/conninfo; the options given here win over it."),
            tr("file")));
}

void AdminCommands::addAgentOptions(QCommandLineParser &parser)
{
    parser.addOptions({
            QCommandLineOption(QStringLiteral("login"), tr("Agent's login."), tr("login")),
            QCommandLineOption(QStringLiteral("name"), tr("Agent's full name."), tr("name")),
            QCommandLineOption(QStringLiteral("email"), tr("Agent's email address."), tr("email")),
            QCommandLineOption(QStringLiteral("phone"), tr("Agent's phone number."), tr("phone")),
            QCommandLineOption(
                    QStringLiteral("service"), tr("Code of the agent's service."), tr("code")),
            QCommandLineOption(QStringLiteral("role"),
                               tr("agent, moderator, logistics or admin; may be repeated."),
                               tr("role")),
            QCommandLineOption(
                    QStringLiteral("password-stdin"),
                    tr("Read the agent's password from the first line of standard input. "
                       "Without it, the account has no password (single sign-on configured in "
                       "pg_hba.conf).")),
    });
}

void AdminCommands::addRelayOptions(QCommandLineParser &parser)
{
    parser.addOptions({
            QCommandLineOption(QStringLiteral("once"),
                               tr("relay: send what is due, print the count and exit.")),
            QCommandLineOption(
                    QStringLiteral("smtp-host"), tr("relay: SMTP server's host name."), tr("host")),
            QCommandLineOption(QStringLiteral("smtp-port"),
                               tr("relay: SMTP server's port (default: 25, 587 or 465 after "
                                  "--smtp-security)."),
                               tr("port")),
            QCommandLineOption(QStringLiteral("smtp-security"),
                               tr("relay: none, starttls (default) or tls."),
                               tr("mode")),
            QCommandLineOption(QStringLiteral("smtp-user"),
                               tr("relay: SMTP login; the password is read from "
                                  "RECUP_SMTP_PASSWORD, or else from the password file."),
                               tr("user")),
            QCommandLineOption(QStringLiteral("smtp-password-file"),
                               tr("relay: a file whose first line is the SMTP password, readable "
                                  "by its owner only."),
                               tr("file")),
            QCommandLineOption(QStringLiteral("pickup-folder"),
                               tr("relay: write .eml files into this folder instead of sending "
                                  "over SMTP."),
                               tr("folder")),
            QCommandLineOption(QStringLiteral("retry-interval"),
                               tr("relay: seconds between two looks for due mails (default 30)."),
                               tr("seconds")),
    });
}

int AdminCommands::runOnDatabase(const QString &command, const QCommandLineParser &parser)
{
    Database db(DatabaseConfig::fromConninfo(parser.value(QStringLiteral("database"))));
    if (const Status opened = db.open(); !opened)
        return fail(opened.error());
    if (command == QLatin1String("init"))
        return runInit(db);
    if (const Status checked = SchemaMigrator(db).check(); !checked)
        return fail(checked.error());
    if (command == QLatin1String("seed-demo"))
        return runSeedDemo(db);
    if (command == QLatin1String("deactivate-agent"))
        return runDeactivateAgent(parser, db);
    if (command == QLatin1String("mail-policy"))
        return runMailPolicy(parser, db);
    if (command == QLatin1String("retention"))
        return runRetention(parser, db);
    if (command == QLatin1String("report"))
        return runReport(parser, db);
    if (command == QLatin1String("pickup-list"))
        return runPickupList(parser, db);
    if (command == QLatin1String("import"))
        return runImport(parser, db);
    if (command == QLatin1String("list"))
        return runList(parser, db);
    if (command == QLatin1String("set-roles"))
        return runSetRoles(parser, db);
    if (command == QLatin1String("transfer-ads"))
        return runTransferAds(parser, db);
    return runAddAgent(parser, db);
}

int AdminCommands::runMailPolicy(const QCommandLineParser &parser, Database &db)
{
    OutboxRepository outbox(db);
    Result<MailPolicy> policy = outbox.policy();
    if (!policy)
        return fail(policy.error());
    const bool changing = parser.isSet(QStringLiteral("sender"))
                          || parser.isSet(QStringLiteral("sender-name"))
                          || parser.isSet(QStringLiteral("moderators"));
    if (changing) {
        for (const char *option : {"sender", "moderators"}) {
            const QString given = parser.value(QString::fromLatin1(option)).trimmed();
            if (!given.isEmpty() && !MailAddress::validate(given))
                return usage(tr("--%1: \"%2\" is not a mail address.")
                                     .arg(QString::fromLatin1(option), given));
        }
        MailPolicy changed = *policy;
        if (parser.isSet(QStringLiteral("sender")))
            changed.senderAddress = parser.value(QStringLiteral("sender")).trimmed();
        if (parser.isSet(QStringLiteral("sender-name")))
            changed.senderName = parser.value(QStringLiteral("sender-name")).trimmed();
        if (parser.isSet(QStringLiteral("moderators")))
            changed.moderatorsAddress = parser.value(QStringLiteral("moderators")).trimmed();
        if (const Status saved = outbox.setPolicy(changed); !saved)
            return fail(saved.error());
        policy = outbox.policy();
        if (!policy)
            return fail(policy.error());
    }
    out() << tr("Mails come from: %1")
                     .arg(policy->senderAddress.isEmpty()
                                  ? tr("ne-pas-repondre@ the acting agent's mail domain")
                                  : QStringLiteral("%1 <%2>").arg(policy->senderName,
                                                                  policy->senderAddress))
          << Qt::endl;
    out() << tr("Moderators are written to at: %1")
                     .arg(policy->moderatorsAddress.isEmpty() ? tr("each moderator's own address")
                                                              : policy->moderatorsAddress)
          << Qt::endl;
    return Success;
}

int AdminCommands::runRetention(const QCommandLineParser &parser, Database &db)
{
    PersonalDataRepository personalData(db);
    if (parser.isSet(QStringLiteral("months"))) {
        const int months = parser.value(QStringLiteral("months")).trimmed().toInt();
        if (const Status saved = personalData.setRetentionMonths(months); !saved)
            return fail(saved.error());
    }
    const Result<int> months = personalData.retentionMonths();
    if (!months)
        return fail(months.error());
    out() << tr("Contact messages and the personal parts of mails are kept %n month(s), then "
                "anonymised.",
                nullptr,
                *months)
          << Qt::endl;
    if (!parser.isSet(QStringLiteral("run")))
        return Success;
    const Result<RetentionRound::Outcome> round = RetentionRound(db).run();
    if (!round)
        return fail(round.error());
    out() << tr("%1, %2.", "contact messages anonymised, mails anonymised")
                     .arg(tr("%n contact message(s) anonymised", nullptr, round->messages),
                          tr("%n mail(s) anonymised", nullptr, round->mails))
          << Qt::endl;
    return Success;
}

int AdminCommands::runInit(Database &db)
{
    SchemaMigrator migrator(db);
    if (const Status migrated = migrator.migrate(); !migrated)
        return fail(migrated.error());
    out() << tr("The schema is up to date (version %1).").arg(migrator.latestKnownVersion())
          << Qt::endl;
    return Success;
}

int AdminCommands::runSeedDemo(Database &db)
{
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

int AdminCommands::runDeactivateAgent(const QCommandLineParser &parser, Database &db)
{
    const QString login = parser.value(QStringLiteral("login")).trimmed();
    if (login.isEmpty())
        return usage(tr("deactivate-agent needs --login."));
    if (const Status done = ReferenceRepository(db).deactivateAgent(login); !done)
        return fail(done.error());
    out() << tr("Agent %1 can no longer log in.").arg(login) << Qt::endl;
    return Success;
}

int AdminCommands::runAddAgent(const QCommandLineParser &parser, Database &db)
{
    std::optional<QString> password;
    if (parser.isSet(QStringLiteral("password-stdin"))) {
        QTextStream in(stdin);
        const QString line = in.readLine();
        if (line.isEmpty())
            return usage(tr("--password-stdin: no password was given on standard input."));
        password = line;
    }
    for (const char *required : {"login", "name", "email", "service"}) {
        if (parser.value(QLatin1String(required)).trimmed().isEmpty())
            return usage(tr("add-agent needs --%1.").arg(QLatin1String(required)));
    }
    Agent agent;
    agent.login = parser.value(QStringLiteral("login")).trimmed();
    agent.displayName = parser.value(QStringLiteral("name")).trimmed();
    agent.email = parser.value(QStringLiteral("email")).trimmed();
    agent.phone = parser.value(QStringLiteral("phone")).trimmed();
    const std::optional<Roles> roles = rolesNamed(parser.values(QStringLiteral("role")));
    if (!roles)
        return Usage; // rolesNamed said which
    agent.roles = *roles;
    ReferenceRepository references(db);
    const auto found = references.serviceByCode(parser.value(QStringLiteral("service")).trimmed());
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
