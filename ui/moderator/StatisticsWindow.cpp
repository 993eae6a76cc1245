// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/StatisticsWindow.h"

#include "common/AccessibleLabels.h"
#include "common/Look.h"
#include "common/MessageBar.h"
#include "common/WindowHeader.h"
#include "domain/Amounts.h"
#include "moderator/ModeratorIdentity.h"
#include "reports/ReportDocument.h"
#include "reports/ReuseDeclaration.h"
#include "storage/ReadWorker.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPieSeries>
#include <QPieSlice>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextDocument>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace Recup {

namespace {

// The top services drawn in the chart; the table lists them all.
constexpr int ChartedServices = 8;
// The first year the platform could have figures for.
constexpr int FirstYear = 2020;

QTableWidget *figuresTable(QWidget *parent, const char *objectName, const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(QString::fromLatin1(objectName));
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    QHeaderView *header = table->horizontalHeader();
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setStretchLastSection(true);
    return table;
}

// One row of texts; the columns listed in `numeric` are aligned right, as numbers are.
void addRow(QTableWidget *table, const QStringList &cells, const QList<int> &numeric = {})
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int column = 0; column < cells.size(); ++column) {
        auto *item = new QTableWidgetItem(cells.at(column));
        item->setToolTip(cells.at(column)); // a long source or name, cut in its column
        if (numeric.contains(column))
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, column, item);
    }
}

QChartView *chartView(QWidget *parent, const char *objectName)
{
    auto *view = new QChartView(parent);
    view->setObjectName(QString::fromLatin1(objectName));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(360, 220);
    return view;
}

