// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/AdEditorDialog.h"
#include "common/Look.h"

#include "actions/AdWorkflow.h"
#include "actions/MailCenter.h"
#include "common/MessageBar.h"
#include "domain/Amounts.h"
#include "domain/UserText.h"
#include "media/PhotoScaler.h"
#include "storage/Database.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCollator>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace Recup {

// What the worker thread hands back after scaling the files the user picked.
struct PreparedPhotos
{
    QList<ScaledPhoto> photos;
    QStringList errors;
};

namespace {

constexpr int PhotoIconSide = 104;

// The order in which fields appear: the first one in error gets the focus.
const QStringList &fieldOrder()
{
    static const QStringList order{QStringLiteral("title"),
                                   QStringLiteral("description"),
                                   QStringLiteral("category"),
                                   QStringLiteral("quantity"),
                                   QStringLiteral("weightGrams"),
                                   QStringLiteral("valueCents"),
                                   QStringLiteral("photos"),
                                   QStringLiteral("site"),
                                   QStringLiteral("room"),
                                   QStringLiteral("attestation")};
    return order;
}

// Kilograms written the French way, without trailing zeros ("0,3 kg", "45 kg").
class WeightSpinBox : public QDoubleSpinBox
{
public:
    explicit WeightSpinBox(QWidget *parent)
        : QDoubleSpinBox(parent)
    {
        QLocale french(QLocale::French, QLocale::France);
        french.setNumberOptions(QLocale::OmitGroupSeparator);
        setLocale(french);
        setDecimals(3);
    }

protected:
    QString textFromValue(double value) const override
    {
        QString text = locale().toString(value, 'f', decimals());
        const QString point = locale().decimalPoint();
        if (text.contains(point)) {
            while (text.endsWith(u'0'))
                text.chop(1);
            if (text.endsWith(point))
                text.chop(point.size());
        }
        return text;
    }
};

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    Look::makeSecondary(label);
    return label;
}

// French puts « » around a title, English “ ”: the translation decides.
QString quoted(const QString &text)
{
    return AdEditorDialog::tr("“%1”", "quotation marks around an ad's title").arg(text);
}

QString elided(const QString &text, int length = 240)
{
    const QString flat = text.simplified();
    return flat.size() > length ? flat.left(length - 1) + QChar(0x2026) : flat;
}

bool samePhotos(const QList<AdPhoto> &a, const QList<AdPhoto> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a.at(i).jpeg != b.at(i).jpeg)
            return false;
    }
    return true;
}

QStringList defaultPickFiles(QWidget *parent)
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return QFileDialog::getOpenFileNames(
            parent,
            AdEditorDialog::tr("Add photos of the item"),
            folder,
            AdEditorDialog::tr("Pictures (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic);;All "
                               "files (*)"));
}

bool defaultConfirmDiscard(QWidget *parent)
{
    QMessageBox box(QMessageBox::Question,
                    AdEditorDialog::tr("Close without saving?"),
                    AdEditorDialog::tr("What you typed in this ad has not been saved."),
                    QMessageBox::NoButton,
                    parent);
    box.setInformativeText(AdEditorDialog::tr("If you close now, your changes are lost."));
    QPushButton *keep = box.addButton(AdEditorDialog::tr("Keep editing"), QMessageBox::RejectRole);
    QPushButton *discard = box.addButton(AdEditorDialog::tr("Close without saving"),
                                         QMessageBox::DestructiveRole);
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == discard;
}

} // namespace

AdEditorDialog::AdEditorDialog(Database &db, const Actor &actor, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_actor(actor)
    , m_filePicker(defaultPickFiles)
    , m_discardPrompt(defaultConfirmDiscard)
{
    setObjectName(QStringLiteral("adEditorDialog"));
    setSizeGripEnabled(true);
    m_photoWatcher = new QFutureWatcher<PreparedPhotos>(this);
    connect(m_photoWatcher,
            &QFutureWatcher<PreparedPhotos>::finished,
            this,
            &AdEditorDialog::photosPrepared);
    buildForm();
    loadReferences();
    fillForm(m_ad);
    updateHeading();
    resize(1000, 720);
}

AdEditorDialog::~AdEditorDialog()
{
    // Closing takes the focus off the value field, whose "editing finished" reformats it: that
    // must happen while this editor still exists, not in ~QDialog (UBSan found it).
    hide();
}

void AdEditorDialog::buildForm()
{
    // Across the top: a refused save, then other messages.
    buildConflictBar();
    m_messageBar = new MessageBar(this);
    buildHeading();

    auto *body = new QHBoxLayout;
    body->addWidget(buildPage(), 1);
    body->addWidget(buildYourVersionBox());
    QLabel *rule = buildProfessionalUseRule();
    m_attestation = new QCheckBox(
            tr("I certify that this item is offered for professional use between services"), this);
    m_attestation->setObjectName(QStringLiteral("attestationCheck"));
    auto *attestationBox = fieldBox(m_attestation, QStringLiteral("attestation"));
    QHBoxLayout *buttons = buildButtonRow();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(8);
    layout->addWidget(m_conflictBar);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_heading);
    layout->addWidget(m_subheading);
    layout->addLayout(body, 1);
    layout->addWidget(rule);
    layout->addWidget(attestationBox);
    layout->addLayout(buttons);
    connectChanges();
}

void AdEditorDialog::buildConflictBar()
{
    m_conflictBar = new QFrame(this);
    m_conflictBar->setObjectName(QStringLiteral("conflictBar"));
    const QPalette colours = QApplication::palette(this);
    m_conflictBar->setStyleSheet(
            QStringLiteral("QFrame#conflictBar { %1 border-radius: 4px; } QFrame#conflictBar QLabel"
                           " { background: transparent; border: none; color: %2; }")
                    .arg(Look::tintStyle(colours, Look::Tone::Warning),
                         Look::textOnTint(colours).name()));
    auto *conflictIcon = new QLabel(m_conflictBar);
    const int iconSide = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    conflictIcon->setPixmap(
            style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSide, iconSide));
    m_conflictText = new QLabel(m_conflictBar);
    m_conflictText->setObjectName(QStringLiteral("conflictText"));
    m_conflictText->setTextFormat(Qt::PlainText);
    m_conflictText->setWordWrap(true);
    m_reloadButton = new QPushButton(tr("Reload the latest version"), m_conflictBar);
    m_reloadButton->setObjectName(QStringLiteral("reloadLatestButton"));
    connect(m_reloadButton, &QPushButton::clicked, this, &AdEditorDialog::reloadLatest);
    m_copyButton = new QPushButton(tr("Copy what I typed"), m_conflictBar);
    m_copyButton->setObjectName(QStringLiteral("copyTypedButton"));
    connect(m_copyButton, &QPushButton::clicked, this, [this] {
        copyTypedTextToClipboard(formAd(), m_value->text());
    });
    auto *conflictRow = new QHBoxLayout(m_conflictBar);
    conflictRow->setContentsMargins(10, 8, 8, 8);
    conflictRow->addWidget(conflictIcon, 0, Qt::AlignTop);
    conflictRow->addWidget(m_conflictText, 1);
    conflictRow->addWidget(m_copyButton, 0, Qt::AlignTop);
    conflictRow->addWidget(m_reloadButton, 0, Qt::AlignTop);
    m_conflictBar->hide();
}

