// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "media/PhotoScaler.h"

#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;

namespace {

QImage picture(QSize size, Qt::GlobalColor colour = Qt::darkCyan)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

QByteArray jpegOf(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}

// An EXIF APP1 segment holding only Orientation, inserted after SOI, as a phone would write it.
QByteArray withExifOrientation(const QByteArray &jpeg, quint16 orientation)
{
    QByteArray tiff;
    tiff += QByteArray("MM\x00\x2a\x00\x00\x00\x08", 8);       // big-endian header, IFD0 at 8
    tiff += QByteArray("\x00\x01", 2);                         // one entry
    tiff += QByteArray("\x01\x12\x00\x03\x00\x00\x00\x01", 8); // Orientation, SHORT, count 1
    tiff += char(orientation >> 8);
    tiff += char(orientation & 0xff);
    tiff += QByteArray("\x00\x00", 2);
    tiff += QByteArray("\x00\x00\x00\x00", 4); // no next IFD
    const QByteArray payload = QByteArray("Exif\x00\x00", 6) + tiff;
    const int length = int(payload.size()) + 2;
    QByteArray segment("\xff\xe1", 2);
    segment += char(length >> 8);
    segment += char(length & 0xff);
    segment += payload;
    return jpeg.left(2) + segment + jpeg.mid(2);
}

} // namespace

class TestPhotoScaler : public QObject
{
    Q_OBJECT
private slots:
    void scalesWithinLimits_data()
    {
        QTest::addColumn<QSize>("input");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("12 Mpx landscape photo") << QSize(4000, 3000) << QSize(1600, 1200);
        QTest::newRow("12 Mpx portrait photo") << QSize(3000, 4000) << QSize(1200, 1600);
        QTest::newRow("panorama") << QSize(6000, 1000) << QSize(1600, 266); // Qt rounds down
        QTest::newRow("exactly the limit") << QSize(1600, 900) << QSize(1600, 900);
        QTest::newRow("small picture is not upscaled") << QSize(640, 480) << QSize(640, 480);
        QTest::newRow("smallest accepted") << QSize(32, 32) << QSize(32, 32);
    }
    void scalesWithinLimits()
    {
        QFETCH(QSize, input);
        QFETCH(QSize, expected);
        const auto scaled = PhotoScaler::fromImage(picture(input));
        QVERIFY2(scaled, qPrintable(scaled.error().message));
        QCOMPARE(scaled->size, expected);

        const QImage full = QImage::fromData(scaled->jpeg, "JPEG");
        QCOMPARE(full.size(), expected);
        const QImage thumbnail = PhotoScaler::thumbnailImage(scaled->thumbnail);
        QVERIFY(!thumbnail.isNull());
        QCOMPARE(qMax(thumbnail.width(), thumbnail.height()),
                 qMin(PhotoScaler::ThumbnailMaxSide, qMax(expected.width(), expected.height())));
        // Same proportions, give or take the rounding of one pixel.
        QVERIFY(qAbs(thumbnail.width() * expected.height() - thumbnail.height() * expected.width())
                <= qMax(expected.width(), expected.height()));
    }

    void keepsTheColours()
    {
        const auto scaled = PhotoScaler::fromImage(picture({2000, 1000}, Qt::red));
        QVERIFY(scaled);
        const QColor centre = QImage::fromData(scaled->jpeg, "JPEG").pixelColor(800, 400);
        QVERIFY2(centre.red() > 230 && centre.green() < 30 && centre.blue() < 30,
                 qPrintable(centre.name()));
    }

    void transparentPartsTurnWhite()
    {
        QImage image(200, 100, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        const auto scaled = PhotoScaler::fromImage(image);
        QVERIFY(scaled);
        QCOMPARE(QImage::fromData(scaled->jpeg, "JPEG").pixelColor(100, 50).lightness(), 255);
    }

    void readsAFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bureau.png"));
        QVERIFY(picture({2400, 1800}).save(path));
        const auto scaled = PhotoScaler::fromFile(path);
        QVERIFY2(scaled, qPrintable(scaled.error().message));
        QCOMPARE(scaled->size, QSize(1600, 1200));
        QVERIFY(scaled->jpeg.startsWith("\xff\xd8"));
        QVERIFY(scaled->thumbnail.size() < scaled->jpeg.size());
    }

