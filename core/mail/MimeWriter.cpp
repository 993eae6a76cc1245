// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/MimeWriter.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QStringView>

#include <algorithm>
#include <optional>
#include <tuple>

namespace Recup {

namespace {

constexpr char Crlf[] = "\r\n";

Error invalid(const QString &field, const QString &message)
{
    Error error;
    error.kind = Error::Kind::Invalid;
    error.message = message;
    error.fields.append({field, message});
    return error;
}

bool isPrintableAscii(QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}

bool isAtext(char16_t c)
{
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))
        return true;
    return QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(QChar(c));
}

// Builds one header field, folding between atoms so that no line passes MaxHeaderLine.
class HeaderFolder
{
public:
    explicit HeaderFolder(const QByteArray &name)
        : m_out(name + ": ")
        , m_lineLength(int(m_out.size()))
    {}

    // An atom is never split. The first atom follows "Name: " unless it does not fit there.
    void appendAtom(const QByteArray &atom)
    {
        const int separator = m_started ? 1 : 0;
        if (m_lineLength + separator + atom.size() > MimeWriter::MaxHeaderLine
            && m_lineLength > 1) {
            if (!m_started)
                m_out.chop(1); // "Name:" then the folding white space
            m_out += "\r\n ";
            m_lineLength = 1;
        } else if (m_started) {
            m_out += ' ';
            ++m_lineLength;
        }
        m_out += atom;
        m_lineLength += int(atom.size());
        m_started = true;
    }

    // Text as RFC 2047 "B" encoded words, each sized to the room left on its line and each
    // holding whole characters (a UTF-8 sequence is never split across two words). With
    // `keepWhole`, text that fits in one word goes to the next line rather than being split.
    void appendEncodedText(QStringView text, bool keepWhole = false)
    {
        int room = roomForNextAtom();
        if (keepWhole && encodedLength(text.toUtf8().size()) <= MimeWriter::MaxEncodedWord)
            room = MimeWriter::MaxEncodedWord;
        QByteArray chunk;
        for (qsizetype i = 0; i < text.size();) {
            const qsizetype width = (text[i].isHighSurrogate() && i + 1 < text.size()
                                     && text[i + 1].isLowSurrogate())
                                            ? 2
                                            : 1;
            const QByteArray character = text.mid(i, width).toUtf8();
            if (encodedLength(chunk.size() + character.size()) > room) {
                if (!chunk.isEmpty()) {
                    appendAtom(encodedWord(chunk));
                    chunk.clear();
                }
                room = roomForNextAtom();
                if (encodedLength(character.size()) > room)
                    room = MimeWriter::MaxEncodedWord; // the next atom folds onto a new line
            }
            chunk += character;
            i += width;
        }
        if (!chunk.isEmpty())
            appendAtom(encodedWord(chunk));
    }

    // The length of "=?UTF-8?B?...?=" holding `bytes` bytes of UTF-8.
    static int encodedLength(qsizetype bytes) { return 12 + 4 * int((bytes + 2) / 3); }

    QByteArray finish() { return m_out + Crlf; }

private:
    static QByteArray encodedWord(const QByteArray &utf8)
    {
        return "=?UTF-8?B?" + utf8.toBase64() + "?=";
    }

    int roomForNextAtom() const
    {
        const int room = MimeWriter::MaxHeaderLine - m_lineLength - (m_started ? 1 : 0);
        return std::min(room, MimeWriter::MaxEncodedWord);
    }

    QByteArray m_out;
    int m_lineLength;
    bool m_started = false;
};

// Plain words may stay as they are: printable ASCII, no "=?" that a reader would take for an
// encoded word, and short enough to fit a folded line.
bool canStayPlain(const QString &text)
{
    if (!isPrintableAscii(text) || text.contains(QLatin1String("=?")))
        return false;
    const QStringList words = text.split(u' ');
    return std::all_of(words.cbegin(), words.cend(), [](const QString &w) {
        return w.size() <= MimeWriter::MaxHeaderLine - 2;
    });
}

