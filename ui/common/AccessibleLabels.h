// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAbstractButton;
class QKeySequence;

namespace Recup {

// What screen readers are told of a form field, for every window of the application. Installed
// once on the application (main()); it corrects, as each window is shown:
// - a form label whose buddy is a box wrapping the field (FieldErrors::box, a field and its
//   error line): the label then names the field itself, its focus proxy. AT-SPI names a field
//   after the label whose buddy it is, never after its box's;
// - a combo box with an accessible name of its own but no label: Qt 6 on Linux gives AT-SPI a
//   combo box's current item as its name, whatever its accessibleName; its description (read
//   after the value by Orca) then says what the list is for.
class AccessibleLabels : public QObject
{
    Q_OBJECT

public:
    explicit AccessibleLabels(QObject *parent = nullptr);

    // Installs it on the application.
    static void install();

    // Corrects the labels and combo boxes under window (what the filter does when it is shown).
    static void polish(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

// Says a button's shortcut in its tooltip, « Planifier le transport (Ctrl+Maj+P) », as its menu
// item shows it: the way to the button by keyboard when it has no Alt+letter of its own.
void showShortcut(QAbstractButton *button, const QKeySequence &key);

} // namespace Recup
