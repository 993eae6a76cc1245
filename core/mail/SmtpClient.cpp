// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/SmtpClient.h"

#include "mail/MailMessage.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QSysInfo>
#include <QTimer>

namespace Recup {

namespace {

Q_LOGGING_CATEGORY(lcSmtp, "recup.mail.smtp", QtInfoMsg)

SendResult::Stage stageOf(int step)
{
    // Mirrors SmtpClient::Step, kept private to the class.
    static constexpr SendResult::Stage stages[] = {
            SendResult::Stage::Connection,     // Idle
            SendResult::Stage::Connection,     // Connecting
            SendResult::Stage::Greeting,       // Greeting
            SendResult::Stage::Hello,          // Ehlo
            SendResult::Stage::Hello,          // Helo
            SendResult::Stage::Tls,            // StartTls
            SendResult::Stage::Tls,            // TlsHandshake
            SendResult::Stage::Authentication, // AuthPlain
            SendResult::Stage::Authentication, // AuthLogin
            SendResult::Stage::Authentication, // AuthLoginUser
            SendResult::Stage::Authentication, // AuthLoginPassword
            SendResult::Stage::Sender,         // MailFrom
            SendResult::Stage::Recipient,      // RcptTo
            SendResult::Stage::Data,           // Data
            SendResult::Stage::Data,           // Body
            SendResult::Stage::Connection,     // Rset
            SendResult::Stage::Done,           // Quit
    };
    return stages[step];
}

SendResult::Status statusOf(int code)
{
    return code >= 500 && code < 600 ? SendResult::Status::PermanentFailure
                                     : SendResult::Status::TemporaryFailure;
}

SendResult result(SendResult::Status status,
                  SendResult::Stage stage,
                  const QString &serverReply,
                  const QString &message)
{
    SendResult r;
    r.status = status;
    r.stage = stage;
    r.serverReply = serverReply;
    r.message = message;
    return r;
}

bool isHeloName(const QString &name)
{
    static const QRegularExpression domain(
            QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*"
                           "[A-Za-z0-9])?)*$"));
    static const QRegularExpression literal(
            QStringLiteral("^\\[(IPv6:[0-9A-Fa-f:.]+|[0-9.]+)\\]$"));
    return name.size() <= 255 && (domain.match(name).hasMatch() || literal.match(name).hasMatch());
}

} // namespace

quint16 SmtpSettings::defaultPort(Security security)
{
    switch (security) {
    case Security::None:
        return 25;
    case Security::StartTls:
        return 587;
    case Security::Tls:
        return 465;
    }
    return 25;
}

SmtpClient::SmtpClient(const SmtpSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_timer(new QTimer(this))
{
    if (m_settings.timeoutMs <= 0)
        m_settings.timeoutMs = SmtpSettings().timeoutMs;
    m_timer->setSingleShot(true);
    m_timer->setInterval(m_settings.timeoutMs);
    connect(m_timer, &QTimer::timeout, this, &SmtpClient::onTimeout);
}

SmtpClient::~SmtpClient()
{
    // Queued messages are dropped silently: no signal may leave a half-destroyed object.
    closeSocket();
}

quint64 SmtpClient::send(const QByteArray &rfc5322,
                         const QString &envelopeFrom,
                         const QStringList &recipients)
{
    const quint64 ticket = m_nextTicket++;
    m_queue.enqueue({ticket, rfc5322, envelopeFrom, recipients});
    if (m_step == Step::Idle)
        scheduleStart();
    return ticket;
}

bool SmtpClient::isBusy() const
{
    return m_step != Step::Idle || !m_queue.isEmpty() || m_current.has_value();
}

QByteArray SmtpClient::dataBlock(const QByteArray &rfc5322)
{
    QByteArray out;
    out.reserve(rfc5322.size() + rfc5322.size() / 64 + 8);
    bool lineStart = true;
    for (qsizetype i = 0; i < rfc5322.size(); ++i) {
        const char c = rfc5322[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < rfc5322.size() && rfc5322[i + 1] == '\n')
                ++i;
            out += "\r\n";
            lineStart = true;
            continue;
        }
        if (lineStart && c == '.')
            out += '.'; // RFC 5321 4.5.2: the server removes it again
        out += c;
        lineStart = false;
    }
    if (!out.isEmpty() && !out.endsWith("\r\n"))
        out += "\r\n";
    out += ".\r\n";
    return out;
}

