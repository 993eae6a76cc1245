// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>

namespace Recup {

class Database;

// An agent's own data taken away (RGPD art. 15 and 20; docs/donnees-personnelles.md): read
// under the session's own policies (PersonalDataRepository::exportOf) and written as one UTF-8
// JSON file — structured, readable by any tool and, with its French keys, by the person. The
// file is written whole or not at all (QSaveFile): a refusal leaves nothing behind.
class PersonalDataExport
{
    Q_DECLARE_TR_FUNCTIONS(PersonalDataExport)
public:
    // Reads then writes; the bytes written. A folder that cannot be written: Error::Kind::Invalid
    // naming the folder (field "file"). Run it on a worker thread: it reads the database.
    static Result<qint64> save(Database &db, qint64 agentId, const QString &path);
};

} // namespace Recup
