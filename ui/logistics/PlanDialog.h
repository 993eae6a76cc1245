// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Pickup.h"

#include <QDialog>

class QDateEdit;
class QLineEdit;
class QSpinBox;

namespace Recup {

// What logistics staff choose when planning a transport.
struct PlanChoice
{
    QDate day;
    QString team;
    int stopOrder = 1;
};

// « Planifier… »: the day (the due day, or today when that is past), the team or vehicle, the
// stop's order in the team's round. The repository checks the values; this only offers them.
class PlanDialog : public QDialog
{
    Q_OBJECT
public:
    PlanDialog(const Pickup &pickup, const QDate &today, QWidget *parent = nullptr);

    PlanChoice choice() const;

private:
    QDateEdit *m_day = nullptr;
    QLineEdit *m_team = nullptr;
    QSpinBox *m_stop = nullptr;
};

} // namespace Recup
