// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/LocalDemo.h"

#include "demo/DemoData.h"
#include "storage/Database.h"
#include "storage/SchemaMigrator.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace Recup {

QString LocalDemo::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
           + QStringLiteral("/collectiv-recup.sqlite");
}

Result<std::unique_ptr<Database>> LocalDemo::open(const QString &path)
{
    const QFileInfo file(path);
    const QString folder = file.absolutePath();
    if (!QDir().mkpath(folder)) {
        return Error{Error::Kind::Connection,
                     tr("The folder %1 cannot be created. Check that you may write in it.")
                             .arg(QDir::toNativeSeparators(folder)),
                     {},
                     {}};
    }
    if (!QFileInfo(folder).isWritable() || (file.exists() && !file.isWritable())) {
        return Error{Error::Kind::Connection,
                     tr("The local database in %1 is read-only. Check the rights on this folder, "
                        "or ask your IT department.")
                             .arg(QDir::toNativeSeparators(folder)),
                     {},
                     {}};
    }
    auto db = std::make_unique<Database>(DatabaseConfig::sqlite(path));
    if (const Status opened = db->open(); !opened)
        return opened.error();
    SchemaMigrator migrator(*db);
    if (const Status migrated = migrator.migrate(); !migrated)
        return migrated.error();
    if (!DemoData::hasData(*db)) {
        if (const Status seeded = DemoData::seed(*db); !seeded)
            return seeded.error();
    }
    return db;
}

} // namespace Recup
