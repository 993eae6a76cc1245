// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDatabase.h"

#include "storage/SchemaMigrator.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace Recup::Testing {

namespace {

// Runs one statement on the cluster's maintenance database.
bool onCluster(const QString &statement, QString *why)
{
    const QString name = QStringLiteral("recup-test-admin");
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setConnectOptions(TestDatabase::clusterConninfo());
        if (!db.open()) {
            *why = QStringLiteral("PostgreSQL unreachable: ") + db.lastError().text();
        } else {
            QSqlQuery query(db);
            ok = query.exec(statement);
            if (!ok)
                *why = query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

QString TestDatabase::backend()
{
    const QString value = qEnvironmentVariable("RECUP_TEST_BACKEND");
    return value.isEmpty() || value == QLatin1String("none") ? QStringLiteral("sqlite") : value;
}

bool TestDatabase::required()
{
    return qEnvironmentVariableIntValue("RECUP_REQUIRE_PG") != 0;
}

QString TestDatabase::clusterConninfo()
{
    return qEnvironmentVariable("RECUP_TEST_PG");
}

std::unique_ptr<TestDatabase> TestDatabase::create(const QString &suite, QString *why)
{
    std::unique_ptr<TestDatabase> test(new TestDatabase);
    if (backend() == QLatin1String("sqlite")) {
        test->m_dir = std::make_unique<QTemporaryDir>();
        if (!test->m_dir->isValid()) {
            *why = QStringLiteral("no temporary folder");
            return {};
        }
        test->m_config = DatabaseConfig::sqlite(test->m_dir->filePath(suite + u".sqlite"));
        return test;
    }
    if (clusterConninfo().isEmpty()) {
        *why = QStringLiteral("RECUP_TEST_PG is not set: no PostgreSQL cluster to test against");
        return {};
    }
    QString base = suite.toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    test->m_pgName
            = QStringLiteral("recup_t_%1_%2").arg(base).arg(QCoreApplication::applicationPid());
    onCluster(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(test->m_pgName), why);
    if (!onCluster(QStringLiteral("CREATE DATABASE %1").arg(test->m_pgName), why))
        return {};
    // libpq keeps the last value of a repeated keyword.
    test->m_config = DatabaseConfig::fromConninfo(clusterConninfo() + u" dbname=" + test->m_pgName);
    return test;
}

TestDatabase::~TestDatabase()
{
    if (!m_pgName.isEmpty()) {
        QString why;
        onCluster(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName), &why);
    }
}

std::unique_ptr<Database> TestDatabase::openAs(const QString &login) const
{
    DatabaseConfig config = m_config;
    if (!config.isSqlite())
        config = DatabaseConfig::fromConninfo(config.conninfo + u" user=" + login);
    auto db = std::make_unique<Database>(config);
    if (const Status opened = db->open(); !opened) {
        qWarning("cannot connect as %s: %s / %s",
                 qPrintable(login),
                 qPrintable(opened.error().message),
                 qPrintable(opened.error().detail));
        return {};
    }
    return db;
}

std::unique_ptr<Database> TestDatabase::open(bool migrate) const
{
    auto db = std::make_unique<Database>(m_config);
    const Status opened = db->open();
    if (!opened) {
        qWarning("cannot open test database: %s", qPrintable(opened.error().message));
        return {};
    }
    if (migrate) {
        SchemaMigrator migrator(*db);
        const Status migrated = migrator.migrate();
        if (!migrated) {
            qWarning("cannot migrate test database: %s / %s",
                     qPrintable(migrated.error().message),
                     qPrintable(migrated.error().detail));
            return {};
        }
    }
    return db;
}

} // namespace Recup::Testing
