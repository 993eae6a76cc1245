// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Recup {

bool installTranslations(const QString &language)
{
    if (language == QLatin1String("en"))
        return true;
    QLocale::setDefault(QLocale(language));
    bool complete = true;
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_") + language,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        complete = false;
    auto *own = new QTranslator(QCoreApplication::instance());
    if (own->load(QStringLiteral(":/i18n/collectiv-recup_") + language))
        QCoreApplication::installTranslator(own);
    else
        complete = false;
    return complete;
}

} // namespace Recup
