// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Reference.h"

#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace Recup {

class Database;
class MessageBar;
class ReadChannel;

// « Exporter mes données… » of « Mes annonces » (issue #14): asks where to save, then reads
// and writes the agent's own data on the session's reading thread (PersonalDataExport), and
// says in the window's message bar what became of it; a refused folder is named, and « Try
// again » opens the dialog again.
class MyDataExport : public QObject
{
    Q_OBJECT
public:
    // Test seam: the file chosen for a suggested path (a save dialog unless replaced); empty
    // when the person cancels.
    using PathRunner = std::function<QString(const QString &suggested)>;

    MyDataExport(Database &db, const Agent &agent, MessageBar *bar, QWidget *window);

    QAction *action() const { return m_action; }
    void setPathRunner(PathRunner runner) { m_pathRunner = std::move(runner); }
    bool isExporting() const { return m_exporting; }

public slots:
    void start();

signals:
    // The export was answered and its message shown.
    void finished(bool saved);

private:
    Database &m_db;
    Agent m_agent;
    MessageBar *m_bar;
    QWidget *m_window;
    QAction *m_action;
    ReadChannel *m_reads;
    PathRunner m_pathRunner;
    bool m_exporting = false;
};

} // namespace Recup
