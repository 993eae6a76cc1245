// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Ad.h"
#include "domain/Pickup.h"
#include "domain/Reference.h"
#include "storage/ContactRequestRepository.h"

#include <QDialog>
#include <QHash>

#include <functional>
#include <optional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QVBoxLayout;

namespace Recup {

class MessageBar;
class TransportFields;

// What the owner says on closing an ad.
struct CloseChoice
{
    std::optional<CloseReason> reason;      // none until the owner picks one
    qint64 receivingServiceId = 0;          // when exchanged
    QString note;                           // optional, at most AdRules::ReasonMax characters
    std::optional<PickupRequest> transport; // when exchanged with « Ask for a transport »
};

// Closing one's own ad: what became of the item (given to a service, thrown away, no longer
// available), for "given" the receiving service (the services that asked first), and a note.
// A refusal is shown next to its field and the dialog stays open with everything typed; so it
// does when the close itself fails (someone changed the ad in between): the window reloads the
// ad and the owner can close again.
class CloseAdDialog : public QDialog
{
    Q_OBJECT
public:
    // requests: the ad's contact requests, whose services are offered first.
    CloseAdDialog(const Ad &ad,
                  const QList<ContactRequest> &requests,
                  const QList<Service> &services,
                  QWidget *parent = nullptr);

    // Does the close; an error keeps the dialog open (fields next to theirs, the rest on top).
    using Submitter = std::function<Status(const CloseChoice &choice)>;
    void setSubmitter(Submitter submitter) { m_submitter = std::move(submitter); }

    // Offers « Ask for a transport » when the item was given: `from` (the ad's site and room,
    // the owner as contact) prefilled, the receiving service's sites first at the arrival.
    // Without it, the dialog asks for no transport.
    void offerTransport(const QList<Site> &sites, const PickupEnd &from, const QDate &today);
    // Null until offered.
    TransportFields *transportFields() const { return m_transport; }
    void setTransportAsked(bool asked);
    bool isTransportAsked() const;

    CloseChoice choice() const;
    void setReason(CloseReason reason);
    void setReceivingService(qint64 serviceId);
    void setNote(const QString &note);

    // The services in the order offered: those that asked, then the others.
    QList<qint64> offeredServiceIds() const;
    int requestingServiceCount() const { return m_requestingCount; }

    // The refusal next to a field ("closeReason", "receivingService", "reason", and the
    // transport's "fromSite", "toSite", "wishedDate", "notes"), or "".
    QString fieldError(const QString &field) const;
    // The message on top of the dialog (a failed close), or "".
    QString messageText() const;
    // Shows a failed close on top; when the ad can no longer be closed, the close button is
    // disabled and what was typed stays to be copied.
    void showFailure(const QString &message, bool canRetry);

    void accept() override;

private:
    void onReasonChanged();
    void updateCounter();
    void updateTransport();
    void clearErrors();
    void showFieldErrors(const QList<std::pair<QString, QString>> &errors);

    Submitter m_submitter;
    int m_requestingCount = 0;

    MessageBar *m_messageBar = nullptr;
    QButtonGroup *m_reasons = nullptr;
    QComboBox *m_service = nullptr;
    QLabel *m_serviceHint = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QLabel *m_counter = nullptr;
    QCheckBox *m_askTransport = nullptr;
    TransportFields *m_transport = nullptr;
    QVBoxLayout *m_transportSlot = nullptr; // under the receiving service
    QHash<qint64, qint64> m_organisationOf; // service → its organisation
    QPushButton *m_closeButton = nullptr;
    QHash<QString, QLabel *> m_errors;
};

} // namespace Recup
