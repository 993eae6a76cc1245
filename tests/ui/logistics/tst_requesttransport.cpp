// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// « Ask for a transport… » in the logistics window: a moderator picks an item given with no
// transport under way and asks for one (on PostgreSQL through their own login: the row-level
// security lets a moderator read the closed ads and write the request); logistics staff who
// are not moderators are not offered it; a closed site is never offered.
#include "Fixtures.h"
#include "Screens.h"
#include "TestDatabase.h"
#include "WindowWaits.h"
#include "common/MessageBar.h"
#include "common/TransportFields.h"
#include "domain/PlatformTime.h"
#include "logistics/LogisticsWindow.h"
#include "logistics/RequestTransportDialog.h"
#include "storage/Database.h"
#include "storage/PickupRepository.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"

#include <QAction>
#include <QDir>
#include <QLibraryInfo>
#include <QPushButton>
#include <QSqlQuery>
#include <QTest>
#include <QTranslator>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestRequestTransport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void moderatorAsksForOneTransport();
    void refusalKeepsTheDialogOpen();
    void logisticsStaffAreNotOffered();
    void closedSitesAreNotOffered();
    void textsAreCheckedAsPeopleTypeThem();
    void screenshot();

private:
    std::unique_ptr<LogisticsWindow> openWindow(Database &db, qint64 agentId, Roles extra);
    int pickupCount(qint64 adId) const;

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<Database> m_moderatorDb; // Claire Bernard, moderator
    World m_world;
};

void TestRequestTransport::initTestCase()
{
    RECUP_CREATE_TEST_DATABASE(m_test, u"requesttransport"_s);
    m_admin = m_test->open();
    QVERIFY(m_admin);
    m_world = makeWorld(*m_admin);
    if (TestDatabase::backend() == "postgresql"_L1)
        QVERIFY(ensureLoginRoles(*m_admin));
    m_moderatorDb = m_test->openAs(u"cbernard"_s);
    QVERIFY(m_moderatorDb);
}

void TestRequestTransport::cleanupTestCase()
{
    m_moderatorDb.reset();
    m_admin.reset();
    m_test.reset();
}

std::unique_ptr<LogisticsWindow>
TestRequestTransport::openWindow(Database &db, qint64 agentId, Roles extra)
{
    const auto agent = ReferenceRepository(db).agent(agentId);
    if (!agent)
        return {};
    Agent who = *agent;
    who.roles |= extra;
    auto window = std::make_unique<LogisticsWindow>(db, who);
    window->setRequestRunner([](RequestTransportDialog &) {
        qWarning("unexpected request dialog");
        return int(QDialog::Rejected);
    });
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !waitIdle(*window))
        return {};
    return window;
}

int TestRequestTransport::pickupCount(qint64 adId) const
{
    QSqlQuery query(m_admin->connection());
    query.prepare(u"SELECT count(*) FROM pickup WHERE ad_id = ?"_s);
    query.addBindValue(adId);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toInt();
}

