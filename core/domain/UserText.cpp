// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/UserText.h"

namespace Recup::UserText {

qsizetype characterCount(const QString &text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

bool hasUnstorableCharacter(const QString &text, LineBreaks lineBreaks)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return true;
            ++i;
            continue;
        }
        if (c.isLowSurrogate())
            return true;
        if (c.category() != QChar::Other_Control)
            continue;
        if (lineBreaks == LineBreaks::Allowed && (c == u'\n' || c == u'\r' || c == u'\t'))
            continue;
        return true;
    }
    return false;
}

QString printable(const QString &text)
{
    QString shown = text;
    for (QChar &c : shown) {
        if (c.category() == QChar::Other_Control)
            c = QChar::ReplacementCharacter;
    }
    return shown;
}

} // namespace Recup::UserText
