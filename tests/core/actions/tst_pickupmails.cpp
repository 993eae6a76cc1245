// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The transports' mails on both backends: planning one and delivering it mail the agents of
// its two services, in French, in the transaction of the step; picking it up or cancelling it
// mails nobody. Every mail is read back by Python's email package.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/PickupWorkflow.h"
#include "domain/PlatformTime.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/SqlDialect.h"

#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestPickupMails : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("pickupmails"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        m_settings.sender = {u"collectiv-recup@agglo.test"_s, u"Collectiv'Récup"_s};
        QVERIFY(usePlatformSettings(*m_db, m_settings));
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

    void plannedAndDeliveredMailBothServices()
    {
        const Ad ad = closedLot(*m_db, m_world, m_world.desks, 2, 8'000, 0, CloseReason::Exchanged);
        PickupRequest asked;
        asked.from = {m_world.depot, {}, {}, u"B 104"_s, u"Marie Dupont"_s, u"05 49 00 00 01"_s};
        asked.to = {m_world.townHall, {}, {}, u"Salle 3"_s, u"Sam"_s, u"05 49 00 00 02"_s};
        asked.wishedDate = platformToday().addDays(2);
        auto p = PickupRepository(*m_db).request(ad.id, asked, m_world.ownerActor());
        QVERIFY2(p, qPrintable(p.error().message + p.error().detail));

        PickupWorkflow workflow(*m_db, m_settings);
        const QDate day = platformToday().addDays(3);
        p = workflow.plan(p->id, p->version, day, u"Équipe A"_s, 1, logistics());
        QVERIFY2(p, qPrintable(p.error().message + u' ' + p.error().detail));
        QCOMPARE(workflow.mailsWritten(), 1);
        QJsonObject planned = lastMail(u"pickup-planned"_s);
        QVERIFY(!planned.isEmpty());
        const QString subject = headerValue(planned, u"Subject"_s);
        QVERIFY2(subject.startsWith(u"Enlèvement prévu le "_s), qPrintable(subject));
        QVERIFY2(subject.contains(ad.title), qPrintable(subject));
        // The agents of the giving service (Marie, Luc) and of the receiving one (Claire).
        const QString to = headerValue(planned, u"To"_s);
        for (const char *who : {"mdupont@agglo.test", "lpetit@agglo.test", "cbernard@agglo.test"})
            QVERIFY2(to.contains(QLatin1String(who)), qPrintable(to));
        QVERIFY2(!to.contains(u"pmartin"_s), qPrintable(to)); // a third service's agent
        const QString body = textPart(planned, u"text/plain"_s);
        QVERIFY2(body.contains(u"B 104"_s) && body.contains(u"Salle 3"_s), qPrintable(body));
        QVERIFY2(body.contains(QLocale(QLocale::French).toString(day, u"d MMMM yyyy"_s)),
                 qPrintable(body));

        p = workflow.markPickedUp(p->id, p->version, logistics());
        QVERIFY(p);
        QCOMPARE(workflow.mailsWritten(), 0);
        p = workflow.markDelivered(p->id, p->version, logistics());
        QVERIFY2(p, qPrintable(p.error().message + u' ' + p.error().detail));
        QCOMPARE(workflow.mailsWritten(), 1);
        const QJsonObject done = lastMail(u"pickup-done"_s);
        QVERIFY2(headerValue(done, u"Subject"_s).startsWith(u"Enlèvement effectué"_s),
                 qPrintable(headerValue(done, u"Subject"_s)));
        QCOMPARE(countOf(*m_db, u"SELECT count(*) FROM outbox WHERE kind LIKE 'pickup-%'"_s), 2);
    }

    // A step whose mail cannot be written is not saved either.
    void aStepWithoutItsMailIsNotSaved()
    {
        const Ad ad
                = closedLot(*m_db, m_world, m_world.chairs, 1, 0, 9'000, CloseReason::Exchanged);
        PickupRequest asked;
        asked.from = {m_world.depot, {}, {}, {}, {}, {}};
        asked.to = {m_world.townHall, {}, {}, {}, {}, {}};
        asked.wishedDate = platformToday();
        auto p = PickupRepository(*m_db).request(ad.id, asked, m_world.ownerActor());
        QVERIFY(p);
        // Nobody left to mail: every agent of both services has gone.
        QVERIFY(execSql(*m_db,
                        u"UPDATE agent SET active = %1 WHERE service_id IN (%2, %3)"_s
                                .arg(m_db->dialect().name() == u"sqlite" ? u"0"_s : u"false"_s)
                                .arg(m_world.waste)
                                .arg(m_world.schools)));
        PickupWorkflow workflow(*m_db, m_settings);
        const auto refused
                = workflow.plan(p->id, p->version, platformToday(), u"A"_s, 1, logistics());
        QVERIFY(execSql(*m_db,
                        u"UPDATE agent SET active = %1"_s.arg(
                                m_db->dialect().name() == u"sqlite" ? u"1"_s : u"true"_s)));
        QVERIFY(!refused);
        QCOMPARE(workflow.mailsWritten(), 0);
        QCOMPARE(PickupRepository(*m_db).find(p->id)->status, PickupStatus::Requested);
    }

private:
    Actor logistics() const
    {
        Actor a{m_world.other, false, false};
        a.logistics = true;
        return a;
    }
    // The newest mail of `kind` in the outbox, as Python's email package reads it.
    QJsonObject lastMail(const QString &kind)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(u"SELECT rfc5322 FROM outbox WHERE kind = ? ORDER BY id DESC"_s);
        q.addBindValue(kind);
        if (!q.exec() || !q.next())
            return {};
        QString error;
        const QJsonObject parsed = parseMail(q.value(0).toByteArray(), &error);
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return parsed;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    MailSettings m_settings;
};

QTEST_GUILESS_MAIN(TestPickupMails)
#include "tst_pickupmails.moc"
