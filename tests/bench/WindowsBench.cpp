// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowsBench.h"

#include "agent/MyAdsModel.h"
#include "agent/MyAdsWindow.h"
#include "moderator/ModerationQueueModel.h"
#include "moderator/ModerationQueueWindow.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/ModerationQueue.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlDialect.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;
using Recup::Error;
using Recup::Result;
using Recup::Status;

namespace RecupBench {

namespace {

constexpr int WarmupRuns = 2;

Error benchError(const QString &message, const QString &detail = {})
{
    return Error{Error::Kind::Database, message, detail, {}};
}

Status run(Recup::Database &db, const QString &sql)
{
    QSqlQuery query(db.connection());
    if (!query.exec(sql))
        return benchError(u"préparation des fenêtres impossible"_s,
                          sql + u" — "_s + query.lastError().text());
    return {};
}

// Runs the statements as a replica would, without the lifecycle's triggers (PostgreSQL), then
// refreshes the planner's statistics.
Status rewrite(Recup::Database &admin, const QStringList &updates)
{
    const bool postgres = admin.dialect().name() == u"postgresql";
    QStringList statements;
    if (postgres)
        statements << u"SET session_replication_role = replica"_s;
    statements << updates;
    if (postgres)
        statements << u"RESET session_replication_role"_s << u"ANALYZE ad"_s;
    else
        statements << u"ANALYZE"_s;
    for (const QString &sql : std::as_const(statements)) {
        if (Status done = run(admin, sql); !done)
            return done;
    }
    return {};
}

// The bench agent owns exactly `count` ads, the most recent ids of those not waiting for
// moderation.
Status giveAds(Recup::Database &admin, qint64 owner, qint64 someoneElse, int count)
{
    return rewrite(
            admin,
            {u"UPDATE ad SET owner_id = %1 WHERE owner_id = %2"_s.arg(someoneElse).arg(owner),
             u"UPDATE ad SET owner_id = %1 WHERE id IN (SELECT id FROM ad WHERE state <> "
             "'pending' ORDER BY id DESC LIMIT %2)"_s.arg(owner)
                     .arg(count)});
}

// Exactly `count` ads wait for moderation.
Status makePending(Recup::Database &admin, int count)
{
    return rewrite(admin,
                   {u"UPDATE ad SET state = 'draft' WHERE state = 'pending'"_s,
                    u"UPDATE ad SET state = 'pending', published_at = NULL, expires_at = NULL "
                    "WHERE id IN (SELECT id FROM ad WHERE state IN ('published', 'reserved') "
                    "ORDER BY id LIMIT %1)"_s.arg(count)});
}

// Builds the window, waits for its first rows, paints them: the time a person waits.
template<typename Window>
Result<qint64> timeWindow(Recup::Database &db, const Recup::Agent &agent, int *rows)
{
    QElapsedTimer timer;
    timer.start();
    Window window(db, agent);
    window.show();
    QEventLoop loop;
    QObject::connect(&window, &Window::refreshed, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    if (window.isLoading())
        loop.exec();
    if (window.isLoading())
        return benchError(u"la fenêtre n'a pas lu sa liste en 60 s"_s);
    window.repaint(); // the rows painted, as the person sees them
    const qint64 elapsed = timer.nsecsElapsed();
    *rows = window.model()->rowCount();
    return elapsed;
}

double medianMs(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n == 0)
        return 0;
    return (n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0) / 1e6;
}

double p95Ms(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    if (values.isEmpty())
        return 0;
    const qsizetype rank = std::max<qsizetype>(1, qsizetype(std::ceil(0.95 * values.size())));
    return values[rank - 1] / 1e6;
}

Result<WindowMeasure>
measureMyAds(Recup::Database &agentDb, const Recup::Agent &agent, const QString &label, int runs)
{
    WindowMeasure measure;
    measure.backend = label;
    for (int i = 0; i < WarmupRuns + runs; ++i) {
        int rows = 0;
        const auto windowTime = timeWindow<Recup::MyAdsWindow>(agentDb, agent, &rows);
        if (!windowTime)
            return windowTime.error();
        // The same two statements, straight on this thread: the counts and the first page.
        QElapsedTimer timer;
        timer.start();
        const Recup::AdRepository ads(agentDb);
        const auto counts = ads.ownedCounts(agent.id);
        const auto page = ads.ownedPage(agent.id, {}, {}, Recup::MyAdsModel::PageSize);
        const qint64 direct = timer.nsecsElapsed();
        if (!counts || !page)
            return benchError(u"lecture directe de « Mes annonces » impossible"_s);
        if (i >= WarmupRuns) {
            measure.window.append(*windowTime);
            measure.direct.append(direct);
        }
        measure.rows = rows;
        measure.total = 0;
        for (int count : *counts)
            measure.total += count;
    }
    measure.name = u"« Mes annonces », %1 ads"_s.arg(measure.total);
    return measure;
}

Result<WindowMeasure> measureQueue(Recup::Database &moderatorDb,
                                   const Recup::Agent &moderator,
                                   const QString &label,
                                   int runs)
{
    WindowMeasure measure;
    measure.backend = label;
    for (int i = 0; i < WarmupRuns + runs; ++i) {
        int rows = 0;
        const auto windowTime
                = timeWindow<Recup::ModerationQueueWindow>(moderatorDb, moderator, &rows);
        if (!windowTime)
            return windowTime.error();
        QElapsedTimer timer;
        timer.start();
        const Recup::ModerationQueue queue(moderatorDb);
        const auto pending = queue.pending();
        const auto total = queue.count();
        const qint64 direct = timer.nsecsElapsed();
        if (!pending || !total)
            return benchError(u"lecture directe de la file de modération impossible"_s);
        if (i >= WarmupRuns) {
            measure.window.append(*windowTime);
            measure.direct.append(direct);
        }
        measure.rows = rows;
        measure.total = *total;
    }
    measure.name = u"moderation queue, %1 pending"_s.arg(measure.total);
    return measure;
}

} // namespace

Result<QList<WindowMeasure>> measureWindows(Recup::Database &admin,
                                            Recup::Database &agentDb,
                                            Recup::Database &moderatorDb,
                                            const QString &agentLogin,
                                            const QString &moderatorLogin,
                                            const QString &label,
                                            int runs)
{
    const Recup::ReferenceRepository people(admin);
    const auto agent = people.agentByLogin(agentLogin);
    const auto moderator = people.agentByLogin(moderatorLogin);
    if (!agent || !moderator)
        return benchError(u"agents du banc introuvables"_s);
    QList<WindowMeasure> measures;
    if (Status pending = makePending(admin, 1000); !pending)
        return pending.error();
    for (int count : {200, 5000}) {
        if (Status given = giveAds(admin, agent->id, moderator->id, count); !given)
            return given.error();
        const auto measure = measureMyAds(agentDb, *agent, label, runs);
        if (!measure)
            return measure.error();
        measures.append(*measure);
    }
    const auto queue = measureQueue(moderatorDb, *moderator, label, runs);
    if (!queue)
        return queue.error();
    measures.append(*queue);
    return measures;
}

void printWindowMeasures(const QList<WindowMeasure> &measures, int runs)
{
    QTextStream out(stdout);
    out << Qt::endl
        << "windows: time to the first rows painted, in ms over " << runs
        << " runs (median / p95), next to the same statements run directly" << Qt::endl;
    out << "backend       window                              rows   on screen       direct SQL"
           "      ratio"
        << Qt::endl;
    for (const WindowMeasure &m : measures) {
        const double window = medianMs(m.window);
        const double direct = medianMs(m.direct);
        out << "  " << m.backend.leftJustified(12) << m.name.leftJustified(36)
            << QString::number(m.rows).rightJustified(5) << "  "
            << QString::number(window, 'f', 1).rightJustified(7) << ' '
            << QString::number(p95Ms(m.window), 'f', 1).rightJustified(7) << "  "
            << QString::number(direct, 'f', 1).rightJustified(7) << ' '
            << QString::number(p95Ms(m.direct), 'f', 1).rightJustified(7) << "  "
            << QString::number(window / std::max(direct, 1e-6), 'f', 2).rightJustified(6)
            << Qt::endl;
    }
}

} // namespace RecupBench
