// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/ReferenceDataWindow.h"

#include "common/FieldErrors.h"
#include "common/Look.h"
#include "common/MessageBar.h"
#include "common/WindowHeader.h"
#include "domain/UserText.h"
#include "moderator/ModeratorIdentity.h"
#include "moderator/ReferenceListModel.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"
#include "storage/RejectionTemplateRepository.h"

#include <QAction>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace Recup {

namespace {

using Table = ReferenceRepository::Table;
using Fields = QList<std::pair<QString, QString>>;

// "7,5" for 7500 g: kilograms with up to three decimals, as the locale writes them.
QString kilograms(qint64 grams)
{
    QString text = QLocale().toString(double(grams) / 1000.0, 'f', 3);
    const QChar point = QLocale().decimalPoint().at(0);
    if (text.contains(point)) {
        while (text.endsWith(u'0'))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(1);
    }
    return text;
}

// A number typed in kilograms, with a decimal comma or point ("7,5", "7.5"): grams; nothing
// when it does not read.
std::optional<qint64> typedGrams(const QString &typed)
{
    QString text = typed.trimmed();
    text.remove(u' ').remove(QChar(0x202f)).remove(QChar(0xa0));
    text.replace(u',', u'.');
    bool ok = false;
    const double value = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(value) || std::abs(value) > 1e9)
        return std::nullopt;
    return std::llround(value * 1000.0);
}

QString familyText(ProductFamily family)
{
    switch (family) {
    case ProductFamily::Seats:
        return ReferenceDataWindow::tr("Seats");
    case ProductFamily::Tables:
        return ReferenceDataWindow::tr("Tables");
    case ProductFamily::Desks:
        return ReferenceDataWindow::tr("Desks");
    case ProductFamily::Storage:
        return ReferenceDataWindow::tr("Storage");
    case ProductFamily::Other:
        break;
    }
    return ReferenceDataWindow::tr("Other");
}

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    Look::makeSecondary(label);
    return label;
}

} // namespace

ReferenceDataWindow::ReferenceDataWindow(Database &db, const Agent &agent, QWidget *parent)
    : WorkWindow(db,
                 {tr("Reference data"),
                  tr("The organisations, services, sites, categories and rejection reasons every "
                     "window offers. Nothing is deleted: deactivate what is no longer used."),
                  QStringLiteral("referenceCount"),
                  moderatorIdentity(agent),
                  tr("Read the reference data again now")},
                 parent)
    , m_agent(agent)
{
    setObjectName(QStringLiteral("referenceDataWindow"));
    setWindowTitle(tr("Reference data — Collectiv'Récup"));
    m_writes = new ReadChannel(listReads()->worker(), this);

    m_tabWidget = new QTabWidget(centralWidget());
    m_tabWidget->setObjectName(QStringLiteral("referenceTabs"));
    createTab(Kind::Organisations,
              tr("&Organisations"),
              {tr("Code"), tr("Name")},
              &ReferenceDataWindow::buildOrganisationForm);
    createTab(Kind::Services,
              tr("S&ervices"),
              {tr("Code"), tr("Name"), tr("Organisation")},
              &ReferenceDataWindow::buildServiceForm);
    createTab(Kind::Sites,
              tr("S&ites"),
              {tr("Code"), tr("Name"), tr("City")},
              &ReferenceDataWindow::buildSiteForm);
    createTab(Kind::Categories,
              tr("C&ategories"),
              {tr("Code"), tr("Name"), tr("Accepted")},
              &ReferenceDataWindow::buildCategoryForm);
    createTab(Kind::Reasons,
              tr("Re&jection reasons"),
              {tr("Order"), tr("Title")},
              &ReferenceDataWindow::buildReasonForm);
    body()->addWidget(m_tabWidget, 1);
    connect(m_tabWidget, &QTabWidget::currentChanged, this, [this] {
        updateCount();
        updateFormState(currentTab());
    });

    createMenu();
    for (Tab &each : m_tabs)
        updateFormState(each);
    updateCount();
    resize(1180, 720);
    refresh();
}

ReferenceDataWindow::~ReferenceDataWindow() = default;

void ReferenceDataWindow::createMenu()
{
    QMenu *menu = addWindowMenu(tr("&Data"), tr("&Refresh"), tr("&Close"));
    QAction *first = menu->actions().value(0);
    m_newAction = new QAction(tr("&New"), menu);
    m_newAction->setShortcut(QKeySequence::New);
    m_saveAction = new QAction(tr("&Save"), menu);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_toggleAction = new QAction(tr("&Deactivate"), menu);
    menu->insertActions(first, {m_newAction, m_saveAction, m_toggleAction});
    menu->insertSeparator(first);
    connect(m_newAction, &QAction::triggered, this, &ReferenceDataWindow::newRow);
    connect(m_saveAction, &QAction::triggered, this, &ReferenceDataWindow::save);
    connect(m_toggleAction, &QAction::triggered, this, &ReferenceDataWindow::toggleActive);
}

