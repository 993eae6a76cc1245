// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// recup-bench: fills a database with N ads, then times the catalogue's pages and a French
// search through CatalogueQuery next to the very same SQL run straight through Qt SQL; then
// drains 1,000 queued mails into a real SMTP server with the relay, next to a Python sender;
// lays out a day of 1,000 pickups as the printed list, next to a plain table of the same rows.
#include "ImportBench.h"
#include "ScrollBench.h"
#include "TransportsBench.h"
#include "WindowsBench.h"
#include "actions/MailQueue.h"
#include "actions/OutboxDispatcher.h"
#include "mail/MailMessage.h"
#include "mail/SmtpTransport.h"
#include "reports/Figures.h"
#include "reports/PickupList.h"
#include "reports/ReportDocument.h"
#include "reports/ReportPeriod.h"
#include "storage/CatalogueQuery.h"
#include "storage/Database.h"
#include "storage/DatabaseConfig.h"
#include "storage/ReferenceRepository.h"
#include "storage/SchemaMigrator.h"
#include "storage/SqlDialect.h"
#include "storage/StatisticsRepository.h"
#include "storage/Transaction.h"

#include <QApplication>
#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QImage>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTextDocument>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <functional>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

using Recup::Error;
using Recup::Result;
using Recup::Status;

constexpr int WarmupRuns = 5;
constexpr int PageSize = 50;
constexpr int RowsPerInsert = 500;
constexpr int InsertsPerTransaction = 20;
constexpr int PhotoEvery = 100; // 1 % of the ads carry a photo
constexpr double FirstPageTargetMs = 20.0;
constexpr double RatioTarget = 1.5;
// Every search of the catalogue, whatever it matches (issue #13), at 1,000,000 ads.
constexpr double SearchTargetMs = 50.0;
constexpr double FiguresTargetMs = 200.0; // a year's figures on PostgreSQL, as a moderator
constexpr int FiguresRuns = 5;            // after one warm-up run
constexpr quint32 Seed = 20170901;        // same data on every run and backend
constexpr int PickupStops = 1000;         // a day of the printed pickup list, built in memory
constexpr int PickupSites = 20;
constexpr int PickupTeams = 5;
constexpr int PickupRuns = 5; // after one warm-up run
constexpr double PickupListTargetMs = 1000.0;

const QString BenchDatabaseName = u"recup_bench"_s;
// The agent whose login role reads the catalogue on PostgreSQL, under row-level security.
const QString BenchAgentLogin = u"bench_agent"_s;
// The moderator whose login reads the moderation queue on PostgreSQL.
const QString BenchModeratorLogin = u"bench_moderator"_s;
// The relay's login on PostgreSQL: a member of recup_admin, as README.md deploys it.
const QString BenchRelayLogin = u"bench_relay"_s;
// Debian's Python, the one with aiosmtpd (RECUP_TEST_PYTHON overrides it, as in the tests).
const QString PythonInterpreter = qEnvironmentVariable("RECUP_TEST_PYTHON", u"/usr/bin/python3"_s);

Error setupError(const QString &message, const QString &detail = {})
{
    return Error{Error::Kind::Database, message, detail, {}};
}

Error setupError(const QString &message, const Error &cause)
{
    QString detail = cause.message;
    if (!cause.detail.isEmpty())
        detail += u" — "_s + cause.detail.simplified();
    return setupError(message, detail);
}

// ---------------------------------------------------------------------------------------------
// Options

struct Options
{
    qint64 ads = 100'000;
    int runs = 50;
    QString postgres; // superuser conninfo of a cluster
    QString sqlitePath;
    bool keep = false;
    QStringList backends; // "sqlite", "postgresql"
    bool catalogue = true;
    bool measureCatalogue = true; // the catalogue's pages (catalogue: the fill itself)
    bool search = true;           // searches common, rare, absent, misspelt (PostgreSQL)
    bool windows = true;          // « Mes annonces » and the moderation queue, after the fill
    bool figures = true;          // a year's figures and the semester PDF over closed ads
    qint64 closed = 100'000;      // closed ads filled for the figures
    bool pickups = true;          // the printed pickup list of a 1,000-stop day (no database)
    bool transports = false;      // the logistics window over 5,000 transports (--only only)
    bool import = false;          // import of 5,000 agents, PostgreSQL (--only only)
    bool scroll = false;          // the catalogue window scrolled, and its cold start (--only only)
    int scrollRows = 10'000;
    int coldRuns = 5;
    int windowRuns = 10;
    int mails = 1000; // 0: no relay measure
    int mailRuns = 3;
};

Result<Options> parseOptions(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
            u"Remplit une base avec N annonces et mesure le catalogue (première page, page "
            "suivante, recherche) face au même SQL exécuté directement par le pilote."_s);
    parser.addHelpOption();
    const QCommandLineOption adsOption(
            u"ads"_s, u"Nombre d'annonces (100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption runsOption(
            u"runs"_s,
            u"Mesures par requête, après %1 tours de chauffe (50)."_s.arg(WarmupRuns),
            u"R"_s,
            u"50"_s);
    const QCommandLineOption postgresOption(
            u"postgres"_s,
            u"Conninfo superutilisateur d'un cluster ; la base recup_bench y est recréée."_s,
            u"CONNINFO"_s);
    const QCommandLineOption sqliteOption(
            u"sqlite"_s, u"Fichier SQLite (défaut : dans un dossier temporaire)."_s, u"PATH"_s);
    const QCommandLineOption backendOption(
            u"backend"_s,
            u"sqlite, postgresql ou both (défaut : both avec --postgres, sinon sqlite)."_s,
            u"BACKEND"_s);
    const QCommandLineOption keepOption(u"keep"_s, u"Garder les bases remplies à la fin."_s);
    const QCommandLineOption mailsOption(
            u"mails"_s,
            u"Courriels mis en file pour la mesure du relais (1000 ; 0 : pas de mesure)."_s,
            u"N"_s,
            u"1000"_s);
    const QCommandLineOption mailRunsOption(
            u"mail-runs"_s,
            u"Envois complets de la file par chaque expéditeur, médiane retenue (3)."_s,
            u"R"_s,
            u"3"_s);
    const QCommandLineOption onlyOption(u"only"_s,
                                        u"catalogue, search, windows, figures, relay, pickups, "
                                        u"transports, import ou scroll : une seule des "
                                        "mesures."_s,
                                        u"PART"_s);
    const QCommandLineOption closedOption(
            u"closed"_s,
            u"Annonces closes sur deux ans pour les statistiques (100000)."_s,
            u"N"_s,
            u"100000"_s);
    parser.addOptions({adsOption,
                       runsOption,
                       postgresOption,
                       sqliteOption,
                       backendOption,
                       keepOption,
                       mailsOption,
                       mailRunsOption,
                       onlyOption,
                       closedOption});
    if (!parser.parse(app.arguments()))
        return setupError(u"option invalide"_s, parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty())
        return setupError(u"argument inattendu : %1"_s.arg(parser.positionalArguments().first()));

    Options options;
    bool ok = false;
    options.ads = parser.value(adsOption).toLongLong(&ok);
    if (!ok || options.ads < 1 || options.ads > 10'000'000)
        return setupError(u"--ads attend un nombre entre 1 et 10000000."_s);
    options.runs = parser.value(runsOption).toInt(&ok);
    if (!ok || options.runs < 1 || options.runs > 100'000)
        return setupError(u"--runs attend un nombre entre 1 et 100000."_s);
    options.postgres = parser.value(postgresOption).trimmed();
    options.sqlitePath = parser.value(sqliteOption);
    options.keep = parser.isSet(keepOption);
    options.mails = parser.value(mailsOption).toInt(&ok);
    if (!ok || options.mails < 0 || options.mails > 100'000)
        return setupError(u"--mails attend un nombre entre 0 et 100000."_s);
    options.mailRuns = parser.value(mailRunsOption).toInt(&ok);
    if (!ok || options.mailRuns < 1 || options.mailRuns > 100)
        return setupError(u"--mail-runs attend un nombre entre 1 et 100."_s);
    options.closed = parser.value(closedOption).toLongLong(&ok);
    if (!ok || options.closed < 1 || options.closed > 10'000'000)
        return setupError(u"--closed attend un nombre entre 1 et 10000000."_s);
    const QString only = parser.value(onlyOption);
    if (!only.isEmpty())
        options.pickups = false;
    if (!only.isEmpty() && only != u"catalogue" && only != u"search")
        options.search = false;
    if (only == u"relay") {
        options.catalogue = false;
        options.windows = false;
        options.figures = false;
        if (options.mails == 0)
            return setupError(u"--only relay avec --mails 0 : rien à mesurer."_s);
    } else if (only == u"catalogue") {
        options.mails = 0;
        options.windows = false;
        options.figures = false;
    } else if (only == u"search") {
        options.mails = 0;
        options.windows = false;
        options.figures = false;
        options.measureCatalogue = false;
        if (options.postgres.isEmpty())
            return setupError(u"--only search mesure PostgreSQL : donnez --postgres CONNINFO."_s);
    } else if (only == u"windows") {
        options.mails = 0;
        options.measureCatalogue = false;
        options.figures = false;
    } else if (only == u"figures") {
        options.mails = 0;
        options.catalogue = false;
        options.windows = false;
        options.measureCatalogue = false;
    } else if (only == u"pickups") {
        options.mails = 0;
        options.catalogue = false;
        options.windows = false;
        options.measureCatalogue = false;
        options.figures = false;
        options.pickups = true;
    } else if (only == u"transports") {
        options.mails = 0;
        options.catalogue = false;
        options.windows = false;
        options.measureCatalogue = false;
        options.figures = false;
        options.transports = true;
    } else if (only == u"import") {
        options.mails = 0;
        options.catalogue = false;
        options.windows = false;
        options.measureCatalogue = false;
        options.figures = false;
        options.import = true;
        if (options.postgres.isEmpty())
            return setupError(u"--only import mesure PostgreSQL : donnez --postgres CONNINFO."_s);
    } else if (only == u"scroll") {
        options.mails = 0;
        options.windows = false;
        options.measureCatalogue = false;
        options.figures = false;
        options.scroll = true;
    } else if (!only.isEmpty()) {
        return setupError(u"--only attend catalogue, search, windows, figures, relay, pickups, "
                          "transports, import ou scroll, pas « %1 »."_s.arg(only));
    }

    QString backend = parser.value(backendOption);
    if (backend.isEmpty())
        backend = options.postgres.isEmpty() ? u"sqlite"_s : u"both"_s;
    if (backend == u"both")
        options.backends = {u"sqlite"_s, u"postgresql"_s};
    else if (backend == u"sqlite" || backend == u"postgresql")
        options.backends = {backend};
    else
        return setupError(
                u"--backend attend sqlite, postgresql ou both, pas « %1 »."_s.arg(backend));
    if (options.backends.contains(u"postgresql"_s) && options.postgres.isEmpty())
        return setupError(u"PostgreSQL demandé sans --postgres CONNINFO."_s);
    if (only == u"pickups")
        options.backends.clear(); // the list is built in memory
    if (only == u"import")
        options.backends = {u"postgresql"_s};
    return options;
}

// ---------------------------------------------------------------------------------------------
// Reference data and word lists, as text tables: one row a line, fields separated by "|".

QList<QStringList> tableRows(const QString &table)
{
    QList<QStringList> rows;
    for (const QString &line : table.split(u'\n')) {
        if (line.trimmed().isEmpty())
            continue;
        QStringList fields = line.split(u'|');
        for (QString &field : fields)
            field = field.trimmed();
        rows.append(fields);
    }
    return rows;
}

// code | name | mail domain
const QString OrganisationTable = uR"(
CAGC  | Communauté d'agglomération de Grand Châtellerault | agglo-chatellerault.fr
VILLE | Ville de Châtellerault                            | ville-chatellerault.fr
)"_s;

// organisation | service
const QString ServiceTable = uR"(
CAGC  | Direction générale des services
CAGC  | Ressources humaines
CAGC  | Finances
CAGC  | Commande publique
CAGC  | Systèmes d'information
CAGC  | Environnement et déchets
CAGC  | Mobilités
CAGC  | Développement économique
CAGC  | Conservatoire
CAGC  | Piscines communautaires
VILLE | Cabinet du maire
VILLE | État civil
VILLE | Éducation
VILLE | Petite enfance
VILLE | Sports
VILLE | Culture et patrimoine
VILLE | Espaces verts
VILLE | Police municipale
VILLE | Communication
VILLE | Action sociale
)"_s;

// organisation | name | address | postal code | city
const QString SiteTable = uR"(
CAGC  | Hôtel communautaire            | 78 boulevard Blossac       | 86100 | Châtellerault
CAGC  | Centre technique communautaire | 12 rue de la Désirée       | 86100 | Châtellerault
CAGC  | Médiathèque                    | 2 rue Jean-Monnet          | 86100 | Châtellerault
CAGC  | Déchèterie de Naintré          | route de Cenon             | 86530 | Naintré
VILLE | Hôtel de ville                 | place Émile-Zola           | 86100 | Châtellerault
VILLE | Centre technique municipal     | rue Georges-Clemenceau     | 86100 | Châtellerault
VILLE | École Jules-Ferry              | 5 rue Jules-Ferry          | 86100 | Châtellerault
VILLE | Maison des associations        | 10 rue de la Taupanne      | 86100 | Châtellerault
)"_s;

// code | name | unit weight (g) | expiry (days) | exclusion message (excluded when present)
const QString CategoryTable = uR"(
mobilier-bureau | Mobilier de bureau                  | 35000 | 60
rangement       | Rangement et archivage              | 45000 | 60
sieges          | Sièges                              |  8000 | 60
tables          | Tables et plans de travail          | 25000 | 60
fournitures     | Fournitures de bureau               |  2000 | 90
electromenager  | Petit électroménager                |  6000 | 45
evenementiel    | Matériel événementiel               | 20000 | 90
manutention     | Manutention et outillage            | 15000 | 90
petite-enfance  | Mobilier scolaire et petite enfance |  7000 | 60
exterieur       | Espaces verts et mobilier extérieur | 30000 | 90
decoration      | Signalétique et décoration          |  3000 | 60
informatique    | Informatique et téléphonie          |     0 | 60 | Le matériel informatique est repris par la direction des systèmes d'information.
)"_s;

