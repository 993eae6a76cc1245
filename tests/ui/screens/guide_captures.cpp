// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The screenshots of the French guides (docs/captures/LISTE.md says what each shows), taken from
// a fresh demo database through the application's own actions and windows:
//   recup-guide-captures OUTDIR [--only NAME]
// Run it through docs/captures/prendre-captures.sh (Xvfb, French). Each window or dialog alone is
// grabbed into OUTDIR/NAME.png. What cannot be put in the state LISTE.md describes is said on a
// line starting with « manque : », and the picture is taken anyway (nothing the application
// would not show is made up). Exit status: 0 when every picture asked for was written.
#include "Screens.h"
#include "WindowSets.h"
#include "actions/AdWorkflow.h"
#include "actions/ContactRequests.h"
#include "actions/MailQueue.h"
#include "agent/CatalogueWindow.h"
#include "agent/CloseAdDialog.h"
#include "agent/ContactDialog.h"
#include "agent/MyAdsWindow.h"
#include "agent/WantedAdsWindow.h"
#include "common/AdEditorDialog.h"
#include "common/LoginDialog.h"
#include "common/MailSettingsDialog.h"
#include "common/TransportFields.h"
#include "demo/LocalDemo.h"
#include "demo/PlaceholderPicture.h"
#include "logistics/LogisticsWindow.h"
#include "logistics/StoreWindow.h"
#include "moderator/AgentsWindow.h"
#include "moderator/HandOverDialog.h"
#include "moderator/ModerationQueueWindow.h"
#include "moderator/ReferenceDataWindow.h"
#include "moderator/StatisticsWindow.h"
#include "reports/Figures.h"
#include "settings/AppSettings.h"
#include "settings/PasswordStore.h"
#include "settings/ServerProfile.h"
#include "storage/AdRepository.h"
#include "storage/Database.h"
#include "storage/OutboxRepository.h"
#include "storage/ReferenceRepository.h"
#include "storage/StoreRepository.h"
#include "storage/WantedAdRepository.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <map>

using namespace Recup;
using namespace Qt::StringLiterals;

namespace {

// Prints what could not be shown as LISTE.md asks; the picture is taken anyway.
void missing(const QString &capture, const QString &what)
{
    std::printf("manque : %s : %s\n", qPrintable(capture), qPrintable(what));
    std::fflush(stdout);
}

template<class T>
T *child(QWidget &parent, const QString &name, const QString &capture)
{
    T *found = parent.findChild<T *>(name);
    if (!found)
        missing(capture, u"pas d’élément « %1 » dans la fenêtre"_s.arg(name));
    return found;
}

bool waitFor(const std::function<bool()> &condition, int ms = 15'000)
{
    return QTest::qWaitFor(condition, ms);
}

// The index of the first row whose text (any column) contains `text`, or an invalid one.
QModelIndex rowContaining(QAbstractItemModel *model, const QString &text)
{
    if (!model)
        return {};
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            if (index.data().toString().contains(text, Qt::CaseInsensitive))
                return model->index(row, 0);
        }
    }
    return {};
}

bool selectRow(QAbstractItemView *view, const QString &text)
{
    if (!view || !view->model())
        return false;
    waitFor([&] { return view->model()->rowCount() > 0; }, 10'000);
    const QModelIndex index
            = text.isEmpty() ? view->model()->index(0, 0) : rowContaining(view->model(), text);
    if (!index.isValid())
        return false;
    view->setCurrentIndex(index);
    view->scrollTo(index);
    return true;
}

bool selectComboText(QComboBox *combo, const QString &text)
{
    if (!combo)
        return false;
    waitFor([&] { return combo->findText(text, Qt::MatchContains) >= 0; }, 10'000);
    const int index = combo->findText(text, Qt::MatchContains);
    if (index < 0)
        return false;
    combo->setCurrentIndex(index);
    return true;
}

// Runs `open`, which opens a modal dialog with exec(); while it is open, `work` gets it, then
// the dialog is cancelled. False when no dialog opened.
bool whileModal(const std::function<void()> &open, const std::function<void(QDialog &)> &work)
{
    bool seen = false;
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || seen)
            return;
        seen = true;
        poll.stop();
        work(*dialog);
        dialog->reject();
    });
    poll.start();
    open();
    return seen;
}

