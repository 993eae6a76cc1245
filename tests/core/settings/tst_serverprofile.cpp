// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Saved server profiles: the libpq connection string each one builds, and their round trip
// through the settings file (never with a password in it).
#include "settings/ServerProfile.h"
#include "storage/Conninfo.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Recup;
using TlsMode = ServerProfile::TlsMode;

Q_DECLARE_METATYPE(Recup::ServerProfile::TlsMode)

namespace {

ServerProfile agglo()
{
    ServerProfile profile;
    profile.name = QStringLiteral("Agglomération");
    profile.host = QStringLiteral("db.agglo.local");
    profile.port = 5433;
    profile.database = QStringLiteral("recup");
    profile.user = QStringLiteral("jmoreau");
    return profile;
}

// The value of key in a conninfo, as libpq will read it; nothing when absent.
std::optional<QString> valueOf(const QString &conninfo, const QString &key)
{
    const auto pairs = parseConninfo(conninfo);
    if (!pairs)
        return std::nullopt;
    std::optional<QString> found;
    for (const auto &[name, value] : *pairs) {
        if (name == key)
            found = value;
    }
    return found;
}

} // namespace

class TestServerProfile : public QObject
{
    Q_OBJECT
private slots:
    void tlsModes_data()
    {
        QTest::addColumn<TlsMode>("mode");
        QTest::addColumn<QString>("sslmode");
        QTest::addColumn<bool>("caFilePassed");
        QTest::newRow("no encryption") << TlsMode::Disable << "disable" << false;
        QTest::newRow("encrypted when the server offers it")
                << TlsMode::Prefer << "prefer" << false;
        QTest::newRow("always encrypted") << TlsMode::Require << "require" << true;
        QTest::newRow("certificate authority checked") << TlsMode::VerifyCa << "verify-ca" << true;
        QTest::newRow("server identity checked") << TlsMode::VerifyFull << "verify-full" << true;
    }
    void tlsModes()
    {
        QFETCH(TlsMode, mode);
        QFETCH(QString, sslmode);
        QFETCH(bool, caFilePassed);
        ServerProfile profile = agglo();
        profile.tlsMode = mode;
        profile.caFile = QStringLiteral("/etc/ssl/agglo-ca.crt");
        const DatabaseConfig config = profile.toConfig(QStringLiteral("secret"));
        QVERIFY(!config.isSqlite());
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("sslmode")), sslmode);
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("host")),
                 QStringLiteral("db.agglo.local"));
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("port")), QStringLiteral("5433"));
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("dbname")), QStringLiteral("recup"));
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("user")), QStringLiteral("jmoreau"));
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("password")), QStringLiteral("secret"));
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("sslrootcert")).has_value(), caFilePassed);
        if (caFilePassed) {
            QCOMPARE(valueOf(config.conninfo, QStringLiteral("sslrootcert")),
                     QStringLiteral("/etc/ssl/agglo-ca.crt"));
        }
        QVERIFY(!valueOf(config.conninfo, QStringLiteral("gssencmode")));
    }

    void tlsModeKeysRoundTrip()
    {
        for (const TlsMode mode : {TlsMode::Disable,
                                   TlsMode::Prefer,
                                   TlsMode::Require,
                                   TlsMode::VerifyCa,
                                   TlsMode::VerifyFull})
            QCOMPARE(ServerProfile::tlsModeFromKey(ServerProfile::tlsModeKey(mode)), mode);
        QVERIFY(!ServerProfile::tlsModeFromKey(QStringLiteral("allow-anything")));
    }

    void singleSignOnSendsNoPassword()
    {
        ServerProfile profile = agglo();
        profile.singleSignOn = true;
        const DatabaseConfig config = profile.toConfig(QStringLiteral("typed anyway"));
        QVERIFY(!valueOf(config.conninfo, QStringLiteral("password")));
        QVERIFY(!config.conninfo.contains(QLatin1String("typed anyway")));
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("gssencmode")), QStringLiteral("prefer"));
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("user")), QStringLiteral("jmoreau"));
    }

    void noPasswordGivenLeavesItToLibpq()
    {
        const DatabaseConfig config = agglo().toConfig(std::nullopt);
        QVERIFY(!valueOf(config.conninfo, QStringLiteral("password")));
    }

    void valuesWithSpacesAndQuotesAreQuoted_data()
    {
        QTest::addColumn<QString>("password");
        QTest::newRow("spaces and accents") << QStringLiteral("Récup 2026 sûr");
        QTest::newRow("quote and backslash") << QStringLiteral("l'été \\ 42");
        QTest::newRow("looks like another option") << QStringLiteral("x host=evil.example");
        QTest::newRow("equals sign") << QStringLiteral("a=b");
    }
    void valuesWithSpacesAndQuotesAreQuoted()
    {
        QFETCH(QString, password);
        ServerProfile profile = agglo();
        profile.database = QStringLiteral("recup de l'agglo");
        profile.caFile = QStringLiteral("C:\\Program Files\\Agglo\\ca.crt");
        profile.tlsMode = TlsMode::VerifyFull;
        const DatabaseConfig config = profile.toConfig(password);
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("password")), password);
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("dbname")),
                 QStringLiteral("recup de l'agglo"));
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("sslrootcert")),
                 QStringLiteral("C:\\Program Files\\Agglo\\ca.crt"));
        // Nothing typed can add an option of its own.
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("host")),
                 QStringLiteral("db.agglo.local"));
        // The description for messages never shows the password.
        QVERIFY(!config.describe().contains(password));
    }

    void serviceProfile()
    {
        ServerProfile profile;
        profile.name = QStringLiteral("Service");
        profile.service = QStringLiteral("recup");
        profile.user = QStringLiteral("jmoreau");
        const DatabaseConfig config = profile.toConfig(QStringLiteral("pw"));
        QCOMPARE(valueOf(config.conninfo, QStringLiteral("service")), QStringLiteral("recup"));
        // The service file says where: nothing typed here overrides it.
        QVERIFY(!valueOf(config.conninfo, QStringLiteral("host")));
        QVERIFY(!valueOf(config.conninfo, QStringLiteral("port")));
        QVERIFY(!valueOf(config.conninfo, QStringLiteral("dbname")));
        QCOMPARE(profile.describe(), QStringLiteral("recup"));
        QCOMPARE(agglo().describe(), QStringLiteral("db.agglo.local:5433/recup"));
    }

    void connectTimeoutIsPassed()
    {
        ServerProfile profile = agglo();
        profile.connectTimeoutSeconds = 4;
        QCOMPARE(
                valueOf(profile.toConfig(std::nullopt).conninfo, QStringLiteral("connect_timeout")),
                QStringLiteral("4"));
    }

    void profilesRoundTripThroughSettings()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("recup.ini"));
        ServerProfile second;
        second.name = QStringLiteral("Ville de Châtellerault");
        second.service = QStringLiteral("ville recup");
        second.user = QStringLiteral("o'brien");
        second.tlsMode = TlsMode::VerifyFull;
        second.caFile = QStringLiteral("/home/o'brien/ca files/ville.crt");
        second.singleSignOn = true;
        second.rememberPassword = true;
        second.connectTimeoutSeconds = 3;
        {
            ServerProfiles profiles(path);
            QVERIFY(profiles.profiles().isEmpty());
            QCOMPARE(profiles.lastUsed(), QString());
            profiles.save(agglo());
            profiles.save(second);
            profiles.setLastUsed(second.name);
            profiles.sync();
        }
        {
            ServerProfiles profiles(path);
            const QList<ServerProfile> all = profiles.profiles();
            QCOMPARE(all.size(), 2);
            QCOMPARE(all.at(0), agglo());
            QCOMPARE(all.at(1), second);
            QCOMPARE(profiles.lastUsed(), second.name);
            QCOMPARE(profiles.profile(second.name), second);
            QVERIFY(!profiles.profile(QStringLiteral("nowhere")));

            // Saving under the same name replaces, in place.
            ServerProfile changed = agglo();
            changed.port = 5432;
            profiles.save(changed);
            QCOMPARE(profiles.profiles().size(), 2);
            QCOMPARE(profiles.profiles().at(0).port, 5432);

            profiles.remove(second.name);
            QCOMPARE(profiles.profiles().size(), 1);
            QCOMPARE(profiles.lastUsed(), QString());
            profiles.sync();
        }
        ServerProfiles reread(path);
        QCOMPARE(reread.profiles().size(), 1);
        QCOMPARE(reread.profiles().first().name, agglo().name);

        QSettings raw(path, QSettings::IniFormat);
        QVERIFY(raw.childGroups().contains(QStringLiteral("profiles")));
        const QStringList keys = raw.allKeys();
        QVERIFY(keys.contains(QStringLiteral("profiles/1/rememberPassword")));
        for (const QString &key : keys)
            QVERIFY2(key.section(u'/', -1).compare(QLatin1String("password"), Qt::CaseInsensitive)
                             != 0,
                     qPrintable(key));
    }

    void defaultSettingsLocation()
    {
        // The application's own settings, redirected by the test mode of QStandardPaths.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("collectiv-recup-test"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_serverprofile"));
        QTemporaryDir dir;
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
        {
            ServerProfiles profiles;
            QVERIFY(profiles.fileName().startsWith(dir.path()));
            profiles.save(agglo());
            profiles.sync();
        }
        QCOMPARE(ServerProfiles().profiles(), QList<ServerProfile>{agglo()});
    }
};

QTEST_GUILESS_MAIN(TestServerProfile)
#include "tst_serverprofile.moc"
