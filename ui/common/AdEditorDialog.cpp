// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/AdEditorDialog.h"
#include "common/Look.h"

#include "actions/AdWorkflow.h"
#include "actions/MailCenter.h"
#include "common/MessageBar.h"
#include "domain/Amounts.h"
#include "domain/PlatformTime.h"
#include "domain/UserText.h"
#include "drafts/AdDraftStore.h"
#include "media/PhotoScaler.h"
#include "storage/Database.h"
#include "storage/ReferenceCache.h"
#include "storage/ReferenceRepository.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCollator>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
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
#include <QMimeData>
#include <QMimeDatabase>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScreen>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QTimer>
#include <QUrl>
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

// One picture to scale: a file (picked, dropped, copied) or a picture pasted as data.
struct PhotoSource
{
    QString path;
    QImage image;
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
                                   QStringLiteral("availableFrom"),
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
            AdEditorDialog::tr("Pictures (%1);;All files (*)")
                    .arg(PhotoScaler::readablePatterns().join(QLatin1Char(' '))));
}

bool defaultConfirmMaterialChange(QWidget *parent)
{
    QMessageBox box(QMessageBox::Question,
                    AdEditorDialog::tr("Send the ad back to moderation?"),
                    AdEditorDialog::tr("You changed the title, the description, the category, "
                                       "the room or the photos of a published ad."),
                    QMessageBox::NoButton,
                    parent);
    box.setInformativeText(AdEditorDialog::tr("The ad will be hidden from the catalogue until "
                                              "a moderator approves it again."));
    QPushButton *send = box.addButton(AdEditorDialog::tr("Save and send to moderation"),
                                      QMessageBox::AcceptRole);
    QPushButton *keep = box.addButton(AdEditorDialog::tr("Keep editing"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == send;
}

// A dropped or copied file that can be a photo, by its name or, without one, its first bytes.
bool looksLikePicture(const QString &path)
{
    return QMimeDatabase().mimeTypeForFile(path).name().startsWith(QLatin1String("image/"));
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
    , m_materialPrompt(defaultConfirmMaterialChange)
    , m_drafts(std::make_unique<AdDraftStore>(db.config().describe(), actor.agentId))
{
    setObjectName(QStringLiteral("adEditorDialog"));
    setSizeGripEnabled(true);
    setAcceptDrops(true);
    m_photoWatcher = new QFutureWatcher<PreparedPhotos>(this);
    connect(m_photoWatcher,
            &QFutureWatcher<PreparedPhotos>::finished,
            this,
            &AdEditorDialog::photosPrepared);
    connect(m_photoWatcher,
            &QFutureWatcher<PreparedPhotos>::progressValueChanged,
            this,
            [this](int done) { m_photoProgress->setValue(done); });
    m_autosaveDelay = new QTimer(this);
    m_autosaveDelay->setSingleShot(true);
    m_autosaveDelay->setInterval(AutosaveDelayMs);
    connect(m_autosaveDelay, &QTimer::timeout, this, &AdEditorDialog::autosaveNow);
    m_autosaveEvery = new QTimer(this);
    m_autosaveEvery->setInterval(AutosaveEveryMs);
    connect(m_autosaveEvery, &QTimer::timeout, this, &AdEditorDialog::autosaveNow);
    m_autosaveEvery->start();
    buildForm();
    loadReferences();
    fillForm(m_ad);
    updateHeading();
    offerDraft(0);
    resize(1000, 720);
    m_title->setFocus(); // the first field, not the default button
}

AdEditorDialog::~AdEditorDialog()
{
    // Closing takes the focus off the value field, whose "editing finished" reformats it: that
    // must happen while this editor still exists, not in ~QDialog (UBSan found it).
    hide();
}

void AdEditorDialog::buildForm()
{
    // Across the top: a refused save, a draft found, then other messages.
    buildConflictBar();
    buildDraftBar();
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
    layout->addWidget(m_draftBar);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_heading);
    layout->addWidget(m_subheading);
    layout->addLayout(body, 1);
    layout->addWidget(rule);
    layout->addWidget(attestationBox);
    layout->addLayout(buttons);
    connectChanges();
}

// A warning band across the top of the form (a refused save, a draft found).
QFrame *AdEditorDialog::tintedBar(const QString &name)
{
    auto *bar = new QFrame(this);
    bar->setObjectName(name);
    const QPalette colours = QApplication::palette(this);
    bar->setStyleSheet(QStringLiteral("QFrame#%3 { %1 border-radius: 4px; } QFrame#%3 QLabel"
                                      " { background: transparent; border: none; color: %2; }")
                               .arg(Look::tintStyle(colours, Look::Tone::Warning),
                                    Look::textOnTint(colours).name(),
                                    name));
    return bar;
}

void AdEditorDialog::buildConflictBar()
{
    m_conflictBar = tintedBar(QStringLiteral("conflictBar"));
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

// « A draft of 3 December at 14:12 was found: resume it? » with its answers.
void AdEditorDialog::buildDraftBar()
{
    m_draftBar = tintedBar(QStringLiteral("draftBar"));
    m_draftText = new QLabel(m_draftBar);
    m_draftText->setObjectName(QStringLiteral("draftText"));
    m_draftText->setTextFormat(Qt::PlainText);
    m_draftText->setWordWrap(true);
    m_resumeDraftButton = new QPushButton(tr("&Resume it"), m_draftBar);
    m_resumeDraftButton->setObjectName(QStringLiteral("resumeDraftButton"));
    connect(m_resumeDraftButton, &QPushButton::clicked, this, &AdEditorDialog::resumeDraft);
    m_newFromDraftButton = new QPushButton(tr("Post it as a new ad"), m_draftBar);
    m_newFromDraftButton->setObjectName(QStringLiteral("newAdFromDraftButton"));
    connect(m_newFromDraftButton, &QPushButton::clicked, this, &AdEditorDialog::postDraftAsNewAd);
    m_newFromDraftButton->hide();
    auto *discard = new QPushButton(tr("Discard it"), m_draftBar);
    discard->setObjectName(QStringLiteral("discardDraftButton"));
    connect(discard, &QPushButton::clicked, this, &AdEditorDialog::discardDraft);
    auto *row = new QHBoxLayout(m_draftBar);
    row->setContentsMargins(10, 8, 8, 8);
    row->addWidget(m_draftText, 1);
    row->addWidget(m_resumeDraftButton, 0, Qt::AlignTop);
    row->addWidget(m_newFromDraftButton, 0, Qt::AlignTop);
    row->addWidget(discard, 0, Qt::AlignTop);
    m_draftBar->hide();
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
    scroll->setFocusPolicy(Qt::NoFocus); // Tab goes from the buttons to the first field
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
    m_noValue = new QCheckBox(tr("&No value"), itemBox);
    m_noValue->setObjectName(QStringLiteral("noValueCheck"));
    m_noValue->setToolTip(tr("The item is worth nothing: its value is counted as 0 €."));
    connect(m_noValue, &QCheckBox::toggled, this, [this](bool without) {
        m_value->setEnabled(!without);
        if (without)
            m_value->clear();
        markDirty();
    });
    valueLayout->addWidget(m_value);
    valueLayout->addWidget(euro);
    valueLayout->addSpacing(12);
    valueLayout->addWidget(m_noValue);
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
    itemForm->addRow(tr("Estimated &value *"), valueBox);
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

    m_addPhotos = new QPushButton(tr("Add p&hotos…"), photoBox);
    m_addPhotos->setObjectName(QStringLiteral("addPhotosButton"));
    connect(m_addPhotos, &QPushButton::clicked, this, &AdEditorDialog::pickPhotos);
    m_pastePhotos = new QPushButton(tr("Paste"), photoBox);
    m_pastePhotos->setObjectName(QStringLiteral("pastePhotosButton"));
    m_pastePhotos->setToolTip(
            tr("Paste a picture or picture files copied elsewhere (%1); you can also drop them "
               "on this window.")
                    .arg(QKeySequence(QKeySequence::Paste).toString(QKeySequence::NativeText)));
    connect(m_pastePhotos, &QPushButton::clicked, this, &AdEditorDialog::pastePhotos);
    // Ctrl+V outside the text fields (they paste their own text first).
    auto *paste = new QShortcut(QKeySequence::Paste, this);
    connect(paste, &QShortcut::activated, this, &AdEditorDialog::pastePhotos);
    m_photoProgress = new QProgressBar(photoBox);
    m_photoProgress->setObjectName(QStringLiteral("photoProgress"));
    m_photoProgress->setAccessibleName(tr("Photos being prepared"));
    m_photoProgress->hide();
    m_removePhoto = new QPushButton(tr("Re&move"), photoBox);
    m_removePhoto->setObjectName(QStringLiteral("removePhotoButton"));
    connect(m_removePhoto, &QPushButton::clicked, this, &AdEditorDialog::removeSelectedPhoto);
    m_photoEarlier = new QPushButton(tr("◀ M&ove"), photoBox);
    m_photoEarlier->setToolTip(tr("Show this photo earlier"));
    m_photoEarlier->setAccessibleName(tr("Show this photo earlier"));
    connect(m_photoEarlier, &QPushButton::clicked, this, [this] { moveSelectedPhoto(-1); });
    m_photoLater = new QPushButton(tr("Mov&e ▶"), photoBox);
    m_photoLater->setToolTip(tr("Show this photo later"));
    m_photoLater->setAccessibleName(tr("Show this photo later"));
    connect(m_photoLater, &QPushButton::clicked, this, [this] { moveSelectedPhoto(1); });
    m_photoStatus = hintLabel(QString(), photoBox);
    m_photoStatus->setObjectName(QStringLiteral("photoStatus"));

    auto *photoButtons = new QHBoxLayout;
    photoButtons->addWidget(m_addPhotos);
    photoButtons->addWidget(m_pastePhotos);
    photoButtons->addStretch();
    photoButtons->addWidget(m_photoEarlier);
    photoButtons->addWidget(m_photoLater);
    photoButtons->addWidget(m_removePhoto);
    auto *photoLayout = new QVBoxLayout(photoBox);
    photoLayout->addWidget(fieldBox(m_photoList, QStringLiteral("photos")));
    photoLayout->addLayout(photoButtons);
    photoLayout->addWidget(m_photoProgress);
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
    addAvailableFromRow(placeForm, placeBox);
    return placeBox;
}

// The day from which the item can be collected: today unless said otherwise.
void AdEditorDialog::addAvailableFromRow(QFormLayout *placeForm, QWidget *placeBox)
{
    m_availableFrom = new QDateEdit(placeBox);
    m_availableFrom->setObjectName(QStringLiteral("availableFromEdit"));
    m_availableFrom->setAccessibleName(tr("Available from"));
    m_availableFrom->setCalendarPopup(true);
    m_availableFrom->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_availableFrom->setMaximumWidth(180);
    auto *box = new QWidget(placeBox);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(fieldBox(m_availableFrom, QStringLiteral("availableFrom")));
    layout->addWidget(hintLabel(tr("When the item can be collected; changing it later does "
                                   "not send the ad back to moderation."),
                                placeBox));
    box->setFocusProxy(m_availableFrom);
    placeForm->addRow(tr("&Available from"), box);
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
    auto *cancel = new QPushButton(tr("Cance&l"), this);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(cancel, &QPushButton::clicked, this, &AdEditorDialog::reject);
    m_draftButton = new QPushButton(tr("Save as dra&ft"), this);
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
    connect(m_availableFrom, &QDateEdit::dateChanged, this, &AdEditorDialog::markDirty);
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
    offerDraft(m_ad.id);
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
    // A saved ad worth 0 € was posted « sans valeur ».
    m_noValue->setChecked(ad.id != 0 && ad.valueCents == 0);
    m_value->setEnabled(!m_noValue->isChecked());
    m_value->setText(ad.valueCents == 0 ? QString() : Amounts::euroNumber(ad.valueCents));
    m_availableFrom->setDate(ad.availableFrom.isValid() ? ad.availableFrom : platformToday());
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
    ad.valueCents
            = m_noValue->isChecked() ? 0 : Amounts::parseEuroCents(m_value->text()).value_or(0);
    ad.weightGrams = qRound64(m_weight->value() * 1000.0);
    ad.siteId = m_site->currentData().toLongLong();
    ad.room = m_room->text();
    // An ad saved before the day existed stays "at once" unless a later day is chosen.
    const QDate day = m_availableFrom->date();
    ad.availableFrom = m_ad.id != 0 && !m_ad.availableFrom.isValid() && day <= platformToday()
                               ? QDate()
                               : day;
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
    if (m_filling)
        return;
    m_dirty = true;
    m_draftPending = true;
    m_autosaveDelay->start(); // a moment after the last change
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
    if (!confirmMaterialChange(input))
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
    // Saved: the workstation's copy has done its work.
    m_drafts->remove(isNew ? 0 : m_ad.id);
    m_draftPending = false;
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
    // The value as typed: required, an amount, 0 € only « sans valeur »; its range is the
    // core's rule above.
    std::optional<FieldError> typedValue;
    if (!m_noValue->isChecked() && !m_value->text().trimmed().isEmpty()
        && !Amounts::parseEuroCents(m_value->text()))
        typedValue = FieldError{QStringLiteral("valueCents"),
                                tr("Type an amount in euros, for example 1 234,50.")};
    else
        typedValue = AdRules::checkTypedValue(m_value->text(), m_noValue->isChecked());
    if (typedValue) {
        errors.erase(std::remove_if(errors.begin(),
                                    errors.end(),
                                    [](const FieldError &e) {
                                        return e.field == QLatin1String("valueCents");
                                    }),
                     errors.end());
        errors.append(*typedValue);
    }
    if (const auto day
        = AdRules::checkAvailableFrom(input.availableFrom, m_ad.id == 0, platformToday()))
        errors.append(*day);
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
    QList<PhotoSource> sources;
    for (const QString &path : paths)
        sources.append({path, {}});
    preparePhotos(sources, {});
}

bool AdEditorDialog::addPhotosFromMime(const QMimeData *mime)
{
    if (!mime)
        return false;
    QList<PhotoSource> sources;
    QStringList refused;
    if (mime->hasUrls()) {
        const QList<QUrl> urls = mime->urls();
        for (const QUrl &url : urls) {
            const QString path = url.toLocalFile();
            if (path.isEmpty())
                refused.append(url.toDisplayString());
            else if (!QFileInfo(path).isFile() || !looksLikePicture(path))
                refused.append(QFileInfo(path).fileName());
            else
                sources.append({path, {}});
        }
    }
    if (sources.isEmpty() && refused.isEmpty() && mime->hasImage()) {
        const QImage image = qvariant_cast<QImage>(mime->imageData());
        if (!image.isNull())
            sources.append({{}, image});
    }
    if (sources.isEmpty() && refused.isEmpty())
        return false;
    preparePhotos(sources, refused);
    return !sources.isEmpty();
}

void AdEditorDialog::pastePhotos()
{
    if (!addPhotosFromMime(QGuiApplication::clipboard()->mimeData())) {
        QLabel *error = m_fieldErrors.label(QStringLiteral("photos"));
        m_photoErrors = {tr("The clipboard holds no picture: copy a photo or picture files, "
                            "then paste again.")};
        if (error) {
            error->setText(m_photoErrors.join(u'\n'));
            error->setVisible(true);
        }
    }
}

// Scales the pictures on a worker thread, with progress; refused: names of files that are
// not pictures, said with what does not fit.
void AdEditorDialog::preparePhotos(const QList<PhotoSource> &sources, QStringList refused)
{
    m_photoErrors.clear();
    if (!refused.isEmpty())
        m_photoErrors.append(tr("Only pictures can be photos of an ad; not added: %1.")
                                     .arg(QLocale().createSeparatedList(refused)));
    if (isPreparingPhotos()) {
        if (!sources.isEmpty())
            m_photoErrors.append(tr("Photos are still being prepared: add these in a moment."));
        rebuildPhotoList(m_photoList->currentRow());
        return;
    }
    const int room = qMax(0, AdRules::PhotosMax - int(m_photos.size()));
    const QList<PhotoSource> accepted = sources.mid(0, room);
    if (accepted.size() < sources.size()) {
        // Up to the limit, in the order given; the rest is said, not silently dropped.
        m_photoErrors.append(tr("An ad has at most %1 photos: %n file(s) not added.",
                                nullptr,
                                int(sources.size() - accepted.size()))
                                     .arg(AdRules::PhotosMax));
    }
    if (accepted.isEmpty()) {
        rebuildPhotoList(m_photoList->currentRow());
        return;
    }
    m_photoStatus->setText(tr("Preparing %n photo(s)…", nullptr, int(accepted.size())));
    m_photoProgress->setRange(0, int(accepted.size()));
    m_photoProgress->setValue(0);
    m_photoProgress->show();
    m_preparingPhotos = true;
    m_photoWatcher->setFuture(QtConcurrent::run(
            [](QPromise<PreparedPhotos> &promise, const QList<PhotoSource> &pictures) {
                PreparedPhotos prepared;
                promise.setProgressRange(0, int(pictures.size()));
                for (int i = 0; i < pictures.size(); ++i) {
                    const PhotoSource &source = pictures.at(i);
                    const Result<ScaledPhoto> scaled
                            = source.path.isEmpty() ? PhotoScaler::fromImage(source.image)
                                                    : PhotoScaler::fromFile(source.path);
                    if (scaled)
                        prepared.photos.append(*scaled);
                    else
                        prepared.errors.append(scaled.error().message);
                    promise.setProgressValue(i + 1);
                }
                promise.addResult(prepared);
            },
            accepted));
    updateButtons();
    if (!m_photoErrors.isEmpty()) {
        if (QLabel *error = m_fieldErrors.label(QStringLiteral("photos"))) {
            error->setText(m_photoErrors.join(u'\n'));
            error->setVisible(true);
        }
    }
}

void AdEditorDialog::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage())
        event->acceptProposedAction();
}

void AdEditorDialog::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage())
        event->acceptProposedAction();
}

