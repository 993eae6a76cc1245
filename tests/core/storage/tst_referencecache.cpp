// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The session's reference cache: read once on the reading thread, shared, read again when the
// server says the tables changed (PostgreSQL's NOTIFY) or on a timer (SQLite), and a failure
// said rather than dropped.

#include "Fixtures.h"
#include "TestDatabase.h"
#include "storage/Database.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using namespace Recup;
using namespace Recup::Testing;

class TestReferenceCache : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("referencecache"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
    }
    void cleanupTestCase()
    {
        m_admin.reset();
        m_test.reset();
    }

    void readsOnceAndIsShared()
    {
        Database app(m_test->config());
        QVERIFY(app.open());
        ReferenceCache &cache = app.references();
        QCOMPARE(&app.references(), &cache); // one per session
        QSignalSpy changed(&cache, &ReferenceCache::changed);
        cache.ensureLoaded();
        cache.ensureLoaded(); // a second window asking while it reads: one read
        QVERIFY(cache.isLoading());
        QVERIFY(changed.wait(10'000));
        QCOMPARE(changed.size(), 1);
        QVERIFY(cache.isLoaded());
        QVERIFY(!cache.lastError());
        QCOMPARE(cache.serviceName(m_world.library), QStringLiteral("Médiathèque"));
        QCOMPARE(cache.siteName(m_world.depot), QStringLiteral("Centre technique"));
        QCOMPARE(cache.categoryName(m_world.desks), QStringLiteral("Bureaux"));
        QVERIFY(cache.organisation(m_world.agglo));
        QCOMPARE(cache.service(424242), nullptr);
        QCOMPARE(cache.serviceName(424242, QStringLiteral("?")), QStringLiteral("?"));
        cache.ensureLoaded(); // already there: nothing read
        QTest::qWait(100);
        QCOMPARE(changed.size(), 1);
    }

    void readsAgainWhenReferenceDataChanges()
    {
        Database app(m_test->config());
        QVERIFY(app.open());
        ReferenceCache &cache = app.references();
        cache.setPollInterval(200);       // SQLite's only way to know
        cache.setNotificationDelay(0, 0); // PostgreSQL's: at once here
        QSignalSpy changed(&cache, &ReferenceCache::changed);
        cache.ensureLoaded();
        QVERIFY(changed.wait(10'000));

        // Another workstation (the administrator) adds a service.
        Service archives;
        archives.organisationId = m_world.agglo;
        archives.code = QStringLiteral("ARCH");
        archives.name = QStringLiteral("Archives");
        const auto added = ReferenceRepository(*m_admin).addService(archives);
        QVERIFY2(added, qPrintable(added.error().detail));
        // PostgreSQL notifies the cache at once; SQLite's timer reads again.
        QTRY_VERIFY_WITH_TIMEOUT(cache.service(*added), 2000);
        QCOMPARE(cache.serviceName(*added), QStringLiteral("Archives"));
    }

    void aBurstOfNotificationsCostsOneReading()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("notifications are PostgreSQL's");
        Database app(m_test->config());
        ReferenceCache &cache = app.references();
        cache.setNotificationDelay(300, 0);
        QSignalSpy changed(&cache, &ReferenceCache::changed);
        cache.ensureLoaded();
        QVERIFY(changed.wait(10'000));
        const int before = cache.readings();
        // Anyone may NOTIFY: a thousand notices, and some that are not the tables' own.
        QSqlQuery burst(m_admin->connection());
        QVERIFY(burst.exec(QStringLiteral(
                "SELECT pg_notify('recup_reference', CASE WHEN g % 2 = 0 THEN 'service' "
                "ELSE 'junk' || g END) FROM generate_series(1, 1000) g")));
        QTRY_VERIFY_WITH_TIMEOUT(cache.readings() > before, 5000);
        QTest::qWait(800);
        QCOMPARE(cache.readings(), before + 1); // gathered into one reading
        QVERIFY(cache.isLoaded());

        QSqlQuery junk(m_admin->connection());
        QVERIFY(junk.exec(QStringLiteral("SELECT pg_notify('recup_reference', 'nothing')")));
        QTest::qWait(800);
        QCOMPARE(cache.readings(), before + 1); // not a table's notice: ignored
    }

    void listensAgainAfterASilentReconnection()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("sessions ended by the server are PostgreSQL's");
        const QString name = QStringLiteral("recup-cache-relisten");
        Database app(DatabaseConfig::fromConninfo(m_test->config().conninfo + u" application_name="
                                                  + name));
        ReferenceCache &cache = app.references();
        cache.setNotificationDelay(0, 0);
        QSignalSpy changed(&cache, &ReferenceCache::changed);
        cache.ensureLoaded();
        QVERIFY(changed.wait(10'000));

        // The server ends the reader's session; the next read reconnects on its own.
        QSqlQuery kill(m_admin->connection());
        kill.prepare(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                    "WHERE application_name = ?"));
        kill.addBindValue(name);
        QVERIFY(kill.exec());
        QTest::qWait(200);
        ReadChannel reads(app.reader());
        bool read = false;
        reads.request<bool>(
                [&app]() -> Result<bool> {
                    const Status alive = app.ping();
                    if (!alive)
                        return alive.error();
                    return true;
                },
                [&](const Result<bool> &) { read = true; });
        QTRY_VERIFY(read);

        // The cache listens on the new session: a new site reaches it.
        Site annex;
        annex.organisationId = m_world.agglo;
        annex.code = QStringLiteral("ANNEXE");
        annex.name = QStringLiteral("Annexe des sports");
        const auto added = ReferenceRepository(*m_admin).addSite(annex);
        QVERIFY2(added, qPrintable(added.error().detail));
        QTRY_VERIFY_WITH_TIMEOUT(cache.site(*added), 5000);
    }

    void aFailedReadIsSaid()
    {
        QString why;
        auto empty = TestDatabase::create(QStringLiteral("referencecache_noschema"), &why);
        QVERIFY2(empty, qPrintable(why));
        std::unique_ptr<Database> db = empty->open(false);
        QVERIFY(db);
        ReferenceCache &cache = db->references();
        QSignalSpy failed(&cache, &ReferenceCache::failed);
        cache.ensureLoaded();
        QVERIFY(failed.wait(10'000));
        QVERIFY(cache.lastError());
        QVERIFY(!cache.lastError()->message.isEmpty());
        QVERIFY(!cache.isLoaded());
        QVERIFY(!cache.isLoading());
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    World m_world;
};

QTEST_GUILESS_MAIN(TestReferenceCache)
#include "tst_referencecache.moc"
