// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/MailHeaders.h"

#include "mail/MimeWriter.h"

#include <QStringDecoder>

#include <algorithm>
#include <optional>

namespace Recup {

namespace {

constexpr int MaxMultipartDepth = 8;

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Header text outside encoded words: UTF-8 when it is valid UTF-8 (RFC 6532), else Latin-1.
QString decodeRaw(QByteArrayView bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8(bytes);
    if (utf8.hasError())
        return QString::fromLatin1(bytes);
    return text;
}

QString decodeLatin9(QByteArrayView bytes)
{
    QString text = QString::fromLatin1(bytes);
    for (QChar &c : text) {
        switch (c.unicode()) {
        case 0xA4:
            c = QChar(0x20AC); // €
            break;
        case 0xA6:
            c = QChar(0x0160); // Š
            break;
        case 0xA8:
            c = QChar(0x0161); // š
            break;
        case 0xB4:
            c = QChar(0x017D); // Ž
            break;
        case 0xB8:
            c = QChar(0x017E); // ž
            break;
        case 0xBC:
            c = QChar(0x0152); // Œ
            break;
        case 0xBD:
            c = QChar(0x0153); // œ
            break;
        case 0xBE:
            c = QChar(0x0178); // Ÿ
            break;
        default:
            break;
        }
    }
    return text;
}

QString decodeWindows1252(QByteArrayView bytes)
{
    // 0x80-0x9F; 0 where Windows-1252 leaves the byte undefined (kept as the C1 code).
    static const char16_t High[32] = {
            0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
            0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
            0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
    QString text = QString::fromLatin1(bytes);
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x80 && u <= 0x9F && High[u - 0x80] != 0)
            c = QChar(High[u - 0x80]);
    }
    return text;
}

// "=?charset?B?...?=" starting at `from`, or nothing when the text there is no encoded word.
struct EncodedWord
{
    QByteArray charset;
    QByteArray bytes;
    qsizetype end = 0; // just after "?="
};

std::optional<EncodedWord> readEncodedWord(QByteArrayView text, qsizetype from)
{
    if (!text.sliced(from).startsWith("=?"))
        return std::nullopt;
    const qsizetype charsetEnd = text.indexOf('?', from + 2);
    if (charsetEnd < 0 || charsetEnd == from + 2 || charsetEnd + 2 >= text.size()
        || text[charsetEnd + 2] != '?')
        return std::nullopt;
    const char encoding = text[charsetEnd + 1];
    const qsizetype dataStart = charsetEnd + 3;
    const qsizetype dataEnd = text.indexOf('?', dataStart);
    if (dataEnd < 0 || dataEnd + 1 >= text.size() || text[dataEnd + 1] != '=')
        return std::nullopt;
    const QByteArrayView charset = text.sliced(from + 2, charsetEnd - from - 2);
    const QByteArrayView data = text.sliced(dataStart, dataEnd - dataStart);
    for (char c : charset) {
        if (isWsp(c) || uchar(c) < 0x21 || uchar(c) > 0x7e)
            return std::nullopt;
    }
    for (char c : data) {
        if (isWsp(c) || uchar(c) < 0x21 || uchar(c) > 0x7e)
            return std::nullopt;
    }

    EncodedWord word;
    // RFC 2231 adds a language: "UTF-8*fr".
    const qsizetype star = charset.indexOf('*');
    word.charset = (star < 0 ? charset : charset.first(star)).toByteArray().toLower();
    word.end = dataEnd + 2;
    if (encoding == 'B' || encoding == 'b') {
        word.bytes = QByteArray::fromBase64(data.toByteArray());
    } else if (encoding == 'Q' || encoding == 'q') {
        for (qsizetype i = 0; i < data.size(); ++i) {
            const char c = data[i];
            if (c == '_') {
                word.bytes += ' ';
            } else if (c == '=' && i + 2 < data.size() && hexValue(data[i + 1]) >= 0
                       && hexValue(data[i + 2]) >= 0) {
                word.bytes += char(hexValue(data[i + 1]) * 16 + hexValue(data[i + 2]));
                i += 2;
            } else {
                word.bytes += c;
            }
        }
    } else {
        return std::nullopt;
    }
    return word;
}

struct ContentType
{
    QByteArray type = "text";
    QByteArray subtype = "plain";
    QByteArray boundary;
    QByteArray charset = "us-ascii";
};

// "multipart/alternative; boundary=\"=_recup_...\"" and "text/plain; charset=UTF-8".
ContentType parseContentType(QByteArrayView value)
{
    ContentType result;
    if (value.trimmed().isEmpty())
        return result;
    QList<QByteArray> pieces;
    QByteArray piece;
    bool quoted = false;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (quoted && c == '\\' && i + 1 < value.size()) {
            piece += value[++i];
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ';' && !quoted) {
            pieces.append(piece);
            piece.clear();
        } else {
            piece += c;
        }
    }
    pieces.append(piece);
    const QByteArray mime = pieces.takeFirst().trimmed().toLower();
    const qsizetype slash = mime.indexOf('/');
    if (slash > 0) {
        result.type = mime.first(slash).trimmed();
        result.subtype = mime.sliced(slash + 1).trimmed();
    }
    for (const QByteArray &parameter : std::as_const(pieces)) {
        const qsizetype equals = parameter.indexOf('=');
        if (equals <= 0)
            continue;
        const QByteArray name = parameter.first(equals).trimmed().toLower();
        const QByteArray text = parameter.sliced(equals + 1).trimmed();
        if (name == "boundary")
            result.boundary = text;
        else if (name == "charset")
            result.charset = text.toLower();
    }
    return result;
}

