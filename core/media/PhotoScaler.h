// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QIODevice>
#include <QImage>
#include <QSize>
#include <QString>

namespace Recup {

// A photo ready to store: the picture and its list thumbnail, both JPEG.
struct ScaledPhoto
{
    QByteArray jpeg;      // long side <= PhotoMaxSide
    QByteArray thumbnail; // long side <= ThumbnailMaxSide
    QSize size;           // of jpeg
};

// Downscales what the user picked before it travels to the database, so that a 12 Mpx
// phone picture costs a few hundred kilobytes and lists load only thumbnails.
class PhotoScaler
{
    Q_DECLARE_TR_FUNCTIONS(PhotoScaler)
public:
    static constexpr int PhotoMaxSide = 1600;
    static constexpr int PhotoQuality = 85;
    static constexpr int ThumbnailMaxSide = 256;
    static constexpr int ThumbnailQuality = 80;
    static constexpr int MinSide = 32;                       // smaller is not a photo
    static constexpr qint64 MaxFileBytes = 30 * 1024 * 1024; // larger is refused unread
    // Pixels a picture may declare: decoded whole at 4 bytes a pixel, 64 Mpx is 256 MB. JPEGs
    // are decoded at 1/2 to 1/8 of their size by libjpeg itself, so they may declare more.
    // A file that declares more is refused before a single pixel is decoded (a decompression
    // bomb declares billions in a few bytes).
    static constexpr qint64 MaxPixels = 64'000'000;
    static constexpr qint64 MaxJpegPixels = 256'000'000;

    // Reads the file with its EXIF orientation applied.
    static Result<ScaledPhoto> fromFile(const QString &path);
    static Result<ScaledPhoto> fromImage(const QImage &image);
    // The bytes of a picture file (a paste, a drop; the fuzzing target); name is for messages.
    static Result<ScaledPhoto> fromData(const QByteArray &bytes, const QString &name);

    // The picture of a stored thumbnail (or any JPEG), null when it cannot be decoded.
    static QImage thumbnailImage(const QByteArray &jpeg);

    // The photo formats this workstation's Qt can read (its image plugins decide: WebP or HEIC
    // only where they are installed): file patterns for a picker ("*.jpg *.jpeg *.png …") and
    // their names for a message ("JPEG, PNG, GIF").
    static QStringList readablePatterns();
    static QString readableFormatNames();

private:
    static Result<ScaledPhoto> fromDevice(QIODevice &device, const QString &name);
    // name: the file's, for the messages; empty when the picture comes from no file.
    static Result<ScaledPhoto> scale(const QImage &image, const QString &name);
};

} // namespace Recup
