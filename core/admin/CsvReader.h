// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace Recup {

// A CSV file as Excel and directory exports write it, read into rows of text: the encoding
// (UTF-8 with or without a byte-order mark, else Windows-1252), the separator (`;` or `,`, the
// more frequent of the two in the header line), CRLF or LF line ends, RFC 4180 quotes
// (doubled quotes, separators and line breaks inside). Pure: no file, no database.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)
public:
    // Beyond this many data lines a file is refused: an import is one transaction, and no
    // authority has that many services or agents to load at once.
    static constexpr int MaxDataLines = 20000;

    enum class Encoding { Utf8, Utf8WithBom, Windows1252 };

    struct Row
    {
        int line = 0; // the physical line (1: the header) where the record starts
        QStringList fields;
    };

    struct Table
    {
        Encoding encoding = Encoding::Utf8;
        QChar separator = u';';
        QStringList header; // as written, trimmed
        int headerLine = 1;
        QList<Row> rows; // records whose fields are all blank are left out
    };

    // The file's rows, or an Invalid error whose message names the line: an empty file, a
    // binary one (NUL or control bytes, neither UTF-8 nor Windows-1252), a quote never closed,
    // more than MaxDataLines data lines.
    static Result<Table> read(const QByteArray &bytes);

    // The text of the bytes: UTF-8 when they are valid UTF-8 (a byte-order mark dropped), else
    // Windows-1252; null when neither decodes (bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D).
    static std::optional<QString> decode(const QByteArray &bytes, Encoding *encoding);
};

} // namespace Recup
