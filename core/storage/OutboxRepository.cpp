// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/OutboxRepository.h"

#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/SqlValues.h"
#include "storage/Transaction.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace Recup {

namespace {

const QString Columns = QStringLiteral(
        "id, message_id, created_at, author_id, kind, recipients, rfc5322, envelope_from, state, "
        "attempts, next_attempt_at, last_error, sent_at, action_id, refusal");

// Due: queued and its time has come, or leased to a sender that never answered.
const QString DueCondition = QStringLiteral(
        "state IN ('queued', 'sending') AND ((state = 'queued' AND next_attempt_at <= ?) "
        "OR (state = 'sending' AND claimed_until < ?))");

OutboxMail::State stateFromKey(const QString &key)
{
    if (key == QLatin1String("sending"))
        return OutboxMail::State::Sending;
    if (key == QLatin1String("sent"))
        return OutboxMail::State::Sent;
    if (key == QLatin1String("failed"))
        return OutboxMail::State::Failed;
    return OutboxMail::State::Queued;
}

OutboxMail readMail(const QSqlQuery &q, const SqlDialect &dialect)
{
    OutboxMail mail;
    mail.id = q.value(0).toLongLong();
    mail.messageId = q.value(1).toString();
    mail.createdAt = dialect.fromDb(q.value(2));
    mail.authorId = q.value(3).isNull() ? 0 : q.value(3).toLongLong();
    mail.kind = q.value(4).toString();
    mail.recipients = q.value(5).toString().split(u'\n', Qt::SkipEmptyParts);
    mail.rfc5322 = q.value(6).toByteArray();
    mail.envelopeFrom = q.value(7).toString();
    mail.state = stateFromKey(q.value(8).toString());
    mail.attempts = q.value(9).toInt();
    mail.nextAttemptAt = dialect.fromDb(q.value(10));
    mail.lastError = q.value(11).toString();
    mail.sentAt = dialect.fromDb(q.value(12));
    mail.actionId = q.value(13).isNull() ? 0 : q.value(13).toLongLong();
    mail.refusal = q.value(14).toString();
    return mail;
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

} // namespace

OutboxRepository::OutboxRepository(Database &db)
    : m_db(db)
{}

std::chrono::milliseconds OutboxRepository::backoff(int attempts, double jitter)
{
    using namespace std::chrono;
    const int doublings = std::clamp(attempts - 1, 0, 20);
    const double base = std::min(double(duration_cast<milliseconds>(FirstRetry).count())
                                         * std::pow(2.0, doublings),
                                 double(duration_cast<milliseconds>(LongestRetry).count()));
    const double spread = 0.8 + 0.4 * std::clamp(jitter, 0.0, 1.0);
    return milliseconds(qint64(base * spread));
}

Result<OutboxMail> OutboxRepository::enqueue(const RenderedMail &rendered,
                                             const QString &kind,
                                             qint64 authorId,
                                             qint64 actionId)
{
    QSqlDatabase db = m_db.connection();
    const SqlDialect &dialect = m_db.dialect();
    // Joins the caller's unit of work: the mail exists only if the action does.
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    const Result<QDateTime> now = m_db.serverNow();
    if (!now)
        return now.error();
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
            "INSERT INTO outbox (message_id, created_at, author_id, kind, recipients, rfc5322, "
            "envelope_from, state, attempts, next_attempt_at, last_error, action_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, '', ?) RETURNING id"));
    query.addBindValue(rendered.messageId);
    query.addBindValue(dialect.toDb(*now));
    query.addBindValue(authorId > 0 ? QVariant(authorId) : QVariant(QMetaType::fromType<qint64>()));
    query.addBindValue(sqlText(kind));
    query.addBindValue(rendered.recipients.join(u'\n'));
    query.addBindValue(rendered.data);
    query.addBindValue(sqlText(rendered.envelopeFrom));
    query.addBindValue(dialect.toDb(*now));
    query.addBindValue(actionId > 0 ? QVariant(actionId) : QVariant(QMetaType::fromType<qint64>()));
    if (!query.exec() || !query.next())
        return databaseError(query.lastError(), tr("The mail could not be written to the outbox."));
    OutboxMail mail;
    mail.id = query.value(0).toLongLong();
    query.finish();
    if (!transaction.commit())
        return databaseError(db.lastError(), tr("The mail could not be written to the outbox."));
    mail.messageId = rendered.messageId;
    mail.createdAt = *now;
    mail.authorId = authorId;
    mail.kind = kind;
    mail.recipients = rendered.recipients;
    mail.rfc5322 = rendered.data;
    mail.envelopeFrom = rendered.envelopeFrom;
    mail.nextAttemptAt = *now;
    mail.actionId = actionId;
    return mail;
}

