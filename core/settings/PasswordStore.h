// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

namespace Recup {

// The operating system's password safe (Windows Credential Manager, the GNOME or KDE
// keyring, macOS Keychain), one entry per server profile and user. Everything is
// asynchronous: the safe may ask the person to unlock it. Where no safe runs (no Secret
// Service on the session bus, a bare terminal server), available() is false with a reason,
// and the password is simply asked each time: it is never written anywhere else.
class PasswordStore : public QObject
{
    Q_OBJECT
public:
    // service names the application's entries in the safe; tests use one of their own.
    explicit PasswordStore(QObject *parent = nullptr);
    explicit PasswordStore(const QString &service, QObject *parent = nullptr);
    ~PasswordStore() override;

    // Asks the safe whether it answers; availabilityKnown() follows. Started by the first
    // call of any operation when not called before.
    void probe();
    bool isProbed() const { return m_probed; }
    // False until the probe has answered, and whenever the safe failed to answer.
    bool available() const { return m_probed && m_available; }
    // Why passwords cannot be remembered here, translated; empty while available.
    QString unavailableReason() const { return m_reason; }
    // The safe's own words, for the log and the "details" of a message.
    QString unavailableDetail() const { return m_detail; }

    void read(const QString &profile, const QString &user);
    void write(const QString &profile, const QString &user, const QString &password);
    void remove(const QString &profile, const QString &user);

    QString service() const { return m_service; }
    static QString entryKey(const QString &profile, const QString &user);

signals:
    void availabilityKnown(bool available);
    void passwordRead(const QString &profile, const QString &user, const QString &password);
    // Nothing stored for them, or the safe did not answer (see available()).
    void passwordNotFound(const QString &profile, const QString &user);
    void passwordWritten(const QString &profile, const QString &user, bool stored);
    void passwordRemoved(const QString &profile, const QString &user);

private:
    // Notes a failure of the safe itself; true when the job failed that way.
    bool noteFailure(QKeychain::Job *job);
    void setAvailability(bool available, const QString &detail);

    QString m_service;
    bool m_probed = false;
    bool m_probing = false;
    bool m_available = false;
    QString m_reason;
    QString m_detail;
};

} // namespace Recup