void AdEditorDialog::buildHeading()
{
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("editorHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.35);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_subheading = hintLabel(QString(), this);
    m_subheading->setObjectName(QStringLiteral("editorSubheading"));
}

// The scrolled page: the item on the left, its photos and where it is on the right.
QWidget *AdEditorDialog::buildPage()
{
    auto *page = new QWidget;
    QGroupBox *itemBox = buildItemBox(page);
    QGroupBox *photoBox = buildPhotoBox(page);
    QGroupBox *placeBox = buildPlaceBox(page);

    // The description and the photos take the height there is; the form never gets narrower
    // than what its labels and hints need (the page scrolls instead).
    itemBox->setMinimumWidth(460);
    auto *left = new QVBoxLayout;
    left->addWidget(itemBox, 1);
    auto *right = new QVBoxLayout;
    right->addWidget(photoBox, 1);
    right->addWidget(placeBox);
    auto *columns = new QHBoxLayout(page);
    columns->setContentsMargins(0, 0, 4, 0);
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("editorScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    return scroll;
}

QGroupBox *AdEditorDialog::buildItemBox(QWidget *page)
{
    auto *itemBox = new QGroupBox(tr("The item"), page);
    auto *itemForm = new QFormLayout(itemBox);
    itemForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    itemForm->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    itemForm->setVerticalSpacing(8);
    addTitleRow(itemForm, itemBox);
    addDescriptionRow(itemForm, itemBox);
    addCategoryRow(itemForm, itemBox);
    addQuantityRow(itemForm, itemBox);
    addWeightRow(itemForm, itemBox);
    addValueRow(itemForm, itemBox);
    return itemBox;
}

void AdEditorDialog::addTitleRow(QFormLayout *itemForm, QWidget *itemBox)
{
    m_title = new QLineEdit(itemBox);
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setAccessibleName(tr("Title"));
    m_title->setPlaceholderText(tr("For example: Oak desk 160 × 80 cm with drawers"));
    m_titleCounter = new QLabel(itemBox);
    m_titleCounter->setObjectName(QStringLiteral("titleCounter"));
    itemForm->addRow(tr("&Title *"), fieldBox(m_title, QStringLiteral("title"), m_titleCounter));
}

void AdEditorDialog::addDescriptionRow(QFormLayout *itemForm, QWidget *itemBox)
{
    m_description = new QPlainTextEdit(itemBox);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setTabChangesFocus(true);
    m_description->setPlaceholderText(tr("Condition, dimensions, what goes with it, when it can "
                                         "be collected…"));
    m_description->setMinimumHeight(120);
    m_descriptionCounter = new QLabel(itemBox);
    m_descriptionCounter->setObjectName(QStringLiteral("descriptionCounter"));
    itemForm->addRow(tr("&Description"),
                     fieldBox(m_description, QStringLiteral("description"), m_descriptionCounter));
}

// The category, and the notice when it is one the platform excludes.
void AdEditorDialog::addCategoryRow(QFormLayout *itemForm, QWidget *itemBox)
{
    m_category = new QComboBox(itemBox);
    m_category->setObjectName(QStringLiteral("categoryCombo"));
    m_category->setAccessibleName(tr("Category"));
    m_category->setMaxVisibleItems(20);
    m_categoryNotice = new QLabel(itemBox);
    m_categoryNotice->setObjectName(QStringLiteral("categoryNotice"));
    m_categoryNotice->setTextFormat(Qt::PlainText);
    m_categoryNotice->setWordWrap(true);
    m_categoryNotice->setStyleSheet(
            Look::badgeStyle(QApplication::palette(m_categoryNotice), Look::Tone::Danger, 4)
            + QStringLiteral(" padding: 6px 8px; font-weight: normal;"));
    m_categoryNotice->hide();
    auto *categoryBox = new QWidget(itemBox);
    auto *categoryLayout = new QVBoxLayout(categoryBox);
    categoryLayout->setContentsMargins(0, 0, 0, 0);
    categoryLayout->setSpacing(4);
    categoryLayout->addWidget(fieldBox(m_category, QStringLiteral("category")));
    categoryLayout->addWidget(m_categoryNotice);
    categoryBox->setFocusProxy(m_category);
    itemForm->addRow(tr("&Category *"), categoryBox);
}

void AdEditorDialog::addQuantityRow(QFormLayout *itemForm, QWidget *itemBox)
{
    m_quantity = new QSpinBox(itemBox);
    m_quantity->setObjectName(QStringLiteral("quantitySpin"));
    m_quantity->setAccessibleName(tr("Quantity"));
    m_quantity->setRange(1, AdRules::QuantityMax);
    m_quantity->setMaximumWidth(140);
    itemForm->addRow(tr("&Quantity"), fieldBox(m_quantity, QStringLiteral("quantity")));
}

// The weight in kilograms, with a hint when it is estimated from the category.
void AdEditorDialog::addWeightRow(QFormLayout *itemForm, QWidget *itemBox)
{
    m_weight = new WeightSpinBox(itemBox);
    m_weight->setObjectName(QStringLiteral("weightSpin"));
    m_weight->setAccessibleName(tr("Estimated total weight in kilograms"));
    m_weight->setRange(0, double(AdRules::WeightMaxGrams) / 1000.0);
    m_weight->setSuffix(QStringLiteral(" kg"));
    m_weight->setMaximumWidth(180);
    m_weightHint = hintLabel(QString(), itemBox);
    m_weightHint->setObjectName(QStringLiteral("weightHint"));
    auto *weightBox = new QWidget(itemBox);
    auto *weightLayout = new QVBoxLayout(weightBox);
    weightLayout->setContentsMargins(0, 0, 0, 0);
    weightLayout->setSpacing(2);
    weightLayout->addWidget(fieldBox(m_weight, QStringLiteral("weightGrams")));
    weightLayout->addWidget(m_weightHint);
    weightBox->setFocusProxy(m_weight);
    itemForm->addRow(tr("Estimated &weight"), weightBox);
}

// The value in euros: typed as text, tidied when the field is left.
void AdEditorDialog::addValueRow(QFormLayout *itemForm, QWidget *itemBox)
{
    m_value = new QLineEdit(itemBox);
    m_value->setObjectName(QStringLiteral("valueEdit"));
    m_value->setAccessibleName(tr("Estimated value in euros"));
    m_value->setPlaceholderText(tr("for example 1 234,50"));
    m_value->setMaximumWidth(180);
    m_value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *euro = new QLabel(QStringLiteral("€"), itemBox);
    auto *valueRow = new QWidget(itemBox);
    auto *valueLayout = new QHBoxLayout(valueRow);
    valueLayout->setContentsMargins(0, 0, 0, 0);
    valueLayout->addWidget(m_value);
    valueLayout->addWidget(euro);
    valueLayout->addStretch();
    valueRow->setFocusProxy(m_value);
    auto *valueBox = new QWidget(itemBox);
    auto *valueBoxLayout = new QVBoxLayout(valueBox);
    valueBoxLayout->setContentsMargins(0, 0, 0, 0);
    valueBoxLayout->setSpacing(2);
    valueBoxLayout->addWidget(fieldBox(valueRow, QStringLiteral("valueCents")));
    valueBoxLayout->addWidget(hintLabel(
            tr("What buying it new would cost, roughly. Only you and the moderators see it; it "
               "counts the purchases avoided."),
            itemBox));
    m_fieldErrors.setFocusTarget(QStringLiteral("valueCents"), m_value);
    valueBox->setFocusProxy(m_value);
    itemForm->addRow(tr("Estimated &value"), valueBox);
    connect(m_value, &QLineEdit::editingFinished, this, [this] {
        const QString text = m_value->text().trimmed();
        if (text.isEmpty())
            return;
        if (const auto cents = Amounts::parseEuroCents(text)) {
            const QSignalBlocker blocker(m_value);
            m_value->setText(Amounts::euroNumber(*cents));
        }
    });
}

QGroupBox *AdEditorDialog::buildPhotoBox(QWidget *page)
{
    auto *photoBox = new QGroupBox(tr("Photos"), page);
    m_photoList = new QListWidget(photoBox);
    m_photoList->setObjectName(QStringLiteral("photoList"));
    m_photoList->setAccessibleName(tr("Photos of the item"));
    m_photoList->setViewMode(QListView::IconMode);
    m_photoList->setIconSize(QSize(PhotoIconSide, PhotoIconSide));
    // Wide enough for "Affichée en premier" under the first photo.
    m_photoList->setGridSize(QSize(PhotoIconSide + 44, PhotoIconSide + 34));
    m_photoList->setWordWrap(true);
    m_photoList->setMovement(QListView::Static);
    m_photoList->setResizeMode(QListView::Adjust);
    m_photoList->setWrapping(true);
    m_photoList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_photoList->setMinimumHeight(2 * (PhotoIconSide + 34) + 8);
    m_photoList->setMinimumWidth(2 * (PhotoIconSide + 44) + 24);
    connect(m_photoList, &QListWidget::currentRowChanged, this, &AdEditorDialog::updateButtons);

    m_addPhotos = new QPushButton(tr("Add photos…"), photoBox);
    m_addPhotos->setObjectName(QStringLiteral("addPhotosButton"));
    connect(m_addPhotos, &QPushButton::clicked, this, &AdEditorDialog::pickPhotos);
    m_removePhoto = new QPushButton(tr("Remove"), photoBox);
    m_removePhoto->setObjectName(QStringLiteral("removePhotoButton"));
    connect(m_removePhoto, &QPushButton::clicked, this, &AdEditorDialog::removeSelectedPhoto);
    m_photoEarlier = new QPushButton(tr("◀ Move"), photoBox);
    m_photoEarlier->setToolTip(tr("Show this photo earlier"));
    m_photoEarlier->setAccessibleName(tr("Show this photo earlier"));
    connect(m_photoEarlier, &QPushButton::clicked, this, [this] { moveSelectedPhoto(-1); });
    m_photoLater = new QPushButton(tr("Move ▶"), photoBox);
    m_photoLater->setToolTip(tr("Show this photo later"));
    m_photoLater->setAccessibleName(tr("Show this photo later"));
    connect(m_photoLater, &QPushButton::clicked, this, [this] { moveSelectedPhoto(1); });
    m_photoStatus = hintLabel(QString(), photoBox);
    m_photoStatus->setObjectName(QStringLiteral("photoStatus"));

    auto *photoButtons = new QHBoxLayout;
    photoButtons->addWidget(m_addPhotos);
    photoButtons->addStretch();
    photoButtons->addWidget(m_photoEarlier);
    photoButtons->addWidget(m_photoLater);
    photoButtons->addWidget(m_removePhoto);
    auto *photoLayout = new QVBoxLayout(photoBox);
    photoLayout->addWidget(fieldBox(m_photoList, QStringLiteral("photos")));
    photoLayout->addLayout(photoButtons);
    photoLayout->addWidget(m_photoStatus);
    return photoBox;
}

QGroupBox *AdEditorDialog::buildPlaceBox(QWidget *page)
{
    auto *placeBox = new QGroupBox(tr("Where it is"), page);
    auto *placeForm = new QFormLayout(placeBox);
    placeForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_site = new QComboBox(placeBox);
    m_site->setObjectName(QStringLiteral("siteCombo"));
    m_site->setAccessibleName(tr("Site"));
    m_site->setMaxVisibleItems(20);
    placeForm->addRow(tr("&Site *"), fieldBox(m_site, QStringLiteral("site")));
    m_room = new QLineEdit(placeBox);
    m_room->setObjectName(QStringLiteral("roomEdit"));
    m_room->setAccessibleName(tr("Room"));
    m_room->setPlaceholderText(tr("Building, floor, room"));
    placeForm->addRow(tr("&Room"), fieldBox(m_room, QStringLiteral("room")));
    return placeBox;
}

// What was typed before a reload, field by field (filled by buildYourVersionPanel()).
QWidget *AdEditorDialog::buildYourVersionBox()
{
    m_yourPanel = new QGroupBox(tr("Your version"), this);
    m_yourPanel->setObjectName(QStringLiteral("yourVersionPanel"));
    m_yourPanel->setBackgroundRole(QPalette::AlternateBase); // set apart, in the theme's colours
    m_yourPanel->setAutoFillBackground(true);
    auto *yourOuter = new QVBoxLayout(m_yourPanel);
    auto *yourScroll = new QScrollArea(m_yourPanel);
    yourScroll->setWidgetResizable(true);
    yourScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the text wraps instead
    yourScroll->setFrameShape(QFrame::NoFrame);
    auto *yourContent = new QWidget;
    m_yourRows = new QVBoxLayout(yourContent);
    m_yourRows->setContentsMargins(0, 0, 0, 0);
    yourScroll->setWidget(yourContent);
    yourOuter->addWidget(yourScroll);
    m_yourPanel->setMinimumWidth(320);
    m_yourPanel->setMaximumWidth(400);
    m_yourPanel->hide();
    return m_yourPanel;
}

// The rule of the platform; the attestation that goes with it is under it.
QLabel *AdEditorDialog::buildProfessionalUseRule()
{
    auto *rule = new QLabel(tr("Collectiv'Récup is for exchanges between services, for "
                               "professional use only: items are never given to individuals."),
                            this);
    rule->setObjectName(QStringLiteral("professionalUseHint"));
    rule->setWordWrap(true);
    rule->setStyleSheet(Look::badgeStyle(QApplication::palette(rule), Look::Tone::Information, 4)
                        + QStringLiteral(" padding: 6px 8px; font-weight: normal;"));
    return rule;
}

QHBoxLayout *AdEditorDialog::buildButtonRow()
{
    auto *buttons = new QHBoxLayout;
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(cancel, &QPushButton::clicked, this, &AdEditorDialog::reject);
    m_draftButton = new QPushButton(tr("Save as draft"), this);
    m_draftButton->setObjectName(QStringLiteral("draftButton"));
    m_draftButton->setToolTip(tr("Keep the ad for later; nobody else sees it."));
    connect(m_draftButton, &QPushButton::clicked, this, [this] { save(SaveMode::SaveDraft); });
    m_submitButton = new QPushButton(tr("Send to moderation"), this);
    m_submitButton->setObjectName(QStringLiteral("submitButton"));
    m_submitButton->setToolTip(tr("A moderator checks the ad, then it is published."));
    connect(m_submitButton, &QPushButton::clicked, this, [this] { save(SaveMode::Submit); });
    m_saveButton = new QPushButton(tr("Save"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(SaveMode::Save); });
    buttons->addWidget(hintLabel(tr("* required"), this));
    buttons->addStretch();
    buttons->addWidget(cancel);
    buttons->addWidget(m_draftButton);
    buttons->addWidget(m_submitButton);
    buttons->addWidget(m_saveButton);
    return buttons;
}

// Every change to a field marks the ad as changed; some also update counters and hints.
void AdEditorDialog::connectChanges()
{
    connect(m_title, &QLineEdit::textChanged, this, [this] {
        updateCounters();
        markDirty();
    });
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        updateCounters();
        markDirty();
    });
    connect(m_category, &QComboBox::currentIndexChanged, this, [this] {
        onCategoryOrQuantityChanged();
        markDirty();
    });
    connect(m_quantity, &QSpinBox::valueChanged, this, [this] {
        onCategoryOrQuantityChanged();
        markDirty();
    });
    connect(m_weight, &QDoubleSpinBox::valueChanged, this, [this] {
        if (!m_filling)
            m_weightTouched = true;
        markDirty();
    });
    connect(m_value, &QLineEdit::textEdited, this, &AdEditorDialog::markDirty);
    connect(m_site, &QComboBox::currentIndexChanged, this, &AdEditorDialog::markDirty);
    connect(m_room, &QLineEdit::textChanged, this, &AdEditorDialog::markDirty);
    connect(m_attestation, &QCheckBox::toggled, this, &AdEditorDialog::markDirty);
}

