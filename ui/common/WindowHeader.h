// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;

namespace Recup {

// The white band across the top of a work window (moderation, my ads, mails not sent): its
// name in green, one sentence on what it is for, a count badge, then what the window adds
// to row() (a filter, who is acting, Refresh).
class WindowHeader : public QFrame
{
    Q_OBJECT
public:
    // The count badge is named `countName`, for tests and accessibility.
    WindowHeader(const QString &title,
                 const QString &tagline,
                 const QString &countName,
                 QWidget *parent = nullptr);

    QLabel *countLabel() const { return m_count; }
    QHBoxLayout *row() const { return m_row; }

    // The badge's look: blue for information, the window may set others.
    static QString badgeStyle();

private:
    QHBoxLayout *m_row = nullptr;
    QLabel *m_count = nullptr;
};

} // namespace Recup
