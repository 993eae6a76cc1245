// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Contact requests behind the wall: each person connects with their own login, as with psql.
// An agent asks in their own name about someone else's ad in the catalogue; the requester and
// the poster read the request, moderators read them all, nobody else; nobody changes or deletes
// one.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/ContactRequests.h"
#include "storage/AdRepository.h"
#include "storage/ReferenceRepository.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestContactSecurity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("roles and row-level security exist on PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("contactsecurity"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        // Logins of this suite only: roles are cluster-wide.
        m_marieId = enrolLogin(*m_admin, QStringLiteral("ctc_marie"), Role::Agent, m_world.waste);
        m_paulId = enrolLogin(*m_admin, QStringLiteral("ctc_paul"), Role::Agent, m_world.waste);
        m_anneId = enrolLogin(*m_admin, QStringLiteral("ctc_anne"), Role::Agent, m_world.waste);
        m_claireId = enrolLogin(*m_admin,
                                QStringLiteral("ctc_claire"),
                                Role::Agent | Role::Moderator,
                                m_world.waste);
        QVERIFY(m_marieId > 0 && m_paulId > 0 && m_anneId > 0 && m_claireId > 0);
        m_marie = m_test->openAs(QStringLiteral("ctc_marie"));
        m_paul = m_test->openAs(QStringLiteral("ctc_paul"));
        m_anne = m_test->openAs(QStringLiteral("ctc_anne"));
        m_claire = m_test->openAs(QStringLiteral("ctc_claire"));
        QVERIFY(m_marie && m_paul && m_anne && m_claire);

        // Marie's ad, published; Marie's draft, not in the catalogue.
        World asMarie = m_world;
        asMarie.owner = m_marieId;
        m_ad = publishedAd(*m_admin, asMarie, QStringLiteral("Armoire basse")).id;
        Ad draft = asMarie.sampleAd(QStringLiteral("Brouillon de Marie"));
        const auto created = AdRepository(*m_admin).create(draft, {m_marieId, false, false});
        QVERIFY(created);
        m_draft = created->id;

        // Paul asks through the application, as himself.
        const auto paul = ReferenceRepository(*m_paul).agent(m_paulId);
        QVERIFY(paul);
        const auto request = ContactRequests(*m_paul).send(
                m_ad, *paul, m_world.library, QStringLiteral("Intéressé."), mailSettings());
        QVERIFY2(request, qPrintable(request.error().message + u' ' + request.error().detail));
        m_request = request->id;
    }
    void cleanupTestCase()
    {
        m_marie.reset();
        m_paul.reset();
        m_anne.reset();
        m_claire.reset();
        m_admin.reset();
        m_test.reset();
    }

    void requesterAndPosterReadTheRequestOthersDoNot()
    {
        const QString all = QStringLiteral("SELECT id FROM contact_request");
        QCOMPARE(idsOf(*m_paul, all), QSet<qint64>{m_request});
        QCOMPARE(idsOf(*m_marie, all), QSet<qint64>{m_request});
        QCOMPARE(idsOf(*m_anne, all), QSet<qint64>{});
        QCOMPARE(idsOf(*m_claire, all), QSet<qint64>{m_request});
        QCOMPARE(ContactRequests(*m_marie).forAd(m_ad)->size(), 1);
        QCOMPARE(ContactRequests(*m_anne).forAd(m_ad)->size(), 0);
    }

    void agentCannotAskInSomeoneElsesName()
    {
        QSqlQuery q(m_anne->connection());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO contact_request (ad_id, requester_id, "
                                       "requesting_service_id, message, message_id) "
                                       "VALUES (%1, %2, %3, 'x', '<x@y>')")
                                .arg(m_ad)
                                .arg(m_paulId)
                                .arg(m_world.library)));
        QVERIFY2(q.lastError().text().contains(QLatin1String("own name")),
                 qPrintable(q.lastError().text()));
    }

    // Each request mails the poster: once a day per ad, whatever SQL the requester runs.
    void oneRequestPerAdADay()
    {
        QSqlQuery q(m_paul->connection());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO contact_request (ad_id, requester_id, "
                                       "requesting_service_id, message, message_id) "
                                       "VALUES (%1, %2, %3, 'encore', '<x2@y>')")
                                .arg(m_ad)
                                .arg(m_paulId)
                                .arg(m_world.library)));
        QVERIFY2(q.lastError().text().contains(QLatin1String("a day")),
                 qPrintable(q.lastError().text()));
        const auto paul = ReferenceRepository(*m_paul).agent(m_paulId);
        QVERIFY(paul);
        const auto again = ContactRequests(*m_paul).send(
                m_ad, *paul, m_world.library, QStringLiteral("Encore moi."), mailSettings());
        QVERIFY(!again);
        QCOMPARE(again.error().kind, Error::Kind::Forbidden);
        QVERIFY2(again.error().message.contains(QLatin1String("already asked")),
                 qPrintable(again.error().message));
        QCOMPARE(ContactRequests(*m_paul).forAd(m_ad)->size(), 1);
    }

    void agentCannotAskAboutOwnOrHiddenAds_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("own published ad") << QStringLiteral("own");
        QTest::newRow("someone's draft") << QStringLiteral("draft");
    }
    void agentCannotAskAboutOwnOrHiddenAds()
    {
        QFETCH(QString, which);
        Database &db = which == QLatin1String("own") ? *m_marie : *m_anne;
        const qint64 me = which == QLatin1String("own") ? m_marieId : m_anneId;
        const qint64 ad = which == QLatin1String("own") ? m_ad : m_draft;
        QSqlQuery q(db.connection());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO contact_request (ad_id, requester_id, "
                                       "requesting_service_id, message, message_id) "
                                       "VALUES (%1, %2, %3, 'x', '<x@y>')")
                                .arg(ad)
                                .arg(me)
                                .arg(m_world.library)));
        QVERIFY2(q.lastError().text().contains(QLatin1String("row-level security")),
                 qPrintable(q.lastError().text()));
    }

    void theDateIsTheServers()
    {
        QSqlQuery q(m_anne->connection());
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO contact_request (ad_id, requester_id, "
                                       "requesting_service_id, message, message_id, created_at) "
                                       "VALUES (%1, %2, %3, 'x', '<x@y>', '2020-01-01')")
                                .arg(m_ad)
                                .arg(m_anneId)
                                .arg(m_world.library)));
        QVERIFY2(q.lastError().text().contains(QLatin1String("permission denied")),
                 qPrintable(q.lastError().text()));
    }

    void nobodyChangesOrDeletesARequest_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::newRow("change the message")
                << QStringLiteral("UPDATE contact_request SET message = 'autre'");
        QTest::newRow("change the service")
                << QStringLiteral("UPDATE contact_request SET requesting_service_id = 1");
        QTest::newRow("delete") << QStringLiteral("DELETE FROM contact_request");
    }
    void nobodyChangesOrDeletesARequest()
    {
        QFETCH(QString, statement);
        for (Database *db : {m_paul.get(), m_marie.get(), m_claire.get()}) {
            QSqlQuery q(db->connection());
            QVERIFY(!q.exec(statement));
            QVERIFY2(q.lastError().text().contains(QLatin1String("permission denied")),
                     qPrintable(q.lastError().text()));
        }
        QCOMPARE(idsOf(*m_admin,
                       QStringLiteral("SELECT id FROM contact_request WHERE message = "
                                      "'Intéressé.'")),
                 QSet<qint64>{m_request});
    }

private:
    static MailSettings mailSettings()
    {
        MailSettings settings;
        settings.sender = {QStringLiteral("collectiv-recup@agglo.test"), {}};
        return settings;
    }
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin, m_marie, m_paul, m_anne, m_claire;
    World m_world;
    qint64 m_marieId = 0, m_paulId = 0, m_anneId = 0, m_claireId = 0;
    qint64 m_ad = 0, m_draft = 0, m_request = 0;
};

QTEST_GUILESS_MAIN(TestContactSecurity)
#include "tst_contactsecurity.moc"
