// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "actions/PersonalDataExport.h"

#include "storage/PersonalDataRepository.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace Recup {

Result<qint64> PersonalDataExport::save(Database &db, qint64 agentId, const QString &path)
{
    const Result<QJsonObject> data = PersonalDataRepository(db).exportOf(agentId);
    if (!data)
        return data.error();
    const QByteArray bytes = QJsonDocument(*data).toJson(QJsonDocument::Indented);
    const QString folder = QDir::toNativeSeparators(QFileInfo(path).absolutePath());
    const auto refused = [&folder](const QString &why) {
        const QString message = tr("Your data could not be saved in the folder %1 (%2). Choose "
                                   "another folder: nothing was written.")
                                        .arg(folder, why);
        return Error{Error::Kind::Invalid, message, why, {{QStringLiteral("file"), message}}};
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return refused(file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString why = file.errorString();
        file.cancelWriting();
        return refused(why);
    }
    if (!file.commit())
        return refused(file.errorString());
    return qint64(bytes.size());
}

} // namespace Recup
