// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/PickupList.h"

#include "domain/Amounts.h"
#include "reports/ReportHtml.h"
#include "reports/ReportPeriod.h"

#include <QCollator>
#include <QFont>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextFormat>
#include <QTextLayout>

#include <algorithm>
#include <memory>
#include <vector>

namespace Recup {

namespace {

using ReportHtml::french;
using ReportHtml::frenchDate;
using ReportHtml::frenchDay;
using ReportHtml::wholeNumber;

// ---- What is printed: words and order -------------------------------------------------------

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
    return namesItsTeam(team) ? team.trimmed() : u"Équipe " + team.trimmed();
}

// The same inside a sentence: "équipe A", "sans équipe", "Équipe 2" as typed.
QString teamInSentence(const QString &team)
{
    if (team.trimmed().isEmpty())
        return QStringLiteral("sans équipe");
    return namesItsTeam(team) ? team.trimmed() : u"équipe " + team.trimmed();
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

// ---- How it is drawn ------------------------------------------------------------------------

const QColor Ink(0x1a, 0x1a, 0x1a);
const QColor Brand(0x1f, 0x4e, 0x79);
const QColor Muted(0x55, 0x55, 0x55);
const QColor Alert(0xa0, 0x30, 0x0f);
const QColor Band(0xe8, 0xee, 0xf4);
const QColor Rule(0x88, 0x88, 0x88);

// Text in runs of one look (bold, a colour, a size), laid out as one paragraph.
class Rich
{
public:
    Rich &plain(const QString &text) { return add(text, {}); }
    Rich &bold(const QString &text)
    {
        QTextCharFormat format;
        format.setFontWeight(QFont::Bold);
        return add(text, format);
    }
    Rich &add(const QString &text, const QTextCharFormat &format)
    {
        if (format.propertyCount() > 0)
            m_formats.append(
                    QTextLayout::FormatRange{int(m_text.size()), int(text.size()), format});
        m_text += text;
        return *this;
    }
    Rich &append(const Rich &other)
    {
        for (QTextLayout::FormatRange range : other.m_formats) {
            range.start += int(m_text.size());
            m_formats.append(range);
        }
        m_text += other.m_text;
        return *this;
    }
    const QString &text() const { return m_text; }
    const QList<QTextLayout::FormatRange> &formats() const { return m_formats; }

private:
    QString m_text;
    QList<QTextLayout::FormatRange> m_formats;
};

QTextCharFormat coloured(const QColor &colour, bool bold = false)
{
    QTextCharFormat format;
    format.setForeground(colour);
    if (bold)
        format.setFontWeight(QFont::Bold);
    return format;
}

// Text laid out once on the device, `height` tall, drawn wherever a block puts it.
struct Laid
{
    std::shared_ptr<const QTextLayout> layout;
    qreal height = 0;
};

// The fonts and lengths of one device: lengths are in its pixels.
struct Metrics
{
    explicit Metrics(const QPaintDevice &device)
        : device(&device)
        , mm(device.logicalDpiY() / 25.4)
        , width(device.width())
        , height(device.height())
    {
        body = QFont(QStringLiteral("DejaVu Sans"));
        body.setStyleHint(QFont::SansSerif);
        body.setPointSizeF(9.5);
        small = body;
        small.setPointSizeF(7.5);
        stopNumber = body;
        stopNumber.setPointSizeF(11);
        stopNumber.setBold(true);
        team = stopNumber;
        site = body;
        site.setPointSizeF(13.5);
        site.setBold(true);
        title = body;
        title.setPointSizeF(17);
        title.setBold(true);
        summary = body;
        summary.setPointSizeF(11);
        summary.setBold(true);
    }
    const QPaintDevice *device;
    qreal mm;
    qreal width;
    qreal height;
    QFont body, small, stopNumber, team, site, title, summary;
    Laid taken, delivered; // the two boxes to sign, the same under every stop
    qreal pad() const { return 1.5 * mm; }
};

// Lays `rich` out in `font`, `width` wide (lines broken at words, and at each
// QChar::LineSeparator).
Laid layOut(const Metrics &m,
            const Rich &rich,
            const QFont &font,
            qreal width,
            Qt::Alignment alignment = Qt::AlignLeft)
{
    auto layout = std::make_shared<QTextLayout>(rich.text(), font, m.device);
    layout->setFormats(rich.formats());
    QTextOption option(alignment);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    layout->setCacheEnabled(true); // keeps the glyphs shaped here for draw(): half the time
    qreal used = 0;
    layout->beginLayout();
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, used));
        used += line.height();
    }
    layout->endLayout();
    return {std::move(layout), used};
}

