// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowSets.h"

#include "agent/CatalogueWindow.h"
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
    const bool may = agent && agent->roles.testFlag(Role::Moderator);
    // Never keep acting under the previous identity.
    if (!may || !m_moderator || m_moderator->id != agent->id)
        m_moderation.reset();
    m_moderator = may ? agent : std::nullopt;
    m_moderate->setVisible(may);
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
