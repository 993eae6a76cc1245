// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/WorkWindow.h"
#include "domain/Reference.h"
#include "reports/Figures.h"

#include <QDate>

#include <functional>
#include <optional>

class QAction;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QListWidget;
class QPrintPreviewDialog;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace Recup {

// The moderators' figures of a period (a month, a semester, a year, any run of days): the
// headline in the model's words, then per month, service, reason and category, and the
// services never active; read on the session's reading thread (FiguresReader). From here the
// moderators export the CSV, preview, print or save the semester report, and write the yearly
// reuse declaration. Only offered to moderators; the database refuses the others anyway.
class StatisticsWindow : public WorkWindow
{
    Q_OBJECT
public:
    // Test seams, in the spirit of KeePassXC's "next answer": where a file is saved (an empty
    // path: cancelled; QFileDialog unless replaced), which year a declaration is for (none:
    // cancelled; QInputDialog unless replaced), how the print preview runs (exec()).
    using SavePathRunner = std::function<QString(
            const QString &caption, const QString &suggestedName, const QString &filter)>;
    using YearRunner = std::function<std::optional<int>(int suggestedYear)>;
    using PreviewRunner = std::function<void(QPrintPreviewDialog &preview)>;

    // The period shown first is the semester `today` falls in (Europe/Paris).
    StatisticsWindow(Database &db,
                     const Agent &moderator,
                     const QDate &today = QDate(),
                     QWidget *parent = nullptr);
    ~StatisticsWindow() override;

    // The figures on screen (none until a read succeeded), and their headline.
    const std::optional<Figures> &figures() const { return m_figures; }
    QString headline() const;
    // The period the picker describes; an error for a custom period that ends before it begins.
    Result<ReportPeriod> chosenPeriod() const;
    // Sets the picker (and reads the figures of that period).
    void choosePeriod(const ReportPeriod &period);

    void setSavePathRunner(SavePathRunner runner) { m_savePath = std::move(runner); }
    void setYearRunner(YearRunner runner) { m_askYear = std::move(runner); }
    void setPreviewRunner(PreviewRunner runner) { m_preview = std::move(runner); }

public slots:
    void exportCsv();
    void previewReport();
    void saveReportAsPdf();
    void exportReuseDeclaration();

signals:
    // A file was written (the CSV, the PDF, the declaration).
    void fileWritten(const QString &path);

protected:
    void startRefresh() override;

private:
    QWidget *createPeriodPicker();
    QWidget *createHeadline();
    QWidget *createTabs();
    QWidget *createMonthTab();
    QWidget *createServiceTab();
    QWidget *createReasonTab();
    QWidget *createCategoryTab();
    QWidget *createNeverActiveTab();
    QWidget *createButtons();
    void createMenu();
    void showKindSelectors();

    void showFigures(const Figures &figures);
    void showHeadline(const Figures &figures);
    void fillMonths(const Figures &figures);
    void fillServices(const Figures &figures);
    void fillReasons(const Figures &figures);
    void fillCategories(const Figures &figures);
    void fillNeverActive(const Figures &figures);
    void updateButtons();

    QString askSavePath(const QString &caption, const QString &name, const QString &filter);
    void writeBytes(const QByteArray &bytes, const QString &path, const QString &what);

    QDate m_today;
    std::optional<Figures> m_figures;
    bool m_periodRefused = false; // the message bar says the custom period is wrong
    bool m_picking = false;       // choosePeriod() sets the selectors: one read, at the end
    SavePathRunner m_savePath;
    YearRunner m_askYear;
    PreviewRunner m_preview;
    ReadChannel *m_declarationReads = nullptr;

    QComboBox *m_kind = nullptr;
    QComboBox *m_month = nullptr;
    QComboBox *m_half = nullptr;
    QSpinBox *m_year = nullptr;
    QDateEdit *m_first = nullptr;
    QDateEdit *m_last = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_subline = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_emptyState = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableWidget *m_monthTable = nullptr;
    QChartView *m_monthChart = nullptr;
    QTableWidget *m_serviceTable = nullptr;
    QChartView *m_serviceChart = nullptr;
    QTableWidget *m_reasonTable = nullptr;
    QChartView *m_reasonChart = nullptr;
    QTableWidget *m_categoryTable = nullptr;
    QListWidget *m_neverActive = nullptr;
    QPushButton *m_csvButton = nullptr;
    QPushButton *m_reportButton = nullptr;
    QPushButton *m_pdfButton = nullptr;
    QPushButton *m_declarationButton = nullptr;
    QList<QPair<QPushButton *, QAction *>> m_buttonActions; // the menu's copies of the buttons
};

} // namespace Recup
