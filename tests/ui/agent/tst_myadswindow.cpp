// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// « Mes annonces » on the offscreen platform. On PostgreSQL the window connects with the
// owner's own login role, as on their workstation: every action it takes proves that the
// row-level security lets an owner take it.
#include "Fixtures.h"
#include "Screens.h"
#include "TestDatabase.h"
#include "WindowWaits.h"
#include "actions/ContactRequests.h"
#include "agent/CloseAdDialog.h"
#include "agent/GivePartDialog.h"
#include "agent/MyAdsModel.h"
#include "agent/MyAdsWindow.h"
#include "agent/ReservePartDialog.h"
#include "agent/SendToStoreDialog.h"
#include "common/AdEditorDialog.h"
#include "common/MessageBar.h"
#include "common/TransportFields.h"
#include "domain/PlatformTime.h"
#include "lifecycle/AdLifecycle.h"
#include "storage/PickupRepository.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLibraryInfo>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

namespace {

QString actionKeys(QList<AdAction> actions)
{
    QStringList keys;
    for (AdAction action : actions)
        keys.append(toKey(action));
    keys.sort();
    return keys.join(u' ');
}

QString plainSpaces(QString text)
{
    return text.replace(QChar(0x202F), u' ').replace(QChar(0x00A0), u' ');
}

} // namespace

class TestMyAdsWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void listShowsExactlyTheOwnersAds();
    void filterSeparatesClosedAds();
    void actionsOfferedPerState_data();
    void actionsOfferedPerState();
    void detailShowsValueExpiryAndRequests();
    void rejectedAdShowsTheModeratorsReason();
    void ownerActionsThroughTheirOwnLogin();
    void renewSendsBackToModerationWithOneMail();
    void closeAsExchangedNeedsAServiceAskersFirst();
    void closeAsDiscardedWritesOutcomeAndHistory();
    void staleVersionKeepsTheCloseDialogText();
    void staleVersionOnASimpleActionReloads();
    void editOpensTheEditorOnThatAd();
    void availableFromIsShownInTheDetail();
    void emptyStateSaysHowToPost();
    void exchangedAdShowsWhereItsTransportIs();
    void closingWithATransportAsksExactlyOne();
    void transportRefusalsCloseNothingAndKeepWhatWasTyped();
    void closeDialogScreenshot();
    void aLotSplitThroughTheWindow();
    void lotPartsScreenshot();
    void historyTimelineSaysWhoDidWhatInOrder();
    void listShowsTheFirstPhotosThumbnail();
    // Last: it makes a general store, which later cases would then offer.
    void sendingToTheStoreAsksOneTransportAndTheAdWaits();

private:
    std::unique_ptr<MyAdsWindow> openWindow(Database &db, qint64 agentId);
    Ad adInState(AdState state, const QString &title);
    Ad step(const Ad &ad, AdAction action, const Actor &actor, TransitionRequest request = {});
    QString messageText(const MyAdsWindow &window) const;
    QString label(const MyAdsWindow &window, const char *name) const;
    int outboxCount(const QString &kind) const;
    AdHistoryEntry lastHistory(qint64 adId) const;
    int pickupCount(qint64 adId) const;

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<Database> m_ownerDb; // Marie Dupont, the owner
    std::unique_ptr<Database> m_otherDb; // Paul Martin, who asks for items
    std::unique_ptr<Database> m_lucDb;   // Luc Petit, who owns nothing
    World m_world;
};

void TestMyAdsWindow::initTestCase()
{
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("myadswindow"));
    m_admin = m_test->open();
    QVERIFY(m_admin);
    m_world = makeWorld(*m_admin);
    const bool postgres = TestDatabase::backend() == QLatin1String("postgresql");
    if (postgres)
        QVERIFY(ensureLoginRoles(*m_admin));
    m_ownerDb = m_test->openAs(QStringLiteral("mdupont"));
    m_otherDb = m_test->openAs(QStringLiteral("pmartin"));
    m_lucDb = m_test->openAs(QStringLiteral("lpetit"));
    QVERIFY(m_ownerDb && m_otherDb && m_lucDb);
    if (postgres) {
        // The window really is Marie's: the server says so.
        const auto marie = ReferenceRepository(*m_ownerDb).sessionAgent();
        QVERIFY2(marie.ok(), qPrintable(marie.error().detail));
        QCOMPARE(marie->id, m_world.owner);
        QVERIFY(!marie->roles.testFlag(Role::Moderator));
    }
}

void TestMyAdsWindow::cleanupTestCase()
{
    m_ownerDb.reset();
    m_otherDb.reset();
    m_lucDb.reset();
    m_admin.reset();
    m_test.reset();
}

std::unique_ptr<MyAdsWindow> TestMyAdsWindow::openWindow(Database &db, qint64 agentId)
{
    const auto agent = ReferenceRepository(db).agent(agentId);
    if (!agent)
        return {};
    auto window = std::make_unique<MyAdsWindow>(db, *agent);
    window->setEditorRunner([](AdEditorDialog &) {
        qWarning("unexpected editor");
        return int(QDialog::Rejected);
    });
    window->setCloseRunner([](CloseAdDialog &) {
        qWarning("unexpected close dialog");
        return int(QDialog::Rejected);
    });
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !waitIdle(*window))
        return {};
    return window;
}

Ad TestMyAdsWindow::step(const Ad &ad,
                         AdAction action,
                         const Actor &actor,
                         TransitionRequest request)
{
    request.action = action;
    request.expectedVersion = action == AdAction::Expire ? -1 : ad.version;
    const auto moved = AdRepository(*m_admin).transition(ad.id, request, actor);
    if (!moved)
        qFatal("%s failed: %s",
               qPrintable(toKey(action)),
               qPrintable(moved.error().message + moved.error().detail));
    return *moved;
}

Ad TestMyAdsWindow::adInState(AdState state, const QString &title)
{
    switch (state) {
    case AdState::Draft: {
        const auto created
                = AdRepository(*m_admin).create(m_world.sampleAd(title), m_world.ownerActor());
        if (!created)
            qFatal("create failed: %s", qPrintable(created.error().message));
        return *created;
    }
    case AdState::Pending:
        return pendingAd(*m_admin, m_world, title);
    case AdState::Published:
        return publishedAd(*m_admin, m_world, title);
    case AdState::Reserved:
        return step(publishedAd(*m_admin, m_world, title), AdAction::Reserve, m_world.ownerActor());
    case AdState::Rejected: {
        TransitionRequest reject;
        reject.reason = QStringLiteral("La photo ne montre pas l'objet : ajoutez-en une prise "
                                       "sur place.");
        return step(pendingAd(*m_admin, m_world, title),
                    AdAction::Reject,
                    m_world.moderatorActor(),
                    reject);
    }
    case AdState::Expired:
        return step(publishedAd(*m_admin, m_world, title), AdAction::Expire, Actor::systemActor());
    case AdState::Closed: {
        TransitionRequest close;
        close.closeReason = CloseReason::Discarded;
        return step(publishedAd(*m_admin, m_world, title),
                    AdAction::Close,
                    m_world.ownerActor(),
                    close);
    }
    }
    return {};
}

QString TestMyAdsWindow::messageText(const MyAdsWindow &window) const
{
    return window.messageBar()->isVisible() ? window.messageBar()->text() : QString();
}

QString TestMyAdsWindow::label(const MyAdsWindow &window, const char *name) const
{
    const auto *found = window.findChild<QLabel *>(QString::fromLatin1(name));
    return found ? found->text() : QStringLiteral("<missing %1>").arg(QLatin1String(name));
}

