// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The French translation stays complete: every string the sources hold today (scanned with
// lupdate) has a finished French text in translations/, and the app loads it.
#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Entry
{
    QString translation;
    bool finished = false;
};

// context + "\x1f" + source -> translation
QHash<QString, Entry> readTs(const QString &path, QString *error)
{
    QHash<QString, Entry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read ") + path;
        return entries;
    }
    QXmlStreamReader xml(&file);
    QString context, source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            Entry e;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            e.finished = type.isEmpty();
            QString text;
            // Plural forms come as <numerusform> children.
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation"))) {
                xml.readNext();
                if (xml.isCharacters())
                    text += xml.text();
            }
            e.translation = text.trimmed();
            entries.insert(context + QChar(0x1f) + source, e);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return entries;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void everySourceStringIsTranslated()
    {
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh_fr.ts"));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(RECUP_SOURCE_DIR));
        lupdate.start(QStringLiteral(RECUP_LUPDATE),
                      {QStringLiteral("-no-obsolete"),
                       QStringLiteral("-locations"),
                       QStringLiteral("none"),
                       QStringLiteral("-source-language"),
                       QStringLiteral("en"),
                       QStringLiteral("-target-language"),
                       QStringLiteral("fr"),
                       QStringLiteral("core"),
                       QStringLiteral("ui"),
                       QStringLiteral("app"),
                       QStringLiteral("-ts"),
                       fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);

        QString error;
        const auto scanned = readTs(fresh, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(scanned.size() > 100);
        const auto committed = readTs(
                QStringLiteral(RECUP_SOURCE_DIR "/translations/collectiv-recup_fr.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QStringList missing;
        for (auto it = scanned.cbegin(); it != scanned.cend(); ++it) {
            const Entry e = committed.value(it.key());
            if (!e.finished || e.translation.isEmpty())
                missing.append(QString(it.key()).replace(QChar(0x1f), QLatin1String(": ")));
        }
        missing.sort();
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 string(s) without a French translation (run `make "
                                           "translations`, then translate):\n  ")
                                    .arg(missing.size())
                            + missing.mid(0, 40).join(QLatin1String("\n  "))));
    }

    void frenchIsLoadedByDefault()
    {
        QVERIFY(Recup::installTranslations(QStringLiteral("fr")));
        QCOMPARE(QCoreApplication::translate("AdState", "Awaiting moderation"),
                 QStringLiteral("En attente de modération"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
