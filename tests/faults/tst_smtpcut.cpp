// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Fault: the SMTP server hangs up in the middle of DATA. A moderator's decision writes its mail
// to the outbox; the real dispatcher hands it to the real SMTP transport; a real aiosmtpd
// (tests/fixtures/smtp_server.py --cut-data N) reads the first lines of the message and closes
// the connection. The mail must stay queued with a back-off and a last error that says what
// happened, then reach the server exactly once, whole, with its Message-ID unchanged.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/AdWorkflow.h"
#include "actions/OutboxDispatcher.h"
#include "mail/SmtpTransport.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/SqlDialect.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestSmtpCut : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("smtpcut"));
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

    void cutInTheMiddleOfDataIsSentOnceLater_data()
    {
        QTest::addColumn<int>("decisions");
        QTest::addColumn<int>("cuts");
        QTest::newRow("one decision, its DATA cut once") << 1 << 1;
        QTest::newRow("three decisions in one session, DATA cut twice") << 3 << 2;
    }
    void cutInTheMiddleOfDataIsSentOnceLater()
    {
        QFETCH(int, decisions);
        QFETCH(int, cuts);

        // Moderators approve ads: each approval writes its mail to the poster, once.
        QStringList messageIds;
        for (int i = 0; i < decisions; ++i) {
            const Ad pending = pendingAd(*m_db,
                                         m_world,
                                         QStringLiteral("Chaises empilables, lot %1 — %2")
                                                 .arg(i + 1)
                                                 .arg(QTest::currentDataTag()));
            AdWorkflow workflow(*m_db, MailSettings{});
            const auto approved
                    = workflow.transition(pending.id,
                                          {AdAction::Approve, pending.version, {}, {}, 0, {}},
                                          m_world.moderatorActor());
            QVERIFY2(approved, qPrintable(approved.error().message));
            QCOMPARE(workflow.mailsWritten(), 1);
        }
        const QList<OutboxMail> written = rows();
        QCOMPARE(written.size(), decisions);
        for (const OutboxMail &row : written)
            messageIds.append(row.messageId);

        SmtpTestServer server(m_dir.path());
        QString error;
        QVERIFY2(server.start({QStringLiteral("--cut-data"), QString::number(cuts)}, &error),
                 qPrintable(error));
        SmtpTransport transport(smtp(server.port()));
        OutboxDispatcher dispatcher(*m_db, &transport, QStringLiteral("moderator-pc"));
        QSignalSpy drained(&dispatcher, &OutboxDispatcher::drained);
        QSignalSpy failed(&dispatcher, &OutboxDispatcher::mailFailed);
        QSignalSpy sent(&dispatcher, &OutboxDispatcher::mailSent);

        // One round of the dispatcher: it claims what is due, sends, and says it is drained.
        const auto round = [&] {
            const qsizetype before = drained.size();
            dispatcher.sendNow();
            return QTest::qWaitFor([&] { return drained.size() > before; }, 30'000);
        };
        // Each cut fails, for now, every mail of the session it happened in.
        int attempts = 0;
        QElapsedTimer clock;
        clock.start();
        for (int cut = 1; cut <= cuts; ++cut) {
            const QDateTime before = QDateTime::currentDateTimeUtc();
            QVERIFY(round());
            ++attempts;
            QCOMPARE(server.cuts(), cut);
            QCOMPARE(sent.size(), 0);
            QVERIFY(server.messages().isEmpty()); // the server kept no half message
            for (const OutboxMail &row : rows()) {
                QCOMPARE(row.state, OutboxMail::State::Queued);
                QCOMPARE(row.attempts, cut);
                // Said so that a moderator reading "Mails not sent" knows what happened.
                QVERIFY2(row.lastError.contains(QLatin1String("while a message was being sent")),
                         qPrintable(row.lastError));
                QVERIFY2(row.lastError.contains(QString::number(server.port())),
                         qPrintable(row.lastError));
                // The back-off of the cut-th attempt: 30 s doubling, within its ± 20 %.
                const qint64 wait = before.secsTo(row.nextAttemptAt);
                const qint64 expected = 30LL << (cut - 1);
                QVERIFY2(wait >= expected * 8 / 10 - 1 && wait <= expected * 12 / 10 + 1,
                         qPrintable(QStringLiteral("retry in %1 s").arg(wait)));
            }
            // Not due yet: a round now sends nothing.
            QVERIFY(round());
            QCOMPARE(server.cuts(), cut);
            QCOMPARE(rows().first().attempts, cut);
            makeAllDue(); // the back-off passes
        }
        QCOMPARE(failed.size(), decisions * cuts);

        // The next round delivers each mail once, whole.
        QVERIFY(round());
        ++attempts;
        QCOMPARE(sent.size(), decisions);
        QTRY_COMPARE_WITH_TIMEOUT(server.messages().size(), decisions, 10'000);
        QVERIFY(noMessageBeyond(server, decisions, 500));
        const QString problem = receivedOnceProblem(server, messageIds);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const SmtpTestServer::Received &received : server.messages()) {
            QString parseError;
            const QJsonObject parsed = parseMail(received.raw, &parseError);
            QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
            QVERIFY(!textPart(parsed, QStringLiteral("text/plain")).isEmpty());
            QVERIFY(received.raw.contains("Chaises empilables"));
        }
        for (const OutboxMail &row : rows()) {
            QCOMPARE(row.state, OutboxMail::State::Sent);
            QCOMPARE(row.attempts, cuts + 1);
            QVERIFY(row.lastError.isEmpty());
        }
        // A later round, the back-off passed or not, finds nothing to send again.
        makeAllDue();
        QVERIFY(round());
        QVERIFY(noMessageBeyond(server, decisions, 300));
        QCOMPARE(sent.size(), decisions);
        qInfo("%d mail(s), %d cut(s): delivered on attempt %d, %lld ms of sending in all",
              decisions,
              cuts,
              attempts,
              clock.elapsed());
    }

private:
    static SmtpSettings smtp(quint16 port) { return plainSmtp(port); }

    // The back-off has passed (the clock is the database's; the test does not wait minutes).
    void makeAllDue()
    {
        QSqlQuery due(m_db->connection());
        QVERIFY(due.prepare(QStringLiteral("UPDATE outbox SET next_attempt_at = ?")));
        due.addBindValue(m_db->dialect().toDb(QDateTime::currentDateTimeUtc().addSecs(-1)));
        QVERIFY2(due.exec(), qPrintable(due.lastError().text()));
    }

    QList<OutboxMail> rows() const
    {
        QList<OutboxMail> result;
        const auto ids = idsOf(*m_db, QStringLiteral("SELECT id FROM outbox"));
        QList<qint64> sorted(ids.cbegin(), ids.cend());
        std::sort(sorted.begin(), sorted.end());
        OutboxRepository outbox(*m_db);
        for (qint64 id : sorted)
            result.append(*outbox.get(id));
        return result;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
};

QTEST_GUILESS_MAIN(TestSmtpCut)
#include "tst_smtpcut.moc"
