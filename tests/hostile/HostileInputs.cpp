// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostileInputs.h"

#include <QBuffer>
#include <QImageWriter>
#include <QPainter>
#include <QRegularExpression>
#include <QSet>
#include <QtEndian>

#include <array>

namespace Recup::Testing::Hostile {

namespace {

template<typename T>
const T &pick(QRandomGenerator &rng, const QList<T> &list)
{
    return list.at(rng.bounded(int(list.size())));
}

void appendBig16(QByteArray &bytes, quint16 value)
{
    bytes.append(char(value >> 8)).append(char(value & 0xff));
}

void appendBig32(QByteArray &bytes, quint32 value)
{
    appendBig16(bytes, quint16(value >> 16));
    appendBig16(bytes, quint16(value & 0xffff));
}

void appendLittle32(QByteArray &bytes, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        bytes.append(char((value >> (8 * i)) & 0xff));
}

void appendLittle16(QByteArray &bytes, quint16 value)
{
    bytes.append(char(value & 0xff)).append(char(value >> 8));
}

quint32 crc32(const QByteArray &bytes)
{
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    quint32 c = 0xffffffffu;
    for (const char byte : bytes)
        c = table[(c ^ quint8(byte)) & 0xff] ^ (c >> 8);
    return c ^ 0xffffffffu;
}

QByteArray pngChunk(const char *type, const QByteArray &data)
{
    QByteArray chunk;
    appendBig32(chunk, quint32(data.size()));
    const QByteArray typed = QByteArray(type) + data;
    chunk += typed;
    appendBig32(chunk, crc32(typed));
    return chunk;
}

// The APP1 segment of `tiff` (a TIFF structure), inserted right after SOI.
QByteArray withApp1(const QByteArray &jpeg, const QByteArray &tiff)
{
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment("\xff\xe1", 2);
    appendBig16(segment, quint16(payload.size() + 2));
    segment += payload;
    return jpeg.left(2) + segment + jpeg.mid(2);
}

} // namespace

qsizetype codePoints(const QString &text)
{
    // Counted another way than the code under test (UserText::characterCount): a lone
    // surrogate becomes one U+FFFD.
    return text.toUcs4().size();
}

bool hasControlCharacter(const QString &text, bool allowLineBreaks)
{
    for (const QChar c : text) {
        if (c.category() != QChar::Other_Control)
            continue;
        if (allowLineBreaks && (c == u'\n' || c == u'\r' || c == u'\t'))
            continue;
        return true;
    }
    return false;
}

bool hasLoneSurrogate(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate()) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return true;
            ++i;
        } else if (c.isLowSurrogate()) {
            return true;
        }
    }
    return false;
}

QStringList emoji()
{
    return {QStringLiteral("😀"),
            QStringLiteral("🪑"),
            QStringLiteral("♻️"),
            QStringLiteral("🇫🇷"),
            QStringLiteral("👩‍👩‍👧‍👦"),
            QStringLiteral("👍🏽"),
            QStringLiteral("🗄️"),
            QStringLiteral("𝔅𝔲𝔯𝔢𝔞𝔲")};
}

QStringList rightToLeft()
{
    return {QStringLiteral("مكتب خشبي"),
            QStringLiteral("כיסא משרדי"),
            QStringLiteral("\u202Eexe.ecnerefér\u202C"),
            QStringLiteral("\u200Fطاولة\u200E"),
            QStringLiteral("ﷺ"),
            QStringLiteral("\u2067שולחן\u2069")};
}

QStringList sqlMetacharacters()
{
    return {QStringLiteral("'; DROP TABLE ad; --"),
            QStringLiteral("\" OR 1=1 --"),
            QStringLiteral("') ; DELETE FROM ad_history; --"),
            QStringLiteral("'||(SELECT pg_sleep(5))||'"),
            QStringLiteral("$$ ; $tag$"),
            QStringLiteral("/* */"),
            QStringLiteral("\\' \\\\ \\x00"),
            QStringLiteral("100% _ LIKE"),
            QStringLiteral("E'\\047'"),
            QStringLiteral("; ATTACH DATABASE '/tmp/x' AS x; --")};
}

