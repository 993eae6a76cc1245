// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every released schema upgrades to the latest with its data: for each version, a database is
// built with the steps up to it, filled with rows of every table that version has (the French
// text, money in cents, grams, photo bytes, times to the millisecond), upgraded by the
// compiled-in migrator, then read back: every row and every value is still there, and the
// application's repositories read them.

#include "TestDatabase.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/ReferenceRepository.h"
#include "storage/SchemaMigrator.h"
#include "storage/SqlDialect.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Recup;
using namespace Recup::Testing;

namespace {

struct Row
{
    int since; // the schema version that has the table
    QString table;
    QStringList columns;
    QVariantList values;
};

const QByteArray Jpeg = QByteArray::fromHex("ffd8ffe000104a46494600010100000100010000ffd9");
const QByteArray Mail = QByteArrayLiteral(
        "From: =?UTF-8?Q?Collectiv=27R=C3=A9cup?= <ne-pas-repondre@agglo.fr>\r\n"
        "Subject: =?UTF-8?Q?Demande_=C3=A0_propos?=\r\n\r\nBonjour\r\n");

// An empty text, not a NULL (the columns are NOT NULL DEFAULT '').
const QString empty = QStringLiteral("");

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant nullId()
{
    return QVariant(QMetaType::fromType<qint64>());
}

// One row of every table, as each version knows them; ids from 1001 up, far from anything
// a migration seeds.
QList<Row> rows()
{
    const QStringList adColumns{
            u"id"_qs,         u"title"_qs,        u"description"_qs,  u"category_id"_qs,
            u"quantity"_qs,   u"value_cents"_qs,  u"weight_grams"_qs, u"site_id"_qs,
            u"room"_qs,       u"owner_id"_qs,     u"service_id"_qs,   u"attested"_qs,
            u"state"_qs,      u"close_reason"_qs, u"close_note"_qs,   u"receiving_service_id"_qs,
            u"created_at"_qs, u"updated_at"_qs,   u"published_at"_qs, u"closed_at"_qs,
            u"expires_at"_qs, u"version"_qs};
    return {
            {1,
             u"organisation"_qs,
             {u"id"_qs, u"code"_qs, u"name"_qs},
             {1001, u"AGGLO"_qs, u"Agglomération du Val « de Vienne »"_qs}},
            {1,
             u"service"_qs,
             {u"id"_qs, u"organisation_id"_qs, u"code"_qs, u"name"_qs},
             {1101, 1001, u"DECHETS"_qs, u"Déchets ménagers"_qs}},
            {1,
             u"site"_qs,
             {u"id"_qs,
              u"organisation_id"_qs,
              u"code"_qs,
              u"name"_qs,
              u"address"_qs,
              u"postal_code"_qs,
              u"city"_qs},
             {1201,
              1001,
              u"CT"_qs,
              u"Centre technique"_qs,
              u"12 rue de l'Hôtel-de-Ville"_qs,
              u"86100"_qs,
              u"Châtellerault"_qs}},
            {1,
             u"category"_qs,
             {u"id"_qs,
              u"code"_qs,
              u"name"_qs,
              u"default_unit_weight_g"_qs,
              u"excluded"_qs,
              u"excluded_message"_qs,
              u"expiry_days"_qs},
             {1301, u"BUREAUX"_qs, u"Bureaux"_qs, 40000, false, empty, 60}},
            {1,
             u"agent"_qs,
             {u"id"_qs,
              u"login"_qs,
              u"display_name"_qs,
              u"email"_qs,
              u"phone"_qs,
              u"service_id"_qs,
              u"is_moderator"_qs,
              u"is_logistics"_qs,
              u"is_admin"_qs,
              u"active"_qs},
             {1401,
              u"mdupont"_qs,
              u"Marie Dupont"_qs,
              u"marie.dupont@agglo.fr"_qs,
              u"05 49 20 20 20"_qs,
              1101,
              true,
              false,
              false,
              true}},
            {1,
             u"ad"_qs,
             adColumns,
             {1501,
              u"Bureau en chêne massif, 160 cm"_qs,
              u"Plateau rayé ; tiroirs à clé."_qs,
              1301,
              2,
              qint64(123450),
              qint64(18500),
              1201,
              u"Bâtiment B, salle 12"_qs,
              1401,
              1101,
              true,
              u"published"_qs,
              nullText(),
              empty,
              nullId(),
              u"2026-01-04T09:00:00.125Z"_qs,
              u"2026-01-05T10:00:00.250Z"_qs,
              u"2026-01-05T10:00:00.250Z"_qs,
              nullText(),
              u"2026-03-06T10:00:00.250Z"_qs,
              3}},
            {1,
             u"ad"_qs,
             adColumns,
             {1502,
              u"Lot de 12 chaises"_qs,
              empty,
              1301,
              12,
              qint64(0),
              qint64(0),
              1201,
              empty,
              1401,
              1101,
              true,
              u"closed"_qs,
              u"exchanged"_qs,
              u"Emportées mardi"_qs,
              1101,
              u"2026-02-01T08:00:00.000Z"_qs,
              u"2026-02-10T16:30:00.999Z"_qs,
              u"2026-02-02T08:00:00.000Z"_qs,
              u"2026-02-10T16:30:00.999Z"_qs,
              u"2026-04-03T08:00:00.000Z"_qs,
              5}},
            {1,
             u"ad_photo"_qs,
             {u"id"_qs, u"ad_id"_qs, u"position"_qs, u"jpeg"_qs, u"thumbnail"_qs},
             {1601, 1501, 0, Jpeg, Jpeg.left(8)}},
            {1,
             u"ad_history"_qs,
             {u"id"_qs,
              u"ad_id"_qs,
              u"actor_id"_qs,
              u"at"_qs,
              u"action"_qs,
              u"from_state"_qs,
              u"to_state"_qs,
              u"reason"_qs},
             {1701,
              1501,
              1401,
              u"2026-01-04T09:00:00.125Z"_qs,
              u"create"_qs,
              nullText(),
              u"draft"_qs,
              empty}},
            {1,
             u"ad_history"_qs,
             {u"id"_qs,
              u"ad_id"_qs,
              u"actor_id"_qs,
              u"at"_qs,
              u"action"_qs,
              u"from_state"_qs,
              u"to_state"_qs,
              u"reason"_qs},
             {1702,
              1502,
              nullId(),
              u"2026-02-10T16:30:00.999Z"_qs,
              u"close"_qs,
              u"published"_qs,
              u"closed"_qs,
              u"Donné au service « Écoles »"_qs}},
            {3,
             u"outbox"_qs,
             {u"id"_qs,
              u"message_id"_qs,
              u"created_at"_qs,
              u"author_id"_qs,
              u"kind"_qs,
              u"recipients"_qs,
              u"rfc5322"_qs,
              u"envelope_from"_qs,
              u"state"_qs,
              u"attempts"_qs,
              u"next_attempt_at"_qs,
              u"last_error"_qs,
              u"sent_at"_qs},
             {1801,
              u"<1801.upgrade@collectiv-recup>"_qs,
              u"2026-02-03T11:00:00.000Z"_qs,
              1401,
              u"contact"_qs,
              u"poster@agglo.fr\ncbernard@agglo.fr"_qs,
              Mail,
              u"ne-pas-repondre@agglo.fr"_qs,
              u"sent"_qs,
              1,
              u"2026-02-03T11:00:00.000Z"_qs,
              empty,
              u"2026-02-03T11:00:02.000Z"_qs}},
            {4,
             u"contact_request"_qs,
             {u"id"_qs,
              u"ad_id"_qs,
              u"requester_id"_qs,
              u"requesting_service_id"_qs,
              u"message"_qs,
              u"message_id"_qs,
              u"created_at"_qs},
             {1901,
              1501,
              1401,
              1101,
              u"Bonjour, la médiathèque serait preneuse."_qs,
              u"<1801.upgrade@collectiv-recup>"_qs,
              u"2026-02-03T11:00:00.000Z"_qs}},
    };
}

// Every value of the seeded rows, as text, in a stable order.
QStringList snapshot(Database &db, int version)
{
    QStringList lines;
    for (const Row &row : rows()) {
        if (row.since > version)
            continue;
        QSqlQuery query(db.connection());
        query.prepare(u"SELECT "_qs + row.columns.join(u", "_qs) + u" FROM "_qs + row.table
                      + u" WHERE id = ?"_qs);
        query.addBindValue(row.values.first());
        if (!query.exec() || !query.next()) {
            lines.append(row.table + u": missing — "_qs + query.lastError().text());
            continue;
        }
        QStringList values;
        for (int i = 0; i < row.columns.size(); ++i) {
            const QVariant value = query.value(i);
            QString text;
            if (value.isNull())
                text = u"NULL"_qs;
            else if (value.typeId() == QMetaType::QByteArray)
                text = QString::fromLatin1(value.toByteArray().toHex());
            else if (value.typeId() == QMetaType::QDateTime)
                text = db.dialect().fromDb(value).toString(Qt::ISODateWithMs);
            else if (value.typeId() == QMetaType::Bool)
                text = value.toBool() ? u"1"_qs : u"0"_qs;
            else
                text = value.toString();
            values.append(row.columns.at(i) + u'=' + text);
        }
        lines.append(row.table + u": "_qs + values.join(u"; "_qs));
    }
    return lines;
}

} // namespace

