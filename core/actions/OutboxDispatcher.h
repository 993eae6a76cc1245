// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "mail/SendResult.h"
#include "storage/OutboxRepository.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

class QTimer;

namespace Recup {

class Database;
class MailTransport;

// Sends the outbox: claims the due mails in batches and hands them to a transport, which
// sends them one after another; each answer updates its row. Asynchronous: nothing here waits
// for the network. Lives on the thread whose database connection it uses.
//
// Each answer is written to its row as it comes; mailSent() and mailFailed() follow the write.
// The next batch is claimed as the last answer of the previous one comes in, so that an SMTP
// transport goes on over the same connection (one TLS handshake and login, not one a batch). An
// answer whose row cannot be updated (the database is gone) is kept and written before anything
// else is claimed: a mail that was handed over is never left to be sent a second time when its
// lease runs out.
class OutboxDispatcher : public QObject
{
    Q_OBJECT
public:
    // `sender` names this client in the lease ("relay@host", "agent mdupont@pc-12").
    OutboxDispatcher(Database &db,
                     MailTransport *transport,
                     const QString &sender,
                     QObject *parent = nullptr);

    void setBatchSize(int size) { m_batchSize = qMax(1, size); }
    // How often due mails are looked for without being asked; 0 stops the timer.
    void setRetryInterval(int ms);
    int retryInterval() const;

    bool isBusy() const { return !m_inFlight.isEmpty(); }
    int sentCount() const { return m_sent; }
    int failedCount() const { return m_failed; }
    // Mails this sender would not send: they do not follow from an action (MailProvenance).
    int refusedCount() const { return m_refused; }
    // Answers of the transport not yet written to the outbox (the database was unreachable).
    int unrecordedCount() const { return int(m_unrecorded.size()); }

public slots:
    // Sends what is due now; when a batch is under way, the next claim follows it anyway.
    void sendNow();
    // Claims nothing more; stopped() follows once the mails in flight are answered.
    void stop();

signals:
    void mailSent(qint64 id, const QString &messageId);
    void mailFailed(qint64 id, const QString &messageId, const Recup::SendResult &result);
    // Never handed to the transport: failed for good, shown to moderators with `reason`.
    void mailRefused(qint64 id, const QString &messageId, const QString &reason);
    // Nothing due is left for now (after sendNow() or a retry round).
    void drained();
    // The outbox could not be read or updated: the translated sentence and the driver's words.
    void databaseFailed(const QString &message, const QString &detail);
    void stopped();

private:
    struct Outcome
    {
        qint64 id = 0;
        QString messageId;
        SendResult result;
    };

    void claimBatch();
    void onFinished(const QString &messageId, const SendResult &result);
    Status record(const Outcome &outcome);
    // Writes the answers not written yet, in order; false when the database is away.
    bool recordKept();

    Database &m_db;
    OutboxRepository m_outbox;
    QPointer<MailTransport> m_transport;
    QString m_sender;
    QTimer *m_retryTimer;
    int m_batchSize = 20;
    bool m_stopping = false;
    QHash<QString, qint64> m_inFlight; // Message-ID -> outbox row
    QList<Outcome> m_unrecorded;
    bool m_serverDown = false; // this batch met a connection-wide failure: wait for the retry
    int m_sent = 0;
    int m_failed = 0;
    int m_refused = 0;
};

} // namespace Recup
