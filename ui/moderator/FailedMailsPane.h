// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

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
class ReadChannel;

// The mails the server refused for good ("permanent failures"), for the moderation window's
// « Courriels non envoyés » tab: the list, newest first, the selected mail's full error and
// text, and "Send again", which queues the selected mails again, due now. The list is read on
// the session's reading thread at once, then every minute and on refresh(); messages go to
// the pane's own MessageBar, at its top. What the database hides (other people's mails, for
// an agent's login) is hidden by the database itself.
class FailedMailsPane : public QWidget
{
    Q_OBJECT
public:
    // The detail shows at most this much of a mail's text.
    static constexpr int BodyPreviewChars = 20'000;
    static constexpr int AutoRefreshMs = 60'000;

    explicit FailedMailsPane(Database &db, QWidget *parent = nullptr);
    ~FailedMailsPane() override;

    FailedMailsModel *model() const { return m_model; }
    MessageBar *messageBar() const { return m_messageBar; }
    // The failures last read (-1 until a read succeeded).
    int failureCount() const { return m_count; }
    // True from a read until its answer.
    bool isLoading() const;
    // Selects these mails in the list (those still there); true when all were found.
    bool selectMails(const QList<qint64> &ids);
    QList<qint64> selectedMailIds() const;

public slots:
    // Reads the failures again (on the reading thread), keeping the selection.
    void refresh();
    // Queues the selected mails again (OutboxRepository::retry), then asks for a send.
    void sendAgain();

signals:
    // Mails were queued again: the application's dispatcher may send them now.
    void retryRequested();
    // The number of failures read, when it changed (after a successful read).
    void failureCountChanged(int count);
    // A reading was applied (or failed and said so).
    void refreshed();

private:
    QWidget *createDetail();
    void configureView();
    void showCurrent();
    void updateState();

    Database &m_db;
    ReadChannel *m_reads = nullptr;
    QTimer *m_autoRefresh = nullptr;
    int m_count = -1;
    bool m_loadFailed = false;
    bool m_restoring = false;

    MessageBar *m_messageBar = nullptr;
    FailedMailsModel *m_model = nullptr;
    QLabel *m_status = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_emptyState = nullptr;
    QWidget *m_detailPane = nullptr;
    QLabel *m_detailSubject = nullptr;
    QLabel *m_detailRecipients = nullptr;
    QLabel *m_detailFacts = nullptr;
    QPlainTextEdit *m_detailError = nullptr;
    QLabel *m_detailErrorTitle = nullptr;
    QPlainTextEdit *m_detailBody = nullptr;
    QPushButton *m_sendAgainButton = nullptr;
};

} // namespace Recup
