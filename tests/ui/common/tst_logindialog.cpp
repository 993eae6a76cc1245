// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The real login dialog against a real PostgreSQL server, over TCP with SCRAM passwords as in
// production: people sign in, mistype, hit a server without the schema or a dead port, and
// the window keeps responding and says why.
#include "TestDatabase.h"
#include "common/LoginDialog.h"
#include "common/MessageBar.h"
#include "i18n/Translations.h"
#include "settings/PasswordStore.h"
#include "settings/ServerProfile.h"
#include "storage/ConnectionErrors.h"
#include "storage/Conninfo.h"
#include "storage/ReferenceRepository.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QToolButton>
#include <QTranslator>

using namespace Recup;
using Recup::Testing::TestDatabase;

namespace {

const QString wrongPassword
        = QStringLiteral("The user name or the password is wrong, or the password has expired.");
const QString unreachable = QStringLiteral(
        "The database server cannot be reached. Check the network and the server address, or "
        "ask your IT department.");

std::optional<QString> valueOf(const QString &conninfo, const QString &key)
{
    std::optional<QString> found;
    for (const auto &[name, value] : parseConninfo(conninfo).value_or(Conninfo{})) {
        if (name == key)
            found = value;
    }
    return found;
}

// Types text as a person would, accents included (QTest::keyClicks takes ASCII only).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

// A port on which nothing listens.
quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestLoginDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("signing in with one's own account exists on PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("logindialog"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_port = valueOf(TestDatabase::clusterConninfo(), QStringLiteral("port"))
                         .value_or(QString())
                         .toInt();
        m_dbname = valueOf(m_test->config().conninfo, QStringLiteral("dbname")).value_or(QString());
        QVERIFY(m_port > 0);
        QVERIFY(!m_dbname.isEmpty());

        const QString suffix = QString::number(QCoreApplication::applicationPid());
        m_julie = QStringLiteral("jmoreau_") + suffix;
        m_gone = QStringLiteral("pmartin_") + suffix;
        m_orphan = QStringLiteral("orphan_") + suffix;
        m_emptyDb = QStringLiteral("recup_t_login_empty_") + suffix;

        ReferenceRepository refs(*m_admin);
        const auto org
                = refs.addOrganisation({0, QStringLiteral("AGGLO"), QStringLiteral("Agglo")});
        QVERIFY(org);
        const auto service
                = refs.addService({0, *org, QStringLiteral("DECHETS"), QStringLiteral("Déchets")});
        QVERIFY(service);
        Agent julie;
        julie.login = m_julie;
        julie.displayName = QStringLiteral("Julie Moreau");
        julie.email = QStringLiteral("julie.moreau@agglo.test");
        julie.serviceId = *service;
        julie.roles = Role::Agent | Role::Moderator;
        const auto enrolled = refs.enrolAgent(julie, m_password);
        QVERIFY2(enrolled, qPrintable(enrolled.error().message + u' ' + enrolled.error().detail));

        Agent gone = julie;
        gone.login = m_gone;
        gone.displayName = QStringLiteral("Pierre Martin");
        gone.email = QStringLiteral("pierre.martin@agglo.test");
        gone.roles = Role::Agent;
        QVERIFY(refs.enrolAgent(gone, m_password));
        QVERIFY(refs.deactivateAgent(m_gone));

        // A login the server knows, in the agents' group, but with no agent behind it.
        QSqlQuery q(m_admin->connection());
        QVERIFY2(q.exec(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'Orphan-2026' IN ROLE "
                                       "recup_agent")
                                .arg(m_orphan)),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(QStringLiteral("CREATE DATABASE %1").arg(m_emptyDb)),
                 qPrintable(q.lastError().text()));
    }

    void cleanupTestCase()
    {
        if (!m_admin)
            return;
        {
            QSqlQuery q(m_admin->connection());
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_emptyDb));
        }
        m_admin.reset();
        m_test.reset(); // drops the suite's database, then the cluster-wide roles can go
        Database cluster(DatabaseConfig::fromConninfo(TestDatabase::clusterConninfo()));
        if (cluster.open()) {
            QSqlQuery q(cluster.connection());
            for (const QString &role : {m_julie, m_gone, m_orphan})
                q.exec(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
        }
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_profiles = std::make_unique<ServerProfiles>(m_dir->filePath(QStringLiteral("recup.ini")));
        m_passwords = std::make_unique<PasswordStore>(
                QStringLiteral("collectiv-recup-test-%1").arg(QCoreApplication::applicationPid()));
    }

    void cleanup()
    {
        // An abandoned attempt finishes on its own; let it before the next test.
        QThreadPool::globalInstance()->waitForDone(30000);
        m_passwords.reset();
        m_profiles.reset();
        m_dir.reset();
    }

    void correctPasswordSignsIn()
    {
        LoginDialog dialog(*m_profiles, *m_passwords);
        show(dialog);
        QVERIFY2(dialog.serverSettings()->isVisible(), "a first profile shows its settings");
        describeServer(dialog);
        typeText(dialog.userEdit(), m_julie);
        typeText(dialog.passwordEdit(), m_password);
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QVERIFY(dialog.isConnecting());
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 20000);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());

        QCOMPARE(dialog.agent().login, m_julie);
        QCOMPARE(dialog.agent().displayName, QStringLiteral("Julie Moreau"));
        QVERIFY(dialog.agent().roles.testFlag(Role::Agent));
        QVERIFY(dialog.agent().roles.testFlag(Role::Moderator));
        QVERIFY(!dialog.agent().roles.testFlag(Role::Admin));

        // What the application opens next is a working connection as Julie.
        Database app(dialog.config());
        const Status opened = app.open();
        QVERIFY2(opened, qPrintable(opened.error().detail));
        const auto me = ReferenceRepository(app).sessionAgent();
        QVERIFY2(me, qPrintable(me.error().message));
        QCOMPARE(me->login, m_julie);

        // The profile is saved, the password is not.
        m_profiles->sync();
        const auto saved = m_profiles->profile(QStringLiteral("127.0.0.1"));
        QVERIFY(saved);
        QCOMPARE(saved->user, m_julie);
        QCOMPARE(saved->port, m_port);
        QCOMPARE(m_profiles->lastUsed(), saved->name);
        QFile ini(m_profiles->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains(m_password.toUtf8()));

        // Next time the profile is chosen, its settings folded away, and the password asked.
        LoginDialog again(*m_profiles, *m_passwords);
        show(again);
        QCOMPARE(again.profileBox()->currentText(), saved->name);
        QCOMPARE(again.userEdit()->text(), m_julie);
        QCOMPARE(again.hostEdit()->text(), QStringLiteral("127.0.0.1"));
        QVERIFY(!again.serverSettings()->isVisible());
        QVERIFY(again.passwordEdit()->text().isEmpty());
        QCOMPARE(again.focusWidget(), again.passwordEdit());
    }

    void wrongPasswordKeepsTheDialogOpen()
    {
        LoginDialog dialog(*m_profiles, *m_passwords);
        show(dialog);
        describeServer(dialog);
        typeText(dialog.userEdit(), m_julie);
        typeText(dialog.passwordEdit(), QStringLiteral("not her password"));
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isConnecting(), 20000);

        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.result() != QDialog::Accepted);
        QCOMPARE(dialog.errorText(), wrongPassword);
        QVERIFY(dialog.messageBar()->isVisible());
        QVERIFY2(dialog.errorDetail().contains(QLatin1String("password authentication failed")),
                 qPrintable(dialog.errorDetail()));
        QCOMPARE(dialog.lastError().kind, Error::Kind::Connection);
        // Everything typed is still there; the password is selected, ready to be retyped.
        QCOMPARE(dialog.userEdit()->text(), m_julie);
        QCOMPARE(dialog.hostEdit()->text(), QStringLiteral("127.0.0.1"));
        QCOMPARE(dialog.portSpin()->value(), m_port);
        QCOMPARE(dialog.passwordEdit()->text(), QStringLiteral("not her password"));
        QCOMPARE(dialog.focusWidget(), dialog.passwordEdit());
        QVERIFY(dialog.passwordEdit()->hasSelectedText());
        QVERIFY(dialog.connectButton()->isEnabled());
        QVERIFY(m_profiles->profiles().isEmpty()); // nothing saved from a failed attempt

        // Retyped: in.
        typeText(dialog.passwordEdit(), m_password); // replaces the selection
        QSignalSpy accepted(&dialog, &QDialog::accepted);
        QTest::keyClick(dialog.passwordEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 20000);
        QCOMPARE(dialog.agent().displayName, QStringLiteral("Julie Moreau"));
    }

    // The field focused is the first one the core's error names that the form shows: a
    // routing by Error::fields, not by the sentence (which is translated).
    void focusFollowsTheErrorsField_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("database");
        QTest::addColumn<bool>("singleSignOn");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("focus");
        const QString suffix = QString::number(QCoreApplication::applicationPid());
        QTest::newRow("wrong password focuses the password")
                << QString() << QStringLiteral("not her password") << QString() << false
                << ConnectionField::password << QStringLiteral("password");
        QTest::newRow("unknown database focuses the database")
                << QString() << m_password << QStringLiteral("nulle_part_") + suffix << false
                << ConnectionField::database << QStringLiteral("database");
        QTest::newRow("single sign-on refused by a password server focuses single sign-on")
                << QString() << QString() << QString() << true << ConnectionField::password
                << QStringLiteral("singleSignOn");
        QTest::newRow("disabled account focuses the user name")
                << m_gone << m_password << QString() << false << ConnectionField::user
                << QStringLiteral("user");
    }

    void focusFollowsTheErrorsField()
    {
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, database);
        QFETCH(bool, singleSignOn);
        QFETCH(QString, field);
        QFETCH(QString, focus);
        // In French: the sentences differ from the source, the fields do not.
        const QLocale locale;
        const auto english = qScopeGuard([locale] {
            for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
                QCoreApplication::removeTranslator(translator);
                delete translator;
            }
            QLocale::setDefault(locale);
        });
        installTranslations(QStringLiteral("fr"));
        const char *const source = "The server has no database of that name.";
        QVERIFY(QCoreApplication::translate("Database", source) != QLatin1String(source));
        LoginDialog dialog(*m_profiles, *m_passwords);
        show(dialog);
        describeServer(dialog, database);
        typeText(dialog.userEdit(), user.isEmpty() ? m_julie : user);
        dialog.singleSignOnCheck()->setChecked(singleSignOn);
        if (!singleSignOn)
            typeText(dialog.passwordEdit(), password);
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isConnecting(), 20000);
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.lastError().kind, Error::Kind::Connection);
        QVERIFY2(!dialog.lastError().fields.isEmpty(), qPrintable(dialog.errorDetail()));
        QCOMPARE(dialog.lastError().fields.first().first, field);
        QVERIFY(dialog.focusWidget());
        QCOMPARE(dialog.focusWidget()->objectName(), focus);
    }

    void disabledAccount()
    {
        const LoginOutcome r = attempt(m_gone, m_password);
        QCOMPARE(r.message, QStringLiteral("This account is disabled on the server."));
        QCOMPARE(r.focus, QStringLiteral("user"));
    }

    void databaseWithoutTheSchema()
    {
        const LoginOutcome r = attempt(m_julie, m_password, m_emptyDb);
        QVERIFY2(r.message.startsWith(
                         QStringLiteral("This database does not hold Collectiv'Récup yet.")),
                 qPrintable(r.message));
        QCOMPARE(r.kind, Error::Kind::SchemaMissing);
    }

    void loginNotLinkedToAnAgent()
    {
        const LoginOutcome r = attempt(m_orphan, QStringLiteral("Orphan-2026"));
        QCOMPARE(r.message,
                 QStringLiteral("Your login is not linked to an active agent of Collectiv'Récup. "
                                "Ask your IT department."));
        QCOMPARE(r.kind, Error::Kind::Forbidden);
        QCOMPARE(r.focus, QStringLiteral("user"));
    }

    void closedPortIsUnreachable()
    {
        const quint16 port = closedPort();
        QVERIFY(port > 0);
        QElapsedTimer clock;
        clock.start();
        const LoginOutcome r = attempt(m_julie, m_password, m_dbname, port);
        QCOMPARE(r.message, unreachable);
        QCOMPARE(r.kind, Error::Kind::Connection);
        QCOMPARE(r.focus, QStringLiteral("host"));
        QVERIFY(clock.elapsed() < 10000);
    }

    void silentServerTimesOutWhileTheWindowResponds()
    {
        // Something accepts the connection and never answers: libpq waits connect_timeout.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        ServerProfile profile;
        profile.name = QStringLiteral("Silent");
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = silent.serverPort();
        profile.database = m_dbname;
        profile.user = m_julie;
        profile.connectTimeoutSeconds = 2;
        m_profiles->save(profile);
        m_profiles->setLastUsed(profile.name);

        LoginDialog dialog(*m_profiles, *m_passwords);
        show(dialog);
        QCOMPARE(dialog.profileBox()->currentText(), profile.name);
        typeText(dialog.passwordEdit(), m_password);

        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(50);
        connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
        ticker.start();
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QVERIFY(dialog.isConnecting());
        QVERIFY(!dialog.connectButton()->isEnabled());
        QVERIFY(dialog.findChild<QWidget *>(QStringLiteral("loginBusy"))->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isConnecting(), 20000);
        const qint64 waited = clock.elapsed();
        ticker.stop();

        QCOMPARE(dialog.errorText(), unreachable);
        QVERIFY2(waited >= 1500, qPrintable(QString::number(waited)));
        QVERIFY2(waited < 15000, qPrintable(QString::number(waited)));
        // The event loop kept turning the whole time (one tick every 50 ms when free).
        QVERIFY2(ticks >= waited / 50 / 2,
                 qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(waited)));
        QVERIFY(dialog.isVisible());
        QCOMPARE(dialog.passwordEdit()->text(), m_password);
        qInfo("waited %lld ms, %d timer ticks meanwhile", waited, ticks);
    }

    void cancelStopsWaiting()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        ServerProfile profile;
        profile.name = QStringLiteral("Silent");
        profile.host = QStringLiteral("127.0.0.1");
        profile.port = silent.serverPort();
        profile.database = m_dbname;
        profile.user = m_julie;
        profile.connectTimeoutSeconds = 3;
        m_profiles->save(profile);

        LoginDialog dialog(*m_profiles, *m_passwords);
        show(dialog);
        typeText(dialog.passwordEdit(), m_password);
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QVERIFY(dialog.isConnecting());
        // The attempt reached the server, which never answers.
        QTRY_VERIFY(silent.hasPendingConnections());
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        QVERIFY(!dialog.isConnecting());
        QVERIFY(dialog.isVisible()); // Cancel stopped the attempt, not the dialog
        QVERIFY(dialog.connectButton()->isEnabled());
        QVERIFY(dialog.passwordEdit()->isEnabled());
        QCOMPARE(dialog.passwordEdit()->text(), m_password);
        QCOMPARE(dialog.errorText(), QStringLiteral("The connection attempt was cancelled."));

        // The abandoned attempt's late answer changes nothing.
        QVERIFY(QThreadPool::globalInstance()->waitForDone(30000));
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QCOMPARE(dialog.errorText(), QStringLiteral("The connection attempt was cancelled."));
        QVERIFY(dialog.isVisible());

        // A second Cancel closes the dialog.
        QTest::mouseClick(dialog.cancelButton(), Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }

    void missingFieldsAreAskedFor()
    {
        LoginDialog dialog(*m_profiles, *m_passwords);
        show(dialog);
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QVERIFY(!dialog.isConnecting());
        QVERIFY(dialog.errorText().contains(QLatin1String("address of the server")));
        QCOMPARE(dialog.focusWidget(), dialog.hostEdit());
        describeServer(dialog);
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QCOMPARE(dialog.errorText(), QStringLiteral("Enter your user name."));
        QCOMPARE(dialog.focusWidget(), dialog.userEdit());
    }

    void singleSignOnHidesThePassword()
    {
        LoginDialog dialog(*m_profiles, *m_passwords);
        show(dialog);
        QVERIFY(dialog.passwordEdit()->isVisible());
        dialog.singleSignOnCheck()->setChecked(true);
        QVERIFY(!dialog.passwordEdit()->isVisible());
        QVERIFY(!dialog.rememberCheck()->isVisible());
        QVERIFY(dialog.currentProfile().singleSignOn);
        dialog.singleSignOnCheck()->setChecked(false);
        QVERIFY(dialog.passwordEdit()->isVisible());
    }

    void rememberNeedsAPasswordSafe()
    {
        LoginDialog dialog(*m_profiles, *m_passwords);
        show(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(m_passwords->isProbed(), 20000);
        if (m_passwords->available()) {
            QVERIFY(dialog.rememberCheck()->isEnabled());
            QVERIFY(!dialog.rememberNote()->isVisible());
            QSKIP("a password safe answers here: its refusal cannot be seen");
        }
        QVERIFY(!dialog.rememberCheck()->isEnabled());
        QVERIFY(!dialog.rememberCheck()->isChecked());
        QVERIFY(dialog.rememberCheck()->toolTip().contains(QLatin1String("asked each time")));
        QVERIFY(dialog.rememberNote()->isVisible());
        QVERIFY(dialog.rememberNote()->text().contains(QLatin1String("cannot be remembered")));
    }

    void rememberedPasswordComesBack()
    {
        {
            LoginDialog dialog(*m_profiles, *m_passwords);
            show(dialog);
            QTRY_VERIFY_WITH_TIMEOUT(m_passwords->isProbed(), 20000);
            if (!m_passwords->available())
                QSKIP("no password safe answers here (run the suite under dbus-run-session "
                      "with gnome-keyring-daemon to see this)");
            describeServer(dialog);
            typeText(dialog.userEdit(), m_julie);
            typeText(dialog.passwordEdit(), m_password);
            dialog.rememberCheck()->setChecked(true);
            QSignalSpy written(m_passwords.get(), &PasswordStore::passwordWritten);
            QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 20000);
            QVERIFY(written.first().at(2).toBool());
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        {
            // Next time the password comes from the safe, and signs in.
            LoginDialog dialog(*m_profiles, *m_passwords);
            show(dialog);
            QTRY_COMPARE_WITH_TIMEOUT(dialog.passwordEdit()->text(), m_password, 20000);
            QVERIFY(dialog.rememberCheck()->isChecked());
            // Unticked: signed in, and the safe forgets it.
            dialog.rememberCheck()->setChecked(false);
            QSignalSpy removed(m_passwords.get(), &PasswordStore::passwordRemoved);
            QSignalSpy accepted(&dialog, &QDialog::accepted);
            QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 20000);
            QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 20000);
        }
        QVERIFY(!m_profiles->profiles().first().rememberPassword);
        QSignalSpy read(m_passwords.get(), &PasswordStore::passwordRead);
        LoginDialog dialog(*m_profiles, *m_passwords);
        show(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(m_passwords->isProbed(), 20000);
        QVERIFY(!read.wait(500)); // the dialog asks the safe for nothing
        QVERIFY(dialog.passwordEdit()->text().isEmpty());
        QVERIFY(!dialog.rememberCheck()->isChecked());
    }

    // Pictures for the documentation and for reviewing the look (run under Xvfb with xcb).
    void screenshots()
    {
        const QString folder = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
        if (folder.isEmpty())
            QSKIP("set RECUP_SCREENSHOT_DIR to save pictures of the dialog");
        // In the users' language unless told otherwise (RECUP_SCREENSHOT_LANG=en).
        QVERIFY(installTranslations(
                qEnvironmentVariable("RECUP_SCREENSHOT_LANG", QStringLiteral("fr"))));
        const auto save = [&](QWidget &widget, const QString &name) {
            QVERIFY(QTest::qWaitForWindowExposed(&widget));
            QCoreApplication::processEvents();
            QVERIFY(widget.grab().save(folder + u'/' + name));
        };
        {
            LoginDialog first(*m_profiles, *m_passwords);
            show(first);
            QTRY_VERIFY_WITH_TIMEOUT(m_passwords->isProbed(), 20000);
            save(first, QStringLiteral("login-new-profile.png"));
        }
        ServerProfile agglo;
        agglo.name = QStringLiteral("Agglomération");
        agglo.host = QStringLiteral("127.0.0.1");
        agglo.port = m_port;
        agglo.database = m_dbname;
        agglo.user = QStringLiteral("jmoreau"); // the server answers as for a wrong password
        m_profiles->save(agglo);
        m_profiles->setLastUsed(agglo.name);
        LoginDialog dialog(*m_profiles, *m_passwords);
        show(dialog);
        save(dialog, QStringLiteral("login-profile.png"));
        typeText(dialog.passwordEdit(), QStringLiteral("not her password"));
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isConnecting(), 20000);
        save(dialog, QStringLiteral("login-wrong-password.png"));
        QTest::mouseClick(dialog.messageBar()->findChild<QPushButton *>(
                                  QStringLiteral("messageBarDetailButton")),
                          Qt::LeftButton);
        save(dialog, QStringLiteral("login-details.png"));

        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        dialog.portSpin()->setValue(silent.serverPort());
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        // Long enough for the busy line to count the seconds.
        const auto countsSeconds = [&] {
            const QRegularExpression seconds(QStringLiteral("\\(\\d+ s\\)"));
            for (const QLabel *label : dialog.findChildren<QLabel *>()) {
                if (label->isVisible() && seconds.match(label->text()).hasMatch())
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(countsSeconds(), 10000);
        save(dialog, QStringLiteral("login-connecting.png"));
        dialog.cancelAttempt();
    }

private:
    struct LoginOutcome
    {
        QString message;
        Error::Kind kind = Error::Kind::Database;
        QString focus; // objectName of the focused field
    };

    LoginOutcome attempt(const QString &user,
                         const QString &password,
                         const QString &database = {},
                         quint16 port = 0)
    {
        LoginDialog dialog(*m_profiles, *m_passwords);
        show(dialog);
        describeServer(dialog, database.isEmpty() ? m_dbname : database, port ? port : m_port);
        typeText(dialog.userEdit(), user);
        typeText(dialog.passwordEdit(), password);
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return !dialog.isConnecting(); }, 20000))
            return {QStringLiteral("still connecting"), Error::Kind::Database, {}};
        if (!dialog.isVisible() || dialog.result() == QDialog::Accepted)
            return {QStringLiteral("accepted"), Error::Kind::Database, {}};
        if (dialog.userEdit()->text() != user)
            return {QStringLiteral("user name lost"), Error::Kind::Database, {}};
        return {dialog.errorText(),
                dialog.lastError().kind,
                dialog.focusWidget() ? dialog.focusWidget()->objectName() : QString()};
    }

    void describeServer(LoginDialog &dialog, const QString &database = {}, int port = 0)
    {
        if (!dialog.serverSettings()->isVisible())
            QTest::mouseClick(dialog.serverSettingsButton(), Qt::LeftButton);
        dialog.hostEdit()->setText(QStringLiteral("127.0.0.1"));
        dialog.portSpin()->setValue(port ? port : m_port);
        dialog.databaseEdit()->setText(database.isEmpty() ? m_dbname : database);
    }

    static void show(LoginDialog &dialog)
    {
        dialog.show();
        QApplication::setActiveWindow(&dialog);
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProfiles> m_profiles;
    std::unique_ptr<PasswordStore> m_passwords;
    int m_port = 0;
    QString m_dbname;
    QString m_julie, m_gone, m_orphan, m_emptyDb;
    const QString m_password = QStringLiteral("Récup-2026 l'été");
};

QTEST_MAIN(TestLoginDialog)
#include "tst_logindialog.moc"