QWidget *AdEditorDialog::fieldBox(QWidget *input, const QString &field, QLabel *counter)
{
    return m_fieldErrors.box(input, field, counter);
}

void AdEditorDialog::loadReferences()
{
    // Categories and sites come from the session's reference cache, read off the GUI thread;
    // the lists follow it when reference data changes, keeping what the user picked.
    ReferenceCache &references = m_db.references();
    connect(&references, &ReferenceCache::changed, this, &AdEditorDialog::applyReferences);
    connect(&references, &ReferenceCache::failed, this, [this](const Error &error) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("The categories could not be loaded. %1").arg(error.message),
                                  error.detail);
    });
    if (references.isLoaded())
        applyReferences();
    else
        references.ensureLoaded();
    if (const auto error = references.lastError()) {
        m_messageBar->showMessage(MessageBar::Kind::Error,
                                  tr("The categories could not be loaded. %1").arg(error->message),
                                  error->detail);
    }
}

void AdEditorDialog::applyReferences()
{
    const ReferenceCache &references = m_db.references();
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    auto byName = [&](const auto &a, const auto &b) {
        return collator.compare(a.name, b.name) < 0;
    };
    // A deactivated category or site is offered no more, except to the ad that has it.
    m_categories.clear();
    for (const Category &category : references.categories()) {
        if (category.active || category.id == m_ad.categoryId)
            m_categories.append(category);
    }
    std::sort(m_categories.begin(), m_categories.end(), byName);
    m_sites.clear();
    for (const Site &place : references.sites()) {
        if (place.active || place.id == m_ad.siteId)
            m_sites.append(place);
    }
    std::sort(m_sites.begin(), m_sites.end(), byName);

    const qint64 category = m_category->currentData().toLongLong();
    const qint64 site = m_site->currentData().toLongLong();
    const QScopedValueRollback filling(m_filling, true);
    fillCategories();
    m_site->clear();
    m_site->addItem(tr("Choose a site…"), qint64(0));
    for (const Site &place : std::as_const(m_sites)) {
        QString text
                = place.city.isEmpty() ? place.name : tr("%1 — %2").arg(place.name, place.city);
        if (!place.active)
            text = tr("%1 (closed)").arg(text);
        m_site->addItem(text, place.id);
    }
    // What was picked (or read from the ad) stays picked.
    const qint64 keptCategory = category > 0 ? category : m_ad.categoryId;
    const qint64 keptSite = site > 0 ? site : m_ad.siteId;
    m_category->setCurrentIndex(qMax(0, m_category->findData(keptCategory)));
    m_site->setCurrentIndex(qMax(0, m_site->findData(keptSite)));
}