// Shows `chart` in `view`, deleting the one it replaces (the view does not).
void replaceChart(QChartView *view, QChart *chart)
{
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

// A count axis from 0 to a round number above `highest` (at least 5: an empty chart has no
// range of its own and Qt Charts would compute one from NaN).
QValueAxis *countAxis(int highest)
{
    auto *axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%d"));
    axis->setRange(0, qMax(highest, 5));
    axis->applyNiceNumbers();
    return axis;
}

// The table `tableWidth` wide at first (its figures uncut), the chart the rest.
QWidget *tableAndChart(QWidget *parent, QTableWidget *table, QChartView *chart, int tableWidth)
{
    auto *splitter = new QSplitter(Qt::Horizontal, parent);
    splitter->setChildrenCollapsible(false);
    table->setParent(splitter);
    chart->setParent(splitter);
    splitter->addWidget(table);
    splitter->addWidget(chart);
    table->horizontalHeader()->setStretchLastSection(false);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({tableWidth, 1200 - tableWidth});
    return splitter;
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

QString percent(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return QStringLiteral("—");
    return QLocale().toString(100.0 * double(part) / double(whole), 'f', 0) + QChar(0x00A0) + u'%';
}

// "second semestre 2026" -> "Second semestre 2026", to open a line.
QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

// "2026-05" -> "May 2026" in the interface language.
QString monthText(const QString &month)
{
    const QDate date = QDate::fromString(month + u"-01", Qt::ISODate);
    return date.isValid() ? QLocale().toString(date, QStringLiteral("MMMM yyyy")) : month;
}

// "2026-05" -> "May" (the chart's axis), "May 26" when the period spans years.
QString shortMonthText(const QString &month, bool withYear)
{
    const QDate date = QDate::fromString(month + u"-01", Qt::ISODate);
    if (!date.isValid())
        return month;
    return QLocale().toString(date, withYear ? QStringLiteral("MMM yy") : QStringLiteral("MMM"));
}

} // namespace

StatisticsWindow::StatisticsWindow(Database &db,
                                   const Agent &moderator,
                                   const QDate &today,
                                   QWidget *parent)
    : WorkWindow(db,
                 {tr("Figures"),
                  tr("What the platform avoided: the ads that found a taker, their value, their "
                     "weight and CO2e, per month, service, reason and category."),
                  QStringLiteral("figuresCount"),
                  moderatorIdentity(moderator),
                  tr("Read the figures again now (they are also read every minute)")},
                 parent)
    , m_today(today.isValid() ? today
                              : QDateTime::currentDateTimeUtc()
                                        .toTimeZone(ReportPeriod::platformZone())
                                        .date())
{
    setObjectName(QStringLiteral("statisticsWindow"));
    setWindowTitle(tr("Figures — Collectiv'Récup"));
    m_declarationReads = new ReadChannel(db.reader(), this);
    header()->countLabel()->hide();

    body()->addWidget(createPeriodPicker());
    body()->addWidget(createHeadline());
    body()->addWidget(createTabs(), 1);
    body()->addWidget(createButtons());
    createMenu();

    choosePeriod(ReportPeriod::currentSemester(m_today));
    resize(1180, 760);
}

StatisticsWindow::~StatisticsWindow() = default;

QWidget *StatisticsWindow::createPeriodPicker()
{
    auto *picker = new QWidget(this);
    picker->setObjectName(QStringLiteral("periodPicker"));
    auto *row = new QHBoxLayout(picker);
    row->setContentsMargins(0, 0, 0, 0);

    m_kind = new QComboBox(picker);
    m_kind->setObjectName(QStringLiteral("periodKind"));
    m_kind->setAccessibleName(tr("Period"));
    m_kind->addItem(tr("Month"), int(ReportPeriod::Kind::Month));
    m_kind->addItem(tr("Semester"), int(ReportPeriod::Kind::Semester));
    m_kind->addItem(tr("Year"), int(ReportPeriod::Kind::Year));
    m_kind->addItem(tr("Custom"), int(ReportPeriod::Kind::Custom));

    m_month = new QComboBox(picker);
    m_month->setObjectName(QStringLiteral("periodMonth"));
    m_month->setAccessibleName(tr("Month"));
    for (int month = 1; month <= 12; ++month)
        m_month->addItem(QLocale().standaloneMonthName(month), month);
    m_half = new QComboBox(picker);
    m_half->setObjectName(QStringLiteral("periodHalf"));
    m_half->setAccessibleName(tr("Semester"));
    m_half->addItem(tr("First semester (January–June)"), 1);
    m_half->addItem(tr("Second semester (July–December)"), 2);
    m_year = new QSpinBox(picker);
    m_year->setObjectName(QStringLiteral("periodYear"));
    m_year->setAccessibleName(tr("Year"));
    m_year->setRange(FirstYear, m_today.year());
    m_year->setGroupSeparatorShown(false);

    m_first = new QDateEdit(picker);
    m_first->setObjectName(QStringLiteral("periodFirst"));
    m_first->setAccessibleName(tr("First day"));
    m_last = new QDateEdit(picker);
    m_last->setObjectName(QStringLiteral("periodLast"));
    m_last->setAccessibleName(tr("Last day"));
    for (QDateEdit *edit : {m_first, m_last}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
        edit->setDateRange(QDate(FirstYear, 1, 1), m_today);
    }
    m_first->setDate(m_today.addMonths(-1));
    m_last->setDate(m_today);

    auto *label = new QLabel(tr("Peri&od:"), picker);
    label->setBuddy(m_kind);
    row->addWidget(label);
    row->addWidget(m_kind);
    row->addWidget(m_month);
    row->addWidget(m_half);
    row->addWidget(m_year);
    row->addWidget(m_first);
    row->addWidget(m_last);
    row->addStretch();

    auto changed = [this] {
        showKindSelectors();
        if (!m_picking)
            refresh();
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, changed);
    connect(m_month, &QComboBox::currentIndexChanged, this, changed);
    connect(m_half, &QComboBox::currentIndexChanged, this, changed);
    connect(m_year, &QSpinBox::valueChanged, this, changed);
    connect(m_first, &QDateEdit::dateChanged, this, changed);
    connect(m_last, &QDateEdit::dateChanged, this, changed);
    return picker;
}

void StatisticsWindow::showKindSelectors()
{
    const auto kind = ReportPeriod::Kind(m_kind->currentData().toInt());
    m_month->setVisible(kind == ReportPeriod::Kind::Month);
    m_half->setVisible(kind == ReportPeriod::Kind::Semester);
    m_year->setVisible(kind != ReportPeriod::Kind::Custom);
    m_first->setVisible(kind == ReportPeriod::Kind::Custom);
    m_last->setVisible(kind == ReportPeriod::Kind::Custom);
}

QWidget *StatisticsWindow::createHeadline()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->setSpacing(2);
    m_headline = new QLabel(box);
    m_headline->setObjectName(QStringLiteral("figuresHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextFormat(Qt::PlainText);
    QFont font = m_headline->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_headline->setFont(font);
    m_subline = new QLabel(box);
    m_subline->setObjectName(QStringLiteral("figuresSubline"));
    m_subline->setWordWrap(true);
    m_subline->setTextFormat(Qt::PlainText);
    Look::makeSecondary(m_subline);
    layout->addWidget(m_headline);
    layout->addWidget(m_subline);
    return box;
}

QWidget *StatisticsWindow::createTabs()
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("figuresTabs"));
    m_tabs->addTab(createMonthTab(), tr("Per month"));
    m_tabs->addTab(createServiceTab(), tr("Per service"));
    m_tabs->addTab(createReasonTab(), tr("Per reason"));
    m_tabs->addTab(createCategoryTab(), tr("Per category"));
    m_tabs->addTab(createNeverActiveTab(), tr("Never active"));
    // Screen readers: each table named after its tab.
    m_monthTable->setAccessibleName(tr("Per month"));
    m_serviceTable->setAccessibleName(tr("Per service"));
    m_reasonTable->setAccessibleName(tr("Per reason"));
    m_categoryTable->setAccessibleName(tr("Per category"));
    m_neverActive->setAccessibleName(tr("Never active"));

    m_emptyState = Look::emptyStateLabel(this, "figuresEmptyState");

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_tabs);
    m_pages->addWidget(m_emptyState);
    return m_pages;
}

