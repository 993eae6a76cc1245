// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The ad form on the offscreen platform: typed like a user types, saved through the real
// repository. A refused save keeps every character typed.
#include "Fixtures.h"
#include "TestDatabase.h"
#include "common/AdEditorDialog.h"
#include "domain/Amounts.h"
#include "media/PhotoScaler.h"
#include "storage/ReferenceCache.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

namespace {

// QTest::keyClicks knows ASCII only; French is typed key by key with the character's text.
void type(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        const ushort upper = c.toUpper().unicode();
        const Qt::Key key = upper <= 0xff ? Qt::Key(upper) : Qt::Key_unknown;
        QTest::sendKeyEvent(QTest::Click, widget, key, QString(c), Qt::NoModifier);
    }
}

} // namespace

class TestAdEditorDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void euroAmounts_data();
    void euroAmounts();
    void euroText();

    void valueIsSavedAsCents();
    void shortTitleShowsItsErrorAndSavesNothing();
    void unreadableValueIsRefusedNextToItsField();
    void excludedCategoryBlocksSaving();
    void weightFollowsTheCategoryUntilTyped();
    void sendToModerationSubmits();
    void staleSaveIsRefusedAndKeepsEverythingTyped();
    void reloadShowsTheLatestAndKeepsYourVersion();
    void photosAreScaledLimitedAndSaved();
    void closingWithChangesAsksFirst();

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
    // Title, category, site and attestation: what any valid ad needs.
    void fillMinimum(const QString &title);
    int adsOwned() const;

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_ownerDb; // Marie Dupont's own login on PostgreSQL
    World m_world;
    std::unique_ptr<AdEditorDialog> m_dialog;
    QTemporaryDir m_pictures;
};

void TestAdEditorDialog::initTestCase()
{
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("adeditordialog"));
    m_db = m_test->open();
    QVERIFY(m_db);
    m_world = makeWorld(*m_db);
    if (TestDatabase::backend() == QLatin1String("postgresql"))
        QVERIFY(ensureLoginRoles(*m_db));
    m_ownerDb = m_test->openAs(QStringLiteral("mdupont"));
    QVERIFY(m_ownerDb);
    QVERIFY(m_pictures.isValid());
}

void TestAdEditorDialog::cleanupTestCase()
{
    m_dialog.reset();
    m_ownerDb.reset();
    m_db.reset();
    m_test.reset();
}

void TestAdEditorDialog::cleanup()
{
    m_dialog.reset();
}

std::unique_ptr<AdEditorDialog> TestAdEditorDialog::newDialog()
{
    auto dialog = std::make_unique<AdEditorDialog>(*m_ownerDb, m_world.ownerActor());
    // Categories and sites come from the session's reference cache, read off the GUI thread.
    if (!QTest::qWaitFor([this] { return m_ownerDb->references().isLoaded(); }, 10'000))
        qWarning("the reference cache was not read in 10 s");
    dialog->setDiscardPrompt([](QWidget *) { return true; });
    dialog->setFilePicker([](QWidget *) {
        qWarning("unexpected file dialog");
        return QStringList();
    });
    return dialog;
}

void TestAdEditorDialog::selectData(const char *combo, qint64 id)
{
    auto *box = child<QComboBox>(combo);
    QVERIFY(box);
    const int index = box->findData(id);
    QVERIFY2(index >= 0, combo);
    box->setCurrentIndex(index);
}

void TestAdEditorDialog::fillMinimum(const QString &title)
{
    type(child<QLineEdit>("titleEdit"), title);
    selectData("categoryCombo", m_world.desks);
    selectData("siteCombo", m_world.depot);
    child<QCheckBox>("attestationCheck")->setChecked(true);
}

int TestAdEditorDialog::adsOwned() const
{
    return int(AdRepository(*m_db).ownedBy(m_world.owner)->size());
}

void TestAdEditorDialog::euroAmounts_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<qint64>("cents"); // -1: refused
    QTest::newRow("French with a space") << QStringLiteral("1 234,50") << qint64(123450);
    QTest::newRow("French with the euro sign") << QStringLiteral("1 234,50 €") << qint64(123450);
    QTest::newRow("narrow no-break space") << QStringLiteral("1\u202F234,5") << qint64(123450);
    QTest::newRow("dot as decimal point") << QStringLiteral("1234.5") << qint64(123450);
    QTest::newRow("dots grouping thousands") << QStringLiteral("1.234") << qint64(123400);
    QTest::newRow("dots and a decimal comma") << QStringLiteral("1.234,56") << qint64(123456);
    QTest::newRow("whole euros") << QStringLiteral("12") << qint64(1200);
    QTest::newRow("nothing typed") << QString() << qint64(0);
    QTest::newRow("cents only") << QStringLiteral("0,05") << qint64(5);
    QTest::newRow("three decimals") << QStringLiteral("12,345") << qint64(-1);
    QTest::newRow("negative") << QStringLiteral("-5") << qint64(-1);
    QTest::newRow("words") << QStringLiteral("douze euros") << qint64(-1);
    QTest::newRow("unfinished") << QStringLiteral("12,") << qint64(-1);
    QTest::newRow("absurdly long") << QStringLiteral("9999999999999") << qint64(-1);
}

void TestAdEditorDialog::euroAmounts()
{
    QFETCH(QString, typed);
    QFETCH(qint64, cents);
    const std::optional<qint64> parsed = Amounts::parseEuroCents(typed);
    if (cents < 0)
        QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(0))));
    else
        QCOMPARE(parsed, std::optional(cents));
}

