// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "mail/MailSettings.h"
#include "storage/DatabaseConfig.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <optional>

class QTextStream;

namespace Recup {

class Database;
class MailTransport;
class OutboxDispatcher;

// What `collectiv-recup-admin relay` was told on its command line. An option that is not
// given (nullopt) leaves the value of the --config file, if any.
struct RelayOptions
{
    QString configFile;
    std::optional<QString> database;
    std::optional<QString> smtpHost;
    std::optional<QString> smtpPort;
    std::optional<QString> smtpSecurity;
    std::optional<QString> smtpUser;
    std::optional<QString> smtpPasswordFile;
    std::optional<QString> pickupFolder;
    std::optional<QString> retryInterval;
    bool once = false;
};

// The relay's settings: the INI file of --config, read through AppSettings and MailSettings
// (the same mail/ keys as a workstation's, plus mail/smtpPasswordFile and database/conninfo),
// with the command line on top. The SMTP password comes from RECUP_SMTP_PASSWORD or, when that
// is empty, from the password file, which its owner alone may read.
struct RelaySettings
{
    DatabaseConfig database;
    MailSettings mail; // transport Smtp or PickupFolder; smtp.password filled in
    int retryMs = 30'000;
    bool once = false;

    // Error::Kind::Invalid, with one translated sentence, for anything missing or wrong.
    static Result<RelaySettings> resolve(const RelayOptions &options,
                                         const QString &passwordFromEnvironment);

    Q_DECLARE_TR_FUNCTIONS(RelaySettings) // last: the macro ends on "private:"
};

// The relay: sends the outbox through one transport. Woken by NOTIFY recup_outbox on
// PostgreSQL and by a retry round anyway. When the database session is lost it keeps running,
// says so once, probes with back-off (ConnectionMonitor), reconnects, listens again and sends
// what is due, and says so once. Stops on SIGTERM or SIGINT after the mails in flight.
class Relay : public QObject
{
    Q_OBJECT
public:
    // How often the session is pinged when nothing else tells that it is gone.
    static constexpr int PingIntervalMs = 60'000;
    // How often the LISTEN session's state is looked at (no round trip: the driver's own).
    static constexpr int WatchIntervalMs = 1'000;

    Relay(Database &db, MailTransport *transport, QTextStream &out, QTextStream &err);
    ~Relay() override;

    // How often the expiry round runs (reminders, then expiry): hourly.
    static constexpr int ExpiryIntervalMs = 3'600'000;

    // The expiry round writes its reminders with these settings (sender, moderators); without
    // this call the relay runs no expiry round.
    void setExpiryMail(const MailSettings &mail) { m_expiryMail = mail; }

    // Runs the expiry and retention rounds, then sends what is due, prints the counts; 0, or 2 when
    // the database failed.
    int sendDueOnce();
    // Until SIGTERM or SIGINT; 0, or 2 when it cannot start.
    int runUntilStopped(int retryMs);

private:
    // LISTEN recup_outbox on the current session (after every reconnection); true without
    // notifications (SQLite).
    Status listen();
    void printFailure(const QString &message, const QString &detail);
    QString counts() const;
    // Reminders a week before, expiry after a reminder; prints what it did, if anything.
    void runExpiryRound();
    // Contact messages and mails older than the retention anonymised (RetentionRound), hourly
    // with the expiry round; prints what it did, if anything. Refused once for want of the
    // administrators' rights (the relay's login is not in recup_admin): said once, in plain
    // words, and not tried again until the relay restarts.
    void runRetentionRound();

    Database &m_db;
    MailTransport *m_transport;
    QTextStream &m_out;
    QTextStream &m_err;
    OutboxDispatcher *m_dispatcher;
    std::optional<MailSettings> m_expiryMail;
    bool m_retentionRefused = false;
};

} // namespace Recup
