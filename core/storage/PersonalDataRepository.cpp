// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/PersonalDataRepository.h"

#include "domain/OutboxMail.h"
#include "storage/Database.h"
#include "storage/SqlDialect.h"
#include "storage/Transaction.h"

#include <QJsonArray>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Recup {

namespace {

// A JSON value of a column: times as ISO 8601 UTC (SQLite keeps them so already), integers
// as numbers, NULL as null.
QJsonValue jsonOf(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue::Null;
    switch (value.metaType().id()) {
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return value.toLongLong();
    case QMetaType::Bool:
        return value.toBool();
    default:
        return value.toString();
    }
}

// Every row of a query as an object keyed by the columns' names.
Result<QJsonArray> rowsOf(Database &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db.connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return databaseError(query.lastError(),
                             PersonalDataRepository::tr("Your data could not be read."));
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return databaseError(query.lastError(),
                             PersonalDataRepository::tr("Your data could not be read."));
    QJsonArray rows;
    while (query.next()) {
        const QSqlRecord record = query.record();
        QJsonObject row;
        for (int i = 0; i < record.count(); ++i)
            row.insert(record.fieldName(i), jsonOf(query.value(i)));
        rows.append(row);
    }
    return rows;
}

} // namespace

PersonalDataRepository::PersonalDataRepository(Database &db)
    : m_db(db)
{}

std::optional<QString> PersonalDataRepository::retentionError(qint64 months)
{
    if (months >= MinRetentionMonths && months <= MaxRetentionMonths)
        return std::nullopt;
    return tr("The retention is counted in months, from %1 to %2 (ten years): %3 is not "
              "possible.")
            .arg(MinRetentionMonths)
            .arg(MaxRetentionMonths)
            .arg(QLocale().toString(months));
}

Result<int> PersonalDataRepository::retentionMonths()
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT months FROM retention_policy")))
        return databaseError(query.lastError(),
                             tr("The retention of personal data could not be read."));
    return query.next() ? query.value(0).toInt() : DefaultRetentionMonths;
}

Status PersonalDataRepository::setRetentionMonths(int months)
{
    if (const auto refused = retentionError(months))
        return Error{Error::Kind::Invalid, *refused, {}, {{QStringLiteral("months"), *refused}}};
    QSqlQuery query(m_db.connection());
    query.prepare(QStringLiteral("UPDATE retention_policy SET months = ?"));
    query.addBindValue(months);
    if (!query.exec()) {
        Error error = databaseError(query.lastError(),
                                    tr("The retention of personal data could not be saved."));
        if (error.kind == Error::Kind::Forbidden)
            error.message = tr("Only administrators change the retention of personal data.");
        return error;
    }
    if (query.numRowsAffected() != 1)
        return Error{Error::Kind::Forbidden,
                     tr("Only administrators change the retention of personal data."),
                     {},
                     {}};
    return {};
}

Result<PersonalDataRepository::Anonymised> PersonalDataRepository::anonymiseBatch(int batch)
{
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    const auto done = m_db.dialect().anonymisePersonalData(db, batch);
    if (!done) {
        Error error = done.error();
        if (error.kind == Error::Kind::Forbidden)
            error.message = tr("Only administrators anonymise personal data.");
        return error;
    }
    if (!transaction.commit())
        return m_db.lastError(tr("The personal data could not be anonymised."));
    return Anonymised{done->first, done->second};
}

