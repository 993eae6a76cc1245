// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/Database.h"

#include "domain/UserText.h"
#include "storage/ConnectionErrors.h"
#include "storage/Conninfo.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceCache.h"
#include "storage/SqlDialect.h"
#include "storage/Transaction.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>
#include <optional>

namespace Recup {

namespace {

QAtomicInt s_instances;

// The folder of the SQLite file opened last in this process (a workstation runs one), which a
// full or read-only disk's message names.
QMutex s_sqliteFolderMutex;
QString s_sqliteFolder;

QString sqliteFolder()
{
    QMutexLocker lock(&s_sqliteFolderMutex);
    return s_sqliteFolder.isEmpty() ? QStringLiteral("?") : s_sqliteFolder;
}

// SQLite's result codes (extended ones too, by their low byte) that say the disk, not the
// statement, is at fault; PostgreSQL's codes are five-character SQLSTATEs, never these.
enum SqliteCode { SqliteReadOnly = 8, SqliteIoError = 10, SqliteFull = 13, SqliteCantOpen = 14 };

int sqliteCode(const QSqlError &error)
{
    const QString nativeCode = error.nativeErrorCode();
    bool number = false;
    const int code = nativeCode.size() < 5 ? nativeCode.toInt(&number) : 0;
    if (number)
        return code & 0xff;
    if (!nativeCode.isEmpty())
        return 0;
    // Qt's SQLite driver drops the code of a failed COMMIT; SQLite's own sentences (never
    // translated) remain.
    const QString text = error.databaseText();
    if (text == QLatin1String("database or disk is full"))
        return SqliteFull;
    if (text == QLatin1String("attempt to write a readonly database"))
        return SqliteReadOnly;
    if (text == QLatin1String("disk I/O error"))
        return SqliteIoError;
    return 0;
}

QString driverFor(const DatabaseConfig &config)
{
    return config.isSqlite() ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
}

// A setting named in a message: as typed, but short and on one line.
QString shownKey(const QString &key)
{
    constexpr int Max = 40;
    return UserText::printable(key.left(Max))
           + (key.size() > Max ? QStringLiteral("…") : QString());
}

// The field a window shows for a setting: the libpq key itself when it is one of them, else the
// server's address (an unknown option has no field of its own).
QString fieldFor(const QString &key)
{
    using namespace ConnectionField;
    for (const QString &known :
         {host, port, database, service, user, password, tls, caFile, singleSignOn}) {
        if (key == known)
            return key;
    }
    return host;
}

Error settingsError(const QString &message, const QStringList &fields)
{
    Error error{Error::Kind::Connection, message, {}, {}};
    for (const QString &field : fields)
        error.fields.append({field, message});
    return error;
}

// The connection string before it reaches libpq: malformed, a control character (QPSQL would
// cut the string at a NUL), a port that is no port.
std::optional<Error> conninfoError(const DatabaseConfig &config, Conninfo *pairs)
{
    using namespace ConnectionField;
    if (config.malformedUri)
        return settingsError(Database::tr("The postgresql:// address is not valid: check its port "
                                          "(1 to 65535) and its %-escapes."),
                             {host, port});
    ConninfoProblem problem;
    const auto parsed = parseConninfo(config.conninfo, &problem);
    if (!parsed) {
        switch (problem.kind) {
        case ConninfoProblem::Kind::UnclosedQuote:
            return settingsError(Database::tr("The connection settings are not valid: the value "
                                              "of %1 opens a quote that is not closed.")
                                         .arg(shownKey(problem.key)),
                                 {fieldFor(problem.key)});
        case ConninfoProblem::Kind::EmptyKey:
            return settingsError(Database::tr("The connection settings are not valid: a value is "
                                              "given without its name (name=value)."),
                                 {host});
        case ConninfoProblem::Kind::MissingEquals:
            break;
        }
        return settingsError(Database::tr("The connection settings are not valid: %1 is not "
                                          "followed by = and a value.")
                                     .arg(shownKey(problem.key)),
                             {fieldFor(problem.key)});
    }
    for (const auto &[key, value] : *parsed) {
        if (UserText::hasUnstorableCharacter(key, UserText::LineBreaks::Refused)
            || UserText::hasUnstorableCharacter(value, UserText::LineBreaks::Refused))
            return settingsError(Database::tr("The connection setting %1 contains a control "
                                              "character (a line break, a tab, a NUL...).")
                                         .arg(shownKey(key)),
                                 {fieldFor(key)});
        if (key == port) {
            bool ok = false;
            const int number = value.toInt(&ok);
            if (!ok || number < 1 || number > 65535)
                return settingsError(Database::tr("The port %1 is not valid: give a number "
                                                  "between 1 and 65535.")
                                             .arg(shownKey(value)),
                                     {port});
        } else if (key != host && key != QLatin1String("hostaddr") && key != database && key != user
                   && key != password && value.contains(u';')) {
            // QPSQL separates the options it passes on with semicolons.
            return settingsError(Database::tr("The connection option %1 may not contain a "
                                              "semicolon.")
                                         .arg(shownKey(key)),
                                 {fieldFor(key)});
        }
    }
    *pairs = *parsed;
    return std::nullopt;
}

} // namespace

Error databaseError(const QSqlError &error, const QString &context)
{
    Error result;
    result.kind = Error::Kind::Database;
    result.detail = error.text();
    const QString text = error.databaseText() + u' ' + error.driverText();
    const QString code = error.nativeErrorCode();
    const int sqlite = sqliteCode(error);
    if (sqlite == SqliteFull) {
        result.message = Database::tr("The disk that holds the local database (%1) is full. "
                                      "Free some space on it, then try again.")
                                 .arg(sqliteFolder());
    } else if (sqlite == SqliteReadOnly) {
        result.message = Database::tr("The local database in %1 is read-only. Check the rights "
                                      "on this folder, or ask your IT department.")
                                 .arg(sqliteFolder());
    } else if (sqlite == SqliteIoError || sqlite == SqliteCantOpen) {
        result.message = Database::tr("The local database in %1 could not be written to the "
                                      "disk. Check that the disk is there and has free space, "
                                      "then try again.")
                                 .arg(sqliteFolder());
    } else if (code == QLatin1String("23505")) {
        result.kind = Error::Kind::Invalid;
        result.message = Database::tr("This entry already exists.");
    } else if (code == QLatin1String("23503")) {
        result.kind = Error::Kind::Invalid;
        result.message = Database::tr("This entry refers to something that does not exist.");
    } else if (code.startsWith(QLatin1String("23")) || text.contains(QLatin1String("constraint"))) {
        result.kind = Error::Kind::Invalid;
        result.message = Database::tr("The database refused a value that breaks its rules.");
    } else if (code == QLatin1String("42501")
               || text.contains(QLatin1String("permission denied"))) {
        result.kind = Error::Kind::Forbidden;
        result.message = Database::tr("You are not allowed to do this.");
    } else if (code == QLatin1String("55P03")) {
        // lock_timeout (SqlDialect::prepareSession): someone holds the row.
        result.kind = Error::Kind::Conflict;
        result.message = Database::tr("Someone else is using this right now. Try again in a "
                                      "moment.");
    } else if (isConnectionLoss(error)) {
        result.kind = Error::Kind::Connection;
        result.message = Database::tr("The connection to the database server was lost.");
    } else {
        result.message = Database::tr("The database reported an error.");
    }
    if (!context.isEmpty())
        result.message = context + u' ' + result.message;
    return result;
}

Database::Database(DatabaseConfig config)
    : m_config(std::move(config))
    , m_dialect(SqlDialect::forDriver(driverFor(m_config)))
    , m_prefix(QStringLiteral("recup-%1").arg(s_instances.fetchAndAddRelaxed(1)))
{}

Database::~Database()
{
    // The reader's thread stops first (it closes its own connection), then the cache whose
    // reads it ran.
    m_reader.reset();
    m_references.reset();
    QMutexLocker lock(&m_mutex);
    m_statements.clear(); // queries go before their connections
    for (const QString &name : std::as_const(m_connections)) {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
}

QString Database::connectionNameFor(QThread *thread) const
{
    return m_prefix + u'-' + QString::number(quintptr(thread), 16);
}

Status Database::open()
{
    QThread *thread = QThread::currentThread();
    {
        QMutexLocker lock(&m_mutex);
        if (m_connections.contains(thread))
            return {};
    }
    // Connecting takes time (TCP, TLS, authentication, up to connect_timeout): never under the
    // lock, which the other thread needs meanwhile. The name is this thread's own.
    const QString name = connectionNameFor(thread);
    const Status status = openNamed(name);
    if (!status) {
        QSqlDatabase::removeDatabase(name);
        return status;
    }
    QMutexLocker lock(&m_mutex);
    m_connections.insert(thread, name);
    return status;
}

bool Database::isOpen() const
{
    QMutexLocker lock(&m_mutex);
    const QString name = m_connections.value(QThread::currentThread());
    return !name.isEmpty() && QSqlDatabase::database(name, false).isOpen();
}

Status Database::openNamed(const QString &name)
{
    if (!QSqlDatabase::isDriverAvailable(driverFor(m_config))) {
        return Error{Error::Kind::Connection,
                     tr("The database driver %1 is not installed on this computer.")
                             .arg(driverFor(m_config)),
                     {},
                     {}};
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(driverFor(m_config), name);
    if (m_config.isSqlite()) {
        // SQLite would cut the path at a NUL and open another file.
        if (UserText::hasUnstorableCharacter(m_config.sqlitePath, UserText::LineBreaks::Refused)) {
            return Error{Error::Kind::Connection,
                         tr("The path of the local database file contains a control character "
                            "(a line break, a tab, a NUL...)."),
                         {},
                         {}};
        }
        const QFileInfo file(m_config.sqlitePath);
        if (!file.absoluteDir().exists()) {
            return Error{Error::Kind::Connection,
                         tr("The folder %1 does not exist.")
                                 .arg(QDir::toNativeSeparators(file.absolutePath())),
                         {},
                         {}};
        }
        db.setDatabaseName(m_config.sqlitePath);
        QMutexLocker lock(&s_sqliteFolderMutex);
        s_sqliteFolder = QDir::toNativeSeparators(file.absolutePath());
    } else {
        Conninfo parsed;
        if (const auto refused = conninfoError(m_config, &parsed))
            return *refused;
        const Conninfo *pairs = &parsed;
        // Host, database, user and password go through the driver's setters, which quote
        // them; the rest (service, sslmode, ...) are passed on as options.
        Conninfo options;
        bool hasAppName = false;
        bool hasTimeout = false;
        for (const auto &[key, value] : *pairs) {
            if (key == QLatin1String("host") || key == QLatin1String("hostaddr")) {
                if (key == QLatin1String("host"))
                    db.setHostName(value);
                else
                    options.append({key, value});
            } else if (key == QLatin1String("dbname")) {
                db.setDatabaseName(value);
            } else if (key == QLatin1String("user")) {
                db.setUserName(value);
            } else if (key == QLatin1String("password")) {
                db.setPassword(value);
            } else if (key == QLatin1String("port")) {
                db.setPort(value.toInt());
            } else {
                hasAppName = hasAppName || key == QLatin1String("application_name");
                hasTimeout = hasTimeout || key == QLatin1String("connect_timeout");
                options.append({key, value});
            }
        }
        if (!hasAppName)
            options.append({QStringLiteral("application_name"), QStringLiteral("collectiv-recup")});
        if (!hasTimeout)
            options.append({QStringLiteral("connect_timeout"), QStringLiteral("10")});
        // A cable pulled or a VPN dropped must fail a query in seconds, not after minutes.
        const auto has = [&](const char *key) {
            return std::any_of(pairs->cbegin(), pairs->cend(), [&](const auto &pair) {
                return pair.first == QLatin1String(key);
            });
        };
        if (!has("keepalives_idle"))
            options.append({QStringLiteral("keepalives_idle"), QStringLiteral("10")});
        if (!has("keepalives_interval"))
            options.append({QStringLiteral("keepalives_interval"), QStringLiteral("5")});
        if (!has("keepalives_count"))
            options.append({QStringLiteral("keepalives_count"), QStringLiteral("3")});
        if (!has("tcp_user_timeout"))
            options.append({QStringLiteral("tcp_user_timeout"), QStringLiteral("20000")});
        db.setConnectOptions(formatConninfo(options));
    }
    if (!db.open())
        return connectionError(m_config, db.lastError());
    if (Status prepared = m_dialect->prepareSession(db); !prepared)
        return prepared;
    std::function<void(QSqlDatabase &)> hook;
    {
        QMutexLocker lock(&m_mutex);
        hook = m_openedHook;
    }
    if (hook)
        hook(db);
    return {};
}

QSqlDatabase Database::connection()
{
    QThread *thread = QThread::currentThread();
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_connections.constFind(thread);
        if (it != m_connections.constEnd())
            return QSqlDatabase::database(*it, false);
    }
    if (const Status opened = open(); !opened) {
        qWarning("Collectiv'Récup: %s", qPrintable(opened.error().detail));
        // Not recorded: the next call tries again, and this one's statements fail as a
        // connection error (an invalid database), which the monitor hears.
        return {};
    }
    QMutexLocker lock(&m_mutex);
    return QSqlDatabase::database(m_connections.value(thread), false);
}

Status Database::reconnectThreadConnection()
{
    releaseThreadConnection();
    return open();
}

Status Database::reopenIfEnded()
{
    QString name;
    {
        QMutexLocker lock(&m_mutex);
        name = m_connections.value(QThread::currentThread());
    }
    if (name.isEmpty() || Transaction::isOpenOn(name))
        return {}; // nothing open (the next use opens one), or a unit of work is under way
    if (m_dialect->connectionAlive(QSqlDatabase::database(name, false)))
        return {};
    qInfo("Collectiv'Récup: the database server ended the session; connecting again");
    return reconnectThreadConnection();
}

Error Database::lastError(const QString &context)
{
    return databaseError(connection().lastError(), context);
}

Status Database::ping()
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return Error{Error::Kind::Connection,
                     tr("The connection to the database server was lost."),
                     db.lastError().text(),
                     {}};
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT 1"))) {
        Error error = databaseError(query.lastError());
        // Any failure of this trivial statement means the session is unusable.
        error.kind = Error::Kind::Connection;
        error.message = tr("The connection to the database server was lost.");
        return error;
    }
    return {};
}

