// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "storage/DatabaseConfig.h"

#include <QString>

class QSqlError;

namespace Recup {

// The connection settings a failed connection points at, as Error::fields names. They are
// libpq's own keys, so that a window maps each to the field where the person typed it.
namespace ConnectionField {
inline const QString host = QStringLiteral("host");
inline const QString port = QStringLiteral("port");
inline const QString database = QStringLiteral("dbname");
inline const QString service = QStringLiteral("service");
inline const QString user = QStringLiteral("user");
inline const QString password = QStringLiteral("password");
inline const QString tls = QStringLiteral("sslmode");
inline const QString caFile = QStringLiteral("sslrootcert");
inline const QString singleSignOn = QStringLiteral("gssencmode");
} // namespace ConnectionField

// The one place that reads libpq's and the server's English sentences (QPSQL gives no SQLSTATE
// when a connection fails): a Connection error with the user's sentence, the driver's text as
// detail, and in fields the settings to look at, the likeliest first.
Error connectionError(const DatabaseConfig &config, const QSqlError &error);

// True when a statement failed because the session is gone (server restart, network cut).
bool isConnectionLoss(const QSqlError &error);

} // namespace Recup
