// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WindowSets.h"

#include "agent/AdDetailPane.h"
#include "agent/CatalogueWindow.h"
#include "agent/ContactDialog.h"
#include "agent/MyAdsWindow.h"
#include "agent/WantedAdsWindow.h"
#include "common/AdEditorDialog.h"
#include "common/MessageBar.h"
#include "domain/PlatformTime.h"
#include "drafts/AdDraftStore.h"
#include "logistics/LogisticsWindow.h"
#include "logistics/StoreWindow.h"
#include "moderator/AgentsWindow.h"
#include "moderator/FailedMailsPane.h"
#include "moderator/ModerationQueueWindow.h"
#include "moderator/ReferenceDataWindow.h"
#include "moderator/StatisticsWindow.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"

#include <QAction>
#include <QKeySequence>
#include <QTimer>

namespace Recup {

WindowSets::WindowSets(Database &db,
                       CatalogueWindow &catalogue,
                       const std::optional<Agent> &signedIn,
                       bool demoMode)
    : m_db(db)
    , m_demoMode(demoMode)
    , m_catalogue(catalogue)
{
    m_roleReads = new ReadChannel(db.reader(), this);
    m_countReads = new ReadChannel(db.reader(), this);
    m_identityReads = new ReadChannel(db.reader(), this);
    m_contactReads = new ReadChannel(db.reader(), this);
    m_post = catalogue.addWindowSet(tr("Post an ad"),
                                    tr("Offer the other services an item you no longer need"));
    m_post->setObjectName(QStringLiteral("postAdAction"));
    m_post->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    connect(m_post, &QAction::triggered, this, &WindowSets::postAd);
    m_myAdsAction = catalogue.addWindowSet(tr("My ads"),
                                           tr("Your ads: follow them, close them, renew them"));
    m_myAdsAction->setObjectName(QStringLiteral("myAdsAction"));
    m_myAdsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_myAdsAction, &QAction::triggered, this, &WindowSets::openMyAds);
    m_wantedAction = catalogue.addWindowSet(
            tr("Wanted ads"), tr("What the services are looking for; post what yours needs"));
    m_wantedAction->setObjectName(QStringLiteral("wantedAdsAction"));
    m_wantedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(m_wantedAction, &QAction::triggered, this, &WindowSets::openWantedAds);
    m_alertsAction = catalogue.addWindowSet(tr("My alerts"),
                                            tr("The published ads that matched your wanted ads"));
    m_alertsAction->setObjectName(QStringLiteral("alertsAction"));
    m_alertsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(m_alertsAction, &QAction::triggered, this, &WindowSets::openAlerts);
    m_moderate = catalogue.addWindowSet(tr("Moderation"),
                                        tr("The ads awaiting a moderator's decision"));
    m_moderate->setObjectName(QStringLiteral("moderationAction"));
    m_moderate->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_moderate, &QAction::triggered, this, &WindowSets::openModeration);
    m_failedMails = catalogue.addWindowSet(
            tr("Mails not sent"),
            tr("The mails the mail server refused: see why, send them again"));
    m_failedMails->setObjectName(QStringLiteral("failedMailsAction"));
    connect(m_failedMails, &QAction::triggered, this, &WindowSets::openFailedMails);
    m_statistics = catalogue.addWindowSet(
            tr("Figures"),
            tr("What the platform avoided, per period: exports and the semester report"));
    m_statistics->setObjectName(QStringLiteral("statisticsAction"));
    connect(m_statistics, &QAction::triggered, this, &WindowSets::openStatistics);
    m_referenceData = catalogue.addWindowSet(
            tr("Reference data…"),
            tr("Organisations, services, sites, categories and rejection reasons: add, correct, "
               "deactivate"));
    m_referenceData->setObjectName(QStringLiteral("referenceDataAction"));
    connect(m_referenceData, &QAction::triggered, this, &WindowSets::openReferenceData);
    m_logistics = catalogue.addWindowSet(
            tr("Transports"), tr("The transports of exchanged items: plan them, follow them"));
    m_logistics->setObjectName(QStringLiteral("logisticsAction"));
    m_logistics->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(m_logistics, &QAction::triggered, this, &WindowSets::openLogistics);
    m_storeAction = catalogue.addWindowSet(
            tr("General store"), tr("What the general store holds, since when, given by whom"));
    m_storeAction->setObjectName(QStringLiteral("storeAction"));
    connect(m_storeAction, &QAction::triggered, this, &WindowSets::openStore);
    m_agentsAction = catalogue.addWindowSet(
            tr("Agents…"), tr("The agents: hand a leaving agent's ads over, deactivate them"));
    m_agentsAction->setObjectName(QStringLiteral("agentsAction"));
    connect(m_agentsAction, &QAction::triggered, this, &WindowSets::openAgents);
    // The header's buttons show their shortcut in their tooltip, as the menu does.
    for (QAction *action :
         {m_post, m_myAdsAction, m_wantedAction, m_alertsAction, m_moderate, m_logistics})
        action->setToolTip(tr("%1 (%2)").arg(
                action->toolTip(), action->shortcut().toString(QKeySequence::NativeText)));
    // Whether one's service keeps a store is reference data: offered once it is read.
    connect(&db.references(), &ReferenceCache::changed, this, &WindowSets::offerStore);
    m_roleTimer = new QTimer(this);
    m_roleTimer->setObjectName(QStringLiteral("roleCheckTimer"));
    m_roleTimer->setInterval(RoleCheckIntervalMs);
    connect(m_roleTimer, &QTimer::timeout, this, [this] {
        if (!m_db.isSuspended()) // an idle workstation has closed its connections
            checkRoles();
    });
    m_roleTimer->start();
    connect(&catalogue, &CatalogueWindow::contactRequested, this, &WindowSets::contact);
    setIdentity(signedIn);
    if (demoMode) {
        connect(&catalogue, &CatalogueWindow::identityChanged, this, [this](qint64 agentId) {
            Database *db = &m_db;
            m_identityReads->request<Agent>(
                    [db, agentId] { return ReferenceRepository(*db).agent(agentId); },
                    [this](const Result<Agent> &agent) {
                        setIdentity(agent ? std::optional(*agent) : std::nullopt);
                    });
        });
    }
}