Result<QList<OutboxMail>>
OutboxRepository::claimDue(int limit, const QString &sender, std::chrono::seconds lease)
{
    QSqlDatabase db = m_db.connection();
    const SqlDialect &dialect = m_db.dialect();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    const Result<QDateTime> now = m_db.serverNow();
    if (!now)
        return now.error();
    const QVariant nowValue = dialect.toDb(*now);

    // Rows another sender holds are skipped (PostgreSQL); SQLite locks the whole file.
    QSqlQuery select(db);
    // With what the sender checks each mail against: the database's verdict and the author.
    select.prepare(
            QStringLiteral("SELECT ") + Columns + QStringLiteral(", ")
            + dialect.outboxVerdict(QStringLiteral("outbox.id"))
            + QStringLiteral(", (SELECT display_name FROM agent WHERE agent.id = author_id), "
                             "(SELECT email FROM agent WHERE agent.id = author_id) "
                             "FROM outbox WHERE ")
            + DueCondition + QStringLiteral(" ORDER BY next_attempt_at, id LIMIT ?")
            + dialect.forUpdateSkipLocked());
    select.addBindValue(nowValue);
    select.addBindValue(nowValue);
    select.addBindValue(limit);
    if (!select.exec())
        return databaseError(select.lastError(), tr("The outbox could not be read."));
    QList<OutboxMail> candidates;
    while (select.next()) {
        OutboxMail mail = readMail(select, dialect);
        // NULL: the database would not judge a row this session may not read.
        mail.serverVerdict = select.value(15).isNull() ? QStringLiteral("not-your-action")
                                                       : select.value(15).toString();
        mail.authorName = select.value(16).toString();
        mail.authorEmail = select.value(17).toString();
        candidates.append(std::move(mail));
    }
    select.finish();

    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE outbox SET state = 'sending', claimed_by = ?, "
                                  "claimed_until = ? WHERE id = ? AND ")
                   + DueCondition);
    QList<OutboxMail> claimed;
    for (OutboxMail &mail : candidates) {
        update.addBindValue(sqlText(sender));
        update.addBindValue(dialect.toDb(now->addSecs(lease.count())));
        update.addBindValue(mail.id);
        update.addBindValue(nowValue);
        update.addBindValue(nowValue);
        if (!update.exec())
            return databaseError(update.lastError(), tr("The outbox could not be updated."));
        if (update.numRowsAffected() == 1) {
            mail.state = OutboxMail::State::Sending;
            claimed.append(std::move(mail));
        }
    }
    if (!transaction.commit())
        return databaseError(db.lastError(), tr("The outbox could not be updated."));
    return claimed;
}

Status OutboxRepository::markSent(qint64 id)
{
    Error error;
    QSqlQuery *query = m_db.prepared(QStringLiteral("UPDATE outbox SET state = 'sent', sent_at = ")
                                             + m_db.dialect().now()
                                             + QStringLiteral(", attempts = attempts + 1, "
                                                              "last_error = '', claimed_by = NULL, "
                                                              "claimed_until = NULL WHERE id = ?"),
                                     &error);
    if (!query)
        return error;
    query->bindValue(0, id);
    if (!query->exec()) {
        Error failed = databaseError(query->lastError(), tr("The outbox could not be updated."));
        query->finish();
        return failed;
    }
    const int affected = query->numRowsAffected();
    query->finish();
    if (affected != 1)
        return Error{Error::Kind::NotFound, tr("This mail is no longer in the outbox."), {}, {}};
    return {};
}

Status OutboxRepository::markFailed(qint64 id, Failure failure, const QString &error)
{
    QSqlDatabase db = m_db.connection();
    const SqlDialect &dialect = m_db.dialect();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError());
    const Result<QDateTime> now = m_db.serverNow();
    if (!now)
        return now.error();
    QSqlQuery read(db);
    read.prepare(QStringLiteral("SELECT attempts FROM outbox WHERE id = ?") + dialect.forUpdate());
    read.addBindValue(id);
    if (!read.exec())
        return databaseError(read.lastError(), tr("The outbox could not be read."));
    if (!read.next())
        return Error{Error::Kind::NotFound, tr("This mail is no longer in the outbox."), {}, {}};
    const int attempts = read.value(0).toInt() + 1;
    read.finish();
    const bool permanent = failure == Failure::Permanent;
    const QDateTime next
            = permanent ? *now
                        : now->addMSecs(
                                backoff(attempts, QRandomGenerator::global()->generateDouble())
                                        .count());
    QSqlQuery update(db);
    update.prepare(QStringLiteral(
            "UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, "
            "claimed_by = ?, claimed_until = ? WHERE id = ?"));
    update.addBindValue(permanent ? QStringLiteral("failed") : QStringLiteral("queued"));
    update.addBindValue(attempts);
    update.addBindValue(dialect.toDb(next));
    update.addBindValue(sqlText(error));
    update.addBindValue(nullText());
    update.addBindValue(dialect.toDb(QDateTime()));
    update.addBindValue(id);
    if (!update.exec())
        return databaseError(update.lastError(), tr("The outbox could not be updated."));
    if (!transaction.commit())
        return databaseError(db.lastError(), tr("The outbox could not be updated."));
    return {};
}

