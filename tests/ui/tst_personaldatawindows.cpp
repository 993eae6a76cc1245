// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Personal data through the real windows on the offscreen platform (issue #14), as each person
// (on PostgreSQL their own login): Marie exports her data from « Mes annonces » — a folder
// that cannot be written is named, nothing is left there, « Choose another folder… » asks again
// and the file is saved and read back; in « Agents », a moderator is not offered to anonymise, an
// administrator anonymises a deactivated agent after a confirmation that says, in figures, what
// goes and what stays, never an active one.
#include "Fixtures.h"
#include "Screens.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "WindowWaits.h"
#include "actions/ContactRequests.h"
#include "agent/MyAdsWindow.h"
#include "agent/MyDataExport.h"
#include "common/MessageBar.h"
#include "moderator/AgentsModel.h"
#include "moderator/AgentsWindow.h"
#include "storage/ReferenceRepository.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestPersonalDataWindows : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("personaldatawindows"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        if (TestDatabase::backend() == QLatin1String("postgresql"))
            QVERIFY(ensureLoginRoles(*m_admin));
        m_alainId
                = enrolLogin(*m_admin, u"pdw_alain"_s, Role::Agent | Role::Admin, m_world.schools);
        m_goneId = enrolLogin(*m_admin, u"pdw_gone"_s, Role::Agent, m_world.library);
        QVERIFY(m_alainId > 0 && m_goneId > 0);
        m_marieDb = m_test->openAs(u"mdupont"_s);
        m_claireDb = m_test->openAs(u"cbernard"_s);
        m_alainDb = m_test->openAs(u"pdw_alain"_s);
        QVERIFY(m_marieDb && m_claireDb && m_alainDb);
        const Ad wardrobe = publishedAd(*m_admin, m_world, u"Armoire à exporter"_s);
        // pdw_gone asked for it (a message and its mail), and threw a chair away.
        const auto gone = ReferenceRepository(*m_admin).agent(m_goneId);
        QVERIFY(gone);
        QVERIFY(ContactRequests(*m_admin).send(
                wardrobe.id, *gone, m_world.library, u"Pour la bibliothèque."_s, MailSettings{}));
        World asGone = m_world;
        asGone.owner = m_goneId;
        closedLot(*m_admin, asGone, m_world.chairs, 1, 0, 0, CloseReason::Discarded, u"Chaise"_s);
    }
    void cleanupTestCase()
    {
        for (auto *db : {&m_marieDb, &m_claireDb, &m_alainDb, &m_admin})
            db->reset();
        m_test.reset();
    }

    void exportRefusesAReadOnlyFolderThenSaves()
    {
        const auto marie = ReferenceRepository(*m_admin).agent(m_world.owner);
        QVERIFY(marie);
        MyAdsWindow window(*m_marieDb, *marie);
        window.show();
        QVERIFY(waitIdle(window));
        auto *exporter = window.findChild<MyDataExport *>();
        QVERIFY(exporter);
        QAction *action = window.findChild<QAction *>(u"exportMyDataAction"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        QVERIFY(action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)));

        // A folder nobody may write in: /proc even for root, else a folder made read-only.
        QTemporaryDir dir;
        QString readOnly = u"/proc"_s;
        if (::geteuid() != 0) {
            readOnly = dir.filePath(u"lecture-seule"_s);
            QVERIFY(QDir().mkpath(readOnly));
            QVERIFY(QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ExeOwner));
        }
        const QString refusedPath = readOnly + u"/mes-donnees.json"_s;
        const QString goodPath = dir.filePath(u"mes-donnees.json"_s);
        QStringList asked;
        exporter->setPathRunner([&](const QString &suggested) {
            asked << suggested;
            return asked.size() == 1 ? refusedPath : goodPath;
        });
        QSignalSpy finished(exporter, &MyDataExport::finished);
        action->trigger();
        QVERIFY(finished.wait(15'000));
        QCOMPARE(finished.takeFirst().value(0).toBool(), false);
        QVERIFY2(window.messageBar()->text().contains(QDir::toNativeSeparators(readOnly)),
                 qPrintable(window.messageBar()->text()));
        QVERIFY(!QFileInfo::exists(refusedPath));
        if (readOnly != u"/proc"_s)
            QVERIFY(QDir(readOnly).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
        QVERIFY(action->isEnabled());

        // « Choose another folder… » asks again.
        QPushButton *again = nullptr;
        for (QPushButton *button : window.messageBar()->findChildren<QPushButton *>())
            if (button->isVisible() && button->text().contains(u"another folder"_s))
                again = button;
        QVERIFY(again);
        again->click();
        QVERIFY(finished.size() > 0 || finished.wait(15'000));
        QCOMPARE(finished.takeFirst().value(0).toBool(), true);
        QCOMPARE(asked.size(), 2);
        QVERIFY(window.messageBar()->text().contains(QDir::toNativeSeparators(goodPath)));
        QFile file(goodPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject data = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(data[u"agent"_s][u"nom"_s].toString(), u"Marie Dupont"_s);
        bool found = false;
        for (const QJsonValue &ad : data[u"annonces"_s].toArray())
            found = found || ad[u"titre"_s].toString() == u"Armoire à exporter"_s;
        QVERIFY(found);
    }

    void onlyAnAdministratorAnonymisesADeactivatedAgent()
    {
        // Claire moderates: the action is there, but not for her.
        {
            const auto claire = ReferenceRepository(*m_admin).agent(m_world.moderator);
            QVERIFY(claire);
            AgentsWindow window(*m_claireDb, *claire);
            window.show();
            QVERIFY(waitIdle(window));
            window.findChild<QCheckBox *>(u"showInactiveAgents"_s)->setChecked(true);
            QVERIFY(execSql(*m_admin,
                            u"UPDATE agent SET active = %1 WHERE id = %2"_s
                                    .arg(TestDatabase::backend() == QLatin1String("postgresql")
                                                 ? u"false"_s
                                                 : u"0"_s)
                                    .arg(m_goneId)));
            QVERIFY(refreshAndWait(window));
            QVERIFY(window.selectAgent(m_goneId));
            // Not offered at all: neither the button nor the menu item (nor so its shortcut).
            QVERIFY(window.anonymiseButton()->isHidden());
            auto *action = window.findChild<QAction *>(u"anonymiseAgentAction"_s);
            QVERIFY(action);
            QVERIFY(!action->isVisible());
        }
        const auto alain = ReferenceRepository(*m_admin).agent(m_alainId);
        QVERIFY(alain);
        QVERIFY(alain->roles.testFlag(Role::Admin));
        AgentsWindow window(*m_alainDb, *alain);
        window.show();
        QVERIFY(waitIdle(window));
        QVERIFY(window.anonymiseButton()->isVisible());
        QVERIFY(!window.anonymiseButton()->accessibleName().isEmpty());
        QVERIFY(window.anonymiseButton()->toolTip().contains(u"Ctrl+Shift+N"_s));
        window.findChild<QCheckBox *>(u"showInactiveAgents"_s)->setChecked(true);
        // An active agent: not offered.
        QVERIFY(window.selectAgent(m_world.other));
        QVERIFY(!window.anonymiseButton()->isEnabled());
        // Deactivated: offered, and only after the confirmation.
        QVERIFY(window.selectAgent(m_goneId));
        QVERIFY(window.anonymiseButton()->isEnabled());
        // The question says what goes, in figures read before it is asked: the message and
        // the mail they wrote, their ad that stays.
        QString confirmedFor, details;
        window.setAnonymiseConfirmer([&](const Agent &agent, const QString &said) {
            confirmedFor = agent.displayName;
            details = said;
            return false;
        });
        window.anonymiseButton()->click();
        QTRY_VERIFY(!confirmedFor.isEmpty());
        QVERIFY(!window.isWriting());
        QCOMPARE(ReferenceRepository(*m_admin).agent(m_goneId)->displayName, confirmedFor);
        QVERIFY2(details.startsWith(u"1 contact message(s) and 1 mail(s) of pdw_gone will be "
                                    "anonymised; their 1 ad(s) and the figures stay."_s),
                 qPrintable(details));

        window.setAnonymiseConfirmer([](const Agent &, const QString &) { return true; });
        QSignalSpy done(&window, &AgentsWindow::writeDone);
        if (TestDatabase::backend() == QLatin1String("postgresql")) {
            // Their database account still exists: refused, saying what IT does first.
            window.anonymiseButton()->click();
            QVERIFY(done.wait(15'000));
            QVERIFY2(window.messageBar()->text().contains(u"DROP ROLE"_s),
                     qPrintable(window.messageBar()->text()));
            QCOMPARE(ReferenceRepository(*m_admin).agent(m_goneId)->displayName, confirmedFor);
            QVERIFY(execSql(*m_admin, u"DROP ROLE pdw_gone"_s));
            QVERIFY(waitIdle(window));
            QVERIFY(window.selectAgent(m_goneId));
        }
        window.anonymiseButton()->click();
        QVERIFY(done.wait(15'000));
        const QString expected = u"Agent anonymisé n° %1"_s.arg(m_goneId);
        QVERIFY2(window.messageBar()->text().contains(expected),
                 qPrintable(window.messageBar()->text()));
        // What was done, in figures.
        QVERIFY2(window.messageBar()->text().contains(
                         u"1 contact message(s) erased and 1 mail(s) anonymised. Their 1 ad(s), "
                         "their history and the figures stay."_s),
                 qPrintable(window.messageBar()->text()));
        QCOMPARE(ReferenceRepository(*m_admin).agent(m_goneId)->displayName, expected);
        QVERIFY(waitIdle(window));
        QTRY_COMPARE(window.model()
                             ->index(window.model()->rowOfAgent(m_goneId), AgentsModel::NameColumn)
                             .data()
                             .toString(),
                     expected);
        // Done once: not offered again.
        QVERIFY(window.selectAgent(m_goneId));
        QVERIFY(!window.anonymiseButton()->isEnabled());
        const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(QDir().mkpath(dir));
            QVERIFY(saveScreen(window, dir + u"/agents-anonymised.png"_s));
        }
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin, m_marieDb, m_claireDb, m_alainDb;
    World m_world;
    qint64 m_alainId = 0, m_goneId = 0;
};

QTEST_MAIN(TestPersonalDataWindows)
#include "tst_personaldatawindows.moc"
