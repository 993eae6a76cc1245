// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The agents' week (issue #13) end to end, through the real windows on the offscreen platform
// and, on PostgreSQL, each person's own login: Marie posts a lot of twelve chairs with two
// photos and sends it to moderation; Claire approves it; Paul finds it in the catalogue, in the
// list and in the grid, and asks for it for his service, and the mail reaches Marie (read back
// with Python's email); Marie reserves five for Paul's service, seven stay in the catalogue;
// she gives the five; the figures count five chairs, at the lot's per-unit € and kg.
#include "Fixtures.h"
#include "Keyboard.h"
#include "MailTestSupport.h"
#include "Screens.h"
#include "TestDatabase.h"
#include "WindowSets.h"
#include "WindowWaits.h"
#include "actions/MailCenter.h"
#include "agent/AdDetailPane.h"
#include "agent/CatalogueModel.h"
#include "agent/CatalogueWindow.h"
#include "agent/ContactDialog.h"
#include "agent/GivePartDialog.h"
#include "agent/MyAdsWindow.h"
#include "agent/ReservePartDialog.h"
#include "common/AdEditorDialog.h"
#include "demo/DemoData.h"
#include "domain/Amounts.h"
#include "moderator/ModerationQueueModel.h"
#include "moderator/ModerationQueueWindow.h"
#include "moderator/StatisticsWindow.h"
#include "reports/Figures.h"
#include "settings/AppSettings.h"
#include "storage/AdRepository.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Recup;
using namespace Recup::Testing;

namespace {

template<typename T>
T *named(const QObject &parent, const char *name)
{
    T *found = parent.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no %s in %s", name, qPrintable(parent.objectName()));
    return found;
}

} // namespace

class TestAgentWeek : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void postApproveContactReserveGiveAndCount();
    // The demo as a newcomer opens it: Céline Legrand's « Mes annonces » shows who asked for
    // her lot of chairs and how it is split. A French picture with RECUP_SCREENSHOT_DIR.
    void theDemoShowsWhoAskedAndTheSplitLot();

private:
    // Marie's lot, through the form: title, category, quantity, weight, value, two photos.
    qint64 postTheLot();
    void approveAsClaire(qint64 adId);
    // Paul's catalogue finds the ad; Contact sends his request; the mail is read back.
    void contactAsPaul(qint64 adId);
    void reserveAndGiveAsMarie(qint64 adId);
    // Paul's catalogue, read again: the row of the ad, the quantity left, the detail's text.
    int rowInPaulsCatalogue(qint64 adId);
    // Ctrl+G: the ad's tile is in Paul's grid of thumbnails, painted with its first photo;
    // Ctrl+G again goes back to the list.
    void seenInTheGrid(int row);
    QString picture(const QString &name, int hue);

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<Database> m_marieDb;  // the owner, Déchets
    std::unique_ptr<Database> m_paulDb;   // who asks, for the library
    std::unique_ptr<Database> m_claireDb; // a moderator
    World m_world;
    QTemporaryDir m_files;
    QTemporaryDir m_settings;
    QTemporaryDir m_mailFolder;
    std::unique_ptr<AppSettings> m_paulSettings;
    std::unique_ptr<CatalogueWindow> m_paulCatalogue;
    std::unique_ptr<WindowSets> m_paulSets;
    std::unique_ptr<MailCenter> m_paulMail;
};

void TestAgentWeek::initTestCase()
{
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("agentweek"));
    m_admin = m_test->open();
    QVERIFY(m_admin);
    m_world = makeWorld(*m_admin);
    if (TestDatabase::backend() == QLatin1String("postgresql"))
        QVERIFY(ensureLoginRoles(*m_admin));
    m_marieDb = m_test->openAs(QStringLiteral("mdupont"));
    m_paulDb = m_test->openAs(QStringLiteral("pmartin"));
    m_claireDb = m_test->openAs(QStringLiteral("cbernard"));
    QVERIFY(m_marieDb && m_paulDb && m_claireDb);
    QVERIFY(m_files.isValid() && m_settings.isValid() && m_mailFolder.isValid());
}

