// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "actions/MailCenter.h"
#include "common/AdEditorDialog.h"
#include "common/PhotoViewerDialog.h"
#include "common/WorkWindow.h"
#include "domain/Ad.h"
#include "domain/Reference.h"
#include "moderator/ReasonDialog.h"
#include "storage/AdRepository.h"
#include "storage/ModerationQueue.h"

#include <QHash>
#include <QPointer>

#include <functional>
#include <optional>

class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;

namespace Recup {

class AdEditorDialog;
class Database;
class ModerationDetailPane;
class ModerationQueueModel;
class FailedMailsPane;
class ReadChannel;
class WatchedAdsPane;
struct ModerationDetails;

// The moderators' window: the queue of pending ads (the longest-waiting first), the selected
// ad in full on the right, and the decisions: approve, reject with a reason, edit, remove with
// a reason. Each decision carries the version on screen; when another moderator decided first,
// the repository's sentence says who, and the queue is read again.
class ModerationQueueWindow : public WorkWindow
{
    Q_OBJECT
public:
    // moderator: the agent this session acts as (PostgreSQL: the login's agent).
    ModerationQueueWindow(Database &db, const Agent &moderator, QWidget *parent = nullptr);
    ~ModerationQueueWindow() override;

    // Test seams, in the spirit of KeePassXC's "next answer": the reason prompt (a
    // ReasonDialog unless replaced; nothing means cancelled) and how the editor is run
    // (exec() unless replaced).
    using ReasonPrompt
            = std::function<std::optional<QString>(const ReasonRequest &request, QWidget *parent)>;
    void setReasonPrompt(ReasonPrompt prompt) { m_reasonPrompt = std::move(prompt); }
    void setEditorRunner(EditorRunner runner) { m_editorRunner = std::move(runner); }

    ModerationQueueModel *model() const { return m_model; }
    // The ad in the detail pane and the version a decision will carry (0 when none).
    qint64 displayedAdId() const { return m_shown ? m_shown->id : 0; }
    int displayedVersion() const { return m_shown ? m_shown->version : 0; }
    // Selects the ad when it is in the queue; its detail follows from the reading thread.
    bool selectAd(qint64 adId);
    // True while the selected ad's detail is being read.
    bool isLoadingDetail() const;
    // Where the mails of decisions go out from; without one they wait in the outbox.
    void setMailCenter(MailCenter *mail);
    // The published ads and long reservations, in the window's second tab.
    WatchedAdsPane *watchedAds() const { return m_watched; }
    // The mails the server refused for good, in the window's third tab.
    FailedMailsPane *failedMails() const { return m_failed; }
    // Shows the « Courriels non envoyés » tab (the catalogue's entry of that name opens it).
    void showFailedMails();
    // How often the claim on the ad on screen is renewed while the moderator stays on it
    // (well within ModerationQueue::ClaimSeconds); tests shorten it.
    static constexpr int ClaimRenewalMs = 60'000;
    void setClaimRenewalInterval(int milliseconds);
    // How often the embedded demo's queue is read again (it has no notifications).
    static constexpr int DemoPollMs = 1000;
    // The claim on the ad on screen as last read: another moderator's, or this one's.
    const ModerationClaim &shownClaim() const { return m_claim; }
    // The sentence the detail pane shows about who else looks at the ad (empty: nobody).
    QString claimNotice() const;
    QPushButton *approveButton() const { return m_approveButton; }
    QPushButton *rejectButton() const { return m_rejectButton; }
    QPushButton *editButton() const { return m_editButton; }
    QPushButton *nextButton() const { return m_nextButton; }
    // The photos at full size (Enter on the detail's photo), while open.
    PhotoViewerDialog *photoViewer() const { return m_photoViewer; }

signals:
    // The selected ad's detail is on screen (or its error is).
    void detailShown();

public slots:
    void approve();
    void rejectAd();
    void editAd();
    void removeAd();
    // Moves to the next ad of the queue (the first after the last).
    void showNext();

protected:
    void closeEvent(QCloseEvent *event) override;
    // Reads the queue again (on the reading thread), keeping the selected ad when it waits.
    void startRefresh() override;
    // Refresh also reads the tab shown again.
    void refreshRequested() override;

private:
    QWidget *createActionBar();
    // A decision's button, its key shown on it and working anywhere in the window.
    QPushButton *decisionButton(QWidget *bar,
                                const QString &objectName,
                                const QString &text,
                                const QKeySequence &key,
                                const QString &toolTip);
    // Lets go of the claim on the ad this window holds, if any (on the reading thread).
    void releaseClaim();
    // Renews that claim while the moderator stays on the ad (on the reading thread).
    void renewClaim();
    void updateFailedMailsTab(int count);
    void createMenu();
    void configureView();
    void onCurrentRowChanged();
    void showSelected(bool force);
    // The ad's photos at full size, read on the reading thread into the viewer.
    void openPhotoViewer(qint64 adId, int photoIndex, const QString &title);
    void showDetails(const ModerationDetails &details, const QHash<qint64, Agent> &agents);
    void updateActions();
    void updateStatus();
    void decide(AdAction action, const QString &reason);
    std::optional<QString> askReason(const ReasonRequest &request);
    QString agentName(qint64 agentId) const;
    // Opens the editor on an ad read off the GUI thread.
    void runEditor(const AdEditorDialog::EditedAd &edited);

    QPointer<MailCenter> m_mail;
    Agent m_moderator;
    Actor m_actor;
    ReasonPrompt m_reasonPrompt;
    EditorRunner m_editorRunner;

    QHash<qint64, Agent> m_agents; // the shown ad's owner and history actors
    ReadChannel *m_detailReads = nullptr;
    ReadChannel *m_claimReads = nullptr; // the renewals of the claim
    ReadChannel *m_photoReads = nullptr; // the full-size photos
    QPointer<PhotoViewerDialog> m_photoViewer;
    int m_total = 0;
    bool m_loadFailed = false;
    std::optional<Ad> m_shown;
    ModerationClaim m_claim;
    qint64 m_claimedAdId = 0; // the ad this window claimed last, to let go of it
    QList<RejectionTemplate> m_templates;

    ModerationQueueModel *m_model = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    ModerationDetailPane *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QTabWidget *m_views = nullptr;
    WatchedAdsPane *m_watched = nullptr;
    FailedMailsPane *m_failed = nullptr;
    QTimer *m_claimRenewal = nullptr;
    QPushButton *m_approveButton = nullptr;
    QPushButton *m_rejectButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_nextButton = nullptr;
};

} // namespace Recup
