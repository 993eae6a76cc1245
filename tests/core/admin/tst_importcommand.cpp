// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// collectiv-recup-admin import, list, set-roles and transfer-ads, run as the real binary in
// French (its default), on files as Excel and directory exports write them.
#include "Fixtures.h"
#include "Programs.h"
#include "Sql.h"
#include "TestDatabase.h"
#include "admin/CsvReader.h"
#include "storage/ReferenceRepository.h"
#include "storage/SqlDialect.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Recup;
using namespace Recup::Testing;
using namespace Qt::StringLiterals;

namespace {

// Windows-1252 as Excel writes it on a French Windows: the few characters above Latin-1 the
// files use.
QByteArray windows1252(const QString &text)
{
    QByteArray bytes;
    for (const QChar c : text) {
        if (c == QChar(0x20AC))
            bytes.append('\x80');
        else if (c == QChar(0x2019))
            bytes.append('\x92');
        else if (c == QChar(0x0153))
            bytes.append('\x9C');
        else
            bytes.append(char(c.unicode()));
    }
    return bytes;
}

// « Ligne 12, colonne « courriel » » as the French messages write it.
QString where(int line, const QString &column)
{
    return QStringLiteral("Ligne %1, colonne \u00ab\u00a0%2\u00a0\u00bb").arg(line).arg(column);
}

const QByteArray organisationsFile = "\xEF\xBB\xBF"
                                     "Code;Nom\r\n"
                                     "AGGLO;Communaut\xC3\xA9 d\xE2\x80\x99"
                                     "agglom\xC3\xA9ration\r\n"
                                     "VILLE;Ville de Ch\xC3\xA2tellerault\r\n";
const QByteArray servicesFile
        = "NOM,organisation,code,Actif\n"
          "D\xC3\xA9"
          "chets,AGGLO,DECHETS,oui\n"
          "\"Biblioth\xC3\xA8que, m\xC3\xA9\x64iath\xC3\xA8que\",VILLE,BIBLIO,"
          "non\n"
          "\xC3\x89\x63oles,VILLE,ECOLES,1\n";
const QByteArray categoriesFile
        = "code;nom;poids_unitaire_kg;facteur_co2;source_co2;duree_jours;exclue;"
          "message_exclusion;mots_alerte\r\n"
          "BUREAUX;Bureaux;77,5;0,9;ADEME Base Carbone;60;non;;\r\n"
          "CHAISES;Chaises;7.25;;;30;NON;;\r\n"
          "INFO;Informatique;0;;;60;oui;\"Passez par la DSI ; voir l\xE2\x80\x99intranet.\r\n"
          "Merci.\";\"ordinateur, \xC3\xA9\x63ran\"\r\n";
const QByteArray agentsFile = "identifiant;nom;courriel;t\xC3\xA9l\xC3\xA9phone;service;roles\n"
                              "ix.jdupont;Jean Dupont;jean.dupont@agglo.test;+33 5 49 00 00 01;"
                              "DECHETS;agent\n"
                              "ix.cmartin;Claire Martin;claire.martin@agglo.test;;BIBLIO;agent "
                              "moderateur\n"
                              "ix.plog;Paul Log;paul.log@agglo.test;;ECOLES;logistics admin\n";
const QStringList importLogins{
        QStringLiteral("ix.jdupont"), QStringLiteral("ix.cmartin"), QStringLiteral("ix.plog")};
// A login role kept, disabled, after its agent left: they come back through an import.
const QString returningLogin = QStringLiteral("ix.retour");

} // namespace

