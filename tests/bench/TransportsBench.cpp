// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TransportsBench.h"

#include "domain/Pickup.h"
#include "logistics/LogisticsWindow.h"
#include "logistics/PickupListModel.h"
#include "storage/Database.h"
#include "storage/PickupRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlDialect.h"
#include "storage/Transaction.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QLocale>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;
using Recup::Error;
using Recup::Result;
using Recup::Status;

namespace RecupBench {

namespace {

constexpr quint32 TransportSeed = 20261130;
constexpr int Weeks = 10;     // from four weeks back to five weeks ahead
constexpr int FirstWeek = -4; // the week of today is the busy one: TransportRequests / Weeks
constexpr int Teams = 5;

Error benchError(const QString &message, const QString &detail = {})
{
    return Error{Error::Kind::Database, message, detail, {}};
}

// PickupRepository's statement (selectPickups, list()), copied word for word: the baseline.
const QString SelectPickups = QStringLiteral(
        "SELECT p.id, p.ad_id, p.ad_title, coalesce(c.name, ''), p.quantity, p.weight_grams, "
        "p.giving_service_id, coalesce(gs.name, ''), p.receiving_service_id, "
        "coalesce(rs.name, ''), "
        "p.from_site_id, fs.name, fs.address, fs.postal_code, fs.city, p.from_room, "
        "p.from_contact, p.from_phone, "
        "p.to_site_id, ts.name, ts.address, ts.postal_code, ts.city, p.to_room, p.to_contact, "
        "p.to_phone, "
        "p.wished_date, p.notes, p.status, p.planned_date, p.team, p.stop_order, "
        "p.cancel_reason, p.requested_by, p.requested_at, p.updated_at, p.version, p.purpose "
        "FROM pickup p LEFT JOIN category c ON c.id = p.category_id "
        "LEFT JOIN service gs ON gs.id = p.giving_service_id "
        "LEFT JOIN service rs ON rs.id = p.receiving_service_id "
        "JOIN site fs ON fs.id = p.from_site_id JOIN site ts ON ts.id = p.to_site_id ");
const QString Due = QStringLiteral("coalesce(p.planned_date, p.wished_date)");
const QString OrderBy = QStringLiteral(" ORDER BY ") + Due
                        + QStringLiteral(", fs.name, p.team, p.stop_order, p.id");

QDate mondayOf(const QDate &day)
{
    return day.addDays(1 - day.dayOfWeek());
}

Status exec(QSqlQuery &query, const QString &sql)
{
    if (!query.exec(sql))
        return benchError(u"préparation des transports impossible"_s,
                          sql + u" — "_s + query.lastError().text());
    return {};
}

// TransportRequests transports, one per exchanged ad (the first ones by id), due over ten
// weeks around `today`: done or cancelled in the past mostly, requested or planned ahead,
// a few overdue; planned ones by team (A to E) and stop order within their day.
Result<int> insertPickups(Recup::Database &admin, const QDate &today)
{
    const Recup::SqlDialect &dialect = admin.dialect();
    const bool postgres = dialect.name() == u"postgresql";
    QSqlDatabase connection = admin.connection();
    QSqlQuery session(connection);
    if (postgres) {
        if (Status done = exec(session, u"SET session_replication_role = replica"_s); !done)
            return done.error();
    }

    QList<qint64> sites;
    QSqlQuery siteQuery(connection);
    if (Status done = exec(siteQuery, u"SELECT id FROM site ORDER BY id"_s); !done)
        return done.error();
    while (siteQuery.next())
        sites.append(siteQuery.value(0).toLongLong());
    if (sites.size() < 2)
        return benchError(u"pas assez de sites pour les transports"_s);

    QSqlQuery adQuery(connection);
    adQuery.setForwardOnly(true);
    if (Status done = exec(adQuery,
                           u"SELECT id, title, category_id, service_id, receiving_service_id, "
                           "quantity, weight_grams, site_id, room, owner_id FROM ad "
                           "WHERE state = 'closed' AND close_reason = 'exchanged' "
                           "AND receiving_service_id IS NOT NULL ORDER BY id LIMIT %1"_s.arg(
                                   TransportRequests));
        !done)
        return done.error();
    QList<QVariantList> ads; // read first: no statement open while SQLite commits
    while (adQuery.next()) {
        QVariantList row;
        for (int c = 0; c < 10; ++c)
            row.append(adQuery.value(c));
        ads.append(row);
    }
    adQuery.finish();
    if (ads.size() < TransportRequests)
        return benchError(u"%1 annonces échangées seulement pour %2 transports"_s.arg(ads.size())
                                  .arg(TransportRequests));

    QSqlQuery insert(connection);
    if (!insert.prepare(u"INSERT INTO pickup (ad_id, ad_title, category_id, giving_service_id, "
                        "receiving_service_id, quantity, weight_grams, from_site_id, from_room, "
                        "from_contact, from_phone, to_site_id, to_room, to_contact, to_phone, "
                        "wished_date, notes, status, planned_date, team, stop_order, "
                        "cancel_reason, requested_by, requested_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        "?, ?, ?)"_s))
        return benchError(u"insertion des transports refusée"_s, insert.lastError().text());

    static const QStringList contacts{u"Mme Amélie Martin"_s,
                                      u"M. Bruno Bernard"_s,
                                      u"Mme Céline Dubois"_s,
                                      u"M. Damien Thomas"_s,
                                      u"Mme Élodie Robert"_s};
    static const QStringList rooms{u"bureau 12"_s,
                                   u"salle 2.04"_s,
                                   u"local archives"_s,
                                   u"rez-de-chaussée, hall"_s,
                                   u"réserve du 3e étage"_s,
                                   u"atelier"_s};
    static const QStringList reasons{u"Le service receveur n'en veut plus."_s,
                                     u"Objet finalement gardé sur place."_s,
                                     u"Doublon d'une autre demande."_s};
    QRandomGenerator random(TransportSeed);
    const QDate monday = mondayOf(today);
    QHash<QString, int> stops; // "day|team" -> last stop order
    Recup::Transaction transaction(connection);
    int count = 0;
    for (const QVariantList &ad : std::as_const(ads)) {
        const int week = FirstWeek + count % Weeks;
        const QDate due = monday.addDays(7 * week + int(random.bounded(5)));
        const bool past = due < today;
        const int r = int(random.bounded(100));
        QString status;
        if (past)
            status = r < 62   ? u"delivered"_s
                     : r < 72 ? u"cancelled"_s
                     : r < 84 ? u"requested"_s // overdue
                     : r < 94 ? u"planned"_s   // overdue
                              : u"picked_up"_s;
        else
            status = r < 45   ? u"requested"_s
                     : r < 85 ? u"planned"_s
                     : r < 92 ? (due <= today.addDays(2) ? u"picked_up"_s : u"planned"_s)
                              : u"cancelled"_s;
        const bool planned
                = status == u"planned" || status == u"picked_up" || status == u"delivered";
        const QString team = planned ? u"Équipe %1"_s.arg(QChar(u'A' + int(random.bounded(Teams))))
                                     : QString(u""_s);
        int stop = 0;
        if (planned)
            stop = ++stops[due.toString(Qt::ISODate) + u'|' + team];
        const qint64 fromSite = ad.at(7).toLongLong();
        qint64 toSite = sites.at(int(random.bounded(int(sites.size()))));
        if (toSite == fromSite)
            toSite = sites.at((sites.indexOf(toSite) + 1) % sites.size());
        const QDate wished = planned ? due.addDays(-int(random.bounded(4))) : due;
        const QDateTime requestedAt = QDateTime(wished.addDays(-7 - int(random.bounded(14))),
                                                QTime(8 + int(random.bounded(9)), 0),
                                                Qt::UTC);
        QVariantList values{
                ad.at(0),
                ad.at(1),
                ad.at(2),
                ad.at(3),
                ad.at(4),
                ad.at(5),
                std::max<qint64>(0, ad.at(6).toLongLong()),
                fromSite,
                ad.at(8).toString().isEmpty() ? rooms.at(count % rooms.size())
                                              : ad.at(8).toString(),
                contacts.at(count % contacts.size()),
                u"05 49 20 %1 %2"_s.arg(10 + count % 80).arg(10 + count % 89),
                toSite,
                rooms.at((count + 3) % rooms.size()),
                contacts.at((count + 2) % contacts.size()),
                u"05 49 21 %1 %2"_s.arg(10 + count % 83).arg(10 + count % 87),
                wished,
                count % 6 == 0 ? u"Prévoir deux personnes, accès par le quai."_s : u""_s,
                status,
                planned ? QVariant(due) : QVariant(QMetaType::fromType<QDate>()),
                team,
                stop,
                status == u"cancelled" ? reasons.at(count % reasons.size()) : u""_s,
                ad.at(9),
                dialect.toDb(requestedAt),
                dialect.toDb(requestedAt.addDays(planned ? 2 : 0)),
        };
        for (const QVariant &value : std::as_const(values))
            insert.addBindValue(value);
        if (!insert.exec())
            return benchError(u"insertion d'un transport refusée"_s, insert.lastError().text());
        ++count;
    }
    if (!transaction.commit())
        return benchError(u"validation des transports impossible"_s, connection.lastError().text());
    if (postgres) {
        if (Status done = exec(session, u"RESET session_replication_role"_s); !done)
            return done.error();
    }
    if (Status done = exec(session, postgres ? u"VACUUM (ANALYZE) pickup"_s : u"ANALYZE"_s); !done)
        return done.error();
    return count;
}

// The repository's statement run straight through QSqlQuery, prepared each time as read()
// does, every column read; returns the ids in order.
Result<QList<qint64>> runDirect(Recup::Database &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return benchError(u"SQL direct des transports refusé"_s, query.lastError().text());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return benchError(u"SQL direct des transports refusé"_s, query.lastError().text());
    QList<qint64> ids;
    const int columns = query.record().count();
    while (query.next()) {
        ids.append(query.value(0).toLongLong());
        for (int c = 1; c < columns; ++c)
            query.value(c);
    }
    return ids;
}

// The same rows as plain text in nine columns, as a bare model shows them.
void fillStandardModel(QStandardItemModel &model, const QList<Recup::Pickup> &pickups)
{
    model.clear();
    model.setColumnCount(9);
    const QLocale locale;
    for (const Recup::Pickup &p : pickups) {
        const QDate due = p.plannedDate.isValid() ? p.plannedDate : p.wishedDate;
        model.appendRow({new QStandardItem(locale.toString(due, QLocale::ShortFormat)),
                         new QStandardItem(Recup::pickupStatusKey(p.status)),
                         new QStandardItem(p.adTitle),
                         new QStandardItem(QString::number(p.quantity)),
                         new QStandardItem(QString::number(p.weightGrams / 1000.0, 'f', 1)),
                         new QStandardItem(p.from.siteName),
                         new QStandardItem(p.to.siteName),
                         new QStandardItem(p.team),
                         new QStandardItem(QString::number(p.stopOrder))});
    }
}

// A bare table view over `model`: shown and painted.
qint64 paintView(QAbstractItemModel *model)
{
    QElapsedTimer timer;
    timer.start();
    QTableView view;
    view.setModel(model);
    view.resize(1100, 700);
    view.show();
    view.repaint();
    return timer.nsecsElapsed();
}

// Waits for the window's list; false after 60 s.
bool waitRefreshed(Recup::LogisticsWindow &window)
{
    if (!window.isLoading())
        return true;
    QEventLoop loop;
    QObject::connect(&window, &Recup::LogisticsWindow::refreshed, &loop, &QEventLoop::quit);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    return !window.isLoading();
}

double medianMs(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n == 0)
        return 0;
    return (n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0) / 1e6;
}

double maxMs(const QList<qint64> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end()) / 1e6;
}

} // namespace