// Ads are drawn from these kinds in proportion to their frequency, so that a search term has
// the selectivity it would have in a real catalogue ("armoire" in about 5 % of the ads).
// noun | gender | category | frequency | weight (kg) | value (€) | qualifiers, agreed
const QString ItemTable = uR"(
Bureau                     | m | mobilier-bureau | 10 |  40 |  350 | droit; d'angle; compact; double; en chêne; en hêtre; en mélaminé; réglable en hauteur; avec retour; avec caisson
Bureau de direction        | m | mobilier-bureau |  1 |  70 |  900 | en chêne; en noyer; avec retour
Caisson                    | m | mobilier-bureau |  6 |  20 |  120 | à tiroirs; métallique; mobile; sur roulettes; en mélaminé; 3 tiroirs
Banque d'accueil           | f | mobilier-bureau |  1 |  90 | 1500 | d'angle; modulable; en bois; accessible PMR
Desserte                   | f | mobilier-bureau |  2 |  12 |   80 | mobile; à roulettes; métallique
Lampe de bureau            | f | mobilier-bureau |  2 |   2 |   30 | LED; articulée; à pince
Paravent                   | m | mobilier-bureau |  2 |  10 |  150 | acoustique; sur roulettes; en tissu
Portemanteau               | m | mobilier-bureau |  2 |   4 |   40 | sur pied; mural; chromé
Armoire                    | f | rangement       |  9 |  60 |  300 | métallique; métallique à rideaux; à rideaux; haute; basse; à portes battantes; en bois; forte; vestiaire; en mélaminé; à clapets
Étagère                    | f | rangement       |  5 |  15 |   60 | métallique; en bois; murale; d'archives; à 5 niveaux; galvanisée
Bibliothèque               | f | rangement       |  3 |  45 |  200 | en chêne; en mélaminé; vitrée; basse; haute
Vestiaire                  | m | rangement       |  2 |  40 |  180 | métallique; 2 cases; 4 portes; monobloc
Rayonnage                  | m | rangement       |  2 |  50 |  250 | d'archives; métallique; mobile; galvanisé
Classeur à tiroirs         | m | rangement       |  2 |  45 |  200 | métallique; 4 tiroirs; pour dossiers suspendus
Meuble de rangement        | m | rangement       |  3 |  35 |  150 | bas; haut; à casiers; en mélaminé
Coffre-fort                | m | rangement       |  1 | 120 |  600 | avec clé; à code; ignifugé
Casier                     | m | rangement       |  1 |  15 |  120 | à courrier; 24 cases; métallique; en bois
Vitrine                    | f | rangement       |  1 |  40 |  400 | d'exposition; murale; éclairée; en verre
Chaise de bureau           | f | sieges          |  8 |  14 |  180 | ergonomique; à roulettes; avec accoudoirs; réglable; en tissu; en cuir; à dossier résille
Chaise                     | f | sieges          |  6 |   6 |   45 | empilable; visiteur; en bois; en plastique; pliante; coque; à piètement luge
Fauteuil                   | m | sieges          |  3 |  18 |  250 | de direction; en cuir; d'accueil; club; de bureau ergonomique
Tabouret                   | m | sieges          |  2 |   5 |   40 | haut; réglable; de laboratoire; en bois
Banquette                  | f | sieges          |  1 |  30 |  250 | d'attente; 3 places; en skaï
Canapé                     | m | sieges          |  1 |  45 |  400 | 2 places; 3 places; en tissu
Table de réunion           | f | tables          |  4 |  60 |  600 | ovale; rectangulaire; modulable; en chêne; en hêtre
Table                      | f | tables          |  4 |  25 |  150 | rectangulaire; ronde; basse; haute; de cantine; en bois; en mélaminé
Table pliante              | f | tables          |  3 |  12 |   60 | en plastique; en bois; à piètement métallique
Plan de travail            | m | tables          |  1 |  20 |   90 | en hêtre; stratifié; sur tréteaux
Lot de classeurs           | m | fournitures     |  5 |   1 |    5 | neufs; à levier; A4; dos 8 cm; en carton
Lot de ramettes de papier  | m | fournitures     |  3 |   3 |    6 | A4 80 g; A3; recyclé; de couleur
Lot de chemises cartonnées | m | fournitures     |  2 |   1 |    2 | neuves; de couleur; à rabats
Lot de stylos              | m | fournitures     |  2 |   1 |    1 | bille; neufs; feutres
Lot de boîtes d'archives   | m | fournitures     |  3 |   1 |    2 | en carton; dos 10 cm; neuves
Plastifieuse               | f | fournitures     |  1 |   4 |  120 | A3; A4; professionnelle
Massicot                   | m | fournitures     |  1 |   8 |  150 | A3; A4; à levier
Destructeur de documents   | m | fournitures     |  1 |  15 |  250 | coupe croisée; grand volume
Réfrigérateur              | m | electromenager  |  2 |  35 |  200 | table top; combiné; compact
Four micro-ondes           | m | electromenager  |  2 |  12 |   80 | grill; compact; inox
Bouilloire                 | f | electromenager  |  1 |   1 |   20 | électrique; inox
Cafetière                  | f | electromenager  |  1 |   2 |   30 | électrique; à filtre; isotherme
Fontaine à eau             | f | electromenager  |  1 |  15 |  150 | sur pied; à bonbonne
Ventilateur                | m | electromenager  |  2 |   4 |   30 | sur pied; de table; colonne
Grille d'exposition        | f | evenementiel    |  2 |  10 |   60 | caddie; galvanisée; sur pieds
Barrière de sécurité       | f | evenementiel    |  2 |  15 |   50 | galvanisée; de police; métallique
Tente de réception         | f | evenementiel    |  1 |  40 |  500 | pliante; 3 x 3 m; 3 x 6 m
Podium                     | m | evenementiel    |  1 |  80 |  800 | modulable; en aluminium
Pupitre                    | m | evenementiel    |  1 |  15 |  200 | de conférence; en plexiglas; en bois
Panneau d'affichage        | m | evenementiel    |  2 |   6 |   60 | en liège; magnétique; sur pied
Tableau blanc              | m | evenementiel    |  3 |  12 |  120 | magnétique; mobile; émaillé
Chariot                    | m | manutention     |  2 |  20 |  120 | de manutention; à plateau; à étagères; métallique
Diable                     | m | manutention     |  1 |  10 |   60 | pliant; à roues gonflables
Escabeau                   | m | manutention     |  2 |   8 |   70 | 3 marches; 5 marches; en aluminium
Transpalette               | m | manutention     |  1 |  70 |  300 | manuel; 2,5 t
Table d'écolier            | f | petite-enfance  |  2 |  12 |   60 | réglable; biplace; en hêtre
Chaise d'écolier           | f | petite-enfance  |  2 |   4 |   25 | taille 4; taille 5; empilable
Lot de jeux de société     | m | petite-enfance  |  1 |   1 |   10 | complets; pour accueil de loisirs
Lit de sieste              | m | petite-enfance  |  1 |   4 |   50 | empilable; pour crèche
Tapis de motricité         | m | petite-enfance  |  1 |   5 |   80 | en mousse; pliant
Banc                       | m | exterieur       |  1 |  40 |  250 | public; en bois; métallique; en béton
Jardinière                 | f | exterieur       |  2 |  25 |   90 | en bois; en métal; en résine
Poubelle de tri            | f | exterieur       |  2 |   8 |   70 | double flux; métallique; à pédale
Salon de jardin            | m | exterieur       |  1 |  30 |  250 | en résine; en teck
Cadre                      | m | decoration      |  1 |   2 |   20 | en bois; doré; sous verre
Plante artificielle        | f | decoration      |  1 |   3 |   40 | grande; en pot
Paire de rideaux           | f | decoration      |  1 |   3 |   60 | occultants; en voile; ignifugés
Horloge murale             | f | decoration      |  1 |   1 |   25 | silencieuse; radio-pilotée
Miroir                     | m | decoration      |  1 |   8 |   60 | mural; sur pied
)"_s;

// masculine | feminine
const QString ColourTable = uR"(
blanc | blanche
gris | grise
noir | noire
bleu | bleue
vert | verte
rouge | rouge
beige | beige
anthracite | anthracite
)"_s;

const QString Sizes = u"80 cm|120 cm|160 cm|180 cm|120 x 80 cm|160 x 80 cm|100 x 198 cm|H 110 cm"_s;
const QString Conditions = uR"(En très bon état.|En bon état général.|
État correct, quelques traces d'usage.|Comme neuf, jamais servi.|
Quelques rayures sans gravité.|Usure normale, entièrement fonctionnel.)"_s;
const QString Origins = uR"(Libéré lors du réaménagement de l'étage.|
Remplacé par du mobilier neuf.|Surplus d'une commande groupée.|
Provient de la fermeture d'une antenne de quartier.|
Plus utilisé depuis le passage au télétravail partiel.|
Récupéré après le déménagement du service.)"_s;
const QString Details = uR"(Clés fournies.|Structure métallique solide.|
Démontable pour le transport.|Prévoir deux personnes pour le chargement.|
Roulettes en bon état.|Visible sur rendez-vous.|
Idéal pour une salle de pause ou un bureau partagé.|Notice de montage disponible.|
Photos supplémentaires sur demande.|Piètement en acier laqué.)"_s;
const QString Rooms = uR"(bureau 12|salle 2.04|local archives|sous-sol|salle de réunion B|
rez-de-chaussée, hall|réserve du 3e étage|atelier)"_s;

QStringList choices(const QString &list, QChar separator = u'|')
{
    QStringList items = list.split(separator, Qt::SkipEmptyParts);
    for (QString &item : items)
        item = item.trimmed();
    items.removeAll(QString());
    return items;
}

struct Reference
{
    QList<Recup::Service> services;
    QList<Recup::Site> sites;
    QHash<QString, Recup::Category> categories; // by code
    QList<Recup::Agent> agents;
};

QString asciiLogin(const QString &text)
{
    QString login;
    for (const QChar c : text.normalized(QString::NormalizationForm_D).toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.')
            login.append(c);
    }
    return login;
}

// Two organisations, 20 services, 8 sites, 12 categories and 50 agents, through the repository.
Result<Reference> insertReference(Recup::Database &db)
{
    Recup::ReferenceRepository repository(db);
    Reference reference;
    // One transaction, or SQLite would sync the file after each of the 90 rows.
    Recup::Transaction transaction(db.connection());

    QHash<QString, qint64> organisationIds;
    QHash<qint64, QString> mailDomains; // organisation id -> domain
    for (const QStringList &row : tableRows(OrganisationTable)) {
        const auto id = repository.addOrganisation({0, row[0], row[1]});
        if (!id)
            return setupError(u"ajout d'une organisation impossible"_s, id.error());
        organisationIds.insert(row[0], *id);
        mailDomains.insert(*id, row[2]);
    }
    for (const QStringList &row : tableRows(ServiceTable)) {
        const qint64 organisationId = organisationIds.value(row[0]);
        const QString code = u"%1-S%2"_s.arg(row[0]).arg(reference.services.size() + 1);
        Recup::Service service{0, organisationId, code, row[1]};
        const auto id = repository.addService(service);
        if (!id)
            return setupError(u"ajout d'un service impossible"_s, id.error());
        service.id = *id;
        reference.services.append(service);
    }
    for (const QStringList &row : tableRows(SiteTable)) {
        Recup::Site site;
        site.organisationId = organisationIds.value(row[0]);
        site.code = u"SITE%1"_s.arg(reference.sites.size() + 1);
        site.name = row[1];
        site.address = row[2];
        site.postalCode = row[3];
        site.city = row[4];
        const auto id = repository.addSite(site);
        if (!id)
            return setupError(u"ajout d'un site impossible"_s, id.error());
        site.id = *id;
        reference.sites.append(site);
    }
    for (const QStringList &row : tableRows(CategoryTable)) {
        Recup::Category category;
        category.code = row[0];
        category.name = row[1];
        category.defaultUnitWeightGrams = row[2].toLongLong();
        category.expiryDays = row[3].toInt();
        category.excluded = row.size() > 4;
        // Empty but not null: the repository binds a null QString as NULL (NOT NULL column).
        category.excludedMessage = row.size() > 4 ? row[4] : u""_s;
        const auto id = repository.addCategory(category);
        if (!id)
            return setupError(u"ajout d'une catégorie impossible"_s, id.error());
        category.id = *id;
        reference.categories.insert(category.code, category);
    }

    const QStringList firstNames
            = choices(u"Amélie|Bruno|Céline|Damien|Élodie|François|Gaëlle|Hervé|Inès|Jérôme"_s);
    const QStringList lastNames = choices(u"Martin|Bernard|Dubois|Thomas|Robert"_s);
    for (int i = 0; i < 50; ++i) {
        const QString first = firstNames[i % firstNames.size()];
        const QString last = lastNames[i / firstNames.size()];
        const Recup::Service &service = reference.services[i % reference.services.size()];
        Recup::Agent agent;
        agent.login = i == 2   ? BenchAgentLogin
                      : i == 0 ? BenchModeratorLogin
                               : asciiLogin(first + u'.' + last);
        agent.displayName = first + u' ' + last;
        agent.email = asciiLogin(first + u'.' + last) + u'@'
                      + mailDomains.value(service.organisationId);
        agent.phone = u"05 49 20 %1 %2"_s.arg(20 + i / 10).arg(10 + i);
        agent.serviceId = service.id;
        agent.roles = Recup::Role::Agent;
        if (i < 2)
            agent.roles |= Recup::Role::Moderator;
        const auto id = repository.addAgent(agent);
        if (!id)
            return setupError(u"ajout d'un agent impossible"_s, id.error());
        agent.id = *id;
        reference.agents.append(agent);
    }
    if (!transaction.commit())
        return setupError(u"validation des données de référence impossible"_s,
                          db.connection().lastError().text());
    return reference;
}

// ---------------------------------------------------------------------------------------------
// Ads

struct ItemKind
{
    QString noun;
    bool feminine = false;
    QString category;
    int frequency = 1;
    int weightKg = 1;
    int valueEuros = 1;
    QStringList qualifiers;
    bool lot = false; // "Lot de ...": sold by the dozen
};

QList<ItemKind> itemKinds()
{
    QList<ItemKind> kinds;
    for (const QStringList &row : tableRows(ItemTable)) {
        ItemKind kind;
        kind.noun = row[0];
        kind.feminine = row[1] == u"f";
        kind.category = row[2];
        kind.frequency = row[3].toInt();
        kind.weightKg = row[4].toInt();
        kind.valueEuros = row[5].toInt();
        kind.qualifiers = choices(row[6], u';');
        kind.lot = kind.noun.startsWith(u"Lot de ");
        kinds.append(kind);
    }
    return kinds;
}

class AdGenerator
{
public:
    // closedOnly: every ad closed (the figures' fill), 80 % exchanged, some with no weight.
    AdGenerator(const Reference &reference, qint64 count, bool closedOnly = false)
        : m_reference(reference)
        , m_kinds(itemKinds())
        , m_colours(tableRows(ColourTable))
        , m_sizes(choices(Sizes))
        , m_conditions(choices(Conditions))
        , m_origins(choices(Origins))
        , m_details(choices(Details))
        , m_rooms(choices(Rooms))
        , m_random(closedOnly ? Seed + 1 : Seed)
        , m_count(count)
        , m_closedOnly(closedOnly)
        , m_now(QDateTime::currentDateTimeUtc())
        , m_start(m_now.addDays(-730))
    {
        for (const ItemKind &kind : m_kinds)
            m_totalFrequency += kind.frequency;
        for (const Recup::Site &site : reference.sites)
            m_sitesByOrganisation[site.organisationId].append(site);
        for (const Recup::Service &service : reference.services)
            m_serviceOrganisation.insert(service.id, service.organisationId);
    }

