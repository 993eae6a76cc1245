// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actions/Notifications.h"

#include "actions/MailQueue.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/PickupRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlDialect.h"

#include <QLocale>

namespace Recup {

namespace {

MailAddress mailbox(const Agent &agent)
{
    return {agent.email.trimmed(), agent.displayName};
}

} // namespace

Notifications::Notifications(Database &db, const MailSettings &settings)
    : m_db(db)
    , m_settings(settings)
{}

QString Notifications::frenchDate(const QDateTime &at)
{
    if (!at.isValid())
        return QString();
    return QLocale(QLocale::French, QLocale::France)
            .toString(at.toLocalTime().date(), QStringLiteral("d MMMM yyyy"));
}

Result<Agent> Notifications::agent(qint64 id) const
{
    return ReferenceRepository(m_db).agent(id);
}

Result<MailPolicy> Notifications::platform() const
{
    if (m_platform)
        return *m_platform;
    MailPolicy policy;
    if (m_db.dialect().checksMail()) {
        // The database checks every mail against its own policy: the workstation has no say.
        const Result<MailPolicy> kept = OutboxRepository(m_db).policy();
        if (!kept)
            return kept.error();
        policy = *kept;
    } else {
        policy.senderAddress = m_settings.sender.address.trimmed();
        policy.senderName = m_settings.sender.name.trimmed();
        policy.moderatorsAddress = m_settings.moderatorsAddress.trimmed();
    }
    if (policy.senderName.trimmed().isEmpty())
        policy.senderName = QStringLiteral("Collectiv'Récup");
    m_platform = policy;
    return policy;
}

Result<qint64> Notifications::historyRow(qint64 adId, AdState state) const
{
    return AdRepository(m_db).lastHistoryId(adId, state);
}

Result<QList<MailAddress>> Notifications::moderators() const
{
    const Result<MailPolicy> policy = platform();
    if (!policy)
        return policy.error();
    if (!policy->moderatorsAddress.isEmpty())
        return QList<MailAddress>{{policy->moderatorsAddress, tr("Moderators of Collectiv'Récup")}};
    const Result<QList<Agent>> agents = ReferenceRepository(m_db).agents();
    if (!agents)
        return agents.error();
    QList<MailAddress> found;
    for (const Agent &a : *agents) {
        if (a.active && a.roles.testFlag(Role::Moderator) && !a.email.trimmed().isEmpty())
            found.append(mailbox(a));
    }
    return found;
}

Result<QHash<QString, QString>> Notifications::adFields(const Ad &ad) const
{
    ReferenceRepository reference(m_db);
    const Result<Agent> owner = agent(ad.ownerId);
    if (!owner)
        return owner.error();
    QHash<QString, QString> fields{
            {QStringLiteral("adTitle"), ad.title},
            {QStringLiteral("adReference"), QString::number(ad.id)},
            {QStringLiteral("ownerName"), owner->displayName},
            {QStringLiteral("quantity"), QString::number(ad.quantity)},
            {QStringLiteral("expiresOn"), frenchDate(ad.expiresAt)},
    };
    if (const Result<Category> category = reference.category(ad.categoryId))
        fields.insert(QStringLiteral("category"), category->name);
    else
        return category.error();
    const Result<QList<Site>> sites = reference.sites();
    if (!sites)
        return sites.error();
    for (const Site &site : *sites) {
        if (site.id == ad.siteId)
            fields.insert(QStringLiteral("site"),
                          ad.room.trimmed().isEmpty()
                                  ? site.name
                                  : site.name + QStringLiteral(", ") + ad.room.trimmed());
    }
    const Result<QList<Service>> services = reference.services();
    if (!services)
        return services.error();
    for (const Service &service : *services) {
        if (service.id == ad.serviceId)
            fields.insert(QStringLiteral("ownerService"), service.name);
    }
    return fields;
}

Result<MailMessage> Notifications::compose(MailKind kind,
                                           const QHash<QString, QString> &fields,
                                           const QList<MailAddress> &to,
                                           const QList<MailAddress> &cc,
                                           const QString &actingEmail) const
{
    const Result<MailContent> content = MailTemplates::render(kind, fields);
    if (!content)
        return content.error();
    const Result<MailPolicy> policy = platform();
    if (!policy)
        return policy.error();
    MailMessage message;
    message.from = {policy->senderAddress, policy->senderName};
    if (message.from.address.trimmed().isEmpty()) {
        const QString acting = actingEmail.trimmed();
        const qsizetype at = acting.lastIndexOf(u'@');
        const QString domain = at > 0 ? acting.mid(at + 1) : QStringLiteral("localhost");
        message.from.address = QStringLiteral("ne-pas-repondre@") + domain;
    }
    for (const MailAddress &address : to) {
        if (!address.isEmpty())
            message.to.append(address);
    }
    for (const MailAddress &address : cc) {
        if (!address.isEmpty() && !message.to.contains(address))
            message.cc.append(address);
    }
    if (message.to.isEmpty())
        return Error{Error::Kind::Invalid, tr("This mail has nobody to go to."), {}, {}};
    message.subject = content->subject;
    message.textBody = content->text;
    message.htmlBody = content->html;
    message.extraHeaders.append({QByteArrayLiteral("Auto-Submitted"),
                                 kind == MailKind::Contact || kind == MailKind::WantedAnswer
                                         ? QStringLiteral("no")
                                         : QStringLiteral("auto-generated")});
    return message;
}

Result<OutboxMail> Notifications::contact(const Ad &ad,
                                          const Agent &requester,
                                          const Service &requestingService,
                                          const QString &message,
                                          qint64 requestId,
                                          const QString &messageId)
{
    Result<QHash<QString, QString>> fields = adFields(ad);
    if (!fields)
        return fields.error();
    const Result<Agent> owner = agent(ad.ownerId);
    if (!owner)
        return owner.error();
    return requestMail(MailKind::Contact,
                       *fields,
                       *owner,
                       requester,
                       requestingService,
                       message,
                       requestId,
                       messageId);
}

Result<OutboxMail> Notifications::wantedAnswer(const WantedAd &wanted,
                                               const Agent &requester,
                                               const Service &requestingService,
                                               const QString &message,
                                               qint64 requestId,
                                               const QString &messageId)
{
    const Result<Agent> seeker = agent(wanted.authorId);
    if (!seeker)
        return seeker.error();
    QHash<QString, QString> fields{
            {QStringLiteral("seekerName"), seeker->displayName},
            {QStringLiteral("wantedTitle"), wanted.title},
            {QStringLiteral("wantedKeywords"), wanted.keywords},
            {QStringLiteral("wantedQuantity"), QString::number(wanted.quantity)},
            {QStringLiteral("wantedUntil"), frenchDate(wanted.expiresAt)},
    };
    return requestMail(MailKind::WantedAnswer,
                       fields,
                       *seeker,
                       requester,
                       requestingService,
                       message,
                       requestId,
                       messageId);
}

Result<OutboxMail> Notifications::requestMail(MailKind kind,
                                              QHash<QString, QString> fields,
                                              const Agent &recipient,
                                              const Agent &requester,
                                              const Service &requestingService,
                                              const QString &message,
                                              qint64 requestId,
                                              const QString &messageId)
{
    const Result<QList<MailAddress>> copies = moderators();
    if (!copies)
        return copies.error();
    fields.insert(QStringLiteral("requesterName"), requester.displayName);
    fields.insert(QStringLiteral("requesterEmail"), requester.email.trimmed());
    fields.insert(QStringLiteral("requesterPhone"), requester.phone.trimmed());
    fields.insert(QStringLiteral("requestingService"), requestingService.name);
    fields.insert(QStringLiteral("message"), message.trimmed());
    Result<MailMessage> mail
            = compose(kind, fields, {mailbox(recipient)}, *copies, requester.email);
    if (!mail)
        return mail.error();
    MailMessage contact = *mail;
    contact.replyTo = mailbox(requester);
    contact.messageId = messageId;
    // The recipient sees who writes; the address stays the platform's (MailProvenance checks it).
    contact.from.name = QStringLiteral("%1 via %2").arg(requester.displayName, contact.from.name);
    // One outbox kind for both: the action is a contact request (outbox_verdict, migration 026).
    return MailQueue(m_db).enqueue(contact, toKey(MailKind::Contact), requester.id, requestId);
}

QString Notifications::newMessageId(const Agent &requester) const
{
    const Result<MailPolicy> policy = platform();
    const QString sender = policy ? policy->senderAddress : QString();
    return MailMessage::newMessageId(sender.isEmpty() ? requester.email.trimmed() : sender);
}

Result<OutboxMail> Notifications::adSubmitted(const Ad &ad, qint64 authorId)
{
    Result<QHash<QString, QString>> fields = adFields(ad);
    if (!fields)
        return fields.error();
    const Result<QList<MailAddress>> to = moderators();
    if (!to)
        return to.error();
    if (to->isEmpty())
        return Error{Error::Kind::Invalid,
                     tr("No moderator has a mail address: nobody would hear of this ad."),
                     {},
                     {}};
    const Result<Agent> author = agent(authorId);
    if (!author)
        return author.error();
    const Result<qint64> submitted = historyRow(ad.id, AdState::Pending);
    if (!submitted)
        return submitted.error();
    Result<MailMessage> mail = compose(MailKind::AdSubmitted, *fields, *to, {}, author->email);
    if (!mail)
        return mail.error();
    return MailQueue(m_db).enqueue(*mail, toKey(MailKind::AdSubmitted), authorId, *submitted);
}

Result<OutboxMail> Notifications::adDecided(const Ad &ad, AdAction decision, qint64 authorId)
{
    if (decision != AdAction::Approve && decision != AdAction::Reject)
        return Error{Error::Kind::Invalid, tr("Only approvals and rejections are mailed."), {}, {}};
    Result<QHash<QString, QString>> fields = adFields(ad);
    if (!fields)
        return fields.error();
    const Result<Agent> owner = agent(ad.ownerId);
    if (!owner)
        return owner.error();
    const Result<Agent> moderator = agent(authorId);
    if (!moderator)
        return moderator.error();
    QHash<QString, QString> all = *fields;
    const MailKind kind
            = decision == AdAction::Approve ? MailKind::AdApproved : MailKind::AdRejected;
    if (kind == MailKind::AdRejected) {
        // The reason is the one the history keeps.
        const Result<QString> reason = AdRepository(m_db).lastReason(ad.id, AdAction::Reject);
        if (!reason)
            return reason.error();
        all.insert(QStringLiteral("reason"), *reason);
    }
    const Result<qint64> decided = historyRow(
            ad.id, decision == AdAction::Approve ? AdState::Published : AdState::Rejected);
    if (!decided)
        return decided.error();
    Result<MailMessage> mail = compose(kind, all, {mailbox(*owner)}, {}, moderator->email);
    if (!mail)
        return mail.error();
    return MailQueue(m_db).enqueue(*mail, toKey(kind), authorId, *decided);
}

Result<OutboxMail> Notifications::adRemoved(const Ad &ad, qint64 authorId)
{
    const Result<Agent> owner = agent(ad.ownerId);
    if (!owner)
        return owner.error();
    Result<QHash<QString, QString>> fields = adFields(ad);
    if (!fields)
        return fields.error();
    const Result<Agent> moderator = agent(authorId);
    if (!moderator)
        return moderator.error();
    const Result<QList<MailAddress>> moderators = this->moderators();
    if (!moderators)
        return moderators.error();
    QStringList addresses;
    for (const MailAddress &address : *moderators)
        addresses.append(address.address);
    QHash<QString, QString> all = *fields;
    all.insert(QStringLiteral("moderatorsAddress"), addresses.join(QStringLiteral(", ")));
    // The reason is the one the history keeps, and the mail follows that very step.
    const Result<QString> reason = AdRepository(m_db).lastReason(ad.id, AdAction::Remove);
    if (!reason)
        return reason.error();
    all.insert(QStringLiteral("reason"), *reason);
    const Result<qint64> removed = historyRow(ad.id, AdState::Closed);
    if (!removed)
        return removed.error();
    Result<MailMessage> mail
            = compose(MailKind::AdRemoved, all, {mailbox(*owner)}, {}, moderator->email);
    if (!mail)
        return mail.error();
    return MailQueue(m_db).enqueue(*mail, toKey(MailKind::AdRemoved), authorId, *removed);
}

Result<OutboxMail>
Notifications::wantedMatch(const Ad &ad, const WantedMatch &match, qint64 authorId)
{
    const Result<Agent> seeker = agent(match.seekerId);
    if (!seeker)
        return seeker.error();
    const Result<Agent> moderator = agent(authorId);
    if (!moderator)
        return moderator.error();
    Result<QHash<QString, QString>> fields = adFields(ad);
    if (!fields)
        return fields.error();
    QHash<QString, QString> all = *fields;
    all.insert(QStringLiteral("seekerName"), seeker->displayName);
    all.insert(QStringLiteral("wantedTitle"), match.wantedTitle);
    Result<MailMessage> mail
            = compose(MailKind::WantedMatch, all, {mailbox(*seeker)}, {}, moderator->email);
    if (!mail)
        return mail.error();
    return MailQueue(m_db).enqueue(*mail, toKey(MailKind::WantedMatch), authorId, match.id);
}

Result<OutboxMail>
Notifications::pickupStep(const Pickup &pickup, PickupAction step, qint64 authorId)
{
    if (step != PickupAction::Plan && step != PickupAction::MarkDelivered)
        return Error{Error::Kind::Invalid,
                     tr("Only planned and delivered transports are mailed."),
                     {},
                     {}};
    const PickupRepository pickups(m_db);
    const Result<QList<Agent>> recipients = pickups.recipients(pickup.id);
    if (!recipients)
        return recipients.error();
    QList<MailAddress> to;
    for (const Agent &recipient : *recipients)
        to.append(mailbox(recipient));
    const Result<qint64> action = pickups.historyRow(pickup.id, step, authorId);
    if (!action)
        return action.error();
    const Result<Agent> author = agent(authorId);
    if (!author)
        return author.error();
    const auto place = [](const PickupEnd &end) -> QString {
        QStringList parts{end.siteName};
        if (!end.room.trimmed().isEmpty())
            parts.append(end.room.trimmed());
        if (!end.siteAddress.trimmed().isEmpty())
            parts.append(end.siteAddress.trimmed());
        return parts.join(QStringLiteral(", "));
    };
    const QLocale french(QLocale::French, QLocale::France);
    QHash<QString, QString> fields{
            {QStringLiteral("adTitle"), pickup.adTitle},
            {QStringLiteral("adReference"), QString::number(pickup.adId)},
            {QStringLiteral("fromPlace"), place(pickup.from)},
            {QStringLiteral("fromService"), pickup.givingServiceName},
            {QStringLiteral("toPlace"), place(pickup.to)},
            {QStringLiteral("toService"), pickup.receivingServiceName},
    };
    const MailKind kind
            = step == PickupAction::Plan ? MailKind::PickupPlanned : MailKind::PickupDone;
    if (kind == MailKind::PickupPlanned)
        fields.insert(QStringLiteral("pickupDate"),
                      french.toString(pickup.plannedDate, QStringLiteral("dddd d MMMM yyyy")));
    else
        fields.insert(QStringLiteral("doneOn"),
                      frenchDate(pickup.updatedAt.isValid() ? pickup.updatedAt
                                                            : QDateTime::currentDateTimeUtc()));
    Result<MailMessage> mail = compose(kind, fields, to, {}, author->email);
    if (!mail)
        return mail.error();
    return MailQueue(m_db).enqueue(*mail, toKey(kind), authorId, *action);
}

QString Notifications::expiryReminderId(const Ad &ad) const
{
    // Derived from the ad alone, so that the relay finds it again without composing the mail.
    const Result<MailPolicy> policy = platform();
    const QString sender = policy ? policy->senderAddress : QString();
    const qsizetype at = sender.lastIndexOf(u'@');
    const QString domain
            = at > 0 ? sender.mid(at + 1).toLower() : QStringLiteral("collectiv-recup.invalid");
    return QStringLiteral("<expiry-%1-%2@%3>")
            .arg(ad.id)
            .arg(ad.expiresAt.toUTC().toString(QStringLiteral("yyyyMMdd")), domain);
}

Result<OutboxMail> Notifications::expiryReminder(const Ad &ad)
{
    Result<QHash<QString, QString>> fields = adFields(ad);
    if (!fields)
        return fields.error();
    const Result<Agent> owner = agent(ad.ownerId);
    if (!owner)
        return owner.error();
    Result<MailMessage> mail
            = compose(MailKind::ExpiryReminder, *fields, {mailbox(*owner)}, {}, owner->email);
    if (!mail)
        return mail.error();
    MailMessage reminder = *mail;
    // One reminder per ad and expiry date, whoever writes it and however often.
    reminder.messageId = expiryReminderId(ad);
    OutboxRepository outbox(m_db);
    if (const Result<OutboxMail> existing = outbox.findReminder(reminder.messageId, ad.id))
        return existing;
    else if (existing.error().kind != Error::Kind::NotFound)
        return existing.error();
    return MailQueue(m_db).enqueue(reminder, toKey(MailKind::ExpiryReminder), 0, ad.id);
}

} // namespace Recup
