// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <atomic>

class QThread;

namespace Recup {

class Database;

// Hears a PostgreSQL notification channel (LISTEN) on a thread and a connection of its own, so
// that a window learns of other people's changes without asking and without waiting on the GUI
// thread. noticed() comes on the thread that made the listener, gathered: a burst of notices is
// one signal. A lost session is opened again every RetryMs, and noticed() follows, since
// notices may have been missed meanwhile. Makes no thread where the channel is empty (SQLite:
// the window polls instead).
class NoticeListener : public QObject
{
    Q_OBJECT
public:
    static constexpr int RetryMs = 15'000;
    static constexpr int GatherMs = 150;

    NoticeListener(Database &db, const QString &channel, QObject *parent = nullptr);
    ~NoticeListener() override;

    // True once LISTEN holds on the server.
    bool isListening() const { return m_listening.load(); }

signals:
    void noticed();
    // LISTEN holds (the first time, and after each reconnection).
    void listening();

private:
    class Worker;
    Database &m_db;
    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr;
    std::atomic<bool> m_listening{false};
};

} // namespace Recup