void ReferenceDataWindow::createTab(Kind kind,
                                    const QString &title,
                                    const QStringList &headers,
                                    FormBuilder build)
{
    Tab &t = tab(kind);
    t.kind = kind;
    t.page = new QWidget(m_tabWidget);
    t.page->setObjectName(QStringLiteral("referencePage%1").arg(int(kind)));
    t.errors = std::make_unique<FieldErrors>(this);
    t.model = new ReferenceListModel(headers, this);

    auto *splitter = new QSplitter(Qt::Horizontal, t.page);
    splitter->setChildrenCollapsible(false);
    t.view = new QTableView(splitter);
    t.view->setObjectName(QStringLiteral("referenceView"));
    t.view->setAccessibleName(title);
    t.view->setModel(t.model);
    t.view->setSelectionBehavior(QAbstractItemView::SelectRows);
    t.view->setSelectionMode(QAbstractItemView::SingleSelection);
    t.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t.view->setAlternatingRowColors(true);
    t.view->verticalHeader()->hide();
    t.view->horizontalHeader()->setStretchLastSection(false);
    t.view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t.view->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    splitter->addWidget(t.view);

    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *side = new QWidget(scroll);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(6, 0, 0, 0);
    t.form = new QGroupBox(side);
    t.form->setObjectName(QStringLiteral("referenceForm"));
    auto *form = new QFormLayout(t.form);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    (this->*build)(t, form);
    sideLayout->addWidget(t.form);
    t.state = new QLabel(side);
    t.state->setObjectName(QStringLiteral("referenceState"));
    t.state->setWordWrap(true);
    t.state->setTextFormat(Qt::PlainText);
    sideLayout->addWidget(t.state);
    sideLayout->addWidget(createButtonRow(t, side));
    sideLayout->addStretch(1);
    scroll->setWidget(side);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({560, 520});

    auto *layout = new QVBoxLayout(t.page);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(splitter);
    m_tabWidget->addTab(t.page, title);

    connect(t.view->selectionModel(),
            &QItemSelectionModel::currentRowChanged,
            this,
            [this, kind](const QModelIndex &current, const QModelIndex &previous) {
                onCurrentRowChanged(tab(kind), current, previous);
            });
}

QWidget *ReferenceDataWindow::createButtonRow(Tab &t, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    t.newButton = new QPushButton(tr("&New"), row);
    t.newButton->setObjectName(QStringLiteral("newButton"));
    t.toggleButton = new QPushButton(tr("Deacti&vate"), row);
    t.toggleButton->setObjectName(QStringLiteral("toggleButton"));
    t.saveButton = new QPushButton(tr("Save"), row);
    t.saveButton->setObjectName(QStringLiteral("saveButton"));
    t.saveButton->setToolTip(tr("Save (Ctrl+S)"));
    t.saveButton->setStyleSheet(Look::primaryButtonStyle(palette(), QStringLiteral("saveButton")));
    layout->addWidget(t.newButton);
    layout->addWidget(t.toggleButton);
    layout->addStretch(1);
    layout->addWidget(t.saveButton);
    connect(t.newButton, &QPushButton::clicked, this, &ReferenceDataWindow::newRow);
    connect(t.saveButton, &QPushButton::clicked, this, &ReferenceDataWindow::save);
    connect(t.toggleButton, &QPushButton::clicked, this, &ReferenceDataWindow::toggleActive);
    return row;
}

QLineEdit *ReferenceDataWindow::lineEdit(Tab &t, const QString &objectName, int maxLength)
{
    auto *edit = new QLineEdit(t.form);
    edit->setObjectName(objectName);
    // A little over the rule, so that the rule's message says what is wrong.
    edit->setMaxLength(maxLength + 10);
    watch(t, edit);
    return edit;
}

void ReferenceDataWindow::watch(Tab &t, QWidget *input)
{
    const Kind kind = t.kind;
    auto changed = [this, kind] {
        if (m_filling)
            return;
        Tab &edited = tab(kind);
        if (!edited.dirty) {
            edited.dirty = true;
            updateFormState(edited);
        }
    };
    if (auto *line = qobject_cast<QLineEdit *>(input))
        connect(line, &QLineEdit::textChanged, this, changed);
    else if (auto *text = qobject_cast<QPlainTextEdit *>(input))
        connect(text, &QPlainTextEdit::textChanged, this, changed);
    else if (auto *combo = qobject_cast<QComboBox *>(input))
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
    else if (auto *check = qobject_cast<QCheckBox *>(input))
        connect(check, &QCheckBox::toggled, this, changed);
    else if (auto *spin = qobject_cast<QSpinBox *>(input))
        connect(spin, &QSpinBox::valueChanged, this, changed);
}

// --- The forms, a group of fields each ---

void ReferenceDataWindow::buildOrganisationForm(Tab &t, QFormLayout *form)
{
    m_organisationCode
            = lineEdit(t, QStringLiteral("organisationCode"), ReferenceRepository::CodeMax);
    m_organisationName
            = lineEdit(t, QStringLiteral("organisationName"), ReferenceRepository::NameMax);
    form->addRow(tr("&Code *"), t.errors->box(m_organisationCode, QStringLiteral("code")));
    form->addRow(tr("Na&me *"), t.errors->box(m_organisationName, QStringLiteral("name")));
    form->addRow(hint(tr("An organisation is deactivated once none of its services and sites is "
                         "active any more."),
                      t.form));
}

void ReferenceDataWindow::buildServiceForm(Tab &t, QFormLayout *form)
{
    m_serviceCode = lineEdit(t, QStringLiteral("serviceCode"), ReferenceRepository::CodeMax);
    m_serviceName = lineEdit(t, QStringLiteral("serviceName"), ReferenceRepository::NameMax);
    m_serviceOrganisation = new QComboBox(t.form);
    m_serviceOrganisation->setObjectName(QStringLiteral("serviceOrganisation"));
    watch(t, m_serviceOrganisation);
    form->addRow(tr("&Code *"), t.errors->box(m_serviceCode, QStringLiteral("code")));
    form->addRow(tr("Na&me *"), t.errors->box(m_serviceName, QStringLiteral("name")));
    form->addRow(tr("Organi&sation *"),
                 t.errors->box(m_serviceOrganisation, QStringLiteral("organisation")));
    form->addRow(hint(tr("A deactivated service is no longer offered as the receiver of an "
                         "exchange; its agents and past exchanges keep it."),
                      t.form));
}

