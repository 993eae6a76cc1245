// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Reference.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;

namespace Recup {

class CatalogueWindow;
class Database;
class AdEditorDialog;
class ModerationQueueWindow;

// The window sets one person may open, as their roles say: the agents' catalogue always,
// moderation for moderators (the server's groups, or in the demo the identity picked — no
// security boundary, as the demo banner says). Every agent may post an ad. The pickup lists of
// logistics staff will join here with their window set.
class WindowSets : public QObject
{
    Q_OBJECT
public:
    WindowSets(Database &db,
               CatalogueWindow &catalogue,
               const std::optional<Agent> &signedIn,
               bool demoMode);
    ~WindowSets() override;

    QAction *postAction() const { return m_post; }
    AdEditorDialog *editor() const;
    QAction *moderationAction() const { return m_moderate; }
    ModerationQueueWindow *moderationWindow() const { return m_moderation.get(); }
    const std::optional<Agent> &moderator() const { return m_moderator; }

public slots:
    void openModeration();
    // The ad form for a new ad, in the name of the person signed in (or picked, in the demo).
    void postAd();

private:
    void setIdentity(const std::optional<Agent> &agent);

    Database &m_db;
    CatalogueWindow &m_catalogue;
    QAction *m_post = nullptr;
    QAction *m_moderate = nullptr;
    std::optional<Agent> m_agent;
    std::optional<Agent> m_moderator;
    QPointer<AdEditorDialog> m_editor;
    std::unique_ptr<ModerationQueueWindow> m_moderation;
};

} // namespace Recup
