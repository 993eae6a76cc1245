// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The logistics staff's printed list of a day, built in memory (eight stops from three
// departure sites, two teams, listed out of order), written as PDF and read back with
// pdftotext; the empty day; and `collectiv-recup-admin pickup-list` refusing bad input
// before it opens any database. The command's reading of the stops needs PickupRepository.
#include "Programs.h"
#include "admin/PickupListCommand.h"
#include "i18n/Translations.h"
#include "reports/PickupList.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

namespace {

const QDate Day(2026, 12, 4); // a Friday

PickupEnd end(qint64 siteId, const QString &site, const QString &room, const QString &contact)
{
    PickupEnd e;
    e.siteId = siteId;
    e.siteName = site;
    e.siteAddress = u"%1 rue des Écoles, 86100 Châtellerault"_s.arg(siteId);
    e.room = room;
    e.contact = contact;
    e.phone = u"05 49 20 00 %1"_s.arg(siteId, 2, 10, QChar(u'0'));
    return e;
}

Pickup stop(const QString &title, qint64 site, const QString &team, int order, qint64 grams)
{
    static const QStringList sites{
            u"Hôtel de ville"_s, u"Centre technique municipal"_s, u"Médiathèque"_s};
    Pickup p;
    p.id = site * 100 + order;
    p.adTitle = title;
    p.categoryName = u"Mobilier"_s;
    p.quantity = order;
    p.weightGrams = grams;
    p.givingServiceName = u"Service des sports"_s;
    p.receivingServiceName = u"Écoles"_s;
    p.from = end(
            site, sites.at(int(site) - 1), u"Bâtiment B, salle %1"_s.arg(order), u"Mme Roux"_s);
    p.to = end(9, u"Groupe scolaire Painlevé"_s, u"Préau"_s, u"M. Martin"_s);
    p.status = PickupStatus::Planned;
    p.plannedDate = Day;
    p.team = team;
    p.stopOrder = order;
    return p;
}

// Eight stops; the list shows them by site (alphabetical), team, then stop order.
QList<Pickup> dayOfStops()
{
    QList<Pickup> stops{
            stop(u"Armoire haute à rideaux"_s, 3, u"A"_s, 4, 55'000),
            stop(u"Bureau droit 160 cm"_s, 1, u"A"_s, 2, 40'000),
            stop(u"Chaises visiteur"_s, 1, u"A"_s, 1, 24'000),
            stop(u"Caisson trois tiroirs"_s, 1, u"B"_s, 3, 18'500),
            stop(u"Table de réunion ronde"_s, 2, u"B"_s, 2, 32'000),
            stop(u"Vestiaire métallique"_s, 2, u"B"_s, 1, 61'000),
            stop(u"Étagère murale"_s, 3, u"B"_s, 5, 9'750),
            stop(u"Fauteuil de direction"_s, 2, u"A"_s, 3, 21'300),
    };
    stops[1].notes = u"« <b>Fragile</b> & lourd »"_s;
    stops[3].status = PickupStatus::PickedUp;
    return stops;
}

int pdfPages(const QString &path)
{
    QProcess process;
    process.start(u"pdfinfo"_s, {path});
    if (!process.waitForFinished(60'000) || process.exitCode() != 0)
        return -1;
    const auto match
            = QRegularExpression(u"^Pages:\\s+(\\d+)$"_s, QRegularExpression::MultilineOption)
                      .match(QString::fromUtf8(process.readAllStandardOutput()));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// The text of each page, as pdftotext reads it.
QStringList pageTexts(const QString &path)
{
    QStringList pages;
    for (int page = 1; page <= pdfPages(path); ++page) {
        QProcess process;
        process.start(
                u"pdftotext"_s,
                {u"-f"_s, QString::number(page), u"-l"_s, QString::number(page), path, u"-"_s});
        if (!process.waitForFinished(60'000) || process.exitCode() != 0)
            return {};
        pages.append(QString::fromUtf8(process.readAllStandardOutput()).simplified());
    }
    return pages;
}

ProgramRun admin(const QStringList &arguments)
{
    return runProgram(QStringLiteral(RECUP_ADMIN_BINARY), arguments, {}, u"fr"_s);
}

} // namespace

class TestPickupList : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(installTranslations(u"fr"_s));
    }

    void theDayListsEveryStopBySiteTeamAndOrder()
    {
        const QDateTime printedAt(QDate(2026, 12, 3), QTime(16, 5), Qt::UTC);
        const PickupList document(Day, dayOfStops(), printedAt);
        const QString path = m_dir.filePath(u"jour.pdf"_s);
        const Status written = document.writePdf(path);
        QVERIFY2(written, qPrintable(written.error().message));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"Liste des enlèvements du vendredi 4 décembre 2026"_s),
                 qPrintable(text));
        QVERIFY(text.contains(u"imprimée le 3 décembre 2026 à 17 h 05"_s)); // Paris time
        // By site in alphabetical order, then team, then stop order.
        const QStringList order{u"Départ : Centre technique municipal"_s,
                                u"Équipe A — 1 arrêt, 21 kg"_s,
                                u"Fauteuil de direction"_s,
                                u"Équipe B — 2 arrêts, 93 kg"_s,
                                u"Vestiaire métallique"_s,
                                u"Table de réunion ronde"_s,
                                u"Départ : Hôtel de ville"_s,
                                u"Équipe A — 2 arrêts, 64 kg"_s,
                                u"Chaises visiteur"_s,
                                u"Bureau droit 160 cm"_s,
                                u"Équipe B — 1 arrêt, 19 kg"_s,
                                u"Caisson trois tiroirs"_s,
                                u"Départ : Médiathèque"_s,
                                u"Armoire haute à rideaux"_s,
                                u"Étagère murale"_s};
        qsizetype from = text.indexOf(u"Total de la journée"_s);
        QVERIFY(from > 0);
        for (const QString &next : order) {
            const qsizetype at = text.indexOf(next, from);
            QVERIFY2(at > from, qPrintable(u"« %1 » is not after what precedes it"_s.arg(next)));
            from = at;
        }
        for (const Pickup &p : dayOfStops())
            QCOMPARE(text.count(p.adTitle), 1);
        QCOMPARE(text.count(u"Enlevé le"_s), 8);
        QCOMPARE(text.count(u"Livré le"_s), 8);
        QCOMPARE(text.count(u"Nom et signature"_s), 16);
        // The day's totals, and each team's: A 55 + 40 + 24 + 21.3, B 18.5 + 32 + 61 + 9.75.
        QVERIFY(text.contains(u"8 arrêts, 262 kg à transporter"_s));
        QVERIFY(text.contains(u"Total de la journée 8 262 kg"_s));
        QVERIFY(text.contains(u"A 4 140 kg"_s));
        QVERIFY(text.contains(u"B 4 121 kg"_s));
        // Each stop's weight, both ends, contacts, the status that is not « planned ».
        // A stop says its team: a sheet read alone still tells whose round it is.
        QVERIFY(text.contains(
                u"Arrêt 3 · équipe A — Fauteuil de direction (Mobilier) — quantité : 3, 21,3 kg"_s));
        QVERIFY(text.contains(u"Groupe scolaire Painlevé"_s));
        QVERIFY(text.contains(u"Local : Bâtiment B, salle 2"_s));
        QVERIFY(text.contains(u"Contact : Mme Roux, 05 49 20 00 01"_s));
        QCOMPARE(text.count(u"déjà enlevé"_s), 1);
        // What a user typed is printed as typed, never read as markup.
        QVERIFY(text.contains(u"Notes : « <b>Fragile</b> & lourd »"_s));
    }

    void noStopIsCutBetweenTwoPages()
    {
        // Enough stops for several pages, and notes long enough to make some stops taller.
        QList<Pickup> stops;
        for (int i = 0; i < 24; ++i) {
            Pickup p = stop(u"Objet %1"_s.arg(i + 1), 1 + i % 3, u"A"_s, i + 1, 10'000);
            if (i % 4 == 1)
                p.notes = u"Passer par la cour, sonner à l’interphone. "_s.repeated(1 + i % 5);
            stops.append(p);
        }
        const PickupList document(Day, stops, QDateTime::currentDateTimeUtc());
        const QString path = m_dir.filePath(u"longue.pdf"_s);
        QVERIFY(document.writePdf(path));
        const QStringList pages = pageTexts(path);
        QVERIFY(pages.size() > 3);
        static const QRegularExpression stopHeader(u"Arrêt \\d+ · équipe \\w+ —"_s);
        int stopsSeen = 0;
        for (int i = 0; i < pages.size(); ++i) {
            // Each stop that starts on a page ends on it: both boxes to sign are there.
            const int headers = int(pages[i].count(stopHeader));
            QVERIFY2(pages[i].count(u"Enlevé le"_s) == headers
                             && pages[i].count(u"Livré le"_s) == headers,
                     qPrintable(u"page %1: %2"_s.arg(i + 1).arg(pages[i])));
            stopsSeen += headers;
            // Each sheet says which it is, and whose round a stop away from its headings is.
            QVERIFY2(pages[i].contains(u"Page %1 / %2"_s.arg(i + 1).arg(pages.size())),
                     qPrintable(pages[i]));
            if (i > 0 && !pages[i].contains(u"Départ :"_s))
                QVERIFY2(pages[i].contains(u"Suite — départ :"_s), qPrintable(pages[i]));
        }
        QCOMPARE(stopsSeen, 24);
    }

    void aStopWithoutTeamSaysSo()
    {
        Pickup alone = stop(u"Bureau sans équipe"_s, 1, QString(), 1, 30'000);
        const PickupList document(Day, {alone}, QDateTime::currentDateTimeUtc());
        const QString path = m_dir.filePath(u"sans-equipe.pdf"_s);
        QVERIFY(document.writePdf(path));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"Sans équipe — 1 arrêt, 30 kg"_s), qPrintable(text));
        QVERIFY(text.contains(u"Arrêt 1 · sans équipe — Bureau sans équipe"_s));
        QVERIFY(!text.contains(u"Équipe sans équipe"_s));
        // A team typed with its word ("Équipe 2", as the demo does) is not named twice.
        const QString typed = m_dir.filePath(u"typed.pdf"_s);
        const PickupList typedDocument(Day,
                                       {stop(u"Armoire"_s, 1, u"Équipe 2"_s, 1, 40'000)},
                                       QDateTime::currentDateTimeUtc());
        QVERIFY(typedDocument.writePdf(typed));
        const QString typedText = pdfText(typed);
        QVERIFY2(typedText.contains(u"Équipe 2 — 1 arrêt, 40 kg"_s), qPrintable(typedText));
        QVERIFY2(!typedText.contains(u"quipe Équipe"_s), qPrintable(typedText));
    }

    void aDayWithoutStopsSaysSoOnOnePage()
    {
        const PickupList document(Day, {}, QDateTime::currentDateTimeUtc());
        const QString path = m_dir.filePath(u"vide.pdf"_s);
        QVERIFY(document.writePdf(path));
        const QString text = pdfText(path);
        QVERIFY2(text.contains(u"Aucun enlèvement n'est prévu le vendredi 4 décembre 2026."_s),
                 qPrintable(text));
        QVERIFY(!text.contains(u"signature"_s));
        QCOMPARE(pdfPages(path), 1);
    }

    void theCommandWritesTheFileAndCountsTheStops()
    {
        const QString path = m_dir.filePath(u"commande.pdf"_s);
        const Result<QString> said = PickupListCommand::write(
                Day, dayOfStops(), path, QDateTime::currentDateTimeUtc());
        QVERIFY2(said, qPrintable(said.error().message));
        QCOMPARE(
                said->simplified().replace(QChar(0x00A0), u' '),
                u"Liste des enlèvements du 4 décembre 2026 écrite dans %1 : 8 arrêts."_s.arg(path));
        QVERIFY(pdfText(path).contains(u"Fauteuil de direction"_s));
        const Result<QString> one = PickupListCommand::write(
                Day, {dayOfStops().first()}, path, QDateTime::currentDateTimeUtc());
        QVERIFY(one);
        QVERIFY2(one->endsWith(u"1 arrêt."_s), qPrintable(*one));
    }

    void anUnwritablePathLeavesNoFile()
    {
        const QString path = m_dir.filePath(u"pas-de-dossier/liste.pdf"_s);
        const Result<QString> said = PickupListCommand::write(
                Day, dayOfStops(), path, QDateTime::currentDateTimeUtc());
        QVERIFY(!said);
        QVERIFY2(
                said.error().message.startsWith(u"Le fichier %1 n’a pas pu être écrit"_s.arg(path)),
                qPrintable(said.error().message));
        QVERIFY(!QFile::exists(path));
    }

    void theCommandRefusesBadInputBeforeTheDatabase_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("said");
        const QString pdf = m_dir.filePath(u"refus.pdf"_s);
        QTest::newRow("a day that does not exist")
                << QStringList{u"--date"_s, u"2026-02-30"_s, u"--output"_s, pdf}
                << u"--date : « 2026-02-30 » n’est pas un jour ; écrivez-le 2026-12-04."_s;
        QTest::newRow("a day in French order")
                << QStringList{u"--date"_s, u"04/12/2026"_s, u"--output"_s, pdf}
                << u"--date : « 04/12/2026 » n’est pas un jour ; écrivez-le 2026-12-04."_s;
        QTest::newRow("no day") << QStringList{u"--output"_s, pdf}
                                << u"pickup-list demande --date, par exemple 2026-12-04."_s;
        QTest::newRow("no file") << QStringList{u"--date"_s, u"2026-12-04"_s}
                                 << u"pickup-list demande --output FICHIER.pdf."_s;
    }

    void theCommandRefusesBadInputBeforeTheDatabase()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, said);
        // No --database: a database would be opened only after the options are right.
        const ProgramRun run = admin(QStringList{u"pickup-list"_s} + arguments);
        QCOMPARE(run.status, QProcess::NormalExit);
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed().replace(QChar(0x00A0), u' '),
                 u"collectiv-recup-admin: "_s + said);
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath(u"refus.pdf"_s)));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestPickupList)
#include "tst_pickuplist.moc"