void ReferenceDataWindow::buildSiteIdentity(Tab &t, QFormLayout *form)
{
    m_siteCode = lineEdit(t, QStringLiteral("siteCode"), ReferenceRepository::CodeMax);
    m_siteName = lineEdit(t, QStringLiteral("siteName"), ReferenceRepository::NameMax);
    m_siteOrganisation = new QComboBox(t.form);
    m_siteOrganisation->setObjectName(QStringLiteral("siteOrganisation"));
    watch(t, m_siteOrganisation);
    form->addRow(tr("&Code *"), t.errors->box(m_siteCode, QStringLiteral("code")));
    form->addRow(tr("Na&me *"), t.errors->box(m_siteName, QStringLiteral("name")));
    form->addRow(tr("Organi&sation *"),
                 t.errors->box(m_siteOrganisation, QStringLiteral("organisation")));
}

void ReferenceDataWindow::buildSiteAddress(Tab &t, QFormLayout *form)
{
    m_siteAddress = lineEdit(t, QStringLiteral("siteAddress"), ReferenceRepository::AddressMax);
    m_sitePostalCode = lineEdit(t, QStringLiteral("sitePostalCode"), 5);
    m_sitePostalCode->setMaximumWidth(120);
    m_siteCity = lineEdit(t, QStringLiteral("siteCity"), ReferenceRepository::CityMax);
    form->addRow(tr("Add&ress"), t.errors->box(m_siteAddress, QStringLiteral("address")));
    form->addRow(tr("&Postal code"), t.errors->box(m_sitePostalCode, QStringLiteral("postalCode")));
    form->addRow(tr("Cit&y"), t.errors->box(m_siteCity, QStringLiteral("city")));
}

void ReferenceDataWindow::buildSiteForm(Tab &t, QFormLayout *form)
{
    buildSiteIdentity(t, form);
    buildSiteAddress(t, form);
    form->addRow(hint(tr("A closed site is no longer offered for new ads nor transports; the "
                         "ads already there keep it."),
                      t.form));
}

void ReferenceDataWindow::buildCategoryIdentity(Tab &t, QFormLayout *form)
{
    m_categoryCode = lineEdit(t, QStringLiteral("categoryCode"), ReferenceRepository::CodeMax);
    m_categoryName = lineEdit(t, QStringLiteral("categoryName"), ReferenceRepository::NameMax);
    m_categoryFamily = new QComboBox(t.form);
    m_categoryFamily->setObjectName(QStringLiteral("categoryFamily"));
    for (ProductFamily family : {ProductFamily::Seats,
                                 ProductFamily::Tables,
                                 ProductFamily::Desks,
                                 ProductFamily::Storage,
                                 ProductFamily::Other})
        m_categoryFamily->addItem(familyText(family), productFamilyKey(family));
    m_categoryFamily->setToolTip(tr("The family of the yearly reuse declaration (loi AGEC)."));
    watch(t, m_categoryFamily);
    form->addRow(tr("&Code *"), t.errors->box(m_categoryCode, QStringLiteral("code")));
    form->addRow(tr("Na&me *"), t.errors->box(m_categoryName, QStringLiteral("name")));
    form->addRow(tr("Product &family"), t.errors->box(m_categoryFamily, QStringLiteral("family")));
}

void ReferenceDataWindow::buildCategoryFigures(Tab &t, QFormLayout *form)
{
    m_categoryWeight = lineEdit(t, QStringLiteral("categoryWeight"), 12);
    m_categoryWeight->setPlaceholderText(tr("in kg, such as 7,5"));
    m_categoryCo2e = lineEdit(t, QStringLiteral("categoryCo2e"), 12);
    m_categoryCo2e->setPlaceholderText(tr("kg CO2e per kg; empty when unknown"));
    m_categoryCo2eSource
            = lineEdit(t, QStringLiteral("categoryCo2eSource"), ReferenceRepository::SourceMax);
    m_categoryCo2eSource->setPlaceholderText(tr("ADEME Base Carbone, WRAP…"));
    form->addRow(tr("Unit &weight (kg)"),
                 t.errors->box(m_categoryWeight, QStringLiteral("unitWeight")));
    form->addRow(tr("CO&2e factor"), t.errors->box(m_categoryCo2e, QStringLiteral("co2eFactor")));
    form->addRow(tr("Factor's &source"),
                 t.errors->box(m_categoryCo2eSource, QStringLiteral("co2eSource")));
}

