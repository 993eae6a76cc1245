// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/PickupList.h"

#include "domain/Amounts.h"
#include "reports/ReportHtml.h"
#include "reports/ReportPeriod.h"

#include <QAbstractTextDocumentLayout>
#include <QCollator>
#include <QPageSize>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>

#include <algorithm>
#include <cmath>

namespace Recup {

namespace {

using namespace ReportHtml;

// A stop whose status is worth a word: the list is of planned ones.
QString statusText(PickupStatus status)
{
    switch (status) {
    case PickupStatus::Requested:
        return QStringLiteral("pas encore planifié");
    case PickupStatus::Planned:
        return {};
    case PickupStatus::PickedUp:
        return QStringLiteral("déjà enlevé");
    case PickupStatus::Delivered:
        return QStringLiteral("déjà livré");
    case PickupStatus::Cancelled:
        return QStringLiteral("annulé");
    }
    return {};
}

QString weightText(qint64 grams)
{
    return grams > 0 ? Amounts::kilogramText(grams) : QStringLiteral("poids non indiqué");
}

QString stopsText(qsizetype count)
{
    return count == 1 ? QStringLiteral("1 arrêt") : wholeNumber(count) + u" arrêts";
}

qint64 weightOf(const QList<Pickup> &stops)
{
    qint64 grams = 0;
    for (const Pickup &stop : stops)
        grams += stop.weightGrams;
    return grams;
}

QString teamName(const QString &team)
{
    return team.trimmed().isEmpty() ? QStringLiteral("sans équipe") : team.trimmed();
}

// Whether the team's name says it is a team already ("Équipe 2"), as people often type it.
bool namesItsTeam(const QString &team)
{
    return team.trimmed().startsWith(QStringLiteral("équipe"), Qt::CaseInsensitive);
}

// "Équipe A" (for "A" or "Équipe A" as typed), "Sans équipe" for a stop planned without one.
QString teamLabel(const QString &team)
{
    if (team.trimmed().isEmpty())
        return QStringLiteral("Sans équipe");
    return namesItsTeam(team) ? escaped(team.trimmed()) : u"Équipe " + escaped(team.trimmed());
}

// One end of the transport: where, which room, whom to ask.
QString endHtml(const QString &label, const PickupEnd &end)
{
    QString html = u"<b>" + label + u" " + escaped(end.siteName) + u"</b>";
    if (!end.siteAddress.isEmpty())
        html += u"<br/>" + escaped(end.siteAddress);
    if (!end.room.isEmpty())
        html += u"<br/>Local : " + escaped(end.room);
    QString contact = escaped(end.contact);
    if (!end.phone.isEmpty())
        contact += (contact.isEmpty() ? QString() : QStringLiteral(", ")) + u"<b>"
                   + escaped(end.phone) + u"</b>";
    html += u"<br/>Contact : " + (contact.isEmpty() ? QStringLiteral("—") : contact);
    return html;
}

QString signatureBox(const QString &what)
{
    // Room to write a date and sign by hand, in the cell's blank lines.
    return u"<td width=\"50%\" valign=\"top\"><b>" + what
           + u" le</b> ____ / ____ à ____ h ____<br/><br/><b>Nom et signature :</b>"
             u"<br/><br/><br/><br/></td>";
}

QString stopHtml(const Pickup &stop)
{
    QString item = u"<b>" + escaped(stop.adTitle) + u"</b>";
    if (!stop.categoryName.isEmpty())
        item += u" (" + escaped(stop.categoryName) + u')';
    item += u" — quantité : <b>" + wholeNumber(stop.quantity) + u"</b>, "
            + escaped(weightText(stop.weightGrams));
    const QString status = statusText(stop.status);
    if (!status.isEmpty())
        item += u" — <b style=\"color: #a0300f;\">" + status + u"</b>";

    QString html = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" "
                                  "border=\"1\" style=\"border-collapse: collapse; "
                                  "border-color: #888888; margin-top: 8px;\">");
    html += u"<tr><td colspan=\"2\" bgcolor=\"#e8eef4\"><span style=\"font-size: large;\"><b>Arrêt "
            + wholeNumber(stop.stopOrder) + u"</b></span> · "
            + (stop.team.trimmed().isEmpty() ? QStringLiteral("sans équipe")
               : namesItsTeam(stop.team)     ? escaped(stop.team.trimmed())
                                             : u"équipe " + escaped(stop.team.trimmed()))
            + u" — " + item + u"</td></tr>";
    html += u"<tr><td width=\"50%\" valign=\"top\">" + endHtml(QStringLiteral("De :"), stop.from)
            + u"</td><td width=\"50%\" valign=\"top\">" + endHtml(QStringLiteral("Vers :"), stop.to)
            + u"</td></tr>";
    if (!stop.givingServiceName.isEmpty() || !stop.receivingServiceName.isEmpty())
        html += u"<tr><td colspan=\"2\">Service qui donne : " + escaped(stop.givingServiceName)
                + u" → service qui reçoit : " + escaped(stop.receivingServiceName) + u"</td></tr>";
    if (!stop.notes.trimmed().isEmpty())
        html += u"<tr><td colspan=\"2\"><b>Notes :</b> "
                + escaped(stop.notes.trimmed()).replace(u'\n', QStringLiteral("<br/>"))
                + u"</td></tr>";
    html += u"<tr>" + signatureBox(QStringLiteral("Enlevé")) + signatureBox(QStringLiteral("Livré"))
            + u"</tr></table>";
    return html;
}

// Names in French order (« École » before « Gymnase »), whatever the system's locale.
int compareNames(const QString &a, const QString &b)
{
    static const QCollator collator(french());
    return collator.compare(a, b);
}

// Stops by departure site (name, then id), team, stop order.
QList<Pickup> sorted(QList<Pickup> stops)
{
    std::stable_sort(stops.begin(), stops.end(), [](const Pickup &a, const Pickup &b) {
        const int site = compareNames(a.from.siteName, b.from.siteName);
        if (site != 0)
            return site < 0;
        if (a.from.siteId != b.from.siteId)
            return a.from.siteId < b.from.siteId;
        const int team = compareNames(teamName(a.team), teamName(b.team));
        if (team != 0)
            return team < 0;
        return a.stopOrder < b.stopOrder;
    });
    return stops;
}

// Runs of consecutive stops for which `key` is equal.
template<typename Key>
QList<QList<Pickup>> runs(const QList<Pickup> &stops, Key key)
{
    QList<QList<Pickup>> groups;
    for (const Pickup &stop : stops) {
        if (groups.isEmpty() || key(groups.last().first()) != key(stop))
            groups.append(QList<Pickup>());
        groups.last().append(stop);
    }
    return groups;
}

QString teamsSection(const QList<Pickup> &stops)
{
    QList<Pickup> byTeam = stops;
    std::stable_sort(byTeam.begin(), byTeam.end(), [](const Pickup &a, const Pickup &b) {
        return compareNames(teamName(a.team), teamName(b.team)) < 0;
    });
    HtmlTable table({QStringLiteral("Équipe"),
                     QStringLiteral("Arrêts"),
                     QStringLiteral("Poids"),
                     QStringLiteral("Sites de départ")},
                    1);
    for (const QList<Pickup> &team :
         runs(byTeam, [](const Pickup &p) { return teamName(p.team); })) {
        QStringList sites;
        for (const Pickup &stop : sorted(team))
            if (!sites.contains(stop.from.siteName))
                sites.append(stop.from.siteName);
        table.row(
                {escaped(teamName(team.first().team)),
                 wholeNumber(team.size()),
                 escaped(Amounts::wholeKilogramText(weightOf(team))),
                 u"<div align=\"left\">" + escaped(sites.join(QStringLiteral(", "))) + u"</div>"});
    }
    table.row({QStringLiteral("Total de la journée"),
               wholeNumber(stops.size()),
               escaped(Amounts::wholeKilogramText(weightOf(stops))),
               QString()},
              true);
    return table.html();
}

QString siteSection(const QList<Pickup> &siteStops)
{
    const PickupEnd &site = siteStops.first().from;
    QString html = u"<h2 style=\"color: #1f4e79;\">Départ : " + escaped(site.siteName) + u"</h2>";
    if (!site.siteAddress.isEmpty())
        html += paragraph(escaped(site.siteAddress));
    for (const QList<Pickup> &team :
         runs(siteStops, [](const Pickup &p) { return teamName(p.team); })) {
        html += u"<h3>" + teamLabel(team.first().team) + u" — " + stopsText(team.size()) + u", "
                + escaped(Amounts::wholeKilogramText(weightOf(team))) + u"</h3>";
        for (const Pickup &stop : team)
            html += stopHtml(stop);
    }
    return html;
}

// QTextDocument cuts a table where the page ends, and a stop cut in two is a signature box
// lost on the next sheet. Lays `document` out once, unpaginated, as wide as ReportDocument::
// print() makes it (A4 less its 2 cm margins, at the layout's own resolution: print() scales
// it to the printer's), measures each table with the headings just above it, fills pages with
// them, and starts on a new page each one that would be cut. One layout, not one per break:
// a day of 1,000 stops has hundreds of them.
void keepTablesWhole(QTextDocument &document)
{
    constexpr qreal Dpi = 96; // the resolution QTextDocument lays out at without a device
    const qreal margin = 2 / 2.54 * Dpi;
    const QSizeF page = QPageSize(QPageSize::A4).sizePoints() * (Dpi / 72.0);
    // A little less than the page holds, for the rounding of the printer's own layout.
    const qreal usable = page.height() - 2 * margin - Dpi / 8;

    const QSizeF unpaginatedSize = document.pageSize();
    const QTextFrameFormat unpaginated = document.rootFrame()->frameFormat();
    QTextFrameFormat measured = unpaginated;
    measured.setMargin(margin);
    {
        QTextCursor edit(&document);
        edit.beginEditBlock();
        document.rootFrame()->setFrameFormat(measured);
        document.setTextWidth(page.width());
        edit.endEditBlock();
    }
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    layout->pageCount(); // lays the whole document out

    // Each unit: the blocks since the last table (headings; not the empty block Qt keeps
    // after a table), then the table; where it starts in the unpaginated layout.
    struct Unit
    {
        QTextBlock heading;
        QTextFrame *table = nullptr;
        qreal top = 0;
    };
    QList<Unit> units;
    QTextBlock heading;
    for (auto it = document.rootFrame()->begin(); !it.atEnd(); ++it) {
        if (const QTextBlock block = it.currentBlock(); block.isValid()) {
            if (!heading.isValid() && !block.text().isEmpty())
                heading = block;
        } else if (QTextFrame *table = it.currentFrame()) {
            const qreal top = heading.isValid() ? layout->blockBoundingRect(heading).top()
                                                : layout->frameBoundingRect(table).top();
            units.append({heading, table, top});
            heading = QTextBlock();
        }
    }
    const qreal end = layout->documentSize().height() - margin;

    QTextCursor edit(&document);
    edit.beginEditBlock();
    qreal filled = 0; // of the current page
    for (qsizetype i = 0; i < units.size(); ++i) {
        const qreal height = (i + 1 < units.size() ? units[i + 1].top : end) - units[i].top;
        if (filled > 0 && filled + height > usable && height <= usable) {
            if (units[i].heading.isValid()) {
                QTextBlockFormat format = units[i].heading.blockFormat();
                format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
                QTextCursor(units[i].heading).setBlockFormat(format);
            } else {
                QTextFrameFormat format = units[i].table->frameFormat();
                format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
                units[i].table->setFrameFormat(format);
            }
            filled = 0;
        }
        // What comes before the first unit (the title) is on the first page too.
        filled += i == 0 ? units[0].top - margin + height : height;
        if (filled > usable) // taller than a page: it flows on
            filled = std::fmod(filled, usable);
    }
    document.rootFrame()->setFrameFormat(unpaginated);
    document.setPageSize(unpaginatedSize);
    edit.endEditBlock();
}

} // namespace

