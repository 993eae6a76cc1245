// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The moderators' mails not sent (the moderation window's third tab, its title tested in
// tst_moderationwindow), on the offscreen platform and a real database. On
// PostgreSQL each person connects with their own login role, as on their workstation: what an
// agent may not see, the server hides.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "TestDatabase.h"
#include "WindowWaits.h"
#include "actions/MailQueue.h"
#include "common/MessageBar.h"
#include "moderator/FailedMailsModel.h"
#include "moderator/FailedMailsPane.h"
#include "storage/OutboxRepository.h"
#include "storage/ReferenceRepository.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace Recup;
using namespace Recup::Testing;

namespace {

const QString RefusedRecipient = QStringLiteral(
        "550 5.1.1 <helene.lefevre@agglo.test>: Recipient address rejected: User unknown in "
        "virtual mailbox table");
const QString LongRefusal
        = QStringLiteral("550-5.7.1 Message rejected by the relay of the agglomeration.\n"
                         "550 5.7.1 Sender domain has no SPF record for this host.");

bool isPostgres()
{
    return TestDatabase::backend() == QLatin1String("postgresql");
}

} // namespace

class TestFailedMailsPane : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void emptyListSaysNothingIsWaiting();
    void permanentFailureIsListedWithItsFrenchSubject();
    void sendAgainQueuesTheMailAndRemovesIt();
    void sendAgainTakesSeveralMails();
    void aRefusedMailIsShownAndNeverSentAgain();
    void anotherModeratorWasQuicker();
    void agentSeesOnlyOwnFailures();
    void databaseErrorShowsTheMessageBar();
    void kindsInWords_data();
    void kindsInWords();

private:
    // enqueue → claimDue → markFailed(Permanent), by `writer` (the author's own login on
    // PostgreSQL; the administrators' session for a system mail, author 0).
    qint64 failedMail(Database &writer,
                      qint64 authorId,
                      const QString &subject,
                      const QString &kind = QStringLiteral("contact"),
                      const QString &error = RefusedRecipient,
                      bool refusedBySender = false);
    std::unique_ptr<FailedMailsPane> openWindow(Database &db, qint64 agentId);
    static QString text(const QWidget &window, const char *name);

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    std::unique_ptr<Database> m_claireDb; // Claire Bernard, moderator
    std::unique_ptr<Database> m_lucDb;    // Luc Petit, moderator
    std::unique_ptr<Database> m_marieDb;  // Marie Dupont, agent
    std::unique_ptr<Database> m_paulDb;   // Paul Martin, agent
    World m_world;
    int m_sent = 0;
};

void TestFailedMailsPane::initTestCase()
{
    // Dates as a French workstation shows them.
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("failedmailspane"));
    m_admin = m_test->open();
    QVERIFY(m_admin);
    m_world = makeWorld(*m_admin);
    if (isPostgres())
        QVERIFY(ensureLoginRoles(*m_admin));
    m_claireDb = m_test->openAs(QStringLiteral("cbernard"));
    m_lucDb = m_test->openAs(QStringLiteral("lpetit"));
    m_marieDb = m_test->openAs(QStringLiteral("mdupont"));
    m_paulDb = m_test->openAs(QStringLiteral("pmartin"));
    QVERIFY(m_claireDb && m_lucDb && m_marieDb && m_paulDb);
    if (isPostgres()) {
        const auto claire = ReferenceRepository(*m_claireDb).sessionAgent();
        QVERIFY2(claire.ok(), qPrintable(claire.error().detail));
        QCOMPARE(claire->id, m_world.moderator);
        const auto marie = ReferenceRepository(*m_marieDb).sessionAgent();
        QVERIFY2(marie.ok(), qPrintable(marie.error().detail));
        QCOMPARE(marie->id, m_world.owner);
        QVERIFY(!marie->roles.testFlag(Role::Moderator));
    }
}

