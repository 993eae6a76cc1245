// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QMap>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

// What the hostile-input campaign feeds the application: text people paste (emoji, right-to-left
// scripts, SQL and format metacharacters, control characters, enormous lengths), picture files
// (damaged, enormous, lying about their size, rotated by EXIF), and the oracles that say what
// the application must do with each. Everything is generated from a seed: a failure replays.
namespace Recup::Testing::Hostile {

// --- Text -------------------------------------------------------------------------------------

// Characters as a person counts them (and as PostgreSQL's char_length does): code points.
qsizetype codePoints(const QString &text);
// A control character (Unicode Cc: NUL, C0, DEL, C1); line breaks and tabs only where allowed.
bool hasControlCharacter(const QString &text, bool allowLineBreaks);
// Half of a surrogate pair: no encoding can store it.
bool hasLoneSurrogate(const QString &text);

// Pieces that must survive a round trip untouched.
QStringList emoji();
QStringList rightToLeft();
QStringList sqlMetacharacters();
QStringList placeholders(); // %1, %L2, {{adTitle}}, printf's %s...
QStringList frenchWords();
// Pieces that no field may store.
QStringList controlCharacters(bool withLineBreaks);

struct TextInput
{
    QString text;
    QString flavour; // for the counts and the failure message
};
// Text of roughly `length` code points mixing the flavours; `forbidden` adds one control
// character or a lone surrogate somewhere inside (never only at an end, where trimming eats it).
TextInput hostileText(QRandomGenerator &rng, int length, bool forbidden, bool allowLineBreaks);

// True when a user-facing sentence reads as French: French words, no English ones.
bool looksFrench(const QString &message);
// A short, printable rendering of any text for failure messages.
QString shown(const QString &text);

// --- Pictures ---------------------------------------------------------------------------------

// A landscape picture with a red block in its top-left corner (to see rotations).
QImage markedPicture(int width, int height);
QByteArray encode(const QImage &image, const char *format, int quality = -1);
// `jpeg` with an EXIF APP1 segment whose Orientation tag is `orientation` (any 16-bit value).
QByteArray withExifOrientation(const QByteArray &jpeg, quint16 orientation);
// A JPEG whose EXIF segment is malformed in one of several ways (offsets out of range,
// counts in the billions, truncated IFD); `variant` picks which.
QByteArray withBrokenExif(const QByteArray &jpeg, int variant);
// A valid PNG signature and IHDR declaring width × height, then `idatZeros` bytes of zeros
// compressed in one IDAT: a decompression bomb when the declared size is enormous.
QByteArray pngBomb(quint32 width, quint32 height, int idatZeros);
// A BMP header declaring width × height with almost no pixel data.
QByteArray bmpBomb(qint32 width, qint32 height);
// A JPEG whose frame header declares width × height (a real small JPEG with SOF patched).
QByteArray jpegDeclaring(const QByteArray &jpeg, quint16 width, quint16 height);
// An SVG asking to be rendered at width × height.
QByteArray svgDeclaring(int width, int height);

} // namespace Recup::Testing::Hostile