void AdEditorDialog::fillCategories()
{
    m_category->clear();
    m_category->addItem(tr("Choose a category…"), qint64(0));
    for (const Category &category : std::as_const(m_categories)) {
        QString text = category.excluded ? tr("%1 (not accepted here)").arg(category.name)
                                         : category.name;
        if (!category.active)
            text = tr("%1 (no longer offered)").arg(text);
        m_category->addItem(text, category.id);
    }
}

Result<AdEditorDialog::EditedAd> AdEditorDialog::readAd(Database &db, qint64 adId)
{
    auto loaded = AdRepository(db).get(adId);
    if (!loaded)
        return loaded.error();
    EditedAd edited;
    edited.ad = std::move(loaded).value();
    if (auto owner = ReferenceRepository(db).agent(edited.ad.ownerId))
        edited.owner = *owner;
    return edited;
}

void AdEditorDialog::showAd(const EditedAd &edited)
{
    m_ad = edited.ad;
    m_owner = edited.owner;
    if (m_db.references().isLoaded())
        applyReferences(); // the ad's own category and site, even deactivated
    m_ownerServiceName = m_db.references().serviceName(m_ad.serviceId);
    fillForm(m_ad);
    updateHeading();
}

Status AdEditorDialog::loadAd(qint64 adId)
{
    const auto edited = readAd(m_db, adId);
    if (!edited)
        return edited.error();
    showAd(*edited);
    return {};
}

