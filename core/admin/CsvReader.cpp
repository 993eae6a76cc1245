// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/CsvReader.h"

#include <QStringDecoder>

#include <array>

namespace Recup {

namespace {

// Windows-1252 from 0x80 to 0x9F (the rest is Latin-1); 0: no character there.
constexpr std::array<char16_t, 32> windows1252High{
        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

Error invalid(const QString &message)
{
    return Error{Error::Kind::Invalid, message, {}, {}};
}

QString notText()
{
    return CsvReader::tr("This file is not a text file (it holds bytes no text has): save it "
                         "from the spreadsheet as \"CSV UTF-8\" or \"CSV (separator: "
                         "semicolon)\".");
}

// The separator of the header line: the more frequent of `;` and `,` outside quotes.
QChar detectSeparator(const QString &text)
{
    int semicolons = 0;
    int commas = 0;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted && (c == u'\n' || c == u'\r'))
            break;
        else if (!quoted && c == u';')
            ++semicolons;
        else if (!quoted && c == u',')
            ++commas;
    }
    return commas > semicolons ? QChar(u',') : QChar(u';');
}

bool blank(const QStringList &fields)
{
    for (const QString &field : fields) {
        if (!field.trimmed().isEmpty())
            return false;
    }
    return true;
}

} // namespace

std::optional<QString> CsvReader::decode(const QByteArray &bytes, Encoding *encoding)
{
    QByteArrayView view(bytes);
    Encoding found = Encoding::Utf8;
    if (view.startsWith("\xEF\xBB\xBF")) {
        view = view.sliced(3);
        found = Encoding::Utf8WithBom;
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(view);
    if (!utf8.hasError()) {
        if (encoding)
            *encoding = found;
        return text;
    }
    if (found == Encoding::Utf8WithBom)
        return std::nullopt; // a byte-order mark says UTF-8: bytes that are not are damage
    text.clear();
    text.reserve(view.size());
    for (const char byte : view) {
        const auto b = static_cast<unsigned char>(byte);
        if (b >= 0x80 && b <= 0x9F) {
            const char16_t c = windows1252High[b - 0x80];
            if (c == 0)
                return std::nullopt;
            text.append(QChar(c));
        } else {
            text.append(QChar(char16_t(b)));
        }
    }
    if (encoding)
        *encoding = Encoding::Windows1252;
    return text;
}

Result<CsvReader::Table> CsvReader::read(const QByteArray &bytes)
{
    Table table;
    const std::optional<QString> decoded = decode(bytes, &table.encoding);
    if (!decoded)
        return invalid(notText());
    const QString &text = *decoded;
    int line = 1;
    for (const QChar c : text) {
        if (c == u'\n')
            ++line;
        // Control characters other than tabs and line ends: a binary file (or UTF-16).
        if (c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r')
            return invalid(tr("Line %1: %2").arg(QString::number(line), notText()));
    }
    if (text.trimmed().isEmpty())
        return invalid(tr("The file is empty: its first line must name the columns."));
    table.separator = detectSeparator(text);

    QStringList fields;
    QString field;
    bool quoted = false;     // inside quotes
    int physicalLine = 1;    // where the parser is
    int recordLine = 1;      // where the current record started
    bool headerRead = false; // the first record that is not blank is the header
    int dataLines = 0;
    const qsizetype n = text.size();
    const auto endRecord = [&]() -> std::optional<Error> {
        fields.append(field);
        field.clear();
        if (!blank(fields)) {
            if (!headerRead) {
                for (const QString &name : std::as_const(fields))
                    table.header.append(name.trimmed());
                table.headerLine = recordLine;
                headerRead = true;
            } else {
                if (++dataLines > MaxDataLines)
                    return invalid(tr("Line %1: the file has more than %2 data lines. Split it "
                                      "into several files of at most %2 lines each.")
                                           .arg(QString::number(recordLine),
                                                QString::number(MaxDataLines)));
                table.rows.append(Row{recordLine, fields});
            }
        }
        fields.clear();
        return std::nullopt;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') {
                // a line break inside a cell is kept as one \n, whatever the file's line ends
            } else {
                if (c == u'\n')
                    ++physicalLine;
                field.append(c == u'\r' ? QChar(u'\n') : c);
            }
            continue;
        }
        if (c == u'"' && field.trimmed().isEmpty()) {
            field.clear();
            quoted = true;
        } else if (c == table.separator) {
            fields.append(field);
            field.clear();
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n')
                ++i;
            if (const auto refused = endRecord())
                return *refused;
            ++physicalLine;
            recordLine = physicalLine;
        } else {
            field.append(c);
        }
    }
    if (quoted)
        return invalid(
                tr("Line %1: a quote (\") opened on this line is never closed.").arg(recordLine));
    if (!field.isEmpty() || !fields.isEmpty()) {
        if (const auto refused = endRecord())
            return *refused;
    }
    if (!headerRead)
        return invalid(tr("The file is empty: its first line must name the columns."));
    return table;
}

} // namespace Recup
