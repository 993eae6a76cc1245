// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ConnectionMonitor.h"

#include "storage/Database.h"
#include "storage/ReadWorker.h"

#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>

namespace Recup {

ConnectionMonitor::ConnectionMonitor(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_config(db.config())
{
    m_pings = new ReadChannel(db.reader(), this);
    m_ping.setInterval(15000);
    connect(&m_ping, &QTimer::timeout, this, &ConnectionMonitor::checkNow);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &ConnectionMonitor::probe);
}

ConnectionMonitor::~ConnectionMonitor() = default;

void ConnectionMonitor::setPingInterval(int milliseconds)
{
    m_ping.setInterval(milliseconds);
}

void ConnectionMonitor::setBackoff(int firstMilliseconds, int maxMilliseconds)
{
    m_firstDelay = firstMilliseconds;
    m_maxDelay = maxMilliseconds;
}

void ConnectionMonitor::start()
{
    m_ping.start();
}

void ConnectionMonitor::reportError(const Error &error)
{
    if (error.kind == Error::Kind::Connection)
        markLost(error);
}

void ConnectionMonitor::checkNow()
{
    // An idle workstation closed its connections on purpose: nothing to watch.
    if (!m_connected || m_db.isSuspended())
        return;
    // The GUI thread's own connection: what the server sent unasked, read without waiting.
    if (!m_db.threadConnectionAlive()) {
        markLost(Error{Error::Kind::Connection,
                       Database::tr("The connection to the database server was lost."),
                       {},
                       {}});
        return;
    }
    // On the reading thread: a closed socket fails at once, a silent network within the
    // keepalive limits, and the GUI waits for neither.
    Database *db = &m_db;
    m_pings->request<bool>(
            [db]() -> Result<bool> {
                if (const Status alive = db->ping(); !alive)
                    return alive.error();
                return true;
            },
            [this](const Result<bool> &alive) {
                if (!alive)
                    markLost(alive.error());
            });
}

void ConnectionMonitor::retryNow()
{
    if (m_connected) {
        checkNow();
        return;
    }
    m_retry.stop();
    probe();
}

void ConnectionMonitor::markLost(const Error &error)
{
    if (!m_connected)
        return;
    m_connected = false;
    m_attempt = 0;
    emit lost(error.message);
    scheduleProbe();
}

void ConnectionMonitor::scheduleProbe()
{
    // Exponential back-off with jitter, so that a whole building does not reconnect at once.
    const int base = std::min(m_maxDelay, m_firstDelay << std::min(m_attempt, 16));
    const int delay = base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1));
    ++m_attempt;
    emit reconnecting(m_attempt, delay);
    m_retry.start(delay);
}

void ConnectionMonitor::probe()
{
    if (m_probing)
        return;
    m_probing = true;
    // The probe opens a connection of its own on a worker thread: a dead server costs the
    // GUI nothing. Only once it answers is the GUI connection reopened.
    auto *watcher = new QFutureWatcher<bool>(this);
    connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_probing = false;
        if (!watcher->result()) {
            scheduleProbe();
            return;
        }
        // The GUI thread's connection is reopened by its next write, not here: the server
        // answered the probe, but the GUI thread waits on nothing.
        m_db.releaseThreadConnection();
        m_connected = true;
        m_attempt = 0;
        emit restored();
    });
    const DatabaseConfig config = m_config;
    watcher->setFuture(QtConcurrent::run([config] {
        Database probeDb(config);
        const bool ok = bool(probeDb.open()) && bool(probeDb.ping());
        probeDb.releaseThreadConnection();
        return ok;
    }));
}

} // namespace Recup
