// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Transaction.h"

#include <QHash>
#include <QSqlQuery>

namespace Recup {

namespace {

// Per thread, as connections are: how deep each connection's unit is, and whether an inner
// unit failed.
struct Depth
{
    int depth = 0;
    bool doomed = false;
};
thread_local QHash<QString, Depth> t_depths;

} // namespace

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    Depth &d = t_depths[m_db.connectionName()];
    if (d.depth == 0) {
        m_active = m_db.transaction();
        m_outermost = true;
        d.doomed = false;
    } else {
        m_active = !d.doomed;
    }
    if (m_active)
        ++d.depth;
}

bool Transaction::isOpenOn(const QString &connectionName)
{
    return t_depths.value(connectionName).depth > 0;
}

Transaction::~Transaction()
{
    rollback();
}

void Transaction::leave()
{
    Depth &d = t_depths[m_db.connectionName()];
    --d.depth;
    if (d.depth == 0)
        t_depths.remove(m_db.connectionName());
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    m_active = false;
    if (!m_outermost) {
        leave();
        return true;
    }
    const bool doomed = t_depths.value(m_db.connectionName()).doomed;
    leave();
    if (doomed) {
        m_db.rollback();
        return false;
    }
    if (m_db.commit())
        return true;
    // A failed COMMIT may have ended the transaction already (SQLite does on a full disk), and
    // a failed rollback would replace the driver's last error, which says why the commit
    // failed: the rollback goes through a query of its own.
    QSqlQuery rollback(m_db);
    rollback.exec(QStringLiteral("ROLLBACK"));
    return false;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    if (!m_outermost) {
        t_depths[m_db.connectionName()].doomed = true;
        leave();
        return;
    }
    leave();
    m_db.rollback();
}

} // namespace Recup
