// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/MailTransport.h"
#include "mail/SmtpClient.h"

#include <QHash>

namespace Recup {

// Sends through an SMTP relay. Messages given in the same turn of the event loop share one
// connection; the client says QUIT when they are all answered.
class SmtpTransport : public MailTransport
{
    Q_OBJECT
public:
    explicit SmtpTransport(const SmtpSettings &settings, QObject *parent = nullptr);

    void sendRendered(const RenderedMail &mail) override;
    const SmtpSettings &settings() const { return m_client->settings(); }
    bool isBusy() const { return m_client->isBusy(); }

private:
    SmtpClient *m_client;
    QHash<quint64, QString> m_messageIds; // ticket -> Message-ID
};

} // namespace Recup
