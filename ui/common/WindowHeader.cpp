// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/WindowHeader.h"

#include "common/AccessibleLabels.h"
#include "common/Look.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTime>
#include <QVBoxLayout>

namespace Recup {

WindowHeader::WindowHeader(const QString &title,
                           const QString &tagline,
                           const QString &countName,
                           QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("windowHeader"));
    m_row = new QHBoxLayout(this);
    m_row->setContentsMargins(16, 10, 16, 10);
    m_row->setSpacing(14);

    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    m_name = new QLabel(title, this);
    m_name->setObjectName(QStringLiteral("windowTitle"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_tagline = new QLabel(tagline, this);
    m_tagline->setWordWrap(true);
    titles->addWidget(m_name);
    titles->addWidget(m_tagline);
    m_row->addLayout(titles, 1);

    m_count = new QLabel(this);
    m_count->setObjectName(countName);
    m_row->addWidget(m_count, 0, Qt::AlignVCenter);
    applyPalette();
    qApp->installEventFilter(this);
}

void WindowHeader::applyPalette()
{
    const QPalette colours = QApplication::palette(this);
    // Style sheets set below change the palette in turn: stop once nothing would change.
    const QString key = colours.color(QPalette::Base).name() + colours.color(QPalette::Text).name()
                        + colours.color(QPalette::Window).name()
                        + colours.color(QPalette::WindowText).name() + (m_updated ? u'+' : u'-');
    if (key == m_appliedPalette)
        return;
    m_appliedPalette = key;
    setStyleSheet(Look::headerBandStyle(colours, QStringLiteral("QFrame#") + objectName()));
    m_name->setStyleSheet(QStringLiteral("color: %1;").arg(Look::accent(colours).name()));
    m_tagline->setStyleSheet(Look::secondaryStyle(colours));
    if (m_updated)
        m_updated->setStyleSheet(Look::secondaryStyle(colours)
                                 + QStringLiteral(" font-size: 8pt;"));
    if (m_count->styleSheet().isEmpty() || m_count->property("defaultBadge").toBool()) {
        m_count->setStyleSheet(Look::badgeStyle(colours, Look::Tone::Information));
        m_count->setProperty("defaultBadge", true);
    }
}

bool WindowHeader::eventFilter(QObject *watched, QEvent *event)
{
    // The application announces a new palette to itself; widgets with style sheets keep
    // theirs, so the header listens there.
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    return QFrame::eventFilter(watched, event);
}

void WindowHeader::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    // A theme switched while the window is open (high contrast on or off). Style sheets set
    // here change the palette too: only the application's own change is followed.
    if ((event->type() == QEvent::ApplicationPaletteChange
         || event->type() == QEvent::PaletteChange)
        && m_name)
        applyPalette();
}

void WindowHeader::addSignedIn(const QString &text)
{
    if (!m_who) {
        m_who = new QLabel(this);
        m_who->setObjectName(QStringLiteral("signedInName"));
        m_who->setTextFormat(Qt::PlainText); // a name is never markup
        m_row->addWidget(m_who, 0, Qt::AlignVCenter);
    }
    m_who->setText(text);
}

QPushButton *WindowHeader::addRefresh(const QString &toolTip)
{
    auto *box = new QVBoxLayout;
    box->setSpacing(0);
    m_refresh = new QPushButton(tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setToolTip(toolTip);
    showShortcut(m_refresh, QKeySequence::Refresh); // the windows' « Actualiser » menu item
    m_updated = new QLabel(this);
    m_updated->setObjectName(QStringLiteral("updatedAt"));
    m_updated->setAlignment(Qt::AlignHCenter);
    box->addWidget(m_refresh);
    box->addWidget(m_updated);
    m_row->addLayout(box);
    applyPalette();
    return m_refresh;
}

void WindowHeader::setLoading(bool loading)
{
    if (!m_updated)
        return;
    m_updated->setText(loading ? tr("Loading…") : m_updatedAt);
    setCursor(loading ? Qt::BusyCursor : Qt::ArrowCursor);
}

void WindowHeader::setUpdatedNow()
{
    m_updatedAt = tr("Updated at %1")
                          .arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat));
    if (m_updated)
        m_updated->setText(m_updatedAt);
}

QString WindowHeader::updatedText() const
{
    return m_updated ? m_updated->text() : QString();
}

} // namespace Recup
