// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/WorkWindow.h"
#include "domain/Reference.h"

#include <QList>

#include <array>
#include <functional>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace Recup {

class FieldErrors;
class ReadChannel;
class ReferenceListModel;
struct Error;
template<typename T>
class Result;

// « Données de référence », for moderators and administrators: one tab per kind (organisations,
// services, sites, categories, rejection reasons), the list on the left, the selected row's
// form on the right. New, Save (Ctrl+S), Deactivate/Reactivate; nothing is deleted. Each save
// is written over the version read, on the session's reading thread: when someone else saved
// first, what was typed stays in the form and the message bar says so (saving again then
// replaces their version). After a save, the session's reference cache is read again, so that
// every window (the ad form's categories, the catalogue's filters…) follows; on PostgreSQL the
// server also notifies the other workstations.
class ReferenceDataWindow : public WorkWindow
{
    Q_OBJECT
public:
    enum class Kind { Organisations, Services, Sites, Categories, Reasons };
    static constexpr int KindCount = 5;

    ReferenceDataWindow(Database &db, const Agent &agent, QWidget *parent = nullptr);
    ~ReferenceDataWindow() override;

    Kind currentKind() const;
    void showKind(Kind kind);
    ReferenceListModel *model(Kind kind) const;
    QWidget *page(Kind kind) const;
    // Selects the row of `id` in the kind's list (its form shows it); false when not listed.
    bool selectRow(Kind kind, qint64 id);
    // The id of the row the kind's form shows (0: a new row).
    qint64 editedId(Kind kind) const;
    // The message under a field of the kind's form ("code", "postalCode"…), empty when none.
    QString fieldError(Kind kind, const QString &field) const;
    // True when the kind's form holds typed changes not saved.
    bool hasUnsavedChanges(Kind kind) const;
    bool isWriting() const { return m_writing; }

    // Test seam: whether typed changes may be dropped (a message box unless replaced).
    using DiscardPrompt = std::function<bool(QWidget *parent)>;
    void setDiscardPrompt(DiscardPrompt prompt) { m_discardPrompt = std::move(prompt); }

public slots:
    // An empty form for a new row of the current kind.
    void newRow();
    // Saves the current kind's form (a new row, or over the version read).
    void save();
    // Deactivates the current row, or reactivates it.
    void toggleActive();

signals:
    // A save or a change of state came back: written or not.
    void writeFinished(bool written);

protected:
    void startRefresh() override;
    void closeEvent(QCloseEvent *event) override;

private:
    struct Snapshot
    {
        QList<Organisation> organisations;
        QList<Service> services;
        QList<Site> sites;
        QList<Category> categories;
        QList<RejectionTemplate> reasons;
    };
    struct Tab
    {
        Kind kind = Kind::Organisations;
        QWidget *page = nullptr;
        QTableView *view = nullptr;
        ReferenceListModel *model = nullptr;
        std::unique_ptr<FieldErrors> errors;
        QGroupBox *form = nullptr;
        QLabel *state = nullptr;
        QPushButton *newButton = nullptr;
        QPushButton *saveButton = nullptr;
        QPushButton *toggleButton = nullptr;
        qint64 id = 0; // 0: a new row
        qint64 version = 1;
        bool active = true;
        bool dirty = false;
        bool adoptVersion = false; // after a conflict: save over the version read next
    };
    using FormBuilder = void (ReferenceDataWindow::*)(Tab &tab, QFormLayout *form);

    void createMenu();
    void createTab(Kind kind, const QString &title, const QStringList &headers, FormBuilder build);
    QWidget *createButtonRow(Tab &tab, QWidget *parent);
    void buildOrganisationForm(Tab &tab, QFormLayout *form);
    void buildServiceForm(Tab &tab, QFormLayout *form);
    void buildSiteIdentity(Tab &tab, QFormLayout *form);
    void buildSiteAddress(Tab &tab, QFormLayout *form);
    void buildSiteForm(Tab &tab, QFormLayout *form);
    void buildCategoryIdentity(Tab &tab, QFormLayout *form);
    void buildCategoryFigures(Tab &tab, QFormLayout *form);
    void buildCategoryRules(Tab &tab, QFormLayout *form);
    void buildCategoryForm(Tab &tab, QFormLayout *form);
    void buildReasonForm(Tab &tab, QFormLayout *form);
    QLineEdit *lineEdit(Tab &tab, const QString &objectName, int maxLength);
    void watch(Tab &tab, QWidget *input);