void AdEditorDialog::fillForm(const Ad &ad)
{
    const QScopedValueRollback filling(m_filling, true);
    m_title->setText(ad.title);
    m_description->setPlainText(ad.description);
    const int category = m_category->findData(ad.categoryId);
    m_category->setCurrentIndex(category < 0 ? 0 : category);
    m_quantity->setValue(qMax(1, ad.quantity));
    m_value->setText(ad.id == 0 && ad.valueCents == 0 ? QString()
                                                      : Amounts::euroNumber(ad.valueCents));
    m_weight->setValue(double(ad.weightGrams) / 1000.0);
    // A saved weight is the owner's; a new form estimates it until someone types one.
    m_weightTouched = ad.id != 0 && ad.weightGrams > 0;
    const int site = m_site->findData(ad.siteId);
    m_site->setCurrentIndex(site < 0 ? 0 : site);
    m_room->setText(ad.room);
    m_attestation->setChecked(ad.professionalUseAttested);
    // The owner attested when posting; a moderator's edit cannot take that back.
    m_attestation->setEnabled(ad.id == 0 || m_actor.agentId == ad.ownerId);
    m_photos = ad.photos;
    m_photoErrors.clear();
    rebuildPhotoList(m_photos.isEmpty() ? -1 : 0);
    clearFieldErrors();
    m_dirty = false;
    updateCounters();
    onCategoryOrQuantityChanged();
}

Ad AdEditorDialog::formAd() const
{
    Ad ad = m_ad;
    ad.title = m_title->text();
    ad.description = m_description->toPlainText();
    ad.categoryId = m_category->currentData().toLongLong();
    ad.quantity = m_quantity->value();
    ad.valueCents = Amounts::parseEuroCents(m_value->text()).value_or(0);
    ad.weightGrams = qRound64(m_weight->value() * 1000.0);
    ad.siteId = m_site->currentData().toLongLong();
    ad.room = m_room->text();
    ad.professionalUseAttested = m_attestation->isChecked();
    ad.photos = m_photos;
    for (int i = 0; i < ad.photos.size(); ++i)
        ad.photos[i].position = i;
    return ad;
}

std::optional<Category> AdEditorDialog::categoryById(qint64 id) const
{
    for (const Category &category : m_categories) {
        if (category.id == id)
            return category;
    }
    return std::nullopt;
}

QString AdEditorDialog::categoryName(qint64 id) const
{
    const auto category = categoryById(id);
    return category ? category->name : tr("(none)");
}

QString AdEditorDialog::siteName(qint64 id) const
{
    for (const Site &site : m_sites) {
        if (site.id == id)
            return site.name;
    }
    return tr("(none)");
}

void AdEditorDialog::updateHeading()
{
    const bool asModerator = m_ad.id != 0 && m_actor.agentId != m_ad.ownerId;
    if (m_ad.id == 0) {
        setWindowTitle(tr("Post an ad — Collectiv'Récup"));
        m_heading->setText(tr("Post an ad"));
        m_subheading->setText(tr("Describe the item as you would to a colleague: a moderator "
                                 "reads the ad before it is published."));
    } else {
        setWindowTitle(tr("Edit the ad — Collectiv'Récup"));
        m_heading->setText(tr("Edit the ad %1").arg(quoted(m_ad.title)));
        QString who;
        if (asModerator) {
            who = m_ownerServiceName.isEmpty()
                          ? tr("Posted by %1. You are editing it as a moderator.")
                                    .arg(m_owner.displayName)
                          : tr("Posted by %1 (%2). You are editing it as a moderator.")
                                    .arg(m_owner.displayName, m_ownerServiceName);
        } else if (m_ad.state == AdState::Published || m_ad.state == AdState::Reserved) {
            who = tr("Status: %1. If you change the title, the description, the category, the "
                     "room or the photos, the ad goes back to moderation.")
                          .arg(displayName(m_ad.state).toLower());
        } else {
            who = tr("Status: %1.").arg(displayName(m_ad.state).toLower());
        }
        m_subheading->setText(who);
    }
    updateButtons();
}

void AdEditorDialog::updateButtons()
{
    const bool ownerFlow
            = m_ad.id == 0
              || (m_actor.agentId == m_ad.ownerId
                  && (m_ad.state == AdState::Draft || m_ad.state == AdState::Rejected));
    m_draftButton->setVisible(ownerFlow);
    m_submitButton->setVisible(ownerFlow);
    m_saveButton->setVisible(!ownerFlow);
    (ownerFlow ? m_submitButton : m_saveButton)->setDefault(true);

    const auto category = categoryById(m_category->currentData().toLongLong());
    const bool preparing = isPreparingPhotos();
    const bool blocked
            = (category && category->excluded) || preparing || m_ad.state == AdState::Closed;
    for (QPushButton *button : {m_draftButton, m_submitButton, m_saveButton})
        button->setEnabled(!blocked);

    const int row = m_photoList->currentRow();
    m_addPhotos->setEnabled(!preparing && m_photos.size() < AdRules::PhotosMax);
    m_removePhoto->setEnabled(!preparing && row >= 0);
    m_photoEarlier->setEnabled(!preparing && row > 0);
    m_photoLater->setEnabled(!preparing && row >= 0 && row < m_photos.size() - 1);
}

void AdEditorDialog::updateCounters()
{
    const QLocale locale;
    // Characters as the rules count them: an emoji is one.
    const int title = int(UserText::characterCount(m_title->text().trimmed()));
    m_titleCounter->setText(
            tr("%1 / %2").arg(locale.toString(title), locale.toString(AdRules::TitleMax)));
    const bool titleWrong = title > AdRules::TitleMax || (title > 0 && title < AdRules::TitleMin);
    m_titleCounter->setToolTip(
            tr("Between %1 and %2 characters").arg(AdRules::TitleMin).arg(AdRules::TitleMax));
    m_titleCounter->setStyleSheet(titleWrong ? Look::errorStyle(palette())
                                             : Look::secondaryStyle(palette()));
    const int description = int(UserText::characterCount(m_description->toPlainText().trimmed()));
    m_descriptionCounter->setText(tr("%1 / %2").arg(locale.toString(description),
                                                    locale.toString(AdRules::DescriptionMax)));
    m_descriptionCounter->setStyleSheet(description > AdRules::DescriptionMax
                                                ? Look::errorStyle(palette())
                                                : Look::secondaryStyle(palette()));
}

void AdEditorDialog::onCategoryOrQuantityChanged()
{
    const auto category = categoryById(m_category->currentData().toLongLong());
    if (category && category->excluded) {
        m_categoryNotice->setText(category->excludedMessage.isEmpty()
                                          ? tr("This category cannot be offered here.")
                                          : category->excludedMessage);
        m_categoryNotice->show();
    } else {
        m_categoryNotice->hide();
    }
    if (category && !category->excluded && category->defaultUnitWeightGrams > 0) {
        m_weightHint->setText(
                tr("About %1 per item for this category.")
                        .arg(Amounts::kilogramText(category->defaultUnitWeightGrams)));
        if (!m_weightTouched) {
            const QScopedValueRollback filling(m_filling, true);
            m_weight->setValue(double(category->defaultUnitWeightGrams) * m_quantity->value()
                               / 1000.0);
        }
    } else {
        m_weightHint->setText(tr("The total for the whole quantity; a rough estimate is fine."));
    }
    updateButtons();
}