// A dialog drawn over the middle of its window, as the person sees both.
bool saveOver(QWidget &window, QWidget &dialog, const QString &path)
{
    if (!QTest::qWaitForWindowExposed(&window) || !QTest::qWaitForWindowExposed(&dialog))
        return false;
    QApplication::processEvents();
    QPixmap picture = window.grab();
    const QPixmap top = dialog.grab();
    QPainter painter(&picture);
    const QPoint at((picture.width() - top.width()) / 2,
                    std::max(0, (picture.height() - top.height()) / 2));
    painter.setPen(QColor(0x60, 0x60, 0x60));
    painter.drawRect(QRect(at, top.size()).adjusted(-1, -1, 0, 0));
    painter.drawPixmap(at, top);
    painter.end();
    const bool ok = picture.save(path);
    std::printf("%s %s\n", ok ? "écrit" : "non écrit", qPrintable(path));
    return ok;
}

class Captures
{
public:
    Captures(Database &db, const QDir &out, QTemporaryDir &temporary)
        : m_db(db)
        , m_out(out)
        , m_temporary(temporary)
    {
        const auto agents = ReferenceRepository(m_db).agents();
        if (agents) {
            for (const Agent &agent : *agents)
                m_agents.insert(agent.login, agent);
        }
    }

    // The names, in the order of LISTE.md, with what takes each.
    std::vector<std::pair<QString, std::function<bool()>>> all()
    {
        return {
                {u"connexion"_s,
                 [this] {
                     return login();
                 }},
                {u"catalogue"_s,
                 [this] {
                     return catalogue();
                 }},
                {u"contact"_s,
                 [this] {
                     return contact();
                 }},
                {u"depot-annonce"_s,
                 [this] {
                     return postAd();
                 }},
                {u"mes-annonces"_s,
                 [this] {
                     return myAds();
                 }},
                {u"cloture"_s,
                 [this] {
                     return closeAd();
                 }},
                {u"recherches"_s,
                 [this] {
                     return alerts();
                 }},
                {u"moderation"_s,
                 [this] {
                     return moderation();
                 }},
                {u"annonces-en-ligne"_s,
                 [this] {
                     return online();
                 }},
                {u"courriels-non-envoyes"_s,
                 [this] {
                     return failedMails();
                 }},
                {u"agents"_s,
                 [this] {
                     return agentsWindow();
                 }},
                {u"donnees-reference"_s,
                 [this] {
                     return referenceData();
                 }},
                {u"chiffres"_s,
                 [this] {
                     return figures();
                 }},
                {u"transports"_s,
                 [this] {
                     return transports();
                 }},
                {u"liste-du-jour"_s,
                 [this] {
                     return dayList();
                 }},
                {u"magasin"_s,
                 [this] {
                     return store();
                 }},
                {u"envoi-courriels"_s,
                 [this] {
                     return mailSettings();
                 }},
        };
    }

private:
    QString path(const QString &name) const { return m_out.filePath(name + u".png"_s); }

    Agent agent(const QString &login) const { return m_agents.value(login); }

