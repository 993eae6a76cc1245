// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// « Magasin général »: the store's stock as its keeper, another agent and a moderator see it
// (on PostgreSQL through their own logins): longest stored first, given by whom, the value for
// moderators only; the keeper throws an item away with a reason, nothing without one; someone
// who is not its keeper is not offered to.
#include "Fixtures.h"
#include "Screens.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "WindowWaits.h"
#include "common/MessageBar.h"
#include "domain/PlatformTime.h"
#include "logistics/StockModel.h"
#include "logistics/StoreWindow.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/PickupRepository.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QLibraryInfo>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTranslator>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestStoreWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void theKeeperSeesTheStockAndThrowsAwayWithAReason();
    void othersAreNotOfferedToThrowAway();
    void moderatorsSeeTheValue();
    void aModeratorsRemovalMailsTheKeeper();
    void screenshot();

private:
    std::unique_ptr<StoreWindow> openWindow(Database &db, qint64 agentId);
    qint64 stored(const QString &title);

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<Database> m_keeperDb;    // Paul Martin, of the library, keeps the store
    std::unique_ptr<Database> m_ownerDb;     // Marie Dupont, who gave the items
    std::unique_ptr<Database> m_moderatorDb; // Claire Bernard
    World m_world;
    qint64 m_store = 0;
};

void TestStoreWindow::initTestCase()
{
    RECUP_CREATE_TEST_DATABASE(m_test, u"storewindow"_s);
    m_admin = m_test->open();
    QVERIFY(m_admin);
    m_world = makeWorld(*m_admin);
    if (TestDatabase::backend() == "postgresql"_L1)
        QVERIFY(ensureLoginRoles(*m_admin));
    ReferenceRepository references(*m_admin);
    Site store;
    store.organisationId = m_world.city;
    store.code = u"MAG"_s;
    store.name = u"Magasin général"_s;
    m_store = *references.addSite(store);
    QVERIFY(references.setStore(m_store, m_world.library, m_world.other));
    m_keeperDb = m_test->openAs(u"pmartin"_s);
    m_ownerDb = m_test->openAs(u"mdupont"_s);
    m_moderatorDb = m_test->openAs(u"cbernard"_s);
    QVERIFY(m_keeperDb && m_ownerDb && m_moderatorDb);
}

void TestStoreWindow::cleanupTestCase()
{
    m_keeperDb.reset();
    m_ownerDb.reset();
    m_moderatorDb.reset();
    m_admin.reset();
    m_test.reset();
}