bool Database::threadConnectionAlive()
{
    QString name;
    {
        QMutexLocker lock(&m_mutex);
        name = m_connections.value(QThread::currentThread());
    }
    if (name.isEmpty())
        return true; // nothing open: the next use opens one
    const QSqlDatabase db = QSqlDatabase::database(name, false);
    return m_dialect->connectionAlive(db);
}

QSqlQuery *Database::prepared(const QString &sql, Error *error)
{
    QSqlDatabase db = connection();
    std::shared_ptr<StatementCache> cache;
    {
        QMutexLocker lock(&m_mutex);
        auto &slot = m_statements[QThread::currentThread()];
        if (!slot)
            slot = std::make_shared<StatementCache>();
        cache = slot;
    }
    auto it = cache->find(sql);
    if (it != cache->end())
        return it->second.get();
    if (cache->size() >= 128)
        cache->clear(); // a bound on odd callers; the catalogue has 64 shapes at most
    auto query = std::make_unique<QSqlQuery>(db);
    query->setForwardOnly(true);
    if (!query->prepare(sql)) {
        *error = databaseError(query->lastError());
        return nullptr;
    }
    return cache->emplace(sql, std::move(query)).first->second.get();
}

Result<QDateTime> Database::serverNow()
{
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("SELECT ") + m_dialect->now()) || !query.next())
        return databaseError(query.lastError());
    return m_dialect->fromDb(query.value(0));
}

ReadWorker &Database::reader()
{
    QMutexLocker lock(&m_mutex);
    if (!m_reader)
        m_reader = std::make_unique<ReadWorker>(*this);
    return *m_reader;
}

ReferenceCache &Database::references()
{
    if (!m_references)
        m_references = std::make_unique<ReferenceCache>(*this);
    return *m_references;
}

void Database::setConnectionOpenedHook(std::function<void(QSqlDatabase &)> hook)
{
    QMutexLocker lock(&m_mutex);
    m_openedHook = std::move(hook);
}

void Database::suspend()
{
    m_suspended = true;
    releaseThreadConnection();
    ReadWorker *worker = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        worker = m_reader.get();
    }
    if (worker)
        worker->closeConnection();
}

void Database::resume()
{
    m_suspended = false;
}

int Database::openConnectionCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_connections.size()); // a connection leaves the table when it is closed
}

void Database::releaseThreadConnection()
{
    QString name;
    {
        QMutexLocker lock(&m_mutex);
        m_statements.remove(QThread::currentThread()); // queries go before their connection
        name = m_connections.take(QThread::currentThread());
    }
    if (name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace Recup
