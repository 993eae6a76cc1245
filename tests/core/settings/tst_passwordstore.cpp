// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The system's password safe through QtKeychain. Where a Secret Service answers (run the suite
// under dbus-run-session with gnome-keyring-daemon), passwords round-trip; where none does (a
// bare test machine), the store says so with a reason and nothing is kept anywhere.
#include "settings/PasswordStore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Recup;

class TestPasswordStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_service
                = QStringLiteral("collectiv-recup-test-%1").arg(QCoreApplication::applicationPid());
    }

    void probeAnswers()
    {
        PasswordStore store(m_service);
        QVERIFY(!store.isProbed());
        QVERIFY(!store.available());
        QSignalSpy known(&store, &PasswordStore::availabilityKnown);
        store.probe();
        QTRY_COMPARE_WITH_TIMEOUT(known.size(), 1, 20000);
        QVERIFY(store.isProbed());
        QCOMPARE(known.first().first().toBool(), store.available());
        if (store.available()) {
            QVERIFY(store.unavailableReason().isEmpty());
        } else {
            QVERIFY(store.unavailableReason().contains(QLatin1String("asked each time")));
            qInfo("no password safe here: %s", qPrintable(store.unavailableDetail()));
        }
    }

    void roundTripOrCleanRefusal()
    {
        PasswordStore store(m_service);
        QSignalSpy known(&store, &PasswordStore::availabilityKnown);
        store.probe();
        QTRY_COMPARE_WITH_TIMEOUT(known.size(), 1, 20000);

        const QString profile = QStringLiteral("Agglomération");
        const QString user = QStringLiteral("jmoreau");
        const QString password = QStringLiteral("Récup-2026 l'été");
        QSignalSpy written(&store, &PasswordStore::passwordWritten);
        QSignalSpy read(&store, &PasswordStore::passwordRead);
        QSignalSpy notFound(&store, &PasswordStore::passwordNotFound);
        QSignalSpy removed(&store, &PasswordStore::passwordRemoved);

        store.write(profile, user, password);
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 20000);
        QCOMPARE(written.first().at(2).toBool(), store.available());

        store.read(profile, user);
        QTRY_COMPARE_WITH_TIMEOUT(read.size() + notFound.size(), 1, 20000);
        if (store.available()) {
            QCOMPARE(read.size(), 1);
            QCOMPARE(read.first().at(0).toString(), profile);
            QCOMPARE(read.first().at(1).toString(), user);
            QCOMPARE(read.first().at(2).toString(), password);
        } else {
            QCOMPARE(notFound.size(), 1);
        }

        store.remove(profile, user);
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 20000);
        store.read(profile, user);
        QTRY_COMPARE_WITH_TIMEOUT(notFound.size(), 1 + (store.available() ? 0 : 1), 20000);
        QCOMPARE(read.size(), store.available() ? 1 : 0);
    }

    void eachUserHasTheirOwnEntry()
    {
        QVERIFY(PasswordStore::entryKey(QStringLiteral("A"), QStringLiteral("x"))
                != PasswordStore::entryKey(QStringLiteral("A"), QStringLiteral("y")));
        QVERIFY(PasswordStore::entryKey(QStringLiteral("A"), QStringLiteral("x"))
                != PasswordStore::entryKey(QStringLiteral("B"), QStringLiteral("x")));
    }

private:
    QString m_service;
};

QTEST_GUILESS_MAIN(TestPasswordStore)
#include "tst_passwordstore.moc"
