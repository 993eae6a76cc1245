// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/ModerationQueueModel.h"
#include "common/Look.h"

#include "media/PhotoScaler.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QPalette>

namespace Recup {

ModerationQueueModel::ModerationQueueModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int ModerationQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ModerationQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModerationQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ModerationEntry &entry = m_entries.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TitleColumn:
            return entry.title;
        case CategoryColumn:
            return entry.categoryName;
        case OwnerColumn:
            return entry.serviceName.isEmpty()
                           ? entry.ownerName
                           : tr("%1\n%2").arg(entry.ownerName, entry.serviceName);
        case SiteColumn:
            return entry.siteName;
        case WaitingColumn:
            // Another moderator has it open: said in words, under the waiting time.
            if (entry.claimedById != 0 && entry.claimedById != m_viewerId)
                return tr("%1\n%2 is looking at it")
                        .arg(waitingText(entry.submittedAt, m_now), entry.claimedByName);
            return waitingText(entry.submittedAt, m_now);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column == PhotoColumn) {
            const QPixmap &pixmap = m_thumbnails.at(index.row());
            return pixmap.isNull() ? placeholder() : pixmap;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case TitleColumn:
            return entry.title;
        case OwnerColumn:
            return tr("%1, %2").arg(entry.ownerName, entry.serviceName);
        case WaitingColumn:
            return tr("Sent to moderation on %1")
                    .arg(QLocale().toString(entry.submittedAt.toLocalTime(), QLocale::LongFormat));
        default:
            return {};
        }
    case Qt::AccessibleTextRole:
        if (column == PhotoColumn)
            return entry.thumbnail.isEmpty() ? tr("No photo") : tr("Photo of the item");
        return {};
    case Qt::TextAlignmentRole:
        if (column == PhotoColumn)
            return int(Qt::AlignCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (column == TitleColumn
            || (column == WaitingColumn && entry.submittedAt.daysTo(m_now) >= LongWaitDays)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == WaitingColumn && entry.submittedAt.daysTo(m_now) >= LongWaitDays)
            return QBrush(Look::toneText(QGuiApplication::palette(),
                                         Look::Tone::Warning)); // dark amber: long waits first
        return {};
    case Qt::SizeHintRole:
        if (column == PhotoColumn)
            return QSize(ThumbnailSide + 12, ThumbnailSide + 8);
        return {};
    case AdIdRole:
        return entry.id;
    case VersionRole:
        return entry.version;
    case SubmittedAtRole:
        return entry.submittedAt;
    default:
        return {};
    }
}

QVariant ModerationQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case PhotoColumn:
        return tr("Photo");
    case TitleColumn:
        return tr("Item");
    case CategoryColumn:
        return tr("Category");
    case OwnerColumn:
        return tr("Posted by");
    case SiteColumn:
        return tr("Site");
    case WaitingColumn:
        return tr("Waiting");
    default:
        return {};
    }
}

void ModerationQueueModel::setEntries(const QList<ModerationEntry> &entries, const QDateTime &now)
{
    beginResetModel();
    m_entries = entries;
    m_now = now;
    m_thumbnails.clear();
    m_thumbnails.reserve(entries.size());
    for (const ModerationEntry &entry : entries) {
        const QImage image = PhotoScaler::thumbnailImage(entry.thumbnail);
        m_thumbnails.append(image.isNull()
                                    ? QPixmap()
                                    : QPixmap::fromImage(image.scaled(ThumbnailSide,
                                                                      ThumbnailSide,
                                                                      Qt::KeepAspectRatio,
                                                                      Qt::SmoothTransformation)));
    }
    endResetModel();
}

const ModerationEntry *ModerationQueueModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

qint64 ModerationQueueModel::adId(int row) const
{
    const ModerationEntry *found = entry(row);
    return found ? found->id : 0;
}

int ModerationQueueModel::rowOfAd(qint64 adId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == adId)
            return row;
    }
    return -1;
}

QString ModerationQueueModel::waitingText(const QDateTime &since, const QDateTime &now)
{
    if (!since.isValid() || !now.isValid())
        return {};
    const qint64 minutes = qMax<qint64>(0, since.secsTo(now) / 60);
    if (minutes < 1)
        return tr("just now");
    if (minutes < 60)
        return tr("for %n minute(s)", nullptr, int(minutes));
    if (minutes < 24 * 60)
        return tr("for %n hour(s)", nullptr, int(minutes / 60));
    return tr("for %n day(s)", nullptr, int(minutes / (24 * 60)));
}

QPixmap ModerationQueueModel::placeholder()
{
    static const QPixmap pixmap = [] {
        QPixmap p(ThumbnailSide, ThumbnailSide);
        p.fill(QColor(0xf3, 0xf5, 0xf7));
        QPainter painter(&p);
        painter.setPen(QColor(0x6b, 0x72, 0x80));
        QFont font = painter.font();
        font.setPointSizeF(font.pointSizeF() * 0.8);
        painter.setFont(font);
        painter.drawText(p.rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No photo"));
        return p;
    }();
    return pixmap;
}

} // namespace Recup
