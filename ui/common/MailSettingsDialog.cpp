// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/MailSettingsDialog.h"
#include "common/Look.h"

#include "common/MessageBar.h"
#include "mail/MailTransport.h"
#include "settings/AppSettings.h"
#include "settings/PasswordStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Recup {

namespace {

using Transport = MailSettings::Transport;
using Security = SmtpSettings::Security;

// Wide enough for the French labels and a two-line error under a field.
constexpr int dialogWidth = 600;

// The fields in the order they are shown: the first refused one takes the focus.
const QStringList fieldOrder = {QStringLiteral("smtpHost"),
                                QStringLiteral("smtpPort"),
                                QStringLiteral("smtpCaFile"),
                                QStringLiteral("pickupFolder"),
                                QStringLiteral("sender"),
                                QStringLiteral("moderatorsAddress"),
                                QStringLiteral("testRecipient")};

QLabel *noteLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, Look::toneText(palette, Look::Tone::Danger));
    label->setPalette(palette);
    return label;
}

QLineEdit *lineEdit(const QString &name, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    return edit;
}

// Return in the test address sends the test instead of pressing OK.
class ReturnSendsTest : public QObject
{
public:
    explicit ReturnSendsTest(MailSettingsDialog *dialog)
        : QObject(dialog)
        , m_dialog(dialog)
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Return || key == Qt::Key_Enter) {
                m_dialog->sendTestMail();
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    MailSettingsDialog *m_dialog;
};

// The test mail, in French whatever the screen language, like every mail of the application:
// it goes to a person's mailbox, not to this screen.
MailMessage testMessage(const MailSettings &mail, const QString &to, const QString &where)
{
    const QString signature
            = mail.sender.name.isEmpty() ? QStringLiteral("Collectiv'Récup") : mail.sender.name;
    QString how;
    if (mail.transport == Transport::Smtp) {
        const QString security
                = mail.smtp.security == Security::None       ? QStringLiteral("sans chiffrement")
                  : mail.smtp.security == Security::StartTls ? QStringLiteral("avec STARTTLS")
                                                             : QStringLiteral("avec TLS");
        how = QStringLiteral("par le serveur SMTP %1 (%2)").arg(where, security);
    } else {
        how = QStringLiteral("dans le dossier %1").arg(where);
    }
    MailMessage message;
    message.from = mail.sender;
    if (message.from.address.trimmed().isEmpty()) // as the platform does without a sender
        message.from.address = QStringLiteral("ne-pas-repondre@") + to.section(u'@', -1);
    message.to = {{to, {}}};
    message.subject = QStringLiteral("Collectiv'Récup : courriel d'essai");
    message.textBody
            = QStringLiteral("Bonjour,\n"
                             "\n"
                             "Ce courriel a été envoyé par Collectiv'Récup depuis le poste %1, "
                             "%2, pour vérifier les réglages d'envoi des courriels.\n"
                             "\n"
                             "Si vous le lisez, l'application peut envoyer ses courriels : "
                             "demandes de contact, résultats de modération, rappels et avis "
                             "d'enlèvement.\n"
                             "\n"
                             "Inutile d'y répondre.\n"
                             "\n"
                             "-- \n"
                             "%3\n")
                      .arg(QHostInfo::localHostName(), how, signature);
    message.extraHeaders
            = {{QByteArrayLiteral("Auto-Submitted"), QStringLiteral("auto-generated")}};
    message.stamp();
    return message;
}

} // namespace

MailSettingsDialog::MailSettingsDialog(AppSettings &settings, PasswordStore *store, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_store(store)
{
    setObjectName(QStringLiteral("mailSettingsDialog"));
    setWindowTitle(tr("Sending mails"));
    buildForm();

    const MailSettings loaded = MailSettings::load(m_settings);
    m_loadedProfile = loaded.keychainProfile();
    m_loadedUser = loaded.smtp.user;
    showFields(loaded);

    m_testTick.setInterval(1000);
    connect(&m_testTick, &QTimer::timeout, this, &MailSettingsDialog::showTestBusy);

    if (m_store) {
        connect(m_store, &PasswordStore::availabilityKnown, this, [this] {
            updateRemember();
            askSavedPassword();
        });
        connect(m_store, &PasswordStore::passwordRead, this, &MailSettingsDialog::onPasswordRead);
        if (m_store->isProbed())
            askSavedPassword();
        else
            m_store->probe();
    }
    updateRemember();
}

MailSettingsDialog::~MailSettingsDialog() = default;

void MailSettingsDialog::buildForm()
{
    auto *intro = noteLabel(this);
    intro->setText(tr("How the mails of Collectiv'Récup (contacts, moderation, reminders, "
                      "pickups) leave this workstation, and whom they come from."));

    m_message = new MessageBar(this);

    m_form = new QWidget(this);
    m_form->setObjectName(QStringLiteral("mailSettingsForm"));
    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(buildTransportRows());
    formLayout->addWidget(buildSmtpBox());
    formLayout->addWidget(buildFolderBox());
    formLayout->addWidget(buildPeopleBox());
    // The test: outside m_form, which is frozen while a test runs.
    QGroupBox *testBox = buildTestBox();

    // Everything but the messages and the buttons scrolls on a small screen.
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_form);
    contentLayout->addWidget(testBox);
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("mailSettingsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // Tab goes from the last field to the buttons
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MailSettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MailSettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_message);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_buttons);
    fitToScreen(content);
    connectFields();
}

