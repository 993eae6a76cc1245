// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "lifecycle/AdRules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Recup {

class Database;

// What a service is looking for (« Recherche : 4 armoires métalliques hautes »): not moderated,
// seen by every agent while open and in date, matched against each ad a moderator approves.
struct WantedAd
{
    enum class State { Open, Closed, Expired };

    qint64 id = 0;
    qint64 authorId = 0;
    QString authorName{};
    qint64 serviceId = 0;
    QString serviceName{};
    qint64 siteId = 0;
    qint64 categoryId = 0; // 0: any category
    QString title{};
    QString keywords{}; // as typed
    int quantity = 1;
    State state = State::Open; // Expired: open, but past expiresAt
    QDateTime createdAt{};
    QDateTime expiresAt{};
    QDateTime closedAt{};
};

// One published ad that matched a wanted ad, found when a moderator approved it.
struct WantedMatch
{
    qint64 id = 0;
    qint64 wantedId = 0;
    QString wantedTitle{};
    qint64 seekerId = 0; // the wanted ad's author
    qint64 adId = 0;
    QString adTitle{};
    qint64 historyId = 0; // the approval
    QDateTime createdAt{};
};

// The wanted_ad and wanted_match tables (migration 023). Matches are written only through
// recordMatches(), in the approval's transaction (AdWorkflow); on PostgreSQL the database
// refuses any other writer.
class WantedAdRepository
{
    Q_DECLARE_TR_FUNCTIONS(WantedAdRepository)
public:
    explicit WantedAdRepository(Database &db);

    static constexpr int TitleMin = AdRules::TitleMin;
    static constexpr int TitleMax = AdRules::TitleMax;
    static constexpr int KeywordsMax = 200;
    static constexpr int OpenMax = 20; // open wanted ads per agent (migration 023)
    static constexpr int QuantityMax = 100000;

    // The fields at fault ("title", "keywords", "quantity", "site"), each with its sentence.
    static QList<std::pair<QString, QString>> check(const WantedAd &wanted);

    // Posts it in the author's name for their service (the caller fills authorId, serviceId);
    // id and dates come back from the database.
    Result<WantedAd> post(WantedAd wanted);
    // The author (or a moderator) closes it; a closed wanted ad matches nothing more.
    Status close(qint64 wantedId);
    // Every open wanted ad in date, newest first.
    Result<QList<WantedAd>> openAds() const;
    // The author's own, open, expired or closed, newest first.
    Result<QList<WantedAd>> ofAuthor(qint64 authorId) const;
    Result<WantedAd> get(qint64 wantedId) const;

    // In the approval's transaction: the matches of the ad, as SqlDialect::recordWantedMatches,
    // then the rows written for that approval.
    Result<QList<WantedMatch>> recordMatches(qint64 adId, qint64 historyId);
    // « Mes alertes »: the matches of the author's wanted ads, newest first.
    Result<QList<WantedMatch>> alertsOf(qint64 authorId) const;

private:
    Result<QList<WantedAd>> read(const QString &where, qint64 value) const;
    Result<QList<WantedMatch>> readMatches(const QString &where, const QList<qint64> &values) const;

    Database &m_db;
};

} // namespace Recup
