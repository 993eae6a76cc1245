// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/LoginDialog.h"

#include "common/MessageBar.h"
#include "settings/PasswordStore.h"
#include "storage/ConnectionErrors.h"
#include "storage/SignIn.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QResizeEvent>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Recup {

// What the worker thread hands back: QFuture wants a default-constructible value.
struct SignInOutcome
{
    bool ok = false;
    Agent agent;
    Error error;
};

namespace {

using TlsMode = ServerProfile::TlsMode;

// Wide enough for the French labels and for a one-line error.
constexpr int dialogWidth = 520;

QLabel *noteLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    label->setPalette(palette);
    return label;
}

} // namespace

LoginDialog::LoginDialog(ServerProfiles &profiles, PasswordStore &passwords, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_passwords(passwords)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Sign in"));
    buildForm();

    connect(&m_passwords, &PasswordStore::availabilityKnown, this, [this](bool available) {
        updateRemember();
        if (available && m_shownProfile && m_shownProfile->rememberPassword)
            m_remember->setChecked(true);
        askSavedPassword();
    });
    connect(&m_passwords, &PasswordStore::passwordRead, this, &LoginDialog::onPasswordRead);
    m_elapsedTick.setInterval(1000);
    connect(&m_elapsedTick, &QTimer::timeout, this, [this] { setConnecting(true, m_busyWhere); });

    fillProfiles(m_profiles.lastUsed());
    m_passwords.probe();
    updateRemember();
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::buildForm()
{
    auto *layout = new QVBoxLayout(this);
    // The height follows what is shown (settings, messages, details): see fitHeight().
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    addHeading(layout);
    layout->addSpacing(8);

    m_form = new QWidget(this);
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addProfileRow(form);
    form->addRow(buildServerSettings());
    addPersonRows(form);
    layout->addWidget(m_form);

    m_message = new MessageBar(this);
    layout->addWidget(m_message);
    layout->addWidget(buildBusyIndicator());
    layout->addSpacing(4);
    layout->addWidget(buildButtons());
    resize(dialogWidth, height());
    connectFields();
}

void LoginDialog::addHeading(QVBoxLayout *layout)
{
    auto *title = new QLabel(tr("Sign in to Collectiv'Récup"), this);
    title->setObjectName(QStringLiteral("loginTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *subtitle = noteLabel(this);
    subtitle->setText(tr("Use the personal account that your IT department gave you."));
    layout->addWidget(title);
    layout->addWidget(subtitle);
}

// The server: a saved profile, its settings folded away once they work.
void LoginDialog::addProfileRow(QFormLayout *form)
{
    m_profileBox = new QComboBox(m_form);
    m_profileBox->setObjectName(QStringLiteral("profileBox"));
    m_profileBox->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_profileBox->setMinimumContentsLength(16);
    m_settingsButton = new QToolButton(m_form);
    m_settingsButton->setObjectName(QStringLiteral("serverSettingsButton"));
    m_settingsButton->setText(tr("Server settings"));
    m_settingsButton->setCheckable(true);
    m_settingsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_settingsButton->setAutoRaise(true);
    m_settingsButton->setArrowType(Qt::RightArrow);
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profileBox, 1);
    profileRow->addWidget(m_settingsButton);
    auto *profileLabel = new QLabel(tr("&Server:"), m_form);
    profileLabel->setBuddy(m_profileBox);
    form->addRow(profileLabel, profileRow);
}

QWidget *LoginDialog::buildServerSettings()
{
    m_settings = new QFrame(m_form);
    m_settings->setObjectName(QStringLiteral("serverSettings"));
    static_cast<QFrame *>(m_settings)->setFrameShape(QFrame::StyledPanel);
    auto *settings = new QFormLayout(m_settings);
    settings->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addServerAddressRows(settings);
    addEncryptionRows(settings);
    return m_settings;
}

void LoginDialog::addServerAddressRows(QFormLayout *settings)
{
    m_profileName = new QLineEdit(m_settings);
    m_profileName->setObjectName(QStringLiteral("profileName"));
    m_profileName->setPlaceholderText(tr("For example: Agglomération"));
    settings->addRow(tr("Profile &name:"), m_profileName);

    m_host = new QLineEdit(m_settings);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("For example: db.agglo.local"));
    m_port = new QSpinBox(m_settings);
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("Default"));
    m_port->setToolTip(tr("Default: 5432, or the port of the service."));
    auto *portLabel = new QLabel(tr("&Port:"), m_settings);
    portLabel->setBuddy(m_port);
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(portLabel);
    hostRow->addWidget(m_port);
    auto *hostLabel = new QLabel(tr("Server &address:"), m_settings);
    hostLabel->setBuddy(m_host);
    settings->addRow(hostLabel, hostRow);

    m_database = new QLineEdit(m_settings);
    m_database->setObjectName(QStringLiteral("database"));
    m_database->setPlaceholderText(tr("For example: recup"));
    settings->addRow(tr("&Database:"), m_database);

    m_service = new QLineEdit(m_settings);
    m_service->setObjectName(QStringLiteral("service"));
    m_service->setPlaceholderText(tr("Optional: a service of pg_service.conf"));
    m_service->setToolTip(tr("A connection prepared by your IT department in pg_service.conf. "
                             "What you type above overrides it."));
    settings->addRow(tr("Ser&vice:"), m_service);
}