QStringList placeholders()
{
    return {QStringLiteral("%1"),
            QStringLiteral("%2"),
            QStringLiteral("%L1"),
            QStringLiteral("%99"),
            QStringLiteral("%n"),
            QStringLiteral("%s%s%s%n"),
            QStringLiteral("%%1"),
            QStringLiteral("{{adTitle}}"),
            QStringLiteral("{{phone?}}"),
            QStringLiteral("${HOME}"),
            QStringLiteral("&lt;b&gt;<b>gras</b><script>alert(1)</script>")};
}

QStringList frenchWords()
{
    return {QStringLiteral("Bureau"),
            QStringLiteral("chêne"),
            QStringLiteral("armoire à rideau"),
            QStringLiteral("Œuvre"),
            QStringLiteral("déjà"),
            QStringLiteral("caisson 3 tiroirs"),
            QStringLiteral("e\u0301te\u0301"), // combining accents
            QStringLiteral("Z\u0337\u0322a\u0338l\u0334g\u0336o\u0335")};
}

QStringList controlCharacters(bool withLineBreaks)
{
    QStringList list{QString(QChar(0)),
                     QStringLiteral("\x01"),
                     QStringLiteral("\x07"),
                     QStringLiteral("\x08"),
                     QStringLiteral("\x0b"),
                     QStringLiteral("\x0c"),
                     QStringLiteral("\x1b[31m"),
                     QStringLiteral("\x1f"),
                     QStringLiteral("\x7f"),
                     QString(QChar(0x85)),
                     QString(QChar(0x9b))};
    if (withLineBreaks)
        list << QStringLiteral("\n") << QStringLiteral("\r\n") << QStringLiteral("\t");
    return list;
}

TextInput hostileText(QRandomGenerator &rng, int length, bool forbidden, bool allowLineBreaks)
{
    static const QStringList flavours{QStringLiteral("emoji"),
                                      QStringLiteral("right-to-left"),
                                      QStringLiteral("SQL"),
                                      QStringLiteral("placeholders"),
                                      QStringLiteral("French")};
    TextInput input;
    input.flavour = pick(rng, flavours);
    const QStringList pieces = input.flavour == flavours.at(0)   ? emoji()
                               : input.flavour == flavours.at(1) ? rightToLeft()
                               : input.flavour == flavours.at(2) ? sqlMetacharacters()
                               : input.flavour == flavours.at(3) ? placeholders()
                                                                 : frenchWords();
    QString text = pick(rng, frenchWords()) + u' ';
    qsizetype count = codePoints(text);
    while (count < length) {
        QString piece = pick(rng, pieces);
        const int glue = rng.bounded(6);
        if (glue == 0)
            piece += pick(rng, emoji());
        else if (glue == 1 && allowLineBreaks)
            piece += QStringLiteral("\n");
        else
            piece += u' ';
        text += piece;
        count += codePoints(piece);
    }
    // Exactly `length` code points, cut on a code point boundary.
    while (count > length) {
        text.chop(text.size() >= 2 && text.back().isLowSurrogate() ? 2 : 1);
        --count;
    }
    if (forbidden && text.size() < 3)
        text = QStringLiteral("ab") + text + QStringLiteral("cd");
    if (forbidden) {
        QString bad = rng.bounded(5) == 0 ? QString(QChar(0xD83D)) // a lone high surrogate
                                          : pick(rng, controlCharacters(false));
        const qsizetype at = 1 + rng.bounded(qMax<qsizetype>(1, text.size() - 2));
        // Never between the two halves of a pair.
        const qsizetype where = text.at(qMin(at, text.size() - 1)).isLowSurrogate() ? at + 1 : at;
        text.insert(qMin(where, text.size() - 1), bad);
        input.flavour += QStringLiteral(" + control character");
    }
    input.text = text;
    return input;
}

