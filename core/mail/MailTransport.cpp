// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/MailTransport.h"

namespace Recup {

void MailTransport::send(const MailMessage &message)
{
    Result<RenderedMail> rendered = MimeWriter().render(message);
    if (!rendered) {
        SendResult failure;
        failure.status = SendResult::Status::PermanentFailure;
        failure.stage = SendResult::Stage::Composition;
        failure.message = rendered.error().message;
        finishLater(message.messageId, failure);
        return;
    }
    sendRendered(*rendered);
}

void MailTransport::finishLater(const QString &messageId, const SendResult &result)
{
    QMetaObject::invokeMethod(
            this,
            [this, messageId, result] { emit finished(messageId, result); },
            Qt::QueuedConnection);
}

} // namespace Recup
