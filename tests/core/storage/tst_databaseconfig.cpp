// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Conninfo.h"
#include "storage/Database.h"
#include "storage/DatabaseConfig.h"

#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;

class TestDatabaseConfig : public QObject
{
    Q_OBJECT
private slots:
    void sqlitePrefix()
    {
        const auto config = DatabaseConfig::fromConninfo(QStringLiteral("sqlite:/tmp/x.sqlite"));
        QVERIFY(config.isSqlite());
        QCOMPARE(config.sqlitePath, QStringLiteral("/tmp/x.sqlite"));
    }

    void keyValueKeptAsIs()
    {
        const auto config
                = DatabaseConfig::fromConninfo(QStringLiteral("service=recup sslmode=verify-full"));
        QVERIFY(!config.isSqlite());
        QCOMPARE(config.conninfo, QStringLiteral("service=recup sslmode=verify-full"));
    }

    void emptyMeansEnvironment()
    {
        const auto config = DatabaseConfig::fromConninfo(QString());
        QVERIFY(!config.isSqlite());
        QVERIFY(config.conninfo.isEmpty());
    }

    void uriBecomesKeyValue()
    {
        const auto config = DatabaseConfig::fromConninfo(QStringLiteral(
                "postgresql://marie:s%20cr%27t@db.agglo.local:5433/recup?sslmode=require"));
        const auto pairs = parseConninfo(config.conninfo);
        QVERIFY(pairs);
        const Conninfo expected{{QStringLiteral("host"), QStringLiteral("db.agglo.local")},
                                {QStringLiteral("port"), QStringLiteral("5433")},
                                {QStringLiteral("dbname"), QStringLiteral("recup")},
                                {QStringLiteral("user"), QStringLiteral("marie")},
                                {QStringLiteral("password"), QStringLiteral("s cr't")},
                                {QStringLiteral("sslmode"), QStringLiteral("require")}};
        QCOMPARE(*pairs, expected);
    }

    void quotedValuesRoundTrip()
    {
        const Conninfo pairs{{QStringLiteral("password"), QStringLiteral("a b'c\\d")},
                             {QStringLiteral("host"), QStringLiteral("h")}};
        QCOMPARE(parseConninfo(formatConninfo(pairs)), std::optional(pairs));
    }

    void malformedIsRefused()
    {
        QVERIFY(!parseConninfo(QStringLiteral("host='unterminated")));
        QVERIFY(!parseConninfo(QStringLiteral("justaword")));
    }

    void describeHidesThePassword()
    {
        const auto config = DatabaseConfig::fromConninfo(
                QStringLiteral("host=db user=marie password='tr3s secret' dbname=recup"));
        QVERIFY(!config.describe().contains(QLatin1String("secret")));
        QVERIFY(config.describe().contains(QLatin1String("host=db")));
    }

    void unreachableServerGivesAClearMessage()
    {
        // A port on which nothing listens: bind one, then free it.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        Database db(DatabaseConfig::fromConninfo(
                QStringLiteral("host=127.0.0.1 port=%1 dbname=recup user=nobody connect_timeout=3")
                        .arg(port)));
        const Status status = db.open();
        QVERIFY(!status);
        QCOMPARE(status.error().kind, Error::Kind::Connection);
        QVERIFY2(status.error().message.contains(QLatin1String("cannot be reached")),
                 qPrintable(status.error().message));
        QVERIFY(!status.error().detail.isEmpty());
    }

    void malformedConninfoGivesAClearMessage()
    {
        Database db(DatabaseConfig::fromConninfo(QStringLiteral("host='oops")));
        const Status status = db.open();
        QVERIFY(!status);
        QCOMPARE(status.error().kind, Error::Kind::Connection);
        QVERIFY(status.error().message.contains(QLatin1String("not valid")));
    }

    void unknownOptionGivesAClearMessage()
    {
        Database db(DatabaseConfig::fromConninfo(QStringLiteral("hots=typo dbname=recup")));
        const Status status = db.open();
        QVERIFY(!status);
        QVERIFY2(status.error().message.contains(QLatin1String("not valid")),
                 qPrintable(status.error().message + u" / " + status.error().detail));
    }

    void sqliteInMissingFolderIsRefused()
    {
        Database db(DatabaseConfig::sqlite(QStringLiteral("/nonexistent/folder/x.sqlite")));
        const Status status = db.open();
        QVERIFY(!status);
        QVERIFY(status.error().message.contains(QLatin1String("does not exist")));
    }

    void connectionPerThread()
    {
        QTemporaryDir dir;
        Database db(DatabaseConfig::sqlite(dir.filePath(QStringLiteral("t.sqlite"))));
        QVERIFY(db.open());
        const QString mainName = db.connection().connectionName();
        QString workerName;
        bool workerOpen = false;
        QThread *worker = QThread::create([&] {
            workerName = db.connection().connectionName();
            workerOpen = db.connection().isOpen();
            db.releaseThreadConnection();
        });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QVERIFY(workerOpen);
        QVERIFY(workerName != mainName);
        QVERIFY(!QSqlDatabase::contains(workerName));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseConfig)
#include "tst_databaseconfig.moc"
