// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The figures only moderators see, against totals computed by hand: € of what was exchanged,
// kg given or estimated from the category's unit weight, per closing reason, in a period. On
// PostgreSQL an agent's own login is refused (42501) whatever SQL it runs.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "storage/AdRepository.h"
#include "storage/StatisticsRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestStatistics : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("statistics"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        m_start = QDateTime::currentDateTimeUtc().addSecs(-3600);
        // Two desks, no weight given (estimated: 2 × 40 kg), 120 €, to the schools.
        closed(m_world.desks, 2, 12'000, 0, CloseReason::Exchanged);
        // Four chairs weighed at 30 kg in all, no value given, to the schools.
        closed(m_world.chairs, 4, 0, 30'000, CloseReason::Exchanged);
        // One desk thrown away, 20 kg, 50 €.
        closed(m_world.desks, 1, 5'000, 20'000, CloseReason::Discarded);
        // Still published: not in any figure.
        publishedAd(*m_db, m_world, QStringLiteral("Bureau encore proposé"));
        m_end = QDateTime::currentDateTimeUtc().addSecs(3600);
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

    void totalsPerReasonAreTheHandComputedOnes()
    {
        const auto totals = StatisticsRepository(*m_db).byReason(m_start, m_end);
        QVERIFY2(totals, qPrintable(totals.error().detail));
        QCOMPARE(totals->size(), 2);
        const ReasonTotals &discarded = totals->at(0);
        const ReasonTotals &exchanged = totals->at(1);
        QCOMPARE(discarded.reason, CloseReason::Discarded);
        QCOMPARE(discarded.ads, 1);
        QCOMPARE(discarded.valueCents, 5'000);
        QCOMPARE(discarded.weightGrams, 20'000);
        QCOMPARE(discarded.estimatedWeightGrams, 0);
        QCOMPARE(exchanged.reason, CloseReason::Exchanged);
        QCOMPARE(exchanged.ads, 2);
        QCOMPARE(exchanged.quantity, 6);
        QCOMPARE(exchanged.valueCents, 12'000);
        QCOMPARE(exchanged.weightGrams, 2 * 40'000 + 30'000);
        QCOMPARE(exchanged.estimatedWeightGrams, 2 * 40'000);
    }

    void exchangesPerServiceGivenAndReceived()
    {
        const auto totals = StatisticsRepository(*m_db).byService(m_start, m_end);
        QVERIFY2(totals, qPrintable(totals.error().detail));
        // The owner's service gave both exchanged lots; the schools received them. The lot
        // thrown away is no exchange.
        QCOMPARE(totals->size(), 2);
        for (const ServiceTotals &t : *totals) {
            if (t.serviceId == m_world.waste) {
                QCOMPARE(t.given, 2);
                QCOMPARE(t.received, 0);
                QCOMPARE(t.valueGivenCents, 12'000);
                QCOMPARE(t.weightGivenGrams, 110'000);
            } else {
                QCOMPARE(t.serviceId, m_world.schools);
                QCOMPARE(t.given, 0);
                QCOMPARE(t.received, 2);
                QCOMPARE(t.valueReceivedCents, 12'000);
                QCOMPARE(t.weightReceivedGrams, 110'000);
            }
        }
    }

    void monthsAndFlowsBetweenOrganisations()
    {
        StatisticsRepository figures(*m_db);
        const auto months = figures.byMonth(m_start, m_end);
        QVERIFY2(months, qPrintable(months.error().detail));
        // Everything was closed in this hour: one month (two around midnight of a month's end).
        int exchanged = 0, others = 0;
        qint64 value = 0, weight = 0, estimated = 0;
        for (const MonthTotals &m : *months) {
            QVERIFY2(QDate::fromString(m.month + QStringLiteral("-01"), Qt::ISODate).isValid(),
                     qPrintable(m.month));
            exchanged += m.exchanged;
            others += m.otherClosings;
            value += m.valueCents;
            weight += m.weightGrams;
            estimated += m.estimatedWeightGrams;
        }
        QCOMPARE(exchanged, 2);
        QCOMPARE(others, 1);
        QCOMPARE(value, 12'000);
        QCOMPARE(weight, 110'000);
        QCOMPARE(estimated, 80'000);
        // From the agglomeration's waste service to the city's schools, twice.
        const auto flows = figures.flows(m_start, m_end);
        QVERIFY2(flows, qPrintable(flows.error().detail));
        QCOMPARE(flows->size(), 1);
        QCOMPARE(flows->first().fromOrganisationId, m_world.agglo);
        QCOMPARE(flows->first().toOrganisationId, m_world.city);
        QCOMPARE(flows->first().exchanges, 2);
        QCOMPARE(flows->first().valueCents, 12'000);
        QCOMPARE(flows->first().weightGrams, 110'000);
    }

    void mediansOfTheWaits()
    {
        QCOMPARE(StatisticsRepository::median({}), std::optional<qint64>());
        QCOMPARE(StatisticsRepository::median({30, 10, 20}), std::optional<qint64>(20));
        QCOMPARE(StatisticsRepository::median({40, 10, 20, 30}), std::optional<qint64>(25));
        const auto delays = StatisticsRepository(*m_db).delays(m_start, m_end);
        QVERIFY2(delays, qPrintable(delays.error().detail));
        // The fixture's three approvals (and the still-published ad's) came at once, its two
        // exchanges right after publication: a few seconds at most.
        QCOMPARE(delays->decisions, 4);
        QVERIFY(delays->medianDecisionSeconds && *delays->medianDecisionSeconds < 60);
        QCOMPARE(delays->exchanges, 2);
        QVERIFY(delays->medianTakerSeconds && *delays->medianTakerSeconds < 60);
        const auto none
                = StatisticsRepository(*m_db).delays(m_start.addDays(-9), m_start.addDays(-8));
        QVERIFY(none);
        QCOMPARE(none->decisions, 0);
        QCOMPARE(none->medianDecisionSeconds, std::optional<qint64>());
    }

    void servicesNeverActive()
    {
        // The waste service posted, the schools received; the media library did neither.
        const auto idle = StatisticsRepository(*m_db).neverActiveServices();
        QVERIFY2(idle, qPrintable(idle.error().detail));
        QCOMPARE(*idle, QList<qint64>{m_world.library});
    }

    void aPeriodWithoutClosingsIsEmptyAndAnEmptyPeriodIsRefused()
    {
        const auto before
                = StatisticsRepository(*m_db).byReason(m_start.addDays(-30), m_start.addDays(-29));
        QVERIFY(before);
        QVERIFY(before->isEmpty());
        const auto empty = StatisticsRepository(*m_db).byReason(m_end, m_start);
        QVERIFY(!empty);
        QCOMPARE(empty.error().kind, Error::Kind::Invalid);
        QCOMPARE(StatisticsRepository(*m_db).byService(m_end, m_end).error().kind,
                 Error::Kind::Invalid);
    }

    void onlyModeratorsSeeTheFigures()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("logins and their groups exist on PostgreSQL only");
        QVERIFY(ensureLoginRoles(*m_db));
        const auto agent = m_test->openAs(QStringLiteral("mdupont"));
        const auto moderator = m_test->openAs(QStringLiteral("cbernard"));
        QVERIFY(agent && moderator);
        const auto refused = StatisticsRepository(*agent).byReason(m_start, m_end);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Forbidden);
        QCOMPARE(StatisticsRepository(*agent).byService(m_start, m_end).error().kind,
                 Error::Kind::Forbidden);
        QCOMPARE(StatisticsRepository(*agent).byMonth(m_start, m_end).error().kind,
                 Error::Kind::Forbidden);
        QCOMPARE(StatisticsRepository(*agent).flows(m_start, m_end).error().kind,
                 Error::Kind::Forbidden);
        QCOMPARE(StatisticsRepository(*agent).delays(m_start, m_end).error().kind,
                 Error::Kind::Forbidden);
        QCOMPARE(StatisticsRepository(*agent).neverActiveServices().error().kind,
                 Error::Kind::Forbidden);
        QSqlQuery decisions(agent->connection());
        QVERIFY(!decisions.exec(
                QStringLiteral("SELECT * FROM recup.decisions('-infinity', 'infinity')")));
        QCOMPARE(decisions.lastError().nativeErrorCode(), QStringLiteral("42501"));
        // As with psql: the function itself answers 42501.
        QSqlQuery q(agent->connection());
        QVERIFY(!q.exec(QStringLiteral("SELECT * FROM recup.closed_ads('-infinity', 'infinity')")));
        QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
        const auto seen = StatisticsRepository(*moderator).byReason(m_start, m_end);
        QVERIFY2(seen, qPrintable(seen.error().detail));
        QCOMPARE(seen->size(), 2);
    }

private:
    void
    closed(qint64 category, int quantity, qint64 valueCents, qint64 weightGrams, CloseReason reason)
    {
        AdRepository ads(*m_db);
        Ad input = m_world.sampleAd(QStringLiteral("Lot fermé"));
        input.categoryId = category;
        input.quantity = quantity;
        input.valueCents = valueCents;
        input.weightGrams = weightGrams;
        auto ad = ads.create(input, m_world.ownerActor());
        QVERIFY2(ad, qPrintable(ad.error().message));
        ad = ads.transition(
                ad->id, {AdAction::Submit, ad->version, {}, {}, 0, {}}, m_world.ownerActor());
        QVERIFY(ad);
        ad = ads.transition(
                ad->id, {AdAction::Approve, ad->version, {}, {}, 0, {}}, m_world.moderatorActor());
        QVERIFY(ad);
        TransitionRequest close{AdAction::Close, ad->version, {}, reason, 0, {}};
        if (reason == CloseReason::Exchanged)
            close.receivingServiceId = m_world.schools;
        ad = ads.transition(ad->id, close, m_world.ownerActor());
        QVERIFY2(ad, qPrintable(ad.error().message));
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    QDateTime m_start, m_end;
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
