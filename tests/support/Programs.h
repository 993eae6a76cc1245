// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace Recup::Testing {

class TestDatabase;

// What a real program run from a suite did: how it ended and what it printed.
struct ProgramRun
{
    QProcess::ExitStatus status = QProcess::CrashExit;
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs `program` (collectiv-recup-admin: RECUP_ADMIN_BINARY) with `arguments`, `input` on its
// standard input, in `language` (RECUP_LANG; empty: the French default) and without the SMTP
// password of the environment; killed after `timeoutMs`, with a line in `err` saying so.
ProgramRun runProgram(const QString &program,
                      const QStringList &arguments,
                      const QByteArray &input = {},
                      const QString &language = QStringLiteral("en"),
                      int timeoutMs = 120'000);

// The --database argument that names the suite's database to the admin tool.
QString databaseArgument(const TestDatabase &test);

// The text a reader finds in a PDF (pdftotext), spaces of every kind made plain and runs of
// white space made one; empty when pdftotext fails.
QString pdfText(const QString &path);

} // namespace Recup::Testing
