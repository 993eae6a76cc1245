// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Fixtures.h"
#include "TestDatabase.h"
#include "storage/ReferenceRepository.h"

#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestReferenceRepository : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("referencerepository"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

    void listsAreSortedByName()
    {
        ReferenceRepository r(*m_db);
        const auto services = r.services();
        QVERIFY(services);
        QCOMPARE(services->size(), 3);
        QCOMPARE(services->first().name, QStringLiteral("Déchets"));
        QCOMPARE(r.organisations()->size(), 2);
        QCOMPARE(r.sites()->size(), 2);
        QCOMPARE(r.categories()->size(), 3);
        QCOMPARE(r.agents()->size(), 4);
    }

    void categoryKeepsItsExclusion()
    {
        ReferenceRepository r(*m_db);
        const auto computers = r.category(m_world.computers);
        QVERIFY(computers);
        QVERIFY(computers->excluded);
        QVERIFY(computers->excludedMessage.contains(QLatin1String("DSI")));
        QCOMPARE(r.category(m_world.desks)->expiryDays, 60);
        QCOMPARE(r.category(999999).error().kind, Error::Kind::NotFound);
    }

    // What reusing a kilogram of it avoids, with where the factor comes from (issue #10).
    void categoryKeepsItsCo2eFactorAndSource()
    {
        ReferenceRepository r(*m_db);
        Category chairs;
        chairs.code = QStringLiteral("sieges-co2");
        chairs.name = QStringLiteral("Sièges de bureau");
        chairs.defaultUnitWeightGrams = 12'000;
        chairs.co2eGramsPerKg = 3000;
        chairs.co2eSource = QStringLiteral("WRAP 2011, étude du mobilier de bureau");
        const auto id = r.addCategory(chairs);
        QVERIFY2(id, qPrintable(id.error().detail));
        const auto read = r.category(*id);
        QVERIFY(read);
        QCOMPARE(read->co2eGramsPerKg, std::optional<int>(3000));
        QCOMPARE(read->co2eSource, chairs.co2eSource);
        // No factor known: none, not zero.
        QCOMPARE(r.category(m_world.computers)->co2eGramsPerKg, std::optional<int>());
        // A factor without its source is refused by the database itself.
        Category unsourced = chairs;
        unsourced.code = QStringLiteral("tables-co2");
        unsourced.co2eSource = QStringLiteral("  ");
        const auto refused = r.addCategory(unsourced);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
    }

    void agentRolesRoundTrip()
    {
        ReferenceRepository r(*m_db);
        const auto claire = r.agentByLogin(QStringLiteral("cbernard"));
        QVERIFY(claire);
        QVERIFY(claire->roles.testFlag(Role::Moderator));
        QVERIFY(!claire->roles.testFlag(Role::Logistics));
        QCOMPARE(claire->serviceId, m_world.schools);
        QCOMPARE(r.agentByLogin(QStringLiteral("nobody")).error().kind, Error::Kind::NotFound);
    }

    void duplicatesAreRefusedClearly()
    {
        ReferenceRepository r(*m_db);
        const auto again = r.addService(
                {0, m_world.agglo, QStringLiteral("DECHETS"), QStringLiteral("Autre")});
        QVERIFY(!again);
        QCOMPARE(again.error().kind, Error::Kind::Invalid);
        Agent twin;
        twin.login = QStringLiteral("mdupont");
        twin.displayName = QStringLiteral("Homonyme");
        twin.email = QStringLiteral("h@agglo.test");
        twin.serviceId = m_world.waste;
        const auto agent = r.addAgent(twin);
        QVERIFY(!agent);
        QVERIFY(agent.error().message.contains(QLatin1String("mdupont")));
        QCOMPARE(r.agents()->size(), 4);
    }

    void serviceByCode()
    {
        ReferenceRepository r(*m_db);
        QCOMPARE(r.serviceByCode(QStringLiteral("MEDIA"))->id, m_world.library);
        QVERIFY(!r.serviceByCode(QStringLiteral("NOPE")));
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
};

QTEST_GUILESS_MAIN(TestReferenceRepository)
#include "tst_referencerepository.moc"
