// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The table, then a lot split between services on the real database (both backends).
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/AdWorkflow.h"
#include "lifecycle/AdLifecycle.h"
#include "storage/CatalogueQuery.h"
#include "storage/ReferenceRepository.h"

#include <QSet>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

// The lifecycle of DESIGN.md written out independently of the code, one line per arrow:
// "from action actor to". Every other combination must be refused.
static const QStringList expectedArrows{
        QStringLiteral("draft submit owner pending"),
        QStringLiteral("pending approve moderator published"),
        QStringLiteral("pending reject moderator rejected"),
        QStringLiteral("rejected resubmit owner pending"),
        QStringLiteral("rejected edit owner draft"),
        QStringLiteral("published edit owner pending"),
        QStringLiteral("published reserve owner reserved"),
        QStringLiteral("reserved release owner published"),
        QStringLiteral("published close owner closed"),
        QStringLiteral("reserved close owner closed"),
        QStringLiteral("expired close owner closed"),
        QStringLiteral("published expire system expired"),
        QStringLiteral("expired renew owner pending"),
        QStringLiteral("pending remove moderator closed"),
        QStringLiteral("published remove moderator closed"),
        QStringLiteral("reserved remove moderator closed"),
        QStringLiteral("rejected remove moderator closed"),
        QStringLiteral("expired remove moderator closed"),
        // Parts of a lot (issue #13): the ad stays where it is, a reservation moves.
        QStringLiteral("published reserve-part owner published"),
        QStringLiteral("published release-part owner published"),
        QStringLiteral("expired release-part owner expired"),
        QStringLiteral("published release-part moderator published"),
        QStringLiteral("expired release-part moderator expired"),
        QStringLiteral("published exchange-part owner published"),
        QStringLiteral("expired exchange-part owner expired"),
};

// The actions a person takes (the history-only ones, Create, Store and HandOver, are not).
static QList<AdAction> personActions()
{
    QList<AdAction> actions;
    for (int a = int(AdAction::Submit); a <= int(AdAction::ExchangePart); ++a) {
        if (AdAction(a) != AdAction::Store && AdAction(a) != AdAction::HandOver)
            actions.append(AdAction(a));
    }
    return actions;
}

