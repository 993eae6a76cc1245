// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/CsvWriter.h"

#include <cmath>

namespace Recup {

CsvWriter::CsvWriter()
    : m_bytes("\xEF\xBB\xBF")
{}

void CsvWriter::cell(const QString &raw)
{
    if (m_rowStarted)
        m_bytes.append(';');
    m_rowStarted = true;
    const bool quote = raw.contains(u';') || raw.contains(u'"') || raw.contains(u'\n')
                       || raw.contains(u'\r');
    if (!quote) {
        m_bytes.append(raw.toUtf8());
        return;
    }
    QString escaped = raw;
    escaped.replace(u'"', QStringLiteral("\"\""));
    m_bytes.append('"').append(escaped.toUtf8()).append('"');
}

CsvWriter &CsvWriter::text(const QString &value)
{
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!value.isEmpty() && formulaStarts.contains(value.front()))
        cell(u'\'' + value);
    else
        cell(value);
    return *this;
}

CsvWriter &CsvWriter::number(qint64 value)
{
    cell(QString::number(value));
    return *this;
}

QString CsvWriter::decimal(qint64 units, int scale, int maxDecimals)
{
    const bool negative = units < 0;
    const qint64 magnitude = negative ? -units : units;
    QString whole = QString::number(magnitude / scale);
    QString fraction = QString::number(magnitude % scale).rightJustified(maxDecimals, u'0');
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    QString text = negative ? u'-' + whole : whole;
    if (!fraction.isEmpty())
        text += u',' + fraction;
    return text;
}

CsvWriter &CsvWriter::euros(qint64 cents)
{
    // Always two decimals: a column of amounts reads as money.
    const qint64 magnitude = cents < 0 ? -cents : cents;
    cell((cents < 0 ? QStringLiteral("-") : QString()) + QString::number(magnitude / 100) + u','
         + QString::number(magnitude % 100).rightJustified(2, u'0'));
    return *this;
}

CsvWriter &CsvWriter::kilograms(qint64 grams)
{
    cell(decimal(grams, 1000, 3));
    return *this;
}

CsvWriter &CsvWriter::percent(std::optional<double> share)
{
    if (!share || !std::isfinite(*share))
        return empty();
    cell(QString::number(*share * 100, 'f', 1).replace(u'.', u','));
    return *this;
}

CsvWriter &CsvWriter::empty()
{
    cell(QString());
    return *this;
}

void CsvWriter::endRow()
{
    m_bytes.append("\r\n");
    m_rowStarted = false;
}

void CsvWriter::row(const QStringList &cells)
{
    for (const QString &c : cells)
        text(c);
    endRow();
}

} // namespace Recup