void AdEditorDialog::markDirty()
{
    if (!m_filling)
        m_dirty = true;
}

QString AdEditorDialog::fieldError(const QString &field) const
{
    return m_fieldErrors.text(field);
}

bool AdEditorDialog::hasConflict() const
{
    return !m_conflictBar->isHidden();
}

void AdEditorDialog::clearFieldErrors()
{
    m_fieldErrors.clear();
}

void AdEditorDialog::showFieldErrors(const QList<FieldError> &errors)
{
    QList<std::pair<QString, QString>> fields;
    for (const FieldError &error : errors)
        fields.append({error.field, error.message});
    const QStringList unplaced = m_fieldErrors.show(fields, fieldOrder());
    m_messageBar->showMessage(MessageBar::Kind::Error,
                              unplaced.isEmpty()
                                      ? tr("The ad was not saved: correct the fields marked in "
                                           "red.")
                                      : tr("The ad was not saved: %1").arg(unplaced.join(u' ')));
}

bool AdEditorDialog::save(SaveMode mode)
{
    if (isPreparingPhotos()) {
        m_messageBar->showMessage(MessageBar::Kind::Information,
                                  tr("The photos are still being prepared: save again in a "
                                     "moment."));
        return false;
    }
    m_messageBar->dismiss();
    Ad input = formAd();
    if (!checkFields(input))
        return false;

    AdRepository repository(m_db);
    const MailSettings mail = m_mail ? m_mail->settings() : MailSettings{};
    AdWorkflow workflow(m_db, mail);
    const bool isNew = m_ad.id == 0;
    // A server restarted while the form was open: the save goes through on a new session.
    if (const Status reopened = m_db.reopenIfEnded(); !reopened) {
        showSaveError(reopened.error());
        return false;
    }
    // An owner's change to a published ad sends it back to moderation: the moderators hear.
    Result<Ad> saved = isNew ? repository.create(input, m_actor) : workflow.update(input, m_actor);
    int mailsWritten = isNew ? 0 : workflow.mailsWritten();
    if (!saved) {
        showSaveError(saved.error());
        return false;
    }
    m_ad = *saved;
    m_photos = m_ad.photos;
    m_conflictBar->hide();
    if (mode == SaveMode::Submit && m_ad.state == AdState::Draft
        && !submitSavedDraft(workflow, mailsWritten))
        return false;
    m_dirty = false;
    m_yourPanel->hide();
    if (mailsWritten > 0 && m_mail)
        m_mail->sendNow();
    emit adSaved(m_ad);
    QDialog::accept();
    return true;
}

// The rules of the core, plus the value as typed; the fields in error are marked.
bool AdEditorDialog::checkFields(const Ad &input)
{
    QList<FieldError> errors = AdRules::validate(input, categoryById(input.categoryId));
    if (!Amounts::parseEuroCents(m_value->text())) {
        errors.erase(std::remove_if(errors.begin(),
                                    errors.end(),
                                    [](const FieldError &e) {
                                        return e.field == QLatin1String("valueCents");
                                    }),
                     errors.end());
        errors.append({QStringLiteral("valueCents"),
                       tr("Type an amount in euros, for example 1 234,50.")});
    }
    if (!errors.isEmpty()) {
        showFieldErrors(errors);
        return false;
    }
    clearFieldErrors();
    return true;
}

// "Send to moderation" on a draft just saved; on failure the draft stays and is said so.
bool AdEditorDialog::submitSavedDraft(AdWorkflow &workflow, int &mailsWritten)
{
    const auto submitted = workflow.transition(
            m_ad.id, {AdAction::Submit, m_ad.version, {}, {}, 0, {}}, m_actor);
    mailsWritten += workflow.mailsWritten();
    if (!submitted) {
        // The draft is safe; the dialog now edits it, so trying again creates no duplicate.
        m_dirty = false;
        updateHeading();
        m_messageBar->showMessage(MessageBar::Kind::Warning,
                                  tr("Your ad is saved as a draft, but it could not be sent "
                                     "to moderation. %1")
                                          .arg(submitted.error().message),
                                  submitted.error().detail,
                                  [this] { save(SaveMode::Submit); });
        return false;
    }
    const QList<AdPhoto> photos = m_ad.photos;
    m_ad = *submitted;
    m_ad.photos = photos;
    return true;
}

void AdEditorDialog::showSaveError(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Conflict:
    case Error::Kind::NotFound:
        showConflict(error);
        return;
    case Error::Kind::Invalid:
        if (!error.fields.isEmpty()) {
            QList<FieldError> errors;
            for (const auto &[field, message] : error.fields)
                errors.append({field, message});
            showFieldErrors(errors);
            return;
        }
        break;
    default:
        break;
    }
    m_messageBar->showMessage(
            MessageBar::Kind::Error,
            tr("The ad was not saved. %1 What you typed is still here.").arg(error.message),
            error.detail);
}

void AdEditorDialog::showConflict(const Error &error)
{
    m_messageBar->dismiss();
    clearFieldErrors();
    if (error.kind == Error::Kind::Conflict) {
        m_conflictText->setText(error.message);
        m_reloadButton->show();
    } else {
        m_conflictText->setText(tr("%1 What you typed is still in the form: copy it if you "
                                   "want to post it again.")
                                        .arg(error.message));
        m_reloadButton->hide();
    }
    m_conflictBar->show();
    (error.kind == Error::Kind::Conflict ? m_reloadButton : m_copyButton)->setFocus();
}

QString AdEditorDialog::typedSummary(const Ad &typed, const QString &valueText) const
{
    QStringList lines;
    lines << tr("Title: %1").arg(typed.title) << tr("Description:") << typed.description
          << tr("Category: %1").arg(categoryName(typed.categoryId))
          << tr("Quantity: %1").arg(typed.quantity)
          << tr("Estimated weight: %1").arg(Amounts::kilogramText(typed.weightGrams))
          << tr("Estimated value: %1 €").arg(valueText.trimmed())
          << tr("Site: %1").arg(siteName(typed.siteId)) << tr("Room: %1").arg(typed.room)
          << tr("Photos: %1").arg(typed.photos.size());
    return lines.join(u'\n');
}

void AdEditorDialog::copyTypedTextToClipboard(const Ad &typed, const QString &valueText)
{
    QGuiApplication::clipboard()->setText(typedSummary(typed, valueText));
    m_messageBar->showMessage(MessageBar::Kind::Information,
                              tr("What you typed is in the clipboard: you can paste it in any "
                                 "text field or document."));
}

