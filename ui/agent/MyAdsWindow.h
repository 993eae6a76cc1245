// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "actions/ContactRequests.h"
#include "actions/MailCenter.h"
#include "agent/MyAdsModel.h"
#include "common/AdEditorDialog.h"
#include "common/WorkWindow.h"
#include "domain/Ad.h"
#include "domain/Reference.h"
#include "storage/AdRepository.h"

#include <QHash>
#include <QMap>
#include <QPointer>

#include <functional>
#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace Recup {

class AdEditorDialog;
class CloseAdDialog;
class GivePartDialog;
class ReservePartDialog;
class SendToStoreDialog;
class Database;
class ReadChannel;

// « Mes annonces »: the agent's own ads in every state, the most recently changed first, the
// selected one in detail (the moderator's reason, the expiry date, the value, who asked for
// it), and the actions the lifecycle lets an owner take in that state. Each action carries the
// version on screen; when the ad changed in between, the window says so and reads it again.
class MyAdsWindow : public WorkWindow
{
    Q_OBJECT
public:
    // owner: the agent this session acts as (PostgreSQL: the login's agent).
    MyAdsWindow(Database &db, const Agent &owner, QWidget *parent = nullptr);
    ~MyAdsWindow() override;

    // Where the mails of the actions (the notice to the moderators) go out from; without one
    // they wait in the outbox for the relay.
    void setMailCenter(MailCenter *mail) { m_mail = mail; }

    // Test seams: how the editor and the close dialog are run (exec() unless replaced).
    void setEditorRunner(EditorRunner runner) { m_editorRunner = std::move(runner); }
    using CloseRunner = std::function<int(CloseAdDialog &dialog)>;
    void setCloseRunner(CloseRunner runner) { m_closeRunner = std::move(runner); }
    using StoreRunner = std::function<int(SendToStoreDialog &dialog)>;
    void setStoreRunner(StoreRunner runner) { m_storeRunner = std::move(runner); }
    using ReserveRunner = std::function<int(ReservePartDialog &dialog)>;
    void setReserveRunner(ReserveRunner runner) { m_reserveRunner = std::move(runner); }
    using GiveRunner = std::function<int(GivePartDialog &dialog)>;
    void setGiveRunner(GiveRunner runner) { m_giveRunner = std::move(runner); }

    // The actions offered to an owner in a state: the lifecycle's, and Edit on a draft (which
    // edits it in place, no transition).
    static QList<AdAction> ownerActions(AdState state);

