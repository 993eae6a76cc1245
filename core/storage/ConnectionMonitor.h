// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "storage/DatabaseConfig.h"

#include <QObject>
#include <QTimer>

namespace Recup {

class Database;
class ReadChannel;

// Watches the session's database connections: a periodic ping on the reading thread, plus
// the failures that windows report. When the server is gone it says so, then probes on a worker
// thread with exponential back-off and jitter (never blocking the GUI), and reopens the connection
// as soon as a probe succeeds. Listeners re-subscribe to notifications on restored().
class ConnectionMonitor : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionMonitor(Database &db, QObject *parent = nullptr);
    ~ConnectionMonitor() override;

    void setPingInterval(int milliseconds);
    void setBackoff(int firstMilliseconds, int maxMilliseconds);
    bool isConnected() const { return m_connected; }

public slots:
    void start();
    // Called with the error of any failed operation; only connection errors matter.
    void reportError(const Recup::Error &error);
    void checkNow();
    // "Retry now": while the connection is lost, probes at once instead of waiting.
    void retryNow();

signals:
    void lost(const QString &message);
    void reconnecting(int attempt, int delayMilliseconds);
    void restored();

private:
    void markLost(const Error &error);
    void scheduleProbe();
    void probe();

    Database &m_db;
    DatabaseConfig m_config;
    ReadChannel *m_pings = nullptr;
    QTimer m_ping;
    QTimer m_retry;
    bool m_connected = true;
    bool m_probing = false;
    int m_attempt = 0;
    int m_firstDelay = 1000;
    int m_maxDelay = 30000;
};

} // namespace Recup
