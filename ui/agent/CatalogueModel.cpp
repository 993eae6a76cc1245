// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/CatalogueModel.h"
#include "common/Look.h"

#include "storage/CatalogueFeed.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QSize>
#include <QTimer>

namespace Recup {

CatalogueModel::CatalogueModel(CatalogueFeed *feed, QObject *parent)
    : QAbstractTableModel(parent)
    , m_feed(feed)
    , m_generation(1)
{
    const qreal ratio = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    m_feed->setThumbnailSize(QSize(ThumbnailSide, ThumbnailSide), ratio);
    connect(m_feed, &CatalogueFeed::pageReady, this, &CatalogueModel::onPageReady);
    connect(m_feed, &CatalogueFeed::failed, this, &CatalogueModel::onFailed);
    connect(m_feed, &CatalogueFeed::thumbnailsReady, this, &CatalogueModel::onThumbnailsReady);
    // A failed batch is asked again at the next paint of its rows; the page's error says more.
    connect(m_feed, &CatalogueFeed::thumbnailsFailed, this, [this] {
        m_wanted.clear();
        m_wantedKeys.clear();
    });
}

int CatalogueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CatalogueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CatalogueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CatalogueEntry &entry = m_entries.at(index.row());
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case TitleColumn:
            return entry.title;
        case CategoryColumn:
            return entry.categoryName;
        case ServiceColumn:
            return entry.serviceName;
        case SiteColumn:
            return entry.siteName;
        case AgeColumn:
            return ageText(entry.publishedAt, QDateTime::currentDateTimeUtc());
        case StateColumn:
            return entry.state == AdState::Published ? QString() : displayName(entry.state);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (column == PhotoColumn) {
            if (entry.photoId <= 0)
                return placeholder();
            if (const QPixmap *held = m_thumbnails.object({entry.photoId, entry.photoVersion}))
                return *held;
            wantThumbnail(entry);
            return placeholder();
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case TitleColumn:
            return entry.quantity > 1 ? tr("%1 (quantity: %2)").arg(entry.title).arg(entry.quantity)
                                      : entry.title;
        case ServiceColumn:
            return tr("%1 — %2").arg(entry.serviceName, entry.organisationName);
        case AgeColumn:
            return tr("Published on %1")
                    .arg(QLocale().toString(entry.publishedAt.toLocalTime(), QLocale::LongFormat));
        case StateColumn:
            return entry.state == AdState::Reserved
                           ? tr("Someone has already asked for this item; it may become "
                                "available again.")
                           : QString();
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (column == PhotoColumn)
            return int(Qt::AlignCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (column == TitleColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == StateColumn && entry.state == AdState::Reserved)
            return QBrush(Look::toneText(QGuiApplication::palette(),
                                         Look::Tone::Warning)); // dark amber, readable on white
        return {};
    case Qt::SizeHintRole:
        if (column == PhotoColumn)
            return QSize(ThumbnailSide + 12, ThumbnailSide + 8);
        return {};
    case AdIdRole:
        return entry.id;
    case StateRole:
        return toKey(entry.state);
    case PublishedAtRole:
        return entry.publishedAt;
    case QuantityRole:
        return entry.quantity;
    case OrganisationRole:
        return entry.organisationName;
    case AvailabilityRole:
        return availabilityText(entry);
    case Qt::AccessibleTextRole:
        // What a screen reader says of a row of the list or a tile of the grid.
        if (column == TitleColumn) {
            QStringList parts{entry.title};
            if (const QString left = availabilityText(entry); !left.isEmpty())
                parts << left;
            parts << entry.siteName;
            return parts.join(QStringLiteral(", "));
        }
        return {};
    default:
        return {};
    }
}

QVariant CatalogueModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case ServiceColumn:
        return tr("Service");
    case SiteColumn:
        return tr("Site");
    case AgeColumn:
        return tr("Published");
    case StateColumn:
        return tr("Status");
    default:
        return {};
    }
}

Qt::ItemFlags CatalogueModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

