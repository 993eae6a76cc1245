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
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QFrame;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;
template<typename T>
class QFutureWatcher;

namespace Recup {

class AdWorkflow;
class Database;
class MessageBar;
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
    bool isPreparingPhotos() const;
    int photoCount() const { return int(m_photos.size()); }

    // Closing with unsaved changes asks first (a message box unless replaced, for tests).
    using DiscardPrompt = std::function<bool(QWidget *parent)>;
    void setDiscardPrompt(DiscardPrompt prompt) { m_discardPrompt = std::move(prompt); }

    // The error shown next to a field ("title", "valueCents", ...), empty when none.
    QString fieldError(const QString &field) const;

    // Where the mails that saving causes (the notice to the moderators) are sent from; without
    // one they are written to the outbox all the same, for the relay.
    void setMailCenter(MailCenter *mail) { m_mail = mail; }

signals:
    void adSaved(const Recup::Ad &ad);

public slots:
    void reject() override;

private:
    void buildForm();
    void buildConflictBar();
    void buildHeading();
    QWidget *buildPage();
    QGroupBox *buildItemBox(QWidget *page);
    void addTitleRow(QFormLayout *itemForm, QWidget *itemBox);
    void addDescriptionRow(QFormLayout *itemForm, QWidget *itemBox);
    void addCategoryRow(QFormLayout *itemForm, QWidget *itemBox);
    void addQuantityRow(QFormLayout *itemForm, QWidget *itemBox);
    void addWeightRow(QFormLayout *itemForm, QWidget *itemBox);
    void addValueRow(QFormLayout *itemForm, QWidget *itemBox);
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
    void photosPrepared();
    void rebuildPhotoList(int select = -1);
    void removeSelectedPhoto();
    void moveSelectedPhoto(int delta);

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
    QComboBox *m_site = nullptr;
    QLineEdit *m_room = nullptr;
    QListWidget *m_photoList = nullptr;
    QPushButton *m_addPhotos = nullptr;
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
