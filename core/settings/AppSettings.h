// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

namespace Recup {

// The one typed wrapper over QSettings: every key has its name and its default in one table
// (AppSettings.cpp), so that no string key is spelt twice across the code.
class AppSettings
{
public:
    enum class Key {
        DatabaseConninfo, // empty: the embedded demo database on this workstation
        Language,         // "fr" or "en"
        MainWindowGeometry,
        MainWindowState,
        CatalogueSplitter,
        CatalogueSort,     // the catalogue's order: "newest", "nearest-site" or "category"
        CatalogueHomeSite, // the site whose ads come first in "nearest-site"; 0: none chosen
        CatalogueView,     // the catalogue shown as a "list" or a "grid" of thumbnails
        DemoIdentity,      // login of the agent picked in demo mode
        // Minutes without a key or a click after which the workstation closes its database
        // connections (reopened at the next action); 0 keeps them open. A site setting.
        DatabaseIdleMinutes,
        // Mail (see MailSettings): how this workstation sends the outbox, and as whom.
        MailTransport, // "none", "smtp" or "folder"
        MailSmtpHost,
        MailSmtpPort,     // 0: the default port of the security mode
        MailSmtpSecurity, // "none", "starttls" or "tls"
        MailSmtpUser,
        MailSmtpPasswordFile, // the relay's: a file holding the SMTP password (mode 0600)
        MailSmtpCaFile,
        MailSmtpIgnoreCertificateErrors,
        MailPickupFolder,
        MailSenderAddress,
        MailSenderName,
        MailModeratorsAddress,
    };

    // The user's settings, under the organisation and application names set in main().
    AppSettings();
    // An INI file of its own: tests, and anyone who wants a portable configuration.
    explicit AppSettings(const QString &iniPath);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    static QString name(Key key);
    static QVariant defaultValue(Key key);

    QVariant value(Key key) const;
    void setValue(Key key, const QVariant &value);
    void reset(Key key);
    void sync();
    QString fileName() const;

    QString databaseConninfo() const { return value(Key::DatabaseConninfo).toString(); }

    QString language() const { return value(Key::Language).toString(); }

    QByteArray mainWindowGeometry() const { return value(Key::MainWindowGeometry).toByteArray(); }
    void setMainWindowGeometry(const QByteArray &geometry)
    {
        setValue(Key::MainWindowGeometry, geometry);
    }
    QByteArray mainWindowState() const { return value(Key::MainWindowState).toByteArray(); }
    void setMainWindowState(const QByteArray &state) { setValue(Key::MainWindowState, state); }
    QByteArray catalogueSplitter() const { return value(Key::CatalogueSplitter).toByteArray(); }
    void setCatalogueSplitter(const QByteArray &state) { setValue(Key::CatalogueSplitter, state); }

    QString catalogueSort() const { return value(Key::CatalogueSort).toString(); }
    void setCatalogueSort(const QString &key) { setValue(Key::CatalogueSort, key); }
    qint64 catalogueHomeSite() const { return value(Key::CatalogueHomeSite).toLongLong(); }
    void setCatalogueHomeSite(qint64 siteId) { setValue(Key::CatalogueHomeSite, siteId); }
    bool catalogueAsGrid() const
    {
        return value(Key::CatalogueView).toString() == QLatin1String("grid");
    }
    void setCatalogueAsGrid(bool grid)
    {
        setValue(Key::CatalogueView, grid ? QStringLiteral("grid") : QStringLiteral("list"));
    }

    QString demoIdentity() const { return value(Key::DemoIdentity).toString(); }
    int databaseIdleMinutes() const { return value(Key::DatabaseIdleMinutes).toInt(); }
    void setDemoIdentity(const QString &login) { setValue(Key::DemoIdentity, login); }

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Recup