WindowSets::~WindowSets() = default;

namespace {

// A window of the previous identity leaves the screen at once, but is deleted only once the
// event loop is back at its level: it may be running a dialog of its own (a rejection reason
// being typed when the role check removes the moderator's role), whose exec() must return
// into a live window.
template<typename Window>
void retire(std::unique_ptr<Window> &window)
{
    if (!window)
        return;
    window->hide();
    window.release()->deleteLater();
}

} // namespace

void WindowSets::setIdentity(const std::optional<Agent> &agent)
{
    if (m_editor && (!agent || !m_agent || m_agent->id != agent->id))
        m_editor->close(); // a form opened under the previous identity
    if (m_contact && (!agent || !m_agent || m_agent->id != agent->id))
        m_contact->reject(); // nobody writes in the name of the previous identity
    const bool sameAgent = agent && m_agent && m_agent->id == agent->id;
    if (!sameAgent) {
        retire(m_myAds); // never someone else's ads
        retire(m_wanted);
    }
    m_agent = agent;
    m_catalogue.setViewerId(agent ? agent->id : 0);
    m_post->setVisible(agent.has_value());
    m_myAdsAction->setVisible(agent.has_value());
    m_wantedAction->setVisible(agent.has_value());
    m_alertsAction->setVisible(agent.has_value());
    const bool may = agent && agent->roles.testFlag(Role::Moderator);
    // Never keep acting under the previous identity.
    const bool sameModerator = may && m_moderator && m_moderator->id == agent->id;
    if (!sameModerator) {
        retire(m_moderation);
        retire(m_statisticsWindow);
    }
    m_moderator = may ? agent : std::nullopt;
    m_moderate->setVisible(may);
    m_failedMails->setVisible(may);
    m_statistics->setVisible(may);
    // Moderators and administrators keep the reference data and the agents.
    const bool keeps
            = agent
              && (agent->roles.testFlag(Role::Moderator) || agent->roles.testFlag(Role::Admin));
    if (!keeps || !m_referenceAgent || m_referenceAgent->id != agent->id) {
        retire(m_referenceDataWindow);
        retire(m_agentsWindow);
    }
    m_referenceAgent = keeps ? agent : std::nullopt;
    m_referenceData->setVisible(keeps);
    m_agentsAction->setVisible(keeps);
    const bool carries
            = agent
              && (agent->roles.testFlag(Role::Logistics) || agent->roles.testFlag(Role::Moderator));
    if (!carries || !m_logisticsAgent || m_logisticsAgent->id != agent->id)
        retire(m_logisticsWindow);
    m_logisticsAgent = carries ? agent : std::nullopt;
    m_logistics->setVisible(carries);
    if (!agent || !m_storeAgent || m_storeAgent->id != agent->id)
        retire(m_storeWindow);
    m_storeAgent = agent;
    offerStore();
    if (agent && !sameAgent)
        offerDrafts();
    if (!may)
        showFailedMailCount(-1);
    else if (!sameModerator)
        updateFailedMailCount();
}

