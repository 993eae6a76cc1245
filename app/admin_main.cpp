// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// collectiv-recup-admin: what the IT department runs to set up and keep the database.
#include "admin/AdminCommands.h"

#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>

#include <cstring>
#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

int main(int argc, char *argv[])
{
    // `report` and `pickup-list` lay out a document, whose fonts need a QGuiApplication; on the
    // offscreen platform it needs no screen. The other commands run on servers as a console
    // program.
    bool laysOutDocuments = false;
    for (int i = 1; i < argc; ++i)
        laysOutDocuments = laysOutDocuments || std::strcmp(argv[i], "report") == 0
                           || std::strcmp(argv[i], "pickup-list") == 0;
    if (laysOutDocuments && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#ifdef Q_OS_UNIX
    // Run by cron or as root over ssh, there is no session: Qt would warn on stderr, which IT
    // reads as a failure. A private folder of our own, as Qt would pick, without the warning.
    if (laysOutDocuments && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString runtime = QDir::temp().filePath(QStringLiteral("runtime-%1").arg(::getuid()));
        if (QDir().mkpath(runtime)
            && QFile::setPermissions(runtime,
                                     QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    }
#endif
    const std::unique_ptr<QCoreApplication> app
            = laysOutDocuments ? std::make_unique<QGuiApplication>(argc, argv)
                               : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Collectiv'Recup"));
    QCoreApplication::setApplicationName(QStringLiteral("collectiv-recup-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RECUP_VERSION));
    Recup::installTranslations(qEnvironmentVariable("RECUP_LANG", QStringLiteral("fr")));
    return Recup::AdminCommands::run(QCoreApplication::arguments());
}
