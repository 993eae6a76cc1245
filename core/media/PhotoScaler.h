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

    // Reads the file with its EXIF orientation applied.
    static Result<ScaledPhoto> fromFile(const QString &path);
    static Result<ScaledPhoto> fromImage(const QImage &image);
    // The bytes of a picture file (a paste, a drop; the fuzzing target); name is for messages.
    static Result<ScaledPhoto> fromData(const QByteArray &bytes, const QString &name);

    // The picture of a stored thumbnail (or any JPEG), null when it cannot be decoded.
    static QImage thumbnailImage(const QByteArray &jpeg);

private:
    static Result<ScaledPhoto> fromDevice(QIODevice &device, const QString &name);
};

} // namespace Recup
