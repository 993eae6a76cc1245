// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The mail settings as the administrator leaves them in the "mail/" keys: what an empty
// configuration means, what survives a save and a load, which fields stop mail from going out
// and why, where the SMTP password lives in the password safe, and which transport they make.
#include "mail/MailSettings.h"
#include "mail/PickupFolderTransport.h"
#include "mail/SmtpTransport.h"
#include "settings/AppSettings.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;

namespace {

using Transport = MailSettings::Transport;
using Security = SmtpSettings::Security;

MailSettings completeSmtp()
{
    MailSettings mail;
    mail.transport = Transport::Smtp;
    mail.smtp.host = QStringLiteral("smtp.agglo-chatellerault.fr");
    mail.smtp.port = 587;
    mail.smtp.security = Security::StartTls;
    mail.smtp.user = QStringLiteral("collectiv-recup");
    mail.sender = {QStringLiteral("collectiv-recup@agglo-chatellerault.fr"),
                   QStringLiteral("Collectiv'Récup — Agglomération")};
    return mail;
}

QStringList refusedFields(const Status &status)
{
    QStringList fields;
    if (!status)
        for (const auto &[field, message] : status.error().fields)
            fields.append(field);
    return fields;
}

QString messageFor(const Status &status, const QString &field)
{
    if (!status)
        for (const auto &[name, message] : status.error().fields)
            if (name == field)
                return message;
    return {};
}

} // namespace

