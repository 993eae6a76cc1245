// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// At sign-in, the catalogue tells of an ad form left unsaved on this workstation (a crash, a
// power cut) and offers it back (WindowSets::offerDrafts): the form then restores the text;
// closing the message keeps the draft for the next start; discarding it in the form removes it.
#include "Fixtures.h"
#include "TestDatabase.h"
#include "WindowSets.h"
#include "WindowWaits.h"
#include "agent/CatalogueWindow.h"
#include "agent/MyAdsWindow.h"
#include "common/AdEditorDialog.h"
#include "common/MessageBar.h"
#include "drafts/AdDraftStore.h"
#include "settings/AppSettings.h"
#include "storage/ReferenceRepository.h"

#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>

using namespace Recup;
using namespace Recup::Testing;

class TestSignInDrafts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("signindrafts"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        QVERIFY(m_settingsDir.isValid());
    }
    void init()
    {
        // Each case starts with no draft of either agent on this workstation.
        for (const qint64 agent : {m_world.owner, m_world.other})
            QDir(store(agent).folder()).removeRecursively();
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

    // Marie's new ad, typed before a power cut: the catalogue says so at sign-in; « Resume it »
    // opens the form, which puts the typed text back.
    void aNewAdDraftIsOfferedAndRestored()
    {
        QVERIFY(store(m_world.owner).save(typedDraft(0)));
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("a.ini")));
        CatalogueWindow window(*m_db, settings, false);
        window.show();
        const auto marie = ReferenceRepository(*m_db).agent(m_world.owner);
        QVERIFY(marie);
        WindowSets sets(*m_db, window, *marie, false);

        MessageBar *bar = window.messageBar();
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().contains(QStringLiteral("was not saved")), qPrintable(bar->text()));
        QVERIFY2(bar->text().contains(QStringLiteral("kept on this workstation")),
                 qPrintable(bar->text()));
        auto *resume = bar->findChild<QPushButton *>(QStringLiteral("messageBarRetryButton"));
        QVERIFY(resume);
        QVERIFY(resume->isVisible());
        QCOMPARE(resume->text(), QStringLiteral("Resume it"));
        QTest::mouseClick(resume, Qt::LeftButton);

        AdEditorDialog *editor = sets.editor();
        QVERIFY(editor);
        QVERIFY(editor->isVisible());
        QVERIFY(editor->isNewAd());
        QVERIFY(editor->offersDraft());
        auto *title = editor->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
        QVERIFY(title);
        QVERIFY(title->text().isEmpty()); // nothing restored before the person says so
        auto *resumeInForm = editor->findChild<QPushButton *>(QStringLiteral("resumeDraftButton"));
        QVERIFY(resumeInForm);
        QTest::mouseClick(resumeInForm, Qt::LeftButton);
        QCOMPARE(title->text(), typedDraft(0).title);
        QCOMPARE(descriptionOf(*editor), typedDraft(0).description);
        QVERIFY(!editor->offersDraft());
        editor->setDiscardPrompt([](QWidget *) { return true; });
        editor->close();
    }

    // Closing the message is no answer: the draft stays on the workstation and the next sign-in
    // offers it again. Discarding it in the form removes it: the next sign-in says nothing.
    void aDismissedOfferComesBackADiscardedDraftDoesNot()
    {
        QVERIFY(store(m_world.owner).save(typedDraft(0)));
        const auto marie = ReferenceRepository(*m_db).agent(m_world.owner);
        QVERIFY(marie);
        {
            AppSettings settings(m_settingsDir.filePath(QStringLiteral("b.ini")));
            CatalogueWindow window(*m_db, settings, false);
            window.show();
            WindowSets sets(*m_db, window, *marie, false);
            QVERIFY(window.messageBar()->isVisible());
            auto *close = window.messageBar()->findChild<QToolButton *>();
            QVERIFY(close);
            QTest::mouseClick(close, Qt::LeftButton);
            QVERIFY(!window.messageBar()->isVisible());
        }
        QCOMPARE(store(m_world.owner).all().size(), 1);
        {
            AppSettings settings(m_settingsDir.filePath(QStringLiteral("c.ini")));
            CatalogueWindow window(*m_db, settings, false);
            window.show();
            WindowSets sets(*m_db, window, *marie, false);
            QVERIFY(window.messageBar()->isVisible());
            QVERIFY(window.messageBar()->text().contains(QStringLiteral("was not saved")));
            sets.postAd();
            QVERIFY(sets.editor());
            QVERIFY(sets.editor()->offersDraft());
            auto *discard
                    = sets.editor()->findChild<QPushButton *>(QStringLiteral("discardDraftButton"));
            QVERIFY(discard);
            QTest::mouseClick(discard, Qt::LeftButton);
            QVERIFY(!sets.editor()->offersDraft());
            sets.editor()->setDiscardPrompt([](QWidget *) { return true; });
            sets.editor()->close();
        }
        QVERIFY(store(m_world.owner).all().isEmpty());
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("d.ini")));
        CatalogueWindow window(*m_db, settings, false);
        window.show();
        WindowSets sets(*m_db, window, *marie, false);
        QVERIFY(!window.messageBar()->isVisible());
    }

    // Changes to an ad already saved: the message points to « My ads », where the ad's form
    // resumes them; its button opens that window.
    void anEditedAdsDraftPointsToMyAds()
    {
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Armoire basse à rideau"));
        QVERIFY(store(m_world.owner).save(typedDraft(ad.id, ad.version)));
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("e.ini")));
        CatalogueWindow window(*m_db, settings, false);
        window.show();
        const auto marie = ReferenceRepository(*m_db).agent(m_world.owner);
        QVERIFY(marie);
        WindowSets sets(*m_db, window, *marie, false);
        QVERIFY(window.messageBar()->isVisible());
        QVERIFY2(window.messageBar()->text().contains(QStringLiteral("My ads")),
                 qPrintable(window.messageBar()->text()));
        auto *open = window.messageBar()->findChild<QPushButton *>(
                QStringLiteral("messageBarRetryButton"));
        QVERIFY(open);
        QCOMPARE(open->text(), QStringLiteral("My ads"));
        QTest::mouseClick(open, Qt::LeftButton);
        QVERIFY(sets.myAdsWindow());
        QVERIFY(sets.myAdsWindow()->isVisible());
        QVERIFY(store(m_world.owner).load(ad.id)); // still there, for the ad's form
    }

    // Drafts are one person's: Paul signing in on the same workstation is told nothing of
    // Marie's.
    void anotherAgentsDraftIsNotOffered()
    {
        QVERIFY(store(m_world.owner).save(typedDraft(0)));
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("f.ini")));
        CatalogueWindow window(*m_db, settings, false);
        window.show();
        const auto paul = ReferenceRepository(*m_db).agent(m_world.other);
        QVERIFY(paul);
        WindowSets sets(*m_db, window, *paul, false);
        QVERIFY(!window.messageBar()->isVisible());
        QCOMPARE(store(m_world.owner).all().size(), 1);
    }

private:
    AdDraftStore store(qint64 agentId) const
    {
        return AdDraftStore(m_db->config().describe(), agentId);
    }
    static AdDraft typedDraft(qint64 adId, int version = 0)
    {
        AdDraft draft;
        draft.adId = adId;
        draft.adVersion = version;
        draft.adState = adId ? AdState::Published : AdState::Draft;
        draft.savedAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        draft.title = QStringLiteral("Armoire à rideaux du 2e étage");
        draft.description = QStringLiteral("Armoire métallique grise, deux clés, très bon état.");
        draft.quantity = 1;
        draft.valueText = QStringLiteral("80");
        return draft;
    }
    static QString descriptionOf(AdEditorDialog &editor)
    {
        if (auto *plain = editor.findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit")))
            return plain->toPlainText();
        if (auto *rich = editor.findChild<QTextEdit *>(QStringLiteral("descriptionEdit")))
            return rich->toPlainText();
        return {};
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestSignInDrafts)
#include "tst_signindrafts.moc"
