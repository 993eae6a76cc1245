// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Fixtures.h"
#include "TestDatabase.h"
#include "demo/DemoData.h"
#include "demo/PlaceholderPicture.h"
#include "domain/PlatformTime.h"
#include "lifecycle/AdLifecycle.h"
#include "media/PhotoScaler.h"
#include "reports/Figures.h"
#include "reports/ReportPeriod.h"
#include "storage/AdRepository.h"
#include "storage/CatalogueQuery.h"
#include "storage/ContactRequestRepository.h"
#include "storage/PickupRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/StatisticsRepository.h"
#include "storage/StoreRepository.h"
#include "storage/WantedAdRepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

// Seeds one database once, then checks that what it holds is what the file says, that every
// ad's history is a story the lifecycle allows, and that the moderators' figures tell the
// platform's story: eighteen months of exchanges, both semesters of the report, both ways
// between the two organisations.
class TestDemoData : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("demodata"));
        m_db = m_test->open();
        QVERIFY(m_db);

        QFile file(DemoData::resourcePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_json = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(!m_json.isEmpty());

        QVERIFY(!DemoData::hasData(*m_db));
        // The day the story was told, so that the semesters are always the same ones: the
        // current one (2026-S2) just into December, the previous one complete. Everything is
        // dated from it; the app and tst_demostorage seed at the real time.
        m_now = QDateTime(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC);
        QElapsedTimer timer;
        timer.start();
        const Status seeded = DemoData::seed(*m_db, m_now);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(seeded, qPrintable(seeded.error().message + u" / " + seeded.error().detail));
        qInfo("demo seeded on %s in %lld ms", qPrintable(TestDatabase::backend()), elapsed);
        QVERIFY(DemoData::hasData(*m_db));

        ReferenceRepository references(*m_db);
        const auto agents = references.agents();
        QVERIFY(agents);
        AdRepository repository(*m_db);
        for (const Agent &agent : *agents) {
            m_agents.insert(agent.id, agent);
            const auto owned = repository.ownedBy(agent.id);
            QVERIFY(owned);
            m_ads += *owned;
        }

        // The figures as a moderator sees them: on PostgreSQL through a moderator's login
        // (the server checks the group), on SQLite the same file.
        if (TestDatabase::backend() == QLatin1String("postgresql")) {
            QVERIFY(ensureLoginRoles(*m_db));
            m_moderatorDb = m_test->openAs(QStringLiteral("cbernard"));
            QVERIFY(m_moderatorDb);
        }
    }
    void cleanupTestCase()
    {
        m_moderatorDb.reset();
        m_db.reset();
        m_test.reset();
    }

    void referenceDataAsInTheFile_data()
    {
        QTest::addColumn<QString>("table");
        QTest::newRow("organisations") << "organisations";
        QTest::newRow("services") << "services";
        QTest::newRow("sites") << "sites";
        QTest::newRow("categories") << "categories";
        QTest::newRow("agents") << "agents";
    }
    void referenceDataAsInTheFile()
    {
        QFETCH(QString, table);
        ReferenceRepository references(*m_db);
        qsizetype count = -1;
        if (table == u"organisations")
            count = references.organisations()->size();
        else if (table == u"services")
            count = references.services()->size();
        else if (table == u"sites")
            count = references.sites()->size();
        else if (table == u"categories")
            count = references.categories()->size();
        else if (table == u"agents")
            count = references.agents()->size();
        QCOMPARE(count, m_json.value(table).toArray().size());
        QVERIFY(count > 0);
    }

    void rolesAsInTheFile()
    {
        int moderators = 0, logistics = 0, admins = 0;
        for (const Agent &agent : std::as_const(m_agents)) {
            moderators += agent.roles.testFlag(Role::Moderator);
            logistics += agent.roles.testFlag(Role::Logistics);
            admins += agent.roles.testFlag(Role::Admin);
        }
        QCOMPARE(moderators, 2);
        QCOMPARE(logistics, 2);
        QCOMPARE(admins, 1);
    }

    void excludedCategoryKeepsItsMessage()
    {
        const auto categories = ReferenceRepository(*m_db).categories();
        QVERIFY(categories);
        int excluded = 0;
        for (const Category &category : *categories) {
            if (category.excluded) {
                ++excluded;
                QVERIFY(category.excludedMessage.contains(u"informatique"));
            }
        }
        QCOMPARE(excluded, 1);
    }

    // The hand-written ads, each in its state; every other ad is a closed one of the history.
    void everyAdIsLoaded()
    {
        QList<Ad> rest = m_ads;
        for (const QJsonValue &v : m_json.value(u"ads").toArray()) {
            const QJsonObject written = v.toObject();
            const auto found = std::find_if(rest.cbegin(), rest.cend(), [&](const Ad &ad) {
                return ad.title == written.value(u"title").toString()
                       && toKey(ad.state) == written.value(u"state").toString();
            });
            QVERIFY2(found != rest.cend(), qPrintable(written.value(u"title").toString()));
            rest.removeAt(found - rest.cbegin());
        }
        QVERIFY2(rest.size() >= 200, qPrintable(QString::number(rest.size())));
        for (const Ad &ad : std::as_const(rest))
            QVERIFY2(ad.state == AdState::Closed, qPrintable(ad.title));
    }

    void everyStateIsPresent_data()
    {
        QTest::addColumn<AdState>("state");
        for (const AdState state : {AdState::Draft,
                                    AdState::Pending,
                                    AdState::Published,
                                    AdState::Reserved,
                                    AdState::Rejected,
                                    AdState::Expired,
                                    AdState::Closed})
            QTest::newRow(qPrintable(toKey(state))) << state;
    }
    void everyStateIsPresent()
    {
        QFETCH(AdState, state);
        int inFile = 0;
        for (const QJsonValue &ad : m_json.value(u"ads").toArray())
            inFile += ad.toObject().value(u"state").toString() == toKey(state);
        const auto inDatabase = std::count_if(
                m_ads.cbegin(), m_ads.cend(), [&](const Ad &ad) { return ad.state == state; });
        QVERIFY(inFile > 0);
        if (state == AdState::Closed) // and the history's
            QVERIFY(int(inDatabase) > inFile);
        else
            QCOMPARE(int(inDatabase), inFile);
    }

    void everyCloseReasonIsPresent_data()
    {
        QTest::addColumn<CloseReason>("reason");
        for (const CloseReason reason : {CloseReason::Exchanged,
                                         CloseReason::Discarded,
                                         CloseReason::Unavailable,
                                         CloseReason::Removed})
            QTest::newRow(qPrintable(toKey(reason))) << reason;
    }
    void everyCloseReasonIsPresent()
    {
        QFETCH(CloseReason, reason);
        int count = 0;
        for (const Ad &ad : std::as_const(m_ads)) {
            if (ad.closeReason != reason)
                continue;
            ++count;
            QCOMPARE(ad.state, AdState::Closed);
            QVERIFY(ad.closedAt.isValid());
            if (reason == CloseReason::Exchanged) {
                QVERIFY(ad.receivingServiceId > 0);
                QVERIFY(ad.receivingServiceId != ad.serviceId);
            }
        }
        QVERIFY(count > 0);
    }

    // Replaying each ad's history through the lifecycle table reaches the ad's current state,
    // with each step taken by someone allowed to, in the past, in order.
    void historiesReplayToTheCurrentState()
    {
        AdRepository repository(*m_db);
        for (const Ad &ad : std::as_const(m_ads)) {
            const auto history = repository.history(ad.id);
            QVERIFY(history);
            QVERIFY(!history->isEmpty());
            const AdHistoryEntry &first = history->first();
            QCOMPARE(first.action, AdAction::Create);
            QVERIFY(!first.fromState.has_value());
            QCOMPARE(first.toState, AdState::Draft);
            // The store's items were someone else's first: the history keeps who.
            qint64 owner = ad.storeSiteId ? first.actorId : ad.ownerId;
            QCOMPARE(first.actorId, owner);
            QCOMPARE(first.at, ad.createdAt);

            AdState state = AdState::Draft;
            QDateTime previous = first.at;
            for (qsizetype i = 1; i < history->size(); ++i) {
                const AdHistoryEntry &entry = history->at(i);
                const QByteArray where = ad.title.toUtf8() + " step " + QByteArray::number(i);
                // The parts of lots come after the contact requests, which the server dates:
                // at the real time of seeding, this suite's m_now being in the past.
                const bool part = entry.action == AdAction::ReservePart
                                  || entry.action == AdAction::ReleasePart
                                  || entry.action == AdAction::ExchangePart;
                QVERIFY2(entry.fromState == state, where.constData());
                QVERIFY2(entry.at > previous || (part && entry.at == previous), where.constData());
                if (entry.action == AdAction::Store) {
                    // Delivered to the store today by the logistics service: the keeper's now.
                    QVERIFY2(m_agents.value(entry.actorId).roles.testFlag(Role::Logistics),
                             where.constData());
                    QCOMPARE(entry.toState, AdState::Published);
                    QVERIFY2(!entry.reason.isEmpty(), where.constData()); // the giving service
                    owner = ad.ownerId;
                    state = AdState::Published;
                    previous = entry.at;
                    continue;
                }
                QVERIFY2(part || entry.at < m_now, where.constData());
                std::optional<AdState> next;
                if (entry.actorId == 0) {
                    next = AdLifecycle::next(state, entry.action, ActorKind::System);
                } else {
                    QVERIFY2(m_agents.contains(entry.actorId), where.constData());
                    if (entry.actorId == owner)
                        next = AdLifecycle::next(state, entry.action, ActorKind::Owner);
                    if (!next && m_agents[entry.actorId].roles.testFlag(Role::Moderator)) {
                        QVERIFY2(entry.actorId != owner, "a moderator moderated their own ad");
                        next = AdLifecycle::next(state, entry.action, ActorKind::Moderator);
                    }
                }
                QVERIFY2(next.has_value(), where.constData());
                QCOMPARE(entry.toState, *next);
                if (entry.action == AdAction::Reject || entry.action == AdAction::Remove)
                    QVERIFY2(!entry.reason.isEmpty(), where.constData());
                state = *next;
                previous = entry.at;
            }
            QCOMPARE(state, ad.state);
        }
    }

    void publishedAdsAreNotOverdue()
    {
        const auto due = AdRepository(*m_db).dueForExpiry(m_now);
        QVERIFY(due);
        QVERIFY(due->isEmpty());
        for (const Ad &ad : std::as_const(m_ads)) {
            if (ad.state == AdState::Published || ad.state == AdState::Reserved) {
                QVERIFY(ad.publishedAt.isValid());
                QVERIFY(ad.publishedAt < m_now);
            }
        }
    }

    void everyAdHasPhotosWithThumbnails()
    {
        AdRepository repository(*m_db);
        for (const Ad &listed : std::as_const(m_ads)) {
            const auto ad = repository.get(listed.id);
            QVERIFY(ad);
            QVERIFY(ad->photos.size() >= 1 && ad->photos.size() <= 3);
            for (const AdPhoto &photo : ad->photos) {
                const QImage thumbnail = PhotoScaler::thumbnailImage(photo.thumbnail);
                QVERIFY(!thumbnail.isNull());
                QVERIFY(qMax(thumbnail.width(), thumbnail.height())
                        <= PhotoScaler::ThumbnailMaxSide);
                QVERIFY(photo.jpeg.size() > photo.thumbnail.size());
            }
        }
    }

    void catalogueShowsPublishedAndReservedAds()
    {
        int visible = 0;
        for (const Ad &ad : std::as_const(m_ads))
            visible += ad.state == AdState::Published || ad.state == AdState::Reserved;
        const auto page = CatalogueQuery(*m_db).page({}, {}, 50);
        QVERIFY2(page, qPrintable(page.error().message + u" / " + page.error().detail));
        QCOMPARE(page->entries.size(), qMin(visible, 50));
        QDateTime previous = m_now;
        for (const CatalogueEntry &entry : page->entries) {
            QVERIFY(entry.state == AdState::Published || entry.state == AdState::Reserved);
            QVERIFY(entry.photoId > 0 && entry.photoVersion > 0);
            QVERIFY(entry.publishedAt <= previous); // newest first
            previous = entry.publishedAt;
        }
    }

    // The figures window's chart by month: the platform opened eighteen months ago with a
    // handful of exchanges a month and now sees fifteen to twenty-five, with a summer dip and
    // a December rush; every month also has ads thrown away, kept or removed.
    void everyMonthOfTheStoryHasExchanges()
    {
        const QDate currentMonth(m_now.date().year(), m_now.date().month(), 1);
        const auto period
                = ReportPeriod::custom(currentMonth.addMonths(-18), currentMonth.addDays(-1));
        QVERIFY(period);
        const auto read = FiguresReader(figures()).read(*period);
        QVERIFY2(read, qPrintable(read.error().detail));
        QHash<QString, MonthTotals> byMonth;
        for (const MonthTotals &m : read->months) {
            byMonth.insert(m.month, m);
            qInfo("%s: %d exchanges, %d other closings, %lld €, %lld kg",
                  qPrintable(m.month),
                  m.exchanged,
                  m.otherClosings,
                  m.valueCents / 100,
                  m.weightGrams / 1000);
        }
        for (int back = 18; back >= 1; --back) {
            const QString month = currentMonth.addMonths(-back).toString(u"yyyy-MM");
            QVERIFY2(byMonth.value(month).exchanged >= 1, qPrintable(month));
            QVERIFY2(byMonth.value(month).otherClosings >= 1, qPrintable(month));
            QVERIFY2(byMonth.value(month).valueCents > 0, qPrintable(month));
        }
        QVERIFY(byMonth.value(u"2025-06"_s).exchanged <= 5);  // the launch
        QVERIFY(byMonth.value(u"2026-11"_s).exchanged >= 15); // now
        QVERIFY(byMonth.value(u"2026-11"_s).exchanged <= 25);
        QVERIFY(byMonth.value(u"2026-08"_s).exchanged < byMonth.value(u"2026-06"_s).exchanged);
        QVERIFY(byMonth.value(u"2025-12"_s).exchanged > byMonth.value(u"2025-11"_s).exchanged);
    }

    // The semester report, current and previous: exchanges, € saved, kg of waste avoided,
    // and waits a moderator would believe.
    void semesterReportsHaveContent_data()
    {
        QTest::addColumn<QDate>("first");
        const QDate today = m_now.date();
        const QDate current(today.year(), today.month() <= 6 ? 1 : 7, 1);
        QTest::newRow("current semester") << current;
        QTest::newRow("previous semester") << current.addMonths(-6);
    }
    void semesterReportsHaveContent()
    {
        QFETCH(QDate, first);
        StatisticsRepository statistics(figures());
        const QDateTime from = at(first), to = at(first.addMonths(6));
        const auto read = statistics.closedAdTotals(from, to, {});
        QVERIFY2(read, qPrintable(read.error().detail));
        const QList<ReasonTotals> *totals = &read->reasons;
        const auto exchanged = std::find_if(totals->cbegin(), totals->cend(), [](const auto &t) {
            return t.reason == CloseReason::Exchanged;
        });
        QVERIFY(exchanged != totals->cend());
        qInfo("%s: %d exchanges, %lld €, %lld kg of which %lld kg estimated",
              qPrintable(first.toString(u"yyyy-MM")),
              exchanged->ads,
              exchanged->valueCents / 100,
              exchanged->weightGrams / 1000,
              exchanged->estimatedWeightGrams / 1000);
        QVERIFY2(exchanged->ads >= 40, qPrintable(QString::number(exchanged->ads)));
        QVERIFY(exchanged->valueCents >= 100 * 1000);   // thousands of euros
        QVERIFY(exchanged->weightGrams >= 1000 * 1000); // tonnes
        QCOMPARE(totals->size(), 4);                    // thrown away, kept and removed too

        const auto waits = statistics.delays(from, to);
        QVERIFY2(waits, qPrintable(waits.error().detail));
        constexpr qint64 hour = 3600, day = 24 * hour;
        qInfo("median waits: %.1f days to a decision, %.1f days to a taker",
              double(waits->medianDecisionSeconds.value_or(0)) / day,
              double(waits->medianTakerSeconds.value_or(0)) / day);
        QVERIFY(waits->medianDecisionSeconds);
        QVERIFY2(*waits->medianDecisionSeconds >= 2 * hour
                         && *waits->medianDecisionSeconds <= 3 * day,
                 qPrintable(QString::number(*waits->medianDecisionSeconds / hour)));
        QVERIFY(waits->medianTakerSeconds);
        QVERIFY2(*waits->medianTakerSeconds >= 7 * day && *waits->medianTakerSeconds <= 28 * day,
                 qPrintable(QString::number(*waits->medianTakerSeconds / day)));
    }

    // Some lots were given without a weight: the reports estimate it from the category's unit
    // weight and say how much is estimated, a minority. One exchange had no € value.
    void someWeightIsEstimated()
    {
        const auto read = StatisticsRepository(figures()).closedAdTotals(
                at(m_now.date().addMonths(-19)), m_now, {});
        QVERIFY2(read, qPrintable(read.error().detail));
        const QList<ReasonTotals> *totals = &read->reasons;
        const auto exchanged = std::find_if(totals->cbegin(), totals->cend(), [](const auto &t) {
            return t.reason == CloseReason::Exchanged;
        });
        QVERIFY(exchanged != totals->cend());
        QVERIFY(exchanged->estimatedWeightGrams > 0);
        QVERIFY(exchanged->estimatedWeightGrams * 5 < exchanged->weightGrams);
        QVERIFY(std::any_of(m_ads.cbegin(), m_ads.cend(), [](const Ad &ad) {
            return ad.closeReason == CloseReason::Exchanged && ad.valueCents == 0;
        }));
    }

    // The logistics service's fortnight: transports in every status over the coming two weeks,
    // one day with four stops from several sites, and a logistics agent to sign in as.
    void transportsInEveryStatusOverTheComingFortnight()
    {
        PickupFilter all;
        const auto pickups = PickupRepository(*m_db).list(all);
        QVERIFY2(pickups, qPrintable(pickups.error().detail));
        QSet<PickupStatus> statuses;
        QHash<QDate, QSet<qint64>> sitesOfDay;
        QHash<QDate, int> stopsOfDay;
        const QDate today = std::max(m_now.date(), platformToday());
        for (const Pickup &p : *pickups) {
            // The store's deliveries are the server's of the seeding day (aStoreWithADozenItems).
            if (p.purpose == PickupPurpose::Store)
                continue;
            statuses.insert(p.status);
            const QDate due = p.plannedDate.isValid() ? p.plannedDate : p.wishedDate;
            QVERIFY2(due >= today && due <= workingDayAfter(today, 10), qPrintable(due.toString()));
            // Asked and planned on working days: the crews do not work on a Sunday.
            QVERIFY2(isWorkingDay(p.wishedDate), qPrintable(p.wishedDate.toString()));
            QVERIFY2(!p.plannedDate.isValid() || isWorkingDay(p.plannedDate),
                     qPrintable(p.plannedDate.toString()));
            if (p.status == PickupStatus::Planned) {
                sitesOfDay[p.plannedDate].insert(p.from.siteId);
                ++stopsOfDay[p.plannedDate];
            }
        }
        qInfo("%lld transports", qsizetype(pickups->size()));
        // Picked up and delivered today only when today is a working day.
        QCOMPARE(statuses.size(), isWorkingDay(today) ? 5 : 3);
        bool busyDay = false;
        for (auto day = stopsOfDay.cbegin(); day != stopsOfDay.cend(); ++day)
            busyDay = busyDay || (day.value() >= 4 && sitesOfDay.value(day.key()).size() >= 2);
        QVERIFY(busyDay);
        const auto agents = ReferenceRepository(*m_db).agents();
        QVERIFY(agents);
        QVERIFY(std::any_of(agents->cbegin(), agents->cend(), [](const Agent &a) {
            return a.roles.testFlag(Role::Logistics) && !a.roles.testFlag(Role::Moderator);
        }));
    }

    // The working days the demo's transports are planned on (France: weekends and public
    // holidays off).
    void workingDaysSkipWeekendsAndHolidays_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<int>("count");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("Saturday: Monday") << QDate(2026, 12, 5) << 0 << QDate(2026, 12, 7);
        QTest::newRow("Friday and one: Monday") << QDate(2026, 12, 4) << 1 << QDate(2026, 12, 7);
        QTest::newRow("Christmas Eve and one: Saturday, Sunday and Christmas skipped")
                << QDate(2026, 12, 24) << 1 << QDate(2026, 12, 28);
        QTest::newRow("Easter Monday 2026 skipped") << QDate(2026, 4, 3) << 1 << QDate(2026, 4, 7);
        QTest::newRow("Ascension 2026 skipped") << QDate(2026, 5, 13) << 1 << QDate(2026, 5, 15);
        QTest::newRow("two weeks") << QDate(2026, 12, 2) << 10 << QDate(2026, 12, 16);
    }
    void workingDaysSkipWeekendsAndHolidays()
    {
        QFETCH(QDate, from);
        QFETCH(int, count);
        QFETCH(QDate, expected);
        QCOMPARE(workingDayAfter(from, count), expected);
        QVERIFY(isWorkingDay(expected));
    }

    // The general store holds a dozen items that waited longest, each given by another service
    // and now its keeper's, published again.
    void aStoreWithADozenItems()
    {
        const auto sites = ReferenceRepository(*m_db).sites();
        QVERIFY(sites);
        const auto store = std::find_if(
                sites->cbegin(), sites->cend(), [](const Site &s) { return s.isStore(); });
        QVERIFY(store != sites->cend());
        const auto stock = StoreRepository(*m_db).stock(store->id);
        QVERIFY2(stock, qPrintable(stock.error().detail));
        QCOMPARE(stock->size(), 12);
        for (const StockItem &item : *stock) {
            QCOMPARE(item.ownerId, store->storeKeeperId);
            QCOMPARE(item.state, AdState::Published);
            QVERIFY(!item.givenBy.isEmpty());
        }
        QVERIFY(m_agents.value(store->storeKeeperId).roles.testFlag(Role::Logistics));
    }

    // The services to tell about the platform: a few, that neither posted nor received.
    void someServicesWereNeverActive()
    {
        const auto idle = StatisticsRepository(figures()).neverActiveServices();
        QVERIFY2(idle, qPrintable(idle.error().detail));
        QVERIFY(idle->size() >= 3 && idle->size() <= 4);
        for (const Ad &ad : std::as_const(m_ads)) {
            QVERIFY(!idle->contains(ad.serviceId));
            QVERIFY(!idle->contains(ad.receivingServiceId));
        }
    }

    // Each organisation's services give to the other's, and receive from them.
    void exchangesFlowBothWaysBetweenTheOrganisations()
    {
        QHash<QString, qint64> organisations;
        const auto known = ReferenceRepository(*m_db).organisations();
        QVERIFY(known);
        for (const Organisation &o : *known)
            organisations.insert(o.code, o.id);
        const auto period = ReportPeriod::custom(m_now.date().addMonths(-19), m_now.date());
        QVERIFY(period);
        const auto read = FiguresReader(figures()).read(*period);
        QVERIFY2(read, qPrintable(read.error().detail));
        const auto flow = [&](const QString &from, const QString &to) {
            for (const OrganisationFlow &f : read->flows) {
                if (f.fromOrganisationId == organisations.value(from)
                    && f.toOrganisationId == organisations.value(to))
                    return f;
            }
            return OrganisationFlow{};
        };
        for (const auto &[from, to] :
             {std::pair{u"CAVV"_s, u"VSV"_s}, std::pair{u"VSV"_s, u"CAVV"_s}}) {
            const OrganisationFlow f = flow(from, to);
            qInfo("%s → %s: %d exchanges", qPrintable(from), qPrintable(to), f.exchanges);
            QVERIFY2(f.exchanges >= 20, qPrintable(from + u" → " + to));
            QVERIFY(f.valueCents > 0 && f.weightGrams > 0);
        }
    }

    // Who asked: a newcomer signed in as Aurélie Garnier finds two requests on her desk, Céline
    // Legrand three on her lot of chairs; each request has its mail to the poster in the
    // outbox, which the demo sends at its start as .eml files.
    void contactRequestsWithTheirMails()
    {
        const auto desk = ContactRequestRepository(*m_db).forAd(
                fileAd(u"Bureau droit 160 × 80 cm avec caisson trois tiroirs"_s));
        QVERIFY(desk);
        QCOMPARE(desk->size(), 2);
        QCOMPARE(desk->at(0).requesterName, u"Laurent Faure"_s);
        QCOMPARE(desk->at(1).requestingServiceName, u"Urbanisme et habitat"_s);
        QVERIFY(desk->at(0).message.contains(u"chef d'équipe"));
        const auto chairs
                = ContactRequestRepository(*m_db).forAd(fileAd(u"Lot de 12 chaises empilables "
                                                               "coque rouge"_s));
        QVERIFY(chairs);
        QCOMPARE(chairs->size(), 3);
        QCOMPARE(chairs->at(0).requestingServiceName, u"Écoles"_s);

        const QJsonArray contacts = m_json.value(u"contacts").toArray();
        QSet<QString> requesters;
        for (const QJsonValue &c : contacts)
            requesters.insert(c.toObject().value(u"from").toString());
        QVERIFY(requesters.size() >= 5); // several identities of the picker asked
        // One mail each, to the poster, naming the request it follows from.
        QSqlQuery mails(m_db->connection());
        QVERIFY(mails.exec(u"SELECT o.recipients, a.email FROM outbox o "
                           "JOIN contact_request c ON c.message_id = o.message_id "
                           "JOIN ad d ON d.id = c.ad_id JOIN agent a ON a.id = d.owner_id "
                           "WHERE o.kind = 'contact' AND o.state = 'queued'"_s));
        int count = 0;
        while (mails.next()) {
            ++count;
            QVERIFY2(mails.value(0).toString().contains(mails.value(1).toString()),
                     qPrintable(mails.value(0).toString()));
        }
        QCOMPARE(count, contacts.size());
    }

    // The lot of twelve chairs as its owner and the catalogue show it: three given to the
    // médiathèque, five held for the schools (the first to ask), « 4 sur 12 disponibles »; the
    // ring binders had a part released, another held.
    void lotsSplitBetweenTheServicesThatAsked()
    {
        const qint64 chairs = fileAd(u"Lot de 12 chaises empilables coque rouge"_s);
        AdRepository ads(*m_db);
        const auto shares = ads.shares(chairs);
        QVERIFY(shares);
        QCOMPARE(shares->quantity, 12);
        QCOMPARE(shares->exchanged, 3);
        QCOMPARE(shares->held, 5);
        QCOMPARE(shares->left(), 4);
        const auto parts = ads.reservations(chairs);
        QVERIFY(parts);
        QCOMPARE(parts->size(), 2);
        const auto services = ReferenceRepository(*m_db).services();
        QVERIFY(services);
        QHash<qint64, QString> names;
        for (const Service &service : *services)
            names.insert(service.id, service.name);
        QCOMPARE(names.value(parts->at(0).serviceId), u"Réseau des médiathèques"_s);
        QCOMPARE(parts->at(0).state, ReservationState::Exchanged);
        QCOMPARE(names.value(parts->at(1).serviceId), u"Écoles"_s);
        QCOMPARE(parts->at(1).state, ReservationState::Held);
        QCOMPARE(ads.get(chairs, false)->state, AdState::Published);

        // In the catalogue, among the newest: 4 left of 12.
        const auto page = CatalogueQuery(*m_db).page({}, {}, 50);
        QVERIFY(page);
        const auto entry = std::find_if(page->entries.cbegin(),
                                        page->entries.cend(),
                                        [&](const CatalogueEntry &e) { return e.id == chairs; });
        QVERIFY(entry != page->entries.cend());
        QCOMPARE(entry->quantity, 12);
        QCOMPARE(entry->quantityLeft, 4);

        const qint64 binders = fileAd(u"Classeurs à levier dos 8 cm, couleurs assorties"_s);
        const auto binderShares = ads.shares(binders);
        QVERIFY(binderShares);
        QCOMPARE(binderShares->held, 15);
        QCOMPARE(binderShares->left(), 25);
        const auto binderParts = ads.reservations(binders);
        QVERIFY(binderParts);
        QCOMPARE(binderParts->size(), 2);
        QCOMPARE(binderParts->at(0).state, ReservationState::Released);
    }

    // Wanted ads and their alerts: Nadia Rousseau's search for chairs was matched by two
    // approvals (same category), Hélène Perrin's by a keyword, Karim Benali's by the oak
    // wardrobe; Laurent Faure's fridge is still looked for. One mail per alert.
    void wantedAdsWithTheirAlerts()
    {
        const auto alertsOf = [&](const QString &login) {
            for (const Agent &agent : std::as_const(m_agents)) {
                if (agent.login == login)
                    return WantedAdRepository(*m_db).alertsOf(agent.id).value();
            }
            return QList<WantedMatch>{};
        };
        const QList<WantedMatch> nadia = alertsOf(u"nrousseau"_s);
        QCOMPARE(nadia.size(), 2);
        QSet<QString> matched;
        for (const WantedMatch &match : nadia)
            matched.insert(match.adTitle);
        QVERIFY(matched.contains(u"Lot de 12 chaises empilables coque rouge"_s));
        const QList<WantedMatch> helene = alertsOf(u"hperrin"_s);
        QCOMPARE(helene.size(), 1);
        QCOMPARE(helene.first().adTitle, u"Fauteuils de bureau bleus à accoudoirs réglables"_s);
        const QList<WantedMatch> karim = alertsOf(u"kbenali"_s);
        QCOMPARE(karim.size(), 1);
        QCOMPARE(karim.first().wantedTitle, u"Recherche : 4 armoires métalliques hautes"_s);
        QVERIFY(alertsOf(u"lfaure"_s).isEmpty());

        const auto open = WantedAdRepository(*m_db).openAds();
        QVERIFY(open);
        QCOMPARE(open->size(), m_json.value(u"wantedAds").toArray().size());
        QSqlQuery mails(m_db->connection());
        QVERIFY(mails.exec(u"SELECT count(*) FROM outbox WHERE kind = 'wanted-match'"_s));
        QVERIFY(mails.next());
        QCOMPARE(mails.value(0).toInt(), 4);
    }

    void seedingTwiceIsRefused()
    {
        const Status again = DemoData::seed(*m_db, m_now);
        QVERIFY(!again);
        QCOMPARE(again.error().kind, Error::Kind::Conflict);
        QVERIFY(!again.error().message.isEmpty());
        QCOMPARE(ReferenceRepository(*m_db).organisations()->size(),
                 m_json.value(u"organisations").toArray().size());
    }

    // Shapes only: a suite built on QCoreApplication has no fonts, and any warning fails it.
    void placeholderDrawsEveryCategoryWithoutFonts_data()
    {
        QTest::addColumn<QString>("code");
        for (const QJsonValue &category : m_json.value(u"categories").toArray()) {
            const QString code = category.toObject().value(u"code").toString();
            QTest::newRow(qPrintable(code)) << code;
        }
        QTest::newRow("unknown category") << "inconnue";
    }
    void placeholderDrawsEveryCategoryWithoutFonts()
    {
        QFETCH(QString, code);
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
        const QImage wide = PlaceholderPicture::draw(code, 3);
        QCOMPARE(wide.size(), QSize(800, 600));
        const QImage small = PlaceholderPicture::draw(code, 4, {160, 90});
        QCOMPARE(small.size(), QSize(160, 90));
        // Something is drawn in the middle: not one flat colour.
        QSet<QRgb> colours;
        for (int y = 150; y < 450; y += 20) {
            for (int x = 200; x < 600; x += 20)
                colours.insert(wide.pixel(x, y));
        }
        QVERIFY(colours.size() > 8);
        QVERIFY(PlaceholderPicture::draw(code, 0) != PlaceholderPicture::draw(code, 1));
    }

private:
    // The id of the file's own ad of that title (the history's have other titles).
    qint64 fileAd(const QString &title) const
    {
        for (const Ad &ad : m_ads) {
            if (ad.title == title && ad.state != AdState::Closed)
                return ad.id;
        }
        return 0;
    }
    // Where the figures are read: a moderator's session on PostgreSQL.
    Database &figures() { return m_moderatorDb ? *m_moderatorDb : *m_db; }
    // Midnight UTC of a day: closings come at office hours, far from any month's edge.
    static QDateTime at(const QDate &day) { return QDateTime(day, QTime(0, 0), Qt::UTC); }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_moderatorDb;
    QJsonObject m_json;
    QDateTime m_now;
    QHash<qint64, Agent> m_agents;
    QList<Ad> m_ads;
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