void SmtpClient::scheduleStart()
{
    if (m_startScheduled)
        return;
    m_startScheduled = true;
    // Later, not now: messages given in the same turn share the connection, and finished()
    // never fires from inside send().
    QMetaObject::invokeMethod(
            this,
            [this] {
                m_startScheduled = false;
                startSession();
            },
            Qt::QueuedConnection);
}

void SmtpClient::startSession()
{
    if (m_step != Step::Idle || m_queue.isEmpty())
        return;
    const bool tls = m_settings.security != SmtpSettings::Security::None;
    if (m_settings.host.isEmpty()) {
        failSession(result(SendResult::Status::PermanentFailure,
                           SendResult::Stage::Connection,
                           {},
                           tr("No mail server is set in the settings.")));
        return;
    }
    if (tls && !QSslSocket::supportsSsl()) {
        failSession(result(SendResult::Status::PermanentFailure,
                           SendResult::Stage::Tls,
                           {},
                           tr("TLS is not available on this computer, so the mail server %1 "
                              "cannot be reached securely.")
                                   .arg(serverName())));
        return;
    }

    auto *socket = new QSslSocket(this);
    QSslConfiguration config = socket->sslConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!m_settings.caFile.isEmpty()) {
        QList<QSslCertificate> certificates
                = QSslCertificate::fromPath(m_settings.caFile, QSsl::Pem);
        if (certificates.isEmpty())
            certificates = QSslCertificate::fromPath(m_settings.caFile, QSsl::Der);
        if (certificates.isEmpty()) {
            delete socket;
            failSession(result(
                    SendResult::Status::PermanentFailure,
                    SendResult::Stage::Tls,
                    {},
                    tr("Cannot read a CA certificate from the file %1.").arg(m_settings.caFile)));
            return;
        }
        config.addCaCertificates(certificates);
    }
    socket->setSslConfiguration(config);
    m_socket = socket;

    connect(socket, &QSslSocket::connected, this, &SmtpClient::onConnected);
    connect(socket, &QSslSocket::encrypted, this, &SmtpClient::onEncrypted);
    connect(socket, &QSslSocket::readyRead, this, &SmtpClient::onReadyRead);
    connect(socket, &QSslSocket::errorOccurred, this, &SmtpClient::onSocketError);
    connect(socket, &QSslSocket::sslErrors, this, &SmtpClient::onSslErrors);
    connect(socket, &QSslSocket::disconnected, this, &SmtpClient::onDisconnected);
    connect(socket, &QSslSocket::bytesWritten, this, [this] { restartTimer(); });

    m_step = Step::Connecting;
    restartTimer();
    qCDebug(lcSmtp) << "connecting to" << serverName();
    if (m_settings.security == SmtpSettings::Security::Tls)
        socket->connectToHostEncrypted(m_settings.host, m_settings.port);
    else
        socket->connectToHost(m_settings.host, m_settings.port);
}

void SmtpClient::onConnected()
{
    restartTimer();
    // With implicit TLS the greeting comes once the handshake is over (onEncrypted).
    if (m_settings.security != SmtpSettings::Security::Tls)
        m_step = Step::Greeting;
}

void SmtpClient::onEncrypted()
{
    restartTimer();
    if (m_step == Step::Connecting) {
        m_step = Step::Greeting;
    } else if (m_step == Step::TlsHandshake) {
        // RFC 3207: forget what the server said in plain text and ask again.
        m_capabilities.clear();
        m_authMechanisms.clear();
        sendEhlo();
    }
}

