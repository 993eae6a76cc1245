// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Contact as an agent uses it: the button on someone else's ad only, the form that keeps what
// was typed when refused, and the mail that leaves at once through the workstation's transport.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/ContactRequests.h"
#include "actions/MailCenter.h"
#include "agent/AdDetailPane.h"
#include "agent/ContactDialog.h"
#include "common/MessageBar.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestContactDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("contactdialog"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        const auto paul = ReferenceRepository(*m_db).agent(m_world.other);
        QVERIFY(paul);
        m_paul = *paul;
        m_ad = publishedAd(*m_db, m_world, QStringLiteral("Armoire à rideau métallique"));
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }
    void init()
    {
        QVERIFY(execSql(*m_db, QStringLiteral("DELETE FROM contact_request")));
        QVERIFY(execSql(*m_db, QStringLiteral("DELETE FROM outbox")));
    }

    void contactIsOfferedOnOtherPeoplesAdsOnly()
    {
        AdDetailPane pane;
        CatalogueEntry entry;
        entry.id = m_ad.id;
        entry.title = m_ad.title;
        pane.showEntry(entry);
        pane.setViewerId(m_world.other);
        // Not before the whole ad is known: its owner decides.
        QVERIFY(!pane.contactButton()->isEnabled());
        pane.showAd(m_ad, {});
        QVERIFY(pane.contactButton()->isEnabled());
        QSignalSpy asked(&pane, &AdDetailPane::contactRequested);
        pane.contactButton()->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().at(0).toLongLong(), m_ad.id);
        QCOMPARE(asked.first().at(1).toLongLong(), m_world.owner);

        pane.setViewerId(m_world.owner);
        QVERIFY(!pane.contactButton()->isEnabled());
        QCOMPARE(pane.contactButton()->toolTip(), QStringLiteral("This is your ad."));
        pane.setViewerId(0);
        QVERIFY(!pane.contactButton()->isEnabled());
    }

    void emptyMessageIsRefusedAndTheServiceKept()
    {
        ContactDialog dialog(*m_db,
                             m_paul,
                             m_ad.id,
                             m_ad.title,
                             QStringLiteral("Marie Dupont"),
                             settings(QString()));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The services come from the session's reference cache, read on the reading thread.
        QTRY_VERIFY(dialog.findChild<QComboBox *>(QStringLiteral("contactService"))->count() > 0);
        auto *service = dialog.findChild<QComboBox *>(QStringLiteral("contactService"));
        QVERIFY(service);
        // The requester's own service comes first to mind.
        QCOMPARE(service->currentData().toLongLong(), m_world.library);
        service->setCurrentIndex(service->findData(m_world.schools));
        auto *message = dialog.findChild<QPlainTextEdit *>(QStringLiteral("contactMessage"));
        QTest::keyClicks(message, QStringLiteral("   "));
        dialog.findChild<QPushButton *>(QStringLiteral("contactSendButton"))->click();
        QVERIFY(dialog.isVisible());
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("contactMessageError"));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QLatin1String("Write a few words")));
        QCOMPARE(service->currentData().toLongLong(), m_world.schools);
        QCOMPARE(count(QStringLiteral("outbox")), 0);
        QCOMPARE(count(QStringLiteral("contact_request")), 0);

        // Typing fixes it; the error goes as soon as the text is acceptable.
        message->insertPlainText(QStringLiteral("Pour l'école Jules-Ferry."));
        QVERIFY(!error->isVisible());
    }

    void sendingWritesTheMailAndItLeavesAtOnce()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        MailCenter center(*m_db, QStringLiteral("test pmartin"));
        center.setSettings(settings(folder.path()));
        QVERIFY(center.sends());

        ContactDialog dialog(*m_db,
                             m_paul,
                             m_ad.id,
                             m_ad.title,
                             QStringLiteral("Marie Dupont"),
                             center.settings());
        QObject::connect(&dialog, &ContactDialog::contactSent, &center, &MailCenter::sendNow);
        QSignalSpy sent(&center, &MailCenter::mailSent);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The services come from the session's reference cache, read on the reading thread.
        QTRY_VERIFY(dialog.findChild<QComboBox *>(QStringLiteral("contactService"))->count() > 0);
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("contactMessage"))
                ->insertPlainText(
                        QStringLiteral("Bonjour, la médiathèque en a besoin pour ses archives."));
        dialog.findChild<QPushButton *>(QStringLiteral("contactSendButton"))->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.request().requestingServiceName, QStringLiteral("Médiathèque"));
        QCOMPARE(count(QStringLiteral("contact_request")), 1);

        QVERIFY(sent.wait(5000));
        const QStringList files = QDir(folder.path()).entryList({QStringLiteral("*.eml")});
        QCOMPARE(files.size(), 1);
        QString error;
        const QJsonObject parsed
                = parseMailFile(QDir(folder.path()).filePath(files.first()), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(headerValue(parsed, QStringLiteral("Reply-To")),
                 QStringLiteral("Paul Martin <pmartin@agglo.test>"));
        QVERIFY(textPart(parsed, QStringLiteral("text/plain"))
                        .contains(QStringLiteral("la médiathèque en a besoin pour ses archives")));
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT state FROM outbox")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("sent"));
    }

    void anAdGoneMeanwhileIsSaidAndTheTextKept()
    {
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Chaise visiteur"));
        ContactDialog dialog(*m_db,
                             m_paul,
                             ad.id,
                             ad.title,
                             QStringLiteral("Marie Dupont"),
                             settings(QString()));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The services come from the session's reference cache, read on the reading thread.
        QTRY_VERIFY(dialog.findChild<QComboBox *>(QStringLiteral("contactService"))->count() > 0);
        auto *message = dialog.findChild<QPlainTextEdit *>(QStringLiteral("contactMessage"));
        QTest::keyClicks(message, QStringLiteral("Toujours disponible ?"));
        // The poster closes it while the form is open.
        TransitionRequest close{AdAction::Close, ad.version, {}, CloseReason::Discarded, 0, {}};
        QVERIFY(AdRepository(*m_db).transition(ad.id, close, m_world.ownerActor()));
        QVERIFY(!dialog.send());
        auto *bar = dialog.findChild<MessageBar *>(QStringLiteral("contactMessageBar"));
        QVERIFY(bar->isVisible());
        QCOMPARE(bar->text(), QStringLiteral("This ad is no longer in the catalogue."));
        QCOMPARE(message->toPlainText(), QStringLiteral("Toujours disponible ?"));
        QCOMPARE(count(QStringLiteral("outbox")), 0);
    }

private:
    static MailSettings settings(const QString &folder)
    {
        MailSettings s;
        s.sender = {QStringLiteral("collectiv-recup@agglo.test"), {}};
        if (!folder.isEmpty()) {
            s.transport = MailSettings::Transport::PickupFolder;
            s.pickupFolder = folder;
        }
        return s;
    }
    int count(const QString &table)
    {
        QSqlQuery q(m_db->connection());
        return q.exec(QStringLiteral("SELECT count(*) FROM ") + table) && q.next()
                       ? q.value(0).toInt()
                       : -1;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    Agent m_paul;
    Ad m_ad;
};

QTEST_MAIN(TestContactDialog)
#include "tst_contactdialog.moc"
