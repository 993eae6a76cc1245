// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>

namespace Recup {

// A unit of work: rolls back when the scope is left without commit(). Units nest: an inner
// Transaction on the same connection joins the outer one, and an inner rollback dooms the
// whole outer unit (so that a demo seed or an import is all-or-nothing).
class Transaction
{
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool isOutermost() const { return m_outermost; }
    bool commit();
    void rollback();

    // True while a unit of work is open on the named connection of the calling thread.
    static bool isOpenOn(const QString &connectionName);

private:
    void leave();

    QSqlDatabase m_db;
    bool m_active = false;
    bool m_outermost = false;
};

} // namespace Recup
