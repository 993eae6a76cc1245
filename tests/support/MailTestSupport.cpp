// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailTestSupport.h"

#include "Fixtures.h"
#include "actions/MailQueue.h"
#include "storage/AdRepository.h"
#include "storage/ContactRequestRepository.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/SqlDialect.h"

#include <QSqlError>
#include <QSqlQuery>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

#ifndef RECUP_TEST_FIXTURES
#error "RECUP_TEST_FIXTURES must name tests/fixtures"
#endif

namespace Recup::Testing {

QString python()
{
    const QString configured = qEnvironmentVariable("RECUP_TEST_PYTHON");
    return configured.isEmpty() ? QStringLiteral("/usr/bin/python3") : configured;
}

QString fixture(const QString &name)
{
    return QDir(QStringLiteral(RECUP_TEST_FIXTURES)).filePath(name);
}

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

bool makeCertificate(const QString &dir, QString *certFile, QString *keyFile, QString *error)
{
    *certFile = QDir(dir).filePath(QStringLiteral("server.crt"));
    *keyFile = QDir(dir).filePath(QStringLiteral("server.key"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"),
                   QStringLiteral("-x509"),
                   QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"),
                   QStringLiteral("-nodes"),
                   QStringLiteral("-days"),
                   QStringLiteral("2"),
                   QStringLiteral("-subj"),
                   QStringLiteral("/CN=localhost"),
                   QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
                   QStringLiteral("-keyout"),
                   *keyFile,
                   QStringLiteral("-out"),
                   *certFile});
    if (!openssl.waitForFinished(60'000) || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl req failed: ") + QString::fromLocal8Bit(openssl.readAll());
        return false;
    }
    return true;
}

QJsonObject parseMailFile(const QString &path, QString *error)
{
    QProcess parser;
    parser.start(python(), {fixture(QStringLiteral("parse_mail.py")), path});
    if (!parser.waitForFinished(60'000) || parser.exitCode() != 0) {
        *error = QStringLiteral("parse_mail.py failed: ")
                 + QString::fromLocal8Bit(parser.readAllStandardError());
        return {};
    }
    QJsonParseError jsonError;
    const QJsonDocument doc = QJsonDocument::fromJson(parser.readAllStandardOutput(), &jsonError);
    if (!doc.isObject()) {
        *error = QStringLiteral("parse_mail.py wrote no JSON: ") + jsonError.errorString();
        return {};
    }
    return doc.object();
}

QJsonObject parseMail(const QByteArray &rfc5322, QString *error)
{
    QTemporaryFile file(QDir::temp().filePath(QStringLiteral("recup-mail-XXXXXX.eml")));
    if (!file.open() || file.write(rfc5322) != rfc5322.size() || !file.flush()) {
        *error = QStringLiteral("cannot write a temporary file");
        return {};
    }
    return parseMailFile(file.fileName(), error);
}

QStringList headerNames(const QJsonObject &parsed)
{
    QStringList names;
    const QJsonArray headers = parsed.value(QLatin1String("headers")).toArray();
    for (const QJsonValue &header : headers)
        names.append(header.toArray().at(0).toString());
    return names;
}

QString headerValue(const QJsonObject &parsed, const QString &name)
{
    const QJsonArray headers = parsed.value(QLatin1String("headers")).toArray();
    for (const QJsonValue &header : headers) {
        if (header.toArray().at(0).toString().compare(name, Qt::CaseInsensitive) == 0)
            return header.toArray().at(1).toString();
    }
    return {};
}

QString textPart(const QJsonObject &parsed, const QString &contentType)
{
    const QJsonArray parts = parsed.value(QLatin1String("parts")).toArray();
    for (const QJsonValue &part : parts) {
        const QJsonObject object = part.toObject();
        if (object.value(QLatin1String("content_type")).toString() == contentType) {
            QString body = object.value(QLatin1String("body")).toString();
            body.replace(QLatin1String("\r\n"), QLatin1String("\n"));
            return body;
        }
    }
    return QStringLiteral("<no %1 part>").arg(contentType);
}

QString rfc2047SubjectProblem(const QByteArray &rfc5322, const QString &expected)
{
    const QList<QByteArray> lines = rfc5322.left(rfc5322.indexOf("\r\n\r\n")).split('\n');
    QList<QByteArray> subject;
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.endsWith('\r') ? raw.chopped(1) : raw;
        if (line.startsWith("Subject: "))
            subject.append(line);
        else if (!subject.isEmpty() && (line.startsWith(' ') || line.startsWith('\t')))
            subject.append(line);
        else if (!subject.isEmpty())
            break;
    }
    if (subject.isEmpty())
        return QStringLiteral("no Subject header");
    static const QRegularExpression word(QStringLiteral("^=\\?UTF-8\\?([BbQq])\\?([^?\\s]*)\\?=$"));
    QString decoded;
    bool encoded = false;
    const QByteArray all = subject.join(' ').mid(int(sizeof("Subject: ")) - 1);
    for (const QByteArray &line : std::as_const(subject)) {
        if (line.size() > 78)
            return QStringLiteral("a Subject line of %1 characters").arg(line.size());
        for (const char c : line) {
            if (uchar(c) > 126 || (uchar(c) < 32 && c != '\t'))
                return QStringLiteral("a byte that is not 7-bit text in the Subject");
        }
    }
    for (const QByteArray &token : all.simplified().split(' ')) {
        const QRegularExpressionMatch m = word.match(QString::fromLatin1(token));
        if (!m.hasMatch()) {
            // Plain ASCII text stays as it is; between two words it keeps its space.
            if (!decoded.isEmpty())
                decoded += u' ';
            decoded += QString::fromLatin1(token);
            encoded = false;
            continue;
        }
        if (m.capturedLength() > 75)
            return QStringLiteral("an encoded word of %1 characters").arg(m.capturedLength());
        QByteArray bytes;
        if (m.captured(1).compare(QLatin1String("B"), Qt::CaseInsensitive) == 0) {
            bytes = QByteArray::fromBase64(m.captured(2).toLatin1());
        } else {
            QByteArray q = m.captured(2).toLatin1();
            q.replace('_', ' ');
            bytes = QByteArray::fromPercentEncoding(q, '=');
        }
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString text = utf8(bytes);
        if (utf8.hasError())
            return QStringLiteral("an encoded word that is not whole UTF-8: ") + m.captured();
        // Adjacent encoded words join without the space between them (RFC 2047, 6.2).
        if (!decoded.isEmpty() && !encoded)
            decoded += u' ';
        decoded += text;
        encoded = true;
    }
    if (!all.contains("=?UTF-8?"))
        return QStringLiteral("the Subject is not RFC 2047 encoded: ") + QString::fromLatin1(all);
    if (decoded != expected)
        return QStringLiteral("the Subject reads \"%1\"").arg(decoded);
    return {};
}

MailMessage frenchContactMessage()
{
    MailMessage message;
    message.from = {QStringLiteral("collectiv-recup@agglo-chatellerault.fr"),
                    QStringLiteral("Collectiv'Récup")};
    message.replyTo = {QStringLiteral("helene.lefevre@ville-chatellerault.fr"),
                       QStringLiteral("Hélène Lefèvre-Dubœuf")};
    message.to = {
            {QStringLiteral("marc.durand@agglo-chatellerault.fr"), QStringLiteral("Marc Durand")}};
    message.cc = {{QStringLiteral("moderation@agglo-chatellerault.fr"),
                   QStringLiteral("Modération — Zoé Çelik")},
                  {QStringLiteral("sophie.muller@agglo-chatellerault.fr"),
                   QStringLiteral("Sophie Müller")}};
    message.subject = QStringLiteral("Armoire métallique à donner — Médiathèque");
    message.textBody = QStringLiteral(
            "Bonjour Marc,\n"
            "\n"
            "Hélène Lefèvre-Dubœuf (Médiathèque, service Lecture publique) aimerait récupérer "
            "votre annonce « Armoire métallique à donner » pour un usage professionnel : "
            "ranger les périodiques de l'année écoulée, qui s'entassent aujourd'hui sur des "
            "chariots dans la réserve du deuxième étage, côté rue de l'Épée.\n"
            ".\n"
            ".Une ligne qui commence par un point.\n"
            "..Et une par deux points.\n"
            "From the depot: enlèvement possible jeudi.\n"
            "Fromage ou dessert ? Ligne avec des espaces à la fin   \n"
            "Valeur = 0 € ; poids ≈ 45 kg ; émoji ♻️📦\n"
            "\n"
            "-- \n"
            "Collectiv'Récup\n");
    message.htmlBody = QStringLiteral(
            "<!DOCTYPE html><html lang=\"fr\"><body><p>Bonjour Marc,</p>"
            "<p>Hélène Lefèvre-Dubœuf (Médiathèque) aimerait récupérer votre annonce "
            "« <b>Armoire métallique à donner</b> ».</p>\n"
            ".\n"
            "<p>From the depot: enlèvement possible jeudi. ♻️</p></body></html>\n");
    message.stamp();
    return message;
}

namespace {

// One folder per server: the kernel may give a later server a port an earlier one used, and
// its mails must not show up as the new server's.
QString freshMaildir(const QString &workDir, quint16 port)
{
    static int servers = 0;
    return QDir(workDir).filePath(QStringLiteral("maildir-%1-%2").arg(port).arg(++servers));
}

} // namespace

SmtpTestServer::SmtpTestServer(const QString &workDir)
    : m_workDir(workDir)
{}

SmtpTestServer::~SmtpTestServer()
{
    stop();
}

bool SmtpTestServer::start(const QStringList &flags, QString *error)
{
    QString ignored;
    QString &why = error ? *error : ignored;
    m_port = freePort();
    m_maildir = freshMaildir(m_workDir, m_port);
    m_process = std::make_unique<QProcess>();
    QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, [this] { readOutput(); });
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList arguments = {fixture(QStringLiteral("smtp_server.py")),
                             QStringLiteral("--port"),
                             QString::number(m_port),
                             QStringLiteral("--maildir"),
                             m_maildir};
    arguments += flags;
    m_process->start(python(), arguments);
    if (!m_process->waitForStarted(10'000)) {
        why = QStringLiteral("cannot start %1: %2").arg(python(), m_process->errorString());
        return false;
    }
    const bool ready = QTest::qWaitFor(
            [this] { return m_ready || m_process->state() != QProcess::Running; }, 30'000);
    if (!ready || !m_ready) {
        why = QStringLiteral("smtp_server.py did not say READY: ") + m_output;
        return false;
    }
    return true;
}

bool SmtpTestServer::startStockAiosmtpd(const QStringList &extra, QString *error)
{
    QString ignored;
    QString &why = error ? *error : ignored;
    m_port = freePort();
    m_maildir = freshMaildir(m_workDir, m_port);
    m_process = std::make_unique<QProcess>();
    QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, [this] { readOutput(); });
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList arguments = {QStringLiteral("-m"),
                             QStringLiteral("aiosmtpd"),
                             QStringLiteral("-n"),
                             QStringLiteral("-l"),
                             QStringLiteral("127.0.0.1:%1").arg(m_port)};
    arguments += extra;
    arguments += {QStringLiteral("-c"), QStringLiteral("aiosmtpd.handlers.Mailbox"), m_maildir};
    m_process->start(python(), arguments);
    if (!m_process->waitForStarted(10'000)) {
        why = QStringLiteral("cannot start %1: %2").arg(python(), m_process->errorString());
        return false;
    }
    // The command line prints nothing when ready: knock until it opens.
    const bool ready = QTest::qWaitFor(
            [this] {
                if (m_process->state() != QProcess::Running)
                    return true;
                QTcpSocket probe;
                probe.connectToHost(QHostAddress::LocalHost, m_port);
                const bool open = probe.waitForConnected(200);
                probe.abort();
                return open;
            },
            30'000);
    if (!ready || m_process->state() != QProcess::Running) {
        why = QStringLiteral("aiosmtpd did not start listening: ") + m_output;
        return false;
    }
    m_ready = true;
    return true;
}

void SmtpTestServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10'000)) {
            m_process->kill();
            m_process->waitForFinished(5'000);
        }
    }
    m_process.reset();
}

void SmtpTestServer::readOutput()
{
    m_pending += m_process->readAllStandardOutput();
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pending.left(end)).trimmed();
        m_pending.remove(0, end + 1);
        m_output += line + u'\n';
        if (line == QLatin1String("READY"))
            m_ready = true;
        else if (line == QLatin1String("CONNECTION"))
            ++m_connections;
        else if (line == QLatin1String("QUIT"))
            ++m_quits;
        else if (line == QLatin1String("CUT"))
            ++m_cuts;
    }
}

