// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/Look.h"

#include <QCoreApplication>
#include <QFrame>
#include <QLabel>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace Recup::Look {

namespace {

double luminance(const QColor &colour)
{
    auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
           + 0.0722 * channel(colour.blueF());
}

// WCAG's contrast ratio, 1 to 21.
double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor mix(const QColor &a, const QColor &b, double share)
{
    return QColor::fromRgbF(float(a.redF() * share + b.redF() * (1 - share)),
                            float(a.greenF() * share + b.greenF() * (1 - share)),
                            float(a.blueF() * share + b.blueF() * (1 - share)));
}

struct Tint
{
    QColor background;
    QColor text;
    QColor border;
};

Tint tint(Tone tone)
{
    switch (tone) {
    case Tone::Information:
        return {QColor(0xe8f1fb), QColor(0x0b4a8b), QColor(0x9dc3ec)};
    case Tone::Success:
        return {QColor(0xe5f4ea), QColor(0x1d6b45), QColor(0x8cc9a0)};
    case Tone::Warning:
        return {QColor(0xfff4d6), QColor(0x5c4400), QColor(0xe9c46a)};
    case Tone::Danger:
        return {QColor(0xfdecea), QColor(0x8c1d18), QColor(0xf1b0ab)};
    }
    return {};
}

const QColor Brand(0x1d6b45);

} // namespace

bool highContrast(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    // The brand's tints are made for a light background; on a dark one, or when the system
    // asks for the strongest contrast (pure black and white, or yellow on black), step aside.
    const bool dark = luminance(base) < 0.5;
    const bool strongest
            = contrast(palette.color(QPalette::Text), base) >= 20.0
              && contrast(palette.color(QPalette::WindowText), palette.color(QPalette::Window))
                         >= 20.0;
    return dark || strongest;
}

QColor toneText(const QPalette &palette, Tone tone)
{
    return highContrast(palette) ? palette.color(QPalette::Text) : tint(tone).text;
}

QColor toneBackground(const QPalette &palette, Tone tone)
{
    return highContrast(palette) ? palette.color(QPalette::AlternateBase) : tint(tone).background;
}

QColor secondaryText(const QPalette &palette)
{
    if (highContrast(palette))
        return palette.color(QPalette::WindowText);
    // Two thirds of the way from the background to the text: #4b5563-like on light grey.
    return mix(palette.color(QPalette::WindowText), palette.color(QPalette::Window), 0.72);
}

QColor accent(const QPalette &palette)
{
    if (highContrast(palette) || contrast(Brand, palette.color(QPalette::Base)) < 4.5)
        return palette.color(QPalette::Text);
    return Brand;
}

QString secondaryStyle(const QPalette &palette)
{
    return QStringLiteral("color: %1;").arg(secondaryText(palette).name());
}

QString errorStyle(const QPalette &palette)
{
    if (highContrast(palette))
        return QStringLiteral("color: %1; font-weight: bold;")
                .arg(palette.color(QPalette::WindowText).name());
    return QStringLiteral("color: #b3261e; font-weight: bold;");
}

QString tintStyle(const QPalette &palette, Tone tone, const QString &borderSides)
{
    Tint colours = tint(tone);
    if (highContrast(palette))
        colours = {palette.color(QPalette::Window),
                   palette.color(QPalette::WindowText),
                   palette.color(QPalette::WindowText)};
    return QStringLiteral("background: %1; %2: 1px solid %3;")
            .arg(colours.background.name(), borderSides, colours.border.name());
}

QColor textOnTint(const QPalette &palette)
{
    return highContrast(palette) ? palette.color(QPalette::WindowText) : QColor(0x1f2328);
}

QString badgeStyle(const QPalette &palette, Tone tone, int radius)
{
    Tint colours = tint(tone);
    if (highContrast(palette)) {
        colours = {palette.color(QPalette::Base),
                   palette.color(QPalette::Text),
                   palette.color(QPalette::Text)};
    }
    return QStringLiteral("background: %1; color: %2; border: 1px solid %3; border-radius: %4px;"
                          " padding: 3px 12px; font-weight: bold;")
            .arg(colours.background.name(), colours.text.name(), colours.border.name())
            .arg(radius);
}

QString headerBandStyle(const QPalette &palette, const QString &selector, const QString &extra)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor border = mix(palette.color(QPalette::Text), base, 0.18);
    return QStringLiteral("%1 { background: %2; border: none; border-bottom: 1px solid %3; %4 }")
            .arg(selector, base.name(), border.name(), extra);
}

QString primaryButtonStyle(const QPalette &palette, const QString &objectName)
{
    if (highContrast(palette))
        return QStringLiteral("QPushButton#%1 { font-weight: bold; }").arg(objectName);
    return QStringLiteral("QPushButton#%1 { background: #1d6b45; color: white;"
                          " border: 1px solid #15543a; border-radius: 4px; padding: 6px 16px;"
                          " font-weight: bold; }"
                          " QPushButton#%1:disabled { background: #9bb8a8; }"
                          " QPushButton#%1:hover { background: #17593a; }")
            .arg(objectName);
}

QString dangerButtonStyle(const QPalette &palette, const QString &objectName)
{
    if (highContrast(palette))
        return {};
    return QStringLiteral("QPushButton#%1 { color: #b3261e; }"
                          " QPushButton#%1:disabled { color: palette(mid); }")
            .arg(objectName);
}

void makeSecondary(QWidget *widget)
{
    QPalette palette = widget->palette();
    const QColor colour = secondaryText(palette);
    palette.setColor(QPalette::WindowText, colour);
    palette.setColor(QPalette::Text, colour);
    widget->setPalette(palette);
}

QLabel *valueLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText); // what people typed is never read as markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *fieldErrorLabel(QWidget *parent, const QString &field)
{
    auto *label = new QLabel(parent);
    label->setObjectName(field + QStringLiteral("Error"));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setStyleSheet(errorStyle(parent ? parent->palette() : QPalette()));
    label->hide();
    return label;
}

QLabel *emptyStateLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setMargin(24);
    label->setFrameShape(QFrame::StyledPanel);
    label->setAutoFillBackground(true);
    label->setBackgroundRole(QPalette::Base);
    makeSecondary(label);
    return label;
}

QString quoted(const QString &text)
{
    return QCoreApplication::translate("Look", "“%1”", "quotation marks around a title or a reason")
            .arg(text);
}

} // namespace Recup::Look
