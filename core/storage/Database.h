// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "storage/DatabaseConfig.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <atomic>
#include <functional>
#include <map>
#include <memory>

class QThread;

namespace Recup {

class ReadWorker;
class ReferenceCache;
class SqlDialect;

// One database, reached through one named Qt SQL connection per thread (never the default
// connection). Repositories ask connection() on the thread they run on.
class Database
{
    Q_DECLARE_TR_FUNCTIONS(Database)
public:
    explicit Database(DatabaseConfig config);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens the calling thread's connection, with a clear translated message on failure.
    Status open();
    bool isOpen() const;

    // The calling thread's connection, opened on first use from a worker thread.
    QSqlDatabase connection();
    // A worker thread calls this before it ends, so that its connection is closed.
    void releaseThreadConnection();
    // Closes and reopens the calling thread's connection (after the server dropped it).
    Status reconnectThreadConnection();
    // Before a person's action writes: when the server ended the calling thread's session
    // since its last use (a restart, an administrator), it is reopened now, so that the action
    // goes through instead of failing on a session known dead. Nothing is reopened under an
    // open Transaction, whose statements must fail rather than go on elsewhere. A Connection
    // error when the server is still away.
    Status reopenIfEnded();
    // What the driver last said on the calling thread's connection (a failed commit), as
    // databaseError() tells it, after `context`.
    Error lastError(const QString &context = {});
    // Cheap round trip on the calling thread's connection; Connection error when it is gone.
    Status ping();
    // Without a round trip nor any wait: false when the calling thread's connection is open
    // but known dead (the server ended the session). True when there is none open.
    bool threadConnectionAlive();
    // The database's clock, so that every workstation stamps events alike.
    Result<QDateTime> serverNow();

    // A statement prepared once per connection and reused: on PostgreSQL one PREPARE instead
    // of PREPARE/EXECUTE/DEALLOCATE at every call. For hot read paths (the catalogue). The
    // reference stays valid on the calling thread until its connection is released.
    QSqlQuery *prepared(const QString &sql, Error *error);

    // The session's one reading thread and its connection, made on first use: windows read
    // there (ReadChannel), never on the GUI thread.
    ReadWorker &reader();
    // The session's reference cache, made on first use (on the GUI thread).
    ReferenceCache &references();

    // Connection economy: an idle workstation closes its connections (the calling thread's
    // now, the reader's after its queued jobs) and marks the session suspended, so that
    // periodic reads skip their turn; any later use reopens them with the same credentials.
    void suspend();
    // The user is back: periodic reads may run again (connections reopen on first use).
    void resume();
    bool isSuspended() const { return m_suspended.load(); }
    // Called on the thread that opened a connection, once it is ready (the reference cache
    // listens again on the reader's connection, whoever reopened it). One hook.
    void setConnectionOpenedHook(std::function<void(QSqlDatabase &)> hook);

    // How many connections of this Database are open now, on every thread.
    int openConnectionCount() const;

    const SqlDialect &dialect() const { return *m_dialect; }
    const DatabaseConfig &config() const { return m_config; }

private:
    QString connectionNameFor(QThread *thread) const;
    Status openNamed(const QString &name);

    DatabaseConfig m_config;
    std::unique_ptr<SqlDialect> m_dialect;
    QString m_prefix;
    mutable QMutex m_mutex;
    QHash<QThread *, QString> m_connections;
    using StatementCache = std::map<QString, std::unique_ptr<QSqlQuery>>;
    QHash<QThread *, std::shared_ptr<StatementCache>> m_statements;
    std::atomic<bool> m_suspended{false};
    std::function<void(QSqlDatabase &)> m_openedHook; // set once, before the reader runs
    std::unique_ptr<ReferenceCache> m_references;
    std::unique_ptr<ReadWorker> m_reader;
};

// Turns a driver error into the user's sentence; shared by every repository.
Error databaseError(const QSqlError &error, const QString &context = {});

} // namespace Recup