// Lines stacked as one paragraph: one layout for a whole cell, fewer to make and to draw.
Rich stacked(const QList<Rich> &lines)
{
    Rich all;
    for (const Rich &line : lines) {
        if (!all.text().isEmpty())
            all.plain(QString(QChar::LineSeparator));
        all.append(line);
    }
    return all;
}

// A piece of a page laid out once (text measured on the device), painted at any height: the
// title, a row of the teams' table, a heading, a stop. Pages are filled with whole blocks.
struct Block
{
    qreal height = 0;
    qreal spaceBefore = 0;
    bool keepWithNext = false; // a heading stays with what it heads
    QString continuation;      // said at the top of a page this block starts, if any
    QList<QPair<std::shared_ptr<const QTextLayout>, QPointF>> texts;
    QList<QPair<QRectF, QColor>> fills;
    QList<QLineF> rules;

    // Puts `laid` at (x, y); returns its height.
    qreal put(const Laid &laid, qreal x, qreal y)
    {
        texts.append({laid.layout, QPointF(x, y)});
        return laid.height;
    }
    // Lays `rich` out in `font` from (x, y), `width` wide; returns its height.
    qreal text(const Metrics &m,
               const Rich &rich,
               const QFont &font,
               qreal x,
               qreal y,
               qreal width,
               Qt::Alignment alignment = Qt::AlignLeft)
    {
        return put(layOut(m, rich, font, width, alignment), x, y);
    }
    // A cell's text laid out already, from (x, y); returns its height with the cell's padding.
    qreal cell(const Metrics &m, const Laid &laid, qreal x, qreal y)
    {
        return put(laid, x + m.pad(), y + m.pad()) + 2 * m.pad();
    }
    // Lines stacked in a cell from (x, y); returns their height with the cell's padding.
    qreal cell(const Metrics &m, const QList<Rich> &lines, qreal x, qreal y, qreal width)
    {
        return cell(m, layOut(m, stacked(lines), m.body, width - 2 * m.pad()), x, y);
    }
    void paint(QPainter &painter, qreal top) const
    {
        painter.save();
        painter.translate(0, top);
        for (const auto &[rect, colour] : fills)
            painter.fillRect(rect, colour);
        painter.setPen(Ink);
        for (const auto &[layout, at] : texts)
            layout->draw(&painter, at);
        painter.setPen(QPen(Rule, 0.25 * painter.device()->logicalDpiY() / 25.4));
        painter.drawLines(rules);
        painter.restore();
    }
};

// The outline of a table row of `height` from `top`, cut at each of `columns` (x).
void ruleRow(Block &block, qreal top, qreal height, qreal width, const QList<qreal> &columns)
{
    block.rules << QLineF(0, top, width, top) << QLineF(0, top + height, width, top + height)
                << QLineF(0, top, 0, top + height) << QLineF(width, top, width, top + height);
    for (qreal x : columns)
        block.rules.append(QLineF(x, top, x, top + height));
}

Block titleBlock(const Metrics &m,
                 const QString &title,
                 const QString &printed,
                 const Rich &summary)
{
    Block block;
    qreal y = block.text(m, Rich().add(title, coloured(Brand)), m.title, 0, 0, m.width);
    y += 1 * m.mm;
    y += block.text(m, Rich().add(printed, coloured(Muted)), m.body, 0, y, m.width);
    y += 5 * m.mm;
    y += block.text(m, summary, m.summary, 0, y, m.width);
    block.height = y + 2 * m.mm;
    return block;
}

// The teams' table: a team a row, the day's total last.
QList<qreal> teamColumns(const Metrics &m)
{
    return {0, 0.26 * m.width, 0.36 * m.width, 0.50 * m.width, m.width};
}

Block teamRow(const Metrics &m, const QStringList &cells, bool header, bool total)
{
    Block block;
    const QList<qreal> x = teamColumns(m);
    qreal height = 0;
    for (int i = 0; i < cells.size(); ++i) {
        Rich rich;
        if (header || total)
            rich.bold(cells[i]);
        else
            rich.plain(cells[i]);
        const Qt::Alignment alignment = i == 1 || i == 2 ? Qt::AlignRight : Qt::AlignLeft;
        height = std::max(height,
                          m.pad()
                                  + block.text(m,
                                               rich,
                                               m.body,
                                               x[i] + m.pad(),
                                               m.pad(),
                                               x[i + 1] - x[i] - 2 * m.pad(),
                                               alignment)
                                  + m.pad());
    }
    if (header || total)
        block.fills.append({QRectF(0, 0, m.width, height), Band});
    ruleRow(block, 0, height, m.width, x.mid(1, x.size() - 2));
    block.height = height;
    block.keepWithNext = header;
    return block;
}

