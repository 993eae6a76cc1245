// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The application icon comes from the resources (resources/resources.qrc) in every size drawn
// for it, and the windows of the application show it, as main() sets it.
#include "TestDatabase.h"
#include "agent/CatalogueWindow.h"
#include "common/ApplicationIcon.h"
#include "common/LoginDialog.h"
#include "common/MailSettingsDialog.h"
#include "settings/AppSettings.h"
#include "settings/PasswordStore.h"
#include "settings/ServerProfile.h"

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using Recup::Testing::TestDatabase;

class TestApplicationIcon : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // As main() does, before any window exists.
        QApplication::setWindowIcon(applicationIcon());
    }

    void everySizeComesFromTheResources()
    {
        const QString name = QStringLiteral("fr.collectivrecup.CollectivRecup");
        const QIcon icon = applicationIcon();
        QVERIFY(!icon.isNull());
        const QList<QSize> sizes = icon.availableSizes();
        for (const int side : {16, 24, 32, 48, 64, 128, 256}) {
            QVERIFY2(QFile::exists(QStringLiteral(":/icons/%1x%1/%2.png").arg(side).arg(name)),
                     qPrintable(QString::number(side)));
            QVERIFY2(sizes.contains(QSize(side, side)), qPrintable(QString::number(side)));
            QCOMPARE(icon.pixmap(side).size(), QSize(side, side));
        }
        // The sizes in between are scaled from the nearest one.
        QVERIFY(!icon.pixmap(96).isNull());
    }

    void topLevelWindowsShowIt()
    {
        std::unique_ptr<TestDatabase> test;
        RECUP_CREATE_TEST_DATABASE(test, QStringLiteral("applicationicon"));
        const std::unique_ptr<Database> db = test->open();
        QVERIFY(db);
        AppSettings settings(m_dir.filePath(QStringLiteral("recup.ini")));
        CatalogueWindow catalogue(*db, settings, true);
        ServerProfiles profiles(m_dir.filePath(QStringLiteral("profiles.ini")));
        PasswordStore passwords(QStringLiteral("collectiv-recup-test-icon"));
        LoginDialog login(profiles, passwords);
        MailSettingsDialog mail(settings, &passwords);
        const QList<QWidget *> windows{&catalogue, &login, &mail};
        for (QWidget *window : windows) {
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window));
            QVERIFY2(window->isWindow(), qPrintable(window->objectName()));
            QVERIFY2(!window->windowIcon().isNull(), qPrintable(window->objectName()));
            QVERIFY2(window->windowIcon().availableSizes().contains(QSize(256, 256)),
                     qPrintable(window->objectName()));
            window->close();
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestApplicationIcon)
#include "tst_applicationicon.moc"
