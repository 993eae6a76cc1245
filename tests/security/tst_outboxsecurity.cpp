// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox behind the wall: each person connects with their own role, as with psql. Agents
// write, read and mark sent only their own mails and never change what a mail says or to whom;
// moderators see and retry every mail; nobody deletes one.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/MailQueue.h"
#include "storage/OutboxRepository.h"
#include "storage/ReferenceRepository.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestOutboxSecurity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("roles and row-level security exist on PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("outboxsecurity"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        // Logins of this suite only: roles are cluster-wide and other suites run alongside.
        m_marieId = enrolLogin(*m_admin, QStringLiteral("obx_marie"), Role::Agent, m_world.waste);
        m_paulId = enrolLogin(*m_admin, QStringLiteral("obx_paul"), Role::Agent, m_world.waste);
        m_claireId = enrolLogin(*m_admin,
                                QStringLiteral("obx_claire"),
                                Role::Agent | Role::Moderator,
                                m_world.waste);
        QVERIFY(m_marieId > 0 && m_paulId > 0 && m_claireId > 0);
        m_marie = m_test->openAs(QStringLiteral("obx_marie"));
        m_paul = m_test->openAs(QStringLiteral("obx_paul"));
        m_claire = m_test->openAs(QStringLiteral("obx_claire"));
        QVERIFY(m_marie && m_paul && m_claire);

        // Each writes through the repository, as the application does.
        m_marieMails = {enqueue(*m_marie, m_marieId), enqueue(*m_marie, m_marieId)};
        m_paulMail = enqueue(*m_paul, m_paulId);
        m_systemMail = enqueue(*m_admin, 0);
        QVERIFY(m_marieMails.first() > 0 && m_marieMails.last() > 0);
        QVERIFY(m_paulMail > 0 && m_systemMail > 0);
    }
    void cleanupTestCase()
    {
        m_marie.reset();
        m_paul.reset();
        m_claire.reset();
        m_admin.reset();
        m_test.reset();
    }

    void agentReadsOnlyOwnMails()
    {
        const QString all = QStringLiteral("SELECT id FROM outbox");
        QCOMPARE(idsOf(*m_marie, all), (QSet<qint64>{m_marieMails.first(), m_marieMails.last()}));
        QCOMPARE(idsOf(*m_paul, all), QSet<qint64>{m_paulMail});
        QCOMPARE(OutboxRepository(*m_paul).get(m_marieMails.first()).error().kind,
                 Error::Kind::NotFound);
        QVERIFY(OutboxRepository(*m_marie).get(m_marieMails.first()));
    }

    void moderatorReadsEveryMail()
    {
        QCOMPARE(idsOf(*m_claire, QStringLiteral("SELECT id FROM outbox")).size(), 4);
        QVERIFY(OutboxRepository(*m_claire).get(m_systemMail));
    }

    void agentCannotWriteAsSomeoneElse()
    {
        const auto asPaul
                = MailQueue(*m_marie).enqueue(mail(), QStringLiteral("contact"), m_paulId);
        QVERIFY(!asPaul);
        QVERIFY2(asPaul.error().detail.contains(QLatin1String("row-level security")),
                 qPrintable(asPaul.error().detail));
        QVERIFY(!MailQueue(*m_marie).enqueue(mail(), QStringLiteral("contact"), 0));
        QVERIFY(!MailQueue(*m_claire).enqueue(mail(), QStringLiteral("contact"), 0));
    }

    void nobodyChangesWhatAMailSaysOrToWhom_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::newRow("recipients") << QStringLiteral("recipients = 'x@ailleurs.example'");
        QTest::newRow("message bytes") << QStringLiteral("rfc5322 = 'x'::bytea");
        QTest::newRow("envelope sender") << QStringLiteral("envelope_from = 'x@ailleurs.example'");
        QTest::newRow("Message-ID") << QStringLiteral("message_id = '<x@ailleurs.example>'");
        QTest::newRow("author") << QStringLiteral("author_id = author_id");
        QTest::newRow("kind") << QStringLiteral("kind = 'other'");
    }
    void nobodyChangesWhatAMailSaysOrToWhom()
    {
        QFETCH(QString, assignment);
        for (Database *db : {m_marie.get(), m_claire.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY(!q.exec(QStringLiteral("UPDATE outbox SET %1 WHERE id = %2")
                                    .arg(assignment)
                                    .arg(m_marieMails.first())));
            QVERIFY2(q.lastError().text().contains(QLatin1String("permission denied")),
                     qPrintable(q.lastError().text()));
        }
    }

    void nobodyDeletesAMail()
    {
        for (Database *db : {m_marie.get(), m_paul.get(), m_claire.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM outbox")));
        }
        QCOMPARE(idsOf(*m_admin, QStringLiteral("SELECT id FROM outbox")).size(), 4);
    }

    void agentMarksSentOnlyOwnMails()
    {
        QSqlQuery q(m_paul->connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET state = 'sent' WHERE id = %1")
                               .arg(m_marieMails.first())));
        QCOMPARE(q.numRowsAffected(), 0);
        QCOMPARE(OutboxRepository(*m_paul).markSent(m_marieMails.first()).error().kind,
                 Error::Kind::NotFound);
        QCOMPARE(OutboxRepository(*m_paul)
                         .markFailed(m_marieMails.first(),
                                     OutboxRepository::Failure::Permanent,
                                     QStringLiteral("x"))
                         .error()
                         .kind,
                 Error::Kind::NotFound);
        QCOMPARE(OutboxRepository(*m_admin).get(m_marieMails.first())->state,
                 OutboxMail::State::Queued);
        QVERIFY(OutboxRepository(*m_marie).markSent(m_marieMails.first()));
        QCOMPARE(OutboxRepository(*m_admin).get(m_marieMails.first())->state,
                 OutboxMail::State::Sent);
    }

    void agentClaimsOnlyOwnMails()
    {
        const auto claimed = OutboxRepository(*m_paul).claimDue(10, QStringLiteral("paul"));
        QVERIFY2(claimed, qPrintable(claimed.error().detail));
        QCOMPARE(claimed->size(), 1);
        QCOMPARE(claimed->first().id, m_paulMail);
        QVERIFY(OutboxRepository(*m_paul).markFailed(
                m_paulMail, OutboxRepository::Failure::Temporary, QStringLiteral("421 try later")));
        QCOMPARE(OutboxRepository(*m_admin).get(m_paulMail)->attempts, 1);
    }

    void moderatorSeesAndRetriesPermanentFailures()
    {
        QVERIFY(OutboxRepository(*m_admin).markFailed(m_marieMails.last(),
                                                      OutboxRepository::Failure::Permanent,
                                                      QStringLiteral("550 5.1.1 unknown")));
        const auto seen = OutboxRepository(*m_claire).failures();
        QVERIFY(seen);
        QCOMPARE(seen->size(), 1);
        QCOMPARE(seen->first().id, m_marieMails.last());
        QCOMPARE(OutboxRepository(*m_paul).failures()->size(), 0);
        QCOMPARE(OutboxRepository(*m_marie).failures()->size(), 1);
        // A moderator takes and sends any mail, the system's too.
        QVERIFY(OutboxRepository(*m_claire).retry(m_marieMails.last()));
        const auto claimed = OutboxRepository(*m_claire).claimDue(10, QStringLiteral("claire"));
        QVERIFY2(claimed, qPrintable(claimed.error().detail));
        QSet<qint64> claimedIds;
        for (const OutboxMail &m : *claimed)
            claimedIds.insert(m.id);
        QCOMPARE(claimedIds, (QSet<qint64>{m_marieMails.last(), m_systemMail}));
    }

private:
    static MailMessage mail()
    {
        MailMessage m;
        m.from = {QStringLiteral("obx_marie@agglo.test"), QStringLiteral("Marie")};
        m.to = {{QStringLiteral("obx_paul@agglo.test"), QStringLiteral("Paul")}};
        m.subject = QStringLiteral("Chaises : encore disponibles ?");
        m.textBody = QStringLiteral("Bonjour,\nsont-elles encore là ?");
        m.stamp();
        return m;
    }

    static qint64 enqueue(Database &db, qint64 author)
    {
        const auto queued = MailQueue(db).enqueue(mail(), QStringLiteral("contact"), author);
        if (!queued) {
            qWarning("enqueue: %s", qPrintable(queued.error().detail));
            return 0;
        }
        return queued->id;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin, m_marie, m_paul, m_claire;
    World m_world;
    qint64 m_marieId = 0, m_paulId = 0, m_claireId = 0;
    QList<qint64> m_marieMails;
    qint64 m_paulMail = 0, m_systemMail = 0;
};

QTEST_GUILESS_MAIN(TestOutboxSecurity)
#include "tst_outboxsecurity.moc"