void AdEditorDialog::dropEvent(QDropEvent *event)
{
    addPhotosFromMime(event->mimeData());
    event->acceptProposedAction();
}

void AdEditorDialog::photosPrepared()
{
    const PreparedPhotos prepared = m_photoWatcher->future().result();
    m_preparingPhotos = false;
    m_photoProgress->hide();
    for (const ScaledPhoto &photo : prepared.photos) {
        if (m_photos.size() >= AdRules::PhotosMax)
            break;
        m_photos.append(AdPhoto{0, int(m_photos.size()), photo.jpeg, photo.thumbnail});
    }
    m_photoErrors += prepared.errors;
    if (!prepared.photos.isEmpty())
        markDirty();
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
    markDirty();
    rebuildPhotoList(qMin(row, int(m_photos.size()) - 1));
}

void AdEditorDialog::moveSelectedPhoto(int delta)
{
    const int row = m_photoList->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_photos.size())
        return;
    m_photos.swapItemsAt(row, target);
    markDirty();
    rebuildPhotoList(target);
}

void AdEditorDialog::reject()
{
    if (m_dirty && m_discardPrompt && !m_discardPrompt(this))
        return;
    // Cancelled on purpose: the draft goes too (one offered and not answered stays).
    m_autosaveDelay->stop();
    m_draftPending = false;
    if (!m_offeredDraft)
        m_drafts->remove(m_ad.id);
    QDialog::reject();
}