Status OutboxRepository::retry(qint64 id)
{
    const Result<QDateTime> now = m_db.serverNow();
    if (!now)
        return now.error();
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("UPDATE outbox SET state = 'queued', next_attempt_at = ? "
                                 "WHERE id = ? AND state = 'failed' AND refusal = '' "
                                 "AND anonymised_at IS NULL"));
    query.addBindValue(m_db.dialect().toDb(*now));
    query.addBindValue(id);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The outbox could not be updated."));
    if (query.numRowsAffected() != 1)
        return Error{Error::Kind::NotFound, tr("This mail is no longer in the outbox."), {}, {}};
    return {};
}

Status OutboxRepository::markRefused(qint64 id, const QString &reason)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("UPDATE outbox SET state = 'failed', refusal = ?, last_error = ?, "
                                 "claimed_by = NULL, claimed_until = NULL "
                                 "WHERE id = ? AND state = 'sending'"));
    query.addBindValue(sqlText(reason));
    query.addBindValue(sqlText(reason));
    query.addBindValue(id);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The outbox could not be updated."));
    if (query.numRowsAffected() != 1)
        return Error{Error::Kind::NotFound, tr("This mail is no longer in the outbox."), {}, {}};
    return {};
}

Result<MailPolicy> OutboxRepository::policy()
{
    if (!m_db.dialect().checksMail())
        return MailPolicy{};
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral(
            "SELECT sender_address, sender_name, moderators_address FROM mail_policy"));
    if (!query.exec())
        return databaseError(query.lastError(),
                             tr("The mail settings of the platform could not "
                                "be read."));
    MailPolicy policy;
    if (query.next()) {
        policy.senderAddress = query.value(0).toString();
        policy.senderName = query.value(1).toString();
        policy.moderatorsAddress = query.value(2).toString();
    }
    return policy;
}

Status OutboxRepository::setPolicy(const MailPolicy &policy)
{
    if (!m_db.dialect().checksMail())
        return Error{Error::Kind::Invalid,
                     tr("The embedded database has no platform mail settings: the workstation's "
                        "own settings name the sender."),
                     {},
                     {}};
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("UPDATE mail_policy SET sender_address = ?, sender_name = ?, "
                                 "moderators_address = ?"));
    query.addBindValue(sqlText(policy.senderAddress.trimmed()));
    query.addBindValue(sqlText(policy.senderName.trimmed().isEmpty()
                                       ? QStringLiteral("Collectiv'Récup")
                                       : policy.senderName.trimmed()));
    query.addBindValue(sqlText(policy.moderatorsAddress.trimmed()));
    if (!query.exec())
        return databaseError(query.lastError(),
                             tr("The mail settings of the platform could not "
                                "be saved."));
    if (query.numRowsAffected() != 1)
        return Error{Error::Kind::Forbidden,
                     tr("Only administrators change the mail settings of the platform."),
                     {},
                     {}};
    return {};
}

Result<OutboxMail> OutboxRepository::get(qint64 id)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT ") + Columns
                  + QStringLiteral(" FROM outbox WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The outbox could not be read."));
    if (!query.next())
        return Error{Error::Kind::NotFound, tr("This mail is no longer in the outbox."), {}, {}};
    return readMail(query, m_db.dialect());
}

Result<OutboxMail> OutboxRepository::findByMessageId(const QString &messageId)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT ") + Columns
                  + QStringLiteral(" FROM outbox WHERE message_id = ?"));
    query.addBindValue(messageId);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The outbox could not be read."));
    if (!query.next())
        return Error{Error::Kind::NotFound, tr("This mail is no longer in the outbox."), {}, {}};
    return readMail(query, m_db.dialect());
}

Result<OutboxMail> OutboxRepository::findReminder(const QString &messageId, qint64 adId)
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT ") + Columns
                  + QStringLiteral(" FROM outbox WHERE message_id = ? AND kind = 'expiry-reminder' "
                                   "AND author_id IS NULL AND action_id = ?"));
    query.addBindValue(messageId);
    query.addBindValue(adId);
    if (!query.exec())
        return databaseError(query.lastError(), tr("The outbox could not be read."));
    if (!query.next())
        return Error{Error::Kind::NotFound, tr("This mail is no longer in the outbox."), {}, {}};
    return readMail(query, m_db.dialect());
}

Result<int> OutboxRepository::failureCount()
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'failed' "
                                   "AND anonymised_at IS NULL"))
        || !query.next())
        return databaseError(query.lastError(), tr("The outbox could not be read."));
    return query.value(0).toInt();
}

Result<QList<OutboxMail>> OutboxRepository::failures()
{
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("SELECT ") + Columns
                  + QStringLiteral(" FROM outbox WHERE state = 'failed' AND anonymised_at IS NULL "
                                   "ORDER BY created_at DESC, id DESC"));
    if (!query.exec())
        return databaseError(query.lastError(), tr("The outbox could not be read."));
    QList<OutboxMail> mails;
    while (query.next())
        mails.append(readMail(query, m_db.dialect()));
    return mails;
}

} // namespace Recup
