// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ConnectionErrors.h"

#include "storage/Conninfo.h"
#include "storage/Database.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlError>

#include <algorithm>

namespace Recup {

namespace {

bool mentions(const QString &text, const char *words)
{
    return text.contains(QLatin1String(words));
}

// Where the server was named: the address typed, else a service of pg_service.conf.
QString serverField(const DatabaseConfig &config)
{
    const Conninfo pairs = parseConninfo(config.conninfo).value_or(Conninfo{});
    const auto has = [&](const QString &key) {
        return std::any_of(
                pairs.cbegin(), pairs.cend(), [&](const auto &pair) { return pair.first == key; });
    };
    if (!has(ConnectionField::host) && !has(QStringLiteral("hostaddr"))
        && has(ConnectionField::service))
        return ConnectionField::service;
    return ConnectionField::host;
}

Error withFields(QString message, const QString &detail, const QStringList &fields)
{
    Error result{Error::Kind::Connection, std::move(message), detail, {}};
    for (const QString &field : fields)
        result.fields.append({field, result.message});
    return result;
}

} // namespace

Error connectionError(const DatabaseConfig &config, const QSqlError &error)
{
    const QString text = error.text();
    using namespace ConnectionField;
    if (config.isSqlite()) {
        return withFields(Database::tr("The local database file %1 cannot be opened. Check that "
                                       "the folder exists and that you may write in it.")
                                  .arg(QDir::toNativeSeparators(config.sqlitePath)),
                          text,
                          {});
    }
    // An expired password fails as a wrong one: the server says no more, on purpose.
    if (mentions(text, "password authentication failed") || mentions(text, "authentication failed"))
        return withFields(
                Database::tr("The user name or the password is wrong, or the password has "
                             "expired."),
                text,
                {password, user});
    if (mentions(text, "no password supplied"))
        return withFields(
                Database::tr("The server asks for a password."), text, {password, singleSignOn});
    if (mentions(text, "does not exist") && mentions(text, "database"))
        return withFields(
                Database::tr("The server has no database of that name."), text, {database});
    if (mentions(text, "role") && mentions(text, "does not exist"))
        return withFields(Database::tr("The server does not know this user."), text, {user});
    if (mentions(text, "not permitted to log in"))
        return withFields(Database::tr("This account is disabled on the server."), text, {user});
    if (mentions(text, "SSL") || mentions(text, "certificate")) {
        const QStringList fields
                = mentions(text, "root certificate") ? QStringList{caFile, tls} : QStringList{tls};
        return withFields(
                Database::tr("The secure (TLS) connection to the server failed."), text, fields);
    }
    if (mentions(text, "could not translate host name"))
        return withFields(
                Database::tr("The server name cannot be found on the network."), text, {host});
    if (mentions(text, "definition of service"))
        return withFields(Database::tr("The connection settings are not valid."), text, {service});
    static const QRegularExpression unknownOption(
            QStringLiteral("invalid connection option \"([^\"]{1,60})\""));
    if (const auto match = unknownOption.match(text); match.hasMatch())
        return withFields(Database::tr("The connection settings are not valid: PostgreSQL knows "
                                       "no setting named %1.")
                                  .arg(match.captured(1)),
                          text,
                          {serverField(config)});
    if (mentions(text, "invalid connection option") || mentions(text, "missing \"=\""))
        return withFields(Database::tr("The connection settings are not valid."),
                          text,
                          {serverField(config)});
    const QString server = serverField(config);
    return withFields(Database::tr("The database server cannot be reached. Check the network and "
                                   "the server address, or ask your IT department."),
                      text,
                      server == host ? QStringList{host, port} : QStringList{service});
}

bool isConnectionLoss(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    const QString text = error.databaseText() + u' ' + error.driverText();
    // A connection that could not be (re)opened is no connection either: its statements fail
    // as "driver not loaded", which the monitor must hear as a lost server.
    return code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01")
           || error.type() == QSqlError::ConnectionError
           || mentions(text, "server closed the connection")
           || mentions(text, "no connection to the server");
}

} // namespace Recup
