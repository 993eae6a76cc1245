// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/IdleDisconnect.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QEvent>

namespace Recup {

IdleDisconnect::IdleDisconnect(Database &db, int idleMilliseconds, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_idleMs(qMax(1, idleMilliseconds))
{
    m_sinceInput.start();
    // Often enough to close soon after the delay, rarely enough to cost nothing.
    m_check.setInterval(qBound(50, m_idleMs / 10, 30'000));
    connect(&m_check, &QTimer::timeout, this, &IdleDisconnect::check);
}

IdleDisconnect::~IdleDisconnect()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleDisconnect::start()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
    m_sinceInput.restart();
    m_check.start();
}

void IdleDisconnect::noteActivity()
{
    m_sinceInput.restart();
    if (!m_idle)
        return;
    m_idle = false;
    m_db.resume();
    emit resumed();
}

void IdleDisconnect::check()
{
    if (m_idle || m_sinceInput.elapsed() < m_idleMs)
        return;
    m_idle = true;
    m_db.suspend();
    emit suspended();
}

bool IdleDisconnect::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::ShortcutOverride:
        noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Recup
