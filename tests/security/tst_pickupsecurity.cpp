// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Transports behind the wall: each person connects with their own login, as with psql. The
// giving and the receiving services read their transport, a third service does not; only the
// logistics service (and moderators) plan and carry it out; the services cancel it only
// while requested; nobody changes a delivered one, writes the history, or moves the steps;
// the pickups' mails go to the two services' agents only.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "domain/PlatformTime.h"
#include "storage/AdRepository.h"
#include "storage/PickupRepository.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestPickupSecurity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("roles and row-level security exist on PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("pickupsecurity"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        // Logins of this suite only: roles are cluster-wide.
        m_marieId = enrolLogin(*m_admin, u"pks_marie"_s, Role::Agent, m_world.waste);
        m_samId = enrolLogin(*m_admin, u"pks_sam"_s, Role::Agent, m_world.schools);
        m_paulId = enrolLogin(*m_admin, u"pks_paul"_s, Role::Agent, m_world.library);
        m_leaId = enrolLogin(
                *m_admin, u"pks_lea"_s, Role::Agent | Role::Logistics, m_world.library);
        m_claireId = enrolLogin(
                *m_admin, u"pks_claire"_s, Role::Agent | Role::Moderator, m_world.library);
        QVERIFY(m_marieId > 0 && m_samId > 0 && m_paulId > 0 && m_leaId > 0 && m_claireId > 0);
        for (const auto &[login, db] : {std::pair{u"pks_marie"_s, &m_marie},
                                        std::pair{u"pks_sam"_s, &m_sam},
                                        std::pair{u"pks_paul"_s, &m_paul},
                                        std::pair{u"pks_lea"_s, &m_lea},
                                        std::pair{u"pks_claire"_s, &m_claire}}) {
            *db = m_test->openAs(login);
            QVERIFY2(*db, qPrintable(login));
        }
        m_today = platformToday();

        // Marie's desks, exchanged with the schools; Marie asks for the transport herself.
        World asMarie = m_world;
        asMarie.owner = m_marieId;
        m_ad = closedLot(*m_admin, asMarie, m_world.desks, 3, 9'000, 0, CloseReason::Exchanged).id;
        const auto asked = PickupRepository(*m_marie).request(m_ad, request(), marie());
        QVERIFY2(asked, qPrintable(asked.error().message + u' ' + asked.error().detail));
        m_pickup = asked->id;
        // Another exchanged ad of Marie's, without transport yet.
        m_otherAd
                = closedLot(*m_admin, asMarie, m_world.chairs, 1, 0, 8'000, CloseReason::Exchanged)
                          .id;
    }
    void cleanupTestCase()
    {
        m_marie.reset();
        m_sam.reset();
        m_paul.reset();
        m_lea.reset();
        m_claire.reset();
        m_admin.reset();
        m_test.reset();
    }

    void theTwoServicesAndTheStaffReadItOthersDoNot()
    {
        const QString all = u"SELECT id FROM pickup"_s;
        const QSet<qint64> one{m_pickup};
        QCOMPARE(idsOf(*m_marie, all), one);
        QCOMPARE(idsOf(*m_sam, all), one);
        QCOMPARE(idsOf(*m_paul, all), QSet<qint64>{});
        QCOMPARE(idsOf(*m_lea, all), one);
        QCOMPARE(idsOf(*m_claire, all), one);
        const QString steps = u"SELECT pickup_id FROM pickup_history"_s;
        QCOMPARE(idsOf(*m_sam, steps), one);
        QCOMPARE(idsOf(*m_paul, steps), QSet<qint64>{});
        QCOMPARE(idsOf(*m_lea, steps), one);
        // Through the application as well.
        QVERIFY(PickupRepository(*m_sam).find(m_pickup));
        QCOMPARE(PickupRepository(*m_paul).find(m_pickup).error().kind, Error::Kind::NotFound);
    }

    void theDaysPrintedListIsTheStaffsOnly()
    {
        // Marie and Sam see their transport, yet the day's list would pass for the round.
        const QDate day = m_today.addDays(3);
        for (Database *agent : {m_marie.get(), m_sam.get(), m_paul.get()}) {
            const auto stops = PickupRepository(*agent).stopsOfDay(day);
            QVERIFY(!stops);
            QCOMPARE(stops.error().kind, Error::Kind::Forbidden);
        }
        for (Database *staff : {m_lea.get(), m_claire.get(), m_admin.get()})
            QVERIFY(PickupRepository(*staff).stopsOfDay(day));
    }

    void onlyTheOwnerOrAModeratorAsksForATransport()
    {
        const QString insert = u"INSERT INTO pickup (ad_id, from_site_id, to_site_id, "
                               "wished_date) VALUES (%1, %2, %3, current_date + 1)"_s.arg(m_otherAd)
                                       .arg(m_world.depot)
                                       .arg(m_world.townHall);
        for (Database *db : {m_sam.get(), m_paul.get(), m_lea.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY(!q.exec(insert));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
        // Nor with the status, plan or facts of one's choosing, even the owner.
        QSqlQuery forged(m_marie->connection());
        QVERIFY(!forged.exec(u"INSERT INTO pickup (ad_id, from_site_id, to_site_id, wished_date, "
                             "status, quantity) VALUES (%1, %2, %3, current_date + 1, "
                             "'delivered', 1)"_s.arg(m_otherAd)
                                     .arg(m_world.depot)
                                     .arg(m_world.townHall)));
        QCOMPARE(forged.lastError().nativeErrorCode(), u"42501"_s);
        // A past day, refused by the server too.
        QVERIFY(!forged.exec(u"INSERT INTO pickup (ad_id, from_site_id, to_site_id, wished_date) "
                             "VALUES (%1, %2, %3, current_date - 3)"_s.arg(m_otherAd)
                                     .arg(m_world.depot)
                                     .arg(m_world.townHall)));
        QCOMPARE(forged.lastError().nativeErrorCode(), u"23514"_s);
        QCOMPARE(
                countOf(*m_admin, u"SELECT count(*) FROM pickup WHERE ad_id = %1"_s.arg(m_otherAd)),
                0);
    }

    void theServicesNeitherPlanNorRewriteIt()
    {
        for (Database *db : {m_marie.get(), m_sam.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY(!q.exec(u"UPDATE pickup SET status = 'planned', planned_date = current_date, "
                            "stop_order = 1 WHERE id = %1"_s.arg(m_pickup)));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
            QVERIFY(!q.exec(u"UPDATE pickup SET to_site_id = %1 WHERE id = %2"_s.arg(m_world.depot)
                                    .arg(m_pickup)));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
        // A third service does not even find it.
        QSqlQuery q(m_paul->connection());
        QVERIFY(q.exec(u"UPDATE pickup SET status = 'cancelled', cancel_reason = 'x' "
                       "WHERE id = %1"_s.arg(m_pickup)));
        QCOMPARE(q.numRowsAffected(), 0);
        QCOMPARE(status(), u"requested"_s);
    }

    void theLogisticsServiceCarriesItOutThenItIsFinal()
    {
        // Planned by raw SQL as Léa would with psql: allowed, counted, in the history.
        QVERIFY(execSql(*m_lea,
                        u"UPDATE pickup SET status = 'planned', planned_date = current_date + 1, "
                        "team = 'A', stop_order = 1 WHERE id = %1"_s.arg(m_pickup)));
        QCOMPARE(status(), u"planned"_s);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM pickup_history WHERE pickup_id = %1 "
                         "AND action = 'plan' AND actor_id = %2"_s.arg(m_pickup)
                                 .arg(m_leaId)),
                 1);
        // Skipping a step is refused; so is the service's late cancel.
        QVERIFY(!sqlRuns(*m_lea,
                         u"UPDATE pickup SET status = 'delivered' WHERE id = %1"_s.arg(m_pickup)));
        QVERIFY(!sqlRuns(*m_marie,
                         u"UPDATE pickup SET status = 'cancelled', cancel_reason = 'non' "
                         "WHERE id = %1"_s.arg(m_pickup)));
        QCOMPARE(status(), u"planned"_s);
        auto p = PickupRepository(*m_lea).find(m_pickup);
        QVERIFY(p);
        p = PickupRepository(*m_lea).markPickedUp(m_pickup, p->version, lea());
        QVERIFY2(p, qPrintable(p.error().message + p.error().detail));
        p = PickupRepository(*m_lea).markDelivered(m_pickup, p->version, lea());
        QVERIFY(p);
        // Delivered: nobody changes it, not the staff, not a moderator.
        for (Database *db : {m_lea.get(), m_claire.get(), m_marie.get()}) {
            QVERIFY(!sqlRuns(*db,
                             u"UPDATE pickup SET status = 'cancelled', cancel_reason = 'x' "
                             "WHERE id = %1"_s.arg(m_pickup)));
            QVERIFY(!sqlRuns(*db,
                             u"UPDATE pickup SET status = 'planned', planned_date = current_date, "
                             "stop_order = 9 WHERE id = %1"_s.arg(m_pickup)));
        }
        QCOMPARE(status(), u"delivered"_s);
    }

    void nobodyWritesTheHistoryTheStepsOrDeletes()
    {
        for (Database *db : {m_marie.get(), m_lea.get(), m_claire.get()}) {
            for (const QString &sql :
                 {u"INSERT INTO pickup_history (pickup_id, action, to_status) "
                  "VALUES (%1, 'plan', 'planned')"_s.arg(m_pickup),
                  u"UPDATE pickup_history SET detail = 'x'"_s,
                  u"DELETE FROM pickup_history"_s,
                  u"DELETE FROM pickup"_s,
                  u"INSERT INTO pickup_transition VALUES ('delivered', 'plan', 'agent', "
                  "'planned')"_s,
                  u"DELETE FROM pickup_transition"_s}) {
                QSqlQuery q(db->connection());
                QVERIFY2(!q.exec(sql), qPrintable(sql));
                QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
            }
        }
        QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM pickup_transition"_s), 7);
    }

    // A pickup mail follows its step, by the step's author, to the two services' agents.
    void thePickupMailsGoToTheTwoServicesOnly()
    {
        QVERIFY(execSql(*m_admin,
                        u"UPDATE agent SET email = login || '@agglo.test' WHERE id IN "
                        "(%1, %2, %3, %4)"_s.arg(m_marieId)
                                .arg(m_samId)
                                .arg(m_paulId)
                                .arg(m_leaId)));
        const int plan = countOf(*m_admin,
                                 u"SELECT id FROM pickup_history WHERE pickup_id = %1 "
                                 "AND action = 'plan'"_s.arg(m_pickup));
        const int delivered = countOf(*m_admin,
                                      u"SELECT id FROM pickup_history WHERE pickup_id = %1 "
                                      "AND action = 'mark_delivered'"_s.arg(m_pickup));
        QVERIFY(plan > 0 && delivered > 0);
        const auto verdict
                = [&](const QString &kind, int action, qint64 author, const QString &to) {
                      QSqlQuery q(m_admin->connection());
                      q.prepare(u"SELECT recup.outbox_verdict(?, ?, ?, ?, recup.mail_sender(?))"_s);
                      q.addBindValue(kind);
                      q.addBindValue(action);
                      q.addBindValue(author);
                      q.addBindValue(to);
                      q.addBindValue(author);
                      return q.exec() && q.next() ? q.value(0).toString() : u"(failed)"_s;
                  };
        const QString both = u"pks_marie@agglo.test\npks_sam@agglo.test"_s;
        QCOMPARE(verdict(u"pickup-planned"_s, plan, m_leaId, both), QString());
        QCOMPARE(verdict(u"pickup-done"_s, delivered, m_leaId, both), QString());
        QCOMPARE(verdict(u"pickup-planned"_s, plan, m_leaId, u"pks_paul@agglo.test"_s),
                 u"recipient"_s);
        QCOMPARE(verdict(u"pickup-planned"_s, plan, m_leaId, u"quelquun@ailleurs.example"_s),
                 u"recipient"_s);
        // Not Marie's step, nor the right kind of step.
        QCOMPARE(verdict(u"pickup-planned"_s, plan, m_marieId, both), u"not-your-action"_s);
        QCOMPARE(verdict(u"pickup-done"_s, plan, m_leaId, both), u"not-your-action"_s);
    }

    // A part of a lot given to its service has its own transport (migration 027): asked by
    // the ad's owner, never by another agent nor for a part still held, nor for a part of
    // another ad; the part's service and the logistics staff read it, a third service not.
    void aGivenPartsTransportAsEachLogin()
    {
        World asMarie = m_world;
        asMarie.owner = m_marieId;
        const Ad lot = publishedLot(*m_admin, asMarie, 6, 6'000, 12'000, u"Lot de chaises"_s);
        AdRepository marieAds(*m_marie);
        const auto schools = marieAds.reservePart(lot.id, m_world.schools, 2, marie());
        QVERIFY2(schools, qPrintable(schools.error().message + u' ' + schools.error().detail));
        const auto library = marieAds.reservePart(lot.id, m_world.library, 4, marie());
        QVERIFY2(library, qPrintable(library.error().message + u' ' + library.error().detail));
        QVERIFY(marieAds.exchangePart(*schools, marie()));

        const auto insert = [&](qint64 adId, qint64 partId) {
            return u"INSERT INTO pickup (ad_id, reservation_id, from_site_id, to_site_id, "
                   "wished_date) VALUES (%1, %2, %3, %4, current_date + 1)"_s.arg(adId)
                           .arg(partId)
                           .arg(m_world.depot)
                           .arg(m_world.townHall);
        };
        // Not the owner: Sam of the receiving service, Paul, Léa of the logistics.
        for (Database *db : {m_sam.get(), m_paul.get(), m_lea.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY(!q.exec(insert(lot.id, schools->id)));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
        QSqlQuery q(m_marie->connection());
        // A part still held, or a part named with another ad.
        QVERIFY(!q.exec(insert(lot.id, library->id)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        QVERIFY(!q.exec(insert(m_otherAd, schools->id)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM pickup WHERE reservation_id IS NOT NULL"_s),
                 0);

        // The owner asks: the server writes the part's service, quantity and share of the
        // weight, whatever the row said.
        QVERIFY2(q.exec(insert(lot.id, schools->id) + u" RETURNING id"_s) && q.next(),
                 qPrintable(q.lastError().text()));
        const qint64 partPickup = q.value(0).toLongLong();
        QSqlQuery facts(m_admin->connection());
        QVERIFY(facts.exec(u"SELECT receiving_service_id, quantity, weight_grams FROM pickup "
                           "WHERE id = %1"_s.arg(partPickup))
                && facts.next());
        QCOMPARE(facts.value(0).toLongLong(), m_world.schools);
        QCOMPARE(facts.value(1).toInt(), 2);
        QCOMPARE(facts.value(2).toLongLong(), 4'000);
        // Once only.
        QVERIFY(!q.exec(insert(lot.id, schools->id)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23505"_s);
        // Nor moved to another part afterwards.
        QVERIFY(!q.exec(u"UPDATE pickup SET reservation_id = %1 WHERE id = %2"_s.arg(library->id)
                                .arg(partPickup)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);

        const QString parts = u"SELECT id FROM pickup WHERE reservation_id IS NOT NULL"_s;
        const QSet<qint64> one{partPickup};
        QCOMPARE(idsOf(*m_marie, parts), one);
        QCOMPARE(idsOf(*m_sam, parts), one); // the schools receive it
        QCOMPARE(idsOf(*m_paul, parts), QSet<qint64>{});
        QCOMPARE(idsOf(*m_lea, parts), one);
        QCOMPARE(idsOf(*m_claire, parts), one);
        // The logistics read the part they carry (Léa, of the library too, reads its part as
        // well); Paul, of the library only, not the schools' one.
        const QString lotParts = u"SELECT id FROM ad_reservation WHERE ad_id = %1"_s.arg(lot.id);
        QVERIFY(idsOf(*m_lea, lotParts).contains(schools->id));
        QCOMPARE(idsOf(*m_paul, lotParts), QSet<qint64>{library->id});
    }

    // Hostile review of 027, as each login with raw SQL:
    // * a stranger learnt the state of an ad or a part they cannot read from which refusal
    //   came (42501 for a given part, 23514 for a held one, or for an ad not exchanged): now
    //   one refusal, 42501, whatever the ad, and for an ad that does not exist;
    // * Marie gave a part, sent the ad back to moderation with a new title, then asked the
    //   part's transport: the unmoderated title went to the logistics and the schools. A part's
    //   transport now waits until a moderator approved the ad's words.
    void aPartsTransportTellsStrangersNothingAndCarriesApprovedWordsOnly()
    {
        World asMarie = m_world;
        asMarie.owner = m_marieId;
        const Ad lot = publishedLot(*m_admin, asMarie, 4, 4'000, 8'000, u"Lot de bancs"_s);
        AdRepository marieAds(*m_marie);
        const auto given = marieAds.reservePart(lot.id, m_world.schools, 1, marie());
        QVERIFY2(given, qPrintable(given.error().message + u' ' + given.error().detail));
        QVERIFY(marieAds.exchangePart(*given, marie()));
        const auto held = marieAds.reservePart(lot.id, m_world.library, 1, marie());
        QVERIFY2(held, qPrintable(held.error().message + u' ' + held.error().detail));
        const qint64 draft = pendingAd(*m_admin, asMarie, u"Pas encore vue"_s).id;

        const auto part = [&](qint64 adId, qint64 partId) {
            return u"INSERT INTO pickup (ad_id, reservation_id, from_site_id, to_site_id, "
                   "wished_date) VALUES (%1, %2, %3, %4, current_date + 1)"_s.arg(adId)
                           .arg(partId)
                           .arg(m_world.depot)
                           .arg(m_world.townHall);
        };
        const auto whole = [&](qint64 adId) {
            return u"INSERT INTO pickup (ad_id, from_site_id, to_site_id, wished_date) "
                   "VALUES (%1, %2, %3, current_date + 1)"_s.arg(adId)
                           .arg(m_world.depot)
                           .arg(m_world.townHall);
        };
        for (Database *db : {m_sam.get(), m_paul.get(), m_lea.get()}) {
            for (const QString &sql : {part(lot.id, given->id),
                                       part(lot.id, held->id),
                                       part(999'999, given->id),
                                       whole(lot.id),
                                       whole(draft),
                                       whole(999'999)}) {
                QSqlQuery q(db->connection());
                QVERIFY2(!q.exec(sql), qPrintable(sql));
                QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
                QVERIFY2(!q.lastError().text().contains(u"pickup-"_s),
                         qPrintable(q.lastError().text()));
            }
        }

        // Marie sends the ad back to moderation with a new title, then asks the part's
        // transport: refused while pending, and still once a moderator removed the edit.
        QSqlQuery q(m_marie->connection());
        QVERIFY(q.exec(u"SELECT set_config('recup.action', 'edit', false)"_s));
        QVERIFY(q.exec(u"UPDATE ad_reservation SET state = 'released', version = version + 1 "
                       "WHERE id = %1"_s.arg(held->id)));
        QVERIFY2(q.exec(u"UPDATE ad SET state = 'pending', title = 'Bancs à donner, appelez le "
                        "06 00 00 00 00', version = version + 1 WHERE id = %1"_s.arg(lot.id)),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.exec(u"SELECT set_config('recup.action', '', false)"_s));
        QVERIFY(!q.exec(part(lot.id, given->id)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        QVERIFY2(q.lastError().text().contains(u"pickup-ad-unmoderated"_s),
                 qPrintable(q.lastError().text()));
        QSqlQuery claire(m_claire->connection());
        QVERIFY(claire.exec(u"SELECT set_config('recup.action', 'remove', false)"_s));
        QVERIFY(claire.exec(u"SELECT set_config('recup.reason', 'Numéro personnel', false)"_s));
        QVERIFY2(claire.exec(u"UPDATE ad SET state = 'closed', close_reason = 'removed', "
                             "version = version + 1 WHERE id = %1"_s.arg(lot.id)),
                 qPrintable(claire.lastError().text()));
        QVERIFY(claire.exec(u"SELECT set_config('recup.action', '', false)"_s));
        QVERIFY(claire.exec(u"SELECT set_config('recup.reason', '', false)"_s));
        for (Database *db : {m_marie.get(), m_claire.get()}) {
            QSqlQuery asked(db->connection());
            QVERIFY(!asked.exec(part(lot.id, given->id)));
            QCOMPARE(asked.lastError().nativeErrorCode(), u"23514"_s);
        }
        QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM pickup WHERE ad_id = %1"_s.arg(lot.id)),
                 0);
        // Through the application as well, with words the owner understands.
        const auto refused = PickupRepository(*m_marie).requestPart(given->id, request(), marie());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
    }

private:
    QString status() const
    {
        QSqlQuery q(m_admin->connection());
        return q.exec(u"SELECT status FROM pickup WHERE id = %1"_s.arg(m_pickup)) && q.next()
                       ? q.value(0).toString()
                       : QString();
    }
    Actor marie() const { return {m_marieId, false, false}; }
    Actor lea() const
    {
        Actor a{m_leaId, false, false};
        a.logistics = true;
        return a;
    }
    PickupRequest request() const
    {
        PickupRequest r;
        r.from = {m_world.depot, {}, {}, u"B 104"_s, u"Marie"_s, u"05 49 00 00 01"_s};
        r.to = {m_world.townHall, {}, {}, u"Salle 3"_s, u"Sam"_s, u"05 49 00 00 02"_s};
        r.wishedDate = m_today.addDays(2);
        return r;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin, m_marie, m_sam, m_paul, m_lea, m_claire;
    World m_world;
    qint64 m_marieId = 0, m_samId = 0, m_paulId = 0, m_leaId = 0, m_claireId = 0;
    qint64 m_ad = 0, m_otherAd = 0, m_pickup = 0;
    QDate m_today;
};

QTEST_GUILESS_MAIN(TestPickupSecurity)
#include "tst_pickupsecurity.moc"
