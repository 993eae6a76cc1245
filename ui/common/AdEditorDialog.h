// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/FieldErrors.h"

#include "Result.h"
#include "actions/MailCenter.h"
#include "domain/Ad.h"
#include "domain/Reference.h"
#include "lifecycle/AdRules.h"
#include "storage/AdRepository.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDragEnterEvent;
class QDragMoveEvent;
class QDropEvent;
class QDoubleSpinBox;
class QFormLayout;
class QFrame;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QMimeData;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;
class QVBoxLayout;
template<typename T>
class QFutureWatcher;

namespace Recup {

class AdDraftStore;
class AdWorkflow;
class Database;
class MessageBar;
struct AdDraft;
struct PhotoSource;
struct PreparedPhotos;

// The form of an ad: posting a new one (saved as a draft or sent to moderation at once) and
// editing one, by its owner or by a moderator. Saving sends the version the form was opened
// with; when someone else saved in between, the save is refused, everything typed stays in the
// form, and "Reload the latest version" shows the saved ad with what was typed kept in a side
// panel ("Your version"), field by field, to take back with "Use mine".
class AdEditorDialog : public QDialog
{
    Q_OBJECT
public:
    enum class SaveMode {
        Save,      // keep the ad's state (edits of pending or published ads, moderators)
        SaveDraft, // a new ad or a draft kept for later
        Submit     // save, then send to moderation (owner's new ads, drafts, rejected ads)
    };

    AdEditorDialog(Database &db, const Actor &actor, QWidget *parent = nullptr);
    ~AdEditorDialog() override;

    // An ad as the editor needs it: with its photos, and who posted it.
    struct EditedAd
    {
        Ad ad;
        Agent owner;
    };
    // Reads it; safe on the session's reading thread (windows read it there, then open the
    // editor with showAd()).
    static Result<EditedAd> readAd(Database &db, qint64 adId);
    // Turns the form into the editor of that ad, as read.
    void showAd(const EditedAd &edited);
    // Both at once, on the calling thread (tests, screenshots).
    Status loadAd(qint64 adId);
    bool isNewAd() const { return m_ad.id == 0; }
    // The ad as last loaded or saved: its version is what the next save expects.
    const Ad &ad() const { return m_ad; }

    // What the buttons do; true when saved (the dialog is then accepted).
    bool save(SaveMode mode);
    // After a refused save: the form shows the saved ad, what was typed goes to the side panel.
    void reloadLatest();
    bool hasConflict() const;

    // Photos: the "Add photos…" button asks the picker (a file dialog unless replaced, for
    // tests); the files are scaled on a worker thread.
    using FilePicker = std::function<QStringList(QWidget *parent)>;
    void setFilePicker(FilePicker picker) { m_filePicker = std::move(picker); }
    void addPhotoFiles(const QStringList &paths);
    // A drop or a paste: image files (non-pictures refused with their names) or image data.
    // Up to the 6 photos an ad may have; what does not fit is said. False when nothing of it
    // could be a photo.
    bool addPhotosFromMime(const QMimeData *mime);
    // Ctrl+V outside a text field, and the "Paste" button: the clipboard's picture or files.
    void pastePhotos();
    bool isPreparingPhotos() const;
    int photoCount() const { return int(m_photos.size()); }

    // Closing with unsaved changes asks first (a message box unless replaced, for tests).
    using DiscardPrompt = std::function<bool(QWidget *parent)>;
    void setDiscardPrompt(DiscardPrompt prompt) { m_discardPrompt = std::move(prompt); }

    // Saving a change that sends a published ad back to moderation asks first (a message box
    // unless replaced, for tests): the ad is hidden until a moderator approves it again.
    using MaterialChangePrompt = std::function<bool(QWidget *parent)>;
    void setMaterialChangePrompt(MaterialChangePrompt prompt)
    {
        m_materialPrompt = std::move(prompt);
    }

    // Autosave (issue #13): what is typed is kept on the workstation a moment after each
    // change and every few seconds, until the ad is saved or the form cancelled on purpose.
    // A draft found when the form opens is offered back in a bar at the top.
    static constexpr int AutosaveDelayMs = 1500;
    static constexpr int AutosaveEveryMs = 5000;
    QString draftFolder() const;
    bool offersDraft() const;
    // Puts the offered draft back in the form (or, when the ad changed since, beside it).
    void resumeDraft();
    void discardDraft();
    // Posts what the draft of a since-closed ad holds as a new ad.
    void postDraftAsNewAd();
    // Writes the draft now if something changed since the last one.
    void autosaveNow();

    // The error shown next to a field ("title", "valueCents", ...), empty when none.
    QString fieldError(const QString &field) const;

