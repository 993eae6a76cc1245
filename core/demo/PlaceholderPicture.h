// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QSize>
#include <QString>

namespace Recup {

// A generated stand-in photo for the demo data: the kind of object a category holds (a desk,
// a chair, a cupboard...) in a flat style on a soft background. Shapes only, no text, so that
// it draws under a plain QCoreApplication with no fonts installed.
class PlaceholderPicture
{
public:
    // variant changes the colours and, for most categories, the object itself.
    static QImage draw(const QString &categoryCode, int variant, QSize size = {800, 600});
};

} // namespace Recup
