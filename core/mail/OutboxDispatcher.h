// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "mail/Outbox.h"
#include "mail/SendResult.h"

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

public slots:
    // Sends what is due now; when a batch is under way, the next claim follows it anyway.
    void sendNow();
    // Claims nothing more; stopped() follows once the mails in flight are answered.
    void stop();

signals:
    void mailSent(qint64 id, const QString &messageId);
    void mailFailed(qint64 id, const QString &messageId, const Recup::SendResult &result);
    // Nothing due is left for now (after sendNow() or a retry round).
    void drained();
    // The outbox could not be read or updated: the translated sentence and the driver's words.
    void databaseFailed(const QString &message, const QString &detail);
    void stopped();

private:
    void claimBatch();
    void onFinished(const QString &messageId, const SendResult &result);

    Database &m_db;
    OutboxRepository m_outbox;
    QPointer<MailTransport> m_transport;
    QString m_sender;
    QTimer *m_retryTimer;
    int m_batchSize = 20;
    bool m_stopping = false;
    QHash<QString, qint64> m_inFlight; // Message-ID -> outbox row
    int m_sent = 0;
    int m_failed = 0;
};

} // namespace Recup
