// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/MailMessage.h"
#include "mail/MimeWriter.h"
#include "mail/SendResult.h"

#include <QObject>
#include <QString>

namespace Recup {

// Where mails go: an SMTP relay, or a folder of .eml files. Asynchronous: send() returns at
// once, and finished() follows later (never from inside send()), once per message, carrying
// the Message-ID so that the caller can match it to its outbox row.
class MailTransport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // Renders the message (it must have been stamp()ed) and sends it. A message that cannot be
    // rendered finishes as a permanent failure at the Composition stage.
    void send(const MailMessage &message);
    // Sends a message rendered earlier, e.g. kept in an outbox: the bytes go out unchanged.
    virtual void sendRendered(const RenderedMail &mail) = 0;

signals:
    void finished(const QString &messageId, const Recup::SendResult &result);

protected:
    // Emits finished() from the event loop, not from the current call.
    void finishLater(const QString &messageId, const SendResult &result);
};

} // namespace Recup