    // Where the mails that saving causes (the notice to the moderators) are sent from; without
    // one they are written to the outbox all the same, for the relay.
    void setMailCenter(MailCenter *mail) { m_mail = mail; }

signals:
    void adSaved(const Recup::Ad &ad);
    void draftSaved();

public slots:
    void reject() override;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildForm();
    void buildConflictBar();
    void buildDraftBar();
    QFrame *tintedBar(const QString &name);
    void buildHeading();
    QWidget *buildPage();
    QGroupBox *buildItemBox(QWidget *page);
    void addTitleRow(QFormLayout *itemForm, QWidget *itemBox);
    void addDescriptionRow(QFormLayout *itemForm, QWidget *itemBox);
    void addCategoryRow(QFormLayout *itemForm, QWidget *itemBox);
    void addQuantityRow(QFormLayout *itemForm, QWidget *itemBox);
    void addWeightRow(QFormLayout *itemForm, QWidget *itemBox);
    void addValueRow(QFormLayout *itemForm, QWidget *itemBox);
    void addAvailableFromRow(QFormLayout *placeForm, QWidget *placeBox);
    QGroupBox *buildPhotoBox(QWidget *page);
    QGroupBox *buildPlaceBox(QWidget *page);
    QWidget *buildYourVersionBox();
    QLabel *buildProfessionalUseRule();
    QHBoxLayout *buildButtonRow();
    void connectChanges();
    QWidget *fieldBox(QWidget *input, const QString &field, QLabel *counter = nullptr);
    void loadReferences();
    void applyReferences();
    void fillForm(const Ad &ad);
    void fillCategories();
    Ad formAd() const;
    std::optional<Category> categoryById(qint64 id) const;
    QString categoryName(qint64 id) const;
    QString siteName(qint64 id) const;

    void updateHeading();
    void updateButtons();
    void updateCounters();
    void onCategoryOrQuantityChanged();
    void markDirty();

    void clearFieldErrors();
    void showFieldErrors(const QList<FieldError> &errors);
    bool checkFields(const Ad &input);
    bool submitSavedDraft(AdWorkflow &workflow, int &mailsWritten);
    void showSaveError(const Error &error);
    void showConflict(const Error &error);
    void copyTypedTextToClipboard(const Ad &typed, const QString &valueText);

    void pickPhotos();
    void preparePhotos(const QList<PhotoSource> &sources, QStringList refused);
    void photosPrepared();
    void rebuildPhotoList(int select = -1);
    void removeSelectedPhoto();
    void moveSelectedPhoto(int delta);

    void offerDraft(qint64 adId);
    void fillFromDraft(const AdDraft &draft);
    AdDraft formDraft() const;
    bool confirmMaterialChange(const Ad &input);

    struct Difference;
    void buildYourVersionPanel(const Ad &mine, const QString &mineValueText, const Ad &latest);
    QList<Difference>
    itemDifferences(const Ad &mine, const QString &mineValueText, const Ad &latest);
    QList<Difference> placeAndPhotoDifferences(const Ad &mine, const Ad &latest);
    QFrame *differenceRow(const Difference &difference, QList<QPushButton *> &useButtons);
    QWidget *yourVersionActions(const QList<QPushButton *> &useButtons);
    void showYourVersionPanel();
    QString typedSummary(const Ad &typed, const QString &valueText) const;

    Database &m_db;
    Actor m_actor;
    QPointer<MailCenter> m_mail;
    Ad m_ad; // as loaded or saved
    Agent m_owner;
    QString m_ownerServiceName;
    QList<Category> m_categories;
    QList<Site> m_sites;
    QList<AdPhoto> m_photos;
    bool m_weightTouched = false;
    bool m_filling = false;
    bool m_dirty = false;
    bool m_preparingPhotos = false;
    QStringList m_photoErrors;

    FilePicker m_filePicker;
    DiscardPrompt m_discardPrompt;
    MaterialChangePrompt m_materialPrompt;
    std::unique_ptr<AdDraftStore> m_drafts;
    std::unique_ptr<AdDraft> m_offeredDraft;
    bool m_draftPending = false; // changed since the last draft written
    QTimer *m_autosaveDelay = nullptr;
    QTimer *m_autosaveEvery = nullptr;
    QFrame *m_draftBar = nullptr;
    QLabel *m_draftText = nullptr;
    QPushButton *m_resumeDraftButton = nullptr;
    QPushButton *m_newFromDraftButton = nullptr;
    QFutureWatcher<PreparedPhotos> *m_photoWatcher = nullptr;

    MessageBar *m_messageBar = nullptr;
    QFrame *m_conflictBar = nullptr;
    QLabel *m_conflictText = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_subheading = nullptr;

    QLineEdit *m_title = nullptr;
    QLabel *m_titleCounter = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLabel *m_descriptionCounter = nullptr;
    QComboBox *m_category = nullptr;
    QLabel *m_categoryNotice = nullptr;
    QSpinBox *m_quantity = nullptr;
    QDoubleSpinBox *m_weight = nullptr;
    QLabel *m_weightHint = nullptr;
    QLineEdit *m_value = nullptr;
    QCheckBox *m_noValue = nullptr;
    QDateEdit *m_availableFrom = nullptr;
    QComboBox *m_site = nullptr;
    QLineEdit *m_room = nullptr;
    QListWidget *m_photoList = nullptr;
    QPushButton *m_addPhotos = nullptr;
    QPushButton *m_pastePhotos = nullptr;
    QProgressBar *m_photoProgress = nullptr;
    QPushButton *m_removePhoto = nullptr;
    QPushButton *m_photoEarlier = nullptr;
    QPushButton *m_photoLater = nullptr;
    QLabel *m_photoStatus = nullptr;
    QCheckBox *m_attestation = nullptr;
    FieldErrors m_fieldErrors{this};

    QWidget *m_yourPanel = nullptr;
    QVBoxLayout *m_yourRows = nullptr;
    QString m_yourText; // what the clipboard button copies

    QPushButton *m_saveButton = nullptr;
    QPushButton *m_draftButton = nullptr;
    QPushButton *m_submitButton = nullptr;
};

} // namespace Recup
