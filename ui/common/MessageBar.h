// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace Recup {

// A non-blocking message across the top of a window (in the spirit of KMessageWidget): one
// sentence for the user, the technical detail on demand, an optional "Try again".
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    // retry: the button's action ("Try again" unless actionText names it otherwise).
    void showMessage(Kind kind,
                     const QString &text,
                     const QString &detail = {},
                     std::function<void()> retry = {},
                     const QString &actionText = {});
    void dismiss();

    QString text() const;
    QString detail() const;

private:
    void toggleDetail();

    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QLabel *m_detail = nullptr;
    QPushButton *m_detailButton = nullptr;
    QPushButton *m_retryButton = nullptr;
    QToolButton *m_closeButton = nullptr;
    std::function<void()> m_retry;
};

} // namespace Recup