void SmtpClient::onReadyRead()
{
    if (!m_socket)
        return;
    m_replies.feed(m_socket->readAll());
    restartTimer();
    SmtpReplyReader::Reply reply;
    while (m_socket && m_replies.next(&reply)) {
        qCDebug(lcSmtp) << "S:" << reply.lines.join(QLatin1String(" | "));
        handleReply(reply.code, reply.lines);
        if (m_step == Step::TlsHandshake)
            return; // anything left was sent in plain text before the handshake: dropped
    }
    if (m_socket && m_replies.state() != SmtpReplyReader::State::Reading) {
        failSession(result(SendResult::Status::TemporaryFailure,
                           stageOf(int(m_step)),
                           QString::fromUtf8(m_replies.badLine()),
                           tr("The mail server %1 sent a reply this application does not "
                              "understand.")
                                   .arg(serverName())));
    }
}

void SmtpClient::handleReply(int code, const QStringList &lines)
{
    const QString reply = lines.join(u'\n');
    const auto refuseSession = [&](const QString &message) {
        failSession(result(statusOf(code), stageOf(int(m_step)), reply, message));
    };

    switch (m_step) {
    case Step::Greeting:
        if (code == 220)
            sendEhlo();
        else
            refuseSession(tr("The mail server %1 refused the connection.").arg(serverName()));
        return;
    case Step::Ehlo:
        if (code == 250) {
            parseCapabilities(lines);
            afterHello();
        } else if (code >= 500 && code < 600) {
            // An old server without ESMTP: say HELO instead, and expect no extension.
            sendCommand("HELO " + heloName().toLatin1(), Step::Helo);
        } else {
            refuseSession(tr("The mail server %1 refused the greeting.").arg(serverName()));
        }
        return;
    case Step::Helo:
        if (code == 250) {
            m_capabilities.clear();
            m_authMechanisms.clear();
            afterHello();
        } else {
            refuseSession(tr("The mail server %1 refused the greeting.").arg(serverName()));
        }
        return;
    case Step::StartTls:
        if (code == 220) {
            m_step = Step::TlsHandshake;
            m_replies.clear();
            restartTimer();
            m_socket->startClientEncryption();
        } else {
            refuseSession(tr("The mail server %1 refused to start TLS.").arg(serverName()));
        }
        return;
    case Step::AuthPlain:
    case Step::AuthLoginPassword:
        if (code == 235) {
            m_authenticated = true;
            startNextMessage();
        } else {
            refuseSession(tr("The mail server %1 refused the login of %2.")
                                  .arg(serverName(), m_settings.user));
        }
        return;
    case Step::AuthLogin:
        if (code == 334)
            sendCommand(m_settings.user.toUtf8().toBase64(), Step::AuthLoginUser, "<user>");
        else
            refuseSession(tr("The mail server %1 refused the login of %2.")
                                  .arg(serverName(), m_settings.user));
        return;
    case Step::AuthLoginUser:
        if (code == 334)
            sendCommand(
                    m_settings.password.toUtf8().toBase64(), Step::AuthLoginPassword, "<password>");
        else
            refuseSession(tr("The mail server %1 refused the login of %2.")
                                  .arg(serverName(), m_settings.user));
        return;
    case Step::MailFrom:
        if (code == 250) {
            m_recipientIndex = 0;
            sendNextRecipient();
        } else {
            failMessage(code,
                        reply,
                        tr("The mail server refused the sender %1.").arg(m_current->envelopeFrom),
                        true);
        }
        return;
    case Step::RcptTo:
        if (code == 250 || code == 251) {
            ++m_recipientIndex;
            sendNextRecipient();
        } else {
            failMessage(code,
                        reply,
                        tr("The mail server refused the recipient %1.")
                                .arg(m_current->recipients.value(m_recipientIndex)),
                        true);
        }
        return;
    case Step::Data:
        if (code == 354) {
            m_step = Step::Body;
            m_socket->write(dataBlock(m_current->data));
            restartTimer();
        } else {
            failMessage(code, reply, tr("The mail server refused the message."), true);
        }
        return;
    case Step::Body:
        if (code == 250) {
            finishCurrent(
                    result(SendResult::Status::Sent,
                           SendResult::Stage::Done,
                           reply,
                           tr("The message was handed to the mail server %1.").arg(serverName())));
            startNextMessage();
        } else {
            // The transaction is over after the final dot: no RSET needed.
            failMessage(code, reply, tr("The mail server refused the message."), false);
        }
        return;
    case Step::Rset:
        if (code == 250)
            startNextMessage();
        else
            refuseSession(tr("The mail server %1 refused to reset the session.").arg(serverName()));
        return;
    case Step::Quit:
        endAfterQuit();
        return;
    case Step::Idle:
    case Step::Connecting:
    case Step::TlsHandshake:
        refuseSession(tr("The mail server %1 spoke out of turn.").arg(serverName()));
        return;
    }
}

