// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/AgentsWindow.h"

#include "common/Look.h"
#include "common/MessageBar.h"
#include "common/WindowHeader.h"
#include "moderator/AgentsModel.h"
#include "moderator/HandOverDialog.h"
#include "moderator/ModeratorIdentity.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/PersonalDataRepository.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace Recup {

AgentsWindow::AgentsWindow(Database &db, const Agent &keeper, QWidget *parent)
    : WorkWindow(db,
                 {tr("Agents"),
                  tr("Who works with Collectiv'Récup: find an agent, hand a leaving agent's ads "
                     "over to a colleague, deactivate an agent who has left."),
                  QStringLiteral("agentsCount"),
                  moderatorIdentity(keeper),
                  tr("Read the list again now (it is also read every minute)")},
                 parent)
    , m_keeper(keeper)
{
    setObjectName(QStringLiteral("agentsWindow"));
    setWindowTitle(tr("Agents — Collectiv'Récup"));
    m_countLabel = header()->countLabel();
    m_writes = new ReadChannel(db.reader(), this);

    m_model = new AgentsModel(db.references(), this);
    body()->addWidget(createFilterRow());
    m_view = new QTableView(centralWidget());
    m_view->setObjectName(QStringLiteral("agentsView"));
    m_view->setAccessibleName(tr("Agents"));
    m_view->setModel(m_model);
    configureView();
    body()->addWidget(m_view, 1);
    body()->addWidget(createActionRow());

    QMenu *menu = addWindowMenu(tr("&Agents"), tr("&Refresh"), tr("&Close"));
    auto *handOver = new QAction(tr("&Hand over their ads…"), menu);
    menu->insertAction(menu->actions().value(0), handOver);
    connect(handOver, &QAction::triggered, this, &AgentsWindow::handOverSelected);
    // Personal data (issue #14): an administrator anonymises an agent who has left.
    m_anonymiseAction = new QAction(tr("A&nonymise…"), menu);
    m_anonymiseAction->setObjectName(QStringLiteral("anonymiseAgentAction"));
    m_anonymiseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    menu->insertAction(menu->actions().value(1), m_anonymiseAction);
    addAction(m_anonymiseAction);
    connect(m_anonymiseAction, &QAction::triggered, this, &AgentsWindow::anonymiseSelected);
    m_anonymiseButton->setToolTip(
            tr("Replace the name, login, email and phone of the selected deactivated agent, "
               "and the messages they wrote; their ads, history and figures stay (%1). "
               "Administrators only.")
                    .arg(m_anonymiseAction->shortcut().toString(QKeySequence::NativeText)));
    m_anonymiseButton->setAccessibleName(tr("Anonymise the selected agent"));
    m_anonymiseButton->setAccessibleDescription(m_anonymiseButton->toolTip());
    // Only administrators anonymise: a moderator is not shown a button that never works.
    if (!m_keeper.roles.testFlag(Role::Admin)) {
        m_anonymiseButton->hide();
        m_anonymiseAction->setVisible(false);
    }

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateState();
    });
    connect(m_view, &QTableView::doubleClicked, this, &AgentsWindow::handOverSelected);
    // Service names come from the session's reference cache, read on the reading thread.
    connect(&db.references(), &ReferenceCache::changed, this, [this] {
        resetKeepingView(m_view, [this] { m_model->referencesChanged(); });
        updateState();
    });
    db.references().ensureLoaded();

    resize(1180, 680);
    updateState();
    refresh();
}

AgentsWindow::~AgentsWindow() = default;

