// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The application's mails on both backends: the French templates, Contact (request and mail in
// one transaction), the notices of moderation, the expiry reminder. Every mail is read back by
// Python's email package, as a mail client would read it.
#include "Fixtures.h"
#include "MailTestSupport.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "actions/AdWorkflow.h"
#include "actions/ContactRequests.h"
#include "actions/ExpiryRound.h"
#include "actions/Notifications.h"
#include "mail/MailTemplates.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlDialect.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace Recup;
using namespace Recup::Testing;

namespace {

QHash<QString, QString> sampleFields(MailKind kind)
{
    QHash<QString, QString> fields;
    for (const QString &name : MailTemplates::fieldNames(kind))
        fields.insert(name, QStringLiteral("«%1»").arg(name));
    return fields;
}

} // namespace

class TestMailNotifications : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("mailnotifications"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        m_settings.sender
                = {QStringLiteral("collectiv-recup@agglo.test"), QStringLiteral("Collectiv'Récup")};
        QVERIFY(usePlatformSettings(*m_db, m_settings));
        const auto marie = ReferenceRepository(*m_db).agent(m_world.owner);
        const auto paul = ReferenceRepository(*m_db).agent(m_world.other);
        QVERIFY(marie && paul);
        m_marie = *marie;
        m_paul = *paul;
        m_paul.phone = QStringLiteral("05 61 00 00 00");
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }
    void init()
    {
        QVERIFY(execSql(*m_db, QStringLiteral("DELETE FROM contact_request")));
        QVERIFY(execSql(*m_db, QStringLiteral("DELETE FROM outbox")));
    }

    // --- Templates -------------------------------------------------------------------------

    void everyKindRendersInFrench_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("subjectStart");
        QTest::newRow("contact") << int(MailKind::Contact) << QStringLiteral("Demande pour");
        QTest::newRow("new ad to moderate")
                << int(MailKind::AdSubmitted) << QStringLiteral("Annonce à modérer");
        QTest::newRow("approved") << int(MailKind::AdApproved) << QStringLiteral("Votre annonce");
        QTest::newRow("rejected") << int(MailKind::AdRejected) << QStringLiteral("Votre annonce");
        QTest::newRow("expiry reminder")
                << int(MailKind::ExpiryReminder) << QStringLiteral("Votre annonce");
        QTest::newRow("wanted-ad match")
                << int(MailKind::WantedMatch) << QStringLiteral("Une annonce correspond");
        QTest::newRow("pickup planned")
                << int(MailKind::PickupPlanned) << QStringLiteral("Enlèvement prévu");
        QTest::newRow("pickup done")
                << int(MailKind::PickupDone) << QStringLiteral("Enlèvement effectué");
        QTest::newRow("removed by a moderator")
                << int(MailKind::AdRemoved) << QStringLiteral("Votre annonce");
    }
    void everyKindRendersInFrench()
    {
        QFETCH(int, kind);
        QFETCH(QString, subjectStart);
        const MailKind k = MailKind(kind);
        QCOMPARE(mailKindFromKey(toKey(k)), k);
        const QHash<QString, QString> fields = sampleFields(k);
        QVERIFY(fields.size() > 3);
        const auto content = MailTemplates::render(k, fields);
        QVERIFY2(content, qPrintable(content.error().message));
        QVERIFY2(content->subject.startsWith(subjectStart), qPrintable(content->subject));
        QVERIFY(content->html.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(content->html.contains(QLatin1String("lang=\"fr\"")));
        // Every field given reaches both parts; no placeholder is left behind.
        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            if (it.key() == QLatin1String("appName"))
                continue;
            QVERIFY2(content->text.contains(it.value()) || content->subject.contains(it.value()),
                     qPrintable(it.key()));
            QVERIFY2(content->html.contains(it.value().toHtmlEscaped()), qPrintable(it.key()));
        }
        QVERIFY(!content->text.contains(QLatin1String("{{")));
        QVERIFY(!content->html.contains(QLatin1String("{{")));

        // A missing field is named, not rendered as a hole.
        QHash<QString, QString> lacking = fields;
        lacking.remove(QStringLiteral("adTitle"));
        const auto refused = MailTemplates::render(k, lacking);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QLatin1String("adTitle")));
    }

    void typedTextIsEscapedAndNeverATemplate()
    {
        QHash<QString, QString> fields = sampleFields(MailKind::Contact);
        fields[QStringLiteral("message")]
                = QStringLiteral("<script>alert(1)</script> & {{adTitle}}\nDeuxième ligne");
        fields[QStringLiteral("adTitle")] = QStringLiteral("Bureau\r\nBcc: pirate@ailleurs.test");
        fields[QStringLiteral("requesterPhone")] = QString();
        const auto content = MailTemplates::render(MailKind::Contact, fields);
        QVERIFY(content);
        QVERIFY(content->html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;")));
        QVERIFY(!content->html.contains(QLatin1String("<script>")));
        QVERIFY(content->html.contains(QStringLiteral("<br>\nDeuxième ligne")));
        // A value is inserted once, never read again as a template.
        QVERIFY(content->text.contains(QLatin1String("& {{adTitle}}")));
        QVERIFY(!content->subject.contains(u'\n') && !content->subject.contains(u'\r'));
        QVERIFY(content->subject.contains(QLatin1String("Bureau Bcc: pirate")));
        // No phone: its line is left out rather than "Téléphone : " with nothing.
        QVERIFY(!content->text.contains(QStringLiteral("Téléphone")));
        QVERIFY(!content->html.contains(QStringLiteral("Téléphone")));
        fields[QStringLiteral("requesterPhone")] = QStringLiteral("05 61 00 00 00");
        QVERIFY(MailTemplates::render(MailKind::Contact, fields)
                        ->text.contains(QStringLiteral("Téléphone : 05 61 00 00 00")));
    }

    // --- Contact ---------------------------------------------------------------------------

    void contactMailsThePosterWithModeratorsInCopy()
    {
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Armoire métallique à rideau"));
        const auto request = ContactRequests(*m_db).send(
                ad.id,
                m_paul,
                m_world.library,
                QStringLiteral("Bonjour,\nnous cherchons une armoire pour la médiathèque.\n"
                               "Nous pouvons passer jeudi."),
                m_settings);
        QVERIFY2(request, qPrintable(request.error().message + request.error().detail));
        QCOMPARE(request->requestingServiceName, QStringLiteral("Médiathèque"));

        const QList<OutboxMail> mails = outbox();
        QCOMPARE(mails.size(), 1);
        const OutboxMail &mail = mails.first();
        QCOMPARE(mail.kind, QStringLiteral("contact"));
        QCOMPARE(mail.authorId, m_world.other);
        QCOMPARE(mail.messageId, request->messageId);
        QCOMPARE(mail.recipients,
                 (QStringList{QStringLiteral("mdupont@agglo.test"),
                              QStringLiteral("cbernard@agglo.test"),
                              QStringLiteral("lpetit@agglo.test")}));

        QString error;
        const QJsonObject parsed = parseMail(mail.rfc5322, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(headerValue(parsed, QStringLiteral("To")),
                 QStringLiteral("Marie Dupont <mdupont@agglo.test>"));
        QVERIFY(headerValue(parsed, QStringLiteral("Cc")).contains(QLatin1String("cbernard")));
        QVERIFY(headerValue(parsed, QStringLiteral("Cc")).contains(QLatin1String("lpetit")));
        QCOMPARE(headerValue(parsed, QStringLiteral("Reply-To")),
                 QStringLiteral("Paul Martin <pmartin@agglo.test>"));
        QCOMPARE(headerValue(parsed, QStringLiteral("From")),
                 QStringLiteral("Paul Martin via Collectiv'Récup <collectiv-recup@agglo.test>"));
        QCOMPARE(headerValue(parsed, QStringLiteral("Subject")),
                 QStringLiteral("Demande pour votre annonce « Armoire métallique à rideau »"));
        const QString text = textPart(parsed, QStringLiteral("text/plain"));
        QVERIFY2(text.contains(QStringLiteral("Paul Martin (Médiathèque) est intéressé(e)")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("nous cherchons une armoire pour la médiathèque.\n"
                                             "Nous pouvons passer jeudi.")));
        QVERIFY(text.contains(QStringLiteral("Téléphone : 05 61 00 00 00")));
        QVERIFY(textPart(parsed, QStringLiteral("text/html"))
                        .contains(QStringLiteral("Armoire métallique à rideau")));

        // The poster sees who asked, and for which service.
        const auto requests = ContactRequests(*m_db).forAd(ad.id);
        QVERIFY(requests);
        QCOMPARE(requests->size(), 1);
        QCOMPARE(requests->first().requesterName, QStringLiteral("Paul Martin"));
        QCOMPARE(requests->first().requestingServiceName, QStringLiteral("Médiathèque"));
    }

    void hostileTitleAddsNoHeader()
    {
        Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Chaise"));
        QSqlQuery q(m_db->connection());
        // Written behind the application's back, as a hostile client could.
        q.prepare(QStringLiteral("UPDATE ad SET title = ?, version = version + 1 WHERE id = ?"));
        q.addBindValue(QStringLiteral("Chaise\r\nBcc: pirate@ailleurs.test\r\nX-Evil: 1"));
        q.addBindValue(ad.id);
        QVERIFY(q.exec());
        const auto request = ContactRequests(*m_db).send(
                ad.id, m_paul, m_world.library, QStringLiteral("Intéressé."), m_settings);
        QVERIFY2(request, qPrintable(request.error().message));
        QString error;
        const QJsonObject parsed = parseMail(outbox().first().rfc5322, &error);
        QVERIFY(error.isEmpty());
        const QStringList names = headerNames(parsed);
        QVERIFY(!names.contains(QStringLiteral("Bcc"), Qt::CaseInsensitive));
        QVERIFY(!names.contains(QStringLiteral("X-Evil"), Qt::CaseInsensitive));
        QVERIFY(!outbox().first().recipients.contains(QStringLiteral("pirate@ailleurs.test")));
    }

    void refusedRequestsWriteNothing_data()
    {
        QTest::addColumn<QString>("situation");
        QTest::addColumn<QString>("field");
        QTest::newRow("empty message") << QStringLiteral("empty") << QStringLiteral("message");
        QTest::newRow("message of 2,001 characters")
                << QStringLiteral("long") << QStringLiteral("message");
        QTest::newRow("unknown service") << QStringLiteral("service") << QStringLiteral("service");
        QTest::newRow("one's own ad") << QStringLiteral("own") << QString();
        QTest::newRow("ad still in moderation") << QStringLiteral("pending") << QString();
    }
    void refusedRequestsWriteNothing()
    {
        QFETCH(QString, situation);
        QFETCH(QString, field);
        Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Caisson à tiroirs"));
        Agent requester = m_paul;
        qint64 service = m_world.library;
        QString message = QStringLiteral("Intéressé.");
        if (situation == QLatin1String("empty"))
            message = QStringLiteral("   \n ");
        else if (situation == QLatin1String("long"))
            message = QString(2001, u'é');
        else if (situation == QLatin1String("service"))
            service = 987654;
        else if (situation == QLatin1String("own"))
            requester = m_marie;
        else if (situation == QLatin1String("pending")) {
            const auto draft = AdRepository(*m_db).create(m_world.sampleAd(), m_world.ownerActor());
            QVERIFY(draft);
            const auto pending = AdRepository(*m_db).transition(
                    draft->id,
                    {AdAction::Submit, draft->version, {}, {}, 0, {}},
                    m_world.ownerActor());
            QVERIFY(pending);
            ad = *pending;
        }
        const auto refused
                = ContactRequests(*m_db).send(ad.id, requester, service, message, m_settings);
        QVERIFY(!refused);
        QVERIFY(!refused.error().message.isEmpty());
        if (!field.isEmpty()) {
            QCOMPARE(refused.error().kind, Error::Kind::Invalid);
            QCOMPARE(refused.error().fields.first().first, field);
        }
        QCOMPARE(outbox().size(), 0);
        QCOMPARE(countOf(*m_db, QStringLiteral("SELECT count(*) FROM contact_request")), 0);
    }

    // --- Moderation ------------------------------------------------------------------------

    void submittingMailsTheModerators()
    {
        const auto draft = AdRepository(*m_db).create(
                m_world.sampleAd(QStringLiteral("Fauteuil de bureau")), m_world.ownerActor());
        QVERIFY(draft);
        AdWorkflow workflow(*m_db, m_settings);
        const auto pending = workflow.transition(
                draft->id, {AdAction::Submit, draft->version, {}, {}, 0, {}}, m_world.ownerActor());
        QVERIFY2(pending, qPrintable(pending.error().detail));
        QCOMPARE(workflow.mailsWritten(), 1);
        const QList<OutboxMail> mails = outbox();
        QCOMPARE(mails.size(), 1);
        QCOMPARE(mails.first().kind, QStringLiteral("ad-submitted"));
        QCOMPARE(mails.first().authorId, m_world.owner);
        QCOMPARE(mails.first().recipients,
                 (QStringList{QStringLiteral("cbernard@agglo.test"),
                              QStringLiteral("lpetit@agglo.test")}));
        QString error;
        const QJsonObject parsed = parseMail(mails.first().rfc5322, &error);
        QCOMPARE(headerValue(parsed, QStringLiteral("Subject")),
                 QStringLiteral("Annonce à modérer : « Fauteuil de bureau »"));
        QVERIFY(textPart(parsed, QStringLiteral("text/plain"))
                        .contains(QStringLiteral("Marie Dupont (Déchets)")));
    }

    void moderatorsAddressReplacesTheirOwn()
    {
        MailSettings settings = m_settings;
        settings.moderatorsAddress = QStringLiteral("moderation@agglo.test");
        QVERIFY(usePlatformSettings(*m_db, settings));
        const auto draft = AdRepository(*m_db).create(m_world.sampleAd(), m_world.ownerActor());
        QVERIFY(draft);
        const auto submitted
                = AdWorkflow(*m_db, settings)
                          .transition(draft->id,
                                      {AdAction::Submit, draft->version, {}, {}, 0, {}},
                                      m_world.ownerActor());
        QVERIFY(usePlatformSettings(*m_db, m_settings));
        QVERIFY(submitted);
        QCOMPARE(outbox().first().recipients, QStringList{QStringLiteral("moderation@agglo.test")});
    }

    void decisionsMailThePoster_data()
    {
        QTest::addColumn<bool>("approve");
        QTest::newRow("approved") << true;
        QTest::newRow("rejected with the reason") << false;
    }
    void decisionsMailThePoster()
    {
        QFETCH(bool, approve);
        const auto draft = AdRepository(*m_db).create(
                m_world.sampleAd(QStringLiteral("Table de réunion")), m_world.ownerActor());
        QVERIFY(draft);
        const auto pending = AdRepository(*m_db).transition(
                draft->id, {AdAction::Submit, draft->version, {}, {}, 0, {}}, m_world.ownerActor());
        QVERIFY(pending);
        TransitionRequest decision{approve ? AdAction::Approve : AdAction::Reject,
                                   pending->version,
                                   approve ? QString()
                                           : QStringLiteral("Photo floue : merci d'en joindre "
                                                            "une nette."),
                                   {},
                                   0,
                                   {}};
        const auto decided = AdWorkflow(*m_db, m_settings)
                                     .transition(draft->id, decision, m_world.moderatorActor());
        QVERIFY2(decided, qPrintable(decided.error().detail));
        const QList<OutboxMail> mails = outbox();
        QCOMPARE(mails.size(), 1);
        QCOMPARE(mails.first().kind,
                 approve ? QStringLiteral("ad-approved") : QStringLiteral("ad-rejected"));
        QCOMPARE(mails.first().authorId, m_world.moderator);
        QCOMPARE(mails.first().recipients, QStringList{QStringLiteral("mdupont@agglo.test")});
        QString error;
        const QJsonObject parsed = parseMail(mails.first().rfc5322, &error);
        const QString subject = headerValue(parsed, QStringLiteral("Subject"));
        const QString text = textPart(parsed, QStringLiteral("text/plain"));
        if (approve) {
            QCOMPARE(subject, QStringLiteral("Votre annonce « Table de réunion » est publiée"));
            // The date the ad leaves the catalogue, in French words.
            QVERIFY2(text.contains(Notifications::frenchDate(decided->expiresAt)),
                     qPrintable(text));
            QVERIFY(decided->expiresAt.isValid());
        } else {
            QCOMPARE(subject,
                     QStringLiteral("Votre annonce « Table de réunion » n’a pas été acceptée"));
            QVERIFY(text.contains(QLatin1String("Photo floue : merci d'en joindre une nette.")));
        }
    }

    void aMailThatCannotBeWrittenUndoesTheDecision()
    {
        const auto draft = AdRepository(*m_db).create(m_world.sampleAd(), m_world.ownerActor());
        QVERIFY(draft);
        const auto pending = AdRepository(*m_db).transition(
                draft->id, {AdAction::Submit, draft->version, {}, {}, 0, {}}, m_world.ownerActor());
        QVERIFY(pending);
        // The poster's address, as the directory import left it, cannot take a mail.
        QVERIFY(execSql(*m_db,
                        QStringLiteral("UPDATE agent SET email = 'marie dupont@agglo.test' "
                                       "WHERE id = %1")
                                .arg(m_world.owner)));
        const auto refused
                = AdWorkflow(*m_db, m_settings)
                          .transition(draft->id,
                                      {AdAction::Approve, pending->version, {}, {}, 0, {}},
                                      m_world.moderatorActor());
        QVERIFY(execSql(*m_db,
                        QStringLiteral("UPDATE agent SET email = '%1' WHERE id = %2")
                                .arg(m_marie.email)
                                .arg(m_world.owner)));
        QVERIFY(!refused);
        const auto still = AdRepository(*m_db).get(draft->id, false);
        QCOMPARE(still->state, AdState::Pending);
        QCOMPARE(still->version, pending->version);
        QCOMPARE(outbox().size(), 0);
    }

    void removalMailsThePosterWithTheReason_data()
    {
        QTest::addColumn<bool>("published");
        QTest::addColumn<QString>("moderatorsAddress");
        QTest::newRow("a published ad, each moderator's address") << true << QString();
        QTest::newRow("an ad still in moderation, the moderators' shared address")
                << false << QStringLiteral("moderation@agglo.test");
    }
    void removalMailsThePosterWithTheReason()
    {
        QFETCH(bool, published);
        QFETCH(QString, moderatorsAddress);
        MailSettings settings = m_settings;
        settings.moderatorsAddress = moderatorsAddress;
        QVERIFY(usePlatformSettings(*m_db, settings));
        const QString title = QStringLiteral("Fauteuil « club » très abîmé");
        const Ad ad
                = published ? publishedAd(*m_db, m_world, title) : pendingAd(*m_db, m_world, title);
        const QString reason = QStringLiteral("Mobilier hors d'usage : il relève de la "
                                              "déchèterie, pas du réemploi.\nMerci de votre "
                                              "compréhension.");
        AdWorkflow workflow(*m_db, settings);
        const auto removed = workflow.transition(
                ad.id, {AdAction::Remove, ad.version, reason, {}, 0, {}}, m_world.moderatorActor());
        QVERIFY(usePlatformSettings(*m_db, m_settings));
        QVERIFY2(removed, qPrintable(removed.error().message + removed.error().detail));
        QCOMPARE(removed->closeReason, std::optional(CloseReason::Removed));
        QCOMPARE(workflow.mailsWritten(), 1);

        // One mail, to the poster alone, following the removal step of the history.
        const QList<OutboxMail> mails = outbox();
        QCOMPARE(mails.size(), 1);
        const OutboxMail &mail = mails.first();
        QCOMPARE(mail.kind, QStringLiteral("ad-removed"));
        QCOMPARE(mail.authorId, m_world.moderator);
        QCOMPARE(mail.recipients, QStringList{m_marie.email});
        const auto history = AdRepository(*m_db).history(ad.id);
        QVERIFY(history);
        QCOMPARE(history->last().action, AdAction::Remove);
        QCOMPARE(mail.actionId, history->last().id);

        // As a mail program reads it: French, the reason, whom to write to.
        QString error;
        const QJsonObject parsed = parseMail(mail.rfc5322, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(parsed.value(QLatin1String("defects")).toArray(), QJsonArray());
        // A header never carries a no-break space: MimeWriter writes every space as a space.
        const QString subject
                = QStringLiteral("Votre annonce « Fauteuil « club » très abîmé » a été retirée");
        QCOMPARE(headerValue(parsed, QStringLiteral("Subject")), subject);
        const QString problem = rfc2047SubjectProblem(mail.rfc5322, subject);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(headerValue(parsed, QStringLiteral("To")),
                 QStringLiteral("Marie Dupont <mdupont@agglo.test>"));
        QVERIFY(headerValue(parsed, QStringLiteral("Cc")).isEmpty());
        QVERIFY(headerValue(parsed, QStringLiteral("Reply-To")).isEmpty());
        QCOMPARE(headerValue(parsed, QStringLiteral("From")),
                 QStringLiteral("Collectiv'Récup <collectiv-recup@agglo.test>"));
        const QString text = textPart(parsed, QStringLiteral("text/plain"));
        QVERIFY2(text.startsWith(QStringLiteral("Bonjour Marie Dupont,")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("ont retiré votre annonce")), qPrintable(text));
        QVERIFY2(text.contains(reason), qPrintable(text));
        const QString writeTo = moderatorsAddress.isEmpty()
                                        ? QStringLiteral("cbernard@agglo.test, lpetit@agglo.test")
                                        : moderatorsAddress;
        QVERIFY2(text.contains(QStringLiteral("Écrivez aux modérateurs\u00a0: ") + writeTo),
                 qPrintable(text));
        const QString html = textPart(parsed, QStringLiteral("text/html"));
        QVERIFY(html.contains(QLatin1String("lang=\"fr\"")));
        QVERIFY2(html.contains(QStringLiteral("il relève de la déchèterie")), qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("Fauteuil « club » très abîmé")));
    }

    void aRemovalWhoseMailCannotBeWrittenIsNotSaved()
    {
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Desserte roulante"));
        // The poster's address, as the directory import left it, cannot take a mail.
        QVERIFY(execSql(*m_db,
                        QStringLiteral("UPDATE agent SET email = 'marie dupont@agglo.test' "
                                       "WHERE id = %1")
                                .arg(m_world.owner)));
        const auto refused = AdWorkflow(*m_db, m_settings)
                                     .transition(ad.id,
                                                 {AdAction::Remove,
                                                  ad.version,
                                                  QStringLiteral("Doublon."),
                                                  {},
                                                  0,
                                                  {}},
                                                 m_world.moderatorActor());
        QVERIFY(execSql(*m_db,
                        QStringLiteral("UPDATE agent SET email = '%1' WHERE id = %2")
                                .arg(m_marie.email)
                                .arg(m_world.owner)));
        QVERIFY(!refused);
        const auto still = AdRepository(*m_db).get(ad.id, false);
        QCOMPARE(still->state, AdState::Published);
        QCOMPARE(still->version, ad.version);
        QCOMPARE(outbox().size(), 0);
    }

    void expiryReminderIsWrittenOnce()
    {
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Étagère métallique"));
        Notifications notifications(*m_db, m_settings);
        const auto first = notifications.expiryReminder(ad);
        QVERIFY2(first, qPrintable(first.error().message + first.error().detail));
        const auto second = notifications.expiryReminder(ad);
        QVERIFY(second);
        QCOMPARE(second->id, first->id);
        QCOMPARE(outbox().size(), 1);
        QCOMPARE(outbox().first().authorId, 0);
        QString error;
        const QJsonObject parsed = parseMail(outbox().first().rfc5322, &error);
        QCOMPARE(headerValue(parsed, QStringLiteral("Subject")),
                 QStringLiteral("Votre annonce « Étagère métallique » expire le %1")
                         .arg(Notifications::frenchDate(ad.expiresAt)));
    }

    void expiryRoundRemindsThenExpires()
    {
        // Other tests' ads are published too: each round runs for all, the checks are on ours.
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Vestiaire métallique"));
        QVERIFY(ad.expiresAt.isValid());
        ExpiryRound round(*m_db, m_settings);
        const QString reminderId = Notifications(*m_db, m_settings).expiryReminderId(ad);
        // Weeks before: nothing to say yet.
        QVERIFY(round.run(ad.expiresAt.addDays(-30)));
        QCOMPARE(mailsWithId(reminderId), 0);
        // Five days before: the reminder, once however often the relay goes round.
        QVERIFY(round.run(ad.expiresAt.addDays(-5)));
        QCOMPARE(mailsWithId(reminderId), 1);
        const auto again = round.run(ad.expiresAt.addDays(-4));
        QVERIFY(again);
        QCOMPARE(again->failed, 0);
        QCOMPARE(mailsWithId(reminderId), 1);
        QCOMPARE(AdRepository(*m_db).get(ad.id, false)->state, AdState::Published);
        // Past the date: it leaves the catalogue, the system's action in its history.
        const auto outcome = round.run(ad.expiresAt.addSecs(60));
        QVERIFY(outcome);
        QVERIFY(outcome->expired >= 1);
        QCOMPARE(outcome->failed, 0);
        QCOMPARE(AdRepository(*m_db).get(ad.id, false)->state, AdState::Expired);
        const auto history = AdRepository(*m_db).history(ad.id);
        QCOMPARE(history->last().action, AdAction::Expire);
        QCOMPARE(history->last().actorId, 0);
        QCOMPARE(mailsWithId(reminderId), 1);
    }

    void noExpiryWithoutTimeToReadTheReminder()
    {
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Porte-manteau"));
        ExpiryRound round(*m_db, m_settings);
        const QString reminderId = Notifications(*m_db, m_settings).expiryReminderId(ad);
        // The relay was down for weeks: the date has passed, but the poster was never told.
        QVERIFY(round.run(ad.expiresAt.addDays(3)));
        QCOMPARE(mailsWithId(reminderId), 1);
        QCOMPARE(AdRepository(*m_db).get(ad.id, false)->state, AdState::Published);
        // Say the reminder went out an hour before this round: too soon to take the ad away.
        const QDateTime late = ad.expiresAt.addDays(3);
        QSqlQuery q(m_db->connection());
        q.prepare(QStringLiteral("UPDATE outbox SET created_at = ? WHERE message_id = ?"));
        q.addBindValue(m_db->dialect().toDb(late.addSecs(-3600)));
        q.addBindValue(reminderId);
        QVERIFY(q.exec());
        QVERIFY(round.run(late));
        QCOMPARE(AdRepository(*m_db).get(ad.id, false)->state, AdState::Published);
        // A day after the reminder, it may go.
        QVERIFY(round.run(late.addSecs(ExpiryRound::NoticeHours * 3600)));
        QCOMPARE(AdRepository(*m_db).get(ad.id, false)->state, AdState::Expired);
        QCOMPARE(mailsWithId(reminderId), 1);
    }

    void theRelaysAdministratorLoginRunsTheRound()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("logins exist on PostgreSQL only");
        // The relay's own login, a member of recup_admin, as the README deploys it.
        QVERIFY(enrolLogin(*m_db, QStringLiteral("mnt_relay"), Role::Admin, m_world.waste) > 0);
        const auto relay = m_test->openAs(QStringLiteral("mnt_relay"));
        QVERIFY(relay);
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Casier à clés"));
        ExpiryRound round(*relay, m_settings);
        const auto reminded = round.run(ad.expiresAt.addDays(-2));
        QVERIFY2(reminded, qPrintable(reminded.error().detail));
        QCOMPARE(reminded->failed, 0);
        QCOMPARE(mailsWithId(Notifications(*m_db, m_settings).expiryReminderId(ad)), 1);
        const auto expired = round.run(ad.expiresAt.addDays(2));
        QVERIFY2(expired, qPrintable(expired.error().detail));
        QVERIFY2(expired->failed == 0, qPrintable(expired->firstError.detail));
        QCOMPARE(AdRepository(*m_db).get(ad.id, false)->state, AdState::Expired);
        // The history says the system did it, not the relay's login.
        QCOMPARE(AdRepository(*m_db).history(ad.id)->last().actorId, 0);
    }

    void senderDefaultsToTheActingAgentsDomain()
    {
        const Ad ad = publishedAd(*m_db, m_world, QStringLiteral("Lampe de bureau"));
        QVERIFY(usePlatformSettings(*m_db, MailSettings{}));
        const auto sent = ContactRequests(*m_db).send(
                ad.id, m_paul, m_world.library, QStringLiteral("Intéressé."), MailSettings{});
        QVERIFY(usePlatformSettings(*m_db, m_settings));
        QVERIFY2(sent, qPrintable(sent.error().detail));
        QCOMPARE(outbox().first().envelopeFrom, QStringLiteral("ne-pas-repondre@agglo.test"));
    }

private:
    int mailsWithId(const QString &messageId)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE message_id = ?"));
        q.addBindValue(messageId);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    }
    QList<OutboxMail> outbox()
    {
        QList<OutboxMail> mails;
        QSqlQuery q(m_db->connection());
        if (!q.exec(QStringLiteral("SELECT id FROM outbox ORDER BY id")))
            return mails;
        while (q.next()) {
            if (const auto mail = OutboxRepository(*m_db).get(q.value(0).toLongLong()))
                mails.append(*mail);
        }
        return mails;
    }
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    MailSettings m_settings;
    Agent m_marie;
    Agent m_paul;
};

QTEST_GUILESS_MAIN(TestMailNotifications)
#include "tst_mailnotifications.moc"