void LoginDialog::addEncryptionRows(QFormLayout *settings)
{
    m_tls = new QComboBox(m_settings);
    m_tls->setObjectName(QStringLiteral("tlsMode"));
    m_tls->addItem(tr("Encrypted, server identity checked (recommended)"),
                   int(TlsMode::VerifyFull));
    m_tls->addItem(tr("Encrypted, certificate authority checked"), int(TlsMode::VerifyCa));
    m_tls->addItem(tr("Always encrypted"), int(TlsMode::Require));
    m_tls->addItem(tr("Encrypted when the server offers it"), int(TlsMode::Prefer));
    m_tls->addItem(tr("Not encrypted (not recommended)"), int(TlsMode::Disable));
    settings->addRow(tr("&Encryption:"), m_tls);

    m_caFile = new QLineEdit(m_settings);
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("The file given by your IT department (.crt, .pem)"));
    auto *browse = new QPushButton(tr("&Browse…"), m_settings);
    browse->setObjectName(QStringLiteral("caFileBrowse"));
    browse->setAutoDefault(false);
    connect(browse, &QPushButton::clicked, this, &LoginDialog::browseCaFile);
    m_caFileRow = new QWidget(m_settings);
    auto *caRow = new QHBoxLayout(m_caFileRow);
    caRow->setContentsMargins(0, 0, 0, 0);
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    m_caFileLabel = new QLabel(tr("Certificate &authority:"), m_settings);
    m_caFileLabel->setBuddy(m_caFile);
    settings->addRow(m_caFileLabel, m_caFileRow);

    m_singleSignOn = new QCheckBox(tr("Single sign-on (Windows/Kerberos session)"), m_settings);
    m_singleSignOn->setObjectName(QStringLiteral("singleSignOn"));
    m_singleSignOn->setToolTip(tr("Your computer session proves who you are: no password is "
                                  "typed or sent. Your IT department tells you whether the "
                                  "server accepts it."));
    settings->addRow(QString(), m_singleSignOn);
}

// The person: user name, password and whether to remember it.
void LoginDialog::addPersonRows(QFormLayout *form)
{
    m_user = new QLineEdit(m_form);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setPlaceholderText(tr("For example: jmoreau"));
    form->addRow(tr("&User name:"), m_user);

    m_password = new QLineEdit(m_form);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Pass&word:"), m_password);

    m_remember = new QCheckBox(tr("&Remember the password on this computer"), m_form);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    form->addRow(QString(), m_remember);
    m_rememberNote = noteLabel(m_form);
    m_rememberNote->setObjectName(QStringLiteral("rememberNote"));
    form->addRow(QString(), m_rememberNote);
    m_ssoNote = noteLabel(m_form);
    m_ssoNote->setObjectName(QStringLiteral("ssoNote"));
    m_ssoNote->setText(tr("Your computer session proves who you are: no password is needed."));
    form->addRow(QString(), m_ssoNote);
}