QWidget *StatisticsWindow::createMonthTab()
{
    m_monthTable = figuresTable(
            this,
            "monthTable",
            {tr("Month"), tr("Exchanges"), tr("Value"), tr("Weight"), tr("Other closings")});
    m_monthChart = chartView(this, "monthChart");
    return tableAndChart(this, m_monthTable, m_monthChart, 460);
}

QWidget *StatisticsWindow::createServiceTab()
{
    m_serviceTable = figuresTable(this,
                                  "serviceTable",
                                  {tr("Service"),
                                   tr("Given"),
                                   tr("Received"),
                                   tr("Value given"),
                                   tr("Value received"),
                                   tr("Organisation")});
    m_serviceChart = chartView(this, "serviceChart");
    QWidget *tab = tableAndChart(this, m_serviceTable, m_serviceChart, 720);
    // The figures first; the organisations' long names take what is left, cut if need be.
    m_serviceTable->horizontalHeader()->setSectionResizeMode(5, QHeaderView::Stretch);
    return tab;
}

QWidget *StatisticsWindow::createReasonTab()
{
    m_reasonTable = figuresTable(
            this, "reasonTable", {tr("Reason"), tr("Ads"), tr("Value"), tr("Weight")});
    m_reasonChart = chartView(this, "reasonChart");
    return tableAndChart(this, m_reasonTable, m_reasonChart, 420);
}

