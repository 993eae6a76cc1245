// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Failed connections to a real PostgreSQL server, each read once by connectionError(): the
// sentence the person reads and, in Error::fields, the settings a window should point at.
#include "TestDatabase.h"
#include "storage/ConnectionErrors.h"
#include "storage/Conninfo.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

using namespace Recup;
using Recup::Testing::TestDatabase;

namespace {

QString valueOf(const QString &conninfo, const QString &key)
{
    QString found;
    for (const auto &[name, value] : parseConninfo(conninfo).value_or(Conninfo{})) {
        if (name == key)
            found = value;
    }
    return found;
}

QStringList fieldNames(const Error &error)
{
    QStringList names;
    for (const auto &[name, message] : error.fields)
        names.append(name);
    return names;
}

} // namespace

class TestConnectionErrors : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("connection errors are libpq's: PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("connectionerrors"));
        m_admin = m_test->open(false);
        QVERIFY(m_admin);
        m_port = valueOf(TestDatabase::clusterConninfo(), QStringLiteral("port"));
        m_socket = valueOf(TestDatabase::clusterConninfo(), QStringLiteral("host"));
        m_dbname = valueOf(m_test->config().conninfo, QStringLiteral("dbname"));
        const QString suffix = QString::number(QCoreApplication::applicationPid());
        m_login = QStringLiteral("connerr_") + suffix;
        m_disabled = QStringLiteral("connerr_off_") + suffix;
        QSqlQuery q(m_admin->connection());
        QVERIFY2(q.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'Juste-2026'").arg(m_login)),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(QStringLiteral("CREATE ROLE %1 NOLOGIN PASSWORD 'Juste-2026'")
                                .arg(m_disabled)),
                 qPrintable(q.lastError().text()));
    }

    void cleanupTestCase()
    {
        if (!m_admin)
            return;
        QSqlQuery q(m_admin->connection());
        for (const QString &role : {m_login, m_disabled})
            q.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
    }

    void errorNamesTheFieldAtFault_data()
    {
        QTest::addColumn<QString>("conninfo"); // %T: TCP to the cluster, %S: its socket
        QTest::addColumn<QString>("message");
        QTest::addColumn<QStringList>("fields");
        const QString wrong = QStringLiteral(
                "The user name or the password is wrong, or the password has expired.");
        QTest::newRow("wrong password")
                << QStringLiteral("%T user=%L password=Faux-2026") << wrong
                << QStringList{ConnectionField::password, ConnectionField::user};
        // With SCRAM the server does not say whether the role exists, on purpose.
        QTest::newRow("unknown user over TCP")
                << QStringLiteral("%T user=personne_%P password=Faux-2026") << wrong
                << QStringList{ConnectionField::password, ConnectionField::user};
        QTest::newRow("no password given")
                << QStringLiteral("%T user=%L") << QStringLiteral("The server asks for a password.")
                << QStringList{ConnectionField::password, ConnectionField::singleSignOn};
        QTest::newRow("unknown database")
                << QStringLiteral("%T user=%L password=Juste-2026 dbname=nulle_part_%P")
                << QStringLiteral("The server has no database of that name.")
                << QStringList{ConnectionField::database};
        QTest::newRow("unknown user on a trusted socket")
                << QStringLiteral("%S user=personne_%P")
                << QStringLiteral("The server does not know this user.")
                << QStringList{ConnectionField::user};
        QTest::newRow("disabled account")
                << QStringLiteral("%T user=%D password=Juste-2026")
                << QStringLiteral("This account is disabled on the server.")
                << QStringList{ConnectionField::user};
        QTest::newRow("TLS required, server without it")
                << QStringLiteral("%T user=%L password=Juste-2026 sslmode=require")
                << QStringLiteral("The secure (TLS) connection to the server failed.")
                << QStringList{ConnectionField::tls};
        QTest::newRow("host name unknown")
                << QStringLiteral("host=serveur-inconnu.invalid dbname=recup user=%L")
                << QStringLiteral("The server name cannot be found on the network.")
                << QStringList{ConnectionField::host};
        QTest::newRow("nothing listens on the port")
                << QStringLiteral("host=127.0.0.1 port=%C dbname=recup user=%L")
                << QStringLiteral("The database server cannot be reached. Check the network and "
                                  "the server address, or ask your IT department.")
                << QStringList{ConnectionField::host, ConnectionField::port};
        QTest::newRow("unknown service") << QStringLiteral("service=inconnu_%P user=%L")
                                         << QStringLiteral("The connection settings are not valid.")
                                         << QStringList{ConnectionField::service};
    }

    void errorNamesTheFieldAtFault()
    {
        QFETCH(QString, conninfo);
        QFETCH(QString, message);
        QFETCH(QStringList, fields);
        QTcpServer probe; // a port on which nothing listens: bound, then freed
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const QString closed = QString::number(probe.serverPort());
        probe.close();
        conninfo.replace(QLatin1String("%T"),
                         QStringLiteral("host=127.0.0.1 port=%1 dbname=%2").arg(m_port, m_dbname))
                .replace(
                        QLatin1String("%S"),
                        QStringLiteral("host=%1 port=%2 dbname=%3").arg(m_socket, m_port, m_dbname))
                .replace(QLatin1String("%L"), m_login)
                .replace(QLatin1String("%D"), m_disabled)
                .replace(QLatin1String("%C"), closed)
                .replace(QLatin1String("%P"), QString::number(QCoreApplication::applicationPid()));
        Database db(DatabaseConfig::fromConninfo(conninfo + QStringLiteral(" connect_timeout=5")));
        const Status opened = db.open();
        QVERIFY(!opened);
        const Error &error = opened.error();
        QCOMPARE(error.kind, Error::Kind::Connection);
        QVERIFY2(error.message == message, qPrintable(error.message + u'\n' + error.detail));
        QCOMPARE(fieldNames(error), fields);
        QVERIFY(!error.detail.isEmpty());
    }

    void lostSessionIsAConnectionError()
    {
        // A query on a session the server ended: the kind says so, not the sentence.
        Database db(m_test->config());
        QVERIFY(db.open());
        QSqlQuery pid(db.connection());
        QVERIFY(pid.exec(QStringLiteral("SELECT pg_backend_pid()")) && pid.next());
        QSqlQuery kill(m_admin->connection());
        QVERIFY(kill.exec(
                QStringLiteral("SELECT pg_terminate_backend(%1)").arg(pid.value(0).toLongLong())));
        // pg_terminate_backend() only signals: wait until the session is really gone.
        QTRY_VERIFY(kill.exec(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = %1")
                                      .arg(pid.value(0).toLongLong()))
                    && kill.next() && kill.value(0).toInt() == 0);
        QSqlQuery after(db.connection());
        QVERIFY(!after.exec(QStringLiteral("SELECT 1")));
        const QSqlError lost = after.lastError();
        QVERIFY2(isConnectionLoss(lost), qPrintable(lost.text() + u' ' + lost.nativeErrorCode()));
        QCOMPARE(databaseError(lost).kind, Error::Kind::Connection);
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    QString m_port, m_socket, m_dbname, m_login, m_disabled;
};

QTEST_GUILESS_MAIN(TestConnectionErrors)
#include "tst_connectionerrors.moc"