bool AdEditorDialog::confirmMaterialChange(const Ad &input)
{
    const bool ownerOfPublished
            = m_ad.id != 0 && m_actor.agentId == m_ad.ownerId && m_ad.state == AdState::Published;
    if (!ownerOfPublished || !AdRules::isMaterialChange(m_ad, input) || !m_materialPrompt)
        return true;
    return m_materialPrompt(this);
}

QString AdEditorDialog::draftFolder() const
{
    return m_drafts->folder();
}

bool AdEditorDialog::offersDraft() const
{
    return m_offeredDraft != nullptr;
}

// The form opens: a draft left by a crash (or a closed workstation) is offered back.
void AdEditorDialog::offerDraft(qint64 adId)
{
    m_offeredDraft.reset();
    m_draftBar->hide();
    m_draftPending = false;
    auto draft = m_drafts->load(adId);
    if (!draft)
        return;
    m_offeredDraft = std::make_unique<AdDraft>(std::move(*draft));
    const QDateTime at = m_offeredDraft->savedAt.toTimeZone(platformZone());
    m_draftText->setText(
            tr("An unsaved draft of %1 at %2 was found: resume it?")
                    .arg(QLocale().toString(at.date(), QStringLiteral("d MMMM")),
                         QLocale().toString(at.time(), tr("HH:mm", "the time of a draft"))));
    m_resumeDraftButton->show();
    m_newFromDraftButton->hide();
    m_draftBar->show();
}

