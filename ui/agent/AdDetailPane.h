// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Ad.h"
#include "storage/CatalogueFeed.h"

#include <QImage>
#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace Recup {

// What an agent sees of one ad: photos, title, category, quantity, where it is, who gives it,
// when it was published and its description. Never its value in euros: only its owner and the
// moderators may see that.
class PhotoView;

class AdDetailPane : public QWidget
{
    Q_OBJECT
public:
    explicit AdDetailPane(QWidget *parent = nullptr);

    void setReferences(const CatalogueReferences &references);

    // Nothing selected.
    void clear();
    // At once, from the list row, while the whole ad loads.
    void showEntry(const CatalogueEntry &entry);
    // The whole ad, with its photos already decoded and scaled.
    void showAd(const Ad &ad, const QList<QImage> &photos);
    void showLoadError(const Error &error);

    qint64 adId() const { return m_adId; }
    // Who is looking: Contact is offered on other people's ads only (0: nobody signed in).
    void setViewerId(qint64 agentId);
    QPushButton *contactButton() const { return m_contact; }
    // When the viewer asked about the ad shown (invalid: never): « You asked for this item on
    // 3 December. » above Contact, disabled, since the server refuses a second request.
    void setAskedAt(qint64 adId, const QDateTime &askedAt);
    QDateTime askedAt() const { return m_askedAt; }
    QLabel *askedLabel() const { return m_asked; }
    QToolButton *fullSizeButton() const { return m_fullSize; }
    PhotoView *photoView() const { return m_photo; }
    int photoIndex() const { return m_photoIndex; }

signals:
    void contactRequested(qint64 adId, qint64 ownerId, const QString &title);
    // Enter or Space on the photo, or its button: the photos at full size, from that one.
    void fullSizeRequested(qint64 adId, int photoIndex, const QString &title);

private:
    void showPhoto(int index);
    void updateContact();
    QString siteText(qint64 siteId, const QString &fallbackName, const QString &room) const;
    QString serviceText(qint64 serviceId,
                        const QString &fallbackService,
                        const QString &fallbackOrganisation) const;
    QString publishedText(const QDateTime &publishedAt) const;

    CatalogueReferences m_references;
    qint64 m_adId = 0;
    qint64 m_ownerId = 0; // known once the whole ad is loaded
    qint64 m_viewerId = 0;
    QString m_adTitle;
    QDateTime m_askedAt{};
    CatalogueEntry m_entry;
    QList<QImage> m_photos;
    int m_photoIndex = 0;

    QStackedWidget *m_stack = nullptr;
    PhotoView *m_photo = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QLabel *m_photoCounter = nullptr;
    QToolButton *m_fullSize = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_availability = nullptr; // « Available from 3 December », when not yet
    QLabel *m_category = nullptr;
    QLabel *m_quantity = nullptr;
    QLabel *m_site = nullptr;
    QLabel *m_service = nullptr;
    QLabel *m_published = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_loading = nullptr;
    QPushButton *m_contact = nullptr;
    QLabel *m_asked = nullptr; // « You asked for this item on 3 December. »
};

} // namespace Recup
