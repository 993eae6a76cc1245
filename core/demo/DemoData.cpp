// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/DemoData.h"

#include "actions/AdWorkflow.h"
#include "actions/ContactRequests.h"
#include "demo/PlaceholderPicture.h"
#include "domain/PlatformTime.h"
#include "lifecycle/AdLifecycle.h"
#include "lifecycle/AdRules.h"
#include "mail/MailSettings.h"
#include "media/PhotoScaler.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/PickupRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/Transaction.h"
#include "storage/WantedAdRepository.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QtConcurrentMap>

namespace Recup {

namespace {

struct OrganisationSpec
{
    Organisation organisation;
};

struct ServiceSpec
{
    Service service;
    QString organisationCode;
};

struct SiteSpec
{
    Site site;
    QString organisationCode;
    QString keeperLogin; // a general store's keeper, whose service keeps it
};

struct AgentSpec
{
    Agent agent;
    QString serviceCode;
};

struct AdSpec
{
    QString title;
    QString description;
    QString categoryCode;
    int quantity = 1;
    qint64 valueCents = 0;
    qint64 weightGrams = 0;
    QString siteCode;
    QString room;
    QString ownerLogin;
    AdState state = AdState::Draft;
    int ageDays = 0;
    int picture = 0;
    int photos = 1;
    QList<AdAction> story;
    QString reason; // rejection or removal
    std::optional<CloseReason> closeReason;
    QString receivingServiceCode;
    QString closeNote;
    QDateTime closingAround; // history ads: when the story should end (see anchorClosing())
    bool toStore = false;    // published, then taken to the general store
    bool mailed = false;     // moved through AdWorkflow: its mails and wanted-ad alerts written
};

// What a service is looking for, posted before the ads so that the "mailed" ones match it.
struct WantedSpec
{
    WantedAd wanted;
    QString authorLogin;
    QString categoryCode; // empty: any category
    QString siteCode;
};

// A click on Contact, sent through the application's own ContactRequests (its mail included).
struct ContactSpec
{
    QString adTitle;
    QString fromLogin;
    QString message;
};

// Part of a lot reserved by its owner for a service, then held, released or given.
struct PartSpec
{
    QString adTitle;
    QString serviceCode;
    int quantity = 0;
    ReservationState state = ReservationState::Held;
};

// The whole file, checked, before anything is written.
struct DemoSet
{
    QList<Organisation> organisations;
    QList<ServiceSpec> services;
    QList<SiteSpec> sites;
    QList<Category> categories;
    QList<AgentSpec> agents;
    QList<AdSpec> ads;
    QList<WantedSpec> wanted;
    QList<ContactSpec> contacts;
    QList<PartSpec> parts;
};

// Who takes each action in the demo stories.
ActorKind actorFor(AdAction action)
{
    switch (action) {
    case AdAction::Approve:
    case AdAction::Reject:
    case AdAction::Remove:
        return ActorKind::Moderator;
    case AdAction::Expire:
        return ActorKind::System;
    default:
        return ActorKind::Owner;
    }
}

// The usual way to each state, when the file does not tell another.
QList<AdAction> defaultStory(AdState state, std::optional<CloseReason> closeReason)
{
    using A = AdAction;
    switch (state) {
    case AdState::Draft:
        return {};
    case AdState::Pending:
        return {A::Submit};
    case AdState::Published:
        return {A::Submit, A::Approve};
    case AdState::Reserved:
        return {A::Submit, A::Approve, A::Reserve};
    case AdState::Rejected:
        return {A::Submit, A::Reject};
    case AdState::Expired:
        return {A::Submit, A::Approve, A::Expire};
    case AdState::Closed:
        if (closeReason == CloseReason::Removed)
            return {A::Submit, A::Approve, A::Remove};
        if (closeReason == CloseReason::Exchanged)
            return {A::Submit, A::Approve, A::Reserve, A::Close};
        return {A::Submit, A::Approve, A::Close};
    }
    return {};
}

// How long after the previous step each action usually comes, in minutes.
qint64 usualDelayMinutes(AdAction action, QRandomGenerator &random)
{
    constexpr qint64 day = 24 * 60;
    switch (action) {
    case AdAction::Submit:
        return 5 + random.bounded(35);
    case AdAction::Approve: // a day or two, as two moderators fit it in their week
    case AdAction::Reject:
        return 60 + random.bounded(int(3 * day / 2));
    case AdAction::Resubmit:
    case AdAction::Renew:
        return day + random.bounded(int(2 * day));
    case AdAction::Reserve: // a taker comes forward within a few days to three weeks
        return 4 * day + random.bounded(int(16 * day));
    case AdAction::Release:
        return 2 * day + random.bounded(int(3 * day));
    case AdAction::Close: // and the pickup follows within a week or so
        return 2 * day + random.bounded(int(6 * day));
    case AdAction::Remove:
        return 240 + random.bounded(int(3 * day));
    default:
        return 60;
    }
}

// One month of the platform's history: its first day, its exchanges and its other closings.
struct HistoryMonth
{
    QDate first;
    int exchanges = 0;
    int otherClosings = 0;
};

// The months of the file's "history", oldest first, up to the month of `today`: the exchanges
// of the platform's nth month, times the season's percentage, and one other closing for so
// many exchanges. Every past month has at least one of each; the current month has the share
// of its days already over.
QList<HistoryMonth> historyMonths(const QJsonObject &history, const QDate &today)
{
    const QJsonArray growth = history.value(u"exchangesByPlatformMonth").toArray();
    const QJsonArray season = history.value(u"seasonPercent").toArray();
    const int perOtherClosing = qMax(1, history.value(u"exchangesPerOtherClosing").toInt(6));
    const QDate current(today.year(), today.month(), 1);
    QList<HistoryMonth> months;
    for (qsizetype i = 0; i < growth.size(); ++i) {
        HistoryMonth month;
        month.first = current.addMonths(int(i - growth.size() + 1));
        const double usual
                = growth.at(i).toDouble() * season.at(month.first.month() - 1).toDouble(100) / 100;
        month.exchanges = qMax(1, qRound(usual));
        month.otherClosings = qMax(1, qRound(usual / perOtherClosing));
        if (month.first == current) {
            const double over = double(today.day() - 1) / month.first.daysInMonth();
            month.exchanges = qRound(month.exchanges * over);
            month.otherClosings = qRound(month.otherClosings * over);
        }
        months.append(month);
    }
    return months;
}

// When a month's `count` closings come: spread over its days at office hours, from the 6th to
// the third-to-last day so that a story moved by whole weeks stays in its month (the current
// month: over its days already over). `half` shifts them by half a step, so that two series
// interleave. Weekends move back to the Friday.
QList<QDateTime> closingTargets(const HistoryMonth &month, int count, bool half, const QDate &today)
{
    const bool current = month.first.year() == today.year() && month.first.month() == today.month();
    const int firstDay = current ? 1 : 6;
    const int days = (current ? today.day() - 1 : month.first.daysInMonth() - 3) - firstDay + 1;
    QList<QDateTime> targets;
    for (int k = 0; k < count; ++k) {
        QDate day = month.first.addDays(firstDay - 1 + ((2 * k + int(half)) * days) / (2 * count));
        while (day.dayOfWeek() > 5)
            day = day.addDays(-1);
        targets.append(QDateTime(day, QTime(7 + (k * 4 + int(half)) % 10, (k * 23) % 60), Qt::UTC));
    }
    return targets;
}

// A history ad is created this many days before it closes: about the length of its story.
constexpr int LeadDays = 18;

// A closed ad of the history, written as the file would write it: `lot` given from its owner's
// place (`givers`), closed as `closing` says (its reason and note), to `taker` for exchanges.
QJsonObject historyAd(QJsonObject lot,
                      const QJsonObject &givers,
                      const QJsonObject &closing,
                      const QString &taker,
                      int ageDays)
{
    const QJsonObject giver = givers.value(lot.value(u"owner").toString()).toObject();
    lot.remove(u"takers");
    lot.insert(u"site", giver.value(u"site"));
    lot.insert(u"room", giver.value(u"room"));
    lot.insert(u"state", QStringLiteral("closed"));
    lot.insert(u"ageDays", ageDays);
    lot.insert(u"photos", 1);
    for (auto it = closing.begin(); it != closing.end(); ++it)
        lot.insert(it.key(), it.value());
    if (!taker.isEmpty())
        lot.insert(u"receivingService", taker);
    return lot;
}

class Loader
{
    Q_DECLARE_TR_FUNCTIONS(DemoData)
public:
    // `now` dates the history: its months are the ones before `now`.
    Result<DemoSet> parse(const QByteArray &json, const QDateTime &now);

private:
    Error damaged(const QString &detail) const
    {
        return Error{Error::Kind::Invalid,
                     tr("The demo data built into this version is damaged."),
                     detail,
                     {}};
    }
    std::optional<AdSpec> readAd(const QJsonObject &o, QString *why) const;
    Status readHistory(const QJsonObject &history, const QDateTime &now, QList<AdSpec> *ads) const;
    Status readHistoryAd(const QJsonObject &ad, const QDateTime &target, QList<AdSpec> *ads) const;
    // The wanted ads, contact requests and parts of lots, checked against the file's ads.
    Status readRequests(const QJsonObject &root, DemoSet *set) const;

