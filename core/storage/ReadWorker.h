// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QMutex>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace Recup {

class Database;

// The one thread on which a session reads its database, with the one connection of that
// thread (Database::connection()): every window's list, the catalogue, the role check and
// photo decoding queue their reads here, so that a workstation holds two connections (this
// one and the GUI thread's, for writes) however many windows are open. Jobs run one at a
// time, in the order they were posted. Owned by the Database (Database::reader()).
class ReadWorker
{
public:
    explicit ReadWorker(Database &db);
    ~ReadWorker(); // waits for the running job, drops the queued ones, closes the connection
    ReadWorker(const ReadWorker &) = delete;
    ReadWorker &operator=(const ReadWorker &) = delete;

    // Runs job on the worker thread, after the jobs posted before it.
    void post(std::function<void()> job);
    // Closes the worker's connection once the jobs posted before are done; the next job
    // opens it again (Database::connection()).
    void closeConnection();
    // Opens the worker's connection now, while the caller opens its own: at start, the first
    // page is then read without waiting for a second connection (a server process, its
    // authentication and session). A failure is left to the first read, which says it.
    void connectAhead();
    QThread *thread() const { return m_thread; }
    Database &database() const { return m_db; }

private:
    Database &m_db;
    QThread *m_thread = nullptr;
    QObject *m_context = nullptr;
    std::shared_ptr<std::atomic<bool>> m_stopping;
};

// Runs read() on the calling thread's connection; on a lost connection, reconnects once and
// tries again, so that reads carry on after the server came back.
template<typename Read>
auto readWithReconnect(Database &db, Read read);

// One kind of read of one window (its list, its detail pane): each request supersedes the
// ones before it, as the catalogue's generations do. A superseded request still queued is
// skipped on the worker; an answer that arrives after a newer request is dropped. Answers are
// delivered on the channel's thread (the GUI thread), never after the channel is destroyed.
class ReadChannel : public QObject
{
    Q_OBJECT
public:
    explicit ReadChannel(ReadWorker &worker, QObject *parent = nullptr);
    ~ReadChannel() override;

    // read runs on the worker thread (with reconnection); done gets its result here.
    template<typename T>
    void request(std::function<Result<T>()> read, std::function<void(const Result<T> &)> done);

    // True from a request until its answer (or a cancel): what the window shows as loading.
    bool isLoading() const { return m_waiting; }
    // Forgets the requests under way: their answers are dropped.
    void cancel();
    ReadWorker &worker() const { return m_worker; }

signals:
    // True when a request starts waiting, false when its answer (or none) is in.
    void loadingChanged(bool loading);

private:
    struct Shared
    {
        QMutex mutex;
        ReadChannel *channel = nullptr; // null once the channel is gone
        std::atomic<quint64> latest{0};
    };
    quint64 begin();
    void deliver(quint64 generation, std::function<void()> answer);
    void post(quint64 generation, std::function<std::function<void()>()> read);

    ReadWorker &m_worker;
    std::shared_ptr<Shared> m_shared;
    bool m_waiting = false;
};

template<typename T>
void ReadChannel::request(std::function<Result<T>()> read,
                          std::function<void(const Result<T> &)> done)
{
    const quint64 generation = begin();
    Database *db = &m_worker.database();
    post(generation, [db, read = std::move(read), done = std::move(done)]() {
        auto result = std::make_shared<Result<T>>(readWithReconnect(*db, read));
        return std::function<void()>([result, done] { done(*result); });
    });
}

} // namespace Recup

#include "storage/Database.h"

namespace Recup {

template<typename Read>
auto readWithReconnect(Database &db, Read read)
{
    auto result = read();
    if (!result && result.error().kind == Error::Kind::Connection && db.reconnectThreadConnection())
        result = read();
    return result;
}

} // namespace Recup