class TestAdLifecycle : public QObject
{
    Q_OBJECT
private slots:
    void everyCombination_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("actor");
        QTest::addColumn<QString>("expected"); // empty: refused
        QHash<QString, QString> allowed;
        for (const QString &arrow : expectedArrows) {
            const QStringList p = arrow.split(u' ');
            allowed.insert(p[0] + u' ' + p[1] + u' ' + p[2], p[3]);
        }
        for (int s = 0; s <= int(AdState::Closed); ++s) {
            for (const AdAction action : personActions()) {
                const int a = int(action);
                for (int w = 0; w <= int(ActorKind::System); ++w) {
                    const QString key = toKey(AdState(s)) + u' ' + toKey(AdAction(a)) + u' '
                                        + toKey(ActorKind(w));
                    const QString to = allowed.value(key);
                    const QString row
                            = QStringLiteral("%1 ad, %2 by %3: %4")
                                      .arg(toKey(AdState(s)),
                                           toKey(AdAction(a)),
                                           toKey(ActorKind(w)),
                                           to.isEmpty() ? QStringLiteral("refused")
                                                        : QStringLiteral("becomes ") + to);
                    QTest::newRow(qPrintable(row)) << s << a << w << to;
                }
            }
        }
    }
    void everyCombination()
    {
        QFETCH(int, from);
        QFETCH(int, action);
        QFETCH(int, actor);
        QFETCH(QString, expected);
        const auto next = AdLifecycle::next(AdState(from), AdAction(action), ActorKind(actor));
        const QString refusal
                = AdLifecycle::refusal(AdState(from), AdAction(action), ActorKind(actor));
        if (expected.isEmpty()) {
            QVERIFY(!next.has_value());
            QVERIFY2(!refusal.isEmpty(), "a refused transition must say why");
            QVERIFY(!AdLifecycle::allowedActions(AdState(from), ActorKind(actor))
                             .contains(AdAction(action)));
        } else {
            QVERIFY(next.has_value());
            QCOMPARE(toKey(*next), expected);
            QVERIFY(refusal.isEmpty());
            QVERIFY(AdLifecycle::allowedActions(AdState(from), ActorKind(actor))
                            .contains(AdAction(action)));
        }
    }

    void tableHasNoDuplicateAndNothingElse()
    {
        QSet<QString> seen;
        for (const Transition &t : AdLifecycle::transitions()) {
            const QString arrow = toKey(t.from) + u' ' + toKey(t.action) + u' ' + toKey(t.actor)
                                  + u' ' + toKey(t.to);
            QVERIFY2(!seen.contains(arrow), qPrintable(arrow));
            seen.insert(arrow);
            QVERIFY2(expectedArrows.contains(arrow), qPrintable(arrow));
        }
        QCOMPARE(seen.size(), expectedArrows.size());
    }

    void closedIsFinal()
    {
        for (int w = 0; w <= int(ActorKind::System); ++w)
            QVERIFY(AdLifecycle::allowedActions(AdState::Closed, ActorKind(w)).isEmpty());
    }

    void refusalNamesWhoMay()
    {
        const QString message
                = AdLifecycle::refusal(AdState::Pending, AdAction::Approve, ActorKind::Owner);
        QVERIFY2(message.contains(QLatin1String("moderator")), qPrintable(message));
    }

    void keysRoundTrip()
    {
        for (int s = 0; s <= int(AdState::Closed); ++s)
            QCOMPARE(adStateFromKey(toKey(AdState(s))), std::optional(AdState(s)));
        for (int a = 0; a <= int(AdAction::ExchangePart); ++a)
            QCOMPARE(adActionFromKey(toKey(AdAction(a))), std::optional(AdAction(a)));
        for (int r = 0; r <= int(CloseReason::Removed); ++r)
            QCOMPARE(closeReasonFromKey(toKey(CloseReason(r))), std::optional(CloseReason(r)));
        QVERIFY(!adStateFromKey(QStringLiteral("published; DROP")).has_value());
        for (int r = 0; r <= int(ReservationState::Exchanged); ++r)
            QCOMPARE(reservationStateFromKey(toKey(ReservationState(r))),
                     std::optional(ReservationState(r)));
    }

    // « Lot de 12 chaises »: 5 reserved for the schools, 7 left in the catalogue; released,
    // reserved again, given; the rest given to the library closes the ad.
    void aLotSplitBetweenServices()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("adlifecycle"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        const Ad lot = publishedLot(
                *m_db, m_world, 12, 24'000, 60'000, QStringLiteral("Lot de 12 chaises"));
        AdWorkflow workflow(*m_db, {});
        AdRepository ads(*m_db);

        auto five = workflow.reservePart(lot.id, m_world.schools, 5, m_world.ownerActor());
        QVERIFY2(five, qPrintable(five.error().message + u' ' + five.error().detail));
        QCOMPARE(five->quantity, 5);
        QCOMPARE(five->state, ReservationState::Held);
        QCOMPARE(leftInCatalogue(lot.id), 7);
        QCOMPARE(ads.get(lot.id, false)->state, AdState::Published);

        auto released = workflow.releasePart(*five, m_world.ownerActor());
        QVERIFY2(released, qPrintable(released.error().message));
        QCOMPARE(released->state, ReservationState::Released);
        QCOMPARE(leftInCatalogue(lot.id), 12);
        // A released part is settled: neither released nor given again.
        const auto again = workflow.exchangePart(*released, m_world.ownerActor());
        QVERIFY(!again);
        QCOMPARE(again.error().kind, Error::Kind::Conflict);

        five = workflow.reservePart(lot.id, m_world.schools, 5, m_world.ownerActor());
        QVERIFY2(five, qPrintable(five.error().message));
        QCOMPARE(leftInCatalogue(lot.id), 7);
        const auto given = workflow.exchangePart(*five, m_world.ownerActor());
        QVERIFY2(given, qPrintable(given.error().message + u' ' + given.error().detail));
        QCOMPARE(given->state, ReservationState::Exchanged);
        QCOMPARE(ads.get(lot.id, false)->state, AdState::Published);
        QCOMPARE(leftInCatalogue(lot.id), 7);

        // The rest for the library: while it is held the ad neither closes nor changes its count.
        auto seven = workflow.reservePart(lot.id, m_world.library, 7, m_world.ownerActor());
        QVERIFY2(seven, qPrintable(seven.error().message));
        QCOMPARE(leftInCatalogue(lot.id), 0);
        const Ad now = *ads.get(lot.id, false);
        TransitionRequest close{AdAction::Close, now.version, {}, CloseReason::Discarded, 0, {}};
        const auto closedWhileHeld = ads.transition(lot.id, close, m_world.ownerActor());
        QVERIFY(!closedWhileHeld);
        QCOMPARE(closedWhileHeld.error().kind, Error::Kind::Forbidden);
        Ad fewer = now;
        fewer.quantity = 10;
        const auto smaller = ads.update(fewer, m_world.ownerActor());
        QVERIFY(!smaller);
        QVERIFY2(smaller.error().fields.size() == 1
                         && smaller.error().fields.first().first == QLatin1String("quantity"),
                 qPrintable(smaller.error().message + u' ' + smaller.error().detail));
        QCOMPARE(ads.get(lot.id, false)->quantity, 12);

        const auto rest = workflow.exchangePart(*seven, m_world.ownerActor());
        QVERIFY2(rest, qPrintable(rest.error().message + u' ' + rest.error().detail));
        const Ad closed = *ads.get(lot.id, false);
        QCOMPARE(closed.state, AdState::Closed);
        QCOMPARE(closed.closeReason, std::optional(CloseReason::Exchanged));
        QCOMPARE(closed.receivingServiceId, m_world.library);

        // The history tells each part's step: who, how many, for which service.
        const auto history = ads.history(lot.id);
        QVERIFY(history);
        QStringList parts;
        for (const AdHistoryEntry &step : *history) {
            if (step.reservationId > 0) {
                QCOMPARE(step.actorId, m_world.owner);
                parts.append(QStringLiteral("%1 %2 %3")
                                     .arg(toKey(step.action))
                                     .arg(step.quantity)
                                     .arg(step.serviceId == m_world.schools ? u"schools"_s
                                                                            : u"library"_s));
            }
        }
        QCOMPARE(parts,
                 QStringList({u"reserve-part 5 schools"_s,
                              u"release-part 5 schools"_s,
                              u"reserve-part 5 schools"_s,
                              u"exchange-part 5 schools"_s,
                              u"reserve-part 7 library"_s,
                              u"exchange-part 7 library"_s}));
        QCOMPARE(toKey(history->last().action), u"close"_s);
    }

    // Bad input: nothing saved, the refusal on its field.
    void aPartRefused_data()
    {
        QTest::addColumn<int>("quantity");
        QTest::addColumn<QString>("service"); // schools, inactive
        QTest::addColumn<QString>("who");     // owner, other
        QTest::addColumn<QString>("field");   // empty: no field, Forbidden
        QTest::newRow("more than is left") << 13 << u"schools"_s << u"owner"_s << u"quantity"_s;
        QTest::newRow("nothing") << 0 << u"schools"_s << u"owner"_s << u"quantity"_s;
        QTest::newRow("an inactive service") << 2 << u"inactive"_s << u"owner"_s << u"service"_s;
        QTest::newRow("someone else's lot") << 2 << u"schools"_s << u"other"_s << QString();
    }
    void aPartRefused()
    {
        QFETCH(int, quantity);
        QFETCH(QString, service);
        QFETCH(QString, who);
        QFETCH(QString, field);
        if (!m_db)
            QSKIP("needs the database of aLotSplitBetweenServices");
        if (m_lot == 0) {
            m_lot = publishedLot(*m_db, m_world, 12, 24'000, 60'000).id;
            Service archives{0, m_world.agglo, u"ARCH"_s, u"Archives"_s, true, 1};
            const auto added = ReferenceRepository(*m_db).addService(archives);
            QVERIFY(added);
            m_inactive = *added;
            QVERIFY(execSql(
                    *m_db, u"UPDATE service SET active = (1 = 0) WHERE id = %1"_s.arg(m_inactive)));
        }
        const qint64 serviceId = service == u"inactive"_s ? m_inactive : m_world.schools;
        const Actor actor = who == u"owner"_s ? m_world.ownerActor() : m_world.otherActor();
        const auto part = AdWorkflow(*m_db, {}).reservePart(m_lot, serviceId, quantity, actor);
        QVERIFY(!part);
        if (field.isEmpty()) {
            QCOMPARE(part.error().kind, Error::Kind::Forbidden);
        } else {
            QCOMPARE(part.error().kind, Error::Kind::Invalid);
            QCOMPARE(part.error().fields.size(), 1);
            QCOMPARE(part.error().fields.first().first, field);
            QVERIFY(!part.error().fields.first().second.isEmpty());
        }
        QCOMPARE(AdRepository(*m_db).reservations(m_lot)->size(), 0);
        QCOMPARE(leftInCatalogue(m_lot), 12);
    }

    // The database refuses what the repository would have: more than is left, written straight.
    void theDatabaseRefusesMoreThanIsLeft()
    {
        if (!m_db)
            QSKIP("needs the database of aLotSplitBetweenServices");
        const Ad lot = publishedLot(*m_db, m_world, 3, 0, 0);
        QVERIFY(!sqlRuns(*m_db,
                         u"INSERT INTO ad_reservation (ad_id, service_id, quantity) "
                         "VALUES (%1, %2, 4)"_s.arg(lot.id)
                                 .arg(m_world.schools)));
        QCOMPARE(countOf(*m_db,
                         u"SELECT count(*) FROM ad_reservation WHERE ad_id = %1"_s.arg(lot.id)),
                 0);
    }

    // A moderator releases someone else's part with a reason, which the history keeps and the
    // timeline of « Mes annonces » tells; without a reason nothing changes.
    void aModeratorReleasesAPartWithAReason()
    {
        if (!m_db)
            QSKIP("needs the database of aLotSplitBetweenServices");
        const Ad lot = publishedLot(*m_db, m_world, 6, 0, 0);
        AdWorkflow workflow(*m_db, {});
        const auto part = workflow.reservePart(lot.id, m_world.schools, 4, m_world.ownerActor());
        QVERIFY2(part, qPrintable(part.error().message + u' ' + part.error().detail));

        const auto silent = workflow.releasePart(*part, m_world.moderatorActor());
        QVERIFY(!silent);
        QCOMPARE(silent.error().kind, Error::Kind::Invalid);
        QCOMPARE(silent.error().fields.size(), 1);
        QCOMPARE(silent.error().fields.first().first, u"reason"_s);
        QCOMPARE(AdRepository(*m_db).shares(lot.id)->held, 4);

        const QString why = u"Le service Écoles a renoncé."_s;
        const auto released = workflow.releasePart(*part, m_world.moderatorActor(), why);
        QVERIFY2(released, qPrintable(released.error().message + u' ' + released.error().detail));
        QCOMPARE(released->state, ReservationState::Released);
        QCOMPARE(leftInCatalogue(lot.id), 6);
        const auto history = AdRepository(*m_db).history(lot.id);
        QVERIFY(history && !history->isEmpty());
        const AdHistoryEntry last = history->last();
        QCOMPARE(last.action, AdAction::ReleasePart);
        QCOMPARE(last.actorId, m_world.moderator);
        QCOMPARE(last.reason, why);
        QCOMPARE(last.quantity, 4);
        QCOMPARE(last.serviceId, m_world.schools);
        QVERIFY(last.actorModerator);
        QCOMPARE(historyTimelineText(last, lot.ownerId, u"Écoles"_s),
                 u"Claire Bernard (moderation) released the part of 4 reserved for Écoles: "
                 "Le service Écoles a renoncé."_s);
        // The owner's own release needs no reason, and says none.
        const auto again = workflow.reservePart(lot.id, m_world.schools, 2, m_world.ownerActor());
        QVERIFY(again);
        QVERIFY(workflow.releasePart(*again, m_world.ownerActor()));
        const auto after = AdRepository(*m_db).history(lot.id);
        QVERIFY(after);
        QCOMPARE(after->last().reason, QString());
        QCOMPARE(historyTimelineText(after->last(), lot.ownerId, u"Écoles"_s),
                 u"Marie Dupont released the part of 2 reserved for Écoles"_s);
    }

    // Hostile review of 027: a moderator's removal released the held parts with no reason in
    // the owner's history. Each part it releases now carries the removal's reason.
    void aRemovalReleasesThePartsWithItsReason()
    {
        if (!m_db)
            QSKIP("needs the database of aLotSplitBetweenServices");
        const Ad lot = publishedLot(*m_db, m_world, 6, 0, 0);
        AdWorkflow workflow(*m_db, {});
        const auto part = workflow.reservePart(lot.id, m_world.schools, 4, m_world.ownerActor());
        QVERIFY2(part, qPrintable(part.error().message + u' ' + part.error().detail));
        const QString why = u"Objet interdit à la cession."_s;
        const Ad now = *AdRepository(*m_db).get(lot.id, false);
        TransitionRequest remove{AdAction::Remove, now.version, why, {}, 0, {}};
        const auto removed
                = AdRepository(*m_db).transition(lot.id, remove, m_world.moderatorActor());
        QVERIFY2(removed, qPrintable(removed.error().message + u' ' + removed.error().detail));
        QCOMPARE(AdRepository(*m_db).shares(lot.id)->held, 0);
        const auto history = AdRepository(*m_db).history(lot.id);
        QVERIFY(history);
        int released = 0;
        for (const AdHistoryEntry &step : *history) {
            if (step.action == AdAction::ReleasePart) {
                ++released;
                QCOMPARE(step.reason, why);
                QCOMPARE(step.quantity, 4);
            }
        }
        QCOMPARE(released, 1);
    }

    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

private:
    // What the catalogue shows of the ad: « 7 sur 12 disponibles ».
    int leftInCatalogue(qint64 adId) const
    {
        const auto page = CatalogueQuery(*m_db).page({}, {}, 200);
        if (!page)
            return -1;
        for (const CatalogueEntry &entry : page->entries) {
            if (entry.id == adId)
                return entry.quantityLeft;
        }
        return -2;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    qint64 m_lot = 0, m_inactive = 0;
};

QTEST_GUILESS_MAIN(TestAdLifecycle)
#include "tst_adlifecycle.moc"