int TestMyAdsWindow::outboxCount(const QString &kind) const
{
    QSqlQuery query(m_admin->connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE kind = ?"));
    query.addBindValue(kind);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toInt();
}

AdHistoryEntry TestMyAdsWindow::lastHistory(qint64 adId) const
{
    const auto history = AdRepository(*m_admin).history(adId);
    return history && !history->isEmpty() ? history->last() : AdHistoryEntry{};
}

int TestMyAdsWindow::pickupCount(qint64 adId) const
{
    QSqlQuery query(m_admin->connection());
    query.prepare(QStringLiteral("SELECT count(*) FROM pickup WHERE ad_id = ?"));
    query.addBindValue(adId);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toInt();
}

void TestMyAdsWindow::listShowsExactlyTheOwnersAds()
{
    const Ad draft = adInState(AdState::Draft, QStringLiteral("Caisson à roulettes"));
    const Ad published = adInState(AdState::Published, QStringLiteral("Armoire haute"));
    // Paul's ad, in the catalogue: Marie sees it there, never in her own list.
    AdRepository admin(*m_admin);
    auto paulsInput = m_world.sampleAd(QStringLiteral("Fauteuil de Paul"));
    const auto paulsDraft = admin.create(paulsInput, m_world.otherActor());
    QVERIFY(paulsDraft);
    const Ad pauls = step(*paulsDraft, AdAction::Submit, m_world.otherActor());
    step(pauls, AdAction::Approve, m_world.moderatorActor());

    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    MyAdsModel *model = window->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(refreshAndWait(*window));

    const auto owned = admin.ownedBy(m_world.owner);
    QVERIFY(owned);
    QCOMPARE(model->rowCount(), int(owned->size()));
    QCOMPARE(model->totalCount(), int(owned->size()));
    QVERIFY(model->rowOfAd(draft.id) >= 0);
    QVERIFY(model->rowOfAd(published.id) >= 0);
    QCOMPARE(model->rowOfAd(pauls.id), -1);
    QDateTime previous;
    for (int row = 0; row < model->rowCount(); ++row) {
        const MyAdsEntry *entry = model->entry(row);
        QVERIFY(entry);
        QCOMPARE(entry->ad.ownerId, m_world.owner);
        QVERIFY(model->index(row, MyAdsModel::TitleColumn).data().toString()
                != QLatin1String("Fauteuil de Paul"));
        // The most recent change first.
        const QDateTime change = model->index(row, MyAdsModel::TitleColumn)
                                         .data(MyAdsModel::LastChangeRole)
                                         .toDateTime();
        if (previous.isValid())
            QVERIFY(change <= previous);
        previous = change;
    }
    // The published ad changed after the draft was written: it comes first.
    QVERIFY(model->rowOfAd(published.id) < model->rowOfAd(draft.id));
    QCOMPARE(model->index(model->rowOfAd(draft.id), MyAdsModel::StateColumn).data().toString(),
             QStringLiteral("Draft"));
    QCOMPARE(model->index(model->rowOfAd(published.id), MyAdsModel::StateColumn).data().toString(),
             QStringLiteral("Published"));
}

void TestMyAdsWindow::filterSeparatesClosedAds()
{
    const Ad closed = adInState(AdState::Closed, QStringLiteral("Vieux paperboard"));
    const Ad open = adInState(AdState::Published, QStringLiteral("Paperboard neuf"));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    MyAdsModel *model = window->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    window->setFilter(MyAdsModel::Filter::Closed);

    QVERIFY(waitIdle(*window));
    QVERIFY(model->rowOfAd(closed.id) >= 0);
    QCOMPARE(model->rowOfAd(open.id), -1);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->entry(row)->ad.state, AdState::Closed);
    QCOMPARE(model->index(model->rowOfAd(closed.id), MyAdsModel::StateColumn).data().toString(),
             QStringLiteral("Closed — thrown away"));

    window->setFilter(MyAdsModel::Filter::InProgress);

    QVERIFY(waitIdle(*window));
    QCOMPARE(model->rowOfAd(closed.id), -1);
    QVERIFY(model->rowOfAd(open.id) >= 0);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(model->entry(row)->ad.state != AdState::Closed);

    window->setFilter(MyAdsModel::Filter::All);

    QVERIFY(waitIdle(*window));
    QVERIFY(model->rowOfAd(closed.id) >= 0 && model->rowOfAd(open.id) >= 0);
    QCOMPARE(model->rowCount(), model->totalCount());
}

void TestMyAdsWindow::actionsOfferedPerState_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("expected");
    QTest::newRow("draft: edit it, send it to moderation") << int(AdState::Draft) << "edit submit";
    QTest::newRow("pending: nothing to do but wait") << int(AdState::Pending) << "";
    QTest::newRow("published: edit, reserve, close")
            << int(AdState::Published) << "close edit reserve";
    QTest::newRow("reserved: release or close") << int(AdState::Reserved) << "close release";
    QTest::newRow("rejected: edit or send again") << int(AdState::Rejected) << "edit resubmit";
    QTest::newRow("expired: renew or close") << int(AdState::Expired) << "close renew";
    QTest::newRow("closed: nothing left") << int(AdState::Closed) << "";
}

void TestMyAdsWindow::actionsOfferedPerState()
{
    QFETCH(int, state);
    QFETCH(QString, expected);
    const auto adState = AdState(state);
    const Ad ad = adInState(adState, QStringLiteral("Lampe de bureau (%1)").arg(toKey(adState)));
    QCOMPARE(ad.state, adState);

    // The table decides: what it allows an owner (on the ad, not on a part of the lot), plus
    // editing a draft in place.
    QList<AdAction> fromTable = AdLifecycle::allowedActions(adState, ActorKind::Owner);
    fromTable.removeIf([](AdAction action) {
        return action == AdAction::ReservePart || action == AdAction::ReleasePart
               || action == AdAction::ExchangePart;
    });
    if (adState == AdState::Draft)
        fromTable.append(AdAction::Edit);
    QCOMPARE(actionKeys(fromTable), expected);

    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, ad.id));
    QCOMPARE(actionKeys(window->offeredActions()), expected);
    for (AdAction action : window->offeredActions())
        QVERIFY(window->actionButton(action)->isVisible());
}

void TestMyAdsWindow::detailShowsValueExpiryAndRequests()
{
    const Ad ad = adInState(AdState::Published, QStringLiteral("Bureau d'angle"));
    const auto paul = ReferenceRepository(*m_otherDb).agent(m_world.other);
    QVERIFY(paul);
    const auto asked
            = ContactRequests(*m_otherDb)
                      .send(ad.id,
                            *paul,
                            m_world.library,
                            QStringLiteral(
                                    "Bonjour, la médiathèque en aurait l'usage pour l'accueil."),
                            MailSettings{});
    QVERIFY2(asked, qPrintable(asked.error().message + asked.error().detail));

    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, ad.id));
    // The owner sees the value, through their own login on PostgreSQL.
    QCOMPARE(plainSpaces(label(*window, "detailValue")), QStringLiteral("250,00 €"));
    const QString expiry = label(*window, "detailExpiry");
    QVERIFY2(expiry.contains(QString::number(ad.expiresAt.toLocalTime().date().year())),
             qPrintable(expiry));
    QCOMPARE(label(*window, "detailState"), QStringLiteral("Published"));
    QVERIFY(label(*window, "detailRequestsHeading").startsWith(QStringLiteral("1 agent")));
    auto *requests = window->findChild<QTreeWidget *>(QStringLiteral("contactRequests"));
    QVERIFY(requests);
    QCOMPARE(requests->topLevelItemCount(), 1);
    QTreeWidgetItem *item = requests->topLevelItem(0);
    QCOMPARE(item->text(0), QStringLiteral("Paul Martin"));
    QCOMPARE(item->text(1), QStringLiteral("Médiathèque"));
    QVERIFY(!item->text(2).isEmpty());
    QVERIFY(item->text(3).contains(QStringLiteral("pour l'accueil")));
    const int row = window->model()->rowOfAd(ad.id);
    QCOMPARE(window->model()->index(row, MyAdsModel::RequestsColumn).data().toInt(), 1);
}

