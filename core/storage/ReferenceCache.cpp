// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/ReferenceCache.h"

#include "storage/Database.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlDialect.h"

#include <QRandomGenerator>
#include <QSqlDriver>
#include <QThread>

namespace Recup {

namespace {

template<typename T>
QHash<qint64, int> indexById(const QList<T> &rows)
{
    QHash<qint64, int> index;
    index.reserve(rows.size());
    for (int i = 0; i < rows.size(); ++i)
        index.insert(rows.at(i).id, i);
    return index;
}

template<typename T>
const T *find(const QList<T> &rows, const QHash<qint64, int> &index, qint64 id)
{
    const auto found = index.constFind(id);
    return found == index.constEnd() ? nullptr : &rows.at(*found);
}

} // namespace

ReferenceCache::ReferenceCache(Database &db, QObject *parent)
    : QObject(parent)
    , m_db(db)
{
    m_channel = new ReadChannel(db.reader(), this);
    m_readerThread = db.reader().thread();
    m_poll.setInterval(PollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (!m_db.isSuspended())
            reload();
    });
    m_gather.setSingleShot(true);
    connect(&m_gather, &QTimer::timeout, this, &ReferenceCache::reload);
    if (db.dialect().referenceChangeChannel().isEmpty()) {
        m_poll.start();
        return;
    }
    // Whoever reopens the reader's connection (a lost session read again, a return from idle),
    // the cache listens on it again, and reads again what it may have missed meanwhile.
    db.setConnectionOpenedHook([this](QSqlDatabase &connection) {
        if (QThread::currentThread() != m_readerThread)
            return;
        listenOn(connection);
        if (m_everLoaded)
            QMetaObject::invokeMethod(this, &ReferenceCache::reload, Qt::QueuedConnection);
    });
}

ReferenceCache::~ReferenceCache()
{
    m_db.setConnectionOpenedHook({});
}

void ReferenceCache::setPollInterval(int milliseconds)
{
    m_poll.setInterval(milliseconds);
}

void ReferenceCache::setNotificationDelay(int minimumMs, int spreadMs)
{
    m_gatherMinimumMs = minimumMs;
    m_gatherSpreadMs = spreadMs;
}

void ReferenceCache::ensureLoaded()
{
    if (!m_loaded && !m_loading)
        reload();
}

void ReferenceCache::listenOn(QSqlDatabase &connection)
{
    const QString channel = m_db.dialect().referenceChangeChannel();
    QSqlDriver *driver = connection.driver();
    if (channel.isEmpty() || !driver || driver->subscribedToNotifications().contains(channel))
        return;
    if (!driver->subscribeToNotification(channel))
        return;
    connect(
            driver,
            &QSqlDriver::notification,
            this,
            [this](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                onNotification(payload.toString());
            },
            Qt::QueuedConnection);
}

void ReferenceCache::onNotification(const QString &payload)
{
    // Only the four tables' own notices count (the trigger's payload is the table's name).
    static const QStringList tables{QStringLiteral("organisation"),
                                    QStringLiteral("service"),
                                    QStringLiteral("site"),
                                    QStringLiteral("category")};
    if (!tables.contains(payload) || m_gather.isActive())
        return;
    // Spread in time, so that a whole building does not read at the same instant.
    const int spread = m_gatherSpreadMs > 0
                               ? int(QRandomGenerator::global()->bounded(m_gatherSpreadMs + 1))
                               : 0;
    m_gather.start(m_gatherMinimumMs + spread);
}

void ReferenceCache::reload()
{
    if (m_loading) {
        m_reloadAgain = true; // after the reading under way, never in its place
        return;
    }
    m_loading = true;
    m_reloadAgain = false;
    Database *db = &m_db;
    ReferenceCache *self = this; // destroyed after the reader thread stops (~Database)
    m_channel->request<Tables>(
            [db, self]() -> Result<Tables> {
                QSqlDatabase connection = db->connection();
                self->listenOn(connection);
                const ReferenceRepository repository(*db);
                Tables tables;
                auto organisations = repository.organisations();
                if (!organisations)
                    return organisations.error();
                auto services = repository.services();
                if (!services)
                    return services.error();
                auto sites = repository.sites();
                if (!sites)
                    return sites.error();
                auto categories = repository.categories();
                if (!categories)
                    return categories.error();
                tables.organisations = std::move(organisations).value();
                tables.services = std::move(services).value();
                tables.sites = std::move(sites).value();
                tables.categories = std::move(categories).value();
                return tables;
            },
            [this](const Result<Tables> &result) {
                m_loading = false;
                ++m_readings;
                if (!result) {
                    m_error = result.error();
                    emit failed(result.error());
                } else {
                    m_error.reset();
                    m_everLoaded = true;
                    apply(*result);
                }
                if (m_reloadAgain)
                    reload();
            });
}

void ReferenceCache::apply(const Tables &tables)
{
    m_organisations = tables.organisations;
    m_services = tables.services;
    m_sites = tables.sites;
    m_categories = tables.categories;
    m_organisationIndex = indexById(m_organisations);
    m_serviceIndex = indexById(m_services);
    m_siteIndex = indexById(m_sites);
    m_categoryIndex = indexById(m_categories);
    m_loaded = true;
    emit changed();
}

const Organisation *ReferenceCache::organisation(qint64 id) const
{
    return find(m_organisations, m_organisationIndex, id);
}

const Service *ReferenceCache::service(qint64 id) const
{
    return find(m_services, m_serviceIndex, id);
}

const Site *ReferenceCache::site(qint64 id) const
{
    return find(m_sites, m_siteIndex, id);
}

const Category *ReferenceCache::category(qint64 id) const
{
    return find(m_categories, m_categoryIndex, id);
}

QString ReferenceCache::serviceName(qint64 id, const QString &fallback) const
{
    const Service *found = service(id);
    return found ? found->name : fallback;
}

QString ReferenceCache::siteName(qint64 id, const QString &fallback) const
{
    const Site *found = site(id);
    return found ? found->name : fallback;
}

QString ReferenceCache::categoryName(qint64 id, const QString &fallback) const
{
    const Category *found = category(id);
    return found ? found->name : fallback;
}

QHash<qint64, QString> ReferenceCache::serviceNames() const
{
    QHash<qint64, QString> names;
    names.reserve(m_services.size());
    for (const Service &service : m_services)
        names.insert(service.id, service.name);
    return names;
}

} // namespace Recup
