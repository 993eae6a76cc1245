// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/FieldErrors.h"

#include "common/Look.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <QWidget>

namespace Recup {

FieldErrors::FieldErrors(QWidget *form)
    : m_form(form)
{}

QWidget *FieldErrors::box(QWidget *input, const QString &field, QLabel *counter)
{
    auto *box = new QWidget(input->parentWidget());
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(input);
    auto *row = new QHBoxLayout;
    row->setSpacing(8);
    auto *error = new QLabel(box);
    error->setObjectName(field + QStringLiteral("Error"));
    error->setTextFormat(Qt::PlainText);
    error->setWordWrap(true);
    error->setStyleSheet(Look::errorStyle(m_form->palette()));
    error->hide();
    row->addWidget(error, 1);
    if (counter) {
        counter->setAlignment(Qt::AlignRight | Qt::AlignTop);
        row->addWidget(counter, 0, Qt::AlignRight | Qt::AlignTop);
    }
    layout->addLayout(row);
    box->setFocusProxy(input); // the form label's shortcut lands in the field
    m_labels.insert(field, error);
    m_focusTargets.insert(field, input);
    return box;
}

void FieldErrors::setFocusTarget(const QString &field, QWidget *target)
{
    m_focusTargets.insert(field, target);
}

void FieldErrors::clear()
{
    for (QLabel *label : std::as_const(m_labels)) {
        label->clear();
        label->hide();
    }
}

QStringList FieldErrors::show(const QList<std::pair<QString, QString>> &errors,
                              const QStringList &order)
{
    clear();
    QStringList unplaced;
    QString first;
    for (const auto &[field, message] : errors) {
        QLabel *label = m_labels.value(field);
        if (!label) {
            unplaced.append(message);
            continue;
        }
        if (!label->isHidden())
            continue; // one message per field is enough
        label->setText(message);
        label->show();
        if (first.isEmpty()
            || (order.contains(field) && order.indexOf(field) < order.indexOf(first)))
            first = field;
    }
    if (!first.isEmpty()) {
        if (QWidget *target = m_focusTargets.value(first)) {
            target->setFocus(Qt::OtherFocusReason);
            if (auto *line = qobject_cast<QLineEdit *>(target))
                line->selectAll();
        }
    }
    return unplaced;
}

QString FieldErrors::text(const QString &field) const
{
    const QLabel *label = m_labels.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

} // namespace Recup