    QSet<QString> m_organisations, m_services, m_sites, m_logins;
    QHash<QString, QString> m_agentServices; // login → service code
    QHash<QString, Category> m_categories;
};

Result<DemoSet> Loader::parse(const QByteArray &json, const QDateTime &now)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return damaged(parseError.errorString());
    const QJsonObject root = document.object();
    DemoSet set;

    for (const QJsonValue &v : root.value(u"organisations").toArray()) {
        const QJsonObject o = v.toObject();
        Organisation organisation{0, o.value(u"code").toString(), o.value(u"name").toString()};
        if (organisation.code.isEmpty() || m_organisations.contains(organisation.code))
            return damaged(u"organisation code missing or repeated: " + organisation.code);
        m_organisations.insert(organisation.code);
        set.organisations.append(organisation);
    }
    for (const QJsonValue &v : root.value(u"services").toArray()) {
        const QJsonObject o = v.toObject();
        ServiceSpec spec{{0, 0, o.value(u"code").toString(), o.value(u"name").toString()},
                         o.value(u"organisation").toString()};
        if (spec.service.code.isEmpty() || m_services.contains(spec.service.code)
            || !m_organisations.contains(spec.organisationCode))
            return damaged(u"service code missing, repeated or of no organisation: "
                           + spec.service.code);
        m_services.insert(spec.service.code);
        set.services.append(spec);
    }
    for (const QJsonValue &v : root.value(u"sites").toArray()) {
        const QJsonObject o = v.toObject();
        SiteSpec spec{{0,
                       0,
                       o.value(u"code").toString(),
                       o.value(u"name").toString(),
                       o.value(u"address").toString(),
                       o.value(u"postalCode").toString(),
                       o.value(u"city").toString()},
                      o.value(u"organisation").toString(),
                      o.value(u"storeKeeper").toString()};
        if (spec.site.code.isEmpty() || m_sites.contains(spec.site.code)
            || !m_organisations.contains(spec.organisationCode))
            return damaged(u"site code missing, repeated or of no organisation: " + spec.site.code);
        m_sites.insert(spec.site.code);
        set.sites.append(spec);
    }
    for (const QJsonValue &v : root.value(u"categories").toArray()) {
        const QJsonObject o = v.toObject();
        Category category;
        category.code = o.value(u"code").toString();
        category.name = o.value(u"name").toString();
        category.defaultUnitWeightGrams = o.value(u"defaultUnitWeightGrams").toInteger();
        category.expiryDays = o.value(u"expiryDays").toInt(60);
        category.excluded = o.value(u"excluded").toBool();
        category.excludedMessage = o.value(u"excludedMessage").toString();
        category.warningWords = splitWarningWords(o.value(u"warningWords").toString());
        if (o.contains(u"co2eGramsPerKg"))
            category.co2eGramsPerKg = o.value(u"co2eGramsPerKg").toInt();
        category.co2eSource = o.value(u"co2eSource").toString();
        const auto family
                = productFamilyFromKey(o.value(u"productFamily").toString(QStringLiteral("other")));
        if (!family)
            return damaged(u"unknown product family of category " + category.code);
        category.family = *family;
        if (category.code.isEmpty() || m_categories.contains(category.code))
            return damaged(u"category code missing or repeated: " + category.code);
        m_categories.insert(category.code, category);
        set.categories.append(category);
    }
    for (const QJsonValue &v : root.value(u"agents").toArray()) {
        const QJsonObject o = v.toObject();
        AgentSpec spec;
        spec.agent.login = o.value(u"login").toString();
        spec.agent.displayName = o.value(u"displayName").toString();
        spec.agent.email = o.value(u"email").toString();
        spec.agent.phone = o.value(u"phone").toString();
        spec.serviceCode = o.value(u"service").toString();
        for (const QJsonValue &role : o.value(u"roles").toArray()) {
            const QString name = role.toString();
            if (name == u"moderator")
                spec.agent.roles |= Role::Moderator;
            else if (name == u"logistics")
                spec.agent.roles |= Role::Logistics;
            else if (name == u"admin")
                spec.agent.roles |= Role::Admin;
            else
                return damaged(u"unknown role " + name + u" of " + spec.agent.login);
        }
        if (spec.agent.login.isEmpty() || m_logins.contains(spec.agent.login)
            || !m_services.contains(spec.serviceCode))
            return damaged(u"agent login missing, repeated or of no service: " + spec.agent.login);
        m_logins.insert(spec.agent.login);
        m_agentServices.insert(spec.agent.login, spec.serviceCode);
        set.agents.append(spec);
    }
    for (const QJsonValue &v : root.value(u"ads").toArray()) {
        QString why;
        const auto ad = readAd(v.toObject(), &why);
        if (!ad)
            return damaged(why);
        set.ads.append(*ad);
    }
    if (const Status requests = readRequests(root, &set); !requests)
        return requests.error();
    if (const Status history = readHistory(root.value(u"history").toObject(), now, &set.ads);
        !history)
        return history.error();
    if (set.organisations.isEmpty() || set.agents.isEmpty() || set.ads.isEmpty())
        return damaged(QStringLiteral("no organisation, agent or ad"));
    return set;
}

std::optional<AdSpec> Loader::readAd(const QJsonObject &o, QString *why) const
{
    AdSpec ad;
    ad.title = o.value(u"title").toString();
    ad.description = o.value(u"description").toString();
    ad.categoryCode = o.value(u"category").toString();
    ad.quantity = o.value(u"quantity").toInt(1);
    ad.valueCents = qRound64(o.value(u"valueEuros").toDouble() * 100);
    ad.siteCode = o.value(u"site").toString();
    ad.room = o.value(u"room").toString();
    ad.ownerLogin = o.value(u"owner").toString();
    ad.ageDays = o.value(u"ageDays").toInt();
    ad.picture = o.value(u"picture").toInt();
    ad.photos = o.value(u"photos").toInt(1);
    ad.reason = o.value(u"reason").toString();
    ad.receivingServiceCode = o.value(u"receivingService").toString();
    ad.closeNote = o.value(u"closeNote").toString();
    ad.toStore = o.value(u"toStore").toBool();
    ad.mailed = o.value(u"mailed").toBool();
    const QString where = u"ad “" + ad.title + u"”: ";

    const auto state = adStateFromKey(o.value(u"state").toString());
    if (!state) {
        *why = where + u"unknown state " + o.value(u"state").toString();
        return {};
    }
    ad.state = *state;
    if (o.contains(u"closeReason")) {
        ad.closeReason = closeReasonFromKey(o.value(u"closeReason").toString());
        if (!ad.closeReason) {
            *why = where + u"unknown close reason";
            return {};
        }
    }
    if (!m_categories.contains(ad.categoryCode) || !m_sites.contains(ad.siteCode)
        || !m_logins.contains(ad.ownerLogin)) {
        *why = where + u"unknown category, site or owner";
        return {};
    }
    const Category &category = m_categories[ad.categoryCode];
    // No weight given (weightUnknown, or a unit weight of 0): the figures estimate it.
    const qint64 unitWeight
            = o.value(u"weightUnknown").toBool()
                      ? 0
                      : o.value(u"unitWeightGrams").toInteger(category.defaultUnitWeightGrams);
    ad.weightGrams = unitWeight * ad.quantity;
    if (ad.photos < 1 || ad.photos > qMin(3, AdRules::PhotosMax) || ad.ageDays < 0) {
        *why = where + u"photos must be 1 to 3 and the age positive";
        return {};
    }

    if (o.contains(u"story")) {
        for (const QJsonValue &step : o.value(u"story").toArray()) {
            const auto action = adActionFromKey(step.toString());
            if (!action) {
                *why = where + u"unknown action " + step.toString();
                return {};
            }
            ad.story.append(*action);
        }
    } else {
        ad.story = defaultStory(ad.state, ad.closeReason);
    }
    // The story must be one the lifecycle allows, and end where the file says.
    AdState reached = AdState::Draft;
    for (int i = 0; i < ad.story.size(); ++i) {
        const AdAction action = ad.story.at(i);
        const auto next = AdLifecycle::next(reached, action, actorFor(action));
        if (!next) {
            *why = where + u"the lifecycle refuses " + toKey(action) + u" from " + toKey(reached);
            return {};
        }
        if (action == AdAction::Expire && (i == 0 || ad.story.at(i - 1) != AdAction::Approve)) {
            *why = where + u"expire must follow approve";
            return {};
        }
        reached = *next;
    }
    if (reached != ad.state) {
        *why = where + u"the story ends in " + toKey(reached) + u", not " + toKey(ad.state);
        return {};
    }
    const bool closing = ad.state == AdState::Closed;
    if (closing != ad.closeReason.has_value()) {
        *why = where + u"a close reason goes with the closed state, and only with it";
        return {};
    }
    if (closing
        && (ad.story.last() == AdAction::Remove) != (ad.closeReason == CloseReason::Removed)) {
        *why = where + u"removed ads are closed by the remove action";
        return {};
    }
    if ((ad.closeReason == CloseReason::Exchanged) != !ad.receivingServiceCode.isEmpty()
        || (!ad.receivingServiceCode.isEmpty() && !m_services.contains(ad.receivingServiceCode))
        || ad.receivingServiceCode == m_agentServices.value(ad.ownerLogin)) {
        *why = where + u"exchanged ads need a known receiving service, not the owner's";
        return {};
    }
    if ((ad.story.contains(AdAction::Reject) || ad.story.contains(AdAction::Remove))
        && ad.reason.trimmed().isEmpty()) {
        *why = where + u"rejections and removals need a reason";
        return {};
    }
    return ad;
}

Status Loader::readRequests(const QJsonObject &root, DemoSet *set) const
{
    QHash<QString, const AdSpec *> ads; // the file's own ads, by title
    for (const AdSpec &ad : std::as_const(set->ads))
        ads.insert(ad.title, &ad);
    for (const QJsonValue &v : root.value(u"wantedAds").toArray()) {
        const QJsonObject o = v.toObject();
        WantedSpec spec;
        spec.authorLogin = o.value(u"author").toString();
        spec.categoryCode = o.value(u"category").toString();
        spec.siteCode = o.value(u"site").toString();
        spec.wanted.title = o.value(u"title").toString();
        spec.wanted.keywords = o.value(u"keywords").toString();
        spec.wanted.quantity = o.value(u"quantity").toInt(1);
        spec.wanted.siteId = 1; // a stand-in for check(): the site's id comes at seeding
        if (!m_logins.contains(spec.authorLogin) || !m_sites.contains(spec.siteCode)
            || (!spec.categoryCode.isEmpty() && !m_categories.contains(spec.categoryCode))
            || !WantedAdRepository::check(spec.wanted).isEmpty())
            return damaged(u"wanted ad “" + spec.wanted.title
                           + u"”: unknown author, site or category, or refused");
        set->wanted.append(spec);
    }
    // Contact on an ad of the file in the catalogue, never by its owner; parts of a published
    // lot only.
    const auto findAd = [&](const QString &title, bool forPart) -> const AdSpec * {
        const AdSpec *ad = ads.value(title);
        if (!ad || (ad->state != AdState::Published && (forPart || ad->state != AdState::Reserved)))
            return nullptr;
        return ad;
    };
    for (const QJsonValue &v : root.value(u"contacts").toArray()) {
        const QJsonObject o = v.toObject();
        ContactSpec spec{o.value(u"ad").toString(),
                         o.value(u"from").toString(),
                         o.value(u"message").toString()};
        const AdSpec *ad = findAd(spec.adTitle, false);
        if (!ad || !m_logins.contains(spec.fromLogin) || spec.fromLogin == ad->ownerLogin
            || spec.message.trimmed().isEmpty())
            return damaged(u"contact on “" + spec.adTitle + u"”: no such ad in the catalogue, "
                           + u"an unknown or owning requester, or no message");
        set->contacts.append(spec);
    }
    QHash<QString, int> promised; // by ad title: what the held and given parts take
    for (const QJsonValue &v : root.value(u"parts").toArray()) {
        const QJsonObject o = v.toObject();
        PartSpec spec;
        spec.adTitle = o.value(u"ad").toString();
        spec.serviceCode = o.value(u"service").toString();
        spec.quantity = o.value(u"quantity").toInt();
        const auto state = reservationStateFromKey(o.value(u"state").toString());
        const AdSpec *ad = findAd(spec.adTitle, true);
        if (state)
            spec.state = *state;
        if (state && spec.state != ReservationState::Released)
            promised[spec.adTitle] += spec.quantity;
        if (!ad || !state || !m_services.contains(spec.serviceCode) || spec.quantity < 1
            || promised.value(spec.adTitle) >= ad->quantity)
            return damaged(u"part of “" + spec.adTitle + u"”: not a published lot of the file, "
                           + u"an unknown state or service, or nothing left of the lot");
        set->parts.append(spec);
    }
    return {};
}

// The file's "history" (none is fine): the closed ads of the months before `now`, each month's
// exchanges taking the lots in turn, each lot going to its takers in turn, and the other
// closings taking every seventh lot with the closings in turn. Nothing random: the same date
// gives the same history.
Status
Loader::readHistory(const QJsonObject &history, const QDateTime &now, QList<AdSpec> *ads) const
{
    if (history.isEmpty())
        return {};
    const QJsonArray lots = history.value(u"lots").toArray();
    const QJsonObject givers = history.value(u"givers").toObject();
    const QJsonArray closings = history.value(u"otherClosings").toArray();
    if (lots.isEmpty() || closings.isEmpty()
        || history.value(u"seasonPercent").toArray().size() != 12)
        return damaged(QStringLiteral("history: lots, other closings and twelve season "
                                      "percentages are needed"));
    const QJsonObject exchanged{{QStringLiteral("closeReason"), QStringLiteral("exchanged")}};
    const QDate today = now.date();
    int exchanges = 0, others = 0;
    for (const HistoryMonth &month : historyMonths(history, today)) {
        for (const QDateTime &target : closingTargets(month, month.exchanges, false, today)) {
            const QJsonObject lot = lots.at(exchanges % lots.size()).toObject();
            const QJsonArray takers = lot.value(u"takers").toArray();
            const QString taker
                    = takers.at((exchanges / lots.size()) % qMax(1, takers.size())).toString();
            ++exchanges;
            const int age = int(target.date().daysTo(today)) + LeadDays;
            if (const Status read
                = readHistoryAd(historyAd(lot, givers, exchanged, taker, age), target, ads);
                !read)
                return read;
        }
        for (const QDateTime &target : closingTargets(month, month.otherClosings, true, today)) {
            const QJsonObject lot = lots.at((others * 7 + 3) % lots.size()).toObject();
            const QJsonObject closing = closings.at(others % closings.size()).toObject();
            ++others;
            const int age = int(target.date().daysTo(today)) + LeadDays;
            if (const Status read
                = readHistoryAd(historyAd(lot, givers, closing, {}, age), target, ads);
                !read)
                return read;
        }
    }
    return {};
}

Status
Loader::readHistoryAd(const QJsonObject &ad, const QDateTime &target, QList<AdSpec> *ads) const
{
    QString why;
    auto spec = readAd(ad, &why);
    if (!spec)
        return damaged(u"history: " + why);
    spec->closingAround = target;
    ads->append(*spec);
    return {};
}

// No step of a story comes later than this: the demo is seeded a little after it.
QDateTime latestStep(const QDateTime &now)
{
    return now.addSecs(-20 * 60);
}

// People act on weekdays between 07:00 and 17:00 UTC, office hours in France; a step that falls
// outside moves to the next opening, a little after it.
QDateTime withinOfficeHours(const QDateTime &at, int jitterMinutes)
{
    QDateTime moved = at;
    if (at.time().hour() >= 17)
        moved = QDateTime(at.date().addDays(1), QTime(7, 0), Qt::UTC);
    else if (at.time().hour() < 7)
        moved = QDateTime(at.date(), QTime(7, 0), Qt::UTC);
    while (moved.date().dayOfWeek() > 5)
        moved = QDateTime(moved.date().addDays(1), QTime(7, 0), Qt::UTC);
    return moved == at ? at : moved.addSecs(60 * jitterMinutes);
}

// The times of the story's steps: creation at a working hour ageDays ago, then each step after
// its usual delay, squeezed when the ad is too young for them; an expiry comes when the
// category's publication period ends, at whatever hour the job runs.
Result<QList<QDateTime>>
schedule(const AdSpec &ad, int expiryDays, const QDateTime &now, QRandomGenerator &random)
{
    const QDateTime latest = latestStep(now);
    QDateTime created;
    if (ad.ageDays > 0) {
        created = QDateTime(now.date().addDays(-ad.ageDays),
                            QTime(7, 0).addSecs(random.bounded(9 * 60) * 60),
                            Qt::UTC);
        while (created.date().dayOfWeek() > 5) // back to Friday: earlier is always possible
            created = created.addDays(-1);
    }
    if (!created.isValid() || created > now.addSecs(-90 * 60))
        created = now.addSecs(-(90 + random.bounded(90)) * 60);

    QList<qint64> delays; // minutes; -1 marks an expiry
    QList<int> jitters;
    qint64 flexible = 0;
    qint64 fixed = 0;
    for (const AdAction action : ad.story) {
        jitters.append(5 + random.bounded(100));
        if (action == AdAction::Expire) {
            delays.append(-1);
            fixed += qint64(expiryDays) * 24 * 60 + 120;
        } else {
            delays.append(usualDelayMinutes(action, random));
            flexible += delays.last();
        }
    }
    const Error tooRecent{
            Error::Kind::Invalid,
            DemoData::tr("The demo ad “%1” is too recent for its story.").arg(ad.title),
            {},
            {}};
    const qint64 room = created.secsTo(latest) / 60 - fixed;
    if (room < ad.story.size())
        return tooRecent;
    const double squeeze = flexible > room ? double(room) / double(flexible) : 1.0;

    const auto place = [&](bool officeHours) {
        QList<QDateTime> times{created};
        QDateTime at = created;
        QDateTime publishedAt;
        for (int i = 0; i < ad.story.size(); ++i) {
            if (delays.at(i) < 0) {
                at = publishedAt.addDays(expiryDays).addSecs(60 * jitters.at(i));
            } else {
                at = at.addSecs(60 * qMax<qint64>(1, qint64(delays.at(i) * squeeze)));
                if (officeHours)
                    at = withinOfficeHours(at, jitters.at(i));
            }
            if (ad.story.at(i) == AdAction::Approve)
                publishedAt = at;
            times.append(at);
        }
        return times;
    };
    // Office hours when the story fits in them, else the squeezed times as they fall.
    QList<QDateTime> times = place(true);
    if (times.last() > latest)
        times = place(false);
    if (times.last() > latest)
        return tooRecent;
    return times;
}

// Moves a history ad's whole story by whole weeks, its weekdays and hours kept, so that it
// closes in the week of `target`, and never after `latest`.
void anchorClosing(QList<QDateTime> &times, const QDateTime &target, const QDateTime &latest)
{
    qint64 weeks = qRound64(double(times.last().daysTo(target)) / 7.0);
    while (times.last().addDays(7 * weeks) > latest)
        --weeks;
    for (QDateTime &at : times)
        at = at.addDays(7 * weeks);
}

// Stand-in photos: a wide shot, a close-up and a portrait shot of the same object. They are
// drawn on worker threads while the main thread waits on the database, each one once.
class PhotoStudio
{
public:
    struct Shot
    {
        QString categoryCode;
        int variant = 0;
        int shot = 0;
    };