    void appliesExifOrientation()
    {
        // Stored sideways: red on the left, blue on the right; orientation 6 says "turn it a
        // quarter clockwise", so the left (red) ends up on top.
        QImage stored(400, 200, QImage::Format_RGB32);
        stored.fill(Qt::blue);
        QPainter(&stored).fillRect(0, 0, 200, 200, Qt::red);
        const QByteArray jpeg = withExifOrientation(jpegOf(stored), 6);

        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("portrait.jpg")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(jpeg);
        file.close();

        const auto scaled = PhotoScaler::fromFile(file.fileName());
        QVERIFY2(scaled, qPrintable(scaled.error().message));
        QCOMPARE(scaled->size, QSize(200, 400));
        const QImage upright = QImage::fromData(scaled->jpeg, "JPEG");
        QVERIFY(upright.pixelColor(100, 50).red() > 200);
        QVERIFY(upright.pixelColor(100, 350).blue() > 200);
        QCOMPARE(PhotoScaler::thumbnailImage(scaled->thumbnail).size(), QSize(128, 256));
    }

    void refusesWhatIsNotAPhoto_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<qint64>("size"); // when > 0, the file is grown to that size
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("text file") << "notes.txt" << QByteArray("Inventaire du bureau 214\n")
                                   << qint64(0) << "not a picture";
        QTest::newRow("text file named like a photo")
                << "photo.jpg" << QByteArray("this is no JPEG") << qint64(0) << "not a picture";
        QTest::newRow("empty file") << "vide.png" << QByteArray() << qint64(0) << "not a picture";
        QTest::newRow("file over 30 MB")
                << "huge.jpg" << QByteArray("\xff\xd8") << qint64(31) * 1024 * 1024 << "too large";
        QTest::newRow("missing file") << "" << QByteArray() << qint64(0) << "cannot be opened";
    }
    void refusesWhatIsNotAPhoto()
    {
        QFETCH(QString, fileName);
        QFETCH(QByteArray, content);
        QFETCH(qint64, size);
        QFETCH(QString, messagePart);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("absent.jpg"));
        if (!fileName.isEmpty()) {
            path = dir.filePath(fileName);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
            if (size > 0)
                QVERIFY(file.resize(size)); // sparse: nothing is really written
        }
        const auto scaled = PhotoScaler::fromFile(path);
        QVERIFY(!scaled);
        QCOMPARE(scaled.error().kind, Error::Kind::Invalid);
        QVERIFY2(scaled.error().message.contains(messagePart), qPrintable(scaled.error().message));
        if (!fileName.isEmpty())
            QVERIFY(scaled.error().message.contains(fileName));
    }

    // The picker offers, and the refusal names, only what this Qt can read: a format whose
    // plugin is absent (HEIC from a phone, without kimageformats) is neither offered nor named.
    void offersAndNamesOnlyReadableFormats()
    {
        const QStringList patterns = PhotoScaler::readablePatterns();
        const QString names = PhotoScaler::readableFormatNames();
        QVERIFY(patterns.contains(QStringLiteral("*.jpg")));
        QVERIFY(patterns.contains(QStringLiteral("*.png")));
        QVERIFY2(names.startsWith(QStringLiteral("JPEG, PNG")), qPrintable(names));
        const QList<QByteArray> supported = QImageReader::supportedImageFormats();
        QCOMPARE(patterns.contains(QStringLiteral("*.heic")), supported.contains("heic"));
        QCOMPARE(names.contains(QStringLiteral("WebP")), supported.contains("webp"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("notes.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Inventaire du bureau 214\n");
        file.close();
        const auto scaled = PhotoScaler::fromFile(path);
        QVERIFY(!scaled);
        QVERIFY2(scaled.error().message.contains(names), qPrintable(scaled.error().message));
    }

    void refusesTinyAndEmptyImages_data()
    {
        QTest::addColumn<QImage>("image");
        QTest::newRow("icon-sized picture") << picture({20, 20});
        QTest::newRow("one-pixel-high strip") << picture({800, 1});
        QTest::newRow("null image") << QImage();
    }
    void refusesTinyAndEmptyImages()
    {
        QFETCH(QImage, image);
        const auto scaled = PhotoScaler::fromImage(image);
        QVERIFY(!scaled);
        QCOMPARE(scaled.error().kind, Error::Kind::Invalid);
        QVERIFY(!scaled.error().message.isEmpty());
    }

    void thumbnailImageOfGarbageIsNull()
    {
        QVERIFY(PhotoScaler::thumbnailImage(QByteArray("not a jpeg")).isNull());
        QVERIFY(PhotoScaler::thumbnailImage({}).isNull());
    }
};

QTEST_GUILESS_MAIN(TestPhotoScaler)
#include "tst_photoscaler.moc"
