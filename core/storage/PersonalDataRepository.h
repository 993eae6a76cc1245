// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSet>

#include <optional>
#include <utility>

namespace Recup {

class Database;

// Personal data (issue #14, migration 028; docs/donnees-personnelles.md): the retention the
// administrators set, the batches of the retention round, a deactivated agent anonymised, and
// what an agent may take away of their own data. The export reads under the session's own
// policies, nothing widened: an agent gets what the app already shows them.
class PersonalDataRepository
{
    Q_DECLARE_TR_FUNCTIONS(PersonalDataRepository)
public:
    // 1 month at least: a message is read and answered within days, and the figures never read
    // it; 10 years at most: no purpose of the platform needs who wrote what beyond (the AGEC
    // declaration is yearly). The database's CHECK says the same.
    static constexpr int MinRetentionMonths = 1;
    static constexpr int MaxRetentionMonths = 120;
    static constexpr int DefaultRetentionMonths = 24;

    // What one call anonymised.
    struct Anonymised
    {
        int messages = 0; // contact messages
        int mails = 0;    // mails of the outbox
    };

    // What anonymising an agent would do, read before the administrator is asked.
    struct AnonymisationPreview
    {
        int messages = 0;    // contact messages they wrote, not anonymised yet
        int mails = 0;       // mails they wrote or that were sent to them alone: erased
        int sharedMails = 0; // mails sent to them among others: only their address leaves
        int ads = 0;         // their ads, which stay with their history and the figures
    };

    explicit PersonalDataRepository(Database &db);

    // The agents anonymised (agent.anonymised_at, written by the anonymisation only: an
    // address that merely looks anonymous is not one).
    Result<QSet<qint64>> anonymisedAgents() const;

    // The sentence refusing a retention out of bounds, or nothing.
    static std::optional<QString> retentionError(qint64 months);

    Result<int> retentionMonths();
    // Invalid (field "months") out of bounds, Forbidden unless an administrator's session.
    Status setRetentionMonths(int months);

    // One batch of the retention round, committed: at most `batch` messages and `batch` mails.
    Result<Anonymised> anonymiseBatch(int batch);
    // A deactivated agent's name, login, email and phone, their messages and mails, in one
    // transaction. Invalid for an active agent, NotFound for an unknown one, Forbidden unless an
    // administrator's session.
    Result<Anonymised> anonymiseAgent(qint64 agentId);
    // The same rows as anonymiseAgent() would touch, counted, nothing written (the moderators'
    // shared address aside, which refuses the anonymisation anyway). NotFound for an unknown
    // agent.
    Result<AnonymisationPreview> anonymisationPreview(qint64 agentId) const;

    // The agent's own data as one JSON document (French keys: the person reads it): profile,
    // ads with their history, the parts of their lots reserved or given (« reservations »), the
    // transports of their ads, those they asked for and those bringing something to their
    // service (« transports », contacts and all), contact requests written, requests received
    // on their ads (who and which service, not the other agent's message), wanted ads, mails
    // written.
    Result<QJsonObject> exportOf(qint64 agentId);

private:
    Database &m_db;
};

} // namespace Recup
