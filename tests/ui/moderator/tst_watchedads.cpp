// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The moderators' other views (published ads, long reservations) on the offscreen platform.
// On PostgreSQL the pane reads and removes through a moderator's own login; a removal mails
// the poster, and the moderator's client sends it into a pickup folder, read back by Python.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "TestDatabase.h"
#include "actions/MailCenter.h"
#include "common/MessageBar.h"
#include "moderator/WatchedAdsModel.h"
#include "moderator/WatchedAdsPane.h"
#include "storage/ModerationViews.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

class TestWatchedAds : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void publishedAdsListedNewestFirst();
    void publishedAdsFiltered();
    void removingNeedsAReason();
    void removingWithAReasonClosesAsRemoved();
    void removingAnAdChangedMeanwhileIsAConflict();
    void oldReservationsListedRecentOnesNot();
    void releasingAPartSaysWhyAndTheHistoryKeepsIt();

private:
    std::unique_ptr<WatchedAdsPane> openPane(Database &db, qint64 agentId);
    bool refreshAndWait(WatchedAdsPane &pane);
    static QString messageText(const WatchedAdsPane &pane);
    Ad reservedAd(const QString &title, int daysAgo);
    // The 'ad-removed' mails that follow a removal step of the ad: "recipients|state" each.
    QStringList removalMails(qint64 adId) const;

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<Database> m_claireDb; // Claire Bernard, moderator
    std::unique_ptr<Database> m_lucDb;    // Luc Petit, moderator
    World m_world;
};

void TestWatchedAds::initTestCase()
{
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("watchedads"));
    m_admin = m_test->open();
    QVERIFY(m_admin);
    m_world = makeWorld(*m_admin);
    if (TestDatabase::backend() == QLatin1String("postgresql"))
        QVERIFY(ensureLoginRoles(*m_admin));
    m_claireDb = m_test->openAs(QStringLiteral("cbernard"));
    m_lucDb = m_test->openAs(QStringLiteral("lpetit"));
    QVERIFY(m_claireDb && m_lucDb);
    if (TestDatabase::backend() == QLatin1String("postgresql")) {
        const auto claire = ReferenceRepository(*m_claireDb).sessionAgent();
        QVERIFY2(claire.ok(), qPrintable(claire.error().detail));
        QCOMPARE(claire->id, m_world.moderator);
    }
}

void TestWatchedAds::cleanupTestCase()
{
    m_claireDb.reset();
    m_lucDb.reset();
    m_admin.reset();
    m_test.reset();
}

