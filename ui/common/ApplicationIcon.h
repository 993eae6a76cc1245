// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace Recup {

// The application's icon, from resources/resources.qrc: the PNG of each size drawn for it.
// main() sets it on the QApplication, so that every window and dialog shows it.
QIcon applicationIcon();

} // namespace Recup
