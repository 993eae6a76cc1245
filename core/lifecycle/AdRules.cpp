// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/AdRules.h"

#include "domain/Amounts.h"
#include "domain/UserText.h"

namespace Recup {

std::optional<FieldError> AdRules::checkTitle(const QString &typed)
{
    using UserText::characterCount;
    using UserText::hasUnstorableCharacter;
    using UserText::LineBreaks;
    const QString title = typed.trimmed();
    if (hasUnstorableCharacter(title, LineBreaks::Refused))
        return FieldError{QStringLiteral("title"),
                          tr("The title contains a character that cannot be saved (a line break, "
                             "a control character or a broken symbol, often brought by a paste): "
                             "remove it.")};
    if (characterCount(title) < TitleMin)
        return FieldError{QStringLiteral("title"),
                          tr("The title must have at least %1 characters.").arg(TitleMin)};
    if (characterCount(title) > TitleMax)
        return FieldError{QStringLiteral("title"),
                          tr("The title must have at most %1 characters.").arg(TitleMax)};
    return std::nullopt;
}

QList<FieldError> AdRules::validate(const Ad &ad, const std::optional<Category> &category)
{
    using UserText::characterCount;
    using UserText::hasUnstorableCharacter;
    using UserText::LineBreaks;
    QList<FieldError> errors;
    // Counted as stored: trimmed, in characters (an emoji is one).
    if (const auto title = checkTitle(ad.title))
        errors.append(*title);
    const QString description = ad.description.trimmed();
    if (hasUnstorableCharacter(description, LineBreaks::Allowed))
        errors.append({QStringLiteral("description"),
                       tr("The description contains a character that cannot be saved (a control "
                          "character or a broken symbol, often brought by a paste): remove it.")});
    else if (characterCount(description) > DescriptionMax)
        errors.append({QStringLiteral("description"),
                       tr("The description must have at most %1 characters.").arg(DescriptionMax)});
    if (ad.categoryId <= 0 || !category)
        errors.append({QStringLiteral("category"), tr("Choose a category.")});
    else if (category->excluded)
        errors.append({QStringLiteral("category"),
                       category->excludedMessage.isEmpty()
                               ? tr("This category cannot be offered here.")
                               : category->excludedMessage});
    if (ad.quantity < 1 || ad.quantity > QuantityMax)
        errors.append({QStringLiteral("quantity"),
                       tr("The quantity must be between 1 and %1.").arg(QuantityMax)});
    if (ad.valueCents < 0 || ad.valueCents > ValueMaxCents)
        errors.append(
                {QStringLiteral("valueCents"),
                 tr("The estimated value must be between 0 and %1 €.").arg(ValueMaxCents / 100)});
    if (ad.weightGrams < 0 || ad.weightGrams > WeightMaxGrams)
        errors.append({QStringLiteral("weightGrams"),
                       tr("The estimated weight must be between 0 and %1 kg.")
                               .arg(WeightMaxGrams / 1000)});
    if (ad.siteId <= 0)
        errors.append({QStringLiteral("site"), tr("Choose the site where the item is.")});
    const QString room = ad.room.trimmed();
    if (hasUnstorableCharacter(room, LineBreaks::Refused))
        errors.append({QStringLiteral("room"),
                       tr("The room contains a character that cannot be saved (a line break, a "
                          "control character or a broken symbol, often brought by a paste): "
                          "remove it.")});
    else if (characterCount(room) > RoomMax)
        errors.append({QStringLiteral("room"),
                       tr("The room must have at most %1 characters.").arg(RoomMax)});
    if (ad.photos.size() > PhotosMax)
        errors.append({QStringLiteral("photos"), tr("At most %1 photos.").arg(PhotosMax)});
    if (!ad.professionalUseAttested)
        errors.append({QStringLiteral("attestation"),
                       tr("Confirm that the item is offered for professional use between "
                          "services.")});
    return errors;
}

std::optional<FieldError> AdRules::checkTypedValue(const QString &typed, bool withoutValue)
{
    if (withoutValue)
        return std::nullopt;
    const QString text = typed.trimmed();
    if (text.isEmpty())
        return FieldError{QStringLiteral("valueCents"),
                          tr("Give the estimated value in euros, or tick “No value” if the item "
                             "is worth nothing.")};
    const auto cents = Amounts::parseEuroCents(text);
    if (!cents)
        return FieldError{QStringLiteral("valueCents"),
                          tr("Type an amount in euros, for example 1 234,50.")};
    if (*cents == 0)
        return FieldError{QStringLiteral("valueCents"),
                          tr("0 €: tick “No value” to say that the item is worth nothing.")};
    return std::nullopt;
}

std::optional<FieldError>
AdRules::checkAvailableFrom(const QDate &availableFrom, bool newAd, const QDate &today)
{
    if (newAd && availableFrom.isValid() && availableFrom < today)
        return FieldError{QStringLiteral("availableFrom"),
                          tr("The item cannot be available from a day already past: choose "
                             "today or a later day.")};
    return std::nullopt;
}

bool AdRules::isMaterialChange(const Ad &before, const Ad &after)
{
    if (before.title.trimmed() != after.title.trimmed()
        || before.description.trimmed() != after.description.trimmed()
        || before.room.trimmed() != after.room.trimmed() || before.categoryId != after.categoryId
        || before.photos.size() != after.photos.size())
        return true;
    for (int i = 0; i < before.photos.size(); ++i) {
        if (before.photos.at(i).jpeg != after.photos.at(i).jpeg)
            return true;
    }
    return false;
}

QList<FieldError> AdRules::validateClosing(CloseReason reason,
                                           qint64 receivingServiceId,
                                           const QString &note,
                                           ActorKind actor)
{
    QList<FieldError> errors;
    if (reason == CloseReason::Exchanged && receivingServiceId <= 0)
        errors.append(
                {QStringLiteral("receivingService"), tr("Say which service received the item.")});
    if (reason == CloseReason::Removed && actor != ActorKind::Moderator)
        errors.append({QStringLiteral("closeReason"), tr("Only a moderator can remove an ad.")});
    if (reason == CloseReason::Removed && note.trimmed().isEmpty())
        errors.append({QStringLiteral("reason"), tr("Give the reason for the removal.")});
    if (UserText::hasUnstorableCharacter(note.trimmed(), UserText::LineBreaks::Allowed))
        errors.append({QStringLiteral("reason"),
                       tr("The note contains a character that cannot be saved (a control "
                          "character or a broken symbol): remove it.")});
    else if (UserText::characterCount(note) > ReasonMax)
        errors.append({QStringLiteral("reason"),
                       tr("The note must have at most %1 characters.").arg(ReasonMax)});
    return errors;
}

QList<FieldError> AdRules::validateRejection(const QString &reason)
{
    QList<FieldError> errors;
    if (reason.trimmed().isEmpty())
        errors.append({QStringLiteral("reason"),
                       tr("Give the reason for the rejection: the poster will read it.")});
    else if (UserText::hasUnstorableCharacter(reason.trimmed(), UserText::LineBreaks::Allowed))
        errors.append({QStringLiteral("reason"),
                       tr("The reason contains a character that cannot be saved (a control "
                          "character or a broken symbol): remove it.")});
    else if (UserText::characterCount(reason) > ReasonMax)
        errors.append({QStringLiteral("reason"),
                       tr("The reason must have at most %1 characters.").arg(ReasonMax)});
    return errors;
}

} // namespace Recup