QWidget *StatisticsWindow::createCategoryTab()
{
    m_categoryTable = figuresTable(this,
                                   "categoryTable",
                                   {tr("Category"),
                                    tr("Exchanges"),
                                    tr("Weight"),
                                    tr("Estimated"),
                                    tr("Factor (kg CO2e per kg)"),
                                    tr("CO2e avoided"),
                                    tr("Source of the factor")});
    return m_categoryTable;
}

QWidget *StatisticsWindow::createNeverActiveTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *explanation = new QLabel(tr("These services neither posted an ad nor received an "
                                      "exchange in the period: perhaps they do not know the "
                                      "platform yet."),
                                   page);
    explanation->setWordWrap(true);
    Look::makeSecondary(explanation);
    m_neverActive = new QListWidget(page);
    m_neverActive->setObjectName(QStringLiteral("neverActiveList"));
    layout->addWidget(explanation);
    layout->addWidget(m_neverActive, 1);
    return page;
}

QWidget *StatisticsWindow::createButtons()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    auto button = [bar, row](const QString &text, const char *name, const QString &tip) {
        auto *b = new QPushButton(text, bar);
        b->setObjectName(QString::fromLatin1(name));
        b->setToolTip(tip);
        row->addWidget(b);
        return b;
    };
    m_csvButton = button(tr("&Export CSV…"),
                         "exportCsvButton",
                         tr("Every table of the period as a CSV file that Excel opens"));
    m_reportButton = button(tr("&Semester report…"),
                            "semesterReportButton",
                            tr("Preview and print the report of the period, in French"));
    m_pdfButton = button(tr("Save as &PDF…"),
                         "reportPdfButton",
                         tr("Save the report of the period as a PDF file"));
    row->addStretch();
    m_declarationButton = button(tr("Reuse &declaration…"),
                                 "reuseDeclarationButton",
                                 tr("The yearly declaration of purchases from reuse (loi AGEC), "
                                    "per organisation and product family, as a CSV file"));
    connect(m_csvButton, &QPushButton::clicked, this, &StatisticsWindow::exportCsv);
    connect(m_reportButton, &QPushButton::clicked, this, &StatisticsWindow::previewReport);
    connect(m_pdfButton, &QPushButton::clicked, this, &StatisticsWindow::saveReportAsPdf);
    connect(m_declarationButton,
            &QPushButton::clicked,
            this,
            &StatisticsWindow::exportReuseDeclaration);
    return bar;
}

void StatisticsWindow::createMenu()
{
    QMenu *menu = addWindowMenu(tr("&Figures"), tr("&Refresh"), tr("&Close"));
    QAction *first = menu->actions().value(0);
    const QList<QPushButton *> buttons{
            m_csvButton, m_reportButton, m_pdfButton, m_declarationButton};
    for (QPushButton *button : buttons) {
        auto *action = new QAction(button->text(), menu);
        connect(action, &QAction::triggered, button, &QPushButton::click);
        menu->insertAction(first, action);
        m_buttonActions.append({button, action});
    }
    menu->insertSeparator(first);
    updateButtons();
}

Result<ReportPeriod> StatisticsWindow::chosenPeriod() const
{
    const int year = m_year->value();
    switch (ReportPeriod::Kind(m_kind->currentData().toInt())) {
    case ReportPeriod::Kind::Month:
        return ReportPeriod::month(year, m_month->currentData().toInt());
    case ReportPeriod::Kind::Semester:
        return ReportPeriod::semester(year, m_half->currentData().toInt());
    case ReportPeriod::Kind::Year:
        return ReportPeriod::year(year);
    case ReportPeriod::Kind::Custom:
        break;
    }
    return ReportPeriod::custom(m_first->date(), m_last->date());
}

void StatisticsWindow::choosePeriod(const ReportPeriod &period)
{
    m_picking = true;
    m_kind->setCurrentIndex(m_kind->findData(int(period.kind())));
    if (period.kind() == ReportPeriod::Kind::Custom) {
        m_first->setDate(period.first());
        m_last->setDate(period.last());
    } else {
        m_year->setValue(period.first().year());
        m_month->setCurrentIndex(period.first().month() - 1);
        m_half->setCurrentIndex(period.first().month() <= 6 ? 0 : 1);
    }
    showKindSelectors();
    m_picking = false;
    refresh();
}

