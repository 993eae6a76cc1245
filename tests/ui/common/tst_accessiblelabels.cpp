// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// What assistive technologies are given beyond Qt's defaults (ui/common/AccessibleLabels), on
// the offscreen platform: a row chosen through the accessibility interface becomes the current
// row the windows act on; Qt's print preview has its zoom and page fields named.
#include "common/AccessibleLabels.h"

#include <QAccessible>
#include <QComboBox>
#include <QLineEdit>
#include <QPrintPreviewDialog>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace Recup;

class TestAccessibleLabels : public QObject
{
    Q_OBJECT
private slots:
    // As a screen reader selects a row (AT-SPI's Table.AddRowSelection is the table
    // interface's selectRow): the row becomes current; several rows keep the current one.
    void aRowChosenByAssistiveTechnologyBecomesCurrent()
    {
        QStandardItemModel model(5, 3);
        for (int row = 0; row < 5; ++row) {
            for (int column = 0; column < 3; ++column)
                model.setItem(row, column, new QStandardItem(QStringLiteral("%1").arg(row)));
        }
        QTableView view;
        view.setModel(&model);
        view.setSelectionBehavior(QAbstractItemView::SelectRows);
        view.setSelectionMode(QAbstractItemView::ExtendedSelection);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        currentFollowsSelection(&view);
        currentFollowsSelection(&view); // once per selection model: a second call adds nothing

        QAccessibleInterface *table = QAccessible::queryAccessibleInterface(&view);
        QVERIFY(table && table->tableInterface());
        QVERIFY(table->tableInterface()->selectRow(2));
        QCOMPARE(view.currentIndex().row(), 2);
        QVERIFY(table->tableInterface()->selectRow(4)); // extended: adds a row
        QCOMPARE(view.currentIndex().row(), 2);
        QVERIFY(table->tableInterface()->unselectRow(2));
        QCOMPARE(view.currentIndex().row(), 4); // alone again: current
    }

    // Qt's preview names neither its zoom nor its page number: both named before it shows.
    void printPreviewFieldsHaveNames()
    {
        QPrintPreviewDialog preview;
        namePrintPreviewControls(&preview);
        const auto combos = preview.findChildren<QComboBox *>();
        QVERIFY(!combos.isEmpty());
        for (const QComboBox *combo : combos)
            QVERIFY(!combo->accessibleName().isEmpty());
        int fields = 0;
        const auto edits = preview.findChildren<QLineEdit *>();
        for (const QLineEdit *edit : edits) {
            if (qobject_cast<QComboBox *>(edit->parent()))
                continue;
            ++fields;
            QVERIFY(!edit->accessibleName().isEmpty());
        }
        QVERIFY(fields > 0);
    }
};

QTEST_MAIN(TestAccessibleLabels)
#include "tst_accessiblelabels.moc"