void appendUnstructured(HeaderFolder &folder, const QString &text)
{
    if (text.isEmpty())
        return;
    if (canStayPlain(text)) {
        const QStringList words = text.split(u' ');
        for (const QString &word : words)
            folder.appendAtom(word.toLatin1());
    } else {
        folder.appendEncodedText(text);
    }
}

bool isPlainWord(const QString &word)
{
    return !word.isEmpty() && word.size() <= MimeWriter::MaxHeaderLine - 2
           && !word.contains(QLatin1String("=?"))
           && std::all_of(word.cbegin(), word.cend(), [](QChar c) { return isAtext(c.unicode()); });
}

// A display name: plain words stay atoms; the others become encoded words, keeping neighbours
// in one run so that spaces travel inside the encoding (RFC 2047 6.2: readers drop white space
// between two encoded words). A run splits across adjacent words only when it outgrows one.
void appendPhrase(HeaderFolder &folder, const QString &name)
{
    if (name.isEmpty())
        return;
    const QStringList words = name.split(u' ');
    if (std::all_of(words.cbegin(), words.cend(), isPlainWord)) {
        for (const QString &word : words)
            folder.appendAtom(word.toLatin1());
        return;
    }
    if (HeaderFolder::encodedLength(name.toUtf8().size()) <= MimeWriter::MaxEncodedWord) {
        folder.appendEncodedText(name, true);
        return;
    }
    QStringList run;
    const auto flush = [&] {
        if (!run.isEmpty())
            folder.appendEncodedText(run.join(u' '), true);
        run.clear();
    };
    for (const QString &word : words) {
        if (isPlainWord(word)) {
            flush();
            folder.appendAtom(word.toLatin1());
        } else {
            run.append(word);
        }
    }
    flush();
}

// The lines of a text, whatever its line endings; a final line break ends the last line
// rather than starting an empty one.
QStringList splitLines(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(u'\r', u'\n');
    if (normalized.isEmpty())
        return {};
    if (normalized.endsWith(u'\n'))
        normalized.chop(1);
    return normalized.split(u'\n');
}

const char *const Hex = "0123456789ABCDEF";

QByteArray qpEscape(uchar byte)
{
    QByteArray escaped("=");
    escaped += Hex[byte >> 4];
    escaped += Hex[byte & 0xf];
    return escaped;
}

} // namespace

QString MimeWriter::sanitizeHeaderText(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    for (QChar c : text) {
        switch (c.category()) {
        case QChar::Other_Control:       // CR, LF, TAB, NEL...
        case QChar::Separator_Line:      // U+2028
        case QChar::Separator_Paragraph: // U+2029
        case QChar::Separator_Space:
            clean += u' ';
            break;
        case QChar::Other_Format: // zero-width and bidi controls: invisible, dropped
            break;
        default:
            clean += c;
        }
    }
    return clean.simplified();
}

QByteArray MimeWriter::formatDate(const QDateTime &date)
{
    static const char *const Days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const Months[]
            = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int offset = date.offsetFromUtc();
    const QDateTime local = date.toOffsetFromUtc(offset);
    const QDate d = local.date();
    const QTime t = local.time();
    const int offsetMinutes = std::abs(offset) / 60;
    return QByteArray(Days[d.dayOfWeek() - 1]) + ", "
           + QByteArray::number(d.day()).rightJustified(2, '0') + ' ' + Months[d.month() - 1] + ' '
           + QByteArray::number(d.year()).rightJustified(4, '0') + ' '
           + QByteArray::number(t.hour()).rightJustified(2, '0') + ':'
           + QByteArray::number(t.minute()).rightJustified(2, '0') + ':'
           + QByteArray::number(t.second()).rightJustified(2, '0') + ' ' + (offset < 0 ? '-' : '+')
           + QByteArray::number(offsetMinutes / 60).rightJustified(2, '0')
           + QByteArray::number(offsetMinutes % 60).rightJustified(2, '0');
}

QByteArray MimeWriter::unstructuredHeader(const QByteArray &name, const QString &value)
{
    HeaderFolder folder(name);
    appendUnstructured(folder, sanitizeHeaderText(value));
    return folder.finish();
}

