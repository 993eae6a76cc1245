// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// MailProvenance on bytes MimeWriter wrote, then on each way an agent with psql could change
// them while keeping a row the database accepts: every forgery is refused with a sentence the
// moderators can act on, the genuine mail goes.
#include "mail/MailProvenance.h"
#include "mail/MimeWriter.h"

#include <QTest>

using namespace Recup;

namespace {

const QString Sender = QStringLiteral("collectiv-recup@agglo.test");
const MailPolicy Policy{Sender, QStringLiteral("Collectiv'Récup"), {}};

MailMessage contactMessage()
{
    MailMessage m;
    m.from = {Sender, QStringLiteral("Paul Martin via Collectiv'Récup")};
    m.to = {{QStringLiteral("mdupont@agglo.test"), QStringLiteral("Marie Dupont")}};
    m.cc = {{QStringLiteral("cbernard@agglo.test"), QStringLiteral("Claire Bernard")}};
    m.replyTo = {QStringLiteral("pmartin@agglo.test"), QStringLiteral("Paul Martin")};
    m.subject = QStringLiteral("Demande pour votre annonce « Armoire »");
    m.textBody = QStringLiteral("Bonjour,\nest-elle encore disponible ?\n");
    m.htmlBody = QStringLiteral("<p>Bonjour,</p>");
    m.extraHeaders.append({QByteArrayLiteral("Auto-Submitted"), QStringLiteral("no")});
    m.stamp();
    return m;
}

OutboxMail row(const MailMessage &message, const QByteArray &bytes)
{
    OutboxMail mail;
    mail.id = 1;
    mail.messageId = message.messageId;
    mail.kind = QStringLiteral("contact");
    mail.authorId = 7;
    mail.authorName = QStringLiteral("Paul Martin");
    mail.authorEmail = QStringLiteral("pmartin@agglo.test");
    mail.envelopeFrom = Sender;
    mail.recipients = {QStringLiteral("mdupont@agglo.test"), QStringLiteral("cbernard@agglo.test")};
    mail.rfc5322 = bytes;
    return mail;
}

} // namespace

class TestMailProvenance : public QObject
{
    Q_OBJECT
private slots:
    void theApplicationsMailGoes()
    {
        const MailMessage message = contactMessage();
        const QByteArray bytes = *MimeWriter().write(message);
        QCOMPARE(MailProvenance::refusal(row(message, bytes), Policy), QString());
        // On the single workstation the name is the workstation's own business.
        QCOMPARE(MailProvenance::refusal(row(message, bytes), MailPolicy{}), QString());
        // Base64 bodies too.
        const QByteArray base64 = *MimeWriter(MimeWriter::BodyEncoding::Base64).write(message);
        QCOMPARE(MailProvenance::refusal(row(message, base64), Policy), QString());
    }

