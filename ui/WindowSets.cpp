// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowSets.h"

#include "agent/CatalogueWindow.h"
#include "common/AdEditorDialog.h"
#include "moderator/ModerationQueueWindow.h"
#include "storage/ReferenceRepository.h"

#include <QAction>

namespace Recup {

WindowSets::WindowSets(Database &db,
                       CatalogueWindow &catalogue,
                       const std::optional<Agent> &signedIn,
                       bool demoMode)
    : m_db(db)
    , m_catalogue(catalogue)
{
    m_post = catalogue.addWindowSet(tr("Post an ad"),
                                    tr("Offer the other services an item you no longer need"));
    m_post->setObjectName(QStringLiteral("postAdAction"));
    connect(m_post, &QAction::triggered, this, &WindowSets::postAd);
    m_moderate = catalogue.addWindowSet(tr("Moderation"),
                                        tr("The ads awaiting a moderator's decision"));
    m_moderate->setObjectName(QStringLiteral("moderationAction"));
    connect(m_moderate, &QAction::triggered, this, &WindowSets::openModeration);
    setIdentity(signedIn);
    if (demoMode) {
        connect(&catalogue, &CatalogueWindow::identityChanged, this, [this](qint64 agentId) {
            const auto agent = ReferenceRepository(m_db).agent(agentId);
            setIdentity(agent ? std::optional(*agent) : std::nullopt);
        });
    }
}

WindowSets::~WindowSets() = default;

void WindowSets::setIdentity(const std::optional<Agent> &agent)
{
    if (m_editor && (!agent || !m_agent || m_agent->id != agent->id))
        m_editor->close(); // a form opened under the previous identity
    m_agent = agent;
    m_post->setVisible(agent.has_value());
    const bool may = agent && agent->roles.testFlag(Role::Moderator);
    // Never keep acting under the previous identity.
    if (!may || !m_moderator || m_moderator->id != agent->id)
        m_moderation.reset();
    m_moderator = may ? agent : std::nullopt;
    m_moderate->setVisible(may);
}

AdEditorDialog *WindowSets::editor() const
{
    return m_editor.data();
}

void WindowSets::postAd()
{
    if (!m_agent)
        return;
    if (m_editor) {
        m_editor->raise();
        m_editor->activateWindow();
        return;
    }
    const Actor actor{m_agent->id, m_agent->roles.testFlag(Role::Moderator), false};
    m_editor = new AdEditorDialog(m_db, actor, &m_catalogue);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    m_editor->setWindowModality(Qt::WindowModal);
    m_editor->show();
}

void WindowSets::openModeration()
{
    if (!m_moderator)
        return;
    if (!m_moderation) {
        // A child of the catalogue: closing the catalogue ends the application.
        m_moderation = std::make_unique<ModerationQueueWindow>(m_db, *m_moderator, &m_catalogue);
    }
    m_moderation->show();
    m_moderation->raise();
    m_moderation->activateWindow();
}

} // namespace Recup