bool CatalogueModel::canFetchMore(const QModelIndex &parent) const
{
    // After an error, wait for reload(): a view would otherwise ask again and again.
    return !parent.isValid() && !m_atEnd && !m_loading && !m_error;
}

void CatalogueModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestNextPage();
}

void CatalogueModel::setFilter(const CatalogueFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    ++m_generation;
    m_next = {};
    m_atEnd = false;
    m_error.reset();
    m_entries.clear();
    // The decoded thumbnails stay: keyed by photo and version, they serve the next filter too.
    m_wanted.clear();
    m_wantedKeys.clear();
    m_loading = false;
    endResetModel();
    requestNextPage();
}

void CatalogueModel::reload()
{
    setFilter(m_filter);
}

const CatalogueEntry *CatalogueModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

qint64 CatalogueModel::adId(int row) const
{
    const CatalogueEntry *found = entry(row);
    return found ? found->id : 0;
}

bool CatalogueModel::hasThumbnail(int row) const
{
    const CatalogueEntry *found = entry(row);
    return found && found->photoId > 0
           && m_thumbnails.contains({found->photoId, found->photoVersion});
}

int CatalogueModel::rowOfAd(qint64 adId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).id == adId)
            return row;
    }
    return -1;
}

QString CatalogueModel::ageText(const QDateTime &publishedAt, const QDateTime &now)
{
    if (!publishedAt.isValid())
        return {};
    const QDate published = publishedAt.toLocalTime().date();
    const QDate today = now.toLocalTime().date();
    const qint64 days = published.daysTo(today);
    if (days <= 0)
        return tr("Today");
    if (days == 1)
        return tr("Yesterday");
    if (days < 30)
        return tr("%n day(s) ago", nullptr, int(days));
    int months = (today.year() - published.year()) * 12 + today.month() - published.month();
    if (today.day() < published.day())
        --months;
    months = std::max(months, 1);
    if (months < 12)
        return tr("%n month(s) ago", nullptr, months);
    return tr("%n year(s) ago", nullptr, months / 12);
}

QString CatalogueModel::availabilityText(const CatalogueEntry &entry)
{
    // Reserved, the whole ad or every unit of the lot (CatalogueQuery): that, not « 0 of 12 ».
    if (entry.state == AdState::Reserved)
        return displayName(entry.state);
    if (entry.quantityLeft >= 0 && entry.quantityLeft < entry.quantity)
        return tr("%1 of %2 available")
                .arg(QLocale().toString(entry.quantityLeft), QLocale().toString(entry.quantity));
    if (entry.quantity > 1)
        return tr("%1 available").arg(QLocale().toString(entry.quantity));
    return {};
}

