// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/SmtpReplyReader.h"

#include "mail/SendResult.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSet>
#include <QSslError>
#include <QString>
#include <QStringList>

#include <optional>

class QSslSocket;
class QTimer;

namespace Recup {

struct SmtpSettings
{
    enum class Security {
        None,     // plain text, port 25 or 587 inside a trusted network
        StartTls, // plain connection upgraded by STARTTLS (port 587); refuses to go on without it
        Tls       // implicit TLS from the first byte (port 465)
    };

    QString host;
    quint16 port = 587;
    Security security = Security::StartTls;
    QString user; // empty: no AUTH
    QString password;
    QString caFile; // PEM or DER certificates trusted on top of the system ones (private CA)
    bool ignoreCertificateErrors = false; // the administrator's choice, never a default
    int timeoutMs = 30'000;               // for every step: connect, each reply, TLS handshake
    QString heloName;                     // empty: this host's name, or its address literal

    static quint16 defaultPort(Security security);
};

// An asynchronous SMTP client (RFC 5321) over QSslSocket: it never blocks the thread it lives
// in. Messages handed to send() while a session runs go out on the same connection, one after
// the other, and each gets its own finished() in the order they were given; the client says
// QUIT once its queue is empty, and connects again for messages given afterwards.
//
// Failures: 4xx replies, network errors and timeouts are temporary; 5xx replies, a refused
// login, an untrusted certificate and a server without STARTTLS (when required) are
// permanent. A message with one refused recipient is not sent to the others either (RSET):
// sending it again later would otherwise reach some people twice.
class SmtpClient : public QObject
{
    Q_OBJECT
public:
    explicit SmtpClient(const SmtpSettings &settings, QObject *parent = nullptr);
    ~SmtpClient() override;

    const SmtpSettings &settings() const { return m_settings; }

    // Queues one message (RFC 5322 bytes, CRLF or LF line endings, not dot-stuffed). Returns
    // the ticket that finished() will carry. finished() is never emitted from inside send().
    quint64
    send(const QByteArray &rfc5322, const QString &envelopeFrom, const QStringList &recipients);

    bool isBusy() const;

    // The DATA block as it goes on the wire: CRLF line endings, leading dots doubled, ending
    // with CRLF "." CRLF.
    static QByteArray dataBlock(const QByteArray &rfc5322);

signals:
    // Do not delete the client from a slot connected here; use deleteLater().
    void finished(quint64 ticket, const Recup::SendResult &result);
    // The queue is empty and the connection closed.
    void idle();

private:
    enum class Step {
        Idle,
        Connecting,
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        TlsHandshake,
        AuthPlain,
        AuthLogin,
        AuthLoginUser,
        AuthLoginPassword,
        MailFrom,
        RcptTo,
        Data,
        Body,
        Rset,
        Quit
    };
    struct Outgoing
    {
        quint64 ticket = 0;
        QByteArray data;
        QString envelopeFrom;
        QStringList recipients;
    };

    void scheduleStart();
    void startSession();
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSocketError();
    void onSslErrors(const QList<QSslError> &errors);
    void onDisconnected();
    void onTimeout();

    void handleReply(int code, const QStringList &lines);
    void sendCommand(const QByteArray &command, Step next, const QByteArray &shownAs = {});
    void sendEhlo();
    void afterHello();
    void parseCapabilities(const QStringList &lines);
    void startNextMessage();
    void sendNextRecipient();
    void sendQuit();
    void endAfterQuit();

    // The current message failed on its own: report it, then go on with the next one (after
    // RSET when the transaction is still open).
    void failMessage(int code, const QString &reply, const QString &message, bool reset);
    // Nothing more can go through this connection: every waiting message gets `result`.
    void failSession(SendResult result);
    void finishCurrent(const SendResult &result);
    void closeSocket();
    void restartTimer();
    QString heloName() const;
    QString serverName() const;

    SmtpSettings m_settings;
    QPointer<QSslSocket> m_socket;
    QTimer *m_timer = nullptr;
    Step m_step = Step::Idle;
    SmtpReplyReader m_replies;
    QSet<QString> m_capabilities; // EHLO keywords, upper case
    QStringList m_authMechanisms;
    bool m_authenticated = false;
    QQueue<Outgoing> m_queue;
    std::optional<Outgoing> m_current;
    qsizetype m_recipientIndex = 0;
    quint64 m_nextTicket = 1;
    bool m_startScheduled = false;
    QStringList m_sslErrors; // certificate problems seen during the handshake
};

} // namespace Recup
