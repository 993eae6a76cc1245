// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

namespace Recup {

class Database;

// The commands of collectiv-recup-admin. Exit codes: 0 success, 1 bad usage, 2 failure;
// failures print one translated line on stderr.
class AdminCommands
{
    Q_DECLARE_TR_FUNCTIONS(AdminCommands)
public:
    static int run(const QStringList &arguments);

private:
    // The options, by the commands that read them.
    static void addDatabaseOptions(QCommandLineParser &parser);
    static void addAgentOptions(QCommandLineParser &parser);
    static void addRelayOptions(QCommandLineParser &parser);
    static void addReportOptions(QCommandLineParser &parser);
    static void addImportOptions(QCommandLineParser &parser);

    // One function per command; those on a database get it open (and, but init, checked).
    static int runOnDatabase(const QString &command, const QCommandLineParser &parser);
    static int runInit(Database &db);
    static int runSeedDemo(Database &db);
    static int runAddAgent(const QCommandLineParser &parser, Database &db);
    static int runDeactivateAgent(const QCommandLineParser &parser, Database &db);
    static int runMailPolicy(const QCommandLineParser &parser, Database &db);
    // retention: show or set the months, --run the round (personal data, issue #14).
    static int runRetention(const QCommandLineParser &parser, Database &db);
    static int runRelay(const QCommandLineParser &parser);
    // report (ReportCommand.cpp)
    static int runReport(const QCommandLineParser &parser, Database &db);
    // pickup-list (PickupListCommand.cpp): its options are checked before the database opens.
    static int checkPickupListOptions(const QCommandLineParser &parser);
    static int runPickupList(const QCommandLineParser &parser, Database &db);
    // import, list, set-roles, transfer-ads (ImportCommand.cpp)
    static int runImport(const QCommandLineParser &parser, Database &db);
    static int runList(const QCommandLineParser &parser, Database &db);
    static int runSetRoles(const QCommandLineParser &parser, Database &db);
    static int runTransferAds(const QCommandLineParser &parser, Database &db);
};

} // namespace Recup