Result<TransportsMeasure> measureTransports(Recup::Database &admin,
                                            Recup::Database &reader,
                                            const QString &readerLogin,
                                            const QString &label)
{
    TransportsMeasure measure;
    measure.backend = label;
    const QDate today = QDate::currentDate();
    const QDate monday = mondayOf(today);

    QElapsedTimer timer;
    timer.start();
    const auto inserted = insertPickups(admin, today);
    if (!inserted)
        return inserted.error();
    measure.pickups = *inserted;
    measure.fillSeconds = timer.nsecsElapsed() / 1e9;

    const auto agent = Recup::ReferenceRepository(admin).agentByLogin(readerLogin);
    if (!agent)
        return benchError(u"agent de la logistique introuvable"_s, agent.error().message);

    Recup::PickupFilter week;
    week.first = monday;
    week.last = monday.addDays(6);
    Recup::PickupFilter open;
    open.openOnly = true;
    struct Case
    {
        QString name;
        Recup::PickupFilter filter;
        QString sql;
        QVariantList values;
    };
    const QList<Case> cases{
            {u"week of %1"_s.arg(monday.toString(Qt::ISODate)),
             week,
             SelectPickups + u"WHERE "_s + Due + u" >= ? AND "_s + Due + u" <= ?"_s + OrderBy,
             {week.first, week.last}},
            {u"everything under way"_s,
             open,
             SelectPickups + u"WHERE p.status IN ('requested', 'planned', 'picked_up')"_s + OrderBy,
             {}}};

    for (const Case &c : cases) {
        TransportRead read;
        read.name = c.name;
        const Recup::PickupRepository repository(reader);
        for (int run = 0; run < 1 + TransportRuns; ++run) {
            const bool counted = run > 0;
            // The read through the repository, and straight, a different one first each run.
            QList<Recup::Pickup> pickups;
            QList<qint64> directIds;
            for (int k = 0; k < 2; ++k) {
                timer.start();
                if ((run + k) % 2 == 0) {
                    auto listed = repository.list(c.filter);
                    const qint64 elapsed = timer.nsecsElapsed();
                    if (!listed)
                        return benchError(u"lecture des transports impossible"_s,
                                          listed.error().message + u" — "_s
                                                  + listed.error().detail);
                    pickups = *listed;
                    if (counted)
                        read.repository.append(elapsed);
                } else {
                    auto ids = runDirect(reader, c.sql, c.values);
                    const qint64 elapsed = timer.nsecsElapsed();
                    if (!ids)
                        return ids.error();
                    directIds = *ids;
                    if (counted)
                        read.direct.append(elapsed);
                }
            }
            read.rows = int(pickups.size());
            QList<qint64> ids;
            for (const Recup::Pickup &p : std::as_const(pickups))
                ids.append(p.id);
            read.sameRows = read.sameRows && ids == directIds;

            // The window's model and a bare one, filled then painted in a bare view.
            Recup::PickupListModel model;
            timer.start();
            model.setPickups(pickups, today);
            const qint64 modelFill = timer.nsecsElapsed();
            QStandardItemModel base;
            timer.start();
            fillStandardModel(base, pickups);
            const qint64 baseFill = timer.nsecsElapsed();
            const qint64 viewPaint = paintView(&model);
            const qint64 basePaint = paintView(&base);

            // The real window, on its reading thread: built to the week painted, then switched
            // to everything under way.
            qint64 windowTime = 0;
            {
                timer.start();
                Recup::LogisticsWindow window(reader, *agent, {}, today);
                window.show();
                if (!waitRefreshed(window))
                    return benchError(u"la fenêtre des transports n'a pas lu sa liste en 60 s"_s);
                window.repaint();
                windowTime = timer.nsecsElapsed();
                if (c.filter.openOnly) {
                    timer.start();
                    window.setOpenOnly(true);
                    if (!waitRefreshed(window))
                        return benchError(
                                u"la fenêtre des transports n'a pas lu sa liste en 60 s"_s);
                    window.repaint();
                    windowTime = timer.nsecsElapsed();
                }
                if (window.model()->rowCount() != read.rows)
                    return benchError(u"la fenêtre montre %1 transports, la lecture %2"_s
                                              .arg(window.model()->rowCount())
                                              .arg(read.rows));
            }
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            if (counted) {
                read.modelFill.append(modelFill);
                read.baseFill.append(baseFill);
                read.viewPaint.append(viewPaint);
                read.basePaint.append(basePaint);
                read.window.append(windowTime);
            }
        }
        measure.reads.append(read);
    }
    return measure;
}