void ReferenceDataWindow::buildCategoryRules(Tab &t, QFormLayout *form)
{
    m_categoryExpiry = lineEdit(t, QStringLiteral("categoryExpiry"), 6);
    m_categoryExpiry->setMaximumWidth(120);
    m_categoryExcluded = new QCheckBox(tr("Not accepted on the platform (excluded)"), t.form);
    m_categoryExcluded->setObjectName(QStringLiteral("categoryExcluded"));
    watch(t, m_categoryExcluded);
    m_categoryExcludedMessage = new QPlainTextEdit(t.form);
    m_categoryExcludedMessage->setObjectName(QStringLiteral("categoryExcludedMessage"));
    m_categoryExcludedMessage->setTabChangesFocus(true);
    m_categoryExcludedMessage->setFixedHeight(72);
    watch(t, m_categoryExcludedMessage);
    m_categoryWords
            = lineEdit(t, QStringLiteral("categoryWords"), ReferenceRepository::WarningWordsMax);
    m_categoryWords->setPlaceholderText(tr("ordinateur, écran, imprimante"));
    form->addRow(tr("On&line for (days) *"),
                 t.errors->box(m_categoryExpiry, QStringLiteral("expiryDays")));
    form->addRow(QString(), t.errors->box(m_categoryExcluded, QStringLiteral("excluded")));
    form->addRow(tr("Message when e&xcluded"),
                 t.errors->box(m_categoryExcludedMessage, QStringLiteral("excludedMessage")));
    form->addRow(tr("Wa&rning words"),
                 t.errors->box(m_categoryWords, QStringLiteral("warningWords")));
    form->addRow(hint(tr("Separate the warning words with commas: an ad whose title or "
                         "description holds one is flagged to the moderators."),
                      t.form));
}

void ReferenceDataWindow::buildCategoryForm(Tab &t, QFormLayout *form)
{
    buildCategoryIdentity(t, form);
    buildCategoryFigures(t, form);
    buildCategoryRules(t, form);
}

void ReferenceDataWindow::buildReasonForm(Tab &t, QFormLayout *form)
{
    m_reasonTitle
            = lineEdit(t, QStringLiteral("reasonTitle"), RejectionTemplateRepository::TitleMax);
    m_reasonBody = new QPlainTextEdit(t.form);
    m_reasonBody->setObjectName(QStringLiteral("reasonBody"));
    m_reasonBody->setTabChangesFocus(true);
    m_reasonBody->setMinimumHeight(140);
    watch(t, m_reasonBody);
    m_reasonPosition = new QSpinBox(t.form);
    m_reasonPosition->setObjectName(QStringLiteral("reasonPosition"));
    m_reasonPosition->setRange(0, 999);
    watch(t, m_reasonPosition);
    form->addRow(tr("&Title *"), t.errors->box(m_reasonTitle, QStringLiteral("title")));
    form->addRow(tr("Te&xt *"), t.errors->box(m_reasonBody, QStringLiteral("body")));
    form->addRow(tr("O&rder in the list"),
                 t.errors->box(m_reasonPosition, QStringLiteral("position")));
    form->addRow(hint(tr("The moderator picks a reason when rejecting an ad, then completes its "
                         "text; the poster reads it."),
                      t.form));
}

// --- Reading ---

void ReferenceDataWindow::startRefresh()
{
    Database *db = &database();
    listReads()->request<Snapshot>(
            [db]() -> Result<Snapshot> {
                ReferenceRepository references(*db);
                Snapshot s;
                auto organisations = references.organisations();
                if (!organisations)
                    return organisations.error();
                auto services = references.services();
                if (!services)
                    return services.error();
                auto sites = references.sites();
                if (!sites)
                    return sites.error();
                auto categories = references.categories();
                if (!categories)
                    return categories.error();
                auto reasons = RejectionTemplateRepository(*db).templates(true);
                if (!reasons)
                    return reasons.error();
                s.organisations = std::move(organisations).value();
                s.services = std::move(services).value();
                s.sites = std::move(sites).value();
                s.categories = std::move(categories).value();
                s.reasons = std::move(reasons).value();
                return s;
            },
            [this](const Result<Snapshot> &snapshot) {
                if (!snapshot) {
                    messageBar()->showMessage(MessageBar::Kind::Error,
                                              tr("The reference data could not be read. %1")
                                                      .arg(snapshot.error().message),
                                              snapshot.error().detail,
                                              [this] { refresh(); });
                    finishRefresh(false);
                    return;
                }
                applySnapshot(*snapshot);
                finishRefresh(true);
            });
}

QList<QPair<QString, qint64>> ReferenceDataWindow::organisationChoices() const
{
    QList<QPair<QString, qint64>> choices;
    for (const Organisation &o : m_snapshot.organisations)
        choices.append({o.active ? o.name : tr("%1 (inactive)").arg(o.name), o.id});
    return choices;
}

void ReferenceDataWindow::fillOrganisationCombo(QComboBox *combo, qint64 keep)
{
    const QScopedValueRollback filling(m_filling, true);
    combo->clear();
    combo->addItem(tr("Choose an organisation…"), qint64(0));
    for (const auto &[name, id] : organisationChoices())
        combo->addItem(name, id);
    combo->setCurrentIndex(qMax(0, combo->findData(keep)));
}

void ReferenceDataWindow::applySnapshot(const Snapshot &snapshot)
{
    m_snapshot = snapshot;
    fillOrganisationCombo(m_serviceOrganisation, m_serviceOrganisation->currentData().toLongLong());
    fillOrganisationCombo(m_siteOrganisation, m_siteOrganisation->currentData().toLongLong());
    const bool first = !m_loaded;
    m_loaded = true;
    for (Tab &t : m_tabs) {
        applyRows(t);
        const int row = t.model->rowOf(t.id);
        if (t.id != 0 && row >= 0 && t.view->currentIndex().row() != row) {
            // A row just added, or one the list had moved: the list shows what the form edits.
            const QScopedValueRollback reverting(m_reverting, true);
            t.view->setCurrentIndex(t.model->index(row, 0));
        }
        if (t.id != 0 && row >= 0) {
            if (!t.dirty) {
                fillFromRow(t, row); // someone else's change shows when nothing was typed
            } else if (t.adoptVersion) {
                // After a conflict: the next save replaces their version with what was typed.
                switch (t.kind) {
                case Kind::Organisations:
                    t.version = m_snapshot.organisations.at(row).version;
                    break;
                case Kind::Services:
                    t.version = m_snapshot.services.at(row).version;
                    break;
                case Kind::Sites:
                    t.version = m_snapshot.sites.at(row).version;
                    break;
                case Kind::Categories:
                    t.version = m_snapshot.categories.at(row).version;
                    break;
                case Kind::Reasons:
                    t.version = m_snapshot.reasons.at(row).version;
                    break;
                }
                t.adoptVersion = false;
            }
        } else if (first && t.id == 0 && !t.dirty && t.model->rowCount() > 0) {
            t.view->setCurrentIndex(t.model->index(0, 0));
        }
        updateFormState(t);
    }
    updateCount();
}

