// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Fault: PostgreSQL restarted (`pg_ctl restart -m fast`) while an agent types in the ad editor
// and a moderator approves an ad. A private cluster of its own (tests/pg-cluster.sh), so that the
// suite restarts no server another suite uses; the agent and the moderator connect with their
// own logins, each session watched by its ConnectionMonitor as in the app. What a person would
// notice: every character typed is still in the form, the save and the approval go through once
// the server is back (or say clearly that they did not, and go through when tried again), and
// each action is in the history once, with one mail in the outbox.
#include "Fixtures.h"
#include "Keyboard.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/AdWorkflow.h"
#include "common/AdEditorDialog.h"
#include "common/MessageBar.h"
#include "storage/ConnectionMonitor.h"
#include "storage/Database.h"
#include "storage/ReferenceCache.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Recup;
using namespace Recup::Testing;

namespace {

// The newest server binaries, as tests/pg-cluster.sh finds them (PG_BINDIR overrides).
QString serverBinaries()
{
    const QString given = qEnvironmentVariable("PG_BINDIR");
    if (!given.isEmpty())
        return given;
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return a.toInt() < b.toInt();
    });
    return versions.isEmpty() ? QString() : root.filePath(versions.last() + QStringLiteral("/bin"));
}

// A cluster of this suite's own, made and removed by tests/pg-cluster.sh; pg_ctl runs as its
// owner (`postgres` when the tests run as root: PostgreSQL refuses root).
class PrivateCluster
{
public:
    ~PrivateCluster()
    {
        if (!m_dir.isEmpty())
            QProcess::execute(
                    QStringLiteral("bash"),
                    {QStringLiteral(RECUP_PG_CLUSTER_SCRIPT), QStringLiteral("stop"), m_dir});
    }