void AdEditorDialog::discardDraft()
{
    if (!m_offeredDraft)
        return;
    m_drafts->remove(m_offeredDraft->adId);
    m_offeredDraft.reset();
    m_draftBar->hide();
}

void AdEditorDialog::resumeDraft()
{
    if (!m_offeredDraft)
        return;
    const AdDraft draft = *m_offeredDraft;
    const bool changedSince = m_ad.id != 0 && draft.adVersion != m_ad.version;
    if (!changedSince) {
        m_offeredDraft.reset();
        m_draftBar->hide();
        fillFromDraft(draft);
        m_messageBar->showMessage(MessageBar::Kind::Information,
                                  tr("Your draft is back in the form: save it when it is "
                                     "ready."));
        return;
    }
    // Someone approved, rejected or closed the ad since: the form shows it as it is now, what
    // was typed waits beside it, nothing of it lost.
    const Ad latest = m_ad;
    fillFromDraft(draft);
    const Ad mine = formAd();
    const QString mineValueText = m_value->text();
    fillForm(latest);
    buildYourVersionPanel(mine, mineValueText, latest);
    if (latest.state == AdState::Closed) {
        m_draftText->setText(tr("Since your draft, this ad was closed (%1): it can no longer "
                                "change. What you typed is under “Your version”: copy it, or "
                                "post it as a new ad.")
                                     .arg(latest.closeReason
                                                  ? displayName(*latest.closeReason).toLower()
                                                  : displayName(latest.state).toLower()));
        m_resumeDraftButton->hide();
        m_newFromDraftButton->show();
    } else {
        m_draftText->setText(tr("Since your draft, this ad changed: it is now %1. The form shows "
                                "it as it is now; what you typed is under “Your version”.")
                                     .arg(displayName(latest.state).toLower()));
        m_offeredDraft.reset();
        m_resumeDraftButton->hide();
    }
    m_draftBar->show();
    // The draft file stays as it was until the person changes the form again.
    m_draftPending = false;
    m_autosaveDelay->stop();
}

