// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// « Données de référence » (issue #12) through the real window, on the offscreen platform and a
// real database: a service created, edited, deactivated; a category's warning words and
// figures round-trip; two moderators on two connections save the same row (the second is told,
// and keeps what was typed); bad input is said under its field and saves nothing; the session's
// reference cache follows every save; the ad form no longer offers what was deactivated.
#include "Fixtures.h"
#include "Screens.h"
#include "TestDatabase.h"
#include "WindowWaits.h"
#include "common/AdEditorDialog.h"
#include "common/MessageBar.h"
#include "moderator/ReferenceDataWindow.h"
#include "moderator/ReferenceListModel.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;
using Kind = ReferenceDataWindow::Kind;

namespace {

bool isPostgres()
{
    return TestDatabase::backend() == QLatin1String("postgresql");
}

template<typename Widget = QLineEdit>
Widget *field(ReferenceDataWindow &window, Kind kind, const QString &name)
{
    return window.page(kind)->findChild<Widget *>(name);
}

void setText(ReferenceDataWindow &window, Kind kind, const QString &name, const QString &text)
{
    QLineEdit *edit = field(window, kind, name);
    QVERIFY2(edit, qPrintable(name));
    edit->setText(text);
}

void chooseData(ReferenceDataWindow &window, Kind kind, const QString &name, const QVariant &data)
{
    auto *combo = field<QComboBox>(window, kind, name);
    QVERIFY2(combo, qPrintable(name));
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(name));
    combo->setCurrentIndex(index);
}

// Saves the current tab and waits for the answer; true when written.
bool saveAndWait(ReferenceDataWindow &window)
{
    QSignalSpy done(&window, &ReferenceDataWindow::writeFinished);
    window.save();
    if (done.isEmpty() && !done.wait(15'000))
        return false;
    const bool written = done.first().first().toBool();
    return waitIdle(window) && written;
}

bool toggleAndWait(ReferenceDataWindow &window)
{
    QSignalSpy done(&window, &ReferenceDataWindow::writeFinished);
    window.toggleActive();
    if (done.isEmpty() && !done.wait(15'000))
        return false;
    const bool written = done.first().first().toBool();
    return waitIdle(window) && written;
}

const Service *serviceByCode(const ReferenceCache &cache, const QString &code)
{
    for (const Service &s : cache.services()) {
        if (s.code == code)
            return &s;
    }
    return nullptr;
}

} // namespace

class TestReferenceDataWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void everyListPassesTheModelTester();
    void aServiceIsCreatedEditedAndDeactivated();
    void aCategoryRoundTripsItsWordsAndFigures();
    void twoModeratorsSaveTheSameRow();
    void badInputIsSaidUnderItsField_data();
    void badInputIsSaidUnderItsField();
    void anOrganisationWithActiveServicesIsNotDeactivated();
    void aDeactivatedCategoryIsNoLongerOfferedForNewAds();
    void screenshot();

private:
    std::unique_ptr<ReferenceDataWindow> openWindow(Database &db);
    int serviceCount() const { return int(ReferenceRepository(*m_admin).services()->size()); }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<Database> m_claireDb; // Claire Bernard, moderator
    std::unique_ptr<Database> m_lucDb;    // Luc Petit, moderator
    World m_world;
};

void TestReferenceDataWindow::initTestCase()
{
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("referencedatawindow"));
    m_admin = m_test->open();
    QVERIFY(m_admin);
    m_world = makeWorld(*m_admin);
    if (isPostgres())
        QVERIFY(ensureLoginRoles(*m_admin));
    m_claireDb = m_test->openAs(u"cbernard"_s);
    m_lucDb = m_test->openAs(u"lpetit"_s);
    QVERIFY(m_claireDb && m_lucDb);
}

void TestReferenceDataWindow::cleanupTestCase()
{
    m_claireDb.reset();
    m_lucDb.reset();
    m_admin.reset();
    m_test.reset();
}

std::unique_ptr<ReferenceDataWindow> TestReferenceDataWindow::openWindow(Database &db)
{
    Agent moderator;
    moderator.id = m_world.moderator;
    moderator.displayName = u"Claire Bernard"_s;
    moderator.roles = Role::Agent | Role::Moderator;
    auto window = std::make_unique<ReferenceDataWindow>(db, moderator);
    window->setDiscardPrompt([](QWidget *) { return true; });
    window->show();
    if (!waitIdle(*window))
        return nullptr;
    return window;
}

void TestReferenceDataWindow::everyListPassesTheModelTester()
{
    auto window = openWindow(*m_claireDb);
    QVERIFY(window);
    for (int kind = 0; kind < ReferenceDataWindow::KindCount; ++kind) {
        ReferenceListModel *model = window->model(Kind(kind));
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model->rowCount() > 0);
        QVERIFY(refreshAndWait(*window));
        QCOMPARE(model->headerData(model->stateColumn(), Qt::Horizontal).toString(), u"State"_s);
    }
    // An inactive row says so in words.
    QCOMPARE(ReferenceListModel::stateText(false), u"Inactive"_s);
}