void teamsTable(const Metrics &m, const QList<Pickup> &stops, std::vector<Block> &blocks)
{
    QList<Pickup> byTeam = stops;
    std::stable_sort(byTeam.begin(), byTeam.end(), [](const Pickup &a, const Pickup &b) {
        return compareNames(teamName(a.team), teamName(b.team)) < 0;
    });
    blocks.push_back(teamRow(m,
                             {QStringLiteral("Équipe"),
                              QStringLiteral("Arrêts"),
                              QStringLiteral("Poids"),
                              QStringLiteral("Sites de départ")},
                             true,
                             false));
    blocks.back().spaceBefore = 2 * m.mm;
    for (const QList<Pickup> &team :
         runs(byTeam, [](const Pickup &p) { return teamName(p.team); })) {
        QStringList sites;
        for (const Pickup &stop : sorted(team))
            if (!sites.contains(stop.from.siteName))
                sites.append(stop.from.siteName);
        blocks.push_back(teamRow(m,
                                 {teamName(team.first().team),
                                  wholeNumber(team.size()),
                                  Amounts::wholeKilogramText(weightOf(team)),
                                  sites.join(QStringLiteral(", "))},
                                 false,
                                 false));
    }
    blocks.push_back(teamRow(m,
                             {QStringLiteral("Total de la journée"),
                              wholeNumber(stops.size()),
                              Amounts::wholeKilogramText(weightOf(stops)),
                              QString()},
                             false,
                             true));
}

Block siteHeading(const Metrics &m, const PickupEnd &site)
{
    Block block;
    block.spaceBefore = 7 * m.mm;
    block.keepWithNext = true;
    qreal y = block.text(
            m, Rich().add(u"Départ : " + site.siteName, coloured(Brand)), m.site, 0, 0, m.width);
    if (!site.siteAddress.isEmpty())
        y += block.text(m, Rich().add(site.siteAddress, coloured(Muted)), m.body, 0, y, m.width);
    block.rules.append(QLineF(0, y + 1 * m.mm, m.width, y + 1 * m.mm));
    block.height = y + 1 * m.mm;
    return block;
}

Block teamHeading(const Metrics &m, const QList<Pickup> &team)
{
    Block block;
    block.spaceBefore = 3.5 * m.mm;
    block.keepWithNext = true;
    block.height
            = block.text(m,
                         Rich().plain(teamLabel(team.first().team) + u" — " + stopsText(team.size())
                                      + u", " + Amounts::wholeKilogramText(weightOf(team))),
                         m.team,
                         0,
                         0,
                         m.width);
    return block;
}

// One end of the transport: where, which room, whom to ask.
QList<Rich> endLines(const QString &label, const PickupEnd &end)
{
    QList<Rich> lines{Rich().bold(label + u" " + end.siteName)};
    if (!end.siteAddress.isEmpty())
        lines.append(Rich().plain(end.siteAddress));
    if (!end.room.isEmpty())
        lines.append(Rich().plain(u"Local : " + end.room));
    Rich contact;
    contact.plain(QStringLiteral("Contact : "));
    if (end.contact.isEmpty() && end.phone.isEmpty())
        contact.plain(QStringLiteral("—"));
    contact.plain(end.contact);
    if (!end.phone.isEmpty())
        contact.plain(end.contact.isEmpty() ? QString() : QStringLiteral(", ")).bold(end.phone);
    lines.append(contact);
    return lines;
}