void AdEditorDialog::postDraftAsNewAd()
{
    if (!m_offeredDraft)
        return;
    AdDraft draft = *m_offeredDraft;
    m_drafts->remove(draft.adId);
    m_offeredDraft.reset();
    m_draftBar->hide();
    m_yourPanel->hide();
    m_ad = Ad{};
    m_owner = Agent{};
    draft.adId = 0;
    draft.adVersion = 0;
    draft.adState = AdState::Draft;
    if (draft.availableFrom < platformToday())
        draft.availableFrom = platformToday();
    fillForm(m_ad);
    fillFromDraft(draft);
    updateHeading();
    autosaveNow();
}

void AdEditorDialog::fillFromDraft(const AdDraft &draft)
{
    m_weightTouched = draft.weightTyped;
    m_title->setText(draft.title);
    m_description->setPlainText(draft.description);
    const int category = m_category->findData(draft.categoryId);
    m_category->setCurrentIndex(category < 0 ? 0 : category);
    m_quantity->setValue(qMax(1, draft.quantity));
    m_weight->setValue(double(draft.weightGrams) / 1000.0);
    m_weightTouched = draft.weightTyped;
    m_noValue->setChecked(draft.withoutValue);
    m_value->setText(draft.valueText);
    QDate day = draft.availableFrom.isValid() ? draft.availableFrom : platformToday();
    if (m_ad.id == 0 && day < platformToday())
        day = platformToday(); // a new ad's day cannot be past; the draft may be old
    m_availableFrom->setDate(day);
    const int site = m_site->findData(draft.siteId);
    m_site->setCurrentIndex(site < 0 ? 0 : site);
    m_room->setText(draft.room);
    if (m_attestation->isEnabled())
        m_attestation->setChecked(draft.attested);
    m_photos = draft.photos;
    rebuildPhotoList(m_photos.isEmpty() ? -1 : 0);
    markDirty();
}