void StatisticsWindow::startRefresh()
{
    const Result<ReportPeriod> period = chosenPeriod();
    if (!period) {
        // Nothing is read: the figures of the last good period stay on screen.
        listReads()->cancel();
        m_periodRefused = true;
        messageBar()->showMessage(MessageBar::Kind::Error, period.error().message);
        finishRefresh(false);
        return;
    }
    if (m_periodRefused) {
        m_periodRefused = false;
        messageBar()->dismiss();
    }
    Database *db = &database();
    const ReportPeriod chosen = *period;
    listReads()->request<Figures>(
            [db, chosen] { return FiguresReader(*db).read(chosen); },
            [this](const Result<Figures> &figures) {
                if (!figures) {
                    messageBar()->showMessage(
                            MessageBar::Kind::Error,
                            tr("The figures could not be read. %1").arg(figures.error().message),
                            figures.error().detail,
                            [this] { refresh(); });
                    finishRefresh(false);
                    return;
                }
                showFigures(*figures);
                finishRefresh(true);
            });
}

void StatisticsWindow::showFigures(const Figures &figures)
{
    m_figures = figures;
    showHeadline(figures);
    m_emptyState->setText(tr("No ad was closed in this period."));
    m_pages->setCurrentWidget(figures.isEmpty() ? static_cast<QWidget *>(m_emptyState) : m_tabs);
    fillMonths(figures);
    fillServices(figures);
    fillReasons(figures);
    fillCategories(figures);
    fillNeverActive(figures);
    updateButtons();
}

QString StatisticsWindow::headline() const
{
    return m_headline->text();
}

void StatisticsWindow::showHeadline(const Figures &figures)
{
    if (figures.isEmpty()) {
        m_headline->setText(tr("No ad was closed in this period."));
        m_subline->setText(capitalised(figures.period.label()));
        return;
    }
    m_headline->setText(tr("%n ad(s) found a taker, about %1 of purchases avoided, %2 of waste "
                           "avoided",
                           nullptr,
                           figures.exchanged())
                                .arg(Amounts::wholeEuroText(figures.valueCents()),
                                     Amounts::wholeKilogramText(figures.weightGrams())));
    QString subline = tr("%1 CO2e avoided; %2 of the weight is estimated from the categories' "
                         "usual weights.")
                              .arg(Amounts::wholeKilogramText(figures.co2eGrams()),
                                   percent(figures.estimatedWeightGrams(), figures.weightGrams()));
    if (figures.period.isOngoing(m_today))
        subline += u' ' + tr("The period is not over: these figures are still growing.");
    m_subline->setText(capitalised(figures.period.label()) + u" — " + subline);
}

void StatisticsWindow::fillMonths(const Figures &figures)
{
    m_monthTable->setRowCount(0);
    auto *exchanges = new QBarSet(tr("Exchanges"));
    int highest = 0;
    QStringList axis;
    const bool withYear
            = figures.months.size() > 12
              || (!figures.months.isEmpty()
                  && figures.months.first().month.left(4) != figures.months.last().month.left(4));
    for (const MonthTotals &m : figures.months) {
        addRow(m_monthTable,
               {monthText(m.month),
                number(m.exchanged),
                Amounts::wholeEuroText(m.valueCents),
                Amounts::wholeKilogramText(m.weightGrams),
                number(m.otherClosings)},
               {1, 2, 3, 4});
        *exchanges << m.exchanged;
        highest = qMax(highest, m.exchanged);
        axis << shortMonthText(m.month, withYear);
    }
    auto *series = new QBarSeries;
    series->append(exchanges);
    auto *chart = new QChart;
    chart->setTitle(tr("Ads that found a taker, per month"));
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(axis);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    QValueAxis *y = countAxis(highest);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->hide();
    replaceChart(m_monthChart, chart);
}

