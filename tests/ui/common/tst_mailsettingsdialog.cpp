// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The mail settings dialog as the IT administrator uses it: real widgets on the offscreen
// platform, a real aiosmtpd (plain, STARTTLS with a throwaway certificate, AUTH, a server that
// never answers, a closed port), settings in an INI file, the password safe as this machine
// has it. The test mail must arrive, failures must say why in the server's own words, the
// window must keep responding, and nothing is saved until OK accepts every field.
#include "MailTestSupport.h"
#include "common/MailSettingsDialog.h"
#include "common/MessageBar.h"
#include "mail/MailSettings.h"
#include "settings/AppSettings.h"
#include "settings/PasswordStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Recup;
using namespace Recup::Testing;

namespace {

using Transport = MailSettings::Transport;
using Security = SmtpSettings::Security;
using Key = AppSettings::Key;

const QString Sender = QStringLiteral("collectiv-recup@agglo-chatellerault.fr");
const QString SenderName = QStringLiteral("Réemploi — Agglomération de Châtellerault");
const QString Recipient = QStringLiteral("marie.dupont@agglo-chatellerault.fr");
const QString TestSubject = QStringLiteral("Collectiv'Récup : courriel d'essai");

// Types text as a person would, accents included (QTest::keyClicks takes ASCII only), over
// whatever the field held.
void fill(QLineEdit *edit, const QString &text)
{
    edit->setFocus(Qt::OtherFocusReason);
    edit->selectAll();
    if (text.isEmpty()) {
        QTest::keyClick(edit, Qt::Key_Delete);
        return;
    }
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

// Clicks a check box on its box: the widget spans the form's width, its middle may be empty.
void tick(QCheckBox *check)
{
    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(6, check->height() / 2));
}

void choose(QComboBox *box, int data)
{
    const int index = box->findData(data);
    QVERIFY(index >= 0);
    box->setCurrentIndex(index);
}

void show(QDialog &dialog)
{
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
}

// Waits for the test mail's answer, however it ends.
bool waitForTest(MailSettingsDialog &dialog, int timeoutMs = 30'000)
{
    return QTest::qWaitFor([&] { return !dialog.isTesting(); }, timeoutMs);
}

QString describe(MailSettingsDialog &dialog)
{
    const auto result = dialog.lastTestResult();
    return QStringLiteral("result=%1 stage=%2 reply=[%3] shown=[%4 | %5]")
            .arg(result ? int(result->status) : -1)
            .arg(result ? int(result->stage) : -1)
            .arg(result ? result->serverReply : QString(),
                 dialog.testResultText(),
                 dialog.testResultDetail());
}

} // namespace

class TestMailSettingsDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_certDir.isValid());
        QString error;
        QVERIFY2(makeCertificate(m_certDir.path(), &m_cert, &m_key, &error), qPrintable(error));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_ini = m_dir->filePath(QStringLiteral("recup.ini"));
        m_settings = std::make_unique<AppSettings>(m_ini);
    }

    void cleanup()
    {
        m_settings.reset();
        m_dir.reset();
    }

    void testMailArrivesOverPlainSmtp()
    {
        SmtpTestServer server(m_dir->path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));

        MailSettingsDialog dialog(*m_settings, nullptr);
        show(dialog);
        describeSmtp(dialog, QStringLiteral("127.0.0.1"), server.port(), Security::None);
        dialog.setTestRecipient(Recipient);
        QCOMPARE(dialog.testRecipientEdit()->text(), Recipient);

        QSignalSpy testing(&dialog, &MailSettingsDialog::testingChanged);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        // The click returns at once: the window waits for the server without blocking.
        QVERIFY(dialog.isTesting());
        QVERIFY(!dialog.testButton()->isEnabled());
        QVERIFY(dialog.stopTestButton()->isVisible());
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(waitForTest(dialog));
        QCOMPARE(testing.size(), 2);

        QVERIFY2(dialog.lastTestResult() && dialog.lastTestResult()->sent(),
                 qPrintable(describe(dialog)));
        QVERIFY(dialog.testResultBar()->isVisible());
        QVERIFY2(dialog.testResultText().contains(Recipient), qPrintable(describe(dialog)));
        QVERIFY2(dialog.testResultDetail().contains(QLatin1String("250")),
                 qPrintable(describe(dialog)));
        QVERIFY(dialog.testButton()->isEnabled());
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(!dialog.stopTestButton()->isVisible());

        QTRY_COMPARE(server.messages().size(), 1);
        const SmtpTestServer::Received received = server.messages().constFirst();
        QCOMPARE(received.mailFrom, Sender);
        QCOMPARE(received.rcptTos, QStringList{Recipient});
        const QJsonObject parsed = parseMailFile(received.file, &error);
        QVERIFY2(!parsed.isEmpty(), qPrintable(error));
        QCOMPARE(headerValue(parsed, QStringLiteral("Subject")), TestSubject);
        const QString from = headerValue(parsed, QStringLiteral("From"));
        QVERIFY2(from.contains(SenderName) && from.contains(Sender), qPrintable(from));
        QVERIFY2(headerValue(parsed, QStringLiteral("To")).contains(Recipient),
                 qPrintable(headerValue(parsed, QStringLiteral("To"))));
        const QString messageId = headerValue(parsed, QStringLiteral("Message-ID"));
        QVERIFY2(QRegularExpression(QStringLiteral("^<[^<>@\\s]+@agglo-chatellerault\\.fr>$"))
                         .match(messageId)
                         .hasMatch(),
                 qPrintable(messageId));
        QVERIFY(!headerValue(parsed, QStringLiteral("Date")).isEmpty());
        const QString body = textPart(parsed, QStringLiteral("text/plain"));
        QVERIFY2(body.startsWith(QLatin1String("Bonjour,")), qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("127.0.0.1:%1").arg(server.port())),
                 qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("réglages d'envoi des courriels")), qPrintable(body));

        // The test used the values as typed: nothing was saved.
        QCOMPARE(m_settings->value(Key::MailTransport).toString(), QStringLiteral("none"));
        QVERIFY(m_settings->value(Key::MailSmtpHost).toString().isEmpty());
    }

    void testMailOverStartTls_data()
    {
        QTest::addColumn<bool>("stock");
        QTest::newRow("test fixture server with STARTTLS") << false;
        QTest::newRow("aiosmtpd's own command line with STARTTLS") << true;
    }

    void testMailOverStartTls()
    {
        QFETCH(bool, stock);
        SmtpTestServer server(m_dir->path());
        QString error;
        const bool started
                = stock ? server.startStockAiosmtpd(
                          {QStringLiteral("--tlscert"), m_cert, QStringLiteral("--tlskey"), m_key},
                          &error)
                        : server.start({QStringLiteral("--starttls"), m_cert, m_key}, &error);
        QVERIFY2(started, qPrintable(error));

        MailSettingsDialog dialog(*m_settings, nullptr);
        show(dialog);
        describeSmtp(dialog, QStringLiteral("localhost"), server.port(), Security::StartTls);
        fill(dialog.caFileEdit(), m_cert);
        dialog.setTestRecipient(Recipient);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(waitForTest(dialog));
        QVERIFY2(dialog.lastTestResult() && dialog.lastTestResult()->sent(),
                 qPrintable(describe(dialog)));

        QTRY_COMPARE(server.messages().size(), 1);
        const QJsonObject parsed = parseMailFile(server.messages().constFirst().file, &error);
        QVERIFY2(!parsed.isEmpty(), qPrintable(error));
        QCOMPARE(headerValue(parsed, QStringLiteral("Subject")), TestSubject);
        QVERIFY(textPart(parsed, QStringLiteral("text/plain")).contains(QLatin1String("STARTTLS")));
    }

    void untrustedCertificateIsExplainedThenIgnoredOnPurpose()
    {
        SmtpTestServer server(m_dir->path());
        QString error;
        QVERIFY2(server.start({QStringLiteral("--starttls"), m_cert, m_key}, &error),
                 qPrintable(error));
        MailSettingsDialog dialog(*m_settings, nullptr);
        show(dialog);
        describeSmtp(dialog, QStringLiteral("localhost"), server.port(), Security::StartTls);
        dialog.setTestRecipient(Recipient);

        // No certificate authority given: the throwaway certificate is not trusted.
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(waitForTest(dialog));
        QVERIFY(dialog.lastTestResult());
        QVERIFY(!dialog.lastTestResult()->sent());
        QCOMPARE(dialog.lastTestResult()->stage, SendResult::Stage::Tls);
        QVERIFY2(dialog.testResultText().contains(QLatin1String("certificate")),
                 qPrintable(describe(dialog)));
        QCOMPARE(dialog.focusWidget(), dialog.securityBox());
        QVERIFY(server.messages().isEmpty());

        // The administrator chooses to ignore it, and is warned.
        QVERIFY(!dialog.certificateWarning()->isVisible());
        tick(dialog.ignoreCertificateErrorsCheck());
        QVERIFY(dialog.ignoreCertificateErrorsCheck()->isChecked());
        QVERIFY(dialog.certificateWarning()->isVisible());
        QVERIFY(dialog.certificateWarning()->text().contains(QLatin1String("password")));
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(waitForTest(dialog));
        QVERIFY2(dialog.lastTestResult() && dialog.lastTestResult()->sent(),
                 qPrintable(describe(dialog)));
        QTRY_COMPARE(server.messages().size(), 1);
    }

    void refusalsShowTheServersOwnWords()
    {
        const QString ghost = QStringLiteral("fantome@agglo-chatellerault.fr");
        SmtpTestServer server(m_dir->path());
        QString error;
        QVERIFY2(server.start({QStringLiteral("--starttls"),
                               m_cert,
                               m_key,
                               QStringLiteral("--auth"),
                               QStringLiteral("relais:Ré-emploi 2026"),
                               QStringLiteral("--reject-rcpt"),
                               ghost},
                              &error),
                 qPrintable(error));
        MailSettingsDialog dialog(*m_settings, nullptr);
        show(dialog);
        describeSmtp(dialog, QStringLiteral("localhost"), server.port(), Security::StartTls);
        fill(dialog.caFileEdit(), m_cert);
        fill(dialog.userEdit(), QStringLiteral("relais"));
        fill(dialog.passwordEdit(), QStringLiteral("pas le bon"));
        dialog.setTestRecipient(Recipient);

        // A wrong password: the reason, and the server's own answer in full view.
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(waitForTest(dialog));
        QVERIFY(dialog.lastTestResult() && !dialog.lastTestResult()->sent());
        QCOMPARE(dialog.lastTestResult()->stage, SendResult::Stage::Authentication);
        QVERIFY2(dialog.testResultText().contains(QLatin1String("refused the login of relais")),
                 qPrintable(describe(dialog)));
        QVERIFY2(dialog.testResultText().contains(QLatin1String("535")),
                 qPrintable(describe(dialog)));
        QCOMPARE(dialog.focusWidget(), dialog.passwordEdit());
        QCOMPARE(dialog.passwordEdit()->text(), QStringLiteral("pas le bon"));

        // The right one, typed but not saved, is the one the test uses.
        fill(dialog.passwordEdit(), QStringLiteral("Ré-emploi 2026"));
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(waitForTest(dialog));
        QVERIFY2(dialog.lastTestResult() && dialog.lastTestResult()->sent(),
                 qPrintable(describe(dialog)));
        QTRY_COMPARE(server.messages().size(), 1);

        // A recipient the server does not know.
        dialog.setTestRecipient(ghost);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(waitForTest(dialog));
        QVERIFY(dialog.lastTestResult() && !dialog.lastTestResult()->sent());
        QCOMPARE(dialog.lastTestResult()->stage, SendResult::Stage::Recipient);
        QVERIFY2(dialog.testResultText().contains(QLatin1String("550 5.1.1")),
                 qPrintable(describe(dialog)));
        QVERIFY2(dialog.testResultText().contains(QLatin1String("User unknown")),
                 qPrintable(describe(dialog)));
        QCOMPARE(dialog.focusWidget(), dialog.testRecipientEdit());
        QCOMPARE(server.messages().size(), 1);
    }

    void closedPortSaysSoAndTheDialogStaysUsable()
    {
        const quint16 port = freePort();
        QVERIFY(port > 0);
        MailSettingsDialog dialog(*m_settings, nullptr);
        show(dialog);
        describeSmtp(dialog, QStringLiteral("127.0.0.1"), port, Security::None);
        dialog.setTestRecipient(Recipient);

        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(dialog.isTesting()); // the click did not wait for the refusal
        QVERIFY(waitForTest(dialog));
        QVERIFY(dialog.lastTestResult() && !dialog.lastTestResult()->sent());
        QCOMPARE(dialog.lastTestResult()->stage, SendResult::Stage::Connection);
        QVERIFY2(
                dialog.testResultText().contains(
                        QStringLiteral("Cannot connect to the mail server 127.0.0.1:%1").arg(port)),
                qPrintable(describe(dialog)));
        QVERIFY(dialog.testResultBar()->isVisible());

        // Everything typed is there, every field works, the host is ready to be corrected.
        QCOMPARE(dialog.hostEdit()->text(), QStringLiteral("127.0.0.1"));
        QCOMPARE(dialog.portSpin()->value(), int(port));
        QCOMPARE(dialog.senderAddressEdit()->text(), Sender);
        QVERIFY(dialog.hostEdit()->isEnabled());
        QVERIFY(dialog.testButton()->isEnabled());
        QVERIFY(dialog.okButton()->isEnabled());
        QCOMPARE(dialog.focusWidget(), dialog.hostEdit());
        QVERIFY(dialog.isVisible());
        QCOMPARE(m_settings->value(Key::MailTransport).toString(), QStringLiteral("none"));
    }

    void silentServerTimesOutWhileTheWindowKeepsResponding()
    {
        SmtpTestServer server(m_dir->path());
        QString error;
        QVERIFY2(server.start({QStringLiteral("--mute")}, &error), qPrintable(error));
        MailSettingsDialog dialog(*m_settings, nullptr);
        dialog.setTestTimeout(1500);
        show(dialog);
        describeSmtp(dialog, QStringLiteral("127.0.0.1"), server.port(), Security::None);
        dialog.setTestRecipient(Recipient);

        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(50);
        QObject::connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
        ticker.start();
        QElapsedTimer elapsed;
        elapsed.start();
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(dialog.isTesting()); // the click returned before the server's silence ended
        QVERIFY(waitForTest(dialog, 15'000));
        QVERIFY2(elapsed.elapsed() >= 1400, qPrintable(QString::number(elapsed.elapsed())));
        QVERIFY2(ticks >= 10, qPrintable(QStringLiteral("%1 ticks").arg(ticks)));

        QVERIFY(dialog.lastTestResult() && !dialog.lastTestResult()->sent());
        QVERIFY(dialog.lastTestResult()->temporary());
        QVERIFY2(dialog.testResultText().contains(QLatin1String("did not answer within")),
                 qPrintable(describe(dialog)));
        QVERIFY(dialog.testButton()->isEnabled());
    }

    void stopEndsTheWaitAtOnce()
    {
        SmtpTestServer server(m_dir->path());
        QString error;
        QVERIFY2(server.start({QStringLiteral("--mute")}, &error), qPrintable(error));
        MailSettingsDialog dialog(*m_settings, nullptr);
        dialog.setTestTimeout(1500);
        show(dialog);
        describeSmtp(dialog, QStringLiteral("127.0.0.1"), server.port(), Security::None);
        dialog.setTestRecipient(Recipient);

        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_COMPARE(server.connections(), 1);
        QVERIFY(dialog.isTesting());
        QTest::mouseClick(dialog.stopTestButton(), Qt::LeftButton);
        QVERIFY(!dialog.isTesting());
        QVERIFY(dialog.testButton()->isEnabled());
        QVERIFY(dialog.hostEdit()->isEnabled());
        QVERIFY2(dialog.testResultText().contains(QLatin1String("stopped")),
                 qPrintable(describe(dialog)));
        const QString stopped = dialog.testResultText();
        // Past the timeout, no late answer replaces the message.
        QVERIFY(!QTest::qWaitFor(
                [&] { return dialog.lastTestResult() || dialog.testResultText() != stopped; },
                2500));
        QVERIFY(!dialog.lastTestResult());
        QCOMPARE(dialog.testResultText(), stopped);

        // Escape during a test stops the test, not the dialog.
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(dialog.isTesting());
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isTesting());
        QVERIFY(dialog.isVisible());
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void testMailIntoThePickupFolder()
    {
        const QString folder = m_dir->filePath(QStringLiteral("courriels sortants"));
        MailSettingsDialog dialog(*m_settings, nullptr);
        show(dialog);
        choose(dialog.transportBox(), int(Transport::PickupFolder));
        fill(dialog.pickupFolderEdit(), folder);
        fill(dialog.senderAddressEdit(), Sender);
        dialog.setTestRecipient(Recipient);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(waitForTest(dialog));
        QVERIFY2(dialog.lastTestResult() && dialog.lastTestResult()->sent(),
                 qPrintable(describe(dialog)));
        QVERIFY2(dialog.testResultText().contains(QLatin1String("folder")),
                 qPrintable(describe(dialog)));
        const QStringList files = QDir(folder).entryList({QStringLiteral("*.eml")}, QDir::Files);
        QCOMPARE(files.size(), 1);
        QString error;
        const QJsonObject parsed = parseMailFile(QDir(folder).filePath(files.first()), &error);
        QVERIFY2(!parsed.isEmpty(), qPrintable(error));
        QCOMPARE(headerValue(parsed, QStringLiteral("Subject")), TestSubject);
    }

    // On PostgreSQL the database names the sender: the workstation may leave it empty, the
    // dialog says why, and the test mail still goes, signed as the platform would sign it.
    void senderKeptByTheDatabaseMayStayEmpty()
    {
        const QString folder = m_dir->filePath(QStringLiteral("courriels du poste"));
        MailSettingsDialog dialog(*m_settings, nullptr);
        dialog.setSenderKeptByDatabase(true);
        show(dialog);
        auto *note = dialog.findChild<QLabel *>(QStringLiteral("senderKeptByDatabase"));
        QVERIFY(note && note->isVisible());
        QVERIFY(note->text().contains(QLatin1String("mail-policy")));
        QVERIFY(!dialog.moderatorsAddressEdit()->isVisible());
        choose(dialog.transportBox(), int(Transport::PickupFolder));
        fill(dialog.pickupFolderEdit(), folder);
        fill(dialog.senderAddressEdit(), QString());
        dialog.setTestRecipient(Recipient);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(waitForTest(dialog));
        QVERIFY2(dialog.lastTestResult() && dialog.lastTestResult()->sent(),
                 qPrintable(describe(dialog)));
        // A wrong address is still wrong; an empty one is saved.
        fill(dialog.senderAddressEdit(), QStringLiteral("pas une adresse"));
        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QVERIFY(!dialog.fieldError(QStringLiteral("sender")).isEmpty());
        QSignalSpy saved(&dialog, &MailSettingsDialog::settingsSaved);
        fill(dialog.senderAddressEdit(), QString());
        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void testNeedsATestAddressAndValidSettings()
    {
        SmtpTestServer server(m_dir->path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        MailSettingsDialog dialog(*m_settings, nullptr);
        show(dialog);
        describeSmtp(dialog, QStringLiteral("127.0.0.1"), server.port(), Security::None);

        // No address to send it to.
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(!dialog.isTesting());
        QVERIFY(!dialog.fieldError(QStringLiteral("testRecipient")).isEmpty());
        QCOMPARE(dialog.focusWidget(), dialog.testRecipientEdit());

        // An address with a space in it.
        dialog.setTestRecipient(QStringLiteral("marie dupont@agglo-chatellerault.fr"));
        QVERIFY(dialog.fieldError(QStringLiteral("testRecipient")).isEmpty());
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(!dialog.isTesting());
        QVERIFY(!dialog.fieldError(QStringLiteral("testRecipient")).isEmpty());

        // A sender the settings would refuse: the test is refused the same way.
        dialog.setTestRecipient(Recipient);
        fill(dialog.senderAddressEdit(), QStringLiteral("collectiv-recup"));
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QVERIFY(!dialog.isTesting());
        QVERIFY(dialog.fieldError(QStringLiteral("testRecipient")).isEmpty());
        QVERIFY(!dialog.fieldError(QStringLiteral("sender")).isEmpty());
        QVERIFY(!dialog.testResultText().isEmpty());
        QVERIFY(!QTest::qWaitFor([&] { return server.connections() > 0; }, 200));
        QCOMPARE(server.connections(), 0);

        // Return in the address field sends the test; it does not press OK.
        fill(dialog.senderAddressEdit(), Sender);
        QVERIFY(dialog.fieldError(QStringLiteral("sender")).isEmpty());
        dialog.testRecipientEdit()->setFocus();
        QTest::keyClick(dialog.testRecipientEdit(), Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.isTesting());
        QVERIFY(waitForTest(dialog));
        QVERIFY2(dialog.lastTestResult() && dialog.lastTestResult()->sent(),
                 qPrintable(describe(dialog)));
        QTRY_COMPARE(server.messages().size(), 1);
        QCOMPARE(m_settings->value(Key::MailTransport).toString(), QStringLiteral("none"));
    }

    void invalidFieldsAreNamedAndNothingIsSaved_data()
    {
        QTest::addColumn<int>("transport");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("sender");
        QTest::addColumn<QString>("moderators");
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("says");

        const int smtp = int(Transport::Smtp);
        const QString host = QStringLiteral("smtp.agglo.local");
        QTest::newRow("SMTP server left empty")
                << smtp << QString() << 587 << Sender << QString() << QString()
                << QStringLiteral("smtpHost") << QStringLiteral("Give the name or address");
        QTest::newRow("SMTP server typed as a URL with a port")
                << smtp << QStringLiteral("smtp://smtp.agglo.local:25") << 587 << Sender
                << QString() << QString() << QStringLiteral("smtpHost")
                << QStringLiteral("is not a server name");
        QTest::newRow("port zero")
                << smtp << host << 0 << Sender << QString() << QString()
                << QStringLiteral("smtpPort") << QStringLiteral("between 1 and 65535");
        QTest::newRow("sender address left empty")
                << smtp << host << 587 << QString() << QString() << QString()
                << QStringLiteral("sender") << QStringLiteral("sent from");
        QTest::newRow("sender address without a domain")
                << smtp << host << 587 << QStringLiteral("collectiv-recup") << QString()
                << QString() << QStringLiteral("sender") << QString();
        QTest::newRow("moderators' address with a space")
                << smtp << host << 587 << Sender << QStringLiteral("moderation @agglo.local")
                << QString() << QStringLiteral("moderatorsAddress") << QString();
        QTest::newRow("folder given as a relative path")
                << int(Transport::PickupFolder) << QString() << 587 << Sender << QString()
                << QStringLiteral("courriels") << QStringLiteral("pickupFolder")
                << QStringLiteral("full path");
    }

    void invalidFieldsAreNamedAndNothingIsSaved()
    {
        QFETCH(int, transport);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, sender);
        QFETCH(QString, moderators);
        QFETCH(QString, folder);
        QFETCH(QString, field);
        QFETCH(QString, says);

        MailSettingsDialog dialog(*m_settings, nullptr);
        show(dialog);
        QSignalSpy saved(&dialog, &MailSettingsDialog::settingsSaved);
        choose(dialog.transportBox(), transport);
        if (transport == int(Transport::Smtp)) {
            fill(dialog.hostEdit(), host);
            dialog.portSpin()->setValue(port);
            fill(dialog.userEdit(), QStringLiteral("relais"));
            fill(dialog.passwordEdit(), QStringLiteral("Ré-emploi 2026"));
        } else {
            fill(dialog.pickupFolderEdit(), folder);
        }
        fill(dialog.senderAddressEdit(), sender);
        fill(dialog.moderatorsAddressEdit(), moderators);
        const MailSettings typed = dialog.mailSettings();

        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.result() != QDialog::Accepted);
        QCOMPARE(saved.size(), 0);
        const QString message = dialog.fieldError(field);
        QVERIFY2(!message.isEmpty(), qPrintable(field));
        if (!says.isEmpty())
            QVERIFY2(message.contains(says), qPrintable(message));
        auto *label = dialog.findChild<QLabel *>(QStringLiteral("error_") + field);
        QVERIFY(label);
        QVERIFY(label->isVisible());
        QVERIFY(!dialog.errorText().isEmpty());
        // Only the refused field says something.
        for (const QString &other : {QStringLiteral("smtpHost"),
                                     QStringLiteral("smtpPort"),
                                     QStringLiteral("sender"),
                                     QStringLiteral("moderatorsAddress"),
                                     QStringLiteral("pickupFolder")}) {
            if (other != field)
                QVERIFY2(dialog.fieldError(other).isEmpty(), qPrintable(other));
        }

        // Nothing saved, nothing lost.
        QCOMPARE(m_settings->value(Key::MailTransport).toString(), QStringLiteral("none"));
        QVERIFY(m_settings->value(Key::MailSenderAddress).toString().isEmpty());
        QVERIFY(m_settings->value(Key::MailSmtpHost).toString().isEmpty());
        const MailSettings after = dialog.mailSettings();
        QCOMPARE(after.transport, typed.transport);
        QCOMPARE(after.smtp.host, typed.smtp.host);
        QCOMPARE(after.smtp.port, typed.smtp.port);
        QCOMPARE(after.smtp.user, typed.smtp.user);
        QCOMPARE(after.smtp.password, typed.smtp.password);
        QCOMPARE(after.sender.address, typed.sender.address);
        QCOMPARE(after.moderatorsAddress, typed.moderatorsAddress);
        QCOMPARE(after.pickupFolder, typed.pickupFolder);

        // Corrected, it saves.
        fill(dialog.hostEdit(), QStringLiteral("smtp.agglo.local"));
        dialog.portSpin()->setValue(587);
        fill(dialog.senderAddressEdit(), Sender);
        fill(dialog.moderatorsAddressEdit(), QString());
        fill(dialog.pickupFolderEdit(), m_dir->filePath(QStringLiteral("courriels")));
        QVERIFY2(dialog.fieldError(field).isEmpty(), "a corrected field says nothing more");
        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(saved.size(), 1);
        QCOMPARE(m_settings->value(Key::MailSenderAddress).toString(), Sender);
    }

    void valuesRoundTripThroughTheSettingsFile()
    {
        const QString folder = m_dir->filePath(QStringLiteral("courriels"));
        {
            MailSettingsDialog dialog(*m_settings, nullptr);
            show(dialog);
            QSignalSpy saved(&dialog, &MailSettingsDialog::settingsSaved);
            // A folder typed while trying the folder transport is kept when SMTP is chosen.
            choose(dialog.transportBox(), int(Transport::PickupFolder));
            fill(dialog.pickupFolderEdit(), folder);
            describeSmtp(dialog, QStringLiteral("smtp.agglo-chatellerault.fr"), 0, Security::Tls);
            QVERIFY(!dialog.pickupFolderEdit()->isEnabled());
            QCOMPARE(dialog.portSpin()->value(), 465);
            dialog.portSpin()->setValue(2465);
            fill(dialog.userEdit(), QStringLiteral("relais-recup"));
            fill(dialog.passwordEdit(), QStringLiteral("Ré-emploi 2026"));
            fill(dialog.caFileEdit(), m_cert);
            tick(dialog.ignoreCertificateErrorsCheck());
            fill(dialog.moderatorsAddressEdit(),
                 QStringLiteral("moderation@agglo-chatellerault.fr"));
            QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QCOMPARE(saved.size(), 1);
            const auto emitted = saved.first().first().value<MailSettings>();
            QCOMPARE(emitted.smtp.host, QStringLiteral("smtp.agglo-chatellerault.fr"));
            QCOMPARE(emitted.smtp.password, QStringLiteral("Ré-emploi 2026"));
            QCOMPARE(dialog.mailSettings().smtp.password, QStringLiteral("Ré-emploi 2026"));
        }
        m_settings.reset();

        // Another start of the application reads the same file.
        m_settings = std::make_unique<AppSettings>(m_ini);
        const MailSettings loaded = MailSettings::load(*m_settings);
        QCOMPARE(loaded.transport, Transport::Smtp);
        QCOMPARE(loaded.smtp.host, QStringLiteral("smtp.agglo-chatellerault.fr"));
        QCOMPARE(loaded.smtp.port, quint16(2465));
        QCOMPARE(loaded.smtp.security, Security::Tls);
        QCOMPARE(loaded.smtp.user, QStringLiteral("relais-recup"));
        QCOMPARE(loaded.smtp.caFile, m_cert);
        QVERIFY(loaded.smtp.ignoreCertificateErrors);
        QCOMPARE(loaded.sender.address, Sender);
        QCOMPARE(loaded.sender.name, SenderName);
        QCOMPARE(loaded.moderatorsAddress, QStringLiteral("moderation@agglo-chatellerault.fr"));
        QCOMPARE(loaded.pickupFolder, folder);
        QFile ini(m_ini);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY2(!ini.readAll().contains("emploi 2026"), "the password never reaches the file");

        MailSettingsDialog again(*m_settings, nullptr);
        show(again);
        QCOMPARE(again.transportBox()->currentData().toInt(), int(Transport::Smtp));
        QCOMPARE(again.hostEdit()->text(), QStringLiteral("smtp.agglo-chatellerault.fr"));
        QCOMPARE(again.portSpin()->value(), 2465);
        QCOMPARE(again.securityBox()->currentData().toInt(), int(Security::Tls));
        QCOMPARE(again.userEdit()->text(), QStringLiteral("relais-recup"));
        QCOMPARE(again.caFileEdit()->text(), m_cert);
        QVERIFY(again.ignoreCertificateErrorsCheck()->isChecked());
        QVERIFY(again.certificateWarning()->isVisible());
        QCOMPARE(again.senderAddressEdit()->text(), Sender);
        QCOMPARE(again.senderNameEdit()->text(), SenderName);
        QCOMPARE(again.moderatorsAddressEdit()->text(),
                 QStringLiteral("moderation@agglo-chatellerault.fr"));
        QCOMPARE(QDir::fromNativeSeparators(again.pickupFolderEdit()->text()), folder);
        QVERIFY(again.passwordEdit()->text().isEmpty()); // no safe given: nothing to read
    }

    void securityChangeMovesADefaultPortOnly()
    {
        MailSettingsDialog dialog(*m_settings, nullptr);
        show(dialog);
        choose(dialog.transportBox(), int(Transport::Smtp));
        QCOMPARE(dialog.securityBox()->currentData().toInt(), int(Security::StartTls));
        QCOMPARE(dialog.portSpin()->value(), 587);
        choose(dialog.securityBox(), int(Security::Tls));
        QCOMPARE(dialog.portSpin()->value(), 465);
        choose(dialog.securityBox(), int(Security::None));
        QCOMPARE(dialog.portSpin()->value(), 25);
        choose(dialog.securityBox(), int(Security::StartTls));
        QCOMPARE(dialog.portSpin()->value(), 587);

        // A port of the administrator's own stays whatever the mode.
        dialog.portSpin()->setValue(2525);
        choose(dialog.securityBox(), int(Security::Tls));
        QCOMPARE(dialog.portSpin()->value(), 2525);
        choose(dialog.securityBox(), int(Security::None));
        QCOMPARE(dialog.portSpin()->value(), 2525);

        // Even one that is another mode's default.
        dialog.portSpin()->setValue(587);
        choose(dialog.securityBox(), int(Security::Tls));
        QCOMPARE(dialog.portSpin()->value(), 587);
    }

    void onlyTheChosenTransportsFieldsAreEnabled()
    {
        MailSettingsDialog dialog(*m_settings, nullptr);
        show(dialog);

        // Nothing sent from here: no server, no folder, no test; who the mails come from stays.
        QCOMPARE(dialog.transportBox()->currentData().toInt(), int(Transport::None));
        QVERIFY(!dialog.hostEdit()->isEnabled());
        QVERIFY(!dialog.portSpin()->isEnabled());
        QVERIFY(!dialog.passwordEdit()->isEnabled());
        QVERIFY(!dialog.pickupFolderEdit()->isEnabled());
        QVERIFY(!dialog.testButton()->isEnabled());
        QVERIFY(dialog.senderAddressEdit()->isEnabled());
        QVERIFY(dialog.moderatorsAddressEdit()->isEnabled());

        choose(dialog.transportBox(), int(Transport::Smtp));
        QVERIFY(dialog.hostEdit()->isEnabled());
        QVERIFY(dialog.portSpin()->isEnabled());
        QVERIFY(dialog.userEdit()->isEnabled());
        QVERIFY(dialog.passwordEdit()->isEnabled());
        QVERIFY(dialog.caFileEdit()->isEnabled());
        QVERIFY(!dialog.pickupFolderEdit()->isEnabled());
        QVERIFY(dialog.testButton()->isEnabled());

        // Without encryption, no certificate to trust or to ignore.
        choose(dialog.securityBox(), int(Security::None));
        QVERIFY(!dialog.caFileEdit()->isEnabled());
        QVERIFY(!dialog.ignoreCertificateErrorsCheck()->isEnabled());
        choose(dialog.securityBox(), int(Security::Tls));
        QVERIFY(dialog.caFileEdit()->isEnabled());
        QVERIFY(dialog.ignoreCertificateErrorsCheck()->isEnabled());

        choose(dialog.transportBox(), int(Transport::PickupFolder));
        QVERIFY(!dialog.hostEdit()->isEnabled());
        QVERIFY(!dialog.passwordEdit()->isEnabled());
        QVERIFY(dialog.pickupFolderEdit()->isEnabled());
        QVERIFY(dialog.testButton()->isEnabled());
    }

    void passwordWithoutASafeIsKeptForThisSessionOnly_data()
    {
        QTest::addColumn<bool>("withStore");
        QTest::newRow("no password safe given") << false;
        QTest::newRow("the system's password safe, as this machine has it") << true;
    }

    void passwordWithoutASafeIsKeptForThisSessionOnly()
    {
        QFETCH(bool, withStore);
        std::unique_ptr<PasswordStore> store;
        if (withStore) {
            store = std::make_unique<PasswordStore>(
                    QStringLiteral("collectiv-recup-test-%1")
                            .arg(QCoreApplication::applicationPid()));
        }
        MailSettingsDialog dialog(*m_settings, store.get());
        show(dialog);
        if (store) {
            QTRY_VERIFY_WITH_TIMEOUT(store->isProbed(), 20000);
            if (store->available())
                QSKIP("a password safe answers here: this row is about computers without one");
        }
        choose(dialog.transportBox(), int(Transport::Smtp));
        QVERIFY(!dialog.rememberCheck()->isVisible());
        QVERIFY(dialog.rememberNote()->isVisible());
        QVERIFY2(dialog.rememberNote()->text().contains(
                         QLatin1String("only until the application closes")),
                 qPrintable(dialog.rememberNote()->text()));

        QSignalSpy saved(&dialog, &MailSettingsDialog::settingsSaved);
        fill(dialog.hostEdit(), QStringLiteral("smtp.agglo.local"));
        fill(dialog.userEdit(), QStringLiteral("relais"));
        fill(dialog.passwordEdit(), QStringLiteral("Ré-emploi 2026"));
        fill(dialog.senderAddressEdit(), Sender);
        QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        // The application gets the password for this session; the file never does.
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().first().value<MailSettings>().smtp.password,
                 QStringLiteral("Ré-emploi 2026"));
        QCOMPARE(dialog.mailSettings().smtp.password, QStringLiteral("Ré-emploi 2026"));
        m_settings->sync();
        QFile ini(m_ini);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains("emploi 2026"));

        // Opened again in the same session, the application hands the password back.
        MailSettingsDialog again(*m_settings, store.get());
        again.setPassword(QStringLiteral("Ré-emploi 2026"));
        show(again);
        QCOMPARE(again.passwordEdit()->text(), QStringLiteral("Ré-emploi 2026"));
        QCOMPARE(again.mailSettings().smtp.password, QStringLiteral("Ré-emploi 2026"));
    }

    void passwordIsRememberedInTheSafeWhenOneAnswers()
    {
        PasswordStore store(
                QStringLiteral("collectiv-recup-test-%1").arg(QCoreApplication::applicationPid()));
        store.probe();
        QTRY_VERIFY_WITH_TIMEOUT(store.isProbed(), 20000);
        if (!store.available())
            QSKIP("no password safe on this machine (no Secret Service): see the row above");

        QString profile;
        {
            MailSettingsDialog dialog(*m_settings, &store);
            show(dialog);
            choose(dialog.transportBox(), int(Transport::Smtp));
            QVERIFY(dialog.rememberCheck()->isVisible());
            QVERIFY(dialog.rememberCheck()->isEnabled());
            QVERIFY(!dialog.rememberNote()->isVisible());
            fill(dialog.hostEdit(), QStringLiteral("smtp.agglo.local"));
            fill(dialog.userEdit(), QStringLiteral("relais"));
            fill(dialog.passwordEdit(), QStringLiteral("Ré-emploi 2026"));
            fill(dialog.senderAddressEdit(), Sender);
            if (!dialog.rememberCheck()->isChecked())
                tick(dialog.rememberCheck());
            QSignalSpy written(&store, &PasswordStore::passwordWritten);
            QTest::mouseClick(dialog.okButton(), Qt::LeftButton);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 20000);
            QVERIFY(written.first().at(2).toBool());
            profile = dialog.mailSettings().keychainProfile();
        }
        MailSettingsDialog again(*m_settings, &store);
        show(again);
        QTRY_COMPARE_WITH_TIMEOUT(
                again.passwordEdit()->text(), QStringLiteral("Ré-emploi 2026"), 20000);

        // Unticked: the safe forgets it.
        tick(again.rememberCheck());
        QSignalSpy removed(&store, &PasswordStore::passwordRemoved);
        QTest::mouseClick(again.okButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 20000);
        QSignalSpy notFound(&store, &PasswordStore::passwordNotFound);
        store.read(profile, QStringLiteral("relais"));
        QTRY_COMPARE_WITH_TIMEOUT(notFound.size(), 1, 20000);
    }

private:
    void describeSmtp(MailSettingsDialog &dialog, const QString &host, int port, Security security)
    {
        choose(dialog.transportBox(), int(Transport::Smtp));
        choose(dialog.securityBox(), int(security));
        fill(dialog.hostEdit(), host);
        if (port > 0)
            dialog.portSpin()->setValue(port);
        fill(dialog.senderAddressEdit(), Sender);
        fill(dialog.senderNameEdit(), SenderName);
    }

    QTemporaryDir m_certDir;
    QString m_cert;
    QString m_key;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ini;
    std::unique_ptr<AppSettings> m_settings;
};

QTEST_MAIN(TestMailSettingsDialog)
#include "tst_mailsettingsdialog.moc"