AdDraft AdEditorDialog::formDraft() const
{
    AdDraft draft;
    draft.adId = m_ad.id;
    draft.adVersion = m_ad.version;
    draft.adState = m_ad.state;
    draft.savedAt = QDateTime::currentDateTimeUtc();
    draft.title = m_title->text();
    draft.description = m_description->toPlainText();
    draft.categoryId = m_category->currentData().toLongLong();
    draft.quantity = m_quantity->value();
    draft.weightGrams = qRound64(m_weight->value() * 1000.0);
    draft.weightTyped = m_weightTouched;
    draft.valueText = m_value->text();
    draft.withoutValue = m_noValue->isChecked();
    draft.availableFrom = m_availableFrom->date();
    draft.siteId = m_site->currentData().toLongLong();
    draft.room = m_room->text();
    draft.attested = m_attestation->isChecked();
    draft.photos = m_photos;
    return draft;
}

void AdEditorDialog::autosaveNow()
{
    // An offered draft is not overwritten before the person answers.
    if (!m_draftPending || m_offeredDraft || m_ad.state == AdState::Closed)
        return;
    m_autosaveDelay->stop();
    m_draftPending = false;
    if (const Status written = m_drafts->save(formDraft()); !written) {
        m_messageBar->showMessage(
                MessageBar::Kind::Warning, written.error().message, written.error().detail);
        return;
    }
    emit draftSaved();
}

} // namespace Recup
