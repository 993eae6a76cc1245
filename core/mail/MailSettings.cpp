// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/MailSettings.h"

#include "mail/PickupFolderTransport.h"
#include "mail/SmtpTransport.h"
#include "settings/AppSettings.h"

#include <QDir>
#include <QRegularExpression>

namespace Recup {

QString MailSettings::toKey(SmtpSettings::Security security)
{
    switch (security) {
    case SmtpSettings::Security::None:
        return QStringLiteral("none");
    case SmtpSettings::Security::StartTls:
        return QStringLiteral("starttls");
    case SmtpSettings::Security::Tls:
        return QStringLiteral("tls");
    }
    return QStringLiteral("starttls");
}

std::optional<SmtpSettings::Security> MailSettings::securityFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("none"))
        return SmtpSettings::Security::None;
    if (k == QLatin1String("starttls") || k.isEmpty())
        return SmtpSettings::Security::StartTls;
    if (k == QLatin1String("tls"))
        return SmtpSettings::Security::Tls;
    return std::nullopt;
}

QString MailSettings::toKey(Transport transport)
{
    switch (transport) {
    case Transport::None:
        return QStringLiteral("none");
    case Transport::Smtp:
        return QStringLiteral("smtp");
    case Transport::PickupFolder:
        return QStringLiteral("folder");
    }
    return QStringLiteral("none");
}

std::optional<MailSettings::Transport> MailSettings::transportFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("none") || k.isEmpty())
        return Transport::None;
    if (k == QLatin1String("smtp"))
        return Transport::Smtp;
    if (k == QLatin1String("folder"))
        return Transport::PickupFolder;
    return std::nullopt;
}

MailSettings MailSettings::load(const AppSettings &settings)
{
    using Key = AppSettings::Key;
    MailSettings mail;
    mail.transport = transportFromKey(settings.value(Key::MailTransport).toString())
                             .value_or(Transport::None);
    mail.smtp.host = settings.value(Key::MailSmtpHost).toString().trimmed();
    mail.smtp.security = securityFromKey(settings.value(Key::MailSmtpSecurity).toString())
                                 .value_or(SmtpSettings::Security::StartTls);
    const uint port = settings.value(Key::MailSmtpPort).toUInt();
    mail.smtp.port = port > 0 && port <= 65535 ? quint16(port)
                                               : SmtpSettings::defaultPort(mail.smtp.security);
    mail.smtp.user = settings.value(Key::MailSmtpUser).toString().trimmed();
    mail.smtp.caFile = settings.value(Key::MailSmtpCaFile).toString().trimmed();
    mail.smtp.ignoreCertificateErrors
            = settings.value(Key::MailSmtpIgnoreCertificateErrors).toBool();
    mail.pickupFolder = settings.value(Key::MailPickupFolder).toString().trimmed();
    mail.sender.address = settings.value(Key::MailSenderAddress).toString().trimmed();
    mail.sender.name = settings.value(Key::MailSenderName).toString().trimmed();
    mail.moderatorsAddress = settings.value(Key::MailModeratorsAddress).toString().trimmed();
    return mail;
}

void MailSettings::save(AppSettings &settings) const
{
    using Key = AppSettings::Key;
    settings.setValue(Key::MailTransport, toKey(transport));
    settings.setValue(Key::MailSmtpHost, smtp.host.trimmed());
    settings.setValue(Key::MailSmtpPort,
                      smtp.port == SmtpSettings::defaultPort(smtp.security) ? 0 : int(smtp.port));
    settings.setValue(Key::MailSmtpSecurity, toKey(smtp.security));
    settings.setValue(Key::MailSmtpUser, smtp.user.trimmed());
    settings.setValue(Key::MailSmtpCaFile, smtp.caFile.trimmed());
    settings.setValue(Key::MailSmtpIgnoreCertificateErrors, smtp.ignoreCertificateErrors);
    settings.setValue(Key::MailPickupFolder, pickupFolder.trimmed());
    settings.setValue(Key::MailSenderAddress, sender.address.trimmed());
    settings.setValue(Key::MailSenderName, sender.name.trimmed());
    settings.setValue(Key::MailModeratorsAddress, moderatorsAddress.trimmed());
}

Status MailSettings::validate() const
{
    Error error{Error::Kind::Invalid, tr("The mail settings are incomplete."), {}, {}};
    if (transport == Transport::Smtp) {
        const QString host = smtp.host.trimmed();
        if (host.isEmpty())
            error.fields.append({QStringLiteral("smtpHost"),
                                 tr("Give the name or address of the SMTP server.")});
        else if (host.contains(QRegularExpression(QStringLiteral("[\\s/:@]"))))
            error.fields.append({QStringLiteral("smtpHost"),
                                 tr("\"%1\" is not a server name: give only the name or the "
                                    "address, without \"smtp://\" or a port.")
                                         .arg(host)});
        if (smtp.port == 0)
            error.fields.append(
                    {QStringLiteral("smtpPort"), tr("Give a port between 1 and 65535.")});
    }
    if (transport == Transport::PickupFolder) {
        if (pickupFolder.trimmed().isEmpty())
            error.fields.append(
                    {QStringLiteral("pickupFolder"), tr("Choose the folder for the mail files.")});
        else if (!QDir::isAbsolutePath(pickupFolder.trimmed()))
            error.fields.append({QStringLiteral("pickupFolder"),
                                 tr("Give the full path of the folder for the mail files.")});
    }
    if (transport != Transport::None) {
        if (sender.address.trimmed().isEmpty())
            error.fields.append(
                    {QStringLiteral("sender"), tr("Give the address the mails are sent from.")});
        else if (const Result<QString> ok
                 = MailAddress::validate(sender.address.trimmed(), QStringLiteral("sender"));
                 !ok)
            error.fields.append({QStringLiteral("sender"), ok.error().message});
    }
    const QString moderators = moderatorsAddress.trimmed();
    if (!moderators.isEmpty()) {
        if (const Result<QString> ok
            = MailAddress::validate(moderators, QStringLiteral("moderatorsAddress"));
            !ok)
            error.fields.append({QStringLiteral("moderatorsAddress"), ok.error().message});
    }
    if (!error.fields.isEmpty())
        return error;
    return {};
}

QString MailSettings::keychainProfile() const
{
    return QStringLiteral("smtp://%1@%2:%3").arg(smtp.user, smtp.host).arg(smtp.port);
}

std::unique_ptr<MailTransport> MailSettings::makeTransport(QObject *parent) const
{
    switch (transport) {
    case Transport::None:
        return nullptr;
    case Transport::Smtp:
        return std::make_unique<SmtpTransport>(smtp, parent);
    case Transport::PickupFolder:
        return std::make_unique<PickupFolderTransport>(pickupFolder, parent);
    }
    return nullptr;
}

} // namespace Recup
