// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ReasonTextDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Recup {

ReasonTextDialog::ReasonTextDialog(const QString &title,
                                   const QString &question,
                                   const QString &acceptText,
                                   const QString &keepText,
                                   QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("reasonTextDialog"));
    setWindowTitle(title);
    auto *label = new QLabel(question, this);
    label->setTextFormat(Qt::PlainText); // the question quotes a title someone typed
    label->setWordWrap(true);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("reasonText"));
    m_text->setTabChangesFocus(true);
    m_text->setAccessibleName(tr("Reason"));
    m_text->setAccessibleDescription(question);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(acceptText, QDialogButtonBox::AcceptRole)->setDefault(true);
    QPushButton *keep = buttons->addButton(keepText, QDialogButtonBox::RejectRole);
    keep->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(480, 260);
    m_text->setFocus();
}

QString ReasonTextDialog::text() const
{
    return m_text->toPlainText();
}

std::optional<QString> ReasonTextDialog::ask(QWidget *parent,
                                             const QString &title,
                                             const QString &question,
                                             const QString &acceptText,
                                             const QString &keepText)
{
    ReasonTextDialog dialog(title, question, acceptText, keepText, parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.text();
}

} // namespace Recup