void SmtpClient::sendCommand(const QByteArray &command, Step next, const QByteArray &shownAs)
{
    m_step = next;
    qCDebug(lcSmtp) << "C:" << (shownAs.isEmpty() ? command : shownAs);
    m_socket->write(command + "\r\n");
    restartTimer();
}

void SmtpClient::sendEhlo()
{
    sendCommand("EHLO " + heloName().toLatin1(), Step::Ehlo);
}

void SmtpClient::parseCapabilities(const QStringList &lines)
{
    m_capabilities.clear();
    m_authMechanisms.clear();
    // The first line is the server's name; each following one is "250-KEYWORD params".
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList words = lines[i].mid(4).toUpper().split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        QString keyword = words.first();
        QStringList params = words.mid(1);
        if (keyword.startsWith(QLatin1String("AUTH="))) { // pre-RFC 4954 servers
            params.prepend(keyword.mid(5));
            keyword = QStringLiteral("AUTH");
        }
        m_capabilities.insert(keyword);
        if (keyword == QLatin1String("AUTH")) {
            for (const QString &mechanism : std::as_const(params)) {
                if (!m_authMechanisms.contains(mechanism))
                    m_authMechanisms.append(mechanism);
            }
        }
    }
}

void SmtpClient::afterHello()
{
    if (m_settings.security == SmtpSettings::Security::StartTls && !m_socket->isEncrypted()) {
        if (m_capabilities.contains(QStringLiteral("STARTTLS"))) {
            sendCommand("STARTTLS", Step::StartTls);
        } else {
            failSession(result(SendResult::Status::PermanentFailure,
                               SendResult::Stage::Tls,
                               {},
                               tr("The mail server %1 does not offer STARTTLS, which the settings "
                                  "require.")
                                       .arg(serverName())));
        }
        return;
    }
    if (!m_settings.user.isEmpty() && !m_authenticated) {
        if (m_authMechanisms.contains(QStringLiteral("PLAIN"))) {
            const QByteArray credentials
                    = '\0' + m_settings.user.toUtf8() + '\0' + m_settings.password.toUtf8();
            sendCommand("AUTH PLAIN " + credentials.toBase64(),
                        Step::AuthPlain,
                        "AUTH PLAIN <credentials>");
        } else if (m_authMechanisms.contains(QStringLiteral("LOGIN"))) {
            sendCommand("AUTH LOGIN", Step::AuthLogin);
        } else if (m_authMechanisms.isEmpty()) {
            failSession(result(SendResult::Status::PermanentFailure,
                               SendResult::Stage::Authentication,
                               {},
                               tr("The mail server %1 does not accept logins, but a user name "
                                  "is set in the settings.")
                                       .arg(serverName())));
        } else {
            failSession(
                    result(SendResult::Status::PermanentFailure,
                           SendResult::Stage::Authentication,
                           {},
                           tr("The mail server %1 offers no login method this application "
                              "knows (it offers %2).")
                                   .arg(serverName(), m_authMechanisms.join(QLatin1String(", ")))));
        }
        return;
    }
    startNextMessage();
}