    explicit PhotoStudio(const QList<AdSpec> &ads)
    {
        for (const AdSpec &ad : ads) {
            for (int shot = 0; shot < ad.photos; ++shot) {
                const QString key = keyOf(ad.categoryCode, ad.picture, shot);
                if (!m_index.contains(key)) {
                    m_index.insert(key, int(m_shots.size()));
                    m_shots.append(Shot{ad.categoryCode, ad.picture, shot});
                }
            }
        }
        m_rendering = QtConcurrent::mapped(m_shots, &PhotoStudio::render);
    }
    ~PhotoStudio() { m_rendering.waitForFinished(); }

    // Waits for that shot only, in the order the ads need them.
    Result<AdPhoto> photo(const QString &categoryCode, int variant, int shot) const
    {
        const Rendered rendered
                = m_rendering.resultAt(m_index.value(keyOf(categoryCode, variant, shot)));
        if (!rendered.error.message.isEmpty())
            return rendered.error;
        return rendered.photo;
    }

private:
    struct Rendered
    {
        AdPhoto photo;
        Error error;
    };

    static QString keyOf(const QString &categoryCode, int variant, int shot)
    {
        return categoryCode + u'/' + QString::number(variant) + u'/' + QString::number(shot);
    }

    static Rendered render(const Shot &shot)
    {
        QImage image;
        switch (shot.shot) {
        case 0:
            image = PlaceholderPicture::draw(shot.categoryCode, shot.variant);
            break;
        case 1:
            image = PlaceholderPicture::draw(shot.categoryCode, shot.variant, {1200, 900})
                            .copy(QRect(200, 130, 800, 600));
            break;
        default:
            image = PlaceholderPicture::draw(shot.categoryCode, shot.variant, {1000, 750})
                            .copy(QRect(200, 0, 600, 750));
            break;
        }
        const auto scaled = PhotoScaler::fromImage(image);
        if (!scaled)
            return Rendered{{}, scaled.error()};
        return Rendered{AdPhoto{0, shot.shot, scaled->jpeg, scaled->thumbnail}, {}};
    }