void StatisticsWindow::fillServices(const Figures &figures)
{
    m_serviceTable->setRowCount(0);
    for (const ServiceTotals &s : figures.services) {
        addRow(m_serviceTable,
               {s.serviceName,
                number(s.given),
                number(s.received),
                Amounts::wholeEuroText(s.valueGivenCents),
                Amounts::wholeEuroText(s.valueReceivedCents),
                s.organisationName},
               {1, 2, 3, 4});
    }
    auto *given = new QBarSet(tr("Given"));
    auto *received = new QBarSet(tr("Received"));
    QStringList names;
    int highest = 0;
    // The most active at the top: a horizontal chart draws its first category at the bottom.
    const auto top = figures.services.mid(0, ChartedServices);
    for (auto s = top.crbegin(); s != top.crend(); ++s) {
        *given << s->given;
        *received << s->received;
        highest = std::max({highest, s->given, s->received});
        names << s->serviceName;
    }
    auto *series = new QHorizontalBarSeries;
    series->append(given);
    series->append(received);
    auto *chart = new QChart;
    chart->setTitle(tr("The %n most active service(s)", nullptr, int(top.size())));
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(names);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    QValueAxis *x = countAxis(highest);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    replaceChart(m_serviceChart, chart);
}

void StatisticsWindow::fillReasons(const Figures &figures)
{
    m_reasonTable->setRowCount(0);
    auto *series = new QPieSeries;
    for (const ReasonTotals &r : figures.reasons) {
        addRow(m_reasonTable,
               {displayName(r.reason),
                number(r.ads),
                Amounts::wholeEuroText(r.valueCents),
                Amounts::wholeKilogramText(r.weightGrams)},
               {1, 2, 3});
        QPieSlice *slice = series->append(displayName(r.reason), r.ads);
        slice->setLabel(tr("%1 (%2)").arg(displayName(r.reason), number(r.ads)));
    }
    // A legend rather than labels round the pie: a long reason would be cut at the edge.
    auto *chart = new QChart;
    chart->setTitle(tr("How the ads were closed"));
    chart->addSeries(series);
    replaceChart(m_reasonChart, chart);
    chart->legend()->setAlignment(Qt::AlignRight);
}

void StatisticsWindow::fillCategories(const Figures &figures)
{
    m_categoryTable->setRowCount(0);
    for (const CategoryTotals &c : figures.categories) {
        const auto co2e = c.co2eGrams();
        addRow(m_categoryTable,
               {c.name,
                number(c.ads),
                Amounts::kilogramText(c.weightGrams),
                percent(c.estimatedWeightGrams, c.weightGrams),
                c.co2eGramsPerKg ? QLocale().toString(*c.co2eGramsPerKg / 1000.0, 'f', 2)
                                 : tr("unknown"),
                co2e ? Amounts::wholeKilogramText(*co2e) : tr("not counted"),
                c.co2eSource},
               {1, 2, 3, 4, 5});
    }
}

void StatisticsWindow::fillNeverActive(const Figures &figures)
{
    m_neverActive->clear();
    for (const InactiveService &s : figures.neverActive)
        m_neverActive->addItem(tr("%1 — %2", "a service, then its organisation")
                                       .arg(s.serviceName, s.organisationName));
    m_tabs->setTabText(4, tr("Never active (%1)").arg(figures.neverActive.size()));
}

void StatisticsWindow::updateButtons()
{
    const bool shown = m_figures.has_value();
    m_csvButton->setEnabled(shown);
    m_reportButton->setEnabled(shown);
    m_pdfButton->setEnabled(shown);
    for (const auto &[button, action] : std::as_const(m_buttonActions))
        action->setEnabled(button->isEnabled());
}

