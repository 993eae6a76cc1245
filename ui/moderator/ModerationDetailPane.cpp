// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/ModerationDetailPane.h"
#include "common/Look.h"

#include "common/PhotoView.h"
#include "domain/Amounts.h"
#include "media/PhotoScaler.h"

#include <QApplication>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QScrollArea>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Recup {

namespace {

constexpr int PhotoHeight = 240;

} // namespace

ModerationDetailPane::ModerationDetailPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("moderationDetail"));
    m_stack = new QStackedWidget(this);

    m_placeholder = Look::emptyStateLabel(this, "detailPlaceholder");
    QFont placeholderFont = m_placeholder->font();
    placeholderFont.setPointSizeF(11);
    m_placeholder->setFont(placeholderFont);
    m_stack->addWidget(m_placeholder);

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("detailContent"));
    content->setBackgroundRole(QPalette::Base);
    content->setAutoFillBackground(true);

    m_photo = new PhotoView(PhotoHeight, content);
    m_fullSize = m_photo->addFullSizeButton(content);
    connect(m_photo, &PhotoView::activated, this, [this] {
        if (!m_details.photos.isEmpty())
            emit fullSizeRequested(m_details.ad.id, m_photoIndex, m_details.ad.title);
    });

    m_strip = new QWidget(content);
    m_stripLayout = new QHBoxLayout(m_strip);
    m_stripLayout->setContentsMargins(0, 0, 0, 0);
    m_stripLayout->setSpacing(6);

    m_title = Look::valueLabel(content, "detailTitle");
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_state = new QLabel(content);
    m_state->setObjectName(QStringLiteral("detailState"));
    m_state->setStyleSheet(Look::badgeStyle(QApplication::palette(m_state), Look::Tone::Warning, 4)
                           + QStringLiteral(" padding: 2px 8px; font-weight: normal;"));

    m_category = Look::valueLabel(content, "detailCategory");
    m_quantity = Look::valueLabel(content, "detailQuantity");
    m_value = Look::valueLabel(content, "detailValue");
    m_weight = Look::valueLabel(content, "detailWeight");
    m_place = Look::valueLabel(content, "detailPlace");
    m_owner = Look::valueLabel(content, "detailOwner");
    m_waiting = Look::valueLabel(content, "detailWaiting");

    auto *facts = new QFormLayout;
    facts->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    facts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    facts->setHorizontalSpacing(16);
    facts->setVerticalSpacing(6);
    auto addFact = [&](const QString &name, QLabel *value) {
        auto *label = new QLabel(name, content);
        Look::makeSecondary(label);
        facts->addRow(label, value);
    };
    addFact(tr("Category"), m_category);
    addFact(tr("Quantity"), m_quantity);
    addFact(tr("Estimated value"), m_value);
    addFact(tr("Estimated weight"), m_weight);
    addFact(tr("Where"), m_place);
    addFact(tr("Posted by"), m_owner);
    addFact(tr("Waiting"), m_waiting);

    auto heading = [content](const QString &text) {
        auto *label = new QLabel(text, content);
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
        return label;
    };
    m_description = Look::valueLabel(content, "detailDescription");
    m_description->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_history = Look::valueLabel(content, "detailHistory");
    Look::makeSecondary(m_history);

    auto banner = [content](const char *name, Look::Tone tone) {
        QLabel *label = Look::valueLabel(content, name);
        label->setStyleSheet(Look::badgeStyle(QApplication::palette(label), tone, 4)
                             + QStringLiteral(" padding: 6px 10px; font-weight: normal;"));
        label->hide();
        return label;
    };
    m_claim = banner("detailClaim", Look::Tone::Information);
    m_warnings = banner("detailWarnings", Look::Tone::Warning);
    m_poster = Look::valueLabel(content, "detailPoster");

    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_state, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 16);
    layout->setSpacing(10);
    layout->addWidget(m_claim);
    layout->addWidget(m_warnings);
    layout->addWidget(m_photo);
    auto *photoRow = new QHBoxLayout;
    photoRow->addWidget(m_strip, 1);
    photoRow->addWidget(m_fullSize, 0, Qt::AlignTop);
    layout->addLayout(photoRow);
    layout->addLayout(titleRow);
    layout->addLayout(facts);
    layout->addWidget(heading(tr("Description")));
    layout->addWidget(m_description);
    layout->addWidget(heading(tr("The poster's other ads")));
    layout->addWidget(m_poster);
    layout->addWidget(heading(tr("History")));
    layout->addWidget(m_history);
    layout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("detailScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::StyledPanel);
    scroll->setWidget(content);
    m_stack->addWidget(scroll);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
    clear(tr("Select an ad in the queue to see it in full."));
}

void ModerationDetailPane::clear(const QString &why)
{
    m_details = {};
    m_placeholder->setText(why);
    m_stack->setCurrentIndex(0);
}

void ModerationDetailPane::showLoadError(const Error &error)
{
    m_details = {};
    m_placeholder->setText(tr("This ad cannot be shown. %1").arg(error.message));
    m_stack->setCurrentIndex(0);
}

