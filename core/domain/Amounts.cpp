// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Amounts.h"

#include <QLocale>

namespace Recup::Amounts {

namespace {

const QLocale &french()
{
    static const QLocale locale(QLocale::French, QLocale::France);
    return locale;
}

bool allDigits(const QString &text)
{
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

std::optional<qint64> parseEuroCents(const QString &input)
{
    QString text;
    text.reserve(input.size());
    for (const QChar c : input) {
        // Spaces of every kind separate thousands; the currency is implied.
        if (c.isSpace() || c == QChar(0x202F) || c == QChar(0x00A0) || c == QChar(0x2009)
            || c == u'€' || c == u'\'')
            continue;
        text.append(c);
    }
    if (text.endsWith(QLatin1String("EUR"), Qt::CaseInsensitive))
        text.chop(3);
    if (text.isEmpty())
        return qint64(0);

    // The last comma or dot is the decimal separator, unless a lone dot is followed by exactly
    // three digits: "1.234" is a thousand and more in France, not one euro and a fraction.
    QString whole = text;
    QString fraction;
    const qsizetype comma = text.lastIndexOf(u',');
    const qsizetype dot = text.lastIndexOf(u'.');
    qsizetype separator = qMax(comma, dot);
    if (separator >= 0 && comma < 0 && text.count(u'.') >= 1 && text.size() - separator - 1 == 3)
        separator = -1; // dots as thousands separators only
    if (separator >= 0) {
        whole = text.left(separator);
        fraction = text.mid(separator + 1);
    }
    // What is left in the whole part groups thousands: dots when the comma is decimal (or
    // when there is no decimal part), commas when the dot is.
    if (separator >= 0 && text.at(separator) == u'.')
        whole.remove(u',');
    else
        whole.remove(u'.');
    if (whole.isEmpty() && fraction.isEmpty())
        return std::nullopt;
    if (!allDigits(whole) || !allDigits(fraction) || fraction.size() > 2 || whole.size() > 12)
        return std::nullopt;
    if (separator >= 0 && fraction.isEmpty())
        return std::nullopt; // "12," is unfinished
    const qint64 euros = whole.isEmpty() ? 0 : whole.toLongLong();
    qint64 cents = fraction.isEmpty() ? 0 : fraction.toLongLong();
    if (fraction.size() == 1)
        cents *= 10;
    return euros * 100 + cents;
}

QString euroNumber(qint64 cents)
{
    const bool negative = cents < 0;
    const qint64 magnitude = negative ? -cents : cents;
    return (negative ? QStringLiteral("-") : QString()) + french().toString(magnitude / 100)
           + french().decimalPoint()
           + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QChar(u'0'));
}

QString euroText(qint64 cents)
{
    return euroNumber(cents) + QChar(0x00A0) + QChar(u'€');
}

QString kilogramText(qint64 grams)
{
    // Grams below a kilogram are rounded to the 10 g that matter for a weight estimate.
    QString number = french().toString(double(grams) / 1000.0, 'f', grams < 10'000 ? 2 : 1);
    const QString point = french().decimalPoint();
    if (number.contains(point)) {
        while (number.endsWith(u'0'))
            number.chop(1);
        if (number.endsWith(point))
            number.chop(point.size());
    }
    return number + QChar(0x00A0) + QStringLiteral("kg");
}

QString wholeEuroText(qint64 cents)
{
    return french().toString((cents + 50) / 100) + QChar(0x00A0) + QChar(u'€');
}

QString wholeKilogramText(qint64 grams)
{
    return french().toString((grams + 500) / 1000) + QChar(0x00A0) + QStringLiteral("kg");
}

} // namespace Recup::Amounts