QByteArray MimeWriter::addressHeader(const QByteArray &name, const QList<MailAddress> &mailboxes)
{
    HeaderFolder folder(name);
    for (qsizetype i = 0; i < mailboxes.size(); ++i) {
        const MailAddress &mailbox = mailboxes[i];
        const QString displayName = sanitizeHeaderText(mailbox.name);
        QByteArray address = mailbox.address.toLatin1();
        if (!displayName.isEmpty()) {
            appendPhrase(folder, displayName);
            address = '<' + address + '>';
        }
        if (i + 1 < mailboxes.size())
            address += ',';
        folder.appendAtom(address);
    }
    return folder.finish();
}

QByteArray MimeWriter::quotedPrintable(const QString &text)
{
    QByteArray out;
    const QStringList lines = splitLines(text);
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const QStringView line = lines[n];
        int column = 0;
        for (qsizetype i = 0; i < line.size();) {
            const qsizetype width = (line[i].isHighSurrogate() && i + 1 < line.size()
                                     && line[i + 1].isLowSurrogate())
                                            ? 2
                                            : 1;
            const bool last = i + width == line.size();
            const QByteArray bytes = line.mid(i, width).toUtf8();
            const auto encode = [&](int atColumn) {
                QByteArray token;
                if (bytes.size() > 1) {
                    for (char byte : bytes)
                        token += qpEscape(uchar(byte));
                    return token;
                }
                const uchar c = uchar(bytes[0]);
                const bool trailingSpace = (c == ' ' || c == '\t') && last;
                // A line starting with "." or "From " survives any relay untouched this way.
                const bool guarded
                        = atColumn == 0
                          && (c == '.' || (c == 'F' && line.mid(i).startsWith(u"From ")));
                if (c == '=' || trailingSpace || guarded || (c < 32 && c != '\t') || c > 126)
                    return qpEscape(c);
                return QByteArray(1, char(c));
            };
            QByteArray token = encode(column);
            // A soft line break "=" needs one column; the very last token may use it.
            const int limit = last ? MaxBodyLine : MaxBodyLine - 1;
            if (column + token.size() > limit) {
                out += "=\r\n";
                column = 0;
                token = encode(0);
            }
            out += token;
            column += int(token.size());
            i += width;
        }
        out += Crlf;
    }
    return out;
}

QByteArray MimeWriter::base64Lines(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(u'\r', u'\n');
    const QByteArray encoded = normalized.replace(u'\n', QLatin1String("\r\n")).toUtf8().toBase64();
    QByteArray out;
    for (qsizetype i = 0; i < encoded.size(); i += MaxBodyLine)
        out += encoded.mid(i, MaxBodyLine) + Crlf;
    return out;
}

QByteArray MimeWriter::bodyPart(const QByteArray &mimeType, const QString &text) const
{
    const bool qp = m_encoding == BodyEncoding::QuotedPrintable;
    return "Content-Type: " + mimeType + "; charset=UTF-8\r\n"
           + "Content-Transfer-Encoding: " + (qp ? "quoted-printable" : "base64") + "\r\n\r\n"
           + (qp ? quotedPrintable(text) : base64Lines(text));
}