void TestReferenceDataWindow::aServiceIsCreatedEditedAndDeactivated()
{
    auto window = openWindow(*m_claireDb);
    QVERIFY(window);
    ReferenceCache &cache = m_claireDb->references();
    cache.ensureLoaded();
    QTRY_VERIFY(cache.isLoaded());

    window->showKind(Kind::Services);
    window->newRow();
    QCOMPARE(window->editedId(Kind::Services), 0);
    setText(*window, Kind::Services, u"serviceCode"_s, u"SPORTS"_s);
    setText(*window, Kind::Services, u"serviceName"_s, u"Sports"_s);
    chooseData(*window, Kind::Services, u"serviceOrganisation"_s, m_world.city);
    QVERIFY(window->hasUnsavedChanges(Kind::Services));
    QVERIFY(saveAndWait(*window));
    const qint64 id = window->editedId(Kind::Services);
    QVERIFY(id > 0);
    QVERIFY(!window->hasUnsavedChanges(Kind::Services));
    QTRY_VERIFY(serviceByCode(cache, u"SPORTS"_s) != nullptr);
    QCOMPARE(serviceByCode(cache, u"SPORTS"_s)->organisationId, m_world.city);

    setText(*window, Kind::Services, u"serviceName"_s, u"Sports et loisirs"_s);
    QVERIFY(saveAndWait(*window));
    QTRY_COMPARE(cache.serviceName(id), u"Sports et loisirs"_s);
    const int row = window->model(Kind::Services)->rowOf(id);
    QVERIFY(row >= 0);
    QCOMPARE(window->model(Kind::Services)->index(row, 1).data().toString(),
             u"Sports et loisirs"_s);

    QVERIFY(toggleAndWait(*window));
    QTRY_VERIFY(cache.service(id) && !cache.service(id)->active);
    const ReferenceListModel *model = window->model(Kind::Services);
    QCOMPARE(model->index(model->rowOf(id), model->stateColumn()).data().toString(), u"Inactive"_s);
    // Reactivated, as it was.
    QVERIFY(toggleAndWait(*window));
    QTRY_VERIFY(cache.service(id) && cache.service(id)->active);
}

void TestReferenceDataWindow::aCategoryRoundTripsItsWordsAndFigures()
{
    qint64 id = 0;
    {
        auto window = openWindow(*m_claireDb);
        QVERIFY(window);
        window->showKind(Kind::Categories);
        window->newRow();
        setText(*window, Kind::Categories, u"categoryCode"_s, u"ECRANS"_s);
        setText(*window, Kind::Categories, u"categoryName"_s, u"Écrans et moniteurs"_s);
        setText(*window, Kind::Categories, u"categoryWeight"_s, u"7,5"_s);
        setText(*window, Kind::Categories, u"categoryCo2e"_s, u"0,9"_s);
        setText(*window, Kind::Categories, u"categoryCo2eSource"_s, u"ADEME Base Carbone"_s);
        setText(*window, Kind::Categories, u"categoryExpiry"_s, u"45"_s);
        field<QCheckBox>(*window, Kind::Categories, u"categoryExcluded"_s)->setChecked(true);
        field<QPlainTextEdit>(*window, Kind::Categories, u"categoryExcludedMessage"_s)
                ->setPlainText(u"Adressez-vous au service informatique."_s);
        setText(*window,
                Kind::Categories,
                u"categoryWords"_s,
                u"ordinateur, écran ,  Écran; imprimante"_s);
        QVERIFY(saveAndWait(*window));
        id = window->editedId(Kind::Categories);
        QVERIFY(id > 0);
    }
    const auto stored = ReferenceRepository(*m_admin).category(id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->warningWords, (QStringList{u"ordinateur"_s, u"écran"_s, u"imprimante"_s}));
    QCOMPARE(stored->defaultUnitWeightGrams, 7500);
    QCOMPARE(stored->co2eGramsPerKg.value_or(-1), 900);
    QCOMPARE(stored->expiryDays, 45);
    QVERIFY(stored->excluded);
    // Read again by another window, as stored.
    auto window = openWindow(*m_lucDb);
    QVERIFY(window);
    window->showKind(Kind::Categories);
    QVERIFY(window->selectRow(Kind::Categories, id));
    QCOMPARE(field(*window, Kind::Categories, u"categoryWords"_s)->text(),
             u"ordinateur, écran, imprimante"_s);
    QCOMPARE(field(*window, Kind::Categories, u"categoryName"_s)->text(), u"Écrans et moniteurs"_s);
}

