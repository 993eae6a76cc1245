// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScrollBench.h"

#include "agent/CatalogueModel.h"
#include "agent/CatalogueWindow.h"
#include "settings/AppSettings.h"
#include "storage/Database.h"
#include "storage/DatabaseConfig.h"
#include "storage/ReadWorker.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QListView>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;
using Recup::Error;
using Recup::Result;

namespace RecupBench {

namespace {

Error benchError(const QString &message, const QString &detail = {})
{
    return Error{Error::Kind::Database, message, detail, {}};
}

double residentMiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() / 1024.0;
    }
    return 0;
}

Recup::DatabaseConfig configOf(const QString &database)
{
    if (database.startsWith(u"sqlite:"))
        return Recup::DatabaseConfig::sqlite(database.mid(7));
    return Recup::DatabaseConfig::fromConninfo(database.mid(int(qstrlen("postgresql:"))));
}

// Waits until the condition holds, the event loop running; false after the timeout.
bool waitFor(const std::function<bool()> &condition, int timeoutMs = 60'000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

// Notes the first paint of a widget's viewport.
class PaintWatch : public QObject
{
public:
    bool painted = false;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            painted = true;
        return QObject::eventFilter(watched, event);
    }
};

int scrollChild(const QString &view, const QString &database, int rows)
{
    QTextStream out(stdout);
    QTemporaryDir folder;
    Recup::AppSettings settings(folder.filePath(u"bench.ini"_s));
    settings.setCatalogueAsGrid(view == u"grid");
    Recup::Database db(configOf(database));
    if (const Recup::Status opened = db.open(); !opened) {
        out << "ERROR " << opened.error().message << Qt::endl;
        return 2;
    }
    Recup::CatalogueWindow window(db, settings, false);
    window.resize(1280, 800);
    window.show();
    Recup::CatalogueModel *model = window.model();
    if (!waitFor([model] { return !model->isLoading() && model->rowCount() > 0; })) {
        out << "ERROR first page" << Qt::endl;
        return 2;
    }
    QAbstractItemView *shown = view == u"grid" ? static_cast<QAbstractItemView *>(window.gridView())
                                               : window.listView();
    QStringList pages;
    while (model->rowCount() < rows && !model->atEnd()) {
        const int before = model->rowCount();
        QElapsedTimer timer;
        timer.start();
        // To the end of what is loaded: the view asks the model for the next page.
        QScrollBar *bar = shown->verticalScrollBar();
        shown->scrollToBottom();
        bar->setValue(bar->maximum());
        QCoreApplication::processEvents();
        // A scroll bar already at its end after a delayed layout sends no signal: ask as the
        // view would have.
        if (!model->isLoading() && model->rowCount() == before && model->canFetchMore({}))
            model->fetchMore({});
        if (!waitFor([model, before] {
                return !model->isLoading() && model->rowCount() > before;
            })) {
            out << "ERROR page after " << before << " rows" << Qt::endl;
            return 2;
        }
        bar->setValue(bar->maximum());
        shown->viewport()->repaint(); // the new rows painted, as the person sees them
        pages << QString::number(timer.nsecsElapsed() / 1e6, 'f', 2);
    }
    out << "RESULT rows=" << model->rowCount() << " rss=" << QString::number(residentMiB(), 'f', 1)
        << " pages=" << pages.join(u',') << Qt::endl;
    return 0;
}

int coldChild(const QString &kind, const QString &database)
{
    QTextStream out(stdout);
    PaintWatch watch;
    if (kind == u"bare") {
        QTableWidget table(50, 5);
        for (int row = 0; row < 50; ++row) {
            for (int column = 0; column < 5; ++column)
                table.setItem(row,
                              column,
                              new QTableWidgetItem(u"Ligne %1, colonne %2"_s.arg(row).arg(column)));
        }
        table.resize(1280, 800);
        table.viewport()->installEventFilter(&watch);
        table.show();
        if (!waitFor([&watch] { return watch.painted; }))
            return 2;
        out << "RESULT painted" << Qt::endl;
        return 0;
    }
    QTemporaryDir folder;
    Recup::AppSettings settings(folder.filePath(u"bench.ini"_s));
    Recup::Database db(configOf(database));
    db.reader().connectAhead(); // as the app starts on a server
    if (const Recup::Status opened = db.open(); !opened) {
        out << "ERROR " << opened.error().message << Qt::endl;
        return 2;
    }
    Recup::CatalogueWindow window(db, settings, false);
    window.resize(1280, 800);
    window.listView()->viewport()->installEventFilter(&watch);
    window.showWhenFilled(); // as the app shows it
    Recup::CatalogueModel *model = window.model();
    // The first paint of the list that shows rows.
    if (!waitFor([model, &watch] {
            if (model->rowCount() == 0)
                watch.painted = false;
            return model->rowCount() > 0 && watch.painted;
        }))
        return 2;
    // The rows are shown (the parent stops its clock at this line); their thumbnails follow in
    // one request.
    out << "RESULT painted rows=" << model->rowCount() << Qt::endl;
    QElapsedTimer pictures;
    pictures.start();
    if (!waitFor([model] { return !model->thumbnailsPending(); }))
        return 2;
    window.listView()->viewport()->repaint();
    out << "AFTER pictures=" << QString::number(pictures.nsecsElapsed() / 1e6, 'f', 1) << Qt::endl;
    return 0;
}