// A stop: its heading band, both ends, the services, the notes, two boxes to sign.
Block stopBlock(const Metrics &m, const Pickup &stop)
{
    Block block;
    block.spaceBefore = 2.5 * m.mm;
    block.continuation
            = u"Suite — départ : " + stop.from.siteName + u", " + teamInSentence(stop.team);
    const qreal w = m.width;
    const qreal half = w / 2;

    QTextCharFormat number;
    number.setFontWeight(QFont::Bold);
    number.setFontPointSize(m.stopNumber.pointSizeF());
    Rich heading;
    heading.add(u"Arrêt " + wholeNumber(stop.stopOrder), number)
            .plain(u" · " + teamInSentence(stop.team) + u" — ")
            .bold(stop.adTitle);
    if (!stop.categoryName.isEmpty())
        heading.plain(u" (" + stop.categoryName + u')');
    heading.plain(QStringLiteral(" — quantité : "))
            .bold(wholeNumber(stop.quantity))
            .plain(u", " + weightText(stop.weightGrams));
    if (const QString status = statusText(stop.status); !status.isEmpty())
        heading.plain(QStringLiteral(" — ")).add(status, coloured(Alert, true));
    qreal y = block.cell(m, {heading}, 0, 0, w);
    block.fills.append({QRectF(0, 0, w, y), Band});
    ruleRow(block, 0, y, w, {});

    const qreal ends
            = std::max(block.cell(m, endLines(QStringLiteral("De :"), stop.from), 0, y, half),
                       block.cell(m, endLines(QStringLiteral("Vers :"), stop.to), half, y, half));
    ruleRow(block, y, ends, w, {half});
    y += ends;

    if (!stop.givingServiceName.isEmpty() || !stop.receivingServiceName.isEmpty()) {
        const qreal services = block.cell(
                m,
                {Rich().plain(u"Service qui donne : " + stop.givingServiceName
                              + u" → service qui reçoit : " + stop.receivingServiceName)},
                0,
                y,
                w);
        ruleRow(block, y, services, w, {});
        y += services;
    }
    if (const QString notes = stop.notes.trimmed(); !notes.isEmpty()) {
        QString lines = notes;
        lines.replace(u'\n', QChar::LineSeparator);
        const qreal height
                = block.cell(m, {Rich().bold(QStringLiteral("Notes : ")).plain(lines)}, 0, y, w);
        ruleRow(block, y, height, w, {});
        y += height;
    }

    // Room to write a date and sign by hand under each box's two lines.
    const qreal boxes = std::max(block.cell(m, m.taken, 0, y), block.cell(m, m.delivered, half, y))
                        + 11 * m.mm;
    ruleRow(block, y, boxes, w, {half});
    block.height = y + boxes;
    return block;
}

Block continuationBlock(const Metrics &m, const QString &what)
{
    Block block;
    block.height
            = block.text(m, Rich().add(what, coloured(Muted)), m.body, 0, 0, m.width) + 0.5 * m.mm;
    return block;
}

struct Placed
{
    const Block *block;
    qreal top;
};

struct Page
{
    QList<Placed> blocks;
};

// Fills pages with whole blocks, a heading never last on its page; a stop that starts a page
// away from its headings says whose round it is. The first page has no running head.
std::vector<Page> paginate(const Metrics &m,
                           const std::vector<Block> &blocks,
                           std::vector<Block> &continuations,
                           qreal head,
                           qreal foot)
{
    const qreal bottom = m.height - foot;
    std::vector<Page> pages(1);
    qreal y = 0;
    continuations.reserve(blocks.size()); // Placed keeps pointers into it
    for (size_t i = 0; i < blocks.size(); ++i) {
        const Block &block = blocks[i];
        qreal chain = block.height;
        for (size_t j = i; j + 1 < blocks.size() && blocks[j].keepWithNext; ++j)
            chain += blocks[j + 1].spaceBefore + blocks[j + 1].height;
        const bool pageEmpty = pages.back().blocks.isEmpty();
        qreal space = pageEmpty ? 0 : block.spaceBefore;
        if (!pageEmpty && y + space + chain > bottom) {
            pages.emplace_back();
            y = head;
            space = 0;
            if (!block.continuation.isEmpty()) {
                continuations.push_back(continuationBlock(m, block.continuation));
                pages.back().blocks.append({&continuations.back(), y});
                y += continuations.back().height;
            }
        }
        y += space;
        pages.back().blocks.append({&block, y});
        y += block.height;
    }
    return pages;
}

