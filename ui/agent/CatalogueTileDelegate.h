// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace Recup {

// One ad of the catalogue as a tile of the thumbnail grid: its photo, its title on two lines at
// most, what is left of the lot (« 7 sur 12 disponibles ») and its site. Reads the rows of
// CatalogueModel (the grid shows its title column).
class CatalogueTileDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int TileWidth = 184;

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter,
               const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// The photo column of the catalogue's list: the thumbnail drawn as it is. Through QIcon (the
// default delegate), every thumbnail painted would also stay in QPixmapCache, up to 10 MB the
// model's bounded cache does not know of.
class CatalogueThumbnailDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter,
               const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace Recup
