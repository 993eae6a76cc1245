// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSqlDriver>
#include <QString>
#include <QTimer>

namespace Recup {

class Database;
class ReadChannel;

// Hears a PostgreSQL notification channel (LISTEN) on the session's reading connection, so
// that a window learns of other people's changes without asking, without waiting on the GUI
// thread and without a connection of its own (a session keeps two). noticed() comes on the GUI
// thread, gathered: a burst of notices is one signal GatherMs after the first, and two signals
// are at least MinIntervalMs apart, since any login may NOTIFY in a loop and every window
// hearing it would read at each signal. Every CheckMs the reading connection is
// looked at again: when it was opened anew (after the server ended the session, or an idle
// pause), LISTEN is said again and noticed() follows, since notices may have been missed.
// Nothing where the channel is empty (SQLite: the window polls instead).
class NoticeListener : public QObject
{
    Q_OBJECT
public:
    static constexpr int CheckMs = 15'000;
    static constexpr int GatherMs = 150;
    static constexpr int MinIntervalMs = 1'000;

    NoticeListener(Database &db, const QString &channel, QObject *parent = nullptr);
    ~NoticeListener() override;

    // True once LISTEN holds on the server.
    bool isListening() const { return m_listening; }
    // How many times noticed() was emitted: what a flood of notices costs the server.
    int noticedCount() const { return m_noticedCount; }

signals:
    void noticed();

private:
    void subscribe();
    void onNotice(const QString &channel);

    Database &m_db;
    QString m_channel;
    ReadChannel *m_reads = nullptr;
    QTimer m_check;
    QTimer m_gather;
    QElapsedTimer m_sinceNoticed; // since the last noticed(); invalid before the first
    int m_noticedCount = 0;
    QPointer<QSqlDriver> m_driver; // the one connected to this listener
    bool m_listening = false;
    bool m_everListened = false;
};

} // namespace Recup