// How the mails leave: the relay, an SMTP server or a folder.
QFormLayout *MailSettingsDialog::buildTransportRows()
{
    auto *transportForm = new QFormLayout;
    transportForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_transport = new QComboBox(m_form);
    m_transport->setObjectName(QStringLiteral("transport"));
    m_transport->addItem(tr("Not from this workstation: the mails wait for the relay"),
                         int(Transport::None));
    m_transport->addItem(tr("Through an SMTP server"), int(Transport::Smtp));
    m_transport->addItem(tr("Into a folder of .eml files"), int(Transport::PickupFolder));
    auto *transportLabel = new QLabel(tr("&Send the mails:"), m_form);
    transportLabel->setBuddy(m_transport);
    transportForm->addRow(transportLabel, m_transport);
    m_transportNote = noteLabel(m_form);
    m_transportNote->setObjectName(QStringLiteral("transportNote"));
    transportForm->addRow(QString(), m_transportNote);
    return transportForm;
}

QGroupBox *MailSettingsDialog::buildSmtpBox()
{
    m_smtpBox = new QGroupBox(tr("SMTP server"), m_form);
    m_smtpBox->setObjectName(QStringLiteral("smtpBox"));
    auto *smtp = new QFormLayout(m_smtpBox);
    smtp->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addSmtpServerRows(smtp);
    addSmtpCertificateRows(smtp);
    addSmtpLoginRows(smtp);
    return m_smtpBox;
}

// Host, port and encryption.
void MailSettingsDialog::addSmtpServerRows(QFormLayout *smtp)
{
    m_host = lineEdit(QStringLiteral("smtpHost"), tr("For example: smtp.agglo.local"), m_smtpBox);
    m_port = new QSpinBox(m_smtpBox);
    m_port->setObjectName(QStringLiteral("smtpPort"));
    m_port->setRange(0, 65535);
    m_port->setToolTip(tr("587 for STARTTLS, 465 for TLS, 25 without encryption, unless your IT "
                          "department says otherwise."));
    auto *portLabel = new QLabel(tr("&Port:"), m_smtpBox);
    portLabel->setBuddy(m_port);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    auto *hostLabel = new QLabel(tr("Ser&ver:"), m_smtpBox);
    hostLabel->setBuddy(m_host);
    smtp->addRow(hostLabel, hostRow);
    addFieldError(QStringLiteral("smtpHost"), smtp, m_host);
    addFieldError(QStringLiteral("smtpPort"), smtp, m_port);

    m_security = new QComboBox(m_smtpBox);
    m_security->setObjectName(QStringLiteral("smtpSecurity"));
    m_security->addItem(tr("None: not encrypted"), int(Security::None));
    m_security->addItem(tr("STARTTLS (recommended)"), int(Security::StartTls));
    m_security->addItem(tr("TLS from the first byte (SMTPS)"), int(Security::Tls));
    smtp->addRow(tr("&Encryption:"), m_security);
}

