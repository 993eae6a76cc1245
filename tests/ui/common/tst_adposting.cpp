// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Posting an ad (issue #13) through the real form on the offscreen platform, saved in a real
// database: the value required (0 € only « sans valeur »), the « available from » day stored
// and shown, photos by drop and paste (and the bad drops), the confirmation before a change
// sends a published ad back to moderation, and the autosave, down to a kill -9 of a real
// process running the form.
#include "Fixtures.h"
#include "Keyboard.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "agent/AdDetailPane.h"
#include "agent/CatalogueModel.h"
#include "common/AdEditorDialog.h"
#include "domain/PlatformTime.h"
#include "drafts/AdDraftStore.h"
#include "storage/ReferenceCache.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Recup;
using namespace Recup::Testing;

class TestAdPosting : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void valueIsRequiredUnlessWithoutValue();
    void availableFromIsStoredAndShown();
    void pastDayIsRefusedForANewAd();
    void availableFromByRawSqlAsEachLogin();
    void droppedAndPastedPicturesBecomePhotos();
    void badDropsAreSaidAndAddNothing();
    void materialChangeOfAPublishedAdAsksFirst();
    void draftIsNeverAsked();
    void autosaveSurvivesAKilledProcess();
    void draftOfAnAdClosedMeanwhileLosesNothing();
    void draftOfAnAdApprovedMeanwhileIsBesideIt();

private:
    std::unique_ptr<AdEditorDialog> newDialog();
    template<typename T>
    T *child(const char *name) const
    {
        T *found = m_dialog->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qWarning("no child named %s", name);
        return found;
    }
    void selectData(const char *combo, qint64 id);
    void fillMinimum(const QString &title);
    QString picture(const QString &name, int hue);
    void drop(QMimeData *mime);
    int adsOwned() const;

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_ownerDb;
    World m_world;
    std::unique_ptr<AdEditorDialog> m_dialog;
    QTemporaryDir m_files;
};

void TestAdPosting::initTestCase()
{
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("adposting"));
    m_db = m_test->open();
    QVERIFY(m_db);
    m_world = makeWorld(*m_db);
    if (TestDatabase::backend() == QLatin1String("postgresql"))
        QVERIFY(ensureLoginRoles(*m_db));
    m_ownerDb = m_test->openAs(QStringLiteral("mdupont"));
    QVERIFY(m_ownerDb);
    QVERIFY(m_files.isValid());
}

void TestAdPosting::cleanupTestCase()
{
    m_dialog.reset();
    m_ownerDb.reset();
    m_db.reset();
    m_test.reset();
}

void TestAdPosting::cleanup()
{
    if (m_dialog)
        QDir(m_dialog->draftFolder()).removeRecursively();
    m_dialog.reset();
}

