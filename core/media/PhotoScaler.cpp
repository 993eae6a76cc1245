// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/PhotoScaler.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>

namespace Recup {

namespace {

Error invalid(const QString &message, const QString &detail = {})
{
    return Error{Error::Kind::Invalid, message, detail, {}};
}

QImage fitWithin(const QImage &image, int maxSide)
{
    if (qMax(image.width(), image.height()) <= maxSide)
        return image; // never upscaled
    return image.scaled(maxSide, maxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
}

QByteArray encodeJpeg(const QImage &image, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    writer.setOptimizedWrite(true);
    if (!writer.write(image))
        return {};
    return bytes;
}

// JPEG has no alpha: transparent parts of a PNG become white, not black.
QImage opaque(const QImage &image)
{
    if (!image.hasAlphaChannel())
        return image.convertToFormat(QImage::Format_RGB32);
    QImage flat(image.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter painter(&flat);
    painter.drawImage(0, 0, image);
    painter.end();
    return flat;
}

} // namespace

Result<ScaledPhoto> PhotoScaler::fromFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return invalid(tr("The file %1 cannot be opened.").arg(info.fileName()));
    if (info.size() > MaxFileBytes)
        return invalid(
                tr("The file %1 is too large: photos are limited to %2 MB.")
                        .arg(info.fileName(), QString::number(MaxFileBytes / (1024 * 1024))));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return invalid(tr("The file %1 cannot be opened.").arg(info.fileName()));
    return fromDevice(file, info.fileName());
}

Result<ScaledPhoto> PhotoScaler::fromData(const QByteArray &bytes, const QString &name)
{
    if (bytes.size() > MaxFileBytes)
        return invalid(tr("The file %1 is too large: photos are limited to %2 MB.")
                               .arg(name, QString::number(MaxFileBytes / (1024 * 1024))));
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return fromDevice(buffer, name);
}

Result<ScaledPhoto> PhotoScaler::fromDevice(QIODevice &device, const QString &name)
{
    QImageReader reader(&device);
    reader.setAutoTransform(true); // phones store portrait pictures sideways plus an EXIF tag
    reader.setDecideFormatFromContent(true);
    if (!reader.canRead())
        return invalid(tr("The file %1 is not a picture that can be read (%2).")
                               .arg(name, readableFormatNames()),
                       reader.errorString());
    // What the file declares, checked before anything is decoded.
    const QSize declared = reader.size();
    const bool jpeg = reader.format() == "jpeg";
    const qint64 maxPixels = jpeg ? MaxJpegPixels : MaxPixels;
    if (declared.isValid() && qint64(declared.width()) * declared.height() > maxPixels)
        return invalid(tr("The picture in %1 is too large (%2 × %3 pixels): at most %4 million "
                          "pixels.")
                               .arg(name,
                                    QString::number(declared.width()),
                                    QString::number(declared.height()),
                                    QString::number(maxPixels / 1'000'000)));
    // A large JPEG is decoded straight at about twice the stored size, never whole.
    if (jpeg && declared.isValid() && qMax(declared.width(), declared.height()) > 2 * PhotoMaxSide)
        reader.setScaledSize(
                declared.scaled(2 * PhotoMaxSide, 2 * PhotoMaxSide, Qt::KeepAspectRatio));
    reader.setAllocationLimit(int(MaxPixels * 4 / (1024 * 1024)) + 16);
    const QImage image = reader.read();
    if (image.isNull())
        return invalid(tr("The picture in %1 cannot be read: the file may be damaged.").arg(name),
                       reader.errorString());
    return scale(image, name);
}

Result<ScaledPhoto> PhotoScaler::fromImage(const QImage &image)
{
    return scale(image, {});
}

Result<ScaledPhoto> PhotoScaler::scale(const QImage &image, const QString &name)
{
    if (image.isNull())
        return invalid(tr("There is no picture to use."));
    if (image.width() < MinSide || image.height() < MinSide) {
        const QString width = QString::number(image.width());
        const QString height = QString::number(image.height());
        const QString min = QString::number(MinSide);
        if (name.isEmpty())
            return invalid(tr("The picture is too small (%1 × %2 pixels): it must be at least "
                              "%3 pixels wide and high.")
                                   .arg(width, height, min));
        return invalid(tr("The picture in %1 is too small (%2 × %3 pixels): it must be at least "
                          "%4 pixels wide and high.")
                               .arg(name, width, height, min));
    }

    const QImage photo = fitWithin(opaque(image), PhotoMaxSide);
    const QImage thumbnail = fitWithin(photo, ThumbnailMaxSide);
    ScaledPhoto scaled;
    scaled.jpeg = encodeJpeg(photo, PhotoQuality);
    scaled.thumbnail = encodeJpeg(thumbnail, ThumbnailQuality);
    scaled.size = photo.size();
    if (scaled.jpeg.isEmpty() || scaled.thumbnail.isEmpty())
        return invalid(name.isEmpty()
                               ? tr("The picture cannot be converted to JPEG.")
                               : tr("The picture in %1 cannot be converted to JPEG.").arg(name));
    return scaled;
}

QImage PhotoScaler::thumbnailImage(const QByteArray &jpeg)
{
    return QImage::fromData(jpeg, "JPEG");
}

namespace {

struct PhotoFormat
{
    const char *format; // as QImageReader names it
    const char *name;   // as people know it
    const char *patterns;
};

// Formats people's photos come in, in the order a message names them.
constexpr PhotoFormat photoFormats[] = {
        {"jpeg", "JPEG", "*.jpg *.jpeg"},
        {"png", "PNG", "*.png"},
        {"gif", "GIF", "*.gif"},
        {"bmp", "BMP", "*.bmp"},
        {"webp", "WebP", "*.webp"},
        {"heic", "HEIC", "*.heic *.heif"},
        {"tiff", "TIFF", "*.tif *.tiff"},
};

QList<const PhotoFormat *> readableFormats()
{
    const QList<QByteArray> supported = QImageReader::supportedImageFormats();
    QList<const PhotoFormat *> readable;
    for (const PhotoFormat &format : photoFormats) {
        if (supported.contains(QByteArray(format.format)))
            readable.append(&format);
    }
    return readable;
}

} // namespace

QStringList PhotoScaler::readablePatterns()
{
    QStringList patterns;
    for (const PhotoFormat *format : readableFormats())
        patterns.append(QString::fromLatin1(format->patterns).split(QLatin1Char(' ')));
    return patterns;
}

QString PhotoScaler::readableFormatNames()
{
    QStringList names;
    for (const PhotoFormat *format : readableFormats())
        names.append(QString::fromLatin1(format->name));
    return names.join(QStringLiteral(", "));
}

} // namespace Recup