void TestReferenceDataWindow::twoModeratorsSaveTheSameRow()
{
    auto claire = openWindow(*m_claireDb);
    auto luc = openWindow(*m_lucDb);
    QVERIFY(claire && luc);
    for (ReferenceDataWindow *window : {claire.get(), luc.get()}) {
        window->showKind(Kind::Services);
        QVERIFY(window->selectRow(Kind::Services, m_world.library));
    }
    setText(*claire, Kind::Services, u"serviceName"_s, u"Médiathèque"_s);
    setText(*luc, Kind::Services, u"serviceName"_s, u"Bibliothèque municipale"_s);
    QVERIFY(saveAndWait(*claire));
    QVERIFY(!saveAndWait(*luc));
    // Luc is told, and keeps what he typed.
    QVERIFY2(luc->messageBar()->text().contains(u"Someone else changed this service"_s),
             qPrintable(luc->messageBar()->text()));
    QCOMPARE(field(*luc, Kind::Services, u"serviceName"_s)->text(), u"Bibliothèque municipale"_s);
    QVERIFY(luc->hasUnsavedChanges(Kind::Services));
    auto nameOf = [this](qint64 id) {
        const auto services = ReferenceRepository(*m_admin).services(); // kept for the loop
        for (const Service &s : *services) {
            if (s.id == id)
                return s.name;
        }
        return QString();
    };
    QCOMPARE(nameOf(m_world.library), u"Médiathèque"_s);
    // Having read theirs, he saves again: his replaces it.
    QVERIFY(saveAndWait(*luc));
    QCOMPARE(nameOf(m_world.library), u"Bibliothèque municipale"_s);
    // Claire's window follows on its next reading, nothing typed there.
    QVERIFY(refreshAndWait(*claire));
    QCOMPARE(field(*claire, Kind::Services, u"serviceName"_s)->text(),
             u"Bibliothèque municipale"_s);
}

void TestReferenceDataWindow::badInputIsSaidUnderItsField_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("fieldName");
    QTest::newRow("empty code") << int(Kind::Services) << u"serviceCode"_s << QString()
                                << u"code"_s;
    QTest::newRow("duplicate code")
            << int(Kind::Services) << u"serviceCode"_s << u"DUP"_s << u"code"_s;
    QTest::newRow("code too long")
            << int(Kind::Services) << u"serviceCode"_s << QString(41, u'X') << u"code"_s;
    QTest::newRow("six-digit postal code")
            << int(Kind::Sites) << u"sitePostalCode"_s << u"861000"_s << u"postalCode"_s;
    QTest::newRow("negative weight")
            << int(Kind::Categories) << u"categoryWeight"_s << u"-2"_s << u"unitWeight"_s;
    QTest::newRow("weight in words")
            << int(Kind::Categories) << u"categoryWeight"_s << u"lourd"_s << u"unitWeight"_s;
    QTest::newRow("negative CO2e factor")
            << int(Kind::Categories) << u"categoryCo2e"_s << u"-0,5"_s << u"co2eFactor"_s;
    QTest::newRow("expiry of 0 days")
            << int(Kind::Categories) << u"categoryExpiry"_s << u"0"_s << u"expiryDays"_s;
    QTest::newRow("expiry over ten years")
            << int(Kind::Categories) << u"categoryExpiry"_s << u"3651"_s << u"expiryDays"_s;
}

void TestReferenceDataWindow::badInputIsSaidUnderItsField()
{
    QFETCH(int, kind);
    QFETCH(QString, input);
    QFETCH(QString, value);
    QFETCH(QString, fieldName);
    const Kind k = Kind(kind);
    if (QTest::currentDataTag() == QByteArray("duplicate code")) {
        ReferenceRepository references(*m_admin);
        if (!references.serviceByCode(u"DUP"_s).ok()) {
            Service taken;
            taken.organisationId = m_world.agglo;
            taken.code = u"DUP"_s;
            taken.name = u"Déjà là"_s;
            QVERIFY(references.addService(taken).ok());
        }
    }
    auto window = openWindow(*m_claireDb);
    QVERIFY(window);
    window->showKind(k);
    window->newRow();
    // A valid row first, then the one value at fault.
    switch (k) {
    case Kind::Services:
        setText(*window, k, u"serviceCode"_s, u"NEUF"_s);
        setText(*window, k, u"serviceName"_s, u"Service neuf"_s);
        chooseData(*window, k, u"serviceOrganisation"_s, m_world.agglo);
        break;
    case Kind::Sites:
        setText(*window, k, u"siteCode"_s, u"NEUF"_s);
        setText(*window, k, u"siteName"_s, u"Site neuf"_s);
        chooseData(*window, k, u"siteOrganisation"_s, m_world.agglo);
        setText(*window, k, u"siteCity"_s, u"Châtellerault"_s);
        break;
    case Kind::Categories:
        setText(*window, k, u"categoryCode"_s, u"NEUF"_s);
        setText(*window, k, u"categoryName"_s, u"Catégorie neuve"_s);
        setText(*window, k, u"categoryWeight"_s, u"2"_s);
        setText(*window, k, u"categoryExpiry"_s, u"60"_s);
        break;
    default:
        QFAIL("no such case");
    }
    setText(*window, k, input, value);
    const auto services = ReferenceRepository(*m_admin).services()->size();
    const auto sites = ReferenceRepository(*m_admin).sites()->size();
    const auto categories = ReferenceRepository(*m_admin).categories()->size();
    QVERIFY(!saveAndWait(*window));
    QVERIFY2(!window->fieldError(k, fieldName).isEmpty(), qPrintable(fieldName));
    QVERIFY(window->messageBar()->text().contains(u"Nothing was saved"_s));
    QCOMPARE(window->editedId(k), 0);
    QCOMPARE(field(*window, k, input)->text(), value.left(field(*window, k, input)->maxLength()));
    QCOMPARE(ReferenceRepository(*m_admin).services()->size(), services);
    QCOMPARE(ReferenceRepository(*m_admin).sites()->size(), sites);
    QCOMPARE(ReferenceRepository(*m_admin).categories()->size(), categories);
}

