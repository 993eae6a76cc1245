// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The catalogue's thumbnails behind the wall (issue #13, migration 025), each person with their
// own login as with psql: a photo, its thumbnail and its version are read exactly where its ad
// is (an agent never reads a pending ad's thumbnail by asking for its id, a moderator does), and
// nobody but the server numbers the versions the workstations' caches trust.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "storage/AdRepository.h"
#include "storage/CatalogueQuery.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <vector>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestPhotoSecurity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("roles and row-level security exist on PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("photosecurity"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        const QList<std::pair<QString, Roles>> logins{
                {u"phs_agent"_s, Role::Agent},
                {u"phs_moderator"_s, Role::Agent | Role::Moderator},
                {u"phs_logistics"_s, Role::Agent | Role::Logistics},
                {u"phs_admin"_s, Role::Agent | Role::Admin}};
        for (const auto &[login, roles] : logins) {
            QVERIFY(enrolLogin(*m_admin, login, roles, m_world.waste) > 0);
            auto db = m_test->openAs(login);
            QVERIFY2(db, qPrintable(login));
            m_logins.emplace_back(login, std::move(db));
        }
        m_publishedPhoto = adWithPhoto(u"Chaise visible"_s, true);
        m_pendingPhoto = adWithPhoto(u"Projet confidentiel"_s, false);
        QVERIFY(m_publishedPhoto > 0 && m_pendingPhoto > 0);
    }
    void cleanupTestCase()
    {
        m_logins.clear();
        m_admin.reset();
        m_test.reset();
    }

    // Asked by id with raw SQL: the published ad's thumbnail and version for everyone; the
    // pending ad's only for those who may see the pending ad (moderators, administrators).
    void aThumbnailIsReadWhereItsAdIs()
    {
        for (const auto &[login, db] : m_logins) {
            const bool seesPending = login == u"phs_moderator"_s || login == u"phs_admin"_s;
            QSqlQuery query(db->connection());
            QVERIFY2(query.exec(u"SELECT id, version, thumbnail FROM recup.ad_photo WHERE id IN "
                                "(%1, %2) ORDER BY id"_s.arg(m_publishedPhoto)
                                        .arg(m_pendingPhoto)),
                     qPrintable(login + query.lastError().text()));
            QSet<qint64> seen;
            while (query.next()) {
                QVERIFY(query.value(1).toLongLong() > 0);
                QVERIFY(!query.value(2).toByteArray().isEmpty());
                seen.insert(query.value(0).toLongLong());
            }
            QVERIFY2(seen.contains(m_publishedPhoto), qPrintable(login));
            QCOMPARE(seen.contains(m_pendingPhoto), seesPending);

            // The catalogue's batch, as the app runs it on this login: catalogue ads only.
            const auto batch = CatalogueQuery(*db).thumbnails({m_publishedPhoto, m_pendingPhoto});
            QVERIFY2(batch, qPrintable(login + batch.error().detail));
            QCOMPARE(batch->size(), 1);
            QCOMPARE(batch->first().photoId, m_publishedPhoto);
        }
    }

    // The versions are the server's: no login writes one, nor draws numbers from its sequence.
    void nobodyNumbersTheVersions()
    {
        for (const auto &[login, db] : m_logins) {
            for (const QString &sql :
                 {u"UPDATE recup.ad_photo SET version = 1 WHERE id = %1"_s.arg(m_publishedPhoto),
                  u"INSERT INTO recup.ad_photo (ad_id, position, jpeg, thumbnail, version) "
                  "SELECT ad_id, 5, jpeg, thumbnail, 1 FROM recup.ad_photo WHERE id = %1"_s.arg(
                          m_publishedPhoto),
                  u"SELECT nextval('recup.ad_photo_version_seq')"_s,
                  u"SELECT setval('recup.ad_photo_version_seq', 1)"_s}) {
                QSqlQuery query(db->connection());
                QVERIFY2(!query.exec(sql), qPrintable(login + u": "_s + sql));
                QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
            }
        }
        QCOMPARE(countOf(*m_admin,
                         u"SELECT version FROM recup.ad_photo WHERE id = %1"_s.arg(
                                 m_publishedPhoto)),
                 m_publishedVersion);
    }

    // A photo rewritten in place (only the server's owner may) gets a new version: a cache never
    // keeps a picture under the key of another.
    void aRewrittenPictureGetsANewVersion()
    {
        const int before = countOf(
                *m_admin,
                u"SELECT version FROM recup.ad_photo WHERE id = %1"_s.arg(m_publishedPhoto));
        QVERIFY(execSql(*m_admin,
                        u"UPDATE recup.ad_photo SET thumbnail = 'autre' WHERE id = %1"_s.arg(
                                m_publishedPhoto)));
        const int after = countOf(
                *m_admin,
                u"SELECT version FROM recup.ad_photo WHERE id = %1"_s.arg(m_publishedPhoto));
        QVERIFY2(after > before, qPrintable(u"%1 -> %2"_s.arg(before).arg(after)));
    }

private:
    // An ad of the world's owner with one photo, published or left pending; its photo's id.
    qint64 adWithPhoto(const QString &title, bool publish)
    {
        AdRepository ads(*m_admin);
        Ad input = m_world.sampleAd(title);
        input.photos
                = {AdPhoto{0, 0, QByteArray("full"), QByteArray("thumb of ") + title.toUtf8()}};
        auto ad = ads.create(input, m_world.ownerActor());
        if (!ad)
            return 0;
        ad = ads.transition(
                ad->id, {AdAction::Submit, ad->version, {}, {}, 0, {}}, m_world.ownerActor());
        if (ad && publish)
            ad = ads.transition(ad->id,
                                {AdAction::Approve, ad->version, {}, {}, 0, {}},
                                m_world.moderatorActor());
        if (!ad)
            return 0;
        const auto stored = ads.get(ad->id, true);
        if (!stored || stored->photos.isEmpty())
            return 0;
        if (publish)
            m_publishedVersion = countOf(*m_admin,
                                         u"SELECT version FROM recup.ad_photo WHERE id = %1"_s.arg(
                                                 stored->photos.first().id));
        return stored->photos.first().id;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    World m_world;
    std::vector<std::pair<QString, std::unique_ptr<Database>>> m_logins;
    qint64 m_publishedPhoto = 0;
    qint64 m_pendingPhoto = 0;
    int m_publishedVersion = 0;
};

QTEST_GUILESS_MAIN(TestPhotoSecurity)
#include "tst_photosecurity.moc"