std::unique_ptr<WatchedAdsPane> TestWatchedAds::openPane(Database &db, qint64 agentId)
{
    const auto agent = ReferenceRepository(db).agent(agentId);
    if (!agent)
        return {};
    auto pane = std::make_unique<WatchedAdsPane>(db, *agent);
    new QAbstractItemModelTester(pane->publishedModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 pane.get());
    new QAbstractItemModelTester(pane->reservedModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 pane.get());
    pane->setReasonPrompt([](const ReasonRequest &, QWidget *) -> std::optional<QString> {
        qWarning("unexpected reason prompt");
        return std::nullopt;
    });
    pane->show();
    if (!QTest::qWaitForWindowExposed(pane.get())
        || !QTest::qWaitFor([&] { return !pane->isLoading(); }, 15'000))
        return {};
    return pane;
}

bool TestWatchedAds::refreshAndWait(WatchedAdsPane &pane)
{
    QSignalSpy refreshed(&pane, &WatchedAdsPane::refreshed);
    pane.refresh();
    return refreshed.wait(15'000) && !pane.isLoading();
}

QString TestWatchedAds::messageText(const WatchedAdsPane &pane)
{
    return pane.messageBar()->isVisible() ? pane.messageBar()->text() : QString();
}

QStringList TestWatchedAds::removalMails(qint64 adId) const
{
    QSqlQuery q(m_admin->connection());
    q.prepare(QStringLiteral("SELECT o.recipients, o.state FROM outbox o "
                             "JOIN ad_history h ON h.id = o.action_id "
                             "WHERE o.kind = 'ad-removed' AND h.ad_id = ? AND h.action = 'remove' "
                             "ORDER BY o.id"));
    q.addBindValue(adId);
    QStringList mails;
    if (!q.exec())
        return {q.lastError().text()};
    while (q.next())
        mails.append(q.value(0).toString() + u'|' + q.value(1).toString());
    return mails;
}

Ad TestWatchedAds::reservedAd(const QString &title, int daysAgo)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Ad published = publishedAd(*m_admin, m_world, title, now.addDays(-daysAgo - 1));
    // The reservation is placed in time as the demo data are (administrators' sessions only).
    const TransitionRequest reserve{
            AdAction::Reserve, published.version, {}, {}, 0, now.addDays(-daysAgo)};
    const auto reserved
            = AdRepository(*m_admin).transition(published.id, reserve, m_world.ownerActor());
    if (!reserved)
        qFatal("reserve failed: %s", qPrintable(reserved.error().message));
    return *reserved;
}

void TestWatchedAds::publishedAdsListedNewestFirst()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Ad older
            = publishedAd(*m_admin, m_world, QStringLiteral("Armoire haute"), now.addDays(-3));
    const Ad newer = publishedAd(*m_admin, m_world, QStringLiteral("Chaise visiteur"));
    const Ad pending = pendingAd(*m_admin, m_world, QStringLiteral("Encore en attente"));

    auto pane = openPane(*m_claireDb, m_world.moderator);
    QVERIFY(pane);
    WatchedAdsModel *model = pane->publishedModel();
    QVERIFY(model->rowOfAd(newer.id) >= 0);
    QVERIFY(model->rowOfAd(newer.id) < model->rowOfAd(older.id));
    QCOMPARE(model->rowOfAd(pending.id), -1);
    const int row = model->rowOfAd(older.id);
    QCOMPARE(model->index(row, WatchedAdsModel::CategoryColumn).data().toString(),
             QStringLiteral("Bureaux"));
    const QString owner = model->index(row, WatchedAdsModel::OwnerColumn).data().toString();
    QVERIFY2(owner.contains(QStringLiteral("Marie Dupont")), qPrintable(owner));
    QCOMPARE(model->ad(row)->version, older.version);
    QCOMPARE(model->ad(row)->siteId, m_world.depot);

    // The counts for the host's tab titles are the database's.
    QSignalSpy counts(pane.get(), &WatchedAdsPane::countsChanged);
    QVERIFY(refreshAndWait(*pane));
    QCOMPARE(counts.size(), 1);
    const auto stored = ModerationViews(*m_admin).counts();
    QVERIFY(stored);
    QCOMPARE(counts.first().at(0).toInt(), stored->published);
    QVERIFY(stored->published >= 2);
}

void TestWatchedAds::publishedAdsFiltered()
{
    const Ad zephyr = publishedAd(*m_admin, m_world, QStringLiteral("Lampe Zéphyr articulée"));
    const Ad other = publishedAd(*m_admin, m_world, QStringLiteral("Table basse"));
    auto pane = openPane(*m_claireDb, m_world.moderator);
    QVERIFY(pane);
    WatchedAdsModel *model = pane->publishedModel();

    QSignalSpy refreshed(pane.get(), &WatchedAdsPane::refreshed);
    pane->findChild<QLineEdit *>(QStringLiteral("publishedFilter"))->setFocus();
    QTest::keyClicks(pane->findChild<QLineEdit *>(QStringLiteral("publishedFilter")),
                     QStringLiteral("zephyr"));
    QVERIFY(refreshed.wait(15'000));
    QTRY_VERIFY(!pane->isLoading());
    QVERIFY(model->rowOfAd(zephyr.id) >= 0);
    QCOMPARE(model->rowOfAd(other.id), -1);

    // The poster's name filters too.
    pane->setFilter(QStringLiteral("dupont"));
    QTRY_VERIFY(!pane->isLoading());
    QVERIFY(model->rowOfAd(zephyr.id) >= 0);
    QVERIFY(model->rowOfAd(other.id) >= 0);

    pane->setFilter(QStringLiteral("introuvable"));
    QTRY_VERIFY(!pane->isLoading());
    QCOMPARE(model->rowCount(), 0);
}

void TestWatchedAds::removingNeedsAReason()
{
    const Ad ad = publishedAd(*m_admin, m_world, QStringLiteral("Radiateur d'appoint"));
    auto pane = openPane(*m_claireDb, m_world.moderator);
    QVERIFY(pane);
    QVERIFY(pane->selectAd(ad.id));
    auto *button = pane->findChild<QPushButton *>(QStringLiteral("removePublishedButton"));
    QVERIFY(button && button->isEnabled());

    // An empty reason is refused, by the dialog's rules and by the pane.
    int asked = 0;
    pane->setReasonPrompt([&](const ReasonRequest &request, QWidget *) {
        ++asked;
        if (request.validate(QString()).isEmpty())
            qWarning("an empty reason passes the rules");
        return std::optional<QString>(QString());
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(asked, 1);
    QVERIFY(!messageText(*pane).isEmpty());

    // Cancelling changes nothing either.
    pane->setReasonPrompt([&](const ReasonRequest &, QWidget *) {
        ++asked;
        return std::optional<QString>();
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(asked, 2);

    const auto stored = AdRepository(*m_admin).get(ad.id);
    QVERIFY(stored);
    QCOMPARE(stored->state, AdState::Published);
    QCOMPARE(stored->version, ad.version);
}

void TestWatchedAds::removingWithAReasonClosesAsRemoved()
{
    const Ad ad = publishedAd(*m_admin, m_world, QStringLiteral("Écran cathodique"));
    auto pane = openPane(*m_claireDb, m_world.moderator);
    QVERIFY(pane);
    // Claire's workstation sends what it writes into a pickup folder.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    MailSettings settings;
    settings.sender = {QStringLiteral("collectiv-recup@agglo.test"), {}};
    settings.transport = MailSettings::Transport::PickupFolder;
    settings.pickupFolder = folder.path();
    QVERIFY(usePlatformSettings(*m_admin, settings));
    MailCenter center(*m_claireDb, QStringLiteral("test cbernard"));
    center.setSettings(settings);
    QVERIFY(center.sends());
    pane->setMailCenter(&center);
    QSignalSpy sent(&center, &MailCenter::mailSent);
    QSignalSpy refused(&center, &MailCenter::mailRefused);
    QVERIFY(pane->selectAd(ad.id));
    const QString reason = QStringLiteral("Matériel informatique : voir la DSI.");
    QString question;
    pane->setReasonPrompt([&](const ReasonRequest &request, QWidget *) {
        question = request.question;
        return std::optional<QString>(reason);
    });
    QSignalSpy refreshed(pane.get(), &WatchedAdsPane::refreshed);
    QTest::mouseClick(pane->findChild<QPushButton *>(QStringLiteral("removePublishedButton")),
                      Qt::LeftButton);
    QVERIFY(question.contains(QStringLiteral("Écran cathodique")));
    QVERIFY(question.contains(QStringLiteral("Marie Dupont")));
    QVERIFY(refreshed.wait(15'000));
    QTRY_VERIFY(!pane->isLoading());

    const auto stored = AdRepository(*m_admin).get(ad.id);
    QVERIFY(stored);
    QCOMPARE(stored->state, AdState::Closed);
    QCOMPARE(stored->closeReason, std::optional(CloseReason::Removed));
    QCOMPARE(stored->closeNote, reason);
    const auto history = AdRepository(*m_admin).history(ad.id);
    QVERIFY(history && !history->isEmpty());
    const AdHistoryEntry &last = history->last();
    QCOMPARE(last.action, AdAction::Remove);
    QCOMPARE(last.actorId, m_world.moderator);
    QCOMPARE(last.toState, AdState::Closed);
    QCOMPARE(last.reason, reason);
    QCOMPARE(pane->publishedModel()->rowOfAd(ad.id), -1);
    QVERIFY2(messageText(*pane).contains(QStringLiteral("Écran cathodique")),
             qPrintable(messageText(*pane)));

    // Exactly one mail, to the poster, sent at once by Claire's client.
    QTRY_VERIFY_WITH_TIMEOUT(sent.size() + refused.size() >= 1, 10'000);
    QCOMPARE(refused.size(), 0);
    QCOMPARE(removalMails(ad.id), QStringList{QStringLiteral("mdupont@agglo.test|sent")});
    const QStringList files = QDir(folder.path()).entryList({QStringLiteral("*.eml")});
    QCOMPARE(files.size(), 1);
    QFile file(QDir(folder.path()).filePath(files.first()));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray raw = file.readAll();
    QString error;
    const QJsonObject parsed = parseMail(raw, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(parsed.value(QLatin1String("defects")).toArray(), QJsonArray());
    const QString subject = QStringLiteral("Votre annonce « Écran cathodique » a été retirée");
    QCOMPARE(headerValue(parsed, QStringLiteral("Subject")), subject);
    const QString problem = rfc2047SubjectProblem(raw, subject);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(headerValue(parsed, QStringLiteral("To")),
             QStringLiteral("Marie Dupont <mdupont@agglo.test>"));
    QVERIFY(headerValue(parsed, QStringLiteral("Cc")).isEmpty());
    const QString text = textPart(parsed, QStringLiteral("text/plain"));
    QVERIFY2(text.contains(QStringLiteral("Bonjour Marie Dupont,")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Motif du retrait\u00a0:\n\n") + reason),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("cbernard@agglo.test")), qPrintable(text));
    pane->setMailCenter(nullptr);
}

void TestWatchedAds::removingAnAdChangedMeanwhileIsAConflict()
{
    const Ad ad = publishedAd(*m_admin, m_world, QStringLiteral("Vestiaire métallique"));
    auto pane = openPane(*m_claireDb, m_world.moderator);
    QVERIFY(pane);
    QVERIFY(pane->selectAd(ad.id));
    // Luc removes it first, from his own workstation.
    const TransitionRequest first{
            AdAction::Remove, ad.version, QStringLiteral("Doublon."), {}, 0, {}};
    QVERIFY(AdRepository(*m_lucDb).transition(ad.id, first, m_world.secondModeratorActor()));

    pane->setReasonPrompt([](const ReasonRequest &, QWidget *) {
        return std::optional<QString>(QStringLiteral("Hors charte."));
    });
    QSignalSpy refreshed(pane.get(), &WatchedAdsPane::refreshed);
    QTest::mouseClick(pane->findChild<QPushButton *>(QStringLiteral("removePublishedButton")),
                      Qt::LeftButton);
    const QString message = messageText(*pane);
    QVERIFY2(message.contains(QStringLiteral("Vestiaire métallique")), qPrintable(message));
    QVERIFY(refreshed.wait(15'000));
    QTRY_VERIFY(!pane->isLoading());
    QCOMPARE(pane->publishedModel()->rowOfAd(ad.id), -1);
    const auto stored = AdRepository(*m_admin).get(ad.id);
    QCOMPARE(stored->closeNote, QStringLiteral("Doublon."));
    // Luc removed it behind the pane's back, without the workflow: no mail; Claire's refused
    // removal wrote none either.
    QCOMPARE(removalMails(ad.id), QStringList());
}

void TestWatchedAds::oldReservationsListedRecentOnesNot()
{
    const Ad old = reservedAd(QStringLiteral("Bureau réservé depuis longtemps"), 31);
    const Ad recent = reservedAd(QStringLiteral("Bureau réservé récemment"), 5);
    auto pane = openPane(*m_claireDb, m_world.moderator);
    QVERIFY(pane);
    WatchedAdsModel *model = pane->reservedModel();
    QVERIFY(model->rowOfAd(old.id) >= 0);
    QCOMPARE(model->rowOfAd(recent.id), -1);
    const int row = model->rowOfAd(old.id);
    const QString since = model->index(row, WatchedAdsModel::DateColumn).data().toString();
    QVERIFY2(since.startsWith(QStringLiteral("for 31 day")), qPrintable(since));
    const QString contact = model->index(row, WatchedAdsModel::OwnerColumn).data().toString();
    QVERIFY2(contact.contains(QStringLiteral("Marie Dupont")), qPrintable(contact));
    QVERIFY2(contact.contains(QStringLiteral("mdupont@agglo.test")), qPrintable(contact));
    const auto counts = ModerationViews(*m_claireDb).counts();
    QVERIFY2(counts, qPrintable(counts ? QString() : counts.error().detail));
    QCOMPARE(counts->oldReservations, model->rowCount());

    // « Retirer… » works on this page too.
    pane->showPage(WatchedAdsPane::Page::Reserved);
    QVERIFY(pane->selectAd(old.id));
    pane->setReasonPrompt([](const ReasonRequest &, QWidget *) {
        return std::optional<QString>(QStringLiteral("Réservation abandonnée depuis un mois."));
    });
    QSignalSpy refreshed(pane.get(), &WatchedAdsPane::refreshed);
    QTest::mouseClick(pane->findChild<QPushButton *>(QStringLiteral("removeReservedButton")),
                      Qt::LeftButton);
    QVERIFY(refreshed.wait(15'000));
    QTRY_VERIFY(!pane->isLoading());
    QCOMPARE(model->rowOfAd(old.id), -1);
    const auto stored = AdRepository(*m_admin).get(old.id);
    QCOMPARE(stored->state, AdState::Closed);
    QCOMPARE(stored->closeReason, std::optional(CloseReason::Removed));
    // The poster hears of it: one mail, queued for the relay (no mail center here).
    QCOMPARE(removalMails(old.id), QStringList{QStringLiteral("mdupont@agglo.test|queued")});
}

// « Libérer une partie… » on a lot split between two services: the moderator picks the part,
// gives a reason (none is refused, nothing changes), and the part is back in the catalogue
// with the reason in the ad's history, through the moderator's own login.
void TestWatchedAds::releasingAPartSaysWhyAndTheHistoryKeepsIt()
{
    const Ad lot = publishedLot(
            *m_admin, m_world, 12, 24'000, 60'000, QStringLiteral("Lot de 12 chaises pliantes"));
    AdRepository ads(*m_admin);
    QVERIFY(ads.reservePart(lot.id, m_world.schools, 5, m_world.ownerActor()));
    QVERIFY(ads.reservePart(lot.id, m_world.library, 3, m_world.ownerActor()));
    auto pane = openPane(*m_claireDb, m_world.moderator);
    QVERIFY(pane);
    QVERIFY(pane->selectAd(lot.id));
    auto *button = pane->findChild<QPushButton *>(QStringLiteral("releasePartButton"));
    QVERIFY(button && button->isEnabled());
    QVERIFY(!button->accessibleName().isEmpty());
    QTRY_VERIFY(m_claireDb->references().isLoaded()); // the services' names
    QVERIFY(button->text().contains(u'&'));           // Alt+P

    QStringList offered;
    pane->setPartPrompt([&](const QStringList &choices, QWidget *) {
        offered = choices;
        return std::optional<int>(1); // the library's 3
    });
    int asked = 0;
    QString question;
    pane->setReasonPrompt([&](const ReasonRequest &request, QWidget *) {
        ++asked;
        question = request.question;
        if (request.validate(QString()).isEmpty())
            qWarning("an empty reason passes the rules");
        return std::optional<QString>(QString());
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(asked, 1);
    QCOMPARE(offered.size(), 2);
    QVERIFY2(offered.at(0).contains(QStringLiteral("Écoles")), qPrintable(offered.at(0)));
    QVERIFY2(offered.at(1).contains(QStringLiteral("Médiathèque")), qPrintable(offered.at(1)));
    QVERIFY2(question.contains(QStringLiteral("Marie Dupont")), qPrintable(question));
    QVERIFY(!messageText(*pane).isEmpty());
    QCOMPARE(ads.shares(lot.id)->held, 8); // nothing released without a reason

    const QString why = QStringLiteral("La Médiathèque n'en veut plus.");
    pane->setReasonPrompt([&](const ReasonRequest &, QWidget *) {
        ++asked;
        return std::optional<QString>(why);
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(asked, 2);
    QTRY_COMPARE(ads.shares(lot.id)->held, 5);
    QVERIFY2(messageText(*pane).contains(QStringLiteral("released")),
             qPrintable(messageText(*pane)));
    const auto history = ads.history(lot.id);
    QVERIFY(history && !history->isEmpty());
    QCOMPARE(history->last().action, AdAction::ReleasePart);
    QCOMPARE(history->last().actorId, m_world.moderator);
    QCOMPARE(history->last().reason, why);
    QCOMPARE(history->last().serviceId, m_world.library);

    // An ad with no part held: said, nothing asked.
    const Ad plain = publishedAd(*m_admin, m_world, QStringLiteral("Chaise seule"));
    QVERIFY(refreshAndWait(*pane));
    QVERIFY(pane->selectAd(plain.id));
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(!pane->isReadingParts());
    QTRY_VERIFY(messageText(*pane).contains(QStringLiteral("No part")));
    QCOMPARE(asked, 2);
}

QTEST_MAIN(TestWatchedAds)
#include "tst_watchedads.moc"