class TestImportCommand : public QObject
{
    Q_OBJECT
private slots:
    void init()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("importcommand"));
        QVERIFY(m_dir.isValid());
        const ProgramRun r = admin({QStringLiteral("init")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        if (isPostgres()) {
            auto db = m_test->open(false);
            for (const QString &login : importLogins + QStringList{returningLogin})
                QVERIFY(execSql(*db, QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(login)));
        }
    }
    void cleanup() { m_test.reset(); }

    void importsEveryKindFromExcelFiles()
    {
        ProgramRun r = importFile(QStringLiteral("organisations"), organisationsFile);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("2 ajoutés, 0 modifié, 0 inchangé")),
                 qPrintable(r.out));
        r = importFile(QStringLiteral("services"), servicesFile);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QString sites = QStringLiteral(
                "organisation;code;nom;adresse;Code postal;ville\r\n"
                "AGGLO;DEPOT;D\u00e9p\u00f4t \u20ac central;12 rue de l\u2019\u0153uvre;86100;"
                "Ch\u00e2tellerault\r\n"
                "VILLE;HDV;H\u00f4tel de ville;\"Place \"\"\u00c9mile Zola\"\"\";86100;"
                "Ch\u00e2tellerault\r\n");
        r = importFile(QStringLiteral("sites"), windows1252(sites));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = importFile(QStringLiteral("categories"), categoriesFile);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = importFile(QStringLiteral("agents"), agentsFile);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("3 ajoutés")), qPrintable(r.out));

        auto db = m_test->open(false);
        ReferenceRepository refs(*db);
        const auto services = refs.services();
        QVERIFY(services);
        QCOMPARE(services->size(), 3);
        for (const Service &s : *services) {
            if (s.code == QLatin1String("BIBLIO")) {
                QCOMPARE(s.name, QStringLiteral("Biblioth\u00e8que, m\u00e9\x64iath\u00e8que"));
                QVERIFY(!s.active);
            }
        }
        const auto siteList = refs.sites();
        QVERIFY(siteList);
        QCOMPARE(siteList->size(), 2);
        QStringList names;
        for (const Site &s : *siteList)
            names << s.name << s.address;
        QVERIFY2(names.contains(QStringLiteral("D\u00e9p\u00f4t \u20ac central")),
                 qPrintable(names.join(u'|')));
        QVERIFY(names.contains(QStringLiteral("12 rue de l\u2019\u0153uvre")));
        QVERIFY(names.contains(QStringLiteral("Place \"\u00c9mile Zola\"")));
        const auto categories = refs.categories();
        QVERIFY(categories);
        QCOMPARE(categories->size(), 3);
        for (const Category &c : *categories) {
            if (c.code == QLatin1String("BUREAUX")) {
                QCOMPARE(c.defaultUnitWeightGrams, qint64(77500));
                QCOMPARE(c.co2eGramsPerKg.value_or(-1), 900);
                QCOMPARE(c.co2eSource, QStringLiteral("ADEME Base Carbone"));
            } else if (c.code == QLatin1String("CHAISES")) {
                QCOMPARE(c.defaultUnitWeightGrams, qint64(7250));
                QCOMPARE(c.expiryDays, 30);
                QVERIFY(!c.co2eGramsPerKg);
                QVERIFY(!c.excluded);
            } else {
                QVERIFY(c.excluded);
                QCOMPARE(c.excludedMessage,
                         QStringLiteral("Passez par la DSI ; voir l\u2019intranet.\nMerci."));
                QCOMPARE(c.warningWords,
                         (QStringList{QStringLiteral("ordinateur"),
                                      QStringLiteral("\u00e9\x63ran")}));
            }
        }
        const auto plog = refs.agentByLogin(QStringLiteral("ix.plog"));
        QVERIFY(plog);
        QCOMPARE(plog->roles, Role::Agent | Role::Logistics | Role::Admin);
        const auto cmartin = refs.agentByLogin(QStringLiteral("ix.cmartin"));
        QVERIFY(cmartin);
        QCOMPARE(cmartin->roles, Role::Agent | Role::Moderator);
        QCOMPARE(refs.agentByLogin(QStringLiteral("ix.jdupont"))->phone,
                 QStringLiteral("+33 5 49 00 00 01"));

        // The same files again: nothing changes, and the tool says so.
        const QList<std::pair<QString, QByteArray>> again{
                {QStringLiteral("organisations"), organisationsFile},
                {QStringLiteral("services"), servicesFile},
                {QStringLiteral("sites"), windows1252(sites)},
                {QStringLiteral("categories"), categoriesFile},
                {QStringLiteral("agents"), agentsFile}};
        for (const auto &[kind, bytes] : again) {
            r = importFile(kind, bytes);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.out.contains(QRegularExpression(
                             QStringLiteral("^0 ajouté, 0 modifié, [23] inchangés\\.$"),
                             QRegularExpression::MultilineOption)),
                     qPrintable(QString(kind + u':' + r.out)));
            QVERIFY2(r.out.contains(QStringLiteral("Rien \u00e0 changer")), qPrintable(r.out));
        }
    }

    void listThenImportChangesNothing()
    {
        importWorld();
        for (const char *kind : {"organisations", "services", "sites", "categories", "agents"}) {
            const ProgramRun listed = admin(
                    {QStringLiteral("list"), QStringLiteral("--kind"), QString::fromLatin1(kind)});
            QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
            // UTF-8 with a byte-order mark and `;`, as Excel opens it.
            const auto table = CsvReader::read(listed.out.toUtf8().prepend("\xEF\xBB\xBF"));
            QVERIFY(table);
            QCOMPARE(table->separator, QChar(u';'));
            const ProgramRun r = importFile(QString::fromLatin1(kind),
                                            listed.out.toUtf8().prepend("\xEF\xBB\xBF"));
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.out.contains(QRegularExpression(
                             QStringLiteral("0 ajouté, 0 modifié, [23] inchangés"))),
                     qPrintable(QString(QString::fromLatin1(kind) + u':' + r.out + u'\n'
                                        + listed.out)));
        }
    }

    void changedRowsAreUpdated()
    {
        importWorld();
        QByteArray renamed = servicesFile;
        renamed.replace("chets,AGGLO,DECHETS,oui", "chets et propret\xC3\xA9,AGGLO,DECHETS,oui");
        ProgramRun r
                = importFile(QStringLiteral("services"), renamed, {QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("0 ajouté, 1 modifié, 2 inchangés")),
                 qPrintable(r.out));
        auto db = m_test->open(false);
        QCOMPARE(ReferenceRepository(*db).serviceByCode(QStringLiteral("DECHETS"))->name,
                 QStringLiteral("D\u00e9\x63hets"));
        r = importFile(QStringLiteral("services"), renamed);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("0 ajouté, 1 modifié, 2 inchangés")),
                 qPrintable(r.out));
        QCOMPARE(ReferenceRepository(*db).serviceByCode(QStringLiteral("DECHETS"))->name,
                 QStringLiteral("D\u00e9\x63hets et propret\u00e9"));
    }

    void badFilesImportNothing_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("said");
        const QByteArray services = "organisation;code;nom\nAGGLO;NEUF;Nouveau service\n";
        const QByteArray agents = "identifiant;nom;courriel;telephone;service;roles\n"
                                  "ix.neuf;Nouvel Agent;neuf@agglo.test;;DECHETS;agent\n";
        const QByteArray categories = "code;nom;poids_unitaire_kg;facteur_co2;source_co2;"
                                      "duree_jours;exclue;message_exclusion\n"
                                      "NEUVE;Neuve;1;;;60;non;\n";
        QTest::newRow("missing column")
                << "services" << QByteArray("organisation;code\nAGGLO;NEUF\n")
                << QStringList{QStringLiteral("Ligne 1"), QStringLiteral("nom")};
        QTest::newRow("unknown column")
                << "services" << QByteArray("organisation;code;nom;couleur\nAGGLO;NEUF;N;bleu\n")
                << QStringList{where(1, QStringLiteral("couleur"))};
        QTest::newRow("duplicate code in the file")
                << "services" << QByteArray(services + "VILLE;NEUF;Encore\n")
                << QStringList{where(3, QStringLiteral("code")), QStringLiteral("ligne 2")};
        QTest::newRow("unknown organisation")
                << "services" << QByteArray(services + "NULLE;AUTRE;Autre\n")
                << QStringList{where(3, QStringLiteral("organisation")), QStringLiteral("NULLE")};
        QTest::newRow("unknown service")
                << "agents" << QByteArray(agents + "ix.autre;Autre;autre@agglo.test;;NULLE;agent\n")
                << QStringList{where(3, QStringLiteral("service"))};
        QTest::newRow("invalid email")
                << "agents"
                << QByteArray(agents + "ix.autre;Jean Dupont;jean.dupont@;;DECHETS;agent\n")
                << QStringList{where(3, QStringLiteral("courriel")),
                               QStringLiteral("jean.dupont@")};
        QTest::newRow("unknown role")
                << "agents"
                << QByteArray(agents + "ix.autre;Autre;autre@agglo.test;;DECHETS;agent chef\n")
                << QStringList{where(3, QStringLiteral("roles")), QStringLiteral("chef")};
        QTest::newRow("empty file")
                << "services" << QByteArray() << QStringList{QStringLiteral("vide")};
        QTest::newRow("binary file")
                << "services" << QByteArray("organisation;code;nom\n\x89PNG\0\0\x1a", 29)
                << QStringList{QStringLiteral("Ligne 2"), QStringLiteral("fichier texte")};
        QByteArray huge = services;
        for (int i = 0; i < 100'000; ++i)
            huge += "AGGLO;S" + QByteArray::number(i) + ";Service " + QByteArray::number(i) + '\n';
        QTest::newRow("100,000 lines")
                << "services" << huge
                << QStringList{QStringLiteral("Ligne %1").arg(CsvReader::MaxDataLines + 2)};
        QTest::newRow("wrong number of fields")
                << "services" << QByteArray(services + "AGGLO;SEUL\n")
                << QStringList{QStringLiteral("Ligne 3"), QStringLiteral("2 champs")};
        QTest::newRow("invalid number")
                << "categories" << QByteArray(categories + "LOURDE;Lourde;douze;;;60;non;\n")
                << QStringList{where(3, QStringLiteral("poids_unitaire_kg")),
                               QStringLiteral("douze")};
        QTest::newRow("too long value")
                << "services" << QByteArray(services + "AGGLO;LONG;" + QByteArray(200, 'x') + '\n')
                << QStringList{where(3, QStringLiteral("nom")), QStringLiteral("200")};
        QTest::newRow("every error is told, not only the first")
                << "agents"
                << QByteArray(agents
                              + "ix.a;A;a@;;DECHETS;agent\nix.b;B;b@agglo.test;;NULLE;agent\n"
                                "ix.c;C;c@agglo.test;;DECHETS;pape\n")
                << QStringList{where(3, QStringLiteral("courriel")),
                               where(4, QStringLiteral("service")),
                               where(5, QStringLiteral("roles")),
                               QStringLiteral("3 erreurs")};
    }
    void badFilesImportNothing()
    {
        QFETCH(QString, kind);
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, said);
        importWorld();
        auto db = m_test->open(false);
        const auto rows = [&] {
            return countOf(*db,
                           QStringLiteral("SELECT (SELECT count(*) FROM service) + "
                                          "(SELECT count(*) FROM agent) + "
                                          "(SELECT count(*) FROM category)"));
        };
        const int before = rows();
        const ProgramRun r = importFile(kind, bytes);
        QCOMPARE(r.exitCode, 2);
        for (const QString &words : said)
            QVERIFY2(r.err.contains(words), qPrintable(QString(words + u'\n' + r.err)));
        QCOMPARE(rows(), before);
    }

    // Migration 019: no active service or site goes under a deactivated organisation; each said
    // on its line, nothing imported.
    void nothingActiveGoesUnderAnInactiveOrganisation()
    {
        importWorld();
        auto db = m_test->open(false);
        const QString no = db->dialect().name() == u"sqlite"_s ? u"0"_s : u"false"_s;
        QVERIFY(execSql(*db,
                        u"INSERT INTO organisation (code, name, active) "
                        "VALUES ('SYND', 'Syndicat dissous', %1)"_s.arg(no)));
        QVERIFY(execSql(*db, u"UPDATE service SET active = %1 WHERE code = 'DECHETS'"_s.arg(no)));
        const auto rows = [&] {
            return countOf(*db,
                           u"SELECT (SELECT count(*) FROM service) + (SELECT count(*) FROM site) "
                           "+ (SELECT count(*) FROM agent)"_s);
        };
        const int before = rows();
        ProgramRun r = importFile(u"services"_s, "organisation;code;nom\nSYND;NEUF;Nouveau\n");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(where(2, u"organisation"_s)) && r.err.contains(u"SYND"_s),
                 qPrintable(r.err));
        r = importFile(u"sites"_s,
                       "organisation;code;nom;adresse;code_postal;ville\n"
                       "SYND;HANGAR;Hangar;;;\n");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(where(2, u"organisation"_s)), qPrintable(r.err));
        QCOMPARE(rows(), before);
        // A row recorded as inactive may still name it.
        r = importFile(u"services"_s, "organisation;code;nom;actif\nSYND;ANCIEN;Ancien;non\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(rows(), before + 1);
    }

    void dryRunWritesNothing()
    {
        importWorld();
        const ProgramRun r = importFile(QStringLiteral("services"),
                                        "organisation;code;nom\nAGGLO;NEUF;Nouveau\n",
                                        {QStringLiteral("--dry-run")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("1 ajouté, 0 modifié, 0 inchangé")),
                 qPrintable(r.out));
        auto db = m_test->open(false);
        QVERIFY(!ReferenceRepository(*db).serviceByCode(QStringLiteral("NEUF")));
    }

    void agentsGetTheirLogins()
    {
        if (!isPostgres())
            QSKIP("login roles exist on PostgreSQL only");
        importWorld();
        auto db = m_test->open(false);
        const QList<std::pair<QString, QString>> expected{
                {QStringLiteral("ix.jdupont"), QStringLiteral("tfff")},
                {QStringLiteral("ix.cmartin"), QStringLiteral("ttff")},
                {QStringLiteral("ix.plog"), QStringLiteral("tftt")}};
        for (const auto &[login, groups] : expected) {
            QSqlQuery q(db->connection());
            q.prepare(QStringLiteral("SELECT rolcanlogin, rolpassword IS NULL, "
                                     "pg_has_role(rolname, 'recup_agent', 'MEMBER'), "
                                     "pg_has_role(rolname, 'recup_moderator', 'MEMBER'), "
                                     "pg_has_role(rolname, 'recup_logistics', 'MEMBER'), "
                                     "pg_has_role(rolname, 'recup_admin', 'MEMBER') "
                                     "FROM pg_authid WHERE rolname = ?"));
            q.addBindValue(login);
            QVERIFY(q.exec() && q.next());
            QVERIFY(q.value(0).toBool());
            QVERIFY2(q.value(1).toBool(), "single sign-on: no password");
            QString found;
            for (int i = 2; i < 6; ++i)
                found += q.value(i).toBool() ? u't' : u'f';
            QCOMPARE(found, groups);
        }
    }

    void initialPasswordsLetAgentsLogIn()
    {
        if (!isPostgres())
            QSKIP("passwords are PostgreSQL logins");
        importWorld(false);
        const QString passwords = m_dir.filePath(QStringLiteral("mots-de-passe.csv"));
        ProgramRun r = importFile(QStringLiteral("agents"),
                                  agentsFile,
                                  {QStringLiteral("--initial-passwords"), passwords});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(passwords).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QFile file(passwords);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines
                = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.first(), QStringLiteral("identifiant;mot_de_passe"));
        QString password;
        for (const QString &line : lines) {
            if (line.startsWith(QLatin1String("ix.cmartin;")))
                password = line.section(u';', 1);
        }
        QVERIFY(password.size() >= 16);
        const QString tcp = QStringLiteral("host=127.0.0.1 port=%1 %2 user=ix.cmartin")
                                    .arg(clusterPort(), dbnameOf(m_test->config().conninfo));
        {
            Database claire(DatabaseConfig::fromConninfo(tcp + u" password='" + password + u'\''));
            const Status opened = claire.open();
            QVERIFY2(opened, qPrintable(opened.error().detail));
            const auto me = ReferenceRepository(claire).sessionAgent();
            QVERIFY2(me, qPrintable(me.error().message));
            QCOMPARE(me->displayName, QStringLiteral("Claire Martin"));
            QVERIFY(me->roles.testFlag(Role::Moderator));
        }
        // The file is never overwritten.
        r = importFile(QStringLiteral("agents"),
                       agentsFile,
                       {QStringLiteral("--initial-passwords"), passwords});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(passwords));
    }

    void setRolesReplacesFlagsAndGroups()
    {
        importWorld();
        ProgramRun r = admin({QStringLiteral("set-roles"),
                              QStringLiteral("--login"),
                              QStringLiteral("ix.cmartin"),
                              QStringLiteral("--role"),
                              QStringLiteral("logistics")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto db = m_test->open(false);
        QCOMPARE(ReferenceRepository(*db).agentByLogin(QStringLiteral("ix.cmartin"))->roles,
                 Role::Agent | Role::Logistics);
        if (isPostgres()) {
            QCOMPARE(countOf(*db,
                             QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = "
                                            "'ix.cmartin' AND pg_has_role(rolname, "
                                            "'recup_logistics', 'MEMBER') AND NOT "
                                            "pg_has_role(rolname, 'recup_moderator', 'MEMBER') "
                                            "AND pg_has_role(rolname, 'recup_agent', 'MEMBER')")),
                     1);
        }
        r = admin({QStringLiteral("set-roles"),
                   QStringLiteral("--login"),
                   QStringLiteral("personne"),
                   QStringLiteral("--role"),
                   QStringLiteral("agent")});
        QCOMPARE(r.exitCode, 2);
        r = admin({QStringLiteral("set-roles"),
                   QStringLiteral("--login"),
                   QStringLiteral("ix.cmartin"),
                   QStringLiteral("--role"),
                   QStringLiteral("pape")});
        QCOMPARE(r.exitCode, 1);
        // PostgreSQL's own roles and the application's groups are nobody's (hostile finding 6
        // of #12): refused in French before anything is granted.
        for (const QString &reserved : {QStringLiteral("postgres"),
                                        QStringLiteral("pg_read_server_files"),
                                        QStringLiteral("recup_owner")}) {
            r = admin({QStringLiteral("set-roles"),
                       QStringLiteral("--login"),
                       reserved,
                       QStringLiteral("--role"),
                       QStringLiteral("admin")});
            QVERIFY2(r.exitCode != 0, qPrintable(reserved));
            QVERIFY2(r.err.contains(QStringLiteral("réservé")), qPrintable(r.err));
        }
    }

    // A directory export without the roles and phone columns changes neither (the hostile
    // review of #12): a moderator stays one, Jean keeps his phone.
    void absentColumnsKeepWhatAgentsHad()
    {
        importWorld();
        const ProgramRun r = importFile(QStringLiteral("agents"),
                                        "identifiant;nom;courriel;service\n"
                                        "ix.jdupont;Jean Dupont;jean.dupont@agglo.test;DECHETS\n"
                                        "ix.cmartin;Claire Martin;claire.martin@agglo.test;BIBLIO\n"
                                        "ix.plog;Paul Log;paul.log@agglo.test;ECOLES\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto db = m_test->open(false);
        const ReferenceRepository people(*db);
        QCOMPARE(people.agentByLogin(QStringLiteral("ix.cmartin"))->roles,
                 Role::Agent | Role::Moderator);
        QCOMPARE(people.agentByLogin(QStringLiteral("ix.plog"))->roles,
                 Role::Agent | Role::Logistics | Role::Admin);
        QCOMPARE(people.agentByLogin(QStringLiteral("ix.jdupont"))->phone,
                 QStringLiteral("+33 5 49 00 00 01"));
        if (isPostgres())
            QCOMPARE(countOf(*db,
                             QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = "
                                            "'ix.plog' AND pg_has_role(rolname, 'recup_admin', "
                                            "'MEMBER')")),
                     1);
    }

    // A database account that is not an agent's is never taken over by an import (the hostile
    // review of #12): another application's login, or IT's own superuser.
    void foreignRolesAreNotTakenOver()
    {
        if (!isPostgres())
            QSKIP("login roles exist on PostgreSQL only");
        importWorld(false);
        auto db = m_test->open(false);
        QSqlQuery q(db->connection());
        QVERIFY2(q.exec(QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE "
                                       "rolname = 'ix.autreappli') THEN CREATE ROLE "
                                       "\"ix.autreappli\" LOGIN; END IF; END $$")),
                 qPrintable(q.lastError().text()));
        const ProgramRun r
                = importFile(QStringLiteral("agents"),
                             "identifiant;nom;courriel;service;roles\n"
                             "ix.autreappli;Jean Autre;jean.autre@agglo.test;DECHETS;agent\n");
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("existe d\u00e9j\u00e0")), qPrintable(r.err));
        QCOMPARE(countOf(*db,
                         QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = "
                                        "'ix.autreappli' AND pg_has_role(rolname, 'recup_agent', "
                                        "'MEMBER')")),
                 0);
        QCOMPARE(countOf(*db,
                         QStringLiteral("SELECT count(*) FROM agent WHERE login = "
                                        "'ix.autreappli'")),
                 0);
    }

    // With the roles column, a login leaves the groups its roles no longer give (never
    // recup_agent), whether the agent was here or comes back; without it, it keeps them.
    void givenRolesRevokeTheGroupsNoLongerGiven()
    {
        if (!isPostgres())
            QSKIP("login roles exist on PostgreSQL only");
        importWorld();
        auto db = m_test->open(false);
        QVERIFY(execSql(*db,
                        QStringLiteral("CREATE ROLE \"%1\" NOLOGIN IN ROLE recup_agent, "
                                       "recup_moderator, recup_admin")
                                .arg(returningLogin)));
        // Jean was given the administrators' group by hand: the file does not give it.
        QVERIFY(execSql(*db, QStringLiteral("GRANT recup_admin TO \"ix.jdupont\"")));
        ProgramRun r = importFile(
                QStringLiteral("agents"),
                "identifiant;nom;courriel;service;roles\n"
                "ix.jdupont;Jean Dupont;jean.dupont@agglo.fr;DECHETS;agent\n"
                "ix.cmartin;Claire Martin;claire.martin@agglo.test;BIBLIO;agent\n"
                "ix.plog;Paul Log;paul.log@agglo.test;ECOLES;logistics\n"
                "ix.retour;Rémi Retour;remi.retour@agglo.test;ECOLES;agent logistics\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(directGroups(*db, QStringLiteral("ix.jdupont")), QStringLiteral("recup_agent"));
        QCOMPARE(directGroups(*db, QStringLiteral("ix.cmartin")), QStringLiteral("recup_agent"));
        QCOMPARE(directGroups(*db, QStringLiteral("ix.plog")),
                 QStringLiteral("recup_agent recup_logistics"));
        QCOMPARE(directGroups(*db, returningLogin), QStringLiteral("recup_agent recup_logistics"));
        QCOMPARE(countOf(*db,
                         QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = "
                                        "'ix.retour' AND rolcanlogin")),
                 1);
        const ReferenceRepository people(*db);
        QCOMPARE(people.agentByLogin(QStringLiteral("ix.cmartin"))->roles, Role::Agent);
        QCOMPARE(people.agentByLogin(returningLogin)->roles, Role::Agent | Role::Logistics);

        // Without the column: Claire is made a moderator by hand, the file changes her mail,
        // and she stays one.
        QVERIFY(execSql(*db, QStringLiteral("GRANT recup_moderator TO \"ix.cmartin\"")));
        r = importFile(QStringLiteral("agents"),
                       "identifiant;nom;courriel;service\n"
                       "ix.cmartin;Claire Martin;claire.martin@agglo.fr;BIBLIO\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(directGroups(*db, QStringLiteral("ix.cmartin")),
                 QStringLiteral("recup_agent recup_moderator"));
    }

    // Passwords are PostgreSQL logins': asked for on SQLite, the import is refused whole.
    void initialPasswordsAreRefusedOnSqlite()
    {
        if (isPostgres())
            QSKIP("SQLite has no login roles");
        importWorld(false);
        const QString passwords = m_dir.filePath(QStringLiteral("mots-de-passe.csv"));
        const ProgramRun r = importFile(QStringLiteral("agents"),
                                        agentsFile,
                                        {QStringLiteral("--initial-passwords"), passwords});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("--initial-passwords"))
                         && r.err.contains(QStringLiteral("SQLite"))
                         && r.err.contains(QStringLiteral("mot de passe")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(passwords));
        auto db = m_test->open(false);
        QCOMPARE(countOf(*db, QStringLiteral("SELECT count(*) FROM agent WHERE login LIKE 'ix.%'")),
                 0);
    }

    void transferAdsMovesOpenAdsOnly()
    {
        std::unique_ptr<Database> db = m_test->open(false);
        const World w = makeWorld(*db);
        const Ad published = publishedAd(*db, w, QStringLiteral("Bureau en chêne"));
        const Ad pending = pendingAd(*db, w, QStringLiteral("Armoire haute"));
        const Ad closed = closedLot(*db, w, w.desks, 1, 1000, 5000, CloseReason::Discarded);
        // Only a leaving agent's ads move (018): Marie still works here.
        const ProgramRun atWork = admin({QStringLiteral("transfer-ads"),
                                         QStringLiteral("--from"),
                                         QStringLiteral("mdupont"),
                                         QStringLiteral("--to"),
                                         QStringLiteral("pmartin")});
        QCOMPARE(atWork.exitCode, 2);
        QVERIFY2(atWork.err.contains(QStringLiteral("deactivate-agent --login mdupont")),
                 qPrintable(atWork.err));
        QVERIFY2(atWork.err.contains(QStringLiteral("encore en poste")), qPrintable(atWork.err));
        QCOMPARE(countOf(*db,
                         QStringLiteral("SELECT owner_id FROM ad WHERE id = %1").arg(published.id)),
                 int(w.owner));
        // She leaves (deactivate-agent would also revoke a login this world does not have).
        QVERIFY(execSql(*db,
                        QStringLiteral("UPDATE agent SET active = false WHERE login = 'mdupont'")));
        const ProgramRun r = admin({QStringLiteral("transfer-ads"),
                                    QStringLiteral("--from"),
                                    QStringLiteral("mdupont"),
                                    QStringLiteral("--to"),
                                    QStringLiteral("pmartin")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("2 annonces")), qPrintable(r.out));
        const auto ownerOf = [&](qint64 ad) {
            return countOf(*db, QStringLiteral("SELECT owner_id FROM ad WHERE id = %1").arg(ad));
        };
        QCOMPARE(ownerOf(published.id), int(w.other));
        QCOMPARE(ownerOf(pending.id), int(w.other));
        QCOMPARE(ownerOf(closed.id), int(w.owner));
        QCOMPARE(countOf(*db,
                         QStringLiteral("SELECT count(*) FROM ad_history WHERE action = "
                                        "'handover' AND ad_id IN (%1, %2)")
                                 .arg(published.id)
                                 .arg(pending.id)),
                 2);
        QCOMPARE(countOf(*db,
                         QStringLiteral("SELECT count(*) FROM ad_history WHERE action = "
                                        "'handover' AND ad_id = %1")
                                 .arg(closed.id)),
                 0);
        QCOMPARE(countOf(*db,
                         QStringLiteral("SELECT service_id FROM ad WHERE id = %1")
                                 .arg(published.id)),
                 int(w.library));

        ProgramRun refused = admin({QStringLiteral("transfer-ads"),
                                    QStringLiteral("--from"),
                                    QStringLiteral("pmartin"),
                                    QStringLiteral("--to"),
                                    QStringLiteral("pmartin")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("l\u2019agent qui les a d\u00e9j\u00e0")),
                 qPrintable(refused.err));
        QVERIFY(execSql(*db,
                        QStringLiteral("UPDATE agent SET active = false WHERE login = 'lpetit'")));
        refused = admin({QStringLiteral("transfer-ads"),
                         QStringLiteral("--from"),
                         QStringLiteral("pmartin"),
                         QStringLiteral("--to"),
                         QStringLiteral("lpetit")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("actif")), qPrintable(refused.err));
        QCOMPARE(ownerOf(published.id), int(w.other));
    }

    void handOverAndRolesAreRefusedToOtherLogins()
    {
        if (!isPostgres())
            QSKIP("logins exist on PostgreSQL only");
        std::unique_ptr<Database> db = m_test->open(false);
        const World w = makeWorld(*db);
        QVERIFY(ensureLoginRoles(*db));
        const Ad published = publishedAd(*db, w, QStringLiteral("Bureau en chêne"));
        {
            const auto agent = m_test->openAs(QStringLiteral("mdupont"));
            QVERIFY(agent);
            QVERIFY(!sqlRuns(*agent,
                             QStringLiteral("SELECT recup.hand_over_ads(%1, %2)")
                                     .arg(w.owner)
                                     .arg(w.other)));
            QVERIFY(!sqlRuns(*agent,
                             QStringLiteral("INSERT INTO ad_handover (ad_id, from_agent_id, "
                                            "to_agent_id) VALUES (%1, %2, %3)")
                                     .arg(published.id)
                                     .arg(w.owner)
                                     .arg(w.other)));
            QVERIFY(!sqlRuns(
                    *agent,
                    QStringLiteral("UPDATE agent SET is_admin = true WHERE id = %1").arg(w.owner)));
        }
        {
            const auto moderator = m_test->openAs(QStringLiteral("cbernard"));
            QVERIFY(moderator);
            QVERIFY(!sqlRuns(*moderator,
                             QStringLiteral("UPDATE agent SET login = 'pmartin2' WHERE id = %1")
                                     .arg(w.other)));
            QVERIFY(!sqlRuns(*moderator,
                             QStringLiteral("UPDATE agent SET is_moderator = true WHERE id = %1")
                                     .arg(w.other)));
            QVERIFY(sqlRuns(*moderator,
                            QStringLiteral("UPDATE agent SET display_name = 'Paul Martin-Roy' "
                                           "WHERE id = %1")
                                    .arg(w.other)));
        }
        QCOMPARE(countOf(*db,
                         QStringLiteral("SELECT count(*) FROM agent WHERE display_name = 'Paul "
                                        "Martin-Roy' AND login = 'pmartin' AND NOT is_moderator")),
                 1);
        QCOMPARE(countOf(*db,
                         QStringLiteral("SELECT count(*) FROM agent WHERE id = %1 AND NOT is_admin")
                                 .arg(w.owner)),
                 1);
        QCOMPARE(countOf(*db, QStringLiteral("SELECT count(*) FROM ad_handover")), 0);
    }