void TestFailedMailsPane::cleanupTestCase()
{
    m_claireDb.reset();
    m_lucDb.reset();
    m_marieDb.reset();
    m_paulDb.reset();
    m_admin.reset();
    m_test.reset();
}

qint64 TestFailedMailsPane::failedMail(Database &writer,
                                       qint64 authorId,
                                       const QString &subject,
                                       const QString &kind,
                                       const QString &error,
                                       bool refusedBySender)
{
    MailMessage message;
    message.from
            = {QStringLiteral("collectiv-recup@agglo.test"), QStringLiteral("Collectiv'Récup")};
    if (authorId > 0) {
        const auto author = ReferenceRepository(*m_admin).agent(authorId);
        if (!author) {
            qWarning("no author %lld", authorId);
            return 0;
        }
        message.replyTo = {author->email, author->displayName};
    }
    message.to = {{QStringLiteral("helene.lefevre@agglo.test"), QStringLiteral("Hélène Lefèvre")}};
    message.cc
            = {{QStringLiteral("moderation@agglo.test"), QStringLiteral("Équipe de modération")}};
    message.subject = subject;
    message.textBody = QStringLiteral("Bonjour Hélène,\n\nLe service Écoles aimerait récupérer "
                                      "votre armoire : est-elle toujours disponible ?\n\nMerci\n");
    OutboxRepository outbox(writer);
    const auto queued = queueActionMail(*m_admin, writer, m_world, authorId, kind, message);
    if (!queued) {
        qWarning("enqueue: %s / %s",
                 qPrintable(queued.error().message),
                 qPrintable(queued.error().detail));
        return 0;
    }
    // The way a sender meets a permanent refusal: it claims the mail, the server says 5xx.
    const auto claimed = outbox.claimDue(100, QStringLiteral("test-sender-%1").arg(++m_sent));
    if (!claimed) {
        qWarning("claimDue: %s", qPrintable(claimed.error().detail));
        return 0;
    }
    const bool mine = std::any_of(claimed->cbegin(), claimed->cend(), [&](const OutboxMail &m) {
        return m.id == queued->id;
    });
    if (!mine) {
        qWarning("the mail was not claimed");
        return 0;
    }
    // Or the sender itself would not send it (MailProvenance): refused, never to be sent.
    if (const Status failed
        = refusedBySender
                  ? outbox.markRefused(queued->id, error)
                  : outbox.markFailed(queued->id, OutboxRepository::Failure::Permanent, error);
        !failed) {
        qWarning("markFailed: %s", qPrintable(failed.error().detail));
        return 0;
    }
    return queued->id;
}

std::unique_ptr<FailedMailsPane> TestFailedMailsPane::openWindow(Database &db, qint64 agentId)
{
    const auto agent = ReferenceRepository(db).agent(agentId);
    if (!agent)
        return {};
    auto window = std::make_unique<FailedMailsPane>(db);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !waitIdle(*window))
        return {};
    return window;
}

QString TestFailedMailsPane::text(const QWidget &window, const char *name)
{
    const QString objectName = QString::fromLatin1(name);
    if (auto *label = window.findChild<QLabel *>(objectName))
        return label->text();
    if (auto *edit = window.findChild<QPlainTextEdit *>(objectName))
        return edit->toPlainText();
    return QStringLiteral("<missing %1>").arg(objectName);
}

void TestFailedMailsPane::emptyListSaysNothingIsWaiting()
{
    auto window = openWindow(*m_claireDb, m_world.moderator);
    QVERIFY(window);
    QCOMPARE(window->model()->rowCount(), 0);
    QCOMPARE(window->failureCount(), 0);
    auto *empty = window->findChild<QLabel *>(QStringLiteral("failedMailsEmptyState"));
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(),
             QStringLiteral("Nothing is waiting: every mail was sent or is on its way."));
    QVERIFY(!window->findChild<QTableView *>(QStringLiteral("failedMailsView"))->isVisible());
    QVERIFY(!window->findChild<QWidget *>(QStringLiteral("failedMailDetail"))->isVisible());
    QVERIFY(!window->messageBar()->isVisible());
    auto *sendAgain = window->findChild<QPushButton *>(QStringLiteral("sendAgainButton"));
    QVERIFY(sendAgain);
    QVERIFY(!sendAgain->isEnabled());
}