void AdEditorDialog::reloadLatest()
{
    if (m_ad.id == 0)
        return;
    const Ad mine = formAd();
    const QString mineValueText = m_value->text();
    auto latest = AdRepository(m_db).get(m_ad.id);
    if (!latest) {
        showConflict(latest.error());
        return;
    }
    m_ad = *latest;
    fillForm(m_ad);
    updateHeading();
    m_conflictBar->hide();
    buildYourVersionPanel(mine, mineValueText, m_ad);
}

// One field on which what the person typed differs from what was saved meanwhile.
struct AdEditorDialog::Difference
{
    QString field;
    QString name;
    QString saved;
    QString yours;
    std::function<void()> takeBack; // puts the person's value back into the form
};

void AdEditorDialog::buildYourVersionPanel(const Ad &mine,
                                           const QString &mineValueText,
                                           const Ad &latest)
{
    while (QLayoutItem *item = m_yourRows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_yourText = typedSummary(mine, mineValueText);
    const QList<Difference> differences
            = itemDifferences(mine, mineValueText, latest) + placeAndPhotoDifferences(mine, latest);

    auto *intro = new QLabel(differences.isEmpty()
                                     ? tr("The latest version is now in the form. What you typed "
                                          "is the same as what was saved: nothing to take back.")
                                     : tr("The latest version is now in the form. What you typed "
                                          "differs on the fields below: take back what you need "
                                          "with “Use mine”, then save again."));
    intro->setObjectName(QStringLiteral("yourVersionIntro"));
    intro->setWordWrap(true);
    m_yourRows->addWidget(intro);

    QList<QPushButton *> useButtons;
    for (const Difference &difference : differences)
        m_yourRows->addWidget(differenceRow(difference, useButtons));
    m_yourRows->addWidget(yourVersionActions(useButtons));
    m_yourRows->addStretch();
    showYourVersionPanel();
    m_dirty = !differences.isEmpty();
    m_messageBar->showMessage(MessageBar::Kind::Information,
                              tr("The form now shows the ad as it was saved meanwhile. Nothing "
                                 "you typed is lost: it is under “Your version”, on the right."));
}

// The fields of "The item" box, in the form's order.
QList<AdEditorDialog::Difference>
AdEditorDialog::itemDifferences(const Ad &mine, const QString &mineValueText, const Ad &latest)
{
    QList<Difference> differences;
    if (mine.title.trimmed() != latest.title)
        differences.append({QStringLiteral("title"),
                            tr("Title"),
                            latest.title,
                            mine.title,
                            [this, text = mine.title] {
                                m_title->setText(text);
                            }});
    if (mine.description.trimmed() != latest.description)
        differences.append({QStringLiteral("description"),
                            tr("Description"),
                            elided(latest.description),
                            elided(mine.description),
                            [this, text = mine.description] {
                                m_description->setPlainText(text);
                            }});
    if (mine.categoryId != latest.categoryId)
        differences.append({QStringLiteral("category"),
                            tr("Category"),
                            categoryName(latest.categoryId),
                            categoryName(mine.categoryId),
                            [this, id = mine.categoryId] {
                                const int index = m_category->findData(id);
                                m_category->setCurrentIndex(index < 0 ? 0 : index);
                            }});
    if (mine.quantity != latest.quantity)
        differences.append({QStringLiteral("quantity"),
                            tr("Quantity"),
                            QLocale().toString(latest.quantity),
                            QLocale().toString(mine.quantity),
                            [this, value = mine.quantity] {
                                m_quantity->setValue(value);
                            }});
    if (mine.weightGrams != latest.weightGrams)
        differences.append({QStringLiteral("weightGrams"),
                            tr("Estimated weight"),
                            Amounts::kilogramText(latest.weightGrams),
                            Amounts::kilogramText(mine.weightGrams),
                            [this, grams = mine.weightGrams] {
                                m_weightTouched = true;
                                m_weight->setValue(double(grams) / 1000.0);
                            }});
    const auto mineCents = Amounts::parseEuroCents(mineValueText);
    if (!mineCents || *mineCents != latest.valueCents)
        differences.append({QStringLiteral("valueCents"),
                            tr("Estimated value"),
                            Amounts::euroText(latest.valueCents),
                            mineCents ? Amounts::euroText(*mineCents) : mineValueText,
                            [this, text = mineValueText] {
                                m_value->setText(text);
                            }});
    return differences;
}

QList<AdEditorDialog::Difference> AdEditorDialog::placeAndPhotoDifferences(const Ad &mine,
                                                                           const Ad &latest)
{
    QList<Difference> differences;
    if (mine.siteId != latest.siteId)
        differences.append({QStringLiteral("site"),
                            tr("Site"),
                            siteName(latest.siteId),
                            siteName(mine.siteId),
                            [this, id = mine.siteId] {
                                const int index = m_site->findData(id);
                                m_site->setCurrentIndex(index < 0 ? 0 : index);
                            }});
    if (mine.room.trimmed() != latest.room)
        differences.append({QStringLiteral("room"),
                            tr("Room"),
                            latest.room,
                            mine.room,
                            [this, text = mine.room] {
                                m_room->setText(text);
                            }});
    if (!samePhotos(mine.photos, latest.photos))
        differences.append({QStringLiteral("photos"),
                            tr("Photos"),
                            tr("%n photo(s)", nullptr, int(latest.photos.size())),
                            tr("%n photo(s)", nullptr, int(mine.photos.size())),
                            [this, photos = mine.photos] {
                                m_photos = photos;
                                rebuildPhotoList(m_photos.isEmpty() ? -1 : 0);
                                updateButtons();
                            }});
    return differences;
}

// A field's two values and its "Use mine" button (added to useButtons).
QFrame *AdEditorDialog::differenceRow(const Difference &difference,
                                      QList<QPushButton *> &useButtons)
{
    auto *row = new QFrame;
    row->setObjectName(QStringLiteral("yourVersion_") + difference.field);
    row->setFrameShape(QFrame::StyledPanel);
    row->setBackgroundRole(QPalette::Base); // a card on the panel, in the theme's colours
    row->setAutoFillBackground(true);
    auto *name = new QLabel(difference.name, row);
    QFont bold = name->font();
    bold.setBold(true);
    name->setFont(bold);
    auto *saved = new QLabel(
            tr("Saved meanwhile: %1")
                    .arg(difference.saved.isEmpty() ? tr("(empty)") : difference.saved),
            row);
    saved->setTextFormat(Qt::PlainText);
    saved->setWordWrap(true);
    Look::makeSecondary(saved);
    auto *yours = new QLabel(
            tr("Yours: %1").arg(difference.yours.isEmpty() ? tr("(empty)") : difference.yours),
            row);
    yours->setObjectName(QStringLiteral("yours_") + difference.field);
    yours->setTextFormat(Qt::PlainText);
    yours->setWordWrap(true);
    yours->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *use = new QPushButton(tr("Use mine"), row);
    use->setObjectName(QStringLiteral("useMine_") + difference.field);
    connect(use, &QPushButton::clicked, this, [this, use, apply = difference.takeBack] {
        apply();
        m_dirty = true;
        use->setEnabled(false);
        use->setText(tr("Taken back"));
    });
    useButtons.append(use);
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(3);
    layout->addWidget(name);
    layout->addWidget(saved);
    layout->addWidget(yours);
    layout->addWidget(use, 0, Qt::AlignRight);
    return row;
}

// "Use all of mine" (when something differs) and "Copy to clipboard".
QWidget *AdEditorDialog::yourVersionActions(const QList<QPushButton *> &useButtons)
{
    auto *actions = new QWidget;
    auto *actionRow = new QVBoxLayout(actions); // stacked: French labels are long
    actionRow->setContentsMargins(0, 4, 0, 0);
    if (!useButtons.isEmpty()) {
        auto *useAll = new QPushButton(tr("Use all of mine"), actions);
        useAll->setObjectName(QStringLiteral("useAllMineButton"));
        connect(useAll, &QPushButton::clicked, this, [useButtons, useAll] {
            for (QPushButton *button : useButtons) {
                if (button->isEnabled())
                    button->click();
            }
            useAll->setEnabled(false);
        });
        actionRow->addWidget(useAll, 0, Qt::AlignLeft);
    }
    auto *copy = new QPushButton(tr("Copy to clipboard"), actions);
    copy->setObjectName(QStringLiteral("copyYourVersionButton"));
    connect(copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_yourText);
        m_messageBar->showMessage(MessageBar::Kind::Information,
                                  tr("Your version is in the clipboard."));
    });
    actionRow->addWidget(copy, 0, Qt::AlignLeft);
    return actions;
}

