// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/CatalogueTileDelegate.h"

#include "agent/CatalogueModel.h"
#include "common/Look.h"

#include <QApplication>
#include <QPainter>
#include <QPixmap>

namespace Recup {

namespace {

constexpr int Margin = 8;
constexpr int Gap = 4;

// At most `lines` lines of `text` in `width`, the last one elided.
QStringList wrapped(const QString &text, const QFontMetrics &metrics, int width, int lines)
{
    QStringList result;
    QString rest = text;
    while (!rest.isEmpty() && result.size() < lines) {
        if (result.size() == lines - 1 || metrics.horizontalAdvance(rest) <= width) {
            result << metrics.elidedText(rest, Qt::ElideRight, width);
            break;
        }
        // The longest prefix that fits, cut at a space when there is one.
        int cut = int(rest.size());
        while (cut > 1 && metrics.horizontalAdvance(rest.left(cut)) > width)
            --cut;
        const int space = int(rest.left(cut + 1).lastIndexOf(QLatin1Char(' ')));
        if (space > 0)
            cut = space;
        result << rest.left(cut).trimmed();
        rest = rest.mid(cut).trimmed();
    }
    return result;
}

} // namespace

QSize CatalogueTileDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int titleLines = 2 * QFontMetrics(bold).lineSpacing();
    const int lines = 2 * option.fontMetrics.lineSpacing();
    return {TileWidth,
            Margin + CatalogueModel::ThumbnailSide + Gap + titleLines + Gap + lines + Margin};
}

void CatalogueTileDelegate::paint(QPainter *painter,
                                  const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const QRectF box = QRectF(option.rect).adjusted(3, 3, -3, -3);

    // The tile: a frame always, thicker and filled when selected (not colour alone).
    painter->setPen(
            QPen(selected ? palette.color(QPalette::Highlight) : palette.color(QPalette::Mid),
                 selected ? 3 : 1));
    painter->setBrush(selected ? palette.color(QPalette::Highlight).lighter(185)
                               : palette.color(QPalette::Base));
    painter->drawRoundedRect(box, 6, 6);
    if (option.state & QStyle::State_HasFocus) {
        QPen focus(palette.color(QPalette::Text), 1, Qt::DotLine);
        painter->setPen(focus);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(4, 4, -4, -4), 4, 4);
    }

    const QRect inner = option.rect.adjusted(Margin, Margin, -Margin, -Margin);
    const QVariant photo
            = index.siblingAtColumn(CatalogueModel::PhotoColumn).data(Qt::DecorationRole);
    const QPixmap pixmap = photo.value<QPixmap>();
    if (!pixmap.isNull()) {
        const QSize side = pixmap.deviceIndependentSize().toSize();
        painter->drawPixmap(QRect(QPoint(inner.center().x() - side.width() / 2, inner.top()), side),
                            pixmap);
    }
    int y = inner.top() + CatalogueModel::ThumbnailSide + Gap;
    const QColor text = palette.color(QPalette::Text);

    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    painter->setFont(bold);
    painter->setPen(text);
    const QString title = index.siblingAtColumn(CatalogueModel::TitleColumn).data().toString();
    for (const QString &line : wrapped(title, boldMetrics, inner.width(), 2)) {
        painter->drawText(QRect(inner.left(), y, inner.width(), boldMetrics.lineSpacing()),
                          Qt::AlignHCenter | Qt::AlignVCenter,
                          line);
        y += boldMetrics.lineSpacing();
    }
    y = inner.top() + CatalogueModel::ThumbnailSide + Gap + 2 * boldMetrics.lineSpacing() + Gap;

    painter->setFont(option.font);
    const QFontMetrics metrics(option.font);
    const QString availability = index.data(CatalogueModel::AvailabilityRole).toString();
    const QString site = index.siblingAtColumn(CatalogueModel::SiteColumn).data().toString();
    for (const QString &line : {availability, site}) {
        painter->setPen(line == site ? Look::secondaryText(palette) : text);
        painter->drawText(QRect(inner.left(), y, inner.width(), metrics.lineSpacing()),
                          Qt::AlignHCenter | Qt::AlignVCenter,
                          metrics.elidedText(line, Qt::ElideRight, inner.width()));
        y += metrics.lineSpacing();
    }
    painter->restore();
}

void CatalogueThumbnailDelegate::paint(QPainter *painter,
                                       const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    // The row's background, selection and focus as the style draws them, without the icon.
    QStyleOptionViewItem cell(option);
    initStyleOption(&cell, index);
    cell.icon = QIcon();
    cell.features &= ~QStyleOptionViewItem::HasDecoration;
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    const QPixmap pixmap = index.data(Qt::DecorationRole).value<QPixmap>();
    if (pixmap.isNull())
        return;
    const QSize side = pixmap.deviceIndependentSize().toSize();
    const QRect target(option.rect.center() - QPoint(side.width() / 2, side.height() / 2), side);
    painter->drawPixmap(target, pixmap);
}

} // namespace Recup
