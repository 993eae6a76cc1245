// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QString>
#include <QWidget>

namespace Recup {

// One photo, scaled to the pane's width so that nothing is ever cut off and never enlarged;
// or a sentence in its place ("No photo", "Loading the photos…").
class PhotoView : public QWidget
{
public:
    PhotoView(int height, QWidget *parent = nullptr);

    void setImage(const QImage &image);
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage m_image;
    QString m_text;
};

} // namespace Recup
