// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/AdDetailPane.h"

#include "agent/CatalogueModel.h"
#include "common/Look.h"
#include "common/PhotoView.h"
#include "domain/PlatformTime.h"

#include <QApplication>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Recup {

namespace {

// « 7 of 12 available » once part of the lot is reserved or given (issue #13).
QString quantityText(int quantity, int left)
{
    if (left == 0 && quantity > 1) // every unit promised: the lot is reserved in full
        return AdDetailPane::tr("%1, all reserved").arg(QLocale().toString(quantity));
    if (left >= 0 && left < quantity)
        return AdDetailPane::tr("%1 of %2 available")
                .arg(QLocale().toString(left), QLocale().toString(quantity));
    return QLocale().toString(quantity);
}

template<typename T>
const T *findById(const QList<T> &list, qint64 id)
{
    for (const T &item : list) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

} // namespace

AdDetailPane::AdDetailPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("detailPane"));
    m_stack = new QStackedWidget(this);

    // Page 0: nothing selected.
    auto *empty = Look::emptyStateLabel(this, "detailPlaceholder");
    empty->setText(tr("Select an ad in the list to see its details."));
    QFont emptyFont = empty->font();
    emptyFont.setPointSizeF(11);
    empty->setFont(emptyFont);
    m_stack->addWidget(empty);

    // Page 1: the ad.
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("detailContent"));

    m_photo = new PhotoView(210, content);
    m_fullSize = m_photo->addFullSizeButton(content);
    connect(m_photo, &PhotoView::activated, this, [this] {
        if (!m_photos.isEmpty())
            emit fullSizeRequested(m_adId, m_photoIndex, m_adTitle);
    });

    m_previous = new QToolButton(content);
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setToolTip(tr("Previous photo"));
    m_previous->setAccessibleName(tr("Previous photo"));
    connect(m_previous, &QToolButton::clicked, this, [this] { showPhoto(m_photoIndex - 1); });
    m_next = new QToolButton(content);
    m_next->setArrowType(Qt::RightArrow);
    m_next->setToolTip(tr("Next photo"));
    m_next->setAccessibleName(tr("Next photo"));
    connect(m_next, &QToolButton::clicked, this, [this] { showPhoto(m_photoIndex + 1); });
    m_photoCounter = new QLabel(content);
    m_photoCounter->setAlignment(Qt::AlignCenter);

    auto *carousel = new QHBoxLayout;
    carousel->addStretch();
    carousel->addWidget(m_previous);
    carousel->addWidget(m_photoCounter);
    carousel->addWidget(m_next);
    carousel->addWidget(m_fullSize);
    carousel->addStretch();

    m_title = Look::valueLabel(content, "detailTitle");
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_state = new QLabel(content);
    m_state->setObjectName(QStringLiteral("detailState"));
    m_state->setStyleSheet(Look::badgeStyle(QApplication::palette(m_state), Look::Tone::Warning, 4)
                           + QStringLiteral(" padding: 2px 8px; font-weight: normal;"));
    m_state->hide();
    m_availability = Look::valueLabel(content, "detailAvailability");
    m_availability->hide();

    m_category = Look::valueLabel(content, "detailCategory");
    m_quantity = Look::valueLabel(content, "detailQuantity");
    m_site = Look::valueLabel(content, "detailSite");
    m_service = Look::valueLabel(content, "detailService");
    m_published = Look::valueLabel(content, "detailPublished");

    auto *facts = new QFormLayout;
    facts->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    facts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    facts->setRowWrapPolicy(QFormLayout::DontWrapRows);
    facts->setHorizontalSpacing(16);
    facts->setVerticalSpacing(6);
    auto addFact = [&](const QString &name, QLabel *value) {
        auto *label = new QLabel(name, content);
        Look::makeSecondary(label);
        facts->addRow(label, value);
    };
    addFact(tr("Category"), m_category);
    addFact(tr("Quantity"), m_quantity);
    addFact(tr("Where"), m_site);
    addFact(tr("Given by"), m_service);
    addFact(tr("Published"), m_published);

    auto *descriptionHeading = new QLabel(tr("Description"), content);
    QFont headingFont = descriptionHeading->font();
    headingFont.setBold(true);
    descriptionHeading->setFont(headingFont);
    m_description = Look::valueLabel(content, "detailDescription");
    m_description->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_loading = new QLabel(tr("Loading details…"), content);
    m_loading->setObjectName(QStringLiteral("detailLoading"));
    m_loading->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_loading->setWordWrap(true);

    auto *separator = new QFrame(content);
    separator->setFrameShape(QFrame::HLine);
    separator->setFrameShadow(QFrame::Sunken);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 16);
    layout->setSpacing(10);
    layout->addWidget(m_photo);
    layout->addLayout(carousel);
    layout->addWidget(m_title);
    layout->addWidget(m_state, 0, Qt::AlignLeft);
    layout->addWidget(m_availability);
    layout->addLayout(facts);
    layout->addWidget(separator);
    layout->addWidget(descriptionHeading);
    layout->addWidget(m_description);
    layout->addWidget(m_loading);
    layout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    content->setAutoFillBackground(true);
    content->setBackgroundRole(QPalette::Base);
    scroll->setWidget(content);

    // The action stays in sight below the scrolling text, however long the description.
    auto *footer = new QFrame;
    footer->setObjectName(QStringLiteral("detailFooter"));
    footer->setStyleSheet(
            Look::headerBandStyle(QApplication::palette(footer),
                                  QStringLiteral("QFrame#detailFooter"))
                    .replace(QStringLiteral("border-bottom"), QStringLiteral("border-top")));
    m_contact = new QPushButton(tr("Contact"), footer);
    m_contact->setObjectName(QStringLiteral("contactButton"));
    m_contact->setEnabled(false);
    m_contact->setMinimumHeight(32);
    m_contact->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_contact->setAccessibleName(tr("Contact the giver"));
    m_asked = new QLabel(footer);
    m_asked->setObjectName(QStringLiteral("detailAsked"));
    m_asked->setTextFormat(Qt::PlainText);
    m_asked->setWordWrap(true);
    m_asked->hide();
    connect(m_contact, &QPushButton::clicked, this, [this] {
        if (m_adId != 0 && m_ownerId != 0)
            emit contactRequested(m_adId, m_ownerId, m_adTitle);
    });
    auto *professional = new QLabel(tr("Exchanges are between services, for professional use "
                                       "only."),
                                    footer);
    professional->setWordWrap(true);
    Look::makeSecondary(professional);
    auto *footerLayout = new QVBoxLayout(footer);
    footerLayout->setContentsMargins(16, 10, 16, 12);
    footerLayout->setSpacing(6);
    footerLayout->addWidget(m_asked);
    footerLayout->addWidget(m_contact);
    footerLayout->addWidget(professional);

    // A card beside the table, framed alike.
    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("detailCard"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setAutoFillBackground(true);
    card->setBackgroundRole(QPalette::Base);
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(1, 1, 1, 1);
    cardLayout->setSpacing(0);
    cardLayout->addWidget(scroll, 1);
    cardLayout->addWidget(footer);
    m_stack->addWidget(card);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    clear();
}

