// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logistics/StockModel.h"

#include "common/Look.h"
#include "domain/Amounts.h"

#include <QBrush>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace Recup {

StockModel::StockModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int StockModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int StockModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool StockModel::stayedTooLong(const StockItem &item) const
{
    return item.daysStored(m_now) >= LongStayDays;
}

QVariant StockModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StockItem &i = m_items.at(index.row());
    const int column = index.column();
    const bool longStay = stayedTooLong(i);
    const qint64 days = i.daysStored(m_now);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ItemColumn:
            return i.categoryName.isEmpty() ? i.title
                                            : tr("%1 (%2)", "an item, then its category")
                                                      .arg(i.title, i.categoryName);
        case QuantityColumn:
            return QLocale().toString(i.quantity);
        case WeightColumn:
            return i.weightGrams > 0
                           ? (i.weightEstimated
                                      ? tr("≈ %1").arg(Amounts::kilogramText(i.weightGrams))
                                      : Amounts::kilogramText(i.weightGrams))
                           : QString();
        case SinceColumn: {
            const QString day
                    = QLocale().toString(i.storedAt.toLocalTime().date(), QLocale::ShortFormat);
            return days < 1 ? tr("%1 (today)", "stored since a date").arg(day)
                            : tr("%1 (%n day(s))", "stored since a date", int(days)).arg(day);
        }
        case GivenByColumn:
            return i.givenBy;
        case StateColumn:
            return longStay ? tr("%1 — stored for long", "an ad's state").arg(displayName(i.state))
                            : displayName(i.state);
        case ValueColumn:
            return i.valueCents ? Amounts::euroText(*i.valueCents) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (longStay)
            return tr("In the store for %n day(s): give it out, or throw it away saying why.",
                      nullptr,
                      int(days));
        if (column == WeightColumn && i.weightEstimated)
            return tr("Estimated from the category's unit weight");
        return {};
    case Qt::TextAlignmentRole:
        if (column == QuantityColumn || column == WeightColumn || column == ValueColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::BackgroundRole:
        if (longStay)
            return QBrush(Look::toneBackground(QGuiApplication::palette(), Look::Tone::Warning));
        return {};
    case Qt::ForegroundRole:
        if (longStay)
            return QBrush(Look::textOnTint(QGuiApplication::palette()));
        return {};
    case AdIdRole:
        return i.adId;
    default:
        return {};
    }
}

QVariant StockModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ItemColumn:
        return tr("Item");
    case QuantityColumn:
        return tr("Qty");
    case WeightColumn:
        return tr("Weight");
    case SinceColumn:
        return tr("In store since");
    case GivenByColumn:
        return tr("Given by");
    case StateColumn:
        return tr("Ad");
    case ValueColumn:
        return tr("Value");
    default:
        return {};
    }
}

void StockModel::setItems(const QList<StockItem> &items, const QDateTime &now)
{
    beginResetModel();
    m_items = items;
    m_now = now;
    endResetModel();
}

const StockItem *StockModel::item(int row) const
{
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

QString StockModel::totalsText() const
{
    qint64 grams = 0;
    int quantity = 0;
    int longStays = 0;
    for (const StockItem &i : m_items) {
        grams += i.weightGrams;
        quantity += i.quantity;
        longStays += stayedTooLong(i) ? 1 : 0;
    }
    QString text = tr("%n item(s) in stock", nullptr, quantity) + QStringLiteral(", ")
                   + Amounts::kilogramText(grams);
    if (longStays > 0)
        text += QStringLiteral(" — ")
                + tr("%n stored for more than %1 days", nullptr, longStays).arg(LongStayDays);
    return text;
}

} // namespace Recup
