// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actions/MailQueue.h"

#include "mail/MimeWriter.h"
#include "storage/OutboxRepository.h"

namespace Recup {

MailQueue::MailQueue(Database &db)
    : m_db(db)
{}

Result<OutboxMail> MailQueue::enqueue(const MailMessage &message,
                                      const QString &kind,
                                      qint64 authorId,
                                      qint64 actionId)
{
    MailMessage stamped = message;
    stamped.stamp();
    const Result<RenderedMail> rendered = MimeWriter().render(stamped);
    if (!rendered)
        return rendered.error();
    return OutboxRepository(m_db).enqueue(*rendered, kind, authorId, actionId);
}

} // namespace Recup
