// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Recup {

class Database;

// One pending ad as the moderators' queue lists it.
struct ModerationEntry
{
    qint64 id = 0;
    QString title;
    QString categoryName;
    qint64 ownerId = 0;
    QString ownerName;
    QString serviceName; // the owner's service when the ad was posted
    QString siteName;
    QDateTime submittedAt; // when it last entered moderation
    QByteArray thumbnail;  // JPEG of the first photo, may be empty
    int version = 0;       // what a decision taken from this row must expect
};

// The ads waiting for a moderator, the longest-waiting first. An ad waits since its latest
// submit, resubmit, renewal or owner's edit that sent it back; without such a row, since its
// last update. Two moderators keep it short, so it is read whole up to a cap (the window says
// when the cap hides some); count() says how many wait in all.
class ModerationQueue
{
public:
    static constexpr int DefaultLimit = 200;

    explicit ModerationQueue(Database &db);

    Result<QList<ModerationEntry>> pending(int limit = DefaultLimit) const;
    Result<int> count() const;

private:
    Database &m_db;
};

} // namespace Recup
