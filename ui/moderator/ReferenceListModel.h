// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace Recup {

// One kind of reference data as the editor lists it (organisations, services, sites,
// categories, rejection reasons): a few columns of text, then the row's state in words
// ("Active" / "Inactive"), an inactive row also greyed and in italics. Answers
// WorkWindow::RowIdRole with the row's id.
class ReferenceListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Row
    {
        qint64 id = 0;
        QStringList cells; // one per header, the state column excepted
        bool active = true;
    };

    // `headers` name the text columns; the state column follows them.
    explicit ReferenceListModel(QStringList headers, QObject *parent = nullptr);

    void setRows(QList<Row> rows);
    const Row *row(int index) const;
    // The row showing `id`, -1 when none.
    int rowOf(qint64 id) const;
    int stateColumn() const { return int(m_headers.size()); }
    static QString stateText(bool active);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QList<Row> m_rows;
};

} // namespace Recup
