// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A leaving agent's open ads handed over to another agent, on both backends, through the
// repository: refusals in words (the same agent, an inactive or unknown one, an agent who is no
// moderator, an agent still at work unless deactivated in the same transaction, never a
// moderator), closed ads and ads on their way to the store left where they are, one 'handover'
// step per ad carrying the former owner's name, the new owner acting as owner afterwards, and
// the open ads of every agent counted in one statement.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "domain/PlatformTime.h"
#include "storage/PickupRepository.h"
#include "storage/ReferenceRepository.h"

#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestHandOver : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("handover"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        ReferenceRepository references(*m_db);
        Site store;
        store.organisationId = m_world.agglo;
        store.code = u"MAG"_s;
        store.name = u"Magasin général"_s;
        m_store = *references.addSite(store);
        QVERIFY(references.setStore(m_store, m_world.library, m_world.other));
        Agent leaving;
        leaving.login = u"gone"_s;
        leaving.displayName = u"Agent parti"_s;
        leaving.email = u"gone@agglo.test"_s;
        leaving.serviceId = m_world.library;
        const auto gone = references.addAgent(leaving);
        QVERIFY2(gone, qPrintable(gone.error().message));
        m_gone = *gone;
        const auto read = references.agent(m_gone);
        QVERIFY(read);
        QVERIFY(references.setAgentActive(m_gone, false, read->version));
        // Saving over a version read before is refused.
        QCOMPARE(references.setAgentActive(m_gone, true, read->version).error().kind,
                 Error::Kind::Conflict);
        QVERIFY(!references.agent(m_gone)->active);

        // Marie's ads: a draft, a pending and a published one move; a closed one and one on
        // its way to the store stay.
        AdRepository ads(*m_db);
        const auto draft
                = ads.create(m_world.sampleAd(u"Bureau brouillon"_s), m_world.ownerActor());
        QVERIFY(draft);
        m_moving = {draft->id,
                    pendingAd(*m_db, m_world, u"Armoire en attente"_s).id,
                    publishedAd(*m_db, m_world, u"Chaise publiée"_s).id};
        m_closed = closedLot(*m_db, m_world, m_world.chairs, 1, 0, 0, CloseReason::Discarded).id;
        m_toStore = publishedAd(*m_db, m_world, u"Armoire vers le magasin"_s).id;
        PickupRequest r;
        r.from = {m_world.depot, {}, {}, u"B 104"_s, u"Marie"_s, u"05 49 00 00 01"_s};
        r.to = {m_store, {}, {}, u"Travée 2"_s, u"Paul"_s, u"05 49 00 00 09"_s};
        r.wishedDate = platformToday().addDays(1);
        const auto moving = PickupRepository(*m_db).sendToStore(m_toStore, r, m_world.ownerActor());
        QVERIFY2(moving, qPrintable(moving.error().message + moving.error().detail));
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

    void openAdsAreCountedPerOwner()
    {
        const auto counts = AdRepository(*m_db).openAdsByOwner();
        QVERIFY2(counts, qPrintable(counts.error().detail));
        QCOMPARE(counts->value(m_world.owner).open, 4);
        QCOMPARE(counts->value(m_world.owner).movable, 3);
        QCOMPARE(counts->value(m_world.other).open, 0);
    }

    void refusalsAreSaidInWords_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<qint64>("actor");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("words");
        QTest::newRow("to the same agent") << qint64(-1) << qint64(-1) << qint64(-3)
                                           << int(Error::Kind::Invalid) << u"who has them"_s;
        QTest::newRow("to an inactive agent") << qint64(-1) << qint64(-4) << qint64(-3)
                                              << int(Error::Kind::Invalid) << u"no longer active"_s;
        QTest::newRow("to an unknown agent") << qint64(-1) << qint64(999'999) << qint64(-3)
                                             << int(Error::Kind::NotFound) << u"not exist"_s;
        QTest::newRow("from an agent still at work")
                << qint64(-1) << qint64(-2) << qint64(-3) << int(Error::Kind::Invalid)
                << u"still active"_s;
        QTest::newRow("to the moderator who hands them over")
                << qint64(-1) << qint64(-3) << qint64(-3) << int(Error::Kind::Invalid)
                << u"does not take over"_s;
        QTest::newRow("by an agent who is no moderator")
                << qint64(-1) << qint64(-2) << qint64(-2) << int(Error::Kind::Forbidden)
                << u"moderators"_s;
    }
    void refusalsAreSaidInWords()
    {
        // -1 Marie, -2 Paul, -3 Claire (moderator), -4 the inactive agent.
        const auto id = [this](qint64 code) {
            switch (code) {
            case -1:
                return m_world.owner;
            case -2:
                return m_world.other;
            case -3:
                return m_world.moderator;
            case -4:
                return m_gone;
            }
            return code;
        };
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(qint64, actor);
        QFETCH(int, kind);
        QFETCH(QString, words);
        const auto handed = AdRepository(*m_db).handOverAds(id(from), id(to), id(actor));
        QVERIFY(!handed);
        QCOMPARE(int(handed.error().kind), kind);
        QVERIFY2(handed.error().message.contains(words), qPrintable(handed.error().message));
        QCOMPARE(ownerCount(m_world.owner), 5);
    }

    // A moderator is deactivated by an administrator only, never on the way of a hand-over.
    void aModeratorIsNotDeactivatedToHandOver()
    {
        const auto handed = AdRepository(*m_db).handOverAds(m_world.secondModerator,
                                                            m_world.other,
                                                            m_world.moderator,
                                                            AdRepository::Leaving::DeactivateFirst);
        QVERIFY(!handed);
        QCOMPARE(handed.error().kind, Error::Kind::Forbidden);
        QVERIFY2(handed.error().message.contains(u"Only an administrator"_s),
                 qPrintable(handed.error().message));
        QVERIFY(ReferenceRepository(*m_db).agent(m_world.secondModerator)->active);
    }

    // « Désactiver et confier ses annonces »: Marie leaves and her ads move, in one transaction.
    void theOpenAdsMoveWithOneHistoryStepEach()
    {
        QVERIFY(ReferenceRepository(*m_db).agent(m_world.owner)->active);
        const auto handed = AdRepository(*m_db).handOverAds(m_world.owner,
                                                            m_world.other,
                                                            m_world.moderator,
                                                            AdRepository::Leaving::DeactivateFirst);
        QVERIFY2(handed, qPrintable(handed.error().message + u' ' + handed.error().detail));
        QCOMPARE(*handed, 3);
        QVERIFY(!ReferenceRepository(*m_db).agent(m_world.owner)->active);
        for (qint64 id : std::as_const(m_moving)) {
            const auto ad = AdRepository(*m_db).get(id, false);
            QVERIFY(ad);
            QCOMPARE(ad->ownerId, m_world.other);
            QCOMPARE(ad->serviceId, m_world.library); // the new owner's service
            QCOMPARE(countOf(*m_db,
                             u"SELECT count(*) FROM ad_history WHERE ad_id = %1 AND "
                             "action = 'handover' AND reason = 'Marie Dupont'"_s.arg(id)),
                     1);
            const auto history = AdRepository(*m_db).history(id);
            QVERIFY(history);
            QCOMPARE(history->last().action, AdAction::HandOver);
            QCOMPARE(history->last().fromState, history->last().toState);
            if (TestDatabase::backend() == QLatin1String("sqlite"))
                QCOMPARE(history->last().actorId, m_world.moderator);
        }
        // The closed ad and the one on its way to the store stay Marie's, untouched.
        for (qint64 id : {m_closed, m_toStore}) {
            QCOMPARE(AdRepository(*m_db).get(id, false)->ownerId, m_world.owner);
            QCOMPARE(countOf(*m_db,
                             u"SELECT count(*) FROM ad_history WHERE ad_id = %1 AND "
                             "action = 'handover'"_s.arg(id)),
                     0);
        }
        const auto counts = AdRepository(*m_db).openAdsByOwner();
        QVERIFY(counts);
        QCOMPARE(counts->value(m_world.owner).open, 1);
        QCOMPARE(counts->value(m_world.owner).movable, 0);
        QCOMPARE(counts->value(m_world.other).open, 3);
    }

    void nothingLeftIsNothingHandedOver()
    {
        const auto again
                = AdRepository(*m_db).handOverAds(m_world.owner, m_world.other, m_world.moderator);
        QVERIFY2(again, qPrintable(again.error().detail));
        QCOMPARE(*again, 0);
    }

    void theNewOwnerActsAsOwnerAndTheFormerNoLonger()
    {
        AdRepository ads(*m_db);
        const qint64 published = m_moving.last();
        const auto before = ads.get(published, false);
        QVERIFY(before);
        TransitionRequest close{
                AdAction::Close, before->version, {}, CloseReason::Discarded, 0, {}};
        const auto byMarie = ads.transition(published, close, m_world.ownerActor());
        QVERIFY(!byMarie);
        QCOMPARE(byMarie.error().kind, Error::Kind::Forbidden);
        const auto byPaul = ads.transition(published, close, m_world.otherActor());
        QVERIFY2(byPaul, qPrintable(byPaul.error().message + byPaul.error().detail));
        QCOMPARE(byPaul->state, AdState::Closed);
    }

private:
    int ownerCount(qint64 owner) const
    {
        return countOf(*m_db, u"SELECT count(*) FROM ad WHERE owner_id = %1"_s.arg(owner));
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    qint64 m_store = 0, m_gone = 0, m_closed = 0, m_toStore = 0;
    QList<qint64> m_moving;
};

QTEST_GUILESS_MAIN(TestHandOver)
#include "tst_handover.moc"
