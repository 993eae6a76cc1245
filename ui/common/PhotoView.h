// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>
#include <QWidget>

class QToolButton;

namespace Recup {

// One photo, scaled to the pane's width so that nothing is ever cut off and never enlarged;
// or a sentence in its place ("No photo", "Loading the photos…").
//
// Where a window makes it focusable: Enter, Space or a double click on a photo emits
// activated() (the photos at full size).
class PhotoView : public QWidget
{
    Q_OBJECT
public:
    PhotoView(int height, QWidget *parent = nullptr);

    // Makes the photo a keyboard stop named for screen readers, and returns a « Full size
    // (Enter) » button (hidden: the pane shows it when there are photos) that emits activated()
    // as Enter, Space and a double click on the photo do.
    QToolButton *addFullSizeButton(QWidget *buttonParent);

    void setImage(const QImage &image);
    void setText(const QString &text);
    QString text() const { return m_text; }

signals:
    void activated();

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    QImage m_image;
    QString m_text;
};

} // namespace Recup
