// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Reference.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace Recup {

class Database;

// The rejection reasons moderators keep (migration 016): the moderation window offers the
// active ones, the reference editor keeps them all. Moderators and administrators only (on
// PostgreSQL the table is theirs alone). Deactivated, never deleted.
class RejectionTemplateRepository
{
    Q_DECLARE_TR_FUNCTIONS(RejectionTemplateRepository)
public:
    static constexpr int TitleMax = 80;
    static constexpr int BodyMax = 2000;

    explicit RejectionTemplateRepository(Database &db);

    // By position, then title; the inactive ones too when asked.
    Result<QList<RejectionTemplate>> templates(bool withInactive = false) const;
    // Nothing when the title and body may be stored; else an Invalid error naming each field at
    // fault ("title", "body").
    static std::optional<Error> templateError(const RejectionTemplate &t);
    Result<qint64> add(const RejectionTemplate &t);
    // Saves over t.version only: Conflict when someone saved first (nothing written).
    Status update(const RejectionTemplate &t);

private:
    Database &m_db;
};

} // namespace Recup