QList<SmtpTestServer::Received> SmtpTestServer::messages() const
{
    QList<Received> received;
    const QDir dir(QDir(m_maildir).filePath(QStringLiteral("new")));
    const QStringList names = dir.entryList(QDir::Files, QDir::Name);
    for (const QString &name : names) {
        Received message;
        message.file = dir.filePath(name);
        QFile file(message.file);
        if (file.open(QIODevice::ReadOnly))
            message.raw = file.readAll();
        QFile envelope(QDir(m_maildir).filePath(QStringLiteral("envelopes/") + name
                                                + QStringLiteral(".json")));
        if (envelope.open(QIODevice::ReadOnly)) {
            const QJsonObject object = QJsonDocument::fromJson(envelope.readAll()).object();
            message.mailFrom = object.value(QLatin1String("mail_from")).toString();
            for (const QJsonValue &rcpt : object.value(QLatin1String("rcpt_tos")).toArray())
                message.rcptTos.append(rcpt.toString());
        }
        received.append(message);
    }
    return received;
}

MailMessage shortContactMail(const QString &to)
{
    MailMessage m;
    m.from = {QStringLiteral("mdupont@agglo.test"), QStringLiteral("Marie Dupont")};
    m.to = {{to, QStringLiteral("Paul Martin")}};
    m.cc = {{QStringLiteral("moderation@agglo.test"), QStringLiteral("Modération")}};
    m.subject = QStringLiteral("Bureau en chêne : est-il toujours disponible ?");
    m.textBody = QStringLiteral("Bonjour,\nje passerai le chercher jeudi.\nMarie");
    m.stamp();
    return m;
}