void TestMyAdsWindow::rejectedAdShowsTheModeratorsReason()
{
    const Ad ad = adInState(AdState::Rejected, QStringLiteral("Chaise sans photo"));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, ad.id));
    auto *rejection = window->findChild<QLabel *>(QStringLiteral("detailRejection"));
    QVERIFY(rejection);
    QVERIFY(rejection->isVisible());
    QVERIFY2(rejection->text().contains(QStringLiteral("La photo ne montre pas l'objet")),
             qPrintable(rejection->text()));
    const int row = window->model()->rowOfAd(ad.id);
    QVERIFY(window->model()
                    ->index(row, MyAdsModel::StateColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("La photo ne montre pas l'objet")));

    // Another ad, published: no rejection box.
    const Ad other = adInState(AdState::Published, QStringLiteral("Chaise avec photo"));
    QVERIFY(refreshAndWait(*window));
    QVERIFY(selectAndWait(*window, other.id));
    QVERIFY(!rejection->isVisible());
}

void TestMyAdsWindow::ownerActionsThroughTheirOwnLogin()
{
    AdRepository admin(*m_admin);
    const Ad draft = adInState(AdState::Draft, QStringLiteral("Étagère métallique"));
    const Ad rejected = adInState(AdState::Rejected, QStringLiteral("Étagère en bois"));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);

    // Submit: draft -> pending.
    QVERIFY(selectAndWait(*window, draft.id));
    window->actionButton(AdAction::Submit)->click();
    QVERIFY(waitIdle(*window));
    QVERIFY2(messageText(*window).contains(QStringLiteral("sent to moderation")),
             qPrintable(messageText(*window)));
    QCOMPARE(admin.get(draft.id, false)->state, AdState::Pending);
    QCOMPARE(lastHistory(draft.id).action, AdAction::Submit);
    QCOMPARE(lastHistory(draft.id).actorId, m_world.owner);
    QCOMPARE(window->displayedAdId(), draft.id);
    QCOMPARE(actionKeys(window->offeredActions()), QString());

    // Resubmit: rejected -> pending.
    QVERIFY(selectAndWait(*window, rejected.id));
    window->actionButton(AdAction::Resubmit)->click();
    QVERIFY(waitIdle(*window));
    QCOMPARE(admin.get(rejected.id, false)->state, AdState::Pending);
    QCOMPARE(lastHistory(rejected.id).action, AdAction::Resubmit);

    // A moderator approves; Marie reserves it for a service with the one « Reserve… » (the
    // whole lot by default), then releases it.
    const Ad pending = *admin.get(draft.id, false);
    step(pending, AdAction::Approve, m_world.moderatorActor());
    QVERIFY(refreshAndWait(*window));
    QVERIFY(selectAndWait(*window, draft.id));
    QCOMPARE(actionKeys(window->offeredActions()), QStringLiteral("close edit reserve"));
    QString scope;
    int proposed = 0;
    window->setReserveRunner([&](ReservePartDialog &dialog) {
        scope = dialog.scopeText();
        proposed = dialog.quantityBox()->value();
        if (!dialog.selectService(m_world.schools))
            return int(QDialog::Rejected);
        dialog.accept();
        return dialog.result();
    });
    window->actionButton(AdAction::Reserve)->click();
    QTRY_COMPARE(window->displayedShares().held, 1);
    QCOMPARE(scope, QStringLiteral("The whole lot"));
    QCOMPARE(proposed, 1);
    // The whole of it: said so, not « part of »; the ad reads as reserved in the list and the
    // detail, as the catalogue shows it, not « Published, 0 of 1 ».
    QVERIFY2(messageText(*window).contains(u"is reserved in full for Écoles"_s),
             qPrintable(messageText(*window)));
    QVERIFY(!messageText(*window).contains(u"Part of"_s, Qt::CaseInsensitive));
    QTRY_COMPARE(window->stateLabel()->text(), u"Reserved"_s);
    QCOMPARE(window->quantityLabel()->text(), u"All reserved (1): none left in the catalogue"_s);
    const QModelIndex listed
            = window->model()->index(window->model()->rowOfAd(draft.id), MyAdsModel::StateColumn);
    QTRY_COMPARE(listed.data().toString(), u"Reserved"_s);
    QCOMPARE(admin.get(draft.id, false)->state, AdState::Published);
    QCOMPARE(lastHistory(draft.id).action, AdAction::ReservePart);
    QCOMPARE(lastHistory(draft.id).actorId, m_world.owner);
    QCOMPARE(window->displayedAdId(), draft.id);
    QVERIFY(!window->actionButton(AdAction::Reserve)->isEnabled()); // nothing left to reserve
    window->partsView()->setCurrentItem(window->partsView()->topLevelItem(0));
    window->releasePartButton()->click();
    QTRY_COMPARE(window->displayedShares().held, 0);
    QCOMPARE(lastHistory(draft.id).action, AdAction::ReleasePart);
    QVERIFY2(messageText(*window).contains(QStringLiteral("back in the catalogue")),
             qPrintable(messageText(*window)));
    // Released: published again, in the list and the detail.
    QTRY_COMPARE(window->stateLabel()->text(), displayName(AdState::Published));
    QTRY_COMPARE(window->model()
                         ->index(window->model()->rowOfAd(draft.id), MyAdsModel::StateColumn)
                         .data()
                         .toString(),
                 displayName(AdState::Published));
}

void TestMyAdsWindow::renewSendsBackToModerationWithOneMail()
{
    const Ad expired = adInState(AdState::Expired, QStringLiteral("Table basse"));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, expired.id));
    QVERIFY(window->offeredActions().contains(AdAction::Renew));
    const int submittedBefore = outboxCount(QStringLiteral("ad-submitted"));
    const int allBefore = outboxCount(QStringLiteral("ad-decided"));
    QVERIFY(submittedBefore >= 0);

    window->actionButton(AdAction::Renew)->click();

    QVERIFY(waitIdle(*window));
    QVERIFY2(messageText(*window).contains(QStringLiteral("back to moderation")),
             qPrintable(messageText(*window)));
    const auto renewed = AdRepository(*m_admin).get(expired.id, false);
    QCOMPARE(renewed->state, AdState::Pending);
    QCOMPARE(lastHistory(expired.id).action, AdAction::Renew);
    QCOMPARE(lastHistory(expired.id).fromState, std::optional(AdState::Expired));
    // One notice to the moderators, written with the renewal.
    QCOMPARE(outboxCount(QStringLiteral("ad-submitted")), submittedBefore + 1);
    QCOMPARE(outboxCount(QStringLiteral("ad-decided")), allBefore);
    QSqlQuery query(m_admin->connection());
    QVERIFY(query.exec(QStringLiteral("SELECT author_id FROM outbox WHERE kind = 'ad-submitted' "
                                      "ORDER BY id DESC LIMIT 1"))
            && query.next());
    QCOMPARE(query.value(0).toLongLong(), m_world.owner);
}

