// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Conninfo.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace Recup {

std::optional<Conninfo> parseConninfo(const QString &text, ConninfoProblem *problem)
{
    const auto fail = [problem](ConninfoProblem::Kind kind, const QString &key) {
        if (problem)
            *problem = {kind, key};
        return std::nullopt;
    };
    Conninfo pairs;
    qsizetype i = 0;
    const qsizetype n = text.size();
    auto skipSpaces = [&] {
        while (i < n && text.at(i).isSpace())
            ++i;
    };
    while (true) {
        skipSpaces();
        if (i >= n)
            break;
        QString key;
        while (i < n && text.at(i) != u'=' && !text.at(i).isSpace())
            key.append(text.at(i++));
        skipSpaces();
        if (key.isEmpty())
            return fail(ConninfoProblem::Kind::EmptyKey, key);
        if (i >= n || text.at(i) != u'=')
            return fail(ConninfoProblem::Kind::MissingEquals, key);
        ++i;
        skipSpaces();
        QString value;
        if (i < n && text.at(i) == u'\'') {
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar c = text.at(i++);
                if (c == u'\\' && i < n) {
                    value.append(text.at(i++));
                } else if (c == u'\'') {
                    closed = true;
                    break;
                } else {
                    value.append(c);
                }
            }
            if (!closed)
                return fail(ConninfoProblem::Kind::UnclosedQuote, key);
        } else {
            while (i < n && !text.at(i).isSpace()) {
                const QChar c = text.at(i++);
                if (c == u'\\' && i < n)
                    value.append(text.at(i++));
                else
                    value.append(c);
            }
        }
        pairs.append({key, value});
    }
    return pairs;
}

QString formatConninfo(const Conninfo &pairs)
{
    QStringList parts;
    for (const auto &[key, value] : pairs) {
        QString escaped = value;
        escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        const bool plain
                = !value.isEmpty() && std::none_of(value.begin(), value.end(), [](QChar c) {
                      return c.isSpace() || c == u'\'' || c == u'\\';
                  });
        parts.append(key + u'=' + (plain ? value : u'\'' + escaped + u'\''));
    }
    return parts.join(u' ');
}

QString withoutPassword(const QString &text)
{
    // password=value, password='quoted \' value' or an unclosed quote running to the end.
    static const QRegularExpression password(
            QStringLiteral("(password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'?|\\S*)"));
    QString shown = text;
    return shown.replace(password, QStringLiteral("\\1***"));
}

} // namespace Recup
