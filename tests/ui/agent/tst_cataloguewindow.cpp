// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Screens.h"
#include "TestDatabase.h"
#include "agent/AdDetailPane.h"
#include "agent/CatalogueModel.h"
#include "agent/CatalogueWindow.h"
#include "common/MessageBar.h"
#include "common/PhotoView.h"
#include "common/PhotoViewerDialog.h"
#include "demo/DemoData.h"
#include "settings/AppSettings.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Recup;

class TestCatalogueWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void demoBannerSaysWhatItIs();
    void tableFills();
    void searchNarrowsAfterTheDebounce();
    void categoryFilterOffersNoExcludedCategory();
    void selectingARowFillsTheDetailPaneWithoutAnyValue();
    void geometryIsSavedAndRestored();
    void databaseErrorIsShownInTheMessageBar();
    void sortChoiceOrdersTheCatalogueAndIsRemembered();
    void gridToggleIsRememberedAfterReopening();
    void gridShowsThumbnailsAndIsDrivenByTheKeyboard();
    void photoViewerByTheKeyboard();
    void frenchScreenshotOfTheGridAndTheViewer();

private:
    bool loadEverything() const;
    template<typename T>
    T *child(const char *name) const
    {
        T *found = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qWarning("no child named %s", name);
        return found;
    }
    bool waitLoaded() const;
    // The row of the first ad of the loaded ones that has at least `photos` photos; -1: none.
    int rowWithPhotos(int photos) const;

    std::unique_ptr<Testing::TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    QTemporaryDir m_settingsDir;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<CatalogueWindow> m_window;
};

void TestCatalogueWindow::initTestCase()
{
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("cataloguewindow"));
    m_db = m_test->open();
    QVERIFY(m_db);
    const Status seeded = DemoData::seed(*m_db);
    QVERIFY2(seeded.ok(), qPrintable(seeded.error().message + u" / " + seeded.error().detail));
    QVERIFY(m_settingsDir.isValid());
    m_settings = std::make_unique<AppSettings>(m_settingsDir.filePath(QStringLiteral("test.ini")));
}

