// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The outbox behind the wall: each person connects with their own role, as with psql. Only
// actions send mail: a row names the action that caused it, PostgreSQL refuses one that its
// author's action does not explain (recipients, sender, the action itself), and the senders
// — the relay here, as an administrator — refuse bytes that disagree with the row and show
// them to moderators as refused. Agents read and mark sent only their own mails and never
// change what a mail says or to whom; moderators see and retry every mail; nobody deletes one.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/AdWorkflow.h"
#include "actions/ContactRequests.h"
#include "actions/MailQueue.h"
#include "actions/Notifications.h"
#include "actions/OutboxDispatcher.h"
#include "mail/MimeWriter.h"
#include "mail/PickupFolderTransport.h"
#include "storage/AdRepository.h"
#include "storage/OutboxRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/WantedAdRepository.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString Sender = QStringLiteral("collectiv-recup@agglo.test");

} // namespace

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
        QVERIFY(execSql(*m_admin,
                        QStringLiteral("UPDATE agent SET is_moderator = true WHERE id = %1")
                                .arg(m_claireId)));
        m_marie = m_test->openAs(QStringLiteral("obx_marie"));
        m_paul = m_test->openAs(QStringLiteral("obx_paul"));
        m_claire = m_test->openAs(QStringLiteral("obx_claire"));
        QVERIFY(m_marie && m_paul && m_claire);
        QVERIFY(OutboxRepository(*m_admin).setPolicy(
                {Sender, QStringLiteral("Collectiv'Récup"), {}}));

        // Each mail through the real action, as the application writes it.
        m_paulsAd = publishedAdOf(*m_admin, m_world, m_paulId, QStringLiteral("Chaises")).id;
        m_mariesAd = publishedAdOf(*m_admin, m_world, m_marieId, QStringLiteral("Armoire")).id;
        const qint64 paulsBench = publishedAdOf(*m_admin, m_world, m_paulId, u"Banc"_s).id;
        m_marieMails = {contact(*m_marie, m_marieId, m_paulsAd),
                        contact(*m_marie, m_marieId, paulsBench)};
        m_paulMail = contact(*m_paul, m_paulId, m_mariesAd);
        const auto ad = AdRepository(*m_admin).get(m_mariesAd, false);
        QVERIFY(ad);
        const auto reminder = Notifications(*m_admin, {}).expiryReminder(*ad);
        QVERIFY2(reminder, qPrintable(reminder.error().detail));
        m_systemMail = reminder->id;
        QVERIFY(m_marieMails.first() > 0 && m_marieMails.last() > 0);
        // Claire asks too, without a mail yet: the forgeries below name her own request.
        QVERIFY(newRequest(*m_claire, m_claireId, m_paulsAd) > 0);
        m_marieName = ReferenceRepository(*m_admin).agent(m_marieId)->displayName;
        QVERIFY(m_paulMail > 0 && m_systemMail > 0);

        // Steps of Marie's ads that the removal mails below name, none with a mail yet: Claire
        // removes one from her own session behind the workflow's back, the world's moderator
        // another, Claire approves a third that Marie sent to moderation.
        const Actor claire{m_claireId, true, false};
        const Ad lamp = publishedAdOf(*m_admin, m_world, m_marieId, u"Lampadaire"_s);
        QVERIFY(AdRepository(*m_claire).transition(
                lamp.id, {AdAction::Remove, lamp.version, u"Hors charte."_s, {}, 0, {}}, claire));
        m_claireRemoval = lastStep(lamp.id, AdAction::Remove);
        m_silentlyRemovedAd = lamp.id;
        const Ad table = publishedAdOf(*m_admin, m_world, m_marieId, u"Table basse"_s);
        QVERIFY(AdRepository(*m_admin).transition(
                table.id,
                {AdAction::Remove, table.version, u"Doublon."_s, {}, 0, {}},
                m_world.moderatorActor()));
        m_otherModeratorsRemoval = lastStep(table.id, AdAction::Remove);
        const Actor marie{m_marieId, false, false};
        Ad desk = m_world.sampleAd(u"Bureau d'angle"_s);
        desk.ownerId = m_marieId;
        const auto created = AdRepository(*m_admin).create(desk, marie);
        QVERIFY(created);
        const auto submitted = AdRepository(*m_admin).transition(
                created->id, {AdAction::Submit, created->version, {}, {}, 0, {}}, marie);
        QVERIFY(submitted);
        m_marieSubmission = lastStep(created->id, AdAction::Submit);
        QVERIFY(AdRepository(*m_claire).transition(
                created->id, {AdAction::Approve, submitted->version, {}, {}, 0, {}}, claire));
        m_claireApproval = lastStep(created->id, AdAction::Approve);
        QVERIFY(m_claireRemoval > 0 && m_otherModeratorsRemoval > 0 && m_marieSubmission > 0
                && m_claireApproval > 0);
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

    // The platform's mail identity: everyone reads it (their client signs with it), only
    // administrators change it.
    void onlyAdministratorsSetThePlatformsMailIdentity()
    {
        for (Database *db : {m_marie.get(), m_claire.get()}) {
            const auto policy = OutboxRepository(*db).policy();
            QVERIFY2(policy, qPrintable(policy.error().detail));
            QCOMPARE(policy->senderAddress, Sender);
            QVERIFY(!sqlRuns(*db,
                             QStringLiteral("UPDATE mail_policy SET sender_address = "
                                            "'president@agglo.test'")));
            QVERIFY(!sqlRuns(*db, QStringLiteral("DELETE FROM mail_policy")));
            QVERIFY(!sqlRuns(*db, QStringLiteral("INSERT INTO mail_policy (id) VALUES (2)")));
            QCOMPARE(OutboxRepository(*db)
                             .setPolicy({QStringLiteral("x@agglo.test"), {}, {}})
                             .error()
                             .kind,
                     Error::Kind::Forbidden);
        }
        QCOMPARE(OutboxRepository(*m_admin).policy()->senderAddress, Sender);
    }

    void theApplicationsMailsFollowFromTheirActions()
    {
        const auto row = OutboxRepository(*m_marie).get(m_marieMails.first());
        QVERIFY(row);
        QCOMPARE(row->kind, QStringLiteral("contact"));
        QVERIFY(row->actionId > 0);
        QCOMPARE(row->envelopeFrom, Sender);
        QCOMPARE(verdictOf(*m_marie, row->id), QString());
        QCOMPARE(verdictOf(*m_admin, m_systemMail), QString());
        // Nobody learns the verdict of a row they may not read.
        QCOMPARE(verdictOf(*m_paul, row->id), QStringLiteral("NULL"));
    }

    // A psql user writes the row themselves: each attempt is refused as each login.
    void forgedRowsAreRefusedOnInsert_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("action"); // SQL giving the action id
        QTest::addColumn<QString>("recipients");
        QTest::addColumn<QString>("envelopeFrom");
        QTest::addColumn<QString>("refusal");

        const QString own = QStringLiteral("(SELECT max(id) FROM contact_request WHERE "
                                           "requester_id = recup.current_agent_id())");
        const QString paulsRequest = QStringLiteral(
                "(SELECT max(c.id) FROM contact_request c JOIN agent a ON a.id = c.requester_id "
                "WHERE a.login = 'obx_paul')");
        const QString poster = QStringLiteral("obx_paul@agglo.test");
        for (const QString &login : {u"obx_marie"_s, u"obx_claire"_s}) {
            const auto add = [&login](const char *name,
                                      const QString &kind,
                                      const QString &action,
                                      const QString &recipients,
                                      const QString &envelopeFrom,
                                      const QString &refusal) {
                QTest::newRow(qPrintable(login + u' ' + QLatin1String(name)))
                        << login << kind << action << recipients << envelopeFrom << refusal;
            };
            add("outside recipient",
                u"contact"_s,
                own,
                poster + u"\nvictime@ailleurs.example"_s,
                Sender,
                u"(recipient)"_s);
            add("forged envelope sender",
                u"contact"_s,
                own,
                poster,
                u"president@agglo.test"_s,
                u"(sender)"_s);
            add("no action", u"contact"_s, u"NULL"_s, poster, Sender, u"(no-action)"_s);
            add("an action that does not exist",
                u"contact"_s,
                u"999999"_s,
                poster,
                Sender,
                u"(not-your-action)"_s);
            add("another agent's action",
                u"contact"_s,
                paulsRequest,
                u"obx_marie@agglo.test"_s,
                Sender,
                u"(not-your-action)"_s);
            add("a kind the application never writes",
                u"newsletter"_s,
                own,
                poster,
                Sender,
                u"(unknown-kind)"_s);
            add("a system reminder written by a person",
                u"expiry-reminder"_s,
                QString::number(m_paulsAd),
                poster,
                Sender,
                u"(not-your-action)"_s);
            add("a decision nobody took",
                u"ad-approved"_s,
                own,
                poster,
                Sender,
                u"(not-your-action)"_s);
        }
    }
    void forgedRowsAreRefusedOnInsert()
    {
        QFETCH(QString, login);
        QFETCH(QString, kind);
        QFETCH(QString, action);
        QFETCH(QString, recipients);
        QFETCH(QString, envelopeFrom);
        QFETCH(QString, refusal);
        Database &db = login == QLatin1String("obx_marie") ? *m_marie : *m_claire;
        const int before = countOf(*m_admin, QStringLiteral("SELECT count(*) FROM outbox"));
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral(
                          "INSERT INTO outbox (message_id, author_id, kind, recipients, rfc5322, "
                          "envelope_from, action_id) VALUES (?, recup.current_agent_id(), ?, ?, "
                          "?, ?, %1)")
                          .arg(action));
        q.addBindValue(MailMessage::newMessageId(Sender));
        q.addBindValue(kind);
        q.addBindValue(recipients);
        q.addBindValue(QByteArray("Subject: hello\r\n\r\nphishing\r\n"));
        q.addBindValue(envelopeFrom);
        QVERIFY(!q.exec());
        QVERIFY2(q.lastError().text().contains(refusal), qPrintable(q.lastError().text()));
        QCOMPARE(countOf(*m_admin, QStringLiteral("SELECT count(*) FROM outbox")), before);
    }

    void oneMailPerAction()
    {
        const auto first = OutboxRepository(*m_marie).get(m_marieMails.first());
        QVERIFY(first);
        MailMessage again = genuineContact(first->actionId);
        const auto second = MailQueue(*m_marie).enqueue(
                again, QStringLiteral("contact"), m_marieId, first->actionId);
        QVERIFY(!second);
        QVERIFY2(second.error().detail.contains(QLatin1String("outbox_action_once")),
                 qPrintable(second.error().detail));
    }

    void agentCannotWriteAsSomeoneElse()
    {
        // Paul's own action, written from Marie's session in his name.
        const auto pauls = OutboxRepository(*m_admin).get(m_paulMail);
        QVERIFY(pauls);
        const auto asPaul = MailQueue(*m_marie).enqueue(
                genuineContact(0), QStringLiteral("contact"), m_paulId, pauls->actionId);
        QVERIFY(!asPaul);
        QVERIFY2(asPaul.error().detail.contains(QLatin1String("row-level security"))
                         || asPaul.error().detail.contains(QLatin1String("own name")),
                 qPrintable(asPaul.error().detail));
        // Nor as the system.
        const auto asSystem = MailQueue(*m_marie).enqueue(
                genuineContact(0), QStringLiteral("expiry-reminder"), 0, m_mariesAd);
        QVERIFY(!asSystem);
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
        QTest::newRow("re-pointed to another action")
                << QStringLiteral("action_id = action_id + 1");
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
        // Marked sent once claimed, as a sender does.
        QVERIFY(!sqlRuns(*m_marie,
                         QStringLiteral("UPDATE outbox SET state = 'sent' WHERE id = %1")
                                 .arg(m_marieMails.first())));
        const auto claimed = OutboxRepository(*m_marie).claimDue(1, QStringLiteral("marie"));
        QVERIFY(claimed && claimed->size() == 1 && claimed->first().id == m_marieMails.first());
        QVERIFY(OutboxRepository(*m_marie).markSent(m_marieMails.first()));
        QCOMPARE(OutboxRepository(*m_admin).get(m_marieMails.first())->state,
                 OutboxMail::State::Sent);
    }

    // Sending the same mail again and again to the poster is another way of mailing at will.
    void aSentMailIsNeverQueuedAgain_data()
    {
        QTest::addColumn<QString>("assignment");
        QTest::newRow("queued") << QStringLiteral("state = 'queued'");
        QTest::newRow("leased out") << QStringLiteral("state = 'sending', claimed_until = now()");
        QTest::newRow("failed") << QStringLiteral("state = 'failed'");
    }
    void aSentMailIsNeverQueuedAgain()
    {
        QFETCH(QString, assignment);
        for (Database *db : {m_marie.get(), m_claire.get(), m_admin.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY(!q.exec(QStringLiteral("UPDATE outbox SET %1 WHERE id = %2")
                                    .arg(assignment)
                                    .arg(m_marieMails.first())));
            QVERIFY2(q.lastError().text().contains(QLatin1String("stays sent")),
                     qPrintable(q.lastError().text()));
        }
    }

    void agentClaimsOnlyOwnMails()
    {
        const auto claimed = OutboxRepository(*m_paul).claimDue(10, QStringLiteral("paul"));
        QVERIFY2(claimed, qPrintable(claimed.error().detail));
        QCOMPARE(claimed->size(), 1);
        QCOMPARE(claimed->first().id, m_paulMail);
        QCOMPARE(claimed->first().serverVerdict, QString());
        QVERIFY(OutboxRepository(*m_paul).markFailed(
                m_paulMail, OutboxRepository::Failure::Temporary, QStringLiteral("421 try later")));
        QCOMPARE(OutboxRepository(*m_admin).get(m_paulMail)->attempts, 1);
        // Attempts only grow: nobody resets the back-off to hammer a server.
        QVERIFY(!sqlRuns(
                *m_paul,
                QStringLiteral("UPDATE outbox SET attempts = 0 WHERE id = %1").arg(m_paulMail)));
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
        // The author does not queue her failed mail again: moderators decide.
        QVERIFY(!sqlRuns(*m_marie,
                         QStringLiteral("UPDATE outbox SET state = 'queued' WHERE id = %1")
                                 .arg(m_marieMails.last())));
        // A moderator takes and sends any mail, the system's too.
        QVERIFY(OutboxRepository(*m_claire).retry(m_marieMails.last()));
        const auto claimed = OutboxRepository(*m_claire).claimDue(10, QStringLiteral("claire"));
        QVERIFY2(claimed, qPrintable(claimed.error().detail));
        QSet<qint64> claimedIds;
        for (const OutboxMail &m : *claimed)
            claimedIds.insert(m.id);
        QCOMPARE(claimedIds, (QSet<qint64>{m_marieMails.last(), m_systemMail}));
        for (const OutboxMail &m : *claimed)
            QVERIFY(OutboxRepository(*m_claire).markSent(m.id));
    }

    // The database's verdict must not tell an agent about other people's actions: a row in
    // someone else's name is refused before anything is judged.
    void nobodyLearnsOthersActionsFromARefusal()
    {
        const auto pauls = OutboxRepository(*m_admin).get(m_paulMail);
        QVERIFY(pauls);
        QSet<QString> errors;
        for (const QString &recipients :
             {QStringLiteral("obx_marie@agglo.test"), QStringLiteral("x@ailleurs.example")}) {
            for (const qint64 action : {pauls->actionId, qint64(999999)}) {
                QSqlQuery q(m_marie->connection());
                q.prepare(QStringLiteral(
                        "INSERT INTO outbox (message_id, author_id, kind, recipients, rfc5322, "
                        "envelope_from, action_id) VALUES (?, ?, 'contact', ?, 'x', ?, ?)"));
                q.addBindValue(MailMessage::newMessageId(Sender));
                q.addBindValue(m_paulId);
                q.addBindValue(recipients);
                q.addBindValue(Sender);
                q.addBindValue(action);
                QVERIFY(!q.exec());
                errors.insert(q.lastError().databaseText());
            }
        }
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.begin()->contains(u"own name"), qPrintable(*errors.begin()));
    }

    // The expiry round finds a poster's reminder by its Message-ID: nobody else may take it,
    // nor backdate a mail to make a reminder look old.
    void nobodyTakesTheSystemsReminder()
    {
        const qint64 request = newRequest(*m_marie, m_marieId, m_paulsAd);
        MailMessage message = genuineContact(request);
        message.messageId = QStringLiteral("<expiry-%1-20261202@agglo.test>").arg(m_paulsAd);
        const auto taken = MailQueue(*m_marie).enqueue(
                message, QStringLiteral("contact"), m_marieId, request);
        QVERIFY(!taken);
        QVERIFY2(taken.error().detail.contains(u"the system's"), qPrintable(taken.error().detail));

        QSqlQuery q(m_marie->connection());
        q.prepare(QStringLiteral("INSERT INTO outbox (message_id, author_id, kind, recipients, "
                                 "rfc5322, envelope_from, action_id, created_at, "
                                 "next_attempt_at) VALUES (?, ?, 'contact', ?, 'x', ?, ?, "
                                 "'2000-01-01', '2000-01-01') RETURNING id"));
        q.addBindValue(MailMessage::newMessageId(Sender));
        q.addBindValue(m_marieId);
        q.addBindValue(QStringLiteral("obx_paul@agglo.test"));
        q.addBindValue(Sender);
        q.addBindValue(request);
        QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
        const auto row = OutboxRepository(*m_admin).get(q.value(0).toLongLong());
        QVERIFY(row);
        QVERIFY(row->createdAt.secsTo(QDateTime::currentDateTimeUtc()) < 600);
        QVERIFY(row->nextAttemptAt.secsTo(QDateTime::currentDateTimeUtc()) < 600);
        // Its bytes are no mail: the first sender refuses it (theRelay… below).
    }

    // Only the sender that claimed a mail says what became of it; nobody buries another's.
    void onlyAClaimedMailIsMarkedSentOrRefused()
    {
        for (const QString &assignment : {QStringLiteral("state = 'sent'"),
                                          QStringLiteral("state = 'failed', refusal = 'bidon'")}) {
            QVERIFY(!sqlRuns(*m_claire,
                             QStringLiteral("UPDATE outbox SET %1 WHERE id = %2")
                                     .arg(assignment)
                                     .arg(m_paulMail)));
        }
        QCOMPARE(OutboxRepository(*m_claire)
                         .markRefused(m_paulMail, QStringLiteral("bidon"))
                         .error()
                         .kind,
                 Error::Kind::NotFound);
        QVERIFY(OutboxRepository(*m_admin).get(m_paulMail)->refusal.isEmpty());
    }

    // A row someone keeps locked from psql costs a sender 10 s, never a hung relay.
    void aLockedRowDoesNotHangTheRelay()
    {
        QSqlQuery setting(m_admin->connection());
        QVERIFY(setting.exec(QStringLiteral("SHOW lock_timeout")) && setting.next());
        QCOMPARE(setting.value(0).toString(), QStringLiteral("10s"));
        const qint64 request = newRequest(*m_marie, m_marieId, m_paulsAd);
        const auto queued = MailQueue(*m_marie).enqueue(
                genuineContact(request), QStringLiteral("contact"), m_marieId, request);
        QVERIFY2(queued, qPrintable(queued.error().detail));
        QVERIFY(OutboxRepository(*m_admin).claimDue(50, QStringLiteral("relay")));
        QVERIFY(execSql(*m_marie, QStringLiteral("BEGIN")));
        QVERIFY(execSql(
                *m_marie,
                QStringLiteral("SELECT id FROM outbox WHERE id = %1 FOR UPDATE").arg(queued->id)));
        QElapsedTimer waited;
        waited.start();
        const Status marked = OutboxRepository(*m_admin).markSent(queued->id);
        const qint64 ms = waited.elapsed();
        QVERIFY(execSql(*m_marie, QStringLiteral("ROLLBACK")));
        QVERIFY(!marked);
        QCOMPARE(marked.error().kind, Error::Kind::Conflict);
        QVERIFY2(ms < 15'000, qPrintable(QString::number(ms)));
        QVERIFY(OutboxRepository(*m_admin).markSent(queued->id));
    }

    // Rows the database accepted, whose bytes lie: the relay refuses them and moderators see
    // why; nothing reaches the transport.
    void theRelayRefusesBytesThatDisagreeWithTheRow_data()
    {
        QTest::addColumn<QString>("forgery");
        QTest::addColumn<QString>("refusal"); // what the moderators read
        QTest::newRow("forged From") << QStringLiteral("from") << QStringLiteral("signed");
        QTest::newRow("Bcc to an outside address")
                << QStringLiteral("bcc") << QStringLiteral("header");
        QTest::newRow("header smuggled with a bare LF")
                << QStringLiteral("bare-lf") << QStringLiteral("lines");
        QTest::newRow("To names an outside address")
                << QStringLiteral("to") << QStringLiteral("people");
        QTest::newRow("Reply-To to someone else")
                << QStringLiteral("reply-to") << QStringLiteral("answers");
    }
    void theRelayRefusesBytesThatDisagreeWithTheRow()
    {
        QFETCH(QString, forgery);
        QFETCH(QString, refusal);
        // Marie's own new request, and a row for it with forged bytes.
        const qint64 request = newRequest(*m_marie, m_marieId, m_paulsAd);
        QVERIFY(request > 0);
        MailMessage message = genuineContact(request);
        QByteArray bytes = *MimeWriter().write(message);
        const qsizetype from = bytes.indexOf("\r\nFrom: ") + 2;
        const QByteArray president
                = "From: =?UTF-8?Q?Le_Pr=C3=A9sident?= <" + Sender.toLatin1() + ">";
        if (forgery == QLatin1String("from"))
            bytes.replace(from, bytes.indexOf("\r\n", from) - from, president);
        else if (forgery == QLatin1String("bcc"))
            bytes.prepend("Bcc: victime@ailleurs.example\r\n");
        else if (forgery == QLatin1String("bare-lf"))
            bytes.replace("Subject: ", "X-Note: x\nBcc: victime@ailleurs.example\r\nSubject: ");
        else if (forgery == QLatin1String("to"))
            bytes.replace("To: ", "To: victime@ailleurs.example, ");
        else
            bytes.replace("Reply-To: ", "Reply-To: Support <support@ailleurs.example>, ");
        QSqlQuery q(m_marie->connection());
        q.prepare(
                QStringLiteral("INSERT INTO outbox (message_id, author_id, kind, recipients, "
                               "rfc5322, envelope_from, action_id) VALUES (?, ?, 'contact', ?, ?, "
                               "?, ?) RETURNING id"));
        q.addBindValue(message.messageId);
        q.addBindValue(m_marieId);
        q.addBindValue(QStringLiteral("obx_paul@agglo.test\nobx_claire@agglo.test"));
        q.addBindValue(bytes);
        q.addBindValue(Sender);
        q.addBindValue(request);
        QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
        const qint64 id = q.value(0).toLongLong();

        const RelayRun run = relay();
        QVERIFY2(!run.delivered.contains(message.messageId), qPrintable(run.delivered.join(u',')));
        QVERIFY(run.refused.contains(id));
        const auto row = OutboxRepository(*m_claire).get(id);
        QVERIFY(row);
        QCOMPARE(row->state, OutboxMail::State::Failed);
        QVERIFY2(row->refusal.contains(refusal, Qt::CaseInsensitive), qPrintable(row->refusal));
        // Shown to moderators among the mails not sent, and never queued again.
        const auto failures = OutboxRepository(*m_claire).failures();
        QVERIFY(failures);
        QVERIFY(std::any_of(failures->cbegin(), failures->cend(), [&](const OutboxMail &m) {
            return m.id == id && m.isRefused();
        }));
        QCOMPARE(OutboxRepository(*m_claire).retry(id).error().kind, Error::Kind::NotFound);
        QVERIFY(!sqlRuns(*m_claire,
                         QStringLiteral("UPDATE outbox SET refusal = '' WHERE id = %1").arg(id)));
    }

    // The action changed after the mail was written (the poster's address now points outside,
    // the mail predates the checks): the relay asks the database again and refuses.
    void theRelayRefusesARowItsActionNoLongerExplains()
    {
        const qint64 request = newRequest(*m_marie, m_marieId, m_paulsAd);
        const auto queued = MailQueue(*m_marie).enqueue(
                genuineContact(request), QStringLiteral("contact"), m_marieId, request);
        QVERIFY2(queued, qPrintable(queued.error().detail));
        QVERIFY(execSql(*m_admin,
                        QStringLiteral("UPDATE agent SET email = 'paul@ailleurs.example' "
                                       "WHERE id = %1")
                                .arg(m_paulId)));
        const RelayRun changed = relay();
        QVERIFY(execSql(*m_admin,
                        QStringLiteral("UPDATE agent SET email = 'obx_paul@agglo.test' "
                                       "WHERE id = %1")
                                .arg(m_paulId)));
        QVERIFY(!changed.delivered.contains(queued->messageId));
        QVERIFY(changed.refused.contains(queued->id));
        QVERIFY(OutboxRepository(*m_admin).get(queued->id)->refusal.contains(u"not concern"));

        // A row from before the checks (written with them off, as an old version did).
        QVERIFY(execSql(*m_admin,
                        QStringLiteral("ALTER TABLE outbox DISABLE TRIGGER outbox_guard")));
        const auto legacy = MailQueue(*m_admin).enqueue(
                genuineContact(0), QStringLiteral("contact"), m_marieId, 0);
        QVERIFY(execSql(*m_admin,
                        QStringLiteral("ALTER TABLE outbox ENABLE TRIGGER outbox_guard")));
        QVERIFY(legacy);
        const RelayRun old = relay();
        QVERIFY(!old.delivered.contains(legacy->messageId));
        QVERIFY(old.refused.contains(legacy->id));
        QVERIFY(OutboxRepository(*m_admin).get(legacy->id)->refusal.contains(u"no action"));
    }

    // And the genuine mail goes out, unchanged.
    void theRelaySendsWhatAnActionWrote()
    {
        const qint64 request = newRequest(*m_marie, m_marieId, m_paulsAd);
        const auto queued = MailQueue(*m_marie).enqueue(
                genuineContact(request), QStringLiteral("contact"), m_marieId, request);
        QVERIFY2(queued, qPrintable(queued.error().detail));
        const RelayRun run = relay();
        QCOMPARE(run.refused, QList<qint64>{});
        QVERIFY(run.delivered.contains(queued->messageId));
        QCOMPARE(OutboxRepository(*m_admin).get(queued->id)->state, OutboxMail::State::Sent);
    }

    // A moderator's removal mails the poster, from the moderator's own session, through the
    // application's action: the database takes the row, the relay sends it.
    void aModeratorsRemovalMailsItsPoster()
    {
        const Ad ad = publishedAdOf(*m_admin, m_world, m_marieId, u"Armoire forte"_s);
        AdWorkflow workflow(*m_claire, MailSettings());
        const auto removed = workflow.transition(
                ad.id,
                {AdAction::Remove, ad.version, u"Matériel de sécurité : voir la DSI."_s, {}, 0, {}},
                Actor{m_claireId, true, false});
        QVERIFY2(removed, qPrintable(removed.error().message + removed.error().detail));
        QCOMPARE(workflow.mailsWritten(), 1);
        const qint64 step = lastStep(ad.id, AdAction::Remove);
        const qint64 id = countOf(*m_admin,
                                  u"SELECT id FROM outbox WHERE kind = 'ad-removed' "
                                  "AND action_id = %1"_s.arg(step));
        QVERIFY(id > 0);
        const auto row = OutboxRepository(*m_claire).get(id);
        QVERIFY2(row, qPrintable(row.error().detail));
        QCOMPARE(row->authorId, m_claireId);
        QCOMPARE(row->recipients, QStringList{u"obx_marie@agglo.test"_s});
        QCOMPARE(row->envelopeFrom, Sender);
        QCOMPARE(verdictOf(*m_claire, id), QString());
        // The poster reads the mail in her mailbox, not the moderators' outbox.
        QCOMPARE(verdictOf(*m_marie, id), u"NULL"_s);
        const RelayRun run = relay();
        QVERIFY(!run.refused.contains(id));
        QVERIFY(run.delivered.contains(row->messageId));
        QCOMPARE(OutboxRepository(*m_admin).get(id)->state, OutboxMail::State::Sent);
    }

    // Removal mails written by hand, as each login with psql: refused unless the row is the
    // author's own removal step, to its poster alone, from the platform.
    void forgedRemovalMailsAreRefused_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<qint64>("action");
        QTest::addColumn<QString>("recipients");
        QTest::addColumn<QString>("envelopeFrom");
        QTest::addColumn<QString>("refusal");
        const QString poster = u"obx_marie@agglo.test"_s;
        const QString outside = u"victime@ailleurs.example"_s;
        const auto add = [](const char *name,
                            const QString &login,
                            qint64 action,
                            const QString &recipients,
                            const QString &from,
                            const QString &refusal) {
            QTest::newRow(name) << login << action << recipients << from << refusal;
        };
        add("an agent names a moderator's removal of another agent's ad",
            u"obx_paul"_s,
            m_claireRemoval,
            poster,
            Sender,
            u"(not-your-action)"_s);
        add("an agent names it to an outside address",
            u"obx_paul"_s,
            m_claireRemoval,
            outside,
            Sender,
            u"(not-your-action)"_s);
        add("the poster names the removal of her own ad",
            u"obx_marie"_s,
            m_claireRemoval,
            poster,
            Sender,
            u"(not-your-action)"_s);
        add("an agent names her own step that is no removal",
            u"obx_marie"_s,
            m_marieSubmission,
            poster,
            Sender,
            u"(not-your-action)"_s);
        add("an agent names an ad that is not a step at all",
            u"obx_marie"_s,
            m_silentlyRemovedAd,
            poster,
            Sender,
            u"(not-your-action)"_s);
        add("the moderator's removal to an outside address",
            u"obx_claire"_s,
            m_claireRemoval,
            outside,
            Sender,
            u"(recipient)"_s);
        add("the moderator's removal to the poster and an outside address",
            u"obx_claire"_s,
            m_claireRemoval,
            poster + u'\n' + outside,
            Sender,
            u"(recipient)"_s);
        add("the moderator's removal with the moderators in copy",
            u"obx_claire"_s,
            m_claireRemoval,
            poster + u"\nobx_claire@agglo.test"_s,
            Sender,
            u"(recipient)"_s);
        add("the moderator's removal to another agent",
            u"obx_claire"_s,
            m_claireRemoval,
            u"obx_paul@agglo.test"_s,
            Sender,
            u"(recipient)"_s);
        add("the moderator's removal from a forged sender",
            u"obx_claire"_s,
            m_claireRemoval,
            poster,
            u"president@agglo.test"_s,
            u"(sender)"_s);
        add("the moderator's approval, not a removal",
            u"obx_claire"_s,
            m_claireApproval,
            poster,
            Sender,
            u"(not-your-action)"_s);
        add("another moderator's removal",
            u"obx_claire"_s,
            m_otherModeratorsRemoval,
            poster,
            Sender,
            u"(not-your-action)"_s);
    }
    void forgedRemovalMailsAreRefused()
    {
        QFETCH(QString, login);
        QFETCH(qint64, action);
        QFETCH(QString, recipients);
        QFETCH(QString, envelopeFrom);
        QFETCH(QString, refusal);
        Database &db = login == QLatin1String("obx_marie")  ? *m_marie
                       : login == QLatin1String("obx_paul") ? *m_paul
                                                            : *m_claire;
        const int before = countOf(*m_admin, QStringLiteral("SELECT count(*) FROM outbox"));
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("INSERT INTO outbox (message_id, author_id, kind, recipients, "
                                 "rfc5322, envelope_from, action_id) VALUES (?, "
                                 "recup.current_agent_id(), 'ad-removed', ?, ?, ?, ?)"));
        q.addBindValue(MailMessage::newMessageId(Sender));
        q.addBindValue(recipients);
        q.addBindValue(QByteArray("Subject: Votre annonce\r\n\r\nphishing\r\n"));
        q.addBindValue(envelopeFrom);
        q.addBindValue(action);
        QVERIFY(!q.exec());
        QVERIFY2(q.lastError().text().contains(refusal), qPrintable(q.lastError().text()));
        QCOMPARE(countOf(*m_admin, QStringLiteral("SELECT count(*) FROM outbox")), before);
    }

    // Nor in the moderator's name: a row is its author's own, whatever it says.
    void anAgentWritesNoRemovalMailInAModeratorsName()
    {
        QSqlQuery q(m_marie->connection());
        q.prepare(QStringLiteral("INSERT INTO outbox (message_id, author_id, kind, recipients, "
                                 "rfc5322, envelope_from, action_id) VALUES (?, ?, "
                                 "'ad-removed', 'obx_marie@agglo.test', 'x', ?, ?)"));
        q.addBindValue(MailMessage::newMessageId(Sender));
        q.addBindValue(m_claireId);
        q.addBindValue(Sender);
        q.addBindValue(m_claireRemoval);
        QVERIFY(!q.exec());
        QVERIFY2(q.lastError().text().contains(u"own name"), qPrintable(q.lastError().text()));
    }

    // The moderator's genuine mail for her removal is taken, once; if she is no longer a
    // moderator when a sender asks again, it is refused and never sent.
    // An answer to a wanted ad mails its author, the moderators in copy, and nobody else:
    // the application's row passes; rows a psql user writes to anyone else are refused, as
    // an agent and as a moderator.
    void theAnswerToAWantedAdMailsItsAuthorOnly()
    {
        const auto paul = ReferenceRepository(*m_paul).agent(m_paulId);
        QVERIFY(paul);
        WantedAd wanted;
        wanted.authorId = m_paulId;
        wanted.serviceId = paul->serviceId;
        wanted.siteId = m_world.depot;
        wanted.title = u"Recherche : 4 armoires métalliques"_s;
        wanted.keywords = u"armoire métallique"_s;
        const auto posted = WantedAdRepository(*m_paul).post(wanted);
        QVERIFY2(posted, qPrintable(posted.error().detail));

        const auto marie = ReferenceRepository(*m_marie).agent(m_marieId);
        QVERIFY(marie);
        const auto answered = ContactRequests(*m_marie).send(ContactTarget::wantedAd(posted->id),
                                                             *marie,
                                                             m_world.waste,
                                                             u"Nous en avons deux."_s,
                                                             MailSettings());
        QVERIFY2(answered, qPrintable(answered.error().message + answered.error().detail));
        const auto mail = OutboxRepository(*m_marie).findByMessageId(answered->messageId);
        QVERIFY(mail);
        QCOMPARE(mail->kind, u"contact"_s);
        QVERIFY(mail->recipients.contains(u"obx_paul@agglo.test"_s));
        QCOMPARE(verdictOf(*m_marie, mail->id), QString());

        // Claire answers too with raw SQL; then both forge rows on their answers.
        QVERIFY(execSql(*m_claire,
                        u"INSERT INTO contact_request (wanted_ad_id, requester_id, "
                        "requesting_service_id, message, message_id) VALUES (%1, %2, %3, "
                        "'Moi aussi.', '<claire-answer@agglo.test>')"_s.arg(posted->id)
                                .arg(m_claireId)
                                .arg(m_world.waste)));
        const QString answer = u"(SELECT max(id) FROM contact_request WHERE requester_id = "
                               "recup.current_agent_id() AND wanted_ad_id IS NOT NULL)"_s;
        for (Database *db : {m_marie.get(), m_claire.get()}) {
            for (const QString &recipients : {u"obx_paul@agglo.test\nvictime@ailleurs.example"_s,
                                              u"victime@ailleurs.example"_s}) {
                const int before = countOf(*m_admin, u"SELECT count(*) FROM outbox"_s);
                QSqlQuery q(db->connection());
                q.prepare(u"INSERT INTO outbox (message_id, author_id, kind, recipients, "
                          "rfc5322, envelope_from, action_id) VALUES (?, "
                          "recup.current_agent_id(), 'contact', ?, ?, ?, %1)"_s.arg(answer));
                q.addBindValue(MailMessage::newMessageId(Sender));
                q.addBindValue(recipients);
                q.addBindValue(QByteArray("Subject: hello\r\n\r\nphishing\r\n"));
                q.addBindValue(Sender);
                QVERIFY(!q.exec());
                QVERIFY2(q.lastError().text().contains(u"(recipient)"_s),
                         qPrintable(q.lastError().text()));
                QCOMPARE(countOf(*m_admin, u"SELECT count(*) FROM outbox"_s), before);
            }
        }
    }

    void theRemovalMailFollowsAModeratorStill()
    {
        const auto ad = AdRepository(*m_claire).get(m_silentlyRemovedAd, false);
        QVERIFY(ad);
        const auto genuine = Notifications(*m_claire, MailSettings()).adRemoved(*ad, m_claireId);
        QVERIFY2(genuine, qPrintable(genuine.error().message + genuine.error().detail));
        QCOMPARE(genuine->actionId, m_claireRemoval);
        QCOMPARE(genuine->recipients, QStringList{u"obx_marie@agglo.test"_s});
        QCOMPARE(verdictOf(*m_claire, genuine->id), QString());
        const auto twice = Notifications(*m_claire, MailSettings()).adRemoved(*ad, m_claireId);
        QVERIFY(!twice);
        QVERIFY2(twice.error().detail.contains(u"outbox_action_once"),
                 qPrintable(twice.error().detail));

        QVERIFY(execSql(*m_admin,
                        u"UPDATE agent SET is_moderator = false WHERE id = %1"_s.arg(m_claireId)));
        const QString verdict = verdictOf(*m_admin, genuine->id);
        const RelayRun run = relay();
        QVERIFY(execSql(*m_admin,
                        u"UPDATE agent SET is_moderator = true WHERE id = %1"_s.arg(m_claireId)));
        QCOMPARE(verdict, u"not-your-action"_s);
        QVERIFY(run.refused.contains(genuine->id));
        QVERIFY(!run.delivered.contains(genuine->messageId));
        QCOMPARE(OutboxRepository(*m_admin).get(genuine->id)->state, OutboxMail::State::Failed);
    }

