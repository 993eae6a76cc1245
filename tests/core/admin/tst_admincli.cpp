// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Runs the real collectiv-recup-admin binary, as the IT department would.
#include "Programs.h"
#include "TestDatabase.h"
#include "storage/OutboxRepository.h"
#include "storage/PersonalDataRepository.h"
#include "storage/ReferenceRepository.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestAdminCli : public QObject
{
    Q_OBJECT
private slots:
    void init() { RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("admincli")); }
    void cleanup() { m_test.reset(); }

    void withoutCommandExplainsUsage()
    {
        const ProgramRun r = admin({});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.startsWith(QLatin1String("collectiv-recup-admin: ")));
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
    }

    void unknownCommandIsUsageError()
    {
        QCOMPARE(admin({QStringLiteral("drop-everything")}).exitCode, 1);
    }

    void initCreatesThenKeepsTheSchema()
    {
        ProgramRun r = admin({QStringLiteral("init")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.out.isEmpty());
        r = admin({QStringLiteral("init")});
        QCOMPARE(r.exitCode, 0);
    }

    void seedDemoOnceOnly()
    {
        QCOMPARE(admin({QStringLiteral("init")}).exitCode, 0);
        ProgramRun r = admin({QStringLiteral("seed-demo")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto db = m_test->open(false);
        QVERIFY(ReferenceRepository(*db).agents()->size() >= 20);
        r = admin({QStringLiteral("seed-demo")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
    }

    void seedDemoNeedsTheSchema()
    {
        const ProgramRun r = admin({QStringLiteral("seed-demo")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("collectiv-recup-admin init")));
    }

    void mailPolicySaysWhoMailsComeFrom()
    {
        QCOMPARE(admin({QStringLiteral("init")}).exitCode, 0);
        ProgramRun r = admin({QStringLiteral("mail-policy")});
        if (m_test->config().isSqlite()) {
            // The workstation's own settings name the sender there.
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            r = admin({QStringLiteral("mail-policy"),
                       QStringLiteral("--sender"),
                       QStringLiteral("collectiv-recup@agglo.fr")});
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QLatin1String("embedded database")), qPrintable(r.err));
            return;
        }
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("ne-pas-repondre@")), qPrintable(r.out));
        r = admin({QStringLiteral("mail-policy"),
                   QStringLiteral("--sender"),
                   QStringLiteral("collectiv-recup@agglo.fr"),
                   QStringLiteral("--moderators"),
                   QStringLiteral("moderation@agglo.fr")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Collectiv'Récup <collectiv-recup@agglo.fr>")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("moderation@agglo.fr")));
        // A bad address changes nothing and says which option is wrong.
        r = admin({QStringLiteral("mail-policy"),
                   QStringLiteral("--sender"),
                   QStringLiteral("president@agglo.fr\r\nBcc: x@y")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("--sender")), qPrintable(r.err));
        auto db = m_test->open(false);
        QCOMPARE(OutboxRepository(*db).policy()->senderAddress,
                 QStringLiteral("collectiv-recup@agglo.fr"));
    }

    // Personal data (issue #14): the retention shown, set, refused out of 1–120 months with a
    // clear message and nothing changed, and the round run for cron.
    void retentionIsShownSetAndBounded()
    {
        QCOMPARE(admin({QStringLiteral("init")}).exitCode, 0);
        ProgramRun r = admin({QStringLiteral("retention")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("24 month(s)")), qPrintable(r.out));
        r = admin({QStringLiteral("retention"), QStringLiteral("--months"), QStringLiteral("36")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("36 month(s)")), qPrintable(r.out));
        for (const QString &wrong : {QStringLiteral("0"),
                                     QStringLiteral("-3"),
                                     QStringLiteral("12000"),
                                     QStringLiteral("two years"),
                                     QStringLiteral("")}) {
            r = admin({QStringLiteral("retention"), QStringLiteral("--months=") + wrong});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QLatin1String("--months")), qPrintable(r.err));
            QVERIFY2(r.err.contains(QLatin1String("120")), qPrintable(r.err));
            QCOMPARE(r.err.trimmed().count(u'\n'), 0);
        }
        r = admin({QStringLiteral("retention")});
        QVERIFY2(r.out.contains(QLatin1String("36 month(s)")), qPrintable(r.out));
        {
            auto db = m_test->open(false);
            QCOMPARE(PersonalDataRepository(*db).retentionMonths().value(), 36);
        }
        r = admin({QStringLiteral("retention"), QStringLiteral("--run")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("0 contact message(s) anonymised")),
                 qPrintable(r.out));
        // For cron: a round that cannot run (a login that is not an administrator's) fails
        // with exit code 2, never silently.
        if (!m_test->config().isSqlite()) {
            {
                auto db = m_test->open(false);
                QSqlQuery q(db->connection());
                QVERIFY2(q.exec(QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles "
                                               "WHERE rolname = 'cli_moderator') THEN CREATE ROLE "
                                               "cli_moderator LOGIN IN ROLE recup_agent, "
                                               "recup_moderator; END IF; END $$")),
                         qPrintable(q.lastError().text()));
            }
            QString info = m_test->config().conninfo;
            info.replace(QRegularExpression(QStringLiteral("user=\\S+")), QString());
            r = admin({QStringLiteral("retention"), QStringLiteral("--run")},
                      info + QStringLiteral(" user=cli_moderator"));
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(QLatin1String("administrators")), qPrintable(r.err));
        }
    }

    void addAgent()
    {
        QCOMPARE(admin({QStringLiteral("init")}).exitCode, 0);
        {
            auto db = m_test->open(false);
            ReferenceRepository refs(*db);
            const auto org
                    = refs.addOrganisation({0, QStringLiteral("AGGLO"), QStringLiteral("Agglo")});
            QVERIFY(refs.addService(
                    {0, *org, QStringLiteral("DECHETS"), QStringLiteral("Déchets")}));
        }
        const QStringList base{QStringLiteral("add-agent"),
                               QStringLiteral("--login"),
                               QStringLiteral("hlefevre"),
                               QStringLiteral("--name"),
                               QStringLiteral("Hélène Lefèvre"),
                               QStringLiteral("--email"),
                               QStringLiteral("helene.lefevre@agglo.test"),
                               QStringLiteral("--service"),
                               QStringLiteral("DECHETS")};
        ProgramRun r
                = admin(base + QStringList{QStringLiteral("--role"), QStringLiteral("moderator")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto db = m_test->open(false);
        const auto agent = ReferenceRepository(*db).agentByLogin(QStringLiteral("hlefevre"));
        QVERIFY(agent);
        QCOMPARE(agent->displayName, QStringLiteral("Hélène Lefèvre"));
        QVERIFY(agent->roles.testFlag(Role::Moderator));

        r = admin(base); // the same login again
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("hlefevre")));

        QStringList unknownService = base;
        unknownService.last() = QStringLiteral("NOPE");
        QCOMPARE(admin(unknownService).exitCode, 2);

        QStringList noEmail = base;
        noEmail.removeAt(5);
        noEmail.removeAt(5);
        QCOMPARE(admin(noEmail).exitCode, 1);

        r = admin(base + QStringList{QStringLiteral("--role"), QStringLiteral("superuser")});
        QCOMPARE(r.exitCode, 1);
    }

    void personalLoginOnPostgres()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("login roles exist on PostgreSQL only");
        QCOMPARE(admin({QStringLiteral("init")}).exitCode, 0);
        {
            auto db = m_test->open(false);
            ReferenceRepository refs(*db);
            const auto org
                    = refs.addOrganisation({0, QStringLiteral("AGGLO"), QStringLiteral("Agglo")});
            QVERIFY(refs.addService(
                    {0, *org, QStringLiteral("DECHETS"), QStringLiteral("Déchets")}));
            QSqlQuery q(db->connection());
            q.exec(QStringLiteral("DROP ROLE IF EXISTS jmoreau"));
        }
        const QString password = QStringLiteral("Récup-2026 sûr");
        ProgramRun r = admin({QStringLiteral("add-agent"),
                              QStringLiteral("--login"),
                              QStringLiteral("jmoreau"),
                              QStringLiteral("--name"),
                              QStringLiteral("Julie Moreau"),
                              QStringLiteral("--email"),
                              QStringLiteral("julie.moreau@agglo.test"),
                              QStringLiteral("--service"),
                              QStringLiteral("DECHETS"),
                              QStringLiteral("--role"),
                              QStringLiteral("agent,moderator"),
                              QStringLiteral("--password-stdin")},
                             {},
                             password.toUtf8() + "\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        {
            auto db = m_test->open(false);
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(QStringLiteral("SELECT rolcanlogin, rolpassword LIKE 'SCRAM-SHA-256$%', "
                                          "rolsuper, rolcreaterole, "
                                          "pg_has_role('jmoreau', 'recup_agent', 'MEMBER'), "
                                          "pg_has_role('jmoreau', 'recup_moderator', 'MEMBER'), "
                                          "pg_has_role('jmoreau', 'recup_logistics', 'MEMBER') "
                                          "FROM pg_authid WHERE rolname = 'jmoreau'")));
            QVERIFY(q.next());
            QVERIFY(q.value(0).toBool());
            QVERIFY2(q.value(1).toBool(), "the password is stored as a SCRAM verifier");
            QVERIFY(!q.value(2).toBool());
            QVERIFY(!q.value(3).toBool());
            QVERIFY(q.value(4).toBool());
            QVERIFY(q.value(5).toBool());
            QVERIFY(!q.value(6).toBool());
        }
        // Julie logs in over TCP with her password, and the server tells who she is.
        const QString tcp = QStringLiteral("host=127.0.0.1 port=%1 %2 user=jmoreau")
                                    .arg(clusterPort(), dbnameOf(m_test->config().conninfo));
        {
            Database julie(DatabaseConfig::fromConninfo(tcp + u" password='" + password + u'\''));
            const Status opened = julie.open();
            QVERIFY2(opened, qPrintable(opened.error().detail));
            const auto me = ReferenceRepository(julie).sessionAgent();
            QVERIFY2(me, qPrintable(me.error().message));
            QCOMPARE(me->displayName, QStringLiteral("Julie Moreau"));
            QVERIFY(me->roles.testFlag(Role::Moderator));
        }
        {
            Database wrong(DatabaseConfig::fromConninfo(tcp + u" password=wrong"));
            const Status opened = wrong.open();
            QVERIFY(!opened);
            QCOMPARE(opened.error().message,
                     QStringLiteral("The user name or the password is wrong, or the password has "
                                    "expired."));
        }
        r = admin({QStringLiteral("deactivate-agent"),
                   QStringLiteral("--login"),
                   QStringLiteral("jmoreau")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        {
            Database gone(DatabaseConfig::fromConninfo(tcp + u" password='" + password + u'\''));
            const Status opened = gone.open();
            QVERIFY(!opened);
            QCOMPARE(opened.error().message,
                     QStringLiteral("This account is disabled on the server."));
        }
        auto db = m_test->open(false);
        QVERIFY(!ReferenceRepository(*db).agentByLogin(QStringLiteral("jmoreau"))->active);
        QCOMPARE(admin({QStringLiteral("deactivate-agent"),
                        QStringLiteral("--login"),
                        QStringLiteral("nobody")})
                         .exitCode,
                 2);
    }

    void newerSchemaIsRefused()
    {
        QCOMPARE(admin({QStringLiteral("init")}).exitCode, 0);
        {
            auto db = m_test->open(false);
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(QStringLiteral(
                    "INSERT INTO schema_version (version, description) VALUES (42, 'future')")));
        }
        const ProgramRun r = admin({QStringLiteral("init")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QLatin1String("42")));
    }

    void unreachableServer()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        const ProgramRun r = admin(
                {QStringLiteral("init")},
                QStringLiteral("host=127.0.0.1 port=%1 dbname=x connect_timeout=3").arg(port));
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
        QVERIFY(r.err.size() > 30);
    }

private:
    static QString clusterPort()
    {
        const auto match = QRegularExpression(QStringLiteral("port=(\\d+)"))
                                   .match(TestDatabase::clusterConninfo());
        return match.captured(1);
    }
    static QString dbnameOf(const QString &conninfo)
    {
        const auto all = QRegularExpression(QStringLiteral("dbname=\\S+")).globalMatch(conninfo);
        QString last;
        for (auto it = all; it.hasNext();)
            last = it.next().captured(0);
        return last;
    }

    ProgramRun
    admin(const QStringList &arguments, const QString &database = {}, const QByteArray &input = {})
    {
        return runProgram(
                QStringLiteral(RECUP_ADMIN_BINARY),
                arguments
                        + QStringList{QStringLiteral("--database"),
                                      database.isEmpty() ? databaseArgument(*m_test) : database},
                input);
    }

    std::unique_ptr<TestDatabase> m_test;
};

QTEST_GUILESS_MAIN(TestAdminCli)
#include "tst_admincli.moc"