void TestMyAdsWindow::closeAsExchangedNeedsAServiceAskersFirst()
{
    const Ad ad = adInState(AdState::Published, QStringLiteral("Bibliothèque basse"));
    const auto paul = ReferenceRepository(*m_otherDb).agent(m_world.other);
    QVERIFY(paul);
    QVERIFY(ContactRequests(*m_otherDb)
                    .send(ad.id,
                          *paul,
                          m_world.library,
                          QStringLiteral("Pour le coin lecture des enfants."),
                          MailSettings{}));

    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, ad.id));
    const QString note = QStringLiteral("Emportée par la médiathèque mardi matin.");
    bool refused = false;
    window->setCloseRunner([&](CloseAdDialog &dialog) {
        // The service that asked is offered first, the others after it.
        const QList<qint64> offered = dialog.offeredServiceIds();
        [&] {
            QCOMPARE(dialog.requestingServiceCount(), 1);
            QCOMPARE(offered.value(0), m_world.library);
            QVERIFY(offered.contains(m_world.schools));
            QVERIFY(offered.contains(m_world.waste));
            QCOMPARE(offered.count(m_world.library), 1);
        }();
        dialog.setReason(CloseReason::Exchanged);
        dialog.setReceivingService(0); // "choose the service…"
        dialog.setNote(note);
        dialog.accept();
        refused = dialog.result() != QDialog::Accepted
                  && !dialog.fieldError(QStringLiteral("receivingService")).isEmpty()
                  && dialog.choice().note == note;
        dialog.setReceivingService(m_world.library);
        dialog.accept();
        return dialog.result();
    });
    window->actionButton(AdAction::Close)->click();
    QVERIFY(waitIdle(*window));
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(refused, "closing as exchanged without a service must be refused in the dialog");

    const auto closed = AdRepository(*m_admin).get(ad.id, false);
    QCOMPARE(closed->state, AdState::Closed);
    QCOMPARE(closed->closeReason, std::optional(CloseReason::Exchanged));
    QCOMPARE(closed->receivingServiceId, m_world.library);
    QCOMPARE(closed->closeNote, note);
    const AdHistoryEntry last = lastHistory(ad.id);
    QCOMPARE(last.action, AdAction::Close);
    QCOMPARE(last.toState, AdState::Closed);
    QCOMPARE(last.actorId, m_world.owner);
    QVERIFY2(messageText(*window).contains(QStringLiteral("is closed")),
             qPrintable(messageText(*window)));
    QCOMPARE(window->displayedAdId(), ad.id);
    QCOMPARE(label(*window, "detailState"), QStringLiteral("Closed — given to Médiathèque"));
    QVERIFY(label(*window, "detailOutcome").contains(note));
}

void TestMyAdsWindow::closeAsDiscardedWritesOutcomeAndHistory()
{
    const Ad ad = adInState(AdState::Expired, QStringLiteral("Chaise cassée"));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, ad.id));
    window->setCloseRunner([&](CloseAdDialog &dialog) {
        dialog.accept(); // no reason picked: refused next to the choice
        if (dialog.fieldError(QStringLiteral("closeReason")).isEmpty())
            return int(QDialog::Rejected);
        dialog.setNote(QString(1001, u'x'));
        dialog.setReason(CloseReason::Discarded);
        dialog.accept(); // too long a note: refused next to it
        if (dialog.fieldError(QStringLiteral("reason")).isEmpty())
            return int(QDialog::Rejected);
        dialog.setNote(QStringLiteral("Pied cassé, déposée en déchetterie."));
        dialog.accept();
        return dialog.result();
    });
    window->actionButton(AdAction::Close)->click();
    QVERIFY(waitIdle(*window));
    const auto closed = AdRepository(*m_admin).get(ad.id, false);
    QCOMPARE(closed->state, AdState::Closed);
    QCOMPARE(closed->closeReason, std::optional(CloseReason::Discarded));
    QCOMPARE(closed->receivingServiceId, 0);
    QCOMPARE(lastHistory(ad.id).fromState, std::optional(AdState::Expired));
    QCOMPARE(lastHistory(ad.id).toState, AdState::Closed);
}

void TestMyAdsWindow::staleVersionKeepsTheCloseDialogText()
{
    const Ad ad = adInState(AdState::Published, QStringLiteral("Vestiaire à six cases"));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, ad.id));
    QCOMPARE(window->displayedVersion(), ad.version);

    // Another session (Marie on another workstation) reserves it in the meantime.
    const Ad reserved = step(ad, AdAction::Reserve, m_world.ownerActor());
    QVERIFY(reserved.version > ad.version);

    const QString note = QStringLiteral("Le dos est fendu, personne n'en a voulu.");
    QString dialogMessage;
    QString noteAfterConflict;
    int resultAfterConflict = -1;
    int shownVersionAfterConflict = -1;
    window->setCloseRunner([&](CloseAdDialog &dialog) {
        dialog.setReason(CloseReason::Discarded);
        dialog.setNote(note);
        dialog.accept();
        resultAfterConflict = dialog.result();
        dialogMessage = dialog.messageText();
        noteAfterConflict = dialog.choice().note;
        shownVersionAfterConflict = window->displayedVersion();
        dialog.accept(); // again, on the version now on screen
        return dialog.result();
    });
    window->actionButton(AdAction::Close)->click();
    QVERIFY(waitIdle(*window));

    QVERIFY(resultAfterConflict != QDialog::Accepted);
    QVERIFY2(dialogMessage.contains(QStringLiteral("What you typed is kept")),
             qPrintable(dialogMessage));
    QCOMPARE(noteAfterConflict, note);
    QCOMPARE(shownVersionAfterConflict, reserved.version); // reloaded
    const auto closed = AdRepository(*m_admin).get(ad.id, false);
    QCOMPARE(closed->state, AdState::Closed);
    QCOMPARE(closed->closeReason, std::optional(CloseReason::Discarded));
    QCOMPARE(closed->closeNote, note);
    QCOMPARE(lastHistory(ad.id).fromState, std::optional(AdState::Reserved));
}

void TestMyAdsWindow::staleVersionOnASimpleActionReloads()
{
    const Ad ad = adInState(AdState::Reserved, QStringLiteral("Porte-manteau"));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, ad.id));
    // A moderator removes it while Marie looks at it.
    TransitionRequest remove;
    remove.reason = QStringLiteral("Doublon d'une autre annonce.");
    const Ad removed = step(ad, AdAction::Remove, m_world.moderatorActor(), remove);

    window->actionButton(AdAction::Release)->click();

    QVERIFY(waitIdle(*window));
    QVERIFY2(messageText(*window).contains(QStringLiteral("Porte-manteau")),
             qPrintable(messageText(*window)));
    QVERIFY2(messageText(*window).contains(QStringLiteral("closed")),
             qPrintable(messageText(*window)));
    QCOMPARE(window->displayedAdId(), ad.id);
    QCOMPARE(window->displayedVersion(), removed.version);
    QCOMPARE(actionKeys(window->offeredActions()), QString());
    QCOMPARE(AdRepository(*m_admin).get(ad.id, false)->state, AdState::Closed);
    QVERIFY(label(*window, "detailOutcome").contains(QStringLiteral("Doublon")));
}