    MyAdsModel *model() const { return m_model; }
    // The ad in the detail pane and the version an action will carry (0 when none).
    qint64 displayedAdId() const { return m_shown ? m_shown->id : 0; }
    int displayedVersion() const { return m_shown ? m_shown->version : 0; }
    // The actions whose buttons are on screen for the displayed ad.
    QList<AdAction> offeredActions() const;
    QPushButton *actionButton(AdAction action) const { return m_buttons.value(action); }
    // Selects the ad when it is in the list; its detail follows from the reading thread.
    bool selectAd(qint64 adId);
    // Reads the list again with this filter (the database filters).
    void setFilter(MyAdsModel::Filter filter);
    // True while the selected ad's detail is being read.
    bool isLoadingDetail() const;
    // The displayed lot's parts (issue #13): how it stands, the parts listed (one row each, in
    // this order), the part selected in that list.
    LotShares displayedShares() const { return m_shares; }
    QList<AdReservation> displayedParts() const { return m_parts; }
    QTreeWidget *partsView() const { return m_partsView; }
    QLabel *quantityLabel() const { return m_quantity; }
    QLabel *stateLabel() const { return m_state; }
    QPushButton *reservePartButton() const { return m_reservePartButton; }
    QPushButton *releasePartButton() const { return m_releasePartButton; }
    QPushButton *exchangePartButton() const { return m_exchangePartButton; }
    // The displayed ad's history, one line per step, oldest first: when — who did what, why.
    QListWidget *historyView() const { return m_history; }

signals:
    // The selected ad's detail is on screen (or why it is not).
    void detailShown();

public slots:
    void editAd();
    void closeAd();
    // « Envoyer au magasin général… »: a published or expired ad's item taken to a store.
    void sendToStore();
    // Submit, Resubmit, Reserve, Release, Renew: the actions without a question.
    void act(AdAction action);
    // Parts of a lot: reserve part for a service (a dialog), release or give the selected part.
    void reservePart();
    void releasePart();
    void exchangePart();

protected:
    // Reads the owner's ads again (counts and the pages already loaded), keeping the selection.
    void startRefresh() override;

private:
    void createFilter();
    void createMenu();
    QWidget *createDetailPane();
    QWidget *createActionBar();
    QWidget *createPartsBox(QWidget *parent);
    void showParts();
    void updatePartActions();
    const AdReservation *selectedPart() const;
    // What « Réserver… » did, whole or part, in words.
    QString reservedText(const Ad &ad, const LotShares &before, const AdReservation &part);
    void settlePart(ReservationState to);
    QPushButton *addActionButton(AdAction action,
                                 const QString &text,
                                 const QString &toolTip,
                                 const char *objectName);
    void configureView();
    void applyReferences();
    void fetchMore();
    void onCurrentRowChanged();
    void showSelected(bool force);
    void showDetails(const Ad &ad,
                     const QList<AdHistoryEntry> &history,
                     const QList<ContactRequest> &requests);
    void clearDetails(const QString &text);
    void updateActions();
    void updateEmptyState();
    // With `transport`, a closing as exchanged that asks for the item's transport as well.
    Result<Ad> transition(const Ad &shown,
                          TransitionRequest request,
                          const std::optional<PickupRequest> &transport = std::nullopt);
    // Opens the editor on an ad read off the GUI thread.
    void runEditor(const Ad &shown, const AdEditorDialog::EditedAd &edited);
    // Reads one ad again while a dialog waits for it (the GUI keeps running meanwhile).
    Result<Ad> rereadAd(qint64 adId);
    // Refreshes, then selects this ad once the list is read.
    void refreshAndSelect(qint64 adId);
    // A refused action: said in the message bar; a stale ad is read again.
    void reportFailure(const Ad &shown, const Error &error);

    QPointer<MailCenter> m_mail;
    Agent m_owner;
    Actor m_actor;
    EditorRunner m_editorRunner;
    CloseRunner m_closeRunner;
    StoreRunner m_storeRunner;
    ReserveRunner m_reserveRunner;
    GiveRunner m_giveRunner;

    ReadChannel *m_pageReads = nullptr;
    ReadChannel *m_detailReads = nullptr;
    qint64 m_selectAfterRefresh = 0;
    std::optional<Ad> m_shown;
    QList<ContactRequest> m_shownRequests;
    LotShares m_shares;
    QList<AdReservation> m_parts;
    bool m_loadFailed = false;

    MyAdsModel *m_model = nullptr;
    QComboBox *m_filter = nullptr;
    QLabel *m_countLabel = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QLabel *m_emptyState = nullptr;
    QTableView *m_view = nullptr;
    QSplitter *m_splitter = nullptr;

    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_rejection = nullptr;
    QLabel *m_stateHint = nullptr;
    QLabel *m_availability = nullptr; // « Available from 3 December », when not yet
    QFormLayout *m_facts = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_quantity = nullptr;
    QLabel *m_published = nullptr;
    QLabel *m_expiry = nullptr;
    QLabel *m_outcome = nullptr;
    QLabel *m_requestsHeading = nullptr;
    QTreeWidget *m_requests = nullptr;
    QLabel *m_partsHeading = nullptr;
    QTreeWidget *m_partsView = nullptr;
    QPushButton *m_reservePartButton = nullptr;
    QPushButton *m_releasePartButton = nullptr;
    QPushButton *m_exchangePartButton = nullptr;
    QLabel *m_historyHeading = nullptr;
    QListWidget *m_history = nullptr;
    QMap<AdAction, QPushButton *> m_buttons;
};

} // namespace Recup