    bool start(const QString &parent, QString *why)
    {
        m_dir = QDir(parent).filePath(QStringLiteral("pg"));
        QProcess script;
        script.setProcessChannelMode(QProcess::SeparateChannels);
        script.start(QStringLiteral("bash"),
                     {QStringLiteral(RECUP_PG_CLUSTER_SCRIPT), QStringLiteral("start"), m_dir});
        if (!script.waitForFinished(120'000) || script.exitCode() != 0) {
            *why = QStringLiteral("no PostgreSQL cluster could be started: ")
                   + QString::fromLocal8Bit(script.readAllStandardError());
            m_dir.clear();
            return false;
        }
        m_conninfo = QString::fromUtf8(script.readAllStandardOutput()).trimmed();
        QFile port(QDir(m_dir).filePath(QStringLiteral("port")));
        if (!port.open(QIODevice::ReadOnly)) {
            *why = QStringLiteral("the cluster's port file is missing");
            return false;
        }
        m_port = QString::fromUtf8(port.readAll()).trimmed();
        return true;
    }

    QString conninfo() const { return m_conninfo; }

    // pg_ctl, as the cluster's owner, started without waiting for it.
    std::unique_ptr<QProcess> pgCtl(const QStringList &arguments) const
    {
        QStringList command = {serverBinaries() + QStringLiteral("/pg_ctl"),
                               QStringLiteral("--pgdata=") + m_dir + QStringLiteral("/data"),
                               QStringLiteral("--wait"),
                               QStringLiteral("--timeout=60")};
        command += arguments;
        auto process = std::make_unique<QProcess>();
        process->setWorkingDirectory(QStringLiteral("/"));
        process->setProcessChannelMode(QProcess::MergedChannels);
        if (geteuid() == 0)
            process->start(QStringLiteral("runuser"),
                           QStringList{QStringLiteral("-u"),
                                       QStringLiteral("postgres"),
                                       QStringLiteral("--")}
                                   + command);
        else
            process->start(command.takeFirst(), command);
        return process;
    }
    QStringList restart() const
    {
        return {QStringLiteral("--mode=fast"), QStringLiteral("restart")};
    }
    QStringList stop() const { return {QStringLiteral("--mode=fast"), QStringLiteral("stop")}; }
    QStringList start() const
    {
        return {log(), QStringLiteral("--options=-p ") + m_port, QStringLiteral("start")};
    }
    QString log() const
    {
        return QStringLiteral("--log=") + m_dir + QStringLiteral("/postgresql.log");
    }

private:
    QString m_dir;
    QString m_conninfo;
    QString m_port;
};

// Waits for pg_ctl without freezing the event loop: the monitors and the editor keep running.
bool finishes(QProcess &process, QString *output)
{
    const bool done
            = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 90'000);
    *output = QString::fromLocal8Bit(process.readAll());
    return done && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

} // namespace

class TestPgRestart : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The cluster's owner must reach its folder.
        QVERIFY(QFile::setPermissions(m_dir.path(),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                              | QFile::ReadGroup | QFile::ExeGroup
                                              | QFile::ReadOther | QFile::ExeOther));
        QString why;
        if (!m_cluster.start(m_dir.path(), &why)) {
            if (TestDatabase::required())
                QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
        qputenv("RECUP_TEST_PG", m_cluster.conninfo().toUtf8());
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("pgrestart"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        QVERIFY(ensureLoginRoles(*m_admin));
    }
    void cleanupTestCase()
    {
        m_admin.reset();
        m_test.reset();
    }
    // The test's own session was ended by the previous restart too.
    void init() { QVERIFY(m_admin->reopenIfEnded()); }

    // pg_ctl restart -m fast while the agent types; the approval and the save come right after.
    void restartWhileTypingLosesNothingAndRecordsOnce()
    {
        const Ad mine = publishedAd(*m_admin, m_world, QStringLiteral("Armoire métallique"));
        const Ad waiting = pendingAd(*m_admin, m_world, QStringLiteral("Lot de 12 chaises coques"));
        // The monitors as the app sets them: the next ping is seconds away when the person acts.
        Session agent(*m_test, QStringLiteral("mdupont"), false);
        Session moderator(*m_test, QStringLiteral("cbernard"), false);
        QVERIFY(agent.db && moderator.db);
        const Counts before = counts(mine.id, waiting.id);

        AdEditorDialog editor(*agent.db, m_world.ownerActor());
        // The owner confirms that the published ad goes back to moderation.
        editor.setMaterialChangePrompt([](QWidget *) { return true; });
        // Categories and sites come from the session's reference cache, read off the GUI thread.
        QVERIFY(QTest::qWaitFor([&] { return agent.db->references().isLoaded(); }, 10'000));
        QVERIFY(editor.loadAd(mine.id));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        Form form(editor);
        QVERIFY(form.title && form.description && form.save);
        form.replaceTitle(QStringLiteral("Armoire métallique à deux portes, "));
        form.replaceDescription(QStringLiteral("Hauteur 1,95 m ; clés fournies. "));

        // The server restarts; the agent goes on typing meanwhile.
        QElapsedTimer outage;
        outage.start();
        const auto restart = m_cluster.pgCtl(m_cluster.restart());
        QVERIFY(restart->waitForStarted());
        typeText(form.title, QStringLiteral("gris anthracite"));
        typeText(form.description, QStringLiteral("Étagères réglables (4), état « très bon »."));
        QString said;
        QVERIFY2(finishes(*restart, &said), qPrintable(said));
        const qint64 restartMs = outage.elapsed();
        const QString title = QStringLiteral("Armoire métallique à deux portes, gris anthracite");
        const QString description = QStringLiteral(
                "Hauteur 1,95 m ; clés fournies. Étagères réglables (4), état « très bon ».");
        QCOMPARE(form.title->text(), title);
        QCOMPARE(form.description->toPlainText(), description);

        // The moderator approves at once, as the moderation window does.
        QElapsedTimer clock;
        clock.start();
        AdWorkflow workflow(*moderator.db, MailSettings{});
        const auto approved
                = workflow.transition(waiting.id,
                                      {AdAction::Approve, waiting.version, {}, {}, 0, {}},
                                      m_world.moderatorActor());
        QVERIFY2(approved, qPrintable(approved.error().message + u' ' + approved.error().detail));
        const qint64 approveMs = clock.restart();

        // The agent saves: it goes through on a new session, and the editor closes.
        QSignalSpy saved(&editor, &AdEditorDialog::adSaved);
        QTest::mouseClick(form.save, Qt::LeftButton);
        QVERIFY2(saved.size() == 1, qPrintable(form.bar->text()));
        QCOMPARE(editor.result(), int(QDialog::Accepted));
        const qint64 saveMs = clock.elapsed();

        const Counts after = counts(mine.id, waiting.id);
        QCOMPARE(after.approvals - before.approvals, 1);
        QCOMPARE(after.edits - before.edits, 1);
        QCOMPARE(after.approvedMails - before.approvedMails, 1);
        QCOMPARE(after.submittedMails - before.submittedMails, 1);
        QCOMPARE(savedTitle(mine.id), title);
        QCOMPARE(savedDescription(mine.id), description);

        // The monitors had nothing to repair: the actions went through on their own.
        QVERIFY(agent.monitor->isConnected());
        QVERIFY(moderator.monitor->isConnected());
        qInfo("pg_ctl restart -m fast: %lld ms; then the approval took %lld ms and the save "
              "%lld ms, each on a new session",
              restartMs,
              approveMs,
              saveMs);
    }

    // The server is down (the middle of the restart) when the moderator approves and the agent
    // saves: both are told, nothing is recorded, the text stays; once the monitors reconnect,
    // trying again records each action once.
    void actionsDuringTheOutageFailClearlyThenGoThroughOnce()
    {
        const Ad mine = publishedAd(*m_admin, m_world, QStringLiteral("Bureau d'angle"));
        const Ad waiting = pendingAd(*m_admin, m_world, QStringLiteral("Vestiaire 6 cases"));
        Session agent(*m_test, QStringLiteral("mdupont"), true);
        Session moderator(*m_test, QStringLiteral("cbernard"), true);
        QVERIFY(agent.db && moderator.db);
        const Counts before = counts(mine.id, waiting.id);

        AdEditorDialog editor(*agent.db, m_world.ownerActor());
        // The owner confirms that the published ad goes back to moderation.
        editor.setMaterialChangePrompt([](QWidget *) { return true; });
        // Categories and sites come from the session's reference cache, read off the GUI thread.
        QVERIFY(QTest::qWaitFor([&] { return agent.db->references().isLoaded(); }, 10'000));
        QVERIFY(editor.loadAd(mine.id));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        Form form(editor);
        QVERIFY(form.title && form.description && form.save);
        const QString title = QStringLiteral("Bureau d'angle en hêtre, 160 × 120 cm");
        const QString description
                = QStringLiteral("Retour à gauche, caisson trois tiroirs ; rayure sur le plateau.");
        form.replaceTitle(title);
        form.replaceDescription(description);

        QString said;
        const auto stop = m_cluster.pgCtl(m_cluster.stop());
        QVERIFY2(finishes(*stop, &said), qPrintable(said));
        QElapsedTimer outage;
        outage.start();

        AdWorkflow workflow(*moderator.db, MailSettings{});
        const TransitionRequest approve{AdAction::Approve, waiting.version, {}, {}, 0, {}};
        const auto refused = workflow.transition(waiting.id, approve, m_world.moderatorActor());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, Error::Kind::Connection);
        QVERIFY(!refused.error().message.isEmpty());
        QCOMPARE(workflow.mailsWritten(), 0);

        QSignalSpy saved(&editor, &AdEditorDialog::adSaved);
        QTest::mouseClick(form.save, Qt::LeftButton);
        QCOMPARE(saved.size(), 0);
        QVERIFY(editor.isVisible());
        const QString message = form.bar->text();
        QVERIFY2(message.startsWith(QLatin1String("The ad was not saved."))
                         && message.endsWith(QLatin1String("What you typed is still here.")),
                 qPrintable(message));
        QCOMPARE(form.title->text(), title);
        QCOMPARE(form.description->toPlainText(), description);

        // The monitors say the server is gone.
        QTRY_VERIFY_WITH_TIMEOUT(!agent.monitor->isConnected(), 10'000);
        QTRY_VERIFY_WITH_TIMEOUT(!moderator.monitor->isConnected(), 10'000);

        const auto start = m_cluster.pgCtl(m_cluster.start());
        QVERIFY2(finishes(*start, &said), qPrintable(said));
        const qint64 downMs = outage.elapsed();
        QElapsedTimer back;
        back.start();
        QTRY_VERIFY_WITH_TIMEOUT(agent.monitor->isConnected(), 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(moderator.monitor->isConnected(), 30'000);
        const qint64 reconnectMs = back.elapsed();
        QCOMPARE(counts(mine.id, waiting.id), before); // nothing half-recorded meanwhile

        // Tried again: each goes through once.
        const auto approved = workflow.transition(waiting.id, approve, m_world.moderatorActor());
        QVERIFY2(approved, qPrintable(approved.error().message + u' ' + approved.error().detail));
        QTest::mouseClick(form.save, Qt::LeftButton);
        QVERIFY2(saved.size() == 1, qPrintable(form.bar->text()));
        QCOMPARE(editor.result(), int(QDialog::Accepted));

        const Counts after = counts(mine.id, waiting.id);
        QCOMPARE(after.approvals - before.approvals, 1);
        QCOMPARE(after.edits - before.edits, 1);
        QCOMPARE(after.approvedMails - before.approvedMails, 1);
        QCOMPARE(after.submittedMails - before.submittedMails, 1);
        QCOMPARE(savedTitle(mine.id), title);
        QCOMPARE(savedDescription(mine.id), description);

        // The approval retried on the version already decided is refused, not recorded again.
        const auto again = workflow.transition(waiting.id, approve, m_world.moderatorActor());
        QVERIFY(!again);
        QCOMPARE(again.error().kind, Error::Kind::Conflict);
        QCOMPARE(counts(mine.id, waiting.id), after);
        qInfo("server down %lld ms; monitors reconnected %lld ms after it was back "
              "(agent: %lld reconnection attempt(s))",
              downMs,
              reconnectMs,
              qlonglong(agent.attempts->size()));
    }

private:
    // One person's session, as the app holds it: a database and the monitor watching it.
    struct Session
    {
        // `watchful`: pings every 100 ms instead of the app's 15 s, so that a test may wait for
        // the monitor to see the server go.
        Session(const TestDatabase &test, const QString &login, bool watchful)
            : db(test.openAs(login))
        {
            if (!db)
                return;
            monitor = std::make_unique<ConnectionMonitor>(*db);
            if (watchful) {
                monitor->setPingInterval(100);
                monitor->setBackoff(200, 1000);
            }
            lost = std::make_unique<QSignalSpy>(monitor.get(), &ConnectionMonitor::lost);
            restored = std::make_unique<QSignalSpy>(monitor.get(), &ConnectionMonitor::restored);
            attempts
                    = std::make_unique<QSignalSpy>(monitor.get(), &ConnectionMonitor::reconnecting);
            monitor->start();
        }
        ~Session()
        {
            lost.reset();
            restored.reset();
            attempts.reset();
            monitor.reset(); // before its database
        }
        std::unique_ptr<Database> db;
        std::unique_ptr<ConnectionMonitor> monitor;
        std::unique_ptr<QSignalSpy> lost, restored, attempts;
    };

    // The editor's fields, as a person reaches them.
    struct Form
    {
        explicit Form(AdEditorDialog &editor)
            : title(editor.findChild<QLineEdit *>(QStringLiteral("titleEdit")))
            , description(editor.findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit")))
            , save(editor.findChild<QPushButton *>(QStringLiteral("saveButton")))
            , bar(editor.findChild<MessageBar *>())
        {}
        void replaceTitle(const QString &text)
        {
            title->setFocus();
            title->selectAll();
            QTest::keyClick(title, Qt::Key_Delete);
            typeText(title, text);
        }
        void replaceDescription(const QString &text)
        {
            description->setFocus();
            description->selectAll();
            QTest::keyClick(description, Qt::Key_Delete);
            typeText(description, text);
        }
        QLineEdit *title;
        QPlainTextEdit *description;
        QPushButton *save;
        MessageBar *bar;
    };

    struct Counts
    {
        int approvals = 0, edits = 0, approvedMails = 0, submittedMails = 0;
        bool operator==(const Counts &) const = default;
    };
    Counts counts(qint64 edited, qint64 approved)
    {
        if (!m_admin->reopenIfEnded())
            return {-1, -1, -1, -1};
        Counts c;
        c.approvals = countOf(*m_admin,
                              QStringLiteral("SELECT count(*) FROM ad_history WHERE ad_id = %1 "
                                             "AND action = 'approve'")
                                      .arg(approved));
        c.edits = countOf(*m_admin,
                          QStringLiteral("SELECT count(*) FROM ad_history WHERE ad_id = %1 "
                                         "AND to_state = 'pending'")
                                  .arg(edited));
        c.approvedMails = countOf(
                *m_admin, QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'ad-approved'"));
        c.submittedMails = countOf(
                *m_admin,
                QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'ad-submitted'"));
        return c;
    }
    QString savedTitle(qint64 id) { return AdRepository(*m_admin).get(id, false)->title; }
    QString savedDescription(qint64 id)
    {
        return AdRepository(*m_admin).get(id, false)->description;
    }

    QTemporaryDir m_dir;
    PrivateCluster m_cluster;
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    World m_world;
};

QTEST_MAIN(TestPgRestart)
#include "tst_pgrestart.moc"