void TestCatalogueWindow::init()
{
    m_window = std::make_unique<CatalogueWindow>(*m_db, *m_settings, true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestCatalogueWindow::cleanup()
{
    m_window.reset();
}

void TestCatalogueWindow::cleanupTestCase()
{
    m_window.reset();
    m_db.reset();
    m_test.reset();
}

bool TestCatalogueWindow::waitLoaded() const
{
    CatalogueModel *model = m_window->model();
    return QTest::qWaitFor([model] { return !model->isLoading() && model->rowCount() > 0; }, 20000);
}

// Every page the filter has, as scrolling to the end would load them.
bool TestCatalogueWindow::loadEverything() const
{
    CatalogueModel *model = m_window->model();
    for (int pages = 0; pages < 100; ++pages) {
        if (!QTest::qWaitFor([model] { return !model->isLoading(); }, 20000))
            return false;
        if (!model->canFetchMore({}))
            return model->atEnd();
        model->fetchMore({});
    }
    return false;
}

void TestCatalogueWindow::demoBannerSaysWhatItIs()
{
    auto *banner = child<QWidget>("demoBanner");
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    auto *text = child<QLabel>("demoBannerText");
    QVERIFY(text);
    QVERIFY(text->isVisible());
    QVERIFY(text->text().contains(QStringLiteral("Demo mode")));
    QVERIFY(text->text().contains(QStringLiteral("not a protection")));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Collectiv'Récup"));

    // The identity picker offers the demo agents.
    auto *picker = child<QComboBox>("identityPicker");
    QVERIFY(picker);
    QTRY_VERIFY(picker->isEnabled() && picker->count() > 1);
    QVERIFY(m_window->currentAgentId() > 0);
}

void TestCatalogueWindow::tableFills()
{
    auto *view = child<QTableView>("catalogueView");
    QVERIFY(view);
    QVERIFY(waitLoaded());
    QCOMPARE(view->model(), m_window->model());
    QVERIFY(view->model()->rowCount() >= CatalogueModel::PageSize);
    QVERIFY(view->rowHeight(0) >= CatalogueModel::ThumbnailSide);
    auto *status = child<QLabel>("catalogueStatus");
    QVERIFY(status);
    QVERIFY(!status->text().isEmpty());
    QVERIFY(!status->text().contains(QStringLiteral("Loading")));
}

void TestCatalogueWindow::searchNarrowsAfterTheDebounce()
{
    QVERIFY(waitLoaded());
    CatalogueModel *model = m_window->model();
    const quint64 generation = model->generation();
    const QString title = model->index(3, CatalogueModel::TitleColumn).data().toString();
    const qint64 wanted = model->adId(3);
    QString word;
    for (const QString &candidate :
         title.split(QRegularExpression(QStringLiteral("\\W+"),
                                        QRegularExpression::UseUnicodePropertiesOption),
                     Qt::SkipEmptyParts)) {
        if (candidate.size() > word.size())
            word = candidate;
    }
    QVERIFY2(word.size() >= 4, qPrintable(title));

    auto *search = child<QLineEdit>("searchField");
    QVERIFY(search);
    QVERIFY(!search->placeholderText().isEmpty());
    search->setFocus();
    QTest::keyClicks(search, word);
    // Typing does not query at each key: the filter waits for a pause of 300 ms.
    QCOMPARE(model->generation(), generation);
    QTRY_VERIFY_WITH_TIMEOUT(model->generation() != generation, 2000);
    QCOMPARE(model->filter().text, word);
    QVERIFY(QTest::qWaitFor([model] { return !model->isLoading(); }, 20000));
    QVERIFY(model->rowCount() > 0);
    QVERIFY(model->rowOfAd(wanted) >= 0);
    QVERIFY(model->rowCount() < 50 || !model->atEnd());

    // Clearing the search shows everything again.
    search->clear();
    QTRY_VERIFY_WITH_TIMEOUT(model->filter().text.isEmpty(), 2000);
}

void TestCatalogueWindow::categoryFilterOffersNoExcludedCategory()
{
    auto *categories = child<QComboBox>("categoryFilter");
    QVERIFY(categories);
    QTRY_VERIFY(categories->count() > 1);
    QCOMPARE(categories->itemData(0).toLongLong(), 0); // "All categories" first
    const Result<QList<Category>> all = ReferenceRepository(*m_db).categories();
    QVERIFY(all.ok());
    QSet<qint64> excluded;
    for (const Category &category : all.value()) {
        if (category.excluded)
            excluded.insert(category.id);
    }
    QVERIFY2(!excluded.isEmpty(), "the demo data should hold an excluded category (IT equipment)");
    QCOMPARE(categories->count(), 1 + all->size() - excluded.size());
    for (int i = 1; i < categories->count(); ++i)
        QVERIFY(!excluded.contains(categories->itemData(i).toLongLong()));
    for (const char *name : {"organisationFilter", "serviceFilter", "siteFilter"}) {
        auto *combo = child<QComboBox>(name);
        QVERIFY(combo);
        QVERIFY(combo->count() >= 1);
        QCOMPARE(combo->itemData(0).toLongLong(), 0);
    }

    // Picking a category narrows the table.
    QVERIFY(waitLoaded());
    const int before = m_window->model()->rowCount();
    categories->setCurrentIndex(1);
    QTRY_COMPARE(m_window->model()->filter().categoryId, categories->itemData(1).toLongLong());
    QVERIFY(QTest::qWaitFor([this] { return !m_window->model()->isLoading(); }, 20000));
    QVERIFY(m_window->model()->rowCount() <= before);
    for (int row = 0; row < m_window->model()->rowCount(); ++row) {
        QCOMPARE(m_window->model()->index(row, CatalogueModel::CategoryColumn).data().toString(),
                 categories->itemText(1));
    }
}

void TestCatalogueWindow::selectingARowFillsTheDetailPaneWithoutAnyValue()
{
    QVERIFY(waitLoaded());
    auto *view = child<QTableView>("catalogueView");
    auto *pane = child<AdDetailPane>("detailPane");
    QVERIFY(view && pane);
    auto *title = child<QLabel>("detailTitle");
    auto *description = child<QLabel>("detailDescription");
    auto *contact = child<QPushButton>("contactButton");
    QVERIFY(title && description && contact);

    CatalogueModel *model = m_window->model();
    const int rows = std::min(model->rowCount(), 12);
    for (int row = 0; row < rows; ++row) {
        view->setCurrentIndex(model->index(row, CatalogueModel::TitleColumn));
        QCOMPARE(pane->adId(), model->adId(row));
        QCOMPARE(title->text(), model->index(row, CatalogueModel::TitleColumn).data().toString());
        QTRY_VERIFY(description->isVisible());
        QVERIFY(!description->text().isEmpty());
        QVERIFY(contact->isVisible());
        // Contact on other people's ads only: the demo identity picked decides.
        const auto ad = AdRepository(*m_db).get(model->adId(row), false);
        QVERIFY(ad);
        QVERIFY(m_window->currentAgentId() != 0);
        QCOMPARE(contact->isEnabled(), ad->ownerId != m_window->currentAgentId());
        QVERIFY(!contact->toolTip().isEmpty());

        // No amount in euros anywhere in the pane: only owners and moderators see it.
        const QRegularExpression money(QStringLiteral("€|\\bEUR\\b|\\beuros?\\b"),
                                       QRegularExpression::CaseInsensitiveOption);
        for (const QLabel *label : pane->findChildren<QLabel *>()) {
            if (label->isVisible())
                QVERIFY2(!money.match(label->text()).hasMatch(), qPrintable(label->text()));
        }
    }

    // A new filter empties the pane.
    auto *search = child<QLineEdit>("searchField");
    search->setText(QStringLiteral("zzzz-no-such-thing"));
    QTRY_COMPARE(pane->adId(), qint64(0));
    auto *status = child<QLabel>("catalogueStatus");
    QTRY_VERIFY(!model->isLoading() && model->rowCount() == 0);
    QVERIFY2(status->text().contains(QStringLiteral("No ad matches")), qPrintable(status->text()));
}

void TestCatalogueWindow::geometryIsSavedAndRestored()
{
    QVERIFY2(m_window->minimumSizeHint().width() <= 1000,
             "the window must fit a 1024 px wide screen");
    m_window->resize(1000, 680);
    m_window->close();
    QVERIFY(!m_settings->mainWindowGeometry().isEmpty());
    m_window = std::make_unique<CatalogueWindow>(*m_db, *m_settings, true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->size(), QSize(1000, 680));
}

void TestCatalogueWindow::databaseErrorIsShownInTheMessageBar()
{
    // A database without any schema: every read fails, and the window must say so calmly.
    m_window.reset();
    QString why;
    auto broken = Testing::TestDatabase::create(QStringLiteral("cataloguewindow_noschema"), &why);
    QVERIFY2(broken, qPrintable(why));
    std::unique_ptr<Database> db = broken->open(false);
    QVERIFY(db);
    {
        CatalogueWindow window(*db, *m_settings, false);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!window.findChild<QWidget *>(QStringLiteral("demoBanner")));
        QVERIFY(!window.findChild<QWidget *>(QStringLiteral("identityPicker")));
        auto *bar = window.findChild<MessageBar *>(QStringLiteral("messageBar"));
        QVERIFY(bar);
        QTRY_VERIFY(bar->isVisible());
        QVERIFY(!bar->text().isEmpty());
        QVERIFY(!bar->detail().isEmpty());
        auto *details = window.findChild<QPushButton *>(QStringLiteral("messageBarDetailButton"));
        QVERIFY(details && details->isVisible());
        auto *detail = window.findChild<QLabel *>(QStringLiteral("messageBarDetail"));
        QVERIFY(!detail->isVisible());
        details->click();
        QVERIFY(detail->isVisible());
        auto *status = window.findChild<QLabel *>(QStringLiteral("catalogueStatus"));
        QTRY_VERIFY(!status->text().contains(QStringLiteral("Loading")));
        QCOMPARE(window.model()->rowCount(), 0);
        // Trying again fails again, without a crash and without a second bar.
        auto *retry = window.findChild<QPushButton *>(QStringLiteral("messageBarRetryButton"));
        QVERIFY(retry && retry->isVisible());
        retry->click();
        QTRY_VERIFY(bar->isVisible());
    }
    db.reset();
}

// The order of the ads, chosen in the window through the keyboard, reaches the model, holds
// over every page, and is the one the next window opens with.
void TestCatalogueWindow::sortChoiceOrdersTheCatalogueAndIsRemembered()
{
    QVERIFY(waitLoaded());
    auto *sort = child<QComboBox>("catalogueSort");
    auto *home = child<QComboBox>("homeSite");
    QVERIFY(sort && home);
    QCOMPARE(sort->count(), 3);
    QCOMPARE(sort->currentText(), QStringLiteral("Newest first"));
    QVERIFY(!home->isVisible());
    CatalogueModel *model = m_window->model();
    QCOMPARE(model->filter().sort, CatalogueSort::Newest);

    // By category: each category's ads together, across every page.
    sort->setFocus();
    QTest::keyClick(sort, Qt::Key_Down);
    QTest::keyClick(sort, Qt::Key_Down);
    QCOMPARE(sort->currentText(), QStringLiteral("By category"));
    QTRY_COMPARE(model->filter().sort, CatalogueSort::Category);
    QVERIFY(loadEverything());
    QVERIFY(model->rowCount() > CatalogueModel::PageSize); // more than one page was read
    QStringList finished;
    QString current;
    QSet<qint64> ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        ids.insert(model->adId(row));
        const QString category
                = model->index(row, CatalogueModel::CategoryColumn).data().toString();
        if (category == current)
            continue;
        QVERIFY2(!finished.contains(category), qPrintable(category + u" comes back"));
        if (!current.isEmpty())
            finished.append(current);
        current = category;
    }
    QCOMPARE(ids.size(), model->rowCount()); // no ad twice
    QVERIFY(finished.size() >= 2);
    QCOMPARE(m_settings->catalogueSort(), QStringLiteral("category"));

    // Nearest site first: the home site's ads on top, then the others.
    QTest::keyClick(sort, Qt::Key_Up);
    QCOMPARE(sort->currentText(), QStringLiteral("Nearest site first"));
    QTRY_VERIFY(home->isVisible());
    QVERIFY(home->count() > 1);
    home->setCurrentIndex(home->count() - 1);
    const qint64 homeSite = home->currentData().toLongLong();
    const QString homeName = home->currentText();
    QTRY_COMPARE(model->filter().homeSiteId, homeSite);
    QCOMPARE(model->filter().sort, CatalogueSort::NearestSite);
    QVERIFY(loadEverything());
    QCOMPARE(model->rowCount(), ids.size()); // the same ads, in another order
    int atHome = 0;
    while (atHome < model->rowCount()
           && model->index(atHome, CatalogueModel::SiteColumn).data().toString() == homeName)
        ++atHome;
    for (int row = atHome; row < model->rowCount(); ++row)
        QVERIFY(model->index(row, CatalogueModel::SiteColumn).data().toString() != homeName);
    QCOMPARE(m_settings->catalogueHomeSite(), homeSite);

    // The next window opens in the same order, on the same site.
    m_window = std::make_unique<CatalogueWindow>(*m_db, *m_settings, true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    sort = child<QComboBox>("catalogueSort");
    home = child<QComboBox>("homeSite");
    QCOMPARE(sort->currentText(), QStringLiteral("Nearest site first"));
    QTRY_COMPARE(m_window->model()->filter().homeSiteId, homeSite);
    QVERIFY(home->isVisible());
    QCOMPARE(home->currentText(), homeName);
    QVERIFY(waitLoaded());

    m_settings->reset(AppSettings::Key::CatalogueSort);
    m_settings->reset(AppSettings::Key::CatalogueHomeSite);
}

int TestCatalogueWindow::rowWithPhotos(int photos) const
{
    CatalogueModel *model = m_window->model();
    AdRepository ads(*m_db);
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto ad = ads.get(model->adId(row), true);
        if (ad && ad->photos.size() >= photos)
            return row;
    }
    return -1;
}