    // Appends the values of ad number `index`, in the order of AdColumns. Ads come in posting
    // order, as their ids would in real life.
    void appendValues(qint64 index, QVariantList &values, const Recup::SqlDialect &dialect)
    {
        const ItemKind &kind = pickKind();
        const Recup::Category &category = m_reference.categories[kind.category];
        const Recup::Agent &owner = pick(m_reference.agents);
        const Recup::Site &site
                = pick(m_sitesByOrganisation[m_serviceOrganisation.value(owner.serviceId)]);

        QString title = kind.noun;
        if (m_random.bounded(100) < 85)
            title += u' ' + pick(kind.qualifiers);
        if (m_random.bounded(100) < 30)
            title += u' ' + pick(m_colours)[kind.feminine ? 1 : 0];
        if (!kind.lot && m_random.bounded(100) < 35)
            title += u' ' + pick(m_sizes);

        int quantity = 1;
        if (kind.lot)
            quantity = 5 + int(m_random.bounded(46));
        else if (m_random.bounded(100) < 20)
            quantity = 2 + int(m_random.bounded(9));

        QStringList sentences = {pick(m_conditions), pick(m_origins)};
        if (quantity > 1 && !kind.lot)
            sentences.append(
                    u"Lot de %1 pièces identiques, cédées ensemble ou séparément."_s.arg(quantity));
        for (int i = int(m_random.bounded(3)); i > 0; --i)
            sentences.append(pick(m_details));
        if (m_random.bounded(100) < 40) {
            sentences.append(
                    u"Dimensions : L %1 x P %2 x H %3 cm."_s.arg(40 + m_random.bounded(160))
                            .arg(30 + m_random.bounded(70))
                            .arg(40 + m_random.bounded(160)));
        }
        const QString room = pick(m_rooms);
        sentences.append(u"À retirer sur le site %1, %2."_s.arg(site.name, room));

        const double factor = 0.6 + m_random.generateDouble() * 0.8;
        qint64 weight
                = std::min<qint64>(qint64(kind.weightKg * 1000 * factor) * quantity, 50'000'000);
        if (m_closedOnly && m_random.bounded(100) < 15)
            weight = 0; // not weighed: the figures estimate it from the category
        const double share = 0.2 + m_random.generateDouble();
        const qint64 value
                = std::min<qint64>(qint64(kind.valueEuros * 100 * share) * quantity, 10'000'000);

        // Spread over two years in posting order; moderation takes 1 to 72 hours.
        const double spanMs = double(m_start.msecsTo(m_now));
        const double position = (double(index) + m_random.generateDouble()) / double(m_count);
        const QDateTime created = m_start.addMSecs(qint64(position * spanMs));
        QDateTime published = std::min(created.addSecs(3600 + m_random.bounded(71 * 3600)), m_now);
        QDateTime expires = published.addDays(category.expiryDays);
        QDateTime closed;

        // 85 % published, 5 % reserved, 5 % pending, 5 % closed.
        const int draw = int(m_random.bounded(100));
        const QString state = m_closedOnly ? u"closed"_s
                              : draw < 85  ? u"published"_s
                              : draw < 90  ? u"reserved"_s
                              : draw < 95  ? u"pending"_s
                                           : u"closed"_s;
        QVariant closeReason(QMetaType::fromType<QString>());
        QVariant receivingService(QMetaType::fromType<qlonglong>());
        if (state == u"pending") {
            published = {};
            expires = {};
        } else if (state == u"closed") {
            closed = std::min(published.addDays(1 + m_random.bounded(40)), m_now);
            if (m_random.bounded(100) < (m_closedOnly ? 80 : 70)) {
                closeReason = u"exchanged"_s;
                receivingService = pick(m_reference.services).id;
            } else {
                closeReason = m_random.bounded(2) ? u"discarded"_s : u"unavailable"_s;
            }
        }
        const QDateTime updated = closed.isValid()      ? closed
                                  : published.isValid() ? published
                                                        : created;

        values << title << sentences.join(u' ') << category.id << quantity << value << weight
               << site.id << room << owner.id << owner.serviceId << true << state << closeReason
               << receivingService << dialect.toDb(created) << dialect.toDb(updated)
               << dialect.toDb(published) << dialect.toDb(closed) << dialect.toDb(expires);
    }

private:
    const ItemKind &pickKind()
    {
        int draw = int(m_random.bounded(m_totalFrequency));
        for (const ItemKind &kind : m_kinds) {
            draw -= kind.frequency;
            if (draw < 0)
                return kind;
        }
        return m_kinds.last();
    }

    template<typename T>
    const T &pick(const QList<T> &list)
    {
        return list[qsizetype(m_random.bounded(quint32(list.size())))];
    }

    const Reference &m_reference;
    const QList<ItemKind> m_kinds;
    const QList<QStringList> m_colours; // masculine, feminine
    const QStringList m_sizes;
    const QStringList m_conditions;
    const QStringList m_origins;
    const QStringList m_details;
    const QStringList m_rooms;
    QRandomGenerator m_random;
    qint64 m_count;
    bool m_closedOnly = false;
    QDateTime m_now;
    QDateTime m_start;
    int m_totalFrequency = 0;
    QHash<qint64, QList<Recup::Site>> m_sitesByOrganisation;
    QHash<qint64, qint64> m_serviceOrganisation;
};

const QString AdColumns = u"title, description, category_id, quantity, value_cents, "
                          "weight_grams, site_id, room, owner_id, service_id, attested, state, "
                          "close_reason, receiving_service_id, created_at, updated_at, "
                          "published_at, closed_at, expires_at"_s;
constexpr int AdColumnCount = 19;

// INSERT INTO table (columns) VALUES (?, ...), (?, ...), ... with `rows` rows.
QString multiRowInsert(const QString &table, const QString &columns, int columnCount, int rows)
{
    QString row = u"("_s;
    for (int c = 0; c < columnCount; ++c)
        row += c == 0 ? u"?"_s : u", ?"_s;
    row += u')';
    QStringList rowList;
    rowList.fill(row, rows);
    return u"INSERT INTO %1 (%2) VALUES "_s.arg(table, columns) + rowList.join(u", "_s);
}

Status execBatch(QSqlQuery &query, const QVariantList &values)
{
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return setupError(u"insertion en masse refusée"_s, query.lastError().text());
    return {};
}

// A small real JPEG, so that the catalogue's thumbnail lookup has bytes to carry. With grain,
// it weighs what a photo of a chair does (a 256 px thumbnail about 15 KB, not 3 KB of gradient).
QByteArray sampleJpeg(int width, int height, bool grain = false)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator noise(Seed);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int jitter = grain ? int(noise.bounded(60)) - 30 : 0;
            line[x] = qRgb(std::clamp(90 + x * 120 / width + jitter, 0, 255),
                           std::clamp(110 + y * 100 / height + jitter, 0, 255),
                           140);
        }
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "JPEG", 80)) // no JPEG plugin: opaque bytes of a similar size
        bytes = QByteArray(width * height / 10, 'j');
    return bytes;
}

struct FillReport
{
    double referenceSeconds = 0;
    double adsSeconds = 0;
    double photosSeconds = 0;
    double analyzeSeconds = 0;
    double closedSeconds = 0; // the figures' closed ads and their history
    qint64 photos = 0;
    qint64 closed = 0;
    qint64 historyRows = 0;
    double totalSeconds() const
    {
        return referenceSeconds + adsSeconds + photosSeconds + analyzeSeconds;
    }
};

// N ads in multi-row INSERTs of RowsPerInsert rows, InsertsPerTransaction to a transaction.
Status
insertAds(Recup::Database &db, const Reference &reference, qint64 count, bool closedOnly = false)
{
    QSqlDatabase connection = db.connection();
    const Recup::SqlDialect &dialect = db.dialect();
    AdGenerator generator(reference, count, closedOnly);
    QSqlQuery fullBatch(connection);
    if (!fullBatch.prepare(multiRowInsert(u"ad"_s, AdColumns, AdColumnCount, RowsPerInsert)))
        return setupError(u"préparation de l'insertion impossible"_s, fullBatch.lastError().text());
    qint64 index = 0;
    while (index < count) {
        Recup::Transaction transaction(connection);
        if (!transaction.isActive())
            return setupError(u"transaction impossible"_s, connection.lastError().text());
        for (int n = 0; n < InsertsPerTransaction && index < count; ++n) {
            const int rows = int(std::min<qint64>(RowsPerInsert, count - index));
            QVariantList values;
            values.reserve(rows * AdColumnCount);
            for (int r = 0; r < rows; ++r)
                generator.appendValues(index++, values, dialect);
            QSqlQuery lastBatch(connection);
            QSqlQuery &batch = rows == RowsPerInsert ? fullBatch : lastBatch;
            if (rows != RowsPerInsert
                && !lastBatch.prepare(multiRowInsert(u"ad"_s, AdColumns, AdColumnCount, rows)))
                return setupError(u"préparation de l'insertion impossible"_s,
                                  lastBatch.lastError().text());
            if (const Status status = execBatch(batch, values); !status)
                return status;
        }
        if (!transaction.commit())
            return setupError(u"validation de la transaction impossible"_s,
                              connection.lastError().text());
    }
    return {};
}

// A photo on every PhotoEvery-th ad of the catalogue, and on each of the `newest` ads first in
// the catalogue's order (the rows the scrolling bench goes through); returns how many.
Result<qint64> insertPhotos(Recup::Database &db, qint64 newest)
{
    QSqlDatabase connection = db.connection();
    QList<qint64> ids;
    QSqlQuery select(connection);
    select.setForwardOnly(true);
    if (!select.exec(u"SELECT id FROM ad WHERE state IN ('published', 'reserved') "
                     "ORDER BY published_at DESC, id DESC"_s))
        return setupError(u"lecture des annonces impossible"_s, select.lastError().text());
    for (qint64 row = 0; select.next(); ++row) {
        if (row < newest || row % PhotoEvery == 0)
            ids.append(select.value(0).toLongLong());
    }
    const QByteArray jpeg = sampleJpeg(800, 600, newest > 0);
    const QByteArray thumbnail = sampleJpeg(256, 192, newest > 0);
    Recup::Transaction transaction(connection);
    for (qsizetype start = 0; start < ids.size(); start += 100) {
        const int rows = int(std::min<qsizetype>(100, ids.size() - start));
        QSqlQuery insert(connection);
        const QString sql = multiRowInsert(
                u"ad_photo"_s, u"ad_id, position, jpeg, thumbnail, version"_s, 5, rows);
        if (!insert.prepare(sql))
            return setupError(u"préparation de l'insertion des photos impossible"_s,
                              insert.lastError().text());
        QVariantList values;
        for (qsizetype i = start; i < start + rows; ++i)
            // The fill runs without triggers on PostgreSQL (replica): the version (migration
            // 025) is given here, unique like the server's.
            values << ids[i] << 0 << jpeg << thumbnail << ids[i];
        if (const Status status = execBatch(insert, values); !status)
            return status.error();
    }
    if (!transaction.commit())
        return setupError(u"validation des photos impossible"_s, connection.lastError().text());
    return qint64(ids.size());
}

// The moderation history of every closed ad, in one INSERT ... SELECT: sent to moderation
// when created, approved by the bench moderator when published, closed by its owner. The
// approval carries the moment its ad was sent to moderation, as a replica receives it (on
// PostgreSQL the trigger that writes it is off during the load).
Result<qint64> insertHistory(Recup::Database &db, const Reference &reference)
{
    QSqlQuery insert(db.connection());
    insert.prepare(u"INSERT INTO ad_history (ad_id, actor_id, at, action, from_state, to_state, "
                   "pending_since) "
                   "SELECT id, owner_id, created_at, 'submit', 'draft', 'pending', NULL FROM ad "
                   "WHERE state = 'closed' "
                   "UNION ALL SELECT id, ?, published_at, 'approve', 'pending', 'published', "
                   "created_at FROM ad WHERE state = 'closed' "
                   "UNION ALL SELECT id, owner_id, closed_at, 'close', 'published', 'closed', NULL "
                   "FROM ad WHERE state = 'closed'"_s);
    insert.addBindValue(reference.agents.first().id); // a moderator (insertReference)
    if (!insert.exec())
        return setupError(u"historique des annonces closes refusé"_s, insert.lastError().text());
    return qint64(insert.numRowsAffected());
}