Result<RenderedMail> MimeWriter::render(const MailMessage &message) const
{
    static const QRegularExpression messageIdPattern(QStringLiteral(
            "^<[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+>$"));
    static const QRegularExpression headerNamePattern(QStringLiteral("^[A-Za-z0-9-]{1,60}$"));
    static const QStringList ownHeaders = {QStringLiteral("date"),
                                           QStringLiteral("from"),
                                           QStringLiteral("sender"),
                                           QStringLiteral("reply-to"),
                                           QStringLiteral("to"),
                                           QStringLiteral("cc"),
                                           QStringLiteral("bcc"),
                                           QStringLiteral("subject"),
                                           QStringLiteral("message-id"),
                                           QStringLiteral("mime-version"),
                                           QStringLiteral("content-type"),
                                           QStringLiteral("content-transfer-encoding")};

    if (message.messageId.isEmpty() || !message.date.isValid())
        return invalid(QStringLiteral("messageId"),
                       tr("The message has no identity yet (Message-ID and date)."));
    if (!messageIdPattern.match(message.messageId).hasMatch())
        return invalid(
                QStringLiteral("messageId"),
                tr("The Message-ID %1 is not valid.").arg(sanitizeHeaderText(message.messageId)));

    const auto validated
            = [](const MailAddress &mailbox, const QString &field) -> Result<MailAddress> {
        const Result<QString> address = MailAddress::validate(mailbox.address, field);
        if (!address)
            return address.error();
        return MailAddress{*address, mailbox.name};
    };

    RenderedMail rendered;
    rendered.messageId = message.messageId;

    const Result<MailAddress> from = validated(message.from, QStringLiteral("from"));
    if (!from)
        return from.error();
    rendered.envelopeFrom = from->address;

    QList<MailAddress> to, cc;
    for (const auto &[list, field, out] : {std::tuple{&message.to, QStringLiteral("to"), &to},
                                           std::tuple{&message.cc, QStringLiteral("cc"), &cc}}) {
        for (const MailAddress &mailbox : *list) {
            const Result<MailAddress> valid = validated(mailbox, field);
            if (!valid)
                return valid.error();
            out->append(*valid);
            if (!rendered.recipients.contains(valid->address, Qt::CaseInsensitive))
                rendered.recipients.append(valid->address);
        }
    }
    if (rendered.recipients.isEmpty())
        return invalid(QStringLiteral("to"), tr("The message has no recipient."));

    std::optional<MailAddress> replyTo;
    if (!message.replyTo.address.isEmpty() || !message.replyTo.name.isEmpty()) {
        const Result<MailAddress> valid = validated(message.replyTo, QStringLiteral("replyTo"));
        if (!valid)
            return valid.error();
        replyTo = *valid;
    }

    QByteArray out;
    out += "Date: " + formatDate(message.date) + Crlf;
    out += addressHeader("From", {*from});
    if (replyTo)
        out += addressHeader("Reply-To", {*replyTo});
    if (!to.isEmpty())
        out += addressHeader("To", to);
    if (!cc.isEmpty())
        out += addressHeader("Cc", cc);
    out += unstructuredHeader("Subject", message.subject);
    {
        HeaderFolder folder("Message-ID");
        folder.appendAtom(message.messageId.toLatin1());
        out += folder.finish();
    }
    for (const auto &[name, value] : message.extraHeaders) {
        if (!headerNamePattern.match(QString::fromLatin1(name)).hasMatch()
            || ownHeaders.contains(QString::fromLatin1(name).toLower()))
            return invalid(QStringLiteral("extraHeaders"),
                           tr("The header name %1 cannot be used.")
                                   .arg(sanitizeHeaderText(QString::fromLatin1(name))));
        out += unstructuredHeader(name, value);
    }
    out += "MIME-Version: 1.0\r\n";

    if (message.htmlBody.isEmpty()) {
        out += bodyPart("text/plain", message.textBody);
    } else {
        // Derived from the Message-ID: the same message always renders to the same bytes. "=_"
        // can appear neither in quoted-printable nor in base64 text, so no body can hold it.
        const QByteArray boundary
                = "=_recup_"
                  + QCryptographicHash::hash(message.messageId.toLatin1(), QCryptographicHash::Sha1)
                            .toHex();
        HeaderFolder contentType("Content-Type");
        contentType.appendAtom("multipart/alternative;");
        contentType.appendAtom("boundary=\"" + boundary + '"');
        out += contentType.finish();
        out += Crlf;
        out += "This is a message in MIME format: the text and HTML parts say the same.\r\n";
        out += "\r\n--" + boundary + Crlf;
        out += bodyPart("text/plain", message.textBody);
        out += "\r\n--" + boundary + Crlf;
        out += bodyPart("text/html", message.htmlBody);
        out += "\r\n--" + boundary + "--\r\n";
    }
    rendered.data = out;
    return rendered;
}

Result<QByteArray> MimeWriter::write(const MailMessage &message) const
{
    Result<RenderedMail> rendered = render(message);
    if (!rendered)
        return rendered.error();
    return std::move(rendered).value().data;
}

} // namespace Recup
