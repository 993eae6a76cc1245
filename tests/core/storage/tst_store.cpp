// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The general store on both backends: an owner sends a published or expired ad there instead
// of throwing it away; the ad waits while the transport runs; once delivered it is the store
// keeper's, back in the catalogue, the store's service its giver in the figures, and its
// history still says who gave it first. The keeper gives it out or throws it away as any owner.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/AdWorkflow.h"
#include "domain/PlatformTime.h"
#include "storage/PickupRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlDialect.h"
#include "storage/StoreRepository.h"

#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("store"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        m_today = platformToday();
        ReferenceRepository references(*m_db);
        Site store;
        store.organisationId = m_world.agglo;
        store.code = u"MAG"_s;
        store.name = u"Magasin général"_s;
        store.address = u"3 rue de la Manu"_s;
        store.postalCode = u"86100"_s;
        store.city = u"Châtellerault"_s;
        const auto id = references.addSite(store);
        QVERIFY(id);
        m_store = *id;
        // Kept by the library; Paul, of the library, holds its items.
        QVERIFY(references.setStore(m_store, m_world.library, m_world.other));
        // A keeper from another service, or half a store, is refused.
        QCOMPARE(references.setStore(m_store, m_world.schools, m_world.other).error().kind,
                 Error::Kind::Invalid);
        QCOMPARE(references.setStore(m_store, m_world.library, 0).error().kind,
                 Error::Kind::Invalid);
        const auto sites = references.sites();
        QVERIFY(sites);
        for (const Site &s : *sites)
            QCOMPARE(s.isStore(), s.id == m_store);
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

    void aPublishedAdGoesToTheStoreAndBackInTheCatalogue()
    {
        const Ad ad = publishedAd(*m_db, m_world, u"Armoire haute à stocker"_s);
        PickupRepository pickups(*m_db);
        auto moving = pickups.sendToStore(ad.id, toStore(), m_world.ownerActor());
        QVERIFY2(moving, qPrintable(moving.error().message + moving.error().detail));
        QCOMPARE(moving->purpose, PickupPurpose::Store);
        QCOMPARE(moving->givingServiceId, m_world.waste);
        QCOMPARE(moving->receivingServiceId, m_world.library);
        QCOMPARE(moving->status, PickupStatus::Requested);

        // While it moves, the ad waits: its owner neither closes nor edits it.
        AdWorkflow workflow(*m_db, MailSettings{});
        TransitionRequest close{AdAction::Close, ad.version, {}, CloseReason::Discarded, 0, {}};
        const auto closing = workflow.transition(ad.id, close, m_world.ownerActor());
        QVERIFY(!closing);
        QVERIFY2(closing.error().message.contains(u"store"_s), qPrintable(closing.error().message));
        Ad edited = ad;
        edited.quantity = 7;
        QVERIFY(!AdRepository(*m_db).update(edited, m_world.ownerActor()));
        // A second move while this one runs: refused.
        QVERIFY(!pickups.sendToStore(ad.id, toStore(), m_world.ownerActor()));

        moving = deliver(*moving);
        QVERIFY(moving);
        const auto held = AdRepository(*m_db).get(ad.id, false);
        QVERIFY(held);
        QCOMPARE(held->state, AdState::Published);
        QCOMPARE(held->ownerId, m_world.other);
        QCOMPARE(held->serviceId, m_world.library);
        QCOMPARE(held->storeSiteId, m_store);
        QCOMPARE(held->siteId, m_store);
        // The room typed for the transport was never moderated: the catalogue does not show it.
        QVERIFY(held->room.isEmpty());
        QVERIFY(held->storedAt.isValid());
        QCOMPARE(held->version, ad.version + 1);

        // The history keeps who gave it first, then says the store took it.
        const auto steps = AdRepository(*m_db).history(ad.id);
        QVERIFY(steps);
        QCOMPARE(steps->first().actorId, m_world.owner);
        QCOMPARE(steps->last().action, AdAction::Store);
        QCOMPARE(steps->last().reason, serviceName(m_world.waste));

        const auto stock = StoreRepository(*m_db).stock(m_store);
        QVERIFY(stock);
        const auto item = std::find_if(stock->cbegin(), stock->cend(), [&](const StockItem &i) {
            return i.adId == ad.id;
        });
        QVERIFY(item != stock->cend());
        QCOMPARE(item->givenBy, serviceName(m_world.waste));
        QCOMPARE(item->ownerId, m_world.other);
        QCOMPARE(item->state, AdState::Published);

        // The keeper gives it to the schools: the library is the giver in the figures.
        TransitionRequest given{AdAction::Close, held->version, {}, CloseReason::Exchanged, 0, {}};
        given.receivingServiceId = m_world.schools;
        const auto out = workflow.transition(ad.id, given, Actor{m_world.other, false, false});
        QVERIFY2(out, qPrintable(out.error().message));
        QCOMPARE(countOf(*m_db,
                         u"SELECT count(*) FROM ad WHERE id = %1 AND service_id = %2 "
                         "AND close_reason = 'exchanged'"_s.arg(ad.id)
                                 .arg(m_world.library)),
                 1);
        // No longer in stock; and its exchange may have its own transport.
        QVERIFY(std::none_of(StoreRepository(*m_db).stock(m_store)->cbegin(),
                             StoreRepository(*m_db).stock(m_store)->cend(),
                             [&](const StockItem &i) { return i.adId == ad.id; }));
        PickupRequest outbound = toStore();
        outbound.from.siteId = m_store;
        outbound.to.siteId = m_world.townHall;
        QVERIFY(pickups.request(ad.id, outbound, Actor{m_world.other, false, false}));
    }

    void anExpiredAdComesBackPublished()
    {
        const Ad ad = publishedAd(*m_db, m_world, u"Chaises jamais demandées"_s);
        AdRepository ads(*m_db);
        const auto expired = ads.transition(ad.id,
                                            TransitionRequest{AdAction::Expire, -1, {}, {}, 0, {}},
                                            Actor{0, false, true});
        QVERIFY2(expired, qPrintable(expired.error().message));
        QCOMPARE(expired->state, AdState::Expired);
        auto moving = PickupRepository(*m_db).sendToStore(ad.id, toStore(), m_world.ownerActor());
        QVERIFY2(moving, qPrintable(moving.error().message));
        QVERIFY(deliver(*moving));
        const auto held = ads.get(ad.id, false);
        QVERIFY(held);
        QCOMPARE(held->state, AdState::Published);
        QVERIFY(held->expiresAt > QDateTime::currentDateTimeUtc().addDays(1));
    }

    void theKeeperThrowsAwayWhatStayedTooLong()
    {
        const Ad ad = publishedAd(*m_db, m_world, u"Caissons abîmés"_s);
        auto moving = PickupRepository(*m_db).sendToStore(ad.id, toStore(), m_world.ownerActor());
        QVERIFY(moving);
        QVERIFY(deliver(*moving));
        const Ad held = *AdRepository(*m_db).get(ad.id, false);
        // The first owner has no hand on it any more.
        TransitionRequest discard{AdAction::Close,
                                  held.version,
                                  u"Invendu depuis 8 mois"_s,
                                  CloseReason::Discarded,
                                  0,
                                  {}};
        QCOMPARE(AdWorkflow(*m_db, MailSettings{})
                         .transition(ad.id, discard, m_world.ownerActor())
                         .error()
                         .kind,
                 Error::Kind::Forbidden);
        const auto thrown = AdWorkflow(*m_db, MailSettings{})
                                    .transition(ad.id, discard, Actor{m_world.other, false, false});
        QVERIFY2(thrown, qPrintable(thrown.error().message));
        QCOMPARE(thrown->closeReason, std::optional(CloseReason::Discarded));
        QCOMPARE(thrown->closeNote, u"Invendu depuis 8 mois"_s);
    }

    void cancellingTheMoveFreesTheAd()
    {
        const Ad ad = publishedAd(*m_db, m_world, u"Table ronde"_s);
        PickupRepository pickups(*m_db);
        auto moving = pickups.sendToStore(ad.id, toStore(), m_world.ownerActor());
        QVERIFY(moving);
        QVERIFY(pickups.cancel(
                moving->id, moving->version, u"Finalement gardée"_s, m_world.ownerActor()));
        const auto after = AdRepository(*m_db).get(ad.id, false);
        QCOMPARE(after->ownerId, m_world.owner);
        QCOMPARE(after->storeSiteId, 0);
        TransitionRequest close{
                AdAction::Close, after->version, {}, CloseReason::Unavailable, 0, {}};
        QVERIFY(AdWorkflow(*m_db, MailSettings{}).transition(ad.id, close, m_world.ownerActor()));
    }

    // On its way to the store, the lot waits: its owner neither reserves nor gives a part of
    // it (the keeper would then settle it), through the application or written straight.
    void noPartIsPromisedOnTheWayToTheStore()
    {
        const Ad lot = publishedLot(*m_db, m_world, 6, 600, 0, u"Six bancs"_s);
        const auto moving
                = PickupRepository(*m_db).sendToStore(lot.id, toStore(), m_world.ownerActor());
        QVERIFY2(moving, qPrintable(moving.error().message + moving.error().detail));
        const auto part = AdWorkflow(*m_db, MailSettings{})
                                  .reservePart(lot.id, m_world.schools, 2, m_world.ownerActor());
        QVERIFY(!part);
        QVERIFY2(part.error().message.contains(u"store"_s), qPrintable(part.error().message));
        QVERIFY(!sqlRuns(*m_db,
                         u"INSERT INTO ad_reservation (ad_id, service_id, quantity) "
                         "VALUES (%1, %2, 2)"_s.arg(lot.id)
                                 .arg(m_world.schools)));
        QCOMPARE(countOf(*m_db,
                         u"SELECT count(*) FROM ad_reservation WHERE ad_id = %1"_s.arg(lot.id)),
                 0);
    }

    void badMovesChangeNothing_data()
    {
        QTest::addColumn<QString>("situation");
        QTest::addColumn<QString>("field");
        QTest::newRow("to a site that is no store") << u"not a store"_s << u"toSite"_s;
        QTest::newRow("an ad already closed") << u"closed"_s << QString();
        QTest::newRow("an ad awaiting moderation") << u"pending"_s << QString();
        QTest::newRow("someone else's ad") << u"other agent"_s << QString();
        QTest::newRow("someone else's ad, by a moderator") << u"moderator"_s << QString();
        QTest::newRow("a wished day in the past") << u"past"_s << u"wishedDate"_s;
        QTest::newRow("a store without keeper") << u"no keeper"_s << u"toSite"_s;
        // Hostile review of 027: the store's transport carried the whole lot, and its keeper
        // would settle the parts the owner promised.
        QTest::newRow("a lot with a part reserved") << u"part held"_s << QString();
        QTest::newRow("a lot with a part given") << u"part given"_s << QString();
    }
    void badMovesChangeNothing()
    {
        QFETCH(QString, situation);
        QFETCH(QString, field);
        const int before = countOf(*m_db, u"SELECT count(*) FROM pickup"_s);
        PickupRequest asked = toStore();
        Actor actor = m_world.ownerActor();
        qint64 adId = publishedAd(*m_db, m_world, u"Bureau droit"_s).id;
        if (situation == u"not a store")
            asked.to.siteId = m_world.townHall;
        else if (situation == u"closed")
            adId = closedLot(*m_db, m_world, m_world.desks, 1, 0, 0, CloseReason::Discarded).id;
        else if (situation == u"pending")
            adId = pendingAd(*m_db, m_world, u"Pas encore vu"_s).id;
        else if (situation == u"other agent")
            actor = m_world.otherActor();
        else if (situation == u"moderator")
            actor = m_world.moderatorActor();
        else if (situation == u"part held" || situation == u"part given") {
            adId = publishedLot(*m_db, m_world, 6, 600, 0, u"Six chaises"_s).id;
            const auto part = AdRepository(*m_db).reservePart(
                    adId, m_world.schools, 2, m_world.ownerActor());
            QVERIFY(part);
            if (situation == u"part given")
                QVERIFY(AdRepository(*m_db).exchangePart(*part, m_world.ownerActor()));
        } else if (situation == u"past")
            asked.wishedDate = m_today.addDays(-1);
        else if (situation == u"no keeper")
            QVERIFY(execSql(*m_db,
                            u"UPDATE agent SET active = %1 WHERE id = %2"_s
                                    .arg(m_db->dialect().name() == u"sqlite" ? u"0"_s : u"false"_s)
                                    .arg(m_world.other)));
        const auto refused = PickupRepository(*m_db).sendToStore(adId, asked, actor);
        if (situation == u"no keeper")
            QVERIFY(execSql(*m_db,
                            u"UPDATE agent SET active = %1 WHERE id = %2"_s
                                    .arg(m_db->dialect().name() == u"sqlite" ? u"1"_s : u"true"_s)
                                    .arg(m_world.other)));
        QVERIFY(!refused);
        QVERIFY(!refused.error().message.isEmpty());
        if (situation.startsWith(u"part"))
            QVERIFY2(refused.error().message.contains(u"whole lot"_s),
                     qPrintable(refused.error().message));
        if (!field.isEmpty()) {
            QCOMPARE(refused.error().fields.size(), 1);
            QCOMPARE(refused.error().fields.first().first, field);
        }
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM pickup"_s), before);
    }

private:
    PickupRequest toStore() const
    {
        PickupRequest r;
        r.from = {m_world.depot, {}, {}, u"B 104"_s, u"Marie Dupont"_s, u"05 49 00 00 01"_s};
        r.to = {m_store, {}, {}, u"Travée 4"_s, u"Paul Martin"_s, u"05 49 00 00 09"_s};
        r.wishedDate = m_today.addDays(2);
        return r;
    }
    Actor logistics() const
    {
        Actor a{m_world.moderator, true, false};
        a.logistics = true;
        return a;
    }
    Result<Pickup> deliver(Pickup p)
    {
        PickupRepository pickups(*m_db);
        auto step = pickups.plan(p.id, p.version, m_today.addDays(1), u"A"_s, 1, logistics());
        if (!step)
            return step;
        step = pickups.markPickedUp(step->id, step->version, logistics());
        if (!step)
            return step;
        step = pickups.markDelivered(step->id, step->version, logistics());
        if (!step)
            qWarning() << step.error().message << step.error().detail;
        return step;
    }
    QString serviceName(qint64 id) const
    {
        QSqlQuery q(m_db->connection());
        q.prepare(u"SELECT name FROM service WHERE id = ?"_s);
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    QDate m_today;
    qint64 m_store = 0;
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
