// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ApplicationIcon.h"

#include <QString>

// Outside any namespace, as Q_INIT_RESOURCE requires; a static library needs it called.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace Recup {

QIcon applicationIcon()
{
    initResources();
    // Each size rendered at that size (sharper than scaled); sizes in between are scaled.
    QIcon icon;
    for (const int side : {16, 24, 32, 48, 64, 128, 256}) {
        icon.addFile(QStringLiteral(":/icons/%1x%1/fr.collectivrecup.CollectivRecup.png").arg(side),
                     QSize(side, side));
    }
    return icon;
}

} // namespace Recup