Result<FillReport>
fill(Recup::Database &db, qint64 count, qint64 closedCount = 0, qint64 photographed = 0)
{
    FillReport report;
    QElapsedTimer timer;
    timer.start();
    const auto reference = insertReference(db);
    if (!reference)
        return reference.error();
    report.referenceSeconds = timer.nsecsElapsed() / 1e9;

    // PostgreSQL checks every write of an ad against the lifecycle (ad_guard, 002_security.sql)
    // and a new ad must be a draft. The bench writes ads straight in their final state, so it
    // loads them the way a replica would: ordinary triggers off (the one dialect test of the
    // bench, with the VACUUM below). Only the figures' closed ads get a history (insertHistory).
    const bool postgres = db.dialect().name() == u"postgresql";
    QSqlQuery session(db.connection());
    if (postgres && !session.exec(u"SET session_replication_role = replica"_s))
        return setupError(u"chargement en masse impossible"_s, session.lastError().text());

    timer.restart();
    if (const Status inserted = insertAds(db, *reference, count); !inserted)
        return inserted.error();
    report.adsSeconds = timer.nsecsElapsed() / 1e9;

    timer.restart();
    const auto photos = insertPhotos(db, photographed);
    if (!photos)
        return photos.error();
    report.photos = *photos;
    report.photosSeconds = timer.nsecsElapsed() / 1e9;

    if (closedCount > 0) {
        timer.restart();
        if (const Status inserted = insertAds(db, *reference, closedCount, true); !inserted)
            return inserted.error();
        Recup::Transaction transaction(db.connection());
        const auto history = insertHistory(db, *reference);
        if (!history)
            return history.error();
        if (!transaction.commit())
            return setupError(u"validation de l'historique impossible"_s,
                              db.connection().lastError().text());
        report.closed = closedCount;
        report.historyRows = *history;
        report.closedSeconds = timer.nsecsElapsed() / 1e9;
    }
    if (postgres && !session.exec(u"RESET session_replication_role"_s))
        return setupError(u"chargement en masse impossible"_s, session.lastError().text());
    // The triggers that learn the words of published ads were off during the load.
    if (postgres && !session.exec(u"SELECT recup.search_words_rebuild()"_s))
        return setupError(u"vocabulaire de recherche impossible"_s, session.lastError().text());

    // Fresh statistics; on PostgreSQL a vacuum too, so that autovacuum does not wake up in the
    // middle of the measurements on a 2-core machine.
    timer.restart();
    QSqlQuery analyze(db.connection());
    if (!analyze.exec(postgres ? u"VACUUM (ANALYZE)"_s : u"ANALYZE"_s))
        return setupError(u"ANALYZE impossible"_s, analyze.lastError().text());
    report.analyzeSeconds = timer.nsecsElapsed() / 1e9;
    return report;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: the bench database, created fresh on the cluster and dropped at the end.

// Runs one statement on the cluster's maintenance database; *found says whether it returned
// a row.
Status onCluster(const QString &conninfo, const QString &statement, bool *found = nullptr)
{
    const QString name = u"recup-bench-admin"_s;
    Status status;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        admin.setConnectOptions(Recup::DatabaseConfig::fromConninfo(conninfo).conninfo);
        if (!admin.open()) {
            status = setupError(u"connexion au cluster PostgreSQL impossible"_s,
                                admin.lastError().text());
        } else {
            QSqlQuery query(admin);
            if (!query.exec(statement))
                status = setupError(u"« %1 » refusé par PostgreSQL"_s.arg(statement),
                                    query.lastError().text());
            else if (found)
                *found = query.next();
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(name);
    return status;
}

// Drops the bench database, then the bench's login roles (cluster-wide), where they exist.
Status dropBenchDatabase(const QString &conninfo)
{
    // Looked up first, so that a fresh cluster prints no "does not exist, skipping" notice.
    const QString lookup = u"SELECT 1 FROM pg_database WHERE datname = '%1'"_s;
    bool exists = false;
    Status status = onCluster(conninfo, lookup.arg(BenchDatabaseName), &exists);
    if (status && exists)
        status = onCluster(conninfo, u"DROP DATABASE %1 WITH (FORCE)"_s.arg(BenchDatabaseName));
    const QString roleLookup = u"SELECT 1 FROM pg_roles WHERE rolname = '%1'"_s;
    for (const QString &login : {BenchAgentLogin, BenchModeratorLogin, BenchRelayLogin}) {
        if (status)
            status = onCluster(conninfo, roleLookup.arg(login), &exists);
        if (status && exists)
            status = onCluster(conninfo, u"DROP ROLE %1"_s.arg(login));
    }
    return status;
}

class PostgresBenchDatabase
{
public:
    PostgresBenchDatabase(QString conninfo, bool keep)
        : m_conninfo(std::move(conninfo))
        , m_keep(keep)
    {}
    ~PostgresBenchDatabase()
    {
        if (m_created && !m_keep)
            dropBenchDatabase(m_conninfo);
    }

    // A fresh recup_bench database, reached as the cluster's superuser.
    Result<Recup::DatabaseConfig> create()
    {
        if (const Status dropped = dropBenchDatabase(m_conninfo); !dropped)
            return dropped.error();
        const QString create = u"CREATE DATABASE %1 ENCODING 'UTF8' TEMPLATE template0"_s;
        if (const Status created = onCluster(m_conninfo, create.arg(BenchDatabaseName)); !created)
            return created.error();
        m_created = true;
        return config({});
    }

    // The bench agent's login role, member of recup_agent (created by the migrations), as
    // every workstation logs in; returns how to connect as that agent.
    Result<Recup::DatabaseConfig> createAgentRole()
    {
        return createLoginRole(BenchAgentLogin, u"recup_agent"_s);
    }
    // The bench moderator's login role, member of recup_moderator.
    Result<Recup::DatabaseConfig> createModeratorRole()
    {
        return createLoginRole(BenchModeratorLogin, u"recup_moderator"_s);
    }
    // The relay's login role, member of recup_admin.
    Result<Recup::DatabaseConfig> createRelayRole()
    {
        return createLoginRole(BenchRelayLogin, u"recup_admin"_s);
    }

private:
    Result<Recup::DatabaseConfig> createLoginRole(const QString &login, const QString &group)
    {
        const QString password = QString::number(QRandomGenerator::system()->generate64(), 16);
        const QString create = u"CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE %3"_s;
        if (const Status created = onCluster(m_conninfo, create.arg(login, password, group));
            !created)
            return created.error();
        return config(u" user=%1 password=%2"_s.arg(login, password));
    }

    Recup::DatabaseConfig config(const QString &login) const
    {
        // libpq keeps the last value of a repeated keyword.
        const QString cluster = Recup::DatabaseConfig::fromConninfo(m_conninfo).conninfo;
        return Recup::DatabaseConfig::fromConninfo(cluster + u" dbname="_s + BenchDatabaseName
                                                   + login);
    }

private:
    QString m_conninfo;
    bool m_keep;
    bool m_created = false;
};

// ---------------------------------------------------------------------------------------------
// Measuring

struct Timings
{
    QList<qint64> nanoseconds;

    double percentileMs(double p) const
    {
        QList<qint64> sorted = nanoseconds;
        std::sort(sorted.begin(), sorted.end());
        const qsizetype rank = std::max<qsizetype>(1, qsizetype(std::ceil(p * sorted.size())));
        return sorted[rank - 1] / 1e6;
    }
    double medianMs() const
    {
        QList<qint64> sorted = nanoseconds;
        std::sort(sorted.begin(), sorted.end());
        const qsizetype n = sorted.size();
        return (n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0) / 1e6;
    }
};

struct Measure
{
    QString backend; // as printed: "sqlite", "postgresql", "pg superuser"
    QString name;
    bool timeTarget = false; // the PostgreSQL first page, as an agent reads it
    double targetMs = FirstPageTargetMs;
    int rows = 0;     // rows the SQL returned
    qint64 hits = -1; // search only: every matching ad, counted through the pages
    Timings repository;
    Timings direct;         // prepared once, executed R times
    Timings directPrepared; // prepared at every run, as a repository call does
    bool sameIds = true;

    double ratio() const { return repository.medianMs() / direct.medianMs(); }
    bool ratioPasses() const { return ratio() <= RatioTarget; }
    bool timePasses() const { return repository.medianMs() < targetMs; }
    bool hasTimeTarget() const { return timeTarget; }
};

// Reads the rows exactly as CatalogueQuery::page() does (same columns, same conversions, into
// the same entries), so that the two differ only by what the repository adds around the SQL.
QList<Recup::CatalogueEntry> readEntries(QSqlQuery &query, const Recup::SqlDialect &dialect)
{
    QList<Recup::CatalogueEntry> entries;
    entries.reserve(PageSize);
    while (query.next()) {
        Recup::CatalogueEntry e;
        e.id = query.value(0).toLongLong();
        e.title = query.value(1).toString();
        e.categoryName = query.value(2).toString();
        e.serviceName = query.value(3).toString();
        e.organisationName = query.value(4).toString();
        e.siteName = query.value(5).toString();
        e.state = Recup::adStateFromKey(query.value(6).toString())
                          .value_or(Recup::AdState::Published);
        e.quantity = query.value(7).toInt();
        e.publishedAt = dialect.fromDb(query.value(8));
        e.photoId = query.value(9).toLongLong();
        e.photoVersion = query.value(10).toLongLong();
        entries.append(e);
    }
    return entries;
}

QList<qint64> idsOf(const QList<Recup::CatalogueEntry> &entries)
{
    QList<qint64> ids;
    for (const Recup::CatalogueEntry &entry : entries)
        ids.append(entry.id);
    return ids;
}

void bindAll(QSqlQuery &query, const QVariantMap &values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(it.key().startsWith(u':') ? it.key() : u':' + it.key(), it.value());
}

Result<Measure> compare(Recup::Database &db,
                        const QString &label,
                        const QString &name,
                        const Recup::CatalogueFilter &filter,
                        const Recup::CatalogueCursor &after,
                        int runs)
{
    Measure measure;
    measure.backend = label;
    measure.name = name;
    measure.timeTarget
            = label == u"postgresql" && after.isStart() && filter == Recup::CatalogueFilter{};

    const Recup::CatalogueQuery catalogue(db);
    const Recup::CatalogueQuery::Statement statement = catalogue.statement(filter, after, PageSize);
    QSqlDatabase connection = db.connection();

    QSqlQuery direct(connection);
    direct.setForwardOnly(true);
    if (!direct.prepare(statement.sql))
        return setupError(u"le SQL du catalogue ne se prépare pas"_s, direct.lastError().text());

    QList<qint64> repositoryIds;
    QList<qint64> directIds;
    QString failure;
    auto viaRepository = [&] {
        const auto page = catalogue.page(filter, after, PageSize);
        if (!page) {
            failure = page.error().message + u" — "_s + page.error().detail;
            return;
        }
        repositoryIds = idsOf(page->entries);
    };
    auto viaPreparedOnce = [&] {
        bindAll(direct, statement.values);
        if (!direct.exec()) {
            failure = direct.lastError().text();
            return;
        }
        directIds = idsOf(readEntries(direct, db.dialect()));
        direct.finish();
    };
    auto viaPreparedEachRun = [&] {
        QSqlQuery query(connection);
        query.setForwardOnly(true);
        if (!query.prepare(statement.sql)) {
            failure = query.lastError().text();
            return;
        }
        bindAll(query, statement.values);
        if (!query.exec()) {
            failure = query.lastError().text();
            return;
        }
        readEntries(query, db.dialect());
    };
    const std::function<void()> variants[] = {viaRepository, viaPreparedOnce, viaPreparedEachRun};
    Timings *timings[] = {&measure.repository, &measure.direct, &measure.directPrepared};

    // Interleaved, starting with a different variant each run, so that drift and caches
    // favour none of them.
    QElapsedTimer timer;
    for (int run = 0; run < WarmupRuns + runs; ++run) {
        for (int k = 0; k < 3; ++k) {
            const int variant = (run + k) % 3;
            timer.start();
            variants[variant]();
            const qint64 elapsed = timer.nsecsElapsed();
            if (!failure.isEmpty())
                return setupError(u"mesure « %1 » impossible"_s.arg(name), failure);
            if (run >= WarmupRuns)
                timings[variant]->nanoseconds.append(elapsed);
        }
    }
    measure.rows = int(directIds.size());
    // The SQL may read one row more than the page to know whether the end is reached.
    // (Both empty only where nothing matches: a search for a word that is nowhere.)
    measure.sameIds
            = directIds.mid(0, repositoryIds.size()) == repositoryIds
              && (!repositoryIds.isEmpty() || (directIds.isEmpty() && !filter.text.isEmpty()));
    return measure;
}

// Every ad matching the filter, walked through the pages (not timed).
Result<qint64> countThroughPages(Recup::Database &db, const Recup::CatalogueFilter &filter)
{
    const Recup::CatalogueQuery catalogue(db);
    Recup::CatalogueCursor cursor;
    qint64 total = 0;
    for (;;) {
        const auto page = catalogue.page(filter, cursor, 500);
        if (!page)
            return setupError(u"parcours des pages impossible"_s, page.error());
        total += page->entries.size();
        if (page->atEnd || page->entries.isEmpty())
            return total;
        cursor = page->next;
    }
}

QString serverVersion(Recup::Database &db)
{
    QSqlQuery query(db.connection());
    const bool postgres = db.dialect().name() == u"postgresql";
    if (!query.exec(postgres ? u"SHOW server_version"_s : u"SELECT sqlite_version()"_s)
        || !query.next())
        return u"?"_s;
    return (postgres ? u"PostgreSQL "_s : u"SQLite "_s)
           + query.value(0).toString().section(u' ', 0, 0);
}

// ---------------------------------------------------------------------------------------------
// Relay: the outbox drained into a real SMTP server, next to the simplest Python sender.

// People of the contact mails: first name | last name | service | site
const QString MailPeopleTable = uR"(
Marie     | Dupont    | Environnement et déchets     | Centre technique communautaire
Hélène    | Lefèvre   | Ressources humaines          | Hôtel communautaire
Jérôme    | Bérenger  | Éducation                    | École Jules-Ferry
Françoise | Gaillard  | Culture et patrimoine        | Médiathèque
Loïc      | Chênevert | Espaces verts                | Centre technique municipal
Amélie    | Rousseau  | Petite enfance               | Maison des associations
Stéphane  | Moreau    | Finances                     | Hôtel de ville
Noémie    | Faure     | Sports                       | Centre technique municipal
)"_s;

const QString MailDomain = u"agglo-chatellerault.fr"_s;

// A contact mail as the Contact button writes it: the requester asks the poster for an item,
// the moderators in copy, a reply-to, a French text of about a page and its HTML alternative.
Recup::MailMessage
contactMail(int index, const QList<QStringList> &people, const QStringList &items)
{
    const QStringList &from = people[index % people.size()];
    const QStringList &to = people[(index * 3 + 1) % people.size()];
    const QString item = items[(index * 7) % items.size()];
    const auto address = [](const QStringList &person) -> QString {
        return asciiLogin(person[0] + u'.' + person[1]) + u'@' + MailDomain;
    };
    Recup::MailMessage m;
    m.from = {u"collectiv-recup@"_s + MailDomain, u"Collectiv'Récup"_s};
    m.to = {{address(to), to[0] + u' ' + to[1]}};
    m.cc = {{u"moderation-recup@"_s + MailDomain, u"Modération Collectiv'Récup"_s}};
    m.replyTo = {address(from), from[0] + u' ' + from[1]};
    m.subject = u"Votre annonce « %1 » (n° %2) intéresse le service %3"_s.arg(
            item, QString::number(10'000 + index), from[2]);
    m.textBody = uR"(Bonjour %1,

%2 %3 (%4, %5) est intéressé(e) par votre annonce « %6 » (n° %7) :

    Bonjour, notre service réaménage ses bureaux et cherche justement ce
    mobilier. Nous pourrions passer jeudi matin avec le véhicule du centre
    technique. Est-il toujours disponible ? Merci d'avance !

Pour lui répondre, répondez simplement à ce courriel. Quand l'échange est
décidé, clôturez l'annonce en indiquant le service qui reçoit le matériel.
)"_s.arg(to[0], from[0], from[1], from[2], from[3], item, QString::number(10'000 + index));
    QString html = m.textBody.toHtmlEscaped();
    html.replace(u"\n\n"_s, u"</p>\n<p>"_s);
    m.htmlBody = u"<p>"_s + html + u"</p>"_s;
    m.stamp();
    return m;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// User and system CPU time of this process, or of its children that have ended.
double cpuSeconds(int who)
{
    rusage usage = {};
    getrusage(who, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct RelayMeasure
{
    QString sender; // as printed
    QList<double> seconds;
    QList<double> cpu; // the sender's own CPU time: other work on the machine hardly moves it
    double medianSeconds() const { return median(seconds); }
    double medianCpu() const { return median(cpu); }
};

struct RelayReport
{
    int mails = 0;
    qint64 bytes = 0;
    double enqueueSeconds = 0;
    RelayMeasure inProcess{u"relay, in process (dispatcher)"_s, {}, {}};
    RelayMeasure process{u"relay --once (the command)"_s, {}, {}};
    RelayMeasure python{u"Python smtplib, one connection"_s, {}, {}};
    RelayMeasure transportOnly{u"SmtpTransport alone, no database"_s, {}, {}};
    QList<Recup::RenderedMail> rendered; // what the relay sends, for the transport alone
};

// `python3 -m aiosmtpd` with its Mailbox handler (a maildir), on a free port of 127.0.0.1.
class BenchSmtpServer
{
public:
    explicit BenchSmtpServer(const QString &dir)
        : m_maildir(dir + u"/maildir"_s)
    {}
    ~BenchSmtpServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    Status start()
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            return setupError(u"aucun port libre pour le serveur SMTP"_s);
        m_port = probe.serverPort();
        probe.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(PythonInterpreter,
                        {u"-m"_s,
                         u"aiosmtpd"_s,
                         u"-n"_s,
                         u"-l"_s,
                         u"127.0.0.1:%1"_s.arg(m_port),
                         u"-c"_s,
                         u"aiosmtpd.handlers.Mailbox"_s,
                         m_maildir});
        if (!m_process.waitForStarted(10'000))
            return setupError(u"aiosmtpd ne démarre pas (python3-aiosmtpd installé ?)"_s,
                              m_process.errorString());
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 15'000) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (socket.waitForConnected(200) && socket.waitForReadyRead(2000)
                && socket.readLine().startsWith("220")) {
                socket.write("QUIT\r\n");
                socket.waitForBytesWritten(1000);
                return {};
            }
            if (m_process.state() == QProcess::NotRunning)
                break;
            QThread::msleep(100);
        }
        return setupError(u"aiosmtpd ne répond pas sur le port %1"_s.arg(m_port),
                          QString::fromUtf8(m_process.readAll()));
    }

    quint16 port() const { return m_port; }
    qsizetype stored() const { return QDir(m_maildir + u"/new"_s).entryList(QDir::Files).size(); }

private:
    QString m_maildir;
    quint16 m_port = 0;
    QProcess m_process;
};

// Queues `count` contact mails in one transaction, and writes each rendered message into
// `dir` with a manifest for the Python sender: the very bytes the relay sends.
Result<RelayReport> queueMails(Recup::Database &db, int count, const QString &dir)
{
    RelayReport report;
    report.mails = count;
    const QList<QStringList> people = tableRows(MailPeopleTable);
    QStringList items;
    for (const ItemKind &kind : itemKinds())
        items.append(kind.noun + u' ' + kind.qualifiers.value(0));

    QFile manifest(dir + u"/manifest.tsv"_s);
    if (!manifest.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return setupError(u"manifeste des messages impossible à écrire"_s, manifest.errorString());
    QSqlQuery clear(db.connection());
    if (!clear.exec(u"DELETE FROM outbox"_s))
        return setupError(u"vidage de la file d'envoi impossible"_s, clear.lastError().text());

    // Only actions send mail (migration 007): each mail is the expiry reminder of a published
    // ad, to its poster, from the platform's sender, with a contact mail's text and size: rows
    // the database and the relay accept as the system's own.
    const QString sender = u"collectiv-recup@"_s + MailDomain;
    if (db.dialect().checksMail()) {
        QSqlQuery policy(db.connection());
        policy.prepare(u"UPDATE mail_policy SET sender_address = ?, sender_name = ?"_s);
        policy.addBindValue(sender);
        policy.addBindValue(u"Collectiv'Récup"_s);
        if (!policy.exec())
            return setupError(u"expéditeur de la plateforme impossible à fixer"_s,
                              policy.lastError().text());
    }
    // The relay command also runs the expiry round: no filled ad may be due for a reminder, or
    // its mails would join the measured ones. Written as a replica would (no lifecycle check).
    {
        QSqlQuery later(db.connection());
        const bool postgres = db.dialect().checksMail();
        if (postgres && !later.exec(u"SET session_replication_role = replica"_s))
            return setupError(u"dates d'expiration impossibles à repousser"_s,
                              later.lastError().text());
        later.prepare(u"UPDATE ad SET expires_at = ? WHERE expires_at IS NOT NULL"_s);
        later.addBindValue(db.dialect().toDb(QDateTime::currentDateTimeUtc().addYears(1)));
        const bool moved = later.exec();
        const QString error = later.lastError().text();
        if (postgres)
            later.exec(u"SET session_replication_role = DEFAULT"_s);
        if (!moved)
            return setupError(u"dates d'expiration impossibles à repousser"_s, error);
    }
    struct Poster
    {
        qint64 ad;
        Recup::MailAddress address;
    };
    QList<Poster> posters;
    QSqlQuery published(db.connection());
    published.prepare(u"SELECT a.id, g.email, g.display_name FROM ad a "
                      "JOIN agent g ON g.id = a.owner_id WHERE a.state = 'published' "
                      "ORDER BY a.id LIMIT ?"_s);
    published.addBindValue(count);
    if (!published.exec())
        return setupError(u"annonces publiées illisibles"_s, published.lastError().text());
    while (published.next())
        posters.append({published.value(0).toLongLong(),
                        {published.value(1).toString(), published.value(2).toString()}});
    if (posters.isEmpty())
        return setupError(u"aucune annonce publiée à qui écrire"_s);

    QElapsedTimer timer;
    timer.start();
    Recup::MailQueue outbox(db);
    Recup::Transaction transaction(db.connection());
    QList<Recup::OutboxMail> queued;
    for (int i = 0; i < count; ++i) {
        const Poster &poster = posters.at(i % posters.size());
        Recup::MailMessage message = contactMail(i, people, items);
        message.from = {sender, u"Collectiv'Récup"_s};
        message.to = {poster.address};
        message.cc.clear();
        message.replyTo = {};
        const auto mail = outbox.enqueue(message, u"expiry-reminder"_s, 0, poster.ad);
        if (!mail)
            return setupError(u"mise en file d'envoi impossible"_s, mail.error());
        queued.append(*mail);
    }
    if (!transaction.commit())
        return setupError(u"validation de la file d'envoi impossible"_s,
                          db.connection().lastError().text());
    report.enqueueSeconds = timer.nsecsElapsed() / 1e9;

    QSqlQuery analyze(db.connection());
    analyze.exec(db.dialect().name() == u"postgresql" ? u"VACUUM (ANALYZE) outbox"_s
                                                      : u"ANALYZE outbox"_s);

    for (const Recup::OutboxMail &mail : std::as_const(queued)) {
        const QString name = u"%1.eml"_s.arg(mail.id, 6, 10, QChar(u'0'));
        QFile file(dir + u'/' + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(mail.rfc5322) != mail.rfc5322.size())
            return setupError(u"message impossible à écrire"_s, file.errorString());
        manifest.write(
                (name + u'\t' + mail.envelopeFrom + u'\t' + mail.recipients.join(u',') + u'\n')
                        .toUtf8());
        report.bytes += mail.rfc5322.size();
        report.rendered.append(mail.rendered());
    }
    return report;
}

// Every mail of the outbox queued again and due now, as if it had just been written. A sent
// mail stays sent for everyone (migration 007): the bench, a superuser, lifts the rule for its
// own rows while it re-queues them.
Status requeueAll(Recup::Database &db)
{
    QSqlQuery query(db.connection());
    const bool guarded = db.dialect().checksMail();
    if (guarded && !query.exec(u"ALTER TABLE outbox DISABLE TRIGGER outbox_guard"_s))
        return setupError(u"remise en file impossible"_s, query.lastError().text());
    const bool requeued = query.exec(u"UPDATE outbox SET state = 'queued', attempts = 0, "
                                     "next_attempt_at = created_at, last_error = '', "
                                     "sent_at = NULL, claimed_by = NULL, claimed_until = NULL"_s);
    const QString error = query.lastError().text();
    if (guarded && !query.exec(u"ALTER TABLE outbox ENABLE TRIGGER outbox_guard"_s))
        return setupError(u"remise en file impossible"_s, query.lastError().text());
    if (!requeued)
        return setupError(u"remise en file impossible"_s, error);
    if (db.dialect().name() == u"postgresql")
        query.exec(u"VACUUM (ANALYZE) outbox"_s);
    return {};
}

Status
checkDelivered(const BenchSmtpServer &server, qsizetype before, int expected, const QString &who)
{
    // The Mailbox handler stores a message before it answers 250: it is on disk already.
    if (server.stored() - before != expected)
        return setupError(u"%1 : %2 messages reçus par le serveur au lieu de %3"_s.arg(
                who, QString::number(server.stored() - before), QString::number(expected)));
    return {};
}

// The dispatcher and the SMTP transport of the relay, in this process, on `db`.
Result<double> drainInProcess(Recup::Database &db, quint16 port, int expected)
{
    Recup::SmtpSettings settings;
    settings.host = u"127.0.0.1"_s;
    settings.port = port;
    settings.security = Recup::SmtpSettings::Security::None;
    Recup::SmtpTransport transport(settings);
    Recup::OutboxDispatcher dispatcher(db, &transport, u"recup-bench"_s);
    dispatcher.setRetryInterval(0);
    QEventLoop loop;
    QString failure;
    QObject::connect(&dispatcher, &Recup::OutboxDispatcher::drained, &loop, &QEventLoop::quit);
    QObject::connect(&dispatcher,
                     &Recup::OutboxDispatcher::databaseFailed,
                     &loop,
                     [&](const QString &message, const QString &detail) {
                         failure = message + u" — "_s + detail;
                     });
    QObject::connect(&dispatcher,
                     &Recup::OutboxDispatcher::mailFailed,
                     &loop,
                     [&](qint64, const QString &, const Recup::SendResult &result) {
                         failure = result.message + u' ' + result.serverReply;
                     });
    QTimer::singleShot(600'000, &loop, [&] {
        failure = u"plus de 10 minutes"_s;
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    QTimer::singleShot(0, &dispatcher, &Recup::OutboxDispatcher::sendNow);
    loop.exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (!failure.isEmpty())
        return setupError(u"le relais n'a pas tout envoyé"_s, failure);
    if (dispatcher.sentCount() != expected)
        return setupError(u"le relais a envoyé %1 messages au lieu de %2"_s.arg(
                QString::number(dispatcher.sentCount()), QString::number(expected)));
    return seconds;
}

// The relay's SMTP transport alone, every mail handed over at once: the relay without its
// database, to tell what the outbox costs from what Qt's SMTP client costs.
Result<double> sendWithTransport(const QList<Recup::RenderedMail> &mails, quint16 port)
{
    Recup::SmtpSettings settings;
    settings.host = u"127.0.0.1"_s;
    settings.port = port;
    settings.security = Recup::SmtpSettings::Security::None;
    Recup::SmtpTransport transport(settings);
    QEventLoop loop;
    qsizetype answered = 0;
    QString failure;
    QObject::connect(&transport,
                     &Recup::MailTransport::finished,
                     &loop,
                     [&](const QString &, const Recup::SendResult &result) {
                         if (!result.sent())
                             failure = result.message + u' ' + result.serverReply;
                         if (++answered == mails.size())
                             loop.quit();
                     });
    QTimer::singleShot(600'000, &loop, [&] {
        failure = u"plus de 10 minutes"_s;
        loop.quit();
    });
    QElapsedTimer timer;
    timer.start();
    for (const Recup::RenderedMail &mail : mails)
        transport.sendRendered(mail);
    loop.exec();
    const double seconds = timer.nsecsElapsed() / 1e9;
    if (!failure.isEmpty())
        return setupError(u"le transport SMTP n'a pas tout envoyé"_s, failure);
    return seconds;
}

// `collectiv-recup-admin relay --once`, start to exit: what an administrator's cron would run.
Result<double> drainWithCommand(const QString &database, quint16 port, int expected)
{
    QProcess relay;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"RECUP_LANG"_s, u"en"_s);
    relay.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    relay.start(QStringLiteral(RECUP_ADMIN_BINARY),
                {u"relay"_s,
                 u"--once"_s,
                 u"--smtp-host"_s,
                 u"127.0.0.1"_s,
                 u"--smtp-port"_s,
                 QString::number(port),
                 u"--smtp-security"_s,
                 u"none"_s,
                 u"--database"_s,
                 database});
    if (!relay.waitForFinished(600'000))
        return setupError(u"relay --once ne se termine pas"_s);
    const double seconds = timer.nsecsElapsed() / 1e9;
    const QString said = QString::fromUtf8(relay.readAllStandardOutput());
    if (relay.exitCode() != 0 || !said.startsWith(QString::number(expected) + u' '))
        return setupError(u"relay --once a échoué"_s,
                          said + QString::fromUtf8(relay.readAllStandardError()));
    return seconds;
}

// tests/bench/smtp_baseline.py: the same messages, one smtplib connection; its own timing.
Result<double> sendWithPython(const QString &dir, quint16 port, int expected)
{
    QProcess python;
    python.start(PythonInterpreter,
                 {QStringLiteral(RECUP_BENCH_DIR "/smtp_baseline.py"),
                  u"--port"_s,
                  QString::number(port),
                  dir + u"/manifest.tsv"_s});
    if (!python.waitForFinished(600'000) || python.exitCode() != 0)
        return setupError(u"smtp_baseline.py a échoué"_s,
                          QString::fromUtf8(python.readAllStandardError()));
    const QString said = QString::fromUtf8(python.readAllStandardOutput());
    static const QRegularExpression line(u"^sent (\\d+) mails, \\d+ bytes in ([0-9.]+) seconds"_s);
    const auto match = line.match(said);
    if (!match.hasMatch() || match.captured(1).toInt() != expected)
        return setupError(u"smtp_baseline.py : réponse inattendue"_s, said);
    return match.captured(2).toDouble();
}

// Queues the mails on `db`, then drains them `runs` times each way into one aiosmtpd: the
// dispatcher in this process (on `relayDb`, as the relay's login), the relay command (on
// `relayDatabase`), and the Python baseline. The three ways take turns, first one changing.
Result<RelayReport> measureRelay(Recup::Database &db,
                                 Recup::Database &relayDb,
                                 const QString &relayDatabase,
                                 int mails,
                                 int runs)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return setupError(u"aucun dossier temporaire disponible"_s);
    BenchSmtpServer server(dir.path());
    if (const Status started = server.start(); !started)
        return started.error();
    QTextStream out(stdout);
    out << "queueing " << mails << " mails (contact-sized reminders to posters) in "
        << db.dialect().name() << "..." << Qt::endl;
    auto report = queueMails(db, mails, dir.path());
    if (!report)
        return report.error();

    for (int run = 0; run < runs; ++run) {
        for (int k = 0; k < 4; ++k) {
            const int way = (run + k) % 4;
            const qsizetype before = server.stored();
            Result<double> seconds = 0.0;
            RelayMeasure *measure = nullptr;
            const int who = way == 0 || way == 3 ? RUSAGE_SELF : RUSAGE_CHILDREN;
            const double cpuBefore = cpuSeconds(who);
            if (way == 0) {
                measure = &report.value().inProcess;
                seconds = drainInProcess(relayDb, server.port(), mails);
            } else if (way == 1) {
                measure = &report.value().process;
                seconds = drainWithCommand(relayDatabase, server.port(), mails);
            } else if (way == 2) {
                measure = &report.value().python;
                seconds = sendWithPython(dir.path(), server.port(), mails);
            } else {
                measure = &report.value().transportOnly;
                seconds = sendWithTransport(report->rendered, server.port());
            }
            if (!seconds)
                return seconds.error();
            if (const Status checked = checkDelivered(server, before, mails, measure->sender);
                !checked)
                return checked.error();
            measure->seconds.append(*seconds);
            measure->cpu.append(cpuSeconds(who) - cpuBefore);
            if (way < 2) {
                if (const Status requeued = requeueAll(db); !requeued)
                    return requeued.error();
            }
        }
    }
    return report;
}

// ---------------------------------------------------------------------------------------------
// One backend

struct FiguresMeasure
{
    QString backend;
    int year = 0;
    int exchanged = 0; // in the year, as FiguresReader counted them
    int closings = 0;  // every closing of the year
    int decisions = 0;
    Timings reader;
    Timings direct;
    QString semester; // "2025-S2"
    Timings documentBuild;
    Timings pdfWrite;
    qint64 pdfBytes = 0;
    int pdfPages = 0;

    double ratio() const { return reader.medianMs() / direct.medianMs(); }
    bool ratioPasses() const { return ratio() <= RatioTarget; }
    bool timePasses() const { return reader.medianMs() < FiguresTargetMs; }
    bool hasTimeTarget() const { return backend == u"postgresql"; }
};

struct BackendReport
{
    QString backend;
    QString version;
    FillReport fill;
    QList<Measure> measures;
    QList<RecupBench::WindowMeasure> windows;
    std::optional<RelayReport> relay;
    std::optional<FiguresMeasure> figures;
    std::optional<RecupBench::TransportsMeasure> transports;
    QList<RecupBench::ScrollMeasure> scroll;
    std::optional<RecupBench::ColdStartMeasure> coldStart;
};

// --only scroll: the catalogue window in fresh processes, on `database` as the children open it.
Status benchScroll(BackendReport &report, const QString &database, const Options &options)
{
    const auto scrolled
            = RecupBench::measureScrolling(database, report.backend, options.scrollRows);
    if (!scrolled)
        return scrolled.error();
    report.scroll = *scrolled;
    const auto cold = RecupBench::measureColdStart(database, report.backend, options.coldRuns);
    if (!cold)
        return cold.error();
    report.coldStart = *cold;
    return {};
}

// First page, second page through the cursor, and the two-word search, on db.
Result<QList<Measure>> measureCatalogue(Recup::Database &db, const QString &label, int runs)
{
    QList<Measure> measures;
    const Recup::CatalogueFilter all;
    auto first = compare(db, label, u"first page"_s, all, {}, runs);
    if (!first)
        return first.error();
    measures.append(*first);

    const auto firstPage = Recup::CatalogueQuery(db).page(all, {}, PageSize);
    if (!firstPage)
        return setupError(u"première page illisible"_s, firstPage.error());
    if (!firstPage->atEnd) {
        auto second = compare(db, label, u"second page (cursor)"_s, all, firstPage->next, runs);
        if (!second)
            return second.error();
        measures.append(*second);
    }

    Recup::CatalogueFilter search;
    search.text = u"armoire métallique"_s;
    auto searched = compare(db, label, u"search « armoire métallique »"_s, search, {}, runs);
    if (!searched)
        return searched.error();
    const auto hits = countThroughPages(db, search);
    if (!hits)
        return hits.error();
    searched.value().hits = *hits;
    measures.append(*searched);
    return measures;
}

// The searches of issue #13, as an agent on PostgreSQL: a common word, a rare one (3 ads, the
// oldest, renamed here by the superuser), one that matches nothing, a misspelt one; each alone
// and within a category. Returns the measures, each with its number of matches.
Result<QList<Measure>>
measureSearch(Recup::Database &agentDb, Recup::Database &superDb, const QString &label, int runs)
{
    QSqlQuery setup(superDb.connection());
    const QStringList statements{
            u"SET session_replication_role = replica"_s,
            u"UPDATE recup.ad SET title = 'Trampoline de gymnastique', category_id = (SELECT id "
            "FROM recup.category WHERE code = 'rangement') WHERE id IN (SELECT id FROM recup.ad "
            "WHERE state = 'published' ORDER BY published_at, id LIMIT 3)"_s,
            u"RESET session_replication_role"_s,
            u"SELECT recup.search_words_rebuild()"_s,
            u"ANALYZE recup.ad"_s,
    };
    for (const QString &statement : statements) {
        if (!setup.exec(statement))
            return setupError(u"préparation des recherches impossible"_s, setup.lastError().text());
    }
    if (!setup.exec(u"SELECT id FROM recup.category WHERE code = 'rangement'"_s) || !setup.next())
        return setupError(u"catégorie rangement introuvable"_s, setup.lastError().text());
    const qint64 storage = setup.value(0).toLongLong();
    setup.finish();

    struct Case
    {
        QString kind;
        QString text;
    };
    const QList<Case> cases{{u"common"_s, u"armoire"_s},
                            {u"rare"_s, u"trampoline"_s},
                            {u"nothing"_s, u"xylophone"_s},
                            {u"typo"_s, u"armoire metalique"_s},
                            {u"typo"_s, u"chaize"_s}};
    // The orders of the catalogue, first page, without and with a common word (the home site:
    // the first one).
    if (!setup.exec(u"SELECT min(id) FROM recup.site"_s) || !setup.next())
        return setupError(u"aucun site"_s, setup.lastError().text());
    const qint64 homeSite = setup.value(0).toLongLong();
    setup.finish();
    QList<Measure> measures;
    for (const auto sort : {Recup::CatalogueSort::NearestSite, Recup::CatalogueSort::Category}) {
        for (const QString &text : {QString(), u"armoire"_s}) {
            Recup::CatalogueFilter filter;
            filter.sort = sort;
            filter.homeSiteId = homeSite;
            filter.text = text;
            const QString name
                    = u"sort %1%2"_s.arg(Recup::catalogueSortKey(sort),
                                         text.isEmpty() ? QString() : u" « %1 »"_s.arg(text));
            auto measured = compare(agentDb, label, name, filter, {}, runs);
            if (!measured)
                return measured.error();
            Measure measure = measured.value();
            measure.timeTarget = true;
            measure.targetMs = SearchTargetMs;
            measures.append(measure);
        }
    }
    for (const Case &c : cases) {
        for (const qint64 category : {qint64(0), storage}) {
            Recup::CatalogueFilter filter;
            filter.text = c.text;
            filter.categoryId = category;
            const QString name
                    = u"%1 « %2 »%3"_s.arg(c.kind, c.text, category ? u" +cat"_s : QString());
            auto measured = compare(agentDb, label, name, filter, {}, runs);
            if (!measured)
                return measured.error();
            const auto hits = countThroughPages(agentDb, filter);
            if (!hits)
                return hits.error();
            Measure measure = measured.value();
            measure.hits = *hits;
            measure.timeTarget = true;
            measure.targetMs = SearchTargetMs;
            measures.append(measure);
        }
    }
    return measures;
}

// ---------------------------------------------------------------------------------------------
// The moderators' figures (#10): a year through FiguresReader next to the same statements run
// straight on the tables, then the semester report written as a PDF.

// PostgreSQL's figure functions of 013_figures_in_one_pass.sql, their bodies word for word
// (parameters bound in their place), run on the tables as their owner with the functions' own
// settings; SQLite's are SqlDialect's statements already.
const QString DirectTotals
        = u"SELECT CASE GROUPING(f.month, f.category_id, f.service_id, f.receiving_service_id) "
          "WHEN 7 THEN 0 WHEN 11 THEN 1 ELSE 2 END, "
          "f.close_reason, f.month, f.category_id, f.service_id, f.receiving_service_id, "
          "count(*), CAST(sum(f.quantity) AS bigint), CAST(sum(f.value_cents) AS bigint), "
          "CAST(sum(f.weight) AS bigint), CAST(sum(f.estimated) AS bigint) "
          "FROM (SELECT a.close_reason, a.category_id, a.service_id, a.receiving_service_id, "
          "a.quantity, a.value_cents, "
          "CASE WHEN a.weight_grams > 0 THEN a.weight_grams "
          "ELSE c.default_unit_weight_g * a.quantity END AS weight, "
          "CASE WHEN a.weight_grams > 0 THEN 0 "
          "ELSE c.default_unit_weight_g * a.quantity END AS estimated, "
          "coalesce(width_bucket(a.closed_at, CAST(? AS timestamptz[])), 0) AS month "
          "FROM recup.ad a JOIN recup.category c ON c.id = a.category_id "
          "WHERE a.state = 'closed' AND a.closed_at >= ? AND a.closed_at < ?) f "
          "GROUP BY GROUPING SETS ((f.close_reason, f.month), (f.close_reason, f.category_id), "
          "(f.close_reason, f.service_id, f.receiving_service_id))"_s;
const QString DirectWaits
        = u"SELECT taker.n, taker.median, decision.n, decision.median "
          "FROM (SELECT count(*) AS n, CAST(extract(epoch FROM percentile_cont(0.5) WITHIN GROUP "
          "(ORDER BY a.closed_at - a.published_at)) AS double precision) AS median "
          "FROM recup.ad a WHERE a.state = 'closed' AND a.closed_at >= ? AND a.closed_at < ? "
          "AND a.close_reason = 'exchanged' AND a.published_at IS NOT NULL) taker, "
          "(SELECT count(*) AS n, CAST(extract(epoch FROM percentile_cont(0.5) WITHIN GROUP "
          "(ORDER BY h.at - h.pending_since)) AS double precision) AS median "
          "FROM recup.ad_history h WHERE h.action IN ('approve', 'reject') "
          "AND h.at >= ? AND h.at < ? AND h.pending_since IS NOT NULL) decision"_s;
const QString DirectInactive
        = u"SELECT s.id FROM recup.service s "
          "WHERE NOT EXISTS (SELECT 1 FROM recup.ad a WHERE a.service_id = s.id) "
          "AND NOT EXISTS (SELECT 1 FROM recup.ad a WHERE a.receiving_service_id = s.id) "
          "ORDER BY s.id"_s;

// Runs `statement`, reads every column of every row; returns the rows.
Result<int> runDirect(QSqlDatabase connection, const Recup::BoundStatement &statement)
{
    QSqlQuery query(connection);
    query.setForwardOnly(true);
    if (!query.prepare(statement.sql))
        return setupError(u"SQL direct des statistiques refusé"_s, query.lastError().text());
    for (const QVariant &value : statement.values)
        query.addBindValue(value);
    if (!query.exec())
        return setupError(u"SQL direct des statistiques refusé"_s, query.lastError().text());
    int rows = 0;
    const int columns = query.record().count();
    while (query.next()) {
        ++rows;
        for (int c = 0; c < columns; ++c)
            query.value(c);
    }
    return rows;
}

// The statements FiguresReader has the server run for a period, straight on the tables.
Status figuresDirect(Recup::Database &db, const Recup::ReportPeriod &period)
{
    const Recup::SqlDialect &dialect = db.dialect();
    const QVariant from = dialect.toDb(period.fromUtc());
    const QVariant to = dialect.toDb(period.toUtc());
    QList<QDateTime> monthStarts;
    for (const Recup::PeriodMonth &m : period.months().mid(1))
        monthStarts.append(m.fromUtc);
    QList<Recup::BoundStatement> statements;
    if (dialect.name() == u"postgresql") {
        QStringList starts;
        for (const QDateTime &start : std::as_const(monthStarts))
            starts.append(start.toString(Qt::ISODateWithMs));
        statements = {{DirectTotals, {u"{%1}"_s.arg(starts.join(u',')), from, to}},
                      {DirectWaits, {from, to, from, to}},
                      {DirectInactive, {}}};
    } else {
        statements = {dialect.closedAdTotals(period.fromUtc(), period.toUtc(), monthStarts),
                      dialect.medianWaits(period.fromUtc(), period.toUtc()),
                      {u"SELECT service_id FROM %1 inactive ORDER BY service_id"_s.arg(
                               dialect.inactiveServices()),
                       {}}};
    }
    for (const Recup::BoundStatement &statement : std::as_const(statements)) {
        if (const auto rows = runDirect(db.connection(), statement); !rows)
            return rows.error();
    }
    return {};
}

// A year's figures read by `reader` (a moderator's login on PostgreSQL) through FiguresReader,
// next to figuresDirect() on `owner` (the table owner's rights, no SECURITY DEFINER function);
// then the semester report of the year's second half, built and written as a PDF.
Result<FiguresMeasure>
measureFigures(Recup::Database &reader, Recup::Database &owner, const QString &label)
{
    FiguresMeasure measure;
    measure.backend = label;
    const QDate today = QDateTime::currentDateTimeUtc()
                                .toTimeZone(Recup::ReportPeriod::platformZone())
                                .date();
    measure.year = today.year() - 1; // the last whole year: the fill covers the last two
    const Recup::ReportPeriod year = Recup::ReportPeriod::year(measure.year);
    const Recup::FiguresReader figuresReader(reader);

    QString failure;
    auto viaReader = [&] {
        const auto figures = figuresReader.read(year);
        if (!figures) {
            failure = figures.error().message + u" — "_s + figures.error().detail;
            return;
        }
        measure.exchanged = figures->exchanged();
        measure.closings = 0;
        for (const Recup::ReasonTotals &r : figures->reasons)
            measure.closings += r.ads;
        measure.decisions = figures->delays.decisions;
    };
    auto viaDirect = [&] {
        if (const Status done = figuresDirect(owner, year); !done)
            failure = done.error().message + u" — "_s + done.error().detail;
    };
    const std::function<void()> variants[] = {viaReader, viaDirect};
    Timings *timings[] = {&measure.reader, &measure.direct};
    QElapsedTimer timer;
    for (int run = 0; run < 1 + FiguresRuns; ++run) {
        for (int k = 0; k < 2; ++k) {
            const int variant = (run + k) % 2;
            timer.start();
            variants[variant]();
            const qint64 elapsed = timer.nsecsElapsed();
            if (!failure.isEmpty())
                return setupError(u"mesure des statistiques impossible"_s, failure);
            if (run > 0)
                timings[variant]->nanoseconds.append(elapsed);
        }
    }

    const Recup::ReportPeriod semester = Recup::ReportPeriod::semester(measure.year, 2);
    measure.semester = semester.key();
    const auto figures = figuresReader.read(semester);
    if (!figures)
        return setupError(u"statistiques du semestre illisibles"_s, figures.error());
    QTemporaryDir folder;
    if (!folder.isValid())
        return setupError(u"aucun dossier temporaire disponible"_s);
    const QString path = folder.filePath(u"rapport-%1.pdf"_s.arg(measure.semester));
    for (int run = 0; run < 1 + FiguresRuns; ++run) {
        QFile::remove(path);
        timer.start();
        const std::unique_ptr<QTextDocument> document
                = Recup::ReportDocument::semesterReport(*figures);
        const qint64 built = timer.nsecsElapsed();
        timer.start();
        const Status written = Recup::ReportDocument::writePdf(*document, path);
        const qint64 elapsed = timer.nsecsElapsed();
        if (!written)
            return setupError(u"écriture du PDF impossible"_s, written.error());
        if (run > 0) {
            measure.documentBuild.nanoseconds.append(built);
            measure.pdfWrite.nanoseconds.append(elapsed);
        }
        measure.pdfPages = document->pageCount();
    }
    measure.pdfBytes = QFileInfo(path).size();
    return measure;
}

// ---------------------------------------------------------------------------------------------
// The printed pickup list (#11): a day of PickupStops stops from PickupSites departure sites and
// PickupTeams teams, built in memory, next to a plain table of the same rows.

// The pages of the PDF at `path` (pdfinfo), 0 when it cannot tell.
int pdfPageCount(const QString &path)
{
    QProcess process;
    process.start(u"pdfinfo"_s, {path});
    if (!process.waitForFinished(60'000) || process.exitCode() != 0)
        return 0;
    static const QRegularExpression pages(u"^Pages:\\s+(\\d+)$"_s,
                                          QRegularExpression::MultilineOption);
    return pages.match(QString::fromUtf8(process.readAllStandardOutput())).captured(1).toInt();
}

struct PickupsMeasure
{
    Timings documentBuild; // PickupList's constructor: the stops sorted
    Timings pdfWrite;      // PickupList::writePdf(): laid out, paginated, painted on a QPdfWriter
    Timings baselineBuild; // one QTextDocument table, a row per stop, no grouping (the old way)
    Timings baselineWrite;
    qint64 pdfBytes = 0;
    qint64 baselineBytes = 0;
    int pdfPages = 0;
    int baselinePages = 0;

    double totalMs() const { return documentBuild.medianMs() + pdfWrite.medianMs(); }
    double baselineMs() const { return baselineBuild.medianMs() + baselineWrite.medianMs(); }
    bool passes() const { return totalMs() < PickupListTargetMs; }
};

QList<Recup::Pickup> pickupDay(const QDate &day)
{
    QRandomGenerator random(Seed);
    static const QStringList items{u"Bureau droit 160 cm"_s,
                                   u"Armoire haute à rideaux"_s,
                                   u"Chaises visiteur"_s,
                                   u"Caisson trois tiroirs"_s,
                                   u"Table de réunion ronde"_s,
                                   u"Vestiaire métallique"_s};
    const auto end = [](int site, const QString &room) {
        Recup::PickupEnd e;
        e.siteId = site + 1;
        e.siteName = u"Site %1"_s.arg(site + 1, 2, 10, QChar(u'0'));
        e.siteAddress = u"%1 rue des Écoles, 86100 Châtellerault"_s.arg(site + 1);
        e.room = room;
        e.contact = u"Mme Agent %1"_s.arg(site + 1);
        e.phone = u"05 49 20 %1 %2"_s.arg(site + 10).arg(site + 20);
        return e;
    };
    QList<Recup::Pickup> stops;
    for (int i = 0; i < PickupStops; ++i) {
        Recup::Pickup p;
        p.id = i + 1;
        p.adTitle = items.at(i % items.size()) + u" n° %1"_s.arg(i + 1);
        p.categoryName = u"Mobilier"_s;
        p.quantity = 1 + int(random.bounded(6));
        p.weightGrams = 2'000 + random.bounded(80'000);
        p.givingServiceName = u"Service %1"_s.arg(i % 37);
        p.receivingServiceName = u"Service %1"_s.arg((i + 11) % 37);
        p.from = end(i % PickupSites, u"Bâtiment %1, bureau %2"_s.arg(QChar(u'A' + i % 4)).arg(i));
        p.to = end((i + 7) % PickupSites, u"Salle %1"_s.arg(i % 30));
        if (i % 7 == 0)
            p.notes = u"Fragile & lourd : <prévoir le diable>, sonner à l’accueil."_s;
        p.status = i % 50 == 0 ? Recup::PickupStatus::PickedUp : Recup::PickupStatus::Planned;
        p.plannedDate = day;
        p.team = u"Équipe %1"_s.arg(QChar(u'A' + i % PickupTeams));
        p.stopOrder = i / PickupTeams + 1;
        stops.append(p);
    }
    return stops;
}

// The same rows as one table a row per stop, in the order given, without grouping, totals or
// boxes to sign: what any list of 1,000 rows costs QTextDocument and the PDF writer.
std::unique_ptr<QTextDocument> plainPickupTable(const QList<Recup::Pickup> &stops)
{
    auto document = std::make_unique<QTextDocument>();
    QString html = u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">"_s;
    for (const Recup::Pickup &p : stops)
        html += u"<tr><td>"_s + QString::number(p.stopOrder) + u"</td><td>"_s
                + p.adTitle.toHtmlEscaped() + u"</td><td>"_s + QString::number(p.quantity)
                + u"</td><td>"_s + QString::number(p.weightGrams / 1000) + u"</td><td>"_s
                + p.from.siteName.toHtmlEscaped() + u"</td><td>"_s + p.to.siteName.toHtmlEscaped()
                + u"</td><td>"_s + p.from.contact.toHtmlEscaped() + u"</td><td>"_s
                + p.notes.toHtmlEscaped() + u"</td></tr>"_s;
    document->setHtml(html + u"</table>"_s);
    return document;
}

Result<PickupsMeasure> measurePickupList()
{
    PickupsMeasure measure;
    const QDate day(2026, 12, 4);
    const QList<Recup::Pickup> stops = pickupDay(day);
    QTemporaryDir folder;
    if (!folder.isValid())
        return setupError(u"aucun dossier temporaire disponible"_s);
    const QString path = folder.filePath(u"enlevements.pdf"_s);
    const QString baselinePath = folder.filePath(u"tableau.pdf"_s);
    const QDateTime printedAt = QDateTime::currentDateTimeUtc();
    QElapsedTimer timer;
    for (int run = 0; run < 1 + PickupRuns; ++run) {
        for (const bool baseline : {false, true}) {
            const QString &file = baseline ? baselinePath : path;
            QFile::remove(file);
            qint64 built = 0;
            qint64 elapsed = 0;
            Status written;
            if (baseline) {
                timer.start();
                const std::unique_ptr<QTextDocument> document = plainPickupTable(stops);
                built = timer.nsecsElapsed();
                timer.start();
                written = Recup::ReportDocument::writePdf(*document, file);
                elapsed = timer.nsecsElapsed();
            } else {
                timer.start();
                const Recup::PickupList list(day, stops, printedAt);
                built = timer.nsecsElapsed();
                timer.start();
                written = list.writePdf(file);
                elapsed = timer.nsecsElapsed();
            }
            if (!written)
                return setupError(u"écriture du PDF impossible"_s, written.error());
            if (run == 0)
                continue;
            (baseline ? measure.baselineBuild : measure.documentBuild).nanoseconds.append(built);
            (baseline ? measure.baselineWrite : measure.pdfWrite).nanoseconds.append(elapsed);
        }
    }
    measure.pdfBytes = QFileInfo(path).size();
    measure.baselineBytes = QFileInfo(baselinePath).size();
    measure.pdfPages = pdfPageCount(path);
    measure.baselinePages = pdfPageCount(baselinePath);
    return measure;
}

// The relay's measure on db; on PostgreSQL the relay logs in with a role of its own.
Result<RelayReport>
benchRelay(Recup::Database &db, const Options &options, PostgresBenchDatabase *postgres)
{
    if (!postgres) {
        const QString database = u"sqlite:"_s + db.config().sqlitePath;
        return measureRelay(db, db, database, options.mails, options.mailRuns);
    }
    const auto relayConfig = postgres->createRelayRole();
    if (!relayConfig)
        return relayConfig.error();
    Recup::Database relayDb(*relayConfig);
    if (Status opened = relayDb.open(); !opened)
        return setupError(u"connexion du relais %1 impossible"_s.arg(BenchRelayLogin),
                          opened.error());
    return measureRelay(db, relayDb, relayConfig->conninfo, options.mails, options.mailRuns);
}

// Fills the database of config, then measures. On PostgreSQL the measures that count are
// taken as an agent's login role, under row-level security as the app runs; the superuser's
// (which bypasses it) follow for comparison.
Result<BackendReport> benchBackend(const Recup::DatabaseConfig &config,
                                   const Options &options,
                                   PostgresBenchDatabase *postgres)
{
    BackendReport report;
    Recup::Database db(config);
    if (Status opened = db.open(); !opened)
        return setupError(u"ouverture de la base impossible"_s, opened.error());
    if (Status migrated = Recup::SchemaMigrator(db).migrate(); !migrated)
        return setupError(u"migration du schéma impossible"_s, migrated.error());
    report.backend = db.dialect().name();
    report.version = serverVersion(db);

    // The relay's mails go to the posters of published ads: the database is filled first (a
    // few hundred ads when only the relay is measured).
    const qint64 ads = options.catalogue ? options.ads : options.mails > 0 ? 200 : 0;
    // The transports follow exchanged ads: 80 % of the closed ones are.
    const qint64 closed = options.figures      ? options.closed
                          : options.transports ? qint64(RecupBench::TransportRequests) * 7 / 5
                                               : 0;
    QTextStream out(stdout);
    out << "filling " << report.backend << " with " << ads << " ads";
    if (closed > 0)
        out << " and " << closed << " closed ads";
    out << "..." << Qt::endl;
    // Scrolling: every row scrolled through has its photo, and two pages more.
    const qint64 photographed = options.scroll ? options.scrollRows + 2 * PageSize : 0;
    const auto filled = fill(db, ads, closed, photographed);
    if (!filled)
        return filled.error();
    report.fill = *filled;
    if (options.mails > 0) {
        auto relay = benchRelay(db, options, postgres);
        if (!relay)
            return relay.error();
        report.relay = *relay;
    }
    if (!options.catalogue && !options.figures && !options.transports)
        return report;

    if (!postgres) {
        if (options.scroll) {
            if (Status done = benchScroll(report, u"sqlite:"_s + config.sqlitePath, options); !done)
                return done.error();
        }
        if (options.transports) {
            // SQLite has no logins: a moderator's rights are the application's.
            const auto transports
                    = RecupBench::measureTransports(db, db, BenchModeratorLogin, report.backend);
            if (!transports)
                return transports.error();
            report.transports = *transports;
        }
        if (options.measureCatalogue) {
            const auto measures = measureCatalogue(db, report.backend, options.runs);
            if (!measures)
                return measures.error();
            report.measures = *measures;
        }
        if (options.windows) {
            const auto windows = RecupBench::measureWindows(db,
                                                            db,
                                                            db,
                                                            BenchAgentLogin,
                                                            BenchModeratorLogin,
                                                            report.backend,
                                                            options.windowRuns);
            if (!windows)
                return windows.error();
            report.windows = *windows;
        }
        if (options.figures) {
            const auto figures = measureFigures(db, db, report.backend);
            if (!figures)
                return figures.error();
            report.figures = *figures;
        }
        return report;
    }

    const auto agentConfig = postgres->createAgentRole();
    if (!agentConfig)
        return agentConfig.error();
    Recup::Database agentDb(*agentConfig);
    if (Status opened = agentDb.open(); !opened)
        return setupError(u"connexion de l'agent %1 impossible"_s.arg(BenchAgentLogin),
                          opened.error());
    if (options.measureCatalogue) {
        const auto asAgent = measureCatalogue(agentDb, u"postgresql"_s, options.runs);
        if (!asAgent)
            return asAgent.error();
        const auto asSuperuser = measureCatalogue(db, u"pg superuser"_s, options.runs);
        if (!asSuperuser)
            return asSuperuser.error();
        report.measures = *asAgent + *asSuperuser;
    }
    if (options.search) {
        const auto searched = measureSearch(agentDb, db, u"postgresql"_s, options.runs);
        if (!searched)
            return searched.error();
        report.measures += *searched;
    }
    if (options.scroll) {
        // As the agent logs in: row-level security applies to every page and thumbnail.
        if (Status done = benchScroll(report, u"postgresql:"_s + agentConfig->conninfo, options);
            !done)
            return done.error();
    }
    if (!options.windows && !options.figures && !options.transports)
        return report;
    // Each window as its own person logs in: row-level security applies.
    const auto moderatorConfig = postgres->createModeratorRole();
    if (!moderatorConfig)
        return moderatorConfig.error();
    Recup::Database moderatorDb(*moderatorConfig);
    if (Status opened = moderatorDb.open(); !opened)
        return setupError(u"connexion du modérateur impossible"_s, opened.error());
    if (options.windows) {
        const auto windows = RecupBench::measureWindows(db,
                                                        agentDb,
                                                        moderatorDb,
                                                        BenchAgentLogin,
                                                        BenchModeratorLogin,
                                                        u"postgresql"_s,
                                                        options.windowRuns);
        if (!windows)
            return windows.error();
        report.windows = *windows;
    }
    if (options.transports) {
        // Logistics staff read every transport: a moderator's login, under row-level security.
        const auto transports = RecupBench::measureTransports(
                db, moderatorDb, BenchModeratorLogin, u"postgresql"_s);
        if (!transports)
            return transports.error();
        report.transports = *transports;
    }
    if (options.figures) {
        // FiguresReader as a moderator logs in; the direct SQL with the rights of the tables'
        // owner, as the SECURITY DEFINER functions run (RLS: owner_all, always true).
        QSqlQuery role(db.connection());
        if (!role.exec(u"SET ROLE recup_owner"_s) || !role.exec(u"SET work_mem = '32MB'"_s)
            || !role.exec(u"SET jit = off"_s))
            return setupError(u"SET ROLE recup_owner refusé"_s, role.lastError().text());
        const auto figures = measureFigures(moderatorDb, db, u"postgresql"_s);
        if (!role.exec(u"RESET ROLE"_s) || !role.exec(u"RESET work_mem"_s)
            || !role.exec(u"RESET jit"_s))
            return setupError(u"RESET ROLE refusé"_s, role.lastError().text());
        if (!figures)
            return figures.error();
        report.figures = *figures;
    }
    return report;
}

// ---------------------------------------------------------------------------------------------
// Output

QString number(double value, int decimals = 2)
{
    return QString::number(value, 'f', decimals);
}

QString peakRss()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return u"?"_s;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            const qint64 kib = line.mid(6).trimmed().split(' ').first().toLongLong();
            return u"%1 MiB"_s.arg(number(kib / 1024.0, 1));
        }
    }
    return u"?"_s;
}

// Other work on the machine skews every figure: print it next to them.
QString loadAverage()
{
    QFile loadavg(u"/proc/loadavg"_s);
    if (!loadavg.open(QIODevice::ReadOnly))
        return u"?"_s;
    return QString::fromLatin1(loadavg.readAll()).section(u' ', 0, 2);
}

QString cpuModel()
{
    QFile cpuinfo(u"/proc/cpuinfo"_s);
    if (!cpuinfo.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : cpuinfo.readAll().split('\n')) {
        if (line.startsWith("model name"))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return {};
}

void printRelayReports(const QList<BackendReport> &reports, const Options &options)
{
    QTextStream out(stdout);
    out << Qt::endl
        << "relay: " << options.mails << " queued mails into aiosmtpd (Mailbox handler, "
        << "plain SMTP on 127.0.0.1); median of " << options.mailRuns << " runs each" << Qt::endl;
    out << "backend      sender                               seconds    mails/s   Python / "
           "this   sender CPU s"
        << Qt::endl;
    for (const BackendReport &r : reports) {
        if (!r.relay)
            continue;
        const RelayReport &relay = *r.relay;
        const double python = relay.python.medianSeconds();
        for (const RelayMeasure *m :
             {&relay.inProcess, &relay.process, &relay.transportOnly, &relay.python}) {
            const double seconds = m->medianSeconds();
            out << r.backend.leftJustified(12) << ' ' << m->sender.leftJustified(36) << ' '
                << number(seconds, 3).rightJustified(7) << ' '
                << number(relay.mails / std::max(seconds, 1e-9), 0).rightJustified(10) << ' '
                << number(python / std::max(seconds, 1e-9)).rightJustified(10)
                << number(m->medianCpu(), 3).rightJustified(15) << Qt::endl;
        }
    }
    out << Qt::endl;
    for (const BackendReport &r : reports) {
        if (!r.relay)
            continue;
        QStringList runs;
        for (const RelayMeasure *m :
             {&r.relay->inProcess, &r.relay->process, &r.relay->transportOnly, &r.relay->python}) {
            QStringList each;
            for (double seconds : m->seconds)
                each.append(number(seconds, 3));
            runs.append(each.join(u' '));
        }
        out << r.backend << ": " << r.relay->mails << " mails of "
            << number(r.relay->bytes / 1024.0 / std::max(r.relay->mails, 1), 2)
            << " KiB on average, queued in " << number(r.relay->enqueueSeconds, 2)
            << " s; every run (s): in process " << runs[0] << " | command " << runs[1]
            << " | transport alone " << runs[2] << " | Python " << runs[3] << Qt::endl;
    }
    out << "in process   OutboxDispatcher + SmtpTransport in recup-bench, from sendNow() to "
           "drained(): claims, SMTP, one UPDATE per answer"
        << Qt::endl
        << "command      collectiv-recup-admin relay --once as a process, start to exit "
           "(connecting and the schema check included)"
        << Qt::endl
        << "transport    the relay's SmtpTransport in recup-bench, every mail handed over at once, "
           "no database: what Qt's SMTP client costs"
        << Qt::endl
        << "Python       tests/bench/smtp_baseline.py: the same rendered bytes from files, "
           "smtplib on one connection, no database; timed from connect to QUIT"
        << Qt::endl
        << "sender CPU   user + system time of the sender alone (getrusage), not of aiosmtpd nor "
           "of the PostgreSQL server"
        << Qt::endl
        << "postgresql   the relay logs in as " << BenchRelayLogin
        << " (member of recup_admin), under row-level security" << Qt::endl;
}

void printFiguresReports(const QList<BackendReport> &reports, const Options &options)
{
    QTextStream out(stdout);
    out << Qt::endl
        << "figures: " << options.closed << " closed ads over the last two years; times in ms, "
        << "median / max of " << FiguresRuns << " runs after 1 warm-up" << Qt::endl;
    for (const BackendReport &r : reports) {
        out << "  " << r.backend << ": fill of the closed ads and their " << r.fill.historyRows
            << " history rows " << number(r.fill.closedSeconds) << " s" << Qt::endl;
    }
    out << "backend      year  closings exchanged decisions   FiguresReader     direct SQL    "
           "ratio  target"
        << Qt::endl;
    for (const BackendReport &r : reports) {
        if (!r.figures)
            continue;
        const FiguresMeasure &m = *r.figures;
        QString target;
        if (m.hasTimeTarget())
            target = u"< %1 ms %2, "_s.arg(number(FiguresTargetMs, 0),
                                           m.timePasses() ? u"PASS"_s : u"FAIL"_s);
        target += u"≤ %1× %2"_s.arg(number(RatioTarget, 1),
                                    m.ratioPasses() ? u"PASS"_s : u"FAIL"_s);
        out << m.backend.leftJustified(12) << ' ' << m.year << ' '
            << QString::number(m.closings).rightJustified(9) << ' '
            << QString::number(m.exchanged).rightJustified(9) << ' '
            << QString::number(m.decisions).rightJustified(9) << ' '
            << number(m.reader.medianMs()).rightJustified(8) << ' '
            << number(m.reader.percentileMs(1.0)).rightJustified(7) << ' '
            << number(m.direct.medianMs()).rightJustified(8) << ' '
            << number(m.direct.percentileMs(1.0)).rightJustified(7) << ' '
            << number(m.ratio()).rightJustified(7) << "  " << target << Qt::endl;
    }
    out << Qt::endl << "semester report (A4 PDF, French)" << Qt::endl;
    out << "backend      semester  build document   write PDF   to file    size      pages"
        << Qt::endl;
    for (const BackendReport &r : reports) {
        if (!r.figures)
            continue;
        const FiguresMeasure &m = *r.figures;
        out << m.backend.leftJustified(12) << ' ' << m.semester.leftJustified(9) << ' '
            << number(m.documentBuild.medianMs()).rightJustified(11) << "   "
            << number(m.pdfWrite.medianMs()).rightJustified(9) << ' '
            << number(m.documentBuild.medianMs() + m.pdfWrite.medianMs()).rightJustified(9) << "   "
            << number(m.pdfBytes / 1024.0, 1).rightJustified(7) << " KiB "
            << QString::number(m.pdfPages).rightJustified(5) << Qt::endl;
    }
    out << Qt::endl
        << "FiguresReader  FiguresReader::read(ReportPeriod::year(Y)), on PostgreSQL as the login "
        << BenchModeratorLogin << " (member of recup_moderator): recup.closed_ad_totals(), "
        << "recup.median_waits(), recup.inactive_services(), then the names" << Qt::endl
        << "direct SQL     the same three statements on the tables (on PostgreSQL the functions' "
           "bodies, as recup_owner by SET ROLE, with their work_mem and jit settings), "
           "with no function in between"
        << Qt::endl
        << "to file        ReportDocument::semesterReport() then ReportDocument::writePdf()"
        << Qt::endl;
}

void printPickupsReport(const PickupsMeasure &m)
{
    QTextStream out(stdout);
    out << Qt::endl
        << "pickup list: " << PickupStops << " stops from " << PickupSites << " sites, "
        << PickupTeams << " teams, built in memory; times in ms, median / max of " << PickupRuns
        << " runs after 1 warm-up" << Qt::endl;
    out << "document                      build document   write PDF     to file      size   pages"
           "  target"
        << Qt::endl;
    const auto line = [&out](const QString &name,
                             const Timings &build,
                             const Timings &write,
                             qint64 bytes,
                             int pages,
                             const QString &target) {
        out << name.leftJustified(29) << ' ' << number(build.medianMs()).rightJustified(8) << ' '
            << number(build.percentileMs(1.0)).rightJustified(7) << ' '
            << number(write.medianMs()).rightJustified(8) << ' '
            << number(write.percentileMs(1.0)).rightJustified(7) << ' '
            << number(build.medianMs() + write.medianMs()).rightJustified(8) << ' '
            << number(bytes / 1024.0, 1).rightJustified(7) << " KiB "
            << QString::number(pages).rightJustified(5) << "  " << target << Qt::endl;
    };
    line(u"PickupList (QPainter)"_s,
         m.documentBuild,
         m.pdfWrite,
         m.pdfBytes,
         m.pdfPages,
         u"< %1 s %2"_s.arg(number(PickupListTargetMs / 1000, 0),
                            m.passes() ? u"PASS"_s : u"FAIL"_s));
    line(u"QTextDocument table (base)"_s,
         m.baselineBuild,
         m.baselineWrite,
         m.baselineBytes,
         m.baselinePages,
         {});
    out << "ratio to the baseline: " << number(m.totalMs() / m.baselineMs()) << Qt::endl
        << Qt::endl
        << "PickupList     PickupList(day, stops) then writePdf(): A4 pages drawn with QPainter "
           "(grouped by site and team, totals, two boxes to sign per stop, no stop cut between "
           "pages, n / N)"
        << Qt::endl
        << "plain table    the same 1,000 rows as one QTextDocument HTML table, a row per stop, "
           "no grouping, written by ReportDocument::writePdf() (how the list was drawn before: "
           "6.9 s with its grouping)"
        << Qt::endl;
}

void printReports(const QList<BackendReport> &reports, const Options &options)
{
    if (options.scroll) {
        QList<RecupBench::ScrollMeasure> scrolled;
        QList<RecupBench::ColdStartMeasure> cold;
        for (const BackendReport &r : reports) {
            scrolled += r.scroll;
            if (r.coldStart)
                cold.append(*r.coldStart);
        }
        RecupBench::printScrollMeasures(scrolled, options.scrollRows);
        RecupBench::printColdStart(cold);
        return;
    }
    if (options.mails > 0)
        printRelayReports(reports, options);
    if (options.figures)
        printFiguresReports(reports, options);
    if (options.transports) {
        QList<RecupBench::TransportsMeasure> transports;
        for (const BackendReport &r : reports) {
            if (r.transports)
                transports.append(*r.transports);
        }
        RecupBench::printTransportsMeasures(transports);
    }
    if (!options.catalogue)
        return;
    QTextStream out(stdout);
    if (options.windows) {
        QList<RecupBench::WindowMeasure> windows;
        for (const BackendReport &r : reports)
            windows += r.windows;
        RecupBench::printWindowMeasures(windows, options.windowRuns);
    }
    out << Qt::endl << "fill (" << options.ads << " ads)" << Qt::endl;
    out << "  backend       reference        ads     ads/s    photos   analyze     total"
        << Qt::endl;
    auto seconds = [](double value) {
        return QString(number(value) + u" s").rightJustified(9);
    };
    for (const BackendReport &r : reports) {
        const qint64 rate = qint64(double(options.ads) / std::max(r.fill.adsSeconds, 1e-9));
        out << "  " << r.backend.leftJustified(12) << ' ' << seconds(r.fill.referenceSeconds) << ' '
            << seconds(r.fill.adsSeconds) << ' ' << QString::number(rate).rightJustified(9) << ' '
            << seconds(r.fill.photosSeconds) << ' ' << seconds(r.fill.analyzeSeconds) << ' '
            << seconds(r.fill.totalSeconds()) << "   (" << r.fill.photos << " photos)" << Qt::endl;
    }

    if (!options.measureCatalogue && !options.search)
        return;
    out << Qt::endl
        << "times in ms over " << options.runs << " runs: median / p95; ratio = repository median "
        << "/ direct SQL median" << Qt::endl;
    out << "backend      measure                          rows   repository       direct SQL     "
           "ratio  target"
        << Qt::endl;
    out << "                                                    median    p95    median    p95"
        << Qt::endl;
    for (const BackendReport &r : reports) {
        for (const Measure &m : r.measures) {
            QString target;
            if (m.hasTimeTarget())
                target = u"< %1 ms %2, "_s.arg(number(m.targetMs, 0),
                                               m.timePasses() ? u"PASS"_s : u"FAIL"_s);
            target += u"≤ %1× %2"_s.arg(number(RatioTarget, 1),
                                        m.ratioPasses() ? u"PASS"_s : u"FAIL"_s);
            out << m.backend.leftJustified(12) << ' ' << m.name.leftJustified(32) << ' '
                << QString::number(m.rows).rightJustified(4) << ' '
                << number(m.repository.medianMs()).rightJustified(8) << ' '
                << number(m.repository.percentileMs(0.95)).rightJustified(6) << ' '
                << number(m.direct.medianMs()).rightJustified(8) << ' '
                << number(m.direct.percentileMs(0.95)).rightJustified(6) << ' '
                << number(m.ratio()).rightJustified(7) << "  " << target << Qt::endl;
        }
    }

    out << Qt::endl
        << "direct SQL prepared at every run, as a naive repository would (for reference)"
        << Qt::endl;
    out << "backend      measure                          median    p95   repository / this"
        << Qt::endl;
    for (const BackendReport &r : reports) {
        for (const Measure &m : r.measures) {
            out << m.backend.leftJustified(12) << ' ' << m.name.leftJustified(32) << ' '
                << number(m.directPrepared.medianMs()).rightJustified(6) << ' '
                << number(m.directPrepared.percentileMs(0.95)).rightJustified(6) << ' '
                << number(m.repository.medianMs() / m.directPrepared.medianMs()).rightJustified(8)
                << Qt::endl;
        }
    }

    out << Qt::endl;
    for (const BackendReport &r : reports) {
        for (const Measure &m : r.measures) {
            if (m.hits >= 0)
                out << m.backend << " (" << r.version << "): " << m.name << " matches " << m.hits
                    << " published or reserved ads" << Qt::endl;
            if (!m.sameIds)
                out << "warning: " << m.backend << " " << m.name
                    << ": the repository and the direct SQL returned different ads" << Qt::endl;
        }
    }

    out << Qt::endl
        << "postgresql    read as the login role " << BenchAgentLogin
        << " (member of recup_agent), under row-level security, as the app reads" << Qt::endl
        << "pg superuser  the same, as the cluster's superuser, which bypasses row-level security"
        << Qt::endl
        << "repository    CatalogueQuery::page(), whose statement is prepared once per connection "
           "(Database::prepared)"
        << Qt::endl
        << "direct SQL    CatalogueQuery::statement() prepared once before the runs; each run "
           "binds,"
        << " executes and reads every column into CatalogueEntry as page() does" << Qt::endl
        << "runs          the three ways interleaved, a different one first at each run; "
        << WarmupRuns << " warm-up runs not counted" << Qt::endl;
}

} // namespace

// --only import: 5,000 agents with roles through the import's code path, next to the same
// statements run directly, then the same file again (nothing to change).
bool benchImport(const Options &options, QTextStream &out)
{
    QTextStream err(stderr);
    PostgresBenchDatabase database(options.postgres, options.keep);
    const auto config = database.create();
    if (!config) {
        err << "recup-bench : " << config.error().message << Qt::endl;
        return false;
    }
    Recup::Database db(*config);
    if (Status opened = db.open(); !opened) {
        err << "recup-bench : " << opened.error().message << Qt::endl;
        return false;
    }
    if (Status migrated = Recup::SchemaMigrator(db).migrate(); !migrated) {
        err << "recup-bench : " << migrated.error().message << Qt::endl;
        return false;
    }
    const auto m = RecupBench::measureImport(db);
    if (!m) {
        err << "recup-bench : " << m.error().message << " (" << m.error().detail << ')' << Qt::endl;
        return false;
    }
    out << Qt::endl
        << "postgresql: " << serverVersion(db) << Qt::endl
        << "import of " << RecupBench::ImportAgents << " agents with roles (" << m->groupGrants
        << " group grants) in " << RecupBench::ImportServices
        << " services, one transaction:" << Qt::endl
        << "  import (CsvReader, ReferenceImport::plan, ReferenceImportStore::apply): "
        << number(m->importMs, 0) << " ms, " << m->added << " added" << Qt::endl
        << "  baseline (the same INSERTs, CREATE ROLE and GRANTs run directly):   "
        << number(m->baselineMs, 0) << " ms" << Qt::endl
        << "  ratio to the baseline: " << number(m->importMs / m->baselineMs) << Qt::endl
        << "  the same file again (read, compared, nothing written): " << number(m->secondMs, 0)
        << " ms, " << m->unchanged << " unchanged" << Qt::endl;
    return true;
}

int main(int argc, char *argv[])
{
    // The windows are real ones: without a screen, on the offscreen platform.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"recup-bench"_s);
    // A child process of --only scroll: one window measured in a process of its own.
    if (app.arguments().value(1) == u"--child")
        return RecupBench::runChild(app.arguments().mid(2));
    QTextStream err(stderr);
    auto fail = [&err](const Error &error) {
        QString line = u"recup-bench : "_s + error.message;
        if (!error.detail.isEmpty())
            line += u" ("_s + error.detail.simplified() + u')';
        err << line << Qt::endl;
        return 2;
    };

    const auto options = parseOptions(app);
    if (!options)
        return fail(options.error());

    QTextStream out(stdout);
    out << "recup-bench " << RECUP_VERSION << ": ";
    if (options->catalogue)
        out << options->ads << " ads, " << options->runs << " runs after " << WarmupRuns
            << " warm-up runs, pages of " << PageSize;
    if (options->catalogue && options->mails > 0)
        out << "; ";
    if (options->mails > 0)
        out << options->mails << " mails through the relay, " << options->mailRuns << " runs";
    if (options->pickups)
        out << (options->catalogue || options->mails > 0 ? "; " : "") << "pickup list of "
            << PickupStops << " stops";
    if (options->transports)
        out << RecupBench::TransportRequests << " transport requests, " << RecupBench::TransportRuns
            << " runs after 1 warm-up";
    out << Qt::endl;
    out << "machine: " << QThread::idealThreadCount() << " CPUs (" << cpuModel() << "), Qt "
        << qVersion() << " (built with " << QT_VERSION_STR << "), load average " << loadAverage()
        << Qt::endl;

    // An unreachable cluster is said at once, not after the SQLite half has run.
    if (options->backends.contains(u"postgresql"_s)) {
        if (const Status reachable = onCluster(options->postgres, u"SELECT 1"_s); !reachable)
            return fail(reachable.error());
    }

    if (options->import)
        return benchImport(*options, out) ? 0 : 2;

    QList<BackendReport> reports;
    for (const QString &backend : options->backends) {
        QElapsedTimer wall;
        wall.start();
        Result<BackendReport> report = setupError(u"moteur inconnu"_s);
        if (backend == u"sqlite") {
            QTemporaryDir folder;
            QString path = options->sqlitePath;
            if (path.isEmpty()) {
                if (!folder.isValid())
                    return fail(setupError(u"aucun dossier temporaire disponible"_s));
                folder.setAutoRemove(!options->keep);
                path = folder.filePath(u"recup-bench.sqlite"_s);
            } else {
                for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
                    QFile::remove(path + suffix);
            }
            report = benchBackend(Recup::DatabaseConfig::sqlite(path), *options, nullptr);
            if (options->keep)
                out << "kept: " << path << Qt::endl;
        } else {
            PostgresBenchDatabase database(options->postgres, options->keep);
            const auto config = database.create();
            if (!config)
                return fail(config.error());
            report = benchBackend(*config, *options, &database);
            if (options->keep)
                out << "kept: database " << BenchDatabaseName << " and role " << BenchAgentLogin
                    << Qt::endl;
        }
        if (!report)
            return fail(report.error());
        out << backend << " done in " << number(wall.elapsed() / 1000.0, 1) << " s" << Qt::endl;
        reports.append(*report);
    }

    std::optional<PickupsMeasure> pickups;
    if (options->pickups) {
        auto measured = measurePickupList();
        if (!measured)
            return fail(measured.error());
        pickups = *measured;
    }

    out << Qt::endl;
    for (const BackendReport &r : reports)
        out << r.backend << ": " << r.version << Qt::endl;
    printReports(reports, *options);
    if (pickups)
        printPickupsReport(*pickups);
    out << Qt::endl
        << "load average at the end: " << loadAverage() << Qt::endl
        << "peak RSS of recup-bench (VmHWM): " << peakRss() << Qt::endl;
    return 0;
}