void AdDetailPane::setReferences(const CatalogueReferences &references)
{
    m_references = references;
}

void AdDetailPane::setViewerId(qint64 agentId)
{
    if (agentId != m_viewerId) { // what the previous person asked is not this one's
        m_askedAt = {};
        m_asked->hide();
    }
    m_viewerId = agentId;
    updateContact();
}

void AdDetailPane::setAskedAt(qint64 adId, const QDateTime &askedAt)
{
    if (adId != m_adId)
        return;
    m_askedAt = askedAt;
    m_asked->setText(askedText(askedAt, platformToday()));
    m_asked->setVisible(askedAt.isValid());
    updateContact();
}

void AdDetailPane::updateContact()
{
    const QString shortcut = m_contact->shortcut().toString(QKeySequence::NativeText);
    QString why;
    if (m_viewerId == 0) {
        why = tr("Choose who you are to contact the giver.");
    } else if (m_ownerId == 0) {
        why = QString();
    } else if (m_ownerId == m_viewerId) {
        why = tr("This is your ad.");
    } else if (m_askedAt.isValid()) {
        // The server refuses a second request (migration 026): say so before the click.
        why = tr("%1 The giver has your message and answers by mail.").arg(m_asked->text());
    }
    const bool offered = m_viewerId != 0 && m_ownerId != 0 && why.isEmpty();
    m_contact->setEnabled(offered);
    m_contact->setToolTip(
            offered ? tr("Write to the giver; the moderators get a copy (%1).").arg(shortcut)
                    : why);
    m_contact->setAccessibleDescription(m_contact->toolTip());
}

void AdDetailPane::clear()
{
    m_adId = 0;
    m_ownerId = 0;
    m_askedAt = {};
    m_asked->hide();
    updateContact();
    m_entry = {};
    m_photos.clear();
    m_stack->setCurrentIndex(0);
}

