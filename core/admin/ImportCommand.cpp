// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// collectiv-recup-admin import, list, set-roles and transfer-ads: the reference data in bulk
// from CSV files (issue #12), back out as CSV, an agent's roles, a leaving agent's ads.
#include "admin/AdminCommands.h"
#include "admin/AdminOutput.h"
#include "admin/CsvReader.h"
#include "admin/ReferenceImport.h"
#include "storage/AdRepository.h"
#include "storage/AgentLogins.h"
#include "storage/ReferenceImportStore.h"
#include "storage/ReferenceRepository.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

namespace Recup {

using namespace AdminOutput;

namespace {

// Larger than 20,000 lines of any kind could ever be: refused before it is read.
constexpr qint64 MaxFileBytes = 16 * 1024 * 1024;

QString counts(const ImportPlan &plan)
{
    return AdminCommands::tr("%n added", "import", plan.added) + QStringLiteral(", ")
           + AdminCommands::tr("%n changed", "import", plan.changed) + QStringLiteral(", ")
           + AdminCommands::tr("%n unchanged", "import", plan.unchanged);
}

// A password no one has to type twice: 20 letters and digits (none that reads as another),
// about 117 bits, from the system's generator.
QString strongPassword()
{
    static const QString alphabet
            = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    QString password;
    for (int i = 0; i < 20; ++i)
        password.append(
                alphabet.at(int(QRandomGenerator::system()->bounded(int(alphabet.size())))));
    return password;
}

std::optional<ImportKind> kindOption(const QCommandLineParser &parser)
{
    return ReferenceImport::kindNamed(parser.value(QStringLiteral("kind")));
}

int badKind()
{
    return usage(AdminCommands::tr("--kind: organisations, services, sites, categories or "
                                   "agents."));
}

Result<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Kind::NotFound,
                     AdminCommands::tr("Cannot read %1: %2").arg(path, file.errorString()),
                     {},
                     {}};
    if (file.size() > MaxFileBytes)
        return Error{Error::Kind::Invalid,
                     AdminCommands::tr("%1 is too large for an import (%2 MB at most).")
                             .arg(path)
                             .arg(MaxFileBytes / 1024 / 1024),
                     {},
                     {}};
    return file.readAll();
}

} // namespace

void AdminCommands::addImportOptions(QCommandLineParser &parser)
{
    parser.addOptions({
            QCommandLineOption(QStringLiteral("kind"),
                               tr("import, list: organisations, services, sites, categories or "
                                  "agents."),
                               tr("kind")),
            QCommandLineOption(QStringLiteral("file"), tr("import: the CSV file."), tr("file")),
            QCommandLineOption(QStringLiteral("dry-run"),
                               tr("import: check the file and count the changes, write "
                                  "nothing.")),
            QCommandLineOption(QStringLiteral("initial-passwords"),
                               tr("import --kind agents: give each new agent a generated "
                                  "password, written to this new file (readable by its owner "
                                  "only) as identifiant;mot_de_passe. Without it, new agents "
                                  "have no password (single sign-on)."),
                               tr("file")),
            QCommandLineOption(QStringLiteral("from"),
                               tr("transfer-ads: the login of the agent who leaves."),
                               tr("login")),
            QCommandLineOption(QStringLiteral("to"),
                               tr("transfer-ads: the login of the agent who takes the ads over."),
                               tr("login")),
    });
}