// Waiting for the server: the window keeps responding, Cancel stops waiting.
QWidget *LoginDialog::buildBusyIndicator()
{
    m_busy = new QWidget(this);
    m_busy->setObjectName(QStringLiteral("loginBusy"));
    m_busyBar = new QProgressBar(m_busy);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(90);
    m_busyText = new QLabel(m_busy);
    m_busyText->setTextFormat(Qt::PlainText);
    m_busyText->setWordWrap(true);
    auto *busyRow = new QHBoxLayout(m_busy);
    busyRow->setContentsMargins(0, 0, 0, 0);
    busyRow->addWidget(m_busyBar);
    busyRow->addWidget(m_busyText, 1);
    m_busy->hide();
    return m_busy;
}

QDialogButtonBox *LoginDialog::buildButtons()
{
    auto *buttons = new QDialogButtonBox(this);
    m_connectButton = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_connectButton->setDefault(true);
    m_cancelButton = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setIcon(QIcon()); // like Connect, which has none
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::connectToServer);
    connect(buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
    return buttons;
}

void LoginDialog::connectFields()
{
    connect(m_profileBox, &QComboBox::activated, this, &LoginDialog::showProfile);
    connect(m_settingsButton, &QToolButton::toggled, this, &LoginDialog::setServerSettingsVisible);
    connect(m_singleSignOn, &QCheckBox::toggled, this, &LoginDialog::updateSingleSignOn);
    connect(m_tls, &QComboBox::currentIndexChanged, this, &LoginDialog::updateTls);
    // A password filled in from the safe belongs to the user it was read for.
    connect(m_user, &QLineEdit::textEdited, this, [this] {
        if (m_passwordFromSafe)
            m_password->clear();
        m_passwordFromSafe = false;
    });
    connect(m_password, &QLineEdit::textEdited, this, [this] { m_passwordFromSafe = false; });
}

bool LoginDialog::event(QEvent *event)
{
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LayoutRequest)
        fitHeight();
    return handled;
}

void LoginDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    fitHeight();
}

void LoginDialog::fitHeight()
{
    // Wrapped sentences need the height for the current width, which a window's size
    // constraints do not compute: the dialog sets it itself, and grows or shrinks to fit.
    QLayout *box = layout();
    if (!box)
        return;
    box->activate();
    setMinimumWidth(std::max(dialogWidth, box->totalMinimumSize().width()));
    const int wanted = box->hasHeightForWidth() ? box->totalHeightForWidth(width())
                                                : box->totalSizeHint().height();
    if (wanted > 0 && (minimumHeight() != wanted || maximumHeight() != wanted))
        setFixedHeight(wanted);
}

void LoginDialog::fillProfiles(const QString &select)
{
    m_profileBox->clear();
    for (const ServerProfile &profile : m_profiles.profiles()) {
        m_profileBox->addItem(profile.name, profile.name);
        m_profileBox->setItemData(m_profileBox->count() - 1, profile.describe(), Qt::ToolTipRole);
    }
    m_profileBox->addItem(tr("New profile…"));
    int index = m_profileBox->findData(select);
    if (index < 0)
        index = m_profileBox->count() > 1 ? 0 : m_profileBox->count() - 1;
    m_profileBox->setCurrentIndex(index);
    showProfile(index);
}

bool LoginDialog::selectProfile(const QString &name)
{
    const int index = m_profileBox->findData(name);
    if (index < 0)
        return false;
    m_profileBox->setCurrentIndex(index);
    showProfile(index);
    return true;
}

