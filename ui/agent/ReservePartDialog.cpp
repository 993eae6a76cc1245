// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/ReservePartDialog.h"

#include "common/FieldErrors.h"
#include "common/Look.h"
#include "common/MessageBar.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Recup {

ReservePartDialog::ReservePartDialog(const Ad &ad,
                                     const LotShares &shares,
                                     const QList<qint64> &askedBy,
                                     const QList<Service> &services,
                                     QWidget *parent)
    : QDialog(parent)
    , m_errors(new FieldErrors(this))
{
    setObjectName(QStringLiteral("reservePartDialog"));
    setWindowTitle(tr("Reserve for a service"));
    auto *layout = new QVBoxLayout(this);
    m_messageBar = new MessageBar(this);
    layout->addWidget(m_messageBar);

    // One « Réserver… » for the whole lot (what is left, by default) or a part of it: the
    // catalogue shows a lot with nothing left as reserved.
    auto *intro = new QLabel(tr("%1: %2 of %3 left. What you reserve leaves the catalogue; "
                                "reserve less to leave the rest in it.")
                                     .arg(Look::quoted(ad.title))
                                     .arg(shares.left())
                                     .arg(shares.quantity),
                             this);
    intro->setObjectName(QStringLiteral("reservePartIntro"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_service = new QComboBox(this);
    m_service->setObjectName(QStringLiteral("reservePartService"));
    m_service->setAccessibleName(tr("Service"));
    // The services that asked first, then the other active ones, by name.
    for (const qint64 id : askedBy) {
        for (const Service &service : services) {
            if (service.id == id && service.active && m_service->findData(id) < 0)
                m_service->addItem(tr("%1 (asked for it)").arg(service.name), id);
        }
    }
    for (const Service &service : services) {
        if (service.active && m_service->findData(service.id) < 0)
            m_service->addItem(service.name, service.id);
    }
    m_quantity = new QSpinBox(this);
    m_quantity->setObjectName(QStringLiteral("reservePartQuantity"));
    m_quantity->setAccessibleName(tr("Quantity"));
    m_quantity->setRange(1, qMax(1, shares.left()));
    m_quantity->setValue(m_quantity->maximum()); // the whole lot, unless a part is chosen
    m_quantity->setAccessibleDescription(
            tr("How many to reserve: all that is left by default, fewer for a part"));
    m_scope = new QLabel(this);
    m_scope->setObjectName(QStringLiteral("reserveScope"));
    const int left = shares.left();
    const auto describe = [this, left](int quantity) {
        m_scope->setText(
                quantity >= left
                        ? tr("The whole lot")
                        : tr("A part: %n stay(s) in the catalogue", nullptr, left - quantity));
    };
    connect(m_quantity, &QSpinBox::valueChanged, this, describe);
    describe(m_quantity->value());
    auto *quantityRow = new QWidget(this);
    auto *quantityLayout = new QHBoxLayout(quantityRow);
    quantityLayout->setContentsMargins(0, 0, 0, 0);
    quantityLayout->addWidget(m_quantity);
    quantityLayout->addWidget(m_scope, 1);
    quantityRow->setFocusProxy(m_quantity); // « &Quantity » lands in the box
    form->addRow(tr("&Service"), m_errors->box(m_service, QStringLiteral("service")));
    form->addRow(tr("&Quantity"), m_errors->box(quantityRow, QStringLiteral("quantity")));
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_reserveButton = buttons->addButton(tr("&Reserve"), QDialogButtonBox::AcceptRole);
    m_reserveButton->setToolTip(tr("Reserve for the chosen service (Alt+R)"));
    m_reserveButton->setObjectName(QStringLiteral("reservePartButton"));
    m_reserveButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReservePartDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReservePartDialog::reject);
    layout->addWidget(buttons);
}

bool ReservePartDialog::selectService(qint64 serviceId)
{
    const int index = m_service->findData(serviceId);
    if (index < 0)
        return false;
    m_service->setCurrentIndex(index);
    return true;
}

QString ReservePartDialog::errorText(const QString &field) const
{
    return m_errors->text(field);
}

QString ReservePartDialog::scopeText() const
{
    return m_scope->text();
}

QString ReservePartDialog::messageText() const
{
    return m_messageBar->isHidden() ? QString() : m_messageBar->text();
}

void ReservePartDialog::accept()
{
    m_errors->clear();
    m_messageBar->dismiss();
    const qint64 serviceId = m_service->currentData().toLongLong();
    if (serviceId <= 0) {
        m_errors->show({{QStringLiteral("service"), tr("Choose the service to reserve for.")}});
        return;
    }
    if (m_submitter) {
        const Status done = m_submitter(serviceId, m_quantity->value());
        if (!done) {
            const QStringList unshown = m_errors->show(
                    done.error().fields, {QStringLiteral("service"), QStringLiteral("quantity")});
            if (done.error().fields.isEmpty() || !unshown.isEmpty())
                m_messageBar->showMessage(
                        MessageBar::Kind::Error, done.error().message, done.error().detail);
            return; // stays open, with what was chosen
        }
    }
    QDialog::accept();
}

} // namespace Recup
