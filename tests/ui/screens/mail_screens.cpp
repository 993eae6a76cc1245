// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the mail screens on the demo database, as PNG files, to be looked at:
//   Xvfb :96 -screen 0 1440x900x24 &  DISPLAY=:96 recup-mail-screens OUTDIR
// RECUP_SCREENS_LANG=fr loads the French translation, as `collectiv-recup --lang fr` does.
// Writes the Contact form (filled in, and refused), the mail settings, the moderators' list of
// mails not sent, and the HTML of a contact mail as a mail client would show it.
#include "Screens.h"
#include "actions/MailQueue.h"
#include "actions/OutboxDispatcher.h"
#include "agent/ContactDialog.h"
#include "agent/MyAdsWindow.h"
#include "common/MailSettingsDialog.h"
#include "demo/LocalDemo.h"
#include "mail/MailTemplates.h"
#include "mail/MimeWriter.h"
#include "mail/PickupFolderTransport.h"
#include "moderator/ModerationQueueWindow.h"
#include "settings/AppSettings.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/ReferenceRepository.h"

#include <QApplication>
#include <QDir>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Recup;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Testing::prepareScreens(app);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() < 2) {
        qWarning("usage: %s OUTDIR", argv[0]);
        return 2;
    }
    const QDir out(arguments.at(1));
    QDir().mkpath(out.absolutePath());
    QTemporaryDir temporary;
    auto opened = LocalDemo::open(temporary.filePath(QStringLiteral("demo.sqlite")));
    if (!opened)
        return 1;
    std::unique_ptr<Database> db = std::move(opened).value();
    ReferenceRepository people(*db);
    const auto agents = people.agents();
    if (!agents || agents->size() < 2)
        return 1;
    const Agent requester = agents->at(1);

    // A published ad of someone else.
    QSqlQuery q(db->connection());
    q.prepare(QStringLiteral("SELECT id, title FROM ad WHERE state = 'published' AND owner_id <> ? "
                             "ORDER BY id LIMIT 1"));
    q.addBindValue(requester.id);
    if (!q.exec() || !q.next())
        return 1;
    const qint64 adId = q.value(0).toLongLong();
    const QString title = q.value(1).toString();

    MailSettings mail;
    {
        ContactDialog dialog(
                *db, requester, adId, title, QStringLiteral("Marie Dupont, Déchets"), mail);
        dialog.show();
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("contactMessage"))
                ->setPlainText(QStringLiteral(
                        "Bonjour,\nnotre service cherche ce meuble pour la salle d'archives. "
                        "Nous pourrions passer le prendre jeudi matin avec le véhicule du "
                        "service.\nMerci !"));
        Testing::saveScreen(dialog, out.filePath(QStringLiteral("contact.png")));
        dialog.send(); // recorded: the poster's window below shows the request
    }
    {
        ContactDialog dialog(
                *db, requester, adId, title, QStringLiteral("Marie Dupont, Déchets"), mail);
        dialog.show();
        dialog.send();
        Testing::saveScreen(dialog, out.filePath(QStringLiteral("contact-refused.png")));
    }
    {
        AppSettings settings(temporary.filePath(QStringLiteral("screens.ini")));
        MailSettings smtp;
        smtp.transport = MailSettings::Transport::Smtp;
        smtp.smtp.host = QStringLiteral("smtp.agglo.local");
        smtp.smtp.user = QStringLiteral("collectiv-recup");
        smtp.sender
                = {QStringLiteral("collectiv-recup@agglo.fr"), QStringLiteral("Collectiv'Récup")};
        smtp.save(settings);
        MailSettingsDialog dialog(settings, nullptr);
        dialog.setTestRecipient(requester.email);
        dialog.show();
        Testing::saveScreen(dialog, out.filePath(QStringLiteral("mail-settings.png")));
        // A workstation on the PostgreSQL server: the database names the sender.
        MailSettingsDialog server(settings, nullptr);
        server.setSenderKeptByDatabase(true);
        server.setTestRecipient(requester.email);
        server.show();
        Testing::saveScreen(server, out.filePath(QStringLiteral("mail-settings-server.png")));
    }
    {
        // A contact mail as a mail client shows its HTML part.
        QHash<QString, QString> fields;
        for (const QString &name : MailTemplates::fieldNames(MailKind::Contact))
            fields.insert(name, name);
        fields.remove(QStringLiteral("appName"));
        fields[QStringLiteral("ownerName")] = QStringLiteral("Marie Dupont");
        fields[QStringLiteral("requesterName")] = requester.displayName;
        fields[QStringLiteral("requestingService")] = QStringLiteral("Médiathèque");
        fields[QStringLiteral("adTitle")] = title;
        fields[QStringLiteral("adReference")] = QString::number(adId);
        fields[QStringLiteral("category")] = QStringLiteral("Armoires et rangements");
        fields[QStringLiteral("site")] = QStringLiteral("Centre technique municipal, bâtiment B");
        fields[QStringLiteral("requesterEmail")] = requester.email;
        fields[QStringLiteral("requesterPhone")] = QStringLiteral("05 61 00 00 00");
        fields[QStringLiteral("message")] = QStringLiteral(
                "Bonjour,\nnotre service cherche ce meuble pour la salle d'archives.\nMerci !");
        QTextBrowser browser;
        browser.resize(700, 640);
        browser.setHtml(MailTemplates::render(MailKind::Contact, fields)->html);
        browser.show();
        Testing::saveScreen(browser, out.filePath(QStringLiteral("contact-mail.png")));
    }
    {
        MailMessage message;
        message.from = {QStringLiteral("collectiv-recup@agglo.fr"), {}};
        message.to = {{QStringLiteral("ancien.agent@agglo.fr"), QStringLiteral("Jean Ancien")}};
        message.subject = QStringLiteral("Votre annonce « Armoire basse » est publiée");
        message.textBody = QStringLiteral("Bonjour,\n");
        OutboxRepository outbox(*db);
        const auto queued = MailQueue(*db).enqueue(message, QStringLiteral("ad-approved"), 0, 0);
        if (queued && outbox.claimDue(100, QStringLiteral("screens")))
            outbox.markFailed(queued->id,
                              OutboxRepository::Failure::Permanent,
                              QStringLiteral("Le serveur a refusé un destinataire. "
                                             "(550 5.1.1 <ancien.agent@agglo.fr>: "
                                             "Recipient address rejected: User unknown)"));
        // A row someone wrote by hand with a Bcc: the sender refuses it, moderators see why.
        MailMessage forged = message;
        forged.messageId.clear();
        forged.subject = QStringLiteral("Votre annonce « Chaises » : dernier rappel");
        forged.stamp();
        if (const auto written = MimeWriter().write(forged)) {
            const QByteArray bytes = "Bcc: liste-externe@ailleurs.example\r\n" + *written;
            RenderedMail rendered{
                    forged.messageId, bytes, forged.from.address, {forged.to.first().address}};
            if (outbox.enqueue(rendered, QStringLiteral("ad-approved"), requester.id, 0)) {
                QTemporaryDir sink;
                PickupFolderTransport transport(sink.path());
                OutboxDispatcher dispatcher(*db, &transport, QStringLiteral("screens"));
                QSignalSpy drained(&dispatcher, &OutboxDispatcher::drained);
                dispatcher.sendNow();
                if (drained.isEmpty())
                    drained.wait(10'000);
            }
        }
        Agent moderator = requester;
        for (const Agent &a : *agents) {
            if (a.roles.testFlag(Role::Moderator))
                moderator = a;
        }
        ModerationQueueWindow window(*db, moderator);
        window.showFailedMails();
        window.resize(1360, 720);
        window.show();
        Testing::saveScreen(window, out.filePath(QStringLiteral("mails-not-sent.png")));
    }
    {
        // The poster's side: their own ads, with who asked.
        QSqlQuery owner(db->connection());
        owner.prepare(QStringLiteral("SELECT owner_id FROM ad WHERE id = ?"));
        owner.addBindValue(adId);
        if (owner.exec() && owner.next()) {
            const auto poster = people.agent(owner.value(0).toLongLong());
            if (poster) {
                MyAdsWindow window(*db, *poster);
                window.resize(1200, 700);
                window.show();
                Testing::saveScreen(window, out.filePath(QStringLiteral("my-ads.png")));
                window.selectAd(adId);
                Testing::saveScreen(window, out.filePath(QStringLiteral("my-ads.png")));
            }
        }
    }
    {
        // A pending ad nobody has asked for yet: the detail reads top to bottom, no holes.
        QSqlQuery pending(db->connection());
        pending.prepare(QStringLiteral(
                "SELECT a.id, a.owner_id FROM ad a WHERE a.state = 'pending' AND NOT EXISTS "
                "(SELECT 1 FROM contact_request c WHERE c.ad_id = a.id) ORDER BY a.id LIMIT 1"));
        if (pending.exec() && pending.next()) {
            const qint64 pendingId = pending.value(0).toLongLong();
            if (const auto poster = people.agent(pending.value(1).toLongLong())) {
                MyAdsWindow window(*db, *poster);
                window.resize(1366, 850);
                window.show();
                Testing::saveScreen(window, out.filePath(QStringLiteral("my-ads-pending.png")));
                window.selectAd(pendingId);
                Testing::saveScreen(window, out.filePath(QStringLiteral("my-ads-pending.png")));
            }
        }
    }
    return 0;
}
