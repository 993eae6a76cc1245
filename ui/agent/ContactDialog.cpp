// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ContactDialog.h"

#include "common/Look.h"
#include "common/MessageBar.h"
#include "domain/UserText.h"
#include "storage/Database.h"
#include "storage/ReferenceCache.h"

#include <QApplication>
#include <QCollator>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Recup {

namespace {

QLabel *errorLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setStyleSheet(Look::errorStyle(QApplication::palette()));
    label->hide();
    return label;
}

} // namespace

ContactDialog::ContactDialog(Database &db,
                             const Agent &requester,
                             const ContactTarget &target,
                             const QString &title,
                             const QString &personText,
                             const MailSettings &mail,
                             QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_requester(requester)
    , m_target(target)
    , m_mail(mail)
{
    const bool answer = target.isWantedAd();
    setObjectName(QStringLiteral("contactDialog"));
    setWindowTitle(answer ? tr("Answer a wanted ad") : tr("Contact the giver"));
    setModal(true);
    setMinimumWidth(520);

    m_messageBar = new MessageBar(this);
    m_messageBar->setObjectName(QStringLiteral("contactMessageBar"));

    auto *heading = new QLabel(this);
    heading->setObjectName(QStringLiteral("contactHeading"));
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    heading->setText((answer ? tr("« %1 »\nWanted by %2") : tr("« %1 »\nGiven by %2"))
                             .arg(title, personText));
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    auto *explanation = new QLabel(
            (answer ? tr("Your message goes by mail to the person looking for it, with the "
                         "moderators in copy. The answer comes straight to your mailbox (%1). "
                         "Exchanges are between services, for professional use only.")
                    : tr("Your message goes by mail to the giver, with the moderators in copy. "
                         "The answer comes straight to your mailbox (%1). Exchanges are between "
                         "services, for professional use only."))
                    .arg(requester.email),
            this);
    explanation->setTextFormat(Qt::PlainText);
    explanation->setWordWrap(true);
    Look::makeSecondary(explanation);

    m_service = new QComboBox(this);
    m_service->setObjectName(QStringLiteral("contactService"));
    m_service->setAccessibleName(answer ? tr("Service that would give the items")
                                        : tr("Service that would receive the items"));
    // The services come from the session's reference cache, read off the GUI thread.
    ReferenceCache &references = db.references();
    const qint64 ownService = requester.serviceId;
    auto fill = [this, &references, ownService] {
        const qint64 chosen
                = m_service->count() > 0 ? m_service->currentData().toLongLong() : ownService;
        QList<Service> sorted = references.services();
        QCollator collator(QLocale(QLocale::French));
        std::sort(sorted.begin(), sorted.end(), [&](const Service &a, const Service &b) {
            return collator.compare(a.name, b.name) < 0;
        });
        m_service->clear();
        for (const Service &service : std::as_const(sorted))
            m_service->addItem(service.name, service.id);
        m_service->setCurrentIndex(qMax(0, m_service->findData(chosen)));
    };
    connect(&references, &ReferenceCache::changed, this, fill);
    connect(&references, &ReferenceCache::failed, this, [this](const Error &error) {
        m_messageBar->showMessage(MessageBar::Kind::Error, error.message, error.detail);
    });
    if (references.isLoaded())
        fill();
    references.ensureLoaded();
    if (const auto error = references.lastError())
        m_messageBar->showMessage(MessageBar::Kind::Error, error->message, error->detail);
    m_serviceError = errorLabel(QStringLiteral("contactServiceError"), this);

    m_message = new QPlainTextEdit(this);
    m_message->setObjectName(QStringLiteral("contactMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setTabChangesFocus(true);
    m_message->setMinimumHeight(140);
    m_message->setPlaceholderText(
            answer ? tr("For example: our service has two such cupboards in the basement of the "
                        "town hall; you could collect them next week.")
                   : tr("For example: our service is looking for a cupboard for the archive "
                        "room; we could collect it on Thursday morning."));
    m_counter = new QLabel(this);
    m_counter->setAlignment(Qt::AlignRight);
    Look::makeSecondary(m_counter);
    m_messageError = errorLabel(QStringLiteral("contactMessageError"), this);
    auto updateCounter = [this] {
        const int length = int(UserText::characterCount(m_message->toPlainText().trimmed()));
        m_counter->setText(tr("%1 / %2 characters")
                                   .arg(QLocale().toString(length),
                                        QLocale().toString(ContactRequests::MessageMaxLength)));
        if (m_messageError->isVisible() && length > 0
            && length <= ContactRequests::MessageMaxLength)
            m_messageError->hide();
    };
    connect(m_message, &QPlainTextEdit::textChanged, this, updateCounter);
    updateCounter();

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *serviceBox = new QVBoxLayout;
    serviceBox->addWidget(m_service);
    serviceBox->addWidget(m_serviceError);
    form->addRow(answer ? tr("Giving service:") : tr("Requesting service:"), serviceBox);
    auto *messageBox = new QVBoxLayout;
    messageBox->addWidget(m_message);
    messageBox->addWidget(m_counter);
    messageBox->addWidget(m_messageError);
    form->addRow(tr("Message:"), messageBox);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_sendButton = buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    m_sendButton->setObjectName(QStringLiteral("contactSendButton"));
    m_sendButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ContactDialog::send);
    connect(buttons, &QDialogButtonBox::rejected, this, &ContactDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(heading);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(buttons);
    m_service->setFocus(); // the first field: Tab then goes to the message, the buttons
}

QString ContactDialog::message() const
{
    return m_message->toPlainText();
}

qint64 ContactDialog::requestingServiceId() const
{
    return m_service->currentData().toLongLong();
}

void ContactDialog::showFieldError(const QString &field, const QString &message)
{
    QLabel *label = field == QLatin1String("service") ? m_serviceError : m_messageError;
    label->setText(message);
    label->show();
    (field == QLatin1String("service") ? static_cast<QWidget *>(m_service) : m_message)->setFocus();
}

bool ContactDialog::send()
{
    m_serviceError->hide();
    m_messageError->hide();
    m_messageBar->dismiss();
    const Result<ContactRequest> sent = ContactRequests(m_db).send(
            m_target, m_requester, requestingServiceId(), message(), m_mail);
    if (!sent) {
        const Error &error = sent.error();
        if (error.kind == Error::Kind::Invalid && !error.fields.isEmpty()) {
            for (const auto &[field, text] : error.fields)
                showFieldError(field, text);
        } else {
            m_messageBar->showMessage(error.kind == Error::Kind::Database
                                                      || error.kind == Error::Kind::Connection
                                              ? MessageBar::Kind::Error
                                              : MessageBar::Kind::Warning,
                                      error.message,
                                      error.detail);
        }
        return false;
    }
    m_request = *sent;
    emit contactSent(m_request);
    QDialog::accept();
    return true;
}

} // namespace Recup