void TestAdEditorDialog::euroText()
{
    QString text = Amounts::euroText(123450);
    text.replace(QChar(0x202F), u' ').replace(QChar(0x00A0), u' ');
    QCOMPARE(text, QStringLiteral("1 234,50 €"));
    QCOMPARE(Amounts::parseEuroCents(Amounts::euroText(9876543)), std::optional(qint64(9876543)));
    QCOMPARE(Amounts::kilogramText(300).replace(QChar(0x00A0), u' '), QStringLiteral("0,3 kg"));
    QCOMPARE(Amounts::kilogramText(45000).replace(QChar(0x00A0), u' '), QStringLiteral("45 kg"));
}

void TestAdEditorDialog::valueIsSavedAsCents()
{
    m_dialog = newDialog();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    fillMinimum(QStringLiteral("Armoire haute deux portes"));
    type(child<QLineEdit>("valueEdit"), QStringLiteral("1 234,50"));
    QSignalSpy saved(m_dialog.get(), &AdEditorDialog::adSaved);
    QTest::mouseClick(child<QPushButton>("draftButton"), Qt::LeftButton);
    QCOMPARE(saved.count(), 1);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    const Ad &ad = m_dialog->ad();
    QVERIFY(ad.id > 0);
    QCOMPARE(ad.state, AdState::Draft);
    QCOMPARE(ad.valueCents, qint64(123450));
    QCOMPARE(AdRepository(*m_db).get(ad.id)->valueCents, qint64(123450));
    QCOMPARE(AdRepository(*m_db).get(ad.id)->title, QStringLiteral("Armoire haute deux portes"));
}

void TestAdEditorDialog::shortTitleShowsItsErrorAndSavesNothing()
{
    const int before = adsOwned();
    m_dialog = newDialog();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    fillMinimum(QStringLiteral("ab"));
    type(child<QLineEdit>("valueEdit"), QStringLiteral("40"));
    QTest::mouseClick(child<QPushButton>("submitButton"), Qt::LeftButton);

    QVERIFY(m_dialog->isVisible());
    QVERIFY(m_dialog->result() != QDialog::Accepted);
    auto *error = child<QLabel>("titleError");
    QVERIFY(error);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("at least 3")), qPrintable(error->text()));
    QCOMPARE(m_dialog->fieldError(QStringLiteral("title")), error->text());
    // The message sits next to the title: in the same box, just under it.
    QCOMPARE(error->parentWidget(), child<QLineEdit>("titleEdit")->parentWidget());
    QVERIFY(child<QLineEdit>("titleEdit")->hasFocus());
    QCOMPARE(child<QLineEdit>("titleEdit")->text(), QStringLiteral("ab"));
    QVERIFY(m_dialog->fieldError(QStringLiteral("category")).isEmpty());
    QCOMPARE(adsOwned(), before);

    // Corrected, it saves, and the error goes.
    type(child<QLineEdit>("titleEdit"), QStringLiteral("ri de jardin"));
    QTest::mouseClick(child<QPushButton>("draftButton"), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(adsOwned(), before + 1);
}