void LoginDialog::showProfile(int index)
{
    const QString name = m_profileBox->itemData(index).toString();
    m_shownProfile = name.isEmpty() ? std::nullopt : m_profiles.profile(name);
    const ServerProfile profile = m_shownProfile.value_or(ServerProfile{});
    m_profileName->setText(profile.name);
    m_host->setText(profile.host);
    m_port->setValue(profile.port);
    m_database->setText(profile.database);
    m_service->setText(profile.service);
    m_tls->setCurrentIndex(std::max(0, m_tls->findData(int(profile.tlsMode))));
    m_caFile->setText(profile.caFile);
    m_singleSignOn->setChecked(profile.singleSignOn);
    m_user->setText(profile.user);
    m_password->clear();
    m_passwordFromSafe = false;
    m_remember->setChecked(profile.rememberPassword && m_passwords.available());
    m_message->dismiss();
    updateTls();
    updateSingleSignOn();
    updateRemember();

    // A new or incomplete profile shows its settings; a working one keeps them folded.
    const bool complete = m_shownProfile && (!profile.host.isEmpty() || !profile.service.isEmpty());
    setServerSettingsVisible(!complete);
    if (!complete)
        m_host->setFocus();
    else if (m_user->text().isEmpty())
        m_user->setFocus();
    else if (!profile.singleSignOn)
        m_password->setFocus();
    else
        m_connectButton->setFocus();
    askSavedPassword();
}

void LoginDialog::setServerSettingsVisible(bool visible)
{
    m_settings->setVisible(visible);
    const QSignalBlocker blocker(m_settingsButton);
    m_settingsButton->setChecked(visible);
    m_settingsButton->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
}

void LoginDialog::updateSingleSignOn()
{
    const bool sso = m_singleSignOn->isChecked();
    auto *form = static_cast<QFormLayout *>(m_form->layout());
    form->setRowVisible(m_password, !sso);
    form->setRowVisible(m_remember, !sso);
    form->setRowVisible(m_ssoNote, sso);
    m_user->setPlaceholderText(sso ? tr("Optional: your Windows login")
                                   : tr("For example: jmoreau"));
    updateRemember();
}

void LoginDialog::updateTls()
{
    const auto mode = TlsMode(m_tls->currentData().toInt());
    m_caFileRow->setEnabled(ServerProfile::usesCaFile(mode));
    m_caFileLabel->setEnabled(ServerProfile::usesCaFile(mode));
    m_tls->setToolTip(mode == TlsMode::Disable
                              ? tr("Passwords and data travel readable by anyone on the network.")
                              : QString());
}

void LoginDialog::updateRemember()
{
    auto *form = static_cast<QFormLayout *>(m_form->layout());
    const bool sso = m_singleSignOn->isChecked();
    const bool unavailable = m_passwords.isProbed() && !m_passwords.available();
    form->setRowVisible(m_rememberNote, !sso && unavailable);
    m_remember->setEnabled(m_passwords.available());
    if (!m_passwords.isProbed()) {
        m_remember->setToolTip(tr("Checking whether this computer can keep passwords…"));
    } else if (unavailable) {
        m_remember->setChecked(false);
        m_remember->setToolTip(m_passwords.unavailableReason());
        m_rememberNote->setText(m_passwords.unavailableReason());
        m_rememberNote->setToolTip(m_passwords.unavailableDetail());
    } else {
        m_remember->setToolTip(tr("The password is kept in the password safe of your computer "
                                  "session, never in a file."));
    }
}

void LoginDialog::browseCaFile()
{
    const QString start = m_caFile->text().isEmpty() ? QDir::homePath()
                                                     : QFileInfo(m_caFile->text()).absolutePath();
    const QString file
            = QFileDialog::getOpenFileName(this,
                                           tr("Certificate authority of the server"),
                                           start,
                                           tr("Certificates (*.crt *.pem *.cer);;All files (*)"));
    if (!file.isEmpty())
        m_caFile->setText(QDir::toNativeSeparators(file));
}

void LoginDialog::askSavedPassword()
{
    if (!m_shownProfile || !m_shownProfile->rememberPassword || m_singleSignOn->isChecked()
        || m_user->text().isEmpty() || !m_password->text().isEmpty() || isConnecting())
        return;
    if (m_passwords.isProbed() && !m_passwords.available())
        return;
    m_passwords.read(m_shownProfile->name, m_user->text());
}

void LoginDialog::onPasswordRead(const QString &profile,
                                 const QString &user,
                                 const QString &password)
{
    // Only if nothing changed meanwhile: the person's own typing always wins.
    if (!m_shownProfile || profile != m_shownProfile->name || user != m_user->text()
        || !m_password->text().isEmpty() || isConnecting())
        return;
    m_password->setText(password);
    m_passwordFromSafe = true;
    m_remember->setChecked(true);
}

