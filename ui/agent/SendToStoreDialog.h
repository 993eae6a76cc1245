// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Ad.h"
#include "domain/Pickup.h"
#include "domain/Reference.h"

#include <QDialog>

#include <functional>

class QPushButton;

namespace Recup {

class MessageBar;
class TransportFields;

// « Envoyer au magasin général »: instead of throwing an ad's item away, or once it expired
// without a taker, its owner has it taken to a general store (the arrival offers the stores
// only). Once delivered, the ad stays in the catalogue, held by the store. A refusal shows
// under its field and the dialog stays open with everything typed.
class SendToStoreDialog : public QDialog
{
    Q_OBJECT
public:
    SendToStoreDialog(const Ad &ad,
                      const QList<Site> &sites,
                      const PickupEnd &from,
                      const QDate &today,
                      QWidget *parent = nullptr);

    // Asks for the transport; an error keeps the dialog open.
    using Submitter = std::function<Status(const PickupRequest &request)>;
    void setSubmitter(Submitter submitter) { m_submitter = std::move(submitter); }

    TransportFields *fields() const { return m_fields; }
    QString messageText() const;

    void accept() override;

private:
    Submitter m_submitter;
    MessageBar *m_messageBar = nullptr;
    TransportFields *m_fields = nullptr;
    QPushButton *m_sendButton = nullptr;
};

} // namespace Recup