// The running head (from the second page on) and the foot with « n / N ».
void paintFrame(QPainter &painter,
                const Metrics &m,
                const QString &title,
                const QString &printed,
                int page,
                int pages)
{
    const auto line = [&](const QString &left, const QString &right, qreal y) {
        Block block;
        block.text(m, Rich().add(left, coloured(Muted)), m.small, 0, 0, m.width * 0.75);
        block.text(m,
                   Rich().add(right, coloured(Muted)),
                   m.small,
                   m.width * 0.75,
                   0,
                   m.width * 0.25,
                   Qt::AlignRight);
        block.paint(painter, y);
    };
    const QFontMetricsF small(m.small, m.device);
    painter.save();
    painter.setPen(QPen(Rule, 0.25 * m.mm));
    if (page > 1) {
        line(title, QStringLiteral("Collectiv'Récup"), 0);
        painter.drawLine(QLineF(0, small.height() + m.mm, m.width, small.height() + m.mm));
    }
    const qreal footTop = m.height - small.height();
    painter.drawLine(QLineF(0, footTop - m.mm, m.width, footTop - m.mm));
    line(printed, u"Page " + wholeNumber(page) + u" / " + wholeNumber(pages), footTop);
    painter.restore();
}

} // namespace

PickupList::PickupList(const QDate &day, const QList<Pickup> &stops, const QDateTime &printedAt)
    : m_day(day)
    , m_stops(sorted(stops))
    , m_printedAt(printedAt)
{}

QString PickupList::title() const
{
    return u"Liste des enlèvements du " + frenchDay(m_day);
}

int PickupList::print(QPagedPaintDevice &device) const
{
    device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4),
                                     QPageLayout::Portrait,
                                     QMarginsF(15, 12, 15, 12),
                                     QPageLayout::Millimeter));
    Metrics m(device);
    const auto box = [&m](const QString &what) {
        return layOut(m,
                      stacked({Rich().bold(what + u" le")
                                       .plain(QStringLiteral(" ____ / ____ à ____ h ____")),
                               Rich().bold(QStringLiteral("Nom et signature :"))}),
                      m.body,
                      m.width / 2 - 2 * m.pad());
    };
    m.taken = box(QStringLiteral("Enlevé"));
    m.delivered = box(QStringLiteral("Livré"));
    const QDateTime local = m_printedAt.toTimeZone(ReportPeriod::platformZone());
    const QString printed = u"Collectiv'Récup — imprimée le " + frenchDate(local.date()) + u" à "
                            + french().toString(local.time(), QStringLiteral("H' h 'mm"));

    std::vector<Block> blocks;
    blocks.reserve(size_t(m_stops.size()) * 2 + 64);
    if (m_stops.isEmpty()) {
        blocks.push_back(titleBlock(
                m,
                title(),
                printed,
                Rich().plain(u"Aucun enlèvement n'est prévu le " + frenchDay(m_day) + u'.')));
    } else {
        blocks.push_back(titleBlock(m,
                                    title(),
                                    printed,
                                    Rich().plain(stopsText(m_stops.size()) + u", "
                                                 + Amounts::wholeKilogramText(weightOf(m_stops))
                                                 + u" à transporter.")));
        teamsTable(m, m_stops, blocks);
        for (const QList<Pickup> &site : runs(m_stops, [](const Pickup &p) {
                 return qMakePair(p.from.siteId, p.from.siteName);
             })) {
            blocks.push_back(siteHeading(m, site.first().from));
            for (const QList<Pickup> &team :
                 runs(site, [](const Pickup &p) { return teamName(p.team); })) {
                blocks.push_back(teamHeading(m, team));
                for (const Pickup &stop : team)
                    blocks.push_back(stopBlock(m, stop));
            }
        }
    }

    const QFontMetricsF small(m.small, m.device);
    const qreal head = small.height() + 4 * m.mm;
    const qreal foot = small.height() + 4 * m.mm;
    std::vector<Block> continuations;
    const std::vector<Page> pages = paginate(m, blocks, continuations, head, foot);

    QPainter painter;
    if (!painter.begin(&device))
        return 0;
    for (size_t i = 0; i < pages.size(); ++i) {
        if (i > 0)
            device.newPage();
        for (const Placed &placed : pages[i].blocks)
            placed.block->paint(painter, placed.top);
        paintFrame(painter, m, title(), printed, int(i + 1), int(pages.size()));
    }
    painter.end();
    return int(pages.size());
}

Status PickupList::writePdf(const QString &path) const
{
    const auto unwritable = [&path](const QString &why) {
        return Error{Error::Kind::Invalid,
                     QCoreApplication::translate("ReportDocument",
                                                 "The file %1 could not be written: %2")
                             .arg(path, why),
                     {},
                     {}};
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return unwritable(file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setCreator(QStringLiteral("Collectiv'Récup"));
        writer.setTitle(u"Collectiv'Récup — " + title());
        if (print(writer) == 0)
            return unwritable(QStringLiteral("PDF"));
    }
    if (!file.commit())
        return unwritable(file.errorString());
    return {};
}

} // namespace Recup
