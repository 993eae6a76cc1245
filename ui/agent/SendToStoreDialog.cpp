// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/SendToStoreDialog.h"

#include "common/Look.h"
#include "common/MessageBar.h"
#include "common/TransportFields.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Recup {

SendToStoreDialog::SendToStoreDialog(const Ad &ad,
                                     const QList<Site> &sites,
                                     const PickupEnd &from,
                                     const QDate &today,
                                     QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("sendToStoreDialog"));
    setWindowTitle(tr("Send to the general store"));
    auto *layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);

    auto *intro = new QLabel(
            tr("Rather than throwing %1 away, the logistics service takes it to the general "
               "store. Once it is delivered, the ad stays in the catalogue, held by the store: "
               "it is no longer in your ads, and its history keeps that your service gave it.")
                    .arg(Look::quoted(ad.title)),
            this);
    intro->setObjectName(QStringLiteral("sendToStoreIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);

    m_fields = new TransportFields(sites, today, this);
    m_fields->setStoresOnly(true);
    m_fields->setFrom(from);
    m_fields->setWishedDate(TransportFields::nextWorkingDay(today));
    layout->addWidget(m_fields, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_sendButton = buttons->addButton(tr("Send to the store"), QDialogButtonBox::AcceptRole);
    m_sendButton->setObjectName(QStringLiteral("sendToStoreButton"));
    m_sendButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &SendToStoreDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SendToStoreDialog::reject);
    layout->addWidget(buttons);
    resize(760, sizeHint().height());
}

QString SendToStoreDialog::messageText() const
{
    return m_messageBar->isHidden() ? QString() : m_messageBar->text();
}

void SendToStoreDialog::accept()
{
    m_fields->clearErrors();
    m_messageBar->dismiss();
    const QList<FieldError> errors = m_fields->check();
    for (const FieldError &error : errors)
        m_fields->showError(error.field, error.message);
    if (!errors.isEmpty()) {
        if (QWidget *first = m_fields->fieldWidget(errors.first().field))
            first->setFocus();
        return; // stays open, with what was typed
    }
    if (m_submitter) {
        const Status done = m_submitter(m_fields->request());
        if (!done) {
            bool shown = false;
            for (const auto &[field, message] : done.error().fields)
                shown = m_fields->showError(field, message) || shown;
            if (!shown)
                m_messageBar->showMessage(
                        MessageBar::Kind::Error, done.error().message, done.error().detail);
            return;
        }
    }
    QDialog::accept();
}

} // namespace Recup
