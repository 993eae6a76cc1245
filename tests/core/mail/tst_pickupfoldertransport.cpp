// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailTestSupport.h"
#include "mail/PickupFolderTransport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Recup;
using namespace Recup::Testing;

class TestPickupFolderTransport : public QObject
{
    Q_OBJECT
private slots:
    void writesAnEmlFileThatPythonReads()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("outbox/demo")); // created on demand
        PickupFolderTransport transport(folder);
        QList<std::pair<QString, SendResult>> results;
        connect(&transport,
                &MailTransport::finished,
                this,
                [&](const QString &id, const SendResult &result) {
                    results.append({id, result});
                });

        const MailMessage message = frenchContactMessage();
        transport.send(message);
        QVERIFY(results.isEmpty()); // never from inside send()
        QTRY_COMPARE(results.size(), 1);
        QCOMPARE(results[0].first, message.messageId);
        QVERIFY2(results[0].second.sent(), qPrintable(results[0].second.message));

        const QStringList files = QDir(folder).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(files.size(), 1); // nothing left over from the atomic write
        const QString id = QString(message.messageId).remove(u'<').remove(u'>');
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{8}-\\d{6}-\\d{3}_")
                                    + QRegularExpression::escape(id) + QStringLiteral("\\.eml$"))
                         .match(files.first())
                         .hasMatch(),
                 qPrintable(files.first()));
        QVERIFY(results[0].second.message.contains(files.first()));

        QString error;
        const QJsonObject parsed = parseMailFile(QDir(folder).filePath(files.first()), &error);
        QVERIFY2(!parsed.isEmpty(), qPrintable(error));
        QCOMPARE(parsed.value(QLatin1String("defects")).toArray(), QJsonArray());
        QCOMPARE(headerValue(parsed, QStringLiteral("Subject")), message.subject);
        QCOMPARE(headerValue(parsed, QStringLiteral("Message-ID")), message.messageId);
        QCOMPARE(textPart(parsed, QStringLiteral("text/plain")), message.textBody);
        QCOMPARE(textPart(parsed, QStringLiteral("text/html")), message.htmlBody);
        QCOMPARE(parsed.value(QLatin1String("addresses"))
                         .toObject()
                         .value(QLatin1String("cc"))
                         .toArray()
                         .size(),
                 2);

        // A second message, and the same one again: three files, sorted by time.
        MailMessage other = frenchContactMessage();
        transport.send(other);
        // The next file is named after a later millisecond than this one.
        const QDateTime written = QDateTime::currentDateTimeUtc();
        QTRY_VERIFY(QDateTime::currentDateTimeUtc() > written);
        transport.send(message);
        QTRY_COMPARE(results.size(), 3);
        QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 3);
    }

    void fileNamesAreSafe()
    {
        const QDateTime at(QDate(2025, 3, 14), QTime(9, 30, 5, 123), QTimeZone(0));
        QCOMPARE(PickupFolderTransport::fileName(QStringLiteral("<abc.def@agglo.example>"), at),
                 QStringLiteral("20250314-093005-123_abc.def@agglo.example.eml"));
        QCOMPARE(PickupFolderTransport::fileName(QStringLiteral("<../../etc/passwd x:y>"), at),
                 QStringLiteral("20250314-093005-123_.._.._etc_passwd_x_y.eml"));
        QCOMPARE(PickupFolderTransport::fileName({}, at),
                 QStringLiteral("20250314-093005-123_message.eml"));
    }

    void unwritableFolderIsATemporaryFailure()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("not-a-folder"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        PickupFolderTransport transport(blocker + QStringLiteral("/inside"));
        QList<SendResult> results;
        connect(&transport,
                &MailTransport::finished,
                this,
                [&](const QString &, const SendResult &result) { results.append(result); });
        transport.send(frenchContactMessage());
        QTRY_COMPARE(results.size(), 1);
        QVERIFY(results[0].temporary());
        QCOMPARE(results[0].stage, SendResult::Stage::Storage);
        QVERIFY(!results[0].message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPickupFolderTransport)
#include "tst_pickupfoldertransport.moc"
