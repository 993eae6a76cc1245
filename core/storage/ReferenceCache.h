// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/Reference.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QTimer>

#include <atomic>
#include <optional>

namespace Recup {

class Database;
class ReadChannel;

// The organisations, services, sites and categories, read once per session on the reading
// thread and shared by every window (Database::references()), instead of one id→name map per
// window. Read again when reference data changes: PostgreSQL notifies it (a trigger on each
// table, channel SqlDialect::referenceChangeChannel()); SQLite has no notifications, so a timer
// reads it again. A read that fails is said through failed() and lastError(), never dropped:
// windows keep the tables they had.
class ReferenceCache : public QObject
{
    Q_OBJECT
public:
    static constexpr int PollIntervalMs = 60'000;

    explicit ReferenceCache(Database &db, QObject *parent = nullptr);
    ~ReferenceCache() override;

    // Starts the first read unless done or under way; changed() follows.
    void ensureLoaded();
    // Reads every table again (after a reconnection, or when told they changed). A reload asked
    // while one is under way runs once it is done, never in place of it.
    void reload();
    // The delay between a notification and the reading it causes: notifications are gathered
    // (any agent may send NOTIFY; a burst costs one reading per workstation, spread in time).
    void setNotificationDelay(int minimumMs, int spreadMs);
    bool isLoaded() const { return m_loaded; }
    bool isLoading() const { return m_loading; }
    // The error of the last read, when it failed.
    std::optional<Error> lastError() const { return m_error; }
    void setPollInterval(int milliseconds);

    const QList<Organisation> &organisations() const { return m_organisations; }
    const QList<Service> &services() const { return m_services; }
    const QList<Site> &sites() const { return m_sites; }
    const QList<Category> &categories() const { return m_categories; }

    // Null when unknown (not loaded yet, or not visible to this login).
    const Organisation *organisation(qint64 id) const;
    const Service *service(qint64 id) const;
    const Site *site(qint64 id) const;
    const Category *category(qint64 id) const;
    // The name, or fallback when unknown.
    QString serviceName(qint64 id, const QString &fallback = {}) const;
    QString siteName(qint64 id, const QString &fallback = {}) const;
    QString categoryName(qint64 id, const QString &fallback = {}) const;
    // Every service's name by id.
    QHash<qint64, QString> serviceNames() const;

    // How many readings were made (for tests of the gathering).
    int readings() const { return m_readings; }

signals:
    // The tables were read (the first time or again).
    void changed();
    void failed(const Recup::Error &error);

private:
    struct Tables
    {
        QList<Organisation> organisations;
        QList<Service> services;
        QList<Site> sites;
        QList<Category> categories;
    };
    void apply(const Tables &tables);
    void onNotification(const QString &payload);
    // On the reading thread: LISTEN on this connection unless done, the notifications queued to
    // the cache. Called for every connection the reader opens, and before each reading.
    void listenOn(QSqlDatabase &connection);

    Database &m_db;
    ReadChannel *m_channel = nullptr;
    QThread *m_readerThread = nullptr;
    QTimer m_poll;
    QTimer m_gather;
    int m_gatherMinimumMs = 1000;
    int m_gatherSpreadMs = 3000;
    bool m_loaded = false;
    std::atomic<bool> m_everLoaded{false};
    bool m_loading = false;
    bool m_reloadAgain = false;
    int m_readings = 0;
    std::optional<Error> m_error;
    QList<Organisation> m_organisations;
    QList<Service> m_services;
    QList<Site> m_sites;
    QList<Category> m_categories;
    QHash<qint64, int> m_organisationIndex;
    QHash<qint64, int> m_serviceIndex;
    QHash<qint64, int> m_siteIndex;
    QHash<qint64, int> m_categoryIndex;
};

} // namespace Recup