    qint64 idOf(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(m_db.connection());
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec() || !query.next())
            return 0;
        return query.value(0).toLongLong();
    }

    qint64 adId(const QString &title) const
    {
        return idOf(u"SELECT id FROM ad WHERE title = ? ORDER BY id LIMIT 1"_s, {title});
    }

    bool login()
    {
        const QString name = u"connexion"_s;
        ServerProfiles profiles(m_temporary.filePath(u"login.ini"_s));
        ServerProfile agglo;
        agglo.name = u"Agglomération"_s;
        agglo.host = u"db.agglo.local"_s;
        agglo.port = 5432;
        agglo.database = u"recup"_s;
        agglo.user = u"cmartin"_s;
        agglo.tlsMode = ServerProfile::TlsMode::VerifyFull;
        agglo.caFile = u"C:/ProgramData/Collectiv-Recup/autorite-agglo.pem"_s;
        profiles.save(agglo);
        profiles.setLastUsed(agglo.name);
        PasswordStore passwords(
                u"collectiv-recup-captures-%1"_s.arg(QCoreApplication::applicationPid()));
        LoginDialog dialog(profiles, passwords);
        dialog.show();
        if (!QTest::qWaitForWindowExposed(&dialog))
            return false;
        if (!dialog.selectProfile(agglo.name))
            missing(name, u"le profil « Agglomération » n’est pas choisi"_s);
        auto *settings = child<QWidget>(dialog, u"serverSettings"_s, name);
        auto *toggle = child<QAbstractButton>(dialog, u"serverSettingsButton"_s, name);
        if (settings && toggle && !settings->isVisible())
            toggle->click();
        if (settings && !settings->isVisible())
            missing(name, u"les paramètres du serveur ne sont pas dépliés"_s);
        return Testing::saveScreen(dialog, path(name));
    }

    bool catalogue()
    {
        const QString name = u"catalogue"_s;
        AppSettings settings(m_temporary.filePath(u"catalogue.ini"_s));
        settings.setDemoIdentity(u"cmartin"_s);
        CatalogueWindow window(m_db, settings, true);
        WindowSets sets(m_db, window, std::nullopt, true);
        window.resize(1280, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        auto *picker = child<QComboBox>(window, u"identityPicker"_s, name);
        if (picker) {
            waitFor([&] { return picker->isEnabled(); });
            const int claire = picker->findData(u"cmartin"_s, Qt::UserRole + 1);
            if (claire >= 0)
                picker->setCurrentIndex(claire);
            else
                missing(name, u"Claire Martin n’est pas dans « Vous êtes : »"_s);
        }
        if (auto *search = child<QLineEdit>(window, u"searchField"_s, name)) {
            search->setFocus();
            QTest::keyClicks(search, u"armoire"_s);
        }
        auto *view = child<QAbstractItemView>(window, u"catalogueView"_s, name);
        QApplication::processEvents();
        QTest::qWait(600); // the search waits for typing to pause before it reads
        if (view) {
            waitFor([&] {
                return view->model() && rowContaining(view->model(), u"armoire"_s).isValid();
            });
            if (!selectRow(view, u"Armoire métallique à rideaux"_s) && !selectRow(view, {}))
                missing(name, u"aucune annonce à choisir dans le catalogue"_s);
        }
        Testing::saveScreen(window, path(name));
        auto *contactButton = window.findChild<QPushButton *>(u"contactButton"_s);
        if (!contactButton || !contactButton->isVisible())
            missing(name, u"le bouton « Contacter » n’est pas visible dans le détail"_s);
        return Testing::saveScreen(window, path(name));
    }

    bool contact()
    {
        const QString name = u"contact"_s;
        const QString title = u"Armoire métallique à rideaux 198 × 120 cm"_s;
        const qint64 id = adId(title);
        if (id == 0)
            missing(name, u"pas d’annonce « %1 » dans la démonstration"_s.arg(title));
        const qint64 ownerId = idOf(u"SELECT owner_id FROM ad WHERE id = ?"_s, {id});
        QString poster;
        for (const Agent &a : std::as_const(m_agents)) {
            if (a.id == ownerId) {
                const Result<Service> found = ReferenceRepository(m_db).service(a.serviceId);
                const QString service = found ? found->name : QString();
                poster = service.isEmpty() ? a.displayName : a.displayName + u", "_s + service;
            }
        }
        ContactDialog dialog(m_db, agent(u"cmartin"_s), id, title, poster, MailSettings{});
        dialog.show();
        if (auto *message = child<QPlainTextEdit>(dialog, u"contactMessage"_s, name)) {
            // Typed as the person would (keyClicks knows ASCII only).
            message->setFocus();
            message->insertPlainText(u"Bonjour, cette armoire conviendrait au fonds patrimonial "
                                     u"de la médiathèque.\nNous pouvons venir la chercher jeudi "
                                     u"matin avec le véhicule du service."_s);
        }
        return Testing::saveScreen(dialog, path(name));
    }

    bool postAd()
    {
        const QString name = u"depot-annonce"_s;
        const Agent claire = agent(u"cmartin"_s);
        AdEditorDialog editor(m_db, Actor{claire.id, false, false});
        editor.setDiscardPrompt([](QWidget *) { return true; });
        // At its opening size (1000 × 720) the form scrolls both ways: a little more room shows
        // it whole, as a person would widen it.
        editor.resize(1120, 880);
        editor.show();
        if (!QTest::qWaitForWindowExposed(&editor))
            return false;
        auto *category = child<QComboBox>(editor, u"categoryCombo"_s, name);
        auto *site = child<QComboBox>(editor, u"siteCombo"_s, name);
        waitFor([&] { return category && category->count() > 1 && site && site->count() > 1; });
        if (auto *title = child<QLineEdit>(editor, u"titleEdit"_s, name))
            title->setText(u"Chaises de réunion empilables"_s);
        if (auto *description = child<QPlainTextEdit>(editor, u"descriptionEdit"_s, name))
            description->setPlainText(
                    u"Six chaises empilables de la salle d’animation, piètement métal, assise "
                    u"et dossier en tissu. Bon état, une légère tache sur une assise. "
                    u"Libérées après le réaménagement de la salle."_s);
        if (!selectComboText(category, u"Sièges"_s))
            missing(name, u"pas de catégorie « Sièges »"_s);
        if (auto *quantity = child<QSpinBox>(editor, u"quantitySpin"_s, name))
            quantity->setValue(6);
        if (auto *weight = editor.findChild<QAbstractSpinBox *>(u"weightSpin"_s)) {
            weight->selectAll();
            QTest::keyClicks(weight, u"36"_s);
        }
        if (auto *noValue = child<QCheckBox>(editor, u"noValueCheck"_s, name))
            noValue->setChecked(false);
        if (auto *value = child<QLineEdit>(editor, u"valueEdit"_s, name))
            value->setText(u"480"_s);
        QStringList photos;
        for (int variant = 0; variant < 2; ++variant) {
            const QString file = m_temporary.filePath(u"chaises-%1.jpg"_s.arg(variant + 1));
            if (PlaceholderPicture::draw(u"sieges"_s, variant).save(file, "JPG", 85))
                photos << file;
        }
        editor.addPhotoFiles(photos);
        waitFor([&] { return !editor.isPreparingPhotos() && editor.photoCount() == 2; });
        if (editor.photoCount() != 2)
            missing(name, u"%1 photo(s) au lieu de deux"_s.arg(editor.photoCount()));
        if (!selectComboText(site, u"Pôle culturel des Minimes"_s))
            missing(name, u"pas de site « Pôle culturel des Minimes »"_s);
        if (auto *from = child<QDateEdit>(editor, u"availableFromEdit"_s, name))
            from->setDate(QDate::currentDate().addDays(10));
        if (auto *room = child<QLineEdit>(editor, u"roomEdit"_s, name))
            room->setText(u"Salle d’animation, 2e étage"_s);
        if (auto *list = child<QAbstractItemView>(editor, u"photoList"_s, name)) {
            if (list->model() && list->model()->rowCount() > 0)
                list->setCurrentIndex(list->model()->index(0, 0));
        }
        if (auto *attest = child<QCheckBox>(editor, u"attestationCheck"_s, name))
            attest->setChecked(true);
        if (auto *scroll = editor.findChild<QWidget *>(u"editorScroll"_s))
            scroll->setFocus();
        return Testing::saveScreen(editor, path(name));
    }

    bool myAds()
    {
        const QString name = u"mes-annonces"_s;
        const Agent claire = agent(u"cmartin"_s);
        const QString title = u"Livres documentaires jeunesse retirés des collections"_s;
        const qint64 id = adId(title);
        const MailSettings mail;
        const Agent nadia = agent(u"nrousseau"_s);
        const Agent karim = agent(u"kbenali"_s);
        const auto first = ContactRequests(m_db).send(
                id,
                nadia,
                nadia.serviceId,
                u"Bonjour,\nles écoles du quartier Nord en prendraient une quinzaine pour leurs "
                u"coins lecture."_s,
                mail);
        if (!first)
            missing(name, u"demande de Nadia Rousseau refusée : "_s + first.error().message);
        const auto second = ContactRequests(m_db).send(
                id,
                karim,
                karim.serviceId,
                u"Bonjour,\nle centre sportif aimerait quelques livres pour sa salle "
                u"d’attente.\nMerci !"_s,
                mail);
        if (!second)
            missing(name, u"demande de Karim Benali refusée : "_s + second.error().message);
        const auto part
                = AdWorkflow(m_db, mail)
                          .reservePart(id, nadia.serviceId, 15, Actor{claire.id, false, false});
        if (!part)
            missing(name, u"partie de 15 non réservée : "_s + part.error().message);
        MyAdsWindow window(m_db, claire);
        window.resize(1280, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        Testing::saveScreen(window, path(name));
        if (!window.selectAd(id))
            missing(name, u"l’annonce « %1 » n’est pas dans la liste"_s.arg(title));
        waitFor([&] { return !window.isLoadingDetail(); });
        if (window.displayedParts().isEmpty())
            missing(name, u"« Parties du lot » ne montre pas la partie réservée"_s);
        return Testing::saveScreen(window, path(name));
    }

    bool closeAd()
    {
        const QString name = u"cloture"_s;
        const Agent claire = agent(u"cmartin"_s);
        const QString title = u"Fauteuils d'accueil violets de l'espace jeunesse"_s;
        const qint64 id = adId(title);
        MyAdsWindow window(m_db, claire);
        window.resize(1280, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        Testing::saveScreen(window, path(name)); // read once; replaced below
        if (!window.selectAd(id)) {
            missing(name, u"l’annonce « %1 » n’est pas dans « Mes annonces »"_s.arg(title));
            return false;
        }
        waitFor([&] { return !window.isLoadingDetail(); });
        bool saved = false;
        window.setCloseRunner([&](CloseAdDialog &dialog) {
            dialog.show();
            dialog.setReason(CloseReason::Exchanged);
            const QList<qint64> services = dialog.offeredServiceIds();
            const qint64 schools = agent(u"nrousseau"_s).serviceId;
            if (services.contains(schools))
                dialog.setReceivingService(schools);
            else if (!services.isEmpty())
                dialog.setReceivingService(services.first());
            else
                missing(name, u"aucun service bénéficiaire proposé"_s);
            dialog.setTransportAsked(true);
            if (TransportFields *transport = dialog.transportFields()) {
                PickupEnd from;
                from.siteId = idOf(u"SELECT id FROM site WHERE name = ?"_s,
                                   {u"Pôle culturel des Minimes"_s});
                from.room = u"Espace jeunesse, 1er étage"_s;
                from.contact = claire.displayName;
                from.phone = claire.phone;
                if (from.siteId)
                    transport->setFrom(from);
                PickupEnd to;
                to.siteId = idOf(u"SELECT s.id FROM site s JOIN service v ON v.organisation_id "
                                 u"= s.organisation_id WHERE v.id = ? ORDER BY s.id LIMIT 1"_s,
                                 {schools});
                to.room = u"Service des écoles, réserve du 2e étage"_s;
                to.contact = u"Nadia Rousseau"_s;
                to.phone = agent(u"nrousseau"_s).phone;
                if (to.siteId)
                    transport->setTo(to);
                else
                    missing(name, u"pas de site d’arrivée pour le service des écoles"_s);
                transport->setWishedDate(
                        TransportFields::nextWorkingDay(QDate::currentDate().addDays(6)));
            } else {
                missing(name, u"« Demander un transport » n’est pas proposé"_s);
            }
            saved = Testing::saveScreen(dialog, path(name));
            return int(QDialog::Rejected);
        });
        window.closeAd();
        if (!saved)
            missing(name, u"la boîte « Clôturer l’annonce » ne s’est pas ouverte"_s);
        return saved;
    }

    bool alerts()
    {
        const QString name = u"recherches"_s;
        const Agent claire = agent(u"cmartin"_s);
        const Agent marie = agent(u"mdupont"_s);
        const Agent karim = agent(u"kbenali"_s);
        WantedAd wanted;
        wanted.authorId = claire.id;
        wanted.serviceId = claire.serviceId;
        wanted.siteId
                = idOf(u"SELECT id FROM site WHERE name = ?"_s, {u"Pôle culturel des Minimes"_s});
        wanted.title = u"Recherche : 4 armoires métalliques hautes"_s;
        wanted.keywords = u"armoire métallique"_s;
        wanted.quantity = 4;
        const auto posted = WantedAdRepository(m_db).post(wanted);
        if (!posted)
            missing(name, u"recherche refusée : "_s + posted.error().message);
        // Karim's ad, sent to moderation and approved by Marie Dupont, as the windows do.
        const MailSettings mail;
        const auto model = AdRepository(m_db).get(adId(u"Armoire métallique à rideaux 198 × "
                                                       u"120 cm"_s));
        if (!model) {
            missing(name, u"pas d’annonce d’armoire à recopier"_s);
        } else {
            // Karim Benali's own ad, for his service, with the photos of a demo cabinet.
            Ad ad;
            ad.title = u"Armoire métallique haute à deux portes"_s;
            ad.description = u"Armoire métallique grise (H 195 × L 100 cm), deux portes "
                             u"battantes, quatre tablettes, serrure avec clé. Quelques rayures "
                             u"sur le côté gauche."_s;
            ad.categoryId = model->categoryId;
            ad.quantity = 1;
            ad.valueCents = 8'000;
            ad.weightGrams = 60'000;
            ad.siteId = idOf(u"SELECT id FROM site WHERE name = ?"_s, {u"Hôtel de ville"_s});
            ad.room = u"Sous-sol, local du matériel sportif"_s;
            ad.ownerId = karim.id;
            ad.serviceId = karim.serviceId;
            ad.professionalUseAttested = true;
            ad.photos = model->photos;
            for (AdPhoto &photo : ad.photos)
                photo.id = 0;
            const Actor owner{karim.id, false, false};
            const auto created = AdRepository(m_db).create(ad, owner);
            if (!created) {
                missing(name, u"annonce correspondante refusée : "_s + created.error().message);
            } else {
                AdWorkflow workflow(m_db, mail);
                const auto sent = workflow.transition(
                        created->id, {AdAction::Submit, created->version, {}, {}, 0, {}}, owner);
                const auto approved = sent ? workflow.transition(
                                              created->id,
                                              {AdAction::Approve, sent->version, {}, {}, 0, {}},
                                              Actor{marie.id, true, false})
                                           : Result<Ad>(sent.error());
                if (!approved)
                    missing(name, u"approbation refusée : "_s + approved.error().message);
            }
        }
        WantedAdsWindow window(m_db, claire);
        window.resize(1000, 420);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        window.showTab(WantedAdsWindow::Tab::Alerts);
        Testing::saveScreen(window, path(name));
        if (auto *tabs = child<QTabWidget>(window, u"wantedTabs"_s, name)) {
            if (auto *list = tabs->currentWidget()->findChild<QAbstractItemView *>())
                selectRow(list, {});
        }
        const auto alerts = WantedAdRepository(m_db).alertsOf(claire.id);
        if (!alerts || alerts->isEmpty())
            missing(name, u"aucune alerte pour Claire Martin"_s);
        return Testing::saveScreen(window, path(name));
    }

    bool moderation()
    {
        const QString name = u"moderation"_s;
        ModerationQueueWindow window(m_db, agent(u"mdupont"_s));
        window.resize(1440, 900);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        Testing::saveScreen(window, path(name));
        const QString title = u"Fauteuils de bureau à roulettes, tissu bleu"_s;
        if (!window.selectAd(adId(title)))
            missing(name, u"« %1 » n’est pas dans la file"_s.arg(title));
        waitFor([&] { return !window.isLoadingDetail(); });
        const bool saved = Testing::saveScreen(window, path(name));
        // The detail scrolls: say which of its parts LISTE.md names are below the fold.
        for (const QString &part :
             {QCoreApplication::translate("Recup::ModerationDetailPane", "History")}) {
            const auto labels = window.findChildren<QLabel *>();
            for (const QLabel *label : labels) {
                if (label->text() == part && label->isVisible() && label->visibleRegion().isEmpty())
                    missing(name,
                            u"« %1 » est plus bas dans le détail (à faire défiler)"_s.arg(part));
            }
        }
        return saved;
    }

    bool online()
    {
        const QString name = u"annonces-en-ligne"_s;
        ModerationQueueWindow window(m_db, agent(u"mdupont"_s));
        window.resize(1440, 900);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        auto *tabs = child<QTabWidget>(window, u"moderationViews"_s, name);
        auto *pane = child<QWidget>(window, u"watchedAdsPane"_s, name);
        if (tabs && pane) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->widget(i)->isAncestorOf(pane) || tabs->widget(i) == pane)
                    tabs->setCurrentIndex(i);
            }
        }
        Testing::saveScreen(window, path(name));
        if (pane) {
            QAbstractItemView *published = nullptr;
            const auto lists = pane->findChildren<QAbstractItemView *>();
            for (QAbstractItemView *list : lists) {
                if (list->isVisible() && !published)
                    published = list;
            }
            if (!selectRow(published, {}))
                missing(name, u"aucune annonce publiée à choisir"_s);
        }
        return Testing::saveScreen(window, path(name));
    }

    bool failedMails()
    {
        const QString name = u"courriels-non-envoyes"_s;
        MailMessage message;
        message.from = {u"collectiv-recup@agglo.fr"_s, u"Collectiv'Récup"_s};
        message.to = {{u"jean.ancien@val-de-vienne.fr"_s, u"Jean Ancien"_s}};
        message.subject = u"Votre annonce « Armoire basse » est publiée"_s;
        message.textBody = u"Bonjour,\nvotre annonce est publiée.\n"_s;
        OutboxRepository outbox(m_db);
        const auto queued = MailQueue(m_db).enqueue(message, u"ad-approved"_s, 0, 0);
        if (!queued || !outbox.claimDue(100, u"captures"_s)
            || !outbox.markFailed(queued->id,
                                  OutboxRepository::Failure::Permanent,
                                  u"Le serveur a refusé un destinataire. (550 5.1.1 "
                                  u"<jean.ancien@val-de-vienne.fr>: Recipient address "
                                  u"rejected: mailbox unavailable)"_s))
            missing(name, u"le courriel refusé n’a pas pu être préparé"_s);
        ModerationQueueWindow window(m_db, agent(u"mdupont"_s));
        window.resize(1440, 900);
        window.showFailedMails();
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        Testing::saveScreen(window, path(name));
        if (!selectRow(window.findChild<QAbstractItemView *>(u"failedMailsView"_s), {}))
            missing(name, u"aucun courriel non envoyé à choisir"_s);
        auto *again = window.findChild<QPushButton *>(u"sendAgainButton"_s);
        if (!again || !again->isEnabled())
            missing(name, u"le bouton « Renvoyer » n’est pas actif"_s);
        return Testing::saveScreen(window, path(name));
    }

    bool agentsWindow()
    {
        const QString name = u"agents"_s;
        AgentsWindow window(m_db, agent(u"mdupont"_s));
        window.resize(1200, 720);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        Testing::saveScreen(window, path(name));
        if (!window.selectAgent(agent(u"agarnier"_s).id)) {
            missing(name, u"Aurélie Garnier n’est pas dans la liste"_s);
            return Testing::saveScreen(window, path(name));
        }
        bool saved = false;
        window.setHandOverRunner([&](HandOverDialog &dialog) {
            dialog.show();
            if (!dialog.chooseAgent(agent(u"abertrand"_s).id))
                missing(name, u"Anne Bertrand n’est pas proposée dans « Les confier à : »"_s);
            saved = saveOver(window, dialog, path(name));
            return int(QDialog::Rejected);
        });
        window.handOverSelected();
        if (!saved) {
            missing(name, u"la boîte « Confier les annonces » ne s’est pas ouverte"_s);
            return Testing::saveScreen(window, path(name));
        }
        return saved;
    }

    bool referenceData()
    {
        const QString name = u"donnees-reference"_s;
        ReferenceDataWindow window(m_db, agent(u"mdupont"_s));
        window.setDiscardPrompt([](QWidget *) { return true; });
        window.resize(1200, 760);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        window.showKind(ReferenceDataWindow::Kind::Categories);
        Testing::saveScreen(window, path(name));
        const qint64 computers
                = idOf(u"SELECT id FROM category WHERE name = ?"_s, {u"Matériel informatique"_s});
        if (!window.selectRow(ReferenceDataWindow::Kind::Categories, computers))
            missing(name, u"« Matériel informatique » n’est pas dans les catégories"_s);
        // Long texts read from their start, as they do once the form is filled.
        const auto edits = window.findChildren<QLineEdit *>();
        for (QLineEdit *edit : edits)
            edit->setCursorPosition(0);
        return Testing::saveScreen(window, path(name));
    }

    bool figures()
    {
        const QString name = u"chiffres"_s;
        const QDate today = QDate::currentDate();
        const int half = today.month() <= 6 ? 1 : 2;
        const ReportPeriod current = ReportPeriod::semester(today.year(), half);
        const ReportPeriod previous = half == 1 ? ReportPeriod::semester(today.year() - 1, 2)
                                                : ReportPeriod::semester(today.year(), 1);
        const auto now = FiguresReader(m_db).read(current);
        const auto before = FiguresReader(m_db).read(previous);
        const bool previousWins = now && before && before->exchanged() > now->exchanged();
        StatisticsWindow window(m_db, agent(u"mdupont"_s));
        window.resize(1280, 820);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        window.choosePeriod(previousWins ? previous : current);
        if (auto *tabs = child<QTabWidget>(window, u"figuresTabs"_s, name))
            tabs->setCurrentIndex(0);
        Testing::saveScreen(window, path(name));
        if (!window.figures() || window.figures()->isEmpty())
            missing(name, u"aucun chiffre pour ce semestre"_s);
        return Testing::saveScreen(window, path(name));
    }

    // The first planned transport from this week on, and its day.
    std::pair<qint64, QDate> firstPlannedPickup() const
    {
        const QDate today = QDate::currentDate();
        const QDate monday = today.addDays(1 - today.dayOfWeek());
        QSqlQuery query(m_db.connection());
        query.prepare(u"SELECT id, planned_date FROM pickup WHERE status = 'planned' AND "
                      u"planned_date >= ? ORDER BY planned_date, id LIMIT 1"_s);
        query.addBindValue(monday.toString(Qt::ISODate));
        if (!query.exec() || !query.next())
            return {0, {}};
        return {query.value(0).toLongLong(),
                QDate::fromString(query.value(1).toString().left(10), Qt::ISODate)};
    }

    bool transports()
    {
        const QString name = u"transports"_s;
        LogisticsWindow window(m_db, agent(u"jmoreau"_s));
        window.resize(1366, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        if (auto *mode = child<QComboBox>(window, u"pickupModeCombo"_s, name)) {
            if (!selectComboText(mode, u"Semaine"_s))
                missing(name, u"pas de vue « Semaine »"_s);
        }
        const auto [planned, day] = firstPlannedPickup();
        const QDate today = QDate::currentDate();
        if (planned != 0 && day.isValid() && day > today.addDays(7 - today.dayOfWeek())) {
            missing(name,
                    u"aucun transport planifié cette semaine : semaine du %1 montrée"_s.arg(
                            day.toString(Qt::ISODate)));
            window.showWeekOf(day);
        } else {
            window.showThisWeek();
        }
        Testing::saveScreen(window, path(name));
        if (planned == 0 || !window.selectPickup(planned))
            missing(name, u"aucun transport planifié à choisir"_s);
        return Testing::saveScreen(window, path(name));
    }

    // The list's day: one with planned stops (the first from this week on).
    void showPlannedDay(QDialog &dialog, const QString &name) const
    {
        const QDate day = firstPlannedPickup().second;
        if (auto *edit = dialog.findChild<QDateEdit *>(u"dayListDate"_s)) {
            if (day.isValid())
                edit->setDate(day);
            else
                missing(name, u"aucun jour avec des arrêts planifiés"_s);
        } else {
            missing(name, u"pas de champ « Jour »"_s);
        }
        if (auto *preview = dialog.findChild<QWidget *>(u"dayListPreview"_s))
            preview->setFocus();
        const auto lines = dialog.findChildren<QLineEdit *>();
        for (QLineEdit *line : lines)
            line->deselect();
    }

    bool dayList()
    {
        const QString name = u"liste-du-jour"_s;
        LogisticsWindow window(m_db, agent(u"jmoreau"_s));
        window.resize(1366, 800);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        Testing::saveScreen(window, path(u"liste-du-jour"_s)); // read once; replaced below
        bool saved = false;
        const bool opened = whileModal([&] { window.printDayList(); },
                                       [&](QDialog &dialog) {
                                           showPlannedDay(dialog, name);
                                           saved = Testing::saveScreen(dialog, path(name));
                                       });
        if (!opened)
            missing(name, u"la boîte « Liste des enlèvements du jour » ne s’est pas ouverte"_s);
        return saved;
    }

    bool store()
    {
        const QString name = u"magasin"_s;
        const Agent sophie = agent(u"sbernard"_s);
        StoreWindow window(m_db, sophie);
        window.resize(1280, 760);
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        Testing::saveScreen(window, path(name));
        const qint64 storeSite
                = idOf(u"SELECT id FROM site WHERE name LIKE ? ORDER BY id LIMIT 1"_s,
                       {u"Magasin général%"_s});
        const auto stock = StoreRepository(m_db).stock(storeSite);
        if (!stock || stock->isEmpty() || !window.selectItem(stock->first().adId))
            missing(name, u"aucun objet du magasin à choisir"_s);
        return Testing::saveScreen(window, path(name));
    }

    bool mailSettings()
    {
        const QString name = u"envoi-courriels"_s;
        AppSettings settings(m_temporary.filePath(u"mail.ini"_s));
        MailSettings smtp;
        smtp.transport = MailSettings::Transport::Smtp;
        smtp.smtp.host = u"smtp.agglo.local"_s;
        smtp.smtp.port = 587;
        smtp.smtp.security = SmtpSettings::Security::StartTls;
        smtp.smtp.user = u"collectiv-recup"_s;
        smtp.sender = {u"collectiv-recup@agglo.fr"_s, u"Collectiv'Récup"_s};
        smtp.save(settings);
        MailSettingsDialog dialog(settings, nullptr);
        dialog.setTestRecipient(agent(u"plefebvre"_s).email);
        dialog.show();
        return Testing::saveScreen(dialog, path(name));
    }

    Database &m_db;
    QDir m_out;
    QTemporaryDir &m_temporary;
    QHash<QString, Agent> m_agents;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Testing::prepareScreens(app);
    QStringList arguments = QApplication::arguments();
    arguments.removeFirst();
    QString only;
    const qsizetype onlyAt = arguments.indexOf(u"--only"_s);
    if (onlyAt >= 0 && onlyAt + 1 < arguments.size()) {
        only = arguments.at(onlyAt + 1);
        arguments.remove(onlyAt, 2);
    }
    if (arguments.size() != 1) {
        std::fprintf(stderr, "usage : recup-guide-captures DOSSIER [--only NOM]\n");
        return 2;
    }
    const QDir out(arguments.first());
    QDir().mkpath(out.absolutePath());
    QTemporaryDir temporary;
    auto opened = LocalDemo::open(temporary.filePath(u"demo.sqlite"_s));
    if (!opened) {
        std::fprintf(stderr,
                     "la démonstration ne s’ouvre pas : %s (%s)\n",
                     qPrintable(opened.error().message),
                     qPrintable(opened.error().detail));
        return 1;
    }
    std::unique_ptr<Database> db = std::move(opened).value();
    Captures captures(*db, out, temporary);
    int asked = 0;
    int written = 0;
    for (const auto &[name, take] : captures.all()) {
        if (!only.isEmpty() && name != only && name + u".png"_s != only)
            continue;
        ++asked;
        if (take())
            ++written;
        else
            std::printf("échec : %s.png n’a pas été écrite\n", qPrintable(name));
        std::fflush(stdout);
    }
    if (asked == 0) {
        std::fprintf(stderr, "aucune capture ne s’appelle « %s »\n", qPrintable(only));
        return 2;
    }
    std::printf("%d capture(s) sur %d écrite(s) dans %s\n",
                written,
                asked,
                qPrintable(out.absolutePath()));
    return written == asked ? 0 : 1;
}