    Tab &tab(Kind kind) { return m_tabs[size_t(kind)]; }
    const Tab &tab(Kind kind) const { return m_tabs[size_t(kind)]; }
    Tab &currentTab() { return tab(currentKind()); }

    void applySnapshot(const Snapshot &snapshot);
    QList<QPair<QString, qint64>> organisationChoices() const;
    void fillOrganisationCombo(QComboBox *combo, qint64 keep);
    void applyRows(Tab &tab);
    void onCurrentRowChanged(Tab &tab, const QModelIndex &current, const QModelIndex &previous);
    bool mayDiscard(const Tab &tab);
    void fillFromRow(Tab &tab, int row);
    void clearForm(Tab &tab);
    void fillOrganisation(const Organisation &o);
    void fillService(const Service &s);
    void fillSite(const Site &s);
    void fillCategory(const Category &c);
    void fillReason(const RejectionTemplate &r);
    Organisation typedOrganisation(const Tab &tab) const;
    Service typedService(const Tab &tab) const;
    Site typedSite(const Tab &tab) const;
    // A category as typed; the numbers that do not read as numbers go in `unreadable`.
    Category typedCategory(const Tab &tab, QList<std::pair<QString, QString>> &unreadable) const;
    RejectionTemplate typedReason(const Tab &tab) const;
    QString typedName(Kind kind) const;
    void updateFormState(Tab &tab);
    void updateCount();

    using Write = std::function<Result<qint64>(Database &db)>;
    void runWrite(Tab &tab, bool adding, bool activeAfter, Write write);
    void writeDone(Kind kind, bool adding, bool activeAfter, const Result<qint64> &result);
    void showRefusal(Tab &tab, const Error &error);

    Agent m_agent;
    ReadChannel *m_writes = nullptr;
    QTabWidget *m_tabWidget = nullptr;
    std::array<Tab, KindCount> m_tabs;
    Snapshot m_snapshot;
    bool m_loaded = false;
    bool m_filling = false;
    bool m_reverting = false;
    bool m_writing = false;
    DiscardPrompt m_discardPrompt;
    QAction *m_newAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_toggleAction = nullptr;

    QLineEdit *m_organisationCode = nullptr;
    QLineEdit *m_organisationName = nullptr;

    QLineEdit *m_serviceCode = nullptr;
    QLineEdit *m_serviceName = nullptr;
    QComboBox *m_serviceOrganisation = nullptr;

    QLineEdit *m_siteCode = nullptr;
    QLineEdit *m_siteName = nullptr;
    QComboBox *m_siteOrganisation = nullptr;
    QLineEdit *m_siteAddress = nullptr;
    QLineEdit *m_sitePostalCode = nullptr;
    QLineEdit *m_siteCity = nullptr;

    QLineEdit *m_categoryCode = nullptr;
    QLineEdit *m_categoryName = nullptr;
    QComboBox *m_categoryFamily = nullptr;
    QLineEdit *m_categoryWeight = nullptr;
    QLineEdit *m_categoryCo2e = nullptr;
    QLineEdit *m_categoryCo2eSource = nullptr;
    QLineEdit *m_categoryExpiry = nullptr;
    QCheckBox *m_categoryExcluded = nullptr;
    QPlainTextEdit *m_categoryExcludedMessage = nullptr;
    QLineEdit *m_categoryWords = nullptr;

    QLineEdit *m_reasonTitle = nullptr;
    QPlainTextEdit *m_reasonBody = nullptr;
    QSpinBox *m_reasonPosition = nullptr;
};

} // namespace Recup
