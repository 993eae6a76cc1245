// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Reference.h"

#include <QRegularExpression>

#include <array>
#include <utility>

namespace Recup {

namespace {

constexpr std::array<std::pair<ProductFamily, const char16_t *>, 5> familyKeys{{
        {ProductFamily::Seats, u"seats"},
        {ProductFamily::Tables, u"tables"},
        {ProductFamily::Desks, u"desks"},
        {ProductFamily::Storage, u"storage"},
        {ProductFamily::Other, u"other"},
}};

} // namespace

QString productFamilyKey(ProductFamily family)
{
    for (const auto &[value, key] : familyKeys) {
        if (value == family)
            return QString::fromUtf16(key);
    }
    return QStringLiteral("other");
}

std::optional<ProductFamily> productFamilyFromKey(const QString &key)
{
    for (const auto &[value, name] : familyKeys) {
        if (key == QStringView(name))
            return value;
    }
    return std::nullopt;
}

} // namespace Recup

namespace Recup {

QStringList splitWarningWords(const QString &stored)
{
    QStringList words;
    for (QString word : stored.split(QRegularExpression(QStringLiteral("[,;\\n]")))) {
        word = word.simplified();
        if (!word.isEmpty() && !words.contains(word, Qt::CaseInsensitive))
            words.append(word);
    }
    return words;
}

QString joinWarningWords(const QStringList &words)
{
    return splitWarningWords(words.join(u',')).join(QStringLiteral(", "));
}

} // namespace Recup