void TestMyAdsWindow::editOpensTheEditorOnThatAd()
{
    const Ad draft = adInState(AdState::Draft, QStringLiteral("Lot de bannettes"));
    const int submittedBefore = outboxCount(QStringLiteral("ad-submitted"));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, draft.id));
    qint64 editedId = 0;
    window->setEditorRunner([&](AdEditorDialog &editor) {
        editedId = editor.ad().id;
        // The owner sends the draft from the editor: saved, then submitted.
        return editor.save(AdEditorDialog::SaveMode::Submit) ? int(QDialog::Accepted)
                                                             : int(QDialog::Rejected);
    });
    window->actionButton(AdAction::Edit)->click();
    QVERIFY(waitIdle(*window));
    QCOMPARE(editedId, draft.id);
    QCOMPARE(AdRepository(*m_admin).get(draft.id, false)->state, AdState::Pending);
    QCOMPARE(outboxCount(QStringLiteral("ad-submitted")), submittedBefore + 1);
    QVERIFY2(messageText(*window).contains(QStringLiteral("sent to moderation")),
             qPrintable(messageText(*window)));
    QCOMPARE(window->displayedAdId(), draft.id);
    QCOMPARE(label(*window, "detailState"), QStringLiteral("Awaiting moderation"));
}

// « Disponible à partir du 3 décembre » (issue #13): the day the owner gave, while it is ahead.
void TestMyAdsWindow::availableFromIsShownInTheDetail()
{
    Ad input = m_world.sampleAd(QStringLiteral("Rayonnage d'archives"));
    const QDate later = platformToday().addDays(9);
    input.availableFrom = later;
    const auto created = AdRepository(*m_ownerDb).create(input, m_world.ownerActor());
    QVERIFY2(created, qPrintable(created.error().message));
    QCOMPARE(created->availableFrom, later);
    const Ad ad = adInState(AdState::Draft, QStringLiteral("Rayonnage sans date"));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, created->id));
    const QString day = QLocale().toString(later,
                                           later.year() == platformToday().year()
                                                   ? QStringLiteral("d MMMM")
                                                   : QStringLiteral("d MMMM yyyy"));
    QCOMPARE(label(*window, "detailAvailability"), QStringLiteral("Available from ") + day);
    auto *shown = window->findChild<QLabel *>(QStringLiteral("detailAvailability"));
    QVERIFY(shown && shown->isVisible());
    // An ad available at once says nothing of it.
    QVERIFY(selectAndWait(*window, ad.id));
    QVERIFY(!shown->isVisible());
}

void TestMyAdsWindow::emptyStateSaysHowToPost()
{
    auto window = openWindow(*m_lucDb, m_world.secondModerator);
    QVERIFY(window);
    QCOMPARE(window->model()->totalCount(), 0);
    auto *empty = window->findChild<QLabel *>(QStringLiteral("emptyState"));
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY2(empty->text().contains(QStringLiteral("Post an ad")), qPrintable(empty->text()));
    QCOMPARE(window->displayedAdId(), 0);
    QCOMPARE(actionKeys(window->offeredActions()), QString());
}

// « Mes annonces » says where the transport of an exchanged ad is, as the logistics service
// moves it on.
void TestMyAdsWindow::exchangedAdShowsWhereItsTransportIs()
{
    const Ad ad = closedLot(*m_admin, m_world, m_world.desks, 2, 0, 0, CloseReason::Exchanged);
    PickupRequest asked;
    asked.from.siteId = m_world.depot;
    asked.to.siteId = m_world.townHall;
    asked.wishedDate = platformToday().addDays(2);
    auto pickup = PickupRepository(*m_admin).request(ad.id, asked, m_world.ownerActor());
    QVERIFY2(pickup, qPrintable(pickup.error().message + pickup.error().detail));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    const auto stateOf = [&] {
        const MyAdsEntry *entry = window->model()->entry(window->model()->rowOfAd(ad.id));
        return entry ? window->model()->stateText(*entry) : QString();
    };
    QTRY_VERIFY2(stateOf().contains(u"transport requested"), qPrintable(stateOf()));
    Actor logistics{m_world.other, false, false};
    logistics.logistics = true;
    pickup = PickupRepository(*m_admin).plan(
            pickup->id, pickup->version, platformToday().addDays(3), {}, 1, logistics);
    QVERIFY(pickup);
    window->refresh();
    QVERIFY(waitIdle(*window));
    QVERIFY2(stateOf().contains(
                     u"transport planned on "
                     + QLocale().toString(platformToday().addDays(3), QLocale::ShortFormat)),
             qPrintable(stateOf()));
}

void TestMyAdsWindow::closingWithATransportAsksExactlyOne()
{
    const Ad ad = adInState(AdState::Published, QStringLiteral("Armoire à rideaux"));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, ad.id));
    const QDate wished = TransportFields::nextWorkingDay(platformToday()).addDays(7);
    PickupRequest prefilled;
    window->setCloseRunner([&](CloseAdDialog &dialog) {
        TransportFields *fields = dialog.transportFields();
        if (!fields)
            return int(QDialog::Rejected);
        dialog.setReason(CloseReason::Exchanged);
        dialog.setReceivingService(m_world.schools);
        dialog.setTransportAsked(true);
        prefilled = fields->request();
        PickupEnd to = prefilled.to;
        to.room = QStringLiteral("Salle des fêtes");
        to.contact = QStringLiteral("Claire Petit");
        to.phone = QStringLiteral("05 49 00 00 02");
        fields->setTo(to);
        fields->setWishedDate(wished);
        fields->setNotes(QStringLiteral("Escalier étroit au 2e étage."));
        dialog.accept();
        return dialog.result();
    });
    window->actionButton(AdAction::Close)->click();
    QVERIFY(waitIdle(*window));

    // The departure was the ad's own site and room, the owner to ask there; the arrival the
    // receiving service's organisation's only site; the day the next working day.
    QCOMPARE(prefilled.from.siteId, m_world.depot);
    QCOMPARE(prefilled.from.room, ad.room);
    QCOMPARE(prefilled.from.contact, QStringLiteral("Marie Dupont"));
    QCOMPARE(prefilled.to.siteId, m_world.townHall);
    QCOMPARE(prefilled.wishedDate, TransportFields::nextWorkingDay(platformToday()));
    QVERIFY(prefilled.wishedDate.dayOfWeek() <= 5);

    const auto closed = AdRepository(*m_admin).get(ad.id, false);
    QCOMPARE(closed->state, AdState::Closed);
    QCOMPARE(closed->receivingServiceId, m_world.schools);
    QCOMPARE(pickupCount(ad.id), 1);
    const auto pickup = PickupRepository(*m_admin).latestForAd(ad.id);
    QVERIFY(pickup && *pickup);
    const Pickup &p = **pickup;
    QCOMPARE(p.status, PickupStatus::Requested);
    QCOMPARE(p.from.siteId, m_world.depot);
    QCOMPARE(p.from.room, ad.room);
    QCOMPARE(p.from.contact, QStringLiteral("Marie Dupont"));
    QCOMPARE(p.to.siteId, m_world.townHall);
    QCOMPARE(p.to.room, QStringLiteral("Salle des fêtes"));
    QCOMPARE(p.to.contact, QStringLiteral("Claire Petit"));
    QCOMPARE(p.to.phone, QStringLiteral("05 49 00 00 02"));
    QCOMPARE(p.wishedDate, wished);
    QCOMPARE(p.notes, QStringLiteral("Escalier étroit au 2e étage."));
    QCOMPARE(p.requestedBy, m_world.owner);
    QVERIFY2(messageText(*window).contains(u"transport is asked"),
             qPrintable(messageText(*window)));
    const auto stateOf = [&] {
        const MyAdsEntry *entry = window->model()->entry(window->model()->rowOfAd(ad.id));
        return entry ? window->model()->stateText(*entry) : QString();
    };
    QTRY_VERIFY2(stateOf().contains(u"transport requested"), qPrintable(stateOf()));
}

