// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportBench.h"

#include "admin/CsvReader.h"
#include "admin/ReferenceImport.h"
#include "storage/Database.h"
#include "storage/ReferenceImportStore.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace RecupBench {

namespace {

Recup::Error benchError(const QString &message, const QString &detail = {})
{
    return Recup::Error{Recup::Error::Kind::Database, message, detail, {}};
}

QString login(const char *prefix, int i)
{
    return QString::fromLatin1(prefix) + u".a"_s + QString::number(i).rightJustified(5, u'0');
}

QString serviceCode(int i)
{
    return u"S"_s + QString::number(i % ImportServices).rightJustified(2, u'0');
}

// Every agent is an agent; one in ten a moderator, one in seven logistics, one in fifty admin.
QString roleWords(int i)
{
    QString words = u"agent"_s;
    if (i % 10 == 0)
        words += u" moderator"_s;
    if (i % 7 == 0)
        words += u" logistics"_s;
    if (i % 50 == 0)
        words += u" admin"_s;
    return words;
}

// Reads, plans and writes one file through the import's own pieces, as the command does.
Recup::Result<Recup::ImportPlan>
importFile(Recup::Database &db, Recup::ImportKind kind, const QByteArray &bytes)
{
    const auto table = Recup::CsvReader::read(bytes);
    if (!table)
        return table.error();
    Recup::ReferenceImportStore store(db);
    const auto existing = store.read();
    if (!existing)
        return existing.error();
    const auto plan = Recup::ReferenceImport::plan(kind, *table, *existing);
    if (!plan)
        return benchError(plan.error().message,
                          plan.error().fields.isEmpty() ? QString()
                                                        : plan.error().fields.first().second);
    if (!plan->changes.isEmpty()) {
        if (const Recup::Status applied = store.apply(plan->changes, {}); !applied)
            return applied.error();
    }
    return *plan;
}

Recup::Status dropLogins(Recup::Database &db)
{
    QSqlQuery query(db.connection());
    if (!query.exec(u"SELECT rolname FROM pg_roles WHERE rolname ~ '^b[ib][.]a[0-9]{5}$'"_s))
        return benchError(u"pg_roles illisible"_s, query.lastError().text());
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    query.finish();
    for (const QString &name : std::as_const(names)) {
        if (!query.exec(u"DROP ROLE \"%1\""_s.arg(name)))
            return benchError(u"DROP ROLE refusé"_s, query.lastError().text());
    }
    return {};
}

// The baseline: what the import writes, written directly in one transaction.
Recup::Result<double> baseline(Recup::Database &db, int *grants)
{
    QSqlDatabase connection = db.connection();
    QElapsedTimer timer;
    timer.start();
    Recup::Transaction transaction(connection);
    QSqlQuery services(connection);
    if (!services.exec(u"SELECT code, id FROM service"_s))
        return benchError(u"services illisibles"_s, services.lastError().text());
    QHash<QString, qint64> serviceIds;
    while (services.next())
        serviceIds.insert(services.value(0).toString(), services.value(1).toLongLong());
    QSqlQuery ddl(connection);
    QSqlQuery insert(connection);
    insert.prepare(u"INSERT INTO agent (login, display_name, email, phone, service_id, "
                   "is_moderator, is_logistics, is_admin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (int i = 0; i < ImportAgents; ++i) {
        const QString name = login("bb", i);
        const QString roles = roleWords(i);
        QStringList groups{u"recup_agent"_s};
        if (roles.contains(u"moderator"_s))
            groups << u"recup_moderator"_s;
        if (roles.contains(u"logistics"_s))
            groups << u"recup_logistics"_s;
        if (roles.contains(u"admin"_s))
            groups << u"recup_admin"_s;
        if (!ddl.exec(u"CREATE ROLE \"%1\" LOGIN"_s.arg(name)))
            return benchError(u"CREATE ROLE refusé"_s, ddl.lastError().text());
        for (const QString &group : std::as_const(groups)) {
            if (!ddl.exec(u"GRANT %1 TO \"%2\""_s.arg(group, name)))
                return benchError(u"GRANT refusé"_s, ddl.lastError().text());
            ++*grants;
        }
        insert.bindValue(0, name);
        insert.bindValue(1, u"Agent %1"_s.arg(i));
        insert.bindValue(2, u"agent%1@agglo.test"_s.arg(i));
        insert.bindValue(3, u"05 49 00 %1"_s.arg(i));
        insert.bindValue(4, serviceIds.value(serviceCode(i)));
        insert.bindValue(5, roles.contains(u"moderator"_s));
        insert.bindValue(6, roles.contains(u"logistics"_s));
        insert.bindValue(7, roles.contains(u"admin"_s));
        if (!insert.exec())
            return benchError(u"INSERT refusé"_s, insert.lastError().text());
    }
    if (!transaction.commit())
        return benchError(u"COMMIT refusé"_s, connection.lastError().text());
    return timer.nsecsElapsed() / 1e6;
}

} // namespace

Recup::Result<ImportMeasure> measureImport(Recup::Database &db)
{
    if (const Recup::Status dropped = dropLogins(db); !dropped)
        return dropped.error();
    QByteArray organisations = "code;nom\nBENCH;Organisation du banc\n";
    QByteArray services = "organisation;code;nom\n";
    for (int i = 0; i < ImportServices; ++i)
        services += "BENCH;" + serviceCode(i).toUtf8() + ";Service " + QByteArray::number(i) + '\n';
    QByteArray agents = "identifiant;nom;courriel;telephone;service;roles\n";
    for (int i = 0; i < ImportAgents; ++i)
        agents += login("bi", i).toUtf8() + ";Agent " + QByteArray::number(i) + ";agent"
                  + QByteArray::number(i) + "@agglo.test;05 49 00 " + QByteArray::number(i) + ';'
                  + serviceCode(i).toUtf8() + ';' + roleWords(i).toUtf8() + '\n';
    for (const auto &[kind, bytes] : {std::pair{Recup::ImportKind::Organisations, organisations},
                                      std::pair{Recup::ImportKind::Services, services}}) {
        if (const auto done = importFile(db, kind, bytes); !done)
            return done.error();
    }

    ImportMeasure measure;
    QElapsedTimer timer;
    timer.start();
    const auto first = importFile(db, Recup::ImportKind::Agents, agents);
    if (!first)
        return first.error();
    measure.importMs = timer.nsecsElapsed() / 1e6;
    measure.added = first->added;
    timer.restart();
    const auto second = importFile(db, Recup::ImportKind::Agents, agents);
    if (!second)
        return second.error();
    measure.secondMs = timer.nsecsElapsed() / 1e6;
    measure.unchanged = second->unchanged;
    if (second->added + second->changed != 0)
        return benchError(u"le second import a changé quelque chose"_s);

    const auto direct = baseline(db, &measure.groupGrants);
    if (!direct)
        return direct.error();
    measure.baselineMs = *direct;
    if (const Recup::Status dropped = dropLogins(db); !dropped)
        return dropped.error();
    return measure;
}

} // namespace RecupBench
