// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/HandOverDialog.h"

#include "common/Look.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Recup {

namespace {
constexpr int NameRole = Qt::UserRole + 1;
}

HandOverDialog::HandOverDialog(const Agent &from,
                               int movable,
                               int staying,
                               const QList<Candidate> &candidates,
                               QWidget *parent)
    : QDialog(parent)
    , m_fromName(from.displayName)
    , m_movable(movable)
    , m_deactivates(from.active)
{
    setObjectName(QStringLiteral("handOverDialog"));
    setWindowTitle(tr("Hand over the ads of %1").arg(from.displayName));
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    addHeading(from, movable, staying);
    addAgentBox(candidates);

    m_confirmation = Look::valueLabel(this, "handOverConfirmation");
    layout->addWidget(m_confirmation);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)
            ->setText(m_deactivates ? tr("Deactivate and hand over their ads") : tr("Hand over"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("handOverButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    updateConfirmation();
    resize(520, sizeHint().height());
}

void HandOverDialog::addHeading(const Agent &from, int movable, int staying)
{
    auto *heading = Look::valueLabel(this, "handOverHeading");
    QString text = tr("%n open ad(s) of %1 will go to the agent you choose, who becomes their "
                      "owner, with their service. Each ad's history keeps that it was handed "
                      "over, and by whom.",
                      "",
                      movable)
                           .arg(from.displayName);
    if (staying > 0)
        text += u'\n'
                + tr("%n ad(s) on the way to the general store stay(s) with %1 until delivered.",
                     "",
                     staying)
                          .arg(from.displayName);
    if (m_deactivates)
        text += u'\n'
                + tr("%1 is still active. Only the ads of an agent who has left are handed over: "
                     "%1 will be deactivated first, and will no longer act in Collectiv'Récup.")
                          .arg(from.displayName);
    heading->setText(text);
    layout()->addWidget(heading);
}

void HandOverDialog::addAgentBox(const QList<Candidate> &candidates)
{
    auto *label = new QLabel(tr("&Hand them over to:"), this);
    m_agents = new QComboBox(this);
    m_agents->setObjectName(QStringLiteral("handOverAgentBox"));
    // Typed letters find a name or a service anywhere in the entry.
    m_agents->setEditable(true);
    m_agents->setInsertPolicy(QComboBox::NoInsert);
    m_agents->lineEdit()->setPlaceholderText(tr("Type a name or a service"));
    for (const Candidate &c : candidates) {
        m_agents->addItem(c.service.isEmpty() ? c.name : tr("%1 — %2").arg(c.name, c.service),
                          c.id);
        m_agents->setItemData(m_agents->count() - 1, c.name, NameRole);
    }
    m_agents->completer()->setFilterMode(Qt::MatchContains);
    m_agents->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_agents->setCurrentIndex(-1);
    label->setBuddy(m_agents);
    connect(m_agents, &QComboBox::currentIndexChanged, this, &HandOverDialog::updateConfirmation);
    connect(m_agents, &QComboBox::editTextChanged, this, &HandOverDialog::updateConfirmation);
    layout()->addWidget(label);
    layout()->addWidget(m_agents);
}

qint64 HandOverDialog::chosenAgentId() const
{
    // What is typed must be an entry of the list, not a half-typed name.
    const int index = m_agents->findText(m_agents->currentText());
    return index >= 0 ? m_agents->itemData(index).toLongLong() : 0;
}

QString HandOverDialog::chosenAgentName() const
{
    const int index = m_agents->findText(m_agents->currentText());
    return index >= 0 ? m_agents->itemData(index, NameRole).toString() : QString();
}

bool HandOverDialog::chooseAgent(qint64 agentId)
{
    const int index = m_agents->findData(agentId);
    if (index < 0)
        return false;
    m_agents->setCurrentIndex(index);
    updateConfirmation();
    return true;
}

QString HandOverDialog::confirmationText() const
{
    return m_confirmation->text();
}

void HandOverDialog::updateConfirmation()
{
    const qint64 chosen = chosenAgentId();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(chosen != 0 && m_movable > 0);
    if (chosen == 0) {
        m_confirmation->setText(tr("Choose the agent who takes the ads over."));
        return;
    }
    m_confirmation->setText(
            m_deactivates ? tr("%1 will be deactivated and their %n ad(s) handed over to %2.",
                               "",
                               m_movable)
                                    .arg(m_fromName, chosenAgentName())
                          : tr("%n ad(s) of %1 will be handed over to %2.", "", m_movable)
                                    .arg(m_fromName, chosenAgentName()));
}

} // namespace Recup