QWidget *AgentsWindow::createFilterRow()
{
    auto *row = new QWidget(centralWidget());
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Find:"), row);
    m_filter = new QLineEdit(row);
    m_filter->setObjectName(QStringLiteral("agentsFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("A name, a login or a service"));
    label->setBuddy(m_filter);
    m_showInactive = new QCheckBox(tr("Show &inactive agents"), row);
    m_showInactive->setObjectName(QStringLiteral("showInactiveAgents"));
    layout->addWidget(label);
    layout->addWidget(m_filter, 1);
    layout->addSpacing(12);
    layout->addWidget(m_showInactive);
    connect(m_filter, &QLineEdit::textChanged, this, &AgentsWindow::applyFilter);
    connect(m_showInactive, &QCheckBox::toggled, this, &AgentsWindow::applyFilter);
    return row;
}

QWidget *AgentsWindow::createActionRow()
{
    auto *row = new QWidget(centralWidget());
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(row);
    m_status->setObjectName(QStringLiteral("agentsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    Look::makeSecondary(m_status);
    m_activeButton = new QPushButton(tr("Deacti&vate"), row);
    m_activeButton->setObjectName(QStringLiteral("agentActiveButton"));
    m_handOverButton = new QPushButton(tr("&Hand over their ads…"), row);
    m_handOverButton->setObjectName(QStringLiteral("handOverAdsButton"));
    m_handOverButton->setToolTip(tr("Give the open ads of the selected agent to another agent, "
                                    "for instance when they leave"));
    m_handOverButton->setStyleSheet(
            Look::primaryButtonStyle(palette(), m_handOverButton->objectName()));
    m_anonymiseButton = new QPushButton(tr("Anonymise…"), row);
    m_anonymiseButton->setObjectName(QStringLiteral("anonymiseAgentButton"));
    layout->addWidget(m_status, 1);
    layout->addWidget(m_anonymiseButton);
    layout->addWidget(m_activeButton);
    layout->addWidget(m_handOverButton);
    connect(m_handOverButton, &QPushButton::clicked, this, &AgentsWindow::handOverSelected);
    connect(m_activeButton, &QPushButton::clicked, this, &AgentsWindow::toggleActiveSelected);
    connect(m_anonymiseButton, &QPushButton::clicked, this, &AgentsWindow::anonymiseSelected);
    return row;
}

void AgentsWindow::configureView()
{
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(AgentsModel::ServiceColumn, QHeaderView::Stretch);
    header->resizeSection(AgentsModel::NameColumn, 190);
    header->resizeSection(AgentsModel::LoginColumn, 120);
    header->resizeSection(AgentsModel::EmailColumn, 240);
    header->resizeSection(AgentsModel::RolesColumn, 200);
    header->resizeSection(AgentsModel::OpenAdsColumn, 160); // « Annonces en cours » whole
    header->resizeSection(AgentsModel::ActiveColumn, 100);
    header->setMinimumSectionSize(60);
}

void AgentsWindow::applyFilter()
{
    resetKeepingView(m_view,
                     [this] { m_model->setFilter(m_filter->text(), m_showInactive->isChecked()); });
    updateState();
}

bool AgentsWindow::selectAgent(qint64 agentId)
{
    const int row = m_model->rowOfAgent(agentId);
    if (row < 0)
        return false;
    m_view->setCurrentIndex(m_model->index(row, AgentsModel::NameColumn));
    m_view->selectRow(row);
    updateState();
    return true;
}

qint64 AgentsWindow::selectedAgentId() const
{
    const AgentsModel::Row *row = m_model->row(m_view->currentIndex().row());
    return row ? row->agent.id : 0;
}

void AgentsWindow::startRefresh()
{
    Database *db = &database();
    listReads()->request<QList<AgentsModel::Row>>(
            [db]() -> Result<QList<AgentsModel::Row>> {
                const auto agents = ReferenceRepository(*db).agents();
                if (!agents)
                    return agents.error();
                // Every agent's open ads in one grouped statement, not one per row.
                const auto counts = AdRepository(*db).openAdsByOwner();
                if (!counts)
                    return counts.error();
                const auto anonymised = PersonalDataRepository(*db).anonymisedAgents();
                if (!anonymised)
                    return anonymised.error();
                QList<AgentsModel::Row> rows;
                rows.reserve(agents->size());
                for (const Agent &agent : *agents) {
                    const AdRepository::OpenAds ads = counts->value(agent.id);
                    rows.append({agent, ads.open, ads.movable, anonymised->contains(agent.id)});
                }
                return rows;
            },
            [this](const Result<QList<AgentsModel::Row>> &rows) {
                if (!rows) {
                    m_loadFailed = true;
                    messageBar()->showMessage(
                            MessageBar::Kind::Error,
                            tr("The agents could not be read. %1").arg(rows.error().message),
                            rows.error().detail,
                            [this] { refresh(); });
                    updateState();
                    finishRefresh(false);
                    return;
                }
                m_loadFailed = false;
                resetKeepingView(m_view, [&] { m_model->setRows(*rows); });
                updateState();
                finishRefresh(true);
            });
}

void AgentsWindow::updateState()
{
    const AgentsModel::Row *row = m_model->row(m_view->currentIndex().row());
    const int shown = m_model->shownCount();
    m_countLabel->setText(tr("Agents: %1").arg(QLocale().toString(shown)));
    m_countLabel->setStyleSheet(Look::badgeStyle(palette(), Look::Tone::Information));
    m_handOverButton->setEnabled(row && !m_writing && !m_loadFailed);
    m_activeButton->setEnabled(row && !m_writing && row->agent.id != m_keeper.id);
    m_activeButton->setText(row && !row->agent.active ? tr("Reacti&vate") : tr("Deacti&vate"));
    const bool mayAnonymise = row && !m_writing && m_keeper.roles.testFlag(Role::Admin)
                              && !row->agent.active && !row->anonymised;
    m_anonymiseButton->setEnabled(mayAnonymise);
    if (m_anonymiseAction)
        m_anonymiseAction->setEnabled(mayAnonymise);
    if (m_loadFailed)
        m_status->setText(tr("The list shown may be out of date."));
    else if (!row)
        m_status->setText(shown == 0 ? tr("No agent matches.")
                                     : tr("Select an agent to hand over their ads or to "
                                          "deactivate them."));
    else if (row->openAds == 0)
        m_status->setText(tr("%1 has no open ad.").arg(row->agent.displayName));
    else
        m_status->setText(
                tr("%1 has %n open ad(s).", "", row->openAds).arg(row->agent.displayName));
}

void AgentsWindow::handOverSelected()
{
    const AgentsModel::Row *row = m_model->row(m_view->currentIndex().row());
    if (!row || m_writing)
        return;
    const Agent from = row->agent;
    if (row->movableAds == 0) {
        messageBar()->showMessage(
                MessageBar::Kind::Warning,
                row->openAds > 0
                        ? tr("%1 has no ad to hand over: their open ads are on the way to the "
                             "general store, whose keeper takes them on delivery.")
                                  .arg(from.displayName)
                        : tr("%1 has no open ad to hand over.").arg(from.displayName));
        return;
    }
    // Only a leaving agent's ads move; a moderator deactivates neither a moderator nor an
    // administrator (the database refuses both, migration 016 and 018).
    if (from.active
        && (from.roles.testFlag(Role::Moderator) || from.roles.testFlag(Role::Admin)
            || from.id == m_keeper.id)) {
        messageBar()->showMessage(MessageBar::Kind::Warning,
                                  tr("%1 is still active, and only an administrator deactivates a "
                                     "moderator, an administrator or themselves: their ads are "
                                     "handed over once an administrator has deactivated them.")
                                          .arg(from.displayName));
        return;
    }
    QList<HandOverDialog::Candidate> candidates;
    // A moderator hands the ads to someone else; an administrator may take them (019).
    const bool mayTake = m_keeper.roles.testFlag(Role::Admin);
    for (const AgentsModel::Row &other : m_model->allRows()) {
        if (other.agent.active && other.agent.id != from.id
            && (mayTake || other.agent.id != m_keeper.id))
            candidates.append({other.agent.id,
                               other.agent.displayName,
                               m_model->serviceName(other.agent.serviceId)});
    }
    HandOverDialog dialog(from, row->movableAds, row->openAds - row->movableAds, candidates, this);
    pauseAutoRefresh();
    const int answer = m_handOverRunner ? m_handOverRunner(dialog) : dialog.exec();
    resumeAutoRefresh();
    const qint64 to = dialog.chosenAgentId();
    if (answer != QDialog::Accepted || to == 0)
        return;
    const QString toName = dialog.chosenAgentName();
    const AdRepository::Leaving leaving = dialog.deactivatesFirst()
                                                  ? AdRepository::Leaving::DeactivateFirst
                                                  : AdRepository::Leaving::MustHaveLeft;
    m_writing = true;
    updateState();
    Database *db = &database();
    const qint64 actor = m_keeper.id;
    m_writes->request<int>(
            [db, from = from.id, to, actor, leaving] {
                return AdRepository(*db).handOverAds(from, to, actor, leaving);
            },
            [this, from, toName](const Result<int> &handed) { handedOver(from, toName, handed); });
}

void AgentsWindow::handedOver(const Agent &from, const QString &toName, const Result<int> &handed)
{
    m_writing = false;
    if (!handed) {
        const Error &error = handed.error();
        const bool refused
                = error.kind != Error::Kind::Database && error.kind != Error::Kind::Connection;
        messageBar()->showMessage(refused ? MessageBar::Kind::Warning : MessageBar::Kind::Error,
                                  error.message,
                                  error.detail);
    } else if (from.active) {
        QString text = tr("%1 is deactivated and their %n ad(s) handed over to %2.", "", *handed)
                               .arg(from.displayName, toName);
        if (ReferenceRepository(database()).agentsHaveLogins())
            text += u' '
                    + tr("Their database login stays until the IT department revokes it "
                         "(collectiv-recup-admin deactivate-agent --login %1).")
                              .arg(from.login);
        messageBar()->showMessage(MessageBar::Kind::Information, text);
    } else if (*handed == 0) {
        messageBar()->showMessage(
                MessageBar::Kind::Warning,
                tr("%1 has no open ad to hand over any more: nothing was changed.")
                        .arg(from.displayName));
    } else {
        messageBar()->showMessage(
                MessageBar::Kind::Information,
                tr("%n ad(s) of %1 handed over to %2.", "", *handed).arg(from.displayName, toName));
    }
    updateState();
    emit writeDone();
    refresh();
}

void AgentsWindow::toggleActiveSelected()
{
    const AgentsModel::Row *row = m_model->row(m_view->currentIndex().row());
    if (!row || m_writing || row->agent.id == m_keeper.id)
        return;
    const Agent agent = row->agent;
    const int openAds = row->openAds;
    const bool activate = !agent.active;
    m_writing = true;
    updateState();
    Database *db = &database();
    // PostgreSQL: a login of its own, which only the administrators' tool revokes.
    const bool hasLogins = ReferenceRepository(database()).agentsHaveLogins();
    m_writes->request<bool>(
            [db, agent, activate]() -> Result<bool> {
                const Status saved = ReferenceRepository(*db).setAgentActive(
                        agent.id, activate, agent.version);
                if (!saved)
                    return saved.error();
                return true;
            },
            [this, agent, activate, openAds, hasLogins](const Result<bool> &saved) {
                m_writing = false;
                if (!saved) {
                    const Error &error = saved.error();
                    messageBar()->showMessage(error.kind == Error::Kind::Conflict
                                                      ? MessageBar::Kind::Warning
                                                      : MessageBar::Kind::Error,
                                              error.message,
                                              error.detail);
                } else if (activate) {
                    messageBar()->showMessage(MessageBar::Kind::Information,
                                              tr("%1 is active again.").arg(agent.displayName));
                } else {
                    QString text = tr("%1 is deactivated: they no longer act in "
                                      "Collectiv'Récup; their ads and history stay.")
                                           .arg(agent.displayName);
                    if (hasLogins)
                        text += u' '
                                + tr("Their database login stays until the IT department "
                                     "revokes it (collectiv-recup-admin deactivate-agent --login "
                                     "%1).")
                                          .arg(agent.login);
                    if (openAds > 0)
                        text += u' '
                                + tr("Their %n open ad(s) stay(s) theirs: hand them over with "
                                     "“Hand over their ads…”.",
                                     "",
                                     openAds);
                    messageBar()->showMessage(MessageBar::Kind::Warning, text);
                }
                updateState();
                emit writeDone();
                refresh();
            });
}

void AgentsWindow::anonymiseSelected()
{
    const AgentsModel::Row *row = m_model->row(m_view->currentIndex().row());
    if (!row || m_writing)
        return;
    const Agent agent = row->agent;
    if (!m_keeper.roles.testFlag(Role::Admin)) {
        messageBar()->showMessage(MessageBar::Kind::Warning,
                                  tr("Only an administrator anonymises an agent."));
        return;
    }
    if (agent.active) {
        messageBar()->showMessage(MessageBar::Kind::Warning,
                                  tr("%1 is still active: deactivate them before anonymising "
                                     "them.")
                                          .arg(agent.displayName));
        return;
    }
    // The figures first, on the reading thread; the question once they are known.
    m_writing = true;
    updateState();
    messageBar()->showMessage(
            MessageBar::Kind::Information,
            tr("Counting what anonymising %1 would change…").arg(agent.displayName));
    Database *db = &database();
    m_writes->request<PersonalDataRepository::AnonymisationPreview>(
            [db, id = agent.id] { return PersonalDataRepository(*db).anonymisationPreview(id); },
            [this, agent](const Result<PersonalDataRepository::AnonymisationPreview> &preview) {
                m_writing = false;
                messageBar()->dismiss();
                updateState();
                if (!preview) {
                    messageBar()->showMessage(MessageBar::Kind::Error,
                                              preview.error().message,
                                              preview.error().detail,
                                              [this] { anonymiseSelected(); });
                    emit writeDone();
                    return;
                }
                confirmAnonymising(agent, *preview);
            });
}

namespace {

// « 3 messages de contact et 7 courriels de Paul Martin seront anonymisés ; ses 12 annonces et
// les statistiques restent. »: what the administrator is about to do, in figures.
QString anonymisationFigures(const Agent &agent,
                             const PersonalDataRepository::AnonymisationPreview &preview)
{
    QString text
            = preview.messages + preview.mails == 0
                      ? AgentsWindow::tr("%1 has no contact message nor mail of their own left to "
                                         "anonymise;")
                                .arg(agent.displayName)
                      : AgentsWindow::tr("%1 and %2 of %3 will be anonymised;")
                                .arg(AgentsWindow::tr(
                                             "%n contact message(s)", "", preview.messages),
                                     AgentsWindow::tr("%n mail(s)", "", preview.mails),
                                     agent.displayName);
    if (preview.sharedMails > 0)
        text += u' '
                + AgentsWindow::tr("from %n mail(s) sent to several people, only their address "
                                   "is removed;",
                                   "",
                                   preview.sharedMails);
    text += u' '
            + (preview.ads > 0
                       ? AgentsWindow::tr("their %n ad(s) and the figures stay.", "", preview.ads)
                       : AgentsWindow::tr("the figures stay."));
    return text;
}

} // namespace

void AgentsWindow::confirmAnonymising(const Agent &agent,
                                      const PersonalDataRepository::AnonymisationPreview &preview)
{
    const QString details
            = anonymisationFigures(agent, preview) + u"\n\n"
              + tr("Their name becomes « Agent anonymisé n° %1 », their login, email and phone "
                   "are removed, the contact messages they wrote are erased, and so are the "
                   "mails they wrote or that were sent to them alone (one not sent yet is never "
                   "sent); from a mail sent to several people only their address is removed. "
                   "Their ads, their history and the figures stay as they are. This cannot be "
                   "undone.")
                        .arg(agent.id);
    pauseAutoRefresh();
    bool confirmed = false;
    if (m_anonymiseConfirmer) {
        confirmed = m_anonymiseConfirmer(agent, details);
    } else {
        QMessageBox box(QMessageBox::Warning,
                        tr("Anonymise an agent"),
                        tr("Anonymise %1?").arg(agent.displayName),
                        QMessageBox::NoButton,
                        this);
        box.setInformativeText(details);
        QPushButton *go = box.addButton(tr("&Anonymise"), QMessageBox::DestructiveRole);
        QPushButton *keep = box.addButton(tr("&Keep"), QMessageBox::RejectRole);
        box.setDefaultButton(keep);
        box.setEscapeButton(keep);
        box.exec();
        confirmed = box.clickedButton() == go;
    }
    resumeAutoRefresh();
    if (!confirmed)
        return;
    m_writing = true;
    updateState();
    Database *db = &database();
    m_writes->request<PersonalDataRepository::Anonymised>(
            [db, id = agent.id] { return PersonalDataRepository(*db).anonymiseAgent(id); },
            [this, agent, preview](const Result<PersonalDataRepository::Anonymised> &done) {
                m_writing = false;
                if (!done) {
                    const Error &error = done.error();
                    const bool refused = error.kind != Error::Kind::Database
                                         && error.kind != Error::Kind::Connection;
                    messageBar()->showMessage(refused ? MessageBar::Kind::Warning
                                                      : MessageBar::Kind::Error,
                                              error.message,
                                              error.detail);
                } else {
                    QString text
                            = tr("%1 is anonymised: « Agent anonymisé n° %2 »; %3 and %4.")
                                      .arg(agent.displayName)
                                      .arg(agent.id)
                                      .arg(tr("%n contact message(s) erased", "", done->messages),
                                           tr("%n mail(s) anonymised", "", done->mails));
                    if (preview.sharedMails > 0)
                        text += u' '
                                + tr("Their address left %n mail(s) sent to several people.",
                                     "",
                                     preview.sharedMails);
                    text += u' '
                            + (preview.ads > 0 ? tr("Their %n ad(s), their history and the "
                                                    "figures stay.",
                                                    "",
                                                    preview.ads)
                                               : tr("The figures stay."));
                    messageBar()->showMessage(MessageBar::Kind::Information, text);
                }
                updateState();
                emit writeDone();
                refresh();
                database().references().reload();
            });
}

} // namespace Recup