void TestRequestTransport::moderatorAsksForOneTransport()
{
    const Ad given = closedLot(
            *m_admin, m_world, m_world.desks, 3, 0, 0, CloseReason::Exchanged, u"Bureaux droits"_s);
    const Ad moving = closedLot(
            *m_admin, m_world, m_world.chairs, 4, 0, 0, CloseReason::Exchanged, u"Chaises"_s);
    const Ad thrown = closedLot(
            *m_admin, m_world, m_world.chairs, 1, 0, 0, CloseReason::Discarded, u"Tabouret"_s);
    PickupRequest under;
    under.from.siteId = m_world.depot;
    under.to.siteId = m_world.townHall;
    under.wishedDate = platformToday().addDays(3);
    QVERIFY(PickupRepository(*m_admin).request(moving.id, under, m_world.ownerActor()));

    auto window = openWindow(*m_moderatorDb, m_world.moderator, Role::Moderator);
    QVERIFY(window);
    auto *button = window->findChild<QPushButton *>(u"requestTransportButton"_s);
    QVERIFY(button && button->isVisible() && button->isEnabled());
    QVERIFY(window->findChild<QAction *>(u"requestTransportAction"_s));

    const QDate wished = TransportFields::nextWorkingDay(platformToday()).addDays(1);
    QList<qint64> offered;
    PickupRequest prefilled;
    window->setRequestRunner([&](RequestTransportDialog &dialog) {
        if (!QTest::qWaitFor([&] { return !dialog.isLoading(); }, 15'000))
            return int(QDialog::Rejected);
        offered = dialog.offeredAdIds();
        if (!dialog.selectAd(given.id))
            return int(QDialog::Rejected);
        prefilled = dialog.transportFields()->request();
        PickupEnd to = prefilled.to;
        to.room = u"Salle 3"_s;
        to.contact = u"Claire Petit"_s;
        dialog.transportFields()->setTo(to);
        dialog.transportFields()->setWishedDate(wished);
        dialog.accept();
        return dialog.result();
    });
    button->click();
    QVERIFY(waitIdle(*window));

    // Only the item given with no transport under way is offered.
    QVERIFY(offered.contains(given.id));
    QVERIFY(!offered.contains(moving.id));
    QVERIFY(!offered.contains(thrown.id));
    // The ad's site and room; the schools' (the city's) only site.
    QCOMPARE(prefilled.from.siteId, m_world.depot);
    QCOMPARE(prefilled.from.room, given.room);
    QCOMPARE(prefilled.to.siteId, m_world.townHall);

    QCOMPARE(pickupCount(given.id), 1);
    const auto pickup = PickupRepository(*m_admin).latestForAd(given.id);
    QVERIFY(pickup && *pickup);
    QCOMPARE((*pickup)->requestedBy, m_world.moderator);
    QCOMPARE((*pickup)->to.siteId, m_world.townHall);
    QCOMPARE((*pickup)->to.room, u"Salle 3"_s);
    QCOMPARE((*pickup)->to.contact, u"Claire Petit"_s);
    QCOMPARE((*pickup)->wishedDate, wished);
    QVERIFY2(window->messageBar()->text().contains(u"Bureaux droits"),
             qPrintable(window->messageBar()->text()));
}

void TestRequestTransport::refusalKeepsTheDialogOpen()
{
    const Ad given = closedLot(
            *m_admin, m_world, m_world.desks, 1, 0, 0, CloseReason::Exchanged, u"Caisson"_s);
    auto window = openWindow(*m_moderatorDb, m_world.moderator, Role::Moderator);
    QVERIFY(window);
    QString noAd, past, contactKept;
    int result = -1;
    window->setRequestRunner([&](RequestTransportDialog &dialog) {
        if (!QTest::qWaitFor([&] { return !dialog.isLoading(); }, 15'000))
            return int(QDialog::Rejected);
        dialog.accept(); // no item chosen
        noAd = dialog.fieldError(u"ad"_s);
        dialog.selectAd(given.id);
        PickupEnd to = dialog.transportFields()->request().to;
        to.contact = u"Luc Petit"_s;
        dialog.transportFields()->setTo(to);
        dialog.transportFields()->setWishedDate(platformToday().addDays(-2));
        dialog.accept();
        past = dialog.fieldError(u"wishedDate"_s);
        contactKept = dialog.transportFields()->request().to.contact;
        result = dialog.result();
        return int(QDialog::Rejected);
    });
    window->findChild<QPushButton *>(u"requestTransportButton"_s)->click();
    QVERIFY(waitIdle(*window));
    QVERIFY2(noAd.contains(u"item"), qPrintable(noAd));
    QVERIFY2(past.contains(u"past"), qPrintable(past));
    QCOMPARE(contactKept, u"Luc Petit"_s);
    QVERIFY(result != QDialog::Accepted);
    QCOMPARE(pickupCount(given.id), 0);
}

void TestRequestTransport::logisticsStaffAreNotOffered()
{
    // Paul Martin carries out transports but is no moderator: he plans, he does not ask.
    auto window = openWindow(*m_admin, m_world.other, Role::Logistics);
    QVERIFY(window);
    QVERIFY(!window->findChild<QPushButton *>(u"requestTransportButton"_s));
    QVERIFY(!window->findChild<QAction *>(u"requestTransportAction"_s));
    window->requestTransport(); // the slot itself refuses: the runner would warn
}

void TestRequestTransport::closedSitesAreNotOffered()
{
    Site open{1, m_world.agglo, u"A"_s, u"Ouvert"_s, {}, {}, {}, true};
    Site closed{2, m_world.agglo, u"B"_s, u"Fermé"_s, {}, {}, {}, false};
    TransportFields fields({open, closed}, platformToday());
    QCOMPARE(fields.offeredSiteIds(), QList<qint64>{1});
    fields.setFrom({2, {}, {}, u"Salle 1"_s, {}, {}});
    QCOMPARE(fields.request().from.siteId, 0); // to be chosen again
    // Friday → Monday, Saturday → Monday, Monday → Tuesday.
    QCOMPARE(TransportFields::nextWorkingDay(QDate(2026, 12, 4)), QDate(2026, 12, 7));
    QCOMPARE(TransportFields::nextWorkingDay(QDate(2026, 12, 5)), QDate(2026, 12, 7));
    QCOMPARE(TransportFields::nextWorkingDay(QDate(2026, 12, 7)), QDate(2026, 12, 8));
}

void TestRequestTransport::textsAreCheckedAsPeopleTypeThem()
{
    const Ad given = closedLot(
            *m_admin, m_world, m_world.desks, 1, 0, 0, CloseReason::Exchanged, u"Lampe"_s);
    PickupRequest request;
    request.from = {m_world.depot, {}, {}, u"🏢"_s.repeated(80), u"Marie Dupont"_s, {}};
    const QString escape = u"Claire"_s + QChar(0x1b) + u"[31m Petit"_s;
    request.to = {m_world.townHall, {}, {}, u"Salle 3"_s, escape, {}};
    request.wishedDate = TransportFields::nextWorkingDay(platformToday());
    request.notes = u"Deux étages\nsans ascenseur"_s;

    // Under the name only: 80 emoji are 80 characters, a line break is fine in the notes.
    QList<FieldError> errors = PickupRepository::check(request, platformToday());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, u"toContact"_s);
    const auto refused
            = PickupRepository(*m_moderatorDb).request(given.id, request, m_world.moderatorActor());
    QVERIFY(!refused);
    QCOMPARE(refused.error().fields.value(0).first, u"toContact"_s);
    QCOMPARE(pickupCount(given.id), 0);

    // The dialog's field says it.
    TransportFields fields({}, platformToday());
    QVERIFY(fields.showError(u"toContact"_s, errors.first().message));
    QCOMPARE(fields.fieldError(u"toContact"_s), errors.first().message);
    QCOMPARE(fields.fieldWidget(u"toContact"_s)->objectName(), u"toContact"_s);

    request.to.contact = u"Claire Petit"_s;
    request.from.room += u"🏢"_s; // 81
    errors = PickupRepository::check(request, platformToday());
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, u"fromRoom"_s);
    request.from.room.chop(2);
    const auto asked
            = PickupRepository(*m_moderatorDb).request(given.id, request, m_world.moderatorActor());
    QVERIFY2(asked,
             qPrintable(asked ? QString() : QString(asked.error().message + asked.error().detail)));
    QCOMPARE(asked->from.room, u"🏢"_s.repeated(80));
    QCOMPARE(asked->notes, request.notes);
}

void TestRequestTransport::screenshot()
{
    const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked: RECUP_SCREENSHOT_DIR=/tmp/shots-transport
    QVERIFY(QDir().mkpath(dir));
    const FrenchScreens french;
    QVERIFY(french.loaded());
    const Ad given = closedLot(*m_admin,
                               m_world,
                               m_world.desks,
                               6,
                               0,
                               0,
                               CloseReason::Exchanged,
                               u"Bureaux d’angle en chêne clair"_s);
    RequestTransportDialog dialog(*m_moderatorDb, platformToday());
    dialog.show();
    QVERIFY(QTest::qWaitFor([&] { return !dialog.isLoading(); }, 15'000));
    QTRY_VERIFY_WITH_TIMEOUT(m_moderatorDb->references().isLoaded(), 15'000);
    QVERIFY(dialog.selectAd(given.id));
    PickupEnd to = dialog.transportFields()->request().to;
    to.room = u"Bâtiment A, salle des fêtes"_s;
    to.contact = u"Claire Petit"_s;
    to.phone = u"05 49 00 00 02"_s;
    dialog.transportFields()->setTo(to);
    QVERIFY(saveScreen(dialog, QDir(dir).filePath(u"request-transport.png"_s)));
    dialog.hide();
    {
        // Where a moderator finds it.
        auto window = openWindow(*m_moderatorDb, m_world.moderator, Role::Moderator);
        QVERIFY(window);
        window->setOpenOnly(true);
        QVERIFY(waitIdle(*window));
        QVERIFY(saveScreen(*window, QDir(dir).filePath(u"logistics-moderator.png"_s)));
    }
}

QTEST_MAIN(TestRequestTransport)
#include "tst_requesttransport.moc"