// The certificate authority, or (with a warning) no check at all.
void MailSettingsDialog::addSmtpCertificateRows(QFormLayout *smtp)
{
    m_caFile = lineEdit(QStringLiteral("smtpCaFile"),
                        tr("Optional: the file given by your IT department (.crt, .pem)"),
                        m_smtpBox);
    auto *browseCa = new QPushButton(tr("&Browse…"), m_smtpBox);
    browseCa->setObjectName(QStringLiteral("smtpCaFileBrowse"));
    browseCa->setAutoDefault(false);
    connect(browseCa, &QPushButton::clicked, this, &MailSettingsDialog::browseCaFile);
    m_caFileRow = new QWidget(m_smtpBox);
    auto *caRow = new QHBoxLayout(m_caFileRow);
    caRow->setContentsMargins(0, 0, 0, 0);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browseCa);
    m_caFileLabel = new QLabel(tr("Certificate &authority:"), m_smtpBox);
    m_caFileLabel->setBuddy(m_caFile);
    smtp->addRow(m_caFileLabel, m_caFileRow);
    addFieldError(QStringLiteral("smtpCaFile"), smtp, m_caFile);

    m_ignoreErrors = new QCheckBox(tr("&Ignore certificate errors"), m_smtpBox);
    m_ignoreErrors->setObjectName(QStringLiteral("smtpIgnoreCertificateErrors"));
    smtp->addRow(QString(), m_ignoreErrors);
    m_certificateWarning = errorLabel(m_smtpBox);
    m_certificateWarning->setObjectName(QStringLiteral("certificateWarning"));
    m_certificateWarning->setText(
            tr("Warning: without checking the certificate, anyone between this computer and "
               "the server can read the mails and the password, or pose as the server. Give the "
               "certificate authority file instead whenever you can."));
    smtp->addRow(QString(), m_certificateWarning);
}

// The SMTP login and its password, remembered in the password safe.
void MailSettingsDialog::addSmtpLoginRows(QFormLayout *smtp)
{
    m_user = lineEdit(
            QStringLiteral("smtpUser"), tr("Empty: the server asks for no login"), m_smtpBox);
    smtp->addRow(tr("&User name:"), m_user);
    m_password = new QLineEdit(m_smtpBox);
    m_password->setObjectName(QStringLiteral("smtpPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    smtp->addRow(tr("Pass&word:"), m_password);
    m_remember
            = new QCheckBox(tr("&Remember the password in the system's password safe"), m_smtpBox);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    m_remember->setChecked(true);
    smtp->addRow(QString(), m_remember);
    m_rememberNote = noteLabel(m_smtpBox);
    m_rememberNote->setObjectName(QStringLiteral("rememberNote"));
    smtp->addRow(QString(), m_rememberNote);
}

QGroupBox *MailSettingsDialog::buildFolderBox()
{
    m_folderBox = new QGroupBox(tr("Folder of mail files"), m_form);
    m_folderBox->setObjectName(QStringLiteral("folderBox"));
    auto *folder = new QFormLayout(m_folderBox);
    folder->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_pickupFolder = lineEdit(QStringLiteral("pickupFolder"),
                              tr("The full path of a folder, for example: %1")
                                      .arg(QDir::toNativeSeparators(
                                              QDir::home().filePath(QStringLiteral("courriels")))),
                              m_folderBox);
    auto *browseFolder = new QPushButton(tr("B&rowse…"), m_folderBox);
    browseFolder->setObjectName(QStringLiteral("pickupFolderBrowse"));
    browseFolder->setAutoDefault(false);
    connect(browseFolder, &QPushButton::clicked, this, &MailSettingsDialog::browsePickupFolder);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_pickupFolder, 1);
    folderRow->addWidget(browseFolder);
    auto *folderLabel = new QLabel(tr("&Folder:"), m_folderBox);
    folderLabel->setBuddy(m_pickupFolder);
    folder->addRow(folderLabel, folderRow);
    addFieldError(QStringLiteral("pickupFolder"), folder, m_pickupFolder);
    return m_folderBox;
}

// Who the mails come from, and the moderators.
QGroupBox *MailSettingsDialog::buildPeopleBox()
{
    auto *peopleBox = new QGroupBox(tr("Sender and moderators"), m_form);
    peopleBox->setObjectName(QStringLiteral("peopleBox"));
    auto *people = new QFormLayout(peopleBox);
    people->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_senderAddress = lineEdit(QStringLiteral("senderAddress"),
                               tr("For example: collectiv-recup@agglo.fr"),
                               peopleBox);
    people->addRow(tr("Sender a&ddress:"), m_senderAddress);
    addFieldError(QStringLiteral("sender"), people, m_senderAddress);
    m_senderName
            = lineEdit(QStringLiteral("senderName"), tr("For example: Collectiv'Récup"), peopleBox);
    people->addRow(tr("Sender &name:"), m_senderName);
    m_moderators = lineEdit(QStringLiteral("moderatorsAddress"),
                            tr("Empty: the moderators' own addresses"),
                            peopleBox);
    m_moderators->setToolTip(tr("A shared mailbox that receives the mails meant for the "
                                "moderators. Leave it empty to write to each active moderator."));
    people->addRow(tr("&Moderators' address:"), m_moderators);
    addFieldError(QStringLiteral("moderatorsAddress"), people, m_moderators);
    m_keptByDatabase = new QLabel(tr("On this server, the database names who every mail comes "
                                     "from and the moderators' address (your IT department sets "
                                     "them with collectiv-recup-admin mail-policy). The fields "
                                     "above only sign the test mail."),
                                  peopleBox);
    m_keptByDatabase->setObjectName(QStringLiteral("senderKeptByDatabase"));
    m_keptByDatabase->setWordWrap(true);
    people->addRow(m_keptByDatabase);
    people->setRowVisible(m_keptByDatabase, false);
    return peopleBox;
}

void MailSettingsDialog::setSenderKeptByDatabase(bool kept)
{
    m_senderKeptByDatabase = kept;
    if (auto *people = qobject_cast<QFormLayout *>(m_keptByDatabase->parentWidget()->layout())) {
        people->setRowVisible(m_keptByDatabase, kept);
        people->setRowVisible(m_moderators, !kept);
    }
}

// A test mail to an address, with its progress and its result.
QGroupBox *MailSettingsDialog::buildTestBox()
{
    auto *testBox = new QGroupBox(tr("Test"), this);
    testBox->setObjectName(QStringLiteral("testBox"));
    auto *test = new QFormLayout(testBox);
    test->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_testRecipient = lineEdit(
            QStringLiteral("testRecipient"), tr("For example: your own address"), testBox);
    m_testRecipient->installEventFilter(new ReturnSendsTest(this));
    m_testButton = new QPushButton(tr("Send a &test mail"), testBox);
    m_testButton->setObjectName(QStringLiteral("sendTestMail"));
    m_testButton->setAutoDefault(false);
    connect(m_testButton, &QPushButton::clicked, this, &MailSettingsDialog::sendTestMail);
    m_stopButton = new QPushButton(tr("&Stop"), testBox);
    m_stopButton->setObjectName(QStringLiteral("stopTest"));
    m_stopButton->setAutoDefault(false);
    m_stopButton->hide();
    connect(m_stopButton, &QPushButton::clicked, this, &MailSettingsDialog::stopTest);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testRecipient, 1);
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_stopButton);
    auto *testLabel = new QLabel(tr("Send it t&o:"), testBox);
    testLabel->setBuddy(m_testRecipient);
    test->addRow(testLabel, testRow);
    addFieldError(QStringLiteral("testRecipient"), test, m_testRecipient);
    m_testBusy = noteLabel(testBox);
    m_testBusy->setObjectName(QStringLiteral("testBusy"));
    test->addRow(QString(), m_testBusy);
    test->setRowVisible(m_testBusy, false);
    m_testResult = new MessageBar(testBox);
    m_testResult->setObjectName(QStringLiteral("testResult"));
    test->addRow(m_testResult);
    return testBox;
}