    QList<Shot> m_shots;
    QHash<QString, int> m_index;
    QFuture<Rendered> m_rendering;
};

Error failedAd(const AdSpec &ad, const Error &cause)
{
    Error error = cause;
    error.message
            = DemoData::tr("The demo ad “%1” could not be loaded: %2").arg(ad.title, cause.message);
    return error;
}

// The logistics service's fortnight: transports for the latest exchanges, in every status,
// over the coming two weeks, four stops on one day from several sites. Written as the people
// would, through PickupRepository (no mail: the demo's past sends none).
Status seedPickups(Database &db, const QDateTime &now, qint64 logisticsId)
{
    const auto latest = AdRepository(db).latestExchanges(12);
    ReferenceRepository references(db);
    const auto agents = references.agents();
    const auto services = references.services();
    const auto sites = references.sites();
    if (!latest || !agents || !services || !sites)
        return db.lastError(DemoData::tr("The demo data cannot be loaded."));
    struct Exchange
    {
        qint64 ad = 0;
        Actor owner;
        PickupRequest request;
    };
    QList<Exchange> found;
    for (const Ad &ad : *latest) {
        Exchange e;
        e.ad = ad.id;
        e.owner = {ad.ownerId, false, false};
        e.request.from.siteId = ad.siteId;
        e.request.from.room = ad.room;
        e.request.to.room = QStringLiteral("Accueil");
        for (const Agent &a : *agents) {
            if (a.id == ad.ownerId) {
                e.request.from.contact = a.displayName;
                e.request.from.phone = a.phone;
            }
            if (a.serviceId == ad.receivingServiceId && e.request.to.contact.isEmpty()) {
                e.request.to.contact = a.displayName;
                e.request.to.phone = a.phone;
            }
        }
        // The first site of the receiving service's organisation.
        qint64 organisation = 0;
        for (const Service &service : *services) {
            if (service.id == ad.receivingServiceId)
                organisation = service.organisationId;
        }
        for (const Site &site : *sites) {
            if (site.organisationId == organisation
                && (!e.request.to.siteId || site.id < e.request.to.siteId))
                e.request.to.siteId = site.id;
        }
        if (e.request.to.siteId)
            found.append(e);
    }
    // Days from the later of the demo's today and the real one: the server refuses the past.
    const QDate today = std::max(now.toTimeZone(platformZone()).date(), platformToday());
    Actor logistics{logisticsId, false, false};
    logistics.logistics = true;
    PickupRepository pickups(db);
    // {wished, planned (-1: not planned), team, stop, last status}, days counted in working
    // days from today (isWorkingDay(): no transport on a weekend or a public holiday), within
    // the coming two working weeks.
    struct Story
    {
        int wished;
        int planned;
        const char *team;
        int stop;
        PickupStatus status;
    };
    const Story stories[] = {{1, -1, "", 0, PickupStatus::Requested},
                             {2, 2, "Équipe 1", 1, PickupStatus::Planned},
                             {2, 2, "Équipe 1", 2, PickupStatus::Planned},
                             {3, 2, "Équipe 2", 1, PickupStatus::Planned},
                             {2, 2, "Équipe 2", 2, PickupStatus::Planned},
                             {0, 0, "Équipe 1", 1, PickupStatus::PickedUp},
                             {0, 0, "Équipe 2", 1, PickupStatus::Delivered},
                             {4, 5, "Équipe 1", 1, PickupStatus::Planned},
                             {6, -1, "", 0, PickupStatus::Cancelled},
                             {7, 8, "Équipe 2", 1, PickupStatus::Planned},
                             {9, -1, "", 0, PickupStatus::Requested},
                             {10, -1, "", 0, PickupStatus::Requested}};
    for (qsizetype i = 0; i < found.size() && i < qsizetype(std::size(stories)); ++i) {
        Story story = stories[i];
        // Carried today only on a working day: seeded on a Saturday, the crew has it planned
        // for Monday instead (the server refuses a day past).
        if (!isWorkingDay(today) && story.planned == 0)
            story.status = PickupStatus::Planned;
        Exchange e = found.at(i);
        e.request.wishedDate = workingDayAfter(today, story.wished);
        if (i % 3 == 0)
            e.request.notes = QStringLiteral("Prévoir un diable : escalier sans ascenseur.");
        auto p = pickups.request(e.ad, e.request, e.owner);
        if (p && story.status == PickupStatus::Cancelled)
            p = pickups.cancel(p->id,
                               p->version,
                               QStringLiteral("Le service receveur est venu le chercher lui-même."),
                               e.owner);
        if (p && story.planned >= 0)
            p = pickups.plan(p->id,
                             p->version,
                             workingDayAfter(today, story.planned),
                             QString::fromUtf8(story.team),
                             story.stop,
                             logistics);
        if (p
            && (story.status == PickupStatus::PickedUp || story.status == PickupStatus::Delivered))
            p = pickups.markPickedUp(p->id, p->version, logistics);
        if (p && story.status == PickupStatus::Delivered)
            p = pickups.markDelivered(p->id, p->version, logistics);
        if (!p)
            return Error{p.error().kind,
                         DemoData::tr("The demo data cannot be loaded: a transport was refused. %1")
                                 .arg(p.error().message),
                         p.error().detail,
                         {}};
    }
    return {};
}

// Who asked for what, then the lots' parts: the contact requests through the application's own
// ContactRequests, so that each has its mail to the poster in the outbox (dated by the server,
// as the app's are), then the owners reserve parts for the services that asked, release or give
// them.
Status seedRequests(Database &db,
                    const DemoSet &set,
                    const QHash<QString, qint64> &adIds,
                    const QHash<QString, qint64> &agentIds,
                    const QHash<QString, qint64> &serviceIds)
{
    ReferenceRepository references(db);
    ContactRequests contacts(db);
    for (const ContactSpec &spec : set.contacts) {
        const auto requester = references.agent(agentIds.value(spec.fromLogin));
        if (!requester)
            return requester.error();
        const auto sent = contacts.send(
                adIds.value(spec.adTitle), *requester, requester->serviceId, spec.message, {});
        if (!sent)
            return Error{sent.error().kind,
                         DemoData::tr("The demo data cannot be loaded: a contact request was "
                                      "refused. %1")
                                 .arg(sent.error().message),
                         sent.error().detail,
                         {}};
    }
    AdRepository ads(db);
    for (const PartSpec &spec : set.parts) {
        const qint64 adId = adIds.value(spec.adTitle);
        const auto ad = ads.get(adId, false);
        if (!ad)
            return ad.error();
        const Actor owner{ad->ownerId, false, false};
        auto part = ads.reservePart(adId, serviceIds.value(spec.serviceCode), spec.quantity, owner);
        if (part && spec.state == ReservationState::Released)
            part = ads.releasePart(*part, owner);
        if (part && spec.state == ReservationState::Exchanged)
            part = ads.exchangePart(*part, owner);
        if (!part)
            return Error{part.error().kind,
                         DemoData::tr("The demo data cannot be loaded: a part of a lot was "
                                      "refused. %1")
                                 .arg(part.error().message),
                         part.error().detail,
                         {}};
    }
    return {};
}

// The general store's shelves: the ads the file sends there, taken by the logistics service
// and delivered today, so that its keeper holds them.
Status seedStore(Database &db,
                 const QDateTime &now,
                 qint64 site,
                 const QList<qint64> &adIds,
                 qint64 logisticsId)
{
    const auto agents = ReferenceRepository(db).agents();
    if (!agents)
        return agents.error();
    const QDate today = std::max(now.toTimeZone(platformZone()).date(), platformToday());
    Actor logistics{logisticsId, false, false};
    logistics.logistics = true;
    PickupRepository pickups(db);
    int stop = 10;
    for (const qint64 adId : adIds) {
        const auto ad = AdRepository(db).get(adId, false);
        if (!ad)
            return ad.error();
        PickupRequest request;
        request.from = {ad->siteId, {}, {}, ad->room, {}, {}};
        for (const Agent &a : *agents) {
            if (a.id == ad->ownerId) {
                request.from.contact = a.displayName;
                request.from.phone = a.phone;
            }
        }
        request.to = {site, {}, {}, QStringLiteral("Travée %1").arg(1 + (stop - 10) / 4), {}, {}};
        request.wishedDate = today;
        auto p = pickups.sendToStore(adId, request, Actor{ad->ownerId, false, false});
        if (p)
            p = pickups.plan(
                    p->id, p->version, today, QStringLiteral("Équipe 2"), stop++, logistics);
        if (p)
            p = pickups.markPickedUp(p->id, p->version, logistics);
        if (p)
            p = pickups.markDelivered(p->id, p->version, logistics);
        if (!p)
            return Error{p.error().kind,
                         DemoData::tr("The demo data cannot be loaded: the store refused an "
                                      "item. %1")
                                 .arg(p.error().message),
                         p.error().detail,
                         {}};
    }
    return {};
}

} // namespace

