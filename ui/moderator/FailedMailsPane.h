// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/WorkWindow.h"
#include "domain/Reference.h"

#include <QList>

class QAction;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Recup {

class Database;
class FailedMailsModel;

// The moderators' window of the mails the server refused for good ("permanent failures"): the
// list, newest first, the selected mail's full error and text, and "Send again", which queues
// the selected mails again, due now. What the database hides (other people's mails, for an
// agent's login) is hidden by the database itself; this window is only offered to moderators.
class FailedMailsWindow : public WorkWindow
{
    Q_OBJECT
public:
    // The detail shows at most this much of a mail's text.
    static constexpr int BodyPreviewChars = 20'000;

    FailedMailsWindow(Database &db, const Agent &moderator, QWidget *parent = nullptr);
    ~FailedMailsWindow() override;

    FailedMailsModel *model() const { return m_model; }
    // The failures last read (-1 until a read succeeded).
    int failureCount() const { return m_count; }
    // Selects these mails in the list (those still there); true when all were found.
    bool selectMails(const QList<qint64> &ids);
    QList<qint64> selectedMailIds() const;

public slots:
    // Queues the selected mails again (OutboxRepository::retry), then asks for a send.
    void sendAgain();

signals:
    // Mails were queued again: the application's dispatcher may send them now.
    void retryRequested();
    // The number of failures read, after each successful read.
    void failureCountChanged(int count);

protected:
    // Reads the failures again (on the reading thread), keeping the selection.
    void startRefresh() override;

private:
    QWidget *createDetail();
    void createMenu();
    void configureView();
    void showCurrent();
    void updateState();

    int m_count = -1;
    bool m_loadFailed = false;

    FailedMailsModel *m_model = nullptr;
    QLabel *m_countLabel = nullptr;
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
    QAction *m_sendAgainAction = nullptr;
};

} // namespace Recup