// Ctrl+G shows the grid of thumbnails instead of the list, and the next window opens as it was
// left; Ctrl+G again goes back to the list.
void TestCatalogueWindow::gridToggleIsRememberedAfterReopening()
{
    QVERIFY(waitLoaded());
    m_window->setShowsGrid(false);
    auto *list = child<QTableView>("catalogueView");
    auto *grid = child<QListView>("catalogueGrid");
    QVERIFY(list && grid);
    QVERIFY(list->isVisible());
    QVERIFY(!grid->isVisible());
    list->setFocus();
    list->setCurrentIndex(m_window->model()->index(2, CatalogueModel::CategoryColumn));
    const qint64 current = m_window->model()->adId(2);

    // The button says what it does and how to do it from the keyboard.
    auto *button = child<QToolButton>("gridViewButton");
    QVERIFY(button);
    QVERIFY(!button->accessibleName().isEmpty());
    QVERIFY(button->toolTip().contains(QStringLiteral("Ctrl+G")));

    QTest::keyClick(m_window.get(), Qt::Key_G, Qt::ControlModifier);
    QVERIFY(m_window->showsGrid());
    QVERIFY(grid->isVisible());
    QVERIFY(!list->isVisible());
    QVERIFY(button->isChecked());
    QTRY_VERIFY(grid->hasFocus());
    // The same ad stays current, in the grid's column.
    QCOMPARE(m_window->model()->adId(grid->currentIndex().row()), current);
    QCOMPARE(grid->currentIndex().column(), int(CatalogueModel::TitleColumn));
    QCOMPARE(m_window->detailPane()->adId(), current);

    m_window->close();
    m_window = std::make_unique<CatalogueWindow>(*m_db, *m_settings, true);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->showsGrid());
    QVERIFY(child<QListView>("catalogueGrid")->isVisible());
    QVERIFY(waitLoaded());

    QTest::keyClick(m_window.get(), Qt::Key_G, Qt::ControlModifier);
    QVERIFY(!m_window->showsGrid());
    QVERIFY(child<QTableView>("catalogueView")->isVisible());
    QVERIFY(!m_settings->catalogueAsGrid());
}

