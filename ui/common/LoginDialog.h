// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Reference.h"
#include "settings/ServerProfile.h"
#include "storage/DatabaseConfig.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QTimer>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QToolButton;
class QVBoxLayout;
template<typename T>
class QFutureWatcher;

namespace Recup {

class MessageBar;
class PasswordStore;
struct SignInOutcome;

// Signing in to a PostgreSQL server with one's own account. The person picks a saved server
// profile (or describes a new one), types their user name and password, and presses Connect:
// the attempt runs on a worker thread (the window keeps responding, and Cancel stops waiting),
// then the schema is checked and the server says which agent the login belongs to. On success
// the dialog is accepted: config() is what the application opens, agent() who signed in, and
// the profile is saved (the password only in the system's password safe, when asked). On
// failure the reason is said in the dialog, the details on demand, and nothing typed is lost.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    // Both outlive the dialog: a password is written to the safe after it has closed.
    LoginDialog(ServerProfiles &profiles, PasswordStore &passwords, QWidget *parent = nullptr);
    ~LoginDialog() override;

    // After accept(): the connection to open (password included) and who signed in.
    const DatabaseConfig &config() const { return m_config; }
    const Agent &agent() const { return m_agent; }
    // The profile as the fields describe it now.
    ServerProfile currentProfile() const;
    // Selects a saved profile by name (false when there is none of that name).
    bool selectProfile(const QString &name);

    bool isConnecting() const { return m_watcher != nullptr; }
    // The message shown in the dialog, empty when none; its details; the whole error.
    QString errorText() const;
    QString errorDetail() const;
    const Error &lastError() const { return m_lastError; }

    // The fields, for tests.
    QComboBox *profileBox() const { return m_profileBox; }
    QToolButton *serverSettingsButton() const { return m_settingsButton; }
    QWidget *serverSettings() const { return m_settings; }
    QLineEdit *profileNameEdit() const { return m_profileName; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QLineEdit *databaseEdit() const { return m_database; }
    QLineEdit *serviceEdit() const { return m_service; }
    QComboBox *tlsBox() const { return m_tls; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QCheckBox *singleSignOnCheck() const { return m_singleSignOn; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *rememberCheck() const { return m_remember; }
    QLabel *rememberNote() const { return m_rememberNote; }
    QPushButton *connectButton() const { return m_connectButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    MessageBar *messageBar() const { return m_message; }

public slots:
    // The Connect button.
    void connectToServer();
    // Stops waiting for the server; the attempt's late answer is ignored.
    void cancelAttempt();
    // Escape and the window's close button stop an attempt first, then close.
    void reject() override;

signals:
    void connectingChanged(bool connecting);

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitHeight();
    void buildForm();
    void addHeading(QVBoxLayout *layout);
    void addProfileRow(QFormLayout *form);
    QWidget *buildServerSettings();
    void addServerAddressRows(QFormLayout *settings);
    void addEncryptionRows(QFormLayout *settings);
    void addPersonRows(QFormLayout *form);
    QWidget *buildBusyIndicator();
    QDialogButtonBox *buildButtons();
    void connectFields();
    void fillProfiles(const QString &select);
    void showProfile(int index);
    void setServerSettingsVisible(bool visible);
    void updateSingleSignOn();
    void updateTls();
    void updateRemember();
    void browseCaFile();
    void askSavedPassword();
    void onPasswordRead(const QString &profile, const QString &user, const QString &password);

    bool validate();
    void setConnecting(bool connecting, const QString &where = {});
    void finishAttempt(const SignInOutcome &outcome,
                       const ServerProfile &profile,
                       const std::optional<QString> &password);
    void showError(const Error &error, const QString &where);
    void focusFieldFor(const Error &error);
    QWidget *fieldNamed(const QString &name) const; // an Error::fields name
    QString serverField() const;
    void focusField(QWidget *field);

    ServerProfiles &m_profiles;
    PasswordStore &m_passwords;

    QComboBox *m_profileBox = nullptr;
    QToolButton *m_settingsButton = nullptr;
    QWidget *m_form = nullptr;
    QWidget *m_settings = nullptr;
    QLineEdit *m_profileName = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_service = nullptr;
    QComboBox *m_tls = nullptr;
    QLabel *m_caFileLabel = nullptr;
    QWidget *m_caFileRow = nullptr;
    QLineEdit *m_caFile = nullptr;
    QCheckBox *m_singleSignOn = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_rememberNote = nullptr;
    QLabel *m_ssoNote = nullptr;
    MessageBar *m_message = nullptr;
    QWidget *m_busy = nullptr;
    QLabel *m_busyText = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QPushButton *m_connectButton = nullptr;
    QPushButton *m_cancelButton = nullptr;

    QFutureWatcher<SignInOutcome> *m_watcher = nullptr;
    QString m_busyWhere;
    QElapsedTimer m_elapsed;
    QTimer m_elapsedTick;
    bool m_passwordFromSafe = false;
    std::optional<ServerProfile> m_shownProfile; // the saved profile the fields came from
    Error m_lastError;
    DatabaseConfig m_config;
    Agent m_agent;
};

} // namespace Recup