namespace {

// The agent with this address (created in the world's waste service when missing), made a
// moderator when `moderator` is true.
Result<qint64>
agentWithAddress(Database &admin, const World &world, const MailAddress &address, bool moderator)
{
    QSqlDatabase connection = admin.connection();
    QSqlQuery find(connection);
    find.prepare(QStringLiteral("SELECT id FROM agent WHERE lower(email) = lower(?)"));
    find.addBindValue(address.address);
    if (!find.exec())
        return databaseError(find.lastError());
    if (find.next()) {
        const qint64 id = find.value(0).toLongLong();
        if (!moderator)
            return id;
        QSqlQuery make(connection);
        make.prepare(QStringLiteral("UPDATE agent SET is_moderator = ? WHERE id = ?"));
        make.addBindValue(true);
        make.addBindValue(id);
        if (!make.exec())
            return databaseError(make.lastError());
        return id;
    }
    QSqlQuery make(connection);
    make.prepare(QStringLiteral("INSERT INTO agent (login, display_name, email, service_id, "
                                "is_moderator) VALUES (?, ?, ?, ?, ?) RETURNING id"));
    make.addBindValue(QStringLiteral("box%1").arg(qHash(address.address.toLower())));
    make.addBindValue(address.name.isEmpty() ? address.address : address.name);
    make.addBindValue(address.address);
    make.addBindValue(world.waste);
    make.addBindValue(moderator);
    if (!make.exec() || !make.next())
        return databaseError(make.lastError());
    return make.value(0).toLongLong();
}

} // namespace

