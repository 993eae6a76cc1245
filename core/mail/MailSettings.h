// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "mail/MailMessage.h"
#include "mail/SmtpClient.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace Recup {

class AppSettings;
class MailTransport;

// Where this workstation (or the relay) sends the outbox, and who the mails come from. Kept in
// the "mail/" keys of AppSettings: the user's settings, /etc/xdg for a whole site, or the
// relay's --config file. The SMTP password is never kept there: the OS keychain holds it for
// the app (keychainProfile()), the relay reads it from RECUP_SMTP_PASSWORD or a file.
struct MailSettings
{
    enum class Transport {
        None,        // nothing is sent from here: mails wait in the outbox for the relay
        Smtp,        // an SMTP relay
        PickupFolder // .eml files in a folder (the embedded demo)
    };

    Transport transport = Transport::None;
    SmtpSettings smtp; // smtp.password is filled in by the caller, never loaded or saved
    QString pickupFolder;
    MailAddress sender;        // From: of every mail; its address is required to send
    QString moderatorsAddress; // empty: the active moderators' own addresses

    static MailSettings load(const AppSettings &settings);
    void save(AppSettings &settings) const;

    // Every field that stops mail from being sent, with a translated message per field
    // ("smtpHost", "smtpPort", "sender", "moderatorsAddress", "pickupFolder").
    Status validate() const;
    // The keychain entry of the SMTP password: "smtp://user@host:port".
    QString keychainProfile() const;
    // A transport for these settings, or nullptr for Transport::None.
    std::unique_ptr<MailTransport> makeTransport(QObject *parent = nullptr) const;

    static QString toKey(SmtpSettings::Security security);
    static std::optional<SmtpSettings::Security> securityFromKey(const QString &key);
    static QString toKey(Transport transport);
    static std::optional<Transport> transportFromKey(const QString &key);

    Q_DECLARE_TR_FUNCTIONS(MailSettings) // last: the macro ends on "private:"
};

} // namespace Recup