private:
    // The latest step of this kind in the ad's history.
    qint64 lastStep(qint64 adId, AdAction action) const
    {
        QSqlQuery q(m_admin->connection());
        q.prepare(u"SELECT max(id) FROM ad_history WHERE ad_id = ? AND action = ?"_s);
        q.addBindValue(adId);
        q.addBindValue(toKey(action));
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    }

    struct RelayRun
    {
        QStringList delivered; // Message-IDs the transport wrote out
        QList<qint64> refused;
    };

    // One round of the relay's sender, as an administrator, into a pickup folder.
    RelayRun relay()
    {
        RelayRun run;
        QTemporaryDir folder;
        PickupFolderTransport transport(folder.path());
        OutboxDispatcher dispatcher(*m_admin, &transport, QStringLiteral("relay test"));
        connect(&dispatcher, &OutboxDispatcher::mailSent, this, [&](qint64, const QString &id) {
            run.delivered.append(id);
        });
        connect(&dispatcher,
                &OutboxDispatcher::mailRefused,
                this,
                [&](qint64 id, const QString &, const QString &) { run.refused.append(id); });
        QSignalSpy drained(&dispatcher, &OutboxDispatcher::drained);
        dispatcher.sendNow();
        if (drained.isEmpty() && !drained.wait(20'000))
            qWarning("the relay did not drain");
        const int files = int(QDir(folder.path()).entryList(QDir::Files).size());
        if (files != run.delivered.size())
            qWarning("%d files for %lld mails sent", files, qlonglong(run.delivered.size()));
        return run;
    }

    // A mail of Marie's about Paul's chairs, as Notifications writes it.
    MailMessage genuineContact(qint64) const
    {
        MailMessage m;
        m.from = {Sender, m_marieName + QStringLiteral(" via Collectiv'Récup")};
        m.to = {{QStringLiteral("obx_paul@agglo.test"), QStringLiteral("Paul")}};
        m.cc = {{QStringLiteral("obx_claire@agglo.test"), QStringLiteral("Claire")}};
        m.replyTo = {QStringLiteral("obx_marie@agglo.test"), QStringLiteral("Marie")};
        m.subject = QStringLiteral("Chaises : encore disponibles ?");
        m.textBody = QStringLiteral("Bonjour,\nsont-elles encore là ?");
        m.stamp();
        return m;
    }

    // A request about a new ad of Paul's (one request per ad and requester a day).
    qint64 newRequest(Database &db, qint64 requester, qint64)
    {
        ContactRequest request;
        request.adId = publishedAdOf(*m_admin, m_world, m_paulId, u"Chaises"_s).id;
        request.requesterId = requester;
        request.requestingServiceId = m_world.waste;
        request.message = QStringLiteral("Intéressée.");
        request.messageId = MailMessage::newMessageId(Sender);
        const auto asked = ContactRequestRepository(db).insert(request);
        if (!asked)
            qWarning("request: %s", qPrintable(asked.error().detail));
        return asked ? asked->id : 0;
    }

    // Through the application's Contact action.
    qint64 contact(Database &db, qint64 requesterId, qint64 ad)
    {
        const auto requester = ReferenceRepository(db).agent(requesterId);
        if (!requester)
            return 0;
        const auto asked = ContactRequests(db).send(
                ad, *requester, m_world.waste, QStringLiteral("Intéressé(e)."), MailSettings());
        if (!asked) {
            qWarning("contact: %s / %s",
                     qPrintable(asked.error().message),
                     qPrintable(asked.error().detail));
            return 0;
        }
        const auto mail = OutboxRepository(db).findByMessageId(asked->messageId);
        return mail ? mail->id : 0;
    }

    static QString verdictOf(Database &db, qint64 id)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(QStringLiteral("SELECT recup.outbox_row_verdict(%1)").arg(id)) || !q.next())
            return QStringLiteral("error: ") + q.lastError().text();
        return q.value(0).isNull() ? QStringLiteral("NULL") : q.value(0).toString();
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin, m_marie, m_paul, m_claire;
    World m_world;
    qint64 m_marieId = 0, m_paulId = 0, m_claireId = 0;
    qint64 m_paulsAd = 0, m_mariesAd = 0;
    QString m_marieName;
    QList<qint64> m_marieMails;
    qint64 m_paulMail = 0, m_systemMail = 0;
    // History steps the removal mails name (none has a mail until the tests write one).
    qint64 m_claireRemoval = 0, m_otherModeratorsRemoval = 0, m_marieSubmission = 0;
    qint64 m_claireApproval = 0, m_silentlyRemovedAd = 0;
};

QTEST_GUILESS_MAIN(TestOutboxSecurity)
#include "tst_outboxsecurity.moc"
