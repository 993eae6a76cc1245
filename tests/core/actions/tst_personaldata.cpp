// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Personal data on both backends (issue #14, migration 028): the retention round anonymises
// the contact messages and the sent or refused mails older than the retention, with dates
// simulated by back-dating rows, leaves the recent ones and the queued ones alone, changes
// nothing the second time and works in batches; an anonymised mail is never queued again; the
// retention is refused out of 1–120 months; a deactivated agent is anonymised with the figures
// unchanged, an active one refused; an agent's export holds their ads, history, requests, the
// parts of their lots and their transports, and nobody else's.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/AdWorkflow.h"
#include "actions/ContactRequests.h"
#include "actions/PersonalDataExport.h"
#include "actions/RetentionRound.h"
#include "domain/PlatformTime.h"
#include "reports/ReportPeriod.h"
#include "storage/OutboxRepository.h"
#include "storage/PersonalDataRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/StatisticsRepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

namespace {

bool isPostgres()
{
    return TestDatabase::backend() == QLatin1String("postgresql");
}

// The SQL of a time `months` months ago, in the backend's own terms.
QString monthsAgo(int months)
{
    return isPostgres() ? u"now() - interval '%1 months'"_s.arg(months)
                        : u"strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-%1 months')"_s.arg(months);
}

QString textOf(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return u"<none>"_s;
    return q.value(0).toString();
}

QByteArray bytesOf(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0).toByteArray();
}

} // namespace

