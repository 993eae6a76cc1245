// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/GivePartDialog.h"

#include "common/Look.h"
#include "common/MessageBar.h"
#include "common/TransportFields.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Recup {

GivePartDialog::GivePartDialog(const Ad &ad,
                               const AdReservation &part,
                               const QString &serviceName,
                               qint64 organisationId,
                               const QList<Site> &sites,
                               const PickupEnd &from,
                               const QDate &today,
                               QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("givePartDialog"));
    setWindowTitle(tr("Give the part"));
    auto *layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);

    auto *intro = new QLabel(
            tr("%1 of %2 go to %3: they count as exchanged with that service.")
                    .arg(QLocale().toString(part.quantity), Look::quoted(ad.title), serviceName),
            this);
    intro->setObjectName(QStringLiteral("givePartIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);

    m_askTransport = new QCheckBox(tr("Ask for a &transport"), this);
    m_askTransport->setObjectName(QStringLiteral("askTransport"));
    m_askTransport->setToolTip(
            tr("The logistics service carries the part to %1 (Alt+T)").arg(serviceName));
    m_askTransport->setAccessibleName(tr("Ask for a transport"));
    m_askTransport->setAccessibleDescription(
            tr("The logistics service carries the part to the service it is given to"));
    layout->addWidget(m_askTransport);
    m_fields = new TransportFields(sites, today, this);
    m_fields->setFrom(from);
    m_fields->suggestDestination(organisationId);
    m_fields->setWishedDate(TransportFields::nextWorkingDay(today));
    layout->addWidget(m_fields, 1);
    connect(m_askTransport, &QCheckBox::toggled, this, &GivePartDialog::updateTransport);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_giveButton = buttons->addButton(tr("&Give the part"), QDialogButtonBox::AcceptRole);
    m_giveButton->setObjectName(QStringLiteral("givePartButton"));
    m_giveButton->setToolTip(tr("Give the part to its service (Alt+G)"));
    m_giveButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &GivePartDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &GivePartDialog::reject);
    layout->addWidget(buttons);
    updateTransport();
}

void GivePartDialog::updateTransport()
{
    m_fields->setVisible(m_askTransport->isChecked());
    adjustSize();
}

QString GivePartDialog::messageText() const
{
    return m_messageBar->isHidden() ? QString() : m_messageBar->text();
}

void GivePartDialog::accept()
{
    m_fields->clearErrors();
    m_messageBar->dismiss();
    std::optional<PickupRequest> transport;
    if (m_askTransport->isChecked()) {
        const QList<FieldError> errors = m_fields->check();
        for (const FieldError &error : errors)
            m_fields->showError(error.field, error.message);
        if (!errors.isEmpty()) {
            if (QWidget *first = m_fields->fieldWidget(errors.first().field))
                first->setFocus();
            return; // stays open, with what was typed
        }
        transport = m_fields->request();
    }
    if (m_submitter) {
        const Status done = m_submitter(transport);
        if (!done) {
            bool shown = false;
            for (const auto &[field, message] : done.error().fields)
                shown = (transport && m_fields->showError(field, message)) || shown;
            if (!shown)
                m_messageBar->showMessage(
                        MessageBar::Kind::Error, done.error().message, done.error().detail);
            return;
        }
    }
    QDialog::accept();
}

} // namespace Recup
