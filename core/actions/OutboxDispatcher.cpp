// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actions/OutboxDispatcher.h"

#include "mail/MailProvenance.h"

#include "mail/MailTransport.h"
#include "storage/Database.h"

#include <QTimer>

#include <utility>

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
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        // An idle workstation has closed its connections: the relay, or this client once its
        // user is back, sends what waits.
        if (!m_db.isSuspended())
            sendNow();
    });
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
    if (!m_transport || !recordKept()) {
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
    const Result<MailPolicy> policy = m_outbox.policy();
    if (!policy) {
        emit databaseFailed(policy.error().message, policy.error().detail);
        emit drained();
        return;
    }
    QList<OutboxMail> sendable;
    for (const OutboxMail &mail : *due) {
        // Only mails that follow from an action, as the application writes them, go out.
        const QString refusal = MailProvenance::refusal(mail, *policy);
        if (refusal.isEmpty()) {
            sendable.append(mail);
            continue;
        }
        ++m_refused;
        if (const Status marked = m_outbox.markRefused(mail.id, refusal); !marked)
            emit databaseFailed(marked.error().message, marked.error().detail);
        emit mailRefused(mail.id, mail.messageId, refusal);
    }
    if (sendable.isEmpty()) {
        claimBatch(); // the refused ones are no longer due
        return;
    }
    for (const OutboxMail &mail : std::as_const(sendable))
        m_inFlight.insert(mail.messageId, mail.id);
    // The transport sends them one after another, on one connection where it can.
    for (const OutboxMail &mail : std::as_const(sendable))
        m_transport->sendRendered(mail.rendered());
}

Status OutboxDispatcher::record(const Outcome &outcome)
{
    const SendResult &result = outcome.result;
    if (result.sent())
        return m_outbox.markSent(outcome.id);
    // A refused login or an unreachable server says nothing about this mail: it waits.
    const bool permanent = result.permanent() && !result.connectionWide();
    return m_outbox.markFailed(outcome.id,
                               permanent ? OutboxRepository::Failure::Permanent
                                         : OutboxRepository::Failure::Temporary,
                               describe(result));
}

bool OutboxDispatcher::recordKept()
{
    while (!m_unrecorded.isEmpty()) {
        const Status recorded = record(m_unrecorded.first());
        if (!recorded) {
            emit databaseFailed(recorded.error().message, recorded.error().detail);
            const Error::Kind kind = recorded.error().kind;
            // Kept for later only when the database, not the row, is at fault.
            if (kind == Error::Kind::Connection || kind == Error::Kind::Database)
                return false;
        }
        const Outcome outcome = m_unrecorded.takeFirst();
        if (outcome.result.sent())
            emit mailSent(outcome.id, outcome.messageId);
        else
            emit mailFailed(outcome.id, outcome.messageId, outcome.result);
    }
    return true;
}

void OutboxDispatcher::onFinished(const QString &messageId, const SendResult &result)
{
    const auto found = m_inFlight.constFind(messageId);
    if (found == m_inFlight.constEnd())
        return; // someone else's message on a shared transport
    m_unrecorded.append({found.value(), messageId, result});
    m_inFlight.erase(found);
    if (result.sent()) {
        ++m_sent;
    } else {
        ++m_failed;
        m_serverDown = m_serverDown || result.connectionWide();
    }

    const bool recorded = recordKept();
    if (!m_inFlight.isEmpty())
        return;
    if (m_stopping) {
        emit stopped();
        return;
    }
    // An unreachable server or a refused login fails every mail alike: the retry comes later.
    // A database that is away gets nothing new to write either.
    if (std::exchange(m_serverDown, false) || !recorded) {
        emit drained();
        return;
    }
    // At once, while the transport is still answering: the next batch goes on over the same
    // SMTP connection instead of a new one. The transport never answers from sendRendered().
    claimBatch();
}

} // namespace Recup
