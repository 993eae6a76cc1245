// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// collectiv-recup-admin pickup-list, the real process on a real database: the day's stops in
// the order of the rounds, a picked-up one said so, a cancelled one left out; an empty day
// says so on one page; an agent's login is refused, exit code 2 (PostgreSQL); nothing
// written on failure.
#include "Fixtures.h"
#include "Programs.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "domain/PlatformTime.h"
#include "storage/PickupRepository.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestPickupListCommand : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("pickuplistcommand"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        m_day = platformToday().addDays(4);
        PickupRepository pickups(*m_db);
        // Three stops planned on the day, out of order; a fourth picked up; a fifth cancelled.
        const QList<std::tuple<QString, qint64, int, QString>> plans{
                {u"Armoire haute"_s, m_world.townHall, 1, u"planned"_s},
                {u"Bureau droit"_s, m_world.depot, 2, u"planned"_s},
                {u"Chaise visiteur"_s, m_world.depot, 1, u"picked"_s},
                {u"Desserte"_s, m_world.depot, 3, u"planned"_s},
                {u"Etagère annulée"_s, m_world.depot, 4, u"cancelled"_s}};
        for (const auto &[title, site, order, fate] : plans) {
            const Ad closed = closedLot(
                    *m_db, m_world, m_world.desks, 1, 0, 0, CloseReason::Exchanged, title);
            PickupRequest request;
            request.from = {site, {}, {}, u"Salle 1"_s, u"Marie"_s, u"05 49 00 00 01"_s};
            request.to = {m_world.townHall, {}, {}, u"Accueil"_s, u"Sam"_s, u"05 49 00 00 02"_s};
            request.wishedDate = m_day;
            auto p = pickups.request(closed.id, request, m_world.ownerActor());
            QVERIFY2(p, qPrintable(p.error().message + p.error().detail));
            p = pickups.plan(p->id, p->version, m_day, u"Équipe A"_s, order, logistics());
            QVERIFY(p);
            if (fate == u"picked")
                p = pickups.markPickedUp(p->id, p->version, logistics());
            if (fate == u"cancelled")
                p = pickups.cancel(p->id, p->version, u"Plus nécessaire"_s, logistics());
            QVERIFY(p);
        }
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

    void theDaysStopsInTheOrderOfTheRounds()
    {
        const QString path = m_files.filePath(u"liste.pdf"_s);
        const ProgramRun run = admin(
                {u"pickup-list"_s, u"--date"_s, m_day.toString(Qt::ISODate), u"--output"_s, path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u": 4 stop"_s), qPrintable(run.out));
        const QString text = pdfText(path);
        // The depot's round (Dépôt…) before the town hall's, each in stop order; the
        // cancelled stop left out.
        const QStringList order{
                u"Chaise visiteur"_s, u"Bureau droit"_s, u"Desserte"_s, u"Armoire haute"_s};
        qsizetype previous = -1;
        for (const QString &title : order) {
            const qsizetype at = text.indexOf(title);
            QVERIFY2(at > previous, qPrintable(title + u" in " + text.left(600)));
            previous = at;
        }
        QVERIFY(!text.contains(u"Etagère annulée"_s));
        QVERIFY2(text.contains(u"déjà enlevé"_s, Qt::CaseInsensitive), qPrintable(text.left(800)));
    }

    void anEmptyDaySaysSoOnOnePage()
    {
        const QString path = m_files.filePath(u"vide.pdf"_s);
        const ProgramRun run = admin({u"pickup-list"_s,
                                      u"--date"_s,
                                      m_day.addDays(1).toString(Qt::ISODate),
                                      u"--output"_s,
                                      path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(pdfText(path).contains(u"Aucun enlèvement n'est prévu"_s)
                         || pdfText(path).contains(u"Aucun enlèvement n’est prévu"_s),
                 qPrintable(pdfText(path)));
        QProcess info;
        info.start(u"pdfinfo"_s, {path});
        QVERIFY(info.waitForFinished(30'000));
        QVERIFY(QString::fromUtf8(info.readAllStandardOutput())
                        .contains(QRegularExpression(u"Pages:\\s+1\\b"_s)));
    }

    void failuresWriteNothing()
    {
        const QString unwritable = u"/nonexistent-folder/liste.pdf"_s;
        ProgramRun run = admin({u"pickup-list"_s,
                                u"--date"_s,
                                m_day.toString(Qt::ISODate),
                                u"--output"_s,
                                unwritable});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(!run.err.trimmed().isEmpty());
        QVERIFY(!QFile::exists(unwritable));
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            return;
        // An agent's own login reads the transports of their service only: a list of them
        // would pass for the day's round. Refused as `report` refuses it, and no file.
        QVERIFY(ensureLoginRoles(*m_db));
        const QString path = m_files.filePath(u"agent.pdf"_s);
        QString conninfo = databaseArgument(*m_test);
        run = runProgram(QStringLiteral(RECUP_ADMIN_BINARY),
                         {u"pickup-list"_s,
                          u"--date"_s,
                          m_day.toString(Qt::ISODate),
                          u"--output"_s,
                          path,
                          u"--database"_s,
                          conninfo + u" user=pmartin"_s},
                         {},
                         QString()); // in French, as the tool speaks by default
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"impriment la liste des enlèvements du jour"_s),
                 qPrintable(run.err));
        QVERIFY(run.out.trimmed().isEmpty());
        QVERIFY(!QFile::exists(path));
    }

private:
    ProgramRun admin(const QStringList &arguments)
    {
        return runProgram(QStringLiteral(RECUP_ADMIN_BINARY),
                          arguments + QStringList{u"--database"_s, databaseArgument(*m_test)});
    }
    Actor logistics() const
    {
        Actor a{m_world.other, false, false};
        a.logistics = true;
        return a;
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    QDate m_day;
    QTemporaryDir m_files;
};

QTEST_GUILESS_MAIN(TestPickupListCommand)
#include "tst_pickuplistcommand.moc"
