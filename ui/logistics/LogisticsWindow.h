// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actions/MailCenter.h"
#include "common/WorkWindow.h"
#include "domain/Pickup.h"
#include "domain/Reference.h"
#include "logistics/PlanDialog.h"
#include "mail/MailSettings.h"
#include "storage/AdRepository.h"

#include <QDate>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Recup {

class PickupListModel;
class RequestTransportDialog;

// The logistics staff's window of transports: the week's (or every one still under way), by
// status and departure site, with the totals of each day; from here a transport is planned,
// marked picked up, delivered or cancelled (PickupWorkflow: the step and its mail together).
// Offered to logistics staff and moderators; the database refuses the others anyway.
class LogisticsWindow : public WorkWindow
{
    Q_OBJECT
public:
    // Test seams, in the spirit of KeePassXC's "next answer": the plan chosen (none: cancelled;
    // PlanDialog unless replaced) and the reason of a cancellation (none: cancelled).
    using PlanRunner = std::function<std::optional<PlanChoice>(const Pickup &pickup)>;
    using ReasonRunner = std::function<std::optional<QString>(const Pickup &pickup)>;
    // Runs « Ask for a transport… » (exec() unless replaced): the dialog's result.
    using RequestRunner = std::function<int(RequestTransportDialog &dialog)>;

    // `today` fixes the platform's day (tests); empty: platformToday() at each reading.
    LogisticsWindow(Database &db,
                    const Agent &agent,
                    const MailSettings &mail = {},
                    const QDate &today = QDate(),
                    QWidget *parent = nullptr);
    ~LogisticsWindow() override;

    PickupListModel *model() const { return m_model; }
    // The Monday of the week shown.
    QDate weekStart() const { return m_weekStart; }
    void showWeekOf(const QDate &day);
    // Every transport still under way (no dates), or the week's.
    void setOpenOnly(bool openOnly);
    bool isOpenOnly() const;
    // Selects a transport (when listed); true when found.
    bool selectPickup(qint64 id);
    const Pickup *selectedPickup() const;
    // The day totals under the table, as shown.
    QString dayTotalsText() const;

    // Where the steps' mails are sent from: its settings are read at each step, and it is asked
    // to send at once. Without one, the settings given are used and mails wait in the outbox.
    void setMailCenter(MailCenter *mail) { m_mailCenter = mail; }
    void setMailSettings(const MailSettings &mail) { m_mail = mail; }
    void setPlanRunner(PlanRunner runner) { m_askPlan = std::move(runner); }
    void setReasonRunner(ReasonRunner runner) { m_askReason = std::move(runner); }
    void setRequestRunner(RequestRunner runner) { m_askRequest = std::move(runner); }

public slots:
    void planSelected();
    void markPickedUp();
    void markDelivered();
    void cancelSelected();
    // Moderators: a transport for an item already given (RequestTransportDialog).
    void requestTransport();
    void showPreviousWeek();
    void showNextWeek();
    void showThisWeek();

signals:
    // A step wrote its mail to the outbox: the application's dispatcher may send it now.
    void mailWritten();

protected:
    void startRefresh() override;

private:
    QWidget *createFilters();
    QWidget *createWeekPicker(QWidget *parent);
    QWidget *createActions();
    void createMenu();
    void offerTransportRequests();
    void configureView();
    void fillSites();
    void updateWeekLabel();
    void updateState();
    QDate today() const;
    Actor actor() const;
    MailSettings mailSettings() const;
    // Runs one step on the selected transport, says how it went and reads the list again.
    void runStep(PickupAction action,
                 const std::function<Result<Pickup>(const Pickup &selected)> &write,
                 const QString &done);

    Agent m_agent;
    MailSettings m_mail;
    QPointer<MailCenter> m_mailCenter;
    QDate m_fixedToday;
    QDate m_weekStart;
    bool m_loadFailed = false;
    bool m_filling = false; // the site list is being filled: no reading per item
    PlanRunner m_askPlan;
    ReasonRunner m_askReason;
    RequestRunner m_askRequest;

    PickupListModel *m_model = nullptr;
    QComboBox *m_mode = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_site = nullptr;
    QWidget *m_weekPicker = nullptr;
    QMenu *m_weekMenu = nullptr;
    QLabel *m_weekLabel = nullptr;
    QPushButton *m_previousWeek = nullptr;
    QPushButton *m_nextWeek = nullptr;
    QPushButton *m_thisWeek = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_emptyState = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_planButton = nullptr;
    QPushButton *m_pickedUpButton = nullptr;
    QPushButton *m_deliveredButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QAction *m_planAction = nullptr;
    QAction *m_pickedUpAction = nullptr;
    QAction *m_deliveredAction = nullptr;
    QAction *m_cancelAction = nullptr;
};

} // namespace Recup
