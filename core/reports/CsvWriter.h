// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Recup {

// A CSV file as French Excel opens it with a double click: UTF-8 with a byte-order mark, `;`
// between cells, decimal commas, CRLF line ends, quotes where a cell needs them. A text cell
// that a spreadsheet would take for a formula (=, +, -, @) is written with a leading
// apostrophe, so that a name typed into the platform never runs as one.
class CsvWriter
{
public:
    CsvWriter();

    CsvWriter &text(const QString &cell);
    CsvWriter &number(qint64 value);
    // 123450 -> "1234,50"
    CsvWriter &euros(qint64 cents);
    // 1250 -> "1,25" (kilograms, up to three decimals, none trailing)
    CsvWriter &kilograms(qint64 grams);
    // A share in percent with one decimal, or an empty cell.
    CsvWriter &percent(std::optional<double> share);
    CsvWriter &empty();
    void endRow();
    // A row of text cells.
    void row(const QStringList &cells);

    QByteArray bytes() const { return m_bytes; }

    static QString decimal(qint64 units, int scale, int maxDecimals);

private:
    void cell(const QString &raw);

    QByteArray m_bytes;
    bool m_rowStarted = false;
};

} // namespace Recup
