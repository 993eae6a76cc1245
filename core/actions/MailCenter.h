// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/MailSettings.h"
#include "mail/SendResult.h"

#include <QObject>

#include <memory>

namespace Recup {

class Database;
class MailTransport;
class OutboxDispatcher;

// The workstation's side of the outbox: the mail settings in force, and a dispatcher that
// sends at once what this client has just written. Moderators' clients also retry, on a timer,
// whatever is due (their role sees every mail); agents' clients send only what they can see,
// their own. With Transport::None nothing is sent from here: the relay does it.
class MailCenter : public QObject
{
    Q_OBJECT
public:
    // `clientName` names this workstation in the outbox's leases ("mdupont@PC-12").
    MailCenter(Database &db, const QString &clientName, QObject *parent = nullptr);
    ~MailCenter() override;

    const MailSettings &settings() const { return m_settings; }
    // Replaces the transport; mails in flight on the old one keep their lease and are sent
    // again once it expires.
    void setSettings(const MailSettings &settings);
    // Retry what is due every `ms` milliseconds (moderators); 0: only when asked.
    void setRetryInterval(int ms);
    bool sends() const { return m_dispatcher != nullptr; }
    OutboxDispatcher *dispatcher() const { return m_dispatcher; }
    int sentCount() const;

public slots:
    // A mail was just written (or put back in the queue): send what is due now.
    void sendNow();

signals:
    void mailSent(qint64 id, const QString &messageId);
    void mailFailed(qint64 id, const QString &messageId, const Recup::SendResult &result);
    void mailRefused(qint64 id, const QString &messageId, const QString &reason);
    void databaseFailed(const QString &message, const QString &detail);

private:
    Database &m_db;
    QString m_clientName;
    MailSettings m_settings;
    int m_retryMs = 0;
    MailTransport *m_transport = nullptr;
    OutboxDispatcher *m_dispatcher = nullptr;
    int m_sentBefore = 0;
};

} // namespace Recup