class TestUpgrades : public QObject
{
    Q_OBJECT

private slots:
    void everyReleasedSchemaUpgradesWithItsData_data();
    void everyReleasedSchemaUpgradesWithItsData();
};

void TestUpgrades::everyReleasedSchemaUpgradesWithItsData_data()
{
    QTest::addColumn<int>("version");
    // The steps the application knows, from the compiled-in scripts of SQLite (the two dialects
    // keep the same numbers, sql/README.md).
    const QStringList files = QDir(u":/sql/sqlite"_qs).entryList({u"*.sql"_qs}, QDir::Files);
    for (int version = 1; version < int(files.size()); ++version) {
        const QByteArray name = QStringLiteral("a database at schema %1 (%2)")
                                        .arg(version)
                                        .arg(files.at(version - 1).section(u'.', 0, 0))
                                        .toUtf8();
        QTest::newRow(name.constData()) << version;
    }
}

void TestUpgrades::everyReleasedSchemaUpgradesWithItsData()
{
    QFETCH(int, version);
    std::unique_ptr<TestDatabase> test;
    RECUP_CREATE_TEST_DATABASE(test, QStringLiteral("upgrade_from_%1").arg(version));
    std::unique_ptr<Database> db = test->open(false);
    QVERIFY(db);

    // The schema as it was released at `version`: its steps and no later one.
    QTemporaryDir scripts;
    const QString source = u":/sql/"_qs + db->dialect().name();
    const QStringList files = QDir(source).entryList({u"*.sql"_qs}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        if (file.left(3).toInt() <= version)
            QVERIFY(QFile::copy(source + u'/' + file, scripts.filePath(file)));
    }
    QVERIFY(SchemaMigrator(*db, scripts.path()).migrate());
    QCOMPARE(SchemaMigrator(*db).currentVersion().value(), version);

    // Its data, written as a replica would (the lifecycle's triggers would refuse ads born
    // published): every table that version has.
    const bool postgres = db->dialect().name() == QLatin1String("postgresql");
    QSqlQuery session(db->connection());
    if (postgres)
        QVERIFY(session.exec(u"SET session_replication_role = replica"_qs));
    for (const Row &row : rows()) {
        if (row.since > version)
            continue;
        QStringList columns = row.columns;
        QVariantList values = row.values;
        // Since 025 a photo carries its version, which a trigger gives (a replica skips it).
        if (row.table == u"ad_photo"_qs && version >= 25) {
            columns.append(u"version"_qs);
            values.append(1);
        }
        QStringList marks;
        for (qsizetype i = 0; i < columns.size(); ++i)
            marks.append(u"?"_qs);
        QSqlQuery insert(db->connection());
        QVERIFY(insert.prepare(u"INSERT INTO "_qs + row.table + u" ("_qs + columns.join(u", "_qs)
                               + u") VALUES ("_qs + marks.join(u", "_qs) + u')'));
        for (const QVariant &value : values)
            insert.addBindValue(value);
        QVERIFY2(insert.exec(), qPrintable(row.table + u": "_qs + insert.lastError().text()));
    }
    if (postgres)
        QVERIFY(session.exec(u"RESET session_replication_role"_qs));
    const QStringList before = snapshot(*db, version);
    QVERIFY(!before.join(u'\n').contains(u"missing"_qs));

    // The upgrade the application itself runs (collectiv-recup-admin init, or the demo).
    const Status upgraded = SchemaMigrator(*db).migrate();
    QVERIFY2(upgraded, qPrintable(upgraded.error().message + u' ' + upgraded.error().detail));
    QVERIFY(SchemaMigrator(*db).check());
    QCOMPARE(snapshot(*db, version), before);

    // And the application reads them as before.
    const auto ad = AdRepository(*db).get(1501);
    QVERIFY2(ad, qPrintable(ad.error().detail));
    QCOMPARE(ad->title, u"Bureau en chêne massif, 160 cm"_qs);
    QCOMPARE(ad->valueCents, qint64(123450));
    QCOMPARE(ad->weightGrams, qint64(18500));
    QCOMPARE(ad->photos.size(), 1);
    QCOMPARE(ad->photos.first().jpeg, Jpeg);
    const auto services = ReferenceRepository(*db).services();
    QVERIFY(services);
    QCOMPARE(services->first().name, u"Déchets ménagers"_qs);
    const auto page = AdRepository(*db).ownedPage(1401, {}, {}, 10);
    QVERIFY2(page, qPrintable(page.error().detail));
    QCOMPARE(page->ads.size(), 2);
}

QTEST_GUILESS_MAIN(TestUpgrades)
#include "tst_upgrades.moc"
