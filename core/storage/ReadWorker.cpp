// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ReadWorker.h"

#include "storage/Database.h"

#include <QMutexLocker>
#include <QThread>

namespace Recup {

namespace {

// Runs the event loop, then closes this thread's connection before the thread ends.
class ReaderThread : public QThread
{
public:
    explicit ReaderThread(Database &db)
        : m_db(db)
    {}

protected:
    void run() override
    {
        exec();
        m_db.releaseThreadConnection();
    }

private:
    Database &m_db;
};

} // namespace

ReadWorker::ReadWorker(Database &db)
    : m_db(db)
    , m_stopping(std::make_shared<std::atomic<bool>>(false))
{
    m_thread = new ReaderThread(db);
    m_thread->setObjectName(QStringLiteral("DatabaseReader"));
    m_context = new QObject;
    m_context->moveToThread(m_thread);
    m_thread->start();
}

ReadWorker::~ReadWorker()
{
    *m_stopping = true; // jobs still queued are skipped; the running one is waited for
    m_thread->quit();
    m_thread->wait();
    delete m_context;
    delete m_thread;
}

void ReadWorker::post(std::function<void()> job)
{
    std::shared_ptr<std::atomic<bool>> stopping = m_stopping;
    QMetaObject::invokeMethod(
            m_context,
            [stopping, job = std::move(job)] {
                if (!*stopping)
                    job();
            },
            Qt::QueuedConnection);
}

void ReadWorker::closeConnection()
{
    Database *db = &m_db;
    post([db] { db->releaseThreadConnection(); });
}

void ReadWorker::connectAhead()
{
    Database *db = &m_db;
    post([db] { (void)db->open(); });
}

ReadChannel::ReadChannel(ReadWorker &worker, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_shared(std::make_shared<Shared>())
{
    m_shared->channel = this;
}

ReadChannel::~ReadChannel()
{
    // Reads still queued for a closed window are not run; after this, the worker posts nothing
    // more here, and ~QObject drops what it already posted.
    ++m_shared->latest;
    QMutexLocker lock(&m_shared->mutex);
    m_shared->channel = nullptr;
}

quint64 ReadChannel::begin()
{
    if (!m_waiting) {
        m_waiting = true;
        emit loadingChanged(true);
    }
    return ++m_shared->latest;
}

void ReadChannel::cancel()
{
    ++m_shared->latest;
    if (m_waiting) {
        m_waiting = false;
        emit loadingChanged(false);
    }
}

void ReadChannel::post(quint64 generation, std::function<std::function<void()>()> read)
{
    std::shared_ptr<Shared> shared = m_shared;
    m_worker.post([shared, generation, read = std::move(read)] {
        std::function<void()> answer;
        // A request superseded while it waited in the queue is not run at all.
        if (generation == shared->latest.load())
            answer = read();
        QMutexLocker lock(&shared->mutex);
        if (!shared->channel)
            return;
        ReadChannel *channel = shared->channel;
        QMetaObject::invokeMethod(
                channel,
                [channel, generation, answer = std::move(answer)] {
                    channel->deliver(generation, answer);
                },
                Qt::QueuedConnection);
    });
}

void ReadChannel::deliver(quint64 generation, std::function<void()> answer)
{
    const bool current = generation == m_shared->latest.load();
    if (current && m_waiting) {
        m_waiting = false;
        emit loadingChanged(false);
    }
    if (current && answer)
        answer();
}

} // namespace Recup
