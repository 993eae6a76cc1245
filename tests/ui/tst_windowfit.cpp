// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Every window opens whole on a small laptop screen (1366 × 768, less the taskbar), in French:
// the longest labels. A window whose layout demands more is cut off at the screen's edge, its
// buttons out of reach — seen when the package was opened from the menu on a 1280 × 800 screen.
#include "Fixtures.h"
#include "Screens.h"
#include "TestDatabase.h"
#include "WindowSets.h"
#include "WindowWaits.h"
#include "agent/CatalogueWindow.h"
#include "agent/MyAdsWindow.h"
#include "agent/WantedAdsWindow.h"
#include "logistics/LogisticsWindow.h"
#include "logistics/StoreWindow.h"
#include "moderator/AgentsWindow.h"
#include "moderator/ModerationQueueWindow.h"
#include "moderator/ReferenceDataWindow.h"
#include "moderator/StatisticsWindow.h"
#include "settings/AppSettings.h"
#include "storage/ReferenceRepository.h"

#include <QAction>
#include <QDir>
#include <QLayout>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

namespace {

constexpr int ScreenWidth = 1366;
constexpr int UsableHeight = 768 - 48; // a taskbar

// What a window needs at least, as its layout says, once shown.
QString tooLarge(QWidget &window)
{
    window.resize(1000, 600);
    const QSize least = window.minimumSizeHint().expandedTo(window.minimumSize());
    if (least.width() <= ScreenWidth && least.height() <= UsableHeight)
        return {};
    // Name the widest children, to say where to look.
    QStringList widest;
    const auto children = window.findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
    for (QWidget *child : children) {
        if (!child->isVisible())
            continue;
        const QSize hint = child->minimumSizeHint();
        if (hint.width() > ScreenWidth / 2 || hint.height() > UsableHeight / 2)
            widest.append(QStringLiteral("%1 %2×%3")
                                  .arg(child->objectName().isEmpty() ? QString::fromLatin1(
                                               child->metaObject()->className())
                                                                     : child->objectName())
                                  .arg(hint.width())
                                  .arg(hint.height()));
    }
    return QStringLiteral("« %1 » needs at least %2 × %3 (%4)")
            .arg(window.windowTitle())
            .arg(least.width())
            .arg(least.height())
            .arg(widest.join(QStringLiteral(", ")));
}

} // namespace

class TestWindowFit : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("windowfit"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        QVERIFY(m_settingsDir.isValid());
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

    // Someone with every role: the catalogue's header then has every button.
    void everyWindowFitsASmallLaptopScreen()
    {
        FrenchScreens french;
        QVERIFY(french.loaded());
        const std::optional<Agent> everyone = everyRoleAgent(*m_db, m_world);
        QVERIFY(everyone);
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("fit.ini")));
        CatalogueWindow catalogue(*m_db, settings, false);
        WindowSets sets(*m_db, catalogue, *everyone, false);
        catalogue.show();
        QVERIFY(QTest::qWaitForWindowExposed(&catalogue));

        QStringList problems;
        auto check = [&](QWidget *window) {
            QVERIFY(window);
            QVERIFY(QTest::qWaitForWindowExposed(window));
            const QString problem = tooLarge(*window);
            if (!problem.isEmpty())
                problems.append(problem);
        };
        check(&catalogue);
        sets.openMyAds();
        check(sets.myAdsWindow());
        sets.openWantedAds();
        check(sets.wantedAdsWindow());
        sets.openModeration();
        check(sets.moderationWindow());
        sets.openStatistics();
        check(sets.statisticsWindow());
        sets.referenceDataAction()->trigger();
        check(sets.referenceDataWindow());
        sets.openLogistics();
        check(sets.logisticsWindow());
        sets.agentsAction()->trigger();
        check(sets.agentsWindow());
        if (sets.storeAction()->isVisible()) {
            sets.storeAction()->trigger();
            check(sets.storeWindow());
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("\n"))));

        // RECUP_SCREENSHOT_DIR=/tmp/shots: the catalogue as this person sees it on 1280 × 800.
        const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(QDir().mkpath(dir));
            catalogue.resize(1280, 800);
            QVERIFY(saveScreen(catalogue, dir + QStringLiteral("/catalogue-every-role.png")));
        }
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
