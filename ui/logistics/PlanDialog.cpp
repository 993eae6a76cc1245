// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logistics/PlanDialog.h"

#include "common/Look.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Recup {

PlanDialog::PlanDialog(const Pickup &pickup, const QDate &today, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("planDialog"));
    setWindowTitle(tr("Plan the transport"));
    auto *layout = new QVBoxLayout(this);

    auto *what = Look::valueLabel(this, "planWhat");
    what->setText(
            tr("%1 — from %2 to %3").arg(pickup.adTitle, pickup.from.siteName, pickup.to.siteName));
    layout->addWidget(what);

    auto *form = new QFormLayout;
    m_day = new QDateEdit(this);
    m_day->setObjectName(QStringLiteral("planDayEdit"));
    m_day->setCalendarPopup(true);
    m_day->setMinimumDate(today);
    m_day->setDisplayFormat(QStringLiteral("dddd d MMMM yyyy"));
    const QDate due = pickup.plannedDate.isValid() ? pickup.plannedDate : pickup.wishedDate;
    m_day->setDate(due.isValid() && due >= today ? due : today);
    form->addRow(tr("&Day:"), m_day);

    m_team = new QLineEdit(pickup.team, this);
    m_team->setObjectName(QStringLiteral("planTeamEdit"));
    m_team->setMaxLength(60);
    m_team->setPlaceholderText(tr("Team A, the small truck…"));
    form->addRow(tr("&Team or vehicle:"), m_team);

    m_stop = new QSpinBox(this);
    m_stop->setObjectName(QStringLiteral("planStopSpin"));
    m_stop->setRange(1, 10000);
    m_stop->setValue(qMax(1, pickup.stopOrder));
    m_stop->setToolTip(tr("The stop's place in the team's round that day, from 1"));
    form->addRow(tr("&Stop order:"), m_stop);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("planButtons"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Plan"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

PlanChoice PlanDialog::choice() const
{
    return {m_day->date(), m_team->text().trimmed(), m_stop->value()};
}

} // namespace Recup
