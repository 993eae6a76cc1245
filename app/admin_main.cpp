// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// collectiv-recup-admin: what the IT department runs to set up and keep the database.
#include "admin/AdminCommands.h"

#include "i18n/Translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Collectiv'Recup"));
    QCoreApplication::setApplicationName(QStringLiteral("collectiv-recup-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RECUP_VERSION));
    Recup::installTranslations(qEnvironmentVariable("RECUP_LANG", QStringLiteral("fr")));
    return Recup::AdminCommands::run(QCoreApplication::arguments());
}
