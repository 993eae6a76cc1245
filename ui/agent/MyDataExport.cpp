// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/MyDataExport.h"

#include "actions/PersonalDataExport.h"
#include "common/MessageBar.h"
#include "storage/Database.h"
#include "storage/ReadWorker.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QLocale>
#include <QStandardPaths>

namespace Recup {

MyDataExport::MyDataExport(Database &db, const Agent &agent, MessageBar *bar, QWidget *window)
    : QObject(window)
    , m_db(db)
    , m_agent(agent)
    , m_bar(bar)
    , m_window(window)
    , m_action(new QAction(tr("&Export my data…"), window))
    , m_reads(new ReadChannel(db.reader(), this))
{
    setObjectName(QStringLiteral("myDataExport"));
    m_action->setObjectName(QStringLiteral("exportMyDataAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_action->setToolTip(tr("Save your ads, their history, your requests and your wanted ads in "
                            "one file (%1)")
                                 .arg(m_action->shortcut().toString(QKeySequence::NativeText)));
    m_action->setStatusTip(m_action->toolTip());
    window->addAction(m_action); // the shortcut works wherever the focus is in the window
    connect(m_action, &QAction::triggered, this, &MyDataExport::start);
}

void MyDataExport::start()
{
    if (m_exporting)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested
            = QDir(folder.isEmpty() ? QDir::homePath() : folder)
                      .filePath(tr("my-collectiv-recup-data") + QStringLiteral(".json"));
    const QString path
            = m_pathRunner
                      ? m_pathRunner(suggested)
                      : QFileDialog::getSaveFileName(
                              m_window, tr("Export my data"), suggested, tr("JSON file (*.json)"));
    if (path.isEmpty())
        return;
    m_exporting = true;
    m_action->setEnabled(false);
    m_bar->showMessage(MessageBar::Kind::Information, tr("Saving your data…"));
    Database *db = &m_db;
    const qint64 agentId = m_agent.id;
    m_reads->request<qint64>(
            [db, agentId, path] { return PersonalDataExport::save(*db, agentId, path); },
            [this, path](const Result<qint64> &saved) {
                m_exporting = false;
                m_action->setEnabled(true);
                if (!saved) {
                    const Error &error = saved.error();
                    m_bar->showMessage(
                            MessageBar::Kind::Error,
                            error.message,
                            error.detail,
                            [this] { start(); },
                            tr("Choose another folder…"));
                    emit finished(false);
                    return;
                }
                m_bar->showMessage(MessageBar::Kind::Information,
                                   tr("Your data is saved in %1 (%2).")
                                           .arg(QDir::toNativeSeparators(path),
                                                QLocale().formattedDataSize(*saved)));
                emit finished(true);
            });
}

} // namespace Recup