void ReferenceDataWindow::applyRows(Tab &t)
{
    QHash<qint64, QString> organisationNames;
    for (const Organisation &o : m_snapshot.organisations)
        organisationNames.insert(o.id, o.name);
    QList<ReferenceListModel::Row> rows;
    switch (t.kind) {
    case Kind::Organisations:
        for (const Organisation &o : m_snapshot.organisations)
            rows.append({o.id, {o.code, o.name}, o.active});
        break;
    case Kind::Services:
        for (const Service &s : m_snapshot.services)
            rows.append(
                    {s.id, {s.code, s.name, organisationNames.value(s.organisationId)}, s.active});
        break;
    case Kind::Sites:
        for (const Site &s : m_snapshot.sites)
            rows.append({s.id, {s.code, s.name, s.city}, s.active});
        break;
    case Kind::Categories:
        for (const Category &c : m_snapshot.categories)
            rows.append({c.id, {c.code, c.name, c.excluded ? tr("No") : tr("Yes")}, c.active});
        break;
    case Kind::Reasons:
        for (const RejectionTemplate &r : m_snapshot.reasons)
            rows.append({r.id, {QLocale().toString(r.position), r.title}, r.active});
        break;
    }
    resetKeepingView(t.view, [&] { t.model->setRows(std::move(rows)); });
}

// --- Selection and the form ---

bool ReferenceDataWindow::mayDiscard(const Tab &t)
{
    if (!t.dirty)
        return true;
    if (m_discardPrompt)
        return m_discardPrompt(this);
    return QMessageBox::question(this,
                                 tr("Changes not saved"),
                                 tr("What you typed is not saved. Drop it?"),
                                 QMessageBox::Discard | QMessageBox::Cancel,
                                 QMessageBox::Cancel)
           == QMessageBox::Discard;
}

void ReferenceDataWindow::onCurrentRowChanged(Tab &t,
                                              const QModelIndex &current,
                                              const QModelIndex &previous)
{
    if (restoringView() || m_reverting || !current.isValid())
        return;
    const ReferenceListModel::Row *row = t.model->row(current.row());
    if (!row || row->id == t.id)
        return;
    if (!mayDiscard(t)) {
        // Back to the row whose changes were kept.
        const QScopedValueRollback reverting(m_reverting, true);
        const int kept = t.model->rowOf(t.id);
        if (kept >= 0)
            t.view->setCurrentIndex(t.model->index(kept, qMax(0, previous.column())));
        else
            t.view->selectionModel()->clear();
        return;
    }
    fillFromRow(t, current.row());
}

void ReferenceDataWindow::fillFromRow(Tab &t, int row)
{
    const QScopedValueRollback filling(m_filling, true);
    switch (t.kind) {
    case Kind::Organisations: {
        const Organisation &o = m_snapshot.organisations.at(row);
        fillOrganisation(o);
        t.id = o.id;
        t.version = o.version;
        t.active = o.active;
        break;
    }
    case Kind::Services: {
        const Service &s = m_snapshot.services.at(row);
        fillService(s);
        t.id = s.id;
        t.version = s.version;
        t.active = s.active;
        break;
    }
    case Kind::Sites: {
        const Site &s = m_snapshot.sites.at(row);
        fillSite(s);
        t.id = s.id;
        t.version = s.version;
        t.active = s.active;
        break;
    }
    case Kind::Categories: {
        const Category &c = m_snapshot.categories.at(row);
        fillCategory(c);
        t.id = c.id;
        t.version = c.version;
        t.active = c.active;
        break;
    }
    case Kind::Reasons: {
        const RejectionTemplate &r = m_snapshot.reasons.at(row);
        fillReason(r);
        t.id = r.id;
        t.version = r.version;
        t.active = r.active;
        break;
    }
    }
    t.dirty = false;
    t.adoptVersion = false;
    t.errors->clear();
    updateFormState(t);
}

void ReferenceDataWindow::clearForm(Tab &t)
{
    const QScopedValueRollback filling(m_filling, true);
    switch (t.kind) {
    case Kind::Organisations:
        fillOrganisation({});
        break;
    case Kind::Services:
        fillService({});
        break;
    case Kind::Sites:
        fillSite({});
        break;
    case Kind::Categories:
        fillCategory({});
        break;
    case Kind::Reasons: {
        RejectionTemplate r;
        for (const RejectionTemplate &existing : std::as_const(m_snapshot.reasons))
            r.position = qMax(r.position, existing.position + 1);
        fillReason(r);
        break;
    }
    }
    t.id = 0;
    t.version = 1;
    t.active = true;
    t.dirty = false;
    t.adoptVersion = false;
    t.errors->clear();
    updateFormState(t);
}

void ReferenceDataWindow::fillOrganisation(const Organisation &o)
{
    m_organisationCode->setText(o.code);
    m_organisationName->setText(o.name);
}

