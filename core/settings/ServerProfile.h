// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/DatabaseConfig.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace Recup {

// One PostgreSQL server as a person signs in to it: where it is, how the link is secured and
// who usually signs in. Never holds a password: that lives in the password safe (PasswordStore).
struct ServerProfile
{
    // libpq's sslmode, from "no encryption" to "encrypted, and the server proves its name".
    enum class TlsMode { Disable, Prefer, Require, VerifyCa, VerifyFull };

    QString name;     // what the person picks in the list: "Agglomération", "Test server"
    QString host;     // name or address; empty with a service
    int port = 0;     // 0: libpq's default (5432, or the service's)
    QString database; // dbname; may be empty with a service
    QString service;  // a section of pg_service.conf, set up by the IT department
    QString user;     // the last person who signed in with this profile
    TlsMode tlsMode = TlsMode::Prefer;
    QString caFile;            // sslrootcert: the authority that signed the server's certificate
    bool singleSignOn = false; // Kerberos/GSSAPI: the Windows session proves who one is
    bool rememberPassword = false; // the password is kept in the password safe
    int connectTimeoutSeconds = 10;

    // The libpq connection string for this profile. The password is left out with single
    // sign-on, and when none is given (libpq may still find one in ~/.pgpass).
    DatabaseConfig toConfig(const std::optional<QString> &password) const;

    // Where the server is, for messages: "db.agglo.local:5432/recup" or "service recup".
    QString describe() const;

    // Whether a certificate authority file matters: from "always encrypted" up.
    static bool usesCaFile(TlsMode mode);
    static QString tlsModeKey(TlsMode mode); // "disable", ..., "verify-full"
    static std::optional<TlsMode> tlsModeFromKey(const QString &key);

    bool operator==(const ServerProfile &) const = default;
};

// The saved profiles, in the settings group "profiles", plus which one was used last.
class ServerProfiles
{
public:
    // The user's settings, under the organisation and application names set in main().
    ServerProfiles();
    // An INI file of its own (tests, portable configurations).
    explicit ServerProfiles(const QString &iniPath);
    ~ServerProfiles();
    ServerProfiles(const ServerProfiles &) = delete;
    ServerProfiles &operator=(const ServerProfiles &) = delete;

    // In the order they were first saved.
    QList<ServerProfile> profiles() const;
    std::optional<ServerProfile> profile(const QString &name) const;
    // Replaces the profile of the same name, or adds it at the end.
    void save(const ServerProfile &profile);
    void remove(const QString &name);

    QString lastUsed() const;
    void setLastUsed(const QString &name);

    void sync();
    QString fileName() const;

private:
    void writeAll(const QList<ServerProfile> &profiles);

    std::unique_ptr<QSettings> m_settings;
};

} // namespace Recup