    void forgeriesAreRefused_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("says");
        const auto add = [](const char *name, const char *from, const char *to, const char *says) {
            QTest::newRow(name) << QByteArray(from) << QByteArray(to) << QString::fromLatin1(says);
        };
        add("a Bcc added",
            "\r\nSubject: ",
            "\r\nBcc: victim@outside.example\r\nSubject: ",
            "(Bcc)");
        add("a Sender added",
            "\r\nSubject: ",
            "\r\nSender: boss@agglo.test\r\nSubject: ",
            "(Sender)");
        add("a second Subject", "\r\nSubject: ", "\r\nSubject: Urgent\r\nSubject: ", "twice");
        add("a header in a bare LF",
            "\r\nSubject: ",
            "\r\nX: y\nBcc: v@outside.example\r\nSubject: ",
            "lines");
        add("a bare CR", "\r\nSubject: ", "\r\nX: y\rBcc: v@outside.example\r\nSubject: ", "lines");
        add("8-bit bytes", "Bonjour", "Bonjour \xc3\xa9", "lines");
        add("a line that is no field",
            "\r\nSubject: ",
            "\r\nnot a field\r\nSubject: ",
            "never writes");
        QTest::newRow("a NUL byte") << QByteArray("\r\nSubject: ")
                                    << QByteArray("\r\nSubject: \0", 12) << QStringLiteral("lines");
        // The whole From field, however MimeWriter folded it.
        add("the president signs", "FROM", "Le President <collectiv-recup@agglo.test>", "signed");
        add("the president signs, encoded",
            "FROM",
            "=?UTF-8?B?TGUgUHLDqXNpZGVudA==?= <collectiv-recup@agglo.test>",
            "signed");
        add("two senders",
            "FROM",
            "Paul <collectiv-recup@agglo.test>, x@y.example",
            "From address");
        // What a reader would see otherwise than this check (found by a review with psql).
        add("two angle addresses in From",
            "<collectiv-recup@agglo.test>",
            "<support@evil.example> <collectiv-recup@agglo.test>",
            "the way the application writes");
        add("a comment in From",
            "\r\nFrom: ",
            "\r\nFrom: (Direction des ressources humaines) ",
            "the way the application writes");
        add("two angle addresses in To",
            "\r\nTo: ",
            "\r\nTo: <victim@outside.example> ",
            "the way the application writes");
        add("two angle addresses in Reply-To",
            "\r\nReply-To: ",
            "\r\nReply-To: <phish@outside.example> ",
            "the way the application writes");
        add("an address-looking display name",
            "\r\nTo: ",
            "\r\nTo: \"v@outside.example\" ",
            "the way the application writes");
        add("an attachment",
            "multipart/alternative",
            "multipart/mixed",
            "the way the application writes");
        add("a Subject longer than a line may be",
            "\r\nSubject: ",
            "\r\nSubject: Votre compte sera supprim\xc3\xa9 "
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            "x "
            "Bcc: v@outside.example\r\nX-Y: ",
            "lines");
        add("a blank continuation line",
            "\r\nSubject: ",
            "\r\n \r\nSubject: ",
            "the way the application writes");
        add("the HTML part replaced",
            "Content-Type: text/html",
            "Content-Type: text/x-html",
            "the way the application writes");
        add("another From address",
            "<collectiv-recup@agglo.test>",
            "<president@agglo.test>",
            "From address");
        add("a recipient in To the envelope lacks",
            "\r\nTo: ",
            "\r\nTo: victim@outside.example, ",
            "people");
        add("Reply-To someone else",
            "<pmartin@agglo.test>",
            "<support@outside.example>",
            "answers");
        add("another Message-ID", "\r\nMessage-ID: <", "\r\nMessage-ID: <x", "Message-ID");
        add("no Date", "Date: ", "X-Date: ", "(X-Date)");
        add("no header block end", "\r\n\r\n", "\r\n", "lines");
    }
    void forgeriesAreRefused()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, says);
        const MailMessage message = contactMessage();
        QByteArray bytes = *MimeWriter().write(message);
        if (from == "FROM") {
            const qsizetype start = bytes.indexOf("\r\nFrom: ") + 8;
            qsizetype end = bytes.indexOf("\r\n", start);
            while (bytes.at(end + 2) == ' ' || bytes.at(end + 2) == '\t')
                end = bytes.indexOf("\r\n", end + 2);
            bytes.replace(start, end - start, to);
        } else if (!bytes.contains(from)) {
            QFAIL(bytes.constData());
        } else if (from == "\r\n\r\n")
            bytes.replace(from, to); // every empty line: no end to the header block
        else
            bytes.replace(bytes.indexOf(from), from.size(), to);
        const QString refusal = MailProvenance::refusal(row(message, bytes), Policy);
        QVERIFY2(refusal.contains(says), qPrintable(refusal));
    }

    void theEnvelopeMustMatchTheHeaders()
    {
        const MailMessage message = contactMessage();
        const QByteArray bytes = *MimeWriter().write(message);
        OutboxMail extra = row(message, bytes);
        extra.recipients.append(QStringLiteral("victim@outside.example")); // a silent Bcc
        QVERIFY(MailProvenance::refusal(extra, Policy).contains(u"people"));
        OutboxMail injected = row(message, bytes);
        injected.recipients.first() += QStringLiteral(">\r\nRCPT TO:<victim@outside.example");
        QVERIFY(MailProvenance::refusal(injected, Policy).contains(u"not a mail address"));
        OutboxMail sender = row(message, bytes);
        sender.envelopeFrom = QStringLiteral("president@agglo.test");
        QVERIFY(MailProvenance::refusal(sender, Policy).contains(u"From address"));
        // "X via the platform" is for contact mails only, and a contact mail says who writes.
        OutboxMail notice = row(message, bytes);
        notice.kind = QStringLiteral("ad-submitted");
        QVERIFY(!MailProvenance::refusal(notice, Policy).isEmpty());
        MailMessage platformOnly = message;
        platformOnly.from.name = QStringLiteral("Collectiv'Récup");
        QVERIFY(MailProvenance::refusal(row(platformOnly, *MimeWriter().write(platformOnly)),
                                        Policy)
                        .contains(u"signed"));
        // Someone else's name before "via".
        OutboxMail other = row(message, bytes);
        other.authorName = QStringLiteral("Claire Bernard");
        QVERIFY(MailProvenance::refusal(other, Policy).contains(u"signed"));
    }

    void theDatabasesVerdictComesFirst_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("says");
        QTest::newRow("no action") << QStringLiteral("no-action") << QStringLiteral("no action");
        QTest::newRow("not the author's")
                << QStringLiteral("not-your-action") << QStringLiteral("not its author's");
        QTest::newRow("recipient") << QStringLiteral("recipient") << QStringLiteral("concern");
        QTest::newRow("sender") << QStringLiteral("sender") << QStringLiteral("platform's address");
        QTest::newRow("unknown kind") << QStringLiteral("unknown-kind") << QStringLiteral("kind");
        QTest::newRow("a code of a newer version")
                << QStringLiteral("later") << QStringLiteral("later");
    }
    void theDatabasesVerdictComesFirst()
    {
        QFETCH(QString, code);
        QFETCH(QString, says);
        const MailMessage message = contactMessage();
        OutboxMail mail = row(message, *MimeWriter().write(message));
        mail.serverVerdict = code;
        const QString refusal = MailProvenance::refusal(mail, Policy);
        QVERIFY2(refusal.contains(says), qPrintable(refusal));
    }
};

QTEST_GUILESS_MAIN(TestMailProvenance)
#include "tst_mailprovenance.moc"