void ReferenceDataWindow::fillService(const Service &s)
{
    m_serviceCode->setText(s.code);
    m_serviceName->setText(s.name);
    m_serviceOrganisation->setCurrentIndex(
            qMax(0, m_serviceOrganisation->findData(s.organisationId)));
}

void ReferenceDataWindow::fillSite(const Site &s)
{
    m_siteCode->setText(s.code);
    m_siteName->setText(s.name);
    m_siteOrganisation->setCurrentIndex(qMax(0, m_siteOrganisation->findData(s.organisationId)));
    m_siteAddress->setText(s.address);
    m_sitePostalCode->setText(s.postalCode);
    m_siteCity->setText(s.city);
}

void ReferenceDataWindow::fillCategory(const Category &c)
{
    m_categoryCode->setText(c.code);
    m_categoryName->setText(c.name);
    m_categoryFamily->setCurrentIndex(
            qMax(0, m_categoryFamily->findData(productFamilyKey(c.family))));
    m_categoryWeight->setText(kilograms(c.defaultUnitWeightGrams));
    m_categoryCo2e->setText(c.co2eGramsPerKg ? kilograms(*c.co2eGramsPerKg) : QString());
    m_categoryCo2eSource->setText(c.co2eSource);
    m_categoryExpiry->setText(QString::number(c.expiryDays));
    m_categoryExcluded->setChecked(c.excluded);
    m_categoryExcludedMessage->setPlainText(c.excludedMessage);
    m_categoryWords->setText(joinWarningWords(c.warningWords));
}

void ReferenceDataWindow::fillReason(const RejectionTemplate &r)
{
    m_reasonTitle->setText(r.title);
    m_reasonBody->setPlainText(r.body);
    m_reasonPosition->setValue(r.position);
}

Organisation ReferenceDataWindow::typedOrganisation(const Tab &t) const
{
    return Organisation{t.id,
                        m_organisationCode->text().trimmed(),
                        m_organisationName->text().trimmed(),
                        t.active,
                        t.version};
}

Service ReferenceDataWindow::typedService(const Tab &t) const
{
    return Service{t.id,
                   m_serviceOrganisation->currentData().toLongLong(),
                   m_serviceCode->text().trimmed(),
                   m_serviceName->text().trimmed(),
                   t.active,
                   t.version};
}

Site ReferenceDataWindow::typedSite(const Tab &t) const
{
    Site s;
    s.id = t.id;
    s.organisationId = m_siteOrganisation->currentData().toLongLong();
    s.code = m_siteCode->text().trimmed();
    s.name = m_siteName->text().trimmed();
    s.address = m_siteAddress->text().trimmed();
    s.postalCode = m_sitePostalCode->text().trimmed();
    s.city = m_siteCity->text().trimmed();
    s.active = t.active;
    s.version = t.version;
    return s;
}

Category ReferenceDataWindow::typedCategory(const Tab &t, Fields &unreadable) const
{
    Category c;
    c.id = t.id;
    c.code = m_categoryCode->text().trimmed();
    c.name = m_categoryName->text().trimmed();
    c.family = productFamilyFromKey(m_categoryFamily->currentData().toString())
                       .value_or(ProductFamily::Other);
    if (const auto grams = typedGrams(m_categoryWeight->text()))
        c.defaultUnitWeightGrams = *grams;
    else if (m_categoryWeight->text().trimmed().isEmpty())
        c.defaultUnitWeightGrams = 0;
    else
        unreadable.append({QStringLiteral("unitWeight"),
                           tr("Type the weight of one item in kilograms, such as 7,5.")});
    if (!m_categoryCo2e->text().trimmed().isEmpty()) {
        if (const auto grams = typedGrams(m_categoryCo2e->text());
            grams && *grams <= std::numeric_limits<int>::max()
            && *grams >= std::numeric_limits<int>::min())
            c.co2eGramsPerKg = int(*grams);
        else
            unreadable.append({QStringLiteral("co2eFactor"),
                               tr("Type the kilograms of CO2e avoided per kilogram reused, such "
                                  "as 0,9.")});
    }
    c.co2eSource = m_categoryCo2eSource->text().trimmed();
    bool ok = false;
    c.expiryDays = m_categoryExpiry->text().trimmed().toInt(&ok);
    if (!ok)
        unreadable.append({QStringLiteral("expiryDays"),
                           tr("Type a number of days, from 1 to %1.")
                                   .arg(ReferenceRepository::ExpiryDaysMax)});
    c.excluded = m_categoryExcluded->isChecked();
    c.excludedMessage = m_categoryExcludedMessage->toPlainText().trimmed();
    c.warningWords = splitWarningWords(m_categoryWords->text());
    c.active = t.active;
    c.version = t.version;
    return c;
}

RejectionTemplate ReferenceDataWindow::typedReason(const Tab &t) const
{
    return RejectionTemplate{t.id,
                             m_reasonTitle->text().trimmed(),
                             m_reasonBody->toPlainText().trimmed(),
                             m_reasonPosition->value(),
                             t.active,
                             t.version};
}

QString ReferenceDataWindow::typedName(Kind kind) const
{
    switch (kind) {
    case Kind::Organisations:
        return m_organisationName->text().trimmed();
    case Kind::Services:
        return m_serviceName->text().trimmed();
    case Kind::Sites:
        return m_siteName->text().trimmed();
    case Kind::Categories:
        return m_categoryName->text().trimmed();
    case Kind::Reasons:
        return m_reasonTitle->text().trimmed();
    }
    return {};
}

