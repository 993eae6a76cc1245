// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// collectiv-recup-admin relay, the real binary against a real SMTP server (aiosmtpd) on both
// backends: its --config file under the command line, its refusals, the SMTP password's
// sources; on PostgreSQL, NOTIFY, two relays sharing the outbox, and a session the server ends
// (pg_terminate_backend) or refuses for a while: the relay reconnects and every mail arrives
// exactly once.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/OutboxDispatcher.h"
#include "admin/Relay.h"
#include "mail/SmtpTransport.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlDialect.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestRelay : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("relay"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }
    void init() { QVERIFY(execSql(*m_db, QStringLiteral("DELETE FROM outbox"))); }

    // --- Settings: the file, then the command line -------------------------------------------

    void fileThenCommandLine()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("secret")));
        writeSecret(dir.filePath(QStringLiteral("secret/smtp-password")), "s3cret\n");
        const QString config = writeFile(dir.filePath(QStringLiteral("relay.conf")),
                                         "[database]\n"
                                         "conninfo=\"host=db.agglo.test dbname=recup "
                                         "user=recup_relay\"\n"
                                         "[mail]\n"
                                         "transport=smtp\n"
                                         "smtpHost=smtp.agglo.test\n"
                                         "smtpSecurity=tls\n"
                                         "smtpUser=collectiv-recup\n"
                                         "smtpPasswordFile=secret/smtp-password\n"
                                         "smtpCaFile=ca.pem\n");
        RelayOptions options;
        options.configFile = config;
        auto settings = RelaySettings::resolve(options, {});
        QVERIFY2(settings, qPrintable(settings.error().message));
        QCOMPARE(settings->mail.transport, MailSettings::Transport::Smtp);
        QCOMPARE(settings->mail.smtp.host, QStringLiteral("smtp.agglo.test"));
        QCOMPARE(settings->mail.smtp.security, SmtpSettings::Security::Tls);
        QCOMPARE(settings->mail.smtp.port, quint16(465)); // the mode's own
        QCOMPARE(settings->mail.smtp.user, QStringLiteral("collectiv-recup"));
        QCOMPARE(settings->mail.smtp.password, QStringLiteral("s3cret"));
        // Paths of the file are read from the file's folder.
        QCOMPARE(settings->mail.smtp.caFile, dir.filePath(QStringLiteral("ca.pem")));
        QVERIFY(!settings->database.isSqlite());
        QVERIFY(settings->database.conninfo.contains(QLatin1String("host=db.agglo.test")));
        // Named in pg_stat_activity, where an administrator looks for it.
        QVERIFY2(settings->database.conninfo.contains(
                         QLatin1String("application_name=collectiv-recup-relay")),
                 qPrintable(settings->database.conninfo));
        QCOMPARE(settings->retryMs, 30'000);

        // The command line wins; the environment's password wins over the file.
        options.smtpSecurity = QStringLiteral("starttls");
        settings = RelaySettings::resolve(options, QStringLiteral("from-environment"));
        QVERIFY(settings);
        QCOMPARE(settings->mail.smtp.port, quint16(587));
        QCOMPARE(settings->mail.smtp.password, QStringLiteral("from-environment"));
        options.smtpPort = QStringLiteral("2525");
        options.smtpHost = QStringLiteral("relais.agglo.test");
        options.database = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("x.sqlite"));
        options.retryInterval = QStringLiteral("5");
        settings = RelaySettings::resolve(options, {});
        QVERIFY(settings);
        QCOMPARE(settings->mail.smtp.host, QStringLiteral("relais.agglo.test"));
        QCOMPARE(settings->mail.smtp.port, quint16(2525));
        QVERIFY(settings->database.isSqlite());
        QCOMPARE(settings->retryMs, 5'000);
        options.pickupFolder = QStringLiteral("outbox-files");
        settings = RelaySettings::resolve(options, {});
        QVERIFY(settings);
        QCOMPARE(settings->mail.transport, MailSettings::Transport::PickupFolder);
        QVERIFY(QDir::isAbsolutePath(settings->mail.pickupFolder));

        // An application name of the administrator's own is kept.
        RelayOptions named;
        named.pickupFolder = dir.path();
        named.database = QStringLiteral("dbname=recup application_name=relais-mairie");
        settings = RelaySettings::resolve(named, {});
        QVERIFY(settings);
        QVERIFY(!settings->database.conninfo.contains(QLatin1String("collectiv-recup-relay")));
    }

    void exampleConfigurationIsValid()
    {
        // packaging/relay.conf.example, as an administrator copies it next to a password file.
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("relay.conf"));
        QVERIFY(QFile::copy(QStringLiteral(RECUP_SOURCE_DIR "/packaging/relay.conf.example"),
                            config));
        writeSecret(dir.filePath(QStringLiteral("smtp-password")), "mot de passe\n");
        RelayOptions options;
        options.configFile = config;
        const auto settings = RelaySettings::resolve(options, {});
        QVERIFY2(settings, qPrintable(settings.error().message));
        QCOMPARE(settings->mail.transport, MailSettings::Transport::Smtp);
        QCOMPARE(settings->mail.smtp.host, QStringLiteral("smtp.agglo.local"));
        QCOMPARE(settings->mail.smtp.port, quint16(587));
        QCOMPARE(settings->mail.smtp.security, SmtpSettings::Security::StartTls);
        QCOMPARE(settings->mail.smtp.password, QStringLiteral("mot de passe"));
        QVERIFY(settings->mail.smtp.caFile.isEmpty());
        QVERIFY(settings->database.conninfo.contains(QLatin1String("host=db.agglo.local")));
        QVERIFY(settings->database.conninfo.contains(QLatin1String("sslmode=verify-full")));
    }

    void refusedSettingsAreOneLineAndExitOne_data()
    {
        QTest::addColumn<QByteArray>("config"); // empty: no --config
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("passwordFile"); // "600", "644", "empty", "missing" or ""
        QTest::addColumn<QString>("expected");

        const QByteArray smtp = "[mail]\ntransport=smtp\nsmtpHost=smtp.agglo.test\n";
        const QByteArray login = smtp + "smtpUser=relay\nsmtpPasswordFile=smtp-password\n";
        QTest::newRow("neither SMTP nor a folder")
                << QByteArray() << QStringList() << QString()
                << QStringLiteral("relay needs --smtp-host or --pickup-folder.");
        QTest::newRow("configuration file that does not exist")
                << QByteArray()
                << QStringList{QStringLiteral("--config"),
                               QStringLiteral("/nonexistent/relay.conf")}
                << QString() << QStringLiteral("cannot be read");
        QTest::newRow("transport none in the file")
                << QByteArray("[mail]\ntransport=none\nsmtpHost=smtp.agglo.test\n") << QStringList()
                << QString() << QStringLiteral("sends nothing (mail/transport is none)");
        QTest::newRow("no transport in the file")
                << QByteArray("[mail]\nsmtpHost=smtp.agglo.test\n") << QStringList() << QString()
                << QStringLiteral("sends nothing (mail/transport is none)");
        QTest::newRow("unknown transport in the file")
                << QByteArray("[mail]\ntransport=pigeon\n") << QStringList() << QString()
                << QStringLiteral("mail/transport is \"pigeon\": use smtp or folder.");
        QTest::newRow("unknown security in the file")
                << QByteArray(smtp + "smtpSecurity=ssl\n") << QStringList() << QString()
                << QStringLiteral("mail/smtpSecurity is \"ssl\": use none, starttls or tls.");
        QTest::newRow("port out of range in the file")
                << QByteArray(smtp + "smtpPort=70000\n") << QStringList() << QString()
                << QStringLiteral("mail/smtpPort is \"70000\", which is not a port number.");
        QTest::newRow("port that is not a number in the file")
                << QByteArray(smtp + "smtpPort=smtp\n") << QStringList() << QString()
                << QStringLiteral("mail/smtpPort is \"smtp\", which is not a port number.");
        QTest::newRow("unknown security on the command line")
                << QByteArray(smtp)
                << QStringList{QStringLiteral("--smtp-security"), QStringLiteral("ssl")}
                << QString()
                << QStringLiteral("Unknown SMTP security \"ssl\": use none, starttls or tls.");
        QTest::newRow("port zero on the command line")
                << QByteArray(smtp)
                << QStringList{QStringLiteral("--smtp-port"), QStringLiteral("0")} << QString()
                << QStringLiteral("--smtp-port: \"0\" is not a port number.");
        QTest::newRow("server name with a scheme")
                << QByteArray()
                << QStringList{QStringLiteral("--smtp-host"),
                               QStringLiteral("smtp://smtp.agglo.test")}
                << QString() << QStringLiteral("is not a server name");
        QTest::newRow("retry interval that is not a number")
                << QByteArray(smtp)
                << QStringList{QStringLiteral("--retry-interval"), QStringLiteral("soon")}
                << QString() << QStringLiteral("--retry-interval: give a number of seconds.");
        QTest::newRow("password file others may read")
                << login << QStringList() << QStringLiteral("644")
                << QStringLiteral("may be read or changed by other users");
        QTest::newRow("password file that does not exist")
                << login << QStringList() << QStringLiteral("missing")
                << QStringLiteral("cannot be read");
        QTest::newRow("empty password file")
                << login << QStringList() << QStringLiteral("empty") << QStringLiteral("is empty");
    }
    void refusedSettingsAreOneLineAndExitOne()
    {
        QFETCH(QByteArray, config);
        QFETCH(QStringList, arguments);
        QFETCH(QString, passwordFile);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QStringList all = arguments;
        if (!config.isEmpty())
            all << QStringLiteral("--config")
                << writeFile(dir.filePath(QStringLiteral("relay.conf")), config);
        const QString secret = dir.filePath(QStringLiteral("smtp-password"));
        if (passwordFile == QLatin1String("600") || passwordFile == QLatin1String("644"))
            writeSecret(secret, "s3cret\n");
        if (passwordFile == QLatin1String("644"))
            QVERIFY(QFile::setPermissions(secret,
                                          QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                                  | QFile::ReadOther));
        if (passwordFile == QLatin1String("empty"))
            writeSecret(secret, "");

        const Run run = relay(all);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
        const QStringList lines = run.err.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 1, qPrintable(run.err));
        QVERIFY2(lines.first().startsWith(QLatin1String("collectiv-recup-admin: ")),
                 qPrintable(run.err));
        QVERIFY2(lines.first().contains(expected), qPrintable(run.err));
    }

    // --- Sending with a configuration file ---------------------------------------------------

    void passwordFromTheFileOrTheEnvironment_data()
    {
        QTest::addColumn<QByteArray>("inFile");
        QTest::addColumn<QString>("inEnvironment");
        QTest::addColumn<bool>("sent");
        QTest::newRow("password file") << QByteArray("s3cret\n") << QString() << true;
        QTest::newRow("environment before the file")
                << QByteArray("wrong\n") << QStringLiteral("s3cret") << true;
        QTest::newRow("wrong password in the file") << QByteArray("wrong\n") << QString() << false;
    }
    void passwordFromTheFileOrTheEnvironment()
    {
        QFETCH(QByteArray, inFile);
        QFETCH(QString, inEnvironment);
        QFETCH(bool, sent);
        QTemporaryDir dir;
        QString cert, key, error;
        QVERIFY2(makeCertificate(dir.path(), &cert, &key, &error), qPrintable(error));
        SmtpTestServer server(m_dir.path());
        QVERIFY2(server.start({QStringLiteral("--starttls"),
                               cert,
                               key,
                               QStringLiteral("--auth"),
                               QStringLiteral("relay:s3cret")},
                              &error),
                 qPrintable(error));
        writeSecret(dir.filePath(QStringLiteral("smtp-password")), inFile);
        // Everything in the file, the database too: no option but --config.
        const QString config
                = writeFile(dir.filePath(QStringLiteral("relay.conf")),
                            "[database]\nconninfo=\"" + conninfo().toUtf8()
                                    + "\"\n[mail]\ntransport=smtp\nsmtpHost=localhost\nsmtpPort="
                                    + QByteArray::number(server.port())
                                    + "\nsmtpSecurity=starttls\nsmtpUser=relay\n"
                                      "smtpPasswordFile=smtp-password\nsmtpCaFile="
                                    + QFileInfo(cert).fileName().toUtf8() + "\n");
        const QStringList ids = enqueueMany(1);

        const Run run = relay({QStringLiteral("--config"), config}, inEnvironment, false);
        QCOMPARE(run.exitCode, 0);
        if (sent) {
            QVERIFY2(run.out.startsWith(QLatin1String("1 ")), qPrintable(run.out + run.err));
            QTRY_COMPARE_WITH_TIMEOUT(server.messages().size(), 1, 10'000);
            checkReceivedOnce(server, ids);
            QCOMPARE(countOf(*m_db,
                             QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'sent'")),
                     1);
        } else {
            // A refused login says nothing about the mail: it waits for the next round.
            QVERIFY2(run.out.startsWith(QLatin1String("0 ")), qPrintable(run.out + run.err));
            QVERIFY2(run.err.contains(QLatin1String("not sent")), qPrintable(run.err));
            QCOMPARE(server.messages().size(), 0);
            QCOMPARE(countOf(*m_db,
                             QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'queued'")),
                     1);
        }
    }

    void commandLineWinsOverTheFile()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        QTemporaryDir dir;
        // The file names a port where nobody listens.
        const QString config = writeFile(dir.filePath(QStringLiteral("relay.conf")),
                                         "[mail]\ntransport=smtp\nsmtpHost=127.0.0.1\n"
                                         "smtpSecurity=none\nsmtpPort="
                                                 + QByteArray::number(freePort()) + "\n");
        const QStringList ids = enqueueMany(2);
        const Run run = relay({QStringLiteral("--config"),
                               config,
                               QStringLiteral("--smtp-port"),
                               QString::number(server.port())});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QLatin1String("2 ")), qPrintable(run.out + run.err));
        QTRY_COMPARE_WITH_TIMEOUT(server.messages().size(), 2, 10'000);
        checkReceivedOnce(server, ids);
    }

    void onceWritesThePickupFolder()
    {
        enqueueMany(2);
        QTemporaryDir folder;
        const auto run = relay({QStringLiteral("--pickup-folder"), folder.path()});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("2 mail(s) sent, 0 not sent.\n"));
        QCOMPARE(QDir(folder.path()).entryList({QStringLiteral("*.eml")}, QDir::Files).size(), 2);
        const auto again = relay({QStringLiteral("--pickup-folder"), folder.path()});
        QCOMPARE(again.out, QStringLiteral("0 mail(s) sent, 0 not sent.\n"));
    }

    void onceRemindsPostersOfAdsAboutToExpire()
    {
        // A category whose ads stay three days: its ad is inside the reminder week at once.
        Category shortLived;
        shortLived.code = QStringLiteral("EPHEMERE");
        shortLived.name = QStringLiteral("Denrées et consommables");
        shortLived.expiryDays = 3;
        const auto category = ReferenceRepository(*m_db).addCategory(shortLived);
        QVERIFY(category);
        World world = m_world;
        world.desks = *category;
        Ad draft = world.sampleAd(QStringLiteral("Ramettes de papier recyclé"));
        draft.categoryId = *category;
        const auto created = AdRepository(*m_db).create(draft, world.ownerActor());
        QVERIFY(created);
        const auto pending = AdRepository(*m_db).transition(
                created->id,
                {AdAction::Submit, created->version, {}, {}, 0, {}},
                world.ownerActor());
        QVERIFY(pending);
        QVERIFY(AdRepository(*m_db).transition(created->id,
                                               {AdAction::Approve, pending->version, {}, {}, 0, {}},
                                               world.moderatorActor()));

        QTemporaryDir folder;
        const auto run = relay({QStringLiteral("--pickup-folder"), folder.path()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QStringLiteral("Expiry: 1 reminder(s) written, 0 ad(s) "
                                                   "expired.\n")),
                 qPrintable(run.out));
        const QStringList files
                = QDir(folder.path()).entryList({QStringLiteral("*.eml")}, QDir::Files);
        QCOMPARE(files.size(), 1);
        QString error;
        const QJsonObject parsed = parseMailFile(folder.filePath(files.first()), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(headerValue(parsed, QStringLiteral("Subject"))
                        .startsWith(QStringLiteral(
                                "Votre annonce « Ramettes de papier recyclé » expire le")));
        QCOMPARE(headerValue(parsed, QStringLiteral("To")),
                 QStringLiteral("Marie Dupont <mdupont@agglo.test>"));
        // The next round says nothing more: one reminder per ad and expiry date.
        const auto again = relay({QStringLiteral("--pickup-folder"), folder.path()});
        QCOMPARE(again.out, QStringLiteral("0 mail(s) sent, 0 not sent.\n"));
        // Out of the way of the other tests: closed by its owner.
        const auto now = AdRepository(*m_db).get(created->id, false);
        QVERIFY(AdRepository(*m_db).transition(
                created->id,
                {AdAction::Close, now->version, {}, CloseReason::Discarded, 0, {}},
                world.ownerActor()));
    }

    // --- The dispatcher under the relay ------------------------------------------------------

    // The retention round is the administrators': a relay run with another login says so in
    // plain words, once, rather than failing silently every hour (issue #14).
    void saysWhenItsLoginMayNotRunTheRetention()
    {
        if (m_test->config().isSqlite())
            QSKIP("roles exist on PostgreSQL only");
        QVERIFY(ensureLoginRoles(*m_db));
        QVERIFY(enrolLogin(*m_db,
                           QStringLiteral("relay_moderator"),
                           Role::Agent | Role::Moderator,
                           m_world.library)
                > 0);
        QString info = conninfo();
        if (info.contains(QStringLiteral("user=")))
            info.replace(QRegularExpression(QStringLiteral("user=\\S+")),
                         QStringLiteral("user=relay_moderator"));
        else
            info += QStringLiteral(" user=relay_moderator");
        QVERIFY(info.contains(QStringLiteral("user=relay_moderator")));
        QTemporaryDir folder;
        const auto run = relay({QStringLiteral("--pickup-folder"),
                                folder.path(),
                                QStringLiteral("--database"),
                                info},
                               {},
                               false);
        QCOMPARE(run.err.count(QStringLiteral("not an administrator's (recup_admin)")), 1);
        QVERIFY2(run.err.contains(QStringLiteral("retention --run")), qPrintable(run.err));
    }

    void batchesShareOneSmtpConnection()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        const QStringList ids = enqueueMany(7);
        SmtpTransport transport(smtpSettings(server.port()));
        OutboxDispatcher dispatcher(*m_db, &transport, QStringLiteral("test"));
        dispatcher.setBatchSize(3); // three batches
        QSignalSpy drained(&dispatcher, &OutboxDispatcher::drained);
        dispatcher.sendNow();
        QTRY_COMPARE_WITH_TIMEOUT(drained.size(), 1, 30'000);
        QCOMPARE(dispatcher.sentCount(), 7);
        QTRY_COMPARE_WITH_TIMEOUT(server.quits(), 1, 10'000);
        QCOMPARE(server.connections(), 1); // not one a batch
        checkReceivedOnce(server, ids);
    }

    void unreachableServerEndsTheRound()
    {
        enqueueMany(5);
        SmtpTransport transport(smtpSettings(freePort())); // nobody listens
        OutboxDispatcher dispatcher(*m_db, &transport, QStringLiteral("test"));
        dispatcher.setBatchSize(2);
        QSignalSpy drained(&dispatcher, &OutboxDispatcher::drained);
        dispatcher.sendNow();
        QTRY_COMPARE_WITH_TIMEOUT(drained.size(), 1, 30'000);
        // The first batch tells that the server is away: the others wait for the next round
        // instead of each spending an attempt on it.
        QCOMPARE(dispatcher.failedCount(), 2);
        QCOMPARE(countOf(*m_db,
                         QStringLiteral("SELECT count(*) FROM outbox WHERE attempts = 1 AND "
                                        "state = 'queued'")),
                 2);
        QCOMPARE(countOf(*m_db,
                         QStringLiteral("SELECT count(*) FROM outbox WHERE attempts = 0 AND "
                                        "state = 'queued'")),
                 3);
    }

    // --- PostgreSQL: NOTIFY, shared outbox, lost sessions ------------------------------------

    void twoRelaysNeverSendTheSameMail()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("concurrent senders share the outbox on PostgreSQL");
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        const QStringList ids = enqueueMany(200);
        QList<std::shared_ptr<QProcess>> relays;
        for (int i = 0; i < 2; ++i)
            relays.append(startRelay(smtp(server.port())));
        int total = 0;
        for (const auto &process : relays) {
            QVERIFY(process->waitForFinished(120'000));
            const QString out = QString::fromUtf8(process->readAllStandardOutput());
            QCOMPARE(process->exitCode(), 0);
            const auto number = QRegularExpression(QStringLiteral("^(\\d+) ")).match(out);
            QVERIFY2(number.hasMatch(), qPrintable(out));
            total += number.captured(1).toInt();
            qInfo("a relay sent %s mails", qPrintable(number.captured(1)));
        }
        QCOMPARE(total, 200);
        QTRY_COMPARE_WITH_TIMEOUT(server.messages().size(), 200, 20'000);
        QVERIFY(noMessageBeyond(server, 200));
        checkReceivedOnce(server, ids);
        QCOMPARE(countOf(*m_db, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'sent'")),
                 200);
    }

    void sendsOnNotifyAndStopsOnSigterm()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("LISTEN/NOTIFY is PostgreSQL's");
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        // The retry round is an hour away: only the notification can wake the relay.
        Daemon relay(startRelay(smtp(server.port()) + retryInAnHour(), {}, false));
        QVERIFY2(relay.waitForOut("Relay started"), relay.said().constData());
        QTRY_VERIFY_WITH_TIMEOUT(relaySettled(), 20'000);
        const QStringList ids = enqueueMany(3);
        QTRY_COMPARE_WITH_TIMEOUT(server.messages().size(), 3, 20'000);
        checkReceivedOnce(server, ids);
        QVERIFY(relay.stop());
        QVERIFY2(relay.out.contains("Relay stopped: 3 mail(s) sent, 0 not sent."),
                 relay.said().constData());
        QVERIFY2(relay.err.isEmpty(), relay.said().constData());
    }

    void reconnectsAfterTheServerEndsItsSession()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("a session the server ends is PostgreSQL's");
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        Daemon relay(startRelay(smtp(server.port()) + retryInAnHour(), {}, false));
        QVERIFY2(relay.waitForOut("Relay started"), relay.said().constData());
        QTRY_VERIFY_WITH_TIMEOUT(relaySettled(), 20'000);

        QVERIFY(terminateRelaySessions() >= 1); // as a server restart or an idle timeout would
        QVERIFY2(relay.waitForErr("was lost"), relay.said().constData());
        // Written while the relay has no session: no NOTIFY reaches it.
        QElapsedTimer delivery;
        delivery.start();
        QStringList ids = enqueueMany(1);
        QTRY_COMPARE_WITH_TIMEOUT(server.messages().size(), 1, 10'000);
        qInfo("delivered %lld ms after it was queued", delivery.elapsed());
        QVERIFY2(relay.waitForOut("session is back"), relay.said().constData());
        QCOMPARE(relaySessions(), 1);
        // Listening again: with the retry an hour away, only NOTIFY can send this one.
        ids += enqueueMany(1);
        QTRY_COMPARE_WITH_TIMEOUT(server.messages().size(), 2, 10'000);
        QVERIFY(noMessageBeyond(server, 2));
        checkReceivedOnce(server, ids);
        QCOMPARE(countOf(*m_db,
                         QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'sent' AND "
                                        "attempts = 1")),
                 2);

        QVERIFY(relay.stop());
        QVERIFY2(relay.out.contains("Relay stopped: 2 mail(s) sent, 0 not sent."),
                 relay.said().constData());
        // One line when the session is lost, one when it is back; nothing else.
        QCOMPARE(relay.err.count("\n"), 1);
        QVERIFY2(relay.err.contains("terminating connection due to administrator command"),
                 relay.said().constData());
        QCOMPARE(relay.out.count("session is back"), 1);
    }

    void keepsProbingWhileTheDatabaseRefusesConnections()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("refused connections are PostgreSQL's");
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        Daemon relay(startRelay(smtp(server.port()) + retryInAnHour(), {}, false));
        QVERIFY2(relay.waitForOut("Relay started"), relay.said().constData());
        QTRY_VERIFY_WITH_TIMEOUT(relaySettled(), 20'000);

        // Nobody may open a session for a while (this test's own stays). The switch is
        // turned from the cluster's maintenance database: not from the database itself.
        Database cluster(DatabaseConfig::fromConninfo(TestDatabase::clusterConninfo()));
        QVERIFY(cluster.open());
        const auto allowConnections = [&](bool allow) {
            QSqlQuery q(cluster.connection());
            return q.exec(QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS %2")
                                  .arg(databaseName(),
                                       allow ? QStringLiteral("true") : QStringLiteral("false")));
        };
        QVERIFY(allowConnections(false));
        auto allow = qScopeGuard([&] { allowConnections(true); });
        QVERIFY(terminateRelaySessions() >= 1);
        QVERIFY2(relay.waitForErr("was lost"), relay.said().constData());
        const QStringList ids = enqueueMany(2);
        // Several probes are refused meanwhile: nothing goes out, the relay keeps running.
        QVERIFY(!QTest::qWaitFor(
                [&] {
                    return !server.messages().isEmpty()
                           || relay.process->state() != QProcess::Running;
                },
                4'000));
        QCOMPARE(server.messages().size(), 0);
        QCOMPARE(relay.process->state(), QProcess::Running);
        allow.dismiss();
        QVERIFY(allowConnections(true));

        // The back-off is 8 s at most by now.
        QTRY_COMPARE_WITH_TIMEOUT(server.messages().size(), 2, 20'000);
        QVERIFY2(relay.waitForOut("session is back"), relay.said().constData());
        QVERIFY(noMessageBeyond(server, 2));
        checkReceivedOnce(server, ids);
        QVERIFY(relay.stop());
        QCOMPARE(relay.err.count("was lost"), 1);
        QCOMPARE(relay.out.count("session is back"), 1);
    }

    void answersAreWrittenOnceTheDatabaseIsBack()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("a session the server ends is PostgreSQL's");
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        const QStringList ids = enqueueMany(3);

        // The dispatcher's own session, ended by the server once the mails are claimed and
        // before any is answered: the answers cannot be written when they come.
        Database db(m_test->config());
        QVERIFY(db.open());
        SmtpTransport transport(smtpSettings(server.port()));
        OutboxDispatcher dispatcher(db, &transport, QStringLiteral("test"));
        QSignalSpy drained(&dispatcher, &OutboxDispatcher::drained);
        QSignalSpy failed(&dispatcher, &OutboxDispatcher::databaseFailed);
        dispatcher.sendNow();
        QCOMPARE(countOf(*m_db,
                         QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'sending'")),
                 3);
        QSqlQuery end(m_db->connection());
        QVERIFY(end.exec(QStringLiteral("SELECT pg_terminate_backend(pid, 5000) FROM "
                                        "pg_stat_activity WHERE datname = current_database() "
                                        "AND pid <> pg_backend_pid()")));
        QTRY_COMPARE_WITH_TIMEOUT(drained.size(), 1, 20'000);
        QCOMPARE(dispatcher.sentCount(), 3);
        QVERIFY(!failed.isEmpty());
        QCOMPARE(dispatcher.unrecordedCount(), 3);
        QCOMPARE(countOf(*m_db,
                         QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'sending'")),
                 3);

        // Back: the answers are written before anything is claimed; nothing goes out again.
        QVERIFY(db.reconnectThreadConnection());
        dispatcher.sendNow();
        QTRY_COMPARE_WITH_TIMEOUT(drained.size(), 2, 20'000);
        QCOMPARE(dispatcher.unrecordedCount(), 0);
        QCOMPARE(countOf(*m_db,
                         QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'sent' AND "
                                        "attempts = 1")),
                 3);
        QVERIFY(noMessageBeyond(server, 3));
        checkReceivedOnce(server, ids);
    }

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    // A relay left running; what it says is gathered as it comes.
    struct Daemon
    {
        explicit Daemon(std::shared_ptr<QProcess> started)
            : process(std::move(started))
        {}
        ~Daemon()
        {
            if (process->state() != QProcess::NotRunning) {
                process->kill();
                process->waitForFinished(5'000);
            }
        }
        void read()
        {
            out += process->readAllStandardOutput();
            err += process->readAllStandardError();
        }
        bool waitForOut(const char *text, int ms = 20'000)
        {
            return QTest::qWaitFor(
                    [&] {
                        read();
                        return out.contains(text);
                    },
                    ms);
        }
        bool waitForErr(const char *text, int ms = 20'000)
        {
            return QTest::qWaitFor(
                    [&] {
                        read();
                        return err.contains(text);
                    },
                    ms);
        }
        // SIGTERM; true when it ends by itself with 0.
        bool stop()
        {
            process->terminate();
            const bool ended = process->waitForFinished(20'000);
            read();
            return ended && process->exitStatus() == QProcess::NormalExit
                   && process->exitCode() == 0;
        }
        QByteArray said() const { return "stdout: " + out + "\nstderr: " + err; }

        std::shared_ptr<QProcess> process;
        QByteArray out;
        QByteArray err;
    };

    QString conninfo() const
    {
        const DatabaseConfig &config = m_test->config();
        return config.isSqlite() ? QStringLiteral("sqlite:") + config.sqlitePath : config.conninfo;
    }

    QString databaseName() const
    {
        QSqlQuery q(m_db->connection());
        return q.exec(QStringLiteral("SELECT current_database()")) && q.next()
                       ? q.value(0).toString()
                       : QString();
    }

    static QStringList smtp(quint16 port)
    {
        return {QStringLiteral("--smtp-host"),
                QStringLiteral("127.0.0.1"),
                QStringLiteral("--smtp-port"),
                QString::number(port),
                QStringLiteral("--smtp-security"),
                QStringLiteral("none")};
    }
    static SmtpSettings smtpSettings(quint16 port) { return plainSmtp(port); }
    static QStringList retryInAnHour()
    {
        return {QStringLiteral("--retry-interval"), QStringLiteral("3600")};
    }

    // The relay, with --database unless `withDatabase` is false; RECUP_SMTP_PASSWORD is the
    // given one only.
    std::shared_ptr<QProcess> startRelay(const QStringList &arguments,
                                         const QString &password = {},
                                         bool once = true,
                                         bool withDatabase = true) const
    {
        auto process = std::make_shared<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RECUP_LANG"), QStringLiteral("en"));
        env.remove(QStringLiteral("RECUP_SMTP_PASSWORD"));
        if (!password.isEmpty())
            env.insert(QStringLiteral("RECUP_SMTP_PASSWORD"), password);
        process->setProcessEnvironment(env);
        QStringList all{QStringLiteral("relay")};
        if (once)
            all.append(QStringLiteral("--once"));
        all += arguments;
        if (withDatabase)
            all += QStringList{QStringLiteral("--database"), conninfo()};
        process->start(QStringLiteral(RECUP_ADMIN_BINARY), all);
        process->waitForStarted(10'000);
        return process;
    }

    Run relay(const QStringList &arguments,
              const QString &password = {},
              bool withDatabase = true) const
    {
        auto process = startRelay(arguments, password, true, withDatabase);
        if (!process->waitForFinished(120'000))
            qWarning("relay did not finish");
        return {process->exitCode(),
                QString::fromUtf8(process->readAllStandardOutput()),
                QString::fromUtf8(process->readAllStandardError())};
    }

    int relaySessions() const
    {
        return countOf(*m_db,
                       QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                      "current_database() AND application_name = "
                                      "'collectiv-recup-relay'"));
    }
    // The relay's session has sat idle for a moment: its first round is over, and its next
    // statement is a ping a minute away. What is queued now, only NOTIFY can send.
    bool relaySettled() const
    {
        return countOf(*m_db,
                       QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                      "current_database() AND application_name = "
                                      "'collectiv-recup-relay' AND state = 'idle' AND "
                                      "state_change < clock_timestamp() - interval '200 ms'"))
               == 1;
    }
    int terminateRelaySessions() const
    {
        return countOf(*m_db,
                       QStringLiteral("SELECT count(pg_terminate_backend(pid, 5000)) FROM "
                                      "pg_stat_activity WHERE datname = current_database() AND "
                                      "application_name = 'collectiv-recup-relay'"));
    }

    static QString writeFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) < 0)
            qWarning("cannot write %s", qPrintable(path));
        return path;
    }
    static void writeSecret(const QString &path, const QByteArray &content)
    {
        writeFile(path, content);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }

    static MailMessage mail(const QString &to) { return shortContactMail(to); }

    QStringList enqueueMany(int n) { return enqueueContactMails(*m_db, m_world, n); }

    // Every expected Message-ID arrived exactly once, and nothing else did.
    static void checkReceivedOnce(const SmtpTestServer &server, const QStringList &expected)
    {
        const QString problem = receivedOnceProblem(server, expected);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
};

QTEST_GUILESS_MAIN(TestRelay)
#include "tst_relay.moc"
