// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Ad.h"
#include "domain/Pickup.h"
#include "domain/Reference.h"

#include <QDate>
#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QPushButton;

namespace Recup {

class MessageBar;
class TransportFields;

// « Donner la partie… »: the owner gives a held part of a lot to its service (it counts as
// exchanged for its share of the lot's € and kg) and may ask the logistics service to carry it
// there, as when closing an ad as exchanged. A refusal shows under its field and the dialog
// stays open with everything typed.
class GivePartDialog : public QDialog
{
    Q_OBJECT
public:
    // serviceName: the part's service; organisationId: its organisation (whose sites the
    // arrival offers first); from: where the item is (the ad's site and room, the owner).
    GivePartDialog(const Ad &ad,
                   const AdReservation &part,
                   const QString &serviceName,
                   qint64 organisationId,
                   const QList<Site> &sites,
                   const PickupEnd &from,
                   const QDate &today,
                   QWidget *parent = nullptr);

    // Gives the part, with its transport when one is asked; an error keeps the dialog open.
    using Submitter = std::function<Status(const std::optional<PickupRequest> &transport)>;
    void setSubmitter(Submitter submitter) { m_submitter = std::move(submitter); }

    QCheckBox *transportBox() const { return m_askTransport; }
    TransportFields *fields() const { return m_fields; }
    QString messageText() const;

    void accept() override;

private:
    void updateTransport();

    Submitter m_submitter;
    MessageBar *m_messageBar = nullptr;
    QCheckBox *m_askTransport = nullptr;
    TransportFields *m_fields = nullptr;
    QPushButton *m_giveButton = nullptr;
};

} // namespace Recup