// Runs recup-bench --child ... and returns its RESULT line, with the wall time to it.
Result<QString> runChildProcess(const QStringList &arguments, double *elapsedMs = nullptr)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    child.start(QCoreApplication::applicationFilePath(), QStringList{u"--child"_s} + arguments);
    QString result;
    while (result.isEmpty()) {
        if (!child.waitForReadyRead(600'000))
            break;
        while (child.canReadLine()) {
            const QString line = QString::fromUtf8(child.readLine()).trimmed();
            if (line.startsWith(u"RESULT") || line.startsWith(u"ERROR")) {
                result = line;
                break;
            }
        }
    }
    if (elapsedMs)
        *elapsedMs = timer.nsecsElapsed() / 1e6;
    child.waitForFinished(60'000);
    // What the child measured after its clock line, as more fields of the result.
    for (const QByteArray &line : child.readAll().split('\n')) {
        if (line.startsWith("AFTER "))
            result += u' ' + QString::fromUtf8(line.mid(6)).trimmed();
    }
    if (!result.startsWith(u"RESULT"))
        return benchError(u"mesure %1 impossible"_s.arg(arguments.join(u' ')), result);
    return result;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n == 0)
        return 0;
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    if (values.isEmpty())
        return 0;
    const qsizetype rank = std::max<qsizetype>(1, qsizetype(std::ceil(p * values.size())));
    return values[rank - 1];
}

} // namespace

int runChild(const QStringList &arguments)
{
    const QString kind = arguments.value(0);
    if (kind == u"scroll")
        return scrollChild(arguments.value(1), arguments.value(2), arguments.value(3).toInt());
    if (kind == u"cold")
        return coldChild(arguments.value(1), arguments.value(2));
    QTextStream(stderr) << "recup-bench --child: scroll or cold" << Qt::endl;
    return 2;
}

Result<QList<ScrollMeasure>>
measureScrolling(const QString &database, const QString &label, int rows)
{
    QList<ScrollMeasure> measures;
    for (const QString &view : {u"list"_s, u"grid"_s}) {
        const auto line = runChildProcess({u"scroll"_s, view, database, QString::number(rows)});
        if (!line)
            return line.error();
        ScrollMeasure measure;
        measure.backend = label;
        measure.view = view;
        for (const QString &field : line->split(u' ')) {
            if (field.startsWith(u"rows="))
                measure.rows = field.mid(5).toInt();
            else if (field.startsWith(u"rss="))
                measure.rssMiB = field.mid(4).toDouble();
            else if (field.startsWith(u"pages=")) {
                for (const QString &ms : field.mid(6).split(u',', Qt::SkipEmptyParts))
                    measure.pageMs.append(ms.toDouble());
            }
        }
        measures.append(measure);
    }
    return measures;
}

Result<ColdStartMeasure> measureColdStart(const QString &database, const QString &label, int runs)
{
    ColdStartMeasure measure;
    measure.backend = label;
    // One of each in turn, after one of each to warm the disk cache.
    for (int i = 0; i < runs + 1; ++i) {
        double bare = 0;
        double catalogue = 0;
        if (const auto done = runChildProcess({u"cold"_s, u"bare"_s, database}, &bare); !done)
            return done.error();
        const auto done = runChildProcess({u"cold"_s, u"catalogue"_s, database}, &catalogue);
        if (!done)
            return done.error();
        if (i == 0)
            continue;
        measure.bareMs.append(bare);
        measure.catalogueMs.append(catalogue);
        for (const QString &field : done->split(u' ')) {
            if (field.startsWith(u"pictures="))
                measure.picturesMs.append(field.mid(9).toDouble());
        }
    }
    return measure;
}

void printScrollMeasures(const QList<ScrollMeasure> &measures, int rows)
{
    QTextStream out(stdout);
    out << Qt::endl
        << "Scrolling the catalogue window to " << rows
        << " rows, page after page (each a fresh process; time from the scroll to the page's "
           "rows painted; every row has a photo; resident memory after the last page; target "
           "<= 80 MiB, baseline 62 MB for the list before thumbnails):"
        << Qt::endl;
    for (const ScrollMeasure &m : measures) {
        out << "  " << m.backend << " " << m.view << ": " << m.rows << " rows, " << m.pageMs.size()
            << " pages, per page median " << QString::number(median(m.pageMs), 'f', 1)
            << " ms, p95 " << QString::number(percentile(m.pageMs, 0.95), 'f', 1) << " ms, max "
            << QString::number(percentile(m.pageMs, 1.0), 'f', 1) << " ms; VmRSS "
            << QString::number(m.rssMiB, 'f', 1) << " MiB "
            << (m.rssMiB <= 80 ? "(<= 80 MiB)" : "(ABOVE 80 MiB)") << Qt::endl;
    }
}

void printColdStart(const QList<ColdStartMeasure> &measures)
{
    QTextStream out(stdout);
    const QString platform = qEnvironmentVariableIsEmpty("DISPLAY")
                                     ? u"offscreen"_s
                                     : u"X display %1"_s.arg(qEnvironmentVariable("DISPLAY"));
    out << Qt::endl
        << "Cold start to the first painted rows, a new recup-bench process each (" << platform
        << "; target <= 2x, baseline 1.8x under Xvfb):" << Qt::endl;
    for (const ColdStartMeasure &m : measures) {
        const double catalogue = median(m.catalogueMs);
        const double bare = median(m.bareMs);
        out << "  " << m.backend << ": catalogue window " << QString::number(catalogue, 'f', 0)
            << " ms, bare 50-row QTableWidget " << QString::number(bare, 'f', 0)
            << " ms (medians of " << m.catalogueMs.size() << "), ratio "
            << QString::number(catalogue / bare, 'f', 2)
            << (catalogue / bare <= 2 ? " (<= 2x)" : " (ABOVE 2x)") << "; their thumbnails painted "
            << QString::number(median(m.picturesMs), 'f', 0) << " ms after the rows" << Qt::endl;
    }
}

} // namespace RecupBench
