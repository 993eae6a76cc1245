// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "mail/MailSettings.h"

#include <QDateTime>

namespace Recup {

class Database;

// The system's side of an ad's life in the catalogue, run by the relay: a reminder to the
// poster in the week before an ad expires, then the expiry itself — never before the poster was
// told: an ad whose reminder is less than a day old waits for the next round. Needs a
// privileged session (the relay's administrator login), since expiry is the system's action.
class ExpiryRound
{
public:
    static constexpr int ReminderDays = 7;
    static constexpr int NoticeHours = 24;

    struct Outcome
    {
        int reminded = 0; // reminders written this round
        int expired = 0;
        int failed = 0; // ads left for the next round (the error of the first is kept)
        Error firstError;
    };

    ExpiryRound(Database &db, const MailSettings &mail);

    // `now` from the server's clock (Database::serverNow) unless a test sets it.
    Result<Outcome> run(const QDateTime &now);

private:
    Database &m_db;
    MailSettings m_mail;
};

} // namespace Recup
