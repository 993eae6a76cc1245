// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <memory>

class QTextDocument;

namespace Recup::ReportHtml {

// The pieces every printed document shares (the semester report, the pickup list): French
// numbers and dates whatever the interface language, one font, one look for titles and tables.

const QLocale &french();
// Text typed by someone, made safe to put in the documents' HTML.
QString escaped(const QString &text);
// 3690 -> "3 690", with a no-break space the layout never cuts.
QString wholeNumber(qint64 value);
// "4 décembre 2026"
QString frenchDate(const QDate &date);
// "vendredi 4 décembre 2026"
QString frenchDay(const QDate &date);

// An A4 document in the reports' font, titled `title` (the PDF's title).
std::unique_ptr<QTextDocument> newDocument(const QString &title);

QString heading(const QString &text); // <h2>, escaped
QString paragraph(const QString &html);

// A table with a header row; cells are HTML already escaped; columns after the first are
// right-aligned unless `leftColumns` says otherwise.
class HtmlTable
{
public:
    explicit HtmlTable(const QStringList &headers, int leftColumns = 1);
    void row(const QStringList &cells, bool bold = false);
    QString html() const;

private:
    QString m_html;
    int m_left;
};

} // namespace Recup::ReportHtml
