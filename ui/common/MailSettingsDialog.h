// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/MailSettings.h"
#include "mail/SendResult.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QTimer>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace Recup {

class AppSettings;
class MailTransport;
class MessageBar;
class PasswordStore;

// "Envoi des courriels": how this workstation sends the outbox (not at all, through an SMTP
// server, or into a folder of .eml files), as whom, and to which moderators' address. OK checks
// the fields with MailSettings::validate(): each refused field says why next to it, nothing is
// saved and nothing typed is lost. "Send a test mail" sends a short mail with the values as
// they are typed (saved or not) without ever blocking the window, and says inline what became
// of it, with the server's own words. The SMTP password goes to the system's password safe when
// asked and available, never into the settings.
class MailSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // Both outlive the dialog: a password is written to the safe after it has closed. `store`
    // may be null: the password is then kept only as long as the application runs.
    MailSettingsDialog(AppSettings &settings, PasswordStore *store, QWidget *parent = nullptr);
    ~MailSettingsDialog() override;

    // Pre-fills the address the test mail goes to (e.g. the signed-in agent's).
    void setTestRecipient(const QString &address);
    QString testRecipient() const;
    // A password the application kept for this session (no password safe), so that the field
    // is not empty and OK does not lose it.
    void setPassword(const QString &password);
    // PostgreSQL: the database names who mails come from and the moderators' address
    // (collectiv-recup-admin mail-policy). The sender fields then only sign the test mail and
    // may stay empty; the dialog says so.
    void setSenderKeptByDatabase(bool kept);
    // How long the test waits for each step (connection, each reply); 30 s by default.
    void setTestTimeout(int milliseconds) { m_testTimeoutMs = milliseconds; }

    // The settings as the fields describe them now, smtp.password included.
    MailSettings mailSettings() const;

    bool isTesting() const { return m_testTransport != nullptr; }
    // What became of the last test mail, once it is answered.
    std::optional<SendResult> lastTestResult() const { return m_lastTestResult; }
    // The message under a field ("smtpHost", "smtpPort", "smtpCaFile", "sender",
    // "moderatorsAddress", "pickupFolder", "testRecipient"), empty when none is shown.
    QString fieldError(const QString &field) const;
    // The sentence shown by the test row (and its details), empty when none.
    QString testResultText() const;
    QString testResultDetail() const;
    // The message at the top of the dialog, empty when none.
    QString errorText() const;

    // The fields, for tests.
    QComboBox *transportBox() const { return m_transport; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portSpin() const { return m_port; }
    QComboBox *securityBox() const { return m_security; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QCheckBox *rememberCheck() const { return m_remember; }
    QLabel *rememberNote() const { return m_rememberNote; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QCheckBox *ignoreCertificateErrorsCheck() const { return m_ignoreErrors; }
    QLabel *certificateWarning() const { return m_certificateWarning; }
    QLineEdit *pickupFolderEdit() const { return m_pickupFolder; }
    QLineEdit *senderAddressEdit() const { return m_senderAddress; }
    QLineEdit *senderNameEdit() const { return m_senderName; }
    QLineEdit *moderatorsAddressEdit() const { return m_moderators; }
    QLineEdit *testRecipientEdit() const { return m_testRecipient; }
    QPushButton *testButton() const { return m_testButton; }
    QPushButton *stopTestButton() const { return m_stopButton; }
    QPushButton *okButton() const;
    MessageBar *messageBar() const { return m_message; }
    MessageBar *testResultBar() const { return m_testResult; }

public slots:
    // The "Send a test mail" button.
    void sendTestMail();
    // Stops waiting for the test mail; its late answer is ignored.
    void stopTest();
    // OK: validates, saves into AppSettings and the password safe, emits settingsSaved().
    void accept() override;
    // Escape and the window's close button stop a test first, then close.
    void reject() override;

signals:
    // After OK, once saved: the application rebuilds its transport from these.
    void settingsSaved(const Recup::MailSettings &settings);
    void testingChanged(bool testing);

private:
    struct FieldError
    {
        QFormLayout *form = nullptr;
        QLabel *label = nullptr;
        QWidget *field = nullptr;
    };

    void buildForm();
    QFormLayout *buildTransportRows();
    QGroupBox *buildSmtpBox();
    void addSmtpServerRows(QFormLayout *smtp);
    void addSmtpCertificateRows(QFormLayout *smtp);
    void addSmtpLoginRows(QFormLayout *smtp);
    QGroupBox *buildFolderBox();
    QGroupBox *buildPeopleBox();
    QGroupBox *buildTestBox();
    void fitToScreen(QWidget *content);
    void connectFields();
    void addFieldError(const QString &field, QFormLayout *form, QWidget *focus);
    void showFields(const MailSettings &mail);
    void updateTransport();
    void updateSecurity();
    void updateRemember();
    void browseCaFile();
    void browsePickupFolder();
    void askSavedPassword();
    void onPasswordRead(const QString &profile, const QString &user, const QString &password);

    // Every refused field gets its message; true when there is none. `forTest` adds the
    // test recipient.
    bool checkFields(const MailSettings &mail, bool forTest);
    void clearFieldErrors();
    void setFieldError(const QString &field, const QString &message);
    void focusField(QWidget *field);
    void storePassword(const MailSettings &mail);

    void setTesting(bool testing);
    void showTestBusy();
    void finishTest(const QString &recipient,
                    const QString &where,
                    bool folder,
                    const SendResult &result);

    AppSettings &m_settings;
    QPointer<PasswordStore> m_store;

    QComboBox *m_transport = nullptr;
    QLabel *m_transportNote = nullptr;
    QWidget *m_form = nullptr;
    QGroupBox *m_smtpBox = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_security = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_rememberNote = nullptr;
    QWidget *m_caFileRow = nullptr;
    QLabel *m_caFileLabel = nullptr;
    QLineEdit *m_caFile = nullptr;
    QCheckBox *m_ignoreErrors = nullptr;
    QLabel *m_certificateWarning = nullptr;
    QGroupBox *m_folderBox = nullptr;
    QLineEdit *m_pickupFolder = nullptr;
    QLineEdit *m_senderAddress = nullptr;
    QLineEdit *m_senderName = nullptr;
    QLineEdit *m_moderators = nullptr;
    QLabel *m_keptByDatabase = nullptr;
    bool m_senderKeptByDatabase = false;
    QLineEdit *m_testRecipient = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_testBusy = nullptr;
    MessageBar *m_testResult = nullptr;
    MessageBar *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;

    QHash<QString, FieldError> m_fieldErrors;
    SmtpSettings::Security m_shownSecurity = SmtpSettings::Security::StartTls;

    // The password safe entry the fields came from, to remove it when it is no longer wanted.
    QString m_loadedProfile;
    QString m_loadedUser;
    bool m_passwordFromSafe = false;

    MailTransport *m_testTransport = nullptr;
    QString m_testWhere;
    QString m_testTo;
    QElapsedTimer m_testElapsed;
    QTimer m_testTick;
    int m_testTimeoutMs = 30'000;
    std::optional<SendResult> m_lastTestResult;
};

} // namespace Recup
