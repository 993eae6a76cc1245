// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDatabase.h"
#include "lifecycle/AdLifecycle.h"
#include "storage/SchemaMigrator.h"
#include "storage/SqlDialect.h"

#include <QDir>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using Recup::Testing::TestDatabase;

class TestMigrations : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("migrations"));
        m_db = m_test->open(false);
        QVERIFY(m_db);
    }
    void cleanup()
    {
        m_db.reset();
        m_test.reset();
    }

    void emptyDatabaseIsReportedMissing()
    {
        SchemaMigrator migrator(*m_db);
        QCOMPARE(migrator.currentVersion().value(), 0);
        const Status status = migrator.check();
        QVERIFY(!status);
        QCOMPARE(status.error().kind, Error::Kind::SchemaMissing);
        QVERIFY(status.error().message.contains(QLatin1String("collectiv-recup-admin init")));
    }

    void migratesFromEmptyToLatest()
    {
        SchemaMigrator migrator(*m_db);
        QVERIFY(migrator.latestKnownVersion() >= 1);
        const Status migrated = migrator.migrate();
        QVERIFY2(migrated, qPrintable(migrated.error().detail));
        QCOMPARE(migrator.currentVersion().value(), migrator.latestKnownVersion());
        QVERIFY(migrator.check());
        // Every step recorded, with its name.
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral(
                "SELECT version, description FROM schema_version ORDER BY version")));
        int count = 0;
        while (q.next()) {
            ++count;
            QCOMPARE(q.value(0).toInt(), count);
            QVERIFY(!q.value(1).toString().isEmpty());
        }
        QCOMPARE(count, migrator.latestKnownVersion());
        // A second run changes nothing.
        QVERIFY(migrator.migrate());
        QCOMPARE(migrator.currentVersion().value(), migrator.latestKnownVersion());
    }

    void storedTransitionTableEqualsTheCore()
    {
        SchemaMigrator migrator(*m_db);
        QVERIFY(migrator.migrate());
        QSet<QString> stored;
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral(
                "SELECT from_state, action, actor, to_state FROM lifecycle_transition")));
        while (q.next()) {
            stored.insert(QStringList{q.value(0).toString(),
                                      q.value(1).toString(),
                                      q.value(2).toString(),
                                      q.value(3).toString()}
                                  .join(u' '));
        }
        QSet<QString> core;
        for (const Transition &t : AdLifecycle::transitions())
            core.insert(
                    QStringList{toKey(t.from), toKey(t.action), toKey(t.actor), toKey(t.to)}.join(
                            u' '));
        QCOMPARE(stored, core);
    }

    void newerSchemaIsRefusedUntouched()
    {
        SchemaMigrator migrator(*m_db);
        QVERIFY(migrator.migrate());
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(QStringLiteral(
                "INSERT INTO schema_version (version, description) VALUES (999, 'future')")));
        const Status checked = migrator.check();
        QVERIFY(!checked);
        QCOMPARE(checked.error().kind, Error::Kind::SchemaNewer);
        QVERIFY(checked.error().message.contains(QLatin1String("999")));
        const Status migrated = migrator.migrate();
        QVERIFY(!migrated);
        QCOMPARE(migrated.error().kind, Error::Kind::SchemaNewer);
        QCOMPARE(migrator.currentVersion().value(), 999);
    }

    void failedStepLeavesNothingHalfDone()
    {
        // The real steps, then one that creates a table and fails half-way.
        QTemporaryDir scripts;
        const int real = copyRealSteps(scripts.path());
        QFile broken(scripts.filePath(
                QStringLiteral("%1_broken.sql").arg(real + 1, 3, 10, QLatin1Char('0'))));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("CREATE TABLE half_done (id integer);\n"
                     "ALTER TABLE ad ADD COLUMN colour text;\n"
                     "INSERT INTO no_such_table VALUES (1);\n");
        broken.close();

        SchemaMigrator migrator(*m_db, scripts.path());
        QCOMPARE(migrator.latestKnownVersion(), real + 1);
        const Status status = migrator.migrate();
        QVERIFY(!status);
        QVERIFY2(status.error().message.contains(QLatin1String("nothing was changed")),
                 qPrintable(status.error().message));
        QCOMPARE(migrator.currentVersion().value(), real);
        QSqlQuery q(m_db->connection());
        QVERIFY(!q.exec(QStringLiteral("SELECT count(*) FROM half_done")));
        QVERIFY(!q.exec(QStringLiteral("SELECT colour FROM ad")));
        // The compiled-in migrator still sees a sound, complete schema.
        QVERIFY(SchemaMigrator(*m_db).check());
    }

    void olderSchemaAsksForAnUpgrade()
    {
        QTemporaryDir scripts;
        const int real = copyRealSteps(scripts.path());
        QFile next(scripts.filePath(
                QStringLiteral("%1_next.sql").arg(real + 1, 3, 10, QLatin1Char('0'))));
        QVERIFY(next.open(QIODevice::WriteOnly));
        next.write("CREATE TABLE later_table (id integer);\n");
        next.close();
        QVERIFY(SchemaMigrator(*m_db).migrate());
        SchemaMigrator newer(*m_db, scripts.path());
        const Status checked = newer.check();
        QVERIFY(!checked);
        QCOMPARE(checked.error().kind, Error::Kind::SchemaOlder);
        QVERIFY(newer.migrate());
        QVERIFY(newer.check());
    }

private:
    // Copies the compiled-in steps into folder; returns the newest version.
    int copyRealSteps(const QString &folder)
    {
        const QString source = QStringLiteral(":/sql/") + m_db->dialect().name();
        const QStringList files
                = QDir(source).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        for (const QString &file : files)
            QFile::copy(source + u'/' + file, folder + u'/' + file);
        return SchemaMigrator(*m_db).latestKnownVersion();
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
