// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/PhotoViewerDialog.h"

#include "common/Look.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPointer>
#include <QScreen>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Recup {

namespace {
constexpr double MinZoom = 0.25;
constexpr double MaxZoom = 4.0;
constexpr double ZoomStep = 1.25;
} // namespace

PhotoViewerDialog *
PhotoViewerDialog::openOver(QWidget *parent, const QString &adTitle, int firstIndex)
{
    auto *viewer = new PhotoViewerDialog(adTitle, firstIndex, parent);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    // Back on the photo the keyboard came from once the viewer closes.
    const QPointer<QWidget> origin = QApplication::focusWidget();
    connect(viewer, &QDialog::finished, viewer, [origin] {
        if (!origin)
            return;
        origin->window()->activateWindow();
        origin->setFocus(Qt::OtherFocusReason);
    });
    viewer->open();
    return viewer;
}

PhotoViewerDialog::PhotoViewerDialog(const QString &adTitle, int firstIndex, QWidget *parent)
    : QDialog(parent)
    , m_index(std::max(firstIndex, 0))
{
    setObjectName(QStringLiteral("photoViewer"));
    setWindowTitle(tr("Photos — %1").arg(adTitle));
    setAccessibleName(tr("Photos of %1").arg(adTitle));
    setAccessibleDescription(tr("Left and Right: previous and next photo; + and -: zoom; 0: fit "
                                "the window; Escape: close"));

    m_picture = new QLabel(this);
    m_picture->setObjectName(QStringLiteral("photoViewerPicture"));
    m_picture->setAlignment(Qt::AlignCenter);
    m_picture->setText(tr("Loading the photos…"));
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("photoViewerScroll"));
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setWidget(m_picture);
    m_scroll->setWidgetResizable(false);
    m_scroll->setBackgroundRole(QPalette::Dark);
    m_scroll->setFocusPolicy(Qt::NoFocus); // the arrows change the photo, they do not scroll

    m_counter = new QLabel(this);
    m_counter->setObjectName(QStringLiteral("photoViewerCounter"));
    m_counter->setTextFormat(Qt::PlainText);

    auto *buttons = new QHBoxLayout;
    m_previous = addButton(
            tr("◀ Previous"), tr("Previous photo (Left)"), Qt::Key_Left, "photoViewerPrevious");
    connect(m_previous, &QToolButton::clicked, this, [this] { showPhoto(m_index - 1); });
    m_next = addButton(tr("Next ▶"), tr("Next photo (Right)"), Qt::Key_Right, "photoViewerNext");
    connect(m_next, &QToolButton::clicked, this, [this] { showPhoto(m_index + 1); });
    QToolButton *zoomIn
            = addButton(tr("Zoom in (+)"), tr("Zoom in (+)"), Qt::Key_Plus, "photoViewerZoomIn");
    connect(zoomIn, &QToolButton::clicked, this, [this] { zoomBy(ZoomStep); });
    QToolButton *zoomOut = addButton(
            tr("Zoom out (-)"), tr("Zoom out (-)"), Qt::Key_Minus, "photoViewerZoomOut");
    connect(zoomOut, &QToolButton::clicked, this, [this] { zoomBy(1 / ZoomStep); });
    QToolButton *fit = addButton(
            tr("Fit (0)"), tr("Fit the photo to the window (0)"), Qt::Key_0, "photoViewerFit");
    connect(fit, &QToolButton::clicked, this, &PhotoViewerDialog::resetZoom);
    QToolButton *close
            = addButton(tr("Close (Esc)"), tr("Close the photos (Escape)"), {}, "photoViewerClose");
    connect(close, &QToolButton::clicked, this, &QDialog::reject);
    // "=" is where + is without Shift on many keyboards.
    auto *equal = new QAction(this);
    equal->setShortcut(Qt::Key_Equal);
    connect(equal, &QAction::triggered, this, [this] { zoomBy(ZoomStep); });
    addAction(equal);

    buttons->addWidget(m_previous);
    buttons->addWidget(m_counter);
    buttons->addWidget(m_next);
    buttons->addStretch(1);
    buttons->addWidget(zoomOut);
    buttons->addWidget(fit);
    buttons->addWidget(zoomIn);
    buttons->addSpacing(12);
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(buttons);

    QSize size(1000, 760);
    if (const QScreen *screen = parent ? parent->screen() : this->screen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);
    m_previous->setEnabled(false);
    m_next->setEnabled(false);
}

QToolButton *PhotoViewerDialog::addButton(const QString &text,
                                          const QString &toolTip,
                                          const QKeySequence &key,
                                          const char *objectName)
{
    auto *action = new QAction(text, this);
    action->setToolTip(toolTip);
    if (!key.isEmpty())
        action->setShortcut(key);
    addAction(action); // the keys work wherever the focus is in the dialog
    auto *button = new QToolButton(this);
    button->setObjectName(QString::fromLatin1(objectName));
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAccessibleName(toolTip);
    connect(action, &QAction::triggered, button, &QToolButton::click);
    return button;
}

void PhotoViewerDialog::setPhotos(const QList<QImage> &photos)
{
    m_photos = photos;
    if (m_photos.isEmpty()) {
        m_picture->setPixmap({});
        m_picture->setText(tr("This ad has no photo."));
        m_picture->adjustSize();
        m_counter->clear();
        return;
    }
    showPhoto(std::min(m_index, int(m_photos.size()) - 1));
}

void PhotoViewerDialog::showLoadError(const QString &message)
{
    m_photos.clear();
    m_picture->setPixmap({});
    m_picture->setText(tr("The photos could not be loaded: %1").arg(message));
    m_picture->setWordWrap(true);
    m_picture->adjustSize();
}

void PhotoViewerDialog::showPhoto(int index)
{
    if (m_photos.isEmpty())
        return;
    const int count = int(m_photos.size());
    m_index = (index % count + count) % count;
    m_zoom = 1.0;
    m_counter->setText(tr("Photo %1 of %2").arg(m_index + 1).arg(count));
    m_previous->setEnabled(count > 1);
    m_next->setEnabled(count > 1);
    render();
}

void PhotoViewerDialog::zoomBy(double factor)
{
    if (m_photos.isEmpty())
        return;
    m_zoom = std::clamp(m_zoom * factor, MinZoom, MaxZoom);
    render();
}

void PhotoViewerDialog::resetZoom()
{
    m_zoom = 1.0;
    render();
}

QSize PhotoViewerDialog::shownSize() const
{
    return m_picture->pixmap().deviceIndependentSize().toSize();
}

void PhotoViewerDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    render();
}

void PhotoViewerDialog::render()
{
    if (m_photos.isEmpty() || !m_picture)
        return;
    const QImage &image = m_photos.at(m_index);
    const QSize room = m_scroll->viewport()->size() - QSize(4, 4);
    // Fitted to the window, never enlarged at 1.0; the zoom applies to that.
    QSize fitted = image.size().scaled(room, Qt::KeepAspectRatio);
    if (fitted.width() > image.width())
        fitted = image.size();
    const QSize target = (QSizeF(fitted) * m_zoom).toSize().expandedTo(QSize(1, 1));
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap = QPixmap::fromImage(
            image.scaled(target * ratio, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    pixmap.setDevicePixelRatio(ratio);
    m_picture->setPixmap(pixmap);
    m_picture->resize(target);
    m_picture->setAccessibleName(m_counter->text());
}

} // namespace Recup
