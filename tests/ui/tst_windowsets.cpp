// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The window sets offered follow the person's roles: moderation and the mails not sent for
// moderators only — the server's groups on PostgreSQL, the identity picked in the demo.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "Screens.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "WindowSets.h"
#include "WindowWaits.h"
#include "actions/AdWorkflow.h"
#include "actions/ContactRequests.h"
#include "actions/MailCenter.h"
#include "actions/MailQueue.h"
#include "agent/AdDetailPane.h"
#include "agent/CatalogueModel.h"
#include "agent/CatalogueWindow.h"
#include "agent/ContactDialog.h"
#include "agent/MyAdsModel.h"
#include "agent/MyAdsWindow.h"
#include "agent/WantedAdsWindow.h"
#include "common/AdEditorDialog.h"
#include "common/MessageBar.h"
#include "logistics/LogisticsWindow.h"
#include "moderator/AgentsWindow.h"
#include "moderator/FailedMailsPane.h"
#include "moderator/ModerationQueueWindow.h"
#include "moderator/StatisticsWindow.h"
#include "settings/AppSettings.h"
#include "storage/OutboxRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/WantedAdRepository.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

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

    void moderatorsAndAdministratorsGetTheAgents()
    {
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("g.ini")));
        CatalogueWindow window(*m_db, settings, false);
        const auto claire = ReferenceRepository(*m_db).agent(m_world.moderator);
        WindowSets sets(*m_db, window, *claire, false);
        QVERIFY(sets.agentsAction()->isVisible());
        QCOMPARE(sets.agentsAction()->text(), QStringLiteral("Agents…"));
        sets.agentsAction()->trigger();
        QVERIFY(sets.agentsWindow());
        QVERIFY(sets.agentsWindow()->isVisible());
        QVERIFY(waitIdle(*sets.agentsWindow()));

        // An administrator who is no moderator keeps the agents too; a plain agent does not.
        const auto read = ReferenceRepository(*m_db).agent(m_world.other);
        QVERIFY(read);
        Agent admin = *read;
        admin.roles |= Role::Admin;
        AppSettings other(m_settingsDir.filePath(QStringLiteral("h.ini")));
        CatalogueWindow adminWindow(*m_db, other, false);
        WindowSets adminSets(*m_db, adminWindow, admin, false);
        QVERIFY(adminSets.agentsAction()->isVisible());
        QVERIFY(!adminSets.moderationAction()->isVisible());
        AppSettings third(m_settingsDir.filePath(QStringLiteral("i.ini")));
        CatalogueWindow agentWindow(*m_db, third, false);
        WindowSets agentSets(*m_db, agentWindow, *read, false);
        QVERIFY(!agentSets.agentsAction()->isVisible());
        agentSets.openAgents();
        QVERIFY(!agentSets.agentsWindow());
    }

    void logisticsStaffAndModeratorsGetTransports()
    {
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("l.ini")));
        CatalogueWindow window(*m_db, settings, false);
        const auto read = ReferenceRepository(*m_db).agent(m_world.other);
        QVERIFY(read);
        Agent paul = *read;
        paul.roles |= Role::Logistics;
        WindowSets sets(*m_db, window, paul, false);
        QVERIFY(sets.logisticsAction()->isVisible());
        QVERIFY(!sets.moderationAction()->isVisible());
        sets.logisticsAction()->trigger();
        QVERIFY(sets.logisticsWindow());
        QVERIFY(sets.logisticsWindow()->isVisible());
        QVERIFY(waitIdle(*sets.logisticsWindow()));

        AppSettings other(m_settingsDir.filePath(QStringLiteral("m.ini")));
        CatalogueWindow moderatorWindow(*m_db, other, false);
        const auto claire = ReferenceRepository(*m_db).agent(m_world.moderator);
        WindowSets moderatorSets(*m_db, moderatorWindow, *claire, false);
        QVERIFY(moderatorSets.logisticsAction()->isVisible());
    }

    void moderatorSeesTheMailsNotSentAndTheirCount()
    {
        const auto before = OutboxRepository(*m_db).failures();
        QVERIFY(before);
        const int already = int(before->size());
        const qint64 first = failedMail(QStringLiteral("Annonce à modérer : « Bureau »"));
        const qint64 second = failedMail(QStringLiteral("Rappel : votre annonce expire"));
        QVERIFY(first > 0 && second > 0);

        AppSettings settings(m_settingsDir.filePath(QStringLiteral("f.ini")));
        CatalogueWindow window(*m_db, settings, false);
        const auto claire = ReferenceRepository(*m_db).agent(m_world.moderator);
        WindowSets sets(*m_db, window, *claire, false);
        QVERIFY(sets.failedMailsAction()->isVisible());
        QTRY_COMPARE(sets.failedMailCount(), already + 2); // read on the reading thread
        QCOMPARE(sets.failedMailsAction()->text(),
                 QStringLiteral("Mails not sent (%1)").arg(already + 2));
        // The entry opens the moderation window on its « Courriels non envoyés » tab.
        sets.failedMailsAction()->trigger();
        ModerationQueueWindow *moderation = sets.moderationWindow();
        QVERIFY(moderation);
        QVERIFY(moderation->isVisible());
        FailedMailsPane *failed = moderation->failedMails();
        QVERIFY(failed->isVisible());
        auto *tabs = moderation->findChild<QTabWidget *>(QStringLiteral("moderationViews"));
        QVERIFY(tabs);
        QCOMPARE(tabs->currentWidget(), failed);
        QVERIFY(waitIdle(*failed));
        QCOMPARE(tabs->tabText(tabs->currentIndex()),
                 QStringLiteral("Mails &not sent (%1)").arg(already + 2));
        QVERIFY(failed->selectMails({first}));

        // Sending again reaches the application's dispatcher and updates the entry's count.
        QSignalSpy retried(&sets, &WindowSets::retryRequested);
        failed->sendAgain();
        QVERIFY(waitIdle(*failed));
        QCOMPARE(retried.count(), 1);
        QTRY_COMPARE(sets.failedMailCount(), already + 1);
        QCOMPARE(sets.failedMailsAction()->text(),
                 QStringLiteral("Mails not sent (%1)").arg(already + 1));
        tabs->setCurrentIndex(0);
        sets.failedMailsAction()->trigger(); // the same window again, on the same tab
        QCOMPARE(sets.moderationWindow(), moderation);
        QCOMPARE(tabs->currentWidget(), failed);

        QVERIFY(OutboxRepository(*m_db).retry(second));
        sets.updateFailedMailCount();
        QTRY_COMPARE(sets.failedMailCount(), already);
        if (already == 0)
            QCOMPARE(sets.failedMailsAction()->text(), QStringLiteral("Mails not sent"));
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

    void everyAgentHasTheirOwnAds()
    {
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("f.ini")));
        CatalogueWindow window(*m_db, settings, false);
        const auto marie = ReferenceRepository(*m_db).agent(m_world.owner);
        const Ad hers = publishedAd(*m_db, m_world, QStringLiteral("Armoire de Marie"));
        World asPaul = m_world;
        asPaul.owner = m_world.other;
        const Ad his = publishedAd(*m_db, asPaul, QStringLiteral("Armoire de Paul"));
        WindowSets sets(*m_db, window, *marie, false);
        QVERIFY(sets.myAdsAction()->isVisible());
        sets.myAdsAction()->trigger();
        QVERIFY(sets.myAdsWindow());
        QVERIFY(sets.myAdsWindow()->isVisible());
        QVERIFY(waitIdle(*sets.myAdsWindow()));
        QVERIFY(sets.myAdsWindow()->model()->rowOfAd(hers.id) >= 0);
        QCOMPARE(sets.myAdsWindow()->model()->rowOfAd(his.id), -1);
        // Nobody signed in: no ads of one's own.
        WindowSets nobody(*m_db, window, std::nullopt, false);
        QVERIFY(!nobody.myAdsAction()->isVisible());
    }

    void contactWritesInTheNameOfTheAgentAndSendsAtOnce()
    {
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("e.ini")));
        CatalogueWindow window(*m_db, settings, false);
        const auto paul = ReferenceRepository(*m_db).agent(m_world.other);
        WindowSets sets(*m_db, window, *paul, false);
        QTemporaryDir folder;
        MailCenter mail(*m_db, QStringLiteral("windowsets"));
        MailSettings mailSettings;
        mailSettings.transport = MailSettings::Transport::PickupFolder;
        mailSettings.pickupFolder = folder.path();
        mail.setSettings(mailSettings);
        sets.setMailCenter(&mail);
        QSignalSpy sent(&mail, &MailCenter::mailSent);
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Bibliothèque basse"));

        QString heading;
        sets.setContactRunner([&](ContactDialog &dialog) {
            heading = dialog.findChild<QLabel *>(QStringLiteral("contactHeading"))->text();
            dialog.findChild<QPlainTextEdit *>(QStringLiteral("contactMessage"))
                    ->setPlainText(QStringLiteral("Pour la salle de lecture."));
            return dialog.send() ? int(QDialog::Accepted) : int(QDialog::Rejected);
        });
        QSignalSpy ready(&sets, &WindowSets::contactReady);
        emit window.contactRequested(ad.id, m_world.owner, ad.title);
        QVERIFY(ready.size() > 0 || ready.wait(10000)); // the poster's name is read first
        QVERIFY2(heading.contains(QStringLiteral("Marie Dupont, Déchets")), qPrintable(heading));
        QVERIFY(window.messageBar()->text().contains(QStringLiteral("Marie Dupont")));
        // Sent at once (with whatever else was due): the file with Paul's words is there.
        QVERIFY(sent.wait(5000));
        int withMessage = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
                (withMessage = mailFilesContaining(folder.path(), "Pour la salle de lecture.")) > 0,
                5000);
        QCOMPARE(withMessage, 1);
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT author_id, kind FROM outbox ORDER BY id DESC")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), m_world.other);
        QCOMPARE(q.value(1).toString(), QStringLiteral("contact"));

        // One's own ad: no form.
        bool opened = false;
        sets.setContactRunner([&](ContactDialog &) {
            opened = true;
            return int(QDialog::Rejected);
        });
        World asPaul = m_world;
        asPaul.owner = m_world.other;
        const Ad paulsAd = publishedAd(*m_db, asPaul, QStringLiteral("Tabouret"));
        emit window.contactRequested(paulsAd.id, m_world.other, paulsAd.title);
        QVERIFY(!opened);
    }

    // Contact, once: after a first request the detail pane says when, and Contact is off with
    // the reason for screen readers — at once, and at the next start, read from the database.
    void contactIsDisabledWithTheDayOnceAsked()
    {
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("asked.ini")));
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Vestiaire métallique"));
        const auto paul = ReferenceRepository(*m_db).agent(m_world.other);
        QVERIFY(paul);
        const QString day = spokenDay(QDate::currentDate(), QDate::currentDate());
        {
            CatalogueWindow window(*m_db, settings, false);
            WindowSets sets(*m_db, window, *paul, false);
            window.show();
            QTRY_VERIFY_WITH_TIMEOUT(window.model()->rowCount() > 0, 15000);
            window.showAd(ad.id, ad.title);
            AdDetailPane *pane = window.detailPane();
            QCOMPARE(pane->adId(), ad.id);
            QTRY_VERIFY_WITH_TIMEOUT(pane->contactButton()->isEnabled(), 15000);
            QVERIFY(!pane->askedLabel()->isVisible());
            sets.setContactRunner([&](ContactDialog &dialog) {
                dialog.findChild<QPlainTextEdit *>(QStringLiteral("contactMessage"))
                        ->setPlainText(QStringLiteral("Pour le gymnase."));
                return dialog.send() ? int(QDialog::Accepted) : int(QDialog::Rejected);
            });
            QSignalSpy ready(&sets, &WindowSets::contactReady);
            pane->contactButton()->click();
            QVERIFY(ready.size() > 0 || ready.wait(10000));
            QVERIFY(!pane->contactButton()->isEnabled());
            QVERIFY(pane->askedLabel()->isVisible());
            QCOMPARE(pane->askedLabel()->text(),
                     QStringLiteral("You asked for this item on %1.").arg(day));
        }
        CatalogueWindow window(*m_db, settings, false);
        window.setViewerId(m_world.other);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.model()->rowCount() > 0, 15000);
        window.showAd(ad.id, ad.title);
        AdDetailPane *pane = window.detailPane();
        QCOMPARE(pane->adId(), ad.id);
        QTRY_VERIFY_WITH_TIMEOUT(pane->askedAt().isValid(), 15000);
        QVERIFY(!pane->contactButton()->isEnabled());
        QVERIFY(pane->askedLabel()->isVisible());
        QVERIFY2(pane->contactButton()->accessibleDescription().startsWith(
                         QStringLiteral("You asked for this item on %1.").arg(day)),
                 qPrintable(pane->contactButton()->accessibleDescription()));
        QCOMPARE(countOf(*m_db,
                         QStringLiteral("SELECT count(*) FROM contact_request WHERE ad_id = %1")
                                 .arg(ad.id)),
                 1);
    }

    // The catalogue as a French agent sees an ad already asked about; only when asked:
    // RECUP_SCREENSHOT_DIR=/tmp/shots.
    void frenchAskedScreenshot()
    {
        const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set RECUP_SCREENSHOT_DIR to save a picture of the window");
        QVERIFY(QDir().mkpath(dir));
        FrenchScreens french;
        QVERIFY(french.loaded());
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("shot.ini")));
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Armoire haute à rideaux"));
        const auto paul = ReferenceRepository(*m_db).agent(m_world.other);
        QVERIFY(paul);
        QVERIFY(ContactRequests(*m_db).send(ad.id,
                                            *paul,
                                            m_world.library,
                                            QStringLiteral("Pour les archives."),
                                            MailSettings()));
        CatalogueWindow window(*m_db, settings, false);
        window.setViewerId(m_world.other);
        window.resize(1100, 640);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.model()->rowCount() > 0, 15000);
        window.showAd(ad.id, ad.title);
        QTRY_VERIFY_WITH_TIMEOUT(window.detailPane()->askedAt().isValid(), 15000);
        QVERIFY(saveScreen(window, dir + QStringLiteral("/catalogue-deja-demande.png")));
    }

    // « Recherches »: Paul answers Marie's wanted ad with the Contact form, once; and opens
    // the ad of one of his alerts in the catalogue.
    void answeringAWantedAdAndOpeningAnAlertsAd()
    {
        AppSettings settings(m_settingsDir.filePath(QStringLiteral("answer.ini")));
        CatalogueWindow window(*m_db, settings, false);
        const auto paul = ReferenceRepository(*m_db).agent(m_world.other);
        QVERIFY(paul);
        WindowSets sets(*m_db, window, *paul, false);
        WantedAd hers;
        hers.authorId = m_world.owner;
        hers.serviceId = m_world.waste;
        hers.siteId = m_world.depot;
        hers.title = QStringLiteral("Recherche : 2 vestiaires");
        hers.keywords = QStringLiteral("vestiaire");
        const auto posted = WantedAdRepository(*m_db).post(hers);
        QVERIFY2(posted, qPrintable(posted.error().detail));

        QString heading, title;
        sets.setContactRunner([&](ContactDialog &dialog) {
            heading = dialog.findChild<QLabel *>(QStringLiteral("contactHeading"))->text();
            title = dialog.windowTitle();
            dialog.findChild<QPlainTextEdit *>(QStringLiteral("contactMessage"))
                    ->setPlainText(QStringLiteral("Nous en avons deux au dépôt."));
            return dialog.send() ? int(QDialog::Accepted) : int(QDialog::Rejected);
        });
        sets.openWantedAds();
        WantedAdsWindow *wanted = sets.wantedAdsWindow();
        QVERIFY(wanted);
        QVERIFY(waitIdle(*wanted));
        auto rowOf = [&](qint64 id) -> QTreeWidgetItem * {
            for (int i = 0; i < wanted->everyoneList()->topLevelItemCount(); ++i) {
                QTreeWidgetItem *item = wanted->everyoneList()->topLevelItem(i);
                if (item->data(0, Qt::UserRole).toLongLong() == id)
                    return item;
            }
            return nullptr;
        };
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(posted->id), 15000);
        wanted->everyoneList()->setCurrentItem(rowOf(posted->id));
        QVERIFY(wanted->answerAction()->isEnabled());
        QSignalSpy ready(&sets, &WindowSets::contactReady);
        wanted->answerAction()->trigger();
        QVERIFY(ready.size() > 0 || ready.wait(10000));
        QCOMPARE(title, QStringLiteral("Answer a wanted ad"));
        QVERIFY2(heading.contains(QStringLiteral("Recherche : 2 vestiaires")), qPrintable(heading));
        QVERIFY2(heading.contains(QStringLiteral("Marie Dupont, Déchets")), qPrintable(heading));
        QVERIFY(wanted->messageBar()->text().contains(QStringLiteral("Marie Dupont")));
        QCOMPARE(countOf(*m_db,
                         QStringLiteral("SELECT count(*) FROM contact_request "
                                        "WHERE wanted_ad_id = %1 AND requester_id = %2")
                                 .arg(posted->id)
                                 .arg(m_world.other)),
                 1);
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT author_id, kind, recipients FROM outbox "
                                      "ORDER BY id DESC")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), m_world.other);
        QCOMPARE(q.value(1).toString(), QStringLiteral("contact"));
        QVERIFY(q.value(2).toString().contains(QStringLiteral("mdupont@agglo.test")));
        // The row says so, and the answer is not offered twice.
        QTRY_VERIFY_WITH_TIMEOUT(
                rowOf(posted->id)
                        && rowOf(posted->id)->text(8).startsWith(QStringLiteral("Answered on")),
                15000);
        wanted->everyoneList()->setCurrentItem(rowOf(posted->id));
        QVERIFY(!wanted->answerAction()->isEnabled());
        QVERIFY2(wanted->answerAction()->toolTip().startsWith(
                         QStringLiteral("You answered this wanted ad on")),
                 qPrintable(wanted->answerAction()->toolTip()));

        // An alert of Paul's: Marie's ad approved, matching his wanted ad.
        WantedAd his;
        his.authorId = m_world.other;
        his.serviceId = m_world.library;
        his.siteId = m_world.townHall;
        his.title = QStringLiteral("Recherche : lampadaire");
        his.keywords = QStringLiteral("lampadaire");
        QVERIFY(WantedAdRepository(*m_db).post(his));
        const Ad pending = pendingAd(*m_db, m_world, QStringLiteral("Lampadaire halogène"));
        MailSettings mail;
        mail.sender = {QStringLiteral("collectiv-recup@agglo.test"), {}};
        QVERIFY(AdWorkflow(*m_db, mail)
                        .transition(pending.id,
                                    {AdAction::Approve, pending.version, {}, {}, 0, {}},
                                    m_world.moderatorActor()));
        QVERIFY(refreshAndWait(*wanted));
        wanted->showTab(WantedAdsWindow::Tab::Alerts);
        QTreeWidgetItem *alert = nullptr;
        for (int i = 0; i < wanted->alertsList()->topLevelItemCount(); ++i) {
            if (wanted->alertsList()->topLevelItem(i)->text(3) == QString::number(pending.id))
                alert = wanted->alertsList()->topLevelItem(i);
        }
        QVERIFY(alert);
        wanted->alertsList()->setCurrentItem(alert);
        wanted->showAdAction()->trigger();
        QCOMPARE(window.detailPane()->adId(), pending.id);
        QVERIFY(window.isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<QLabel *>(QStringLiteral("detailTitle"))->text()
                                         == QStringLiteral("Lampadaire halogène"),
                                 15000);
        // Not asked yet: Contact is offered on it.
        QTRY_VERIFY_WITH_TIMEOUT(window.detailPane()->contactButton()->isEnabled(), 15000);
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
        // Nor the mails not sent, even when there are some.
        QVERIFY(failedMail(QStringLiteral("Contact : chaises")) > 0);
        QVERIFY(!sets.failedMailsAction()->isVisible());
        sets.failedMailsAction()->trigger();
        sets.openFailedMails();
        QVERIFY(!sets.moderationWindow());
        QCOMPARE(sets.failedMailCount(), -1);
        // Nor the figures.
        QVERIFY(!sets.statisticsAction()->isVisible());
        sets.statisticsAction()->trigger();
        sets.openStatistics();
        QVERIFY(!sets.statisticsWindow());
        // Nor the transports.
        QVERIFY(!sets.logisticsAction()->isVisible());
        sets.openLogistics();
        QVERIFY(!sets.logisticsWindow());
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
        QVERIFY(sets.failedMailsAction()->isVisible());
        sets.openModeration();
        QVERIFY(sets.moderationWindow());
        sets.openFailedMails();
        QCOMPARE(sets.moderationWindow()
                         ->findChild<QTabWidget *>(QStringLiteral("moderationViews"))
                         ->currentWidget(),
                 sets.moderationWindow()->failedMails());
        QVERIFY(sets.statisticsAction()->isVisible());
        QCOMPARE(sets.statisticsAction()->text(), QStringLiteral("Figures"));
        sets.statisticsAction()->trigger();
        QVERIFY(sets.statisticsWindow());
        QVERIFY(sets.statisticsWindow()->isVisible());
        // Picking a plain agent takes moderation away, windows included.
        picker->setCurrentIndex(picker->findData(m_world.owner));
        QTRY_VERIFY(!sets.moderationAction()->isVisible());
        QVERIFY(!sets.moderationWindow());
        QVERIFY(!sets.failedMailsAction()->isVisible());
        QVERIFY(!sets.statisticsAction()->isVisible());
        QVERIFY(!sets.statisticsWindow());
    }

private:
    static int mailFilesContaining(const QString &folder, const char *text)
    {
        int found = 0;
        for (const QFileInfo &file : QDir(folder).entryInfoList({QStringLiteral("*.eml")})) {
            QFile f(file.filePath());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(text))
                ++found;
        }
        return found;
    }
    // A system mail the server refused for good: enqueue, claim, permanent failure.
    qint64 failedMail(const QString &subject)
    {
        return permanentlyFailedMail(*m_db, m_world, subject);
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestWindowSets)
#include "tst_windowsets.moc"
