// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/PhotoView.h"

#include "common/Look.h"

#include <QKeyEvent>
#include <QPainter>
#include <QToolButton>

namespace Recup {

PhotoView::PhotoView(int height, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("detailPhoto"));
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    setFixedHeight(height);
}

QToolButton *PhotoView::addFullSizeButton(QWidget *buttonParent)
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Photo of the item"));
    setAccessibleDescription(tr("Enter or Space shows the photos at full size"));
    auto *button = new QToolButton(buttonParent);
    button->setObjectName(QStringLiteral("fullSizeButton"));
    button->setText(tr("Full size (Enter)"));
    button->setToolTip(tr("Show the photos at full size: Enter or Space on the photo"));
    button->setAccessibleName(tr("Show the photos at full size"));
    button->hide();
    connect(button, &QToolButton::clicked, this, &PhotoView::activated);
    return button;
}

void PhotoView::keyPressEvent(QKeyEvent *event)
{
    if (!m_image.isNull()
        && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter
            || event->key() == Qt::Key_Space)) {
        emit activated();
        return;
    }
    QWidget::keyPressEvent(event);
}

void PhotoView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!m_image.isNull())
        emit activated();
    QWidget::mouseDoubleClickEvent(event);
}

void PhotoView::setImage(const QImage &image)
{
    m_image = image;
    m_text.clear();
    update();
}

void PhotoView::setText(const QString &text)
{
    m_image = {};
    m_text = text;
    update();
}

void PhotoView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setPen(Qt::NoPen);
    // The system's colours: a dark or high-contrast theme keeps its contrast here too.
    painter.setBrush(palette().color(QPalette::AlternateBase));
    painter.drawRoundedRect(QRectF(rect()), 6, 6);
    if (hasFocus()) { // where the keyboard is, not by colour alone: a dotted frame
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 6, 6);
        painter.setPen(Qt::NoPen);
    }
    if (m_image.isNull()) {
        painter.setPen(Look::secondaryText(palette()));
        painter.drawText(
                rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_text);
        return;
    }
    const QSizeF logical = m_image.deviceIndependentSize();
    QSizeF fitted = logical.scaled(QSizeF(size()), Qt::KeepAspectRatio);
    if (fitted.width() > logical.width())
        fitted = logical; // never enlarged: a blurry photo helps nobody
    const QRectF target(QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2),
                        fitted);
    painter.drawImage(target, m_image);
}

} // namespace Recup