void TestAgentWeek::cleanupTestCase()
{
    m_paulSets.reset();
    m_paulCatalogue.reset();
    m_paulMail.reset();
    m_paulSettings.reset();
    m_marieDb.reset();
    m_paulDb.reset();
    m_claireDb.reset();
    m_admin.reset();
    m_test.reset();
}

QString TestAgentWeek::picture(const QString &name, int hue)
{
    QImage image(1600, 1200, QImage::Format_RGB32);
    image.fill(QColor::fromHsv(hue % 360, 160, 210));
    const QString path = m_files.filePath(name);
    if (!image.save(path))
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

void TestAgentWeek::seenInTheGrid(int row)
{
    CatalogueModel *model = m_paulCatalogue->model();
    QTest::keyClick(m_paulCatalogue.get(), Qt::Key_G, Qt::ControlModifier);
    QVERIFY(m_paulCatalogue->showsGrid());
    QListView *grid = m_paulCatalogue->gridView();
    QVERIFY(grid->isVisible());
    const QModelIndex tile = model->index(row, CatalogueModel::TitleColumn);
    grid->scrollTo(tile);
    const QRect box = grid->visualRect(tile);
    QVERIFY(grid->viewport()->rect().contains(box.center()));
    // The first photo is plain red (hue 0): some pixel of the tile must show it.
    const QColor photo = QColor::fromHsv(0, 160, 210);
    const auto showsPhoto = [&] {
        const QImage shot = grid->viewport()->grab(box).toImage();
        for (int y = 0; y < shot.height(); ++y) {
            for (int x = 0; x < shot.width(); ++x) {
                const QColor seen = shot.pixelColor(x, y);
                if (qAbs(seen.red() - photo.red()) < 12 && qAbs(seen.green() - photo.green()) < 12
                    && qAbs(seen.blue() - photo.blue()) < 12)
                    return true;
            }
        }
        return false;
    };
    QTRY_VERIFY2(showsPhoto(), "the tile shows the lot's first photo");
    QTest::keyClick(m_paulCatalogue.get(), Qt::Key_G, Qt::ControlModifier);
    QVERIFY(!m_paulCatalogue->showsGrid());
}

qint64 TestAgentWeek::postTheLot()
{
    AdEditorDialog editor(*m_marieDb, m_world.ownerActor());
    if (!QTest::qWaitFor([this] { return m_marieDb->references().isLoaded(); }, 10'000))
        qWarning("the reference cache was not read in 10 s");
    editor.setDiscardPrompt([](QWidget *) { return true; });
    editor.setMaterialChangePrompt([](QWidget *) { return true; });
    const QStringList photos{picture(QStringLiteral("chaises-1.png"), 0),
                             picture(QStringLiteral("chaises-2.png"), 120)};
    editor.setFilePicker([&](QWidget *) { return photos; });
    editor.show();
    if (!QTest::qWaitForWindowExposed(&editor))
        return 0;
    typeText(named<QLineEdit>(editor, "titleEdit"),
             QStringLiteral("Lot de 12 chaises coque rouge"));
    auto *category = named<QComboBox>(editor, "categoryCombo");
    category->setCurrentIndex(category->findData(m_world.chairs));
    auto *site = named<QComboBox>(editor, "siteCombo");
    site->setCurrentIndex(site->findData(m_world.depot));
    named<QSpinBox>(editor, "quantitySpin")->setValue(12);
    named<QDoubleSpinBox>(editor, "weightSpin")->setValue(60.0);
    typeText(named<QLineEdit>(editor, "valueEdit"), QStringLiteral("144"));
    named<QCheckBox>(editor, "attestationCheck")->setChecked(true);
    QTest::mouseClick(named<QPushButton>(editor, "addPhotosButton"), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return !editor.isPreparingPhotos(); }, 30'000)
        || editor.photoCount() != 2) {
        qWarning("the photos were not added: %d", editor.photoCount());
        return 0;
    }
    QSignalSpy saved(&editor, &AdEditorDialog::adSaved);
    QTest::mouseClick(named<QPushButton>(editor, "submitButton"), Qt::LeftButton);
    if (saved.count() != 1 || editor.result() != QDialog::Accepted) {
        qWarning("not sent to moderation");
        return 0;
    }
    return editor.ad().id;
}

void TestAgentWeek::approveAsClaire(qint64 adId)
{
    const auto claire = ReferenceRepository(*m_claireDb).agent(m_world.moderator);
    QVERIFY(claire);
    ModerationQueueWindow queue(*m_claireDb, *claire);
    queue.setReasonPrompt([](const ReasonRequest &, QWidget *) -> std::optional<QString> {
        qWarning("unexpected reason prompt");
        return std::nullopt;
    });
    queue.show();
    QVERIFY(QTest::qWaitForWindowExposed(&queue));
    QVERIFY(selectAndWait(queue, adId));
    QCOMPARE(queue.displayedAdId(), adId);
    QVERIFY(queue.approveButton()->isEnabled());
    QTest::mouseClick(queue.approveButton(), Qt::LeftButton);
    QVERIFY(waitIdle(queue));
    QCOMPARE(queue.model()->rowOfAd(adId), -1);
    QCOMPARE(AdRepository(*m_admin).get(adId, false)->state, AdState::Published);
}

int TestAgentWeek::rowInPaulsCatalogue(qint64 adId)
{
    CatalogueModel *model = m_paulCatalogue->model();
    model->reload();
    if (!QTest::qWaitFor([model] { return !model->isLoading(); }, 20'000))
        return -1;
    return model->rowOfAd(adId);
}

void TestAgentWeek::contactAsPaul(qint64 adId)
{
    m_paulSettings = std::make_unique<AppSettings>(m_settings.filePath(QStringLiteral("paul.ini")));
    m_paulCatalogue = std::make_unique<CatalogueWindow>(*m_paulDb, *m_paulSettings, false);
    const auto paul = ReferenceRepository(*m_paulDb).agent(m_world.other);
    QVERIFY(paul);
    m_paulSets = std::make_unique<WindowSets>(*m_paulDb, *m_paulCatalogue, *paul, false);
    // His mails go out at once, as .eml files in a folder (the demo's transport).
    m_paulMail = std::make_unique<MailCenter>(*m_paulDb, QStringLiteral("agentweek"));
    MailSettings mail;
    mail.transport = MailSettings::Transport::PickupFolder;
    mail.pickupFolder = m_mailFolder.path();
    m_paulMail->setSettings(mail);
    m_paulSets->setMailCenter(m_paulMail.get());
    m_paulCatalogue->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_paulCatalogue.get()));

    // In the list, with its thumbnail; its detail on the right.
    const int row = rowInPaulsCatalogue(adId);
    QVERIFY(row >= 0);
    CatalogueModel *model = m_paulCatalogue->model();
    QCOMPARE(model->index(row, CatalogueModel::TitleColumn).data().toString(),
             QStringLiteral("Lot de 12 chaises coque rouge"));
    // The page names its first photo; the thumbnail follows in one batch.
    QVERIFY(model->entry(row)->photoId > 0);
    QTRY_VERIFY(model->hasThumbnail(row));
    seenInTheGrid(row);
    auto *view = m_paulCatalogue->findChild<QTableView *>(QStringLiteral("catalogueView"));
    QVERIFY(view);
    view->setCurrentIndex(model->index(row, CatalogueModel::TitleColumn));
    QCOMPARE(m_paulCatalogue->detailPane()->adId(), adId);
    auto *contact = m_paulCatalogue->findChild<QPushButton *>(QStringLiteral("contactButton"));
    QVERIFY(contact);
    QTRY_VERIFY(contact->isEnabled());

    QString heading;
    m_paulSets->setContactRunner([&](ContactDialog &dialog) {
        auto *service = dialog.findChild<QComboBox *>(QStringLiteral("contactService"));
        if (service)
            service->setCurrentIndex(service->findData(m_world.library));
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("contactMessage"))
                ->setPlainText(QStringLiteral("Bonjour, cinq chaises pour la salle de lecture "
                                              "de la médiathèque : nous passons jeudi."));
        return dialog.send() ? int(QDialog::Accepted) : int(QDialog::Rejected);
    });
    QSignalSpy sent(m_paulMail.get(), &MailCenter::mailSent);
    QSignalSpy ready(m_paulSets.get(), &WindowSets::contactReady);
    QTest::mouseClick(contact, Qt::LeftButton);
    QVERIFY(ready.size() > 0 || ready.wait(10'000));
    QVERIFY(sent.size() > 0 || sent.wait(10'000));

    // The mail as Marie's mail client reads it: to her, Reply-To Paul, his words in it.
    QString file;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QStringList found
                        = QDir(m_mailFolder.path()).entryList({QStringLiteral("*.eml")});
                for (const QString &name : found) {
                    QFile eml(QDir(m_mailFolder.path()).filePath(name));
                    if (eml.open(QIODevice::ReadOnly) && eml.readAll().contains("Reply-To"))
                        file = eml.fileName();
                }
                return !file.isEmpty();
            }(),
            10'000);
    QString error;
    const QJsonObject parsed = parseMailFile(file, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(headerValue(parsed, QStringLiteral("To")).contains(QStringLiteral("mdupont@")),
             qPrintable(headerValue(parsed, QStringLiteral("To"))));
    QVERIFY2(headerValue(parsed, QStringLiteral("Reply-To")).contains(QStringLiteral("pmartin@")),
             qPrintable(headerValue(parsed, QStringLiteral("Reply-To"))));
    QVERIFY2(headerValue(parsed, QStringLiteral("Subject")).contains(QStringLiteral("chaises")),
             qPrintable(headerValue(parsed, QStringLiteral("Subject"))));
    QVERIFY(textPart(parsed, QStringLiteral("text/plain"))
                    .contains(QStringLiteral("salle de lecture de la médiathèque")));
}

void TestAgentWeek::reserveAndGiveAsMarie(qint64 adId)
{
    const auto marie = ReferenceRepository(*m_marieDb).agent(m_world.owner);
    QVERIFY(marie);
    MyAdsWindow mine(*m_marieDb, *marie);
    mine.setEditorRunner([](AdEditorDialog &) {
        qWarning("unexpected editor");
        return int(QDialog::Rejected);
    });
    mine.show();
    QVERIFY(QTest::qWaitForWindowExposed(&mine));
    QVERIFY(selectAndWait(mine, adId));

    // Five for the library, who asked: offered first.
    QString firstOffered;
    mine.setReserveRunner([&](ReservePartDialog &dialog) {
        firstOffered = dialog.serviceBox()->itemText(0);
        if (!dialog.selectService(m_world.library))
            return int(QDialog::Rejected);
        dialog.quantityBox()->setValue(5);
        dialog.accept();
        return dialog.result();
    });
    QVERIFY(mine.reservePartButton()->isEnabled());
    QTest::mouseClick(mine.reservePartButton(), Qt::LeftButton);
    QTRY_COMPARE(mine.displayedShares().held, 5);
    QVERIFY2(firstOffered.contains(QLatin1String("asked")), qPrintable(firstOffered));
    QCOMPARE(mine.quantityLabel()->text(), QStringLiteral("7 of 12 available"));

    // Seven stay in the catalogue, as Paul sees it.
    const int row = rowInPaulsCatalogue(adId);
    QVERIFY(row >= 0);
    QCOMPARE(m_paulCatalogue->model()->entry(row)->quantityLeft, 7);
    auto *view = m_paulCatalogue->findChild<QTableView *>(QStringLiteral("catalogueView"));
    view->setCurrentIndex(m_paulCatalogue->model()->index(row, CatalogueModel::TitleColumn));
    auto *quantity
            = m_paulCatalogue->detailPane()->findChild<QLabel *>(QStringLiteral("detailQuantity"));
    QVERIFY(quantity);
    QTRY_COMPARE(quantity->text(), QStringLiteral("7 of 12 available"));

    // The five are given: the lot stays published with its seven.
    QTRY_COMPARE(mine.partsView()->topLevelItemCount(), 1);
    mine.partsView()->setCurrentItem(mine.partsView()->topLevelItem(0));
    QVERIFY(mine.exchangePartButton()->isEnabled());
    // « Donner la partie… »: given without a transport (the library fetches them).
    mine.setGiveRunner([](GivePartDialog &dialog) {
        dialog.transportBox()->setChecked(false);
        dialog.accept();
        return dialog.result();
    });
    QTest::mouseClick(mine.exchangePartButton(), Qt::LeftButton);
    QTRY_COMPARE(mine.displayedShares().exchanged, 5);
    QCOMPARE(mine.displayedShares().held, 0);
    QCOMPARE(mine.displayedShares().left(), 7);
    QCOMPARE(AdRepository(*m_admin).get(adId, false)->state, AdState::Published);
    QCOMPARE(m_paulCatalogue->model()->entry(rowInPaulsCatalogue(adId))->quantityLeft, 7);
}

void TestAgentWeek::postApproveContactReserveGiveAndCount()
{
    const qint64 adId = postTheLot();
    QVERIFY(adId > 0);
    const auto posted = AdRepository(*m_admin).get(adId);
    QVERIFY(posted);
    QCOMPARE(posted->state, AdState::Pending);
    QCOMPARE(posted->photos.size(), 2);
    QCOMPARE(posted->quantity, 12);
    QCOMPARE(posted->valueCents, qint64(14'400));
    QCOMPARE(posted->weightGrams, qint64(60'000));

    approveAsClaire(adId);
    if (QTest::currentTestFailed())
        return;
    contactAsPaul(adId);
    if (QTest::currentTestFailed())
        return;
    reserveAndGiveAsMarie(adId);
    if (QTest::currentTestFailed())
        return;

    // The figures, as Claire opens them: one exchange of five chairs, 5 × 12 € and 5 × 5 kg.
    const auto claire = ReferenceRepository(*m_claireDb).agent(m_world.moderator);
    QVERIFY(claire);
    StatisticsWindow figures(*m_claireDb, *claire);
    figures.show();
    QVERIFY(QTest::qWaitForWindowExposed(&figures));
    QTRY_VERIFY_WITH_TIMEOUT(figures.figures().has_value(), 20'000);
    const ReasonTotals *exchanges = figures.figures()->exchanges();
    QVERIFY(exchanges);
    QCOMPARE(exchanges->ads, 1);
    QCOMPARE(exchanges->quantity, qint64(5));
    QCOMPARE(exchanges->valueCents, qint64(6'000));
    QCOMPARE(exchanges->weightGrams, qint64(25'000));
    // What the headline says: « 1 ad found a taker, about 60 € of purchases avoided, 25 kg… ».
    const QString headline = figures.headline();
    QVERIFY2(headline.contains(Amounts::wholeEuroText(6'000)), qPrintable(headline));
    QVERIFY2(headline.contains(Amounts::wholeKilogramText(25'000)), qPrintable(headline));
}

void TestAgentWeek::theDemoShowsWhoAskedAndTheSplitLot()
{
    std::unique_ptr<TestDatabase> demo;
    RECUP_CREATE_TEST_DATABASE(demo, QStringLiteral("agentweekdemo"));
    std::unique_ptr<Database> db = demo->open();
    QVERIFY(db);
    const Status seeded = DemoData::seed(*db);
    QVERIFY2(seeded, qPrintable(seeded.error().message + u" / " + seeded.error().detail));
    const auto agents = ReferenceRepository(*db).agents();
    QVERIFY(agents);
    const auto celine = std::find_if(agents->cbegin(), agents->cend(), [](const Agent &a) {
        return a.login == QLatin1String("clegrand");
    });
    QVERIFY(celine != agents->cend());
    const auto owned = AdRepository(*db).ownedBy(celine->id);
    QVERIFY(owned);
    const auto lot = std::find_if(owned->cbegin(), owned->cend(), [](const Ad &ad) {
        return ad.title == QLatin1String("Lot de 12 chaises empilables coque rouge");
    });
    QVERIFY(lot != owned->cend());

    const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
    std::optional<FrenchScreens> french;
    if (!dir.isEmpty())
        french.emplace();
    // The demo is the administrator's session on PostgreSQL: the window reads as its owner.
    MyAdsWindow mine(*db, *celine);
    mine.setEditorRunner([](AdEditorDialog &) { return int(QDialog::Rejected); });
    mine.resize(1150, 800);
    mine.show();
    QVERIFY(QTest::qWaitForWindowExposed(&mine));
    QVERIFY(selectAndWait(mine, lot->id));
    QTRY_COMPARE(mine.partsView()->topLevelItemCount(), 2);
    QCOMPARE(mine.displayedShares().left(), 4);
    QCOMPARE(mine.displayedShares().held, 5);
    QCOMPARE(mine.displayedShares().exchanged, 3);
    auto *requests = named<QTreeWidget>(mine, "contactRequests");
    QVERIFY(requests);
    QCOMPARE(requests->topLevelItemCount(), 3);
    QVERIFY2(requests->topLevelItem(0)->text(0).contains(QStringLiteral("Nadia Rousseau")),
             qPrintable(requests->topLevelItem(0)->text(0)));

    // Their mails wait in the outbox; the demo's transport writes each as an .eml file that
    // any mail program opens: Nadia Rousseau's request to Céline Legrand among them.
    QSqlQuery queued(db->connection());
    QVERIFY(queued.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'queued'")));
    QVERIFY(queued.next());
    const int waiting = queued.value(0).toInt();
    QVERIFY2(waiting >= 13, qPrintable(QString::number(waiting))); // 9 requests, 4 alerts, …
    QTemporaryDir courriels;
    QVERIFY(courriels.isValid());
    MailCenter center(*db, QStringLiteral("agentweekdemo"));
    MailSettings mail;
    mail.transport = MailSettings::Transport::PickupFolder;
    mail.pickupFolder = courriels.path();
    center.setSettings(mail);
    center.sendNow();
    const QDir folder(courriels.path());
    QTRY_COMPARE_WITH_TIMEOUT(folder.entryList({QStringLiteral("*.eml")}).size(), waiting, 20'000);
    int fromNadia = 0;
    for (const QString &name : folder.entryList({QStringLiteral("*.eml")})) {
        QFile raw(folder.filePath(name));
        QVERIFY(raw.open(QIODevice::ReadOnly));
        if (!raw.readAll().contains("nadia.rousseau@"))
            continue;
        QString error;
        const QJsonObject parsed = parseMailFile(folder.filePath(name), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        fromNadia += headerValue(parsed, QStringLiteral("Reply-To")).contains(u"nadia.rousseau@")
                     && headerValue(parsed, QStringLiteral("To")).contains(u"celine.legrand@");
    }
    QCOMPARE(fromNadia, 1);

    if (dir.isEmpty())
        return;
    QVERIFY(french->loaded());
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(saveScreen(mine, dir + QStringLiteral("/demo-mes-annonces-celine.png")));
}

QTEST_MAIN(TestAgentWeek)
#include "tst_agentweek.moc"
