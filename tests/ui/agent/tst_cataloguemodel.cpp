// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestDatabase.h"
#include "agent/CatalogueModel.h"
#include "demo/DemoData.h"
#include "storage/CatalogueFeed.h"
#include "storage/Database.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;

class TestCatalogueModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void loadsEveryPublishedAndReservedAd();
    void categoryFilterNarrowsToThatCategory();
    void searchFindsAWordOfATitle();
    void staleGenerationIsIgnored();
    void thumbnailLetGoComesBackWhenShownAgain();
    void ageText_data();
    void ageText();

private:
    // Fetches until the model says there is nothing more; false on timeout or error.
    bool fetchAll(CatalogueModel &model);
    int countInDatabase(const QString &condition, const QVariantMap &values = {});
    QSet<qint64> ids(const CatalogueModel &model);

    std::unique_ptr<Testing::TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
};

void TestCatalogueModel::initTestCase()
{
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("cataloguemodel"));
    m_db = m_test->open();
    QVERIFY(m_db);
    const Status seeded = DemoData::seed(*m_db);
    QVERIFY2(seeded.ok(), qPrintable(seeded.error().message + u" / " + seeded.error().detail));
}

void TestCatalogueModel::cleanupTestCase()
{
    m_db.reset();
    m_test.reset();
}

bool TestCatalogueModel::fetchAll(CatalogueModel &model)
{
    for (int guard = 0; guard < 1000; ++guard) {
        if (!QTest::qWaitFor([&] { return !model.isLoading(); }, 20000))
            return false;
        if (model.lastError())
            return false;
        if (!model.canFetchMore({}))
            return model.atEnd();
        model.fetchMore({});
    }
    return false;
}

int TestCatalogueModel::countInDatabase(const QString &condition, const QVariantMap &values)
{
    QSqlQuery query(m_db->connection());
    query.prepare(u"SELECT count(*) FROM ad WHERE state IN ('published', 'reserved') AND "
                  + condition);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key(), it.value());
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toInt();
}

QSet<qint64> TestCatalogueModel::ids(const CatalogueModel &model)
{
    QSet<qint64> found;
    for (int row = 0; row < model.rowCount(); ++row)
        found.insert(model.index(row, 0).data(Qt::UserRole).toLongLong());
    return found;
}

void TestCatalogueModel::loadsEveryPublishedAndReservedAd()
{
    CatalogueFeed feed(*m_db);
    CatalogueModel model(&feed);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy pages(&model, &CatalogueModel::pageLoaded);

    model.setFilter({});
    QVERIFY(fetchAll(model));

    const int expected = countInDatabase(QStringLiteral("1 = 1"));
    QVERIFY2(expected > CatalogueModel::PageSize,
             "the demo data should hold more than one page of ads");
    QCOMPARE(model.rowCount(), expected);
    QCOMPARE(ids(model).size(), expected); // no duplicate
    QVERIFY(pages.count() >= 2);
    QVERIFY(!model.canFetchMore({}));

    // Newest first, and every row says something readable.
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(!model.index(row, CatalogueModel::TitleColumn).data().toString().isEmpty());
        QVERIFY(!model.index(row, CatalogueModel::AgeColumn).data().toString().isEmpty());
        const QVariant photo
                = model.index(row, CatalogueModel::PhotoColumn).data(Qt::DecorationRole);
        QVERIFY(photo.canConvert<QPixmap>());
        const QPixmap pixmap = photo.value<QPixmap>();
        QCOMPARE(pixmap.deviceIndependentSize().toSize(),
                 QSize(CatalogueModel::ThumbnailSide, CatalogueModel::ThumbnailSide));
        if (row > 0) {
            QVERIFY(model.index(row - 1, 0).data(CatalogueModel::PublishedAtRole).toDateTime()
                    >= model.index(row, 0).data(CatalogueModel::PublishedAtRole).toDateTime());
        }
    }
    // Reserved ads say so; published ones say nothing.
    int reserved = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString state = model.index(row, 0).data(CatalogueModel::StateRole).toString();
        const QString shown = model.index(row, CatalogueModel::StateColumn).data().toString();
        if (state == QLatin1String("reserved")) {
            ++reserved;
            QVERIFY(!shown.isEmpty());
        } else {
            QVERIFY(shown.isEmpty());
        }
    }
    QCOMPARE(reserved, countInDatabase(QStringLiteral("state = 'reserved'")));
}