// An ad form left unsaved by a crash or a power cut (its draft kept on this workstation) is
// offered back at the start: the form, once opened, offers to resume it.
void WindowSets::offerDrafts()
{
    const QList<AdDraft> drafts = AdDraftStore(m_db.config().describe(), m_agent->id).all();
    if (drafts.isEmpty())
        return;
    const AdDraft &latest = drafts.first();
    const QDateTime at = latest.savedAt.toTimeZone(platformZone());
    const QString when
            = tr("%1 at %2")
                      .arg(QLocale().toString(at.date(), QStringLiteral("d MMMM")),
                           QLocale().toString(at.time(),
                                              AdEditorDialog::tr("HH:mm", "the time of a draft")));
    if (latest.adId == 0)
        m_catalogue.messageBar()->showMessage(
                MessageBar::Kind::Information,
                tr("An ad you were writing on %1 was not saved: it is kept on this workstation.")
                        .arg(when),
                {},
                [this] { postAd(); },
                tr("Resume it"));
    else
        m_catalogue.messageBar()->showMessage(
                MessageBar::Kind::Information,
                tr("Changes you made to one of your ads on %1 were not saved: they are kept on "
                   "this workstation. Open the ad from “My ads” to resume them.")
                        .arg(when),
                {},
                [this] { openMyAds(); },
                tr("My ads"));
}

void WindowSets::setRoleCheckInterval(int milliseconds)
{
    m_roleTimer->setInterval(milliseconds);
}

void WindowSets::checkRoles()
{
    // The open moderation window reads the list every minute and tells its count.
    if (!m_moderation || !m_moderation->isVisible())
        updateFailedMailCount();
    if (m_demoMode || !m_agent) {
        emit rolesChecked();
        return;
    }
    Database *db = &m_db;
    m_roleReads->request<Agent>([db] { return ReferenceRepository(*db).sessionAgent(); },
                                [this](const Result<Agent> &agent) {
                                    // Unreadable: keep the roles the person had; the
                                    // connection banner says what is wrong.
                                    if (agent && m_agent && agent->id == m_agent->id
                                        && agent->roles != m_agent->roles)
                                        setIdentity(*agent);
                                    emit rolesChecked();
                                });
}

void WindowSets::updateFailedMailCount()
{
    if (!m_moderator)
        return;
    Database *db = &m_db;
    m_countReads->request<int>([db] { return OutboxRepository(*db).failureCount(); },
                               [this](const Result<int> &failures) {
                                   // Unreadable: the entry keeps its plain name; the
                                   // window says what went wrong.
                                   if (m_moderator)
                                       showFailedMailCount(failures ? *failures : -1);
                               });
}

void WindowSets::showFailedMailCount(int count)
{
    m_failedMailCount = count;
    m_failedMails->setText(count > 0 ? tr("Mails not sent (%1)").arg(count) : tr("Mails not sent"));
}

void WindowSets::openMyAds()
{
    if (!m_agent)
        return;
    if (!m_myAds) {
        // A child of the catalogue: closing the catalogue ends the application.
        m_myAds = std::make_unique<MyAdsWindow>(m_db, *m_agent, &m_catalogue);
        m_myAds->setMailCenter(m_mail);
    } else {
        m_myAds->refresh();
    }
    m_myAds->show();
    m_myAds->raise();
    m_myAds->activateWindow();
}

void WindowSets::openWantedAds()
{
    openWanted(int(WantedAdsWindow::Tab::Everyone));
}

