// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailTestSupport.h"
#include "mail/MimeWriter.h"
#include "mail/SmtpClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Recup;
using namespace Recup::Testing;

Q_DECLARE_METATYPE(Recup::SmtpSettings::Security)

namespace {

// What one send() came back with, in the order finished() arrived.
struct Outcomes
{
    QList<std::pair<quint64, SendResult>> results;
    int idles = 0;

    void watch(SmtpClient &client)
    {
        QObject::connect(&client,
                         &SmtpClient::finished,
                         &client,
                         [this](quint64 ticket, const SendResult &result) {
                             results.append({ticket, result});
                         });
        QObject::connect(&client, &SmtpClient::idle, &client, [this] { ++idles; });
    }
    bool waitFor(int count, int timeoutMs = 20'000)
    {
        return QTest::qWaitFor([&] { return results.size() >= count && idles > 0; }, timeoutMs);
    }
    QString describe() const
    {
        QString text;
        for (const auto &[ticket, result] : results)
            text += QStringLiteral("#%1 status=%2 stage=%3 reply=[%4] %5\n")
                            .arg(ticket)
                            .arg(int(result.status))
                            .arg(int(result.stage))
                            .arg(result.serverReply, result.message);
        return text;
    }
};

const QString Sender = QStringLiteral("collectiv-recup@agglo.example");
const QStringList Recipients = {QStringLiteral("marc.durand@agglo.example"),
                                QStringLiteral("moderation@agglo.example"),
                                QStringLiteral("sophie.muller@agglo.example")};

QByteArray shortMessage(const QString &subject = QStringLiteral("Bureau à donner"))
{
    MailMessage message;
    message.from = {Sender, QStringLiteral("Collectiv'Récup")};
    message.to = {{Recipients[0], QStringLiteral("Marc Durand")}};
    message.cc = {{Recipients[1], {}}, {Recipients[2], QStringLiteral("Sophie Müller")}};
    message.subject = subject;
    message.textBody = QStringLiteral("Bonjour,\nun bureau vous attend.\n");
    message.stamp();
    return *MimeWriter().write(message);
}

SmtpSettings plainSettings(quint16 port)
{
    SmtpSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = port;
    settings.security = SmtpSettings::Security::None;
    settings.timeoutMs = 10'000;
    settings.heloName = QStringLiteral("poste-042.agglo.example");
    return settings;
}

} // namespace

class TestSmtpClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(makeCertificate(m_dir.path(), &m_cert, &m_key, &error), qPrintable(error));
    }

    void deliversToEveryRecipientOnAPlainConnection()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        SmtpClient client(plainSettings(server.port()));
        Outcomes outcomes;
        outcomes.watch(client);

        const MailMessage message = frenchContactMessage();
        const Result<RenderedMail> rendered = MimeWriter().render(message);
        QVERIFY(rendered.ok());
        const quint64 ticket
                = client.send(rendered->data, rendered->envelopeFrom, rendered->recipients);
        QVERIFY(outcomes.results.isEmpty()); // never from inside send()
        QVERIFY2(outcomes.waitFor(1), qPrintable(outcomes.describe()));
        QCOMPARE(outcomes.results.size(), 1);
        QCOMPARE(outcomes.results[0].first, ticket);
        const SendResult &result = outcomes.results[0].second;
        QVERIFY2(result.sent(), qPrintable(outcomes.describe()));
        QVERIFY(result.serverReply.startsWith(QLatin1String("250")));
        QVERIFY(!result.message.isEmpty());

        QTRY_COMPARE(server.messages().size(), 1);
        const SmtpTestServer::Received received = server.messages().constFirst();
        QCOMPARE(received.mailFrom, rendered->envelopeFrom);
        QCOMPARE(received.rcptTos, rendered->recipients);
        QCOMPARE(received.rcptTos.size(), 3);   // To and both Cc
        QCOMPARE(received.raw, rendered->data); // dot-stuffing undone by the server, byte for byte

        const QJsonObject parsed = parseMailFile(received.file, &error);
        QVERIFY2(!parsed.isEmpty(), qPrintable(error));
        QCOMPARE(headerValue(parsed, QStringLiteral("Subject")),
                 QStringLiteral("Armoire métallique à donner — Médiathèque"));
        QCOMPARE(parsed.value(QLatin1String("addresses"))
                         .toObject()
                         .value(QLatin1String("reply-to"))
                         .toArray()
                         .at(0)
                         .toArray()
                         .at(0)
                         .toString(),
                 QStringLiteral("Hélène Lefèvre-Dubœuf"));
        QCOMPARE(textPart(parsed, QStringLiteral("text/plain")), message.textBody);
        QCOMPARE(textPart(parsed, QStringLiteral("text/html")), message.htmlBody);
        QTRY_COMPARE(server.quits(), 1);
        QCOMPARE(server.connections(), 1);
        QVERIFY(!client.isBusy());
    }

    void dotStuffingKeepsEveryLine()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        SmtpClient client(plainSettings(server.port()));
        Outcomes outcomes;
        outcomes.watch(client);

        // Raw bytes, not through the writer: lines that only SMTP dot-stuffing protects.
        const QByteArray raw = "Subject: dots\n"
                               "\n"
                               ".\n"
                               "..\n"
                               ".hidden line\r\n"
                               "From the depot\n"
                               "\r\n"
                               ".\r\n"
                               "last line without end";
        client.send(raw, Sender, {Recipients[0]});
        QVERIFY2(outcomes.waitFor(1), qPrintable(outcomes.describe()));
        QVERIFY2(outcomes.results[0].second.sent(), qPrintable(outcomes.describe()));
        QTRY_COMPARE(server.messages().size(), 1);
        QCOMPARE(server.messages().constFirst().raw,
                 QByteArray("Subject: dots\r\n\r\n.\r\n..\r\n.hidden line\r\nFrom the depot\r\n"
                            "\r\n.\r\nlast line without end\r\n"));
        QCOMPARE(SmtpClient::dataBlock(".a\n..b\nc"), QByteArray("..a\r\n...b\r\nc\r\n.\r\n"));
        QCOMPARE(SmtpClient::dataBlock({}), QByteArray(".\r\n"));
    }

    void severalMessagesShareOneConnection()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start(
                         {QStringLiteral("--reject-rcpt"), QStringLiteral("ghost@agglo.example")},
                         &error),
                 qPrintable(error));
        SmtpClient client(plainSettings(server.port()));
        Outcomes outcomes;
        outcomes.watch(client);

        const quint64 first = client.send(shortMessage(QStringLiteral("un")), Sender, Recipients);
        const quint64 second = client.send(shortMessage(QStringLiteral("deux")),
                                           Sender,
                                           {Recipients[0], QStringLiteral("ghost@agglo.example")});
        const quint64 third
                = client.send(shortMessage(QStringLiteral("trois")), Sender, {Recipients[2]});
        const quint64 invalid
                = client.send(shortMessage(QStringLiteral("quatre")),
                              Sender,
                              {QStringLiteral("a@b.example\r\nRCPT TO:<x@y.example>")});
        const quint64 fifth
                = client.send(shortMessage(QStringLiteral("cinq")), Sender, {Recipients[1]});
        QVERIFY2(outcomes.waitFor(5), qPrintable(outcomes.describe()));
        QCOMPARE(outcomes.results.size(), 5);
        QCOMPARE(outcomes.results[0].first, first);
        QCOMPARE(outcomes.results[1].first, second);
        QCOMPARE(outcomes.results[2].first, third);
        QCOMPARE(outcomes.results[3].first, invalid);
        QCOMPARE(outcomes.results[4].first, fifth);
        QVERIFY(outcomes.results[0].second.sent());
        const SendResult &refused = outcomes.results[1].second;
        QVERIFY(refused.permanent());
        QCOMPARE(refused.stage, SendResult::Stage::Recipient);
        QVERIFY2(refused.serverReply.startsWith(QLatin1String("550")),
                 qPrintable(refused.serverReply));
        QVERIFY(refused.serverReply.contains(QLatin1String("User unknown")));
        QVERIFY(refused.message.contains(QLatin1String("ghost@agglo.example")));
        QVERIFY(outcomes.results[2].second.sent());
        QVERIFY(outcomes.results[3].second.permanent());
        QCOMPARE(outcomes.results[3].second.stage, SendResult::Stage::Composition);
        QVERIFY(outcomes.results[4].second.sent());

        // The refused message reached nobody (RSET), the others arrived, on one connection.
        QTRY_COMPARE(server.quits(), 1);
        const QList<SmtpTestServer::Received> received = server.messages();
        QCOMPARE(received.size(), 3);
        QCOMPARE(received[0].rcptTos, Recipients);
        QCOMPARE(received[1].rcptTos, QStringList({Recipients[2]}));
        QCOMPARE(received[2].rcptTos, QStringList({Recipients[1]}));
        QCOMPARE(server.connections(), 1);
        QCOMPARE(outcomes.idles, 1);

        // Later messages open a new connection.
        client.send(shortMessage(QStringLiteral("six")), Sender, {Recipients[0]});
        QVERIFY2(
                QTest::qWaitFor([&] { return outcomes.results.size() == 6 && outcomes.idles == 2; },
                                20'000),
                qPrintable(outcomes.describe()));
        QVERIFY(outcomes.results[5].second.sent());
        QTRY_COMPARE(server.quits(), 2);
        QCOMPARE(server.connections(), 2);
    }

    void temporaryFailureOnData()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({QStringLiteral("--tempfail")}, &error), qPrintable(error));
        SmtpClient client(plainSettings(server.port()));
        Outcomes outcomes;
        outcomes.watch(client);
        client.send(shortMessage(), Sender, Recipients);
        client.send(shortMessage(), Sender, Recipients);
        QVERIFY2(outcomes.waitFor(2), qPrintable(outcomes.describe()));
        for (const auto &[ticket, result] : std::as_const(outcomes.results)) {
            QVERIFY2(result.temporary(), qPrintable(outcomes.describe()));
            QCOMPARE(result.stage, SendResult::Stage::Data);
            QVERIFY(result.serverReply.startsWith(QLatin1String("451")));
            QVERIFY(!result.connectionWide());
        }
        QVERIFY(server.messages().isEmpty());
    }

    void heloWhenEhloIsRefused()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({QStringLiteral("--no-ehlo")}, &error), qPrintable(error));
        SmtpClient client(plainSettings(server.port()));
        Outcomes outcomes;
        outcomes.watch(client);
        client.send(shortMessage(), Sender, Recipients);
        QVERIFY2(outcomes.waitFor(1), qPrintable(outcomes.describe()));
        QVERIFY2(outcomes.results[0].second.sent(), qPrintable(outcomes.describe()));
        QTRY_COMPARE(server.messages().size(), 1);
    }

    void startTls_data()
    {
        QTest::addColumn<bool>("stock");
        QTest::newRow("fixture") << false;
        QTest::newRow("aiosmtpd command line") << true;
    }

    void startTls()
    {
        QFETCH(bool, stock);
        SmtpTestServer server(m_dir.path());
        QString error;
        const bool started
                = stock ? server.startStockAiosmtpd(
                          {QStringLiteral("--tlscert"), m_cert, QStringLiteral("--tlskey"), m_key},
                          &error)
                        : server.start({QStringLiteral("--starttls"), m_cert, m_key}, &error);
        QVERIFY2(started, qPrintable(error));
        SmtpSettings settings = plainSettings(server.port());
        settings.host = QStringLiteral("localhost");
        settings.security = SmtpSettings::Security::StartTls;
        settings.caFile = m_cert;
        SmtpClient client(settings);
        Outcomes outcomes;
        outcomes.watch(client);
        client.send(shortMessage(QStringLiteral("Chiffré : armoire")), Sender, Recipients);
        QVERIFY2(outcomes.waitFor(1), qPrintable(outcomes.describe()));
        QVERIFY2(outcomes.results[0].second.sent(), qPrintable(outcomes.describe()));
        QTRY_COMPARE(server.messages().size(), 1);
        const QJsonObject parsed = parseMailFile(server.messages().constFirst().file, &error);
        QVERIFY2(!parsed.isEmpty(), qPrintable(error));
        QCOMPARE(headerValue(parsed, QStringLiteral("Subject")),
                 QStringLiteral("Chiffré : armoire"));
    }

    void stockAiosmtpdPlain()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.startStockAiosmtpd({}, &error), qPrintable(error));
        SmtpClient client(plainSettings(server.port()));
        Outcomes outcomes;
        outcomes.watch(client);
        const MailMessage message = frenchContactMessage();
        const Result<RenderedMail> rendered = MimeWriter().render(message);
        client.send(rendered->data, rendered->envelopeFrom, rendered->recipients);
        QVERIFY2(outcomes.waitFor(1), qPrintable(outcomes.describe()));
        QVERIFY2(outcomes.results[0].second.sent(), qPrintable(outcomes.describe()));
        QTRY_COMPARE(server.messages().size(), 1);
        const QJsonObject parsed = parseMailFile(server.messages().constFirst().file, &error);
        QVERIFY2(!parsed.isEmpty(), qPrintable(error));
        QCOMPARE(headerValue(parsed, QStringLiteral("Subject")), message.subject);
        QCOMPARE(headerValue(parsed, QStringLiteral("X-RcptTo")),
                 rendered->recipients.join(QLatin1String(", ")));
        QCOMPARE(textPart(parsed, QStringLiteral("text/plain")), message.textBody);
    }

    void startTlsRequiredButNotOffered()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        SmtpSettings settings = plainSettings(server.port());
        settings.security = SmtpSettings::Security::StartTls;
        settings.user = QStringLiteral("agent");
        settings.password = QStringLiteral("secret");
        SmtpClient client(settings);
        Outcomes outcomes;
        outcomes.watch(client);
        client.send(shortMessage(), Sender, Recipients);
        QVERIFY2(outcomes.waitFor(1), qPrintable(outcomes.describe()));
        const SendResult &result = outcomes.results[0].second;
        QVERIFY(result.permanent());
        QCOMPARE(result.stage, SendResult::Stage::Tls);
        QVERIFY(result.message.contains(QLatin1String("STARTTLS")));
        QVERIFY(server.messages().isEmpty());
    }

    void implicitTls()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({QStringLiteral("--tls"), m_cert, m_key}, &error), qPrintable(error));
        SmtpSettings settings = plainSettings(server.port());
        settings.host = QStringLiteral("localhost");
        settings.security = SmtpSettings::Security::Tls;
        settings.caFile = m_cert;
        SmtpClient client(settings);
        Outcomes outcomes;
        outcomes.watch(client);
        client.send(shortMessage(), Sender, Recipients);
        client.send(shortMessage(), Sender, {Recipients[0]});
        QVERIFY2(outcomes.waitFor(2), qPrintable(outcomes.describe()));
        QVERIFY2(outcomes.results[0].second.sent() && outcomes.results[1].second.sent(),
                 qPrintable(outcomes.describe()));
        QTRY_COMPARE(server.messages().size(), 2);
        QCOMPARE(server.connections(), 1);
    }

    void untrustedCertificate_data()
    {
        QTest::addColumn<SmtpSettings::Security>("security");
        QTest::addColumn<bool>("ignoreErrors");
        QTest::addColumn<bool>("sent");
        QTest::newRow("STARTTLS, unknown authority")
                << SmtpSettings::Security::StartTls << false << false;
        QTest::newRow("STARTTLS, administrator ignores certificate errors")
                << SmtpSettings::Security::StartTls << true << true;
        QTest::newRow("implicit TLS, unknown authority")
                << SmtpSettings::Security::Tls << false << false;
        QTest::newRow("implicit TLS, administrator ignores certificate errors")
                << SmtpSettings::Security::Tls << true << true;
    }

    void untrustedCertificate()
    {
        QFETCH(SmtpSettings::Security, security);
        QFETCH(bool, ignoreErrors);
        QFETCH(bool, sent);
        SmtpTestServer server(m_dir.path());
        QString error;
        const QString flag = security == SmtpSettings::Security::Tls ? QStringLiteral("--tls")
                                                                     : QStringLiteral("--starttls");
        QVERIFY2(server.start({flag, m_cert, m_key}, &error), qPrintable(error));
        SmtpSettings settings = plainSettings(server.port());
        settings.host = QStringLiteral("localhost");
        settings.security = security;
        settings.ignoreCertificateErrors = ignoreErrors; // and no caFile
        SmtpClient client(settings);
        Outcomes outcomes;
        outcomes.watch(client);
        client.send(shortMessage(), Sender, Recipients);
        QVERIFY2(outcomes.waitFor(1), qPrintable(outcomes.describe()));
        const SendResult &result = outcomes.results[0].second;
        QCOMPARE(result.sent(), sent);
        if (!sent) {
            QVERIFY(result.permanent());
            QCOMPARE(result.stage, SendResult::Stage::Tls);
            QVERIFY2(result.message.contains(QLatin1String("certificate")),
                     qPrintable(result.message));
            QVERIFY(server.messages().isEmpty());
        } else {
            QTRY_COMPARE(server.messages().size(), 1);
        }
    }

    void unreadableCaFile()
    {
        SmtpSettings settings = plainSettings(freePort());
        settings.security = SmtpSettings::Security::Tls;
        settings.caFile = m_dir.filePath(QStringLiteral("missing.pem"));
        SmtpClient client(settings);
        Outcomes outcomes;
        outcomes.watch(client);
        client.send(shortMessage(), Sender, Recipients);
        QVERIFY2(outcomes.waitFor(1), qPrintable(outcomes.describe()));
        QVERIFY(outcomes.results[0].second.permanent());
        QCOMPARE(outcomes.results[0].second.stage, SendResult::Stage::Tls);
    }

    void authentication_data()
    {
        QTest::addColumn<QString>("offered");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("sent");
        QTest::newRow("PLAIN, right password")
                << QStringLiteral("PLAIN,LOGIN") << QStringLiteral("Ré-emploi 2025!") << true;
        QTest::newRow("LOGIN only, right password")
                << QStringLiteral("LOGIN") << QStringLiteral("Ré-emploi 2025!") << true;
        QTest::newRow("PLAIN, wrong password")
                << QStringLiteral("PLAIN,LOGIN") << QStringLiteral("wrong") << false;
        QTest::newRow("LOGIN only, wrong password")
                << QStringLiteral("LOGIN") << QStringLiteral("wrong") << false;
    }

    void authentication()
    {
        QFETCH(QString, offered);
        QFETCH(QString, password);
        QFETCH(bool, sent);
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({QStringLiteral("--auth"),
                               QStringLiteral("agent.recup:Ré-emploi 2025!"),
                               QStringLiteral("--auth-mechanisms"),
                               offered},
                              &error),
                 qPrintable(error));
        SmtpSettings settings = plainSettings(server.port());
        settings.user = QStringLiteral("agent.recup");
        settings.password = password;
        SmtpClient client(settings);
        Outcomes outcomes;
        outcomes.watch(client);
        client.send(shortMessage(), Sender, Recipients);
        client.send(shortMessage(), Sender, {Recipients[0]});
        QVERIFY2(outcomes.waitFor(2), qPrintable(outcomes.describe()));
        for (const auto &[ticket, result] : std::as_const(outcomes.results)) {
            QCOMPARE(result.sent(), sent);
            if (!sent) {
                QVERIFY(result.permanent());
                QCOMPARE(result.stage, SendResult::Stage::Authentication);
                QVERIFY(result.connectionWide());
                QCOMPARE(result.serverReply,
                         QStringLiteral("535 5.7.8 Authentication credentials invalid"));
                QVERIFY(result.message.contains(QLatin1String("agent.recup")));
                QVERIFY(!result.message.contains(password));
            }
        }
        QTRY_COMPARE(server.messages().size(), sent ? 2 : 0);
    }

    void loginWithoutAuthOnTheServer()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        SmtpSettings settings = plainSettings(server.port());
        settings.user = QStringLiteral("agent.recup");
        settings.password = QStringLiteral("secret");
        SmtpClient client(settings);
        Outcomes outcomes;
        outcomes.watch(client);
        client.send(shortMessage(), Sender, Recipients);
        QVERIFY2(outcomes.waitFor(1), qPrintable(outcomes.describe()));
        QVERIFY(outcomes.results[0].second.permanent());
        QCOMPARE(outcomes.results[0].second.stage, SendResult::Stage::Authentication);
        QVERIFY(server.messages().isEmpty());
    }

    void serverNotListening()
    {
        SmtpSettings settings = plainSettings(freePort());
        settings.timeoutMs = 10'000;
        SmtpClient client(settings);
        Outcomes outcomes;
        outcomes.watch(client);
        QElapsedTimer clock;
        clock.start();
        client.send(shortMessage(), Sender, Recipients);
        client.send(shortMessage(), Sender, Recipients);
        QVERIFY2(outcomes.waitFor(2), qPrintable(outcomes.describe()));
        QVERIFY2(clock.elapsed() < 3'000, qPrintable(QString::number(clock.elapsed())));
        for (const auto &[ticket, result] : std::as_const(outcomes.results)) {
            QVERIFY2(result.temporary(), qPrintable(outcomes.describe()));
            QCOMPARE(result.stage, SendResult::Stage::Connection);
            QVERIFY(result.serverReply.isEmpty());
            QVERIFY(!result.message.isEmpty());
        }
    }

    void silentServerTimesOut()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({QStringLiteral("--mute")}, &error), qPrintable(error));
        SmtpSettings settings = plainSettings(server.port());
        settings.timeoutMs = 1'500;
        SmtpClient client(settings);
        Outcomes outcomes;
        outcomes.watch(client);
        QElapsedTimer clock;
        clock.start();
        client.send(shortMessage(), Sender, Recipients);
        // The thread is never blocked meanwhile: this event loop keeps turning.
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(100);
        QVERIFY2(outcomes.waitFor(1, 10'000), qPrintable(outcomes.describe()));
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(elapsed >= 1'400 && elapsed < 5'000, qPrintable(QString::number(elapsed)));
        QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
        const SendResult &result = outcomes.results[0].second;
        QVERIFY(result.temporary());
        QCOMPARE(result.stage, SendResult::Stage::Greeting);
        QVERIFY2(result.message.contains(QLatin1String("1.5")), qPrintable(result.message));
        QCOMPARE(server.connections(), 1);
    }

    void sendFromAFinishedSlot()
    {
        // An outbox sends the next message when the previous one is answered.
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        SmtpClient client(plainSettings(server.port()));
        int answered = 0;
        connect(&client, &SmtpClient::finished, this, [&](quint64, const SendResult &result) {
            QVERIFY(result.sent());
            if (++answered < 3)
                client.send(shortMessage(), Sender, {Recipients[answered]});
        });
        client.send(shortMessage(), Sender, {Recipients[0]});
        QTRY_COMPARE_WITH_TIMEOUT(answered, 3, 20'000);
        QTRY_COMPARE(server.messages().size(), 3);
        QTRY_VERIFY(!client.isBusy());
        QCOMPARE(server.connections(), 1);
    }

private:
    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
};

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtpclient.moc"
