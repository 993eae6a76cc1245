// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/ReasonDialog.h"
#include "common/Look.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Recup {

ReasonDialog::ReasonDialog(const ReasonRequest &request, QWidget *parent)
    : QDialog(parent)
    , m_request(request)
{
    setObjectName(QStringLiteral("reasonDialog"));
    setWindowTitle(request.windowTitle);
    setModal(true);

    auto *question = new QLabel(request.question, this);
    question->setObjectName(QStringLiteral("reasonQuestion"));
    question->setTextFormat(Qt::PlainText);
    question->setWordWrap(true);

    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("reasonText"));
    m_text->setAccessibleName(tr("Reason"));
    m_text->setTabChangesFocus(true);
    m_text->setMinimumHeight(110);
    m_text->setPlaceholderText(tr("For example: the photo does not show the item; please add "
                                  "one taken on site."));

    m_counter = new QLabel(this);
    m_counter->setAlignment(Qt::AlignRight);
    Look::makeSecondary(m_counter);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("reasonError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(Look::errorStyle(QApplication::palette()));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_acceptButton = buttons->addButton(request.acceptText, QDialogButtonBox::AcceptRole);
    m_acceptButton->setObjectName(QStringLiteral("reasonAcceptButton"));
    m_acceptButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReasonDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReasonDialog::reject);

    auto updateCounter = [this] {
        m_counter->setText(tr("%1 / %2 characters")
                                   .arg(QLocale().toString(m_text->toPlainText().size()),
                                        QLocale().toString(AdRules::ReasonMax)));
        if (m_error->isVisible() && !m_text->toPlainText().trimmed().isEmpty())
            m_error->hide();
    };
    connect(m_text, &QPlainTextEdit::textChanged, this, updateCounter);
    updateCounter();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_counter);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(480, 260);
    m_text->setFocus();
}

QString ReasonDialog::reason() const
{
    return m_text->toPlainText().trimmed();
}

void ReasonDialog::setReason(const QString &text)
{
    m_text->setPlainText(text);
}

QString ReasonDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ReasonDialog::accept()
{
    const QList<FieldError> errors
            = m_request.validate ? m_request.validate(reason()) : QList<FieldError>();
    if (!errors.isEmpty()) {
        m_error->setText(errors.first().message);
        m_error->show();
        m_text->setFocus();
        return; // stays open, with what was typed
    }
    QDialog::accept();
}

} // namespace Recup