class TestMailSettings : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_ini = m_dir->filePath(QStringLiteral("recup.ini"));
    }

    void emptyConfigurationSendsNothing()
    {
        AppSettings settings(m_ini);
        const MailSettings mail = MailSettings::load(settings);
        QCOMPARE(mail.transport, Transport::None);
        QCOMPARE(mail.smtp.security, Security::StartTls);
        QCOMPARE(mail.smtp.port, quint16(587));
        QVERIFY(mail.smtp.host.isEmpty());
        QVERIFY(mail.smtp.password.isEmpty());
        QVERIFY(!mail.smtp.ignoreCertificateErrors);
        QVERIFY(mail.sender.address.isEmpty());
        QCOMPARE(mail.sender.name, QStringLiteral("Collectiv'Récup"));
        QVERIFY(mail.moderatorsAddress.isEmpty());
        QVERIFY(!mail.makeTransport());
        QVERIFY2(mail.validate(), "nothing sent from here: nothing to complete");
    }

    void savedSettingsComeBackAsTheyWere()
    {
        MailSettings mail = completeSmtp();
        mail.smtp.security = Security::Tls;
        mail.smtp.port = 2465;
        mail.smtp.password = QStringLiteral("Ré-emploi 2026!");
        mail.smtp.caFile = m_dir->filePath(QStringLiteral("autorité de certification.pem"));
        mail.smtp.ignoreCertificateErrors = true;
        mail.pickupFolder = m_dir->filePath(QStringLiteral("courriels sortants"));
        mail.moderatorsAddress = QStringLiteral("moderation@agglo-chatellerault.fr");
        {
            AppSettings settings(m_ini);
            mail.save(settings);
            settings.sync();
        }
        AppSettings reopened(m_ini);
        const MailSettings loaded = MailSettings::load(reopened);
        QCOMPARE(loaded.transport, Transport::Smtp);
        QCOMPARE(loaded.smtp.host, mail.smtp.host);
        QCOMPARE(loaded.smtp.port, quint16(2465));
        QCOMPARE(loaded.smtp.security, Security::Tls);
        QCOMPARE(loaded.smtp.user, mail.smtp.user);
        QCOMPARE(loaded.smtp.caFile, mail.smtp.caFile);
        QVERIFY(loaded.smtp.ignoreCertificateErrors);
        QCOMPARE(loaded.pickupFolder, mail.pickupFolder);
        QCOMPARE(loaded.sender, mail.sender);
        QCOMPARE(loaded.moderatorsAddress, mail.moderatorsAddress);

        // The password never reaches the file.
        QVERIFY(loaded.smtp.password.isEmpty());
        QFile file(m_ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray ini = file.readAll();
        QVERIFY(!ini.contains("emploi 2026"));
        QVERIFY(!ini.contains("Ré-emploi 2026!"));
    }

    void spacesAroundValuesAreNotKept()
    {
        MailSettings mail = completeSmtp();
        mail.smtp.host = QStringLiteral("  smtp.agglo.local \t");
        mail.sender.address = QStringLiteral(" collectiv-recup@agglo.local ");
        {
            AppSettings settings(m_ini);
            mail.save(settings);
        }
        AppSettings reopened(m_ini);
        const MailSettings loaded = MailSettings::load(reopened);
        QCOMPARE(loaded.smtp.host, QStringLiteral("smtp.agglo.local"));
        QCOMPARE(loaded.sender.address, QStringLiteral("collectiv-recup@agglo.local"));
    }

    void defaultPortFollowsTheSecurityMode_data()
    {
        QTest::addColumn<int>("security");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("storedPort");
        QTest::newRow("STARTTLS on 587 is stored as the mode's default")
                << int(Security::StartTls) << 587 << 0;
        QTest::newRow("TLS on 465 is stored as the mode's default")
                << int(Security::Tls) << 465 << 0;
        QTest::newRow("plain on 25 is stored as the mode's default")
                << int(Security::None) << 25 << 0;
        QTest::newRow("STARTTLS on 2525 keeps its own port")
                << int(Security::StartTls) << 2525 << 2525;
        QTest::newRow("TLS on 587 keeps its own port") << int(Security::Tls) << 587 << 587;
    }

    void defaultPortFollowsTheSecurityMode()
    {
        QFETCH(int, security);
        QFETCH(int, port);
        QFETCH(int, storedPort);
        MailSettings mail = completeSmtp();
        mail.smtp.security = Security(security);
        mail.smtp.port = quint16(port);
        {
            AppSettings settings(m_ini);
            mail.save(settings);
            settings.sync();
        }
        QSettings raw(m_ini, QSettings::IniFormat);
        QCOMPARE(raw.value(QStringLiteral("mail/smtpPort")).toInt(), storedPort);
        AppSettings reopened(m_ini);
        QCOMPARE(MailSettings::load(reopened).smtp.port, quint16(port));
    }

    void unknownValuesFallBackToSafeOnes()
    {
        {
            QSettings raw(m_ini, QSettings::IniFormat);
            raw.setValue(QStringLiteral("mail/transport"), QStringLiteral("pigeon"));
            raw.setValue(QStringLiteral("mail/smtpSecurity"), QStringLiteral("sslv3"));
            raw.setValue(QStringLiteral("mail/smtpPort"), 70000);
        }
        AppSettings settings(m_ini);
        const MailSettings mail = MailSettings::load(settings);
        QCOMPARE(mail.transport, Transport::None);
        QCOMPARE(mail.smtp.security, Security::StartTls);
        QCOMPARE(mail.smtp.port, quint16(587));
    }

    void keysAreReadWhateverTheirCase()
    {
        {
            QSettings raw(m_ini, QSettings::IniFormat);
            raw.setValue(QStringLiteral("mail/transport"), QStringLiteral(" SMTP "));
            raw.setValue(QStringLiteral("mail/smtpSecurity"), QStringLiteral("TLS"));
        }
        AppSettings settings(m_ini);
        const MailSettings mail = MailSettings::load(settings);
        QCOMPARE(mail.transport, Transport::Smtp);
        QCOMPARE(mail.smtp.security, Security::Tls);
        QCOMPARE(mail.smtp.port, quint16(465));
    }

    void validate_data()
    {
        QTest::addColumn<int>("transport");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("sender");
        QTest::addColumn<QString>("moderators");
        QTest::addColumn<QStringList>("refused");
        QTest::addColumn<QString>("says"); // part of the first refused field's message

        const QString host = QStringLiteral("smtp.agglo.local");
        const QString sender = QStringLiteral("collectiv-recup@agglo.local");
        const QString folder = QDir::temp().filePath(QStringLiteral("courriels"));
        const int smtp = int(Transport::Smtp);
        const int pickup = int(Transport::PickupFolder);
        const int none = int(Transport::None);

        QTest::newRow("complete SMTP settings") << smtp << host << 587 << QString() << sender
                                                << QString() << QStringList() << QString();
        QTest::newRow("complete folder settings") << pickup << QString() << 0 << folder << sender
                                                  << QString() << QStringList() << QString();
        QTest::newRow("nothing sent from here needs neither server nor sender")
                << none << QString() << 0 << QString() << QString() << QString() << QStringList()
                << QString();
        QTest::newRow("SMTP server without a name")
                << smtp << QStringLiteral("   ") << 587 << QString() << sender << QString()
                << QStringList{QStringLiteral("smtpHost")} << QStringLiteral("SMTP server");
        QTest::newRow("SMTP server written as an address with a scheme")
                << smtp << QStringLiteral("smtp://smtp.agglo.local") << 587 << QString() << sender
                << QString() << QStringList{QStringLiteral("smtpHost")}
                << QStringLiteral("not a server name");
        QTest::newRow("SMTP server with its port glued on")
                << smtp << QStringLiteral("smtp.agglo.local:25") << 587 << QString() << sender
                << QString() << QStringList{QStringLiteral("smtpHost")}
                << QStringLiteral("without \"smtp://\" or a port");
        QTest::newRow("SMTP port zero")
                << smtp << host << 0 << QString() << sender << QString()
                << QStringList{QStringLiteral("smtpPort")} << QStringLiteral("between 1 and 65535");
        QTest::newRow("sending without a sender address")
                << smtp << host << 587 << QString() << QString() << QString()
                << QStringList{QStringLiteral("sender")} << QStringLiteral("sent from");
        QTest::newRow("sender address that is not one")
                << pickup << QString() << 0 << folder << QStringLiteral("collectiv recup")
                << QString() << QStringList{QStringLiteral("sender")} << QString();
        QTest::newRow("sender address with a line break (header injection)")
                << smtp << host << 587 << QString()
                << QStringLiteral("a@agglo.local\r\nBcc: everyone@agglo.local") << QString()
                << QStringList{QStringLiteral("sender")} << QString();
        QTest::newRow("folder not given")
                << pickup << QString() << 0 << QString() << sender << QString()
                << QStringList{QStringLiteral("pickupFolder")}
                << QStringLiteral("Choose the folder");
        QTest::newRow("folder given as a relative path")
                << pickup << QString() << 0 << QStringLiteral("courriels") << sender << QString()
                << QStringList{QStringLiteral("pickupFolder")} << QStringLiteral("full path");
        QTest::newRow("moderators' address that is not one, even when nothing is sent")
                << none << QString() << 0 << QString() << QString()
                << QStringLiteral("moderation@@agglo.local")
                << QStringList{QStringLiteral("moderatorsAddress")} << QString();
        QTest::newRow("everything wrong at once: every field named")
                << smtp << QString() << 0 << QString() << QString() << QStringLiteral("x y")
                << QStringList{QStringLiteral("smtpHost"),
                               QStringLiteral("smtpPort"),
                               QStringLiteral("sender"),
                               QStringLiteral("moderatorsAddress")}
                << QStringLiteral("SMTP server");
    }

    void validate()
    {
        QFETCH(int, transport);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, folder);
        QFETCH(QString, sender);
        QFETCH(QString, moderators);
        QFETCH(QStringList, refused);
        QFETCH(QString, says);

        MailSettings mail;
        mail.transport = Transport(transport);
        mail.smtp.host = host;
        mail.smtp.port = quint16(port);
        mail.pickupFolder = folder;
        mail.sender.address = sender;
        mail.moderatorsAddress = moderators;
        const Status status = mail.validate();
        QCOMPARE(refusedFields(status), refused);
        QCOMPARE(status.ok(), refused.isEmpty());
        if (!status) {
            QCOMPARE(status.error().kind, Error::Kind::Invalid);
            QVERIFY(!status.error().message.isEmpty());
            for (const auto &[field, message] : status.error().fields)
                QVERIFY2(!message.trimmed().isEmpty(), qPrintable(field));
            if (!says.isEmpty())
                QVERIFY2(messageFor(status, refused.first()).contains(says),
                         qPrintable(messageFor(status, refused.first())));
        }
    }

    void keychainProfileNamesServerUserAndPort()
    {
        const MailSettings mail = completeSmtp();
        QCOMPARE(mail.keychainProfile(),
                 QStringLiteral("smtp://collectiv-recup@smtp.agglo-chatellerault.fr:587"));

        MailSettings otherUser = mail;
        otherUser.smtp.user = QStringLiteral("relais");
        MailSettings otherHost = mail;
        otherHost.smtp.host = QStringLiteral("smtp2.agglo-chatellerault.fr");
        MailSettings otherPort = mail;
        otherPort.smtp.port = 465;
        MailSettings otherPassword = mail;
        otherPassword.smtp.password = QStringLiteral("secret");
        QVERIFY(otherUser.keychainProfile() != mail.keychainProfile());
        QVERIFY(otherHost.keychainProfile() != mail.keychainProfile());
        QVERIFY(otherPort.keychainProfile() != mail.keychainProfile());
        QCOMPARE(otherPassword.keychainProfile(), mail.keychainProfile());
        QVERIFY(!mail.keychainProfile().contains(QLatin1String("secret")));
    }

    void eachTransportIsMadeFromItsSettings()
    {
        MailSettings mail = completeSmtp();
        mail.smtp.password = QStringLiteral("secret");
        mail.pickupFolder = m_dir->filePath(QStringLiteral("courriels"));

        std::unique_ptr<MailTransport> smtp = mail.makeTransport();
        auto *smtpTransport = qobject_cast<SmtpTransport *>(smtp.get());
        QVERIFY(smtpTransport);
        QCOMPARE(smtpTransport->settings().host, mail.smtp.host);
        QCOMPARE(smtpTransport->settings().port, mail.smtp.port);
        QCOMPARE(smtpTransport->settings().password, QStringLiteral("secret"));

        mail.transport = Transport::PickupFolder;
        std::unique_ptr<MailTransport> folder = mail.makeTransport();
        auto *folderTransport = qobject_cast<PickupFolderTransport *>(folder.get());
        QVERIFY(folderTransport);
        QCOMPARE(folderTransport->folder(), mail.pickupFolder);

        mail.transport = Transport::None;
        QVERIFY(!mail.makeTransport());
    }

    void keysRoundTrip()
    {
        for (const Security security : {Security::None, Security::StartTls, Security::Tls})
            QVERIFY(MailSettings::securityFromKey(MailSettings::toKey(security)) == security);
        for (const Transport transport :
             {Transport::None, Transport::Smtp, Transport::PickupFolder})
            QVERIFY(MailSettings::transportFromKey(MailSettings::toKey(transport)) == transport);
        QVERIFY(!MailSettings::securityFromKey(QStringLiteral("ssl")));
        QVERIFY(!MailSettings::transportFromKey(QStringLiteral("fax")));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ini;
};

QTEST_GUILESS_MAIN(TestMailSettings)
#include "tst_mailsettings.moc"
