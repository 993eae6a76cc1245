// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a stored message back for people: what MimeWriter wrote comes back as it was typed
// (less what could break a header), and what other mail programs write reads as well.
#include "mail/MailHeaders.h"
#include "mail/MimeWriter.h"

#include <QTest>

using namespace Recup;

namespace {

MailMessage message(const QString &subject)
{
    MailMessage m;
    m.from = {QStringLiteral("collectiv-recup@agglo.test"), QStringLiteral("Collectiv'Récup")};
    m.to = {{QStringLiteral("mdupont@agglo.test"), QStringLiteral("Marie Dupont")}};
    m.subject = subject;
    m.textBody = QStringLiteral("Bonjour,\n");
    m.stamp();
    return m;
}

QByteArray written(const MailMessage &m,
                   MimeWriter::BodyEncoding encoding = MimeWriter::BodyEncoding::QuotedPrintable)
{
    const Result<QByteArray> bytes = MimeWriter(encoding).write(m);
    if (!bytes)
        qFatal("MimeWriter: %s", qPrintable(bytes.error().message));
    return *bytes;
}

} // namespace

class TestMailHeaders : public QObject
{
    Q_OBJECT
private slots:
    void subjectReadsAsWritten_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::newRow("plain ASCII") << QStringLiteral("Chairs to give away");
        QTest::newRow("French accents")
                << QStringLiteral("Bureau à donner : chaises, étagères et caissons");
        QTest::newRow("long subject with accents, folded on several lines")
                << QStringLiteral("Votre annonce « Armoire métallique à deux portes coulissantes, "
                                  "grise, 198 × 120 cm, clés fournies, très bon état général » "
                                  "a été approuvée par l'équipe de modération de l'agglomération");
        QTest::newRow("long ASCII subject, folded between words")
                << QStringLiteral("Your ad about the large meeting table with twelve chairs and "
                                  "the matching sideboard has been approved by a moderator");
        QTest::newRow("very long word") << QString(150, u'é');
        QTest::newRow("characters outside the BMP")
                << QStringLiteral("Plantes 🌱 à adopter 🪴");
        QTest::newRow("text that looks like an encoded word")
                << QStringLiteral("=?UTF-8?B?SGk=?= n'est pas codé");
        QTest::newRow("underscores and equals signs")
                << QStringLiteral("a_b = c_d, prix=0 €, 100 % récupéré");
        QTest::newRow("Q-like text") << QStringLiteral("=?ISO-8859-1?Q?=E9?=");
    }
    void subjectReadsAsWritten()
    {
        QFETCH(QString, subject);
        const MailHeaders headers(written(message(subject)));
        QCOMPARE(headers.subject(), subject);
    }

    void lineBreaksInATitleStayOnOneLine_data()
    {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("shown");
        QTest::newRow("CR LF and a Bcc header")
                << QStringLiteral("Chaise\r\nBcc: pirate@ailleurs.example")
                << QStringLiteral("Chaise Bcc: pirate@ailleurs.example");
        QTest::newRow("bare LF with accents")
                << QStringLiteral("Fauteuil\nTo: tous@agglo.test\n\nCorps injecté")
                << QStringLiteral("Fauteuil To: tous@agglo.test Corps injecté");
        QTest::newRow("bare CR") << QStringLiteral("Lampe\rX-Evil: 1")
                                 << QStringLiteral("Lampe X-Evil: 1");
        QTest::newRow("tabs, Unicode line and paragraph separators")
                << QStringLiteral("Étagère\tbasse\u2028ligne\u2029paragraphe")
                << QStringLiteral("Étagère basse ligne paragraphe");
        QTest::newRow("leading and trailing spaces")
                << QStringLiteral("  Table  ronde  ") << QStringLiteral("Table ronde");
    }
    void lineBreaksInATitleStayOnOneLine()
    {
        QFETCH(QString, subject);
        QFETCH(QString, shown);
        const MailHeaders headers(written(message(subject)));
        QCOMPARE(headers.subject(), shown);
        QVERIFY(!headers.contains("Bcc"));
        QVERIFY(!headers.contains("X-Evil"));
        QCOMPARE(headers.rawValue("To"), QByteArray("Marie Dupont <mdupont@agglo.test>"));
    }

    void encodedLineBreaksAreNotShown()
    {
        // Another writer may encode a line break; the reader still shows one line.
        const QByteArray raw = "Subject: =?UTF-8?B?" + QByteArray("Chaise\r\nBcc: x@y").toBase64()
                               + "?=\r\nTo: a@b.example\r\n\r\nbody\r\n";
        const MailHeaders headers(raw);
        QCOMPARE(headers.subject(), QStringLiteral("Chaise Bcc: x@y"));
        QVERIFY(!headers.subject().contains(u'\n'));
        QVERIFY(!headers.subject().contains(u'\r'));
    }

    void recipientsReadAsWritten()
    {
        MailMessage m = message(QStringLiteral("Contact"));
        m.to = {{QStringLiteral("helene.lefevre@agglo.test"), QStringLiteral("Hélène Lefèvre")},
                {QStringLiteral("marc.durand@agglo.test"), QStringLiteral("Marc Durand")},
                {QStringLiteral("sans.nom@agglo.test"), QString()}};
        m.cc = {{QStringLiteral("mdupont@agglo.test"), QStringLiteral("Dupont, Marie")},
                {QStringLiteral("moderation@agglo.test"),
                 QStringLiteral("Équipe de modération de la Communauté d'agglomération du "
                                "Val-sur-Vienne (Pôle Environnement)")}};
        const MailHeaders headers(written(m));
        QCOMPARE(headers.mailboxes("To"), m.to);
        QCOMPARE(headers.mailboxes("Cc"), m.cc);
        QCOMPARE(headers.to(),
                 QStringLiteral("Hélène Lefèvre <helene.lefevre@agglo.test>, Marc Durand "
                                "<marc.durand@agglo.test>, sans.nom@agglo.test"));
        QVERIFY2(headers.cc().startsWith(QStringLiteral("Dupont, Marie <mdupont@agglo.test>, "
                                                        "Équipe de modération")),
                 qPrintable(headers.cc()));
        QCOMPARE(headers.mailboxes("From"), QList<MailAddress>{m.from});
        QVERIFY(headers.mailboxes("Reply-To").isEmpty());
    }

    void otherWritersEncodedWords_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("decoded");
        QTest::newRow("Q, ISO-8859-1") << QByteArray("=?ISO-8859-1?Q?Bureau_=E0_donner?=")
                                       << QStringLiteral("Bureau à donner");
        QTest::newRow("B, ISO-8859-1")
                << ("=?iso-8859-1?B?" + QByteArray("\xc9tag\xe8re").toBase64() + "?=")
                << QStringLiteral("Étagère");
        QTest::newRow("Q, ISO-8859-15, euro and oe")
                << QByteArray("=?ISO-8859-15?Q?C=BDur_=E0_0_=A4?=") << QStringLiteral("Cœur à 0 €");
        QTest::newRow("lower-case b, UTF-8")
                << ("=?utf-8?b?" + QStringLiteral("Réunion").toUtf8().toBase64() + "?=")
                << QStringLiteral("Réunion");
        QTest::newRow("lower-case q, UTF-8")
                << QByteArray("=?utf-8?q?caf=c3=a9?=") << QStringLiteral("café");
        QTest::newRow("UTF-8 character split across two words")
                << QByteArray("=?UTF-8?B?Q2Fmww==?= =?UTF-8?B?qQ==?=") << QStringLiteral("Café");
        QTest::newRow("spaces between encoded words dropped, around plain text kept")
                << QByteArray("Re: =?UTF-8?Q?caf=C3=A9?=  =?UTF-8?Q?_cr=C3=A8me?= ok")
                << QStringLiteral("Re: café crème ok");
        QTest::newRow("two charsets side by side")
                << QByteArray("=?ISO-8859-1?Q?=E9t=E9?= =?UTF-8?Q?_=E2=82=AC?=")
                << QStringLiteral("été €");
        QTest::newRow("RFC 2231 language")
                << QByteArray("=?UTF-8*fr?Q?=C3=A9t=C3=A9?=") << QStringLiteral("été");
        QTest::newRow("Windows-1252 quotes")
                << QByteArray("=?windows-1252?Q?=93Bureau=94?=") << QStringLiteral("“Bureau”");
        QTest::newRow("unterminated word kept")
                << QByteArray("=?UTF-8?B?no end") << QStringLiteral("=?UTF-8?B?no end");
        QTest::newRow("unknown encoding kept")
                << QByteArray("=?UTF-8?X?abc?=") << QStringLiteral("=?UTF-8?X?abc?=");
        QTest::newRow("raw UTF-8 (RFC 6532)") << QStringLiteral("Chaise – très bon état").toUtf8()
                                              << QStringLiteral("Chaise – très bon état");
        QTest::newRow("raw ISO-8859-1")
                << QByteArray("\xe9t\xe9 chaud") << QStringLiteral("été chaud");
    }
    void otherWritersEncodedWords()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, decoded);
        QCOMPARE(MailHeaders::decodeWords(raw), decoded);
    }

    void charsets_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("charset");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("known");
        QTest::newRow("UTF-8") << QStringLiteral("Déchets").toUtf8() << QByteArray("UTF-8")
                               << QStringLiteral("Déchets") << true;
        QTest::newRow("Latin-1") << QByteArray("D\xe9\x63hets") << QByteArray("latin1")
                                 << QStringLiteral("Déchets") << true;
        QTest::newRow("Latin-9 euro") << QByteArray("10 \xa4") << QByteArray("ISO-8859-15")
                                      << QStringLiteral("10 €") << true;
        QTest::newRow("Latin-1 is not Latin-9") << QByteArray("10 \xa4") << QByteArray("ISO-8859-1")
                                                << QStringLiteral("10 ¤") << true;
        QTest::newRow("unknown charset")
                << QByteArray("abc") << QByteArray("x-martian") << QStringLiteral("abc") << false;
    }
    void charsets()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, charset);
        QFETCH(QString, text);
        QFETCH(bool, known);
        bool wasKnown = !known;
        QCOMPARE(MailHeaders::decodeCharset(bytes, charset, &wasKnown), text);
        QCOMPARE(wasKnown, known);
    }

    void foldedFieldsAndBareLineFeeds()
    {
        const QByteArray raw = "Return-Path: <x@y.example>\n"
                               "subject: =?ISO-8859-15?Q?R=E9union_du?=\n"
                               "\t=?ISO-8859-15?Q?_service_=A4?=\n"
                               "   suite\n"
                               "To: \"Lefèvre, Hélène\" <helene@agglo.test> (bureau 12),\n"
                               " Équipe: marc@agglo.test, =?UTF-8?Q?Z=C3=A9lie?=\n"
                               "  <zelie@agglo.test>;\n"
                               "Cc: undisclosed-recipients:;\n"
                               "not a header line\n"
                               "\n"
                               "Subject: not a header, the body\n";
        const MailHeaders headers(raw);
        QCOMPARE(headers.subject(), QStringLiteral("Réunion du service € suite"));
        QCOMPARE(headers.rawValue("SUBJECT"),
                 QByteArray("=?ISO-8859-15?Q?R=E9union_du?=\t=?ISO-8859-15?Q?_service_=A4?=   "
                            "suite"));
        const QList<MailAddress> to{
                {QStringLiteral("helene@agglo.test"), QStringLiteral("Lefèvre, Hélène")},
                {QStringLiteral("marc@agglo.test"), QString()},
                {QStringLiteral("zelie@agglo.test"), QStringLiteral("Zélie")}};
        QCOMPARE(headers.mailboxes("to"), to);
        QVERIFY(headers.mailboxes("Cc").isEmpty());
        QCOMPARE(headers.bodyOffset(), raw.indexOf("Subject: not"));
        QVERIFY(!headers.contains("not a header line"));
    }

    void noHeaders()
    {
        QVERIFY(MailHeaders(QByteArray()).isEmpty());
        QCOMPARE(MailHeaders(QByteArray()).subject(), QString());
        const MailHeaders bodyOnly(QByteArray("\r\nHello"));
        QVERIFY(bodyOnly.isEmpty());
        QCOMPARE(bodyOnly.bodyOffset(), 2);
        QCOMPARE(MailHeaders(QByteArray("Subject: x")).bodyOffset(), 10);
    }

    void plainTextOfWhatMimeWriterWrites_data()
    {
        QTest::addColumn<bool>("base64");
        QTest::addColumn<bool>("html");
        QTest::newRow("quoted-printable, text only") << false << false;
        QTest::newRow("base64, text only") << true << false;
        QTest::newRow("quoted-printable, text and HTML") << false << true;
        QTest::newRow("base64, text and HTML") << true << true;
    }
    void plainTextOfWhatMimeWriterWrites()
    {
        QFETCH(bool, base64);
        QFETCH(bool, html);
        MailMessage m = message(QStringLiteral("Contact"));
        m.textBody = QStringLiteral(
                "Bonjour Marie,\n\nLe service Écoles aimerait récupérer votre « Armoire "
                "métallique » : est-elle toujours disponible ? Une très longue ligne qui dépasse "
                "largement soixante-seize caractères pour forcer des sauts de ligne doux.\n"
                ".\nFrom the town hall, = 100 %  \nMerci 🌱\n");
        if (html)
            m.htmlBody = QStringLiteral("<p>Bonjour <b>Marie</b></p>");
        const QByteArray bytes = written(m,
                                         base64 ? MimeWriter::BodyEncoding::Base64
                                                : MimeWriter::BodyEncoding::QuotedPrintable);
        QCOMPARE(MailHeaders::plainTextBody(bytes), m.textBody);
    }

    void plainTextOfOtherMessages()
    {
        const QByteArray latin9 = "Subject: x\r\n"
                                  "Content-Type: text/plain; charset=\"iso-8859-15\"\r\n"
                                  "Content-Transfer-Encoding: quoted-printable\r\n"
                                  "\r\n"
                                  "Prix : 10 =A4, c=BDur, soft=\r\n"
                                  " break\r\n";
        QCOMPARE(MailHeaders::plainTextBody(latin9),
                 QStringLiteral("Prix : 10 €, cœur, soft break\n"));

        const QByteArray noMime = "Subject: x\n\nplain old body\nline 2";
        QCOMPARE(MailHeaders::plainTextBody(noMime), QStringLiteral("plain old body\nline 2"));

        const QByteArray htmlOnly = "Content-Type: text/html; charset=UTF-8\r\n\r\n<p>x</p>\r\n";
        QVERIFY(MailHeaders::plainTextBody(htmlOnly).isEmpty());

        const QByteArray nested = "Content-Type: multipart/mixed; boundary=outer\r\n\r\n"
                                  "preamble\r\n"
                                  "--outer\r\n"
                                  "Content-Type: multipart/alternative; boundary=\"in ner\"\r\n"
                                  "\r\n"
                                  "--in ner\r\n"
                                  "Content-Type: text/html\r\n\r\n<p>html</p>\r\n"
                                  "--in ner\r\n"
                                  "Content-Type: text/plain; charset=utf-8\r\n"
                                  "Content-Transfer-Encoding: 8bit\r\n\r\n"
                                  "texte imbriqué\r\n"
                                  "--in ner--\r\n"
                                  "--outer\r\n"
                                  "Content-Type: text/plain\r\n"
                                  "Content-Disposition: attachment; filename=a.txt\r\n\r\n"
                                  "attachment\r\n"
                                  "--outer--\r\n";
        QCOMPARE(MailHeaders::plainTextBody(nested), QStringLiteral("texte imbriqué"));
    }
};

QTEST_GUILESS_MAIN(TestMailHeaders)
#include "tst_mailheaders.moc"