bool looksFrench(const QString &message)
{
    QString words = message.toLower();
    static const QRegularExpression notLetters(QStringLiteral("[^\\p{L}']+"));
    words.replace(notLetters, QStringLiteral(" "));
    const QStringList list = words.split(u' ', Qt::SkipEmptyParts);
    static const QSet<QString> french{QStringLiteral("le"),          QStringLiteral("la"),
                                      QStringLiteral("les"),         QStringLiteral("des"),
                                      QStringLiteral("du"),          QStringLiteral("un"),
                                      QStringLiteral("une"),         QStringLiteral("est"),
                                      QStringLiteral("pas"),         QStringLiteral("doit"),
                                      QStringLiteral("au"),          QStringLiteral("aux"),
                                      QStringLiteral("ou"),          QStringLiteral("et"),
                                      QStringLiteral("en"),          QStringLiteral("pour"),
                                      QStringLiteral("dans"),        QStringLiteral("sur"),
                                      QStringLiteral("ce"),          QStringLiteral("cette"),
                                      QStringLiteral("ne"),          QStringLiteral("peut"),
                                      QStringLiteral("vous"),        QStringLiteral("votre"),
                                      QStringLiteral("fichier"),     QStringLiteral("caractère"),
                                      QStringLiteral("caractères"),  QStringLiteral("entre"),
                                      QStringLiteral("serveur"),     QStringLiteral("choisissez"),
                                      QStringLiteral("indiquez"),    QStringLiteral("option"),
                                      QStringLiteral("inconnue"),    QStringLiteral("donnez"),
                                      QStringLiteral("titre"),       QStringLiteral("photo"),
                                      QStringLiteral("image"),       QStringLiteral("commande"),
                                      QStringLiteral("manquante"),   QStringLiteral("valeur"),
                                      QStringLiteral("n'est"),       QStringLiteral("d'un"),
                                      QStringLiteral("l'adresse"),   QStringLiteral("qu'une"),
                                      QStringLiteral("avec"),        QStringLiteral("aucun"),
                                      QStringLiteral("aucune"),      QStringLiteral("n'a"),
                                      QStringLiteral("sont"),        QStringLiteral("à"),
                                      QStringLiteral("être"),        QStringLiteral("l'image"),
                                      QStringLiteral("identifiant"), QStringLiteral("nom")};
    static const QSet<QString> english{QStringLiteral("the"),
                                       QStringLiteral("must"),
                                       QStringLiteral("is"),
                                       QStringLiteral("are"),
                                       QStringLiteral("cannot"),
                                       QStringLiteral("of"),
                                       QStringLiteral("with"),
                                       QStringLiteral("and"),
                                       QStringLiteral("not"),
                                       QStringLiteral("should"),
                                       QStringLiteral("be"),
                                       QStringLiteral("this"),
                                       QStringLiteral("file"),
                                       QStringLiteral("missing"),
                                       QStringLiteral("unknown"),
                                       QStringLiteral("invalid"),
                                       QStringLiteral("error"),
                                       QStringLiteral("value")};
    int fr = 0;
    for (const QString &word : list) {
        if (english.contains(word))
            return false;
        if (french.contains(word))
            ++fr;
    }
    return fr >= 1;
}

QString shown(const QString &text)
{
    QString out;
    for (const QChar c : text.left(80)) {
        if (c.category() == QChar::Other_Control || c.isSurrogate())
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    if (text.size() > 80)
        out += QStringLiteral("… (%1 UTF-16 units)").arg(text.size());
    return out;
}

QImage markedPicture(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient gradient(0, 0, width, height);
    gradient.setColorAt(0, QColor(40, 90, 160));
    gradient.setColorAt(1, QColor(220, 200, 120));
    painter.fillRect(image.rect(), gradient);
    painter.fillRect(QRect(0, 0, qMax(8, width / 8), qMax(8, height / 8)), Qt::red);
    painter.end();
    return image;
}

QByteArray encode(const QImage &image, const char *format, int quality)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (quality >= 0)
        writer.setQuality(quality);
    if (!writer.write(image))
        qWarning("cannot encode a %s: %s", format, qPrintable(writer.errorString()));
    return bytes;
}