void SmtpClient::startNextMessage()
{
    while (!m_queue.isEmpty()) {
        m_current = m_queue.dequeue();
        // The envelope goes on the wire as it is: validate it like a header address.
        QStringList recipients;
        std::optional<Error> error;
        const Result<QString> from
                = MailAddress::validate(m_current->envelopeFrom, QStringLiteral("from"));
        if (!from)
            error = from.error();
        for (const QString &recipient : std::as_const(m_current->recipients)) {
            if (error)
                break;
            const Result<QString> valid = MailAddress::validate(recipient, QStringLiteral("to"));
            if (!valid)
                error = valid.error();
            else if (!recipients.contains(*valid, Qt::CaseInsensitive))
                recipients.append(*valid);
        }
        if (!error && recipients.isEmpty()) {
            error = Error{};
            error->message = tr("The message has no recipient.");
        }
        if (error) {
            finishCurrent(result(SendResult::Status::PermanentFailure,
                                 SendResult::Stage::Composition,
                                 {},
                                 error->message));
            if (m_step == Step::Idle)
                return; // a slot tore the session down
            continue;
        }
        m_current->envelopeFrom = *from;
        m_current->recipients = recipients;
        const bool eightBit = std::any_of(m_current->data.cbegin(),
                                          m_current->data.cend(),
                                          [](char c) { return uchar(c) > 127; });
        QByteArray command = "MAIL FROM:<" + from->toLatin1() + '>';
        if (eightBit && m_capabilities.contains(QStringLiteral("8BITMIME")))
            command += " BODY=8BITMIME";
        sendCommand(command, Step::MailFrom);
        return;
    }
    sendQuit();
}

void SmtpClient::sendNextRecipient()
{
    if (m_recipientIndex < m_current->recipients.size())
        sendCommand("RCPT TO:<" + m_current->recipients[m_recipientIndex].toLatin1() + '>',
                    Step::RcptTo);
    else
        sendCommand("DATA", Step::Data);
}

void SmtpClient::sendQuit()
{
    sendCommand("QUIT", Step::Quit);
}

void SmtpClient::endAfterQuit()
{
    closeSocket();
    m_step = Step::Idle;
    if (!m_queue.isEmpty())
        scheduleStart(); // given while QUIT was on its way
    else
        emit idle();
}

void SmtpClient::failMessage(int code, const QString &reply, const QString &message, bool reset)
{
    const SendResult::Stage stage = stageOf(int(m_step));
    if (code == 421) { // the server is closing the connection: nothing else will go through
        failSession(result(SendResult::Status::TemporaryFailure, stage, reply, message));
        return;
    }
    finishCurrent(result(statusOf(code), stage, reply, message));
    if (reset)
        sendCommand("RSET", Step::Rset);
    else
        startNextMessage();
}

void SmtpClient::failSession(SendResult failure)
{
    const bool quitting = m_step == Step::Quit;
    closeSocket();
    m_step = Step::Idle;
    if (quitting && !m_current) {
        // Everything was already answered; the goodbye went wrong, which harms nobody.
        if (!m_queue.isEmpty())
            scheduleStart();
        else
            emit idle();
        return;
    }
    qCInfo(lcSmtp) << "session failed:" << failure.message << failure.serverReply;
    QList<Outgoing> failed;
    if (m_current)
        failed.append(*std::exchange(m_current, std::nullopt));
    while (!m_queue.isEmpty())
        failed.append(m_queue.dequeue());
    for (const Outgoing &outgoing : std::as_const(failed))
        emit finished(outgoing.ticket, failure);
    if (m_step != Step::Idle)
        return; // a slot already started something new
    if (!m_queue.isEmpty())
        scheduleStart(); // given by a slot while the failures were reported
    else
        emit idle();
}

void SmtpClient::finishCurrent(const SendResult &outcome)
{
    if (!m_current)
        return;
    const quint64 ticket = m_current->ticket;
    m_current.reset();
    emit finished(ticket, outcome);
}

