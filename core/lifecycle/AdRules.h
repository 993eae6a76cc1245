// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Ad.h"
#include "domain/Reference.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Recup {

struct FieldError
{
    QString field;   // "title", "description", "valueCents", ...
    QString message; // translated, ready for the screen
};

// Field rules of an ad, with translatable messages. The database checks the same bounds.
class AdRules
{
    Q_DECLARE_TR_FUNCTIONS(AdRules)
public:
    static constexpr int TitleMin = 3;
    static constexpr int TitleMax = 120;
    static constexpr int DescriptionMax = 4000;
    static constexpr qint64 ValueMaxCents = 100'000 * 100;
    static constexpr qint64 WeightMaxGrams = 50'000'000; // 50 t: beyond is a typo
    static constexpr int QuantityMax = 100'000;
    static constexpr int PhotosMax = 6;
    static constexpr int RoomMax = 80;
    static constexpr int ReasonMax = 1000;

    // A title as stored (trimmed, in characters): an ad's and a wanted ad's. Empty when right.
    static std::optional<FieldError> checkTitle(const QString &title);

    // The ad as the owner would save it; category is needed for the exclusion rule.
    static QList<FieldError> validate(const Ad &ad, const std::optional<Category> &category);

    // The estimated value as typed in the form (issue #13): required; 0 € only when the poster
    // ticks « sans valeur » (withoutValue), which stores 0. Empty when the value is right.
    // The database keeps accepting 0 (a value of 0 is what « sans valeur » stores).
    static std::optional<FieldError> checkTypedValue(const QString &typed, bool withoutValue);

    // The day from which the item can be collected: not before today for a new ad (an ad
    // already saved keeps a day that has passed since). Null is "at once".
    static std::optional<FieldError>
    checkAvailableFrom(const QDate &availableFrom, bool newAd, const QDate &today);

    // What moderators approved and every agent reads: title, description, category, room and
    // photos. Changing one on a published ad sends it back to moderation; quantity, weight,
    // value, site and the « available from » day do not.
    static bool isMaterialChange(const Ad &before, const Ad &after);

    // Closing: exchanged needs the receiving service, removed needs a reason.
    static QList<FieldError> validateClosing(CloseReason reason,
                                             qint64 receivingServiceId,
                                             const QString &note,
                                             ActorKind actor);

    // Rejection by a moderator needs a reason.
    static QList<FieldError> validateRejection(const QString &reason);
};

} // namespace Recup