Result<OutboxMail> queueActionMail(Database &admin,
                                   Database &writer,
                                   const World &world,
                                   qint64 author,
                                   const QString &kind,
                                   const MailMessage &message)
{
    MailMessage stamped = message;
    stamped.stamp();
    if (kind == QLatin1String("expiry-reminder"))
        stamped.cc.clear(); // a reminder goes to the poster alone
    if (admin.dialect().checksMail()) {
        QSqlQuery policy(admin.connection());
        policy.prepare(
                QStringLiteral("UPDATE mail_policy SET sender_address = ?, sender_name = ?"));
        policy.addBindValue(stamped.from.address);
        policy.addBindValue(stamped.from.name.isEmpty() ? QStringLiteral("Collectiv'Récup")
                                                        : stamped.from.name);
        if (!policy.exec())
            return databaseError(policy.lastError());
    }
    // The first recipient is the poster where the action has one; the others hear of it as
    // moderators.
    const bool toPoster = kind != QLatin1String("ad-submitted");
    const QList<MailAddress> everyone = stamped.to + stamped.cc;
    for (qsizetype i = toPoster ? 1 : 0; i < everyone.size(); ++i) {
        if (const Result<qint64> made = agentWithAddress(admin, world, everyone.at(i), true); !made)
            return made.error();
    }
    qint64 action = 0;
    if (kind == QLatin1String("ad-submitted")) {
        AdRepository ads(writer);
        Ad input = world.sampleAd(QStringLiteral("Lot envoyé en modération"));
        input.ownerId = author;
        const Actor actor{author, false, false};
        const Result<Ad> created = ads.create(input, actor);
        if (!created)
            return created.error();
        const Result<Ad> submitted = ads.transition(
                created->id, {AdAction::Submit, created->version, {}, {}, 0, {}}, actor);
        if (!submitted)
            return submitted.error();
        const Result<qint64> row = ads.lastHistoryId(submitted->id, AdState::Pending);
        if (!row)
            return row.error();
        action = *row;
    } else {
        const Result<qint64> poster = agentWithAddress(admin, world, everyone.value(0), false);
        if (!poster)
            return poster.error();
        const Ad ad = publishedAdOf(admin, world, *poster, QStringLiteral("Lot à donner"));
        action = ad.id; // an expiry reminder's
        if (kind == QLatin1String("contact")) {
            ContactRequest request;
            request.adId = ad.id;
            request.requesterId = author;
            request.requestingServiceId = world.waste;
            request.message = QStringLiteral("Bonjour, est-ce toujours disponible ?");
            request.messageId = stamped.messageId;
            const Result<ContactRequest> asked = ContactRequestRepository(writer).insert(request);
            if (!asked)
                return asked.error();
            action = asked->id;
        }
    }
    return MailQueue(writer).enqueue(stamped, kind, author, action);
}