void SmtpClient::onSocketError()
{
    if (!m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    const QString text = m_socket->errorString();
    if (m_step == Step::Quit || m_step == Step::Idle) {
        endAfterQuit();
        return;
    }
    if (error == QAbstractSocket::SslHandshakeFailedError) {
        const QString message
                = m_sslErrors.isEmpty()
                          ? tr("The secure connection to the mail server %1 failed: %2")
                                    .arg(serverName(), text)
                          : tr("The certificate of the mail server %1 is not trusted (%2). Give "
                               "the "
                               "certificate of its authority in the settings.")
                                    .arg(serverName(), m_sslErrors.join(QLatin1String("; ")));
        failSession(
                result(SendResult::Status::PermanentFailure, SendResult::Stage::Tls, {}, message));
        return;
    }
    if (m_step == Step::Connecting) {
        failSession(result(SendResult::Status::TemporaryFailure,
                           SendResult::Stage::Connection,
                           {},
                           tr("Cannot connect to the mail server %1: %2").arg(serverName(), text)));
        return;
    }
    if (m_step == Step::Data || m_step == Step::Body) {
        failSession(result(SendResult::Status::TemporaryFailure,
                           SendResult::Stage::Data,
                           {},
                           tr("The connection to the mail server %1 was lost while a message "
                              "was being sent, before the server confirmed it: %2")
                                   .arg(serverName(), text)));
        return;
    }
    failSession(result(
            SendResult::Status::TemporaryFailure,
            stageOf(int(m_step)),
            {},
            tr("The connection to the mail server %1 was lost: %2").arg(serverName(), text)));
}

void SmtpClient::onSslErrors(const QList<QSslError> &errors)
{
    if (m_settings.ignoreCertificateErrors) {
        qCWarning(lcSmtp) << "ignoring certificate errors of" << serverName() << errors;
        m_socket->ignoreSslErrors();
        return;
    }
    // The handshake then fails and onSocketError() reports these.
    for (const QSslError &error : errors)
        m_sslErrors.append(error.errorString());
}

void SmtpClient::onDisconnected()
{
    if (m_step == Step::Quit || m_step == Step::Idle) {
        endAfterQuit();
        return;
    }
    const bool sending = m_step == Step::Data || m_step == Step::Body;
    failSession(
            result(SendResult::Status::TemporaryFailure,
                   stageOf(int(m_step)),
                   {},
                   sending ? tr("The mail server %1 closed the connection while a message "
                                "was being sent, before it confirmed it.")
                                     .arg(serverName())
                           : tr("The mail server %1 closed the connection.").arg(serverName())));
}

void SmtpClient::onTimeout()
{
    if (m_step == Step::Idle)
        return;
    if (m_step == Step::Quit) {
        endAfterQuit();
        return;
    }
    failSession(result(SendResult::Status::TemporaryFailure,
                       stageOf(int(m_step)),
                       {},
                       tr("The mail server %1 did not answer within %2 seconds.")
                               .arg(serverName())
                               .arg(m_settings.timeoutMs / 1000.0, 0, 'g', 3)));
}

void SmtpClient::closeSocket()
{
    m_timer->stop();
    m_replies.clear();
    m_capabilities.clear();
    m_authMechanisms.clear();
    m_sslErrors.clear();
    m_authenticated = false;
    if (QSslSocket *socket = m_socket) {
        m_socket = nullptr;
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        socket->deleteLater();
    }
}

void SmtpClient::restartTimer()
{
    if (m_step != Step::Idle)
        m_timer->start();
}

QString SmtpClient::heloName() const
{
    if (isHeloName(m_settings.heloName))
        return m_settings.heloName;
    const QString host = QSysInfo::machineHostName();
    if (host.contains(u'.') && isHeloName(host))
        return host;
    // RFC 5321 4.1.4: an address literal when the host has no usable name.
    const QHostAddress local = m_socket ? m_socket->localAddress() : QHostAddress();
    bool isIpv4 = false;
    const quint32 ipv4 = local.toIPv4Address(&isIpv4);
    if (isIpv4)
        return u'[' + QHostAddress(ipv4).toString() + u']';
    if (!local.isNull())
        return QStringLiteral("[IPv6:") + local.toString() + u']';
    return isHeloName(host) ? host : QStringLiteral("localhost");
}

QString SmtpClient::serverName() const
{
    return m_settings.host + u':' + QString::number(m_settings.port);
}

} // namespace Recup
