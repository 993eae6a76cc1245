// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/AgentsModel.h"

#include "storage/ReferenceCache.h"

#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace Recup {

namespace {

// "Hélène" finds "helene": what people type in a filter box rarely carries its accents.
QString folded(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c.toCaseFolded());
    }
    return out;
}

} // namespace

AgentsModel::AgentsModel(const ReferenceCache &references, QObject *parent)
    : QAbstractTableModel(parent)
    , m_references(references)
{}

int AgentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int AgentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AgentsModel::rolesText(Roles roles)
{
    QStringList words;
    if (roles.testFlag(Role::Moderator))
        words.append(tr("moderator"));
    if (roles.testFlag(Role::Logistics))
        words.append(tr("logistics"));
    if (roles.testFlag(Role::Admin))
        words.append(tr("administrator"));
    if (words.isEmpty())
        return tr("Agent");
    QString text = words.join(QStringLiteral(", "));
    text[0] = text.at(0).toUpper();
    return text;
}

QString AgentsModel::activeText(bool active)
{
    return active ? tr("Active") : tr("Deactivated");
}

QString AgentsModel::serviceName(qint64 serviceId) const
{
    return m_references.serviceName(serviceId, tr("Unknown service"));
}

QVariant AgentsModel::data(const QModelIndex &index, int role) const
{
    const Row *entry = row(index.row());
    if (!entry || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const Agent &agent = entry->agent;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return agent.displayName;
        case LoginColumn:
            return agent.login;
        case EmailColumn:
            return agent.email;
        case ServiceColumn:
            return serviceName(agent.serviceId);
        case RolesColumn:
            return rolesText(agent.roles);
        case OpenAdsColumn:
            return QLocale().toString(entry->openAds);
        case ActiveColumn:
            return activeText(agent.active);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == OpenAdsColumn && entry->openAds != entry->movableAds)
            return tr("%n on the way to the general store: they stay with this agent until "
                      "delivered.",
                      "",
                      entry->openAds - entry->movableAds);
        if (index.column() == ActiveColumn && !agent.active)
            return tr("This agent no longer acts in Collectiv'Récup; their ads and history stay.");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == OpenAdsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        // Inactive agents read as such, and the column says it in words.
        if (!agent.active)
            return QVariant::fromValue(QPalette().brush(QPalette::Disabled, QPalette::Text));
        return {};
    case AgentIdRole:
        return agent.id;
    case ActiveRole:
        return agent.active;
    case MovableAdsRole:
        return entry->movableAds;
    default:
        return {};
    }
}

QVariant AgentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case LoginColumn:
        return tr("Login");
    case EmailColumn:
        return tr("Email");
    case ServiceColumn:
        return tr("Service");
    case RolesColumn:
        return tr("Roles");
    case OpenAdsColumn:
        return tr("Open ads");
    case ActiveColumn:
        return tr("State");
    case ColumnCount:
        break;
    }
    return {};
}

void AgentsModel::setRows(const QList<Row> &rows)
{
    beginResetModel();
    m_all = rows;
    applyFilter();
    endResetModel();
}

void AgentsModel::setFilter(const QString &text, bool showInactive)
{
    const QString wanted = folded(text.trimmed());
    if (wanted == m_filter && showInactive == m_showInactive)
        return;
    beginResetModel();
    m_filter = wanted;
    m_showInactive = showInactive;
    applyFilter();
    endResetModel();
}

void AgentsModel::referencesChanged()
{
    // A renamed service may now match the filter, or no longer.
    beginResetModel();
    applyFilter();
    endResetModel();
}

bool AgentsModel::matches(const Row &entry) const
{
    if (!m_showInactive && !entry.agent.active)
        return false;
    if (m_filter.isEmpty())
        return true;
    return folded(entry.agent.displayName).contains(m_filter)
           || folded(entry.agent.login).contains(m_filter)
           || folded(serviceName(entry.agent.serviceId)).contains(m_filter);
}

void AgentsModel::applyFilter()
{
    m_shown.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        if (matches(m_all.at(i)))
            m_shown.append(i);
    }
}

const AgentsModel::Row *AgentsModel::row(int row) const
{
    if (row < 0 || row >= m_shown.size())
        return nullptr;
    return &m_all.at(m_shown.at(row));
}

int AgentsModel::rowOfAgent(qint64 agentId) const
{
    for (int i = 0; i < m_shown.size(); ++i) {
        if (m_all.at(m_shown.at(i)).agent.id == agentId)
            return i;
    }
    return -1;
}

int AgentsModel::inactiveCount() const
{
    return int(std::count_if(
            m_all.cbegin(), m_all.cend(), [](const Row &r) { return !r.agent.active; }));
}

} // namespace Recup