void TestCatalogueModel::categoryFilterNarrowsToThatCategory()
{
    CatalogueFeed feed(*m_db);
    CatalogueModel model(&feed);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFilter({});
    QVERIFY(fetchAll(model));
    const int all = model.rowCount();

    // The category of the first ad, by its id in the database.
    const qint64 firstAd = model.adId(0);
    QSqlQuery query(m_db->connection());
    query.prepare(QStringLiteral("SELECT category_id FROM ad WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), firstAd);
    QVERIFY(query.exec() && query.next());
    const qint64 categoryId = query.value(0).toLongLong();
    query.finish();
    const QString categoryName = model.index(0, CatalogueModel::CategoryColumn).data().toString();

    CatalogueFilter filter;
    filter.categoryId = categoryId;
    model.setFilter(filter);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(fetchAll(model));
    QVERIFY(model.rowCount() > 0);
    QVERIFY(model.rowCount() < all);
    QCOMPARE(model.rowCount(),
             countInDatabase(QStringLiteral("category_id = :category"),
                             {{QStringLiteral(":category"), categoryId}}));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.index(row, CatalogueModel::CategoryColumn).data().toString(), categoryName);
}

void TestCatalogueModel::searchFindsAWordOfATitle()
{
    CatalogueFeed feed(*m_db);
    CatalogueModel model(&feed);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFilter({});
    QVERIFY(fetchAll(model));
    const int all = model.rowCount();

    // The longest word of a title somewhere in the middle of the list.
    const int row = all / 2;
    const qint64 wanted = model.adId(row);
    const QString title = model.index(row, CatalogueModel::TitleColumn).data().toString();
    QString word;
    for (const QString &candidate :
         title.split(QRegularExpression(QStringLiteral("\\W+"),
                                        QRegularExpression::UseUnicodePropertiesOption),
                     Qt::SkipEmptyParts)) {
        if (candidate.size() > word.size())
            word = candidate;
    }
    QVERIFY2(word.size() >= 4, qPrintable(title));

    CatalogueFilter filter;
    filter.text = word;
    model.setFilter(filter);
    QVERIFY(fetchAll(model));
    QVERIFY2(ids(model).contains(wanted), qPrintable(word));
    QVERIFY2(model.rowCount() < all, qPrintable(word));
}

void TestCatalogueModel::staleGenerationIsIgnored()
{
    CatalogueFeed feed(*m_db);
    CatalogueModel model(&feed);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

    CatalogueFilter first;
    first.text = QStringLiteral("zzzz-nothing-matches-this");
    model.setFilter(first);
    const quint64 old = model.generation();
    model.setFilter({});
    QVERIFY(model.generation() > old);
    QVERIFY(fetchAll(model));
    const int rows = model.rowCount();
    QVERIFY(rows > 0);

    // An answer for the old filter arriving late (as a slow server would deliver it).
    CataloguePage late;
    CatalogueEntry ghost;
    ghost.id = 987654321;
    ghost.title = QStringLiteral("Ghost desk");
    ghost.publishedAt = QDateTime::currentDateTimeUtc();
    late.entries = {ghost};
    late.atEnd = true;
    emit feed.pageReady(old, late);
    emit feed.failed(old, Error{Error::Kind::Connection, QStringLiteral("late failure"), {}, {}});
    QCOMPARE(model.rowCount(), rows);
    QVERIFY(!ids(model).contains(ghost.id));
    QVERIFY(!model.lastError());

    // A real request of the old generation, sent to the worker: its answer is dropped too.
    QSignalSpy answered(&feed, &CatalogueFeed::pageReady);
    feed.requestPage(old, first, {}, 5);
    feed.requestPage(model.generation(), {}, {}, 5);
    QTRY_VERIFY(answered.count() >= 1);
    for (const QList<QVariant> &arguments : answered)
        QCOMPARE(arguments.at(0).toULongLong(), model.generation());
    QCOMPARE(model.rowCount(), rows);
}

void TestCatalogueModel::thumbnailLetGoComesBackWhenShownAgain()
{
    CatalogueFeed feed(*m_db);
    CatalogueModel model(&feed);
    model.setThumbnailsHeld(5);
    QSignalSpy asked(&feed, &CatalogueFeed::thumbnailsReady);

    model.setFilter({});
    QVERIFY(QTest::qWaitFor([&] { return !model.isLoading(); }, 20000));
    // The last photo of the first page: held while the page is the last one read.
    int firstWithPhoto = -1;
    for (int row = model.rowCount() - 1; row >= 0 && firstWithPhoto < 0; --row) {
        if (model.entry(row)->photoId > 0)
            firstWithPhoto = row;
    }
    QVERIFY2(firstWithPhoto >= 0, "the demo's first page should show photos");
    // The rows first, their pictures in one request after.
    QVERIFY(!model.hasThumbnail(firstWithPhoto));
    QTRY_VERIFY(model.hasThumbnail(firstWithPhoto));
    QCOMPARE(asked.count(), 1);
    const QImage before = model.index(firstWithPhoto, CatalogueModel::PhotoColumn)
                                  .data(Qt::DecorationRole)
                                  .value<QPixmap>()
                                  .toImage();

    QVERIFY(fetchAll(model));
    QTRY_VERIFY(!model.thumbnailsPending());
    int withPhoto = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        withPhoto += model.entry(row)->photoId > 0 ? 1 : 0;
    QVERIFY2(withPhoto > 5, "the demo should hold more photos than the model keeps here");
    // Memory stays bounded whatever was scrolled through.
    QCOMPARE(model.heldThumbnails(), 5);
    QVERIFY(!model.hasThumbnail(firstWithPhoto));
    asked.clear(); // nothing is asked again while nobody shows the row
    QTest::qWait(50);
    QCOMPARE(asked.count(), 0);

    // Shown again: the placeholder first, then the same picture, from one request.
    const QPixmap shown = model.index(firstWithPhoto, CatalogueModel::PhotoColumn)
                                  .data(Qt::DecorationRole)
                                  .value<QPixmap>();
    QVERIFY(shown.toImage() != before);
    QSignalSpy repainted(&model, &QAbstractItemModel::dataChanged);
    QTRY_VERIFY(model.hasThumbnail(firstWithPhoto));
    QCOMPARE(asked.count(), 1);
    QVERIFY(!repainted.isEmpty());
    const QModelIndex changed = repainted.last().at(0).toModelIndex();
    QCOMPARE(changed.row(), firstWithPhoto);
    QCOMPARE(model.index(firstWithPhoto, CatalogueModel::PhotoColumn)
                     .data(Qt::DecorationRole)
                     .value<QPixmap>()
                     .toImage(),
             before);
    QCOMPARE(model.heldThumbnails(), 5);
}

void TestCatalogueModel::ageText_data()
{
    QTest::addColumn<QDateTime>("published");
    QTest::addColumn<QString>("expected");
    const QDateTime now(QDate(2026, 5, 20), QTime(15, 0), Qt::LocalTime);
    QTest::newRow("published this morning") << now.addSecs(-6 * 3600) << QStringLiteral("Today");
    QTest::newRow("published yesterday") << now.addDays(-1) << QStringLiteral("Yesterday");
    QTest::newRow("published three days ago") << now.addDays(-3) << QStringLiteral("3 day(s) ago");
    QTest::newRow("published two months ago")
            << now.addMonths(-2) << QStringLiteral("2 month(s) ago");
    QTest::newRow("published a year ago") << now.addMonths(-13) << QStringLiteral("1 year(s) ago");
}

void TestCatalogueModel::ageText()
{
    QFETCH(QDateTime, published);
    QFETCH(QString, expected);
    const QDateTime now(QDate(2026, 5, 20), QTime(15, 0), Qt::LocalTime);
    QCOMPARE(CatalogueModel::ageText(published.toUTC(), now.toUTC()), expected);
}

QTEST_MAIN(TestCatalogueModel)
#include "tst_cataloguemodel.moc"