std::unique_ptr<StoreWindow> TestStoreWindow::openWindow(Database &db, qint64 agentId)
{
    const auto agent = ReferenceRepository(db).agent(agentId);
    if (!agent)
        return {};
    auto window = std::make_unique<StoreWindow>(db, *agent);
    window->setReasonRunner([](const StockItem &) {
        qWarning("unexpected reason dialog");
        return std::optional<QString>();
    });
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return {};
    if (!QTest::qWaitFor([&] { return db.references().isLoaded(); }, 15'000))
        return {};
    window->refresh();
    if (!waitIdle(*window))
        return {};
    return window;
}

// A published ad of Marie's, taken to the store and delivered there.
qint64 TestStoreWindow::stored(const QString &title)
{
    const Ad ad = publishedAd(*m_admin, m_world, title);
    PickupRequest request;
    request.from = {ad.siteId, {}, {}, ad.room, u"Marie Dupont"_s, {}};
    request.to = {m_store, {}, {}, u"Travée 1"_s, {}, {}};
    request.wishedDate = platformToday();
    PickupRepository pickups(*m_admin);
    Actor logistics{m_world.moderator, true, false};
    logistics.logistics = true;
    auto p = pickups.sendToStore(ad.id, request, m_world.ownerActor());
    if (p)
        p = pickups.plan(p->id, p->version, platformToday(), u"A"_s, 1, logistics);
    if (p)
        p = pickups.markPickedUp(p->id, p->version, logistics);
    if (p)
        p = pickups.markDelivered(p->id, p->version, logistics);
    if (!p) {
        qWarning() << p.error().message << p.error().detail;
        return 0;
    }
    return ad.id;
}

void TestStoreWindow::theKeeperSeesTheStockAndThrowsAwayWithAReason()
{
    const qint64 first = stored(u"Armoire forte"_s);
    const qint64 second = stored(u"Chaises pliantes"_s);
    QVERIFY(first && second);
    auto window = openWindow(*m_keeperDb, m_world.other);
    QVERIFY(window);
    QAbstractItemModelTester tester(window->model());
    QCOMPARE(window->storeSiteId(), m_store);
    QCOMPARE(window->model()->rowCount(), 2);
    QCOMPARE(window->model()->item(0)->adId, first); // longest stored first
    QCOMPARE(window->model()->index(0, StockModel::GivenByColumn).data().toString(),
             window->model()->item(0)->givenBy);
    QVERIFY(!window->model()->item(0)->givenBy.isEmpty());
    QVERIFY(window->totalsText().contains(u"in stock"_s));
    auto *view = window->findChild<QTableView *>(u"stockView"_s);
    QVERIFY(view->isColumnHidden(StockModel::ValueColumn)); // the moderators' figure

    // No reason: nothing changes, and the window says why.
    QVERIFY(window->selectItem(first));
    auto *discard = window->findChild<QPushButton *>(u"discardButton"_s);
    QVERIFY(discard->isEnabled());
    window->setReasonRunner([](const StockItem &) { return std::optional<QString>(u"  "_s); });
    discard->click();
    QVERIFY(window->messageBar()->text().contains(u"Say why"_s));
    QCOMPARE(AdRepository(*m_admin).get(first, false)->state, AdState::Published);

    window->setReasonRunner([](const StockItem &item) {
        return std::optional<QString>(u"Au magasin depuis huit mois : "_s + item.title);
    });
    discard->click();
    QVERIFY(waitIdle(*window));
    QTRY_COMPARE(window->model()->rowCount(), 1);
    const auto thrown = AdRepository(*m_admin).get(first, false);
    QCOMPARE(thrown->state, AdState::Closed);
    QCOMPARE(thrown->closeReason, std::optional(CloseReason::Discarded));
    QCOMPARE(thrown->closeNote, u"Au magasin depuis huit mois : Armoire forte"_s);
    QVERIFY(window->messageBar()->text().contains(u"thrown away"_s));
}

void TestStoreWindow::othersAreNotOfferedToThrowAway()
{
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(window->model()->rowCount() >= 1);
    QVERIFY(window->selectItem(window->model()->item(0)->adId));
    QVERIFY(!window->findChild<QPushButton *>(u"discardButton"_s)->isEnabled());
    // On PostgreSQL the value is the keeper's and the moderators' only.
    if (TestDatabase::backend() == "postgresql"_L1)
        QVERIFY(!window->model()->item(0)->valueCents.has_value());
}

void TestStoreWindow::moderatorsSeeTheValue()
{
    auto window = openWindow(*m_moderatorDb, m_world.moderator);
    QVERIFY(window);
    auto *view = window->findChild<QTableView *>(u"stockView"_s);
    QVERIFY(!view->isColumnHidden(StockModel::ValueColumn));
    QVERIFY(window->model()->rowCount() >= 1);
    QVERIFY(window->model()->item(0)->valueCents.has_value());
    QVERIFY(!window->model()->index(0, StockModel::ValueColumn).data().toString().isEmpty());
}

void TestStoreWindow::aModeratorsRemovalMailsTheKeeper()
{
    const qint64 item = stored(u"Fauteuil percé"_s);
    QVERIFY(item);
    auto window = openWindow(*m_moderatorDb, m_world.moderator);
    QVERIFY(window);
    QVERIFY(window->selectItem(item));
    auto *discard = window->findChild<QPushButton *>(u"discardButton"_s);
    QVERIFY(discard->isEnabled());
    window->setReasonRunner(
            [](const StockItem &) { return std::optional<QString>(u"Hors d'usage."_s); });
    discard->click();
    QVERIFY(waitIdle(*window));
    QTRY_VERIFY(window->messageBar()->text().contains(u"removed"_s));
    const auto removed = AdRepository(*m_admin).get(item, false);
    QCOMPARE(removed->closeReason, std::optional(CloseReason::Removed));
    // The same action as the moderation window's: the item's holder, the keeper, is told.
    QCOMPARE(countOf(*m_admin,
                     u"SELECT count(*) FROM outbox o JOIN ad_history h ON h.id = o.action_id "
                     "WHERE o.kind = 'ad-removed' AND h.ad_id = %1 AND h.action = 'remove' "
                     "AND o.recipients = 'pmartin@agglo.test'"_s.arg(item)),
             1);
}

void TestStoreWindow::screenshot()
{
    const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked: RECUP_SCREENSHOT_DIR=/tmp/shots-store
    QVERIFY(QDir().mkpath(dir));
    const FrenchScreens french;
    QVERIFY(french.loaded());
    for (const QString &title : {u"Bureau d’angle avec retour"_s,
                                 u"Vestiaires métalliques deux portes"_s,
                                 u"Tableaux blancs magnétiques 120 × 90 cm"_s})
        QVERIFY(stored(title));
    auto window = openWindow(*m_moderatorDb, m_world.moderator);
    QVERIFY(window);
    window->selectItem(window->model()->item(0)->adId);
    QVERIFY(saveScreen(*window, QDir(dir).filePath(u"store-window.png"_s)));
}

QTEST_MAIN(TestStoreWindow)
#include "tst_storewindow.moc"