void WindowSets::openAlerts()
{
    openWanted(int(WantedAdsWindow::Tab::Alerts));
}

void WindowSets::openWanted(int tab)
{
    if (!m_agent)
        return;
    if (!m_wanted) { // a child of the catalogue, as « Mes annonces »
        m_wanted = std::make_unique<WantedAdsWindow>(m_db, *m_agent, &m_catalogue);
        connect(m_wanted.get(), &WantedAdsWindow::answerRequested, this, &WindowSets::answerWanted);
        connect(m_wanted.get(),
                &WantedAdsWindow::adRequested,
                &m_catalogue,
                &CatalogueWindow::showAd);
    } else
        m_wanted->refresh();
    m_wanted->showTab(WantedAdsWindow::Tab(tab));
    m_wanted->show();
    m_wanted->raise();
    m_wanted->activateWindow();
}

void WindowSets::openFailedMails()
{
    // One place for them: the moderation window's « Courriels non envoyés » tab.
    openModeration();
    if (m_moderation) {
        m_moderation->showFailedMails();
        m_moderation->failedMails()->refresh();
    }
}

void WindowSets::openStatistics()
{
    if (!m_moderator)
        return;
    if (!m_statisticsWindow) {
        // A child of the catalogue: closing the catalogue ends the application.
        m_statisticsWindow
                = std::make_unique<StatisticsWindow>(m_db, *m_moderator, QDate(), &m_catalogue);
    } else {
        m_statisticsWindow->refresh();
    }
    m_statisticsWindow->show();
    m_statisticsWindow->raise();
    m_statisticsWindow->activateWindow();
}

void WindowSets::openLogistics()
{
    if (!m_logisticsAgent)
        return;
    if (!m_logisticsWindow) {
        // A child of the catalogue: closing the catalogue ends the application.
        m_logisticsWindow = std::make_unique<LogisticsWindow>(
                m_db, *m_logisticsAgent, MailSettings{}, QDate(), &m_catalogue);
        m_logisticsWindow->setMailCenter(m_mail);
    } else {
        m_logisticsWindow->refresh();
    }
    m_logisticsWindow->show();
    m_logisticsWindow->raise();
    m_logisticsWindow->activateWindow();
}

void WindowSets::offerStore()
{
    // Logistics staff and moderators; and the agents of a service that keeps a store.
    bool offered = m_logisticsAgent.has_value();
    if (m_storeAgent && !offered) {
        for (const Site &site : m_db.references().sites())
            offered = offered || (site.isStore() && site.storeServiceId == m_storeAgent->serviceId);
    }
    m_storeAction->setVisible(offered);
    if (!offered)
        retire(m_storeWindow);
}

void WindowSets::openStore()
{
    if (!m_storeAgent || !m_storeAction->isVisible())
        return;
    if (!m_storeWindow) {
        // A child of the catalogue: closing the catalogue ends the application.
        m_storeWindow = std::make_unique<StoreWindow>(m_db, *m_storeAgent, &m_catalogue);
        m_storeWindow->setMailCenter(m_mail);
    } else {
        m_storeWindow->refresh();
    }
    m_storeWindow->show();
    m_storeWindow->raise();
    m_storeWindow->activateWindow();
}

void WindowSets::openAgents()
{
    if (!m_referenceAgent)
        return;
    if (!m_agentsWindow) {
        // A child of the catalogue: closing the catalogue ends the application.
        m_agentsWindow = std::make_unique<AgentsWindow>(m_db, *m_referenceAgent, &m_catalogue);
    } else {
        m_agentsWindow->refresh();
    }
    m_agentsWindow->show();
    m_agentsWindow->raise();
    m_agentsWindow->activateWindow();
}

void WindowSets::setMailCenter(MailCenter *mail)
{
    m_mail = mail;
    if (m_moderation)
        m_moderation->setMailCenter(mail);
    if (m_myAds)
        m_myAds->setMailCenter(mail);
    if (m_logisticsWindow)
        m_logisticsWindow->setMailCenter(mail);
    if (m_storeWindow)
        m_storeWindow->setMailCenter(mail);
    if (!mail)
        return;
    connect(this, &WindowSets::retryRequested, mail, &MailCenter::sendNow, Qt::UniqueConnection);
    connect(mail,
            &MailCenter::mailFailed,
            this,
            &WindowSets::updateFailedMailCount,
            Qt::UniqueConnection);
    connect(mail,
            &MailCenter::mailRefused,
            this,
            &WindowSets::updateFailedMailCount,
            Qt::UniqueConnection);
}