ServerProfile LoginDialog::currentProfile() const
{
    ServerProfile profile;
    if (m_shownProfile)
        profile.connectTimeoutSeconds = m_shownProfile->connectTimeoutSeconds;
    profile.host = m_host->text().trimmed();
    profile.port = m_port->value();
    profile.database = m_database->text().trimmed();
    profile.service = m_service->text().trimmed();
    profile.user = m_user->text().trimmed();
    profile.tlsMode = TlsMode(m_tls->currentData().toInt());
    profile.caFile = m_caFile->text().trimmed();
    profile.singleSignOn = m_singleSignOn->isChecked();
    profile.rememberPassword = m_passwords.available()
                                       ? m_remember->isChecked()
                                       : (m_shownProfile && m_shownProfile->rememberPassword);
    profile.name = m_profileName->text().trimmed();
    if (profile.name.isEmpty())
        profile.name = !profile.host.isEmpty() ? profile.host : profile.service;
    return profile;
}

QString LoginDialog::errorText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString LoginDialog::errorDetail() const
{
    return m_message->isHidden() ? QString() : m_message->detail();
}

bool LoginDialog::validate()
{
    const ServerProfile profile = currentProfile();
    const auto refuse = [this](const QString &message, QWidget *field) {
        m_lastError = Error{Error::Kind::Invalid, message, {}, {}};
        m_message->showMessage(MessageBar::Kind::Warning, message);
        focusField(field);
        return false;
    };
    if (profile.host.isEmpty() && profile.service.isEmpty()) {
        return refuse(tr("Enter the address of the server, or the name of a service prepared by "
                         "your IT department."),
                      m_host);
    }
    if (!profile.singleSignOn && profile.user.isEmpty())
        return refuse(tr("Enter your user name."), m_user);
    if (ServerProfile::usesCaFile(profile.tlsMode) && !profile.caFile.isEmpty()
        && !QFileInfo(profile.caFile).isFile()) {
        return refuse(tr("The certificate authority file %1 cannot be found.")
                              .arg(QDir::toNativeSeparators(profile.caFile)),
                      m_caFile);
    }
    return true;
}

void LoginDialog::connectToServer()
{
    if (isConnecting())
        return;
    m_message->dismiss();
    if (!validate())
        return;
    const ServerProfile profile = currentProfile();
    std::optional<QString> password;
    if (!profile.singleSignOn && !m_password->text().isEmpty())
        password = m_password->text();
    const DatabaseConfig config = profile.toConfig(password);

    auto *watcher = new QFutureWatcher<SignInOutcome>(this);
    m_watcher = watcher;
    setConnecting(true, profile.describe());
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, profile, password] {
        watcher->deleteLater();
        if (m_watcher != watcher)
            return; // cancelled: the answer came too late to matter
        m_watcher = nullptr;
        setConnecting(false);
        finishAttempt(watcher->result(), profile, password);
    });
    // A fresh Database on the worker thread: libpq may wait up to connect_timeout there.
    watcher->setFuture(QtConcurrent::run([config] {
        SignInOutcome outcome;
        const Result<Agent> result = signIn(config);
        outcome.ok = result.ok();
        if (result)
            outcome.agent = *result;
        else
            outcome.error = result.error();
        return outcome;
    }));
}

void LoginDialog::cancelAttempt()
{
    if (!isConnecting())
        return;
    // The worker cannot be interrupted inside libpq; its late answer is dropped.
    m_watcher->disconnect(this);
    m_watcher->deleteLater();
    m_watcher = nullptr;
    setConnecting(false);
    m_lastError = {};
    m_message->showMessage(MessageBar::Kind::Information,
                           tr("The connection attempt was cancelled."));
    focusField(m_password->isVisible() ? static_cast<QWidget *>(m_password) : m_connectButton);
}

void LoginDialog::reject()
{
    if (isConnecting()) {
        cancelAttempt();
        return;
    }
    QDialog::reject();
}