void TestMyAdsWindow::transportRefusalsCloseNothingAndKeepWhatWasTyped()
{
    const Ad ad = adInState(AdState::Published, QStringLiteral("Desserte roulante"));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, ad.id));
    const auto setTownHallActive = [&](bool active) {
        QSqlQuery update(m_admin->connection());
        update.prepare(QStringLiteral("UPDATE site SET active = ? WHERE id = ?"));
        update.addBindValue(active);
        update.addBindValue(m_world.townHall);
        return update.exec();
    };
    const QString note = QStringLiteral("Remise en main propre prévue jeudi.");
    const QString contact = QStringLiteral("Claire Petit");
    QString pastError, pastContact, pastNote, missingError, closedSiteError, closedSiteContact;
    int pastResult = -1, missingResult = -1, closedSiteResult = -1;
    int pickupsWhileOpen = -1;
    AdState stateWhileOpen = AdState::Draft;
    window->setCloseRunner([&](CloseAdDialog &dialog) {
        TransportFields *fields = dialog.transportFields();
        if (!fields)
            return int(QDialog::Rejected);
        dialog.setReason(CloseReason::Exchanged);
        dialog.setReceivingService(m_world.schools);
        dialog.setNote(note);
        dialog.setTransportAsked(true);
        fields->setTo({m_world.townHall, {}, {}, QStringLiteral("Accueil"), contact, {}});

        // A day already past: refused under the date, nothing closed.
        fields->setWishedDate(platformToday().addDays(-1));
        dialog.accept();
        pastResult = dialog.result();
        pastError = dialog.fieldError(QStringLiteral("wishedDate"));
        pastContact = fields->request().to.contact;
        pastNote = dialog.choice().note;

        // No arrival: refused under the site.
        fields->setWishedDate(TransportFields::nextWorkingDay(platformToday()));
        fields->setTo({0, {}, {}, QStringLiteral("Accueil"), contact, {}});
        dialog.accept();
        missingResult = dialog.result();
        missingError = dialog.fieldError(QStringLiteral("toSite"));

        // The site closes while the dialog is open: the server refuses it, under the site,
        // and the closing is rolled back with the request.
        fields->setTo({m_world.townHall, {}, {}, QStringLiteral("Accueil"), contact, {}});
        if (!setTownHallActive(false))
            return int(QDialog::Rejected);
        dialog.accept();
        closedSiteResult = dialog.result();
        closedSiteError = dialog.fieldError(QStringLiteral("toSite"));
        closedSiteContact = fields->request().to.contact;
        stateWhileOpen = AdRepository(*m_admin).get(ad.id, false)->state;
        pickupsWhileOpen = pickupCount(ad.id);
        setTownHallActive(true);
        return int(QDialog::Rejected); // the owner gives up
    });
    window->actionButton(AdAction::Close)->click();
    QVERIFY(waitIdle(*window));
    QVERIFY(setTownHallActive(true));

    QVERIFY(pastResult != QDialog::Accepted);
    QVERIFY2(pastError.contains(u"past"), qPrintable(pastError));
    QCOMPARE(pastContact, contact);
    QCOMPARE(pastNote, note);
    QVERIFY(missingResult != QDialog::Accepted);
    QVERIFY2(missingError.contains(u"goes to"), qPrintable(missingError));
    QVERIFY(closedSiteResult != QDialog::Accepted);
    QVERIFY2(closedSiteError.contains(u"closed"), qPrintable(closedSiteError));
    QCOMPARE(closedSiteContact, contact);
    QCOMPARE(stateWhileOpen, AdState::Published);
    QCOMPARE(pickupsWhileOpen, 0);
    const auto after = AdRepository(*m_admin).get(ad.id, false);
    QCOMPARE(after->state, AdState::Published);
    QCOMPARE(pickupCount(ad.id), 0);
}

void TestMyAdsWindow::closeDialogScreenshot()
{
    const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked: RECUP_SCREENSHOT_DIR=/tmp/shots-transport
    QVERIFY(QDir().mkpath(dir));
    // As a French agent sees it: built in French, with a refusal under the date.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    QTranslator qtbase;
    QTranslator own;
    if (qtbase.load(QStringLiteral("qtbase_fr"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtbase);
    QVERIFY(own.load(QStringLiteral(":/i18n/collectiv-recup_fr.qm")));
    QCoreApplication::installTranslator(&own);
    const Ad ad = adInState(AdState::Published, QStringLiteral("Armoire haute à deux portes"));
    const auto services = ReferenceRepository(*m_admin).services();
    const auto sites = ReferenceRepository(*m_admin).sites();
    QVERIFY(services && sites);
    {
        CloseAdDialog dialog(ad, {}, *services);
        dialog.offerTransport(*sites,
                              {ad.siteId,
                               {},
                               {},
                               ad.room,
                               QStringLiteral("Marie Dupont"),
                               QStringLiteral("05 49 00 00 01")},
                              platformToday());
        dialog.setReason(CloseReason::Exchanged);
        dialog.setReceivingService(m_world.schools);
        dialog.setNote(QStringLiteral("Emportée par l’école Jules-Ferry."));
        dialog.setTransportAsked(true);
        PickupEnd to = dialog.transportFields()->request().to;
        to.room = QStringLiteral("Bâtiment A, salle des fêtes");
        to.contact = QStringLiteral("Claire Petit");
        dialog.transportFields()->setTo(to);
        dialog.transportFields()->setNotes(
                QStringLiteral("Escalier étroit, prévoir deux personnes."));
        dialog.show();
        QVERIFY(saveScreen(dialog, QDir(dir).filePath(QStringLiteral("close-transport.png"))));
        dialog.transportFields()->setWishedDate(platformToday().addDays(-1));
        dialog.accept(); // refused under the date
        QVERIFY(!dialog.fieldError(QStringLiteral("wishedDate")).isEmpty());
        QVERIFY(saveScreen(dialog,
                           QDir(dir).filePath(QStringLiteral("close-transport-refused.png"))));
    }
    QCoreApplication::removeTranslator(&own);
    QCoreApplication::removeTranslator(&qtbase);
    QLocale::setDefault(before);
}

void TestMyAdsWindow::sendingToTheStoreAsksOneTransportAndTheAdWaits()
{
    // A store of its own organisation, kept by the library (Paul holds its items).
    ReferenceRepository references(*m_admin);
    const auto organisation
            = references.addOrganisation({0, QStringLiteral("LOG"), QStringLiteral("Logistique")});
    QVERIFY(organisation);
    Site store;
    store.organisationId = *organisation;
    store.code = QStringLiteral("MAG");
    store.name = QStringLiteral("Magasin général");
    const auto storeId = references.addSite(store);
    QVERIFY(storeId);
    QVERIFY(references.setStore(*storeId, m_world.library, m_world.other));
    m_ownerDb->references().reload();
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QList<Site> sites = m_ownerDb->references().sites();
                return std::any_of(sites.cbegin(), sites.cend(), [](const Site &site) {
                    return site.isStore();
                });
            }(),
            15'000);

    const Ad ad = adInState(AdState::Published, QStringLiteral("Armoire sans preneur"));
    const Ad draft = adInState(AdState::Draft, QStringLiteral("Brouillon pas encore vu"));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, draft.id));
    QVERIFY(!window->offeredActions().contains(AdAction::Store)); // not before publication
    QVERIFY(selectAndWait(*window, ad.id));
    QVERIFY(window->offeredActions().contains(AdAction::Store));

    // A past day first: refused under the field, nothing asked, nothing typed lost.
    int rounds = 0;
    QString refusal;
    PickupRequest offered;
    QString notesKept;
    window->setStoreRunner([&](SendToStoreDialog &dialog) {
        TransportFields *fields = dialog.fields();
        offered = fields->request();
        fields->setNotes(QStringLiteral("Au fond du couloir."));
        fields->setWishedDate(platformToday().addDays(-1));
        dialog.accept();
        ++rounds;
        refusal = fields->fieldError(QStringLiteral("wishedDate"));
        notesKept = fields->request().notes;
        fields->setWishedDate(platformToday().addDays(2));
        dialog.accept();
        return dialog.result();
    });
    window->actionButton(AdAction::Store)->click();
    QVERIFY(waitIdle(*window));
    QCOMPARE(rounds, 1);
    QVERIFY(!refusal.isEmpty());
    QCOMPARE(notesKept, QStringLiteral("Au fond du couloir."));
    // The arrival offered the store only, and chose it; the departure was the ad's.
    QCOMPARE(offered.to.siteId, *storeId);
    QCOMPARE(offered.from.siteId, ad.siteId);
    QCOMPARE(offered.from.contact, QStringLiteral("Marie Dupont"));

    QCOMPARE(pickupCount(ad.id), 1);
    const auto pickup = PickupRepository(*m_admin).latestForAd(ad.id);
    QVERIFY(pickup && *pickup);
    QCOMPARE((*pickup)->purpose, PickupPurpose::Store);
    QCOMPARE((*pickup)->receivingServiceId, m_world.library);
    QCOMPARE((*pickup)->notes, QStringLiteral("Au fond du couloir."));
    QVERIFY2(messageText(*window).contains(u"general store"), qPrintable(messageText(*window)));

    // Meanwhile the ad waits: closing it is refused in words.
    QVERIFY(selectAndWait(*window, ad.id));
    QString closeRefusal;
    window->setCloseRunner([&](CloseAdDialog &dialog) {
        dialog.setReason(CloseReason::Discarded);
        dialog.accept();
        closeRefusal = dialog.messageText();
        return dialog.result();
    });
    window->actionButton(AdAction::Close)->click();
    QVERIFY(waitIdle(*window));
    QVERIFY2(closeRefusal.contains(u"store"), qPrintable(closeRefusal));
    QCOMPARE(AdRepository(*m_admin).get(ad.id, false)->state, AdState::Published);
}

