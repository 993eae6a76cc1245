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
using namespace Qt::StringLiterals;

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
        // A month would begin here: the lots below belong to the second.
        QTest::qWait(20);
        m_between = QDateTime::currentDateTimeUtc();
        QTest::qWait(20);
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
        const auto read = totals();
        QVERIFY2(read, qPrintable(read.error().detail));
        const QList<ReasonTotals> &totals = read->reasons;
        QCOMPARE(totals.size(), 2);
        const ReasonTotals &discarded = totals.at(0);
        const ReasonTotals &exchanged = totals.at(1);
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

    void exchangesPerCategory()
    {
        const auto read = totals();
        QVERIFY2(read, qPrintable(read.error().detail));
        // The desk thrown away is no exchange: one desk lot, one chair lot.
        QCOMPARE(read->categories.size(), 2);
        for (const CategoryTotals &c : read->categories) {
            QCOMPARE(c.ads, 1);
            if (c.categoryId == m_world.desks) {
                QCOMPARE(c.quantity, 2);
                QCOMPARE(c.weightGrams, 80'000);
                QCOMPARE(c.estimatedWeightGrams, 80'000);
            } else {
                QCOMPARE(c.categoryId, m_world.chairs);
                QCOMPARE(c.valueCents, 0);
                QCOMPARE(c.weightGrams, 30'000);
                QCOMPARE(c.estimatedWeightGrams, 0);
            }
        }
    }

    void exchangesPerServiceGivenAndReceived()
    {
        const auto read = totals();
        QVERIFY2(read, qPrintable(read.error().detail));
        // The owner's service gave both exchanged lots; the schools received them. The lot
        // thrown away is no exchange.
        QCOMPARE(read->exchanges.size(), 1);
        QCOMPARE(read->exchanges.first().givingServiceId, m_world.waste);
        QCOMPARE(read->exchanges.first().receivingServiceId, m_world.schools);
        QCOMPARE(read->exchanges.first().exchanges, 2);
        QCOMPARE(read->exchanges.first().valueCents, 12'000);
        QCOMPARE(read->exchanges.first().weightGrams, 110'000);
        QCOMPARE(read->services.size(), 2);
        for (const ServiceTotals &t : read->services) {
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

    // The months are the caller's: a closing belongs to the last month begun by then.
    void closingsFallInTheMonthTheyWereClosedIn()
    {
        const auto read = StatisticsRepository(*m_db).closedAdTotals(
                m_start, m_end, {{u"first"_s, m_start}, {u"second"_s, m_between}});
        QVERIFY2(read, qPrintable(read.error().detail));
        QCOMPARE(read->months.size(), 2);
        const MonthTotals &first = read->months.at(0);
        const MonthTotals &second = read->months.at(1);
        QCOMPARE(first.month, u"first"_s);
        QCOMPARE(first.exchanged, 1); // the desks
        QCOMPARE(first.otherClosings, 0);
        QCOMPARE(first.valueCents, 12'000);
        QCOMPARE(first.weightGrams, 80'000);
        QCOMPARE(first.estimatedWeightGrams, 80'000);
        QCOMPARE(second.month, u"second"_s);
        QCOMPARE(second.exchanged, 1); // the chairs
        QCOMPARE(second.otherClosings, 1);
        QCOMPARE(second.valueCents, 0);
        QCOMPARE(second.weightGrams, 30'000);
        QCOMPARE(second.estimatedWeightGrams, 0);
        // A month with nothing in it is there, with zeros.
        const auto later = StatisticsRepository(*m_db).closedAdTotals(
                m_start, m_end, {{u"now"_s, m_start}, {u"next"_s, m_end.addSecs(-1)}});
        QVERIFY(later);
        QCOMPARE(later->months.at(0).exchanged, 2);
        QCOMPARE(later->months.at(1).month, u"next"_s);
        QCOMPARE(later->months.at(1).exchanged + later->months.at(1).otherClosings, 0);
    }

    void mediansOfTheWaits()
    {
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
        QCOMPARE(none->exchanges, 0);
        QCOMPARE(none->medianTakerSeconds, std::optional<qint64>());
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
        const auto before = StatisticsRepository(*m_db).closedAdTotals(
                m_start.addDays(-30), m_start.addDays(-29), {{u"then"_s, m_start.addDays(-30)}});
        QVERIFY(before);
        QVERIFY(before->reasons.isEmpty());
        QVERIFY(before->categories.isEmpty() && before->services.isEmpty());
        QCOMPARE(before->months.size(), 1);
        QCOMPARE(before->months.first().exchanged, 0);
        const auto empty = StatisticsRepository(*m_db).closedAdTotals(m_end, m_start, {});
        QVERIFY(!empty);
        QCOMPARE(empty.error().kind, Error::Kind::Invalid);
        QCOMPARE(StatisticsRepository(*m_db).delays(m_end, m_end).error().kind,
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
        const auto refused = StatisticsRepository(*agent).closedAdTotals(m_start, m_end, {});
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Forbidden);
        QCOMPARE(StatisticsRepository(*agent).receivedByFamily(m_start, m_end).error().kind,
                 Error::Kind::Forbidden);
        QCOMPARE(StatisticsRepository(*agent).delays(m_start, m_end).error().kind,
                 Error::Kind::Forbidden);
        QCOMPARE(StatisticsRepository(*agent).neverActiveServices().error().kind,
                 Error::Kind::Forbidden);
        // As with psql: each function itself answers 42501.
        for (const QString &call : {u"recup.closed_ads('-infinity', 'infinity')"_s,
                                    u"recup.closed_ad_totals('-infinity', 'infinity', '{}')"_s,
                                    u"recup.median_waits('-infinity', 'infinity')"_s,
                                    u"recup.inactive_services()"_s}) {
            QSqlQuery q(agent->connection());
            QVERIFY2(!q.exec(u"SELECT * FROM "_s + call), qPrintable(call));
            QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("42501"));
        }
        // The waits are the server's: nobody shortens them in the history, not even a
        // moderator, and a history row cannot be written with one.
        for (Database *login : {agent.get(), moderator.get()}) {
            QSqlQuery forged(login->connection());
            QVERIFY(!forged.exec(u"UPDATE recup.ad_history SET pending_since = at"_s));
            QCOMPARE(forged.lastError().nativeErrorCode(), QStringLiteral("42501"));
            QVERIFY(!forged.exec(u"INSERT INTO recup.ad_history (ad_id, action, to_state, "
                                 "pending_since) SELECT id, 'approve', 'published', now() "
                                 "FROM recup.ad LIMIT 1"_s));
            QCOMPARE(forged.lastError().nativeErrorCode(), QStringLiteral("42501"));
        }
        const auto seen = StatisticsRepository(*moderator).closedAdTotals(m_start, m_end, {});
        QVERIFY2(seen, qPrintable(seen.error().detail));
        QCOMPARE(seen->reasons.size(), 2);
    }

    // « Lot de 12 chaises », 240 € and 60 kg: 5 given to the schools in June count 100 € and
    // 25 kg for them; the 7 given to the library in August, which close the ad, 140 € and
    // 35 kg, and the closed ad nothing more. Last: the library has received something since.
    void aPartGivenCountsItsShare()
    {
        const Ad lot = publishedLot(*m_db, m_world, 12, 24'000, 60'000);
        AdRepository ads(*m_db);
        const QDateTime june(QDate(2030, 6, 1), QTime(0, 0), Qt::UTC);
        const QDateTime august(QDate(2030, 8, 1), QTime(0, 0), Qt::UTC);
        const auto five = ads.reservePart(
                lot.id, m_world.schools, 5, m_world.ownerActor(), june.addDays(3));
        QVERIFY2(five, qPrintable(five.error().message + u' ' + five.error().detail));
        QVERIFY(ads.exchangePart(*five, m_world.ownerActor(), june.addDays(14)));
        const auto seven = ads.reservePart(
                lot.id, m_world.library, 7, m_world.ownerActor(), august.addDays(2));
        QVERIFY2(seven, qPrintable(seven.error().message));
        const auto rest = ads.exchangePart(*seven, m_world.ownerActor(), august.addDays(9));
        QVERIFY2(rest, qPrintable(rest.error().message + u' ' + rest.error().detail));
        QCOMPARE(ads.get(lot.id, false)->state, AdState::Closed);

        struct Expected
        {
            QDateTime from;
            qint64 receiver;
            int quantity;
            qint64 valueCents;
            qint64 weightGrams;
        };
        for (const Expected &e : {Expected{june, m_world.schools, 5, 10'000, 25'000},
                                  Expected{august, m_world.library, 7, 14'000, 35'000}}) {
            const QDateTime to = e.from.addMonths(1);
            const auto read
                    = StatisticsRepository(*m_db).closedAdTotals(e.from, to, {{u"m"_s, e.from}});
            QVERIFY2(read, qPrintable(read.error().detail));
            QCOMPARE(read->reasons.size(), 1);
            const ReasonTotals &exchanged = read->reasons.first();
            QCOMPARE(exchanged.reason, CloseReason::Exchanged);
            QCOMPARE(exchanged.ads, 1);
            QCOMPARE(exchanged.quantity, e.quantity);
            QCOMPARE(exchanged.valueCents, e.valueCents);
            QCOMPARE(exchanged.weightGrams, e.weightGrams);
            QCOMPARE(exchanged.estimatedWeightGrams, 0);
            QCOMPARE(read->exchanges.size(), 1);
            QCOMPARE(read->exchanges.first().givingServiceId, m_world.waste);
            QCOMPARE(read->exchanges.first().receivingServiceId, e.receiver);
            QCOMPARE(read->exchanges.first().valueCents, e.valueCents);
            QCOMPARE(read->exchanges.first().weightGrams, e.weightGrams);
            for (const ServiceTotals &t : read->services) {
                if (t.serviceId == e.receiver) {
                    QCOMPARE(t.received, 1);
                    QCOMPARE(t.valueReceivedCents, e.valueCents);
                    QCOMPARE(t.weightReceivedGrams, e.weightGrams);
                }
            }
            // The facts every other figure reads (families, reuse declaration, report CSV).
            const auto families = StatisticsRepository(*m_db).receivedByFamily(e.from, to);
            QVERIFY(families);
            qint64 quantity = 0, value = 0;
            for (const FamilyReceived &f : *families) {
                quantity += f.quantity;
                value += f.valueCents;
            }
            QCOMPARE(quantity, e.quantity);
            QCOMPARE(value, e.valueCents);
        }
        const auto never = StatisticsRepository(*m_db).neverActiveServices();
        QVERIFY(never);
        QVERIFY(!never->contains(m_world.library));
    }

private:
    void
    closed(qint64 category, int quantity, qint64 valueCents, qint64 weightGrams, CloseReason reason)
    {
        closedLot(*m_db, m_world, category, quantity, valueCents, weightGrams, reason);
    }

    Result<ClosedAdTotals> totals() const
    {
        return StatisticsRepository(*m_db).closedAdTotals(m_start, m_end, {{u"now"_s, m_start}});
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    QDateTime m_start, m_between, m_end;
};

QTEST_GUILESS_MAIN(TestStatistics)
#include "tst_statistics.moc"