QByteArray decodeQuotedPrintable(QByteArrayView body)
{
    QByteArray out;
    out.reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c != '=') {
            out += c;
            continue;
        }
        if (i + 1 < body.size() && body[i + 1] == '\n') { // soft line break, bare LF
            i += 1;
        } else if (i + 2 < body.size() && body[i + 1] == '\r' && body[i + 2] == '\n') {
            i += 2;
        } else if (i + 2 < body.size() && hexValue(body[i + 1]) >= 0
                   && hexValue(body[i + 2]) >= 0) {
            out += char(hexValue(body[i + 1]) * 16 + hexValue(body[i + 2]));
            i += 2;
        } else {
            out += c; // a stray "=": kept, as RFC 2045 suggests
        }
    }
    return out;
}

// The parts of a multipart body, without preamble and epilogue.
QList<QByteArray> multipartParts(const QByteArray &body, const QByteArray &boundary)
{
    const QByteArray delimiter = "--" + boundary;
    QList<QByteArray> parts;
    qsizetype partStart = -1;
    qsizetype pos = 0;
    while (pos < body.size()) {
        const qsizetype eol = body.indexOf('\n', pos);
        const qsizetype lineEnd = eol < 0 ? body.size() : eol;
        const qsizetype next = eol < 0 ? body.size() : eol + 1;
        const QByteArrayView line = QByteArrayView(body).sliced(pos, lineEnd - pos).trimmed();
        if (line.startsWith(delimiter)) {
            const QByteArrayView rest = line.sliced(delimiter.size());
            const bool closing = rest == "--";
            if (rest.isEmpty() || closing) {
                if (partStart >= 0) {
                    // The line break before a delimiter belongs to the delimiter.
                    qsizetype partEnd = pos;
                    if (partEnd > partStart && body[partEnd - 1] == '\n')
                        --partEnd;
                    if (partEnd > partStart && body[partEnd - 1] == '\r')
                        --partEnd;
                    parts.append(
                            body.sliced(partStart, std::max<qsizetype>(0, partEnd - partStart)));
                }
                if (closing)
                    return parts;
                partStart = next;
            }
        }
        pos = next;
    }
    return parts; // no closing delimiter: what was found
}

