// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actions/MailCenter.h"
#include "agent/ContactDialog.h"
#include "domain/Reference.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QTimer;

namespace Recup {

class AgentsWindow;
class CatalogueWindow;
class Database;
class AdEditorDialog;
class LogisticsWindow;
class StoreWindow;
class MyAdsWindow;
class WantedAdsWindow;
class ModerationQueueWindow;
class ReferenceDataWindow;
class ReadChannel;
class StatisticsWindow;

// The window sets one person may open, as their roles say: the agents' catalogue always,
// moderation, the mails not sent and the figures for moderators (the server's groups, or in the
// demo the identity picked — no security boundary, as the demo banner says). Every agent may post
// an ad. The transports, for logistics staff and moderators.
class WindowSets : public QObject
{
    Q_OBJECT
public:
    // How often the person's roles (PostgreSQL) and the entry's count of failures are read
    // again, on the reading thread.
    static constexpr int RoleCheckIntervalMs = 5 * 60'000;

    WindowSets(Database &db,
               CatalogueWindow &catalogue,
               const std::optional<Agent> &signedIn,
               bool demoMode);
    ~WindowSets() override;

    QAction *postAction() const { return m_post; }
    // « Mes annonces »: one's own ads, to follow, close, renew (every agent).
    QAction *myAdsAction() const { return m_myAdsAction; }
    MyAdsWindow *myAdsWindow() const { return m_myAds.get(); }
    // « Recherches » and « Mes alertes »: the wanted ads and their alerts (every agent).
    QAction *wantedAdsAction() const { return m_wantedAction; }
    QAction *alertsAction() const { return m_alertsAction; }
    WantedAdsWindow *wantedAdsWindow() const { return m_wanted.get(); }
    AdEditorDialog *editor() const;
    QAction *moderationAction() const { return m_moderate; }
    ModerationQueueWindow *moderationWindow() const { return m_moderation.get(); }
    const std::optional<Agent> &moderator() const { return m_moderator; }
    // "Mails not sent (3)": the permanent failures, moderators only; opens the moderation
    // window on its « Courriels non envoyés » tab.
    QAction *failedMailsAction() const { return m_failedMails; }
    // The figures of a period, their exports and the semester report: moderators only.
    QAction *statisticsAction() const { return m_statistics; }
    StatisticsWindow *statisticsWindow() const { return m_statisticsWindow.get(); }
    // « Données de référence… »: organisations, services, sites, categories and rejection
    // reasons, for moderators and administrators.
    QAction *referenceDataAction() const { return m_referenceData; }
    ReferenceDataWindow *referenceDataWindow() const { return m_referenceDataWindow.get(); }
    // « Transports »: plan and follow the transports, logistics staff and moderators.
    QAction *logisticsAction() const { return m_logistics; }
    LogisticsWindow *logisticsWindow() const { return m_logisticsWindow.get(); }
    // « Magasin général »: the stock of the general stores, for logistics staff, moderators and
    // the agents of a service that keeps a store.
    QAction *storeAction() const { return m_storeAction; }
    StoreWindow *storeWindow() const { return m_storeWindow.get(); }
    // « Agents… »: the agents, their open ads handed over when they leave; moderators and
    // administrators.
    QAction *agentsAction() const { return m_agentsAction; }
    AgentsWindow *agentsWindow() const { return m_agentsWindow.get(); }
    // The failures counted last (-1: not counted, or not a moderator).
    int failedMailCount() const { return m_failedMailCount; }

    // Where the mails that the windows' actions write are sent from (may stay unset: they
    // then wait in the outbox for the relay). Failed mails sent again go to it too.
    void setMailCenter(MailCenter *mail);
    // The form of Contact, while open.
    ContactDialog *contactDialog() const { return m_contact.data(); }
    // Test seam: how the Contact form is run (exec() unless replaced).
    using ContactRunner = std::function<int(ContactDialog &dialog)>;
    void setContactRunner(ContactRunner runner) { m_contactRunner = std::move(runner); }

    void setRoleCheckInterval(int milliseconds);

public slots:
    void openModeration();
    void openMyAds();
    // The wanted ads window, on its everyone's tab or on « Mes alertes ».
    void openWantedAds();
    void openAlerts();
    void openFailedMails();
    void openStatistics();
    void openLogistics();
    void openStore();
    void openReferenceData();
    void openAgents();
    // Counts the permanent failures again for the entry's text (moderators only). Also worth
    // calling when the dispatcher reports a mail failed.
    void updateFailedMailCount();
    // Reads the person's roles again (PostgreSQL: a moderator whose role was revoked loses the
    // moderation windows) and the count of failures; off the GUI thread.
    void checkRoles();
    // The ad form for a new ad, in the name of the person signed in (or picked, in the demo).
    void postAd();
    void offerDrafts();
    // Contact on someone else's ad, in the name of the person signed in (or picked).
    void contact(qint64 adId, qint64 ownerId, const QString &title);
    // Contact on a wanted ad of « Recherches »: the same form, to the wanted ad's author.
    void answerWanted(qint64 wantedId, qint64 authorId, const QString &title);

signals:
    // The roles were read again (checkRoles()).
    void rolesChecked();
    // The Contact form is about to open (the poster's name was read).
    void contactReady();
    // A moderator queued failed mails again: the application's dispatcher may send them now.
    void retryRequested();

private:
    void setIdentity(const std::optional<Agent> &agent);
    void showFailedMailCount(int count);
    void offerStore();
    void openContact(const ContactTarget &target, qint64 personId, const QString &title);
    void runContact(const ContactTarget &target, const QString &title, const QString &person);

    Database &m_db;
    bool m_demoMode = false;
    ReadChannel *m_roleReads = nullptr;
    ReadChannel *m_countReads = nullptr;
    ReadChannel *m_identityReads = nullptr;
    ReadChannel *m_contactReads = nullptr;
    CatalogueWindow &m_catalogue;
    QAction *m_post = nullptr;
    QAction *m_myAdsAction = nullptr;
    QAction *m_moderate = nullptr;
    QAction *m_failedMails = nullptr;
    QAction *m_statistics = nullptr;
    QAction *m_logistics = nullptr;
    QAction *m_storeAction = nullptr;
    QAction *m_referenceData = nullptr;
    QAction *m_agentsAction = nullptr;
    QTimer *m_roleTimer = nullptr;
    int m_failedMailCount = -1;
    std::optional<Agent> m_agent;
    std::optional<Agent> m_moderator;
    std::optional<Agent> m_logisticsAgent; // logistics staff or a moderator
    std::optional<Agent> m_referenceAgent; // a moderator or an administrator: reference, agents
    std::optional<Agent> m_storeAgent;     // whoever is signed in; offerStore() decides
    QPointer<AdEditorDialog> m_editor;
    QPointer<ContactDialog> m_contact;
    QPointer<MailCenter> m_mail;
    ContactRunner m_contactRunner;
    std::unique_ptr<ModerationQueueWindow> m_moderation;
    std::unique_ptr<MyAdsWindow> m_myAds;
    std::unique_ptr<WantedAdsWindow> m_wanted;
    QAction *m_wantedAction = nullptr;
    QAction *m_alertsAction = nullptr;
    void openWanted(int tab);
    std::unique_ptr<StatisticsWindow> m_statisticsWindow;
    std::unique_ptr<LogisticsWindow> m_logisticsWindow;
    std::unique_ptr<StoreWindow> m_storeWindow;
    std::unique_ptr<ReferenceDataWindow> m_referenceDataWindow;
    std::unique_ptr<AgentsWindow> m_agentsWindow;
};

} // namespace Recup
