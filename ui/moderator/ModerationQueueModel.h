// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/ModerationQueue.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPixmap>

namespace Recup {

// The pending ads as a table, the longest-waiting first.
class ModerationQueueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PhotoColumn,
        TitleColumn,
        CategoryColumn,
        OwnerColumn,
        SiteColumn,
        WaitingColumn,
        ColumnCount
    };
    enum Role { AdIdRole = Qt::UserRole, VersionRole, SubmittedAtRole };
    static constexpr int ThumbnailSide = 64;
    // From this many days on, the waiting time is highlighted.
    static constexpr int LongWaitDays = 3;

    explicit ModerationQueueModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the rows; now is the time waiting times are counted to.
    void setEntries(const QList<ModerationEntry> &entries, const QDateTime &now);

    const ModerationEntry *entry(int row) const;
    // The moderator who reads the queue: their own claims are not announced to them.
    void setViewer(qint64 moderatorId) { m_viewerId = moderatorId; }
    qint64 adId(int row) const;
    int rowOfAd(qint64 adId) const;

    // "for 5 minutes", "for 3 hours", "for 2 days" (French: "depuis 2 jours").
    static QString waitingText(const QDateTime &since, const QDateTime &now);

private:
    static QPixmap placeholder();

    QList<ModerationEntry> m_entries;
    QList<QPixmap> m_thumbnails;
    QDateTime m_now;
    qint64 m_viewerId = 0;
};

} // namespace Recup
