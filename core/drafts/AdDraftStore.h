// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Ad.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Recup {

// What the ad form holds, as typed (the value as text: it may not be an amount yet), kept on
// the workstation so that a crash, a power cut or a lost connection loses nothing (issue #13).
struct AdDraft
{
    qint64 adId = 0;                  // 0: a new ad
    int adVersion = 0;                // the version the form was opened with
    AdState adState = AdState::Draft; // the ad's state then
    QDateTime savedAt;                // UTC
    QString title;
    QString description;
    qint64 categoryId = 0;
    int quantity = 1;
    qint64 weightGrams = 0;
    bool weightTyped = false;
    QString valueText;
    bool withoutValue = false;
    QDate availableFrom;
    qint64 siteId = 0;
    QString room;
    bool attested = false;
    QList<AdPhoto> photos; // kept as files next to the draft
};

// The drafts of one person on one database, in the user's local data folder: one folder per
// ad being edited (ad-<id>) or per new ad (new), holding draft.json and its photos as
// <sha1>.jpg / <sha1>.thumb.jpg. Every file is written atomically (QSaveFile): a draft is
// either the previous one or the new one, never half of each.
class AdDraftStore
{
    Q_DECLARE_TR_FUNCTIONS(AdDraftStore)
public:
    // profile: what names the database (DatabaseConfig::describe(), never a password);
    // hashed, with the agent, into the folder's name.
    AdDraftStore(const QString &profile, qint64 agentId);
    // Under an explicit folder (tests).
    explicit AdDraftStore(const QString &folder);

    QString folder() const { return m_folder; }
    Status save(const AdDraft &draft) const;
    std::optional<AdDraft> load(qint64 adId) const;
    // Every draft of this person on this database, the newest first, without their photos
    // (what a start-up offer needs).
    QList<AdDraft> all() const;
    void remove(qint64 adId) const;

private:
    QString draftFolder(qint64 adId) const;

    QString m_folder;
};

} // namespace Recup
