// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QImage>
#include <QList>

class QLabel;
class QScrollArea;
class QToolButton;

namespace Recup {

// An ad's photos at full size, driven by the keyboard: Left and Right for the previous and next
// photo, + and - to zoom, 0 to fit the window again, Escape to close. It says "Loading…" until
// setPhotos() brings the pictures, read by its window on the reading thread.
class PhotoViewerDialog : public QDialog
{
    Q_OBJECT
public:
    PhotoViewerDialog(const QString &adTitle, int firstIndex, QWidget *parent = nullptr);
    // Opens a viewer over parent (window modal, deleted once closed); when it closes, the
    // keyboard goes back to the widget it came from. The window then reads the photos.
    static PhotoViewerDialog *openOver(QWidget *parent, const QString &adTitle, int firstIndex);

    void setPhotos(const QList<QImage> &photos);
    void showLoadError(const QString &message);

    int currentIndex() const { return m_index; }
    int photoCount() const { return int(m_photos.size()); }
    // 1.0: the photo fits the window (never enlarged past its own size at 1.0).
    double zoom() const { return m_zoom; }
    // The picture as shown, for tests.
    QSize shownSize() const;

    void showPhoto(int index);
    void zoomBy(double factor);
    void resetZoom();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void render();
    QToolButton *addButton(const QString &text,
                           const QString &toolTip,
                           const QKeySequence &key,
                           const char *objectName);

    QList<QImage> m_photos;
    int m_index = 0;
    double m_zoom = 1.0;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_picture = nullptr;
    QLabel *m_counter = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
};

} // namespace Recup
