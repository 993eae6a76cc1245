// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Personal data behind the wall (migration 028), each person with their own login as with
// psql: everyone reads the retention, only an administrator changes it (and within 1–120
// months), runs the anonymisation round or anonymises an agent (a deactivated one only);
// agents, logistics staff and moderators get 42501 for each, and none of them rewrites a
// contact message, a mail's recipients or bytes, or the anonymisation stamp by hand.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/ContactRequests.h"
#include "storage/ReferenceRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestPersonalDataSecurity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("roles and row-level security exist on PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("personaldatasecurity"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        QVERIFY(ensureLoginRoles(*m_admin));
        m_leaId = enrolLogin(*m_admin, u"pds_lea"_s, Role::Agent | Role::Logistics, m_world.waste);
        m_alainId
                = enrolLogin(*m_admin, u"pds_alain"_s, Role::Agent | Role::Admin, m_world.schools);
        m_goneId = enrolLogin(*m_admin, u"pds_gone"_s, Role::Agent, m_world.library);
        QVERIFY(m_leaId > 0 && m_alainId > 0 && m_goneId > 0);
        m_marie = m_test->openAs(u"mdupont"_s);
        m_claire = m_test->openAs(u"cbernard"_s);
        m_lea = m_test->openAs(u"pds_lea"_s);
        m_alain = m_test->openAs(u"pds_alain"_s);
        QVERIFY(m_marie && m_claire && m_lea && m_alain);

        MailSettings settings;
        settings.sender = {u"collectiv-recup@agglo.test"_s, u"Collectiv'Récup"_s};
        QVERIFY(usePlatformSettings(*m_admin, settings));
        const Ad ad = publishedAd(*m_admin, m_world, u"Armoire de Marie"_s);
        const auto paul = ReferenceRepository(*m_admin).agent(m_world.other);
        QVERIFY(paul);
        const auto asked = ContactRequests(*m_admin).send(
                ad.id, *paul, m_world.library, u"Message de Paul"_s, settings);
        QVERIFY2(asked, qPrintable(asked.error().message + asked.error().detail));
        m_request = asked->id;
        m_mail = countOf(*m_admin, u"SELECT max(id) FROM recup.outbox"_s);
        // Old and sent: what the round would take.
        QVERIFY(execSql(*m_admin,
                        u"UPDATE recup.outbox SET state = 'sending', claimed_by = 't'"_s));
        QVERIFY(execSql(*m_admin, u"UPDATE recup.outbox SET state = 'sent', sent_at = now()"_s));
        QVERIFY(execSql(
                *m_admin,
                u"UPDATE recup.contact_request SET created_at = now() - interval '3 years'"_s));
        QVERIFY(execSql(*m_admin,
                        u"UPDATE recup.outbox SET created_at = now() - interval '3 years'"_s));
    }
    void cleanupTestCase()
    {
        for (auto *db : {&m_marie, &m_claire, &m_lea, &m_alain, &m_admin})
            db->reset();
        m_test.reset();
    }

    void everyoneReadsTheRetention()
    {
        for (Database *db : others() + QList<Database *>{m_alain.get()})
            QCOMPARE(countOf(*db, u"SELECT months FROM recup.retention_policy"_s), 24);
    }

    void onlyAnAdministratorChangesTheRetention()
    {
        for (Database *db : others()) {
            QCOMPARE(refusal(*db, u"UPDATE recup.retention_policy SET months = 1"_s), u"42501"_s);
            QCOMPARE(refusal(*db,
                             u"INSERT INTO recup.retention_policy (id, months) VALUES (2, 1)"_s),
                     u"42501"_s);
            QCOMPARE(refusal(*db, u"DELETE FROM recup.retention_policy"_s), u"42501"_s);
        }
        QCOMPARE(countOf(*m_admin, u"SELECT months FROM recup.retention_policy"_s), 24);
        // The administrator, within bounds only.
        QCOMPARE(refusal(*m_alain, u"UPDATE recup.retention_policy SET months = 0"_s), u"23514"_s);
        QCOMPARE(refusal(*m_alain, u"UPDATE recup.retention_policy SET months = 12000"_s),
                 u"23514"_s);
        QCOMPARE(refusal(*m_alain, u"DELETE FROM recup.retention_policy"_s), u"42501"_s);
        QVERIFY(execSql(*m_alain, u"UPDATE recup.retention_policy SET months = 30"_s));
        QCOMPARE(countOf(*m_admin, u"SELECT months FROM recup.retention_policy"_s), 30);
        QVERIFY(execSql(*m_alain, u"UPDATE recup.retention_policy SET months = 24"_s));
    }

    void nobodyRewritesMessagesOrMailsByHand()
    {
        for (Database *db : others() + QList<Database *>{m_alain.get()}) {
            QCOMPARE(refusal(*db,
                             u"UPDATE recup.contact_request SET message = 'x', anonymised_at = "
                             "now() WHERE id = %1"_s.arg(m_request)),
                     u"42501"_s);
            for (const QString &set : {u"recipients = 'x@agglo.test'"_s,
                                       u"rfc5322 = ''::bytea"_s,
                                       u"anonymised_at = now()"_s})
                QCOMPARE(
                        refusal(*db,
                                u"UPDATE recup.outbox SET %1 WHERE id = %2"_s.arg(set).arg(m_mail)),
                        u"42501"_s);
        }
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.contact_request WHERE message = 'Message de "
                         "Paul'"_s),
                 1);
    }

    void onlyAnAdministratorRunsTheRound()
    {
        for (Database *db : others())
            QCOMPARE(refusal(*db, u"SELECT * FROM recup.anonymise_personal_data(100)"_s),
                     u"42501"_s);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.contact_request WHERE anonymised_at IS "
                         "NULL"_s),
                 1);
        QSqlQuery q(m_alain->connection());
        QVERIFY2(q.exec(u"SELECT messages, mails FROM recup.anonymise_personal_data(100)"_s),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(q.value(1).toInt(), 1);
        // The anonymised mail is never queued again, not even by a moderator.
        QCOMPARE(refusal(*m_claire,
                         u"UPDATE recup.outbox SET state = 'queued' WHERE id = %1"_s.arg(m_mail)),
                 u"42501"_s);
    }

    void onlyAnAdministratorAnonymisesADeactivatedAgent()
    {
        const QString call = u"SELECT * FROM recup.anonymise_agent(%1)"_s.arg(m_goneId);
        for (Database *db : others())
            QCOMPARE(refusal(*db, call), u"42501"_s);
        // Active: refused, even to the administrator.
        QCOMPARE(refusal(*m_alain, call), u"23514"_s);
        QVERIFY(execSql(*m_admin,
                        u"UPDATE recup.agent SET active = false WHERE id = %1"_s.arg(m_goneId)));
        for (Database *db : others())
            QCOMPARE(refusal(*db, call), u"42501"_s);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.agent WHERE id = %1 AND login = "
                         "'pds_gone'"_s.arg(m_goneId)),
                 1);
        // Their database account still exists: whoever got the login pds_gone next would log
        // in with the old password and groups. The IT department drops it first.
        QCOMPARE(refusal(*m_alain, call), u"23514"_s);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.agent WHERE id = %1 AND login = "
                         "'pds_gone' AND anonymised_at IS NULL"_s.arg(m_goneId)),
                 1);
        QVERIFY(execSql(*m_admin, u"DROP ROLE pds_gone"_s));
        QVERIFY(execSql(*m_alain, call));
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.agent WHERE id = %1 AND display_name = "
                         "'Agent anonymisé n° %1' AND login = 'anonyme-%1' AND phone = ''"_s.arg(
                                 m_goneId)),
                 1);
    }

    void nobodyUndoesAnAnonymisation()
    {
        const QString id = QString::number(m_goneId);
        for (Database *db : others() + QList<Database *>{m_alain.get()}) {
            for (const QString &set :
                 {u"active = true"_s,
                  u"display_name = 'pds_gone', email = 'pds_gone@agglo.test'"_s,
                  u"anonymised_at = NULL"_s})
                QCOMPARE(refusal(*db, u"UPDATE recup.agent SET %1 WHERE id = %2"_s.arg(set, id)),
                         u"42501"_s);
        }
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.agent WHERE id = %1 AND NOT active AND "
                         "anonymised_at IS NOT NULL AND display_name = 'Agent anonymisé n° %1'"_s
                                 .arg(m_goneId)),
                 1);
        // Nor fakes one to hide the administrators' button: the stamp is the function's.
        for (Database *db : {m_claire.get(), m_alain.get()})
            QCOMPARE(refusal(*db,
                             u"UPDATE recup.agent SET anonymised_at = now() WHERE id = %1"_s.arg(
                                     m_leaId)),
                     u"42501"_s);
        QCOMPARE(refusal(*m_claire,
                         u"INSERT INTO recup.agent (login, display_name, email, service_id, "
                         "anonymised_at) VALUES ('pds_fake', 'Fake', 'fake@agglo.test', %1, "
                         "now())"_s.arg(m_world.library)),
                 u"42501"_s);
    }

    void nobodySquatsAnAnonymousLogin()
    {
        // A moderator creating 'anonyme-N' would make agent N's anonymisation fail.
        for (Database *db : {m_claire.get(), m_alain.get()}) {
            QCOMPARE(refusal(*db,
                             u"INSERT INTO recup.agent (login, display_name, email, service_id) "
                             "VALUES ('anonyme-%1', 'Squat', 'squat@agglo.test', %2)"_s
                                     .arg(m_leaId + 1000)
                                     .arg(m_world.library)),
                     u"23514"_s);
        }
        QCOMPARE(refusal(*m_alain,
                         u"UPDATE recup.agent SET login = 'anonyme-%1' WHERE id = %2"_s
                                 .arg(m_leaId + 1000)
                                 .arg(m_leaId)),
                 u"23514"_s);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.agent WHERE display_name = 'Squat'"_s),
                 0);
    }

    void aModeratorCannotAimTheErasureAtSomeoneElse()
    {
        // A plain agent who left, whose address a moderator sets to Marie's.
        Agent aimed;
        aimed.login = u"pds_aimed"_s;
        aimed.displayName = u"Visé"_s;
        aimed.email = u"pds_aimed@agglo.test"_s;
        aimed.serviceId = m_world.library;
        const auto id = ReferenceRepository(*m_admin).addAgent(aimed);
        QVERIFY(id);
        const QString marieEmail = ReferenceRepository(*m_admin).agent(m_world.owner)->email;
        QVERIFY(execSql(*m_claire,
                        u"UPDATE recup.agent SET active = false, email = '%1' WHERE id = %2"_s
                                .arg(marieEmail.toUpper())
                                .arg(*id)));
        const int untouched = countOf(
                *m_admin, u"SELECT count(*) FROM recup.outbox WHERE anonymised_at IS NULL"_s);
        QCOMPARE(refusal(*m_alain, u"SELECT * FROM recup.anonymise_agent(%1)"_s.arg(*id)),
                 u"23514"_s);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.outbox WHERE anonymised_at IS NULL"_s),
                 untouched);
    }

    void aNewAgentDoesNotInheritAnOldAccount()
    {
        // A role left behind with a password and a moderator's group (an agent row long gone).
        QVERIFY(execSql(*m_admin,
                        u"CREATE ROLE pds_reused LOGIN PASSWORD 'old-secret' IN ROLE recup_agent, "
                        "recup_moderator"_s));
        Agent newcomer;
        newcomer.login = u"pds_reused"_s;
        newcomer.displayName = u"Nouvelle venue"_s;
        newcomer.email = u"pds_reused@agglo.test"_s;
        newcomer.serviceId = m_world.library;
        const auto id = ReferenceRepository(*m_admin).enrolAgent(newcomer, std::nullopt);
        QVERIFY2(id, qPrintable(id.error().message + id.error().detail));
        // The old password no longer opens it, and the old group is gone.
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM pg_authid WHERE rolname = 'pds_reused' AND "
                         "rolpassword IS NULL AND rolcanlogin"_s),
                 1);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM pg_roles r WHERE r.rolname = 'pds_reused' AND "
                         "pg_has_role(r.oid, 'recup_moderator', 'MEMBER')"_s),
                 0);
        const auto reused = m_test->openAs(u"pds_reused"_s);
        QVERIFY(reused);
        QCOMPARE(countOf(*reused, u"SELECT recup.is_moderator()::int"_s), 0);
        QCOMPARE(countOf(*reused, u"SELECT recup.current_agent_id()"_s), int(*id));
    }

private:
    QList<Database *> others() const { return {m_marie.get(), m_lea.get(), m_claire.get()}; }

    // The SQLSTATE of a refused statement; "" when it ran.
    static QString refusal(Database &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        if (q.exec(sql))
            return {};
        return q.lastError().nativeErrorCode();
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin, m_marie, m_claire, m_lea, m_alain;
    World m_world;
    qint64 m_leaId = 0, m_alainId = 0, m_goneId = 0, m_request = 0;
    int m_mail = 0;
};

QTEST_GUILESS_MAIN(TestPersonalDataSecurity)
#include "tst_personaldatasecurity.moc"
