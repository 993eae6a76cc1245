// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox on both backends, against a real SMTP server: written with the action, sent by
// the dispatcher, kept through an outage, failed for good on a 550, never sent twice. The relay
// command has its own suite, tst_relay.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/MailQueue.h"
#include "actions/OutboxDispatcher.h"
#include "mail/SmtpTransport.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/SqlDialect.h"
#include "storage/Transaction.h"

#include <QDir>
#include <QHash>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestOutbox : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("outbox"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }
    void init() { QVERIFY(execSql(*m_db, QStringLiteral("DELETE FROM outbox"))); }

    void enqueueJoinsTheActionsTransaction_data()
    {
        QTest::addColumn<bool>("commit");
        QTest::newRow("ad rolled back: no mail") << false;
        QTest::newRow("ad committed: its mail too") << true;
    }
    void enqueueJoinsTheActionsTransaction()
    {
        QFETCH(bool, commit);
        const MailMessage message = mail(QStringLiteral("pmartin@agglo.test"));
        {
            Transaction unit(m_db->connection());
            QVERIFY(unit.isActive());
            const auto ad = AdRepository(*m_db).create(
                    m_world.sampleAd(QStringLiteral("Armoire à rideau")), m_world.ownerActor());
            QVERIFY(ad);
            const auto queued = queueActionMail(*m_db, m_world, message);
            QVERIFY2(queued, qPrintable(queued.error().detail));
            QCOMPARE(queued->messageId, message.messageId);
            if (commit)
                QVERIFY(unit.commit());
        }
        QCOMPARE(countOf(*m_db, QStringLiteral("SELECT count(*) FROM outbox")), commit ? 1 : 0);
        QCOMPARE(
                countOf(*m_db,
                        QStringLiteral("SELECT count(*) FROM ad WHERE title = 'Armoire à rideau'")),
                commit ? 1 : 0);
        if (!commit)
            return;
        // The stored bytes are the rendered message: a re-send is byte-identical.
        const auto rows = allMails();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().rfc5322, MimeWriter().render(message)->data);
        QCOMPARE(rows.first().state, OutboxMail::State::Queued);
        QCOMPARE(rows.first().authorId, m_world.owner);
        QCOMPARE(rows.first().recipients,
                 (QStringList{QStringLiteral("pmartin@agglo.test"),
                              QStringLiteral("moderation@agglo.test")}));
    }

    void backoffDoublesUpToAnHourWithJitter()
    {
        using namespace std::chrono;
        QCOMPARE(OutboxRepository::backoff(1, 0.5), milliseconds(30'000));
        QCOMPARE(OutboxRepository::backoff(2, 0.5), milliseconds(60'000));
        QCOMPARE(OutboxRepository::backoff(4, 0.5), milliseconds(240'000));
        QCOMPARE(OutboxRepository::backoff(30, 0.5), milliseconds(3'600'000));
        QCOMPARE(OutboxRepository::backoff(1, 0.0), milliseconds(24'000));
        QVERIFY(OutboxRepository::backoff(1, 0.999) <= milliseconds(36'000));
        QVERIFY(OutboxRepository::backoff(30, 0.999) <= milliseconds(4'320'000));
    }

    void dispatcherDeliversQueuedMails()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        const QStringList ids = enqueueMany(5);

        SmtpTransport transport(settings(server.port()));
        OutboxDispatcher dispatcher(*m_db, &transport, QStringLiteral("test"));
        dispatcher.setBatchSize(2); // several batches
        QSignalSpy drained(&dispatcher, &OutboxDispatcher::drained);
        QSignalSpy sent(&dispatcher, &OutboxDispatcher::mailSent);
        dispatcher.sendNow();
        QVERIFY(drained.isEmpty()); // asynchronous
        QTRY_COMPARE_WITH_TIMEOUT(drained.size(), 1, 30'000);
        QCOMPARE(sent.size(), 5);
        QCOMPARE(dispatcher.sentCount(), 5);
        QTRY_COMPARE_WITH_TIMEOUT(server.messages().size(), 5, 10'000);
        checkReceivedOnce(server, ids);
        for (const OutboxMail &row : allMails()) {
            QCOMPARE(row.state, OutboxMail::State::Sent);
            QCOMPARE(row.attempts, 1);
            QVERIFY(row.sentAt.isValid());
        }
    }

    void stopLetsTheBatchInFlightFinish()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        enqueueMany(3);
        SmtpTransport transport(settings(server.port()));
        OutboxDispatcher dispatcher(*m_db, &transport, QStringLiteral("test"));
        dispatcher.setBatchSize(2);
        QSignalSpy stopped(&dispatcher, &OutboxDispatcher::stopped);
        dispatcher.sendNow();
        QVERIFY(dispatcher.isBusy());
        dispatcher.stop();
        QVERIFY(stopped.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 30'000);
        QCOMPARE(dispatcher.sentCount(), 2);
        dispatcher.sendNow(); // stopped: claims nothing
        QVERIFY(!dispatcher.isBusy());
        QVERIFY(!QTest::qWaitFor([&] { return dispatcher.sentCount() != 2; }, 200));
        QCOMPARE(dispatcher.sentCount(), 2);
        QCOMPARE(countOf(*m_db,
                         QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'queued'")),
                 1);
        QCOMPARE(countOf(*m_db, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'sent'")),
                 2);
    }

    void outageKeepsMailsQueuedThenDeliversEachOnce()
    {
        const QStringList ids = enqueueMany(3);
        // Nobody listens on this port: the connection is refused.
        SmtpTransport down(settings(freePort()));
        OutboxDispatcher first(*m_db, &down, QStringLiteral("first"));
        QSignalSpy firstDrained(&first, &OutboxDispatcher::drained);
        QSignalSpy failed(&first, &OutboxDispatcher::mailFailed);
        first.sendNow();
        QTRY_COMPARE_WITH_TIMEOUT(firstDrained.size(), 1, 30'000);
        QCOMPARE(failed.size(), 3);
        QCOMPARE(first.sentCount(), 0);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const OutboxMail &row : allMails()) {
            QCOMPARE(row.state, OutboxMail::State::Queued);
            QCOMPARE(row.attempts, 1);
            QVERIFY(!row.lastError.isEmpty());
            QVERIFY2(row.nextAttemptAt > now.addSecs(20), qPrintable(row.nextAttemptAt.toString()));
            QVERIFY(row.nextAttemptAt < now.addSecs(40));
        }
        // Not due yet: nothing to claim.
        QCOMPARE(OutboxRepository(*m_db).claimDue(10, QStringLiteral("early"))->size(), 0);

        // The server is back, and the back-off has passed.
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        QSqlQuery due(m_db->connection());
        QVERIFY(due.prepare(QStringLiteral("UPDATE outbox SET next_attempt_at = ?")));
        due.addBindValue(m_db->dialect().toDb(now.addSecs(-1)));
        QVERIFY2(due.exec(), qPrintable(due.lastError().text()));

        SmtpTransport up(settings(server.port()));
        OutboxDispatcher second(*m_db, &up, QStringLiteral("second"));
        QSignalSpy drained(&second, &OutboxDispatcher::drained);
        second.sendNow();
        QTRY_COMPARE_WITH_TIMEOUT(drained.size(), 1, 30'000);
        QCOMPARE(second.sentCount(), 3);
        second.sendNow(); // nothing is due any more
        QTRY_COMPARE_WITH_TIMEOUT(drained.size(), 2, 30'000);
        QCOMPARE(second.sentCount(), 3);
        QTRY_COMPARE_WITH_TIMEOUT(server.messages().size(), 3, 10'000);
        QVERIFY(noMessageBeyond(server, 3, 200));
        checkReceivedOnce(server, ids);
        for (const OutboxMail &row : allMails()) {
            QCOMPARE(row.state, OutboxMail::State::Sent);
            QCOMPARE(row.attempts, 2);
            QVERIFY(row.lastError.isEmpty());
        }
    }

    void refusedRecipientFailsForGood()
    {
        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({QStringLiteral("--reject-rcpt"), QStringLiteral("parti@agglo.test")},
                              &error),
                 qPrintable(error));
        OutboxRepository outbox(*m_db);
        const auto refused
                = queueActionMail(*m_db, m_world, mail(QStringLiteral("parti@agglo.test")));
        const auto fine
                = queueActionMail(*m_db, m_world, mail(QStringLiteral("pmartin@agglo.test")));
        QVERIFY(refused && fine);

        SmtpTransport transport(settings(server.port()));
        OutboxDispatcher dispatcher(*m_db, &transport, QStringLiteral("test"));
        QSignalSpy drained(&dispatcher, &OutboxDispatcher::drained);
        dispatcher.sendNow();
        QTRY_COMPARE_WITH_TIMEOUT(drained.size(), 1, 30'000);
        QCOMPARE(dispatcher.sentCount(), 1);
        QCOMPARE(dispatcher.failedCount(), 1);

        const auto row = outbox.get(refused->id);
        QCOMPARE(row->state, OutboxMail::State::Failed);
        QCOMPARE(row->attempts, 1);
        QVERIFY2(row->lastError.contains(QLatin1String("550")), qPrintable(row->lastError));
        QCOMPARE(outbox.get(fine->id)->state, OutboxMail::State::Sent);
        const auto failures = outbox.failures();
        QVERIFY(failures);
        QCOMPARE(failures->size(), 1);
        QCOMPARE(failures->first().id, refused->id);
        QCOMPARE(failures->first().messageId, refused->messageId);

        // A moderator queues it again once the address is corrected elsewhere.
        QVERIFY(outbox.retry(refused->id));
        QCOMPARE(outbox.get(refused->id)->state, OutboxMail::State::Queued);
        QCOMPARE(outbox.failures()->size(), 0);
        QVERIFY(!outbox.retry(fine->id)); // only failed mails go back to the queue
    }

    void expiredLeaseIsClaimedAgain()
    {
        enqueueMany(1);
        OutboxRepository outbox(*m_db);
        const auto claimed = outbox.claimDue(10, QStringLiteral("crashed"));
        QCOMPARE(claimed->size(), 1);
        QCOMPARE(claimed->first().state, OutboxMail::State::Sending);
        // Under lease: nobody else takes it.
        QCOMPARE(outbox.claimDue(10, QStringLiteral("other"))->size(), 0);
        // The sender died; its lease runs out and the mail is sent again, same Message-ID.
        QSqlQuery expire(m_db->connection());
        QVERIFY(expire.prepare(QStringLiteral("UPDATE outbox SET claimed_until = ?")));
        expire.addBindValue(m_db->dialect().toDb(QDateTime::currentDateTimeUtc().addSecs(-5)));
        QVERIFY(expire.exec());
        const auto again = outbox.claimDue(10, QStringLiteral("other"));
        QCOMPARE(again->size(), 1);
        QCOMPARE(again->first().messageId, claimed->first().messageId);
        QCOMPARE(again->first().rfc5322, claimed->first().rfc5322);
        QCOMPARE(outbox.claimDue(10, QStringLiteral("third"))->size(), 0);
    }

private:
    static SmtpSettings settings(quint16 port) { return plainSmtp(port); }

    static MailMessage mail(const QString &to) { return shortContactMail(to); }

    QStringList enqueueMany(int n) { return enqueueContactMails(*m_db, m_world, n); }

    // Every expected Message-ID arrived exactly once, and nothing else did.
    static void checkReceivedOnce(const SmtpTestServer &server, const QStringList &expected)
    {
        const QString problem = receivedOnceProblem(server, expected);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    QList<OutboxMail> allMails() const
    {
        QList<OutboxMail> result;
        QSqlQuery q(m_db->connection());
        q.exec(QStringLiteral("SELECT id FROM outbox ORDER BY id"));
        QList<qint64> ids;
        while (q.next())
            ids.append(q.value(0).toLongLong());
        OutboxRepository outbox(*m_db);
        for (qint64 id : ids)
            result.append(*outbox.get(id));
        return result;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
