// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/OutboxDispatcher.h"

#include "mail/MailTransport.h"

#include <QTimer>

namespace Recup {

namespace {

QString describe(const SendResult &result)
{
    if (result.serverReply.isEmpty())
        return result.message;
    if (result.message.isEmpty())
        return result.serverReply;
    return result.message + QStringLiteral(" (") + result.serverReply + u')';
}

} // namespace

OutboxDispatcher::OutboxDispatcher(Database &db,
                                   MailTransport *transport,
                                   const QString &sender,
                                   QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_outbox(db)
    , m_transport(transport)
    , m_sender(sender)
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setInterval(30'000);
    connect(m_retryTimer, &QTimer::timeout, this, &OutboxDispatcher::sendNow);
    connect(transport, &MailTransport::finished, this, &OutboxDispatcher::onFinished);
}

void OutboxDispatcher::setRetryInterval(int ms)
{
    if (ms <= 0) {
        m_retryTimer->stop();
        return;
    }
    m_retryTimer->start(ms);
}

int OutboxDispatcher::retryInterval() const
{
    return m_retryTimer->isActive() ? m_retryTimer->interval() : 0;
}

void OutboxDispatcher::sendNow()
{
    if (!isBusy() && !m_stopping)
        claimBatch();
}

void OutboxDispatcher::stop()
{
    m_stopping = true;
    m_retryTimer->stop();
    if (!isBusy())
        QTimer::singleShot(0, this, &OutboxDispatcher::stopped);
}

void OutboxDispatcher::claimBatch()
{
    if (m_stopping)
        return;
    if (!m_transport) {
        emit drained();
        return;
    }
    const Result<QList<OutboxMail>> due = m_outbox.claimDue(m_batchSize, m_sender);
    if (!due) {
        emit databaseFailed(due.error().message, due.error().detail);
        emit drained();
        return;
    }
    if (due->isEmpty()) {
        emit drained();
        return;
    }
    for (const OutboxMail &mail : *due)
        m_inFlight.insert(mail.messageId, mail.id);
    // The transport sends them one after another, on one connection where it can.
    for (const OutboxMail &mail : *due)
        m_transport->sendRendered(mail.rendered());
}

void OutboxDispatcher::onFinished(const QString &messageId, const SendResult &result)
{
    const auto found = m_inFlight.constFind(messageId);
    if (found == m_inFlight.constEnd())
        return; // someone else's message on a shared transport
    const qint64 id = found.value();
    m_inFlight.erase(found);

    Status updated;
    if (result.sent()) {
        updated = m_outbox.markSent(id);
        ++m_sent;
        emit mailSent(id, messageId);
    } else {
        // A refused login or an unreachable server says nothing about this mail: it waits.
        const bool permanent = result.permanent() && !result.connectionWide();
        updated = m_outbox.markFailed(id,
                                      permanent ? OutboxRepository::Failure::Permanent
                                                : OutboxRepository::Failure::Temporary,
                                      describe(result));
        ++m_failed;
        emit mailFailed(id, messageId, result);
    }
    if (!updated)
        emit databaseFailed(updated.error().message, updated.error().detail);

    if (!m_inFlight.isEmpty())
        return;
    if (m_stopping) {
        emit stopped();
        return;
    }
    // Another batch may be due already; the event loop runs first.
    QTimer::singleShot(0, this, &OutboxDispatcher::claimBatch);
}

} // namespace Recup