std::unique_ptr<AdEditorDialog> TestAdPosting::newDialog()
{
    auto dialog = std::make_unique<AdEditorDialog>(*m_ownerDb, m_world.ownerActor());
    if (!QTest::qWaitFor([this] { return m_ownerDb->references().isLoaded(); }, 10'000))
        qWarning("the reference cache was not read in 10 s");
    dialog->setDiscardPrompt([](QWidget *) { return true; });
    dialog->setMaterialChangePrompt([](QWidget *) {
        qWarning("unexpected confirmation");
        return false;
    });
    dialog->setFilePicker([](QWidget *) { return QStringList(); });
    return dialog;
}

void TestAdPosting::selectData(const char *combo, qint64 id)
{
    auto *box = child<QComboBox>(combo);
    QVERIFY(box);
    const int index = box->findData(id);
    QVERIFY2(index >= 0, combo);
    box->setCurrentIndex(index);
}

void TestAdPosting::fillMinimum(const QString &title)
{
    typeText(child<QLineEdit>("titleEdit"), title);
    selectData("categoryCombo", m_world.desks);
    selectData("siteCombo", m_world.depot);
    child<QCheckBox>("attestationCheck")->setChecked(true);
}

QString TestAdPosting::picture(const QString &name, int hue)
{
    QImage image(1200, 900, QImage::Format_RGB32);
    image.fill(QColor::fromHsv(hue % 360, 180, 200));
    const QString path = m_files.filePath(name);
    if (!image.save(path))
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

// A drop as the window system delivers it: enter, then drop, on the form.
void TestAdPosting::drop(QMimeData *mime)
{
    const QPoint centre = m_dialog->rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_dialog.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(QPointF(centre), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(m_dialog.get(), &dropped);
}

int TestAdPosting::adsOwned() const
{
    const auto owned = AdRepository(*m_db).ownedBy(m_world.owner);
    return owned ? int(owned->size()) : -1;
}

void TestAdPosting::valueIsRequiredUnlessWithoutValue()
{
    const int before = adsOwned();
    m_dialog = newDialog();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    fillMinimum(QStringLiteral("Table de réunion ovale"));

    // Nothing typed: refused under the field, nothing saved, the text kept.
    QVERIFY(!m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    auto *error = child<QLabel>("valueCentsError");
    QVERIFY(error && error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("No value")), qPrintable(error->text()));
    QVERIFY(child<QLineEdit>("valueEdit")->hasFocus());
    QCOMPARE(child<QLineEdit>("titleEdit")->text(), QStringLiteral("Table de réunion ovale"));
    QCOMPARE(adsOwned(), before);

    // 0 € typed is not « sans valeur » said.
    typeText(child<QLineEdit>("valueEdit"), QStringLiteral("0"));
    QVERIFY(!m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    QVERIFY2(m_dialog->fieldError(QStringLiteral("valueCents")).contains(QStringLiteral("tick")),
             qPrintable(m_dialog->fieldError(QStringLiteral("valueCents"))));
    QCOMPARE(adsOwned(), before);

    // The tick says it: saved at 0 €, and the ad opens again ticked.
    auto *without = child<QCheckBox>("noValueCheck");
    QTest::mouseClick(without, Qt::LeftButton);
    QVERIFY(without->isChecked());
    QVERIFY(!child<QLineEdit>("valueEdit")->isEnabled());
    QVERIFY(m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    const qint64 id = m_dialog->ad().id;
    QCOMPARE(adsOwned(), before + 1);
    QCOMPARE(AdRepository(*m_db).get(id)->valueCents, qint64(0));

    m_dialog = newDialog();
    QVERIFY(m_dialog->loadAd(id));
    QVERIFY(child<QCheckBox>("noValueCheck")->isChecked());
    QVERIFY(!child<QLineEdit>("valueEdit")->isEnabled());
    // Unticked, a value is needed again; typed, it is saved.
    child<QCheckBox>("noValueCheck")->setChecked(false);
    QVERIFY(!m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    QVERIFY(!m_dialog->fieldError(QStringLiteral("valueCents")).isEmpty());
    typeText(child<QLineEdit>("valueEdit"), QStringLiteral("350"));
    QVERIFY(m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    QCOMPARE(AdRepository(*m_db).get(id)->valueCents, qint64(35000));
}

void TestAdPosting::availableFromIsStoredAndShown()
{
    const QDate later = platformToday().addDays(12);
    m_dialog = newDialog();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    auto *day = child<QDateEdit>("availableFromEdit");
    QVERIFY(day);
    QCOMPARE(day->date(), platformToday()); // the default
    fillMinimum(QStringLiteral("Vestiaire métallique"));
    typeText(child<QLineEdit>("valueEdit"), QStringLiteral("120"));
    day->setDate(later);
    QVERIFY(m_dialog->save(AdEditorDialog::SaveMode::Submit));
    const qint64 id = m_dialog->ad().id;
    QCOMPARE(AdRepository(*m_db).get(id)->availableFrom, later);

    // Approved, it is in the catalogue; its detail says the day.
    const auto approved = AdRepository(*m_db).transition(
            id,
            {AdAction::Approve, AdRepository(*m_db).get(id)->version, {}, {}, 0, {}},
            m_world.moderatorActor());
    QVERIFY(approved);
    AdDetailPane pane;
    pane.show();
    CatalogueEntry entry;
    entry.id = id;
    entry.title = approved->title;
    entry.state = AdState::Published;
    pane.showEntry(entry);
    const auto read = AdRepository(*m_ownerDb).get(id, false);
    QVERIFY(read);
    pane.showAd(*read, {});
    auto *shown = pane.findChild<QLabel *>(QStringLiteral("detailAvailability"));
    QVERIFY(shown && shown->isVisible());
    QCOMPARE(shown->text(),
             QStringLiteral("Available from %1")
                     .arg(QLocale().toString(later,
                                             later.year() == platformToday().year()
                                                     ? QStringLiteral("d MMMM")
                                                     : QStringLiteral("d MMMM yyyy"))));

    // Moving the day on a published ad keeps it published, without asking.
    m_dialog = newDialog();
    int asked = 0;
    m_dialog->setMaterialChangePrompt([&](QWidget *) {
        ++asked;
        return true;
    });
    QVERIFY(m_dialog->loadAd(id));
    child<QDateEdit>("availableFromEdit")->setDate(later.addDays(3));
    QVERIFY(m_dialog->save(AdEditorDialog::SaveMode::Save));
    QCOMPARE(asked, 0);
    const auto moved = AdRepository(*m_db).get(id);
    QCOMPARE(moved->availableFrom, later.addDays(3));
    QCOMPARE(moved->state, AdState::Published);
}

void TestAdPosting::pastDayIsRefusedForANewAd()
{
    const int before = adsOwned();
    m_dialog = newDialog();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    fillMinimum(QStringLiteral("Porte-revues mural"));
    typeText(child<QLineEdit>("valueEdit"), QStringLiteral("15"));
    child<QDateEdit>("availableFromEdit")->setDate(platformToday().addDays(-2));
    QVERIFY(!m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    auto *error = child<QLabel>("availableFromError");
    QVERIFY(error && error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("already past")), qPrintable(error->text()));
    QCOMPARE(adsOwned(), before);
    QCOMPARE(child<QLineEdit>("titleEdit")->text(), QStringLiteral("Porte-revues mural"));

    // The repository refuses it too, whoever calls it.
    Ad input = m_world.sampleAd(QStringLiteral("Porte-revues mural"));
    input.availableFrom = platformToday().addDays(-2);
    const auto refused = AdRepository(*m_ownerDb).create(input, m_world.ownerActor());
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, Error::Kind::Invalid);
    QCOMPARE(adsOwned(), before);
}

// The column's privileges (022) as people with psql and their own login meet them: everyone
// reads the day of a published ad; its owner and the moderators move it, which leaves the ad
// published; another agent cannot.
void TestAdPosting::availableFromByRawSqlAsEachLogin()
{
    if (TestDatabase::backend() != QLatin1String("postgresql"))
        QSKIP("roles and privileges exist on PostgreSQL only");
    const Ad published = publishedAd(*m_db, m_world, QStringLiteral("Banque d'accueil"));
    auto paul = m_test->openAs(QStringLiteral("pmartin"));
    auto claire = m_test->openAs(QStringLiteral("cbernard"));
    QVERIFY(paul && claire);
    const QString read
            = QStringLiteral("SELECT count(*) FROM ad WHERE id = %1 AND available_from IS NULL")
                      .arg(published.id);
    QCOMPARE(countOf(*paul, read), 1);
    QCOMPARE(countOf(*claire, read), 1);
    auto move = [&](Database &db, int days) {
        return sqlRuns(db,
                       QStringLiteral("UPDATE ad SET available_from = current_date + %1, "
                                      "version = version + 1 WHERE id = %2")
                               .arg(days)
                               .arg(published.id));
    };
    auto day = [&] {
        return countOf(*m_db,
                       QStringLiteral("SELECT coalesce(available_from - current_date, -1) "
                                      "FROM ad WHERE id = %1")
                               .arg(published.id));
    };
    // Another agent: the row is not theirs to write, nothing changes.
    move(*paul, 30);
    QCOMPARE(day(), -1);
    // The owner: moved, and still published (not a material change).
    QVERIFY(move(*m_ownerDb, 5));
    QCOMPARE(day(), 5);
    QCOMPARE(AdRepository(*m_db).get(published.id, false)->state, AdState::Published);
    // A moderator.
    QVERIFY(move(*claire, 7));
    QCOMPARE(day(), 7);
    // The owner still cannot change the title that way: the guard of 016 holds.
    QVERIFY(!sqlRuns(*m_ownerDb,
                     QStringLiteral("UPDATE ad SET title = 'Autre chose', available_from = "
                                    "current_date, version = version + 1 WHERE id = %1")
                             .arg(published.id)));
    QCOMPARE(day(), 7);
}

void TestAdPosting::droppedAndPastedPicturesBecomePhotos()
{
    m_dialog = newDialog();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));

    // Two files dropped from a file manager.
    auto *files = new QMimeData;
    files->setUrls({QUrl::fromLocalFile(picture(QStringLiteral("a.png"), 10)),
                    QUrl::fromLocalFile(picture(QStringLiteral("b.jpg"), 80))});
    drop(files);
    QVERIFY(m_dialog->isPreparingPhotos());
    QVERIFY(child<QWidget>("photoProgress")->isVisible());
    // The form stays usable meanwhile: typing goes on.
    typeText(child<QLineEdit>("titleEdit"), QStringLiteral("Étagère"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isPreparingPhotos(), 20'000);
    QCOMPARE(m_dialog->photoCount(), 2);
    QVERIFY(!child<QWidget>("photoProgress")->isVisible());
    delete files;

    // A picture copied from another program, pasted with Ctrl+V on the photos.
    QImage copied(800, 600, QImage::Format_RGB32);
    copied.fill(Qt::darkGreen);
    auto *data = new QMimeData;
    data->setImageData(copied);
    QGuiApplication::clipboard()->setMimeData(data);
    QApplication::setActiveWindow(m_dialog.get());
    QVERIFY(QTest::qWaitForWindowActive(m_dialog.get()));
    auto *list = child<QListWidget>("photoList");
    list->setFocus();
    QTest::keyClick(list, Qt::Key_V, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isPreparingPhotos() && m_dialog->photoCount() == 3, 20'000);

    // Files copied in a file manager, pasted with the button.
    auto *copiedFiles = new QMimeData;
    copiedFiles->setUrls({QUrl::fromLocalFile(picture(QStringLiteral("c.png"), 160))});
    QGuiApplication::clipboard()->setMimeData(copiedFiles);
    QTest::mouseClick(child<QPushButton>("pastePhotosButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isPreparingPhotos() && m_dialog->photoCount() == 4, 20'000);
    QVERIFY(m_dialog->fieldError(QStringLiteral("photos")).isEmpty());

    // The draft keeps the photos as files beside it: what writing it costs on the GUI thread.
    QSignalSpy drafted(m_dialog.get(), &AdEditorDialog::draftSaved);
    QElapsedTimer clock;
    clock.start();
    m_dialog->autosaveNow();
    const qint64 firstMs = clock.restart();
    QCOMPARE(drafted.size(), 1);
    const auto kept = AdDraftStore(m_dialog->draftFolder()).load(0);
    QVERIFY(kept);
    QCOMPARE(kept->photos.size(), 4);
    QCOMPARE(kept->title, QStringLiteral("Étagère"));
    typeText(child<QLineEdit>("titleEdit"), QStringLiteral(" basse"));
    clock.restart();
    m_dialog->autosaveNow(); // the photos are on disk already: only draft.json is written
    const qint64 nextMs = clock.elapsed();
    qint64 bytes = 0;
    const QFileInfoList written
            = QDir(m_dialog->draftFolder() + QStringLiteral("/new")).entryInfoList(QDir::Files);
    for (const QFileInfo &file : written)
        bytes += file.size();
    qInfo("draft with 4 photos: first write %lld ms, next %lld ms, %lld bytes on disk",
          firstMs,
          nextMs,
          bytes);

    selectData("categoryCombo", m_world.desks);
    selectData("siteCombo", m_world.depot);
    child<QCheckBox>("attestationCheck")->setChecked(true);
    child<QCheckBox>("noValueCheck")->setChecked(true);
    QVERIFY(m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    const auto stored = AdRepository(*m_db).get(m_dialog->ad().id);
    QCOMPARE(stored->photos.size(), 4);
    QVERIFY(!stored->photos.first().thumbnail.isEmpty());
}

void TestAdPosting::badDropsAreSaidAndAddNothing()
{
    m_dialog = newDialog();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));

    // Not pictures: named, nothing added.
    const QString text = m_files.filePath(QStringLiteral("liste des meubles.txt"));
    const QString pdf = m_files.filePath(QStringLiteral("devis.pdf"));
    for (const QString &path : {text, pdf}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(path.endsWith(QLatin1String(".pdf")) ? "%PDF-1.4\n" : "chaises\n");
    }
    QMimeData notPictures;
    notPictures.setUrls({QUrl::fromLocalFile(text), QUrl::fromLocalFile(pdf)});
    drop(&notPictures);
    QVERIFY(!m_dialog->isPreparingPhotos());
    QCOMPARE(m_dialog->photoCount(), 0);
    QString said = m_dialog->fieldError(QStringLiteral("photos"));
    QVERIFY2(said.contains(QStringLiteral("liste des meubles.txt"))
                     && said.contains(QStringLiteral("devis.pdf")),
             qPrintable(said));

    // A damaged picture: named, nothing added.
    const QString broken = m_files.filePath(QStringLiteral("cassée.jpg"));
    {
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\xff\xd8\xff\xe0 not really a JPEG");
    }
    QMimeData damaged;
    damaged.setUrls({QUrl::fromLocalFile(broken)});
    drop(&damaged);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isPreparingPhotos(), 20'000);
    QCOMPARE(m_dialog->photoCount(), 0);
    said = m_dialog->fieldError(QStringLiteral("photos"));
    QVERIFY2(said.contains(QStringLiteral("cassée")), qPrintable(said));

    // Forty pictures: the first six go in, the 34 others are said.
    QList<QUrl> forty;
    const QString one = picture(QStringLiteral("lot.png"), 200);
    for (int i = 0; i < 40; ++i) {
        const QString copy = m_files.filePath(QStringLiteral("lot-%1.png").arg(i));
        QVERIFY(QFile::copy(one, copy));
        forty.append(QUrl::fromLocalFile(copy));
    }
    QMimeData many;
    many.setUrls(forty);
    drop(&many);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isPreparingPhotos(), 60'000);
    QCOMPARE(m_dialog->photoCount(), AdRules::PhotosMax);
    said = m_dialog->fieldError(QStringLiteral("photos"));
    QVERIFY2(said.contains(QStringLiteral("at most 6")) && said.contains(QStringLiteral("34")),
             qPrintable(said));

    // A paste with no picture in the clipboard says so.
    QGuiApplication::clipboard()->setText(QStringLiteral("juste du texte"));
    m_dialog->pastePhotos();
    QCOMPARE(m_dialog->photoCount(), AdRules::PhotosMax);
    QVERIFY(m_dialog->fieldError(QStringLiteral("photos")).contains(QStringLiteral("no picture")));
}

void TestAdPosting::materialChangeOfAPublishedAdAsksFirst()
{
    const Ad published = publishedAd(*m_db, m_world, QStringLiteral("Armoire basse"));
    m_dialog = newDialog();
    int asked = 0;
    bool answer = false;
    m_dialog->setMaterialChangePrompt([&](QWidget *) {
        ++asked;
        return answer;
    });
    QVERIFY(m_dialog->loadAd(published.id));
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    auto *title = child<QLineEdit>("titleEdit");
    // The form opens on its title, selected as Tab selects it: End, then the words added.
    QVERIFY(title->hasFocus());
    QTest::keyClick(title, Qt::Key_End);
    typeText(title, QStringLiteral(" à deux portes"));

    // "Keep editing": nothing saved, the form open with the text.
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    QCOMPARE(asked, 1);
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(title->text(), QStringLiteral("Armoire basse à deux portes"));
    QCOMPARE(AdRepository(*m_db).get(published.id)->state, AdState::Published);
    QCOMPARE(AdRepository(*m_db).get(published.id)->title, QStringLiteral("Armoire basse"));

    // Confirmed: saved and back to moderation.
    answer = true;
    QTest::mouseClick(child<QPushButton>("saveButton"), Qt::LeftButton);
    QCOMPARE(asked, 2);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    const auto stored = AdRepository(*m_db).get(published.id);
    QCOMPARE(stored->state, AdState::Pending);
    QCOMPARE(stored->title, QStringLiteral("Armoire basse à deux portes"));

    // The quantity alone is no material change: no question.
    const Ad other = publishedAd(*m_db, m_world, QStringLiteral("Chaises empilables"));
    m_dialog = newDialog();
    m_dialog->setMaterialChangePrompt([&](QWidget *) {
        ++asked;
        return true;
    });
    QVERIFY(m_dialog->loadAd(other.id));
    child<QSpinBox>("quantitySpin")->setValue(other.quantity + 2);
    QVERIFY(m_dialog->save(AdEditorDialog::SaveMode::Save));
    QCOMPARE(asked, 2);
    QCOMPARE(AdRepository(*m_db).get(other.id)->state, AdState::Published);
}

void TestAdPosting::draftIsNeverAsked()
{
    Ad input = m_world.sampleAd(QStringLiteral("Desserte roulante"));
    const auto draft = AdRepository(*m_db).create(input, m_world.ownerActor());
    QVERIFY(draft);
    m_dialog = newDialog();
    int asked = 0;
    m_dialog->setMaterialChangePrompt([&](QWidget *) {
        ++asked;
        return false;
    });
    QVERIFY(m_dialog->loadAd(draft->id));
    typeText(child<QLineEdit>("titleEdit"), QStringLiteral(" en hêtre"));
    QVERIFY(m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    QCOMPARE(asked, 0);
    QCOMPARE(AdRepository(*m_db).get(draft->id)->title,
             QStringLiteral("Desserte roulante en hêtre"));
}

void TestAdPosting::autosaveSurvivesAKilledProcess()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.path());
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    const QString database = m_test->config().isSqlite()
                                     ? QStringLiteral("sqlite:") + m_test->config().sqlitePath
                                     : m_test->config().conninfo;
    const QString agent = QString::number(m_world.owner);
    const QString typed = QStringLiteral("Bureau réglable en hauteur, plateau chêne");

    QProcess typing;
    typing.setProcessEnvironment(environment);
    typing.start(QStringLiteral(RECUP_ADEDITOR_PROBE),
                 {QStringLiteral("type"), database, agent, typed});
    QVERIFY(typing.waitForStarted());
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += typing.readAllStandardOutput()).contains("autosaved")
                                     || typing.state() == QProcess::NotRunning,
                             30'000);
    QVERIFY2(typing.state() == QProcess::Running, said.constData());
    // The draft is on disk before the kill: the file the next start reads.
    QVERIFY(QFileInfo::exists(home.path()
                              + QStringLiteral("/Collectiv'Récup/adeditor_probe/drafts")));
    typing.kill(); // SIGKILL: no destructor, no closing, nothing flushed
    QVERIFY(typing.waitForFinished(10'000));
    QCOMPARE(typing.exitStatus(), QProcess::CrashExit);

    QProcess restoring;
    restoring.setProcessEnvironment(environment);
    restoring.start(QStringLiteral(RECUP_ADEDITOR_PROBE),
                    {QStringLiteral("restore"), database, agent});
    QVERIFY(restoring.waitForFinished(30'000));
    const QString out = QString::fromUtf8(restoring.readAllStandardOutput());
    QCOMPARE(restoring.exitCode(), 0);
    QVERIFY2(out.contains(QStringLiteral("title=") + typed), qPrintable(out));
}

void TestAdPosting::draftOfAnAdClosedMeanwhileLosesNothing()
{
    const Ad published = publishedAd(*m_db, m_world, QStringLiteral("Fauteuil de bureau"));
    const QString typed = QStringLiteral("Fauteuil de bureau ergonomique, accoudoirs réglables");
    {
        // The owner types, the draft is written, then the workstation goes down (no cancel).
        AdEditorDialog editor(*m_ownerDb, m_world.ownerActor());
        QVERIFY(editor.loadAd(published.id));
        auto *title = editor.findChild<QLineEdit *>(QStringLiteral("titleEdit"));
        title->selectAll();
        typeText(title, typed);
        QSignalSpy saved(&editor, &AdEditorDialog::draftSaved);
        QVERIFY(saved.wait(AdEditorDialog::AutosaveDelayMs + 5000));
    }
    // Meanwhile a moderator removes the ad.
    const auto removed = AdRepository(*m_db).transition(
            published.id,
            {AdAction::Remove, published.version, QStringLiteral("Doublon"), {}, 0, {}},
            m_world.moderatorActor());
    QVERIFY2(removed, qPrintable(removed.error().message));

    const int before = adsOwned();
    m_dialog = newDialog();
    QVERIFY(m_dialog->loadAd(published.id));
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QVERIFY(m_dialog->offersDraft());
    auto *bar = child<QLabel>("draftText");
    QVERIFY2(bar->text().contains(QStringLiteral("An unsaved draft of")), qPrintable(bar->text()));
    QTest::mouseClick(child<QPushButton>("resumeDraftButton"), Qt::LeftButton);
    QVERIFY2(bar->text().contains(QStringLiteral("closed")), qPrintable(bar->text()));
    // What was typed is shown, field by field, and can be copied.
    auto *yours = child<QLabel>("yours_title");
    QVERIFY(yours && yours->text().contains(typed));
    QVERIFY(child<QPushButton>("copyYourVersionButton"));
    // Or posted as a new ad: the typed text goes into a new form.
    auto *asNew = child<QPushButton>("newAdFromDraftButton");
    QVERIFY(asNew->isVisible());
    QTest::mouseClick(asNew, Qt::LeftButton);
    QVERIFY(m_dialog->isNewAd());
    QCOMPARE(child<QLineEdit>("titleEdit")->text(), typed);
    child<QCheckBox>("attestationCheck")->setChecked(true);
    child<QCheckBox>("noValueCheck")->setChecked(true);
    QVERIFY(m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    QCOMPARE(adsOwned(), before + 1);
    QCOMPARE(AdRepository(*m_db).get(m_dialog->ad().id)->title, typed);
    QCOMPARE(AdRepository(*m_db).get(published.id)->state, AdState::Closed);
    // Saved: no draft left for either.
    QVERIFY(!AdDraftStore(m_dialog->draftFolder()).load(published.id));
    QVERIFY(!AdDraftStore(m_dialog->draftFolder()).load(0));
}

void TestAdPosting::draftOfAnAdApprovedMeanwhileIsBesideIt()
{
    const Ad pending = pendingAd(*m_db, m_world, QStringLiteral("Lampadaire"));
    const QString typed = QStringLiteral("Lampadaire halogène");
    {
        AdEditorDialog editor(*m_ownerDb, m_world.ownerActor());
        QVERIFY(editor.loadAd(pending.id));
        auto *title = editor.findChild<QLineEdit *>(QStringLiteral("titleEdit"));
        title->selectAll();
        typeText(title, typed);
        editor.autosaveNow();
    }
    const auto approved
            = AdRepository(*m_db).transition(pending.id,
                                             {AdAction::Approve, pending.version, {}, {}, 0, {}},
                                             m_world.moderatorActor());
    QVERIFY(approved);

    m_dialog = newDialog();
    QVERIFY(m_dialog->loadAd(pending.id));
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QVERIFY(m_dialog->offersDraft());
    m_dialog->resumeDraft();
    auto *bar = child<QLabel>("draftText");
    QVERIFY2(bar->text().contains(QStringLiteral("published")), qPrintable(bar->text()));
    // The form shows the approved ad; the draft's title is beside it, to take back.
    QCOMPARE(child<QLineEdit>("titleEdit")->text(), QStringLiteral("Lampadaire"));
    QVERIFY(child<QLabel>("yours_title")->text().contains(typed));
    QTest::mouseClick(child<QPushButton>("useMine_title"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>("titleEdit")->text(), typed);
}

QTEST_MAIN(TestAdPosting)
#include "tst_adposting.moc"