// As tall as the content, as far as the screen allows.
void MailSettingsDialog::fitToScreen(QWidget *content)
{
    const int wanted = content->sizeHint().height() + m_buttons->sizeHint().height() + 120;
    const QScreen *screen = this->screen();
    const int available = screen ? screen->availableGeometry().height() - 60 : wanted;
    resize(std::max(dialogWidth, content->sizeHint().width() + 40), std::min(wanted, available));
}

void MailSettingsDialog::connectFields()
{
    connect(m_transport,
            &QComboBox::currentIndexChanged,
            this,
            &MailSettingsDialog::updateTransport);
    connect(m_security, &QComboBox::currentIndexChanged, this, &MailSettingsDialog::updateSecurity);
    connect(m_ignoreErrors, &QCheckBox::toggled, this, &MailSettingsDialog::updateSecurity);

    // A message under a field goes once the person changes that field.
    const auto clears = [this](QLineEdit *edit, const QString &field) {
        connect(edit, &QLineEdit::textEdited, this, [this, field] { setFieldError(field, {}); });
    };
    clears(m_host, QStringLiteral("smtpHost"));
    clears(m_caFile, QStringLiteral("smtpCaFile"));
    clears(m_pickupFolder, QStringLiteral("pickupFolder"));
    clears(m_senderAddress, QStringLiteral("sender"));
    clears(m_moderators, QStringLiteral("moderatorsAddress"));
    clears(m_testRecipient, QStringLiteral("testRecipient"));
    connect(m_port, &QSpinBox::valueChanged, this, [this] {
        setFieldError(QStringLiteral("smtpPort"), {});
    });
    // A password filled in from the safe belongs to the server and user it was read for.
    const auto forgetsSafePassword = [this] {
        if (m_passwordFromSafe)
            m_password->clear();
        m_passwordFromSafe = false;
    };
    connect(m_user, &QLineEdit::textEdited, this, forgetsSafePassword);
    connect(m_host, &QLineEdit::textEdited, this, forgetsSafePassword);
    connect(m_password, &QLineEdit::textEdited, this, [this] { m_passwordFromSafe = false; });
}

