// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

namespace Recup {

// The commands of collectiv-recup-admin. Exit codes: 0 success, 1 bad usage, 2 failure;
// failures print one translated line on stderr.
class AdminCommands
{
    Q_DECLARE_TR_FUNCTIONS(AdminCommands)
public:
    static int run(const QStringList &arguments);

private:
    static int runRelay(const QCommandLineParser &parser);
};

} // namespace Recup
