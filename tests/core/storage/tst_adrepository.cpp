// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Fixtures.h"
#include "TestDatabase.h"
#include "lifecycle/AdLifecycle.h"
#include "storage/AdRepository.h"
#include "storage/SqlDialect.h"
#include "storage/Transaction.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestAdRepository : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("adrepository"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
    }
    void cleanup()
    {
        m_db.reset();
        m_test.reset();
    }

    void ownedPagesWalkEveryAdOnceEvenWhenTimesTie()
    {
        // Seven ads of one owner, four of them changed at the very same microsecond: pages of
        // two must give each ad exactly once, in (last change, id) order, both backends.
        AdRepository ads(*m_db);
        QList<qint64> ids;
        for (int i = 0; i < 7; ++i) {
            auto created = ads.create(m_world.sampleAd(QStringLiteral("Chaise n° %1").arg(i + 1)),
                                      m_world.ownerActor());
            QVERIFY2(created, qPrintable(created.error().detail));
            ids.append(created->id);
        }
        const bool postgres = m_db->dialect().name() == QLatin1String("postgresql");
        QSqlQuery tie(m_db->connection());
        if (postgres)
            QVERIFY(tie.exec(QStringLiteral("SET session_replication_role = replica")));
        tie.prepare(postgres ? QStringLiteral("UPDATE ad SET updated_at = "
                                              "'2026-03-04 10:11:12.345678+00' WHERE id = ?")
                             : QStringLiteral("UPDATE ad SET updated_at = "
                                              "'2026-03-04T10:11:12.345Z' WHERE id = ?"));
        for (int i : {1, 2, 4, 5}) {
            tie.addBindValue(ids.at(i));
            QVERIFY2(tie.exec(), qPrintable(tie.lastError().text()));
        }
        if (postgres)
            QVERIFY(tie.exec(QStringLiteral("RESET session_replication_role")));

        QList<qint64> walked;
        OwnedAdsCursor after;
        for (int page = 0; page < 10; ++page) {
            const auto read = ads.ownedPage(m_world.owner, {}, after, 2);
            QVERIFY2(read, qPrintable(read.error().detail));
            for (const OwnedAd &owned : read->ads)
                walked.append(owned.ad.id);
            if (!read->hasMore)
                break;
            after = read->next;
        }
        QCOMPARE(walked.size(), 7);
        QCOMPARE(QSet<qint64>(walked.cbegin(), walked.cend()).size(), 7);
        // The four tied ads come together, the highest id first.
        const qsizetype first = walked.indexOf(ids.at(5));
        QVERIFY(first >= 0);
        QCOMPARE(walked.mid(first, 4), (QList<qint64>{ids.at(5), ids.at(4), ids.at(2), ids.at(1)}));
        const auto counts = ads.ownedCounts(m_world.owner);
        QVERIFY(counts);
        QCOMPARE(counts->value(AdState::Draft), 7);
    }

    void createWritesDraftAndHistory()
    {
        AdRepository ads(*m_db);
        Ad input = m_world.sampleAd();
        input.photos.append(AdPhoto{0, 0, QByteArray("jpeg-bytes-1"), QByteArray("thumb-1")});
        input.photos.append(AdPhoto{0, 1, QByteArray("jpeg-bytes-2"), QByteArray("thumb-2")});
        const auto created = ads.create(input, m_world.ownerActor());
        QVERIFY2(created, qPrintable(created.error().message + u" / " + created.error().detail));
        QCOMPARE(created->state, AdState::Draft);
        QCOMPARE(created->ownerId, m_world.owner);
        QCOMPARE(created->serviceId, m_world.waste); // the owner's service
        QCOMPARE(created->valueCents, qint64(25000));
        QCOMPARE(created->title, input.title);
        QCOMPARE(created->photos.size(), 2);
        QCOMPARE(created->photos.at(1).jpeg, QByteArray("jpeg-bytes-2"));
        QCOMPARE(created->photos.at(0).thumbnail, QByteArray("thumb-1"));
        QVERIFY(created->createdAt.isValid());
        QCOMPARE(created->createdAt.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(created->createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        const auto history = ads.history(created->id);
        QVERIFY(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->first().action, AdAction::Create);
        QVERIFY(!history->first().fromState.has_value());
        QCOMPARE(history->first().actorId, m_world.owner);
    }

    void invalidAdSavesNothing_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("title too short") << QStringLiteral("title");
        QTest::newRow("IT equipment") << QStringLiteral("category");
        QTest::newRow("not attested") << QStringLiteral("attestation");
        QTest::newRow("value above 100 000 €") << QStringLiteral("valueCents");
    }
    void invalidAdSavesNothing()
    {
        QFETCH(QString, field);
        Ad input = m_world.sampleAd();
        if (field == QLatin1String("title"))
            input.title = QStringLiteral("ab");
        else if (field == QLatin1String("category"))
            input.categoryId = m_world.computers;
        else if (field == QLatin1String("attestation"))
            input.professionalUseAttested = false;
        else
            input.valueCents = 10'000'001;
        AdRepository ads(*m_db);
        const auto created = ads.create(input, m_world.ownerActor());
        QVERIFY(!created);
        QCOMPARE(created.error().kind, Error::Kind::Invalid);
        QCOMPARE(created.error().fields.first().first, field);
        QCOMPARE(countRows(QStringLiteral("ad")), 0);
        QCOMPARE(countRows(QStringLiteral("ad_history")), 0);
    }

    void databaseRefusesWhatTheRulesRefuse()
    {
        // The same bounds hold for anyone writing without the application.
        QSqlQuery q(m_db->connection());
        q.prepare(
                QStringLiteral("INSERT INTO ad (title, category_id, site_id, owner_id, service_id, "
                               "attested, value_cents) VALUES ('ab', ?, ?, ?, ?, ?, 0)"));
        q.addBindValue(m_world.desks);
        q.addBindValue(m_world.depot);
        q.addBindValue(m_world.owner);
        q.addBindValue(m_world.waste);
        q.addBindValue(true);
        QVERIFY(!q.exec());
        q.prepare(
                QStringLiteral("INSERT INTO ad (title, category_id, site_id, owner_id, service_id, "
                               "attested, value_cents) VALUES ('abc', ?, ?, ?, ?, ?, 10000001)"));
        q.addBindValue(m_world.desks);
        q.addBindValue(m_world.depot);
        q.addBindValue(m_world.owner);
        q.addBindValue(m_world.waste);
        q.addBindValue(true);
        QVERIFY(!q.exec());
        QCOMPARE(countRows(QStringLiteral("ad")), 0);
    }

    void fullLifecycleIsRecorded()
    {
        AdRepository ads(*m_db);
        auto ad = ads.create(m_world.sampleAd(), m_world.ownerActor());
        QVERIFY(ad);
        const qint64 id = ad->id;
        auto step = [&](AdAction action, const Actor &actor, TransitionRequest request = {}) {
            request.action = action;
            request.expectedVersion = ad->version;
            auto next = ads.transition(id, request, actor);
            if (!next)
                qWarning("%s", qPrintable(next.error().message + u" / " + next.error().detail));
            if (next)
                ad = next;
            return bool(next);
        };
        QVERIFY(step(AdAction::Submit, m_world.ownerActor()));
        QCOMPARE(ad->state, AdState::Pending);
        TransitionRequest reject;
        reject.reason = QStringLiteral("Photo floue, merci d'en ajouter une nette.");
        QVERIFY(step(AdAction::Reject, m_world.moderatorActor(), reject));
        QCOMPARE(ad->state, AdState::Rejected);
        QVERIFY(step(AdAction::Resubmit, m_world.ownerActor()));
        QVERIFY(step(AdAction::Approve, m_world.moderatorActor()));
        QCOMPARE(ad->state, AdState::Published);
        QVERIFY(ad->publishedAt.isValid());
        QCOMPARE(ad->publishedAt.daysTo(ad->expiresAt), 60); // the category's expiry
        QVERIFY(step(AdAction::Reserve, m_world.ownerActor()));
        QVERIFY(step(AdAction::Release, m_world.ownerActor()));
        TransitionRequest close;
        close.closeReason = CloseReason::Exchanged;
        close.receivingServiceId = m_world.schools;
        QVERIFY(step(AdAction::Close, m_world.ownerActor(), close));
        QCOMPARE(ad->state, AdState::Closed);
        QCOMPARE(ad->closeReason, std::optional(CloseReason::Exchanged));
        QCOMPARE(ad->receivingServiceId, m_world.schools);
        QVERIFY(ad->closedAt.isValid());

        const auto history = ads.history(id);
        QVERIFY(history);
        const QList<AdAction> expected{AdAction::Create,
                                       AdAction::Submit,
                                       AdAction::Reject,
                                       AdAction::Resubmit,
                                       AdAction::Approve,
                                       AdAction::Reserve,
                                       AdAction::Release,
                                       AdAction::Close};
        QCOMPARE(history->size(), expected.size());
        std::optional<AdState> state;
        for (int i = 0; i < expected.size(); ++i) {
            const AdHistoryEntry &e = history->at(i);
            QCOMPARE(e.action, expected.at(i));
            QCOMPARE(e.fromState, state);
            state = e.toState;
        }
        QCOMPARE(history->at(2).reason, reject.reason);
        QCOMPARE(history->at(2).actorId, m_world.moderator);
        QCOMPARE(*state, AdState::Closed);
    }

    void refusedTransitionsChangeNothing_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("who");
        QTest::newRow("owner approves own pending ad")
                << int(AdAction::Approve) << QStringLiteral("owner");
        QTest::newRow("another agent approves")
                << int(AdAction::Approve) << QStringLiteral("other");
        QTest::newRow("another agent removes") << int(AdAction::Remove) << QStringLiteral("other");
        QTest::newRow("moderator reserves a pending ad")
                << int(AdAction::Reserve) << QStringLiteral("moderator");
        QTest::newRow("owner closes a pending ad")
                << int(AdAction::Close) << QStringLiteral("owner");
    }
    void refusedTransitionsChangeNothing()
    {
        QFETCH(int, action);
        QFETCH(QString, who);
        AdRepository ads(*m_db);
        auto ad = ads.create(m_world.sampleAd(), m_world.ownerActor());
        QVERIFY(ad);
        ad = ads.transition(
                ad->id, {AdAction::Submit, ad->version, {}, {}, 0, {}}, m_world.ownerActor());
        QVERIFY(ad);
        const Actor actor = who == QLatin1String("owner")   ? m_world.ownerActor()
                            : who == QLatin1String("other") ? m_world.otherActor()
                                                            : m_world.moderatorActor();
        TransitionRequest request{AdAction(action),
                                  ad->version,
                                  QStringLiteral("raison"),
                                  CloseReason::Discarded,
                                  0,
                                  {}};
        const auto refused = ads.transition(ad->id, request, actor);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Forbidden);
        QVERIFY(!refused.error().message.isEmpty());
        const auto after = ads.get(ad->id);
        QCOMPARE(after->state, AdState::Pending);
        QCOMPARE(after->version, ad->version);
        QCOMPARE(ads.history(ad->id)->size(), 2);
    }

    void rejectionNeedsAReason()
    {
        AdRepository ads(*m_db);
        auto ad = ads.create(m_world.sampleAd(), m_world.ownerActor());
        ad = ads.transition(
                ad->id, {AdAction::Submit, ad->version, {}, {}, 0, {}}, m_world.ownerActor());
        const auto refused
                = ads.transition(ad->id,
                                 {AdAction::Reject, ad->version, QStringLiteral(" "), {}, 0, {}},
                                 m_world.moderatorActor());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QCOMPARE(ads.get(ad->id)->state, AdState::Pending);
    }

    void closingAsExchangedNeedsTheService()
    {
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Armoire haute"));
        AdRepository ads(*m_db);
        TransitionRequest close{AdAction::Close, ad.version, {}, CloseReason::Exchanged, 0, {}};
        const auto refused = ads.transition(ad.id, close, m_world.ownerActor());
        QVERIFY(!refused);
        QCOMPARE(refused.error().fields.first().first, QStringLiteral("receivingService"));
        close.receivingServiceId = m_world.library;
        QVERIFY(ads.transition(ad.id, close, m_world.ownerActor()));
    }

    void moderatorRemovesWithReason()
    {
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Lot de classeurs"));
        AdRepository ads(*m_db);
        const auto removed = ads.transition(
                ad.id,
                {AdAction::Remove, ad.version, QStringLiteral("Annonce en double"), {}, 0, {}},
                m_world.moderatorActor());
        QVERIFY2(removed, qPrintable(removed.error().message));
        QCOMPARE(removed->closeReason, std::optional(CloseReason::Removed));
        QCOMPARE(removed->closeNote, QStringLiteral("Annonce en double"));
    }

    void secondModeratorIsToldWhoDecided()
    {
        AdRepository ads(*m_db);
        auto ad = ads.create(m_world.sampleAd(), m_world.ownerActor());
        ad = ads.transition(
                ad->id, {AdAction::Submit, ad->version, {}, {}, 0, {}}, m_world.ownerActor());
        const int seen = ad->version; // both moderators opened this version
        QVERIFY(ads.transition(
                ad->id, {AdAction::Approve, seen, {}, {}, 0, {}}, m_world.moderatorActor()));
        const auto late
                = ads.transition(ad->id,
                                 {AdAction::Reject, seen, QStringLiteral("Doublon"), {}, 0, {}},
                                 m_world.secondModeratorActor());
        QVERIFY(!late);
        QCOMPARE(late.error().kind, Error::Kind::Conflict);
        QVERIFY2(late.error().message.contains(QLatin1String("Claire Bernard")),
                 qPrintable(late.error().message));
        QCOMPARE(ads.get(ad->id)->state, AdState::Published);
        QCOMPARE(ads.history(ad->id)->size(), 3);
    }

    void staleEditIsRefused()
    {
        AdRepository ads(*m_db);
        auto ad = ads.create(m_world.sampleAd(), m_world.ownerActor());
        Ad first = *ad;
        Ad second = *ad;
        first.quantity = 3;
        QVERIFY(ads.update(first, m_world.ownerActor()));
        second.description = QStringLiteral("Texte tapé par l'autre fenêtre");
        const auto stale = ads.update(second, m_world.ownerActor());
        QVERIFY(!stale);
        QCOMPARE(stale.error().kind, Error::Kind::Conflict);
        const auto now = ads.get(ad->id);
        QCOMPARE(now->quantity, 3);
        QVERIFY(now->description != second.description);
    }

    void materialEditSendsBackToModeration()
    {
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Table de réunion"));
        AdRepository ads(*m_db);
        Ad minor = *ads.get(ad.id);
        minor.quantity = 2;
        minor.siteId = m_world.townHall;
        auto saved = ads.update(minor, m_world.ownerActor());
        QVERIFY2(saved, qPrintable(saved.error().message));
        QCOMPARE(saved->state, AdState::Published);
        Ad major = *saved;
        major.title = QStringLiteral("Grande table de réunion ovale");
        saved = ads.update(major, m_world.ownerActor());
        QVERIFY(saved);
        QCOMPARE(saved->state, AdState::Pending);
        QCOMPARE(ads.history(ad.id)->last().action, AdAction::Edit);
    }

    // Free text every agent reads in the catalogue: a moderator sees it first.
    void roomChangeSendsBackToModeration()
    {
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Vestiaire métallique"));
        AdRepository ads(*m_db);
        Ad moved = *ads.get(ad.id);
        moved.room = QStringLiteral("Appelez le 06 00 00 00 00 pour l'avoir");
        const auto saved = ads.update(moved, m_world.ownerActor());
        QVERIFY2(saved, qPrintable(saved.error().message));
        QCOMPARE(saved->state, AdState::Pending);
        // Reserved, it does not change at all.
        const Ad reservedAd = publishedAd(*m_db, m_world, QStringLiteral("Banc"));
        const auto reserved = ads.transition(reservedAd.id,
                                             {AdAction::Reserve, reservedAd.version, {}, {}, 0, {}},
                                             m_world.ownerActor());
        QVERIFY2(reserved, qPrintable(reserved.error().message));
        Ad change = *ads.get(reservedAd.id);
        change.room = QStringLiteral("Salle 12");
        const auto refused = ads.update(change, m_world.ownerActor());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Forbidden);
        QCOMPARE(ads.get(reservedAd.id)->room, reservedAd.room);
    }

    void othersCannotEdit()
    {
        AdRepository ads(*m_db);
        auto ad = ads.create(m_world.sampleAd(), m_world.ownerActor());
        Ad edit = *ad;
        edit.valueCents = 1;
        const auto refused = ads.update(edit, m_world.otherActor());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Forbidden);
        QVERIFY(ads.update(edit, m_world.moderatorActor()));
    }

    void expiryJobFindsDueAds()
    {
        const QDateTime longAgo = QDateTime::currentDateTimeUtc().addDays(-90);
        const Ad old = publishedAd(*m_db, m_world, QStringLiteral("Chaise ancienne"), longAgo);
        const Ad fresh = publishedAd(*m_db, m_world, QStringLiteral("Chaise récente"));
        AdRepository ads(*m_db);
        const auto due = ads.dueForExpiry(QDateTime::currentDateTimeUtc());
        QVERIFY(due);
        QCOMPARE(*due, QList<qint64>{old.id});
        const auto expired = ads.transition(
                old.id, {AdAction::Expire, -1, {}, {}, 0, {}}, Actor::systemActor());
        QVERIFY(expired);
        QCOMPARE(expired->state, AdState::Expired);
        QCOMPARE(ads.history(old.id)->last().actorId, qint64(0));
        QVERIFY(!ads.transition(
                fresh.id, {AdAction::Expire, -1, {}, {}, 0, {}}, m_world.ownerActor()));
    }

    void nestedUnitIsAllOrNothing()
    {
        AdRepository ads(*m_db);
        {
            Transaction outer(m_db->connection());
            QVERIFY(outer.isOutermost());
            QVERIFY(ads.create(m_world.sampleAd(QStringLiteral("Premier lot")),
                               m_world.ownerActor()));
            Ad bad = m_world.sampleAd(QStringLiteral("Deuxième lot"));
            bad.categoryId = 999999; // refused inside the unit
            QVERIFY(!ads.create(bad, m_world.ownerActor()));
            Transaction inner(m_db->connection());
            QVERIFY(!inner.isOutermost());
            inner.rollback(); // an inner failure dooms the whole unit
            QVERIFY(!outer.commit());
        }
        QCOMPARE(countRows(QStringLiteral("ad")), 0);
        {
            Transaction outer(m_db->connection());
            QVERIFY(ads.create(m_world.sampleAd(QStringLiteral("Troisième lot")),
                               m_world.ownerActor()));
            QVERIFY(ads.create(m_world.sampleAd(QStringLiteral("Quatrième lot")),
                               m_world.ownerActor()));
            QVERIFY(outer.commit());
        }
        QCOMPARE(countRows(QStringLiteral("ad")), 2);
    }

private:
    int countRows(const QString &table)
    {
        QSqlQuery q(m_db->connection());
        q.exec(QStringLiteral("SELECT count(*) FROM ") + table);
        q.next();
        return q.value(0).toInt();
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
};

QTEST_GUILESS_MAIN(TestAdRepository)
#include "tst_adrepository.moc"
