// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The hand-over of a leaving agent's ads behind the wall, each person with their own login as
// with psql: agents and logistics staff neither call hand_over_ads() (not even for their own
// ads), nor write or read ad_handover, nor move an owner by hand; moderators and
// administrators hand over, to an active agent other than the giver, only the open ads that
// are not on their way to the store, each with one 'handover' step; the new owner then acts
// as owner and the former no longer; a moderator's hand-made change of owner is still refused;
// moderators change an agent's name and active flag, never their login nor their roles.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "domain/PlatformTime.h"
#include "storage/PickupRepository.h"
#include "storage/ReferenceRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestHandOverSecurity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("roles and row-level security exist on PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("handoversecurity"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        // Marc leaves; Claire takes over (and keeps the store); Léa is logistics; Mona
        // moderates; Alain administers; Gaston has left already.
        m_marcId = enrolLogin(*m_admin, u"hos_marc"_s, Role::Agent, m_world.waste);
        m_claireId = enrolLogin(*m_admin, u"hos_claire"_s, Role::Agent, m_world.library);
        m_leaId = enrolLogin(*m_admin, u"hos_lea"_s, Role::Agent | Role::Logistics, m_world.waste);
        m_monaId = enrolLogin(
                *m_admin, u"hos_mona"_s, Role::Agent | Role::Moderator, m_world.schools);
        m_alainId
                = enrolLogin(*m_admin, u"hos_alain"_s, Role::Agent | Role::Admin, m_world.schools);
        m_gastonId = enrolLogin(*m_admin, u"hos_gaston"_s, Role::Agent, m_world.library);
        QVERIFY(m_marcId > 0 && m_claireId > 0 && m_leaId > 0 && m_monaId > 0 && m_alainId > 0
                && m_gastonId > 0);
        QVERIFY(execSql(*m_admin,
                        u"UPDATE agent SET active = false WHERE id = %1"_s.arg(m_gastonId)));
        for (const auto &[login, db] : {std::pair{u"hos_marc"_s, &m_marc},
                                        std::pair{u"hos_claire"_s, &m_claire},
                                        std::pair{u"hos_lea"_s, &m_lea},
                                        std::pair{u"hos_mona"_s, &m_mona},
                                        std::pair{u"hos_alain"_s, &m_alain}}) {
            *db = m_test->openAs(login);
            QVERIFY2(*db, qPrintable(login));
        }
        ReferenceRepository references(*m_admin);
        Site store;
        store.organisationId = m_world.agglo;
        store.code = u"MAG"_s;
        store.name = u"Magasin général"_s;
        m_store = *references.addSite(store);
        QVERIFY(references.setStore(m_store, m_world.library, m_claireId));

        m_asMarc = m_world;
        m_asMarc.owner = m_marcId;
        m_open = {pendingAd(*m_admin, m_asMarc, u"Armoire en attente"_s).id,
                  publishedAd(*m_admin, m_asMarc, u"Bureau publié"_s).id,
                  publishedAd(*m_admin, m_asMarc, u"Chaise publiée"_s).id};
        m_closed
                = closedLot(*m_admin, m_asMarc, m_world.chairs, 1, 0, 0, CloseReason::Discarded).id;
        m_toStore = publishedAd(*m_admin, m_asMarc, u"Armoire vers le magasin"_s).id;
        PickupRequest r;
        r.from = {m_world.depot, {}, {}, u"B 104"_s, u"Marc"_s, u"05 49 00 00 01"_s};
        r.to = {m_store, {}, {}, u"Travée 2"_s, u"Claire"_s, u"05 49 00 00 09"_s};
        r.wishedDate = platformToday().addDays(1);
        const auto moving = PickupRepository(*m_marc).sendToStore(
                m_toStore, r, Actor{m_marcId, false, false});
        QVERIFY2(moving, qPrintable(moving.error().message + moving.error().detail));
    }
    void cleanupTestCase()
    {
        for (auto *db : {&m_marc, &m_claire, &m_lea, &m_mona, &m_alain, &m_admin})
            db->reset();
        m_test.reset();
    }

    void agentsAndLogisticsDoNotHandOver()
    {
        for (Database *db : {m_marc.get(), m_lea.get()}) {
            // Not even the agent's own ads, to an active colleague.
            QSqlQuery call(db->connection());
            QVERIFY(!call.exec(
                    u"SELECT recup.hand_over_ads(%1, %2)"_s.arg(m_marcId).arg(m_claireId)));
            QCOMPARE(call.lastError().nativeErrorCode(), u"42501"_s);
            QSqlQuery insert(db->connection());
            QVERIFY(!insert.exec(
                    u"INSERT INTO recup.ad_handover (ad_id, from_agent_id, "
                    "to_agent_id, actor_id) VALUES (%1, %2, %3, %2)"_s.arg(m_open.first())
                            .arg(m_marcId)
                            .arg(m_claireId)));
            QCOMPARE(insert.lastError().nativeErrorCode(), u"42501"_s);
            QSqlQuery read(db->connection());
            QVERIFY(!read.exec(u"SELECT count(*) FROM recup.ad_handover"_s));
            QCOMPARE(read.lastError().nativeErrorCode(), u"42501"_s);
        }
        // Marc does not give his ad away by hand either.
        QSqlQuery update(m_marc->connection());
        QVERIFY(!update.exec(u"UPDATE recup.ad SET owner_id = %1, version = version + 1 "
                             "WHERE id = %2"_s.arg(m_claireId)
                                     .arg(m_open.last())));
        QCOMPARE(update.lastError().nativeErrorCode(), u"42501"_s);
        QCOMPARE(ownerOf(m_open.last()), m_marcId);
    }

    void aModeratorDoesNotMoveAnOwnerByHand()
    {
        for (Database *db : {m_mona.get(), m_alain.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY(!q.exec(u"UPDATE recup.ad SET owner_id = %1, service_id = %2, "
                            "version = version + 1 WHERE id = %3"_s.arg(m_claireId)
                                    .arg(m_world.library)
                                    .arg(m_open.last())));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
        // Nor writes ad_handover rows of their own: only the function does.
        QSqlQuery insert(m_mona->connection());
        QVERIFY(!insert.exec(u"INSERT INTO recup.ad_handover (ad_id, from_agent_id, to_agent_id) "
                             "VALUES (%1, %2, %3)"_s.arg(m_open.last())
                                     .arg(m_marcId)
                                     .arg(m_claireId)));
        QCOMPARE(insert.lastError().nativeErrorCode(), u"42501"_s);
        QCOMPARE(ownerOf(m_open.last()), m_marcId);
    }

    void aModeratorKeepsNamesNeverLoginsNorRoles()
    {
        QSqlQuery q(m_mona->connection());
        for (const QString &set : {u"login = 'hos_other'"_s,
                                   u"is_moderator = true"_s,
                                   u"is_admin = true"_s,
                                   u"is_logistics = true"_s}) {
            QVERIFY2(!q.exec(u"UPDATE recup.agent SET %1 WHERE id = %2"_s.arg(set).arg(m_marcId)),
                     qPrintable(set));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
        QVERIFY2(q.exec(u"UPDATE recup.agent SET display_name = 'Marc Dupont' WHERE id = %1"_s.arg(
                         m_marcId)),
                 qPrintable(q.lastError().text()));
        QCOMPARE(q.numRowsAffected(), 1);
        QVERIFY2(q.exec(u"UPDATE recup.agent SET active = false WHERE id = %1"_s.arg(m_leaId)),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.exec(u"UPDATE recup.agent SET active = true WHERE id = %1"_s.arg(m_leaId)));
        // Agents keep nobody's row, not even their own.
        QSqlQuery self(m_marc->connection());
        QVERIFY(!self.exec(
                u"UPDATE recup.agent SET display_name = 'X' WHERE id = %1"_s.arg(m_marcId)));
        QCOMPARE(self.lastError().nativeErrorCode(), u"42501"_s);
        // The administrator does change a login's roles.
        QSqlQuery admin(m_alain->connection());
        QVERIFY2(admin.exec(
                         u"UPDATE recup.agent SET is_logistics = is_logistics WHERE id = %1"_s.arg(
                                 m_marcId)),
                 qPrintable(admin.lastError().text()));
    }

    // A moderator does not lock the others out, nor comes back once deactivated (the hostile
    // review of #12).
    void aModeratorDeactivatesNeitherModeratorsNorAdministratorsNorThemselves()
    {
        QSqlQuery q(m_mona->connection());
        for (const qint64 id : {m_alainId, m_monaId, m_world.moderator}) {
            QVERIFY2(!q.exec(u"UPDATE recup.agent SET active = false WHERE id = %1"_s.arg(id)),
                     qPrintable(QString::number(id)));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
        QVERIFY(!q.exec(u"UPDATE recup.agent SET active = false WHERE is_admin"_s));
        QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        // The administrator does; the deactivated moderator cannot come back by hand.
        QSqlQuery admin(m_alain->connection());
        QVERIFY2(admin.exec(u"UPDATE recup.agent SET active = false WHERE id = %1"_s.arg(m_monaId)),
                 qPrintable(admin.lastError().text()));
        QVERIFY(!q.exec(u"UPDATE recup.agent SET active = true WHERE login = session_user"_s));
        QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        QVERIFY(admin.exec(u"UPDATE recup.agent SET active = true WHERE id = %1"_s.arg(m_monaId)));
    }

    // Two hand-overs in one transaction do not open a way to rewrite an ad, closed or not.
    void aHandOverRowServesOnceAndForNothingElse()
    {
        QSqlDatabase db = m_mona->connection();
        QVERIFY(db.transaction());
        QSqlQuery q(db);
        QVERIFY2(q.exec(u"SELECT recup.hand_over_ads(%1, %2)"_s.arg(m_gastonId).arg(m_claireId)),
                 qPrintable(
                         q.lastError().text())); // nothing of Gaston's: 0, but in this transaction
        // The closed ad: no hand-over row makes it change.
        QVERIFY(!q.exec(
                u"UPDATE recup.ad SET owner_id = %1, service_id = %2, "
                "version = version + 1, close_note = 'réécrit' WHERE id = %3"_s.arg(m_claireId)
                        .arg(m_world.library)
                        .arg(m_closed)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        db.rollback();
        QVERIFY(db.transaction());
        // Only a leaving agent's ads move (018): Marc leaves and Claire takes them...
        QVERIFY2(q.exec(u"UPDATE recup.agent SET active = false WHERE id = %1"_s.arg(m_marcId)),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(u"SELECT recup.hand_over_ads(%1, %2)"_s.arg(m_marcId).arg(m_claireId)),
                 qPrintable(q.lastError().text()));
        QCOMPARE(ownerOf(m_open.last(), db), m_claireId);
        // ...but Marc does not come back in the same transaction, as if he had never left (019).
        QVERIFY(!q.exec(u"UPDATE recup.agent SET active = true WHERE id = %1"_s.arg(m_marcId)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        QVERIFY2(q.lastError().text().contains(u"agent-back-with-handover"_s),
                 qPrintable(q.lastError().text()));
        db.rollback();
        QVERIFY(db.transaction());
        QVERIFY(q.exec(u"UPDATE recup.agent SET active = false WHERE id = %1"_s.arg(m_marcId)));
        QVERIFY(q.exec(u"SELECT recup.hand_over_ads(%1, %2)"_s.arg(m_marcId).arg(m_claireId)));
        // The row of this hand-over does not move the ad back, nor elsewhere with a new title.
        QVERIFY(!q.exec(u"UPDATE recup.ad SET owner_id = %1, service_id = %2, "
                        "version = version + 1, title = 'Autre chose' WHERE id = %3"_s.arg(m_marcId)
                                .arg(m_world.waste)
                                .arg(m_open.last())));
        QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        db.rollback();
        QCOMPARE(ownerOf(m_open.last()), m_marcId);
    }

    void refusalsOfTheFunction_data()
    {
        QTest::addColumn<int>("to");
        QTest::addColumn<QString>("hint");
        QTest::newRow("to oneself") << 0 << u"handover-same-agent"_s;
        QTest::newRow("to an agent who left") << 1 << u"handover-inactive-agent"_s;
        QTest::newRow("to nobody") << 2 << u"handover-inactive-agent"_s;
        QTest::newRow("from an agent still at work") << 3 << u"handover-active-agent"_s;
    }
    void refusalsOfTheFunction()
    {
        QFETCH(int, to);
        QFETCH(QString, hint);
        const qint64 target = to == 0   ? m_marcId
                              : to == 1 ? m_gastonId
                              : to == 3 ? m_claireId
                                        : 999'999;
        QSqlQuery q(m_mona->connection());
        QVERIFY(!q.exec(u"SELECT recup.hand_over_ads(%1, %2)"_s.arg(m_marcId).arg(target)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        // What the repository reads to say it in words.
        QVERIFY2(q.lastError().text().contains(hint), qPrintable(q.lastError().text()));
        QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM ad WHERE owner_id = %1"_s.arg(m_marcId)),
                 5);
        QSqlQuery unknown(m_mona->connection());
        QVERIFY(!unknown.exec(u"SELECT recup.hand_over_ads(999999, %1)"_s.arg(m_claireId)));
        QVERIFY(unknown.lastError().text().contains(u"handover-unknown-agent"_s));
    }

    // Hostile finding 5 of #12: a moderator took an active colleague's open ads (to
    // themselves). Only a leaving agent's ads are handed over (018).
    void aModeratorDoesNotTakeTheAdsOfAnAgentAtWork()
    {
        for (const qint64 to : {m_monaId, m_claireId}) {
            QSqlQuery q(m_mona->connection());
            QVERIFY(!q.exec(u"SELECT recup.hand_over_ads(%1, %2)"_s.arg(m_marcId).arg(to)));
            QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
            QVERIFY2(q.lastError().text().contains(u"handover-active-agent"_s),
                     qPrintable(q.lastError().text()));
        }
        QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM ad WHERE owner_id = %1"_s.arg(m_marcId)),
                 5);
        QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM ad_handover"_s), 0);
        // Through the repository, as the window does, in words.
        const auto refused = AdRepository(*m_mona).handOverAds(m_marcId, m_claireId, m_monaId);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QVERIFY2(refused.error().message.contains(u"still active"_s),
                 qPrintable(refused.error().message));
        // Marc leaves: a moderator may deactivate him; his ads may then be handed over.
        QSqlQuery leave(m_mona->connection());
        QVERIFY2(leave.exec(u"UPDATE recup.agent SET active = false WHERE id = %1"_s.arg(m_marcId)),
                 qPrintable(leave.lastError().text()));
    }

    // Hostile finding 6 of #12: a moderator's agent row named a reserved or foreign database
    // role, to which the administrators' tools would then grant groups.
    void aModeratorNamesNoReservedNorForeignLogin_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("hint");
        for (const QString &login : {u"postgres"_s,
                                     u"pg_read_server_files"_s,
                                     u"pg_execute_server_program"_s,
                                     u"recup_admin"_s,
                                     u"recup_owner"_s,
                                     u"public"_s,
                                     u"current_role"_s})
            QTest::newRow(qPrintable(login)) << login << u"agent-login-reserved"_s;
        QTest::newRow("another application's role") << u"hos_foreign"_s << u"agent-login-foreign"_s;
        // 019: a login that is already in a moderator's group is tied by an administrator only.
        QTest::newRow("a moderator's account without agent row")
                << u"hos_orphan"_s << u"agent-login-foreign"_s;
        QTest::newRow("an account in recup_owner") << u"hos_owner"_s << u"agent-login-foreign"_s;
        QTest::newRow("an account in pg_write_all_data")
                << u"hos_writer"_s << u"agent-login-foreign"_s;
        QTest::newRow("the session's superuser") << QString() << u"agent-login-foreign"_s;
    }
    void aModeratorNamesNoReservedNorForeignLogin()
    {
        QFETCH(QString, login);
        QFETCH(QString, hint);
        QVERIFY(execSql(*m_admin,
                        u"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                        "'hos_foreign') THEN CREATE ROLE hos_foreign NOLOGIN; END IF; END $$"_s));
        QVERIFY(execSql(*m_admin,
                        u"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                        "'hos_orphan') THEN CREATE ROLE hos_orphan NOLOGIN "
                        "IN ROLE recup_agent, recup_moderator; END IF; END $$"_s));
        QVERIFY(execSql(*m_admin,
                        u"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                        "'hos_owner') THEN CREATE ROLE hos_owner NOLOGIN "
                        "IN ROLE recup_agent, recup_owner; END IF; END $$"_s));
        QVERIFY(execSql(*m_admin,
                        u"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                        "'hos_writer') THEN CREATE ROLE hos_writer NOLOGIN "
                        "IN ROLE recup_agent, pg_write_all_data; END IF; END $$"_s));
        if (login.isEmpty()) {
            QSqlQuery who(m_admin->connection());
            QVERIFY(who.exec(u"SELECT session_user"_s) && who.next());
            login = who.value(0).toString();
            if (login == u"postgres"_s || login.startsWith(u"pg_"_s))
                hint = u"agent-login-reserved"_s;
        }
        QSqlQuery q(m_mona->connection());
        QVERIFY(!q.exec(u"INSERT INTO recup.agent (login, display_name, email, service_id) "
                        "VALUES ('%1', 'Intrus', 'intrus@agglo.test', %2)"_s.arg(login)
                                .arg(m_world.waste)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        QVERIFY2(q.lastError().text().contains(hint), qPrintable(q.lastError().text()));
        QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM agent WHERE login = '%1'"_s.arg(login)),
                 0);
        // Nor renames anyone to it (only administrators change a login, and not to that).
        QVERIFY(!q.exec(
                u"UPDATE recup.agent SET login = '%1' WHERE id = %2"_s.arg(login).arg(m_leaId)));
        QSqlQuery admin(m_alain->connection());
        if (hint == u"agent-login-reserved"_s) {
            QVERIFY(!admin.exec(
                    u"UPDATE recup.agent SET login = '%1' WHERE id = %2"_s.arg(login).arg(
                            m_leaId)));
            QVERIFY2(admin.lastError().text().contains(hint), qPrintable(admin.lastError().text()));
        }
    }

    void aModeratorStillAddsAnAgent()
    {
        QSqlQuery q(m_mona->connection());
        QVERIFY2(q.exec(u"INSERT INTO recup.agent (login, display_name, email, service_id) "
                        "VALUES ('hos_newcomer', 'Nouvelle', 'nouvelle@agglo.test', %1)"_s.arg(
                                m_world.waste)),
                 qPrintable(q.lastError().text()));
    }

    // Hostile review of #12, after 018: Mona took a leaver's ads herself, to close them as she
    // pleased. A moderator hands them to someone else; an administrator may take them (019).
    void aModeratorDoesNotTakeALeaversAdsHerself()
    {
        QSqlQuery q(m_mona->connection());
        QVERIFY(!q.exec(u"SELECT recup.hand_over_ads(%1, %2)"_s.arg(m_marcId).arg(m_monaId)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        QVERIFY2(q.lastError().text().contains(u"handover-to-self"_s),
                 qPrintable(q.lastError().text()));
        const auto refused = AdRepository(*m_mona).handOverAds(m_marcId, m_monaId, m_monaId);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QVERIFY2(refused.error().message.contains(u"does not take over"_s),
                 qPrintable(refused.error().message));
        QCOMPARE(refused.error().fields.value(0).first, u"toAgent"_s);
        QCOMPARE(ownerOf(m_open.last()), m_marcId);
        QSqlDatabase db = m_alain->connection();
        QVERIFY(db.transaction());
        QSqlQuery admin(db);
        QVERIFY2(admin.exec(u"SELECT recup.hand_over_ads(%1, %2)"_s.arg(m_marcId).arg(m_alainId)),
                 qPrintable(admin.lastError().text()));
        QVERIFY(admin.next());
        QCOMPARE(admin.value(0).toInt(), 3);
        db.rollback();
        QCOMPARE(ownerOf(m_open.last()), m_marcId);
    }

    void aModeratorHandsOverTheOpenAdsOnly()
    {
        QSqlQuery q(m_mona->connection());
        QVERIFY2(q.exec(u"SELECT recup.hand_over_ads(%1, %2)"_s.arg(m_marcId).arg(m_claireId)),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 3);
        for (qint64 id : std::as_const(m_open)) {
            QCOMPARE(ownerOf(id), m_claireId);
            QCOMPARE(countOf(*m_admin,
                             u"SELECT count(*) FROM ad WHERE id = %1 AND service_id = %2"_s.arg(id)
                                     .arg(m_world.library)),
                     1);
            QCOMPARE(countOf(*m_admin,
                             u"SELECT count(*) FROM ad_history WHERE ad_id = %1 AND action = "
                             "'handover' AND actor_id = %2 AND reason = 'Marc Dupont'"_s.arg(id)
                                     .arg(m_monaId)),
                     1);
            QCOMPARE(countOf(*m_admin,
                             u"SELECT count(*) FROM ad_history WHERE ad_id = %1 AND action = "
                             "'handover'"_s.arg(id)),
                     1);
        }
        for (qint64 id : {m_closed, m_toStore}) {
            QCOMPARE(ownerOf(id), m_marcId);
            QCOMPARE(countOf(*m_admin,
                             u"SELECT count(*) FROM ad_history WHERE ad_id = %1 AND action = "
                             "'handover'"_s.arg(id)),
                     0);
        }
        // Moderators read the hand-overs.
        QCOMPARE(countOf(*m_mona,
                         u"SELECT count(*) FROM ad_handover WHERE from_agent_id = %1"_s.arg(
                                 m_marcId)),
                 3);
        // Nothing left to hand over: nothing happens.
        QVERIFY(q.exec(u"SELECT recup.hand_over_ads(%1, %2)"_s.arg(m_marcId).arg(m_claireId)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    // Hostile review of 019: Mona deactivated a colleague, handed the ads to an accomplice and
    // brought him back one transaction later. A leaver whose ads were handed over since he left
    // comes back by an administrator only.
    void aLeaverWhoseAdsWereHandedOverComesBackByAnAdministrator()
    {
        QSqlQuery q(m_mona->connection());
        QVERIFY(!q.exec(u"UPDATE recup.agent SET active = true WHERE id = %1"_s.arg(m_marcId)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"23514"_s);
        QVERIFY2(q.lastError().text().contains(u"agent-back-with-handover"_s),
                 qPrintable(q.lastError().text()));
        // Nor by writing when he left.
        QVERIFY(q.exec(u"UPDATE recup.agent SET left_at = now() + interval '1 day' "
                       "WHERE id = %1"_s.arg(m_marcId))
                || q.lastError().nativeErrorCode() == u"42501"_s);
        QVERIFY(!q.exec(u"UPDATE recup.agent SET active = true WHERE id = %1"_s.arg(m_marcId)));
        ReferenceRepository references(*m_mona);
        const auto marc = references.agent(m_marcId);
        QVERIFY(marc);
        const Status back = references.setAgentActive(m_marcId, true, marc->version);
        QVERIFY(!back);
        QCOMPARE(back.error().kind, Error::Kind::Forbidden);
        QVERIFY2(back.error().message.contains(u"administrator"_s),
                 qPrintable(back.error().message));
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM agent WHERE id = %1 AND active"_s.arg(m_marcId)),
                 0);
        // The administrator may (and Marc leaves again for the cases below).
        QSqlQuery admin(m_alain->connection());
        QVERIFY2(admin.exec(u"UPDATE recup.agent SET active = true WHERE id = %1"_s.arg(m_marcId)),
                 qPrintable(admin.lastError().text()));
        QVERIFY(admin.exec(u"UPDATE recup.agent SET active = false WHERE id = %1"_s.arg(m_marcId)));
    }

    // Hostile review of 019: Mona rewrote an administrator's mail and service.
    void aModeratorLeavesTheOtherModeratorsAndAdministratorsRowsAlone()
    {
        QSqlQuery q(m_mona->connection());
        for (const QString &set : {u"email = 'mona@agglo.test'"_s,
                                   u"service_id = %1"_s.arg(m_world.waste),
                                   u"display_name = 'Alain'"_s}) {
            QVERIFY2(!q.exec(u"UPDATE recup.agent SET %1 WHERE id = %2"_s.arg(set).arg(m_alainId)),
                     qPrintable(set));
            QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        }
        QVERIFY(!q.exec(u"UPDATE recup.agent SET display_name = 'X' WHERE id = %1"_s.arg(
                m_world.moderator)));
        QCOMPARE(q.lastError().nativeErrorCode(), u"42501"_s);
        // Her own row and an agent's row she still keeps.
        QVERIFY2(q.exec(u"UPDATE recup.agent SET display_name = 'Mona M.' WHERE id = %1"_s.arg(
                         m_monaId)),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(u"UPDATE recup.agent SET display_name = 'Léa L.' WHERE id = %1"_s.arg(
                         m_leaId)),
                 qPrintable(q.lastError().text()));
    }

    void theNewOwnerActsAndTheFormerNoLonger()
    {
        const qint64 published = m_open.last();
        QSqlQuery marc(m_marc->connection());
        // Marc has left (and his login not yet revoked): nothing of his former ads moves.
        QVERIFY(!marc.exec(u"UPDATE recup.ad SET quantity = 2, version = version + 1 "
                           "WHERE id = %1"_s.arg(published))
                || marc.numRowsAffected() == 0);
        QSqlQuery claire(m_claire->connection());
        QVERIFY2(claire.exec(u"UPDATE recup.ad SET quantity = 2, version = version + 1 "
                             "WHERE id = %1"_s.arg(published)),
                 qPrintable(claire.lastError().text()));
        QCOMPARE(claire.numRowsAffected(), 1);
        AdRepository ads(*m_claire);
        const auto ad = ads.get(published, false);
        QVERIFY(ad);
        TransitionRequest close{AdAction::Close, ad->version, {}, CloseReason::Discarded, 0, {}};
        const auto closed = ads.transition(published, close, Actor{m_claireId, false, false});
        QVERIFY2(closed, qPrintable(closed.error().message + closed.error().detail));
        QCOMPARE(closed->state, AdState::Closed);
        // Marc reads his former ads' history no longer: they are Claire's.
        QCOMPARE(countOf(*m_marc,
                         u"SELECT count(*) FROM ad_history WHERE ad_id = %1"_s.arg(m_open.first())),
                 0);
    }

    void anAdministratorHandsOverToo()
    {
        const qint64 more = publishedAd(*m_admin, m_asMarc, u"Table de réunion"_s).id;
        QSqlQuery q(m_alain->connection());
        QVERIFY2(q.exec(u"SELECT recup.hand_over_ads(%1, %2)"_s.arg(m_marcId).arg(m_claireId)),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(ownerOf(more), m_claireId);
        // Through the repository, as the window does.
        const qint64 again = publishedAd(*m_admin, m_asMarc, u"Lampe de bureau"_s).id;
        const auto handed = AdRepository(*m_mona).handOverAds(m_marcId, m_claireId, m_monaId);
        QVERIFY2(handed, qPrintable(handed.error().message + handed.error().detail));
        QCOMPARE(*handed, 1);
        QCOMPARE(ownerOf(again), m_claireId);
        // And its refusals in words.
        const auto inactive = AdRepository(*m_mona).handOverAds(m_marcId, m_gastonId, m_monaId);
        QVERIFY(!inactive);
        QCOMPARE(inactive.error().kind, Error::Kind::Invalid);
        const auto byAgent = AdRepository(*m_marc).handOverAds(m_marcId, m_claireId, 0);
        QVERIFY(!byAgent);
        QCOMPARE(byAgent.error().kind, Error::Kind::Forbidden);
    }

private:
    // Read by the administrator, or inside a transaction through its own connection.
    qint64 ownerOf(qint64 adId, const QSqlDatabase &db = {}) const
    {
        QSqlQuery q(db.isValid() ? db : m_admin->connection());
        return q.exec(u"SELECT owner_id FROM recup.ad WHERE id = %1"_s.arg(adId)) && q.next()
                       ? q.value(0).toLongLong()
                       : 0;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin, m_marc, m_claire, m_lea, m_mona, m_alain;
    World m_world, m_asMarc;
    qint64 m_marcId = 0, m_claireId = 0, m_leaId = 0, m_monaId = 0, m_alainId = 0, m_gastonId = 0;
    qint64 m_store = 0, m_closed = 0, m_toStore = 0;
    QList<qint64> m_open;
};

QTEST_GUILESS_MAIN(TestHandOverSecurity)
#include "tst_handoversecurity.moc"
