// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Pickup.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace Recup {

class Database;
class MessageBar;
class ReadChannel;
class TransportFields;

// A moderator asks for the transport of an item already given: they pick one of the ads
// closed as exchanged with no transport under way (read on the session's reading thread),
// whose site and room fill the departure and whose receiving service's sites come first at
// the arrival, then say the rest as the owner would on closing. A refusal keeps the dialog
// open with everything typed, shown under its field.
class RequestTransportDialog : public QDialog
{
    Q_OBJECT
public:
    RequestTransportDialog(Database &db, const QDate &today, QWidget *parent = nullptr);
    ~RequestTransportDialog() override;

    // Asks for the transport; an error keeps the dialog open.
    using Submitter = std::function<Result<Pickup>(qint64 adId, const PickupRequest &request)>;
    void setSubmitter(Submitter submitter) { m_submitter = std::move(submitter); }

    // True until the list of ads is read.
    bool isLoading() const;
    QList<qint64> offeredAdIds() const;
    // Selects an ad of the list (and fills the departure from it); false when not listed.
    bool selectAd(qint64 adId);
    qint64 selectedAdId() const;
    TransportFields *transportFields() const { return m_fields; }

    // The refusal under a field ("ad", "fromSite", "toSite", "wishedDate", "notes"), or "".
    QString fieldError(const QString &field) const;
    // The message on top of the dialog (a failed reading or request), or "".
    QString messageText() const;

    void accept() override;

signals:
    void loaded();

private:
    QWidget *buildAdList();
    QWidget *buildButtons();
    void load();
    void showAds(const QList<ExchangedAd> &ads);
    // The reference cache read again: names, organisations and sites.
    void followReferences();
    void onAdChosen();
    void showFieldErrors(const QList<std::pair<QString, QString>> &errors);

    Database &m_db;
    Submitter m_submitter;
    ReadChannel *m_reads = nullptr;
    QHash<qint64, ExchangedAd> m_ads;
    QHash<qint64, qint64> m_organisationOf; // service → its organisation

    MessageBar *m_messageBar = nullptr;
    QStackedWidget *m_listPages = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_listState = nullptr;
    QLabel *m_adError = nullptr;
    TransportFields *m_fields = nullptr;
    QPushButton *m_requestButton = nullptr;
};

} // namespace Recup
