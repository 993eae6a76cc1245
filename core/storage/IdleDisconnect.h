// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Recup {

class Database;

// Connection economy: once nobody has touched the keyboard or the mouse for the idle delay
// (a site setting, 10 minutes by default), the workstation closes its database connections
// (Database::suspend()); periodic reads skip their turn meanwhile. The first key or click
// after that lets them run again, and the next read or write reopens the connections with the
// credentials the session holds in memory: no banner, no second sign-in, no form lost. 1,500
// agents who leave the app open all day then hold connections only while they work.
class IdleDisconnect : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultIdleMinutes = 10;

    // Watches the whole application's input from start() on.
    IdleDisconnect(Database &db, int idleMilliseconds, QObject *parent = nullptr);
    ~IdleDisconnect() override;

    void start();
    bool isIdle() const { return m_idle; }
    // Counts as the user's activity (the event filter calls it on every key, click, wheel).
    void noteActivity();
    // Checks the delay now (the timer does it every few seconds).
    void check();

signals:
    // The connections were closed.
    void suspended();
    // The user is back; the connections reopen on their next use.
    void resumed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    Database &m_db;
    int m_idleMs;
    bool m_idle = false;
    QElapsedTimer m_sinceInput;
    QTimer m_check;
};

} // namespace Recup