Result<PersonalDataRepository::Anonymised> PersonalDataRepository::anonymiseAgent(qint64 agentId)
{
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    const auto done = m_db.dialect().anonymiseAgent(db, agentId);
    if (!done) {
        const Error &error = done.error();
        if (error.detail.contains(QLatin1String("anonymise-active-agent")))
            return Error{Error::Kind::Invalid,
                         tr("This agent is still active: deactivate them before anonymising "
                            "them."),
                         error.detail,
                         {}};
        if (error.detail.contains(QLatin1String("anonymise-role-exists")))
            return Error{Error::Kind::Invalid,
                         tr("This agent's database login still exists: the IT department "
                            "removes it first (DROP ROLE), otherwise whoever is given that login "
                            "next would log in with the old password and rights."),
                         error.detail,
                         {}};
        if (error.detail.contains(QLatin1String("anonymise-open-ads")))
            return Error{Error::Kind::Invalid,
                         tr("This agent still owns ads awaiting moderation, published or "
                            "reserved: hand them over first with “Hand over their ads…”."),
                         error.detail,
                         {}};
        if (error.detail.contains(QLatin1String("anonymise-email-shared")))
            return Error{Error::Kind::Invalid,
                         tr("Another agent or the moderators' shared address has the same email "
                            "address: correct it before anonymising this agent, so that nobody "
                            "else's mails are erased."),
                         error.detail,
                         {}};
        if (error.detail.contains(QLatin1String("anonymise-unknown-agent")))
            return Error{Error::Kind::NotFound, tr("This agent does not exist."), error.detail, {}};
        if (error.kind == Error::Kind::Forbidden)
            return Error{Error::Kind::Forbidden,
                         tr("Only administrators anonymise an agent."),
                         error.detail,
                         {}};
        Error failed = error;
        failed.message = tr("The agent could not be anonymised.") + u' ' + error.message;
        return failed;
    }
    if (!transaction.commit())
        return m_db.lastError(tr("The agent could not be anonymised."));
    return Anonymised{done->first, done->second};
}

Result<PersonalDataRepository::AnonymisationPreview>
PersonalDataRepository::anonymisationPreview(qint64 agentId) const
{
    const QString failed = tr("What anonymising this agent would change could not be read.");
    QSqlQuery agent(m_db.connection());
    agent.prepare(QStringLiteral(
            "SELECT a.email, (SELECT count(*) FROM contact_request c WHERE c.requester_id = a.id "
            "AND c.anonymised_at IS NULL), (SELECT count(*) FROM ad d WHERE d.owner_id = a.id) "
            "FROM agent a WHERE a.id = ?"));
    agent.addBindValue(agentId);
    if (!agent.exec())
        return databaseError(agent.lastError(), failed);
    if (!agent.next())
        return Error{Error::Kind::NotFound, tr("This agent does not exist."), {}, {}};
    AnonymisationPreview preview;
    const QString email = comparedAddress(agent.value(0).toString().remove(u'\n'));
    preview.messages = agent.value(1).toInt();
    preview.ads = agent.value(2).toInt();
    agent.finish();

    // The mails they wrote, and those whose recipients may hold their address, told apart as
    // the anonymisation does (addressShare).
    QString pattern = email;
    for (const QChar special : {u'\\', u'%', u'_'})
        pattern.replace(special, QString(u'\\') + special);
    QSqlQuery mails(m_db.connection());
    mails.setForwardOnly(true);
    mails.prepare(QStringLiteral("SELECT recipients, author_id FROM outbox WHERE anonymised_at IS "
                                 "NULL AND (author_id = ? OR (? <> '' AND lower(recipients) LIKE "
                                 "? ESCAPE '\\'))"));
    mails.addBindValue(agentId);
    mails.addBindValue(email);
    mails.addBindValue(QString(u'%' + pattern + u'%'));
    if (!mails.exec())
        return databaseError(mails.lastError(), failed);
    while (mails.next()) {
        const AddressShare share = addressShare(mails.value(0).toString(), email);
        if (mails.value(1).toLongLong() == agentId || share == AddressShare::Alone)
            ++preview.mails;
        else if (share == AddressShare::Among)
            ++preview.sharedMails;
    }
    return preview;
}

Result<QSet<qint64>> PersonalDataRepository::anonymisedAgents() const
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(QStringLiteral("SELECT id FROM agent WHERE anonymised_at IS NOT NULL")))
        return databaseError(query.lastError(), tr("The agents could not be read."));
    QSet<qint64> ids;
    while (query.next())
        ids.insert(query.value(0).toLongLong());
    return ids;
}

