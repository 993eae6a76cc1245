// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/WorkWindow.h"
#include "domain/Reference.h"
#include "storage/WantedAdRepository.h"

#include <functional>

class QAction;
class QTabWidget;
class QTreeWidget;

namespace Recup {

class WantedAdDialog;

// « Recherches »: what the services are looking for (everyone's open wanted ads), the
// person's own, which they post and close, and « Mes alertes », the published ads that matched
// them. Read on the reading thread; posting and closing are one short write each.
class WantedAdsWindow : public WorkWindow
{
    Q_OBJECT
public:
    enum class Tab { Everyone = 0, Mine = 1, Alerts = 2 };

    WantedAdsWindow(Database &db, const Agent &agent, QWidget *parent = nullptr);
    ~WantedAdsWindow() override;

    void showTab(Tab tab);
    QTabWidget *tabs() const { return m_tabs; }
    QTreeWidget *everyoneList() const { return m_everyone; }
    QTreeWidget *mineList() const { return m_mine; }
    QTreeWidget *alertsList() const { return m_alerts; }
    QAction *postAction() const { return m_post; }
    QAction *closeWantedAction() const { return m_close; }

    // Test seam: how the posting form is run (exec() unless replaced).
    using DialogRunner = std::function<int(WantedAdDialog &dialog)>;
    void setDialogRunner(DialogRunner runner) { m_runner = std::move(runner); }

public slots:
    void postWanted();
    void closeSelected();

protected:
    void startRefresh() override;

private:
    struct Snapshot
    {
        QList<WantedAd> everyone;
        QList<WantedAd> mine;
        QList<WantedMatch> alerts;
    };
    void buildLists();
    void buildActions();
    void display(const Snapshot &snapshot);
    QString stateText(const WantedAd &wanted) const;

    Agent m_agent;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_everyone = nullptr;
    QTreeWidget *m_mine = nullptr;
    QTreeWidget *m_alerts = nullptr;
    QAction *m_post = nullptr;
    QAction *m_close = nullptr;
    DialogRunner m_runner;
};

} // namespace Recup