void AdEditorDialog::showYourVersionPanel()
{
    if (m_yourPanel->isHidden()) {
        // Room for the panel beside the form, as far as the screen allows.
        const int wanted = width() + m_yourPanel->minimumWidth() + 40;
        const QRect available = screen() ? screen()->availableGeometry() : QRect();
        resize(available.isValid() ? qMin(wanted, available.width() - 20) : wanted, height());
    }
    m_yourPanel->show();
}

void AdEditorDialog::pickPhotos()
{
    if (!m_filePicker)
        return;
    const QStringList files = m_filePicker(this);
    if (!files.isEmpty())
        addPhotoFiles(files);
}

bool AdEditorDialog::isPreparingPhotos() const
{
    // Until photosPrepared() has taken the result, not merely until the worker is done.
    return m_preparingPhotos;
}

void AdEditorDialog::addPhotoFiles(const QStringList &paths)
{
    if (isPreparingPhotos() || paths.isEmpty())
        return;
    const int room = qMax(0, AdRules::PhotosMax - int(m_photos.size()));
    const QStringList accepted = paths.mid(0, room);
    m_photoErrors.clear();
    if (accepted.size() < paths.size()) {
        m_photoErrors.append(tr("An ad has at most %1 photos: %n file(s) not added.",
                                nullptr,
                                int(paths.size() - accepted.size()))
                                     .arg(AdRules::PhotosMax));
    }
    if (accepted.isEmpty()) {
        rebuildPhotoList(m_photoList->currentRow());
        return;
    }
    m_photoStatus->setText(tr("Preparing %n photo(s)…", nullptr, int(accepted.size())));
    m_preparingPhotos = true;
    m_photoWatcher->setFuture(QtConcurrent::run([accepted] {
        PreparedPhotos prepared;
        for (const QString &path : accepted) {
            const Result<ScaledPhoto> scaled = PhotoScaler::fromFile(path);
            if (scaled)
                prepared.photos.append(*scaled);
            else
                prepared.errors.append(scaled.error().message);
        }
        return prepared;
    }));
    updateButtons();
}

void AdEditorDialog::photosPrepared()
{
    const PreparedPhotos prepared = m_photoWatcher->future().result();
    m_preparingPhotos = false;
    for (const ScaledPhoto &photo : prepared.photos) {
        if (m_photos.size() >= AdRules::PhotosMax)
            break;
        m_photos.append(AdPhoto{0, int(m_photos.size()), photo.jpeg, photo.thumbnail});
    }
    m_photoErrors += prepared.errors;
    if (!prepared.photos.isEmpty())
        m_dirty = true;
    rebuildPhotoList(int(m_photos.size()) - 1);
    updateButtons();
}

void AdEditorDialog::rebuildPhotoList(int select)
{
    m_photoList->clear();
    for (int i = 0; i < m_photos.size(); ++i) {
        QImage image = PhotoScaler::thumbnailImage(m_photos.at(i).thumbnail);
        if (image.isNull())
            image = PhotoScaler::thumbnailImage(m_photos.at(i).jpeg);
        auto *item = new QListWidgetItem(
                QIcon(QPixmap::fromImage(image.scaled(PhotoIconSide,
                                                      PhotoIconSide,
                                                      Qt::KeepAspectRatio,
                                                      Qt::SmoothTransformation))),
                i == 0 ? tr("Shown first") : tr("Photo %1").arg(i + 1));
        item->setToolTip(i == 0 ? tr("The first photo is the one shown in lists.")
                                : tr("Photo %1 of %2").arg(i + 1).arg(m_photos.size()));
        m_photoList->addItem(item);
    }
    if (select >= 0 && select < m_photoList->count())
        m_photoList->setCurrentRow(select);
    QString status = tr("%1 / %2 photos. The first one is shown in lists.")
                             .arg(m_photos.size())
                             .arg(AdRules::PhotosMax);
    if (m_photos.isEmpty())
        status = tr("No photo yet: up to %1; a photo taken on site helps a lot.")
                         .arg(AdRules::PhotosMax);
    m_photoStatus->setText(status);
    QLabel *error = m_fieldErrors.label(QStringLiteral("photos"));
    if (error) {
        error->setText(m_photoErrors.join(u'\n'));
        error->setVisible(!m_photoErrors.isEmpty());
    }
    updateButtons();
}

void AdEditorDialog::removeSelectedPhoto()
{
    const int row = m_photoList->currentRow();
    if (row < 0 || row >= m_photos.size())
        return;
    m_photos.removeAt(row);
    m_photoErrors.clear();
    m_dirty = true;
    rebuildPhotoList(qMin(row, int(m_photos.size()) - 1));
}

void AdEditorDialog::moveSelectedPhoto(int delta)
{
    const int row = m_photoList->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_photos.size())
        return;
    m_photos.swapItemsAt(row, target);
    m_dirty = true;
    rebuildPhotoList(target);
}

void AdEditorDialog::reject()
{
    if (m_dirty && m_discardPrompt && !m_discardPrompt(this))
        return;
    QDialog::reject();
}

} // namespace Recup
