// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/OutboxMail.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <chrono>

namespace Recup {

class Database;

// The outbox table. Each mail is written in the transaction of the action that causes it
// (enqueue() joins the caller's Transaction), then claimed by one sender at a time under a
// lease: on PostgreSQL with FOR UPDATE SKIP LOCKED, so that two senders never take the same
// row. Delivery is at least once: a sender that dies leaves its lease to expire.
class OutboxRepository
{
    Q_DECLARE_TR_FUNCTIONS(OutboxRepository)
public:
    enum class Failure { Temporary, Permanent };

    static constexpr std::chrono::seconds FirstRetry{30};
    static constexpr std::chrono::seconds LongestRetry{3600};
    static constexpr std::chrono::seconds DefaultLease{300};

    explicit OutboxRepository(Database &db);

    // Writes a rendered mail as queued, due now. authorId 0: a mail of the system
    // (administrators' sessions only). actionId: what the mail follows from (a contact request,
    // a history row, the ad of an expiry reminder); PostgreSQL refuses a row whose action is
    // not its author's or whose recipients or sender the action does not explain.
    // MailQueue (actions/) renders and calls this.
    Result<OutboxMail>
    enqueue(const RenderedMail &rendered, const QString &kind, qint64 authorId, qint64 actionId);

    // Takes up to `limit` due mails (queued and due, or sending under an expired lease) for
    // `sender`, oldest due first, and leases them to it.
    Result<QList<OutboxMail>>
    claimDue(int limit, const QString &sender, std::chrono::seconds lease = DefaultLease);
    Status markSent(qint64 id);
    // Temporary: queued again after back-off; permanent: failed, shown to moderators.
    Status markFailed(qint64 id, Failure failure, const QString &error);
    // A claimed mail that its sender will not send (it does not follow from its action, or its
    // headers disagree with its envelope): failed for good, shown to moderators with `reason`.
    Status markRefused(qint64 id, const QString &reason);
    // Moderators: a failed mail queued again, due now. Never a refused one.
    Status retry(qint64 id);

    // The platform's mail identity kept by the database (empty where it keeps none).
    Result<MailPolicy> policy();
    // Administrators: changes it. Empty sender name: "Collectiv'Récup".
    Status setPolicy(const MailPolicy &policy);

    Result<OutboxMail> get(qint64 id);
    // NotFound when no mail of the outbox has this Message-ID (as far as the reader may see).
    Result<OutboxMail> findByMessageId(const QString &messageId);
    // The system's expiry reminder for the ad under this Message-ID; NotFound when there is
    // none (a row of someone else's with that Message-ID is no reminder).
    Result<OutboxMail> findReminder(const QString &messageId, qint64 adId);
    // Permanent failures, newest first (moderators see all, agents their own).
    Result<QList<OutboxMail>> failures();
    // How many of them, without reading the mails.
    Result<int> failureCount();

    // The wait before attempt number attempts + 1: FirstRetry × 2^(attempts - 1), capped at
    // LongestRetry, then spread by ±20 % with `jitter` in [0, 1).
    static std::chrono::milliseconds backoff(int attempts, double jitter);

private:
    Database &m_db;
};

} // namespace Recup
