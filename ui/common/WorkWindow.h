// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMainWindow>

#include <functional>

class QAbstractItemView;
class QMenu;
class QTimer;
class QVBoxLayout;

namespace Recup {

class AdEditorDialog;
class Database;
class MessageBar;
class NoticeListener;
class ReadChannel;
class WindowHeader;

// The skeleton every work window shares (« Mes annonces », the moderation queue, the mails not
// sent): the header band with its count, who is signed in, Refresh and "updated at"; the
// message bar; the automatic refresh; the list read on the session's reading thread with
// "Loading…" while it waits; and the model reset that keeps the selection and the scroll
// position. A window builds its content into body() and implements startRefresh().
class WorkWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int AutoRefreshMs = 60'000;
    // Models of work windows answer this role with the row's id (an ad, a mail).
    static constexpr int RowIdRole = Qt::UserRole;

    // Test seam, in the spirit of KeePassXC's "next answer": how an editor dialog is run
    // (exec() unless replaced).
    using EditorRunner = std::function<int(AdEditorDialog &editor)>;

    MessageBar *messageBar() const { return m_messageBar; }
    WindowHeader *header() const { return m_header; }
    void setAutoRefreshInterval(int milliseconds);
    // True while the list is being read.
    bool isLoading() const;
    // Listening on the server for other people's changes (refreshOnNotice()); tests wait for it
    // before they write.
    bool isListening() const;
    // How many readings of the list were started (refresh()), whatever asked for them: what
    // the window costs the server.
    int readingsStarted() const { return m_readings; }

    // resetKeepingView() for a pane embedded in a work window (a tab's list): `restoring` is
    // true while it runs.
    static void
    resetKeepingView(QAbstractItemView *view, bool &restoring, const std::function<void()> &reset);

public slots:
    // Reads the list again (on the reading thread); the window stays usable meanwhile.
    void refresh();

signals:
    // A reading of the list was applied (or failed and said so).
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;

    struct HeaderText
    {
        QString title;
        QString tagline;
        QString countName;      // the badge's object name
        QString signedIn;       // "Marie Dupont — moderator"
        QString refreshToolTip; // what Refresh reads
    };
    WorkWindow(Database &db, const HeaderText &text, QWidget *parent = nullptr);

    // Where the window's content goes, below the message bar.
    QVBoxLayout *body() const { return m_body; }
    Database &database() const { return m_db; }
    ReadChannel *listReads() const { return m_listReads; }

    // The window's menu: its own actions first (added by the caller), then Refresh (F5) and
    // Close (Ctrl+W), as every work window has them.
    QMenu *
    addWindowMenu(const QString &title, const QString &refreshText, const QString &closeText);

    // Queue the reading of the list on listReads(); call finishRefresh() once it is applied.
    virtual void startRefresh() = 0;
    void finishRefresh(bool succeeded);
    // Refresh pressed: a refresh that also clears the message and reloads what it must.
    virtual void refreshRequested();

    // Resets a view's model, then puts back the current row, the selection and the scroll
    // position by row id (RowIdRole). While it runs, restoringView() is true: the window's
    // "current row changed" handler ignores what is not the user's click.
    void resetKeepingView(QAbstractItemView *view, const std::function<void()> &reset)
    {
        resetKeepingView(view, m_restoring, reset);
    }
    bool restoringView() const { return m_restoring; }

    // No automatic refresh while a dialog asks the user something about the row on screen.
    void pauseAutoRefresh();
    void resumeAutoRefresh();

    // Reads the list again when the server announces a change on `channel` (other people's
    // work, seen within a second or two, and at most once a second however many notices come:
    // NoticeListener::MinIntervalMs); where the backend has no channel (SQLite), polls every
    // pollMs instead. A notice that comes while paused or hidden is read on resume or show.
    void refreshOnNotice(const QString &channel, int pollMs);

private:
    Database &m_db;
    WindowHeader *m_header = nullptr;
    MessageBar *m_messageBar = nullptr;
    QVBoxLayout *m_body = nullptr;
    ReadChannel *m_listReads = nullptr;
    QTimer *m_autoRefresh = nullptr;
    NoticeListener *m_notices = nullptr;
    bool m_paused = false;
    bool m_noticeMissed = false;
    bool m_restoring = false;
    int m_readings = 0;
};

} // namespace Recup
