// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Fixtures.h"
#include "TestDatabase.h"
#include "storage/AdRepository.h"
#include "storage/CatalogueQuery.h"

#include <QSet>
#include <QTest>

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

    void thumbnailOfFirstPhotoOnly()
    {
        AdRepository ads(*m_db);
        Ad input = m_world.sampleAd();
        input.photos = {AdPhoto{0, 0, QByteArray("full-1"), QByteArray("thumb-1")},
                        AdPhoto{0, 1, QByteArray("full-2"), QByteArray("thumb-2")}};
        auto ad = ads.create(input, m_world.ownerActor());
        ad = ads.transition(
                ad->id, {AdAction::Submit, ad->version, {}, {}, 0, {}}, m_world.ownerActor());
        ad = ads.transition(
                ad->id, {AdAction::Approve, ad->version, {}, {}, 0, {}}, m_world.moderatorActor());
        const auto page = CatalogueQuery(*m_db).page({});
        QCOMPARE(page->entries.size(), 1);
        QCOMPARE(page->entries.first().thumbnail, QByteArray("thumb-1"));
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

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
};

QTEST_GUILESS_MAIN(TestCatalogueQuery)
#include "tst_cataloguequery.moc"
