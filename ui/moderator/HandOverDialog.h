// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Reference.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace Recup {

// « Confier ses annonces… »: whom a leaving agent's open ads go to. A searchable list of the
// active agents (type a name or a service), how many ads will move, and the sentence that
// says what will happen; the window does the hand-over once accepted. Only a leaving agent's
// ads are handed over: for an agent still active, the dialog says that accepting deactivates
// them first (« Désactiver et confier ses annonces »), in the same transaction.
class HandOverDialog : public QDialog
{
    Q_OBJECT
public:
    // An agent the ads may go to, as the list shows them.
    struct Candidate
    {
        qint64 id = 0;
        QString name;
        QString service;
    };

    // `movable`: the ads that will move; `staying`: the open ones on their way to the store.
    HandOverDialog(const Agent &from,
                   int movable,
                   int staying,
                   const QList<Candidate> &candidates,
                   QWidget *parent = nullptr);

    // The agent chosen (0: none yet).
    qint64 chosenAgentId() const;
    QString chosenAgentName() const;
    // Chooses the agent of that id; false when they are not in the list.
    bool chooseAgent(qint64 agentId);
    QComboBox *agentBox() const { return m_agents; }
    QString confirmationText() const;
    // Whether accepting deactivates the agent first (they were active when the dialog opened).
    bool deactivatesFirst() const { return m_deactivates; }

private:
    void addHeading(const Agent &from, int movable, int staying);
    void addAgentBox(const QList<Candidate> &candidates);
    void updateConfirmation();

    QString m_fromName;
    int m_movable = 0;
    bool m_deactivates = false;
    QComboBox *m_agents = nullptr;
    QLabel *m_confirmation = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Recup
