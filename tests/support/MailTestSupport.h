// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/OutboxMail.h"
#include "mail/MailMessage.h"
#include "mail/MailSettings.h"

#include <QByteArray>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace Recup {
class Database;
}

namespace Recup::Testing {

struct World;

// Debian's Python, the one with aiosmtpd (RECUP_TEST_PYTHON overrides it).
QString python();
// tests/fixtures/NAME in the source tree.
QString fixture(const QString &name);
// A TCP port nobody listens on right now (bound to port 0, then closed).
quint16 freePort();
// A plain SMTP server on 127.0.0.1:`port` (no TLS, no login), 10 s per step.
SmtpSettings plainSmtp(quint16 port);

// A throwaway self-signed certificate for CN=localhost (and IP 127.0.0.1) in `dir`.
bool makeCertificate(const QString &dir, QString *certFile, QString *keyFile, QString *error);

// The message as Python's email package reads it (tests/fixtures/parse_mail.py): an empty
// object and *error filled when the parser fails.
QJsonObject parseMail(const QByteArray &rfc5322, QString *error);
QJsonObject parseMailFile(const QString &path, QString *error);
// Helpers on parseMail's output.
QStringList headerNames(const QJsonObject &parsed);
QString headerValue(const QJsonObject &parsed, const QString &name);     // first one, decoded
QString textPart(const QJsonObject &parsed, const QString &contentType); // LF line endings
// Empty when the raw Subject header of `rfc5322` is `expected` written as RFC 2047 wants it:
// 7-bit, folded lines of at most 78 characters, the text in whole "=?UTF-8?B|Q?...?=" words
// (no UTF-8 sequence split between two) that decode, joined, to `expected`; otherwise what is
// wrong. Python's reading of the same header is parseMail's.
QString rfc2047SubjectProblem(const QByteArray &rfc5322, const QString &expected);

// A message in French, as the Contact button will write it: accents in the subject and the
// names, two moderators in copy, a reply-to, a body with the lines that trip mail software
// up (a long line, a line that is a lone dot, lines starting with "." and "From "), and an
// HTML alternative.
MailMessage frenchContactMessage();
// A short stamped contact mail from Marie Dupont to `to`, the moderators in copy.
MailMessage shortContactMail(const QString &to);
// `message` written to the outbox by `writer` as the genuine mail of an action of `author`, as
// the database demands of every row (migration 007). `admin` (the tests' own session) makes
// the world fit: on PostgreSQL the platform's sender becomes the message's From; for
// "ad-submitted", `author` sends a new ad to moderation and every recipient is made a
// moderator; for "contact" (`author` asks) and "expiry-reminder" (author 0), the first
// recipient posts a published ad (an agent with that address, created when missing) and the
// others are made moderators.
Result<OutboxMail> queueActionMail(Database &admin,
                                   Database &writer,
                                   const World &world,
                                   qint64 author,
                                   const QString &kind,
                                   const MailMessage &message);
// The world's owner sends an ad to moderation; `db` is the tests' administrator session.
Result<OutboxMail> queueActionMail(Database &db, const World &world, const MailMessage &message);
// A mail the server refused for good, as « Courriels non envoyés » lists it: queued as above
// by the administrators' session `db`, claimed, then marked failed (Permanent). Its id; 0 on
// failure.
qint64 permanentlyFailedMail(Database &db, const World &world, const QString &subject);
// PostgreSQL: the database's mail policy as these settings say (who mails come from, the
// moderators' address), since the database, not the workstation, decides there.
bool usePlatformSettings(Database &admin, const MailSettings &settings);
// `n` short contact mails to pmartin@agglo.test written to the outbox as above; their
// Message-IDs (fewer, with a warning, when writing fails).
QStringList enqueueContactMails(Database &db, const World &world, int n);

// A real SMTP server for one test: tests/fixtures/smtp_server.py (aiosmtpd) or aiosmtpd's
// own command line, on a free port of 127.0.0.1, stopped by the destructor.
class SmtpTestServer
{
public:
    struct Received
    {
        QString file;
        QByteArray raw; // as the server stored it
        QString mailFrom;
        QStringList rcptTos;
    };

    explicit SmtpTestServer(const QString &workDir);
    ~SmtpTestServer();
    SmtpTestServer(const SmtpTestServer &) = delete;
    SmtpTestServer &operator=(const SmtpTestServer &) = delete;

    // The fixture with its flags (see smtp_server.py); waits for its "READY".
    bool start(const QStringList &flags = {}, QString *error = nullptr);
    // `python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c aiosmtpd.handlers.Mailbox MAILDIR` plus
    // `extra`; ready once it accepts a connection.
    bool startStockAiosmtpd(const QStringList &extra = {}, QString *error = nullptr);
    void stop();

    quint16 port() const { return m_port; }
    QString maildir() const { return m_maildir; }
    // Messages stored so far (fixture: with their envelope), oldest first.
    QList<Received> messages() const;
    int connections() const { return m_connections; }
    int quits() const { return m_quits; }
    // DATA commands the server cut in the middle (--cut-data).
    int cuts() const { return m_cuts; }
    QString output() const { return m_output; }

private:
    void readOutput();

    QString m_workDir;
    QString m_maildir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_pending;
    QString m_output;
    bool m_ready = false;
    int m_connections = 0;
    int m_quits = 0;
    int m_cuts = 0;
};

// True when no message beyond the first `count` arrives within `ms` (a mail sent twice shows
// up late); false as soon as one does.
bool noMessageBeyond(const SmtpTestServer &server, qsizetype count, int ms = 300);

// Empty when every expected Message-ID arrived exactly once and nothing else did; otherwise
// what is wrong, in one sentence.
QString receivedOnceProblem(const SmtpTestServer &server, const QStringList &expected);

} // namespace Recup::Testing
