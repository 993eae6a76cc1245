// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The general store behind the wall, each person with their own login as with psql: only a
// store's delivery, written in the same transaction, hands an ad to the store's keeper — no
// agent, moderator or replayed delivery moves an owner, a service or a store by hand; a
// store transport goes to a store, for a published or expired ad of one's own; the ad waits
// while it moves; the store's agents read their stock; only the keeper then acts as owner.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "domain/PlatformTime.h"
#include "storage/PickupRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/StoreRepository.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestStoreSecurity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("roles and row-level security exist on PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("storesecurity"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        // Marie gives; Kim keeps the store (library); Ana works at the store too; Sam is a
        // third service; Léa is logistics; Claire moderates.
        m_marieId = enrolLogin(*m_admin, u"sts_marie"_s, Role::Agent, m_world.waste);
        m_kimId = enrolLogin(*m_admin, u"sts_kim"_s, Role::Agent, m_world.library);
        m_anaId = enrolLogin(*m_admin, u"sts_ana"_s, Role::Agent, m_world.library);
        m_samId = enrolLogin(*m_admin, u"sts_sam"_s, Role::Agent, m_world.schools);
        m_leaId = enrolLogin(*m_admin, u"sts_lea"_s, Role::Agent | Role::Logistics, m_world.waste);
        m_claireId = enrolLogin(
                *m_admin, u"sts_claire"_s, Role::Agent | Role::Moderator, m_world.schools);
        QVERIFY(m_marieId > 0 && m_kimId > 0 && m_anaId > 0 && m_samId > 0 && m_leaId > 0
                && m_claireId > 0);
        for (const auto &[login, db] : {std::pair{u"sts_marie"_s, &m_marie},
                                        std::pair{u"sts_kim"_s, &m_kim},
                                        std::pair{u"sts_ana"_s, &m_ana},
                                        std::pair{u"sts_sam"_s, &m_sam},
                                        std::pair{u"sts_lea"_s, &m_lea},
                                        std::pair{u"sts_claire"_s, &m_claire}}) {
            *db = m_test->openAs(login);
            QVERIFY2(*db, qPrintable(login));
        }
        m_today = platformToday();
        ReferenceRepository references(*m_admin);
        Site store;
        store.organisationId = m_world.agglo;
        store.code = u"MAG"_s;
        store.name = u"Magasin général"_s;
        m_store = *references.addSite(store);
        QVERIFY(references.setStore(m_store, m_world.library, m_kimId));

        m_asMarie = m_world;
        m_asMarie.owner = m_marieId;
        m_moving = publishedAd(*m_admin, m_asMarie, u"Armoire en transit"_s).id;
        // Sam asked Marie about it: his message is Marie's to read, never the keeper's.
        QSqlQuery asked(m_sam->connection());
        QVERIFY2(asked.exec(u"INSERT INTO recup.contact_request (ad_id, requester_id, "
                            "requesting_service_id, message, message_id) VALUES (%1, %2, %3, "
                            "'Pour l’école ?', '<sts-1@test>')"_s.arg(m_moving)
                                    .arg(m_samId)
                                    .arg(m_world.schools)),
                 qPrintable(asked.lastError().text()));
        m_idle = publishedAd(*m_admin, m_asMarie, u"Armoire au bureau"_s).id;
    }
    void cleanupTestCase()
    {
        for (auto *db : {&m_marie, &m_kim, &m_ana, &m_sam, &m_lea, &m_claire, &m_admin})
            db->reset();
        m_test.reset();
    }

    void agentsDoNotMakeStoresNorMoveOwners()
    {
        // Not even moderators, who keep the sites: a keeper named is given items.
        for (Database *db : {m_marie.get(), m_kim.get(), m_lea.get(), m_claire.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY(!q.exec(u"UPDATE recup.site SET store_service_id = %1, store_keeper_id = %2 "
                            "WHERE id = %3"_s.arg(m_world.library)
                                    .arg(m_kimId)
                                    .arg(m_world.depot)));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
        QSqlQuery newStore(m_claire->connection());
        QVERIFY(!newStore.exec(u"INSERT INTO recup.site (organisation_id, code, name, "
                               "store_service_id, store_keeper_id) VALUES (%1, 'MAG2', 'Mine', "
                               "%2, %3)"_s.arg(m_world.agglo)
                                       .arg(m_world.schools)
                                       .arg(m_claireId)));
        QCOMPARE(newStore.lastError().nativeErrorCode(), u"42501"_s);
        // A moderator may still rename a site.
        QSqlQuery rename(m_claire->connection());
        QVERIFY2(rename.exec(
                         u"UPDATE recup.site SET name = name WHERE id = %1"_s.arg(m_world.depot)),
                 qPrintable(rename.lastError().text()));
        // An ad's giver is its owner's service, whatever the insert says.
        QSqlQuery posted(m_marie->connection());
        QVERIFY2(posted.exec(u"INSERT INTO recup.ad (title, description, category_id, quantity, "
                             "site_id, owner_id, service_id, attested, state) VALUES ('Chaise', "
                             "'Une chaise', %1, 1, %2, %3, %4, true, 'draft') RETURNING "
                             "service_id"_s.arg(m_world.chairs)
                                     .arg(m_world.depot)
                                     .arg(m_marieId)
                                     .arg(m_world.schools)),
                 qPrintable(posted.lastError().text()));
        QVERIFY(posted.next());
        QCOMPARE(posted.value(0).toLongLong(), m_world.waste);
        // Neither owner, service nor store of an ad is a column clients write.
        QSqlQuery q(m_marie->connection());
        for (const QString &set : {u"owner_id = %1"_s.arg(m_kimId),
                                   u"service_id = %1"_s.arg(m_world.library),
                                   u"store_site_id = %1"_s.arg(m_store),
                                   u"stored_at = now()"_s}) {
            QVERIFY2(!q.exec(u"UPDATE recup.ad SET %1, version = version + 1 WHERE id = %2"_s
                                     .arg(set)
                                     .arg(m_idle)),
                     qPrintable(set));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
    }

    void aModeratorDoesNotHandAnAdOverByHand()
    {
        // Moderators may update ads, but the guard wants a store's delivery in the same
        // transaction.
        QSqlQuery q(m_claire->connection());
        QVERIFY(!q.exec(u"UPDATE recup.ad SET owner_id = %1, service_id = %2, store_site_id = %3, "
                        "stored_at = now(), version = version + 1 WHERE id = %4"_s.arg(m_kimId)
                                .arg(m_world.library)
                                .arg(m_store)
                                .arg(m_idle)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        QCOMPARE(ownerOf(m_idle), m_marieId);
    }

    void aStoreTransportGoesToAStoreForOnesOwnAd()
    {
        const QString insert = u"INSERT INTO recup.pickup (ad_id, from_site_id, to_site_id, "
                               "wished_date, purpose) VALUES (%1, %2, %3, current_date + 1, "
                               "'store')"_s;
        // Not to a site that is no store.
        QSqlQuery q(m_marie->connection());
        QVERIFY(!q.exec(insert.arg(m_idle).arg(m_world.depot).arg(m_world.townHall)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        // Not someone else's ad, even to the store; not as its keeper-to-be, nor a moderator.
        for (Database *db : {m_kim.get(), m_sam.get(), m_claire.get()}) {
            QSqlQuery other(db->connection());
            QVERIFY(!other.exec(insert.arg(m_idle).arg(m_world.depot).arg(m_store)));
            QCOMPARE(other.lastError().nativeErrorCode(), u"42501"_s);
        }
        // Not an exchange's purpose changed afterwards.
        QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM pickup WHERE ad_id = %1"_s.arg(m_idle)),
                 0);

        // An edit of the ad under way in another session is waited for, never raced: the
        // transport would otherwise follow the committed, published row.
        {
            auto second = m_test->openAs(u"sts_marie"_s);
            QVERIFY(second);
            QSqlQuery edit(m_marie->connection());
            QVERIFY(edit.exec(u"BEGIN"_s));
            QVERIFY2(edit.exec(u"UPDATE recup.ad SET quantity = quantity, version = version + 1 "
                               "WHERE id = %1"_s.arg(m_moving)),
                     qPrintable(edit.lastError().text()));
            QSqlQuery race(second->connection());
            QVERIFY(race.exec(u"SET lock_timeout = '300ms'"_s));
            QVERIFY(!race.exec(insert.arg(m_moving).arg(m_world.depot).arg(m_store)));
            QCOMPARE(race.lastError().nativeErrorCode(), u"55P03"_s); // it waited
            QVERIFY(edit.exec(u"ROLLBACK"_s));
        }

        // Marie's own, through the application: accepted, for the store's service.
        const auto moving = PickupRepository(*m_marie).sendToStore(m_moving, toStore(), marie());
        QVERIFY2(moving, qPrintable(moving.error().message + u' ' + moving.error().detail));
        m_pickup = moving->id;
        QCOMPARE(moving->receivingServiceId, m_world.library);
        QSqlQuery purpose(m_lea->connection());
        QVERIFY(!purpose.exec(
                u"UPDATE recup.pickup SET purpose = 'exchange' WHERE id = %1"_s.arg(m_pickup)));
        QCOMPARE(purpose.lastError().nativeErrorCode(), u"42501"_s);
    }

    void theAdWaitsWhileItMoves()
    {
        QSqlQuery q(m_marie->connection());
        QVERIFY(!q.exec(u"UPDATE recup.ad SET state = 'closed', close_reason = 'discarded', "
                        "version = version + 1 WHERE id = %1"_s.arg(m_moving)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        QSqlQuery moderator(m_claire->connection());
        QVERIFY(!moderator.exec(u"UPDATE recup.ad SET quantity = 9, version = version + 1 "
                                "WHERE id = %1"_s.arg(m_moving)));
        QCOMPARE(moderator.lastError().nativeErrorCode(), u"23514"_s);
        // Nor its photos.
        QVERIFY(!q.exec(u"INSERT INTO recup.ad_photo (ad_id, position, jpeg, thumbnail) "
                        "VALUES (%1, 5, '\\xffd8', '\\xffd8')"_s.arg(m_moving)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        // Nor does the store change keeper while items travel to it.
        QSqlQuery rekeep(m_admin->connection());
        QVERIFY(!rekeep.exec(u"UPDATE site SET store_keeper_id = %1, store_service_id = %2 "
                             "WHERE id = %3"_s.arg(m_anaId)
                                     .arg(m_world.library)
                                     .arg(m_store)));
        QCOMPARE(rekeep.lastError().nativeErrorCode(), u"23514"_s);
        // The store's agents follow the transport; a third service does not see it.
        const QString all = u"SELECT id FROM pickup WHERE purpose = 'store'"_s;
        QCOMPARE(idsOf(*m_kim, all), QSet<qint64>{m_pickup});
        QCOMPARE(idsOf(*m_ana, all), QSet<qint64>{m_pickup});
        QCOMPARE(idsOf(*m_sam, all), QSet<qint64>{});
        // Nobody but logistics carries it out, not the store either.
        QSqlQuery kim(m_kim->connection());
        QVERIFY(!kim.exec(u"UPDATE recup.pickup SET status = 'planned', planned_date = "
                          "current_date, stop_order = 1 WHERE id = %1"_s.arg(m_pickup)));
        QCOMPARE(kim.lastError().nativeErrorCode(), u"42501"_s);
    }

    void theDeliveryHandsItToTheKeeperOnce()
    {
        Actor lea{m_leaId, false, false};
        lea.logistics = true;
        PickupRepository pickups(*m_lea);
        auto p = pickups.find(m_pickup);
        QVERIFY(p);
        p = pickups.plan(p->id, p->version, m_today, u"A"_s, 1, lea);
        QVERIFY2(p, qPrintable(p.error().message + p.error().detail));
        p = pickups.markPickedUp(p->id, p->version, lea);
        QVERIFY(p);
        p = pickups.markDelivered(p->id, p->version, lea);
        QVERIFY2(p, qPrintable(p.error().message + p.error().detail));
        QCOMPARE(ownerOf(m_moving), m_kimId);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM ad_history WHERE ad_id = %1 AND action = 'store' "
                         "AND actor_id = %2"_s.arg(m_moving)
                                 .arg(m_leaId)),
                 1);

        // Replaying the hand-over later, towards anyone, is refused: the delivery is past.
        QSqlQuery replay(m_claire->connection());
        QVERIFY(!replay.exec(
                u"UPDATE recup.ad SET owner_id = %1, service_id = %2, "
                "store_site_id = NULL, version = version + 1 WHERE id = %3"_s.arg(m_marieId)
                        .arg(m_world.waste)
                        .arg(m_moving)));
        QCOMPARE(replay.lastError().nativeErrorCode(), u"42501"_s);
        QCOMPARE(ownerOf(m_moving), m_kimId);
    }

    void theStoreReadsItsStockAndOnlyTheKeeperActs()
    {
        // Kim, Ana and any agent see it published; the value is Kim's and the moderators'.
        const auto byKim = StoreRepository(*m_kim).stock(m_store);
        const auto byAna = StoreRepository(*m_ana).stock(m_store);
        const auto byClaire = StoreRepository(*m_claire).stock(m_store);
        QVERIFY(byKim && byAna && byClaire);
        QCOMPARE(byKim->size(), 1);
        QCOMPARE(byAna->size(), 1);
        QVERIFY(byKim->first().valueCents.has_value());
        QVERIFY(!byAna->first().valueCents.has_value());
        QVERIFY(byClaire->first().valueCents.has_value());
        QCOMPARE(byAna->first().givenBy, byClaire->first().givenBy);
        QVERIFY(!byAna->first().givenBy.isEmpty());

        // Marie no longer changes it; Kim does, as its owner.
        QSqlQuery marie(m_marie->connection());
        QVERIFY(marie.exec(u"UPDATE recup.ad SET quantity = 2, version = version + 1 "
                           "WHERE id = %1"_s.arg(m_moving)));
        QCOMPARE(marie.numRowsAffected(), 0);
        QSqlQuery kim(m_kim->connection());
        QVERIFY2(kim.exec(u"UPDATE recup.ad SET quantity = 2, version = version + 1 "
                          "WHERE id = %1"_s.arg(m_moving)),
                 qPrintable(kim.lastError().text()));
        QCOMPARE(kim.numRowsAffected(), 1);
        // What was asked of Marie before is not Kim's to read.
        QCOMPARE(countOf(*m_kim,
                         u"SELECT count(*) FROM contact_request WHERE ad_id = %1"_s.arg(m_moving)),
                 0);
        QCOMPARE(countOf(*m_sam,
                         u"SELECT count(*) FROM contact_request WHERE ad_id = %1"_s.arg(m_moving)),
                 1);
        // Sam asked Marie; the keeper never saw it: Sam may ask Kim, once (migration 026).
        for (const bool first : {true, false}) {
            QSqlQuery again(m_sam->connection());
            const bool written
                    = again.exec(u"INSERT INTO recup.contact_request (ad_id, requester_id, "
                                 "requesting_service_id, message, message_id) VALUES (%1, %2, %3, "
                                 "'Toujours là ?', '<sts-%4@test>')"_s.arg(m_moving)
                                         .arg(m_samId)
                                         .arg(m_world.schools)
                                         .arg(first ? 2 : 3));
            QVERIFY2(written == first, qPrintable(again.lastError().text()));
            if (!first)
                QVERIFY2(again.lastError().text().contains(u"already asked"_s),
                         qPrintable(again.lastError().text()));
        }
        QCOMPARE(countOf(*m_kim,
                         u"SELECT count(*) FROM contact_request WHERE ad_id = %1"_s.arg(m_moving)),
                 1);
        // Kim reads its whole history, Marie's steps included.
        QVERIFY(countOf(*m_kim,
                        u"SELECT count(*) FROM ad_history WHERE ad_id = %1 AND "
                        "actor_id = %2"_s.arg(m_moving)
                                .arg(m_marieId))
                >= 1);
    }

    // Hostile review of 027: a store's transport carried the whole lot, parts reserved or given
    // included, and after the delivery its keeper could settle the parts Marie had promised.
    // A lot with a part held or given does not go to the store, and no part is reserved or
    // given while it travels there; as Marie's login, with raw SQL.
    void aLotWithPartsPromisedStaysOutOfTheStore()
    {
        const QString toTheStore = u"INSERT INTO recup.pickup (ad_id, from_site_id, to_site_id, "
                                   "wished_date, purpose) VALUES (%1, %2, %3, current_date + 1, "
                                   "'store')"_s;
        const auto partOf = [&](qint64 lot, int quantity) {
            QSqlQuery q(m_marie->connection());
            return q.exec(u"INSERT INTO recup.ad_reservation (ad_id, service_id, quantity) "
                          "VALUES (%1, %2, %3) RETURNING id"_s.arg(lot)
                                  .arg(m_world.schools)
                                  .arg(quantity))
                                   && q.next()
                           ? q.value(0).toLongLong()
                           : 0;
        };
        QSqlQuery q(m_marie->connection());
        // A part held.
        const qint64 held = publishedLot(*m_admin, m_asMarie, 6, 600, 0, u"Six chaises"_s).id;
        QVERIFY(partOf(held, 2) > 0);
        QVERIFY(!q.exec(toTheStore.arg(held).arg(m_world.depot).arg(m_store)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        QVERIFY2(q.lastError().text().contains(u"store-ad-parts"_s),
                 qPrintable(q.lastError().text()));
        // A part given.
        const qint64 given = publishedLot(*m_admin, m_asMarie, 6, 600, 0, u"Six tables"_s).id;
        const qint64 part = partOf(given, 2);
        QVERIFY(part > 0);
        QVERIFY(execSql(*m_marie,
                        u"UPDATE recup.ad_reservation SET state = 'exchanged', version = "
                        "version + 1 WHERE id = %1"_s.arg(part)));
        QVERIFY(!q.exec(toTheStore.arg(given).arg(m_world.depot).arg(m_store)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM pickup WHERE ad_id IN (%1, %2)"_s.arg(held).arg(
                                 given)),
                 0);

        // A whole lot goes; on its way, Marie neither reserves nor gives any of it.
        const qint64 whole = publishedLot(*m_admin, m_asMarie, 6, 600, 0, u"Six bancs"_s).id;
        QVERIFY2(q.exec(toTheStore.arg(whole).arg(m_world.depot).arg(m_store)),
                 qPrintable(q.lastError().text()));
        QCOMPARE(partOf(whole, 2), 0);
        QSqlQuery reserve(m_marie->connection());
        QVERIFY(!reserve.exec(u"INSERT INTO recup.ad_reservation (ad_id, service_id, quantity) "
                              "VALUES (%1, %2, 1)"_s.arg(whole)
                                      .arg(m_world.schools)));
        QVERIFY2(reserve.lastError().text().contains(u"ad-going-to-store"_s),
                 qPrintable(reserve.lastError().text()));
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM ad_reservation WHERE ad_id = %1"_s.arg(whole)),
                 0);
    }

private:
    Actor marie() const { return {m_marieId, false, false}; }
    PickupRequest toStore() const
    {
        PickupRequest r;
        r.from = {m_world.depot, {}, {}, u"B 104"_s, u"Marie"_s, u"05 49 00 00 01"_s};
        r.to = {m_store, {}, {}, u"Travée 2"_s, u"Kim"_s, u"05 49 00 00 09"_s};
        r.wishedDate = m_today.addDays(1);
        return r;
    }
    qint64 ownerOf(qint64 adId) const
    {
        QSqlQuery q(m_admin->connection());
        return q.exec(u"SELECT owner_id FROM ad WHERE id = %1"_s.arg(adId)) && q.next()
                       ? q.value(0).toLongLong()
                       : 0;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin, m_marie, m_kim, m_ana, m_sam, m_lea, m_claire;
    World m_world, m_asMarie;
    QDate m_today;
    qint64 m_marieId = 0, m_kimId = 0, m_anaId = 0, m_samId = 0, m_leaId = 0, m_claireId = 0;
    qint64 m_store = 0, m_moving = 0, m_idle = 0, m_pickup = 0;
};

QTEST_GUILESS_MAIN(TestStoreSecurity)
#include "tst_storesecurity.moc"
