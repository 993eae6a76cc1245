// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailTestSupport.h"
#include "mail/SmtpTransport.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestSmtpTransport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(makeCertificate(m_dir.path(), &m_cert, &m_key, &error), qPrintable(error));
    }

    void contactMailOverStartTlsWithLogin()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({QStringLiteral("--starttls"),
                               m_cert,
                               m_key,
                               QStringLiteral("--auth"),
                               QStringLiteral("relay:s3cret")},
                              &error),
                 qPrintable(error));
        SmtpSettings settings;
        settings.host = QStringLiteral("localhost");
        settings.port = server.port();
        settings.security = SmtpSettings::Security::StartTls;
        settings.caFile = m_cert;
        settings.user = QStringLiteral("relay");
        settings.password = QStringLiteral("s3cret");
        settings.timeoutMs = 10'000;
        SmtpTransport transport(settings);
        QList<std::pair<QString, SendResult>> results;
        connect(&transport,
                &MailTransport::finished,
                this,
                [&](const QString &id, const SendResult &result) {
                    results.append({id, result});
                });

        const MailMessage contact = frenchContactMessage();
        MailMessage notice = frenchContactMessage();
        notice.messageId.clear();
        notice.stamp();
        transport.send(contact);
        transport.send(notice);
        QVERIFY(results.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 2, 20'000);
        QCOMPARE(results[0].first, contact.messageId);
        QCOMPARE(results[1].first, notice.messageId);
        QVERIFY2(results[0].second.sent(), qPrintable(results[0].second.message));
        QVERIFY2(results[1].second.sent(), qPrintable(results[1].second.message));

        // Sent again (a retry): same Message-ID, same bytes.
        transport.send(contact);
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 20'000);
        QVERIFY(results[2].second.sent());
        QTRY_COMPARE(server.messages().size(), 3);
        const QList<SmtpTestServer::Received> received = server.messages();
        QCOMPARE(received[2].raw, received[0].raw);
        QVERIFY(received[1].raw != received[0].raw);

        for (const SmtpTestServer::Received &mail : received) {
            const QJsonObject parsed = parseMailFile(mail.file, &error);
            QVERIFY2(!parsed.isEmpty(), qPrintable(error));
            QCOMPARE(parsed.value(QLatin1String("defects")).toArray(), QJsonArray());
            QCOMPARE(headerValue(parsed, QStringLiteral("Subject")), contact.subject);
            QCOMPARE(mail.rcptTos, contact.envelopeRecipients());
            QCOMPARE(mail.mailFrom, contact.from.address);
        }
        QCOMPARE(headerValue(parseMailFile(received[0].file, &error), QStringLiteral("Message-ID")),
                 contact.messageId);
        QCOMPARE(headerValue(parseMailFile(received[2].file, &error), QStringLiteral("Message-ID")),
                 contact.messageId);
        QTRY_VERIFY(!transport.isBusy());
    }

    void messageThatCannotBeWrittenFailsLater()
    {
        SmtpSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = freePort();
        SmtpTransport transport(settings);
        QList<std::pair<QString, SendResult>> results;
        connect(&transport,
                &MailTransport::finished,
                this,
                [&](const QString &id, const SendResult &result) {
                    results.append({id, result});
                });
        MailMessage message = frenchContactMessage();
        message.to = {{QStringLiteral("marc@agglo.example>\r\nBcc: victim@example.org"), {}}};
        transport.send(message);
        QVERIFY(results.isEmpty());
        QTRY_COMPARE(results.size(), 1);
        QCOMPARE(results[0].first, message.messageId);
        QVERIFY(results[0].second.permanent());
        QCOMPARE(results[0].second.stage, SendResult::Stage::Composition);
        QVERIFY(!results[0].second.message.isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
};

QTEST_GUILESS_MAIN(TestSmtpTransport)
#include "tst_smtptransport.moc"
