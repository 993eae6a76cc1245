// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Fixtures.h"

#include "Sql.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"

#include <QTest>

namespace Recup::Testing {

namespace {

qint64 must(const Result<qint64> &id)
{
    if (!id)
        qFatal("fixture insert failed: %s / %s",
               qPrintable(id.error().message),
               qPrintable(id.error().detail));
    return *id;
}

Agent agent(const QString &login, const QString &name, qint64 service, Roles roles)
{
    Agent a;
    a.login = login;
    a.displayName = name;
    a.email = login + QStringLiteral("@agglo.test");
    a.serviceId = service;
    a.roles = roles;
    return a;
}

} // namespace

Ad World::sampleAd(const QString &title) const
{
    Ad ad;
    ad.title = title;
    ad.description = QStringLiteral("Plateau de 160 cm, quelques rayures, tiroirs fonctionnels.");
    ad.categoryId = desks;
    ad.quantity = 1;
    ad.valueCents = 25000;
    ad.weightGrams = 45000;
    ad.siteId = depot;
    ad.room = QStringLiteral("Bâtiment B, salle 12");
    ad.professionalUseAttested = true;
    return ad;
}

std::optional<Agent> everyRoleAgent(Database &db, const World &world)
{
    const auto read = ReferenceRepository(db).agent(world.moderator);
    if (!read) {
        qWarning("everyRoleAgent: %s", qPrintable(read.error().message));
        return std::nullopt;
    }
    Agent everyone = *read;
    everyone.roles |= Role::Logistics;
    everyone.roles |= Role::Admin;
    return everyone;
}

World makeWorld(Database &db)
{
    ReferenceRepository r(db);
    World w;
    w.agglo = must(r.addOrganisation(
            {0, QStringLiteral("AGGLO"), QStringLiteral("Communauté d'agglomération")}));
    w.city = must(r.addOrganisation({0, QStringLiteral("VILLE"), QStringLiteral("Ville-centre")}));
    w.waste = must(
            r.addService({0, w.agglo, QStringLiteral("DECHETS"), QStringLiteral("Déchets")}));
    w.library = must(
            r.addService({0, w.agglo, QStringLiteral("MEDIA"), QStringLiteral("Médiathèque")}));
    w.schools = must(r.addService({0, w.city, QStringLiteral("ECOLES"), QStringLiteral("Écoles")}));
    w.depot = must(r.addSite({0,
                              w.agglo,
                              QStringLiteral("DEPOT"),
                              QStringLiteral("Centre technique"),
                              QStringLiteral("12 rue des Artisans"),
                              QStringLiteral("86100"),
                              QStringLiteral("Val-sur-Vienne")}));
    w.townHall = must(r.addSite({0,
                                 w.city,
                                 QStringLiteral("HDV"),
                                 QStringLiteral("Hôtel de ville"),
                                 QStringLiteral("1 place de la Mairie"),
                                 QStringLiteral("86100"),
                                 QStringLiteral("Val-sur-Vienne")}));
    Category desks{0,
                   QStringLiteral("BUREAUX"),
                   QStringLiteral("Bureaux"),
                   40000,
                   false,
                   {},
                   60,
                   400,
                   QStringLiteral("WRAP 2011 : bureaux, 0,4 t CO2e par tonne réemployée")};
    Category chairs{0,
                    QStringLiteral("SIEGES"),
                    QStringLiteral("Sièges"),
                    8000,
                    false,
                    {},
                    30,
                    3000,
                    QStringLiteral("WRAP 2011 : sièges de bureau, 3 t CO2e par tonne réemployée")};
    Category computers{0,
                       QStringLiteral("INFO"),
                       QStringLiteral("Matériel informatique"),
                       5000,
                       true,
                       QStringLiteral("Le matériel informatique passe par la DSI."),
                       60,
                       {}, // no factor known
                       {}};
    w.desks = must(r.addCategory(desks));
    w.chairs = must(r.addCategory(chairs));
    w.computers = must(r.addCategory(computers));
    w.owner = must(r.addAgent(agent(
            QStringLiteral("mdupont"), QStringLiteral("Marie Dupont"), w.waste, Role::Agent)));
    w.other = must(r.addAgent(agent(
            QStringLiteral("pmartin"), QStringLiteral("Paul Martin"), w.library, Role::Agent)));
    w.moderator = must(r.addAgent(agent(QStringLiteral("cbernard"),
                                        QStringLiteral("Claire Bernard"),
                                        w.schools,
                                        Role::Agent | Role::Moderator)));
    w.secondModerator = must(r.addAgent(agent(QStringLiteral("lpetit"),
                                              QStringLiteral("Luc Petit"),
                                              w.waste,
                                              Role::Agent | Role::Moderator)));
    return w;
}

Ad pendingAd(Database &db,
             const World &world,
             const QString &title,
             const QDateTime &at,
             qint64 categoryId)
{
    AdRepository ads(db);
    Ad input = world.sampleAd(title);
    input.createdAt = at;
    if (categoryId > 0)
        input.categoryId = categoryId;
    auto created = ads.create(input, world.ownerActor());
    if (!created)
        qFatal("create failed: %s", qPrintable(created.error().message + created.error().detail));
    TransitionRequest submit{AdAction::Submit, created->version, {}, {}, 0, at};
    auto submitted = ads.transition(created->id, submit, world.ownerActor());
    if (!submitted)
        qFatal("submit failed: %s", qPrintable(submitted.error().message));
    return *submitted;
}

Ad publishedAd(Database &db, const World &world, const QString &title, const QDateTime &at)
{
    const Ad submitted = pendingAd(db, world, title, at);
    TransitionRequest approve{AdAction::Approve, submitted.version, {}, {}, 0, at};
    auto approved = AdRepository(db).transition(submitted.id, approve, world.moderatorActor());
    if (!approved)
        qFatal("approve failed: %s", qPrintable(approved.error().message));
    return *approved;
}

Ad publishedLot(Database &db,
                const World &world,
                int quantity,
                qint64 valueCents,
                qint64 weightGrams,
                const QString &title,
                const QDateTime &at)
{
    AdRepository ads(db);
    Ad input = world.sampleAd(title);
    input.categoryId = world.chairs;
    input.quantity = quantity;
    input.valueCents = valueCents;
    input.weightGrams = weightGrams;
    input.createdAt = at;
    auto created = ads.create(input, world.ownerActor());
    if (!created)
        qFatal("create failed: %s", qPrintable(created.error().message + created.error().detail));
    TransitionRequest submit{AdAction::Submit, created->version, {}, {}, 0, at};
    auto submitted = ads.transition(created->id, submit, world.ownerActor());
    if (!submitted)
        qFatal("submit failed: %s", qPrintable(submitted.error().message));
    TransitionRequest approve{AdAction::Approve, submitted->version, {}, {}, 0, at};
    auto approved = ads.transition(created->id, approve, world.moderatorActor());
    if (!approved)
        qFatal("approve failed: %s", qPrintable(approved.error().message));
    return *approved;
}

Ad closedLot(Database &db,
             const World &world,
             qint64 categoryId,
             int quantity,
             qint64 valueCents,
             qint64 weightGrams,
             CloseReason reason,
             const QString &title)
{
    AdRepository ads(db);
    Ad input = world.sampleAd(title);
    input.categoryId = categoryId;
    input.quantity = quantity;
    input.valueCents = valueCents;
    input.weightGrams = weightGrams;
    auto ad = ads.create(input, world.ownerActor());
    if (ad)
        ad = ads.transition(
                ad->id, {AdAction::Submit, ad->version, {}, {}, 0, {}}, world.ownerActor());
    if (ad)
        ad = ads.transition(
                ad->id, {AdAction::Approve, ad->version, {}, {}, 0, {}}, world.moderatorActor());
    if (ad) {
        TransitionRequest close{AdAction::Close, ad->version, {}, reason, 0, {}};
        if (reason == CloseReason::Exchanged)
            close.receivingServiceId = world.schools;
        ad = ads.transition(ad->id, close, world.ownerActor());
    }
    if (!ad)
        qFatal("closed lot failed: %s", qPrintable(ad.error().message + ad.error().detail));
    return *ad;
}

Ad publishedAdOf(Database &admin, const World &world, qint64 owner, const QString &title)
{
    AdRepository ads(admin);
    Ad input = world.sampleAd(title);
    input.ownerId = owner;
    const Actor actor{owner, false, false};
    const Result<Ad> created = ads.create(input, actor);
    if (!created)
        qFatal("create failed: %s", qPrintable(created.error().message + created.error().detail));
    const Result<Ad> submitted = ads.transition(
            created->id, {AdAction::Submit, created->version, {}, {}, 0, {}}, actor);
    if (!submitted)
        qFatal("submit failed: %s", qPrintable(submitted.error().message));
    const Result<Ad> approved
            = ads.transition(submitted->id,
                             {AdAction::Approve, submitted->version, {}, {}, 0, {}},
                             world.moderatorActor());
    if (!approved)
        qFatal("approve failed: %s", qPrintable(approved.error().message));
    return *approved;
}

bool ensureLoginRoles(Database &admin)
{
    const QList<std::pair<QString, QString>> people{
            {QStringLiteral("mdupont"), QStringLiteral("recup_agent")},
            {QStringLiteral("pmartin"), QStringLiteral("recup_agent")},
            {QStringLiteral("cbernard"), QStringLiteral("recup_agent, recup_moderator")},
            {QStringLiteral("lpetit"), QStringLiteral("recup_agent, recup_moderator")}};
    for (const auto &[login, groups] : people) {
        // Created when missing, put in each group it lacks: quiet when all is already so.
        const QString statement
                = QStringLiteral(
                          "DO $$ DECLARE g text; BEGIN "
                          "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1') THEN "
                          "CREATE ROLE %1 LOGIN; END IF; "
                          "ALTER ROLE %1 LOGIN; "
                          "FOREACH g IN ARRAY string_to_array('%2', ', ') LOOP "
                          "IF NOT pg_has_role('%1', g, 'MEMBER') THEN "
                          "EXECUTE format('GRANT %I TO %I', g, '%1'); END IF; END LOOP; END $$")
                          .arg(login, groups);
        if (!execSql(admin, statement))
            return false;
    }
    return true;
}

qint64 enrolLogin(Database &admin, const QString &login, Roles roles, qint64 serviceId)
{
    Agent a;
    a.login = login;
    a.displayName = login;
    a.email = login + QStringLiteral("@agglo.test");
    a.serviceId = serviceId;
    a.roles = roles;
    const auto id = ReferenceRepository(admin).enrolAgent(a, std::nullopt);
    if (!id)
        qWarning("enrol %s: %s", qPrintable(login), qPrintable(id.error().detail));
    return id ? *id : 0;
}

} // namespace Recup::Testing