void TestAdEditorDialog::unreadableValueIsRefusedNextToItsField()
{
    const int before = adsOwned();
    m_dialog = newDialog();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    fillMinimum(QStringLiteral("Lampe de bureau"));
    type(child<QLineEdit>("valueEdit"), QStringLiteral("douze euros"));
    QVERIFY(!m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    QVERIFY(!m_dialog->fieldError(QStringLiteral("valueCents")).isEmpty());
    QVERIFY(child<QLineEdit>("valueEdit")->hasFocus());
    QCOMPARE(child<QLineEdit>("valueEdit")->text(), QStringLiteral("douze euros"));
    QCOMPARE(adsOwned(), before);
}

void TestAdEditorDialog::excludedCategoryBlocksSaving()
{
    const int before = adsOwned();
    m_dialog = newDialog();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    fillMinimum(QStringLiteral("Écran 24 pouces"));
    selectData("categoryCombo", m_world.computers);

    auto *notice = child<QLabel>("categoryNotice");
    QVERIFY(notice);
    QVERIFY(notice->isVisible());
    QCOMPARE(notice->text(), QStringLiteral("Le matériel informatique passe par la DSI."));
    QVERIFY(!child<QPushButton>("submitButton")->isEnabled());
    QVERIFY(!child<QPushButton>("draftButton")->isEnabled());
    // Even when asked directly, nothing is written.
    QVERIFY(!m_dialog->save(AdEditorDialog::SaveMode::Submit));
    QCOMPARE(m_dialog->fieldError(QStringLiteral("category")),
             QStringLiteral("Le matériel informatique passe par la DSI."));
    QCOMPARE(adsOwned(), before);

    // Another category lifts the block.
    selectData("categoryCombo", m_world.chairs);
    QVERIFY(!notice->isVisible());
    QVERIFY(child<QPushButton>("submitButton")->isEnabled());
}

void TestAdEditorDialog::weightFollowsTheCategoryUntilTyped()
{
    m_dialog = newDialog();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    auto *weight = child<QDoubleSpinBox>("weightSpin");
    auto *quantity = child<QSpinBox>("quantitySpin");
    selectData("categoryCombo", m_world.chairs); // 8 kg a chair
    QCOMPARE(qRound64(weight->value() * 1000), qint64(8000));
    quantity->setValue(3);
    QCOMPARE(qRound64(weight->value() * 1000), qint64(24000));
    QVERIFY(child<QLabel>("weightHint")->text().contains(QStringLiteral("8")));

    // Once the agent types a weight, it is theirs.
    weight->setFocus();
    weight->selectAll();
    type(weight, QStringLiteral("30,5"));
    QCOMPARE(qRound64(weight->value() * 1000), qint64(30500));
    quantity->setValue(4);
    QCOMPARE(qRound64(weight->value() * 1000), qint64(30500));

    fillMinimum(QStringLiteral("Chaises visiteurs"));
    child<QCheckBox>("noValueCheck")->setChecked(true);
    selectData("categoryCombo", m_world.chairs);
    QVERIFY(m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    QCOMPARE(AdRepository(*m_db).get(m_dialog->ad().id)->weightGrams, qint64(30500));
    QCOMPARE(AdRepository(*m_db).get(m_dialog->ad().id)->quantity, 4);
}

void TestAdEditorDialog::sendToModerationSubmits()
{
    m_dialog = newDialog();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    fillMinimum(QStringLiteral("Tableau blanc 120 × 90"));
    child<QCheckBox>("noValueCheck")->setChecked(true);
    QTest::mouseClick(child<QPushButton>("submitButton"), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    const auto stored = AdRepository(*m_db).get(m_dialog->ad().id);
    QCOMPARE(stored->state, AdState::Pending);
    QCOMPARE(m_dialog->ad().state, AdState::Pending);
}

void TestAdEditorDialog::staleSaveIsRefusedAndKeepsEverythingTyped()
{
    AdRepository ads(*m_db);
    const auto created
            = ads.create(m_world.sampleAd(QStringLiteral("Bureau droit")), m_world.ownerActor());
    QVERIFY(created);
    m_dialog = newDialog();
    QVERIFY(m_dialog->loadAd(created->id));
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QCOMPARE(m_dialog->ad().version, created->version);

    // The agent types everywhere…
    auto *title = child<QLineEdit>("titleEdit");
    title->selectAll();
    type(title, QStringLiteral("Bureau d'angle en hêtre"));
    auto *description = child<QPlainTextEdit>("descriptionEdit");
    description->selectAll();
    type(description, QStringLiteral("Angle à droite, 180 × 120 cm."));
    selectData("categoryCombo", m_world.chairs);
    child<QSpinBox>("quantitySpin")->setValue(3);
    auto *value = child<QLineEdit>("valueEdit");
    value->selectAll();
    type(value, QStringLiteral("1 234,50"));
    auto *weight = child<QDoubleSpinBox>("weightSpin");
    weight->selectAll();
    type(weight, QStringLiteral("52"));
    selectData("siteCombo", m_world.townHall);
    auto *room = child<QLineEdit>("roomEdit");
    room->selectAll();
    type(room, QStringLiteral("Sous-sol, local 3"));

    // …while the same ad is saved from another workstation.
    Ad meanwhile = *created;
    meanwhile.room = QStringLiteral("Bâtiment C");
    meanwhile.quantity = 2;
    const auto other = AdRepository(*m_db).update(meanwhile, m_world.ownerActor());
    QVERIFY2(other, qPrintable(other.error().message));

    QTest::mouseClick(child<QPushButton>("draftButton"), Qt::LeftButton);

    QVERIFY(m_dialog->isVisible());
    QVERIFY(m_dialog->result() != QDialog::Accepted);
    QVERIFY(m_dialog->hasConflict());
    auto *conflict = child<QLabel>("conflictText");
    QVERIFY(conflict->isVisible());
    QVERIFY2(conflict->text().contains(QStringLiteral("Someone else changed this ad")),
             qPrintable(conflict->text()));
    QVERIFY(child<QPushButton>("reloadLatestButton")->isVisible());
    // Every field holds what was typed.
    QCOMPARE(title->text(), QStringLiteral("Bureau d'angle en hêtre"));
    QCOMPARE(description->toPlainText(), QStringLiteral("Angle à droite, 180 × 120 cm."));
    QCOMPARE(child<QComboBox>("categoryCombo")->currentData().toLongLong(), m_world.chairs);
    QCOMPARE(child<QSpinBox>("quantitySpin")->value(), 3);
    QCOMPARE(Amounts::parseEuroCents(value->text()), std::optional(qint64(123450)));
    QCOMPARE(qRound64(weight->value() * 1000), qint64(52000));
    QCOMPARE(child<QComboBox>("siteCombo")->currentData().toLongLong(), m_world.townHall);
    QCOMPARE(room->text(), QStringLiteral("Sous-sol, local 3"));
    QVERIFY(child<QCheckBox>("attestationCheck")->isChecked());
    // And nothing of it reached the database.
    const auto stored = AdRepository(*m_db).get(created->id);
    QCOMPARE(stored->title, QStringLiteral("Bureau droit"));
    QCOMPARE(stored->room, QStringLiteral("Bâtiment C"));
    QCOMPARE(stored->version, other->version);
}

void TestAdEditorDialog::reloadShowsTheLatestAndKeepsYourVersion()
{
    AdRepository ads(*m_db);
    const auto created
            = ads.create(m_world.sampleAd(QStringLiteral("Caisson mobile")), m_world.ownerActor());
    QVERIFY(created);
    m_dialog = newDialog();
    QVERIFY(m_dialog->loadAd(created->id));
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    auto *title = child<QLineEdit>("titleEdit");
    title->setText(QStringLiteral("Caisson mobile trois tiroirs"));
    Ad meanwhile = *created;
    meanwhile.room = QStringLiteral("Accueil");
    const auto other = ads.update(meanwhile, m_world.ownerActor());
    QVERIFY(other);
    QVERIFY(!m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    QVERIFY(m_dialog->hasConflict());

    QTest::mouseClick(child<QPushButton>("reloadLatestButton"), Qt::LeftButton);
    QVERIFY(!m_dialog->hasConflict());
    // The form shows what was saved meanwhile, with its version.
    QCOMPARE(m_dialog->ad().version, other->version);
    QCOMPARE(child<QLineEdit>("roomEdit")->text(), QStringLiteral("Accueil"));
    QCOMPARE(title->text(), QStringLiteral("Caisson mobile"));
    // What was typed waits in "Your version", field by field.
    auto *panel = child<QWidget>("yourVersionPanel");
    QVERIFY(panel && panel->isVisible());
    auto *yoursTitle = child<QLabel>("yours_title");
    QVERIFY(yoursTitle);
    QVERIFY(yoursTitle->text().contains(QStringLiteral("Caisson mobile trois tiroirs")));
    QVERIFY(m_dialog->findChild<QLabel *>(QStringLiteral("yours_room"))); // differs too
    // Taking back the title only, then saving, keeps the other person's room.
    QTest::mouseClick(child<QPushButton>("useMine_title"), Qt::LeftButton);
    QCOMPARE(title->text(), QStringLiteral("Caisson mobile trois tiroirs"));
    QVERIFY(m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    const auto stored = ads.get(created->id);
    QCOMPARE(stored->title, QStringLiteral("Caisson mobile trois tiroirs"));
    QCOMPARE(stored->room, QStringLiteral("Accueil"));
    QCOMPARE(stored->version, other->version + 1);
}

void TestAdEditorDialog::photosAreScaledLimitedAndSaved()
{
    QStringList files;
    for (int i = 0; i < 7; ++i) {
        QImage picture(2400, 1800, QImage::Format_RGB32);
        picture.fill(QColor::fromHsv(i * 40, 180, 200));
        const QString path = m_pictures.filePath(QStringLiteral("photo%1.png").arg(i));
        QVERIFY(picture.save(path));
        files.append(path);
    }
    const QString broken = m_pictures.filePath(QStringLiteral("not-a-picture.jpg"));
    {
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is no JPEG");
    }

    m_dialog = newDialog();
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    // A damaged file is refused with its name; the others go through.
    m_dialog->setFilePicker([&](QWidget *) { return QStringList{broken, files.at(0)}; });
    QTest::mouseClick(child<QPushButton>("addPhotosButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isPreparingPhotos(), 20000);
    QCOMPARE(m_dialog->photoCount(), 1);
    QVERIFY(m_dialog->fieldError(QStringLiteral("photos"))
                    .contains(QStringLiteral("not-a-picture")));

    // Seven more asked for: five fit, the rest is said.
    m_dialog->setFilePicker([&](QWidget *) { return files.mid(1) + files.mid(0, 1); });
    QTest::mouseClick(child<QPushButton>("addPhotosButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isPreparingPhotos(), 20000);
    QCOMPARE(m_dialog->photoCount(), AdRules::PhotosMax);
    QVERIFY(m_dialog->fieldError(QStringLiteral("photos")).contains(QStringLiteral("at most 6")));
    QCOMPARE(child<QListWidget>("photoList")->count(), AdRules::PhotosMax);
    QVERIFY(!child<QPushButton>("addPhotosButton")->isEnabled());

    // Remove one and move the last first.
    auto *list = child<QListWidget>("photoList");
    list->setCurrentRow(1);
    QTest::mouseClick(child<QPushButton>("removePhotoButton"), Qt::LeftButton);
    QCOMPARE(m_dialog->photoCount(), AdRules::PhotosMax - 1);

    fillMinimum(QStringLiteral("Lot de six photos"));
    child<QCheckBox>("noValueCheck")->setChecked(true);
    QVERIFY(m_dialog->save(AdEditorDialog::SaveMode::SaveDraft));
    const auto stored = AdRepository(*m_db).get(m_dialog->ad().id);
    QCOMPARE(stored->photos.size(), AdRules::PhotosMax - 1);
    for (const AdPhoto &photo : stored->photos) {
        QImage image;
        QVERIFY(image.loadFromData(photo.jpeg));
        QVERIFY(qMax(image.width(), image.height()) <= PhotoScaler::PhotoMaxSide);
        QVERIFY(!photo.thumbnail.isEmpty());
    }
}

void TestAdEditorDialog::closingWithChangesAsksFirst()
{
    m_dialog = newDialog();
    int asked = 0;
    bool answer = false;
    m_dialog->setDiscardPrompt([&](QWidget *) {
        ++asked;
        return answer;
    });
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    type(child<QLineEdit>("titleEdit"), QStringLiteral("Porte-manteau"));
    QTest::mouseClick(child<QPushButton>("cancelButton"), Qt::LeftButton);
    QCOMPARE(asked, 1);
    QVERIFY(m_dialog->isVisible()); // "Keep editing"
    QCOMPARE(child<QLineEdit>("titleEdit")->text(), QStringLiteral("Porte-manteau"));
    answer = true;
    QTest::mouseClick(child<QPushButton>("cancelButton"), Qt::LeftButton);
    QCOMPARE(asked, 2);
    QVERIFY(!m_dialog->isVisible());
}

QTEST_MAIN(TestAdEditorDialog)
#include "tst_adeditordialog.moc"