int AdminCommands::runImport(const QCommandLineParser &parser, Database &db)
{
    const std::optional<ImportKind> kind = kindOption(parser);
    if (!kind)
        return badKind();
    const QString path = parser.value(QStringLiteral("file"));
    if (path.isEmpty())
        return usage(tr("import needs --file FILE.csv."));
    const QString passwordsPath = parser.value(QStringLiteral("initial-passwords"));
    if (!passwordsPath.isEmpty() && *kind != ImportKind::Agents)
        return usage(tr("--initial-passwords is for --kind agents."));
    // Passwords are PostgreSQL logins': on SQLite (the demonstration) no one would have one.
    if (!passwordsPath.isEmpty() && !ReferenceRepository(db).agentsHaveLogins())
        return usage(tr("--initial-passwords is for a PostgreSQL database: on SQLite, agents "
                        "have no login nor password of their own. Import without it."));
    // Never over a file that exists: it might hold someone's passwords, or be a link.
    if (!passwordsPath.isEmpty() && QFileInfo::exists(passwordsPath))
        return usage(
                tr("--initial-passwords: %1 already exists; give a new file.").arg(passwordsPath));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));

    const Result<QByteArray> bytes = readFile(path);
    if (!bytes)
        return fail(bytes.error());
    const Result<CsvReader::Table> table = CsvReader::read(*bytes);
    if (!table)
        return fail(table.error());
    ReferenceImportStore store(db);
    const Result<ReferenceData> existing = store.read();
    if (!existing)
        return fail(existing.error());
    const Result<ImportPlan> plan = ReferenceImport::plan(*kind, *table, *existing);
    if (!plan) {
        for (const auto &field : plan.error().fields)
            printError(field.second);
        printError(plan.error().message);
        return Failure;
    }
    if (dryRun) {
        out() << tr("Dry run, nothing was written: %1.").arg(counts(*plan)) << Qt::endl;
        return Success;
    }
    if (plan->changes.isEmpty()) {
        out() << counts(*plan) << u'.' << Qt::endl
              << tr("Nothing to change: the database already holds this file.") << Qt::endl;
        return Success;
    }

    // The passwords' file exists, empty and readable by its owner only, before anything is
    // written; it is filled once the import is committed, removed if it is not.
    QHash<QString, QString> passwords;
    QFile passwordFile(passwordsPath);
    if (!passwordsPath.isEmpty()) {
        if (!passwordFile.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                               QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return fail(
                    Error{Error::Kind::Invalid,
                          tr("Cannot create %1: %2").arg(passwordsPath, passwordFile.errorString()),
                          {},
                          {}});
        for (const Agent &agent : plan->changes.agents) {
            if (agent.id == 0)
                passwords.insert(agent.login, strongPassword());
        }
    }
    if (const Status applied = store.apply(plan->changes, passwords); !applied) {
        if (passwordFile.isOpen())
            passwordFile.remove();
        printError(tr("Nothing was imported."));
        return fail(applied.error());
    }
    if (passwordFile.isOpen()) {
        QByteArray text("identifiant;mot_de_passe\n");
        for (const Agent &agent : plan->changes.agents) {
            if (agent.id == 0)
                text += agent.login.toUtf8() + ';' + passwords.value(agent.login).toUtf8() + '\n';
        }
        if (passwordFile.write(text) != text.size() || !passwordFile.flush()) {
            printError(tr("The agents were imported, but their passwords could not be written "
                          "to %1: %2. Give them new ones with add-agent --password-stdin.")
                               .arg(passwordsPath, passwordFile.errorString()));
            return Failure;
        }
        passwordFile.close();
    }
    out() << tr("Imported: %1.").arg(counts(*plan)) << Qt::endl;
    if (!passwordsPath.isEmpty())
        out() << tr("The new agents' passwords are in %1: hand them over, then delete the file.")
                         .arg(passwordsPath)
              << Qt::endl;
    return Success;
}

int AdminCommands::runList(const QCommandLineParser &parser, Database &db)
{
    const std::optional<ImportKind> kind = kindOption(parser);
    if (!kind)
        return badKind();
    const Result<ReferenceData> existing = ReferenceImportStore(db).read();
    if (!existing)
        return fail(existing.error());
    out().flush();
    QFile standardOutput;
    if (!standardOutput.open(stdout, QIODevice::WriteOnly)
        || standardOutput.write(ReferenceImport::listCsv(*kind, *existing)) < 0)
        return fail(Error{Error::Kind::Database,
                          tr("Cannot write on the standard output."),
                          standardOutput.errorString(),
                          {}});
    standardOutput.flush();
    return Success;
}

int AdminCommands::runSetRoles(const QCommandLineParser &parser, Database &db)
{
    const QString login = parser.value(QStringLiteral("login")).trimmed();
    if (login.isEmpty() || !parser.isSet(QStringLiteral("role")))
        return usage(tr("set-roles needs --login and at least one --role."));
    QString unknown;
    const std::optional<Roles> roles = ReferenceImport::rolesNamed(
            parser.values(QStringLiteral("role")).join(u' '), &unknown);
    if (!roles)
        return usage(
                tr("Unknown role \"%1\": use agent, moderator, logistics or admin.").arg(unknown));
    if (const Status set = AgentLogins::setRoles(db, login, *roles); !set)
        return fail(set.error());
    out() << tr("Agent %1 now has the roles: %2.").arg(login, ReferenceImport::roleWords(*roles))
          << Qt::endl;
    return Success;
}

int AdminCommands::runTransferAds(const QCommandLineParser &parser, Database &db)
{
    const QString from = parser.value(QStringLiteral("from")).trimmed();
    const QString to = parser.value(QStringLiteral("to")).trimmed();
    if (from.isEmpty() || to.isEmpty())
        return usage(tr("transfer-ads needs --from and --to (logins)."));
    ReferenceRepository references(db);
    const Result<Agent> leaving = references.agentByLogin(from);
    if (!leaving)
        return fail(leaving.error());
    const Result<Agent> taking = references.agentByLogin(to);
    if (!taking)
        return fail(taking.error());
    const Result<int> handed = AdRepository(db).handOverAds(leaving->id, taking->id, 0);
    if (!handed) {
        Error error = handed.error();
        // Only a leaving agent's ads move (migration 018): say which command comes first.
        if (error.fields.value(0).first == QLatin1String("fromAgent"))
            error.message = tr("%1 is still active: only the ads of an agent who has left are "
                               "handed over. Deactivate them first (collectiv-recup-admin "
                               "deactivate-agent --login %1), then transfer their ads.")
                                    .arg(from);
        return fail(error);
    }
    out() << tr("%n open ad(s) of %1 handed over to %2.", nullptr, *handed).arg(from, to)
          << Qt::endl;
    return Success;
}

} // namespace Recup
