// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ConnectionMonitor.h"

#include "storage/Database.h"

#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>

namespace Recup {

ConnectionMonitor::ConnectionMonitor(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_config(db.config())
{
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
    if (!m_connected)
        return;
    // A closed socket fails at once; a silent network within the keepalive limits.
    if (const Status alive = m_db.ping(); !alive)
        markLost(alive.error());
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
        if (const Status reopened = m_db.reconnectThreadConnection(); !reopened) {
            scheduleProbe();
            return;
        }
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
