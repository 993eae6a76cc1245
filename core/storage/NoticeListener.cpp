// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/NoticeListener.h"

#include "storage/Database.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QThread>
#include <QTimer>

namespace Recup {

// Lives on the listener's thread, where its connection was opened and is used.
class NoticeListener::Worker : public QObject
{
    Q_OBJECT
public:
    Worker(Database &db, QString channel, std::atomic<bool> &listening)
        : m_db(db)
        , m_channel(std::move(channel))
        , m_listening(listening)
    {}

    void start()
    {
        m_check = new QTimer(this);
        m_check->setInterval(RetryMs);
        connect(m_check, &QTimer::timeout, this, &Worker::check);
        m_check->start();
        subscribe();
    }

    void stop()
    {
        delete m_check;
        m_check = nullptr;
        m_listening = false;
        m_db.releaseThreadConnection();
    }

signals:
    void noticed();
    void listening();

private:
    void subscribe()
    {
        QSqlDatabase connection = m_db.connection();
        QSqlDriver *driver = connection.isOpen() ? connection.driver() : nullptr;
        if (!driver)
            return; // the server is away: check() tries again
        if (!driver->subscribedToNotifications().contains(m_channel)) {
            if (!driver->subscribeToNotification(m_channel))
                return;
            connect(driver,
                    &QSqlDriver::notification,
                    this,
                    &Worker::noticed,
                    Qt::UniqueConnection);
        }
        m_listening = true;
        emit listening();
    }

    // A session the server ended hears nothing more: open it again, then read again.
    void check()
    {
        if (m_listening && m_db.threadConnectionAlive())
            return;
        m_listening = false;
        if (!m_db.reconnectThreadConnection())
            return;
        subscribe();
        if (m_listening)
            emit noticed();
    }

    Database &m_db;
    QString m_channel;
    std::atomic<bool> &m_listening;
    QTimer *m_check = nullptr;
};

NoticeListener::NoticeListener(Database &db, const QString &channel, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    if (channel.isEmpty())
        return;
    auto *gather = new QTimer(this);
    gather->setSingleShot(true);
    gather->setInterval(GatherMs);
    connect(gather, &QTimer::timeout, this, &NoticeListener::noticed);

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("recup-notices"));
    m_worker = new Worker(db, channel, m_listening);
    m_worker->moveToThread(m_thread);
    connect(m_worker, &Worker::noticed, gather, [gather] {
        if (!gather->isActive())
            gather->start();
    });
    connect(m_worker, &Worker::listening, this, &NoticeListener::listening);
    m_thread->start();
    QMetaObject::invokeMethod(m_worker, &Worker::start, Qt::QueuedConnection);
}

NoticeListener::~NoticeListener()
{
    if (!m_thread)
        return;
    // The connection is closed on the thread that opened it, before the thread ends.
    QMetaObject::invokeMethod(m_worker, &Worker::stop, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    delete m_thread;
}

} // namespace Recup

#include "NoticeListener.moc"