std::unique_ptr<QTextDocument>
PickupList::document(const QDate &day, const QList<Pickup> &stops, const QDateTime &printedAt)
{
    const QString title = u"Liste des enlèvements du " + frenchDay(day);
    auto document = newDocument(u"Collectiv'Récup — " + title);
    const QDateTime local = printedAt.toTimeZone(ReportPeriod::platformZone());
    QString html = u"<h1 style=\"color: #1f4e79;\">" + escaped(title) + u"</h1>"
                   + u"<p style=\"color: #555555;\">Collectiv'Récup — imprimée le "
                   + frenchDate(local.date()) + u" à "
                   + french().toString(local.time(), QStringLiteral("H' h 'mm")) + u"</p>";
    if (stops.isEmpty()) {
        html += u"<p style=\"font-size: large;\"><b>Aucun enlèvement n'est prévu le "
                + escaped(frenchDay(day)) + u".</b></p>";
        document->setHtml(html);
        return document;
    }
    const QList<Pickup> ordered = sorted(stops);
    html += u"<p style=\"font-size: large;\"><b>" + stopsText(ordered.size()) + u", "
            + escaped(Amounts::wholeKilogramText(weightOf(ordered))) + u" à transporter.</b></p>";
    html += teamsSection(ordered);
    for (const QList<Pickup> &site :
         runs(ordered, [](const Pickup &p) { return qMakePair(p.from.siteId, p.from.siteName); }))
        html += siteSection(site);
    document->setHtml(html);
    keepTablesWhole(*document);
    return document;
}

} // namespace Recup