void CatalogueModel::onPageReady(quint64 generation, const CataloguePage &page)
{
    if (generation != m_generation || !m_loading)
        return; // an answer for a filter the user has left
    m_error.reset();
    QList<CatalogueEntry> fresh;
    for (const CatalogueEntry &candidate : page.entries) {
        if (rowOfAd(candidate.id) < 0) // keyset paging never repeats a row; be safe anyway
            fresh.append(candidate);
    }
    m_next = page.next;
    m_atEnd = page.atEnd || page.entries.isEmpty();
    if (!fresh.isEmpty()) {
        const int first = int(m_entries.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        m_entries.append(fresh);
        endInsertRows();
    }
    // The page's pictures, in one request once the rows are shown.
    for (const CatalogueEntry &shown : std::as_const(fresh)) {
        if (shown.photoId > 0 && !m_thumbnails.contains({shown.photoId, shown.photoVersion}))
            wantThumbnail(shown);
    }
    setLoading(false);
    emit pageLoaded();
}

void CatalogueModel::keepThumbnail(const CatalogueEntry &entry, const QImage &image)
{
    if (entry.photoId <= 0)
        return;
    const PhotoKey key{entry.photoId, entry.photoVersion};
    if (image.isNull())
        m_withoutPicture.insert(key);
    else
        m_thumbnails.insert(key, new QPixmap(QPixmap::fromImage(image)));
}

void CatalogueModel::wantThumbnail(const CatalogueEntry &entry) const
{
    const PhotoKey key{entry.photoId, entry.photoVersion};
    if (m_withoutPicture.contains(key) || m_wantedKeys.contains(key))
        return;
    m_wanted.append(entry);
    m_wantedKeys.insert(key);
    // The rows painted now are the ones wanted: asked for together once the paint is over.
    if (!m_requestQueued) {
        m_requestQueued = true;
        QTimer::singleShot(0, this, [this] { requestWantedThumbnails(); });
    }
}

void CatalogueModel::requestWantedThumbnails() const
{
    m_requestQueued = false;
    // The rows shown last come first; older wishes are for rows scrolled past long ago, and
    // are asked again if they are painted again.
    while (m_wanted.size() > ThumbnailsPerRequest) {
        const CatalogueEntry dropped = m_wanted.takeFirst();
        m_wantedKeys.remove({dropped.photoId, dropped.photoVersion});
    }
    if (!m_wanted.isEmpty())
        m_feed->requestThumbnails(m_wanted);
}

void CatalogueModel::onThumbnailsReady(const QList<CatalogueEntry> &entries,
                                       const QList<QImage> &images)
{
    QSet<PhotoKey> answered;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const CatalogueEntry &answeredEntry = entries.at(i);
        const PhotoKey key{answeredEntry.photoId, answeredEntry.photoVersion};
        keepThumbnail(answeredEntry, images.value(i));
        answered.insert(key);
        m_wantedKeys.remove(key);
    }
    m_wanted.removeIf([&answered](const CatalogueEntry &wanted) {
        return answered.contains({wanted.photoId, wanted.photoVersion});
    });
    // Repaint the rows that show these photos, in runs of neighbouring rows.
    int first = -1;
    for (int row = 0; row <= int(m_entries.size()); ++row) {
        const bool shows
                = row < m_entries.size()
                  && answered.contains({m_entries.at(row).photoId, m_entries.at(row).photoVersion});
        if (shows && first < 0)
            first = row;
        if (!shows && first >= 0) {
            emit dataChanged(
                    index(first, 0), index(row - 1, ColumnCount - 1), {Qt::DecorationRole});
            first = -1;
        }
    }
}

void CatalogueModel::onFailed(quint64 generation, const Error &error)
{
    if (generation != m_generation || !m_loading)
        return;
    m_error = error;
    setLoading(false);
    emit loadFailed(error);
}

void CatalogueModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void CatalogueModel::requestNextPage()
{
    setLoading(true);
    m_feed->requestPage(m_generation, m_filter, m_next, PageSize);
}

QPixmap CatalogueModel::placeholder() const
{
    if (!m_placeholder.isNull())
        return m_placeholder;
    const qreal ratio = qGuiApp ? qGuiApp->devicePixelRatio() : 1.0;
    QPixmap pixmap(QSize(ThumbnailSide, ThumbnailSide) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF box(4, 4, ThumbnailSide - 8, ThumbnailSide - 8);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0xec, 0xef, 0xf2));
    painter.drawRoundedRect(box, 6, 6);
    // A small landscape: "no photo" without words.
    painter.setBrush(QColor(0xb8, 0xc0, 0xc8));
    QPainterPath hills;
    hills.moveTo(box.left() + 10, box.bottom() - 12);
    hills.lineTo(box.left() + 22, box.top() + 26);
    hills.lineTo(box.left() + 32, box.bottom() - 20);
    hills.lineTo(box.left() + 38, box.top() + 32);
    hills.lineTo(box.right() - 10, box.bottom() - 12);
    hills.closeSubpath();
    painter.drawPath(hills);
    painter.drawEllipse(QPointF(box.right() - 16, box.top() + 16), 5, 5);
    painter.end();
    m_placeholder = pixmap;
    return m_placeholder;
}

} // namespace Recup
