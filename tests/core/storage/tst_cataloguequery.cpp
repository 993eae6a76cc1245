// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "storage/AdRepository.h"
#include "storage/CatalogueQuery.h"
#include "storage/ReferenceRepository.h"
#include "storage/ThumbnailCache.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace Recup;
using namespace Recup::Testing;

class TestCatalogueQuery : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("cataloguequery"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
    }
    void cleanup()
    {
        m_db.reset();
        m_test.reset();
    }

    void newestFirstAndOnlyVisibleStates()
    {
        const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-10);
        const Ad older = publishedAd(*m_db, m_world, QStringLiteral("Bureau ancien"), base);
        const Ad newer
                = publishedAd(*m_db, m_world, QStringLiteral("Bureau récent"), base.addDays(1));
        AdRepository ads(*m_db);
        const auto draft = ads.create(m_world.sampleAd(QStringLiteral("Brouillon privé")),
                                      m_world.ownerActor());
        QVERIFY(draft);
        const auto reserved = ads.transition(
                older.id, {AdAction::Reserve, older.version, {}, {}, 0, {}}, m_world.ownerActor());
        QVERIFY(reserved);

        const auto page = CatalogueQuery(*m_db).page({});
        QVERIFY2(page, qPrintable(page.error().detail));
        QCOMPARE(page->entries.size(), 2);
        QCOMPARE(page->entries.at(0).id, newer.id);
        QCOMPARE(page->entries.at(1).id, older.id);
        QCOMPARE(page->entries.at(1).state, AdState::Reserved);
        QCOMPARE(page->entries.at(0).categoryName, QStringLiteral("Bureaux"));
        QCOMPARE(page->entries.at(0).serviceName, QStringLiteral("Déchets"));
        QCOMPARE(page->entries.at(0).organisationName,
                 QStringLiteral("Communauté d'agglomération"));
        QCOMPARE(page->entries.at(0).siteName, QStringLiteral("Centre technique"));
        QVERIFY(page->atEnd);
    }

    // A lot whose units are all promised is listed as reserved, not as « 0 sur 12 »; it is
    // published again, with what is left, once a part is released.
    void lotWithNothingLeftIsListedAsReserved()
    {
        const Ad lot = publishedLot(*m_db, m_world, 12, 24'000, 60'000);
        AdRepository ads(*m_db);
        const auto five = ads.reservePart(lot.id, m_world.schools, 5, m_world.ownerActor());
        QVERIFY2(five, qPrintable(five.error().detail));
        const auto seven = ads.reservePart(lot.id, m_world.library, 7, m_world.ownerActor());
        QVERIFY2(seven, qPrintable(seven.error().detail));
        QVERIFY(ads.exchangePart(*seven, m_world.ownerActor()));

        auto page = CatalogueQuery(*m_db).page({});
        QVERIFY2(page, qPrintable(page.error().detail));
        QCOMPARE(page->entries.size(), 1);
        QCOMPARE(page->entries.at(0).id, lot.id);
        QCOMPARE(page->entries.at(0).quantityLeft, 0);
        QCOMPARE(page->entries.at(0).state, AdState::Reserved);
        QCOMPARE(ads.get(lot.id, false)->state, AdState::Published); // the ad itself stays

        QVERIFY(ads.releasePart(*five, m_world.ownerActor()));
        page = CatalogueQuery(*m_db).page({});
        QVERIFY2(page, qPrintable(page.error().detail));
        QCOMPARE(page->entries.size(), 1);
        QCOMPARE(page->entries.at(0).quantityLeft, 5);
        QCOMPARE(page->entries.at(0).state, AdState::Published);
    }

    // A page names the first photo by (id, version) and carries no picture; the batch reads its
    // thumbnail (migration 025).
    void pageNamesTheFirstPhotoAndTheBatchReadsIt()
    {
        const Ad ad = publishedWithPhotos(QStringLiteral("Bureau"), {"thumb-1", "thumb-2"});
        const auto page = CatalogueQuery(*m_db).page({});
        QVERIFY2(page, qPrintable(page.error().detail));
        QCOMPARE(page->entries.size(), 1);
        const CatalogueEntry entry = page->entries.first();
        QCOMPARE(entry.photoId, ad.photos.first().id);
        QVERIFY(entry.photoVersion > 0);

        const auto thumbnails = CatalogueQuery(*m_db).thumbnails({entry.photoId});
        QVERIFY2(thumbnails, qPrintable(thumbnails.error().detail));
        QCOMPARE(thumbnails->size(), 1);
        QCOMPARE(thumbnails->first().jpeg, QByteArray("thumb-1"));
        QCOMPARE(thumbnails->first().version, entry.photoVersion);

        // An ad without photo names none.
        publishedAd(*m_db, m_world, QStringLiteral("Sans photo"));
        const auto again = CatalogueQuery(*m_db).page({});
        QCOMPARE(again->entries.first().title, QStringLiteral("Sans photo"));
        QCOMPARE(again->entries.first().photoId, qint64(0));
    }

    // The owner replaces the photo (back to moderation, approved again): the page names a new
    // key, which the cache does not hold, and the batch brings the new picture.
    void changedPhotoGivesANewKeyAndANewThumbnail()
    {
        const Ad ad = publishedWithPhotos(QStringLiteral("Armoire"), {"old-thumb"});
        ThumbnailCache cache;
        auto page = CatalogueQuery(*m_db).page({});
        QVERIFY2(page, qPrintable(page.error().detail));
        const CatalogueEntry before = page->entries.first();
        auto jpegs = cache.thumbnailsOf(*m_db, page->entries);
        QVERIFY2(jpegs, qPrintable(jpegs.error().detail));
        QCOMPARE(jpegs->first(), QByteArray("old-thumb"));
        QVERIFY(cache.holds(before.photoId, before.photoVersion));

        AdRepository ads(*m_db);
        Ad edited = *ads.get(ad.id, true);
        edited.photos = {AdPhoto{0, 0, QByteArray("new-full"), QByteArray("new-thumb")}};
        auto updated = ads.update(edited, m_world.ownerActor());
        QVERIFY2(updated, qPrintable(updated.error().message + updated.error().detail));
        if (updated->state == AdState::Pending) {
            updated = ads.transition(ad.id,
                                     {AdAction::Approve, updated->version, {}, {}, 0, {}},
                                     m_world.moderatorActor());
            QVERIFY2(updated, qPrintable(updated.error().message));
        }

        page = CatalogueQuery(*m_db).page({});
        const CatalogueEntry after = page->entries.first();
        QVERIFY(after.photoId > 0);
        // SQLite may give the new row the old id back: the version still tells them apart.
        QVERIFY(after.photoVersion != before.photoVersion);
        QVERIFY(!cache.holds(after.photoId, after.photoVersion));
        jpegs = cache.thumbnailsOf(*m_db, page->entries);
        QVERIFY2(jpegs, qPrintable(jpegs.error().detail));
        QCOMPARE(jpegs->first(), QByteArray("new-thumb"));
        QVERIFY(cache.holds(after.photoId, after.photoVersion));
    }

    // Only photos of ads in the catalogue come out of the batch: not a draft's nor a pending
    // ad's, whatever ids are asked for.
    void batchReturnsNoThumbnailOfAnAdOutsideTheCatalogue()
    {
        AdRepository ads(*m_db);
        Ad input = m_world.sampleAd(QStringLiteral("Brouillon avec photo"));
        input.photos = {AdPhoto{0, 0, QByteArray("full"), QByteArray("secret-thumb")}};
        const auto draft = ads.create(input, m_world.ownerActor());
        QVERIFY2(draft, qPrintable(draft.error().message));
        const Ad visible = publishedWithPhotos(QStringLiteral("Visible"), {"visible-thumb"});
        const auto found = CatalogueQuery(*m_db).thumbnails(
                {draft->photos.first().id, visible.photos.first().id, 999999});
        QVERIFY2(found, qPrintable(found.error().detail));
        QCOMPARE(found->size(), 1);
        QCOMPARE(found->first().jpeg, QByteArray("visible-thumb"));
    }

    // The cache is bounded by bytes: the oldest thumbnails leave, the page still gets all of
    // its pictures.
    void cacheIsBoundedByBytes()
    {
        for (int i = 0; i < 3; ++i)
            publishedWithPhotos(QStringLiteral("Lot %1").arg(i), {QByteArray(100, char('a' + i))});
        ThumbnailCache cache(250);
        const auto page = CatalogueQuery(*m_db).page({});
        const auto jpegs = cache.thumbnailsOf(*m_db, page->entries);
        QVERIFY2(jpegs, qPrintable(jpegs.error().detail));
        QCOMPARE(jpegs->size(), 3);
        for (const QByteArray &jpeg : *jpegs)
            QCOMPARE(jpeg.size(), 100);
        QVERIFY(cache.heldBytes() <= 250);
        QCOMPARE(cache.heldCount(), 2);
    }

    // At most two statements per page, counted by the server (pg_stat_statements): the page,
    // then one batch for the thumbnails the workstation does not hold; a page seen again: one.
    void aPageCostsAtMostTwoStatements()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("pg_stat_statements is PostgreSQL's");
        QVERIFY(execSql(*m_db,
                        QStringLiteral("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")));
        for (int i = 0; i < 12; ++i)
            publishedWithPhotos(QStringLiteral("Chaise %1").arg(i),
                                {QByteArray("thumb-") + QByteArray::number(i)});
        for (int i = 0; i < 3; ++i)
            publishedAd(*m_db, m_world, QStringLiteral("Sans photo %1").arg(i));
        const QString login = QStringLiteral("cq_statements");
        QVERIFY(enrolLogin(*m_db, login, Role::Agent, m_world.waste) > 0);
        auto agent = m_test->openAs(login);
        QVERIFY(agent);

        ThumbnailCache cache;
        auto loadPage = [&]() -> int {
            const auto page = CatalogueQuery(*agent).page({}, {}, 50);
            if (!page)
                return -1;
            const auto jpegs = cache.thumbnailsOf(*agent, page->entries);
            if (!jpegs)
                return -1;
            int pictures = 0;
            for (const QByteArray &jpeg : *jpegs)
                pictures += !jpeg.isEmpty();
            return pictures;
        };
        QCOMPARE(loadPage(), 12); // prepares the statements on the agent's connection
        cache.clear();
        const QString calls
                = QStringLiteral("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements "
                                 "WHERE userid = (SELECT oid FROM pg_roles WHERE rolname = '%1') "
                                 "AND dbid = (SELECT oid FROM pg_database WHERE datname = "
                                 "current_database())")
                          .arg(login);
        QVERIFY(execSql(*m_db, QStringLiteral("SELECT pg_stat_statements_reset()")));
        QCOMPARE(loadPage(), 12);
        QCOMPARE(countOf(*m_db, calls), 2);

        QVERIFY(execSql(*m_db, QStringLiteral("SELECT pg_stat_statements_reset()")));
        QCOMPARE(loadPage(), 12);
        QCOMPARE(countOf(*m_db, calls), 1); // every thumbnail already held
    }
    void pagingHasNoDuplicateNorGapWhileAdsArrive()
    {
        // 23 ads published at distinct times, several sharing one timestamp to test the id
        // tie-break.
        const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-30);
        QList<qint64> expectedOrder;
        for (int i = 0; i < 23; ++i) {
            const QDateTime at = base.addSecs(3600 * (i / 3)); // three ads per hour
            expectedOrder.prepend(
                    publishedAd(*m_db, m_world, QStringLiteral("Chaise n° %1").arg(i), at).id);
        }
        // Ids grow with time, and with the id breaking ties the catalogue is the reverse order.

        CatalogueQuery catalogue(*m_db);
        QList<qint64> seen;
        CatalogueCursor cursor;
        int pages = 0;
        while (true) {
            const auto page = catalogue.page({}, cursor, 5);
            QVERIFY2(page, qPrintable(page.error().detail));
            for (const CatalogueEntry &e : page->entries)
                seen.append(e.id);
            cursor = page->next;
            ++pages;
            if (pages == 2) {
                // New ads arrive while the user scrolls: they are newer, so they belong before
                // what was already read and must not shift the following pages.
                publishedAd(*m_db, m_world, QStringLiteral("Nouvelle armoire"));
                publishedAd(*m_db, m_world, QStringLiteral("Nouveau bureau"));
            }
            if (page->atEnd)
                break;
            QVERIFY(pages < 20);
        }
        QCOMPARE(seen.size(), 23);
        QCOMPARE(QSet<qint64>(seen.begin(), seen.end()).size(), 23);
        QCOMPARE(seen, expectedOrder);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("expected");
        QTest::newRow("no filter") << QString() << 4;
        QTest::newRow("category Sièges") << QStringLiteral("category") << 1;
        QTest::newRow("service Médiathèque") << QStringLiteral("service") << 1;
        QTest::newRow("organisation Ville-centre") << QStringLiteral("organisation") << 1;
        QTest::newRow("site Hôtel de ville") << QStringLiteral("site") << 2;
        QTest::newRow("category and site together") << QStringLiteral("category+site") << 1;
    }
    void filters()
    {
        QFETCH(QString, filter);
        QFETCH(int, expected);
        AdRepository ads(*m_db);
        auto publish = [&](Ad input, const Actor &owner) {
            auto ad = ads.create(input, owner);
            QVERIFY2(ad, qPrintable(ad.error().message));
            ad = ads.transition(ad->id, {AdAction::Submit, ad->version, {}, {}, 0, {}}, owner);
            ad = ads.transition(ad->id,
                                {AdAction::Approve, ad->version, {}, {}, 0, {}},
                                m_world.moderatorActor());
            QVERIFY(ad);
        };
        Ad chair = m_world.sampleAd(QStringLiteral("Fauteuil"));
        chair.categoryId = m_world.chairs;
        chair.siteId = m_world.townHall;
        publish(chair, m_world.ownerActor());                                      // waste, agglo
        publish(m_world.sampleAd(QStringLiteral("Bureau")), m_world.otherActor()); // library
        Ad desk = m_world.sampleAd(QStringLiteral("Bureau d'angle"));
        desk.siteId = m_world.townHall;
        publish(desk, m_world.moderatorActor()); // schools, city
        publish(m_world.sampleAd(QStringLiteral("Caisson")), m_world.ownerActor());

        CatalogueFilter f;
        if (filter.contains(QLatin1String("category")))
            f.categoryId = m_world.chairs;
        if (filter == QLatin1String("service"))
            f.serviceId = m_world.library;
        if (filter == QLatin1String("organisation"))
            f.organisationId = m_world.city;
        if (filter.contains(QLatin1String("site")))
            f.siteId = m_world.townHall;
        const auto page = CatalogueQuery(*m_db).page(f);
        QVERIFY2(page, qPrintable(page.error().detail));
        QCOMPARE(page->entries.size(), expected);
    }

    void frenchSearch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("one word") << QStringLiteral("armoire")
                                  << QStringList{QStringLiteral("Armoire métallique à rideaux")};
        QTest::newRow("two words, one accented")
                << QStringLiteral("armoire métallique")
                << QStringList{QStringLiteral("Armoire métallique à rideaux")};
        QTest::newRow("accents left out") << QStringLiteral("etagere")
                                          << QStringList{QStringLiteral("Étagère en bois clair")};
        QTest::newRow("capitals and accents")
                << QStringLiteral("ÉTAGÈRE")
                << QStringList{QStringLiteral("Étagère en bois clair")};
        QTest::newRow("start of a word")
                << QStringLiteral("metal")
                << QStringList{QStringLiteral("Armoire métallique à rideaux")};
        QTest::newRow("word from the description")
                << QStringLiteral("tiroirs") << QStringList{QStringLiteral("Caisson mobile")};
        QTest::newRow("two words never together")
                << QStringLiteral("armoire bois") << QStringList{};
        QTest::newRow("elision") << QStringLiteral("l'étagère")
                                 << QStringList{QStringLiteral("Étagère en bois clair")};
        QTest::newRow("hostile text")
                << QStringLiteral("'); DROP TABLE ad; -- \" * : & | !") << QStringList{};
        QTest::newRow("punctuation only shows everything")
                << QStringLiteral(" ?! ")
                << QStringList{QStringLiteral("Caisson mobile"),
                               QStringLiteral("Étagère en bois clair"),
                               QStringLiteral("Armoire métallique à rideaux")};
    }
    void frenchSearch()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        AdRepository ads(*m_db);
        const QList<std::pair<QString, QString>> items{
                {QStringLiteral("Armoire métallique à rideaux"),
                 QStringLiteral("Hauteur 2 m, clé fournie.")},
                {QStringLiteral("Étagère en bois clair"),
                 QStringLiteral("Cinq planches réglables.")},
                {QStringLiteral("Caisson mobile"), QStringLiteral("Trois tiroirs, roulettes.")}};
        const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-3);
        int i = 0;
        for (const auto &[title, description] : items) {
            Ad input = m_world.sampleAd(title);
            input.description = description;
            const QDateTime at = base.addSecs(60 * i++);
            input.createdAt = at;
            auto ad = ads.create(input, m_world.ownerActor());
            QVERIFY(ad);
            ad = ads.transition(
                    ad->id, {AdAction::Submit, ad->version, {}, {}, 0, at}, m_world.ownerActor());
            ad = ads.transition(ad->id,
                                {AdAction::Approve, ad->version, {}, {}, 0, at},
                                m_world.moderatorActor());
            QVERIFY(ad);
        }
        CatalogueFilter filter;
        filter.text = text;
        const auto page = CatalogueQuery(*m_db).page(filter);
        QVERIFY2(page, qPrintable(page.error().detail));
        QStringList titles;
        for (const CatalogueEntry &e : page->entries)
            titles.append(e.title);
        QCOMPARE(titles, expected);
        QCOMPARE(CatalogueQuery(*m_db).page({})->entries.size(), 3); // nothing was dropped
    }

    // Each order pages by keyset, 4 at a time, without a duplicate nor a gap, in the order it
    // promises: nearest site first is the home site, then its organisation's other sites,
    // then the others; by category is by the category's name; newest first inside each.
    void eachSortPagesWithoutDuplicateNorGap_data()
    {
        QTest::addColumn<int>("sort");
        QTest::addColumn<QString>("text");
        QTest::newRow("newest first") << int(CatalogueSort::Newest) << QString();
        QTest::newRow("nearest site first") << int(CatalogueSort::NearestSite) << QString();
        QTest::newRow("by category") << int(CatalogueSort::Category) << QString();
        QTest::newRow("nearest site first, searched")
                << int(CatalogueSort::NearestSite) << QStringLiteral("bureau");
        QTest::newRow("by category, searched")
                << int(CatalogueSort::Category) << QStringLiteral("bureau");
    }
    void eachSortPagesWithoutDuplicateNorGap()
    {
        QFETCH(int, sort);
        QFETCH(QString, text);
        const auto annex = ReferenceRepository(*m_db).addSite({0,
                                                               m_world.agglo,
                                                               QStringLiteral("ANNEXE"),
                                                               QStringLiteral("Annexe nord"),
                                                               QStringLiteral("3 rue du Port"),
                                                               QStringLiteral("86100"),
                                                               QStringLiteral("Val-sur-Vienne")});
        QVERIFY2(annex, qPrintable(annex.error().message));
        const QList<qint64> sites{m_world.depot, *annex, m_world.townHall};
        const QList<qint64> categories{m_world.desks, m_world.chairs};

        struct Made
        {
            qint64 id;
            QDateTime at;
            qint64 site;
            qint64 category;
            bool matches;
        };
        QList<Made> made;
        const QDateTime base = QDateTime::currentDateTimeUtc().addDays(-20);
        for (int i = 0; i < 19; ++i) {
            const QDateTime at = base.addSecs(3600 * (i / 2)); // two ads per hour: id tie-break
            const bool desk = i % 3 != 0;
            Ad input = m_world.sampleAd(desk ? QStringLiteral("Bureau n° %1").arg(i)
                                             : QStringLiteral("Chaise n° %1").arg(i));
            input.description = QStringLiteral("Bon état.");
            input.siteId = sites.at(i % 3 == 0 ? 0 : i % 5 == 0 ? 1 : 2 - i % 2);
            input.categoryId = categories.at(i % 4 == 0 ? 1 : 0);
            input.createdAt = at;
            AdRepository ads(*m_db);
            auto ad = ads.create(input, m_world.ownerActor());
            QVERIFY2(ad, qPrintable(ad.error().message));
            ad = ads.transition(
                    ad->id, {AdAction::Submit, ad->version, {}, {}, 0, at}, m_world.ownerActor());
            ad = ads.transition(ad->id,
                                {AdAction::Approve, ad->version, {}, {}, 0, at},
                                m_world.moderatorActor());
            QVERIFY(ad);
            made.append({ad->id, ad->publishedAt, input.siteId, input.categoryId, desk});
        }

        // The promised order, computed here: group, then newest, then the highest id.
        const auto group = [&](const Made &m) -> int {
            switch (CatalogueSort(sort)) {
            case CatalogueSort::NearestSite:
                return m.site == m_world.depot ? 0 : m.site == *annex ? 1 : 2;
            case CatalogueSort::Category: // "Bureaux" before "Sièges"
                return m.category == m_world.desks ? 0 : 1;
            case CatalogueSort::Newest:
                break;
            }
            return 0;
        };
        QList<Made> expected;
        for (const Made &m : std::as_const(made)) {
            if (text.isEmpty() || m.matches)
                expected.append(m);
        }
        std::sort(expected.begin(), expected.end(), [&](const Made &a, const Made &b) {
            if (group(a) != group(b))
                return group(a) < group(b);
            if (a.at != b.at)
                return a.at > b.at;
            return a.id > b.id;
        });
        QList<qint64> expectedIds;
        for (const Made &m : std::as_const(expected))
            expectedIds.append(m.id);

        CatalogueFilter filter;
        filter.sort = CatalogueSort(sort);
        filter.homeSiteId = m_world.depot;
        filter.text = text;
        CatalogueQuery catalogue(*m_db);
        QList<qint64> seen;
        CatalogueCursor cursor;
        for (int pages = 0;; ++pages) {
            QVERIFY(pages < 20);
            const auto page = catalogue.page(filter, cursor, 4);
            QVERIFY2(page, qPrintable(page.error().message + page.error().detail));
            for (const CatalogueEntry &e : page->entries)
                seen.append(e.id);
            cursor = page->next;
            if (pages == 1) // a new ad of the home site arrives meanwhile: nothing shifts
                publishedAd(*m_db, m_world, QStringLiteral("Bureau arrivé pendant la lecture"));
            if (page->atEnd)
                break;
        }
        QCOMPARE(seen, expectedIds);
    }

    // A word that matches nothing: an empty page at its end, on either backend, not an error.
    void nothingMatches()
    {
        publishedAd(*m_db, m_world, QStringLiteral("Armoire métallique"));
        for (const CatalogueSort sort :
             {CatalogueSort::Newest, CatalogueSort::NearestSite, CatalogueSort::Category}) {
            CatalogueFilter filter;
            filter.text = QStringLiteral("xylophone");
            filter.sort = sort;
            filter.homeSiteId = m_world.townHall;
            const auto page = CatalogueQuery(*m_db).page(filter);
            QVERIFY2(page, qPrintable(page.error().message + page.error().detail));
            QVERIFY(page->entries.isEmpty());
            QVERIFY(page->atEnd);
        }
    }

    // PostgreSQL forgives typos (pg_trgm over the words of published ads, migration 021);
    // SQLite keeps FTS5's prefix search.
    void typoTolerantSearch_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("the issue's example")
                << QStringLiteral("armoir metalique")
                << QStringList{QStringLiteral("Armoire métallique à rideaux")};
        QTest::newRow("a letter wrong")
                << QStringLiteral("chaize") << QStringList{QStringLiteral("Chaise empilable")};
        QTest::newRow("a letter missing, accent left out")
                << QStringLiteral("etagre") << QStringList{QStringLiteral("Étagère en bois")};
        QTest::newRow("a letter too many")
                << QStringLiteral("armoirre rideaux")
                << QStringList{QStringLiteral("Armoire métallique à rideaux")};
        QTest::newRow("prefix as before")
                << QStringLiteral("arm")
                << QStringList{QStringLiteral("Armoire métallique à rideaux")};
        QTest::newRow("a word that is nowhere") << QStringLiteral("xylophone") << QStringList{};
        QTest::newRow("typo and a word of another ad")
                << QStringLiteral("chaize armoire") << QStringList{};
    }
    void typoTolerantSearch()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("SQLite keeps FTS5 prefix search, without typo tolerance");
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        publishedAd(*m_db, m_world, QStringLiteral("Armoire métallique à rideaux"));
        publishedAd(*m_db, m_world, QStringLiteral("Chaise empilable"));
        publishedAd(*m_db, m_world, QStringLiteral("Étagère en bois"));
        CatalogueFilter filter;
        filter.text = text;
        const auto page = CatalogueQuery(*m_db).page(filter);
        QVERIFY2(page, qPrintable(page.error().message + page.error().detail));
        QStringList titles;
        for (const CatalogueEntry &e : page->entries)
            titles.append(e.title);
        QCOMPARE(titles, expected);
    }

    void sortKeysRoundTrip()
    {
        for (const CatalogueSort sort :
             {CatalogueSort::Newest, CatalogueSort::NearestSite, CatalogueSort::Category})
            QCOMPARE(catalogueSortFromKey(catalogueSortKey(sort)), sort);
        QCOMPARE(catalogueSortFromKey(QStringLiteral("whatever")), CatalogueSort::Newest);
    }

private:
    // Published by the world's owner with one photo per thumbnail given (the full pictures
    // "full-N"), approved by its moderator.
    Ad publishedWithPhotos(const QString &title, const QList<QByteArray> &thumbnails)
    {
        AdRepository ads(*m_db);
        Ad input = m_world.sampleAd(title);
        for (int i = 0; i < thumbnails.size(); ++i)
            input.photos.append(
                    AdPhoto{0, i, QByteArray("full-") + QByteArray::number(i), thumbnails.at(i)});
        auto ad = ads.create(input, m_world.ownerActor());
        if (!ad)
            qFatal("create: %s", qPrintable(ad.error().detail));
        ad = ads.transition(
                ad->id, {AdAction::Submit, ad->version, {}, {}, 0, {}}, m_world.ownerActor());
        ad = ads.transition(
                ad->id, {AdAction::Approve, ad->version, {}, {}, 0, {}}, m_world.moderatorActor());
        if (!ad)
            qFatal("approve: %s", qPrintable(ad.error().detail));
        return *ads.get(ad->id, true);
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
};

QTEST_GUILESS_MAIN(TestCatalogueQuery)
#include "tst_cataloguequery.moc"
