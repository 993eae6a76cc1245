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
class QPrintPreviewDialog;
class QPrinter;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Recup {

class PickupList;
class PickupListModel;
class PickupWorkflow;
class ReadChannel;
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
    // « Liste du jour… »: the day and where its list goes (none: cancelled; a small dialog
    // unless replaced), how the print preview runs (exec()), whether the printer chosen prints
    // (QPrintDialog), where the PDF is saved (an empty path: cancelled; QFileDialog).
    enum class ListOutput { Preview, Printer, Pdf };
    struct DayListChoice
    {
        QDate day;
        ListOutput output = ListOutput::Preview;
    };
    using DayListRunner = std::function<std::optional<DayListChoice>(const QDate &proposed)>;
    using PreviewRunner = std::function<void(QPrintPreviewDialog &preview)>;
    using PrinterRunner = std::function<bool(QPrinter &printer)>;
    using SavePathRunner = std::function<QString(const QString &suggestedName)>;
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
    // The day « Liste du jour… » proposes: the selected transport's planned day, else today.
    QDate proposedListDay() const;
    // A step (plan, picked up, delivered, cancel) is being written on the worker: the step
    // buttons wait.
    bool isStepRunning() const { return m_stepRunning; }

    // Where the steps' mails are sent from: its settings are read at each step, and it is asked
    // to send at once. Without one, the settings given are used and mails wait in the outbox.
    void setMailCenter(MailCenter *mail) { m_mailCenter = mail; }
    void setMailSettings(const MailSettings &mail) { m_mail = mail; }
    void setPlanRunner(PlanRunner runner) { m_askPlan = std::move(runner); }
    void setReasonRunner(ReasonRunner runner) { m_askReason = std::move(runner); }
    void setDayListRunner(DayListRunner runner) { m_askDayList = std::move(runner); }
    void setPreviewRunner(PreviewRunner runner) { m_preview = std::move(runner); }
    void setPrinterRunner(PrinterRunner runner) { m_askPrinter = std::move(runner); }
    void setSavePathRunner(SavePathRunner runner) { m_askSavePath = std::move(runner); }
    void setRequestRunner(RequestRunner runner) { m_askRequest = std::move(runner); }

public slots:
    void planSelected();
    void markPickedUp();
    void markDelivered();
    void cancelSelected();
    // « Liste du jour… »: asks the day, reads its stops on the reading thread, then previews,
    // prints or saves the list as PDF (core/reports/PickupList).
    void printDayList();
    // Moderators: a transport for an item already given (RequestTransportDialog).
    void requestTransport();
    void showPreviousWeek();
    void showNextWeek();
    void showThisWeek();

signals:
    // A step wrote its mail to the outbox: the application's dispatcher may send it now.
    void mailWritten();
    // « Liste du jour… » wrote the PDF at `path`.
    void dayListSaved(const QString &path);

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
    // Runs one step on the selected transport on the reading thread's connection (the step and
    // its mails in one transaction, off the GUI thread), then says how it went and reads the
    // list again.
    using Step = std::function<Result<Pickup>(PickupWorkflow &workflow, const Pickup &selected)>;
    void runStep(PickupAction action, Step write, const QString &done);
    void stepDone(PickupAction action, const Result<Pickup> &after, const QString &done);
    std::optional<DayListChoice> askDayList(const QDate &proposed);
    void outputDayList(const DayListChoice &choice, const QList<Pickup> &stops);
    void previewDayList(const PickupList &list);
    void printDayListOn(const PickupList &list);
    void saveDayList(const PickupList &list, const QDate &day);

    Agent m_agent;
    MailSettings m_mail;
    QPointer<MailCenter> m_mailCenter;
    QDate m_fixedToday;
    QDate m_weekStart;
    bool m_loadFailed = false;
    bool m_filling = false; // the site list is being filled: no reading per item
    PlanRunner m_askPlan;
    ReasonRunner m_askReason;
    DayListRunner m_askDayList;
    PreviewRunner m_preview;
    PrinterRunner m_askPrinter;
    SavePathRunner m_askSavePath;
    ReadChannel *m_steps = nullptr;    // the steps' writes, on the reading thread
    ReadChannel *m_dayStops = nullptr; // the stops of the day to print
    bool m_stepRunning = false;
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
    QLabel *m_details = nullptr; // the selected transport's contacts and notes
    QPushButton *m_planButton = nullptr;
    QPushButton *m_pickedUpButton = nullptr;
    QPushButton *m_deliveredButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_dayListButton = nullptr;
    QAction *m_planAction = nullptr;
    QAction *m_pickedUpAction = nullptr;
    QAction *m_deliveredAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_dayListAction = nullptr;
};

} // namespace Recup
