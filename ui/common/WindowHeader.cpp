// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/WindowHeader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Recup {

QString WindowHeader::badgeStyle()
{
    return QStringLiteral("background: #e8f1fb; color: #0b4a8b; border: 1px solid #9dc3ec;"
                          " border-radius: 10px; padding: 3px 12px; font-weight: bold;");
}

WindowHeader::WindowHeader(const QString &title,
                           const QString &tagline,
                           const QString &countName,
                           QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("windowHeader"));
    setStyleSheet(QStringLiteral("QFrame#windowHeader { background: #ffffff;"
                                 " border-bottom: 1px solid #d8dee4; }"));
    m_row = new QHBoxLayout(this);
    m_row->setContentsMargins(16, 10, 16, 10);
    m_row->setSpacing(14);

    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    auto *name = new QLabel(title, this);
    name->setObjectName(QStringLiteral("windowTitle"));
    QFont nameFont = name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    name->setFont(nameFont);
    name->setStyleSheet(QStringLiteral("color: #1d6b45;"));
    auto *line = new QLabel(tagline, this);
    line->setStyleSheet(QStringLiteral("color: #4b5563;"));
    line->setWordWrap(true);
    titles->addWidget(name);
    titles->addWidget(line);
    m_row->addLayout(titles, 1);

    m_count = new QLabel(this);
    m_count->setObjectName(countName);
    m_count->setStyleSheet(badgeStyle());
    m_row->addWidget(m_count, 0, Qt::AlignVCenter);
}

} // namespace Recup
