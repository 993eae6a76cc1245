// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Reference.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace Recup {

class ReferenceCache;

// The agents as moderators and administrators keep them: name, login, email, service (its name
// from the session's reference cache), roles and active state in words, and how many open ads
// each has. Filtered here, on what is on screen: a word of the name, login or service, and
// whether inactive agents show.
class AgentsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        LoginColumn,
        EmailColumn,
        ServiceColumn,
        RolesColumn,
        OpenAdsColumn,
        ActiveColumn,
        ColumnCount
    };
    enum DataRole { AgentIdRole = Qt::UserRole, ActiveRole, MovableAdsRole };

    // An agent and their open ads: all of them, and those a hand-over moves (not on their way
    // to the store).
    struct Row
    {
        Agent agent;
        int openAds = 0;
        int movableAds = 0;
        bool anonymised = false; // agent.anonymised_at (issue #14)
    };

    explicit AgentsModel(const ReferenceCache &references, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces every agent (the order given: by name); the filter stays.
    void setRows(const QList<Row> &rows);
    // Shows the agents whose name, login or service contains `text` (case and accents aside),
    // and the inactive ones only when asked.
    void setFilter(const QString &text, bool showInactive);
    // The service names changed (the reference cache was read again).
    void referencesChanged();

    const Row *row(int row) const;
    int rowOfAgent(qint64 agentId) const;
    // Every agent read, shown or not.
    const QList<Row> &allRows() const { return m_all; }
    int shownCount() const { return int(m_shown.size()); }
    int inactiveCount() const;

    // "Moderator, administrator"; "Agent" when no other role.
    static QString rolesText(Roles roles);
    static QString activeText(bool active);
    QString serviceName(qint64 serviceId) const;

private:
    bool matches(const Row &row) const;
    void applyFilter();

    const ReferenceCache &m_references;
    QList<Row> m_all;
    QList<int> m_shown; // indexes into m_all
    QString m_filter;
    bool m_showInactive = false;
};

} // namespace Recup