private:
    static bool isPostgres() { return TestDatabase::backend() == QLatin1String("postgresql"); }

    // The application's groups the login is directly a member of, by name, space-separated.
    static QString directGroups(Database &db, const QString &login)
    {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("SELECT coalesce(string_agg(g.rolname, ' ' ORDER BY g.rolname), "
                                 "'') FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                                 "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = ? "
                                 "AND g.rolname LIKE 'recup\\_%'"));
        q.addBindValue(login);
        if (!q.exec() || !q.next())
            return QStringLiteral("error: ") + q.lastError().text();
        return q.value(0).toString();
    }

    // Organisations, services, sites, categories and (with agents) agents, from the files.
    void importWorld(bool agents = true)
    {
        QCOMPARE(importFile(QStringLiteral("organisations"), organisationsFile).exitCode, 0);
        QCOMPARE(importFile(QStringLiteral("services"), servicesFile).exitCode, 0);
        QCOMPARE(importFile(QStringLiteral("sites"),
                            "organisation,code,nom,adresse,code_postal,ville,actif\n"
                            "AGGLO,DEPOT,D\xC3\xA9p\xC3\xB4t,\"1, rue Haute\",86100,Ch,oui\n"
                            "VILLE,HDV,Mairie,,,,non\n")
                         .exitCode,
                 0);
        QCOMPARE(importFile(QStringLiteral("categories"), categoriesFile).exitCode, 0);
        if (agents) {
            const ProgramRun r = importFile(QStringLiteral("agents"), agentsFile);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
    }

    ProgramRun
    importFile(const QString &kind, const QByteArray &bytes, const QStringList &more = {})
    {
        const QString path = m_dir.filePath(QStringLiteral("%1-%2.csv").arg(kind).arg(++m_files));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        file.close();
        return admin(QStringList{QStringLiteral("import"),
                                 QStringLiteral("--kind"),
                                 kind,
                                 QStringLiteral("--file"),
                                 path}
                     + more);
    }

    // In French, the tool's default language.
    ProgramRun admin(const QStringList &arguments)
    {
        return runProgram(
                QStringLiteral(RECUP_ADMIN_BINARY),
                arguments + QStringList{QStringLiteral("--database"), databaseArgument(*m_test)},
                {},
                QString());
    }

    static QString clusterPort()
    {
        return QRegularExpression(QStringLiteral("port=(\\d+)"))
                .match(TestDatabase::clusterConninfo())
                .captured(1);
    }
    static QString dbnameOf(const QString &conninfo)
    {
        QString last;
        for (auto it = QRegularExpression(QStringLiteral("dbname=\\S+")).globalMatch(conninfo);
             it.hasNext();)
            last = it.next().captured(0);
        return last;
    }

    std::unique_ptr<TestDatabase> m_test;
    QTemporaryDir m_dir;
    int m_files = 0;
};

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
