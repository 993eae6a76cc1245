// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Recup {

// Euros and kilograms as French readers write them ("1 234,50 €", "0,3 kg"), whatever the
// interface language: the app serves French local authorities. Money stays integer cents.
namespace Amounts {

// "1 234,50 €", "1234.5", "12 €", "" (0): the cents, or nothing when the text is no amount
// (letters, a minus sign, three decimals, more than 12 digits).
std::optional<qint64> parseEuroCents(const QString &text);

// 123450 -> "1 234,50 €" (narrow no-break space between thousands, no-break space before €).
QString euroText(qint64 cents);
// The same without the € sign, for an input field.
QString euroNumber(qint64 cents);

// 45000 -> "45 kg", 300 -> "0,3 kg", 1250 -> "1,25 kg".
QString kilogramText(qint64 grams);

// Headline figures, rounded to the whole unit: 299950 -> "3 000 €", 1250400 -> "1 250 kg".
QString wholeEuroText(qint64 cents);
QString wholeKilogramText(qint64 grams);

} // namespace Amounts

} // namespace Recup
