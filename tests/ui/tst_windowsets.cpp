// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The window sets offered follow the person's roles: moderation for moderators only — the
// server's groups on PostgreSQL, the identity picked in the demo.
#include "Fixtures.h"
#include "TestDatabase.h"
#include "WindowSets.h"
#include "agent/CatalogueWindow.h"
#include "common/AdEditorDialog.h"
#include "moderator/ModerationQueueWindow.h"
#include "settings/AppSettings.h"
#include "storage/ReferenceRepository.h"

#include <QAction>
#include <QComboBox>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestWindowSets : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("windowsets"));
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

    void signedInModeratorGetsModeration()
    {
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("a.ini")));
        CatalogueWindow window(*m_db, settings, false);
        const auto claire = ReferenceRepository(*m_db).agent(m_world.moderator);
        WindowSets sets(*m_db, window, *claire, false);
        QVERIFY(sets.moderationAction()->isVisible());
        sets.moderationAction()->trigger();
        QVERIFY(sets.moderationWindow());
        QVERIFY(sets.moderationWindow()->isVisible());
        QCOMPARE(sets.moderator()->id, m_world.moderator);
    }

    void everyAgentMayPostAnAd()
    {
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("d.ini")));
        CatalogueWindow window(*m_db, settings, false);
        const auto marie = ReferenceRepository(*m_db).agent(m_world.owner);
        WindowSets sets(*m_db, window, *marie, false);
        QVERIFY(sets.postAction()->isVisible());
        sets.postAction()->trigger();
        QVERIFY(sets.editor());
        QVERIFY(sets.editor()->isVisible());
        QVERIFY(sets.editor()->isNewAd());
        sets.postAction()->trigger(); // the same form again, not a second one
        QCOMPARE(window.findChildren<AdEditorDialog *>().size(), 1);
    }

    void noIdentityNoPosting()
    {
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("e.ini")));
        CatalogueWindow window(*m_db, settings, false);
        WindowSets sets(*m_db, window, std::nullopt, false);
        QVERIFY(!sets.postAction()->isVisible());
        sets.postAd();
        QVERIFY(!sets.editor());
    }

    void signedInAgentDoesNot()
    {
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("b.ini")));
        CatalogueWindow window(*m_db, settings, false);
        const auto marie = ReferenceRepository(*m_db).agent(m_world.owner);
        WindowSets sets(*m_db, window, *marie, false);
        QVERIFY(!sets.moderationAction()->isVisible());
        sets.moderationAction()->trigger();
        QVERIFY(!sets.moderationWindow());
    }

    void demoIdentityDecides()
    {
        // The picker belongs to the demo window, whatever the database behind it.
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("c.ini")));
        CatalogueWindow window(*m_db, settings, true);
        WindowSets sets(*m_db, window, std::nullopt, true);
        auto *picker = window.findChild<QComboBox *>(QStringLiteral("identityPicker"));
        QVERIFY(picker);
        QTRY_VERIFY_WITH_TIMEOUT(picker->findData(m_world.moderator) >= 0, 10000);
        picker->setCurrentIndex(picker->findData(m_world.moderator));
        QTRY_VERIFY(sets.moderationAction()->isVisible());
        sets.openModeration();
        QVERIFY(sets.moderationWindow());
        // Picking a plain agent takes moderation away, window included.
        picker->setCurrentIndex(picker->findData(m_world.owner));
        QTRY_VERIFY(!sets.moderationAction()->isVisible());
        QVERIFY(!sets.moderationWindow());
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestWindowSets)
#include "tst_windowsets.moc"
