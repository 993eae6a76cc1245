// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Transports of exchanged ads on both backends: asked for an exchanged ad only, from and to
// open sites, for today or later; moved on by the logistics service step by step, cancelled
// by the services only while requested; every step in the history; the day's stops in
// order. The same steps as PostgreSQL's pickup_transition.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/AdWorkflow.h"
#include "domain/PlatformTime.h"
#include "lifecycle/PickupLifecycle.h"
#include "storage/PickupRepository.h"
#include "storage/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestPickups : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("pickups"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        m_today = platformToday();
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

    void theStepsAreTheSchemas()
    {
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral(
                "SELECT from_status, action, actor, to_status FROM pickup_transition")));
        QSet<QString> stored;
        while (query.next())
            stored.insert(QStringList{query.value(0).toString(),
                                      query.value(1).toString(),
                                      query.value(2).toString(),
                                      query.value(3).toString()}
                                  .join(u' '));
        QSet<QString> known;
        for (const PickupTransition &t : PickupLifecycle::transitions())
            known.insert(QStringList{pickupStatusKey(t.from),
                                     pickupActionKey(t.action),
                                     pickupActorKey(t.actor),
                                     pickupStatusKey(t.to)}
                                 .join(u' '));
        QCOMPARE(stored, known);
    }

    void anExchangedAdGetsOneTransport()
    {
        const Ad ad = exchanged(4, 0);
        PickupRepository pickups(*m_db);
        const auto created = pickups.request(ad.id, request(), m_world.ownerActor());
        QVERIFY2(created, qPrintable(created.error().message + created.error().detail));
        QCOMPARE(created->status, PickupStatus::Requested);
        QCOMPARE(created->quantity, 4);
        QCOMPARE(created->weightGrams, 4 * 40'000); // not weighed: the desks' unit weight
        QCOMPARE(created->adTitle, ad.title);
        QCOMPARE(created->givingServiceId, m_world.waste);
        QCOMPARE(created->receivingServiceId, m_world.schools);
        QCOMPARE(created->from.room, QStringLiteral("B 104"));
        QCOMPARE(created->requestedBy, m_world.owner);
        QVERIFY(!created->from.siteAddress.isEmpty() || !created->from.siteName.isEmpty());

        // A second one while the first is under way: refused, with a sentence.
        const auto second = pickups.request(ad.id, request(), m_world.ownerActor());
        QVERIFY(!second);
        QCOMPARE(second.error().kind, Error::Kind::Invalid);
        QCOMPARE(countOf(*m_db,
                         QStringLiteral("SELECT count(*) FROM pickup WHERE ad_id = %1").arg(ad.id)),
                 1);
    }

    void badRequestsChangeNothing_data()
    {
        QTest::addColumn<QString>("situation");
        QTest::newRow("an ad still published") << QStringLiteral("published");
        QTest::newRow("an ad thrown away") << QStringLiteral("discarded");
        QTest::newRow("a wished day in the past") << QStringLiteral("past");
        QTest::newRow("a site since closed") << QStringLiteral("closed site");
        QTest::newRow("someone else's ad") << QStringLiteral("other agent");
    }
    void badRequestsChangeNothing()
    {
        QFETCH(QString, situation);
        const int before = countOf(*m_db, QStringLiteral("SELECT count(*) FROM pickup"));
        qint64 adId = 0;
        PickupRequest asked = request();
        Actor actor = m_world.ownerActor();
        if (situation == QLatin1String("published")) {
            adId = publishedAd(*m_db, m_world, QStringLiteral("Encore proposé")).id;
        } else if (situation == QLatin1String("discarded")) {
            adId = closedLot(*m_db, m_world, m_world.desks, 1, 0, 0, CloseReason::Discarded).id;
        } else {
            adId = exchanged(1, 10'000).id;
            if (situation == QLatin1String("past"))
                asked.wishedDate = m_today.addDays(-1);
            if (situation == QLatin1String("other agent"))
                actor = m_world.otherActor();
            if (situation == QLatin1String("closed site")) {
                QVERIFY(execSql(
                        *m_db,
                        QStringLiteral("UPDATE site SET active = %1 WHERE id = %2")
                                .arg(m_db->dialect().name() == u"sqlite" ? u"0"_s : u"false"_s)
                                .arg(m_world.townHall)));
                asked.to.siteId = m_world.townHall;
            }
        }
        const auto refused = PickupRepository(*m_db).request(adId, asked, actor);
        if (situation == QLatin1String("closed site"))
            QVERIFY(execSql(*m_db,
                            QStringLiteral("UPDATE site SET active = %1 WHERE id = %2")
                                    .arg(m_db->dialect().name() == u"sqlite" ? u"1"_s : u"true"_s)
                                    .arg(m_world.townHall)));
        QVERIFY(!refused);
        QVERIFY2(!refused.error().message.isEmpty(), qPrintable(situation));
        QVERIFY(refused.error().kind == Error::Kind::Invalid
                || refused.error().kind == Error::Kind::Forbidden);
        QCOMPARE(countOf(*m_db, QStringLiteral("SELECT count(*) FROM pickup")), before);
    }

    void theLogisticsServiceMovesItOnStepByStep()
    {
        PickupRepository pickups(*m_db);
        auto p = pickups.request(exchanged(2, 5'000).id, request(), m_world.ownerActor());
        QVERIFY(p);
        // The services do not plan, nor mark anything done.
        const auto byOwner
                = pickups.plan(p->id, p->version, m_today, u"A"_s, 1, m_world.ownerActor());
        QVERIFY(!byOwner);
        QCOMPARE(byOwner.error().kind, Error::Kind::Forbidden);
        // Not picked up before it is planned.
        QCOMPARE(pickups.markPickedUp(p->id, p->version, logistics()).error().kind,
                 Error::Kind::Forbidden);
        // A plan for a past day is refused.
        QCOMPARE(pickups.plan(p->id, p->version, m_today.addDays(-1), u"A"_s, 1, logistics())
                         .error()
                         .kind,
                 Error::Kind::Invalid);
        p = pickups.plan(p->id, p->version, m_today.addDays(1), u"Équipe A"_s, 2, logistics());
        QVERIFY2(p, qPrintable(p.error().message + p.error().detail));
        QCOMPARE(p->status, PickupStatus::Planned);
        QCOMPARE(p->plannedDate, m_today.addDays(1));
        QCOMPARE(p->team, u"Équipe A"_s);
        QCOMPARE(p->stopOrder, 2);
        // Planned again: another day.
        const int stale = p->version;
        p = pickups.plan(p->id, p->version, m_today.addDays(2), u"Équipe B"_s, 1, logistics());
        QVERIFY(p);
        QCOMPARE(p->plannedDate, m_today.addDays(2));
        // Someone else's older version is refused.
        QCOMPARE(pickups.markPickedUp(p->id, stale, logistics()).error().kind,
                 Error::Kind::Conflict);
        // Once planned, the services no longer cancel.
        const auto late = pickups.cancel(p->id, p->version, u"Plus besoin"_s, m_world.ownerActor());
        QVERIFY(!late);
        QCOMPARE(late.error().kind, Error::Kind::Forbidden);
        p = pickups.markPickedUp(p->id, p->version, logistics());
        QVERIFY(p);
        QCOMPARE(p->status, PickupStatus::PickedUp);
        QCOMPARE(pickups.cancel(p->id, p->version, u"Trop tard"_s, logistics()).error().kind,
                 Error::Kind::Forbidden);
        p = pickups.markDelivered(p->id, p->version, logistics());
        QVERIFY(p);
        QCOMPARE(p->status, PickupStatus::Delivered);
        // Delivered is final, even for a moderator.
        const auto again
                = pickups.plan(p->id, p->version, m_today, u"A"_s, 1, m_world.moderatorActor());
        QVERIFY(!again);
        QVERIFY(again.error().message.contains(u"delivered"_s));

        const auto steps = pickups.history(p->id);
        QVERIFY(steps);
        QStringList actions;
        for (const PickupHistoryEntry &e : *steps)
            actions.append(e.action);
        QCOMPARE(actions,
                 (QStringList{u"request"_s,
                              u"plan"_s,
                              u"plan"_s,
                              u"mark_picked_up"_s,
                              u"mark_delivered"_s}));
        QCOMPARE(steps->at(1).toStatus, PickupStatus::Planned);
        QCOMPARE(steps->at(1).fromStatus, std::optional(PickupStatus::Requested));
    }

    void theServicesCancelWhileRequested()
    {
        PickupRepository pickups(*m_db);
        auto p = pickups.request(exchanged(1, 0).id, request(), m_world.ownerActor());
        QVERIFY(p);
        QCOMPARE(pickups.cancel(p->id, p->version, u"   "_s, m_world.ownerActor()).error().kind,
                 Error::Kind::Invalid); // a reason is required
        // An agent of a third service is no party to it.
        QCOMPARE(pickups.cancel(p->id, p->version, u"Non"_s, m_world.otherActor()).error().kind,
                 Error::Kind::Forbidden);
        p = pickups.cancel(
                p->id, p->version, u"Le service récupère lui-même"_s, m_world.ownerActor());
        QVERIFY2(p, qPrintable(p.error().message));
        QCOMPARE(p->status, PickupStatus::Cancelled);
        QCOMPARE(p->cancelReason, u"Le service récupère lui-même"_s);
        // Cancelled: another transport may be asked.
        QVERIFY(pickups.request(p->adId, request(), m_world.ownerActor()));
    }

    void theDaysStopsComeBySiteAndOrder()
    {
        PickupRepository pickups(*m_db);
        const QDate day = m_today.addDays(5);
        // Three stops from two sites, planned out of order; one cancelled.
        const QList<std::tuple<qint64, QString, int>> plans{{m_world.townHall, u"B"_s, 2},
                                                            {m_world.depot, u"A"_s, 2},
                                                            {m_world.depot, u"A"_s, 1}};
        QList<qint64> ids;
        for (const auto &[site, team, order] : plans) {
            PickupRequest asked = request();
            asked.from.siteId = site;
            auto p = pickups.request(exchanged(1, 0).id, asked, m_world.ownerActor());
            QVERIFY(p);
            p = pickups.plan(p->id, p->version, day, team, order, logistics());
            QVERIFY(p);
            ids.append(p->id);
        }
        auto dropped = pickups.request(exchanged(1, 0).id, request(), m_world.ownerActor());
        QVERIFY(dropped);
        dropped = pickups.plan(dropped->id, dropped->version, day, u"A"_s, 3, logistics());
        QVERIFY(dropped);
        QVERIFY(pickups.cancel(dropped->id, dropped->version, u"Annulé"_s, logistics()));

        const auto stops = pickups.stopsOfDay(day);
        QVERIFY(stops);
        QCOMPARE(stops->size(), 3);
        // Sites by name (Dépôt before Hôtel de ville), then team and order.
        QList<qint64> order;
        for (const Pickup &p : *stops)
            order.append(p.id);
        const bool depotFirst
                = stops->first().from.siteName.localeAwareCompare(stops->last().from.siteName) < 0;
        QVERIFY(depotFirst);
        QCOMPARE(order, (QList<qint64>{ids.at(2), ids.at(1), ids.at(0)}));
        QVERIFY(pickups.stopsOfDay(day.addDays(1))->isEmpty());

        PickupFilter open;
        open.first = day;
        open.last = day;
        open.openOnly = true;
        QCOMPARE(pickups.list(open)->size(), 3);
        PickupFilter fromDepot = open;
        fromDepot.fromSiteId = m_world.depot;
        QCOMPARE(pickups.list(fromDepot)->size(), 2);
    }

    // « Demander un transport » ticked on closing: the closing and the request together, or
    // neither; a refused request leaves the ad in the catalogue.
    void closingWithATransportSavesBothOrNeither()
    {
        AdWorkflow workflow(*m_db, MailSettings{});
        const Ad ad = publishedAd(*m_db, m_world, u"Armoire à donner"_s);
        TransitionRequest close{AdAction::Close, ad.version, {}, CloseReason::Exchanged, 0, {}};
        close.receivingServiceId = m_world.schools;
        const auto closed
                = workflow.closeWithTransport(ad.id, close, request(), m_world.ownerActor());
        QVERIFY2(closed, qPrintable(closed.error().message + closed.error().detail));
        QCOMPARE(closed->state, AdState::Closed);
        const auto pickup = PickupRepository(*m_db).latestForAd(ad.id);
        QVERIFY(pickup && *pickup);
        QCOMPARE((*pickup)->status, PickupStatus::Requested);
        QCOMPARE((*pickup)->receivingServiceId, m_world.schools);

        for (const QString &bad : {u"past"_s, u"no site"_s}) {
            const Ad kept = publishedAd(*m_db, m_world, u"Armoire gardée"_s);
            TransitionRequest closing = close;
            closing.expectedVersion = kept.version;
            PickupRequest transport = request();
            if (bad == u"past")
                transport.wishedDate = m_today.addDays(-1);
            else
                transport.to.siteId = 0;
            const auto refused = workflow.closeWithTransport(
                    kept.id, closing, transport, m_world.ownerActor());
            QVERIFY2(!refused, qPrintable(bad));
            QCOMPARE(refused.error().kind, Error::Kind::Invalid);
            const auto still = AdRepository(*m_db).get(kept.id, false);
            QVERIFY(still);
            QCOMPARE(still->state, AdState::Published); // the closing was undone
            QCOMPARE(still->version, kept.version);
            QVERIFY(!PickupRepository(*m_db).latestForAd(kept.id)->has_value());
        }
    }

    // « Lot de 12 chaises »: 5 given to the schools with their transport (both saved, or
    // neither), 7 to the library; each part's transport carries its service, quantity and
    // share of the weight. No transport for a part still held, nor a second one, nor by
    // someone else than the owner.
    void aGivenPartGetsItsOwnTransport()
    {
        AdWorkflow workflow(*m_db, MailSettings{});
        AdRepository ads(*m_db);
        PickupRepository pickups(*m_db);
        const Ad lot = publishedLot(*m_db, m_world, 12, 24'000, 60'000, u"Lot de 12 chaises"_s);
        const auto five = ads.reservePart(lot.id, m_world.schools, 5, m_world.ownerActor());
        QVERIFY2(five, qPrintable(five.error().message + five.error().detail));
        const auto seven = ads.reservePart(lot.id, m_world.library, 7, m_world.ownerActor());
        QVERIFY2(seven, qPrintable(seven.error().message + seven.error().detail));

        const auto held = pickups.requestPart(five->id, request(), m_world.ownerActor());
        QVERIFY(!held);
        QCOMPARE(held.error().kind, Error::Kind::Invalid);

        // A refused transport gives nothing: the part stays held.
        PickupRequest past = request();
        past.wishedDate = m_today.addDays(-1);
        const auto refused = workflow.exchangePartWithTransport(*five, past, m_world.ownerActor());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QCOMPARE(ads.shares(lot.id)->held, 12);
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM pickup WHERE ad_id = %1"_s.arg(lot.id)), 0);

        const auto given
                = workflow.exchangePartWithTransport(*five, request(), m_world.ownerActor());
        QVERIFY2(given, qPrintable(given.error().message + given.error().detail));
        QCOMPARE(given->state, ReservationState::Exchanged);
        QCOMPARE(partTransport(five->id),
                 u"1 5 %1 25000 %2"_s.arg(m_world.schools).arg(m_world.waste));
        QCOMPARE(ads.get(lot.id, false)->state, AdState::Published); // 7 still held

        const auto second = pickups.requestPart(five->id, request(), m_world.ownerActor());
        QVERIFY(!second);
        QCOMPARE(second.error().kind, Error::Kind::Invalid);
        QCOMPARE(partTransport(five->id).section(u' ', 0, 0), u"1"_s);

        // The last part given closes the ad; its transport is asked afterwards, by the owner
        // only.
        QVERIFY(workflow.exchangePart(*seven, m_world.ownerActor()));
        QCOMPARE(ads.get(lot.id, false)->state, AdState::Closed);
        // Given all in parts: no transport of the whole lot, and the moderators are not asked
        // for one.
        const auto whole = pickups.request(lot.id, request(), m_world.ownerActor());
        QVERIFY(!whole);
        QCOMPARE(whole.error().kind, Error::Kind::Invalid);
        const auto awaiting = pickups.awaitingTransport();
        QVERIFY(awaiting);
        for (const ExchangedAd &waiting : *awaiting)
            QVERIFY(waiting.adId != lot.id);
        const auto stranger = pickups.requestPart(seven->id, request(), m_world.otherActor());
        QVERIFY(!stranger);
        QCOMPARE(stranger.error().kind, Error::Kind::Forbidden);
        const auto owners = pickups.requestPart(seven->id, request(), m_world.ownerActor());
        QVERIFY2(owners, qPrintable(owners.error().message + owners.error().detail));
        QCOMPARE(owners->quantity, 7);
        QCOMPARE(owners->receivingServiceId, m_world.library);
        QCOMPARE(partTransport(seven->id),
                 u"1 7 %1 35000 %2"_s.arg(m_world.library).arg(m_world.waste));
        // Each transport is the lot's: both listed, each with its part's quantity.
        PickupFilter all;
        const auto listed = pickups.list(all);
        QVERIFY(listed);
        QList<int> quantities;
        for (const Pickup &p : *listed) {
            if (p.adId == lot.id)
                quantities.append(p.quantity);
        }
        std::sort(quantities.begin(), quantities.end());
        QCOMPARE(quantities, QList<int>({5, 7}));

        // Part given, the rest closed as exchanged as a whole: its transport carries the rest.
        const Ad rest = publishedLot(*m_db, m_world, 12, 24'000, 60'000, u"Lot de 12 tables"_s);
        const auto four = ads.reservePart(rest.id, m_world.library, 4, m_world.ownerActor());
        QVERIFY(four);
        QVERIFY(ads.exchangePart(*four, m_world.ownerActor()));
        const Ad open = *ads.get(rest.id, false);
        TransitionRequest close{AdAction::Close, open.version, {}, CloseReason::Exchanged, 0, {}};
        close.receivingServiceId = m_world.schools;
        const auto closed
                = workflow.closeWithTransport(rest.id, close, request(), m_world.ownerActor());
        QVERIFY2(closed, qPrintable(closed.error().message + closed.error().detail));
        const auto latest = pickups.latestForAd(rest.id);
        QVERIFY(latest && *latest);
        QCOMPARE((*latest)->quantity, 8);
        QCOMPARE((*latest)->weightGrams, 40'000);
        QCOMPARE((*latest)->receivingServiceId, m_world.schools);
    }

    // Hostile review of 027: the owner gave a part, rewrote the lot's title (back to
    // moderation), then asked the part's transport; the unmoderated title went to the
    // logistics and the receiving service. Refused with words the owner understands, while
    // pending and once a moderator removed the edited ad; nothing saved. Who asks is checked
    // first: a stranger hears « only the owner » whatever the part's state.
    void aPartsTransportWaitsForApprovedWords()
    {
        AdRepository ads(*m_db);
        PickupRepository pickups(*m_db);
        const Ad lot = publishedLot(*m_db, m_world, 4, 4'000, 8'000, u"Lot de bancs"_s);
        const auto given = ads.reservePart(lot.id, m_world.schools, 1, m_world.ownerActor());
        QVERIFY2(given, qPrintable(given.error().message + given.error().detail));
        QVERIFY(ads.exchangePart(*given, m_world.ownerActor()));
        const auto held = ads.reservePart(lot.id, m_world.library, 1, m_world.ownerActor());
        QVERIFY(held);
        const auto stranger = pickups.requestPart(held->id, request(), m_world.otherActor());
        QVERIFY(!stranger);
        QCOMPARE(stranger.error().kind, Error::Kind::Forbidden);
        QVERIFY(ads.releasePart(*held, m_world.ownerActor()));

        Ad edited = *ads.get(lot.id, false);
        edited.title = u"Bancs à donner, appelez le 06 00 00 00 00"_s;
        const auto pending = ads.update(edited, m_world.ownerActor());
        QVERIFY2(pending, qPrintable(pending.error().message + pending.error().detail));
        QCOMPARE(pending->state, AdState::Pending);

        const auto waiting = pickups.requestPart(given->id, request(), m_world.ownerActor());
        QVERIFY(!waiting);
        QCOMPARE(waiting.error().kind, Error::Kind::Invalid);
        QVERIFY2(waiting.error().message.contains(u"moderat"_s),
                 qPrintable(waiting.error().message));
        TransitionRequest remove{
                AdAction::Remove, pending->version, u"Numéro personnel"_s, {}, 0, {}};
        const auto removed = ads.transition(lot.id, remove, m_world.moderatorActor());
        QVERIFY2(removed, qPrintable(removed.error().message + removed.error().detail));
        for (const Actor &actor : {m_world.ownerActor(), m_world.moderatorActor()}) {
            const auto after = pickups.requestPart(given->id, request(), actor);
            QVERIFY(!after);
            QCOMPARE(after.error().kind, Error::Kind::Invalid);
        }
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM pickup WHERE ad_id = %1"_s.arg(lot.id)), 0);
    }

    void overdueIsWhatIsNotDoneByItsDay()
    {
        Pickup p;
        p.wishedDate = m_today.addDays(-2);
        QVERIFY(p.isOverdue(m_today));
        p.plannedDate = m_today;
        p.status = PickupStatus::Planned;
        QVERIFY(!p.isOverdue(m_today));
        QVERIFY(p.isOverdue(m_today.addDays(1)));
        p.status = PickupStatus::Delivered;
        QVERIFY(!p.isOverdue(m_today.addDays(1)));
    }

private:
    Ad exchanged(int quantity, qint64 weightGrams)
    {
        return closedLot(*m_db,
                         m_world,
                         m_world.desks,
                         quantity,
                         1'000,
                         weightGrams,
                         CloseReason::Exchanged);
    }
    // "count quantity receiving weight giving" of the transports of a part under way.
    QString partTransport(qint64 reservationId) const
    {
        QSqlQuery q(m_db->connection());
        q.prepare(u"SELECT count(*), max(quantity), max(receiving_service_id), max(weight_grams), "
                  "max(giving_service_id) FROM pickup WHERE reservation_id = ? "
                  "AND status <> 'cancelled'"_s);
        q.addBindValue(reservationId);
        if (!q.exec() || !q.next())
            return q.lastError().text();
        QStringList values;
        for (int i = 0; i < 5; ++i)
            values.append(q.value(i).toString());
        return values.join(u' ');
    }
    PickupRequest request() const
    {
        PickupRequest r;
        r.from = {m_world.depot, {}, {}, u"B 104"_s, u"Marie Dupont"_s, u"05 49 00 00 01"_s};
        r.to = {m_world.townHall, {}, {}, u"Salle 3"_s, u"Sam École"_s, u"05 49 00 00 02"_s};
        r.wishedDate = m_today.addDays(3);
        r.notes = u"Monter au 1er étage"_s;
        return r;
    }
    Actor logistics() const
    {
        Actor a{m_world.other, false, false};
        a.logistics = true;
        return a;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    QDate m_today;
};

QTEST_GUILESS_MAIN(TestPickups)
#include "tst_pickups.moc"
