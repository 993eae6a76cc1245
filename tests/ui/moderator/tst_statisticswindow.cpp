// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The moderators' figures window on the demo data, on the offscreen platform and a real
// database (on PostgreSQL through a moderator's login, as the server checks the group).
#include "Fixtures.h"
#include "Programs.h"
#include "TestDatabase.h"
#include "WindowWaits.h"
#include "common/MessageBar.h"
#include "demo/DemoData.h"
#include "domain/Amounts.h"
#include "moderator/StatisticsWindow.h"
#include "reports/Figures.h"
#include "reports/ReportDocument.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;

class TestStatisticsWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void headlineShowsTheCurrentSemester();
    void switchingToYearChangesTheFigures();
    void periodWithoutClosingSaysSo();
    void csvExportWritesFrenchExcelCsv();
    void reuseDeclarationIsWritten();
    void customPeriodEndingBeforeItBeginsKeepsTheFigures();
    void reportIsPreviewedPrintedAndSaved();

private:
    Database &reader() const { return m_moderatorDb ? *m_moderatorDb : *m_db; }
    Figures readDirectly(const ReportPeriod &period) const;
    void chooseKind(ReportPeriod::Kind kind);
    template<typename T>
    T *child(const char *name) const
    {
        T *found = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qWarning("no child named %s", name);
        return found;
    }

    std::unique_ptr<Testing::TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_moderatorDb;
    Agent m_moderator;
    QDate m_today;
    QTemporaryDir m_files;
    std::unique_ptr<StatisticsWindow> m_window;
};

void TestStatisticsWindow::initTestCase()
{
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("statisticswindow"));
    m_db = m_test->open();
    QVERIFY(m_db);
    const Status seeded = DemoData::seed(*m_db);
    QVERIFY2(seeded.ok(), qPrintable(seeded.error().message + u" / " + seeded.error().detail));
    if (Testing::TestDatabase::backend() == QLatin1String("postgresql")) {
        QVERIFY(Testing::ensureLoginRoles(*m_db));
        m_moderatorDb = m_test->openAs(QStringLiteral("cbernard"));
        QVERIFY(m_moderatorDb);
    }
    const auto agents = ReferenceRepository(*m_db).agents();
    QVERIFY(agents);
    for (const Agent &agent : *agents) {
        if (agent.roles.testFlag(Role::Moderator))
            m_moderator = agent;
    }
    QVERIFY(m_moderator.id != 0);
    m_today = QDateTime::currentDateTimeUtc().toTimeZone(ReportPeriod::platformZone()).date();
    QVERIFY(m_files.isValid());
}

void TestStatisticsWindow::init()
{
    m_window = std::make_unique<StatisticsWindow>(reader(), m_moderator, m_today);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(Testing::waitIdle(*m_window));
    QVERIFY(m_window->figures());
}

void TestStatisticsWindow::cleanup()
{
    m_window.reset();
}

void TestStatisticsWindow::cleanupTestCase()
{
    m_window.reset();
    m_moderatorDb.reset();
    m_db.reset();
    m_test.reset();
}

Figures TestStatisticsWindow::readDirectly(const ReportPeriod &period) const
{
    const auto figures = FiguresReader(reader()).read(period);
    if (!figures)
        qWarning("figures: %s", qPrintable(figures.error().message));
    return figures ? *figures : Figures{};
}

void TestStatisticsWindow::chooseKind(ReportPeriod::Kind kind)
{
    auto *combo = child<QComboBox>("periodKind");
    combo->setCurrentIndex(combo->findData(int(kind)));
}

void TestStatisticsWindow::headlineShowsTheCurrentSemester()
{
    const ReportPeriod semester = ReportPeriod::currentSemester(m_today);
    QCOMPARE(m_window->figures()->period, semester);
    const Figures expected = readDirectly(semester);
    QVERIFY(expected.exchanged() > 0); // the demo's current semester has exchanges
    QCOMPARE(m_window->figures()->exchanged(), expected.exchanged());
    QCOMPARE(m_window->figures()->valueCents(), expected.valueCents());
    QCOMPARE(m_window->figures()->weightGrams(), expected.weightGrams());
    const QString headline = m_window->headline();
    QVERIFY2(headline.startsWith(QString::number(expected.exchanged()) + u' '),
             qPrintable(headline));
    QVERIFY2(headline.contains(Amounts::wholeEuroText(expected.valueCents())),
             qPrintable(headline));
    QVERIFY2(headline.contains(Amounts::wholeKilogramText(expected.weightGrams())),
             qPrintable(headline));
    QVERIFY(child<QWidget>("figuresTabs")->isVisible());
}

void TestStatisticsWindow::switchingToYearChangesTheFigures()
{
    const QString semesterHeadline = m_window->headline();
    chooseKind(ReportPeriod::Kind::Year);
    QVERIFY(Testing::waitIdle(*m_window));
    const ReportPeriod year = ReportPeriod::year(m_today.year());
    QCOMPARE(m_window->figures()->period, year);
    const Figures expected = readDirectly(year);
    QCOMPARE(m_window->figures()->exchanged(), expected.exchanged());
    QVERIFY(m_window->headline() != semesterHeadline);
    QVERIFY2(m_window->headline().contains(Amounts::wholeEuroText(expected.valueCents())),
             qPrintable(m_window->headline()));
}

