// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AccessibleLabels.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSet>
#include <QWidget>

namespace Recup {

AccessibleLabels::AccessibleLabels(QObject *parent)
    : QObject(parent)
{}

void showShortcut(QAbstractButton *button, const QKeySequence &key)
{
    const QString tip = button->toolTip().isEmpty() ? QString(button->text()).remove(u'&')
                                                    : button->toolTip();
    button->setToolTip(AccessibleLabels::tr("%1 (%2)", "a tooltip, then its shortcut")
                               .arg(tip, key.toString(QKeySequence::NativeText)));
}

void AccessibleLabels::install()
{
    qApp->installEventFilter(new AccessibleLabels(qApp));
}

namespace {

// A label as a name: without its mnemonic, its colon or its required-field star.
QString nameOf(const QLabel *label)
{
    QString text = label->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text = text.trimmed();
    while (text.endsWith(u':') || text.endsWith(u'*') || text.endsWith(QChar(0x00a0)))
        text = text.chopped(1).trimmed();
    return text;
}

} // namespace

void AccessibleLabels::polish(QWidget *window)
{
    const QList<QLabel *> labels = window->findChildren<QLabel *>();
    QSet<const QWidget *> labelled;
    for (QLabel *label : labels) {
        QWidget *buddy = label->buddy();
        if (!buddy)
            continue;
        QWidget *field = buddy;
        while (field->focusProxy() && field->focusProxy() != field)
            field = field->focusProxy();
        if (field != buddy)
            label->setBuddy(field); // the same shortcut, on the field itself
        labelled.insert(field);
        // Qt names a field after a label among its siblings only: a field in a box of its
        // own is named here.
        if (field->parentWidget() == label->parentWidget())
            continue;
        const QString name = nameOf(label);
        if (name.isEmpty())
            continue;
        if (field->accessibleName().isEmpty())
            field->setAccessibleName(name);
        if (qobject_cast<QComboBox *>(field) && field->accessibleDescription().isEmpty())
            field->setAccessibleDescription(name);
    }
    const QList<QComboBox *> combos = window->findChildren<QComboBox *>();
    for (QComboBox *combo : combos) {
        if (!labelled.contains(combo) && !combo->accessibleName().isEmpty()
            && combo->accessibleDescription().isEmpty() && combo->toolTip().isEmpty())
            combo->setAccessibleDescription(combo->accessibleName());
    }
    const QList<QAbstractItemView *> views = window->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *view : views) {
        if (!qobject_cast<QHeaderView *>(view))
            currentFollowsSelection(view);
    }
}

void namePrintPreviewControls(QWidget *preview)
{
    const QList<QComboBox *> combos = preview->findChildren<QComboBox *>();
    for (QComboBox *zoom : combos) {
        if (zoom->accessibleName().isEmpty()) {
            zoom->setAccessibleName(AccessibleLabels::tr("Zoom"));
            zoom->setAccessibleDescription(AccessibleLabels::tr("Zoom"));
        }
    }
    const QList<QLineEdit *> fields = preview->findChildren<QLineEdit *>();
    for (QLineEdit *field : fields) {
        if (field->accessibleName().isEmpty() && !qobject_cast<QComboBox *>(field->parent()))
            field->setAccessibleName(AccessibleLabels::tr("Page shown"));
    }
}

void currentFollowsSelection(QAbstractItemView *view)
{
    QItemSelectionModel *selection = view->selectionModel();
    if (!selection || selection->property("recupCurrentFollows").toBool())
        return;
    selection->setProperty("recupCurrentFollows", true);
    QObject::connect(selection, &QItemSelectionModel::selectionChanged, view, [selection] {
        // One row chosen; several (Maj+clic) keep the current row where it is.
        const QItemSelection chosen = selection->selection();
        if (chosen.size() != 1 || chosen.first().top() != chosen.first().bottom())
            return;
        const QModelIndex first = chosen.first().topLeft();
        const QModelIndex current = selection->currentIndex();
        if (!current.isValid() || current.row() != first.row()
            || current.parent() != first.parent())
            selection->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    });
}

bool AccessibleLabels::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show && watched->isWidgetType()) {
        auto *widget = static_cast<QWidget *>(watched);
        if (widget->isWindow())
            polish(widget);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Recup