void WindowSets::contact(qint64 adId, qint64 ownerId, const QString &title)
{
    openContact(ContactTarget::ad(adId), ownerId, title);
}

void WindowSets::answerWanted(qint64 wantedId, qint64 authorId, const QString &title)
{
    openContact(ContactTarget::wantedAd(wantedId), authorId, title);
}

void WindowSets::openContact(const ContactTarget &target, qint64 personId, const QString &title)
{
    if (!m_agent || m_contact || personId == m_agent->id)
        return;
    // Who gives it (or looks for it), as the form's heading says: their name and service.
    Database *db = &m_db;
    m_contactReads->request<Agent>(
            [db, personId] { return ReferenceRepository(*db).agent(personId); },
            [this, target, title](const Result<Agent> &person) {
                QString text;
                if (person) {
                    text = person->displayName;
                    if (const Service *service = m_db.references().service(person->serviceId))
                        text = tr("%1, %2", "an agent's name, then their service")
                                       .arg(person->displayName, service->name);
                }
                runContact(target, title, text);
            });
}

void WindowSets::runContact(const ContactTarget &target,
                            const QString &title,
                            const QString &person)
{
    if (!m_agent || m_contact)
        return;
    const MailSettings mail = m_mail ? m_mail->settings() : MailSettings{};
    // The form over the window it was asked from; its answer in that window's message bar.
    QWidget *over = &m_catalogue;
    MessageBar *bar = m_catalogue.messageBar();
    if (target.isWantedAd() && m_wanted) {
        over = m_wanted.get();
        bar = m_wanted->messageBar();
    }
    ContactDialog dialog(m_db, *m_agent, target, title, person, mail, over);
    m_contact = &dialog;
    connect(&dialog,
            &ContactDialog::contactSent,
            this,
            [this, person, bar](const ContactRequest &request) {
                if (m_mail)
                    m_mail->sendNow();
                if (request.wantedAdId != 0) {
                    if (m_wanted)
                        m_wanted->refresh();
                    bar->showMessage(MessageBar::Kind::Information,
                                     tr("Your answer is sent: %1 will write back by mail. The "
                                        "moderators have a copy.")
                                             .arg(person));
                    return;
                }
                m_catalogue.detailPane()->setAskedAt(request.adId, request.createdAt);
                bar->showMessage(MessageBar::Kind::Information,
                                 tr("Your request is sent: %1 will answer you by mail. The "
                                    "moderators have a copy.")
                                         .arg(person));
            });
    emit contactReady();
    if (m_contactRunner)
        m_contactRunner(dialog);
    else
        dialog.exec();
    m_contact = nullptr;
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
    m_editor->setMailCenter(m_mail);
    m_editor->setAttribute(Qt::WA_DeleteOnClose);
    m_editor->setWindowModality(Qt::WindowModal);
    m_editor->show();
}

void WindowSets::openReferenceData()
{
    if (!m_referenceAgent)
        return;
    if (!m_referenceDataWindow)
        m_referenceDataWindow
                = std::make_unique<ReferenceDataWindow>(m_db, *m_referenceAgent, &m_catalogue);
    m_referenceDataWindow->show();
    m_referenceDataWindow->raise();
    m_referenceDataWindow->activateWindow();
}

void WindowSets::openModeration()
{
    if (!m_moderator)
        return;
    if (!m_moderation) {
        // A child of the catalogue: closing the catalogue ends the application.
        m_moderation = std::make_unique<ModerationQueueWindow>(m_db, *m_moderator, &m_catalogue);
        m_moderation->setMailCenter(m_mail);
        FailedMailsPane *failed = m_moderation->failedMails();
        connect(failed,
                &FailedMailsPane::failureCountChanged,
                this,
                &WindowSets::showFailedMailCount);
        connect(failed, &FailedMailsPane::retryRequested, this, &WindowSets::retryRequested);
    }
    m_moderation->show();
    m_moderation->raise();
    m_moderation->activateWindow();
}

} // namespace Recup
