// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

class QLabel;
class QWidget;

namespace Recup {

// The forms' field-error pattern (the ad editor, the reference data editor): each input sits in
// a box with a red line below it, named "<field>Error", where the message a rule or the
// repository gives for that field (Error::fields) is shown; the first field at fault takes the
// focus.
class FieldErrors
{
public:
    // The error lines take the red of `form`'s palette (Look::errorStyle).
    explicit FieldErrors(QWidget *form);

    // The input with its error line (and its counter on the right, when given), as the box to
    // put in the form; the form label's shortcut lands in the input.
    QWidget *box(QWidget *input, const QString &field, QLabel *counter = nullptr);
    // Another widget that takes the focus for `field` (a field whose input is inside a row).
    void setFocusTarget(const QString &field, QWidget *target);

    void clear();
    // Shows each message under its field, one per field, and focuses the first field at fault
    // in `order` (else the first given); returns the messages no field here can show.
    QStringList show(const QList<std::pair<QString, QString>> &errors,
                     const QStringList &order = {});
    // The message shown under `field`, empty when none.
    QString text(const QString &field) const;
    QLabel *label(const QString &field) const { return m_labels.value(field); }

private:
    QWidget *m_form = nullptr;
    QHash<QString, QLabel *> m_labels;
    QHash<QString, QWidget *> m_focusTargets;
};

} // namespace Recup
