// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAbstractButton;
class QAbstractItemView;
class QKeySequence;

namespace Recup {

// What screen readers are told of a form field, for every window of the application. Installed
// once on the application (main()); it corrects, as each window is shown:
// - a form label whose buddy is a box wrapping the field (FieldErrors::box, a field and its
//   error line): the label then names the field itself, its focus proxy. AT-SPI names a field
//   after the label whose buddy it is, never after its box's;
// - a combo box with an accessible name of its own but no label: Qt 6 on Linux gives AT-SPI a
//   combo box's current item as its name, whatever its accessibleName; its description (read
//   after the value by Orca) then says what the list is for;
// - a list or table: its current row follows its selection (currentFollowsSelection).
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

// A screen reader or a voice-control tool chooses a row through the accessibility interface
// (AT-SPI's Table.AddRowSelection, a cell's « toggle »), which selects the row without making
// it current; the windows show and act on the current row. From then on a row selected alone
// becomes the current one, as the arrows and the mouse make it (several rows selected leave it
// where it is). Once per selection model.
void currentFollowsSelection(QAbstractItemView *view);

// Qt's print preview names neither its zoom box nor its page number field: named here, before
// it is shown.
void namePrintPreviewControls(QWidget *preview);

// Says a button's shortcut in its tooltip, « Planifier le transport (Ctrl+Maj+P) », as its menu
// item shows it: the way to the button by keyboard when it has no Alt+letter of its own.
void showShortcut(QAbstractButton *button, const QKeySequence &key);

} // namespace Recup