// The grid shows the photos' thumbnails, the arrows move from tile to tile with the detail
// pane following, and scrolling to its end loads the next page.
void TestCatalogueWindow::gridShowsThumbnailsAndIsDrivenByTheKeyboard()
{
    m_window->setShowsGrid(true);
    QVERIFY(waitLoaded());
    CatalogueModel *model = m_window->model();
    auto *grid = child<QListView>("catalogueGrid");
    QVERIFY(grid);
    QCOMPARE(grid->model(), model);
    QCOMPARE(grid->viewMode(), QListView::IconMode);
    int withPhoto = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->entry(row)->photoId > 0) {
            ++withPhoto;
            QTRY_VERIFY2(model->hasThumbnail(row), qPrintable(model->entry(row)->title));
        }
    }
    QVERIFY2(withPhoto > 0, "the demo's ads have photos");
    // Several tiles on a line, each with the ad's title and what is left of it for a reader.
    const QRect first = grid->visualRect(model->index(0, CatalogueModel::TitleColumn));
    const QRect second = grid->visualRect(model->index(1, CatalogueModel::TitleColumn));
    QCOMPARE(second.top(), first.top());
    QVERIFY(second.left() > first.left());
    QVERIFY(model->index(0, CatalogueModel::TitleColumn)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .startsWith(model->entry(0)->title));

    grid->setFocus();
    grid->setCurrentIndex(model->index(0, CatalogueModel::TitleColumn));
    QTest::keyClick(grid, Qt::Key_Right);
    QCOMPARE(grid->currentIndex().row(), 1);
    QCOMPARE(m_window->detailPane()->adId(), model->adId(1));
    QTest::keyClick(grid, Qt::Key_Down);
    const int below = grid->currentIndex().row();
    QVERIFY2(below > 2, qPrintable(QString::number(below)));
    QCOMPARE(m_window->detailPane()->adId(), model->adId(below));

    // Scrolling the grid to its end asks for the next page.
    const int loaded = model->rowCount();
    QVERIFY(model->canFetchMore({}));
    grid->verticalScrollBar()->setValue(grid->verticalScrollBar()->maximum());
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > loaded, 20000);
    m_window->setShowsGrid(false);
}

