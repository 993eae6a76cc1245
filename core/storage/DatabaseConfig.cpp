// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/DatabaseConfig.h"

#include "storage/Conninfo.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace Recup {

DatabaseConfig DatabaseConfig::sqlite(const QString &path)
{
    DatabaseConfig config;
    config.backend = Backend::Sqlite;
    config.sqlitePath = path;
    return config;
}

DatabaseConfig DatabaseConfig::fromConninfo(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("sqlite:")))
        return sqlite(trimmed.mid(7));

    DatabaseConfig config;
    config.backend = Backend::Postgres;
    if (!trimmed.startsWith(QLatin1String("postgresql://"))
        && !trimmed.startsWith(QLatin1String("postgres://"))) {
        config.conninfo = trimmed;
        return config;
    }
    // Qt's driver appends options to its own key=value string, so a URI is turned into
    // key=value pairs here.
    const QUrl url(trimmed);
    if (!url.isValid()) {
        static const QRegularExpression userPassword(QStringLiteral("://([^:/@]*):[^@/]*@"));
        config.malformedUri = true;
        config.conninfo = QString(trimmed).replace(userPassword, QStringLiteral("://\\1:***@"));
        return config;
    }
    Conninfo pairs;
    if (!url.host().isEmpty())
        pairs.append({QStringLiteral("host"), url.host()});
    if (url.port() > 0)
        pairs.append({QStringLiteral("port"), QString::number(url.port())});
    const QString path = url.path().mid(1);
    if (!path.isEmpty())
        pairs.append({QStringLiteral("dbname"), path});
    if (!url.userName().isEmpty())
        pairs.append({QStringLiteral("user"), url.userName()});
    if (!url.password().isEmpty())
        pairs.append({QStringLiteral("password"), url.password()});
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items)
        pairs.append({key, value});
    config.conninfo = formatConninfo(pairs);
    return config;
}

QString DatabaseConfig::describe() const
{
    if (isSqlite())
        return sqlitePath;
    const auto parsed = parseConninfo(conninfo);
    if (!parsed)
        return withoutPassword(conninfo);
    Conninfo shown;
    for (const auto &[key, value] : *parsed) {
        if (key != QLatin1String("password"))
            shown.append({key, value});
    }
    return shown.isEmpty() ? QStringLiteral("(PG* environment)") : formatConninfo(shown);
}

} // namespace Recup
