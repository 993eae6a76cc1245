// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/MessageBar.h"
#include "common/Look.h"

#include <QApplication>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace Recup {

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("messageBar"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_icon = new QLabel(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("messageBarText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_detailButton = new QPushButton(tr("Show details"), this);
    m_detailButton->setObjectName(QStringLiteral("messageBarDetailButton"));
    connect(m_detailButton, &QPushButton::clicked, this, &MessageBar::toggleDetail);

    m_retryButton = new QPushButton(tr("Try again"), this);
    m_retryButton->setObjectName(QStringLiteral("messageBarRetryButton"));
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        const std::function<void()> retry = m_retry;
        dismiss();
        if (retry)
            retry();
    });

    m_closeButton = new QToolButton(this);
    m_closeButton->setAutoRaise(true);
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_closeButton->setToolTip(tr("Close this message"));
    m_closeButton->setAccessibleName(tr("Close this message"));
    connect(m_closeButton, &QToolButton::clicked, this, &MessageBar::dismiss);

    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("messageBarDetail"));
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->hide();

    auto *row = new QHBoxLayout;
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    row->addWidget(m_detailButton, 0, Qt::AlignTop);
    row->addWidget(m_retryButton, 0, Qt::AlignTop);
    row->addWidget(m_closeButton, 0, Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addLayout(row);
    layout->addWidget(m_detail);

    hide();
}

void MessageBar::showMessage(Kind kind,
                             const QString &text,
                             const QString &detail,
                             std::function<void()> retry,
                             const QString &actionText)
{
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    Look::Tone tone = Look::Tone::Information;
    if (kind == Kind::Warning) {
        icon = QStyle::SP_MessageBoxWarning;
        tone = Look::Tone::Warning;
    } else if (kind == Kind::Error) {
        icon = QStyle::SP_MessageBoxCritical;
        tone = Look::Tone::Danger;
    }
    // The icon and the words say the kind too: never the colour alone.
    const QPalette colours = QApplication::palette(this);
    setStyleSheet(
            QStringLiteral("QFrame#messageBar { %1 border-radius: 4px; }"
                           " QFrame#messageBar QLabel { background: transparent; border: none;"
                           " color: %2; }")
                    .arg(Look::tintStyle(colours, tone), Look::textOnTint(colours).name()));
    const int side = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(side, side));
    m_text->setText(text);
    m_detail->setText(detail);
    m_detail->hide();
    m_detailButton->setText(tr("Show details"));
    m_detailButton->setVisible(!detail.isEmpty());
    m_retry = std::move(retry);
    m_retryButton->setText(actionText.isEmpty() ? tr("Try again") : actionText);
    m_retryButton->setVisible(bool(m_retry));
    show();
}

void MessageBar::dismiss()
{
    m_retry = {};
    hide();
}

QString MessageBar::text() const
{
    return m_text->text();
}

QString MessageBar::detail() const
{
    return m_detail->text();
}

void MessageBar::toggleDetail()
{
    const bool showing = !m_detail->isVisible();
    m_detail->setVisible(showing);
    m_detailButton->setText(showing ? tr("Hide details") : tr("Show details"));
}

} // namespace Recup