void printTransportsMeasures(const QList<TransportsMeasure> &measures)
{
    QTextStream out(stdout);
    out << Qt::endl
        << "transports: " << TransportRequests << " requests over " << Weeks
        << " weeks, every status; times in ms, median / max of " << TransportRuns
        << " runs after 1 warm-up" << Qt::endl;
    for (const TransportsMeasure &m : measures)
        out << "  " << m.backend << ": " << m.pickups << " transports written in "
            << QString::number(m.fillSeconds, 'f', 2) << " s" << Qt::endl;
    const auto pair = [](const QList<qint64> &values) -> QString {
        return QString::number(medianMs(values), 'f', 2).rightJustified(8) + u' '
               + QString::number(maxMs(values), 'f', 2).rightJustified(7);
    };
    out << "backend      list                        rows   repository       direct SQL     "
           "ratio  target"
        << Qt::endl;
    for (const TransportsMeasure &m : measures) {
        for (const TransportRead &r : m.reads) {
            const double ratio = medianMs(r.repository) / std::max(medianMs(r.direct), 1e-9);
            QString target;
            if (m.backend == u"postgresql" && r.name.startsWith(u"week")) {
                const bool pass = medianMs(r.repository) < TransportWeekTargetMs;
                target = u"< %1 ms %2"_s.arg(TransportWeekTargetMs, 0, 'f', 0)
                                 .arg(pass ? u"PASS"_s : u"FAIL"_s);
            }
            out << m.backend.leftJustified(12) << ' ' << r.name.leftJustified(26) << ' '
                << QString::number(r.rows).rightJustified(5) << ' ' << pair(r.repository) << ' '
                << pair(r.direct) << ' ' << QString::number(ratio, 'f', 2).rightJustified(7) << "  "
                << target << Qt::endl;
            if (!r.sameRows)
                out << "warning: " << m.backend << ' ' << r.name
                    << ": the repository and the direct SQL returned different transports"
                    << Qt::endl;
        }
    }
    out << Qt::endl
        << "backend      list                       PickupListModel  QStandardItemModel   "
           "view, our model  bare view, std model   LogisticsWindow"
        << Qt::endl;
    for (const TransportsMeasure &m : measures) {
        for (const TransportRead &r : m.reads) {
            out << m.backend.leftJustified(12) << ' ' << r.name.leftJustified(26) << ' '
                << pair(r.modelFill) << "  " << pair(r.baseFill) << "  " << pair(r.viewPaint)
                << "  " << pair(r.basePaint) << "  " << pair(r.window) << Qt::endl;
        }
    }
    out << Qt::endl
        << "repository       PickupRepository::list(PickupFilter): the week (first = Monday, last "
           "= Sunday) or openOnly; on PostgreSQL as the login of a moderator (logistics), "
           "under row-level security"
        << Qt::endl
        << "direct SQL       the statement list() issues, copied, prepared and run through "
           "QSqlQuery on the same connection, every column read, no Pickup built"
        << Qt::endl
        << "PickupListModel  setPickups(rows, today): the list kept (shared) and the model reset, "
           "its texts made by data() as the view paints; QStandardItemModel: the same rows as "
           "nine text items each, made up front"
        << Qt::endl
        << "view             a QTableView of 1100 x 700 over the model, from its construction to "
           "shown and painted (offscreen)"
        << Qt::endl
        << "LogisticsWindow  week: from the constructor to the week's list painted (its read on "
           "the session's reading thread); under way: from setOpenOnly(true) to the list painted"
        << Qt::endl;
}

} // namespace RecupBench
