// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The moderators' reports against totals computed by hand: three lots exchanged this semester
// (two desks without a weight given, so estimated; four chairs weighed, worth 0 €; three
// objects of a category without CO2e factor) and one desk thrown away. The semester report is
// read back from its PDF with pdftotext and from its CSV; the declaration per family; the
// admin command as the real process, refusing a malformed or future semester and, on
// PostgreSQL, an agent's login.
#include "Fixtures.h"
#include "Programs.h"
#include "TestDatabase.h"
#include "reports/CsvWriter.h"
#include "reports/Figures.h"
#include "reports/ReportDocument.h"
#include "reports/ReuseDeclaration.h"
#include "storage/AdRepository.h"
#include "storage/ReferenceRepository.h"

#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace Recup;
using namespace Recup::Testing;

namespace {

QDate parisToday()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(ReportPeriod::platformZone()).date();
}

// The CSV as a spreadsheet reads it: rows of cells.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    QList<QStringList> rows;
    const QString text = QString::fromUtf8(bytes.mid(3)); // after the BOM
    for (const QString &line : text.split(QStringLiteral("\r\n"))) {
        QStringList cells;
        QString cell;
        bool quoted = false;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const QChar c = line.at(i);
            if (quoted && c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                cell += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = !quoted;
            } else if (c == u';' && !quoted) {
                cells.append(cell);
                cell.clear();
            } else {
                cell += c;
            }
        }
        cells.append(cell);
        rows.append(cells);
    }
    return rows;
}

