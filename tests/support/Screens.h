// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// For the programs that render screens as PNG files (recup-*-screens): header-only, since only
// they link QtWidgets.

#include "storage/ReadWorker.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTest>
#include <QTranslator>
#include <QWidget>

#include <algorithm>

namespace Recup::Testing {

// French dates and numbers; with RECUP_SCREENS_LANG=fr, the French translation too, as
// `collectiv-recup --lang fr` loads it.
inline void prepareScreens(QApplication &app)
{
    QApplication::setApplicationDisplayName(QStringLiteral("Collectiv'Récup"));
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    if (qEnvironmentVariable("RECUP_SCREENS_LANG") != QLatin1String("fr"))
        return;
    auto *qtbase = new QTranslator(&app);
    if (qtbase->load(QStringLiteral("qtbase_fr"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtbase);
    auto *own = new QTranslator(&app);
    if (own->load(QStringLiteral(":/i18n/collectiv-recup_fr.qm")))
        QApplication::installTranslator(own);
}

// A screenshot case's French while it lives, as a French agent sees the window: Qt's texts and
// ours, French dates and numbers; everything as before once it goes.
class FrenchScreens
{
public:
    FrenchScreens()
    {
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
        if (m_qtbase.load(QStringLiteral("qtbase_fr"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&m_qtbase);
        m_loaded = m_own.load(QStringLiteral(":/i18n/collectiv-recup_fr.qm"));
        if (m_loaded)
            QCoreApplication::installTranslator(&m_own);
    }
    ~FrenchScreens()
    {
        QCoreApplication::removeTranslator(&m_own);
        QCoreApplication::removeTranslator(&m_qtbase);
        QLocale::setDefault(m_before);
    }
    FrenchScreens(const FrenchScreens &) = delete;
    FrenchScreens &operator=(const FrenchScreens &) = delete;
    // Whether our French translation was found.
    bool loaded() const { return m_loaded; }

private:
    QLocale m_before;
    QTranslator m_qtbase;
    QTranslator m_own;
    bool m_loaded = false;
};

// The widget as shown, once its events have run, into `path`.
inline bool saveScreen(QWidget &widget, const QString &path)
{
    if (!QTest::qWaitForWindowExposed(&widget))
        return false;
    // Windows read on the session's reading thread: the picture waits for what they show.
    const bool read = QTest::qWaitFor(
            [&] {
                const auto channels = widget.findChildren<ReadChannel *>();
                return std::none_of(channels.cbegin(), channels.cend(), [](ReadChannel *c) {
                    return c->isLoading();
                });
            },
            15'000);
    if (!read)
        qWarning("%s: the window was still reading after 15 s", qPrintable(path));
    QApplication::processEvents();
    const bool ok = widget.grab().save(path);
    qInfo("%s %s", ok ? "wrote" : "could not write", qPrintable(path));
    return ok;
}

} // namespace Recup::Testing