Result<QJsonObject> PersonalDataRepository::exportOf(qint64 agentId)
{
    const QString value = m_db.dialect().valueColumn();
    struct Part
    {
        const char *key;
        QString sql;
        QVariantList values;
    };
    const QList<Part> parts{
            {"agent",
             QStringLiteral("SELECT a.id, a.login AS identifiant, a.display_name AS nom, "
                            "a.email AS courriel, a.phone AS telephone, s.name AS service, "
                            "a.created_at AS cree_le FROM agent a JOIN service s ON s.id = "
                            "a.service_id WHERE a.id = ?"),
             {agentId}},
            {"annonces",
             QStringLiteral("SELECT a.id, a.title AS titre, a.description, c.name AS categorie, "
                            "a.quantity AS quantite, v.valeur_centimes, a.weight_grams AS "
                            "poids_grammes, st.name AS site, a.room AS salle, sv.name AS service, "
                            "a.state AS etat, a.close_reason AS motif_cloture, a.close_note AS "
                            "note_cloture, rs.name AS service_receveur, a.created_at AS cree_le, "
                            "a.published_at AS publie_le, a.closed_at AS clos_le, a.expires_at "
                            "AS expire_le FROM (SELECT id, ")
                     + value
                     + QStringLiteral(" AS valeur_centimes FROM ad WHERE owner_id = ?) v "
                                      "JOIN ad a ON a.id = v.id JOIN category c ON c.id = "
                                      "a.category_id JOIN site st ON st.id = a.site_id JOIN "
                                      "service sv ON sv.id = a.service_id LEFT JOIN service rs "
                                      "ON rs.id = a.receiving_service_id ORDER BY a.id"),
             {agentId}},
            {"historique",
             QStringLiteral("SELECT h.ad_id AS annonce, h.at AS le, h.action, h.from_state AS "
                            "de, h.to_state AS vers, h.reason AS motif, g.display_name AS par "
                            "FROM ad_history h JOIN ad a ON a.id = h.ad_id LEFT JOIN agent g ON "
                            "g.id = h.actor_id WHERE a.owner_id = ? ORDER BY h.ad_id, h.at, "
                            "h.id"),
             {agentId}},
            {"demandes_envoyees",
             QStringLiteral("SELECT c.id, c.ad_id AS annonce, d.title AS titre_annonce, s.name "
                            "AS service_demandeur, c.message, c.created_at AS envoyee_le, "
                            "c.anonymised_at AS anonymisee_le FROM contact_request c JOIN "
                            "service s ON s.id = c.requesting_service_id LEFT JOIN ad d ON d.id "
                            "= c.ad_id WHERE c.requester_id = ? ORDER BY c.created_at, c.id"),
             {agentId}},
            {"demandes_recues",
             QStringLiteral("SELECT c.id, c.ad_id AS annonce, d.title AS titre_annonce, "
                            "g.display_name AS demandeur, s.name AS service_demandeur, "
                            "c.created_at AS recue_le FROM contact_request c JOIN ad d ON d.id = "
                            "c.ad_id JOIN agent g ON g.id = c.requester_id JOIN service s ON "
                            "s.id = c.requesting_service_id WHERE d.owner_id = ? AND "
                            "c.requester_id <> ? ORDER BY c.created_at, c.id"),
             {agentId, agentId}},
            {"reservations",
             QStringLiteral("SELECT r.id, r.ad_id AS annonce, d.title AS titre_annonce, s.name AS "
                            "service, r.quantity AS quantite, r.state AS etat, rb.display_name AS "
                            "reservee_par, r.reserved_at AS reservee_le, lb.display_name AS "
                            "liberee_par, r.released_at AS liberee_le, xb.display_name AS "
                            "donnee_par, r.exchanged_at AS donnee_le FROM ad_reservation r JOIN "
                            "ad d ON d.id = r.ad_id JOIN service s ON s.id = r.service_id LEFT "
                            "JOIN agent rb ON rb.id = r.reserved_by LEFT JOIN agent lb ON lb.id = "
                            "r.released_by LEFT JOIN agent xb ON xb.id = r.exchanged_by WHERE "
                            "d.owner_id = ? ORDER BY r.reserved_at, r.id"),
             {agentId}},
            // The transports of their ads (a part's too), those they asked for, and those that
            // bring something to their service: the ones whose contacts may name them.
            {"transports",
             QStringLiteral("SELECT p.id, p.ad_id AS annonce, p.reservation_id AS reservation, "
                            "p.ad_title AS titre_annonce, p.purpose AS objet, p.quantity AS "
                            "quantite, p.weight_grams AS poids_grammes, gs.name AS "
                            "service_donneur, rs.name AS service_receveur, fs.name AS "
                            "depart_site, p.from_room AS depart_salle, p.from_contact AS "
                            "depart_contact, p.from_phone AS depart_telephone, ts.name AS "
                            "arrivee_site, p.to_room AS arrivee_salle, p.to_contact AS "
                            "arrivee_contact, p.to_phone AS arrivee_telephone, p.wished_date AS "
                            "date_souhaitee, p.notes, p.status AS etat, p.planned_date AS "
                            "date_prevue, p.team AS equipe, p.cancel_reason AS motif_annulation, "
                            "g.display_name AS demande_par, p.requested_at AS demande_le FROM "
                            "pickup p JOIN site fs ON fs.id = p.from_site_id JOIN site ts ON "
                            "ts.id = p.to_site_id LEFT JOIN service gs ON gs.id = "
                            "p.giving_service_id LEFT JOIN service rs ON rs.id = "
                            "p.receiving_service_id LEFT JOIN agent g ON g.id = p.requested_by "
                            "WHERE p.ad_id IN (SELECT o.id FROM ad o WHERE o.owner_id = ?) OR "
                            "p.requested_by = ? OR p.receiving_service_id = (SELECT m.service_id "
                            "FROM agent m WHERE m.id = ?) ORDER BY p.requested_at, p.id"),
             {agentId, agentId, agentId}},
            {"recherches",
             QStringLiteral("SELECT w.id, w.title AS titre, w.keywords AS mots_cles, c.name AS "
                            "categorie, w.quantity AS quantite, sv.name AS service, st.name AS "
                            "site, w.state AS etat, w.created_at AS creee_le, w.expires_at AS "
                            "expire_le, w.closed_at AS close_le FROM wanted_ad w JOIN service sv "
                            "ON sv.id = w.service_id JOIN site st ON st.id = w.site_id LEFT JOIN "
                            "category c ON c.id = w.category_id WHERE w.author_id = ? ORDER BY "
                            "w.id"),
             {agentId}},
            {"courriels_ecrits",
             QStringLiteral("SELECT o.message_id AS identifiant, o.kind AS nature, o.created_at "
                            "AS ecrit_le, o.state AS etat, o.sent_at AS envoye_le, "
                            "o.anonymised_at AS anonymise_le FROM outbox o WHERE o.author_id = ? "
                            "ORDER BY o.created_at, o.id"),
             {agentId}},
    };
    // One snapshot: every part as it stood at the same moment, nothing written meanwhile.
    QSqlDatabase db = m_db.connection();
    Transaction transaction(db);
    if (!transaction.isActive())
        return databaseError(db.lastError(), tr("Your data could not be read."));
    if (const QString snapshot = m_db.dialect().readOnlySnapshot();
        transaction.isOutermost() && !snapshot.isEmpty()) {
        QSqlQuery set(db);
        if (!set.exec(snapshot))
            return databaseError(set.lastError(), tr("Your data could not be read."));
    }
    QJsonObject document;
    document.insert(QStringLiteral("format"),
                    QStringLiteral("collectiv-recup-donnees-personnelles"));
    document.insert(QStringLiteral("version"), 1);
    document.insert(QStringLiteral("exporte_le"),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    for (const Part &part : parts) {
        const Result<QJsonArray> rows = rowsOf(m_db, part.sql, part.values);
        if (!rows)
            return rows.error();
        if (qstrcmp(part.key, "agent") == 0) {
            if (rows->isEmpty())
                return Error{Error::Kind::NotFound, tr("This agent does not exist."), {}, {}};
            document.insert(QStringLiteral("agent"), rows->first());
        } else {
            document.insert(QString::fromLatin1(part.key), *rows);
        }
    }
    const Result<int> months = retentionMonths();
    if (!months)
        return months.error();
    document.insert(QStringLiteral("conservation_mois"), *months);
    document.insert(
            QStringLiteral("a_savoir"),
            QStringLiteral("Ce fichier contient vos données telles que Collectiv'Récup vous les "
                           "montre : vos annonces et leur historique, les parties de vos lots "
                           "réservées ou données à un service, les transports de vos annonces, "
                           "ceux que vous avez demandés et ceux qui livrent votre service (avec "
                           "leurs contacts), vos demandes et leurs messages, qui a demandé vos "
                           "objets (nom et service, sans le message d’autrui, que vous avez reçu "
                           "par courriel), vos recherches et les courriels écrits en votre nom. "
                           "Les courriels que la plateforme vous "
                           "a envoyés sont dans votre messagerie. Messages et courriels sont "
                           "anonymisés après %1 mois.")
                    .arg(*months));
    if (!transaction.commit()) // ends the snapshot; nothing was written
        return databaseError(db.lastError(), tr("Your data could not be read."));
    return document;
}

} // namespace Recup