// Enter on the detail pane's photo opens the photos at full size; Left and Right go through
// them, + and 0 zoom and fit, Escape closes and gives the keyboard back to the photo.
void TestCatalogueWindow::photoViewerByTheKeyboard()
{
    QVERIFY(waitLoaded());
    const int row = rowWithPhotos(2);
    QVERIFY2(row >= 0, "the demo holds ads with several photos");
    CatalogueModel *model = m_window->model();
    const qint64 adId = model->adId(row);
    const int count = int(AdRepository(*m_db).get(adId, true)->photos.size());
    auto *list = child<QTableView>("catalogueView");
    list->setCurrentIndex(model->index(row, CatalogueModel::TitleColumn));
    AdDetailPane *pane = m_window->detailPane();
    QTRY_VERIFY_WITH_TIMEOUT(pane->fullSizeButton()->isVisible(), 20000);
    QVERIFY(pane->fullSizeButton()->text().contains(QStringLiteral("Enter")));
    QVERIFY(!pane->photoView()->accessibleName().isEmpty());

    pane->photoView()->setFocus();
    QTRY_VERIFY(pane->photoView()->hasFocus());
    QTest::keyClick(pane->photoView(), Qt::Key_Return);
    QTRY_VERIFY(m_window->photoViewer());
    PhotoViewerDialog *viewer = m_window->photoViewer();
    QVERIFY(QTest::qWaitForWindowActive(viewer));
    QVERIFY(!viewer->accessibleName().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(viewer->photoCount(), count, 20000);
    QCOMPARE(viewer->currentIndex(), 0);
    // Larger than the detail pane's picture: the stored photo, fitted to the viewer.
    const QSize fitted = viewer->shownSize();
    QVERIFY2(fitted.width() > 440 || fitted.height() > 330,
             qPrintable(QStringLiteral("%1x%2").arg(fitted.width()).arg(fitted.height())));

    QTest::keyClick(viewer, Qt::Key_Right);
    QCOMPARE(viewer->currentIndex(), 1);
    QTest::keyClick(viewer, Qt::Key_Left);
    QCOMPARE(viewer->currentIndex(), 0);
    QTest::keyClick(viewer, Qt::Key_Left); // from the first, the last
    QCOMPARE(viewer->currentIndex(), count - 1);

    // Zoomed, the photo shown (the last: its own fitted size, whatever its orientation) grows.
    const QSize lastFitted = viewer->shownSize();
    QTest::keyClick(viewer, Qt::Key_Plus);
    QVERIFY(viewer->zoom() > 1.0);
    QVERIFY2(viewer->shownSize().width() > lastFitted.width(),
             qPrintable(QStringLiteral("%1 -> %2")
                                .arg(lastFitted.width())
                                .arg(viewer->shownSize().width())));
    QTest::keyClick(viewer, Qt::Key_0);
    QCOMPARE(viewer->zoom(), 1.0);

    QTest::keyClick(viewer, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->photoViewer());
    QTRY_VERIFY(pane->photoView()->hasFocus());
}

void TestCatalogueWindow::frenchScreenshotOfTheGridAndTheViewer()
{
    const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set RECUP_SCREENSHOT_DIR to save a picture of the window");
    QVERIFY(QDir().mkpath(dir));
    Testing::FrenchScreens french;
    m_window = std::make_unique<CatalogueWindow>(*m_db, *m_settings, true);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->setShowsGrid(true);
    QVERIFY(waitLoaded());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->detailPane()->fullSizeButton()->isVisible(), 20000);
    QVERIFY(Testing::saveScreen(*m_window, dir + QStringLiteral("/catalogue-vignettes.png")));
    m_window->detailPane()->fullSizeButton()->click();
    QTRY_VERIFY(m_window->photoViewer());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->photoViewer()->photoCount() > 0, 20000);
    QVERIFY(Testing::saveScreen(*m_window->photoViewer(),
                                dir + QStringLiteral("/visionneuse-photos.png")));
    m_window->photoViewer()->close();
    m_window->setShowsGrid(false);
}

QTEST_MAIN(TestCatalogueWindow)
#include "tst_cataloguewindow.moc"
