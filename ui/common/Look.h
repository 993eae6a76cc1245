// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

class QLabel;
class QPalette;
class QWidget;

namespace Recup {

// The look shared by every window, written once: the colours (the brand's where they read
// well on the system palette, the palette's own otherwise, so that a high-contrast theme is
// respected), the style sheets built from them, and the small widgets every pane uses.
namespace Look {

enum class Tone {
    Information, // blue: a count, a state
    Success,     // green: done, published
    Warning,     // amber: waiting, out of date
    Danger       // red: refused, failed, not sent
};

// True when the palette is a high-contrast one (or dark): the brand's light tints would not
// read on it, so the palette's own colours are used.
bool highContrast(const QPalette &palette);

// Text in the tone, for a word that needs attention in a list (a rejected or late ad): the
// tone's dark shade, or the palette's text where it would not read. Lists say it in words too.
QColor toneText(const QPalette &palette, Tone tone);
// The background of a row that needs attention (an overdue transport): the tone's light tint,
// or the palette's alternate base where the tint would not read. Use with textOnTint().
QColor toneBackground(const QPalette &palette, Tone tone);
// Text that says less than the main text (a tagline, "updated at", a hint).
QColor secondaryText(const QPalette &palette);
// The brand's green for titles, or the palette's text when it would not read.
QColor accent(const QPalette &palette);

// "color: …;" for secondary text, for widgets that already carry a style sheet.
QString secondaryStyle(const QPalette &palette);
// A field's error: red and bold, or the palette's text in bold where red would not read.
QString errorStyle(const QPalette &palette);
// "background: …; border: 1px solid …;" of a band or a bar in the tone, and the text colour
// that reads on it.
QString tintStyle(const QPalette &palette,
                  Tone tone,
                  const QString &borderSides = QStringLiteral("border"));
QColor textOnTint(const QPalette &palette);
// A rounded badge (background, text and border) in the tone.
QString badgeStyle(const QPalette &palette, Tone tone, int radius = 10);
// The band behind a window's header, for the selector ("QFrame#windowHeader"), with any
// extra declarations.
QString
headerBandStyle(const QPalette &palette, const QString &selector, const QString &extra = QString());
// The one green, filled button of a pane (Approve, Send again), by object name.
QString primaryButtonStyle(const QPalette &palette, const QString &objectName);
// A button whose action cannot be undone (Remove…), by object name.
QString dangerButtonStyle(const QPalette &palette, const QString &objectName);

// Makes a label secondary text (the palette-derived colour).
void makeSecondary(QWidget *widget);

// A label for a value people typed: plain text (never markup), wrapped, selectable.
QLabel *valueLabel(QWidget *parent, const char *objectName);
// The refusal shown under a field ("<field>Error"): plain text, wrapped, hidden until set.
QLabel *fieldErrorLabel(QWidget *parent, const QString &field);
// The framed, centred, secondary sentence a list or a detail shows when it has nothing to
// show ("Nothing is waiting…", "Select an ad…").
QLabel *emptyStateLabel(QWidget *parent, const char *objectName);

// French puts « » around a title or a reason, English “ ”: the translation decides.
QString quoted(const QString &text);

} // namespace Look

} // namespace Recup
