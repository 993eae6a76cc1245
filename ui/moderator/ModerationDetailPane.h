// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Ad.h"
#include "domain/Reference.h"
#include "storage/ModerationQueue.h"

#include <QDateTime>
#include <QImage>
#include <QList>
#include <QWidget>

class QLabel;
class QHBoxLayout;
class QStackedWidget;
class QToolButton;

namespace Recup {

class PhotoView;

// Everything a moderator needs to decide on one ad, read by the window.
struct ModerationDetails
{
    Ad ad; // its photos' bytes are left on the reading thread: the pictures come decoded
    QList<QImage> photos;     // decoded and fitted to the pane off the GUI thread
    QList<QImage> thumbnails; // the strip's, likewise
    QString categoryName;
    Site site;
    Agent owner;
    QString ownerServiceName;
    QDateTime submittedAt;
    // Earlier steps, oldest first: "12/03 14:05 — Luc Petit: Rejected — “blurry photo”".
    QStringList history;
    // What became of the poster's other ads.
    PosterRecord poster;
    // Another moderator looks at it: « Claire Martin regarde cette annonce… » (empty: nobody).
    QString claimNotice;
    // The title or description suggests an excluded category: one sentence each.
    QStringList warnings;
};

// What moderators see of one ad: photos, description, value in euros (theirs to see), weight,
// quantity, where it is, who posted it with their email, and its story so far.
class ModerationDetailPane : public QWidget
{
    Q_OBJECT
public:
    // The size the reading thread fits photos into, and the strip's thumbnails' side.
    static QSize photoSize();
    static constexpr int StripSide = 48;

    explicit ModerationDetailPane(QWidget *parent = nullptr);

    // Nothing selected: the sentence says why (empty queue, no selection).
    void clear(const QString &why);
    void showDetails(const ModerationDetails &details);
    void showLoadError(const Error &error);

    qint64 adId() const { return m_details.ad.id; }
    QToolButton *fullSizeButton() const { return m_fullSize; }

signals:
    // Enter or Space on the photo, a double click or « Full size »: the ad's photos at full
    // size, from the one shown.
    void fullSizeRequested(qint64 adId, int photoIndex, const QString &title);

private:
    void showPhoto(int index);
    static QString posterText(const PosterRecord &poster);

    ModerationDetails m_details;
    int m_photoIndex = 0;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    PhotoView *m_photo = nullptr;
    QToolButton *m_fullSize = nullptr;
    QWidget *m_strip = nullptr;
    QHBoxLayout *m_stripLayout = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_category = nullptr;
    QLabel *m_quantity = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_weight = nullptr;
    QLabel *m_place = nullptr;
    QLabel *m_owner = nullptr;
    QLabel *m_waiting = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_history = nullptr;
    QLabel *m_claim = nullptr;
    QLabel *m_warnings = nullptr;
    QLabel *m_poster = nullptr;
};

} // namespace Recup