void TestStatisticsWindow::periodWithoutClosingSaysSo()
{
    m_window->choosePeriod(ReportPeriod::month(2020, 1)); // years before the demo's launch
    QVERIFY(Testing::waitIdle(*m_window));
    QVERIFY(m_window->figures()->isEmpty());
    QCOMPARE(m_window->headline(), QStringLiteral("No ad was closed in this period."));
    QVERIFY(child<QWidget>("figuresEmptyState")->isVisible());
}

void TestStatisticsWindow::csvExportWritesFrenchExcelCsv()
{
    const QString path = m_files.filePath(QStringLiteral("figures.csv"));
    QString suggested;
    m_window->setSavePathRunner([&](const QString &, const QString &name, const QString &) {
        suggested = name;
        return path;
    });
    QSignalSpy written(m_window.get(), &StatisticsWindow::fileWritten);
    child<QPushButton>("exportCsvButton")->click();
    QCOMPARE(written.size(), 1);
    QVERIFY2(suggested.contains(m_window->figures()->period.key()), qPrintable(suggested));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    QVERIFY(bytes.contains(QStringLiteral("Synthèse").toUtf8()));
    QVERIFY(m_window->messageBar()->text().contains(QStringLiteral("figures.csv")));
}

void TestStatisticsWindow::reuseDeclarationIsWritten()
{
    const QString path = m_files.filePath(QStringLiteral("declaration.csv"));
    int asked = 0;
    m_window->setYearRunner([&](int suggested) {
        asked = suggested;
        return std::optional<int>(suggested);
    });
    m_window->setSavePathRunner(
            [&](const QString &, const QString &, const QString &) { return path; });
    QSignalSpy written(m_window.get(), &StatisticsWindow::fileWritten);
    child<QPushButton>("reuseDeclarationButton")->click();
    QVERIFY(written.size() == 1 || written.wait(15'000));
    QCOMPARE(asked, m_today.year() - 1); // last year's is the one due
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("\xEF\xBB\xBF"));
}

void TestStatisticsWindow::customPeriodEndingBeforeItBeginsKeepsTheFigures()
{
    chooseKind(ReportPeriod::Kind::Custom);
    QVERIFY(Testing::waitIdle(*m_window));
    const Figures before = *m_window->figures();
    const QString headline = m_window->headline();
    QCOMPARE(before.period.kind(), ReportPeriod::Kind::Custom);

    child<QDateEdit>("periodLast")->setDate(before.period.first().addDays(-3));
    QVERIFY(!m_window->isLoading()); // nothing is read
    const auto refused
            = ReportPeriod::custom(before.period.first(), before.period.first().addDays(-3));
    QVERIFY(!refused);
    QCOMPARE(m_window->messageBar()->text(), refused.error().message);
    QVERIFY(m_window->messageBar()->isVisible());
    QCOMPARE(m_window->figures()->period, before.period);
    QCOMPARE(m_window->headline(), headline);

    // Put right, the period is read and the message goes.
    child<QDateEdit>("periodLast")->setDate(before.period.first().addDays(3));
    QVERIFY(Testing::waitIdle(*m_window));
    QVERIFY(!m_window->messageBar()->isVisible());
    QCOMPARE(m_window->figures()->period.last(), before.period.first().addDays(3));
}

// The semester report as a moderator sees it: the print preview shows its pages, printing
// from there writes them (here to a PDF printer), and « Enregistrer en PDF » saves the same
// French document.
void TestStatisticsWindow::reportIsPreviewedPrintedAndSaved()
{
    const QString headline = ReportDocument::frenchHeadline(*m_window->figures());
    const QString printed = m_files.filePath(QStringLiteral("printed.pdf"));
    int pages = 0;
    QString title;
    m_window->setPreviewRunner([&](QPrintPreviewDialog &preview) {
        title = preview.windowTitle();
        preview.show();
        auto *pagesShown = preview.findChild<QPrintPreviewWidget *>();
        if (!pagesShown || !QTest::qWaitFor([&] { return pagesShown->pageCount() > 0; }, 15'000))
            return;
        pages = pagesShown->pageCount();
        QPrinter printer(QPrinter::HighResolution); // the dialog's Print button, to a file
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(printed);
        emit preview.paintRequested(&printer);
        preview.close();
    });
    child<QPushButton>("semesterReportButton")->click();
    QVERIFY2(pages >= 2, qPrintable(QString::number(pages))); // the demo's semester: several
    QVERIFY2(title.contains(m_window->figures()->period.label()), qPrintable(title));
    const QString printedText = Testing::pdfText(printed);
    QVERIFY2(printedText.contains(headline.simplified()
                                          .replace(QChar(0x202F), u' ')
                                          .replace(QChar(0x00A0), u' ')),
             qPrintable(printedText.left(400)));

    const QString saved = m_files.filePath(QStringLiteral("saved.pdf"));
    m_window->setSavePathRunner(
            [&](const QString &, const QString &, const QString &) { return saved; });
    QSignalSpy written(m_window.get(), &StatisticsWindow::fileWritten);
    child<QPushButton>("reportPdfButton")->click();
    QVERIFY(written.size() == 1 || written.wait(15'000));
    // The same document, though laid out for another resolution: the same headline, the same
    // sections, to the last one.
    const QString savedText = Testing::pdfText(saved);
    for (const QString &part :
         {headline.simplified().replace(QChar(0x202F), u' ').replace(QChar(0x00A0), u' '),
          QStringLiteral("Services jamais actifs")}) {
        QVERIFY2(printedText.contains(part), qPrintable(part));
        QVERIFY2(savedText.contains(part), qPrintable(part));
    }
}

QTEST_MAIN(TestStatisticsWindow)
#include "tst_statisticswindow.moc"