QString DemoData::resourcePath()
{
    return QStringLiteral(":/sql/demo/demo-data.json");
}

bool DemoData::hasData(Database &db)
{
    const auto organisations = ReferenceRepository(db).organisations();
    return organisations.ok() && !organisations->isEmpty();
}

Status DemoData::seed(Database &db, const QDateTime &nowArgument)
{
    if (hasData(db))
        return Error{Error::Kind::Conflict,
                     tr("This database already holds data: the demo can only be loaded into an "
                        "empty database."),
                     {},
                     {}};
    QFile file(resourcePath());
    if (!file.open(QIODevice::ReadOnly))
        return Error{Error::Kind::Invalid,
                     tr("The demo data is missing from this version."),
                     file.errorString(),
                     {}};
    const QDateTime now = nowArgument.toUTC();
    Loader loader;
    const auto parsed = loader.parse(file.readAll(), now);
    if (!parsed)
        return parsed.error();
    const DemoSet &set = *parsed;
    const PhotoStudio studio(set.ads); // starts drawing at once

    // All or nothing: the repositories' own units join this one.
    Transaction transaction(db.connection());
    if (!transaction.isActive())
        return Error{Error::Kind::Database, tr("The demo data cannot be loaded."), {}, {}};

    // Reference data, remembering the ids the database gives.
    ReferenceRepository references(db);
    QHash<QString, qint64> organisationIds, serviceIds, siteIds, agentIds, agentServices;
    QHash<QString, Category> categories;
    QList<qint64> moderators;
    qint64 logisticsId = 0;
    for (const Organisation &organisation : set.organisations) {
        const auto id = references.addOrganisation(organisation);
        if (!id)
            return id.error();
        organisationIds.insert(organisation.code, *id);
    }
    for (ServiceSpec spec : set.services) {
        spec.service.organisationId = organisationIds.value(spec.organisationCode);
        const auto id = references.addService(spec.service);
        if (!id)
            return id.error();
        serviceIds.insert(spec.service.code, *id);
    }
    for (SiteSpec spec : set.sites) {
        spec.site.organisationId = organisationIds.value(spec.organisationCode);
        const auto id = references.addSite(spec.site);
        if (!id)
            return id.error();
        siteIds.insert(spec.site.code, *id);
    }
    for (Category category : set.categories) {
        const auto id = references.addCategory(category);
        if (!id)
            return id.error();
        category.id = *id;
        categories.insert(category.code, category);
    }
    for (AgentSpec spec : set.agents) {
        spec.agent.serviceId = serviceIds.value(spec.serviceCode);
        const auto id = references.addAgent(spec.agent);
        if (!id)
            return id.error();
        agentIds.insert(spec.agent.login, *id);
        agentServices.insert(spec.agent.login, spec.agent.serviceId);
        if (spec.agent.roles.testFlag(Role::Moderator))
            moderators.append(*id);
        if (spec.agent.roles.testFlag(Role::Logistics) && !logisticsId)
            logisticsId = *id;
    }
    if (moderators.isEmpty())
        return Error{Error::Kind::Invalid, tr("The demo data has no moderator."), {}, {}};
    qint64 store = 0; // the file's general store, if any
    QList<qint64> storeAds;
    for (const SiteSpec &spec : std::as_const(set.sites)) {
        if (spec.keeperLogin.isEmpty())
            continue;
        const qint64 keeper = agentIds.value(spec.keeperLogin);
        if (const Status kept = references.setStore(
                    siteIds.value(spec.site.code), agentServices.value(spec.keeperLogin), keeper);
            !kept)
            return kept;
        store = siteIds.value(spec.site.code);
    }

    // Wanted ads first: the "mailed" ads' approvals match them, as they would.
    for (WantedSpec spec : set.wanted) {
        spec.wanted.authorId = agentIds.value(spec.authorLogin);
        spec.wanted.serviceId = agentServices.value(spec.authorLogin);
        spec.wanted.siteId = siteIds.value(spec.siteCode);
        spec.wanted.categoryId = spec.categoryCode.isEmpty() ? 0 : categories[spec.categoryCode].id;
        if (const auto posted = WantedAdRepository(db).post(spec.wanted); !posted)
            return posted.error();
    }

    // Ads: each written as a draft, then moved along its story by the people who would.
    AdRepository ads(db);
    AdWorkflow workflow(db, MailSettings{}); // the outbox's mails, sent by the app at its start
    QHash<QString, qint64> fileAds;          // the file's own ads (not the history's), by title
    QRandomGenerator random(2017);           // the same demo every time
    for (int index = 0; index < set.ads.size(); ++index) {
        const AdSpec &spec = set.ads.at(index);
        const Category &category = categories[spec.categoryCode];
        auto times = schedule(spec, category.expiryDays, now, random);
        if (!times)
            return times.error();
        if (spec.closingAround.isValid())
            anchorClosing(times.value(), spec.closingAround, latestStep(now));

        Ad ad;
        ad.title = spec.title;
        ad.description = spec.description;
        ad.categoryId = category.id;
        ad.quantity = spec.quantity;
        ad.valueCents = spec.valueCents;
        ad.weightGrams = spec.weightGrams;
        ad.siteId = siteIds.value(spec.siteCode);
        ad.room = spec.room;
        ad.serviceId = agentServices.value(spec.ownerLogin);
        ad.professionalUseAttested = true;
        ad.createdAt = times->first();
        for (int shot = 0; shot < spec.photos; ++shot) {
            const auto photo = studio.photo(spec.categoryCode, spec.picture, shot);
            if (!photo)
                return failedAd(spec, photo.error());
            ad.photos.append(*photo);
        }

        const qint64 ownerId = agentIds.value(spec.ownerLogin);
        const Actor owner{ownerId, false, false};
        // Moderators take turns; none moderates their own ad.
        qint64 moderatorId = moderators.at(index % moderators.size());
        if (moderatorId == ownerId && moderators.size() > 1)
            moderatorId = moderators.at((index + 1) % moderators.size());
        const Actor moderator{moderatorId, true, false};

        auto current = ads.create(ad, owner);
        if (!current)
            return failedAd(spec, current.error());
        if (spec.toStore)
            storeAds.append(current->id);
        if (!spec.closingAround.isValid())
            fileAds.insert(spec.title, current->id);
        for (int step = 0; step < spec.story.size(); ++step) {
            TransitionRequest request;
            request.action = spec.story.at(step);
            request.expectedVersion = current->version;
            request.at = times->at(step + 1);
            if (request.action == AdAction::Reject || request.action == AdAction::Remove)
                request.reason = spec.reason;
            if (request.action == AdAction::Remove)
                request.closeReason = CloseReason::Removed;
            if (request.action == AdAction::Close) {
                request.closeReason = spec.closeReason;
                request.reason = spec.closeNote;
                request.receivingServiceId = serviceIds.value(spec.receivingServiceCode);
            }
            const ActorKind kind = actorFor(request.action);
            const Actor actor = kind == ActorKind::System      ? Actor::systemActor()
                                : kind == ActorKind::Moderator ? moderator
                                                               : owner;
            current = spec.mailed ? workflow.transition(current->id, request, actor)
                                  : ads.transition(current->id, request, actor);
            if (!current)
                return failedAd(spec, current.error());
        }
    }
    if (const Status asked = seedRequests(db, set, fileAds, agentIds, serviceIds); !asked)
        return asked;
    if (logisticsId) {
        if (const Status moved = seedPickups(db, now, logisticsId); !moved)
            return moved;
        if (store) {
            if (const Status stored = seedStore(db, now, store, storeAds, logisticsId); !stored)
                return stored;
        }
    }
    if (!transaction.commit())
        return db.lastError(tr("The demo data cannot be loaded."));
    return {};
}

} // namespace Recup