void TestFailedMailsPane::permanentFailureIsListedWithItsFrenchSubject()
{
    const QString subject = QStringLiteral("Armoire métallique « très bon état » : est-elle "
                                           "encore disponible pour le service Écoles ?");
    const qint64 contact = failedMail(*m_marieDb, m_world.owner, subject);
    QVERIFY(contact > 0);
    const qint64 notice = failedMail(*m_marieDb,
                                     m_world.owner,
                                     QStringLiteral("Annonce à modérer : « Chaise\r\nBcc: x@y »"),
                                     QStringLiteral("ad-submitted"),
                                     LongRefusal);
    QVERIFY(notice > 0);

    auto window = openWindow(*m_claireDb, m_world.moderator);
    QVERIFY(window);
    FailedMailsModel *model = window->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(refreshAndWait(*window));
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(window->failureCount(), 2);
    // Newest first.
    QCOMPARE(model->mailId(0), notice);
    QCOMPARE(model->mailId(1), contact);

    const auto stored = OutboxRepository(*m_admin).get(contact);
    QVERIFY(stored);
    QCOMPARE(stored->state, OutboxMail::State::Failed);
    const QString written = model->index(1, FailedMailsModel::WrittenColumn).data().toString();
    QCOMPARE(written,
             QLocale(QLocale::French, QLocale::France)
                     .toString(stored->createdAt.toLocalTime(), QLocale::ShortFormat));
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}$"))
                     .match(written)
                     .hasMatch(),
             qPrintable(written));
    QCOMPARE(model->index(1, FailedMailsModel::KindColumn).data().toString(),
             QStringLiteral("Contact about an ad"));
    QCOMPARE(model->index(0, FailedMailsModel::KindColumn).data().toString(),
             QStringLiteral("New ad to moderate"));
    QCOMPARE(model->index(1, FailedMailsModel::SubjectColumn).data().toString(), subject);
    // A line break in a title never reaches a header, nor the screen.
    QCOMPARE(model->index(0, FailedMailsModel::SubjectColumn).data().toString(),
             QStringLiteral("Annonce à modérer : « Chaise Bcc: x@y »"));
    const QString recipients
            = model->index(1, FailedMailsModel::RecipientsColumn).data().toString();
    QVERIFY(recipients.contains(QStringLiteral("helene.lefevre@agglo.test")));
    QVERIFY(recipients.contains(QStringLiteral("moderation@agglo.test")));
    QVERIFY(model->index(1, FailedMailsModel::RecipientsColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Hélène Lefèvre <helene.lefevre@agglo.test>")));
    QCOMPARE(model->index(1, FailedMailsModel::AttemptsColumn).data().toInt(), 1);
    QCOMPARE(model->index(1, FailedMailsModel::ErrorColumn).data().toString(), RefusedRecipient);
    // The table shows the server's words on one line; the detail shows them whole.
    QCOMPARE(model->index(0, FailedMailsModel::ErrorColumn).data().toString(),
             LongRefusal.simplified());
    QCOMPARE(model->index(0, FailedMailsModel::ErrorColumn).data(Qt::ToolTipRole).toString(),
             LongRefusal);

    // The detail of the selected mail.
    QVERIFY(window->selectMails({contact}));
    QCOMPARE(text(*window, "detailSubject"), subject);
    QCOMPARE(text(*window, "detailError"), RefusedRecipient);
    QVERIFY(text(*window, "detailRecipients").contains(QStringLiteral("Hélène Lefèvre")));
    QVERIFY(text(*window, "detailRecipients").contains(QStringLiteral("Équipe de modération")));
    QVERIFY2(text(*window, "detailBody").contains(QStringLiteral("Le service Écoles aimerait")),
             qPrintable(text(*window, "detailBody")));
    QVERIFY(window->selectMails({notice}));
    QCOMPARE(text(*window, "detailError"), LongRefusal);
    auto *sendAgain = window->findChild<QPushButton *>(QStringLiteral("sendAgainButton"));
    QVERIFY(sendAgain->isEnabled());
    QVERIFY(!window->findChild<QLabel *>(QStringLiteral("failedMailsEmptyState"))->isVisible());
    QVERIFY(window->findChild<QWidget *>(QStringLiteral("failedMailDetail"))->isVisible());
}

void TestFailedMailsPane::sendAgainQueuesTheMailAndRemovesIt()
{
    const qint64 id = failedMail(*m_marieDb, m_world.owner, QStringLiteral("Chaises à donner"));
    QVERIFY(id > 0);
    auto window = openWindow(*m_claireDb, m_world.moderator);
    QVERIFY(window);
    QAbstractItemModelTester tester(window->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int before = window->model()->rowCount();
    QVERIFY(window->selectMails({id}));
    QCOMPARE(window->selectedMailIds(), QList<qint64>{id});
    QSignalSpy retried(window.get(), &FailedMailsPane::retryRequested);
    QSignalSpy counted(window.get(), &FailedMailsPane::failureCountChanged);
    auto *sendAgain = window->findChild<QPushButton *>(QStringLiteral("sendAgainButton"));
    QVERIFY(sendAgain && sendAgain->isEnabled());
    QTest::mouseClick(sendAgain, Qt::LeftButton);
    QVERIFY(waitIdle(*window));

    QCOMPARE(retried.count(), 1);
    QCOMPARE(window->model()->rowOfMail(id), -1);
    QCOMPARE(window->model()->rowCount(), before - 1);
    QCOMPARE(counted.count(), 1);
    QCOMPARE(counted.first().first().toInt(), before - 1);
    QVERIFY(window->messageBar()->isVisible());
    QCOMPARE(window->messageBar()->text(),
             QStringLiteral("The mail is queued again: it is being sent."));

    // Queued again and due now: the next claim takes it.
    const auto mail = OutboxRepository(*m_admin).get(id);
    QVERIFY(mail);
    QCOMPARE(mail->state, OutboxMail::State::Queued);
    const auto now = m_admin->serverNow();
    QVERIFY(now);
    QVERIFY(mail->nextAttemptAt <= *now);
    QCOMPARE(mail->lastError, RefusedRecipient); // kept for the record until it is sent
}

void TestFailedMailsPane::aRefusedMailIsShownAndNeverSentAgain()
{
    const QString why = QStringLiteral("Refused: it carries a header the application never "
                                       "writes (Bcc).");
    const qint64 refused = failedMail(*m_marieDb,
                                      m_world.owner,
                                      QStringLiteral("Dernier rappel"),
                                      QStringLiteral("contact"),
                                      why,
                                      true);
    const qint64 failed = failedMail(*m_marieDb, m_world.owner, QStringLiteral("Lot de cartons"));
    QVERIFY(refused > 0 && failed > 0);
    auto window = openWindow(*m_claireDb, m_world.moderator);
    QVERIFY(window);
    QVERIFY(window->model()->rowOfMail(refused) >= 0);
    QVERIFY(window->selectMails({refused}));
    // Not the server's words: the platform's, and no way to send it.
    QCOMPARE(text(*window, "errorTitle"), QStringLiteral("Why it is not sent"));
    QCOMPARE(text(*window, "detailError"), why);
    QVERIFY(text(*window, "detailFacts").contains(QStringLiteral("never be sent")));
    QCOMPARE(window->selectedMailIds(), QList<qint64>{});
    auto *sendAgain = window->findChild<QPushButton *>(QStringLiteral("sendAgainButton"));
    QVERIFY(sendAgain && !sendAgain->isEnabled());
    // Chosen with a mail that can go, only that one goes.
    QVERIFY(window->selectMails({refused, failed}));
    QCOMPARE(window->selectedMailIds(), QList<qint64>{failed});
    QVERIFY(window->selectMails({failed}));
    QCOMPARE(text(*window, "errorTitle"), QStringLiteral("The mail server's answer"));
    QCOMPARE(OutboxRepository(*m_claireDb).retry(refused).error().kind, Error::Kind::NotFound);
}

void TestFailedMailsPane::sendAgainTakesSeveralMails()
{
    const qint64 first = failedMail(*m_marieDb, m_world.owner, QStringLiteral("Lot de classeurs"));
    const qint64 second = failedMail(*m_admin,
                                     0,
                                     QStringLiteral("Rappel : votre annonce expire bientôt"),
                                     QStringLiteral("expiry-reminder"));
    QVERIFY(first > 0 && second > 0);
    auto window = openWindow(*m_claireDb, m_world.moderator);
    QVERIFY(window);
    QVERIFY(window->selectMails({first, second}));
    QCOMPARE(window->selectedMailIds(), (QList<qint64>{first, second}));
    QSignalSpy retried(window.get(), &FailedMailsPane::retryRequested);
    window->sendAgain();
    QVERIFY(waitIdle(*window));
    QCOMPARE(retried.count(), 1); // one request for the whole batch
    QCOMPARE(window->model()->rowOfMail(first), -1);
    QCOMPARE(window->model()->rowOfMail(second), -1);
    QCOMPARE(window->messageBar()->text(),
             QStringLiteral("2 mails are queued again: they are being sent."));
    for (qint64 id : {first, second})
        QCOMPARE(OutboxRepository(*m_admin).get(id)->state, OutboxMail::State::Queued);
}

void TestFailedMailsPane::anotherModeratorWasQuicker()
{
    const qint64 id = failedMail(*m_marieDb, m_world.owner, QStringLiteral("Table ronde"));
    QVERIFY(id > 0);
    auto claire = openWindow(*m_claireDb, m_world.moderator);
    auto luc = openWindow(*m_lucDb, m_world.secondModerator);
    QVERIFY(claire && luc);
    QVERIFY(claire->selectMails({id}));
    QVERIFY(luc->selectMails({id}));
    luc->sendAgain();
    QVERIFY(waitIdle(*luc));
    QCOMPARE(OutboxRepository(*m_admin).get(id)->state, OutboxMail::State::Queued);

    QSignalSpy retried(claire.get(), &FailedMailsPane::retryRequested);
    claire->sendAgain();
    QVERIFY(waitIdle(*claire));
    QCOMPARE(retried.count(), 0);
    QCOMPARE(claire->messageBar()->text(),
             QStringLiteral("This mail had already been sent again by someone else."));
    QCOMPARE(claire->model()->rowOfMail(id), -1); // the list shows the truth again
}

void TestFailedMailsPane::agentSeesOnlyOwnFailures()
{
    if (!isPostgres())
        QSKIP("SQLite is a single-workstation database: nobody's mails are hidden there");
    const qint64 marie = failedMail(*m_marieDb, m_world.owner, QStringLiteral("De Marie"));
    const qint64 paul = failedMail(*m_paulDb, m_world.other, QStringLiteral("De Paul"));
    const qint64 system = failedMail(*m_admin,
                                     0,
                                     QStringLiteral("Rappel : votre annonce expire"),
                                     QStringLiteral("expiry-reminder"));
    QVERIFY(marie > 0 && paul > 0 && system > 0);

    const auto mine = OutboxRepository(*m_marieDb).failures();
    QVERIFY2(mine, qPrintable(mine.error().detail));
    QSet<qint64> ids;
    for (const OutboxMail &mail : *mine) {
        QCOMPARE(mail.authorId, m_world.owner);
        ids.insert(mail.id);
    }
    QVERIFY(ids.contains(marie));
    QVERIFY(!ids.contains(paul));
    QVERIFY(!ids.contains(system));
    // Nor can she queue someone else's mail again: for her, it does not exist.
    QCOMPARE(OutboxRepository(*m_marieDb).retry(paul).error().kind, Error::Kind::NotFound);
    QCOMPARE(OutboxRepository(*m_admin).get(paul)->state, OutboxMail::State::Failed);

    // A moderator's login sees them all.
    auto window = openWindow(*m_claireDb, m_world.moderator);
    QVERIFY(window);
    for (qint64 id : {marie, paul, system})
        QVERIFY(window->model()->rowOfMail(id) >= 0);
}

void TestFailedMailsPane::databaseErrorShowsTheMessageBar()
{
    // A database without any schema: the outbox cannot be read.
    QString why;
    auto broken = TestDatabase::create(QStringLiteral("failedmailswindow_noschema"), &why);
    QVERIFY2(broken, qPrintable(why));
    std::unique_ptr<Database> db = broken->open(false);
    QVERIFY(db);
    {
        FailedMailsPane window(*db);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(waitIdle(window));
        MessageBar *bar = window.messageBar();
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().startsWith(QStringLiteral("The mails not sent could not be read.")),
                 qPrintable(bar->text()));
        QVERIFY(!bar->detail().isEmpty());
        QCOMPARE(window.failureCount(), -1);
        // Never "nothing is waiting" when nothing could be read.
        auto *empty = window.findChild<QLabel *>(QStringLiteral("failedMailsEmptyState"));
        QVERIFY(empty->isVisible());
        QCOMPARE(empty->text(), QStringLiteral("The list of mails not sent could not be read."));
        QVERIFY(!window.findChild<QPushButton *>(QStringLiteral("sendAgainButton"))->isEnabled());
        // Trying again fails again, calmly.
        auto *retry = window.findChild<QPushButton *>(QStringLiteral("messageBarRetryButton"));
        QVERIFY(retry && retry->isVisible());
        retry->click();
        QVERIFY(waitIdle(window));
        QVERIFY(bar->isVisible());
        window.sendAgain(); // nothing selected: nothing happens
        QVERIFY(bar->isVisible());
    }
    db.reset();
}

void TestFailedMailsPane::kindsInWords_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("words");
    QTest::newRow("contact") << QStringLiteral("contact") << QStringLiteral("Contact about an ad");
    QTest::newRow("new ad to moderate")
            << QStringLiteral("ad-submitted") << QStringLiteral("New ad to moderate");
    QTest::newRow("ad approved") << QStringLiteral("ad-approved") << QStringLiteral("Ad approved");
    QTest::newRow("ad rejected") << QStringLiteral("ad-rejected") << QStringLiteral("Ad rejected");
    QTest::newRow("expiry reminder")
            << QStringLiteral("expiry-reminder") << QStringLiteral("Expiry reminder");
    QTest::newRow("wanted match") << QStringLiteral("wanted-match")
                                  << QStringLiteral("Ad matching a search");
    QTest::newRow("pickup planned")
            << QStringLiteral("pickup-planned") << QStringLiteral("Pickup planned");
    QTest::newRow("pickup done") << QStringLiteral("pickup-done") << QStringLiteral("Pickup done");
    QTest::newRow("ad removed") << QStringLiteral("ad-removed")
                                << QStringLiteral("Ad removed by a moderator");
    QTest::newRow("a kind of a newer version, as it is")
            << QStringLiteral("loan-overdue") << QStringLiteral("loan-overdue");
}

void TestFailedMailsPane::kindsInWords()
{
    QFETCH(QString, key);
    QFETCH(QString, words);
    QCOMPARE(FailedMailsModel::kindText(key), words);
}

QTEST_MAIN(TestFailedMailsPane)
#include "tst_failedmailspane.moc"
