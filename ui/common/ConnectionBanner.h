// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

namespace Recup {

class ConnectionMonitor;

// A slim strip across a window while the database server is out of reach: "Connection to the
// server lost — reconnecting… (attempt N)" with "Retry now", then "Connection restored" for a
// moment before it folds away. It only informs: open forms and what is typed in them are left
// alone, and the retry button does not take the keyboard focus from them.
class ConnectionBanner : public QFrame
{
    Q_OBJECT
public:
    enum class State { Hidden, Reconnecting, Restored };

    explicit ConnectionBanner(ConnectionMonitor &monitor, QWidget *parent = nullptr);

    State state() const { return m_state; }
    QString text() const;
    QPushButton *retryButton() const { return m_retryButton; }
    // How long "Connection restored" stays before the banner hides (milliseconds).
    void setRestoredDuration(int milliseconds) { m_hideTimer.setInterval(milliseconds); }

private:
    void onLost(const QString &message);
    void onReconnecting(int attempt, int delayMilliseconds);
    void onRestored();
    void retryNow();
    void setState(State state);

    ConnectionMonitor &m_monitor;
    State m_state = State::Hidden;
    int m_attempt = 0;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_retryButton = nullptr;
    QTimer m_hideTimer;
};

} // namespace Recup
