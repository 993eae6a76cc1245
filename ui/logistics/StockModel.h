// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Store.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace Recup {

// A general store's stock, longest stored first: the item, how many, how heavy, since when,
// who gave it, where its ad stands, and (for moderators) its value. An item stored longer than
// LongStayDays says so in words and in a tinted row: the keeper may throw it away.
class StockModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int LongStayDays = 180;
    enum Column {
        ItemColumn,
        QuantityColumn,
        WeightColumn,
        SinceColumn,
        GivenByColumn,
        StateColumn,
        ValueColumn,
        ColumnCount
    };
    // RowIdRole (WorkWindow) is Qt::UserRole: the ad's id.
    enum Role { AdIdRole = Qt::UserRole };

    explicit StockModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setItems(const QList<StockItem> &items, const QDateTime &now);
    const StockItem *item(int row) const;
    const QList<StockItem> &items() const { return m_items; }
    bool stayedTooLong(const StockItem &item) const;
    // "12 items, 340 kg" for the header's line.
    QString totalsText() const;

private:
    QList<StockItem> m_items;
    QDateTime m_now;
};

} // namespace Recup
