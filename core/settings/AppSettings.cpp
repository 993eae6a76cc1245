// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/AppSettings.h"

#include <QSettings>

namespace Recup {

namespace {

struct KeyInfo
{
    AppSettings::Key key;
    const char *name;
    QVariant defaultValue;
};

// Every setting the application knows: its key, where it is stored, and its default.
const QList<KeyInfo> &keyTable()
{
    using Key = AppSettings::Key;
    static const QList<KeyInfo> table = {
            {Key::DatabaseConninfo, "database/conninfo", QString()},
            {Key::Language, "interface/language", QStringLiteral("fr")},
            {Key::MainWindowGeometry, "interface/mainWindowGeometry", QByteArray()},
            {Key::MainWindowState, "interface/mainWindowState", QByteArray()},
            {Key::CatalogueSplitter, "interface/catalogueSplitter", QByteArray()},
            {Key::CatalogueSort, "interface/catalogueSort", QStringLiteral("newest")},
            {Key::CatalogueView, "interface/catalogueView", QStringLiteral("list")},
            {Key::CatalogueHomeSite, "interface/catalogueHomeSite", qint64(0)},
            {Key::DemoIdentity, "demo/identity", QString()},
            {Key::DatabaseIdleMinutes, "database/idleMinutes", 10},
            {Key::MailTransport, "mail/transport", QStringLiteral("none")},
            {Key::MailSmtpHost, "mail/smtpHost", QString()},
            {Key::MailSmtpPort, "mail/smtpPort", 0},
            {Key::MailSmtpSecurity, "mail/smtpSecurity", QStringLiteral("starttls")},
            {Key::MailSmtpUser, "mail/smtpUser", QString()},
            {Key::MailSmtpPasswordFile, "mail/smtpPasswordFile", QString()},
            {Key::MailSmtpCaFile, "mail/smtpCaFile", QString()},
            {Key::MailSmtpIgnoreCertificateErrors, "mail/smtpIgnoreCertificateErrors", false},
            {Key::MailPickupFolder, "mail/pickupFolder", QString()},
            {Key::MailSenderAddress, "mail/senderAddress", QString()},
            {Key::MailSenderName, "mail/senderName", QStringLiteral("Collectiv'Récup")},
            {Key::MailModeratorsAddress, "mail/moderatorsAddress", QString()},
    };
    return table;
}

const KeyInfo &info(AppSettings::Key key)
{
    for (const KeyInfo &entry : keyTable()) {
        if (entry.key == key)
            return entry;
    }
    Q_UNREACHABLE();
}

} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{}

AppSettings::AppSettings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

AppSettings::~AppSettings() = default;

QString AppSettings::name(Key key)
{
    return QString::fromLatin1(info(key).name);
}

QVariant AppSettings::defaultValue(Key key)
{
    return info(key).defaultValue;
}

QVariant AppSettings::value(Key key) const
{
    const KeyInfo &entry = info(key);
    return m_settings->value(QString::fromLatin1(entry.name), entry.defaultValue);
}

void AppSettings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(name(key), value);
}

void AppSettings::reset(Key key)
{
    m_settings->remove(name(key));
}

void AppSettings::sync()
{
    m_settings->sync();
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

} // namespace Recup
