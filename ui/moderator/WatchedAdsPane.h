// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Reference.h"
#include "moderator/ReasonDialog.h"
#include "storage/AdRepository.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>

class QLineEdit;
class QPushButton;
class QShowEvent;
class QTabWidget;
class QTableView;
class QTimer;

namespace Recup {

class Database;
class MailCenter;
class MessageBar;
class ReadChannel;
class WatchedAdsModel;
struct WatchedAd;

// The moderators' views beside the queue, for the moderation window to embed: « Publiées »
// (every published ad, newest first, filtered by the database; remove one with a reason) and
// « Réservées depuis plus de 30 jours » (reservations that last, the oldest first, with the
// poster's contact; remove one too). Lists are read on the session's reading thread; a
// removal, one short transaction started by a button, runs on the GUI thread through
// AdWorkflow as the queue's decisions do, with the version on screen. Messages go to the
// pane's own MessageBar, at its top.
class WatchedAdsPane : public QWidget
{
    Q_OBJECT
public:
    enum class Page { Published, Reserved };
    static constexpr int ReservationDays = 30;

    // moderator: the agent this session acts as (PostgreSQL: the login's agent). The lists
    // are read at once.
    WatchedAdsPane(Database &db, const Agent &moderator, QWidget *parent = nullptr);
    ~WatchedAdsPane() override;

    // Test seam: the reason prompt (a ReasonDialog unless replaced; nothing means cancelled).
    using ReasonPrompt
            = std::function<std::optional<QString>(const ReasonRequest &request, QWidget *parent)>;
    void setReasonPrompt(ReasonPrompt prompt) { m_reasonPrompt = std::move(prompt); }
    // Test seam: which held part to release, among `choices` (one line each, in order);
    // nothing means cancelled. A list to pick from unless replaced; asked only when there are
    // several.
    using PartPrompt
            = std::function<std::optional<int>(const QStringList &choices, QWidget *parent)>;
    void setPartPrompt(PartPrompt prompt) { m_partPrompt = std::move(prompt); }
    // Where the mails of a removal are sent from (without one they wait in the outbox). Today
    // AdWorkflow writes no mail for a removal, so nothing is sent yet.
    void setMailCenter(MailCenter *mail);

    WatchedAdsModel *publishedModel() const { return m_publishedModel; }
    WatchedAdsModel *reservedModel() const { return m_reservedModel; }
    MessageBar *messageBar() const { return m_messageBar; }
    // True from a read until its answer.
    bool isLoading() const;
    // True while a lot's parts are read for « Libérer une partie… ».
    bool isReadingParts() const;
    void showPage(Page page);
    Page currentPage() const;
    // Selects the ad on the page shown when it is listed there.
    bool selectAd(qint64 adId);
    // The published ads' filter (as typed in the box); the list is read again.
    void setFilter(const QString &text);

public slots:
    // Reads both lists and their counts again (on the reading thread).
    void refresh();
    // Asks a reason and removes the selected ad of the page shown.
    void removeSelected();
    // « Libérer une partie… »: reads the selected published lot's held parts, asks which one
    // and why, and releases it (back in the catalogue; the reason goes to the ad's history).
    void releasePartOfSelected();

signals:
    // The counts, for the host's tab titles: all published ads, the reservations older than
    // ReservationDays days (the lists stop at ModerationViews::DefaultLimit rows).
    void countsChanged(int published, int oldReservations);
    // The lists are read and on screen (or their error is in the message bar).
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createPage(Page page);
    QTableView *viewOf(Page page) const;
    WatchedAdsModel *modelOf(Page page) const;
    std::optional<WatchedAd> selectedAd() const;
    void updateActions();
    void remove(const WatchedAd &ad, const QString &reason);
    void releasePart(const WatchedAd &ad, const QList<AdReservation> &held);

    Database &m_db;
    Actor m_actor;
    ReasonPrompt m_reasonPrompt;
    PartPrompt m_partPrompt;
    QPointer<MailCenter> m_mail;
    ReadChannel *m_reads = nullptr;
    ReadChannel *m_partReads = nullptr;
    QString m_filter;

    MessageBar *m_messageBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTimer *m_filterTimer = nullptr;
    WatchedAdsModel *m_publishedModel = nullptr;
    WatchedAdsModel *m_reservedModel = nullptr;
    QTableView *m_publishedView = nullptr;
    QTableView *m_reservedView = nullptr;
    QPushButton *m_removePublishedButton = nullptr;
    QPushButton *m_removeReservedButton = nullptr;
    QPushButton *m_releasePartButton = nullptr;
};

} // namespace Recup
