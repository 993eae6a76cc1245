// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "common/WorkWindow.h"
#include "domain/Reference.h"
#include "storage/PersonalDataRepository.h"

#include <functional>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace Recup {

class AgentsModel;
class HandOverDialog;
class ReadChannel;

// « Agents »: the agents as moderators and administrators keep them (issue #12): name, login,
// email, service, roles, open ads and whether they are active, filtered by a word; a leaving
// agent's open ads handed over to another agent in one action (« Confier ses annonces… »), and
// an agent deactivated or reactivated. Reads and writes run on the session's reading thread.
class AgentsWindow : public WorkWindow
{
    Q_OBJECT
public:
    // Test seam, in the spirit of KeePassXC's "next answer": how the hand-over dialog is run
    // (exec() unless replaced).
    using HandOverRunner = std::function<int(HandOverDialog &dialog)>;
    // How the anonymisation is confirmed (a question box unless replaced), with the box's
    // explanation (what will be anonymised, in figures): true to go on.
    using AnonymiseConfirmer = std::function<bool(const Agent &agent, const QString &details)>;

    AgentsWindow(Database &db, const Agent &keeper, QWidget *parent = nullptr);
    ~AgentsWindow() override;

    AgentsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    void setHandOverRunner(HandOverRunner runner) { m_handOverRunner = std::move(runner); }
    void setAnonymiseConfirmer(AnonymiseConfirmer confirmer)
    {
        m_anonymiseConfirmer = std::move(confirmer);
    }
    QPushButton *anonymiseButton() const { return m_anonymiseButton; }
    // Selects the agent's row (when shown); false when not in the list.
    bool selectAgent(qint64 agentId);
    qint64 selectedAgentId() const;
    // True while a hand-over or an activation is being written.
    bool isWriting() const { return m_writing; }

public slots:
    // « Confier ses annonces… » for the selected agent.
    void handOverSelected();
    // Deactivates the selected agent, or reactivates them.
    void toggleActiveSelected();
    // « Anonymiser… » (issue #14): an administrator replaces a deactivated agent's name,
    // login, email and phone, and their messages and mails, after a confirmation that says
    // how many of each (read on the reading thread first); their ads, history and figures stay.
    void anonymiseSelected();

signals:
    // A write (hand-over, activation) was answered and its message shown.
    void writeDone();

protected:
    void startRefresh() override;

private:
    QWidget *createFilterRow();
    QWidget *createActionRow();
    void configureView();
    void applyFilter();
    void updateState();
    void handedOver(const Agent &from, const QString &toName, const Result<int> &handed);
    void confirmAnonymising(const Agent &agent,
                            const PersonalDataRepository::AnonymisationPreview &preview);

    Agent m_keeper;
    bool m_loadFailed = false;
    bool m_writing = false;
    HandOverRunner m_handOverRunner;
    AnonymiseConfirmer m_anonymiseConfirmer;
    QPushButton *m_anonymiseButton = nullptr;
    QAction *m_anonymiseAction = nullptr;
    ReadChannel *m_writes = nullptr;
    AgentsModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_showInactive = nullptr;
    QPushButton *m_handOverButton = nullptr;
    QPushButton *m_activeButton = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_countLabel = nullptr;
};

} // namespace Recup