class TestPersonalData : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English));
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("personaldata"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        m_settings.sender
                = {QStringLiteral("collectiv-recup@agglo.test"), QStringLiteral("Collectiv'Récup")};
        QVERIFY(usePlatformSettings(*m_db, m_settings));
        const auto paul = ReferenceRepository(*m_db).agent(m_world.other);
        QVERIFY(paul);
        m_paul = *paul;
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }
    void init() { QVERIFY(execSql(*m_db, u"UPDATE retention_policy SET months = 24"_s)); }

    void retentionIsBetweenOneAndOneHundredTwentyMonths()
    {
        PersonalDataRepository data(*m_db);
        QCOMPARE(data.retentionMonths().value(), 24);
        for (const int wrong : {0, -3, 121, 12'000}) {
            const Status refused = data.setRetentionMonths(wrong);
            QVERIFY(!refused);
            QCOMPARE(refused.error().kind, Error::Kind::Invalid);
            QVERIFY2(refused.error().message.contains(u"120"_s),
                     qPrintable(refused.error().message));
            QCOMPARE(data.retentionMonths().value(), 24);
        }
        // The database says the same to whoever writes it by hand.
        QVERIFY(!sqlRuns(*m_db, u"UPDATE retention_policy SET months = 0"_s));
        QVERIFY(!sqlRuns(*m_db, u"UPDATE retention_policy SET months = 12000"_s));
        QVERIFY(data.setRetentionMonths(36));
        QCOMPARE(data.retentionMonths().value(), 36);
    }

    void roundAnonymisesWhatIsOlderThanTheRetention()
    {
        // Five requests from Paul, each with its mail to Marie; three of them 25 months old.
        QList<ContactRequest> requests;
        for (int i = 0; i < 5; ++i) {
            const Ad ad = publishedAd(*m_db, m_world, u"Armoire n° %1"_s.arg(i));
            const auto sent = ContactRequests(*m_db).send(ad.id,
                                                          m_paul,
                                                          m_world.library,
                                                          u"Message privé de Paul %1"_s.arg(i),
                                                          m_settings);
            QVERIFY2(sent, qPrintable(sent.error().message + sent.error().detail));
            requests.append(*sent);
        }
        const auto idList = [](const QList<ContactRequest> &some) {
            QStringList ids;
            for (const ContactRequest &r : some)
                ids << u"'%1'"_s.arg(r.messageId);
            return ids.join(u',');
        };
        const QList<ContactRequest> old = requests.mid(0, 3);
        const QList<ContactRequest> recent = requests.mid(3);
        // Mails 0 and 1 sent, mail 2 still queued (never sent: the round leaves it to go out),
        // mails 3 and 4 sent but recent.
        const QString sentIds = u"'%1','%2','%3','%4'"_s.arg(requests[0].messageId,
                                                             requests[1].messageId,
                                                             requests[3].messageId,
                                                             requests[4].messageId);
        QVERIFY(execSql(*m_db,
                        u"UPDATE outbox SET state = 'sending', claimed_by = 'test' WHERE "
                        "message_id IN (%1)"_s.arg(sentIds)));
        QVERIFY(execSql(
                *m_db,
                u"UPDATE outbox SET state = 'sent', sent_at = %1 WHERE message_id IN (%2)"_s.arg(
                        monthsAgo(0), sentIds)));
        QVERIFY(execSql(
                *m_db,
                u"UPDATE contact_request SET created_at = %1 WHERE message_id IN (%2)"_s.arg(
                        monthsAgo(25), idList(old))));
        QVERIFY(execSql(*m_db,
                        u"UPDATE outbox SET created_at = %1 WHERE message_id IN (%2)"_s.arg(
                                monthsAgo(25), idList(old))));
        const QString kept = textOf(*m_db,
                                    u"SELECT kind || '|' || state || '|' || author_id FROM outbox "
                                    "WHERE message_id = '%1'"_s.arg(old[0].messageId));

        // Batches of two: the round goes on until a batch falls short.
        const auto round = RetentionRound(*m_db, 2).run();
        QVERIFY2(round, qPrintable(round.error().message + round.error().detail));
        QCOMPARE(round->months, 24);
        QCOMPARE(round->messages, 3);
        QCOMPARE(round->mails, 2);
        QCOMPARE(round->batches, 2);

        for (const ContactRequest &r : old)
            QCOMPARE(
                    textOf(*m_db, u"SELECT message FROM contact_request WHERE id = %1"_s.arg(r.id)),
                    u"[message effacé après 24 mois de conservation]"_s);
        for (const ContactRequest &r : recent)
            QVERIFY(textOf(*m_db, u"SELECT message FROM contact_request WHERE id = %1"_s.arg(r.id))
                            .startsWith(u"Message privé de Paul"_s));
        // The old sent mails lost their recipients and text, and kept what the audit needs.
        for (const ContactRequest &r : old.mid(0, 2)) {
            const QString where = u" FROM outbox WHERE message_id = '%1'"_s.arg(r.messageId);
            QCOMPARE(textOf(*m_db, u"SELECT recipients"_s + where), u"[destinataires effacés]"_s);
            const QByteArray bytes = bytesOf(*m_db, u"SELECT rfc5322"_s + where);
            QVERIFY(bytes.contains("[message effac\xc3\xa9 apr\xc3\xa8s 24 mois"));
            QVERIFY(!bytes.contains("Paul"));
            QVERIFY(!bytes.contains("mdupont"));
        }
        QCOMPARE(textOf(*m_db,
                        u"SELECT kind || '|' || state || '|' || author_id FROM outbox "
                        "WHERE message_id = '%1'"_s.arg(old[0].messageId)),
                 kept);
        // The queued one goes out as written; the recent ones are untouched.
        QVERIFY(bytesOf(*m_db,
                        u"SELECT rfc5322 FROM outbox WHERE message_id = '%1'"_s.arg(
                                old[2].messageId))
                        .contains("Paul"));
        for (const ContactRequest &r : recent)
            QVERIFY(bytesOf(*m_db,
                            u"SELECT rfc5322 FROM outbox WHERE message_id = '%1'"_s.arg(
                                    r.messageId))
                            .contains("Paul"));

        // Idempotent: the second round finds nothing.
        const auto again = RetentionRound(*m_db, 2).run();
        QVERIFY(again);
        QCOMPARE(again->messages, 0);
        QCOMPARE(again->mails, 0);
        QCOMPARE(again->batches, 1);

        // An anonymised mail stays as it is: nobody queues it again.
        QVERIFY(!sqlRuns(*m_db,
                         u"UPDATE outbox SET state = 'queued' WHERE message_id = '%1'"_s.arg(
                                 old[0].messageId)));
        QCOMPARE(
                textOf(*m_db,
                       u"SELECT state FROM outbox WHERE message_id = '%1'"_s.arg(old[0].messageId)),
                u"sent"_s);

        // A shorter retention reaches the recent ones, with its own words.
        QVERIFY(execSql(*m_db,
                        u"UPDATE contact_request SET created_at = %1 WHERE message_id = '%2'"_s.arg(
                                monthsAgo(7), recent[0].messageId)));
        QVERIFY(PersonalDataRepository(*m_db).setRetentionMonths(6));
        const auto shorter = RetentionRound(*m_db).run();
        QVERIFY(shorter);
        QCOMPARE(shorter->messages, 1);
        QCOMPARE(textOf(*m_db,
                        u"SELECT message FROM contact_request WHERE id = %1"_s.arg(recent[0].id)),
                 u"[message effacé après 6 mois de conservation]"_s);
    }

    void anonymisingAnAgentKeepsTheFigures()
    {
        // Gaston gave two lots and asked for Marie's desk, then left.
        Agent gaston;
        gaston.login = u"gdepart"_s;
        gaston.displayName = u"Gaston Départ"_s;
        gaston.email = u"gdepart@agglo.test"_s;
        gaston.phone = u"05 49 00 00 07"_s;
        gaston.serviceId = m_world.library;
        const auto id = ReferenceRepository(*m_db).addAgent(gaston);
        QVERIFY2(id, qPrintable(id.error().message));
        gaston.id = *id;
        World asGaston = m_world;
        asGaston.owner = gaston.id;
        const Ad given = closedLot(*m_db,
                                   asGaston,
                                   m_world.chairs,
                                   4,
                                   12'000,
                                   20'000,
                                   CloseReason::Exchanged,
                                   u"Chaises de Gaston"_s);
        closedLot(*m_db,
                  asGaston,
                  m_world.desks,
                  1,
                  5'000,
                  0,
                  CloseReason::Discarded,
                  u"Bureau de Gaston"_s);
        const Ad desk = publishedAd(*m_db, m_world, u"Bureau de Marie"_s);
        const auto asked = ContactRequests(*m_db).send(
                desk.id, gaston, m_world.library, u"Gaston voudrait ce bureau."_s, m_settings);
        QVERIFY2(asked, qPrintable(asked.error().message + asked.error().detail));
        const int historyRows = countOf(
                *m_db, u"SELECT count(*) FROM ad_history WHERE actor_id = %1"_s.arg(gaston.id));
        QVERIFY(historyRows > 0);
        const QString before = figures();
        QVERIFY(before.contains(u"exchanged:1"_s));

        // Still active: refused, nothing changed.
        PersonalDataRepository data(*m_db);
        const auto refused = data.anonymiseAgent(gaston.id);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        QCOMPARE(textOf(*m_db, u"SELECT display_name FROM agent WHERE id = %1"_s.arg(gaston.id)),
                 gaston.displayName);

        const auto current = ReferenceRepository(*m_db).agent(gaston.id);
        QVERIFY(current);
        QVERIFY(ReferenceRepository(*m_db).setAgentActive(gaston.id, false, current->version));
        // The confirmation's figures are what the anonymisation then does.
        const auto preview = data.anonymisationPreview(gaston.id);
        QVERIFY2(preview, qPrintable(preview.error().message + preview.error().detail));
        QCOMPARE(preview->messages, 1);
        QCOMPARE(preview->ads, 2);
        const auto done = data.anonymiseAgent(gaston.id);
        QVERIFY2(done, qPrintable(done.error().message + done.error().detail));
        QCOMPARE(done->messages, 1);
        QCOMPARE(done->mails, preview->mails);
        QVERIFY(done->mails >= 1); // his contact mail to Marie

        const auto anonymous = ReferenceRepository(*m_db).agent(gaston.id);
        QVERIFY(anonymous);
        QCOMPARE(anonymous->displayName, u"Agent anonymisé n° %1"_s.arg(gaston.id));
        QCOMPARE(anonymous->login, u"anonyme-%1"_s.arg(gaston.id));
        QVERIFY(anonymous->email.endsWith(u"@anonyme.invalid"_s));
        QVERIFY(PersonalDataRepository(*m_db).anonymisedAgents()->contains(gaston.id));
        QVERIFY(!anonymous->email.contains(u"gdepart"_s));
        QVERIFY(anonymous->phone.isEmpty());
        QCOMPARE(textOf(*m_db,
                        u"SELECT message FROM contact_request WHERE id = %1"_s.arg(asked->id)),
                 u"[message effacé : agent anonymisé]"_s);
        // The same ads, the same history, the same figures.
        QCOMPARE(textOf(*m_db, u"SELECT owner_id FROM ad WHERE id = %1"_s.arg(given.id)),
                 QString::number(gaston.id));
        QCOMPARE(countOf(*m_db,
                         u"SELECT count(*) FROM ad_history WHERE actor_id = %1"_s.arg(gaston.id)),
                 historyRows);
        QCOMPARE(figures(), before);
        // Again: nothing more to do, and the same name.
        const auto twice = data.anonymiseAgent(gaston.id);
        QVERIFY(twice);
        QCOMPARE(twice->messages, 0);
    }

    void anonymisingAnAgentErasesTheirMailsOnly()
    {
        // Hugo left; four of Paul's contact mails are turned into what the outbox may hold.
        const qint64 hugo = deactivatedAgent(u"hhors"_s, u"Hugo Hors"_s);
        QVERIFY(hugo > 0);
        QList<qint64> mail;
        for (int i = 0; i < 5; ++i) {
            const Ad ad = publishedAd(*m_db, m_world, u"Table n° %1"_s.arg(i));
            const auto sent = ContactRequests(*m_db).send(
                    ad.id, m_paul, m_world.library, u"Message de Paul %1"_s.arg(i), m_settings);
            QVERIFY2(sent, qPrintable(sent.error().message + sent.error().detail));
            mail << countOf(*m_db, u"SELECT max(id) FROM outbox"_s);
        }
        const auto set = [&](qint64 id, const QString &assignments) {
            return execSql(*m_db, u"UPDATE outbox SET %1 WHERE id = %2"_s.arg(assignments).arg(id));
        };
        // 0: sent to Hugo alone (his address as typed in the directory: case, blanks, CR).
        QVERIFY(set(mail[0], u"recipients = ' HHors@agglo.test \r'"_s));
        // 1: sent to Marie and Hugo.
        QVERIFY(set(
                mail[1],
                u"recipients = 'mdupont@agglo.test' || char(10) || 'hhors@agglo.test'"_s.replace(
                        u"char(10)"_s, isPostgres() ? u"chr(10)"_s : u"char(10)"_s)));
        // 2: written by Hugo, still queued.
        QVERIFY(set(mail[2], u"author_id = %1"_s.arg(hugo)));
        // 3: to Hugo, refused by the relay with his phone in the refusal.
        QVERIFY(set(mail[3], u"recipients = 'hhors@agglo.test'"_s));
        // 4: to somebody else: not his.
        for (const qint64 id : {mail[0], mail[1], mail[3]})
            QVERIFY(set(id, u"state = 'sending', claimed_by = 't'"_s));
        QVERIFY(set(mail[0], u"state = 'sent', sent_at = %1"_s.arg(monthsAgo(0))));
        QVERIFY(set(mail[1], u"state = 'sent', sent_at = %1"_s.arg(monthsAgo(0))));
        QVERIFY(set(mail[3],
                    u"state = 'failed', refusal = 'Refused: header (X-Hugo-Phone).', "
                    "last_error = 'Refused'"_s));
        const QByteArray sharedBytes
                = bytesOf(*m_db, u"SELECT rfc5322 FROM outbox WHERE id = %1"_s.arg(mail[1]));
        const auto field0 = [&](qint64 id) {
            return textOf(*m_db, u"SELECT recipients FROM outbox WHERE id = %1"_s.arg(id));
        };
        OutboxRepository outbox(*m_db);
        const auto failedBefore = outbox.failureCount();
        QVERIFY(failedBefore);

        // What the confirmation says first: three mails his, one shared, nothing written.
        const auto preview = PersonalDataRepository(*m_db).anonymisationPreview(hugo);
        QVERIFY2(preview, qPrintable(preview.error().message + preview.error().detail));
        QCOMPARE(preview->mails, 3);
        QCOMPARE(preview->sharedMails, 1);
        QCOMPARE(preview->messages, 0);
        QCOMPARE(preview->ads, 0);
        QCOMPARE(field0(mail[0]), u" HHors@agglo.test \r"_s);

        const auto done = PersonalDataRepository(*m_db).anonymiseAgent(hugo);
        QVERIFY2(done, qPrintable(done.error().message + done.error().detail));
        QCOMPARE(done->mails, 3);
        // Nothing of his is left to count.
        const auto after = PersonalDataRepository(*m_db).anonymisationPreview(hugo);
        QVERIFY(after);
        QCOMPARE(after->mails + after->sharedMails + after->messages, 0);
        const auto field = [&](qint64 id, const QString &column) {
            return textOf(*m_db, u"SELECT %1 FROM outbox WHERE id = %2"_s.arg(column).arg(id));
        };
        for (const qint64 id : {mail[0], mail[2], mail[3]}) {
            QCOMPARE(field(id, u"recipients"_s), u"[destinataires effacés]"_s);
            QVERIFY(!bytesOf(*m_db, u"SELECT rfc5322 FROM outbox WHERE id = %1"_s.arg(id))
                             .contains("Paul"));
        }
        // The queued one is never sent; the refusal lost Hugo's phone.
        QCOMPARE(field(mail[2], u"state || '|' || refusal"_s), u"failed|agent anonymisé"_s);
        QCOMPARE(field(mail[3], u"state || '|' || refusal"_s), u"failed|[effacé]"_s);
        // Marie's copy is hers: only Hugo's line left it.
        QCOMPARE(field(mail[1], u"recipients"_s), u"mdupont@agglo.test"_s);
        QCOMPARE(field(mail[1], u"anonymised_at IS NULL"_s), isPostgres() ? u"true"_s : u"1"_s);
        QCOMPARE(bytesOf(*m_db, u"SELECT rfc5322 FROM outbox WHERE id = %1"_s.arg(mail[1])),
                 sharedBytes);
        QVERIFY(bytesOf(*m_db, u"SELECT rfc5322 FROM outbox WHERE id = %1"_s.arg(mail[4]))
                        .contains("Paul"));
        // The moderators' failed list does not show erased mails, nor offers to retry them.
        const auto failures = outbox.failures();
        QVERIFY(failures);
        for (const OutboxMail &m : *failures)
            QVERIFY(m.id != mail[2] && m.id != mail[3]);
        QCOMPARE(*outbox.failureCount(), *failedBefore - 1);
        QVERIFY(!outbox.retry(mail[2]));

        // Anonymised for good: not reactivated, not renamed.
        const auto row = ReferenceRepository(*m_db).agent(hugo);
        QVERIFY(row);
        QVERIFY(!ReferenceRepository(*m_db).setAgentActive(hugo, true, row->version));
        QVERIFY(!execSql(*m_db,
                         u"UPDATE agent SET display_name = 'Hugo Hors' WHERE id = %1"_s.arg(hugo)));
        QCOMPARE(textOf(*m_db, u"SELECT display_name FROM agent WHERE id = %1"_s.arg(hugo)),
                 u"Agent anonymisé n° %1"_s.arg(hugo));
    }

    void anonymisingIsRefusedWhereItWouldHurtOthers()
    {
        PersonalDataRepository data(*m_db);
        // Iris still owns a published ad: hand it over first.
        const qint64 iris = deactivatedAgent(u"iouverte"_s, u"Iris Ouverte"_s, {}, [&](qint64 id) {
            World asIris = m_world;
            asIris.owner = id;
            publishedAd(*m_db, asIris, u"Armoire d'Iris"_s);
        });
        QVERIFY(iris > 0);
        const auto refused = data.anonymiseAgent(iris);
        QVERIFY(!refused);
        QVERIFY(refused.error().detail.contains(u"anonymise-open-ads"_s));
        QVERIFY(refused.error().message.contains(u"Hand over their ads"_s));
        QCOMPARE(textOf(*m_db, u"SELECT display_name FROM agent WHERE id = %1"_s.arg(iris)),
                 u"Iris Ouverte"_s);
        // Jules has Paul's address (a moderator's slip, or worse): Paul's mails are not his.
        const qint64 jules = deactivatedAgent(u"jmeme"_s, u"Jules Même"_s, m_paul.email.toUpper());
        QVERIFY(jules > 0);
        const int paulsMails
                = countOf(*m_db, u"SELECT count(*) FROM outbox WHERE anonymised_at IS NULL"_s);
        const auto shared = data.anonymiseAgent(jules);
        QVERIFY(!shared);
        QVERIFY(shared.error().detail.contains(u"anonymise-email-shared"_s));
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM outbox WHERE anonymised_at IS NULL"_s),
                 paulsMails);
        QCOMPARE(textOf(*m_db, u"SELECT login FROM agent WHERE id = %1"_s.arg(jules)), u"jmeme"_s);
    }

    void anonymousLoginsAndWholeMonthsOnly()
    {
        // Nobody takes 'anonyme-…': it would block that agent's anonymisation.
        QVERIFY(!execSql(
                *m_db,
                u"INSERT INTO agent (login, display_name, email, service_id) VALUES "
                "('anonyme-99999', 'Squat', 'squat@agglo.test', %1)"_s.arg(m_world.library)));
        Agent squat;
        squat.login = u"anonyme-5"_s;
        squat.displayName = u"Squat"_s;
        squat.email = u"squat@agglo.test"_s;
        squat.serviceId = m_world.library;
        const auto added = ReferenceRepository(*m_db).addAgent(squat);
        QVERIFY(!added);
        QCOMPARE(added.error().kind, Error::Kind::Invalid);
        QCOMPARE(countOf(*m_db,
                         u"SELECT count(*) FROM agent WHERE login LIKE 'anonyme-%'"_s
                         u" AND anonymised_at IS NULL"_s),
                 0);
        // A retention is a whole number of months.
        execSql(*m_db, u"UPDATE retention_policy SET months = 12.5"_s);
        QCOMPARE(countOf(*m_db,
                         u"SELECT count(*) FROM retention_policy WHERE months <> round(months)"_s
                         u" OR months = 12.5"_s),
                 0);
        if (!isPostgres())
            QCOMPARE(countOf(*m_db, u"SELECT months FROM retention_policy"_s), 24);
    }

    void exportHoldsOnesOwnDataOnly()
    {
        const Ad mine = publishedAd(*m_db, m_world, u"Étagère de Marie"_s);
        World asPaul = m_world;
        asPaul.owner = m_world.other;
        const Ad his = publishedAd(*m_db, asPaul, u"Lampe de Paul"_s);
        const auto marie = ReferenceRepository(*m_db).agent(m_world.owner);
        QVERIFY(marie);
        // Paul asks for Marie's shelf; Marie asks for Paul's lamp.
        const auto paulAsks = ContactRequests(*m_db).send(
                mine.id, m_paul, m_world.library, u"Secret de Paul"_s, m_settings);
        QVERIFY2(paulAsks, qPrintable(paulAsks.error().message + paulAsks.error().detail));
        const auto marieAsks = ContactRequests(*m_db).send(
                his.id, *marie, m_world.waste, u"Marie aimerait la lampe"_s, m_settings);
        QVERIFY2(marieAsks, qPrintable(marieAsks.error().message + marieAsks.error().detail));

        // Marie's lot of 10: 3 held for the schools, 2 given to the library with their
        // transport (her name and phone at the departure). Paul gives a lamp to the schools
        // (not hers to read) and a desk to her service (carried to her: hers too).
        const Ad lot = publishedLot(*m_db, m_world, 10, 10'000, 20'000, u"Lot de Marie"_s);
        AdRepository ads(*m_db);
        const auto held = ads.reservePart(lot.id, m_world.schools, 3, m_world.ownerActor());
        QVERIFY2(held, qPrintable(held.error().message + held.error().detail));
        const auto part = ads.reservePart(lot.id, m_world.library, 2, m_world.ownerActor());
        QVERIFY2(part, qPrintable(part.error().message + part.error().detail));
        const auto carry = [&](const QString &fromContact, const QString &toContact) {
            PickupRequest request;
            request.from
                    = {m_world.depot, {}, {}, u"Bureau 12"_s, fromContact, u"05 49 11 22 33"_s};
            request.to = {m_world.townHall, {}, {}, u"Salle 3"_s, toContact, u"05 49 44 55 66"_s};
            request.wishedDate = platformToday().addDays(3);
            return request;
        };
        AdWorkflow workflow(*m_db, m_settings);
        const auto given = workflow.exchangePartWithTransport(
                *part, carry(u"Marie Dupont"_s, u"Paul Martin"_s), m_world.ownerActor());
        QVERIFY2(given, qPrintable(given.error().message + given.error().detail));
        const auto giveAway =
                [&](const QString &title, qint64 toService, const QString &toContact) {
                    const Ad ad = publishedAd(*m_db, asPaul, title);
                    TransitionRequest close;
                    close.action = AdAction::Close;
                    close.expectedVersion = ad.version;
                    close.closeReason = CloseReason::Exchanged;
                    close.receivingServiceId = toService;
                    const auto closed = workflow.closeWithTransport(
                            ad.id, close, carry(u"Paul Martin"_s, toContact), m_world.otherActor());
                    if (!closed)
                        qWarning("%s", qPrintable(closed.error().message + closed.error().detail));
                    return closed ? closed->id : 0;
                };
        const qint64 lampToSchools = giveAway(u"Lampe pour les écoles"_s, m_world.schools, {});
        const qint64 deskToMarie
                = giveAway(u"Bureau pour Marie"_s, m_world.waste, u"Marie Dupont"_s);
        QVERIFY(lampToSchools > 0 && deskToMarie > 0);

        // On PostgreSQL, read with Marie's own login: her policies, nothing widened.
        std::unique_ptr<Database> asMarie;
        Database *reader = m_db.get();
        if (isPostgres()) {
            QVERIFY(ensureLoginRoles(*m_db));
            asMarie = m_test->openAs(u"mdupont"_s);
            QVERIFY(asMarie);
            reader = asMarie.get();
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"mes-donnees.json"_s);
        const auto saved = PersonalDataExport::save(*reader, m_world.owner, path);
        QVERIFY2(saved, qPrintable(saved.error().message + saved.error().detail));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonParseError parseError;
        const QJsonObject data = QJsonDocument::fromJson(file.readAll(), &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(data[u"agent"_s][u"nom"_s].toString(), u"Marie Dupont"_s);

        QSet<QString> titles;
        for (const QJsonValue &ad : data[u"annonces"_s].toArray())
            titles.insert(ad[u"titre"_s].toString());
        QVERIFY(titles.contains(u"Étagère de Marie"_s));
        QVERIFY(!titles.contains(u"Lampe de Paul"_s));
        bool historyOfMine = false;
        for (const QJsonValue &step : data[u"historique"_s].toArray()) {
            QVERIFY(step[u"annonce"_s].toInteger() != his.id);
            historyOfMine = historyOfMine || step[u"annonce"_s].toInteger() == mine.id;
        }
        QVERIFY(historyOfMine);
        const QJsonArray written = data[u"demandes_envoyees"_s].toArray();
        QCOMPARE(written.size(), 1);
        QCOMPARE(written[0][u"message"_s].toString(), u"Marie aimerait la lampe"_s);
        // Who asked for her shelf, not what they wrote to her (that mail is in her mailbox).
        const QJsonArray received = data[u"demandes_recues"_s].toArray();
        bool paulFound = false;
        for (const QJsonValue &r : received) {
            QVERIFY(!r.toObject().contains(u"message"_s));
            paulFound = paulFound
                        || (r[u"annonce"_s].toInteger() == mine.id
                            && r[u"demandeur"_s].toString() == u"Paul Martin"_s);
        }
        QVERIFY(paulFound);
        file.seek(0);
        QVERIFY(!file.readAll().contains("Secret de Paul"));
        QCOMPARE(data[u"conservation_mois"_s].toInt(), 24);

        // The parts of her lot, whoever they went to, and no one else's.
        QMap<QString, int> parts;
        for (const QJsonValue &r : data[u"reservations"_s].toArray()) {
            QCOMPARE(r[u"annonce"_s].toInteger(), lot.id);
            QVERIFY(!r[u"reservee_le"_s].toString().isEmpty());
            parts.insert(r[u"etat"_s].toString(), r[u"quantite"_s].toInt());
            if (r[u"etat"_s].toString() == u"exchanged"_s) {
                QCOMPARE(r[u"service"_s].toString(), serviceName(m_world.library));
                QCOMPARE(r[u"donnee_par"_s].toString(), u"Marie Dupont"_s);
            }
        }
        QCOMPARE(parts, (QMap<QString, int>{{u"held"_s, 3}, {u"exchanged"_s, 2}}));
        // The transports of her ads and to her service, with their contacts; not Paul's lamp.
        QMap<qint64, QJsonObject> transports;
        for (const QJsonValue &t : data[u"transports"_s].toArray())
            transports.insert(t[u"annonce"_s].toInteger(), t.toObject());
        QCOMPARE(transports.keys(), (QList<qint64>{lot.id, deskToMarie}));
        const QJsonObject ofPart = transports.value(lot.id);
        QCOMPARE(ofPart[u"quantite"_s].toInt(), 2);
        QCOMPARE(ofPart[u"reservation"_s].toInteger(), given->id);
        QCOMPARE(ofPart[u"service_receveur"_s].toString(), serviceName(m_world.library));
        QCOMPARE(ofPart[u"depart_contact"_s].toString(), u"Marie Dupont"_s);
        QCOMPARE(ofPart[u"depart_telephone"_s].toString(), u"05 49 11 22 33"_s);
        QCOMPARE(ofPart[u"date_souhaitee"_s].toString(),
                 platformToday().addDays(3).toString(Qt::ISODate));
        QCOMPARE(ofPart[u"etat"_s].toString(), u"requested"_s);
        QCOMPARE(ofPart[u"demande_par"_s].toString(), u"Marie Dupont"_s);
        QCOMPARE(transports.value(deskToMarie)[u"arrivee_contact"_s].toString(), u"Marie Dupont"_s);
        QCOMPARE(transports.value(deskToMarie)[u"service_receveur"_s].toString(),
                 serviceName(m_world.waste));
        QVERIFY(data[u"a_savoir"_s].toString().contains(u"transports"_s));
    }

    // A measure, not a check run by default: RECUP_RETENTION_ROWS=1000000 loads that many
    // contact requests and as many sent mails over three years (triggers off on PostgreSQL for
    // the load only), then times the first round (a third of them due) and the next one.
    void roundOverManyRows()
    {
        const int rows = qEnvironmentVariableIntValue("RECUP_RETENTION_ROWS");
        if (rows <= 0)
            QSKIP("set RECUP_RETENTION_ROWS to time the round over that many rows");
        const Ad ad = publishedAd(*m_db, m_world, u"Armoire du banc d'essai"_s);
        const QString values = u"%1, %2, %3"_s.arg(ad.id).arg(m_world.other).arg(m_world.library);
        if (isPostgres()) {
            QVERIFY(execSql(*m_db, u"SET session_replication_role = replica"_s));
            QVERIFY(execSql(*m_db,
                            u"INSERT INTO contact_request (ad_id, requester_id, "
                            "requesting_service_id, message, message_id, created_at) SELECT %1, "
                            "'Bonjour, nous cherchons ce meuble pour le service. ' || i, "
                            "'<bench-' || i || '>', now() - (i % 1095) * interval '1 day' FROM "
                            "generate_series(1, %2) i"_s.arg(values)
                                    .arg(rows)));
            QVERIFY(execSql(*m_db,
                            u"INSERT INTO outbox (message_id, created_at, author_id, kind, "
                            "recipients, rfc5322, envelope_from, state, sent_at) SELECT "
                            "'<bench-' || i || '>', now() - (i % 1095) * interval '1 day', %1, "
                            "'contact', 'mdupont@agglo.test', convert_to(repeat('Texte du "
                            "courriel. ', 100), 'UTF8'), 'ne-pas-repondre@agglo.test', 'sent', "
                            "now() FROM generate_series(1, %2) i"_s.arg(m_world.other)
                                    .arg(rows)));
            QVERIFY(execSql(*m_db, u"SET session_replication_role = origin"_s));
            QVERIFY(execSql(*m_db, u"ANALYZE contact_request"_s));
            QVERIFY(execSql(*m_db, u"ANALYZE outbox"_s));
        } else {
            const QString seq = u"WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM "
                                "seq WHERE i < %1) "_s.arg(rows);
            const QString at = u"strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || (i % 1095) || ' "
                               "days')"_s;
            QVERIFY(execSql(*m_db,
                            u"INSERT INTO contact_request (ad_id, requester_id, "
                            "requesting_service_id, message, message_id, created_at) "_s
                                    + seq
                                    + u"SELECT %1, 'Bonjour, nous cherchons ce meuble pour le "
                                      "service. ' || i, '<bench-' || i || '>', %2 FROM seq"_s.arg(
                                              values, at)));
            QVERIFY(execSql(*m_db,
                            u"INSERT INTO outbox (message_id, created_at, author_id, kind, "
                            "recipients, rfc5322, envelope_from, state, sent_at) "_s
                                    + seq
                                    + u"SELECT '<bench-' || i || '>', %1, %2, 'contact', "
                                      "'mdupont@agglo.test', randomblob(2000), "
                                      "'ne-pas-repondre@agglo.test', 'sent', %1 FROM seq"_s.arg(at)
                                              .arg(m_world.other)));
        }
        QElapsedTimer timer;
        timer.start();
        const auto first = RetentionRound(*m_db).run();
        const qint64 firstMs = timer.elapsed();
        QVERIFY2(first, qPrintable(first.error().message + first.error().detail));
        timer.restart();
        const auto next = RetentionRound(*m_db).run();
        const qint64 nextMs = timer.elapsed();
        QVERIFY(next);
        qInfo("%s, %d rows each: first round %d messages + %d mails in %lld ms (%d batches); "
              "next round %d + %d in %lld ms",
              qPrintable(TestDatabase::backend()),
              rows,
              first->messages,
              first->mails,
              firstMs,
              first->batches,
              next->messages,
              next->mails,
              nextMs);
        QVERIFY(first->messages > rows / 4);
        QCOMPARE(next->messages + next->mails, 0);
    }

private:
    // A deactivated agent of the library with no database login.
    // `before` runs while they are still active (to give them ads).
    qint64 deactivatedAgent(const QString &login,
                            const QString &name,
                            const QString &email = {},
                            const std::function<void(qint64)> &before = {})
    {
        Agent a;
        a.login = login;
        a.displayName = name;
        a.email = email.isEmpty() ? login + u"@agglo.test"_s : email;
        a.serviceId = m_world.library;
        const auto id = ReferenceRepository(*m_db).addAgent(a);
        if (!id)
            return 0;
        if (before)
            before(*id);
        const auto row = ReferenceRepository(*m_db).agent(*id);
        if (!row || !ReferenceRepository(*m_db).setAgentActive(*id, false, row->version))
            return 0;
        return *id;
    }

    QString serviceName(qint64 id)
    {
        return textOf(*m_db, u"SELECT name FROM service WHERE id = %1"_s.arg(id));
    }

    // The year's figures as the moderators read them, in one line.
    QString figures()
    {
        const QDateTime to = QDateTime::currentDateTimeUtc().addDays(1);
        const QDateTime from = to.addYears(-1);
        const auto totals = StatisticsRepository(*m_db).closedAdTotals(from, to, {});
        if (!totals)
            return u"<error %1>"_s.arg(totals.error().message);
        QStringList parts;
        for (const ReasonTotals &r : totals->reasons)
            parts << u"%1:%2/%3/%4/%5"_s.arg(toKey(r.reason))
                             .arg(r.ads)
                             .arg(r.quantity)
                             .arg(r.valueCents)
                             .arg(r.weightGrams);
        for (const ServiceTotals &s : totals->services)
            parts << u"service %1:%2/%3/%4/%5"_s.arg(s.serviceId)
                             .arg(s.given)
                             .arg(s.received)
                             .arg(s.valueGivenCents)
                             .arg(s.weightGivenGrams);
        return parts.join(u' ');
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    MailSettings m_settings;
    Agent m_paul;
};

QTEST_GUILESS_MAIN(TestPersonalData)
#include "tst_personaldata.moc"