// « Lot de 12 chaises » in « Mes annonces »: 5 reserved for the schools (the service that
// asked comes first), « 7 of 12 available », released, reserved again, given; the ad stays
// published with its 7.
void TestMyAdsWindow::aLotSplitThroughTheWindow()
{
    const Ad lot = publishedLot(
            *m_admin, m_world, 12, 24'000, 60'000, QStringLiteral("Lot de 12 chaises"));
    const auto paul = ReferenceRepository(*m_otherDb).agent(m_world.other);
    QVERIFY(paul);
    QVERIFY(ContactRequests(*m_otherDb)
                    .send(lot.id,
                          *paul,
                          m_world.schools,
                          QStringLiteral("Pour les écoles."),
                          MailSettings{}));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, lot.id));
    QVERIFY(window->reservePartButton()->isVisible());
    QVERIFY(window->reservePartButton()->isEnabled());
    QVERIFY(!window->releasePartButton()->isEnabled());

    int maximum = 0;
    QString firstService;
    const auto reserveFive = [&](ReservePartDialog &dialog) {
        maximum = dialog.quantityBox()->maximum();
        firstService = dialog.serviceBox()->itemText(0);
        if (!dialog.selectService(m_world.schools))
            return int(QDialog::Rejected);
        dialog.quantityBox()->setValue(5);
        dialog.accept();
        return dialog.result();
    };
    window->setReserveRunner(reserveFive);
    QTest::mouseClick(window->reservePartButton(), Qt::LeftButton);
    QTRY_COMPARE(window->displayedShares().held, 5);
    QCOMPARE(maximum, 12);
    QVERIFY2(firstService.contains(QLatin1String("asked")), qPrintable(firstService));
    QCOMPARE(window->quantityLabel()->text(), QStringLiteral("7 of 12 available"));
    QVERIFY2(messageText(*window).contains(u"partly reserved: 5 for Écoles; 7 stay(s)"_s),
             qPrintable(messageText(*window)));
    QCOMPARE(window->stateLabel()->text(), displayName(AdState::Published));
    QCOMPARE(window->partsView()->topLevelItemCount(), 1);

    window->partsView()->setCurrentItem(window->partsView()->topLevelItem(0));
    QVERIFY(window->releasePartButton()->isEnabled());
    QTest::mouseClick(window->releasePartButton(), Qt::LeftButton);
    QTRY_COMPARE(window->displayedShares().held, 0);
    QTRY_COMPARE(window->displayedShares().left(), 12);

    QTest::mouseClick(window->reservePartButton(), Qt::LeftButton);
    QTRY_COMPARE(window->displayedShares().held, 5);
    QTRY_COMPARE(window->partsView()->topLevelItemCount(), 2);
    // The part just reserved is the held one, listed last.
    window->partsView()->setCurrentItem(window->partsView()->topLevelItem(1));
    QVERIFY(window->exchangePartButton()->isEnabled());
    // Given with its transport to the schools: both saved; the transport carries the 5.
    QString intro;
    window->setGiveRunner([&](GivePartDialog &dialog) {
        intro = dialog.findChild<QLabel *>(QStringLiteral("givePartIntro"))->text();
        // Asked for a day already past: refused under its field, nothing given.
        dialog.transportBox()->setChecked(true);
        dialog.fields()->setWishedDate(platformToday().addDays(-1));
        dialog.accept();
        if (dialog.result() == QDialog::Accepted
            || dialog.fields()->fieldError(QStringLiteral("wishedDate")).isEmpty())
            return int(QDialog::Rejected);
        dialog.fields()->setWishedDate(platformToday().addDays(2));
        dialog.fields()->setTo({m_world.townHall, {}, {}, u"Salle 3"_s, u"Sam"_s, {}});
        dialog.accept();
        return dialog.result();
    });
    QTest::mouseClick(window->exchangePartButton(), Qt::LeftButton);
    QTRY_COMPARE(window->displayedShares().exchanged, 5);
    QVERIFY2(intro.contains(u"Écoles"_s), qPrintable(intro));
    QCOMPARE(pickupCount(lot.id), 1);
    const auto carried = PickupRepository(*m_admin).list({});
    QVERIFY(carried);
    int carriedQuantity = 0;
    for (const Pickup &p : *carried) {
        if (p.adId == lot.id) {
            carriedQuantity = p.quantity;
            QCOMPARE(p.receivingServiceId, m_world.schools);
        }
    }
    QCOMPARE(carriedQuantity, 5);
    QVERIFY2(messageText(*window).contains(QStringLiteral("transport")),
             qPrintable(messageText(*window)));
    QCOMPARE(window->displayedShares().left(), 7);
    QCOMPARE(AdRepository(*m_admin).get(lot.id, false)->state, AdState::Published);

    // Bad input: the dialog bounds the quantity by what is left, and a refusal from the
    // server (someone reserved meanwhile) shows under the field with the dialog still open.
    QVERIFY(AdRepository(*m_admin).reservePart(lot.id, m_world.library, 6, m_world.ownerActor()));
    QString underQuantity;
    bool stillOpen = false;
    window->setReserveRunner([&](ReservePartDialog &dialog) {
        maximum = dialog.quantityBox()->maximum();
        dialog.selectService(m_world.schools);
        dialog.quantityBox()->setValue(maximum);
        dialog.accept();
        underQuantity = dialog.errorText(QStringLiteral("quantity"));
        stillOpen = dialog.result() != QDialog::Accepted;
        return dialog.result();
    });
    QTest::mouseClick(window->reservePartButton(), Qt::LeftButton);
    QCOMPARE(maximum, 7); // the window had not seen the 6 yet
    QVERIFY(stillOpen);
    QVERIFY2(underQuantity.contains(QLatin1String("left")), qPrintable(underQuantity));
    QCOMPARE(AdRepository(*m_admin).shares(lot.id)->left(), 1);
}

