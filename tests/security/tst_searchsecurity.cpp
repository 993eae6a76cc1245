// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The search's vocabulary behind the wall (migration 021), each person with their own login as
// with psql: everyone reads the words of published ads (search_word) and their lexemes per
// category (search_category) and builds a query from them; nobody writes either by hand, and the
// words of an ad not yet published are not in it, so that reading it reveals nothing the catalogue
// does not show. Only administrators rebuild it.
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

    void everyoneReadsThePublishedWordsOnly()
    {
        for (const auto &[login, db] : m_logins) {
            QCOMPARE(
                    countOf(*db, u"SELECT count(*) FROM recup.search_word WHERE word = 'chaise'"_s),
                    1);
            // Pending: not in the catalogue, so not in its vocabulary.
            QCOMPARE(countOf(*db,
                             u"SELECT count(*) FROM recup.search_word "
                             "WHERE word = 'confidentiel'"_s),
                     0);
            QVERIFY(countOf(*db,
                            u"SELECT count(*) FROM recup.search_category "
                            "WHERE lexeme LIKE 'chais%'"_s)
                    == 1);
            QCOMPARE(countOf(*db,
                             u"SELECT count(*) FROM recup.search_category "
                             "WHERE lexeme LIKE 'confidenti%'"_s),
                     0);
            QSqlQuery query(db->connection());
            QVERIFY2(query.exec(u"SELECT recup.catalogue_query('chaize')::text"_s) && query.next(),
                     qPrintable(login + query.lastError().text()));
            QVERIFY2(query.value(0).toString().contains(u"'chais'"_s), qPrintable(login));
        }
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
