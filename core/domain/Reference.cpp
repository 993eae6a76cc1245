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

namespace {

// Lower case, without accents: « Écran » → « ecran ».
QString folded(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c);
    }
    return out;
}

} // namespace

QStringList warningWordsFound(const Category &category, const QString &text)
{
    QStringList found;
    if (category.warningWords.isEmpty() || text.isEmpty())
        return found;
    const QString haystack = folded(text);
    for (const QString &word : category.warningWords) {
        const QString needle = folded(word.simplified());
        if (needle.isEmpty())
            continue;
        const QRegularExpression pattern(QStringLiteral("(?<![\\p{L}\\p{N}])")
                                                 + QRegularExpression::escape(needle)
                                                 + QStringLiteral("(s|x)?(?![\\p{L}\\p{N}])"),
                                         QRegularExpression::UseUnicodePropertiesOption);
        if (pattern.match(haystack).hasMatch())
            found.append(word.simplified());
    }
    return found;
}

} // namespace Recup