void MailSettingsDialog::addFieldError(const QString &field, QFormLayout *form, QWidget *focus)
{
    QLabel *label = errorLabel(form->parentWidget());
    label->setObjectName(QStringLiteral("error_") + field);
    form->addRow(QString(), label);
    form->setRowVisible(label, false);
    m_fieldErrors.insert(field, FieldError{form, label, focus});
}

void MailSettingsDialog::showFields(const MailSettings &mail)
{
    m_transport->setCurrentIndex(std::max(0, m_transport->findData(int(mail.transport))));
    m_host->setText(mail.smtp.host);
    m_shownSecurity = mail.smtp.security;
    m_security->setCurrentIndex(std::max(0, m_security->findData(int(mail.smtp.security))));
    m_port->setValue(mail.smtp.port);
    m_user->setText(mail.smtp.user);
    m_caFile->setText(QDir::toNativeSeparators(mail.smtp.caFile));
    m_ignoreErrors->setChecked(mail.smtp.ignoreCertificateErrors);
    m_pickupFolder->setText(QDir::toNativeSeparators(mail.pickupFolder));
    m_senderAddress->setText(mail.sender.address);
    m_senderName->setText(mail.sender.name);
    m_moderators->setText(mail.moderatorsAddress);
    updateTransport();
    updateSecurity();
}

void MailSettingsDialog::updateTransport()
{
    const auto transport = Transport(m_transport->currentData().toInt());
    m_smtpBox->setEnabled(transport == Transport::Smtp);
    m_folderBox->setEnabled(transport == Transport::PickupFolder);
    switch (transport) {
    case Transport::None:
        m_transportNote->setText(tr("Nothing is sent from this workstation: the mails wait in "
                                    "the outbox until the relay of your IT department sends "
                                    "them."));
        break;
    case Transport::Smtp:
        m_transportNote->setText(tr("This workstation sends the mails itself through the SMTP "
                                    "server of your organisation."));
        break;
    case Transport::PickupFolder:
        m_transportNote->setText(tr("The mails are written as .eml files into a folder, where "
                                    "any mail program opens them: nothing leaves the computer "
                                    "(demonstration, tests)."));
        break;
    }
    if (!isTesting()) {
        m_testButton->setEnabled(transport != Transport::None);
        m_testButton->setToolTip(transport == Transport::None
                                         ? tr("Nothing is sent from this workstation: choose an "
                                              "SMTP server or a folder to send a test mail.")
                                         : QString());
    }
}

void MailSettingsDialog::updateSecurity()
{
    const auto security = Security(m_security->currentData().toInt());
    if (security != m_shownSecurity) {
        // A port left at the old mode's default follows the mode; one typed in stays.
        if (m_port->value() == SmtpSettings::defaultPort(m_shownSecurity) || m_port->value() == 0)
            m_port->setValue(SmtpSettings::defaultPort(security));
        m_shownSecurity = security;
    }
    const bool encrypted = security != Security::None;
    m_caFileRow->setEnabled(encrypted);
    m_caFileLabel->setEnabled(encrypted);
    m_ignoreErrors->setEnabled(encrypted);
    auto *smtp = static_cast<QFormLayout *>(m_smtpBox->layout());
    smtp->setRowVisible(m_certificateWarning, encrypted && m_ignoreErrors->isChecked());
    m_security->setToolTip(encrypted ? QString()
                                     : tr("The mails and the password travel readable by anyone "
                                          "on the network."));
}

void MailSettingsDialog::updateRemember()
{
    auto *smtp = static_cast<QFormLayout *>(m_smtpBox->layout());
    const bool probing = m_store && !m_store->isProbed();
    const bool available = m_store && m_store->available();
    smtp->setRowVisible(m_remember, probing || available);
    smtp->setRowVisible(m_rememberNote, !probing && !available);
    m_remember->setEnabled(available);
    if (probing) {
        m_remember->setToolTip(tr("Checking whether this computer can keep passwords…"));
    } else if (available) {
        m_remember->setToolTip(tr("The password is kept in the password safe of your computer "
                                  "session, never in a file."));
    } else {
        m_rememberNote->setText(tr("No password safe on this computer: the password is kept "
                                   "only until the application closes, never in a file."));
        m_rememberNote->setToolTip(m_store ? m_store->unavailableDetail() : QString());
    }
}

