// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actions/ExpiryRound.h"

#include "actions/Notifications.h"
#include "storage/AdRepository.h"
#include "storage/OutboxRepository.h"

namespace Recup {

ExpiryRound::ExpiryRound(Database &db, const MailSettings &mail)
    : m_db(db)
    , m_mail(mail)
{}

Result<ExpiryRound::Outcome> ExpiryRound::run(const QDateTime &now)
{
    Outcome outcome;
    AdRepository ads(m_db);
    const Result<QList<qint64>> ids = ads.dueForExpiry(now.addDays(ReminderDays));
    if (!ids)
        return ids.error();
    Notifications notifications(m_db, m_mail);
    auto note = [&outcome](const Error &error) {
        if (outcome.failed++ == 0)
            outcome.firstError = error;
    };
    OutboxRepository outbox(m_db);
    for (const qint64 id : *ids) {
        const Result<Ad> ad = ads.get(id, false);
        if (!ad) {
            note(ad.error());
            continue;
        }
        // The reminder first, once per ad and expiry date (its Message-ID says which).
        const Result<OutboxMail> reminder
                = outbox.findReminder(notifications.expiryReminderId(*ad), ad->id);
        if (!reminder) {
            if (reminder.error().kind != Error::Kind::NotFound) {
                note(reminder.error());
                continue;
            }
            if (const Result<OutboxMail> written = notifications.expiryReminder(*ad); !written)
                note(written.error());
            else
                ++outcome.reminded;
            continue; // expiry, if due, waits until the poster has had time to read it
        }
        if (ad->expiresAt > now || reminder->createdAt.addSecs(NoticeHours * 3600) > now)
            continue;
        const TransitionRequest expire{AdAction::Expire, ad->version, {}, {}, 0, {}};
        if (const Result<Ad> expired = ads.transition(id, expire, Actor::systemActor()); !expired)
            note(expired.error());
        else
            ++outcome.expired;
    }
    return outcome;
}

} // namespace Recup