void LoginDialog::setConnecting(bool connecting, const QString &where)
{
    const bool changed = m_busy->isVisible() != connecting;
    m_form->setEnabled(!connecting);
    m_connectButton->setEnabled(!connecting);
    m_busy->setVisible(connecting);
    if (!connecting) {
        m_elapsedTick.stop();
        unsetCursor();
    } else {
        if (changed) {
            m_busyWhere = where;
            m_elapsed.start();
            m_elapsedTick.start();
            setCursor(Qt::BusyCursor);
            m_cancelButton->setFocus();
        }
        const qint64 seconds = m_elapsed.elapsed() / 1000;
        m_busyText->setText(seconds < 2
                                    ? tr("Connecting to %1…").arg(m_busyWhere)
                                    : tr("Connecting to %1… (%2 s)").arg(m_busyWhere).arg(seconds));
    }
    if (changed)
        emit connectingChanged(connecting);
}

void LoginDialog::finishAttempt(const SignInOutcome &outcome,
                                const ServerProfile &profile,
                                const std::optional<QString> &password)
{
    if (!outcome.ok) {
        showError(outcome.error, profile.describe());
        focusFieldFor(outcome.error);
        return;
    }
    // It works: keep the profile (never the password) and remember who used it.
    m_profiles.save(profile);
    m_profiles.setLastUsed(profile.name);
    m_profiles.sync();
    if (!profile.singleSignOn && m_passwords.available()) {
        if (profile.rememberPassword && password)
            m_passwords.write(profile.name, profile.user, *password);
        else if (m_shownProfile && m_shownProfile->rememberPassword)
            m_passwords.remove(profile.name, profile.user);
    }
    m_lastError = {};
    m_config = profile.toConfig(password);
    m_agent = outcome.agent;
    accept();
}

void LoginDialog::showError(const Error &error, const QString &where)
{
    m_lastError = error;
    QStringList detail;
    if (!error.detail.trimmed().isEmpty())
        detail.append(error.detail.trimmed());
    if (!where.isEmpty())
        detail.append(tr("Server: %1").arg(where));
    m_message->showMessage(MessageBar::Kind::Error, error.message, detail.join(u'\n'));
}

void LoginDialog::focusFieldFor(const Error &error)
{
    // The core names the settings at fault, the likeliest first: the first one this form
    // shows gets the focus (with single sign-on, a password error points at the user name).
    for (const auto &[name, message] : error.fields) {
        QWidget *field = fieldNamed(name);
        if (field && (field != m_password || !m_singleSignOn->isChecked())) {
            focusField(field);
            return;
        }
    }
    switch (error.kind) {
    case Error::Kind::Connection:
        focusField(fieldNamed(serverField())); // the server could not be reached
        break;
    case Error::Kind::Forbidden:
        focusField(m_user);
        break;
    default:
        focusField(m_connectButton); // the schema: nothing the person can change here
        break;
    }
}

QWidget *LoginDialog::fieldNamed(const QString &name) const
{
    const std::pair<const QString &, QWidget *> fields[] = {
            {ConnectionField::host, m_host},
            {ConnectionField::port, m_port},
            {ConnectionField::database, m_database},
            {ConnectionField::service, m_service},
            {ConnectionField::user, m_user},
            {ConnectionField::password, m_password},
            {ConnectionField::tls, m_tls},
            {ConnectionField::caFile, m_caFile},
            {ConnectionField::singleSignOn, m_singleSignOn},
    };
    for (const auto &[key, field] : fields) {
        if (key == name)
            return field;
    }
    return nullptr;
}

QString LoginDialog::serverField() const
{
    return m_service->text().trimmed().isEmpty() || !m_host->text().trimmed().isEmpty()
                   ? ConnectionField::host
                   : ConnectionField::service;
}

void LoginDialog::focusField(QWidget *field)
{
    if (m_settings->isAncestorOf(field) && m_settings->isHidden())
        setServerSettingsVisible(true);
    field->setFocus(Qt::OtherFocusReason);
    if (auto *edit = qobject_cast<QLineEdit *>(field))
        edit->selectAll();
}

} // namespace Recup
