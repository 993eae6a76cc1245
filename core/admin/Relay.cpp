// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/Relay.h"

#include "actions/ExpiryRound.h"
#include "actions/OutboxDispatcher.h"
#include "actions/RetentionRound.h"
#include "settings/AppSettings.h"
#include "storage/ConnectionMonitor.h"
#include "storage/Conninfo.h"
#include "storage/Database.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSysInfo>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <utility>

#include <libpq-fe.h>

#ifdef Q_OS_UNIX
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace Recup {

namespace {

const QString Channel = QStringLiteral("recup_outbox"); // PostgreSQL folds it to lower case
const QString ApplicationName = QStringLiteral("collectiv-recup-relay");

Error invalid(const QString &message)
{
    return Error{Error::Kind::Invalid, message, {}, {}};
}

std::optional<quint16> parsePort(const QString &text)
{
    bool ok = false;
    const uint port = text.trimmed().toUInt(&ok);
    if (!ok || port > 65535)
        return std::nullopt;
    return quint16(port);
}

// A path of the configuration file, relative to the file's own folder.
QString besideConfig(const QString &configFile, const QString &path)
{
    if (path.isEmpty())
        return path;
    return QDir(QFileInfo(configFile).absolutePath()).absoluteFilePath(path);
}

// Names the relay's sessions in pg_stat_activity, unless the administrator named them.
DatabaseConfig relayDatabase(const QString &conninfo)
{
    DatabaseConfig config = DatabaseConfig::fromConninfo(conninfo);
    if (config.isSqlite())
        return config;
    const auto pairs = parseConninfo(config.conninfo);
    if (!pairs)
        return config; // Database::open() says what is wrong with it
    const bool named = std::any_of(pairs->cbegin(), pairs->cend(), [](const auto &pair) {
        return pair.first == QLatin1String("application_name");
    });
    if (!named) {
        Conninfo withName = *pairs;
        withName.append({QStringLiteral("application_name"), ApplicationName});
        config.conninfo = formatConninfo(withName);
    }
    return config;
}

// The reason a server gave as it ended the session ("terminating connection due to
// administrator command"), said in the relay's own line instead of on a line of its own.
QString g_farewell;

void receiveNotice(void *, const PGresult *result)
{
    const char *severity = PQresultErrorField(result, PG_DIAG_SEVERITY_NONLOCALIZED);
    if (severity && (qstrcmp(severity, "FATAL") == 0 || qstrcmp(severity, "PANIC") == 0)) {
        g_farewell = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
        return;
    }
    QTextStream(stderr) << QString::fromUtf8(PQresultErrorMessage(result)).trimmed() << Qt::endl;
}

void receiveNoticesOf(QSqlDriver *driver)
{
    const QVariant handle = driver->handle();
    // Qt 6 names the handle's type after the struct; Qt 5 after the typedef.
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "pg_conn*") != 0
            && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return;
    if (PGconn *connection = *static_cast<PGconn *const *>(handle.constData()))
        PQsetNoticeReceiver(connection, receiveNotice, nullptr);
}

// Qt warns when the driver's notifier watches the socket of a session the server has closed;
// the relay says that itself, in one line.
QtMessageHandler g_defaultHandler = nullptr;

void filterMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg
        && message.startsWith(QLatin1String("QSocketNotifier: Invalid socket")))
        return;
    g_defaultHandler(type, context, message);
}

#ifdef Q_OS_UNIX
int g_stopPipe[2] = {-1, -1};

void requestStop(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_stopPipe[1], &byte, 1);
}
#endif

} // namespace