void AdDetailPane::showEntry(const CatalogueEntry &entry)
{
    m_adId = entry.id;
    m_ownerId = 0;
    m_adTitle = entry.title;
    m_askedAt = {};
    m_asked->hide();
    updateContact();
    m_entry = entry;
    m_photos.clear();
    m_photo->setText(tr("Loading the photos…"));
    m_previous->hide();
    m_next->hide();
    m_photoCounter->hide();
    m_fullSize->hide();
    m_title->setText(entry.title);
    m_state->setText(displayName(entry.state));
    m_state->setVisible(entry.state == AdState::Reserved);
    m_availability->hide(); // known once the ad is read
    m_category->setText(entry.categoryName);
    m_quantity->setText(quantityText(entry.quantity, entry.quantityLeft));
    m_site->setText(entry.siteName);
    m_service->setText(tr("%1 — %2").arg(entry.serviceName, entry.organisationName));
    m_published->setText(publishedText(entry.publishedAt));
    m_description->clear();
    m_description->hide();
    m_loading->setText(tr("Loading details…"));
    m_loading->show();
    m_stack->setCurrentIndex(1);
}

void AdDetailPane::showAd(const Ad &ad, const QList<QImage> &photos)
{
    if (ad.id != m_adId)
        return;
    m_ownerId = ad.ownerId;
    m_adTitle = ad.title;
    updateContact();
    m_title->setText(ad.title);
    m_state->setText(displayName(ad.state));
    m_state->setVisible(ad.state == AdState::Reserved);
    m_availability->setText(availabilityText(ad.availableFrom, platformToday()));
    m_availability->setVisible(!m_availability->text().isEmpty());
    if (const Category *category = findById(m_references.categories, ad.categoryId))
        m_category->setText(category->name);
    m_quantity->setText(quantityText(ad.quantity, m_entry.id == ad.id ? m_entry.quantityLeft : -1));
    m_site->setText(siteText(ad.siteId, m_entry.siteName, ad.room));
    m_service->setText(serviceText(ad.serviceId, m_entry.serviceName, m_entry.organisationName));
    if (ad.publishedAt.isValid())
        m_published->setText(publishedText(ad.publishedAt));
    m_description->setText(ad.description.trimmed().isEmpty() ? tr("No description.")
                                                              : ad.description);
    m_description->show();
    m_loading->hide();

    m_photos = photos;
    m_fullSize->setVisible(!m_photos.isEmpty());
    if (m_photos.isEmpty()) {
        m_photo->setText(tr("No photo"));
        m_previous->hide();
        m_next->hide();
        m_photoCounter->hide();
    } else {
        const bool several = m_photos.size() > 1;
        m_previous->setVisible(several);
        m_next->setVisible(several);
        m_photoCounter->setVisible(several);
        showPhoto(0);
    }
}

void AdDetailPane::showLoadError(const Error &error)
{
    m_loading->setText(tr("The details of this ad could not be loaded: %1").arg(error.message));
    m_loading->show();
    m_photo->setText(QString());
}

void AdDetailPane::showPhoto(int index)
{
    if (m_photos.isEmpty())
        return;
    m_photoIndex = (index + int(m_photos.size())) % int(m_photos.size());
    m_photo->setImage(m_photos.at(m_photoIndex));
    m_photoCounter->setText(tr("%1 / %2").arg(m_photoIndex + 1).arg(m_photos.size()));
}

QString
AdDetailPane::siteText(qint64 siteId, const QString &fallbackName, const QString &room) const
{
    QStringList lines;
    const Site *site = findById(m_references.sites, siteId);
    lines << (site ? site->name : fallbackName);
    if (!room.trimmed().isEmpty())
        lines << room.trimmed();
    if (site) {
        const QString town
                = QStringList{site->postalCode, site->city}.join(QLatin1Char(' ')).trimmed();
        QStringList address{site->address.trimmed(), town};
        address.removeAll(QString());
        if (!address.isEmpty())
            lines << address.join(QStringLiteral(", "));
    }
    return lines.join(QLatin1Char('\n'));
}

QString AdDetailPane::serviceText(qint64 serviceId,
                                  const QString &fallbackService,
                                  const QString &fallbackOrganisation) const
{
    const Service *service = findById(m_references.services, serviceId);
    if (!service)
        return tr("%1 — %2").arg(fallbackService, fallbackOrganisation);
    const Organisation *organisation
            = findById(m_references.organisations, service->organisationId);
    return organisation ? tr("%1 — %2").arg(service->name, organisation->name) : service->name;
}

QString AdDetailPane::publishedText(const QDateTime &publishedAt) const
{
    if (!publishedAt.isValid())
        return {};
    const QDateTime local = publishedAt.toLocalTime();
    return tr("%1 (%2)").arg(
            QLocale().toString(local.date(), QLocale::LongFormat),
            CatalogueModel::ageText(publishedAt, QDateTime::currentDateTimeUtc()).toLower());
}

} // namespace Recup