void ReferenceDataWindow::updateFormState(Tab &t)
{
    const bool adding = t.id == 0;
    QString title;
    switch (t.kind) {
    case Kind::Organisations:
        title = adding ? tr("New organisation") : tr("Organisation");
        break;
    case Kind::Services:
        title = adding ? tr("New service") : tr("Service");
        break;
    case Kind::Sites:
        title = adding ? tr("New site") : tr("Site");
        break;
    case Kind::Categories:
        title = adding ? tr("New category") : tr("Category");
        break;
    case Kind::Reasons:
        title = adding ? tr("New rejection reason") : tr("Rejection reason");
        break;
    }
    if (t.dirty)
        title = tr("%1 — changes not saved").arg(title);
    t.form->setTitle(title);
    if (adding)
        t.state->setText(tr("State: new, saved as active."));
    else if (t.active)
        t.state->setText(tr("State: active, offered in every window."));
    else if (t.kind == Kind::Reasons)
        t.state->setText(tr("State: inactive, no longer offered to the moderators."));
    else
        t.state->setText(tr("State: inactive, no longer offered for new ads and exchanges; what "
                            "already has it keeps it."));
    t.state->setStyleSheet(!adding && !t.active ? Look::tintStyle(palette(), Look::Tone::Warning)
                                                : QString());
    t.saveButton->setEnabled(!m_writing && m_loaded);
    t.newButton->setEnabled(!m_writing);
    t.toggleButton->setEnabled(!m_writing && !adding);
    t.toggleButton->setText(t.active ? tr("Deacti&vate") : tr("Reacti&vate"));
    if (&t == &currentTab() && m_toggleAction) {
        m_saveAction->setEnabled(t.saveButton->isEnabled());
        m_newAction->setEnabled(t.newButton->isEnabled());
        m_toggleAction->setEnabled(t.toggleButton->isEnabled());
        m_toggleAction->setText(t.active ? tr("&Deactivate") : tr("&Reactivate"));
    }
}

void ReferenceDataWindow::updateCount()
{
    const Tab &t = currentTab();
    int inactive = 0;
    for (int row = 0; row < t.model->rowCount(); ++row) {
        if (!t.model->row(row)->active)
            ++inactive;
    }
    QLabel *count = header()->countLabel();
    count->setText(inactive > 0 ? tr("%1 rows, %2 inactive")
                                          .arg(QLocale().toString(t.model->rowCount()),
                                               QLocale().toString(inactive))
                                : tr("%1 rows").arg(QLocale().toString(t.model->rowCount())));
    count->setStyleSheet(Look::badgeStyle(palette(), Look::Tone::Information));
}

// --- Writing ---

void ReferenceDataWindow::newRow()
{
    Tab &t = currentTab();
    if (!mayDiscard(t))
        return;
    {
        const QScopedValueRollback reverting(m_reverting, true);
        t.view->selectionModel()->clear();
    }
    clearForm(t);
    messageBar()->dismiss();
    switch (t.kind) {
    case Kind::Organisations:
        m_organisationCode->setFocus();
        break;
    case Kind::Services:
        m_serviceCode->setFocus();
        break;
    case Kind::Sites:
        m_siteCode->setFocus();
        break;
    case Kind::Categories:
        m_categoryCode->setFocus();
        break;
    case Kind::Reasons:
        m_reasonTitle->setFocus();
        break;
    }
}

void ReferenceDataWindow::save()
{
    Tab &t = currentTab();
    if (m_writing || !m_loaded)
        return;
    t.errors->clear();
    const bool adding = t.id == 0;
    std::optional<Error> refused;
    Write write;
    switch (t.kind) {
    case Kind::Organisations: {
        const Organisation o = typedOrganisation(t);
        refused = ReferenceRepository::organisationError(o);
        write = [o, adding](Database &db) -> Result<qint64> {
            ReferenceRepository references(db);
            return adding ? references.addOrganisation(o) : references.updateOrganisation(o);
        };
        break;
    }
    case Kind::Services: {
        const Service s = typedService(t);
        refused = ReferenceRepository::serviceError(s);
        write = [s, adding](Database &db) -> Result<qint64> {
            ReferenceRepository references(db);
            return adding ? references.addService(s) : references.updateService(s);
        };
        break;
    }
    case Kind::Sites: {
        const Site s = typedSite(t);
        refused = ReferenceRepository::siteError(s);
        write = [s, adding](Database &db) -> Result<qint64> {
            ReferenceRepository references(db);
            return adding ? references.addSite(s) : references.updateSite(s);
        };
        break;
    }
    case Kind::Categories: {
        Fields unreadable;
        const Category c = typedCategory(t, unreadable);
        if (!unreadable.isEmpty())
            refused = Error{Error::Kind::Invalid, unreadable.first().second, {}, unreadable};
        else
            refused = ReferenceRepository::categoryError(c);
        write = [c, adding](Database &db) -> Result<qint64> {
            ReferenceRepository references(db);
            return adding ? references.addCategory(c) : references.updateCategory(c);
        };
        break;
    }
    case Kind::Reasons: {
        const RejectionTemplate r = typedReason(t);
        refused = RejectionTemplateRepository::templateError(r);
        write = [r, adding](Database &db) -> Result<qint64> {
            RejectionTemplateRepository reasons(db);
            if (adding)
                return reasons.add(r);
            if (const Status saved = reasons.update(r); !saved)
                return saved.error();
            return r.version + 1;
        };
        break;
    }
    }
    if (refused) {
        showRefusal(t, *refused);
        emit writeFinished(false);
        return;
    }
    runWrite(t, adding, t.active, std::move(write));
}

