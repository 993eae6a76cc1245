// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The search's vocabulary behind the wall (migration 021), each person with their own login as
// with psql: nobody reads the words of published ads (search_word) nor their lexemes per category
// (search_category) but the search's functions, which build a query from them; nobody writes
// either by hand, and the words of an ad not yet published are not in it. Only administrators
// rebuild it.
#include "Fixtures.h"
#include "Sql.h"
#include "TestDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <vector>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

class TestSearchSecurity : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        if (TestDatabase::backend() != QLatin1String("postgresql"))
            QSKIP("roles and row-level security exist on PostgreSQL only");
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("searchsecurity"));
        m_admin = m_test->open();
        QVERIFY(m_admin);
        m_world = makeWorld(*m_admin);
        const QList<std::pair<QString, Roles>> logins{
                {u"ses_agent"_s, Role::Agent},
                {u"ses_moderator"_s, Role::Agent | Role::Moderator},
                {u"ses_logistics"_s, Role::Agent | Role::Logistics},
                {u"ses_admin"_s, Role::Agent | Role::Admin}};
        for (const auto &[login, roles] : logins) {
            QVERIFY(enrolLogin(*m_admin, login, roles, m_world.waste) > 0);
            auto db = m_test->openAs(login);
            QVERIFY2(db, qPrintable(login));
            m_logins.emplace_back(login, std::move(db));
        }
        publishedAd(*m_admin, m_world, u"Chaise empilable"_s);
        pendingAd(*m_admin, m_world, u"Projet confidentiel"_s);
    }
    void cleanupTestCase()
    {
        m_logins.clear();
        m_admin.reset();
        m_test.reset();
    }

    // The vocabulary keeps the words of ads that left the catalogue: nobody reads it but the
    // search's functions (hostile review of 021), which suggest only published words.
    void nobodyReadsTheVocabularyButTheSearch()
    {
        for (const auto &[login, db] : m_logins) {
            for (const QString &sql : {u"SELECT count(*) FROM recup.search_word"_s,
                                       u"SELECT count(*) FROM recup.search_category"_s}) {
                QSqlQuery query(db->connection());
                QVERIFY2(!query.exec(sql), qPrintable(login + u": "_s + sql));
                QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
            }
            QSqlQuery query(db->connection());
            QVERIFY2(query.exec(u"SELECT recup.catalogue_query('chaize')::text"_s) && query.next(),
                     qPrintable(login + query.lastError().text()));
            QVERIFY2(query.value(0).toString().contains(u"'chais'"_s), qPrintable(login));
            // The pending ad's words suggest nothing.
            QVERIFY(query.exec(u"SELECT recup.catalogue_query('konfidentiel')::text"_s)
                    && query.next());
            QVERIFY2(!query.value(0).toString().contains(u"confidentiel'"_s),
                     qPrintable(query.value(0).toString()));
        }
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.search_word WHERE word = 'chaise'"_s),
                 1);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.search_word WHERE word = 'confidentiel'"_s),
                 0);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.search_category "
                         "WHERE lexeme LIKE 'confidenti%'"_s),
                 0);
    }

    // An address in a description is no word of the vocabulary: it went into to_tsquery() as
    // it was and broke every search for a word near it (hostile review of 021).
    void onlyWordsOfLettersAndDigitsAreKept()
    {
        publishedAd(*m_admin, m_world, u"Table http://h.fr/chaize)x /p?q=1&r=2"_s);
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.search_word "
                         "WHERE word !~ '^[[:alnum:]]+$'"_s),
                 0);
        const auto &[login, db] = m_logins.front();
        QSqlQuery query(db->connection());
        QVERIFY2(query.exec(u"SELECT count(*) FROM recup.catalogue_matches('chaize', NULL, NULL, "
                            "NULL, NULL, 50)"_s)
                         && query.next(),
                 qPrintable(login + query.lastError().text()));
        QVERIFY(query.value(0).toInt() >= 1);
    }

    void nobodyWritesTheVocabulary()
    {
        for (const auto &[login, db] : m_logins) {
            for (const QString &sql : {u"INSERT INTO recup.search_word VALUES ('piratage')"_s,
                                       u"UPDATE recup.search_word SET word = 'piratage'"_s,
                                       u"DELETE FROM recup.search_word"_s,
                                       u"INSERT INTO recup.search_category VALUES (%1, "
                                       "'piratage')"_s.arg(m_world.desks),
                                       u"DELETE FROM recup.search_category"_s}) {
                QSqlQuery query(db->connection());
                QVERIFY2(!query.exec(sql), qPrintable(login + u": "_s + sql));
                QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
            }
        }
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.search_word WHERE word IN "
                         "('piratage', 'chaise')"_s),
                 1);
    }

    void onlyAdministratorsRebuild()
    {
        for (const auto &[login, db] : m_logins) {
            QSqlQuery query(db->connection());
            const bool ran = query.exec(u"SELECT recup.search_words_rebuild()"_s);
            if (login == u"ses_admin") {
                QVERIFY2(ran, qPrintable(query.lastError().text()));
            } else {
                QVERIFY2(!ran, qPrintable(login));
                QCOMPARE(query.lastError().nativeErrorCode(), u"42501"_s);
            }
        }
        // Rebuilt, the vocabulary still holds no word of the pending ad.
        QCOMPARE(countOf(*m_admin,
                         u"SELECT count(*) FROM recup.search_word WHERE word = 'confidentiel'"_s),
                 0);
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_admin;
    World m_world;
    std::vector<std::pair<QString, std::unique_ptr<Database>>> m_logins;
};

QTEST_GUILESS_MAIN(TestSearchSecurity)
#include "tst_searchsecurity.moc"
