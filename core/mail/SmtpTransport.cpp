// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/SmtpTransport.h"

namespace Recup {

SmtpTransport::SmtpTransport(const SmtpSettings &settings, QObject *parent)
    : MailTransport(parent)
    , m_client(new SmtpClient(settings, this))
{
    connect(m_client,
            &SmtpClient::finished,
            this,
            [this](quint64 ticket, const SendResult &result) {
                emit finished(m_messageIds.take(ticket), result);
            });
}

void SmtpTransport::sendRendered(const RenderedMail &mail)
{
    const quint64 ticket = m_client->send(mail.data, mail.envelopeFrom, mail.recipients);
    m_messageIds.insert(ticket, mail.messageId);
}

} // namespace Recup
