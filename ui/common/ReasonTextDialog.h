// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <optional>

class QPlainTextEdit;

namespace Recup {

// A question whose answer is a few lines kept in a history: « Why is … thrown away? ». Unlike
// QInputDialog's, its text field is named for screen readers (« Reason », the question as its
// description), and its buttons say what they do (« Throw away » / « Keep it »). Échap keeps.
class ReasonTextDialog : public QDialog
{
    Q_OBJECT
public:
    ReasonTextDialog(const QString &title,
                     const QString &question,
                     const QString &acceptText,
                     const QString &keepText,
                     QWidget *parent = nullptr);

    QString text() const;

    // Runs the dialog: the text typed (maybe empty), or nothing when kept.
    static std::optional<QString> ask(QWidget *parent,
                                      const QString &title,
                                      const QString &question,
                                      const QString &acceptText,
                                      const QString &keepText);

private:
    QPlainTextEdit *m_text = nullptr;
};

} // namespace Recup