void MailSettingsDialog::browseCaFile()
{
    const QString start = m_caFile->text().isEmpty() ? QDir::homePath()
                                                     : QFileInfo(m_caFile->text()).absolutePath();
    const QString file
            = QFileDialog::getOpenFileName(this,
                                           tr("Certificate authority of the mail server"),
                                           start,
                                           tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (!file.isEmpty()) {
        m_caFile->setText(QDir::toNativeSeparators(file));
        setFieldError(QStringLiteral("smtpCaFile"), {});
    }
}

void MailSettingsDialog::browsePickupFolder()
{
    const QString start
            = m_pickupFolder->text().isEmpty() ? QDir::homePath() : m_pickupFolder->text();
    const QString folder
            = QFileDialog::getExistingDirectory(this, tr("Folder of mail files"), start);
    if (!folder.isEmpty()) {
        m_pickupFolder->setText(QDir::toNativeSeparators(folder));
        setFieldError(QStringLiteral("pickupFolder"), {});
    }
}

void MailSettingsDialog::askSavedPassword()
{
    if (!m_store || m_loadedUser.isEmpty() || !m_password->text().isEmpty())
        return;
    if (m_store->isProbed() && !m_store->available())
        return;
    m_store->read(m_loadedProfile, m_loadedUser);
}

void MailSettingsDialog::onPasswordRead(const QString &profile,
                                        const QString &user,
                                        const QString &password)
{
    // Only if nothing changed meanwhile: the person's own typing always wins.
    const MailSettings shown = mailSettings();
    if (profile != m_loadedProfile || user != m_loadedUser || shown.keychainProfile() != profile
        || shown.smtp.user != user || !m_password->text().isEmpty())
        return;
    m_password->setText(password);
    m_passwordFromSafe = true;
    m_remember->setChecked(true);
}

void MailSettingsDialog::setTestRecipient(const QString &address)
{
    m_testRecipient->setText(address.trimmed());
    setFieldError(QStringLiteral("testRecipient"), {});
}

QString MailSettingsDialog::testRecipient() const
{
    return m_testRecipient->text().trimmed();
}

void MailSettingsDialog::setPassword(const QString &password)
{
    m_password->setText(password);
    m_passwordFromSafe = false;
}

MailSettings MailSettingsDialog::mailSettings() const
{
    MailSettings mail;
    mail.transport = Transport(m_transport->currentData().toInt());
    mail.smtp.host = m_host->text().trimmed();
    mail.smtp.port = quint16(m_port->value());
    mail.smtp.security = Security(m_security->currentData().toInt());
    mail.smtp.user = m_user->text().trimmed();
    mail.smtp.password = m_password->text();
    mail.smtp.caFile = QDir::fromNativeSeparators(m_caFile->text().trimmed());
    mail.smtp.ignoreCertificateErrors = m_ignoreErrors->isChecked();
    mail.pickupFolder = QDir::fromNativeSeparators(m_pickupFolder->text().trimmed());
    mail.sender.address = m_senderAddress->text().trimmed();
    mail.sender.name = m_senderName->text().trimmed();
    mail.moderatorsAddress = m_moderators->text().trimmed();
    return mail;
}

QPushButton *MailSettingsDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QString MailSettingsDialog::fieldError(const QString &field) const
{
    const auto found = m_fieldErrors.constFind(field);
    if (found == m_fieldErrors.constEnd() || !found->form->isRowVisible(found->label))
        return {};
    return found->label->text();
}

QString MailSettingsDialog::testResultText() const
{
    return m_testResult->isHidden() ? QString() : m_testResult->text();
}

QString MailSettingsDialog::testResultDetail() const
{
    return m_testResult->isHidden() ? QString() : m_testResult->detail();
}

QString MailSettingsDialog::errorText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void MailSettingsDialog::clearFieldErrors()
{
    for (const QString &field : fieldOrder)
        setFieldError(field, {});
}

void MailSettingsDialog::setFieldError(const QString &field, const QString &message)
{
    const auto found = m_fieldErrors.constFind(field);
    if (found == m_fieldErrors.constEnd())
        return;
    found->label->setText(message);
    found->form->setRowVisible(found->label, !message.isEmpty());
    found->field->setAccessibleDescription(message);
}

bool MailSettingsDialog::checkFields(const MailSettings &mail, bool forTest)
{
    clearFieldErrors();
    QHash<QString, QStringList> refused;
    if (const Status valid = mail.validate(); !valid) {
        for (const auto &[field, message] : valid.error().fields) {
            // The database names the sender: an empty field is fine, a wrong one is not.
            const bool databases = field == QLatin1String("sender")
                                   || field == QLatin1String("moderatorsAddress");
            const QString typed = field == QLatin1String("sender") ? mail.sender.address
                                                                   : mail.moderatorsAddress;
            if (m_senderKeptByDatabase && databases && typed.trimmed().isEmpty())
                continue;
            refused[field].append(message);
        }
    }
    // Qt reads the file only when connecting: a path that leads nowhere is said here.
    if (mail.transport == Transport::Smtp && mail.smtp.security != Security::None
        && !mail.smtp.caFile.isEmpty() && !QFileInfo(mail.smtp.caFile).isFile()) {
        refused[QStringLiteral("smtpCaFile")].append(
                tr("The certificate authority file %1 cannot be found.")
                        .arg(QDir::toNativeSeparators(mail.smtp.caFile)));
    }
    if (forTest) {
        const QString to = testRecipient();
        if (to.isEmpty()) {
            refused[QStringLiteral("testRecipient")].append(
                    tr("Give the address the test mail goes to."));
        } else if (const Result<QString> ok
                   = MailAddress::validate(to, QStringLiteral("testRecipient"));
                   !ok) {
            refused[QStringLiteral("testRecipient")].append(ok.error().message);
        }
    }
    QWidget *first = nullptr;
    for (const QString &field : fieldOrder) {
        if (!refused.contains(field))
            continue;
        setFieldError(field, refused.value(field).join(u'\n'));
        if (!first)
            first = m_fieldErrors.value(field).field;
    }
    if (first)
        focusField(first);
    return refused.isEmpty();
}

void MailSettingsDialog::focusField(QWidget *field)
{
    if (!field->isEnabled())
        return;
    field->setFocus(Qt::OtherFocusReason);
    if (auto *edit = qobject_cast<QLineEdit *>(field))
        edit->selectAll();
    else if (auto *spin = qobject_cast<QSpinBox *>(field))
        spin->selectAll();
    // Inside the scroll area: bring it into view.
    for (QWidget *w = field->parentWidget(); w; w = w->parentWidget()) {
        if (auto *scroll = qobject_cast<QScrollArea *>(w)) {
            scroll->ensureWidgetVisible(field);
            break;
        }
    }
}

void MailSettingsDialog::sendTestMail()
{
    if (isTesting())
        return;
    m_message->dismiss();
    m_testResult->dismiss();
    MailSettings mail = mailSettings();
    if (mail.transport == Transport::None) {
        m_testResult->showMessage(MessageBar::Kind::Information,
                                  tr("Nothing is sent from this workstation: choose an SMTP "
                                     "server or a folder to send a test mail."));
        return;
    }
    if (!checkFields(mail, true)) {
        m_testResult->showMessage(MessageBar::Kind::Warning,
                                  tr("The test mail was not sent: correct the fields that say "
                                     "what is wrong, then try again."));
        return;
    }
    mail.smtp.timeoutMs = m_testTimeoutMs;

    const QString to = testRecipient();
    const QString sender
            = mail.sender.name.isEmpty() ? QStringLiteral("Collectiv'Récup") : mail.sender.name;
    const QString where = mail.transport == Transport::Smtp
                                  ? QStringLiteral("%1:%2").arg(mail.smtp.host).arg(mail.smtp.port)
                                  : QDir::toNativeSeparators(mail.pickupFolder);
    const MailMessage message = testMessage(mail, to, where);

    std::unique_ptr<MailTransport> transport = mail.makeTransport(this);
    if (!transport)
        return;
    MailTransport *sending = transport.release();
    m_testTransport = sending;
    m_testWhere = where;
    m_testTo = to;
    connect(sending,
            &MailTransport::finished,
            this,
            [this, sending, to, where, transport = mail.transport](const QString &,
                                                                   const SendResult &result) {
                sending->deleteLater();
                if (m_testTransport != sending)
                    return; // stopped: the answer came too late to matter
                m_testTransport = nullptr;
                setTesting(false);
                finishTest(to, where, transport == Transport::PickupFolder, result);
            });
    setTesting(true);
    sending->send(message);
}

void MailSettingsDialog::stopTest()
{
    if (!isTesting())
        return;
    // Deleting the transport closes its connection; no answer will come.
    m_testTransport->disconnect(this);
    m_testTransport->deleteLater();
    m_testTransport = nullptr;
    setTesting(false);
    m_lastTestResult.reset();
    m_testResult->showMessage(MessageBar::Kind::Information,
                              tr("The test was stopped before %1 answered.").arg(m_testWhere));
    m_testButton->setFocus(Qt::OtherFocusReason);
}

void MailSettingsDialog::setTesting(bool testing)
{
    const bool changed = m_stopButton->isVisible() != testing;
    m_form->setEnabled(!testing);
    m_testRecipient->setEnabled(!testing);
    m_testButton->setEnabled(!testing);
    m_stopButton->setVisible(testing);
    okButton()->setEnabled(!testing);
    auto *test = static_cast<QFormLayout *>(m_testBusy->parentWidget()->layout());
    test->setRowVisible(m_testBusy, testing);
    if (testing) {
        if (changed) {
            m_testElapsed.start();
            m_testTick.start();
            setCursor(Qt::BusyCursor);
            m_stopButton->setFocus(Qt::OtherFocusReason);
        }
        showTestBusy();
    } else {
        m_testTick.stop();
        unsetCursor();
        updateTransport();
    }
    if (changed)
        emit testingChanged(testing);
}

void MailSettingsDialog::showTestBusy()
{
    const qint64 seconds = m_testElapsed.elapsed() / 1000;
    m_testBusy->setText(
            seconds < 2 ? tr("Sending the test mail to %1 through %2…").arg(m_testTo, m_testWhere)
                        : tr("Sending the test mail to %1 through %2… (%3 s)")
                                  .arg(m_testTo, m_testWhere)
                                  .arg(seconds));
}

void MailSettingsDialog::finishTest(const QString &recipient,
                                    const QString &where,
                                    bool folder,
                                    const SendResult &result)
{
    m_lastTestResult = result;
    const QString serverWords
            = result.serverReply.isEmpty()
                      ? QString()
                      : tr("The server answered: %1").arg(result.serverReply.trimmed());
    if (result.sent()) {
        const QString text
                = folder ? tr("The test mail to %1 was written into the folder: open it with a "
                              "mail program to check it.")
                                   .arg(recipient)
                         : tr("The server accepted the test mail to %1: check that it arrives "
                              "in that mailbox.")
                                   .arg(recipient);
        QStringList detail{result.message};
        if (!serverWords.isEmpty())
            detail.append(serverWords);
        m_testResult->showMessage(MessageBar::Kind::Information, text, detail.join(u'\n'));
        return;
    }
    // The reason and the server's own words, in full view; what was tried, on demand.
    QString text = result.message;
    if (!serverWords.isEmpty())
        text += u'\n' + serverWords;
    m_testResult->showMessage(MessageBar::Kind::Error,
                              text,
                              tr("Tried: %1 to %2.").arg(where, recipient),
                              [this] { sendTestMail(); });

    QWidget *field = m_testButton;
    switch (result.stage) {
    case SendResult::Stage::Connection:
    case SendResult::Stage::Greeting:
    case SendResult::Stage::Hello:
        field = m_host;
        break;
    case SendResult::Stage::Tls:
        field = m_security;
        break;
    case SendResult::Stage::Authentication:
        field = m_user->text().trimmed().isEmpty() ? m_user : m_password;
        break;
    case SendResult::Stage::Sender:
        field = m_senderAddress;
        break;
    case SendResult::Stage::Composition:
    case SendResult::Stage::Recipient:
        field = m_testRecipient;
        break;
    case SendResult::Stage::Storage:
        field = m_pickupFolder;
        break;
    case SendResult::Stage::Data:
    case SendResult::Stage::Done:
        break;
    }
    focusField(field);
}

void MailSettingsDialog::accept()
{
    if (isTesting())
        stopTest();
    m_message->dismiss();
    const MailSettings mail = mailSettings();
    if (!checkFields(mail, false)) {
        m_message->showMessage(MessageBar::Kind::Warning,
                               tr("Nothing was saved: correct the fields that say what is "
                                  "wrong."));
        return;
    }
    mail.save(m_settings);
    m_settings.sync();
    storePassword(mail);
    emit settingsSaved(mail);
    QDialog::accept();
}

void MailSettingsDialog::storePassword(const MailSettings &mail)
{
    if (!m_store || (m_store->isProbed() && !m_store->available()))
        return; // the application keeps mailSettings().smtp.password for this session
    const QString profile = mail.keychainProfile();
    const QString user = mail.smtp.user;
    if (!user.isEmpty()) {
        if (!m_remember->isChecked())
            m_store->remove(profile, user);
        else if (!mail.smtp.password.isEmpty())
            m_store->write(profile, user, mail.smtp.password);
        // Remembered but empty: the safe may not have answered yet; what it holds stays.
    }
    // The entry of a server or user no longer used goes.
    if (!m_loadedUser.isEmpty() && (profile != m_loadedProfile || user != m_loadedUser))
        m_store->remove(m_loadedProfile, m_loadedUser);
}

void MailSettingsDialog::reject()
{
    if (isTesting()) {
        stopTest();
        return;
    }
    QDialog::reject();
}

} // namespace Recup