std::optional<QString> textOf(const QByteArray &entity, QByteArrayView subtype, int depth)
{
    const MailHeaders headers(entity);
    const ContentType type = parseContentType(headers.rawValue("Content-Type"));
    const QByteArray body = entity.sliced(std::min(headers.bodyOffset(), entity.size()));
    if (type.type == "multipart") {
        if (type.boundary.isEmpty() || depth >= MaxMultipartDepth)
            return std::nullopt;
        const QList<QByteArray> parts = multipartParts(body, type.boundary);
        for (const QByteArray &part : parts) {
            if (std::optional<QString> text = textOf(part, subtype, depth + 1))
                return text;
        }
        return std::nullopt;
    }
    if (type.type != "text" || type.subtype != subtype)
        return std::nullopt;
    if (depth > 0
        && headers.rawValue("Content-Disposition").trimmed().toLower().startsWith("attachment"))
        return std::nullopt;
    const QByteArray encoding = headers.rawValue("Content-Transfer-Encoding").trimmed().toLower();
    QByteArray bytes;
    if (encoding == "quoted-printable")
        bytes = decodeQuotedPrintable(body);
    else if (encoding == "base64")
        bytes = QByteArray::fromBase64(body);
    else
        bytes = body;
    QString text = MailHeaders::decodeCharset(bytes, type.charset);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(u'\r', u'\n');
    return text;
}

} // namespace

MailHeaders::MailHeaders(const QByteArray &message)
{
    QByteArray name, value;
    bool inField = false;
    const auto flush = [&] {
        if (inField)
            m_fields.append({name, value.trimmed()});
        inField = false;
    };
    qsizetype pos = 0;
    bool bodyFound = false;
    while (pos < message.size()) {
        const qsizetype eol = message.indexOf('\n', pos);
        const qsizetype lineEnd = eol < 0 ? message.size() : eol;
        QByteArrayView line = QByteArrayView(message).sliced(pos, lineEnd - pos);
        pos = eol < 0 ? message.size() : eol + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) {
            bodyFound = true;
            break;
        }
        if (isWsp(line.front())) {
            // Unfolding (RFC 5322 2.2.3): the line break goes, the white space stays.
            if (inField)
                value += line;
            continue;
        }
        flush();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue; // not a field: ignored
        name = line.first(colon).trimmed().toByteArray();
        value = line.sliced(colon + 1).toByteArray();
        inField = !name.isEmpty();
    }
    flush();
    m_bodyOffset = bodyFound ? pos : message.size();
}

