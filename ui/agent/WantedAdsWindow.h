// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/WorkWindow.h"
#include "domain/Reference.h"
#include "storage/WantedAdRepository.h"

#include <QDateTime>
#include <QHash>

#include <functional>

class QAction;
class QLabel;
class QMenu;
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
    // « Answer… » on someone else's wanted ad (under « All wanted ads »), once.
    QAction *answerAction() const { return m_answer; }
    // « See the ad » of the alert selected under « My alerts » (also Enter, double-click).
    QAction *showAdAction() const { return m_showAd; }

    // Test seam: how the posting form is run (exec() unless replaced).
    using DialogRunner = std::function<int(WantedAdDialog &dialog)>;
    void setDialogRunner(DialogRunner runner) { m_runner = std::move(runner); }

signals:
    // Contact on the wanted ad: the window sets open the form, to its author.
    void answerRequested(qint64 wantedId, qint64 authorId, const QString &title);
    // The ad of an alert, to be shown in the catalogue's detail pane.
    void adRequested(qint64 adId, const QString &title);

public slots:
    void postWanted();
    void closeSelected();
    void answerSelected();
    void showSelectedAd();

protected:
    void startRefresh() override;

private:
    struct Snapshot
    {
        QList<WantedAd> everyone;
        QList<WantedAd> mine;
        QList<WantedMatch> alerts;
        QHash<qint64, QDateTime> answered; // wanted ad -> when I answered it
    };
    void buildLists();
    void buildActions();
    void display(const Snapshot &snapshot);
    QString stateText(const WantedAd &wanted) const;
    void updateAnswer();
    void buildTabButtons(QMenu *menu);

    Agent m_agent;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_everyone = nullptr;
    QTreeWidget *m_mine = nullptr;
    QTreeWidget *m_alerts = nullptr;
    QAction *m_post = nullptr;
    QAction *m_close = nullptr;
    QAction *m_answer = nullptr;
    QAction *m_showAd = nullptr;
    QWidget *m_everyoneButtons = nullptr; // under the list: the answer, and why not
    QLabel *m_answerWhy = nullptr;
    QWidget *m_alertButtons = nullptr;
    DialogRunner m_runner;
};

} // namespace Recup