void ModerationDetailPane::showDetails(const ModerationDetails &details)
{
    m_details = details;
    const Ad &ad = m_details.ad;

    // The strip of thumbnails: a click shows that photo.
    while (QLayoutItem *item = m_stripLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const int photoCount = int(m_details.photos.size());
    if (photoCount > 1) {
        for (int i = 0; i < photoCount; ++i) {
            auto *button = new QToolButton(m_strip);
            button->setObjectName(QStringLiteral("detailThumbnail%1").arg(i));
            button->setAutoRaise(true);
            button->setCheckable(true);
            button->setAutoExclusive(true);
            button->setChecked(i == 0);
            button->setIconSize(QSize(StripSide, StripSide));
            button->setIcon(QPixmap::fromImage(m_details.thumbnails.value(i)));
            button->setToolTip(tr("Photo %1 of %2").arg(i + 1).arg(photoCount));
            button->setAccessibleName(button->toolTip());
            connect(button, &QToolButton::clicked, this, [this, i] { showPhoto(i); });
            m_stripLayout->addWidget(button);
        }
        m_stripLayout->addStretch();
    }
    m_strip->setVisible(photoCount > 1);
    m_fullSize->setVisible(photoCount > 0);
    showPhoto(0);

    m_title->setText(ad.title);
    m_state->setText(displayName(ad.state));
    m_category->setText(m_details.categoryName);
    m_quantity->setText(QLocale().toString(ad.quantity));
    m_value->setText(Amounts::euroText(ad.valueCents));
    m_weight->setText(ad.weightGrams > 0 ? Amounts::kilogramText(ad.weightGrams) : tr("not given"));
    QStringList place{m_details.site.name};
    const QString address = QStringList{m_details.site.address,
                                        QStringList{m_details.site.postalCode, m_details.site.city}
                                                .join(u' ')
                                                .trimmed()}
                                    .join(QStringLiteral(", "));
    if (!address.trimmed().isEmpty() && address.trimmed() != QLatin1String(","))
        place.append(address);
    if (!ad.room.isEmpty())
        place.append(tr("Room: %1").arg(ad.room));
    m_place->setText(place.join(u'\n'));
    QStringList owner{
            m_details.ownerServiceName.isEmpty()
                    ? m_details.owner.displayName
                    : tr("%1 (%2)").arg(m_details.owner.displayName, m_details.ownerServiceName)};
    if (!m_details.owner.email.isEmpty())
        owner.append(m_details.owner.email);
    if (!m_details.owner.phone.isEmpty())
        owner.append(m_details.owner.phone);
    m_owner->setText(owner.join(u'\n'));
    m_waiting->setText(
            m_details.submittedAt.isValid()
                    ? tr("since %1")
                              .arg(QLocale().toString(m_details.submittedAt.toLocalTime(),
                                                      QLocale::ShortFormat))
                    : QString());
    m_description->setText(ad.description.isEmpty() ? tr("(no description)") : ad.description);
    m_history->setText(m_details.history.join(u'\n'));
    m_claim->setText(m_details.claimNotice);
    m_claim->setVisible(!m_details.claimNotice.isEmpty());
    m_warnings->setText(m_details.warnings.join(u'\n'));
    m_warnings->setVisible(!m_details.warnings.isEmpty());
    m_poster->setText(posterText(m_details.poster));
    m_stack->setCurrentIndex(1);
}

QString ModerationDetailPane::posterText(const PosterRecord &poster)
{
    if (poster.ads == 0)
        return tr("None: this is their first ad.");
    QStringList outcomes;
    if (poster.published > 0)
        outcomes.append(tr("%n in the catalogue", nullptr, poster.published));
    if (poster.exchanged > 0)
        outcomes.append(tr("%n given to another service", nullptr, poster.exchanged));
    if (poster.discarded > 0)
        outcomes.append(tr("%n thrown away", nullptr, poster.discarded));
    if (poster.unavailable > 0)
        outcomes.append(tr("%n no longer available", nullptr, poster.unavailable));
    if (poster.removed > 0)
        outcomes.append(tr("%n removed by a moderator", nullptr, poster.removed));
    QStringList lines{tr("%n other ad(s)", nullptr, poster.ads)
                      + (outcomes.isEmpty()
                                 ? QString()
                                 : tr(": %1").arg(QLocale().createSeparatedList(outcomes)))};
    if (poster.rejections > 0)
        lines.append(tr("%n rejection(s) so far", nullptr, poster.rejections));
    const QLocale locale;
    for (const PosterRecord::Recent &ad : poster.recent) {
        QString outcome;
        if (const auto reason = closeReasonFromKey(ad.closeReason))
            outcome = displayName(*reason);
        else if (const auto state = adStateFromKey(ad.state))
            outcome = displayName(*state);
        lines.append(tr("• %1 — %2 (%3)")
                             .arg(ad.title,
                                  outcome,
                                  locale.toString(ad.createdAt.toLocalTime().date(),
                                                  QLocale::ShortFormat)));
    }
    return lines.join(u'\n');
}

QSize ModerationDetailPane::photoSize()
{
    return {4 * PhotoHeight / 3 * 2, PhotoHeight * 2}; // room for a wide pane and zoom
}

void ModerationDetailPane::showPhoto(int index)
{
    const QList<QImage> &photos = m_details.photos;
    if (photos.isEmpty()) {
        m_photo->setText(tr("No photo: ask the poster for one if the item is unclear."));
        return;
    }
    index = qBound(0, index, int(photos.size()) - 1);
    m_photoIndex = index;
    if (auto *thumbnail
        = m_strip->findChild<QToolButton *>(QStringLiteral("detailThumbnail%1").arg(index)))
        thumbnail->setChecked(true);
    if (photos.at(index).isNull())
        m_photo->setText(tr("This photo cannot be shown."));
    else
        m_photo->setImage(photos.at(index));
}

} // namespace Recup
