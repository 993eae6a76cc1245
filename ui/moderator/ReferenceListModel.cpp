// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/ReferenceListModel.h"

#include "common/Look.h"
#include "common/WorkWindow.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace Recup {

ReferenceListModel::ReferenceListModel(QStringList headers, QObject *parent)
    : QAbstractTableModel(parent)
    , m_headers(std::move(headers))
{}

void ReferenceListModel::setRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const ReferenceListModel::Row *ReferenceListModel::row(int index) const
{
    return index >= 0 && index < m_rows.size() ? &m_rows.at(index) : nullptr;
}

int ReferenceListModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

QString ReferenceListModel::stateText(bool active)
{
    return active ? tr("Active") : tr("Inactive");
}

int ReferenceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReferenceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size()) + 1;
}

QVariant ReferenceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (index.column() == stateColumn())
            return stateText(row.active);
        return row.cells.value(index.column());
    case WorkWindow::RowIdRole:
        return row.id;
    case Qt::ForegroundRole:
        if (!row.active)
            return Look::secondaryText(QGuiApplication::palette());
        return {};
    case Qt::FontRole:
        if (!row.active) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant ReferenceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0
        || section > stateColumn())
        return {};
    return section == stateColumn() ? tr("State") : m_headers.value(section);
}

} // namespace Recup
