// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/ReasonDialog.h"
#include "common/Look.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
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

    if (!request.templates.isEmpty()) {
        m_templates = new QComboBox(this);
        m_templates->setObjectName(QStringLiteral("reasonTemplates"));
        m_templates->setAccessibleName(tr("Usual reason"));
        m_templates->addItem(tr("Write my own reason"));
        for (const auto &[title, body] : request.templates)
            m_templates->addItem(title, body);
        connect(m_templates, &QComboBox::activated, this, &ReasonDialog::chooseTemplate);
    }

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
    if (m_templates) {
        auto *row = new QHBoxLayout;
        auto *label = new QLabel(tr("&Usual reason:"), this);
        label->setBuddy(m_templates);
        row->addWidget(label);
        row->addWidget(m_templates, 1);
        layout->addLayout(row);
    }
    layout->addWidget(m_text, 1);
    layout->addWidget(m_counter);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(480, 260);
    // The first field first, as it reads: the usual reasons, then the text.
    if (m_templates) {
        setTabOrder(m_templates, m_text);
        m_templates->setFocus();
    } else {
        m_text->setFocus();
    }
}

QString ReasonDialog::reason() const
{
    return m_text->toPlainText().trimmed();
}

void ReasonDialog::setReason(const QString &text)
{
    m_text->setPlainText(text);
}

void ReasonDialog::chooseTemplate(int index)
{
    if (!m_templates || index <= 0 || index >= m_templates->count())
        return;
    m_templates->setCurrentIndex(index);
    // The template's text replaces what another template wrote, and goes before what the
    // moderator typed themselves, which is kept.
    QString typed = m_text->toPlainText().trimmed();
    for (int i = 1; i < m_templates->count(); ++i) {
        const QString body = m_templates->itemData(i).toString();
        if (typed.startsWith(body)) {
            typed = typed.mid(body.size()).trimmed();
            break;
        }
    }
    const QString body = m_templates->itemData(index).toString();
    m_text->setPlainText(typed.isEmpty() ? body : body + QStringLiteral("\n\n") + typed);
    m_text->moveCursor(QTextCursor::End);
    m_text->setFocus();
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