bool MailHeaders::contains(QByteArrayView name) const
{
    for (const auto &[fieldName, value] : m_fields) {
        if (fieldName.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray MailHeaders::rawValue(QByteArrayView name) const
{
    for (const auto &[fieldName, value] : m_fields) {
        if (fieldName.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString MailHeaders::value(QByteArrayView name) const
{
    // Whatever a field held, it reads as one line: no CR, LF or other control.
    return MimeWriter::sanitizeHeaderText(decodeWords(rawValue(name)));
}

QList<MailAddress> MailHeaders::mailboxes(QByteArrayView name) const
{
    const QByteArray raw = rawValue(name);
    QList<MailAddress> result;
    QByteArray phrase, address;
    bool inAngle = false, quoted = false, haveAngle = false;
    int comment = 0;
    const auto finish = [&] {
        MailAddress mailbox;
        if (haveAngle) {
            mailbox.address = QString::fromLatin1(address).simplified().remove(u' ');
            mailbox.name = MimeWriter::sanitizeHeaderText(decodeWords(phrase));
        } else {
            mailbox.address = MimeWriter::sanitizeHeaderText(decodeRaw(phrase)).remove(u' ');
        }
        if (!mailbox.address.isEmpty() || !mailbox.name.isEmpty())
            result.append(mailbox);
        phrase.clear();
        address.clear();
        inAngle = haveAngle = false;
    };
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (comment > 0) {
            if (c == '\\')
                ++i;
            else if (c == '(')
                ++comment;
            else if (c == ')')
                --comment;
            continue;
        }
        if (quoted) {
            if (c == '\\' && i + 1 < raw.size())
                phrase += raw[++i];
            else if (c == '"')
                quoted = false;
            else
                phrase += c;
            continue;
        }
        if (inAngle) {
            if (c == '>')
                inAngle = false;
            else
                address += c;
            continue;
        }
        switch (c) {
        case '"':
            quoted = true;
            break;
        case '(':
            comment = 1;
            break;
        case '<':
            inAngle = haveAngle = true;
            address.clear();
            break;
        case ',':
        case ';':
            finish();
            break;
        case ':':
            phrase.clear(); // a group's name
            break;
        default:
            phrase += c;
        }
    }
    finish();
    return result;
}

QString MailHeaders::decodeWords(QByteArrayView text)
{
    QString out;
    QByteArray plain;      // raw bytes outside encoded words, not yet decoded
    QByteArray gap;        // white space after an encoded word: dropped before another one
    QByteArray runCharset; // adjacent encoded words of one charset, decoded together
    QByteArray runBytes;
    bool inRun = false;

    const auto flushPlain = [&] {
        if (!plain.isEmpty())
            out += decodeRaw(plain);
        plain.clear();
    };
    const auto flushRun = [&] {
        if (inRun)
            out += decodeCharset(runBytes, runCharset);
        inRun = false;
        runBytes.clear();
        runCharset.clear();
    };

    for (qsizetype i = 0; i < text.size();) {
        if (text[i] == '=') {
            if (const std::optional<EncodedWord> word = readEncodedWord(text, i)) {
                flushPlain();
                gap.clear(); // RFC 2047 6.2: white space between encoded words is not text
                if (!inRun || runCharset != word->charset) {
                    flushRun();
                    inRun = true;
                    runCharset = word->charset;
                }
                runBytes += word->bytes;
                i = word->end;
                continue;
            }
        }
        const char c = text[i++];
        if (inRun && isWsp(c)) {
            gap += c;
            continue;
        }
        flushRun();
        plain += gap;
        gap.clear();
        plain += c;
    }
    flushRun();
    plain += gap;
    flushPlain();
    return out;
}

QString MailHeaders::decodeCharset(QByteArrayView bytes, QByteArrayView charset, bool *known)
{
    if (known)
        *known = true;
    const QByteArray name = charset.trimmed().toByteArray().toLower();
    if (name == "utf-8" || name == "utf8") {
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        return utf8(bytes);
    }
    if (name == "us-ascii" || name == "ascii")
        return decodeRaw(bytes); // 8-bit text wrongly labelled ASCII: UTF-8 or Latin-1
    if (name == "iso-8859-1" || name == "iso8859-1" || name == "iso_8859-1" || name == "latin1"
        || name == "latin-1" || name == "l1")
        return QString::fromLatin1(bytes);
    if (name == "iso-8859-15" || name == "iso8859-15" || name == "iso_8859-15" || name == "latin9"
        || name == "latin-9")
        return decodeLatin9(bytes);
    if (name == "windows-1252" || name == "cp1252")
        return decodeWindows1252(bytes);
    QStringDecoder decoder(name.constData(), QStringDecoder::Flag::Stateless);
    if (decoder.isValid())
        return decoder(bytes);
    if (known)
        *known = false;
    return decodeRaw(bytes);
}

QString MailHeaders::plainTextBody(const QByteArray &message)
{
    return textOf(message, "plain", 0).value_or(QString());
}

QString MailHeaders::htmlBody(const QByteArray &message)
{
    return textOf(message, "html", 0).value_or(QString());
}

} // namespace Recup
