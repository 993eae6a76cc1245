// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QCoreApplication>

#include <memory>

namespace Recup {

class Database;

// The embedded single-workstation mode: a SQLite file in the user's data folder, with its
// schema migrated and the demo data loaded on first use.
class LocalDemo
{
    Q_DECLARE_TR_FUNCTIONS(LocalDemo)
public:
    static QString defaultPath();
    static Result<std::unique_ptr<Database>> open(const QString &path);
};

} // namespace Recup
