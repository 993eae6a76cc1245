// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/AdRules.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Recup {

// What a moderator is asked before rejecting or removing an ad.
struct ReasonRequest
{
    QString windowTitle;
    QString question;   // "Why is “Bureau” rejected? Marie Dupont will read your answer."
    QString acceptText; // the button: "Reject the ad"
    // The rules the reason must follow (AdRules::validateRejection, ...).
    std::function<QList<FieldError>(const QString &)> validate;
    // Reasons ready to pick (the moderators' templates): a title, then the text it writes,
    // which the moderator may complete.
    QList<std::pair<QString, QString>> templates;
};

// A small dialog asking for a reason; an empty or too long one is refused in place, under the
// text, and the dialog stays open with what was typed.
class ReasonDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ReasonDialog(const ReasonRequest &request, QWidget *parent = nullptr);

    QString reason() const;
    void setReason(const QString &text);
    // The refusal shown under the text, empty when none.
    QString errorText() const;
    // Picks the template at `index` (as the « Motif type » list shows them).
    void chooseTemplate(int index);

    void accept() override;

private:
    ReasonRequest m_request;
    QComboBox *m_templates = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_counter = nullptr;
    QPushButton *m_acceptButton = nullptr;
};

} // namespace Recup
