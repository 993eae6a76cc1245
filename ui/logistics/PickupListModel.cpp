// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logistics/PickupListModel.h"

#include "common/Look.h"
#include "domain/Amounts.h"
#include "lifecycle/PickupLifecycle.h"

#include <QBrush>
#include <QGuiApplication>
#include <QLocale>
#include <QMap>
#include <QPalette>

namespace Recup {

PickupListModel::PickupListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int PickupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pickups.size());
}

int PickupListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QDate PickupListModel::dueDate(const Pickup &pickup)
{
    return pickup.plannedDate.isValid() ? pickup.plannedDate : pickup.wishedDate;
}

QString PickupListModel::statusText(const Pickup &pickup, const QDate &today)
{
    const QString name = PickupLifecycle::statusName(pickup.status);
    return pickup.isOverdue(today) ? tr("%1 — overdue", "a transport's status").arg(name) : name;
}

QString PickupListModel::endText(const PickupEnd &end) const
{
    if (end.room.isEmpty())
        return end.siteName;
    return tr("%1, %2", "a site, then a building and room").arg(end.siteName, end.room);
}

QString PickupListModel::detailText(int row) const
{
    if (row < 0 || row >= m_pickups.size())
        return {};
    const Pickup &p = m_pickups.at(row);
    auto end = [this](const PickupEnd &e) -> QString {
        QStringList parts{endText(e)};
        if (!e.siteAddress.isEmpty())
            parts.append(e.siteAddress);
        if (!e.contact.isEmpty())
            parts.append(e.contact);
        if (!e.phone.isEmpty())
            parts.append(e.phone);
        return parts.join(QLatin1String(", "));
    };
    QStringList lines{tr("From: %1", "a transport's start").arg(end(p.from)),
                      tr("To: %1", "a transport's destination").arg(end(p.to)),
                      tr("Given by %1 to %2").arg(p.givingServiceName, p.receivingServiceName)};
    if (p.isOverdue(m_today))
        lines.prepend(tr("Overdue: this transport was due on %1 and is not done yet.")
                              .arg(QLocale().toString(dueDate(p), QLocale::LongFormat)));
    if (!p.notes.isEmpty())
        lines.append(tr("Notes: %1").arg(p.notes));
    return lines.join(u'\n');
}

QVariant PickupListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Pickup &p = m_pickups.at(index.row());
    const int column = index.column();
    const bool overdue = p.isOverdue(m_today);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case DueColumn:
            return QLocale().toString(dueDate(p), QStringLiteral("ddd d MMM yyyy"));
        case StatusColumn:
            return statusText(p, m_today);
        case ItemColumn:
            return p.categoryName.isEmpty() ? p.adTitle
                                            : tr("%1 (%2)", "an item, then its category")
                                                      .arg(p.adTitle, p.categoryName);
        case QuantityColumn:
            return QLocale().toString(p.quantity);
        case WeightColumn:
            return p.weightGrams > 0 ? Amounts::kilogramText(p.weightGrams) : QString();
        case FromColumn:
            return endText(p.from);
        case ToColumn:
            return endText(p.to);
        case TeamColumn:
            return p.team;
        case StopColumn:
            return p.stopOrder > 0 ? QLocale().toString(p.stopOrder) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        if (overdue)
            return tr("Overdue: this transport was due on %1 and is not done yet.")
                    .arg(QLocale().toString(dueDate(p), QLocale::LongFormat));
        switch (column) {
        case DueColumn:
            return p.plannedDate.isValid()
                           ? tr("Planned for this day (wished: %1)")
                                     .arg(QLocale().toString(p.wishedDate, QLocale::LongFormat))
                           : tr("Wished for this day; not planned yet");
        case StatusColumn:
            return p.status == PickupStatus::Cancelled && !p.cancelReason.isEmpty()
                           ? tr("Cancelled: %1").arg(p.cancelReason)
                           : QString();
        case FromColumn:
        case ToColumn: {
            const PickupEnd &end = column == FromColumn ? p.from : p.to;
            QStringList lines{endText(end)};
            if (!end.siteAddress.isEmpty())
                lines.append(end.siteAddress);
            if (!end.contact.isEmpty() || !end.phone.isEmpty())
                lines.append(QStringList{end.contact, end.phone}.join(QLatin1String(" — ")));
            return lines.join(u'\n');
        }
        case ItemColumn: {
            QStringList lines{
                    tr("Given by %1 to %2").arg(p.givingServiceName, p.receivingServiceName)};
            if (!p.notes.isEmpty())
                lines.append(p.notes);
            return lines.join(u'\n');
        }
        case WeightColumn:
            return p.weightGrams > 0 ? QString() : tr("Weight unknown");
        default:
            return {};
        }
    }
    case Qt::AccessibleDescriptionRole:
        return detailText(index.row());
    case Qt::TextAlignmentRole:
        if (column == QuantityColumn || column == WeightColumn || column == StopColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (overdue)
            return QBrush(Look::toneBackground(QGuiApplication::palette(), Look::Tone::Danger));
        return {};
    case Qt::ForegroundRole:
        if (overdue)
            return QBrush(column == StatusColumn
                                  ? Look::toneText(QGuiApplication::palette(), Look::Tone::Danger)
                                  : Look::textOnTint(QGuiApplication::palette()));
        if (p.status == PickupStatus::Cancelled) // nobody goes there: it steps back
            return QBrush(Look::secondaryText(QGuiApplication::palette()));
        return {};
    case PickupIdRole:
        return p.id;
    case StatusKeyRole:
        return pickupStatusKey(p.status);
    case DueDateRole:
        return dueDate(p);
    case OverdueRole:
        return overdue;
    default:
        return {};
    }
}

QVariant PickupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DueColumn:
        return tr("Due");
    case StatusColumn:
        return tr("Status");
    case ItemColumn:
        return tr("Item");
    case QuantityColumn:
        return tr("Qty");
    case WeightColumn:
        return tr("Weight");
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case TeamColumn:
        return tr("Team");
    case StopColumn:
        return tr("Stop");
    default:
        return {};
    }
}

void PickupListModel::setPickups(const QList<Pickup> &pickups, const QDate &today)
{
    beginResetModel();
    m_pickups = pickups;
    m_today = today;
    endResetModel();
}

const Pickup *PickupListModel::pickup(int row) const
{
    return row >= 0 && row < m_pickups.size() ? &m_pickups.at(row) : nullptr;
}

int PickupListModel::rowOfPickup(qint64 id) const
{
    for (int row = 0; row < m_pickups.size(); ++row) {
        if (m_pickups.at(row).id == id)
            return row;
    }
    return -1;
}

QStringList PickupListModel::dayTotals() const
{
    struct Total
    {
        int count = 0;
        qint64 grams = 0;
    };
    QMap<QDate, Total> days; // in date order
    for (const Pickup &p : m_pickups) {
        if (p.status == PickupStatus::Cancelled)
            continue; // nobody goes there
        Total &total = days[dueDate(p)];
        ++total.count;
        total.grams += p.weightGrams;
    }
    QStringList lines;
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        lines.append(tr("%1: %n transport(s), %2", "a day, how many, their weight", it->count)
                             .arg(QLocale().toString(it.key(), QStringLiteral("ddd d MMM")),
                                  Amounts::kilogramText(it->grams)));
    }
    return lines;
}

} // namespace Recup
