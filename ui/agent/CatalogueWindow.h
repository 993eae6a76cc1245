// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "storage/CatalogueFeed.h"

#include <QMainWindow>
#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;
class QSplitter;
class QTableView;
class QVBoxLayout;
class QHBoxLayout;
class QMenu;
class QAction;
class QTimer;
class QToolBar;

namespace Recup {

class AdDetailPane;
class AppSettings;
class CatalogueModel;
class Database;
class MessageBar;
class PhotoViewerDialog;

// The agent's main window: the catalogue of published ads, searched and filtered, with the
// selected ad on the right. Everything that waits on the database runs on the feed's thread.
class CatalogueWindow : public QMainWindow
{
    Q_OBJECT
public:
    // demoMode: a local SQLite database on this workstation, with an identity picker that is
    // no security boundary, and a banner that says so.
    CatalogueWindow(Database &db, AppSettings &settings, bool demoMode, QWidget *parent = nullptr);
    ~CatalogueWindow() override;

    CatalogueModel *model() const { return m_model; }
    // The agent picked in demo mode (0 until the agents are loaded, and outside demo mode).
    qint64 currentAgentId() const;

    // Who looks at the catalogue: Contact is offered on other people's ads (the demo's picker
    // sets it too).
    void setViewerId(qint64 agentId);
    AdDetailPane *detailPane() const { return m_detail; }
    // Shows the window once its first page is in (or failed), at most maxWaitMs after: it
    // appears with its rows, painted once, rather than empty and then filled.
    void showWhenFilled(int maxWaitMs = 300);
    // One ad in the detail pane, whatever the list shows (an alert's ad): its row selected when
    // it is among those loaded, else the ad alone. The window comes to the front.
    void showAd(qint64 adId, const QString &title);
    // The list and the grid of thumbnails: two views of the one model, one selection.
    QTableView *listView() const { return m_view; }
    QListView *gridView() const { return m_grid; }
    bool showsGrid() const;
    // Shows the grid (true) or the list, as the View menu and Ctrl+G do, and remembers it.
    void setShowsGrid(bool grid);
    MessageBar *messageBar() const { return m_messageBar; }
    // The photo viewer while it is open (Enter on the detail pane's photo), else null.
    PhotoViewerDialog *photoViewer() const;

    // Outside demo mode: who is signed in, shown in the header.
    void setSignedInAgent(const QString &text);
    // A strip above everything else (the connection banner).
    void addTopBanner(QWidget *banner);
    // Another window set this person may open (moderation, logistics): a menu entry and a
    // header button, enabled or not as the person's roles say.
    QAction *addWindowSet(const QString &title, const QString &toolTip);

signals:
    void identityChanged(qint64 agentId);
    // Contact on the ad shown: the window sets open the form in the viewer's name.
    void contactRequested(qint64 adId, qint64 ownerId, const QString &title);
    // Any failed read, so that a connection monitor can notice a lost server.
    void databaseFailed(const Recup::Error &error);
    // "Connect to a server…" / "Sign out": main() starts over with the login dialog.
    void switchServerRequested();
    // "Mail sending…": main() opens the mail settings.
    void mailSettingsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QToolBar *createHeader();
    QWidget *createDemoBanner();
    QWidget *createFilterBar();
    void createMenus();
    void configureView();
    QListView *createGrid(QWidget *parent);
    void restoreLayout();
    void saveLayout();

    // Fills the filters (and, when the agents changed, the demo's identity picker) once both
    // the reference cache and the agents are read.
    void applyReferences(bool agentsChanged);
    void fillPlaceFilters();
    // The sort's choices: the order, and for "nearest site first" the person's own site.
    void addSortChoice(QWidget *bar, QHBoxLayout *row);
    void fillHomeSites();
    void onSortChosen();
    void applyFilter();
    void clearFilters();
    bool filterIsActive() const;
    void updateStatus();
    void showCatalogueError(const Error &error);
    void retryFailedReads();
    void onCurrentRowChanged();
    void onIdentityPicked(int index);
    // The photos of the ad at full size, read on the reading thread.
    void openPhotoViewer(qint64 adId, int photoIndex, const QString &title);
    void showAbout();

    Database &m_db;
    AppSettings &m_settings;
    const bool m_demoMode;
    CatalogueFeed *m_feed = nullptr;
    CatalogueModel *m_model = nullptr;
    CatalogueReferences m_references;
    QList<Agent> m_agents;
    bool m_agentsLoaded = false;
    bool m_revealed = false; // showWhenFilled() has shown the window
    quint64 m_adTicket = 0;
    quint64 m_photoTicket = 0;

    QLineEdit *m_search = nullptr;
    QTimer *m_searchDebounce = nullptr;
    QComboBox *m_categoryFilter = nullptr;
    QComboBox *m_organisationFilter = nullptr;
    QComboBox *m_serviceFilter = nullptr;
    QComboBox *m_siteFilter = nullptr;
    QComboBox *m_sortChoice = nullptr;
    QComboBox *m_homeSite = nullptr;
    qint64 m_viewerId = 0;
    QComboBox *m_identityPicker = nullptr;
    MessageBar *m_messageBar = nullptr;
    QTableView *m_view = nullptr;
    QListView *m_grid = nullptr;
    QStackedWidget *m_views = nullptr; // m_view, m_grid
    QAction *m_gridAction = nullptr;
    QPointer<PhotoViewerDialog> m_photoViewer;
    AdDetailPane *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_signedIn = nullptr;
    QVBoxLayout *m_outer = nullptr;
    QMenu *m_windowsMenu = nullptr;
    QToolBar *m_windowSetsBar = nullptr;
};

} // namespace Recup
