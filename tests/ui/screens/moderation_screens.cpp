// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the moderation window and the ad editor on the demo database, as PNG files:
//   Xvfb :96 -screen 0 1440x900x24 &  DISPLAY=:96 recup-moderation-screens OUTDIR [DEMO.sqlite]
// RECUP_SCREENS_LANG=fr loads the French translation, as `collectiv-recup --lang fr` does.
// Also writes the refused-save and reloaded states of the editor, and a second moderator's
// conflict, so that they can be looked at too, and the figures of the current semester.
#include "Screens.h"
#include "common/AdEditorDialog.h"
#include "common/MessageBar.h"
#include "demo/LocalDemo.h"
#include "moderator/ModerationQueueModel.h"
#include "moderator/ModerationQueueWindow.h"
#include "moderator/StatisticsWindow.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/ModerationQueue.h"
#include "storage/ReferenceRepository.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Testing::prepareScreens(app);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() < 2) {
        qWarning("usage: %s OUTDIR [DEMO.sqlite]", argv[0]);
        return 2;
    }
    const QDir out(arguments.at(1));
    QDir().mkpath(out.absolutePath());
    QTemporaryDir temporary;
    const QString demoPath = arguments.size() > 2
                                     ? arguments.at(2)
                                     : temporary.filePath(QStringLiteral("demo.sqlite"));
    auto opened = LocalDemo::open(demoPath);
    if (!opened) {
        qWarning("demo: %s / %s",
                 qPrintable(opened.error().message),
                 qPrintable(opened.error().detail));
        return 1;
    }
    std::unique_ptr<Database> db = std::move(opened).value();
    ReferenceRepository references(*db);
    const QList<Agent> agents = references.agents().value();
    Agent moderator;
    for (const Agent &agent : agents) {
        if (agent.roles.testFlag(Role::Moderator)) {
            moderator = agent;
            break;
        }
    }
    Agent second;
    for (const Agent &agent : agents) {
        if (agent.roles.testFlag(Role::Moderator) && agent.id != moderator.id)
            second = agent;
    }

    // The pending ad with the most photos shows the most of both screens.
    const QList<ModerationEntry> queue = ModerationQueue(*db).pending().value();
    qint64 adId = 0;
    qsizetype photos = -1;
    for (const ModerationEntry &entry : queue) {
        const Ad candidate = AdRepository(*db).get(entry.id).value();
        if (candidate.photos.size() > photos) {
            photos = candidate.photos.size();
            adId = entry.id;
        }
    }

    // The queue, that ad on the right.
    {
        ModerationQueueWindow window(*db, moderator);
        window.resize(1440, 860);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            qWarning("window not exposed");
        window.selectAd(adId);
        Testing::saveScreen(window, out.filePath(QStringLiteral("moderation.png")));

        // A second moderator decided first.
        ModerationQueueWindow other(*db, second);
        other.show();
        if (!QTest::qWaitForWindowExposed(&other))
            qWarning("window not exposed");
        window.selectAd(queue.first().id != adId ? queue.first().id : queue.last().id);
        const qint64 id = window.displayedAdId();
        if (other.selectAd(id)) {
            other.approve();
            window.setReasonPrompt([](const ReasonRequest &, QWidget *) {
                return std::optional<QString>(QStringLiteral("Photo trop sombre"));
            });
            window.rejectAd();
            Testing::saveScreen(window, out.filePath(QStringLiteral("moderation-conflict.png")));
        }
    }

    // The figures of the current semester.
    {
        StatisticsWindow window(*db, moderator);
        window.resize(1280, 820);
        window.show();
        Testing::saveScreen(window, out.filePath(QStringLiteral("statistics.png")));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("figuresTabs"));
        const QStringList names{QStringLiteral("services"),
                                QStringLiteral("reasons"),
                                QStringLiteral("categories"),
                                QStringLiteral("never-active")};
        for (int tab = 1; tabs && tab < tabs->count(); ++tab) {
            tabs->setCurrentIndex(tab);
            Testing::saveScreen(window,
                                out.filePath(u"statistics-" + names.value(tab - 1) + u".png"));
        }
    }

    // The editor, as the owner of a pending ad with photos.
    const Ad ad = AdRepository(*db).get(adId).value();
    const Actor owner{ad.ownerId, false, false};
    {
        AdEditorDialog editor(*db, owner);
        editor.setDiscardPrompt([](QWidget *) { return true; });
        editor.loadAd(adId);
        editor.show();
        if (!QTest::qWaitForWindowExposed(&editor))
            qWarning("window not exposed");
        Testing::saveScreen(editor, out.filePath(QStringLiteral("ad-editor.png")));

        // Someone saves meanwhile; the owner's save is refused, then reloaded.
        editor.findChild<QLineEdit *>(QStringLiteral("titleEdit"))
                ->setText(ad.title + QStringLiteral(" (très bon état)"));
        Ad meanwhile = AdRepository(*db).get(adId).value();
        meanwhile.room = QStringLiteral("Rez-de-chaussée, local vélos");
        AdRepository(*db).update(meanwhile, owner);
        editor.save(AdEditorDialog::SaveMode::Save);
        Testing::saveScreen(editor, out.filePath(QStringLiteral("ad-editor-conflict.png")));
        editor.reloadLatest();
        Testing::saveScreen(editor, out.filePath(QStringLiteral("ad-editor-reloaded.png")));
    }
    {
        AdEditorDialog editor(*db, Actor{moderator.id, false, false});
        editor.setDiscardPrompt([](QWidget *) { return true; });
        editor.show();
        if (!QTest::qWaitForWindowExposed(&editor))
            qWarning("window not exposed");
        editor.findChild<QLineEdit *>(QStringLiteral("titleEdit"))->setText(QStringLiteral("Éc"));
        editor.save(AdEditorDialog::SaveMode::Submit);
        Testing::saveScreen(editor, out.filePath(QStringLiteral("ad-editor-new.png")));
    }
    return 0;
}