// The row after the one whose first cell is `title` and its header: the first data row.
QStringList firstRowOf(const QList<QStringList> &rows, const QString &title)
{
    for (qsizetype i = 0; i + 2 < rows.size(); ++i) {
        if (rows.at(i).value(0) == title)
            return rows.at(i + 2);
    }
    return {};
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("reports"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        Category miscCategory{
                0, QStringLiteral("DIVERS"), QStringLiteral("Divers"), 2000, false, {}, 60, {}, {}};
        const Result<qint64> misc = ReferenceRepository(*m_db).addCategory(miscCategory);
        QVERIFY(misc);
        m_misc = *misc;
        QSqlQuery families(m_db->connection());
        QVERIFY(families.exec(QStringLiteral("UPDATE category SET product_family = CASE code "
                                             "WHEN 'SIEGES' THEN 'seats' ELSE 'desks' END "
                                             "WHERE code IN ('SIEGES', 'BUREAUX')")));
        QCOMPARE(families.numRowsAffected(), 2);
        closed(m_world.desks, 2, 12'000, 0, CloseReason::Exchanged);
        closed(m_world.chairs, 4, 0, 30'000, CloseReason::Exchanged);
        closed(m_misc, 3, 1'500, 6'000, CloseReason::Exchanged);
        closed(m_world.desks, 1, 5'000, 20'000, CloseReason::Discarded);
        m_semester = ReportPeriod::currentSemester(parisToday());
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

    void periodsAreReadAndRefusedInWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("second semester 2026") << QStringLiteral("2026-S2") << true;
        QTest::newRow("lower-case s") << QStringLiteral("2025-s1") << true;
        QTest::newRow("third semester") << QStringLiteral("2026-S3") << false;
        QTest::newRow("semester zero") << QStringLiteral("2026-S0") << false;
        QTest::newRow("no year") << QStringLiteral("S2") << false;
        QTest::newRow("words") << QStringLiteral("second semestre") << false;
        QTest::newRow("far future") << QStringLiteral("2099-S1") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void periodsAreReadAndRefusedInWords()
    {
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        const QDate today(2026, 12, 2);
        const Result<ReportPeriod> period = ReportPeriod::parseSemester(text, today);
        QCOMPARE(bool(period), accepted);
        if (!accepted) {
            QCOMPARE(period.error().kind, Error::Kind::Invalid);
            QVERIFY(!period.error().message.isEmpty());
        }
    }

    void periodsCountInParisTime()
    {
        const ReportPeriod s2 = ReportPeriod::semester(2026, 2);
        QCOMPARE(s2.key(), QStringLiteral("2026-S2"));
        QCOMPARE(s2.frenchLabel(), QStringLiteral("second semestre 2026"));
        QCOMPARE(s2.months().size(), 6);
        // Midnight in Paris, summer time on 1 July, winter time on 1 January.
        QCOMPARE(s2.fromUtc(), QDateTime(QDate(2026, 6, 30), QTime(22, 0), Qt::UTC));
        QCOMPARE(s2.toUtc(), QDateTime(QDate(2026, 12, 31), QTime(23, 0), Qt::UTC));
        QCOMPARE(ReportPeriod::parseSemester(QStringLiteral("2027-S1"), QDate(2026, 12, 2))
                         .error()
                         .kind,
                 Error::Kind::Invalid);
        QVERIFY(!ReportPeriod::custom(QDate(2026, 5, 1), QDate(2026, 4, 1)));
        QCOMPARE(ReportPeriod::previousSemester(QDate(2026, 3, 1)).key(),
                 QStringLiteral("2025-S2"));
    }

    void figuresAreTheHandComputedOnes()
    {
        const Result<Figures> figures = FiguresReader(*m_db).read(m_semester);
        QVERIFY2(figures, qPrintable(figures.error().detail));
        QCOMPARE(figures->exchanged(), 3);
        QCOMPARE(figures->valueCents(), 13'500);
        QCOMPARE(figures->weightGrams(), 80'000 + 30'000 + 6'000);
        QCOMPARE(figures->estimatedWeightGrams(), 80'000);
        // 80 kg of desks × 0.4 + 30 kg of chairs × 3; the 6 kg of "Divers" have no factor.
        QCOMPARE(figures->co2eGrams(), 32'000 + 90'000);
        QCOMPARE(figures->weightWithoutFactorGrams(), 6'000);
        QCOMPARE(figures->months.size(), 6);
        QCOMPARE(figures->bySemester().size(), 1);
        QCOMPARE(figures->bySemester().first().exchanged, 3);
        QCOMPARE(figures->bySemester().first().otherClosings, 1);
        QCOMPARE(figures->categories.size(), 3);
        QCOMPARE(figures->categories.first().name, QStringLiteral("Bureaux")); // heaviest
        QVERIFY(figures->categories.first().co2eSource.startsWith(QStringLiteral("WRAP 2011")));
        // The waste service gave all three, the schools received them.
        QCOMPARE(figures->services.size(), 2);
        for (const ServiceTotals &service : figures->services) {
            QCOMPARE(service.given + service.received, 3);
            QCOMPARE(service.serviceName,
                     service.serviceId == m_world.schools ? QStringLiteral("Écoles")
                                                          : QStringLiteral("Déchets"));
        }
        QCOMPARE(figures->neverActive.size(), 1);
        QCOMPARE(figures->neverActive.first().serviceId, m_world.library);
        QVERIFY(!figures->neverActive.first().organisationName.isEmpty());
        QString headline = ReportDocument::frenchHeadline(*figures);
        headline.replace(QChar(0x00A0), u' ');
        QCOMPARE(headline,
                 QStringLiteral("3 annonces ont trouvé preneur, environ 135 € d'achats évités, "
                                "116 kg de déchets évités"));
    }

    void theSemesterPdfSaysWhatAManagerReads()
    {
        const Result<Figures> figures = FiguresReader(*m_db).read(m_semester);
        QVERIFY(figures);
        const std::unique_ptr<QTextDocument> document = ReportDocument::semesterReport(*figures);
        const QString path = m_dir.filePath(QStringLiteral("semestre.pdf"));
        const Status written = ReportDocument::writePdf(*document, path);
        QVERIFY2(written, qPrintable(written.error().message));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"rapport du " + m_semester.frenchLabel()), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral(
                "3 annonces ont trouvé preneur, environ 135 € d'achats évités, 116 kg de déchets "
                "évités")));
        QVERIFY(text.contains(QStringLiteral("dont 80 kg estimés (69 %)")));
        QVERIFY(text.contains(QStringLiteral("CO2e évité : 122 kg CO2e")));
        QVERIFY(text.contains(
                QStringLiteral("WRAP 2011 : bureaux, 0,4 t CO2e par tonne réemployée")));
        QVERIFY(text.contains(QStringLiteral("WRAP 2011 : sièges de bureau, 3 t CO2e par tonne")));
        // The category without factor is said, not counted as zero.
        QVERIFY(text.contains(QStringLiteral("Divers : aucun facteur connu pour cette catégorie")));
        QVERIFY(text.contains(QStringLiteral("non compté")));
        QVERIFY(text.contains(QStringLiteral("Services jamais actifs")));
        QVERIFY(text.contains(QStringLiteral("Médiathèque"))
                || text.contains(QStringLiteral("dia")));
    }

    void aPeriodWithoutClosingsSaysSoInsteadOfABlankPage()
    {
        const ReportPeriod old = ReportPeriod::semester(2020, 1);
        const Result<Figures> figures = FiguresReader(*m_db).read(old);
        QVERIFY(figures);
        QVERIFY(figures->isEmpty());
        const std::unique_ptr<QTextDocument> document = ReportDocument::semesterReport(*figures);
        const QString path = m_dir.filePath(QStringLiteral("vide.pdf"));
        QVERIFY(ReportDocument::writePdf(*document, path));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(QStringLiteral("Aucune annonce n'a été close sur cette période")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("0 annonces ont trouvé preneur, environ 0 €")));
        const QList<QStringList> rows = parseCsv(ReportDocument::figuresCsv(*figures));
        QCOMPARE(firstRowOf(rows, QStringLiteral("Synthèse")).value(0), QStringLiteral("0"));
        QCOMPARE(firstRowOf(rows, QStringLiteral("Synthèse")).value(4), QString()); // no share
    }

    void theCsvParsesBackToTheSameFigures()
    {
        const Result<Figures> figures = FiguresReader(*m_db).read(m_semester);
        QVERIFY(figures);
        const QByteArray bytes = ReportDocument::figuresCsv(*figures);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QList<QStringList> rows = parseCsv(bytes);
        const QStringList summary = firstRowOf(rows, QStringLiteral("Synthèse"));
        QCOMPARE(summary,
                 (QStringList{QStringLiteral("3"),
                              QStringLiteral("135,00"),
                              QStringLiteral("116"),
                              QStringLiteral("80"),
                              QStringLiteral("69,0"),
                              QStringLiteral("122"),
                              QStringLiteral("6")}));
        const QStringList desks = firstRowOf(rows, QStringLiteral("Par catégorie (échanges)"));
        QCOMPARE(desks.value(0), QStringLiteral("Bureaux"));
        QCOMPARE(desks.value(6), QStringLiteral("0,4"));
        QCOMPARE(desks.value(7), QStringLiteral("32"));
        QVERIFY(desks.value(8).startsWith(QStringLiteral("WRAP 2011")));
    }

    void aNameThatLooksLikeAFormulaStaysText()
    {
        CsvWriter csv;
        csv.row({QStringLiteral("=HYPERLINK(\"http://x\")"),
                 QStringLiteral("a;b"),
                 QStringLiteral("ok")});
        const QList<QStringList> rows = parseCsv(csv.bytes());
        QCOMPARE(rows.first().value(0), QStringLiteral("'=HYPERLINK(\"http://x\")"));
        QCOMPARE(rows.first().value(1), QStringLiteral("a;b"));
    }

    void theDeclarationGivesEachOrganisationItsFamilies()
    {
        const int year = parisToday().year();
        const Result<ReuseDeclaration> all = ReuseDeclarationReader(*m_db).read(year, std::nullopt);
        QVERIFY2(all, qPrintable(all.error().detail));
        QCOMPARE(all->blocks.size(), 2);
        const Result<ReuseDeclaration> city
                = ReuseDeclarationReader(*m_db).read(year, QStringLiteral("VILLE"));
        QVERIFY2(city, qPrintable(city.error().message));
        QCOMPARE(city->blocks.size(), 1);
        const DeclarationBlock &block = city->blocks.first();
        QCOMPARE(block.families.size(), 5);
        QCOMPARE(block.families.at(0).family, ProductFamily::Seats);
        QCOMPARE(block.families.at(0).ads, 1);
        QCOMPARE(block.families.at(0).valueCents, 0);
        QCOMPARE(block.families.at(2).family, ProductFamily::Desks);
        QCOMPARE(block.families.at(2).valueCents, 12'000);
        QCOMPARE(block.families.at(4).family, ProductFamily::Other);
        QCOMPARE(block.families.at(4).valueCents, 1'500);
        QCOMPARE(block.totalCents(), 13'500);
        const QList<QStringList> rows = parseCsv(city->csv());
        QVERIFY(rows.at(1).value(0).contains(QStringLiteral("estimations faites par les agents")));
        bool total = false;
        for (const QStringList &row : rows)
            total = total || (row.value(0) == u"Total" && row.value(3) == u"135,00");
        QVERIFY(total);
        const auto unknown = ReuseDeclarationReader(*m_db).read(year, QStringLiteral("NOPE"));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().kind, Error::Kind::Invalid);
    }

    void theAdminCommandWritesTheReportAndRefusesBadInput()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("admin.pdf"));
        ProgramRun run = admin({QStringLiteral("report"),
                                QStringLiteral("--semester"),
                                m_semester.key(),
                                QStringLiteral("--format"),
                                QStringLiteral("pdf"),
                                QStringLiteral("--output"),
                                pdf});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(pdfText(pdf).contains(QStringLiteral("3 annonces ont trouvé preneur")));
        const QString csv = m_dir.filePath(QStringLiteral("admin.csv"));
        run = admin({QStringLiteral("report"),
                     QStringLiteral("--semester"),
                     m_semester.key(),
                     QStringLiteral("--format"),
                     QStringLiteral("csv"),
                     QStringLiteral("--output"),
                     csv});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(firstRowOf(parseCsv(file.readAll()), QStringLiteral("Synthèse")).value(1),
                 QStringLiteral("135,00"));
        const QString declaration = m_dir.filePath(QStringLiteral("declaration.csv"));
        run = admin({QStringLiteral("report"),
                     QStringLiteral("--year"),
                     QString::number(parisToday().year()),
                     QStringLiteral("--declaration"),
                     QStringLiteral("--format"),
                     QStringLiteral("csv"),
                     QStringLiteral("--output"),
                     declaration});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(QFile::exists(declaration));

        const QString refused = m_dir.filePath(QStringLiteral("refused.pdf"));
        for (const QStringList &bad :
             {QStringList{QStringLiteral("--semester"), QStringLiteral("2026-S3")},
              QStringList{QStringLiteral("--semester"), QStringLiteral("2099-S1")},
              QStringList{QStringLiteral("--semester"),
                          m_semester.key(),
                          QStringLiteral("--format"),
                          QStringLiteral("docx")},
              QStringList{QStringLiteral("--declaration"),
                          QStringLiteral("--year"),
                          QStringLiteral("20x6")}}) {
            QStringList arguments{QStringLiteral("report")};
            arguments += bad;
            if (!bad.contains(QStringLiteral("--format")))
                arguments += {QStringLiteral("--format"), QStringLiteral("pdf")};
            arguments += {QStringLiteral("--output"), refused};
            run = admin(arguments);
            QVERIFY2(run.exitCode == 1, qPrintable(bad.join(u' ') + u" → " + run.err));
            QVERIFY(!run.err.trimmed().isEmpty());
            QVERIFY(!QFile::exists(refused));
        }
    }

    void onlyModeratorsAndAdministratorsGetAReport()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("logins and their groups exist on PostgreSQL only");
        QVERIFY(ensureLoginRoles(*m_db));
        const auto agent = m_test->openAs(QStringLiteral("mdupont"));
        const auto moderator = m_test->openAs(QStringLiteral("cbernard"));
        QVERIFY(agent && moderator);
        QCOMPARE(FiguresReader(*agent).read(m_semester).error().kind, Error::Kind::Forbidden);
        QCOMPARE(ReuseDeclarationReader(*agent).read(2026, std::nullopt).error().kind,
                 Error::Kind::Forbidden);
        const auto seen = FiguresReader(*moderator).read(m_semester);
        QVERIFY2(seen, qPrintable(seen.error().detail));
        QCOMPARE(seen->exchanged(), 3);
        // The admin command with the agent's own login: refused, no file.
        const QString path = m_dir.filePath(QStringLiteral("agent.pdf"));
        const ProgramRun run = admin({QStringLiteral("report"),
                                      QStringLiteral("--semester"),
                                      m_semester.key(),
                                      QStringLiteral("--format"),
                                      QStringLiteral("pdf"),
                                      QStringLiteral("--output"),
                                      path},
                                     m_test->config().conninfo + QStringLiteral(" user=mdupont"));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!QFile::exists(path));
    }

private:
    ProgramRun admin(const QStringList &arguments, const QString &database = {})
    {
        return runProgram(
                QStringLiteral(RECUP_ADMIN_BINARY),
                arguments
                        + QStringList{QStringLiteral("--database"),
                                      database.isEmpty() ? databaseArgument(*m_test) : database});
    }

    void
    closed(qint64 category, int quantity, qint64 valueCents, qint64 weightGrams, CloseReason reason)
    {
        closedLot(*m_db, m_world, category, quantity, valueCents, weightGrams, reason);
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    qint64 m_misc = 0;
    ReportPeriod m_semester;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestReports)
#include "tst_reports.moc"
