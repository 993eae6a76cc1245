// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/ConnectionBanner.h"
#include "common/Look.h"

#include "storage/ConnectionMonitor.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QMetaMethod>
#include <QPushButton>
#include <QStyle>

namespace Recup {

namespace {

// After this many failed attempts the outage is no longer a hiccup: the banner turns red.
constexpr int longOutageAttempts = 3;

} // namespace

ConnectionBanner::ConnectionBanner(ConnectionMonitor &monitor, QWidget *parent)
    : QFrame(parent)
    , m_monitor(monitor)
{
    setObjectName(QStringLiteral("connectionBanner"));
    setAutoFillBackground(true);
    setAccessibleName(tr("Connection to the server"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum); // slim, whatever the layout

    m_icon = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("connectionBannerText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_retryButton = new QPushButton(tr("Retry now"), this);
    m_retryButton->setObjectName(QStringLiteral("connectionBannerRetry"));
    // Clicking it must not pull the keyboard away from the form being filled in.
    m_retryButton->setFocusPolicy(Qt::TabFocus);
    m_retryButton->setAutoDefault(false);
    connect(m_retryButton, &QPushButton::clicked, this, &ConnectionBanner::retryNow);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 4, 6, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retryButton);

    m_hideTimer.setSingleShot(true);
    m_hideTimer.setInterval(2500);
    connect(&m_hideTimer, &QTimer::timeout, this, [this] { setState(State::Hidden); });

    connect(&m_monitor, &ConnectionMonitor::lost, this, &ConnectionBanner::onLost);
    connect(&m_monitor, &ConnectionMonitor::reconnecting, this, &ConnectionBanner::onReconnecting);
    connect(&m_monitor, &ConnectionMonitor::restored, this, &ConnectionBanner::onRestored);
    hide();
}

QString ConnectionBanner::text() const
{
    return m_text->text();
}

void ConnectionBanner::onLost(const QString &message)
{
    m_attempt = 0;
    setToolTip(message + u'\n'
               + tr("Open forms keep what you typed; save them once the connection is back."));
    setState(State::Reconnecting);
}

void ConnectionBanner::onReconnecting(int attempt, int delayMilliseconds)
{
    Q_UNUSED(delayMilliseconds)
    m_attempt = attempt;
    if (m_state != State::Reconnecting)
        setState(State::Reconnecting);
    else
        setState(m_state); // new attempt number, perhaps a new colour
    m_retryButton->setEnabled(true);
}

void ConnectionBanner::onRestored()
{
    setState(State::Restored);
    m_hideTimer.start();
}

void ConnectionBanner::retryNow()
{
    // ConnectionMonitor::retryNow() probes at once when the connection is lost; a monitor
    // without it only checks a live connection.
    const QMetaObject *meta = m_monitor.metaObject();
    const int index = meta->indexOfMethod("retryNow()");
    if (index >= 0)
        meta->method(index).invoke(&m_monitor);
    else
        m_monitor.checkNow();
    m_retryButton->setEnabled(false); // until the next attempt is announced
}

void ConnectionBanner::setState(State state)
{
    m_state = state;
    if (state == State::Hidden) {
        m_hideTimer.stop();
        hide();
        return;
    }
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxWarning;
    Look::Tone tone = Look::Tone::Warning;
    if (state == State::Restored) {
        icon = QStyle::SP_DialogApplyButton;
        tone = Look::Tone::Success;
        m_text->setText(tr("Connection restored"));
        m_retryButton->hide();
    } else {
        m_hideTimer.stop();
        if (m_attempt >= longOutageAttempts) {
            icon = QStyle::SP_MessageBoxCritical;
            tone = Look::Tone::Danger;
        }
        m_text->setText(m_attempt > 0
                                ? tr("Connection to the server lost — reconnecting… (attempt %1)")
                                          .arg(m_attempt)
                                : tr("Connection to the server lost — reconnecting…"));
        m_retryButton->show();
    }
    const QPalette colours = QApplication::palette(this);
    setStyleSheet(QStringLiteral("QFrame#connectionBanner { %1 }"
                                 " QFrame#connectionBanner QLabel { background: transparent;"
                                 " border: none; color: %2; }")
                          .arg(Look::tintStyle(colours, tone, QStringLiteral("border-bottom")),
                               Look::textOnTint(colours).name()));
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(side, side));
    show();
}

} // namespace Recup