Result<OutboxMail> queueActionMail(Database &db, const World &world, const MailMessage &message)
{
    return queueActionMail(db, db, world, world.owner, QStringLiteral("ad-submitted"), message);
}

qint64 permanentlyFailedMail(Database &db, const World &world, const QString &subject)
{
    MailMessage message;
    message.from = {QStringLiteral("collectiv-recup@agglo.test"), QString()};
    message.to = {{QStringLiteral("moderation@agglo.test"), QString()}};
    message.subject = subject;
    message.textBody = QStringLiteral("Bonjour\n");
    OutboxRepository outbox(db);
    const auto queued = queueActionMail(db, world, message);
    if (!queued || !outbox.claimDue(100, QStringLiteral("tests")))
        return 0;
    if (!outbox.markFailed(queued->id,
                           OutboxRepository::Failure::Permanent,
                           QStringLiteral("550 5.1.1 unknown user")))
        return 0;
    return queued->id;
}

bool usePlatformSettings(Database &admin, const MailSettings &settings)
{
    if (!admin.dialect().checksMail())
        return true;
    const Status set = OutboxRepository(admin).setPolicy(
            {settings.sender.address, settings.sender.name, settings.moderatorsAddress});
    if (!set)
        qWarning("mail policy: %s", qPrintable(set.error().detail));
    return bool(set);
}

SmtpSettings plainSmtp(quint16 port)
{
    SmtpSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = port;
    s.security = SmtpSettings::Security::None;
    s.timeoutMs = 10'000;
    return s;
}

QStringList enqueueContactMails(Database &db, const World &world, int n)
{
    QStringList ids;
    for (int i = 0; i < n; ++i) {
        const auto queued = queueActionMail(
                db, world, shortContactMail(QStringLiteral("pmartin@agglo.test")));
        if (!queued) {
            qWarning("enqueue: %s", qPrintable(queued.error().detail));
            return ids;
        }
        ids.append(queued->messageId);
    }
    return ids;
}

bool noMessageBeyond(const SmtpTestServer &server, qsizetype count, int ms)
{
    return !QTest::qWaitFor([&] { return server.messages().size() > count; }, ms);
}

QString receivedOnceProblem(const SmtpTestServer &server, const QStringList &expected)
{
    static const QRegularExpression header(QStringLiteral("^Message-ID:\\s*(<[^>\\r\\n]+>)"),
                                           QRegularExpression::MultilineOption
                                                   | QRegularExpression::CaseInsensitiveOption);
    QHash<QString, int> seen;
    for (const auto &message : server.messages()) {
        const auto match = header.match(QString::fromLatin1(message.raw));
        if (!match.hasMatch())
            return QStringLiteral("a message without Message-ID: ")
                   + QString::fromLatin1(message.raw.left(400));
        ++seen[match.captured(1)];
    }
    if (seen.size() != expected.size())
        return QStringLiteral("%1 different messages received, %2 expected")
                .arg(seen.size())
                .arg(expected.size());
    for (const QString &id : expected) {
        if (seen.value(id) != 1)
            return QStringLiteral("%1 received %2 times").arg(id).arg(seen.value(id));
    }
    return {};
}

} // namespace Recup::Testing