Result<RelaySettings> RelaySettings::resolve(const RelayOptions &options,
                                             const QString &passwordFromEnvironment)
{
    RelaySettings settings;
    MailSettings &mail = settings.mail;
    QString conninfo;
    QString passwordFile;
    std::optional<quint16> port; // a port given in so many words; otherwise the mode's own

    if (!options.configFile.isEmpty()) {
        const QString file = QDir::toNativeSeparators(options.configFile);
        const QFileInfo info(options.configFile);
        if (!info.isFile() || !info.isReadable())
            return invalid(tr("The configuration file %1 cannot be read.").arg(file));
        using Key = AppSettings::Key;
        const AppSettings config(options.configFile);
        mail = MailSettings::load(config);
        // MailSettings::load() falls back to defaults; the relay refuses what it cannot read.
        const QString transport = config.value(Key::MailTransport).toString();
        if (!MailSettings::transportFromKey(transport))
            return invalid(
                    tr("%1: mail/transport is \"%2\": use smtp or folder.").arg(file, transport));
        const QString security = config.value(Key::MailSmtpSecurity).toString();
        if (!MailSettings::securityFromKey(security))
            return invalid(tr("%1: mail/smtpSecurity is \"%2\": use none, starttls or tls.")
                                   .arg(file, security));
        const QString portText = config.value(Key::MailSmtpPort).toString();
        const auto filePort = parsePort(portText);
        if (!filePort)
            return invalid(tr("%1: mail/smtpPort is \"%2\", which is not a port number.")
                                   .arg(file, portText));
        if (*filePort != 0)
            port = *filePort;
        passwordFile = besideConfig(options.configFile,
                                    config.value(Key::MailSmtpPasswordFile).toString().trimmed());
        mail.smtp.caFile = besideConfig(options.configFile, mail.smtp.caFile);
        mail.pickupFolder = besideConfig(options.configFile, mail.pickupFolder);
        conninfo = config.databaseConninfo().trimmed();
    }

    // The command line wins over the file.
    if (options.pickupFolder) {
        mail.transport = MailSettings::Transport::PickupFolder;
        mail.pickupFolder = QFileInfo(*options.pickupFolder).absoluteFilePath();
    } else if (options.smtpHost) {
        mail.transport = MailSettings::Transport::Smtp;
        mail.smtp.host = options.smtpHost->trimmed();
    }
    if (options.smtpSecurity) {
        const auto security = MailSettings::securityFromKey(*options.smtpSecurity);
        if (!security)
            return invalid(tr("Unknown SMTP security \"%1\": use none, starttls or tls.")
                                   .arg(options.smtpSecurity->trimmed()));
        mail.smtp.security = *security;
    }
    if (options.smtpPort) {
        const auto given = parsePort(*options.smtpPort);
        if (!given || *given == 0)
            return invalid(tr("--smtp-port: \"%1\" is not a port number.").arg(*options.smtpPort));
        port = *given;
    }
    mail.smtp.port = port.value_or(SmtpSettings::defaultPort(mail.smtp.security));
    if (options.smtpUser)
        mail.smtp.user = options.smtpUser->trimmed();
    if (options.smtpPasswordFile)
        passwordFile = QFileInfo(*options.smtpPasswordFile).absoluteFilePath();
    if (options.database)
        conninfo = *options.database;
    if (options.retryInterval) {
        bool ok = false;
        const int seconds = options.retryInterval->toInt(&ok);
        if (!ok || seconds < 1 || seconds > 86'400)
            return invalid(tr("--retry-interval: give a number of seconds."));
        settings.retryMs = seconds * 1000;
    }
    settings.once = options.once;

    if (mail.transport == MailSettings::Transport::None) {
        if (options.configFile.isEmpty())
            return invalid(tr("relay needs --smtp-host or --pickup-folder."));
        return invalid(tr("%1 sends nothing (mail/transport is none): set mail/transport to smtp "
                          "or folder, or give --smtp-host or --pickup-folder.")
                               .arg(QDir::toNativeSeparators(options.configFile)));
    }
    // The sender and the moderators' address are the workstations' business, not the relay's:
    // it sends mails rendered already.
    if (const Status valid = mail.validate(); !valid) {
        for (const auto &[field, message] : valid.error().fields) {
            if (field == QLatin1String("smtpHost") || field == QLatin1String("smtpPort")
                || field == QLatin1String("pickupFolder"))
                return invalid(message);
        }
    }

    if (mail.transport == MailSettings::Transport::Smtp && !mail.smtp.user.isEmpty()) {
        if (!passwordFromEnvironment.isEmpty()) {
            mail.smtp.password = passwordFromEnvironment;
        } else if (!passwordFile.isEmpty()) {
            const QString shown = QDir::toNativeSeparators(passwordFile);
            QFile file(passwordFile);
#ifdef Q_OS_UNIX
            const QFileDevice::Permissions others
                    = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                      | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
            if (file.exists() && (file.permissions() & others))
                return invalid(tr("The SMTP password file %1 may be read or changed by other "
                                  "users: make it its owner's alone (chmod 600 %1).")
                                       .arg(shown));
#endif
            if (!file.open(QIODevice::ReadOnly))
                return invalid(tr("The SMTP password file %1 cannot be read.").arg(shown));
            // The first line, without its line break; spaces belong to the password.
            QByteArray line = file.readLine(4096);
            while (line.endsWith('\n') || line.endsWith('\r'))
                line.chop(1);
            if (line.isEmpty())
                return invalid(tr("The SMTP password file %1 is empty.").arg(shown));
            mail.smtp.password = QString::fromUtf8(line);
        }
    }
    settings.database = relayDatabase(conninfo);
    return settings;
}

Relay::Relay(Database &db, MailTransport *transport, QTextStream &out, QTextStream &err)
    : m_db(db)
    , m_transport(transport)
    , m_out(out)
    , m_err(err)
    , m_dispatcher(new OutboxDispatcher(db,
                                        transport,
                                        QStringLiteral("relay %1@%2")
                                                .arg(QCoreApplication::applicationPid())
                                                .arg(QSysInfo::machineHostName()),
                                        this))
{
    connect(m_dispatcher,
            &OutboxDispatcher::mailFailed,
            this,
            [this](qint64 id, const QString &messageId, const SendResult &result) {
                m_err << tr("Mail %1 %2 not sent: %3").arg(id).arg(messageId, result.message)
                      << Qt::endl;
            });
    connect(m_dispatcher,
            &OutboxDispatcher::mailRefused,
            this,
            [this](qint64 id, const QString &messageId, const QString &reason) {
                m_err << tr("Mail %1 %2 refused: %3").arg(id).arg(messageId, reason) << Qt::endl;
            });
}

Relay::~Relay() = default;

void Relay::printFailure(const QString &message, const QString &detail)
{
    m_err << QStringLiteral("collectiv-recup-admin: ") << message;
    if (!detail.isEmpty())
        m_err << QStringLiteral(" (") << detail.simplified() << u')';
    m_err << Qt::endl;
}

QString Relay::counts() const
{
    QString counts = tr("%1, %2", "mails sent, mails not sent")
                             .arg(tr("%n mail(s) sent", nullptr, m_dispatcher->sentCount()),
                                  tr("%n not sent", nullptr, m_dispatcher->failedCount()));
    if (m_dispatcher->refusedCount() > 0)
        counts = tr("%1, %2", "mails sent and not sent, mails refused")
                         .arg(counts, tr("%n refused", nullptr, m_dispatcher->refusedCount()));
    return counts;
}

void Relay::runExpiryRound()
{
    if (!m_expiryMail)
        return;
    const Result<QDateTime> now = m_db.serverNow();
    if (!now) {
        printFailure(now.error().message, now.error().detail);
        return;
    }
    const Result<ExpiryRound::Outcome> outcome = ExpiryRound(m_db, *m_expiryMail).run(*now);
    if (!outcome) {
        printFailure(outcome.error().message, outcome.error().detail);
        return;
    }
    if (outcome->reminded > 0 || outcome->expired > 0)
        m_out << tr("Expiry: %1, %2.", "reminders written, ads expired")
                         .arg(tr("%n reminder(s) written", nullptr, outcome->reminded),
                              tr("%n ad(s) expired", nullptr, outcome->expired))
              << Qt::endl;
    if (outcome->failed > 0)
        printFailure(tr("%n ad(s) could not go through the expiry round; the next round tries "
                        "again.",
                        nullptr,
                        outcome->failed)
                             + u' ' + outcome->firstError.message,
                     outcome->firstError.detail);
}

void Relay::runRetentionRound()
{
    if (m_retentionRefused)
        return;
    const Result<RetentionRound::Outcome> outcome = RetentionRound(m_db).run();
    if (!outcome) {
        if (outcome.error().kind == Error::Kind::Forbidden) {
            m_retentionRefused = true;
            printFailure(tr("The relay's database login is not an administrator's "
                            "(recup_admin): the retention round does not run, and contact "
                            "messages and mails are kept beyond the retention. Run the relay "
                            "with an administrator's login, or run collectiv-recup-admin "
                            "retention --run as an administrator."),
                         outcome.error().detail);
            return;
        }
        printFailure(outcome.error().message, outcome.error().detail);
        return;
    }
    if (outcome->messages > 0 || outcome->mails > 0)
        m_out << tr("Retention of %n month(s): %1, %2.", nullptr, outcome->months)
                         .arg(tr("%n contact message(s) anonymised", nullptr, outcome->messages),
                              tr("%n mail(s) anonymised", nullptr, outcome->mails))
              << Qt::endl;
}

int Relay::sendDueOnce()
{
    runExpiryRound();
    runRetentionRound();
    QEventLoop loop;
    bool failed = false;
    connect(m_dispatcher,
            &OutboxDispatcher::databaseFailed,
            &loop,
            [&](const QString &message, const QString &detail) {
                failed = true;
                printFailure(message, detail);
            });
    connect(m_dispatcher, &OutboxDispatcher::drained, &loop, &QEventLoop::quit);
    QTimer::singleShot(0, m_dispatcher, &OutboxDispatcher::sendNow);
    loop.exec();
    m_out << counts() << u'.' << Qt::endl;
    return failed ? 2 : 0;
}

Status Relay::listen()
{
    QSqlDriver *driver = m_db.connection().driver();
    if (!driver->hasFeature(QSqlDriver::EventNotifications))
        return {};
    receiveNoticesOf(driver);
    // A new session has a new driver: the old one went with the lost connection.
    connect(driver,
            &QSqlDriver::notification,
            m_dispatcher,
            &OutboxDispatcher::sendNow,
            Qt::UniqueConnection);
    if (!driver->subscribeToNotification(Channel)) {
        Error error = databaseError(driver->lastError());
        error.message = tr("The relay cannot listen for new mails on the database server.");
        return error;
    }
    return {};
}

int Relay::runUntilStopped(int retryMs)
{
    QEventLoop loop;
    if (const Status listening = listen(); !listening) {
        printFailure(listening.error().message, listening.error().detail);
        return 2;
    }

    ConnectionMonitor monitor(m_db);
    monitor.setPingInterval(PingIntervalMs);
    monitor.setBackoff(1'000, 30'000);
    connect(m_dispatcher,
            &OutboxDispatcher::databaseFailed,
            &loop,
            [&](const QString &message, const QString &detail) {
                if (!monitor.isConnected())
                    return; // said once already
                // A failed statement is often the first sign of a lost session.
                monitor.checkNow();
                if (monitor.isConnected())
                    printFailure(message, detail);
            });
    connect(&monitor, &ConnectionMonitor::lost, &loop, [&](const QString &message) {
        m_dispatcher->setRetryInterval(0);
        QString why = message;
        if (!g_farewell.isEmpty()) {
            if (why.endsWith(u'.'))
                why.chop(1);
            why += QStringLiteral(" (") + std::exchange(g_farewell, QString())
                   + QStringLiteral(").");
        }
        m_err << QStringLiteral("collectiv-recup-admin: ")
              << tr("%1 The relay keeps running: it reconnects as soon as the server answers, "
                    "then sends what is due.")
                         .arg(why)
              << Qt::endl;
    });
    connect(&monitor, &ConnectionMonitor::restored, &loop, [&] {
        if (Status listening = listen(); !listening) {
            Error error = listening.error();
            error.kind = Error::Kind::Connection;
            monitor.reportError(error);
            return;
        }
        m_out << tr("The database session is back: the relay sends what is due.") << Qt::endl;
        m_dispatcher->setRetryInterval(retryMs);
        m_dispatcher->sendNow();
    });
    // The driver reads the LISTEN session's socket: a session the server ends is seen here
    // within a second, with no round trip. Silent networks are left to the ping and keepalives.
    QTimer watch;
    watch.setInterval(WatchIntervalMs);
    connect(&watch, &QTimer::timeout, &loop, [&] {
        if (monitor.isConnected() && !m_db.isOpen())
            monitor.reportError(
                    Error{Error::Kind::Connection,
                          Database::tr("The connection to the database server was lost."),
                          {},
                          {}});
    });
    m_dispatcher->setRetryInterval(retryMs);
    QTimer expiry;
    expiry.setInterval(ExpiryIntervalMs);
    connect(&expiry, &QTimer::timeout, &loop, [&] {
        if (!monitor.isConnected())
            return; // the next round, once the session is back
        runExpiryRound();
        runRetentionRound();
        m_dispatcher->sendNow();
    });

#ifdef Q_OS_UNIX
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_stopPipe) != 0) {
        printFailure(tr("The relay cannot watch for signals."), {});
        return 2;
    }
    QSocketNotifier stopNotifier(g_stopPipe[0], QSocketNotifier::Read);
    // Mails in flight are answered first; a server that never answers is not waited for.
    connect(&stopNotifier, &QSocketNotifier::activated, &loop, [&] {
        stopNotifier.setEnabled(false);
        watch.stop();
        expiry.stop();
        m_dispatcher->stop();
        QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    });
    connect(m_dispatcher, &OutboxDispatcher::stopped, &loop, &QEventLoop::quit);
    struct sigaction action = {};
    action.sa_handler = requestStop;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
#endif

    g_defaultHandler = qInstallMessageHandler(filterMessages);
    m_out << tr("Relay started: sending the outbox.") << Qt::endl;
    monitor.start();
    watch.start();
    expiry.start();
    runExpiryRound();
    runRetentionRound();
    QTimer::singleShot(0, m_dispatcher, &OutboxDispatcher::sendNow);
    loop.exec();
    qInstallMessageHandler(g_defaultHandler);
#ifdef Q_OS_UNIX
    signal(SIGTERM, SIG_DFL);
    signal(SIGINT, SIG_DFL);
    ::close(g_stopPipe[0]);
    ::close(g_stopPipe[1]);
#endif
    // Mails still in flight, if any, keep their lease and are sent again once it expires.
    m_out << tr("Relay stopped: %1.").arg(counts()) << Qt::endl;
    if (const int kept = m_dispatcher->unrecordedCount(); kept > 0)
        printFailure(tr("%n mail(s) went out while the database was away and could not be "
                        "marked as sent: they will go out again once their lease runs out.",
                        nullptr,
                        kept),
                     {});
    return 0;
}

} // namespace Recup
