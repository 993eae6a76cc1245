// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Reference.h"

#include <QList>
#include <QMainWindow>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTimer;

namespace Recup {

class Database;
class FailedMailsModel;
class MessageBar;

// The moderators' window of the mails the server refused for good ("permanent failures"): the
// list, newest first, the selected mail's full error and text, and "Send again", which queues
// the selected mails again, due now. What the database hides (other people's mails, for an
// agent's login) is hidden by the database itself; this window is only offered to moderators.
class FailedMailsWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int AutoRefreshMs = 60'000;
    // The detail shows at most this much of a mail's text.
    static constexpr int BodyPreviewChars = 20'000;

    FailedMailsWindow(Database &db, const Agent &moderator, QWidget *parent = nullptr);
    ~FailedMailsWindow() override;

    FailedMailsModel *model() const { return m_model; }
    MessageBar *messageBar() const { return m_messageBar; }
    // The failures last read (-1 until a read succeeded).
    int failureCount() const { return m_count; }
    // Selects these mails in the list (those still there); true when all were found.
    bool selectMails(const QList<qint64> &ids);
    QList<qint64> selectedMailIds() const;
    void setAutoRefreshInterval(int milliseconds);

public slots:
    // Reads the failures again, keeping the selection of the mails still there.
    void refresh();
    // Queues the selected mails again (OutboxRepository::retry), then asks for a send.
    void sendAgain();

signals:
    // Mails were queued again: the application's dispatcher may send them now.
    void retryRequested();
    // The number of failures read, after each successful read.
    void failureCountChanged(int count);

private:
    QWidget *createHeader(const Agent &moderator);
    QWidget *createDetail();
    void configureView();
    void showCurrent();
    void updateState();

    Database &m_db;
    int m_count = -1;
    bool m_loadFailed = false;

    FailedMailsModel *m_model = nullptr;
    MessageBar *m_messageBar = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_updatedLabel = nullptr;
    QLabel *m_status = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_emptyState = nullptr;
    QWidget *m_detailPane = nullptr;
    QLabel *m_detailSubject = nullptr;
    QLabel *m_detailRecipients = nullptr;
    QLabel *m_detailFacts = nullptr;
    QPlainTextEdit *m_detailError = nullptr;
    QPlainTextEdit *m_detailBody = nullptr;
    QPushButton *m_sendAgainButton = nullptr;
    QAction *m_sendAgainAction = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QTimer *m_autoRefresh = nullptr;
};

} // namespace Recup
