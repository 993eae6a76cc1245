// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actions/MailCenter.h"

#include "actions/OutboxDispatcher.h"
#include "mail/MailTransport.h"

namespace Recup {

MailCenter::MailCenter(Database &db, const QString &clientName, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clientName(clientName)
{}

MailCenter::~MailCenter() = default;

void MailCenter::setSettings(const MailSettings &settings)
{
    m_settings = settings;
    if (m_dispatcher) {
        m_sentBefore += m_dispatcher->sentCount();
        // The old pair finishes what it has in flight, then goes.
        OutboxDispatcher *old = m_dispatcher;
        MailTransport *oldTransport = m_transport;
        connect(old, &OutboxDispatcher::stopped, old, [old, oldTransport] {
            old->deleteLater();
            if (oldTransport)
                oldTransport->deleteLater();
        });
        old->stop();
        m_dispatcher = nullptr;
        m_transport = nullptr;
    }
    std::unique_ptr<MailTransport> transport = settings.makeTransport(this);
    if (!transport)
        return;
    m_transport = transport.release();
    m_dispatcher = new OutboxDispatcher(m_db, m_transport, m_clientName, this);
    connect(m_dispatcher, &OutboxDispatcher::mailSent, this, &MailCenter::mailSent);
    connect(m_dispatcher, &OutboxDispatcher::mailFailed, this, &MailCenter::mailFailed);
    connect(m_dispatcher, &OutboxDispatcher::mailRefused, this, &MailCenter::mailRefused);
    connect(m_dispatcher, &OutboxDispatcher::databaseFailed, this, &MailCenter::databaseFailed);
    m_dispatcher->setRetryInterval(m_retryMs);
}

void MailCenter::setRetryInterval(int ms)
{
    m_retryMs = qMax(0, ms);
    if (m_dispatcher)
        m_dispatcher->setRetryInterval(m_retryMs);
}

int MailCenter::sentCount() const
{
    return m_sentBefore + (m_dispatcher ? m_dispatcher->sentCount() : 0);
}

void MailCenter::sendNow()
{
    if (m_dispatcher)
        m_dispatcher->sendNow();
}

} // namespace Recup