QByteArray withExifOrientation(const QByteArray &jpeg, quint16 orientation)
{
    QByteArray tiff("MM\0\x2a", 4);
    appendBig32(tiff, 8); // IFD0 right after the header
    appendBig16(tiff, 1); // one entry
    appendBig16(tiff, 0x0112);
    appendBig16(tiff, 3); // SHORT
    appendBig32(tiff, 1);
    appendBig16(tiff, orientation);
    appendBig16(tiff, 0);
    appendBig32(tiff, 0); // no next IFD
    return withApp1(jpeg, tiff);
}

QByteArray withBrokenExif(const QByteArray &jpeg, int variant)
{
    QByteArray tiff;
    switch (variant % 6) {
    case 0: // IFD0 far beyond the segment
        tiff = QByteArray("MM\0\x2a", 4);
        appendBig32(tiff, 0xfffffff0u);
        break;
    case 1: // 65,535 entries announced, none there
        tiff = QByteArray("II\x2a\0", 4);
        appendLittle32(tiff, 8);
        appendLittle16(tiff, 0xffff);
        break;
    case 2: // orientation as two billion LONGs stored far away
        tiff = QByteArray("MM\0\x2a", 4);
        appendBig32(tiff, 8);
        appendBig16(tiff, 1);
        appendBig16(tiff, 0x0112);
        appendBig16(tiff, 4);
        appendBig32(tiff, 0x7fffffffu);
        appendBig32(tiff, 0x7ffffff0u);
        appendBig32(tiff, 0);
        break;
    case 3: // no known byte order
        tiff = QByteArray("XX\0\x2a\0\0\0\x08", 8);
        break;
    case 4: // cut in the header
        tiff = QByteArray("MM", 2);
        break;
    default: // the next IFD is IFD0 itself: a loop
        tiff = QByteArray("MM\0\x2a", 4);
        appendBig32(tiff, 8);
        appendBig16(tiff, 1);
        appendBig16(tiff, 0x0112);
        appendBig16(tiff, 3);
        appendBig32(tiff, 1);
        appendBig16(tiff, 6);
        appendBig16(tiff, 0);
        appendBig32(tiff, 8);
        break;
    }
    return withApp1(jpeg, tiff);
}

QByteArray pngBomb(quint32 width, quint32 height, int idatZeros)
{
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr;
    appendBig32(ihdr, width);
    appendBig32(ihdr, height);
    ihdr.append(char(8)).append(char(2)).append(char(0)).append(char(0)).append(char(0));
    png += pngChunk("IHDR", ihdr);
    png += pngChunk("IDAT", qCompress(QByteArray(idatZeros, '\0'), 9).mid(4));
    png += pngChunk("IEND", {});
    return png;
}

QByteArray bmpBomb(qint32 width, qint32 height)
{
    QByteArray bmp("BM", 2);
    appendLittle32(bmp, 54 + 16);
    appendLittle32(bmp, 0);
    appendLittle32(bmp, 54);
    appendLittle32(bmp, 40);
    appendLittle32(bmp, quint32(width));
    appendLittle32(bmp, quint32(height));
    appendLittle16(bmp, 1);
    appendLittle16(bmp, 24);
    for (int i = 0; i < 6; ++i)
        appendLittle32(bmp, 0);
    bmp += QByteArray(16, '\x7f');
    return bmp;
}

QByteArray jpegDeclaring(const QByteArray &jpeg, quint16 width, quint16 height)
{
    QByteArray patched = jpeg;
    for (qsizetype i = 2; i + 9 < patched.size(); ++i) {
        const quint8 marker = quint8(patched.at(i + 1));
        if (quint8(patched.at(i)) == 0xff && (marker == 0xc0 || marker == 0xc2)) {
            patched[i + 5] = char(height >> 8);
            patched[i + 6] = char(height & 0xff);
            patched[i + 7] = char(width >> 8);
            patched[i + 8] = char(width & 0xff);
            return patched;
        }
    }
    qWarning("no frame header in the JPEG");
    return patched;
}

QByteArray svgDeclaring(int width, int height)
{
    return QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\">"
                          "<rect width=\"100%\" height=\"100%\" fill=\"red\"/></svg>")
            .arg(width)
            .arg(height)
            .toUtf8();
}

} // namespace Recup::Testing::Hostile
