// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/NoticeListener.h"

#include "storage/Database.h"
#include "storage/ReadWorker.h"

#include <QPointer>
#include <QSqlDatabase>
#include <QSqlDriver>

namespace Recup {

NoticeListener::NoticeListener(Database &db, const QString &channel, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_channel(channel)
{
    if (channel.isEmpty())
        return;
    m_reads = new ReadChannel(db.reader(), this);
    m_gather.setSingleShot(true);
    m_gather.setInterval(GatherMs);
    connect(&m_gather, &QTimer::timeout, this, [this] {
        m_sinceNoticed.start();
        ++m_noticedCount;
        emit noticed();
    });
    m_check.setInterval(CheckMs);
    connect(&m_check, &QTimer::timeout, this, [this] {
        if (!m_db.isSuspended())
            subscribe();
    });
    m_check.start();
    subscribe();
}

NoticeListener::~NoticeListener() = default;

void NoticeListener::subscribe()
{
    Database *db = &m_db;
    const QString channel = m_channel;
    // On the reading thread, where its connection and driver live: LISTEN unless it holds (a
    // connection may already listen for an earlier window), and the driver that hears it. The
    // listener connects to the driver here, on the GUI thread, once per driver.
    m_reads->request<QPointer<QSqlDriver>>(
            [db, channel]() -> Result<QPointer<QSqlDriver>> {
                QSqlDatabase connection = db->connection();
                QSqlDriver *driver = connection.isOpen() ? connection.driver() : nullptr;
                if (!driver)
                    return Error{Error::Kind::Connection, {}, {}, {}};
                if (!driver->subscribedToNotifications().contains(channel)
                    && !driver->subscribeToNotification(channel))
                    return Error{Error::Kind::Connection, {}, {}, {}};
                return QPointer<QSqlDriver>(driver);
            },
            [this](const Result<QPointer<QSqlDriver>> &driver) {
                m_listening = driver.ok() && !driver->isNull();
                if (!m_listening || driver->data() == m_driver.data())
                    return;
                const bool anew = !m_driver.isNull() || m_everListened;
                if (m_driver)
                    disconnect(m_driver.data(), nullptr, this, nullptr);
                m_driver = *driver;
                m_everListened = true;
                connect(
                        m_driver.data(),
                        &QSqlDriver::notification,
                        this,
                        [this](const QString &name,
                               QSqlDriver::NotificationSource,
                               const QVariant &) { onNotice(name); },
                        Qt::QueuedConnection);
                // Said again on a new connection: what was announced meanwhile is read now.
                if (anew)
                    onNotice(m_channel);
            });
}

void NoticeListener::onNotice(const QString &channel)
{
    if (channel != m_channel || m_gather.isActive())
        return;
    // The first notice of a burst is heard quickly; a flood, at most once a second.
    const qint64 sinceLast = m_sinceNoticed.isValid() ? m_sinceNoticed.elapsed() : MinIntervalMs;
    m_gather.start(int(qMax<qint64>(GatherMs, MinIntervalMs - sinceLast)));
}

} // namespace Recup
