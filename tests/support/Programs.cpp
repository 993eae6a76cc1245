// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Programs.h"

#include "TestDatabase.h"

#include <QProcessEnvironment>

namespace Recup::Testing {

ProgramRun runProgram(const QString &program,
                      const QStringList &arguments,
                      const QByteArray &input,
                      const QString &language,
                      int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("RECUP_SMTP_PASSWORD"));
    if (language.isEmpty())
        env.remove(QStringLiteral("RECUP_LANG"));
    else
        env.insert(QStringLiteral("RECUP_LANG"), language);
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {QProcess::CrashExit,
                -1,
                {},
                QStringLiteral("(did not finish in %1 s)").arg(timeoutMs / 1000)};
    }
    return {process.exitStatus(),
            process.exitCode(),
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QString databaseArgument(const TestDatabase &test)
{
    const DatabaseConfig &config = test.config();
    return config.isSqlite() ? QStringLiteral("sqlite:") + config.sqlitePath : config.conninfo;
}

QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"),
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(60'000) || process.exitCode() != 0)
        return {};
    QString text = QString::fromUtf8(process.readAllStandardOutput());
    text.replace(QChar(0x00A0), u' ').replace(QChar(0x202F), u' ');
    return text.simplified();
}

} // namespace Recup::Testing
