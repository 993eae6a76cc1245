// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/CloseAdDialog.h"
#include "common/Look.h"

#include "common/MessageBar.h"
#include "common/TransportFields.h"
#include "lifecycle/AdRules.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QVBoxLayout>

#include <algorithm>

namespace Recup {

CloseAdDialog::CloseAdDialog(const Ad &ad,
                             const QList<ContactRequest> &requests,
                             const QList<Service> &services,
                             QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("closeAdDialog"));
    setWindowTitle(tr("Close the ad"));
    setModal(true);

    m_messageBar = new MessageBar(this);

    auto *question = new QLabel(tr("What became of “%1”? Closing takes the ad off the catalogue "
                                   "for good.")
                                        .arg(ad.title),
                                this);
    question->setTextFormat(Qt::PlainText);
    question->setWordWrap(true);

    m_reasons = new QButtonGroup(this);
    m_reasons->setExclusive(true);
    auto *reasonBox = new QVBoxLayout;
    reasonBox->setSpacing(4);
    const QList<std::pair<CloseReason, QString>> reasons{
            {CloseReason::Exchanged, tr("Given to a service")},
            {CloseReason::Discarded, tr("Thrown away")},
            {CloseReason::Unavailable, tr("No longer available")}};
    for (const auto &[reason, text] : reasons) {
        auto *button = new QRadioButton(text, this);
        button->setObjectName(QStringLiteral("reason_") + toKey(reason));
        m_reasons->addButton(button, int(reason));
        reasonBox->addWidget(button);
    }
    m_errors.insert(QStringLiteral("closeReason"),
                    Look::fieldErrorLabel(this, QStringLiteral("closeReason")));