// « Mes annonces » with a lot split between two services, as a French agent sees it; only
// when asked: RECUP_SCREENSHOT_DIR=/tmp/shots.
void TestMyAdsWindow::lotPartsScreenshot()
{
    const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set RECUP_SCREENSHOT_DIR to save a picture of the window");
    QVERIFY(QDir().mkpath(dir));
    FrenchScreens french;
    QVERIFY(french.loaded());
    const Ad lot = publishedLot(
            *m_admin, m_world, 12, 24'000, 60'000, QStringLiteral("Lot de 12 chaises empilables"));
    AdRepository ads(*m_admin);
    QVERIFY(ads.reservePart(lot.id, m_world.schools, 5, m_world.ownerActor()));
    const auto given = ads.reservePart(lot.id, m_world.library, 3, m_world.ownerActor());
    QVERIFY(given);
    QVERIFY(ads.exchangePart(*given, m_world.ownerActor()));
    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    window->resize(1100, 760);
    QVERIFY(selectAndWait(*window, lot.id));
    QTRY_COMPARE(window->partsView()->topLevelItemCount(), 2);
    QVERIFY(saveScreen(*window, dir + QStringLiteral("/mes-annonces-lot.png")));

    // « Donner la partie… » with its transport asked.
    window->partsView()->setCurrentItem(window->partsView()->topLevelItem(0));
    bool saved = false;
    window->setGiveRunner([&](GivePartDialog &dialog) {
        dialog.transportBox()->setChecked(true);
        dialog.show();
        saved = saveScreen(dialog, dir + QStringLiteral("/donner-la-partie.png"));
        return int(QDialog::Rejected);
    });
    QTest::mouseClick(window->exchangePartButton(), Qt::LeftButton);
    QVERIFY(saved);

    // The 4 left reserved too: the lot reads as reserved, nothing left in the catalogue.
    QVERIFY(ads.reservePart(lot.id, m_world.schools, 4, m_world.ownerActor()));
    auto reserved = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(reserved);
    reserved->resize(1100, 760);
    QVERIFY(selectAndWait(*reserved, lot.id));
    QTRY_COMPARE(reserved->displayedShares().left(), 0);
    QCOMPARE(reserved->stateLabel()->text(), displayName(AdState::Reserved));
    QVERIFY(saveScreen(*reserved, dir + QStringLiteral("/mes-annonces-lot-reserve.png")));
}

// The detail's timeline: every step of the ad, oldest first, with who took it (a moderator said
// so) and why.
void TestMyAdsWindow::historyTimelineSaysWhoDidWhatInOrder()
{
    const Ad rejected = adInState(AdState::Rejected, QStringLiteral("Armoire à rideaux"));
    const Ad pending = step(rejected, AdAction::Resubmit, m_world.ownerActor());
    const Ad lot = step(pending, AdAction::Approve, m_world.moderatorActor());
    QVERIFY(AdRepository(*m_admin).reservePart(lot.id, m_world.schools, 1, m_world.ownerActor()));
    const auto history = AdRepository(*m_admin).history(lot.id);
    QVERIFY(history);
    QCOMPARE(history->size(), 6); // create, submit, reject, resubmit, approve, reserve-part

    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(selectAndWait(*window, lot.id));
    QListWidget *timeline = window->historyView();
    QVERIFY(timeline && timeline->isVisible());
    QVERIFY(!timeline->accessibleName().isEmpty());
    QCOMPARE(timeline->count(), 6);
    // « 4 déc. 14 h 12 — Marie Dupont a créé le brouillon »: when, then who did what and why.
    const auto line = [&](int row) {
        const QString text = timeline->item(row)->text();
        return text.section(u" — "_s, 1);
    };
    QCOMPARE(line(0), QStringLiteral("Marie Dupont created the draft"));
    QCOMPARE(line(1), QStringLiteral("Marie Dupont sent the ad to moderation"));
    QCOMPARE(line(2),
             QStringLiteral("Claire Bernard (moderation) rejected the ad: La photo ne montre pas "
                            "l'objet : ajoutez-en une prise sur place."));
    QCOMPARE(line(3), QStringLiteral("Marie Dupont sent the ad to moderation again"));
    QCOMPARE(line(4), QStringLiteral("Claire Bernard (moderation) approved and published the ad"));
    QCOMPARE(line(5), QStringLiteral("Marie Dupont reserved 1 of the lot for Écoles"));
    for (int row = 0; row < 6; ++row)
        QVERIFY(!timeline->item(row)->text().section(u" — "_s, 0, 0).isEmpty()); // when
}

// The list shows each ad's first photo beside its title; an ad without photo shows none.
void TestMyAdsWindow::listShowsTheFirstPhotosThumbnail()
{
    const auto jpeg = [](QColor colour, int side) {
        QImage image(side, side, QImage::Format_RGB32);
        image.fill(colour);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "JPEG");
        return bytes;
    };
    Ad withPhoto = m_world.sampleAd(QStringLiteral("Fauteuil photographié"));
    // A thumbnail as stored (256 px): the list draws it small, beside a title still read.
    withPhoto.photos.append(AdPhoto{0, 0, jpeg(Qt::darkGreen, 400), jpeg(Qt::darkGreen, 256)});
    const auto created = AdRepository(*m_admin).create(withPhoto, m_world.ownerActor());
    QVERIFY2(created, qPrintable(created.error().message));
    const Ad without = adInState(AdState::Draft, QStringLiteral("Fauteuil sans photo"));

    auto window = openWindow(*m_ownerDb, m_world.owner);
    QVERIFY(window);
    QVERIFY(refreshAndWait(*window));
    const int row = window->model()->rowOfAd(created->id);
    QVERIFY(row >= 0);
    const QImage thumbnail = window->model()
                                     ->index(row, MyAdsModel::TitleColumn)
                                     .data(Qt::DecorationRole)
                                     .value<QImage>();
    QVERIFY(!thumbnail.isNull());
    QCOMPARE(thumbnail.width(), OwnedAd::ListThumbnailSide);
    QVERIFY(qAbs(qGreen(thumbnail.pixel(20, 20)) - QColor(Qt::darkGreen).green()) < 16);
    QCOMPARE(window->model()->index(row, MyAdsModel::TitleColumn).data().toString(),
             QStringLiteral("Fauteuil photographié"));
    const int bare = window->model()->rowOfAd(without.id);
    QVERIFY(bare >= 0);
    QVERIFY(!window->model()
                     ->index(bare, MyAdsModel::TitleColumn)
                     .data(Qt::DecorationRole)
                     .isValid());
}

QTEST_MAIN(TestMyAdsWindow)
#include "tst_myadswindow.moc"
