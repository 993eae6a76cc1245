// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/ReportHtml.h"

#include <QFont>
#include <QTextDocument>

namespace Recup::ReportHtml {

const QLocale &french()
{
    static const QLocale locale(QLocale::French, QLocale::France);
    return locale;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString wholeNumber(qint64 value)
{
    // A no-break space between thousands: the layout never cuts "3 690" in two.
    return french().toString(value).replace(QChar(0x202F), QChar(0x00A0));
}

QString frenchDate(const QDate &date)
{
    return french().toString(date, QStringLiteral("d MMMM yyyy"));
}

QString frenchDay(const QDate &date)
{
    return french().toString(date, QStringLiteral("dddd d MMMM yyyy"));
}

std::unique_ptr<QTextDocument> newDocument(const QString &title)
{
    auto document = std::make_unique<QTextDocument>();
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(9.5);
    document->setDefaultFont(font);
    document->setMetaInformation(QTextDocument::DocumentTitle, title);
    return document;
}

QString heading(const QString &text)
{
    return u"<h2 style=\"color: #1f4e79;\">" + escaped(text) + u"</h2>";
}

QString paragraph(const QString &html)
{
    return u"<p>" + html + u"</p>";
}

HtmlTable::HtmlTable(const QStringList &headers, int leftColumns)
    : m_left(leftColumns)
{
    m_html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" "
                            "border=\"1\" style=\"border-collapse: collapse; "
                            "border-color: #888888;\"><tr>");
    for (const QString &h : headers)
        m_html += u"<th bgcolor=\"#e8eef4\" align=\"left\">" + escaped(h) + u"</th>";
    m_html += u"</tr>";
}

void HtmlTable::row(const QStringList &cells, bool bold)
{
    m_html += u"<tr>";
    for (int i = 0; i < cells.size(); ++i) {
        const QString align = QString::fromUtf16(i < m_left ? u"left" : u"right");
        const QString cell = bold ? u"<b>" + cells.at(i) + u"</b>" : cells.at(i);
        m_html += u"<td align=\"" + align + u"\">" + cell + u"</td>";
    }
    m_html += u"</tr>";
}

QString HtmlTable::html() const
{
    return m_html + u"</table>";
}

} // namespace Recup::ReportHtml