    // The services that asked come first: the item most likely went to one of them.
    m_service = new QComboBox(this);
    m_service->setObjectName(QStringLiteral("receivingService"));
    m_service->setAccessibleName(tr("Receiving service"));
    m_service->addItem(tr("Choose the service that received it…"), qint64(0));
    // A deactivated service receives nothing new, even if it asked before.
    QSet<qint64> inactive;
    for (const Service &service : services) {
        if (!service.active)
            inactive.insert(service.id);
    }
    QList<qint64> asked;
    QHash<qint64, QStringList> askers;
    QHash<qint64, QString> askedNames;
    for (const ContactRequest &request : requests) {
        if (inactive.contains(request.requestingServiceId))
            continue;
        if (!asked.contains(request.requestingServiceId)) {
            asked.append(request.requestingServiceId);
            askedNames.insert(request.requestingServiceId, request.requestingServiceName);
        }
        QStringList &names = askers[request.requestingServiceId];
        if (!names.contains(request.requesterName))
            names.append(request.requesterName);
    }
    for (qint64 id : std::as_const(asked)) {
        m_service->addItem(
                tr("%1 — asked by %2")
                        .arg(askedNames.value(id), QLocale().createSeparatedList(askers.value(id))),
                id);
    }
    m_requestingCount = int(asked.size());
    QList<Service> others;
    for (const Service &service : services) {
        m_organisationOf.insert(service.id, service.organisationId);
        if (!asked.contains(service.id) && service.active)
            others.append(service);
    }
    std::sort(others.begin(), others.end(), [](const Service &a, const Service &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    if (!asked.isEmpty() && !others.isEmpty())
        m_service->insertSeparator(m_service->count());
    for (const Service &service : std::as_const(others))
        m_service->addItem(service.name, service.id);
    if (m_requestingCount == 1)
        m_service->setCurrentIndex(1); // the only service that asked: most likely the taker

    m_serviceHint = new QLabel(m_requestingCount > 0
                                       ? tr("The services that asked for the item come first.")
                                       : tr("Nobody asked through the app: pick the service "
                                            "from the list."),
                               this);
    m_serviceHint->setObjectName(QStringLiteral("receivingServiceHint"));
    m_serviceHint->setWordWrap(true);
    Look::makeSecondary(m_serviceHint);
    m_errors.insert(QStringLiteral("receivingService"),
                    Look::fieldErrorLabel(this, QStringLiteral("receivingService")));

    auto *noteLabel = new QLabel(tr("No&te (optional)"), this);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("closeNote"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setTabChangesFocus(true);
    m_note->setMinimumHeight(80);
    m_note->setPlaceholderText(tr("For example: collected by the library on Tuesday."));
    noteLabel->setBuddy(m_note);
    m_counter = new QLabel(this);
    m_counter->setAlignment(Qt::AlignRight);
    m_errors.insert(QStringLiteral("reason"),
                    Look::fieldErrorLabel(this, QStringLiteral("reason")));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_closeButton = buttons->addButton(tr("Close the ad"), QDialogButtonBox::AcceptRole);
    m_closeButton->setObjectName(QStringLiteral("closeAdButton"));
    m_closeButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &CloseAdDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CloseAdDialog::reject);

    connect(m_reasons, &QButtonGroup::idClicked, this, &CloseAdDialog::onReasonChanged);
    connect(m_service, &QComboBox::currentIndexChanged, this, [this] {
        m_errors.value(QStringLiteral("receivingService"))->hide();
        updateTransport();
    });
    connect(m_note, &QPlainTextEdit::textChanged, this, &CloseAdDialog::updateCounter);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(question);
    layout->addLayout(reasonBox);
    layout->addWidget(m_errors.value(QStringLiteral("closeReason")));
    auto *serviceLabel = new QLabel(tr("Recei&ving service"), this);
    serviceLabel->setBuddy(m_service);
    layout->addWidget(serviceLabel);
    layout->addWidget(m_service);
    layout->addWidget(m_serviceHint);
    layout->addWidget(m_errors.value(QStringLiteral("receivingService")));
    auto *professional = new QLabel(tr("Exchanges are between services, for professional use "
                                       "only."),
                                    this);
    professional->setWordWrap(true);
    Look::makeSecondary(professional);
    QFont professionalFont = professional->font();
    professionalFont.setItalic(true);
    professional->setFont(professionalFont);
    layout->addWidget(professional);
    m_transportSlot = new QVBoxLayout;
    layout->addLayout(m_transportSlot);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note, 1);
    layout->addWidget(m_counter);
    layout->addWidget(m_errors.value(QStringLiteral("reason")));
    layout->addWidget(buttons);
    resize(520, 440);

    onReasonChanged();
    updateCounter();
}

void CloseAdDialog::offerTransport(const QList<Site> &sites,
                                   const PickupEnd &from,
                                   const QDate &today)
{
    if (m_transport)
        return;
    m_askTransport = new QCheckBox(tr("Ask for a transport"), this);
    m_askTransport->setObjectName(QStringLiteral("askTransport"));
    m_askTransport->setToolTip(tr("The logistics service moves the item to the receiving "
                                  "service; you are told when it is planned."));
    m_transport = new TransportFields(sites, today, this);
    m_transport->setFrom(from);
    m_transportSlot->addWidget(m_askTransport);
    m_transportSlot->addWidget(m_transport);
    // Made after the buttons, the transport still comes before them in the Tab order, as it
    // reads.
    if (auto *box = qobject_cast<QDialogButtonBox *>(m_closeButton->parentWidget())) {
        setTabOrder(m_transport->lastField(), m_closeButton);
        setTabOrder(m_closeButton, box->button(QDialogButtonBox::Cancel));
    }
    connect(m_askTransport, &QCheckBox::toggled, this, &CloseAdDialog::updateTransport);
    updateTransport();
}

void CloseAdDialog::setTransportAsked(bool asked)
{
    if (m_askTransport)
        m_askTransport->setChecked(asked);
}

bool CloseAdDialog::isTransportAsked() const
{
    return m_askTransport && m_askTransport->isEnabled() && m_askTransport->isChecked();
}

void CloseAdDialog::updateTransport()
{
    if (!m_transport)
        return;
    const bool exchanged = m_reasons->checkedId() == int(CloseReason::Exchanged);
    m_askTransport->setEnabled(exchanged);
    const bool shown = exchanged && m_askTransport->isChecked();
    const bool wasShown = !m_transport->isHidden();
    m_transport->suggestDestination(m_organisationOf.value(m_service->currentData().toLongLong()));
    m_transport->setVisible(shown);
    if (shown != wasShown) {
        // Room for the two ends side by side, and back; what was typed stays either way.
        layout()->activate();
        if (shown)
            resize(qMax(width(), 760), sizeHint().height());
        else
            resize(width(), qMax(minimumSizeHint().height(), 440));
    }
}

CloseChoice CloseAdDialog::choice() const
{
    CloseChoice choice;
    if (const int id = m_reasons->checkedId(); id >= 0)
        choice.reason = CloseReason(id);
    // The service stays chosen when another reason is picked, but only "given" sends it.
    if (choice.reason == CloseReason::Exchanged)
        choice.receivingServiceId = m_service->currentData().toLongLong();
    choice.note = m_note->toPlainText().trimmed();
    if (choice.reason == CloseReason::Exchanged && isTransportAsked())
        choice.transport = m_transport->request();
    return choice;
}

void CloseAdDialog::setReason(CloseReason reason)
{
    if (QAbstractButton *button = m_reasons->button(int(reason)))
        button->setChecked(true);
    onReasonChanged();
}

void CloseAdDialog::setReceivingService(qint64 serviceId)
{
    const int index = m_service->findData(serviceId);
    if (index >= 0)
        m_service->setCurrentIndex(index);
}

void CloseAdDialog::setNote(const QString &note)
{
    m_note->setPlainText(note);
}

QList<qint64> CloseAdDialog::offeredServiceIds() const
{
    QList<qint64> ids;
    for (int i = 0; i < m_service->count(); ++i) {
        const qint64 id = m_service->itemData(i).toLongLong();
        if (id > 0)
            ids.append(id);
    }
    return ids;
}

QString CloseAdDialog::fieldError(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    if (!label && m_transport)
        return m_transport->fieldError(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QString CloseAdDialog::messageText() const
{
    return m_messageBar->isHidden() ? QString() : m_messageBar->text();
}

void CloseAdDialog::showFailure(const QString &message, bool canRetry)
{
    m_messageBar->showMessage(canRetry ? MessageBar::Kind::Warning : MessageBar::Kind::Error,
                              message);
    m_closeButton->setEnabled(canRetry);
}

void CloseAdDialog::accept()
{
    if (!m_closeButton->isEnabled())
        return; // the ad can no longer be closed: only Cancel is left
    clearErrors();
    m_messageBar->dismiss();
    const CloseChoice chosen = choice();
    QList<std::pair<QString, QString>> errors;
    if (!chosen.reason) {
        errors.append({QStringLiteral("closeReason"), tr("Say what became of the item.")});
    } else {
        for (const FieldError &error : AdRules::validateClosing(
                     *chosen.reason, chosen.receivingServiceId, chosen.note, ActorKind::Owner))
            errors.append({error.field, error.message});
    }
    if (chosen.transport) {
        for (const FieldError &error : m_transport->check())
            errors.append({error.field, error.message});
    }
    if (!errors.isEmpty()) {
        showFieldErrors(errors);
        return; // stays open, with what was typed
    }
    if (m_submitter) {
        const Status done = m_submitter(chosen);
        if (!done) {
            if (!done.error().fields.isEmpty())
                showFieldErrors(done.error().fields);
            else if (m_messageBar->isHidden())
                showFailure(done.error().message, m_closeButton->isEnabled());
            return;
        }
    }
    QDialog::accept();
}

void CloseAdDialog::onReasonChanged()
{
    const bool exchanged = m_reasons->checkedId() == int(CloseReason::Exchanged);
    m_service->setEnabled(exchanged);
    m_serviceHint->setEnabled(exchanged);
    m_errors.value(QStringLiteral("closeReason"))->hide();
    if (!exchanged)
        m_errors.value(QStringLiteral("receivingService"))->hide();
    updateTransport();
}

void CloseAdDialog::updateCounter()
{
    const int length = int(m_note->toPlainText().trimmed().size());
    m_counter->setText(
            tr("%1 / %2 characters")
                    .arg(QLocale().toString(length), QLocale().toString(AdRules::ReasonMax)));
    m_counter->setStyleSheet(length > AdRules::ReasonMax ? Look::errorStyle(QApplication::palette())
                                                         : Look::secondaryStyle(palette()));
}

void CloseAdDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_errors))
        label->hide();
    if (m_transport)
        m_transport->clearErrors();
}

void CloseAdDialog::showFieldErrors(const QList<std::pair<QString, QString>> &errors)
{
    QWidget *focus = nullptr;
    QStringList unplaced;
    for (const auto &[field, message] : errors) {
        QLabel *label = m_errors.value(field);
        if (!label) {
            if (m_transport && isTransportAsked() && m_transport->showError(field, message)) {
                if (!focus)
                    focus = m_transport->fieldWidget(field);
            } else {
                unplaced.append(message);
            }
            continue;
        }
        label->setText(message);
        label->show();
        if (!focus) {
            if (field == QLatin1String("receivingService"))
                focus = m_service;
            else if (field == QLatin1String("reason"))
                focus = m_note;
            else
                focus = m_reasons->buttons().value(0);
        }
    }
    if (!unplaced.isEmpty())
        m_messageBar->showMessage(MessageBar::Kind::Error, unplaced.join(u' '));
    if (focus)
        focus->setFocus();
}

} // namespace Recup