QString
StatisticsWindow::askSavePath(const QString &caption, const QString &name, const QString &filter)
{
    if (m_savePath)
        return m_savePath(caption, name, filter);
    const QDir documents(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    return QFileDialog::getSaveFileName(this, caption, documents.filePath(name), filter);
}

void StatisticsWindow::writeBytes(const QByteArray &bytes, const QString &path, const QString &what)
{
    const Status written = ReportDocument::writeFile(bytes, path);
    if (!written) {
        messageBar()->showMessage(
                MessageBar::Kind::Error,
                tr("%1 could not be saved. %2").arg(what, written.error().message),
                written.error().detail);
        return;
    }
    messageBar()->showMessage(MessageBar::Kind::Information,
                              tr("%1 is saved in %2.").arg(what, QDir::toNativeSeparators(path)));
    emit fileWritten(path);
}

void StatisticsWindow::exportCsv()
{
    if (!m_figures)
        return;
    const QString path = askSavePath(tr("Export the figures"),
                                     tr("figures-%1.csv").arg(m_figures->period.key()),
                                     tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        writeBytes(ReportDocument::figuresCsv(*m_figures), path, tr("The CSV file"));
}

void StatisticsWindow::previewReport()
{
    if (!m_figures)
        return;
    std::unique_ptr<QTextDocument> document = ReportDocument::semesterReport(*m_figures);
    QPrintPreviewDialog preview(this);
    preview.setWindowTitle(tr("Report — %1").arg(m_figures->period.label()));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this, [&document](QPrinter *printer) {
        ReportDocument::print(*document, *printer);
    });
    namePrintPreviewControls(&preview);
    if (m_preview)
        m_preview(preview);
    else
        preview.exec();
}

void StatisticsWindow::saveReportAsPdf()
{
    if (!m_figures)
        return;
    const QString path = askSavePath(tr("Save the report as PDF"),
                                     tr("report-%1.pdf").arg(m_figures->period.key()),
                                     tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    std::unique_ptr<QTextDocument> document = ReportDocument::semesterReport(*m_figures);
    const Status written = ReportDocument::writePdf(*document, path);
    if (!written) {
        messageBar()->showMessage(
                MessageBar::Kind::Error,
                tr("The report could not be saved. %1").arg(written.error().message),
                written.error().detail);
        return;
    }
    messageBar()->showMessage(MessageBar::Kind::Information,
                              tr("The report is saved in %1.").arg(QDir::toNativeSeparators(path)));
    emit fileWritten(path);
}

void StatisticsWindow::exportReuseDeclaration()
{
    // Last year's declaration is the one due; this year's is still growing.
    const int suggested = m_today.year() - 1;
    std::optional<int> year;
    if (m_askYear) {
        year = m_askYear(suggested);
    } else {
        bool ok = false;
        const int chosen = QInputDialog::getInt(this,
                                                tr("Reuse declaration"),
                                                tr("The declaration of the year:"),
                                                suggested,
                                                FirstYear,
                                                m_today.year(),
                                                1,
                                                &ok);
        if (ok)
            year = chosen;
    }
    if (!year)
        return;
    const QString path = askSavePath(tr("Save the reuse declaration"),
                                     tr("reuse-declaration-%1.csv").arg(*year),
                                     tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    Database *db = &database();
    const int y = *year;
    m_declarationReads->request<ReuseDeclaration>(
            [db, y] { return ReuseDeclarationReader(*db).read(y, std::nullopt); },
            [this, path](const Result<ReuseDeclaration> &declaration) {
                if (!declaration) {
                    messageBar()->showMessage(MessageBar::Kind::Error,
                                              tr("The reuse declaration could not be read. %1")
                                                      .arg(declaration.error().message),
                                              declaration.error().detail);
                    return;
                }
                writeBytes(declaration->csv(), path, tr("The reuse declaration"));
            });
}

} // namespace Recup