void TestReferenceDataWindow::anOrganisationWithActiveServicesIsNotDeactivated()
{
    auto window = openWindow(*m_claireDb);
    QVERIFY(window);
    window->showKind(Kind::Organisations);
    QVERIFY(window->selectRow(Kind::Organisations, m_world.agglo));
    QVERIFY(!toggleAndWait(*window));
    QVERIFY2(window->messageBar()->text().contains(u"deactivate them first"_s),
             qPrintable(window->messageBar()->text()));
    const auto organisations = ReferenceRepository(*m_admin).organisations();
    QVERIFY(organisations);
    for (const Organisation &o : *organisations) {
        if (o.id == m_world.agglo)
            QVERIFY(o.active);
    }
}

void TestReferenceDataWindow::aDeactivatedCategoryIsNoLongerOfferedForNewAds()
{
    auto window = openWindow(*m_claireDb);
    QVERIFY(window);
    window->showKind(Kind::Categories);
    QVERIFY(window->selectRow(Kind::Categories, m_world.chairs));
    QVERIFY(toggleAndWait(*window));
    window->showKind(Kind::Sites);
    QVERIFY(window->selectRow(Kind::Sites, m_world.townHall));
    QVERIFY(toggleAndWait(*window));
    ReferenceCache &cache = m_claireDb->references();
    QTRY_VERIFY(cache.category(m_world.chairs) && !cache.category(m_world.chairs)->active);
    QTRY_VERIFY(cache.site(m_world.townHall) && !cache.site(m_world.townHall)->active);
    {
        AdEditorDialog editor(*m_claireDb, m_world.ownerActor());
        auto *categories = editor.findChild<QComboBox *>(u"categoryCombo"_s);
        auto *sites = editor.findChild<QComboBox *>(u"siteCombo"_s);
        QVERIFY(categories && sites);
        QTRY_VERIFY(categories->findData(m_world.desks) >= 0);
        QCOMPARE(categories->findData(m_world.chairs), -1);
        QVERIFY(sites->findData(m_world.depot) >= 0);
        QCOMPARE(sites->findData(m_world.townHall), -1);
    }
    // Back as they were, for the other cases.
    QVERIFY(toggleAndWait(*window));
    window->showKind(Kind::Categories);
    QVERIFY(window->selectRow(Kind::Categories, m_world.chairs));
    QVERIFY(toggleAndWait(*window));
}

void TestReferenceDataWindow::screenshot()
{
    const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set RECUP_SCREENSHOT_DIR to save a picture of the window");
    QVERIFY(QDir().mkpath(dir));
    FrenchScreens french;
    QVERIFY(french.loaded());
    auto window = openWindow(*m_claireDb);
    QVERIFY(window);
    window->resize(1280, 760);
    window->showKind(Kind::Categories);
    QVERIFY(window->selectRow(Kind::Categories, m_world.computers));
    QVERIFY(saveScreen(*window, dir + u"/reference-data.png"_s));
    window->showKind(Kind::Sites);
    window->newRow();
    setText(*window, Kind::Sites, u"siteCode"_s, u"CTM"_s);
    setText(*window, Kind::Sites, u"siteName"_s, u"Centre technique municipal"_s);
    setText(*window, Kind::Sites, u"sitePostalCode"_s, u"861000"_s);
    QVERIFY(!saveAndWait(*window));
    QVERIFY(saveScreen(*window, dir + u"/reference-data-refused.png"_s));
}

QTEST_MAIN(TestReferenceDataWindow)
#include "tst_referencedatawindow.moc"
