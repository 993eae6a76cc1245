// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// For the GUI suites: header-only, since only they link QtWidgets.

#include <QString>
#include <QTest>
#include <QWidget>

namespace Recup::Testing {

// Types `text` into `widget` one key at a time, as a person would, accents and French
// punctuation included (QTest::keyClicks only takes ASCII).
inline void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        const ushort upper = c.toUpper().unicode();
        const Qt::Key key = upper < 0x80 ? Qt::Key(upper) : Qt::Key_unknown;
        QTest::sendKeyEvent(QTest::Click, widget, key, QString(c), Qt::NoModifier);
    }
}

} // namespace Recup::Testing
