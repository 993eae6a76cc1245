// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/ServerProfile.h"

#include "storage/Conninfo.h"

#include <QSettings>

#include <algorithm>
#include <array>

namespace Recup {

namespace {

const std::array<std::pair<ServerProfile::TlsMode, const char *>, 5> &tlsModes()
{
    using Mode = ServerProfile::TlsMode;
    static const std::array<std::pair<Mode, const char *>, 5> modes{{
            {Mode::Disable, "disable"},
            {Mode::Prefer, "prefer"},
            {Mode::Require, "require"},
            {Mode::VerifyCa, "verify-ca"},
            {Mode::VerifyFull, "verify-full"},
    }};
    return modes;
}

// The keys of one profile inside the "profiles" array, each with its default.
namespace Key {
constexpr auto group = "profiles";
constexpr auto lastUsed = "login/lastProfile";
constexpr auto name = "name";
constexpr auto host = "host";
constexpr auto port = "port";
constexpr auto database = "database";
constexpr auto service = "service";
constexpr auto user = "user";
constexpr auto tlsMode = "tlsMode";
constexpr auto caFile = "caFile";
constexpr auto singleSignOn = "singleSignOn";
constexpr auto rememberPassword = "rememberPassword";
constexpr auto connectTimeout = "connectTimeoutSeconds";
} // namespace Key

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

ServerProfile readProfile(const QSettings &settings)
{
    const ServerProfile defaults;
    ServerProfile profile;
    profile.name = settings.value(key(Key::name)).toString();
    profile.host = settings.value(key(Key::host)).toString();
    profile.port = settings.value(key(Key::port), defaults.port).toInt();
    profile.database = settings.value(key(Key::database)).toString();
    profile.service = settings.value(key(Key::service)).toString();
    profile.user = settings.value(key(Key::user)).toString();
    profile.tlsMode = ServerProfile::tlsModeFromKey(settings.value(key(Key::tlsMode)).toString())
                              .value_or(defaults.tlsMode);
    profile.caFile = settings.value(key(Key::caFile)).toString();
    profile.singleSignOn = settings.value(key(Key::singleSignOn), false).toBool();
    profile.rememberPassword = settings.value(key(Key::rememberPassword), false).toBool();
    profile.connectTimeoutSeconds
            = settings.value(key(Key::connectTimeout), defaults.connectTimeoutSeconds).toInt();
    return profile;
}

void writeProfile(QSettings &settings, const ServerProfile &profile)
{
    settings.setValue(key(Key::name), profile.name);
    settings.setValue(key(Key::host), profile.host);
    settings.setValue(key(Key::port), profile.port);
    settings.setValue(key(Key::database), profile.database);
    settings.setValue(key(Key::service), profile.service);
    settings.setValue(key(Key::user), profile.user);
    settings.setValue(key(Key::tlsMode), ServerProfile::tlsModeKey(profile.tlsMode));
    settings.setValue(key(Key::caFile), profile.caFile);
    settings.setValue(key(Key::singleSignOn), profile.singleSignOn);
    settings.setValue(key(Key::rememberPassword), profile.rememberPassword);
    settings.setValue(key(Key::connectTimeout), profile.connectTimeoutSeconds);
}

} // namespace

DatabaseConfig ServerProfile::toConfig(const std::optional<QString> &password) const
{
    Conninfo pairs;
    // With a service, the values typed here win over those of pg_service.conf.
    if (!service.trimmed().isEmpty())
        pairs.append({QStringLiteral("service"), service.trimmed()});
    if (!host.trimmed().isEmpty())
        pairs.append({QStringLiteral("host"), host.trimmed()});
    if (port > 0)
        pairs.append({QStringLiteral("port"), QString::number(port)});
    if (!database.trimmed().isEmpty())
        pairs.append({QStringLiteral("dbname"), database.trimmed()});
    if (!user.trimmed().isEmpty())
        pairs.append({QStringLiteral("user"), user.trimmed()});
    if (singleSignOn) {
        // The Kerberos ticket of the Windows (or Linux) session proves who one is.
        pairs.append({QStringLiteral("gssencmode"), QStringLiteral("prefer")});
    } else if (password) {
        pairs.append({QStringLiteral("password"), *password});
    }
    pairs.append({QStringLiteral("sslmode"), tlsModeKey(tlsMode)});
    if (usesCaFile(tlsMode) && !caFile.trimmed().isEmpty())
        pairs.append({QStringLiteral("sslrootcert"), caFile.trimmed()});
    if (connectTimeoutSeconds > 0)
        pairs.append({QStringLiteral("connect_timeout"), QString::number(connectTimeoutSeconds)});

    DatabaseConfig config;
    config.backend = DatabaseConfig::Backend::Postgres;
    config.conninfo = formatConninfo(pairs);
    return config;
}

QString ServerProfile::describe() const
{
    QString where = host.trimmed();
    if (!where.isEmpty() && port > 0)
        where += u':' + QString::number(port);
    if (!database.trimmed().isEmpty())
        where += u'/' + database.trimmed();
    if (!service.trimmed().isEmpty())
        where = where.isEmpty() ? service.trimmed() : service.trimmed() + u' ' + where;
    return where;
}

bool ServerProfile::usesCaFile(TlsMode mode)
{
    return mode == TlsMode::Require || mode == TlsMode::VerifyCa || mode == TlsMode::VerifyFull;
}

QString ServerProfile::tlsModeKey(TlsMode mode)
{
    for (const auto &[value, name] : tlsModes()) {
        if (value == mode)
            return QString::fromLatin1(name);
    }
    Q_UNREACHABLE();
}

std::optional<ServerProfile::TlsMode> ServerProfile::tlsModeFromKey(const QString &key)
{
    for (const auto &[value, name] : tlsModes()) {
        if (key == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

ServerProfiles::ServerProfiles()
    : m_settings(std::make_unique<QSettings>())
{}

ServerProfiles::ServerProfiles(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

ServerProfiles::~ServerProfiles() = default;

QList<ServerProfile> ServerProfiles::profiles() const
{
    QList<ServerProfile> result;
    const int count = m_settings->beginReadArray(key(Key::group));
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        ServerProfile profile = readProfile(*m_settings);
        if (!profile.name.isEmpty())
            result.append(std::move(profile));
    }
    m_settings->endArray();
    return result;
}

std::optional<ServerProfile> ServerProfiles::profile(const QString &name) const
{
    for (const ServerProfile &profile : profiles()) {
        if (profile.name == name)
            return profile;
    }
    return std::nullopt;
}

void ServerProfiles::save(const ServerProfile &profile)
{
    QList<ServerProfile> all = profiles();
    const auto same = std::find_if(all.begin(), all.end(), [&](const ServerProfile &saved) {
        return saved.name == profile.name;
    });
    if (same != all.end())
        *same = profile;
    else
        all.append(profile);
    writeAll(all);
}

void ServerProfiles::remove(const QString &name)
{
    QList<ServerProfile> all = profiles();
    all.removeIf([&](const ServerProfile &saved) { return saved.name == name; });
    writeAll(all);
    if (lastUsed() == name)
        m_settings->remove(key(Key::lastUsed));
}

QString ServerProfiles::lastUsed() const
{
    return m_settings->value(key(Key::lastUsed)).toString();
}

void ServerProfiles::setLastUsed(const QString &name)
{
    m_settings->setValue(key(Key::lastUsed), name);
}

void ServerProfiles::sync()
{
    m_settings->sync();
}

QString ServerProfiles::fileName() const
{
    return m_settings->fileName();
}

void ServerProfiles::writeAll(const QList<ServerProfile> &profiles)
{
    // Rewritten whole, so that a removed profile leaves no stale entry behind.
    m_settings->remove(key(Key::group));
    m_settings->beginWriteArray(key(Key::group), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        m_settings->setArrayIndex(i);
        writeProfile(*m_settings, profiles.at(i));
    }
    m_settings->endArray();
}

} // namespace Recup