void ReferenceDataWindow::toggleActive()
{
    Tab &t = currentTab();
    if (m_writing || t.id == 0)
        return;
    const bool active = !t.active;
    const qint64 id = t.id;
    const qint64 version = t.version;
    Write write;
    switch (t.kind) {
    case Kind::Reasons: {
        // The row as last read, its state changed; what is typed stays in the form.
        const int row = t.model->rowOf(id);
        if (row < 0)
            return;
        RejectionTemplate stored = m_snapshot.reasons.at(row);
        stored.active = active;
        stored.version = version;
        write = [stored](Database &db) -> Result<qint64> {
            if (const Status saved = RejectionTemplateRepository(db).update(stored); !saved)
                return saved.error();
            return stored.version + 1;
        };
        break;
    }
    default: {
        const Table table = t.kind == Kind::Organisations ? Table::Organisation
                            : t.kind == Kind::Services    ? Table::Service
                            : t.kind == Kind::Sites       ? Table::Site
                                                          : Table::Category;
        write = [table, id, version, active](Database &db) {
            return ReferenceRepository(db).setActive(table, id, version, active);
        };
        break;
    }
    }
    runWrite(t, false, active, std::move(write));
}

void ReferenceDataWindow::runWrite(Tab &t, bool adding, bool activeAfter, Write write)
{
    m_writing = true;
    for (Tab &each : m_tabs)
        updateFormState(each);
    messageBar()->dismiss();
    Database *db = &database();
    const Kind kind = t.kind;
    m_writes->request<qint64>([db, write = std::move(write)] { return write(*db); },
                              [this, kind, adding, activeAfter](const Result<qint64> &result) {
                                  writeDone(kind, adding, activeAfter, result);
                              });
}

void ReferenceDataWindow::writeDone(Kind kind,
                                    bool adding,
                                    bool activeAfter,
                                    const Result<qint64> &result)
{
    m_writing = false;
    Tab &t = tab(kind);
    const QString name = typedName(kind);
    if (result) {
        const bool stateChange = !adding && activeAfter != t.active;
        if (adding) {
            t.id = *result;
            t.version = 1;
            t.dirty = false;
        } else {
            t.version = *result;
            if (!stateChange)
                t.dirty = false;
        }
        t.active = activeAfter;
        t.adoptVersion = false;
        QString text;
        if (stateChange && !activeAfter)
            text = tr("%1 is deactivated: it is no longer offered; what already has it keeps it.")
                           .arg(Look::quoted(name));
        else if (stateChange)
            text = tr("%1 is active again.").arg(Look::quoted(name));
        else
            text = tr("%1 is saved; every window follows.").arg(Look::quoted(name));
        messageBar()->showMessage(MessageBar::Kind::Information, text);
        // Every window of this session reads the cache; on PostgreSQL the server also tells
        // the other workstations.
        database().references().reload();
    } else if (result.error().kind == Error::Kind::Conflict) {
        t.adoptVersion = true;
        messageBar()->showMessage(MessageBar::Kind::Warning, result.error().message);
    } else {
        showRefusal(t, result.error());
    }
    for (Tab &each : m_tabs)
        updateFormState(each);
    refresh();
    emit writeFinished(result.ok());
}

void ReferenceDataWindow::showRefusal(Tab &t, const Error &error)
{
    if (error.kind != Error::Kind::Invalid || error.fields.isEmpty()) {
        messageBar()->showMessage(MessageBar::Kind::Error,
                                  tr("Nothing was saved. %1").arg(error.message),
                                  error.detail);
        return;
    }
    const QStringList unplaced = t.errors->show(error.fields);
    messageBar()->showMessage(MessageBar::Kind::Error,
                              unplaced.isEmpty()
                                      ? tr("Nothing was saved: correct the fields marked in red.")
                                      : tr("Nothing was saved: %1").arg(unplaced.join(u' ')));
}

void ReferenceDataWindow::closeEvent(QCloseEvent *event)
{
    for (Tab &t : m_tabs) {
        if (t.dirty) {
            m_tabWidget->setCurrentWidget(t.page);
            if (!mayDiscard(t)) {
                event->ignore();
                return;
            }
            t.dirty = false;
        }
    }
    WorkWindow::closeEvent(event);
}

// --- For tests and the window sets ---

ReferenceDataWindow::Kind ReferenceDataWindow::currentKind() const
{
    return Kind(qBound(0, m_tabWidget ? m_tabWidget->currentIndex() : 0, KindCount - 1));
}

void ReferenceDataWindow::showKind(Kind kind)
{
    m_tabWidget->setCurrentIndex(int(kind));
}

ReferenceListModel *ReferenceDataWindow::model(Kind kind) const
{
    return tab(kind).model;
}

QWidget *ReferenceDataWindow::page(Kind kind) const
{
    return tab(kind).page;
}

bool ReferenceDataWindow::selectRow(Kind kind, qint64 id)
{
    Tab &t = tab(kind);
    const int row = t.model->rowOf(id);
    if (row < 0)
        return false;
    t.view->setCurrentIndex(t.model->index(row, 0));
    return t.id == id;
}

qint64 ReferenceDataWindow::editedId(Kind kind) const
{
    return tab(kind).id;
}

QString ReferenceDataWindow::fieldError(Kind kind, const QString &field) const
{
    return tab(kind).errors->text(field);
}

bool ReferenceDataWindow::hasUnsavedChanges(Kind kind) const
{
    return tab(kind).dirty;
}

} // namespace Recup
