// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Pickup.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QList>

namespace Recup {

// The transports as logistics staff plan them, in the order the repository gives (due day,
// departure site, team, stop): when each is due, where it stands, what it carries, from where
// to where, and which team stops there in which order. An overdue transport says so in words
// and in a tinted row.
class PickupListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        DueColumn,
        StatusColumn,
        ItemColumn,
        QuantityColumn,
        WeightColumn,
        FromColumn,
        ToColumn,
        TeamColumn,
        StopColumn,
        ColumnCount
    };
    // RowIdRole (WorkWindow) is Qt::UserRole: the pickup's id.
    enum Role { PickupIdRole = Qt::UserRole, StatusKeyRole, DueDateRole, OverdueRole };

    explicit PickupListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the rows, in the order given; `today` (the platform's) decides what is overdue.
    void setPickups(const QList<Pickup> &pickups, const QDate &today);

    const Pickup *pickup(int row) const;
    int rowOfPickup(qint64 id) const;
    const QList<Pickup> &pickups() const { return m_pickups; }
    QDate today() const { return m_today; }

    // The day a transport is due: planned, else wished.
    static QDate dueDate(const Pickup &pickup);
    // "Planned", or "Planned — overdue".
    static QString statusText(const Pickup &pickup, const QDate &today);
    // Everything the row's tooltips tell (addresses, contacts and phones, who gives to whom,
    // notes) in one text: for the keyboard (the window's detail line) and screen readers (the
    // cells' accessible description), who never see a tooltip.
    QString detailText(int row) const;
    // One line per day present (cancelled transports left out), in order: "Mon 7 Dec: 3 transports,
    // 120 kg".
    QStringList dayTotals() const;

private:
    QString endText(const PickupEnd &end) const;

    QList<Pickup> m_pickups;
    QDate m_today;
};

} // namespace Recup
