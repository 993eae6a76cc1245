// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Ad.h"
#include "domain/Reference.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace Recup {

class FieldErrors;
class MessageBar;

// « Réserver… »: the whole of what is left of a published lot (by default) or part of it (5
// of 12 chairs for the schools) for a service; the rest stays in the catalogue. The services that
// asked for the item come first, then the other active ones; the quantity is bounded by what is
// left. A refusal shows under its field and the dialog stays open with what was chosen.
class ReservePartDialog : public QDialog
{
    Q_OBJECT
public:
    // askedBy: the services that asked for the item, first asked first.
    ReservePartDialog(const Ad &ad,
                      const LotShares &shares,
                      const QList<qint64> &askedBy,
                      const QList<Service> &services,
                      QWidget *parent = nullptr);

    using Submitter = std::function<Status(qint64 serviceId, int quantity)>;
    void setSubmitter(Submitter submitter) { m_submitter = std::move(submitter); }

    QComboBox *serviceBox() const { return m_service; }
    QSpinBox *quantityBox() const { return m_quantity; }
    // « The whole lot », or how many stay in the catalogue after a part.
    QString scopeText() const;
    // Picks the service by id; false when it is not offered.
    bool selectService(qint64 serviceId);
    QString errorText(const QString &field) const;
    QString messageText() const;

    void accept() override;

private:
    Submitter m_submitter;
    MessageBar *m_messageBar = nullptr;
    FieldErrors *m_errors = nullptr;
    QComboBox *m_service = nullptr;
    QSpinBox *m_quantity = nullptr;
    QLabel *m_scope = nullptr;
    QPushButton *m_reserveButton = nullptr;
};

} // namespace Recup
