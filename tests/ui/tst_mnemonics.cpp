// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Every window and dialog usable by keyboard alone, in French (issue #14, part 3).
//
// Mnemonics (Alt+letter): in every window of every window set and in the dialogs they open,
// with the French translation loaded, the controls SHOWN at once (each tab of each tab widget
// in turn, then each list or table with its first row made current, showing that row's detail)
// must not share a letter: push buttons, check boxes, radio buttons, tool buttons with
// text, group boxes, tabs, labels with a buddy and the titles of the menu bar; the items of each
// menu only against their own menu. A push button, a label whose buddy Tab reaches and a
// menu-bar title must have one, unless its text has no letter, or it is a dialog's default button
// (Entrée) or its Escape button (Échap), or it shows a shortcut of its own (« Enregistrer (Ctrl+S)
// » in its tooltip, « Approuver (A) »). Check boxes, radio buttons, tabs, group boxes and tool
// buttons may go without (Tab, arrows and Ctrl+Tab reach them) but must not clash.
//
// The dialogs that act on a selection (contact, plan, reject, release, hand over, give, close,
// reserve, send to the store…): Entrée is their accepting button, Échap cancels, the focus
// starts on the first field, and Tab follows the reading order.
#include "Fixtures.h"
#include "Screens.h"
#include "TestDatabase.h"
#include "WindowSets.h"
#include "agent/CatalogueWindow.h"
#include "agent/CloseAdDialog.h"
#include "agent/ContactDialog.h"
#include "agent/GivePartDialog.h"
#include "agent/MyAdsWindow.h"
#include "agent/ReservePartDialog.h"
#include "agent/SendToStoreDialog.h"
#include "agent/WantedAdDialog.h"
#include "agent/WantedAdsWindow.h"
#include "common/AdEditorDialog.h"
#include "common/LoginDialog.h"
#include "common/MailSettingsDialog.h"
#include "common/ReasonTextDialog.h"
#include "domain/PlatformTime.h"
#include "logistics/LogisticsWindow.h"
#include "logistics/PlanDialog.h"
#include "logistics/RequestTransportDialog.h"
#include "logistics/StoreWindow.h"
#include "mail/MailSettings.h"
#include "moderator/AgentsWindow.h"
#include "moderator/HandOverDialog.h"
#include "moderator/ModerationQueueWindow.h"
#include "moderator/ReasonDialog.h"
#include "moderator/ReferenceDataWindow.h"
#include "moderator/StatisticsWindow.h"
#include "settings/AppSettings.h"
#include "settings/PasswordStore.h"
#include "settings/ServerProfile.h"
#include "storage/PickupRepository.h"
#include "storage/ReadWorker.h"
#include "storage/ReferenceRepository.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>

using namespace Recup;
using namespace Recup::Testing;

namespace {

// The letter of the text's mnemonic, lower case, or a null QChar. "&&" is a plain '&'.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

bool hasLetter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetter(); });
}

QString shown(const QString &text)
{
    return QStringLiteral("« %1 »").arg(text);
}

// What the control is, for the failure's list.
QString kindOf(const QWidget *widget)
{
    if (qobject_cast<const QPushButton *>(widget))
        return QStringLiteral("button");
    if (qobject_cast<const QCheckBox *>(widget))
        return QStringLiteral("check box");
    if (qobject_cast<const QRadioButton *>(widget))
        return QStringLiteral("radio button");
    if (qobject_cast<const QToolButton *>(widget))
        return QStringLiteral("tool button");
    if (qobject_cast<const QGroupBox *>(widget))
        return QStringLiteral("group box");
    if (qobject_cast<const QLabel *>(widget))
        return QStringLiteral("label");
    return QString::fromLatin1(widget->metaObject()->className());
}

// A button Entrée or Échap already reaches: the dialog's default one, or its cancelling one.
bool reachedByEnterOrEscape(const QAbstractButton *button)
{
    if (!qobject_cast<const QDialog *>(button->window()))
        return false;
    if (const auto *push = qobject_cast<const QPushButton *>(button); push && push->isDefault())
        return true;
    if (const auto *box = qobject_cast<const QDialogButtonBox *>(button->parentWidget()))
        return box->buttonRole(const_cast<QAbstractButton *>(button))
               == QDialogButtonBox::RejectRole;
    return false;
}

// A shortcut of its own said in a tooltip (« Enregistrer (Ctrl+S) », « Actualiser (F5) ») or at
// the end of the text (« Approuver (A) »).
bool showsShortcut(const QString &toolTip, const QString &text)
{
    static const QRegularExpression said(
            QStringLiteral(R"(\b(Ctrl|Maj|Shift|Alt)\+|\bF\d{1,2}\b)"));
    static const QRegularExpression key(QStringLiteral(R"(\(\w\)$)"));
    return said.match(toolTip).hasMatch() || key.match(text).hasMatch();
}

// The mnemonics of what one window shows now.
class MnemonicSheet
{
public:
    explicit MnemonicSheet(QString where)
        : m_where(std::move(where))
    {}

    void add(const QString &text, const QString &what, bool required)
    {
        const QChar key = mnemonicOf(text);
        if (key.isNull()) {
            if (required && hasLetter(text))
                m_missing.append(QStringLiteral("%1 %2").arg(what, shown(text)));
            return;
        }
        m_keys[key].append(QStringLiteral("%1 %2").arg(what, shown(text)));
    }

    // The window's problems, one line each (none: empty).
    QStringList problems() const
    {
        QStringList lines;
        // RECUP_MNEMONICS_SHOW=1: the letters taken, to pick a free one.
        if (qEnvironmentVariableIsSet("RECUP_MNEMONICS_SHOW")) {
            QStringList taken;
            for (const auto &[key, users] : m_keys)
                taken.append(QStringLiteral("%1=%2").arg(QString(key.toUpper()), users.join(u'|')));
            qInfo("%s: %s", qPrintable(m_where), qPrintable(taken.join(QStringLiteral("; "))));
        }
        for (const auto &[key, users] : m_keys) {
            if (users.size() > 1)
                lines.append(QStringLiteral("%1: Alt+%2 is shared by %3")
                                     .arg(m_where,
                                          QString(key.toUpper()),
                                          users.join(QStringLiteral(", "))));
        }
        if (!m_missing.isEmpty())
            lines.append(QStringLiteral("%1: no mnemonic on %2")
                                 .arg(m_where, m_missing.join(QStringLiteral(", "))));
        return lines;
    }

private:
    QString m_where;
    std::map<QChar, QStringList> m_keys;
    QStringList m_missing;
};

// The items of a menu against each other, then its submenus.
void checkMenu(QMenu *menu, const QString &where, QStringList &problems)
{
    MnemonicSheet sheet(QStringLiteral("%1, menu %2").arg(where, shown(menu->title())));
    const auto actions = menu->actions();
    for (QAction *action : actions) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        sheet.add(action->text(), QStringLiteral("item"), false);
        if (action->menu())
            checkMenu(action->menu(), where, problems);
    }
    problems.append(sheet.problems());
}

// The controls `window` shows now.
QStringList checkShown(QWidget *window, const QString &where)
{
    MnemonicSheet sheet(where);
    QStringList problems;
    const auto widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (widget->window() != window || !widget->isVisible())
            continue;
        if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            if (auto *tool = qobject_cast<QToolButton *>(button);
                tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly)
                continue;
            const bool ownShortcut
                    = (!button->shortcut().isEmpty()
                       && !(button->shortcut()[0].keyboardModifiers() & Qt::AltModifier))
                      || showsShortcut(button->toolTip(), button->text());
            const bool push = qobject_cast<QPushButton *>(button) != nullptr;
            sheet.add(button->text(),
                      kindOf(button),
                      push && !ownShortcut && !reachedByEnterOrEscape(button));
        } else if (auto *group = qobject_cast<QGroupBox *>(widget)) {
            sheet.add(group->title(), kindOf(group), false);
        } else if (auto *label = qobject_cast<QLabel *>(widget)) {
            // A label names a field that Tab reaches: its letter must take the keyboard
            // there. One beside a read-only value (a form's « Quantité : 12 ») needs none.
            if (label->buddy() && label->buddy()->isVisible())
                sheet.add(label->text(),
                          kindOf(label),
                          (label->buddy()->focusPolicy() & Qt::TabFocus) != 0);
        } else if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->isTabVisible(i))
                    sheet.add(tabs->tabText(i), QStringLiteral("tab"), false);
            }
        } else if (auto *bar = qobject_cast<QMenuBar *>(widget)) {
            const auto actions = bar->actions();
            for (QAction *action : actions) {
                if (!action->isVisible() || action->isSeparator())
                    continue;
                sheet.add(action->text(), QStringLiteral("menu"), true);
                if (action->menu())
                    checkMenu(action->menu(), where, problems);
            }
        }
    }
    return sheet.problems() + problems;
}

// The window as it opens, then each tab of each of its tab widgets in turn.
QStringList checkWindow(QWidget *window)
{
    const QString name
            = shown(window->windowTitle().isEmpty() ? window->objectName() : window->windowTitle());
    QStringList problems = checkShown(window, name);
    const auto tabWidgets = window->findChildren<QTabWidget *>();
    for (QTabWidget *tabs : tabWidgets) {
        if (tabs->window() != window || !tabs->isVisible())
            continue;
        const int before = tabs->currentIndex();
        for (int i = 0; i < tabs->count(); ++i) {
            if (!tabs->isTabVisible(i) || !tabs->isTabEnabled(i))
                continue;
            tabs->setCurrentIndex(i);
            QApplication::processEvents();
            problems.append(checkShown(
                    window, QStringLiteral("%1, tab %2").arg(name, shown(tabs->tabText(i)))));
        }
        tabs->setCurrentIndex(before);
    }
    problems.removeDuplicates();
    return problems;
}

// Where a widget is in its window, for the reading order.
QRect placeOf(const QWidget *widget)
{
    return QRect(widget->mapTo(widget->window(), QPoint(0, 0)), widget->size());
}

// The group box that holds a widget, outermost first: a block read whole, as the « Départ »
// column before the « Arrivée » one. Null when none.
const QWidget *blockOf(const QWidget *widget)
{
    const QWidget *block = nullptr;
    for (const QWidget *w = widget->parentWidget(); w && !w->isWindow(); w = w->parentWidget()) {
        if (qobject_cast<const QGroupBox *>(w))
            block = w;
    }
    return block;
}

// Whether `next` comes after `previous` when reading: lower, or on the same line to the right;
// from one group box to another (or out of it), the boxes are compared.
bool readsAfter(const QWidget *previousWidget, const QWidget *nextWidget)
{
    QRect previous = placeOf(previousWidget);
    QRect next = placeOf(nextWidget);
    const QWidget *from = blockOf(previousWidget);
    const QWidget *to = blockOf(nextWidget);
    if (from != to) {
        if (from)
            previous = placeOf(from);
        if (to)
            next = placeOf(to);
    }
    const bool sameLine = next.top() < previous.bottom() && previous.top() < next.bottom();
    if (sameLine)
        return next.left() >= previous.left();
    return next.top() >= previous.top();
}

QString describe(const QWidget *widget)
{
    QString text = widget->accessibleName();
    if (text.isEmpty())
        if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            text = button->text();
    return QStringLiteral("%1 %2 (%3)")
            .arg(QString::fromLatin1(widget->metaObject()->className()),
                 shown(text),
                 widget->objectName());
}

// Windows read on the session's reading thread: true once what they show is read.
bool waitRead(QWidget *window)
{
    return QTest::qWaitFor(
            [window] {
                const auto channels = window->findChildren<ReadChannel *>();
                return std::none_of(channels.cbegin(), channels.cend(), [](ReadChannel *c) {
                    return c->isLoading();
                });
            },
            15'000);
}

// Each list or table of a read window with its first row made current, as the arrows make
// it: the detail that row shows and the buttons it enables, read in turn.
QStringList checkWithFirstRows(QWidget *window)
{
    const QString name
            = shown(window->windowTitle().isEmpty() ? window->objectName() : window->windowTitle());
    QStringList problems;
    const auto views = window->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *view : views) {
        if (view->window() != window || !view->isVisible() || qobject_cast<QHeaderView *>(view)
            || !view->model() || view->model()->rowCount(view->rootIndex()) == 0)
            continue;
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0, view->rootIndex()));
        QApplication::processEvents();
        if (!waitRead(window))
            problems.append(QStringLiteral("%1: the first row of %2 was not read in 15 s")
                                    .arg(name, view->objectName()));
        problems.append(checkShown(
                window, QStringLiteral("%1, first row of %2").arg(name, view->objectName())));
        qInfo("%s: first row of %s checked", qPrintable(name), qPrintable(view->objectName()));
    }
    problems.removeDuplicates();
    return problems;
}

using DialogFactory = std::function<std::unique_ptr<QDialog>()>;

} // namespace

class TestMnemonics : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        RECUP_CREATE_TEST_DATABASE(m_test, QStringLiteral("mnemonics"));
        m_db = m_test->open();
        QVERIFY(m_db);
        m_world = makeWorld(*m_db);
        QVERIFY(m_settingsDir.isValid());
        const auto services = ReferenceRepository(*m_db).services();
        QVERIFY(services);
        m_services = *services;
        const auto sites = ReferenceRepository(*m_db).sites();
        QVERIFY(sites);
        m_sites = *sites;
        const auto owner = ReferenceRepository(*m_db).agent(m_world.owner);
        QVERIFY(owner);
        m_owner = *owner;
        m_ad = publishedLot(*m_db, m_world, 12, 12'000, 84'000, QStringLiteral("Lot de chaises"));
        m_settings
                = std::make_unique<AppSettings>(m_settingsDir.filePath(QStringLiteral("keys.ini")));
        m_profiles = std::make_unique<ServerProfiles>(
                m_settingsDir.filePath(QStringLiteral("profiles.ini")));
        m_passwords = std::make_unique<PasswordStore>(
                QStringLiteral("collectiv-recup-test-%1").arg(QCoreApplication::applicationPid()));
        buildDialogs();
    }
    void cleanupTestCase()
    {
        m_db.reset();
        m_test.reset();
    }

    // Something in every list, so that each window is also checked with a row chosen: an ad
    // of theirs, one in the catalogue, one waiting for moderation, a transport, an item given
    // without one.
    bool fillEveryList(qint64 everyone)
    {
        publishedAdOf(*m_db, m_world, everyone, QStringLiteral("Armoire du service"));
        publishedAd(*m_db, m_world, QStringLiteral("Chaises de réunion"));
        pendingAd(*m_db, m_world, QStringLiteral("Bureau d'angle"));
        const Ad given = closedLot(*m_db,
                                   m_world,
                                   m_world.desks,
                                   2,
                                   5'000,
                                   40'000,
                                   CloseReason::Exchanged,
                                   QStringLiteral("Bureaux donnés"));
        // And one given without a transport: « Demander un transport » lists it.
        closedLot(*m_db,
                  m_world,
                  m_world.desks,
                  1,
                  2'000,
                  15'000,
                  CloseReason::Exchanged,
                  QStringLiteral("Chaise donnée"));
        PickupRequest asked;
        asked.from = {m_world.depot, {}, {}, QStringLiteral("B 104"), {}, {}};
        asked.to = {m_world.townHall, {}, {}, QStringLiteral("Salle 3"), {}, {}};
        asked.wishedDate = workingDayAfter(QDate::currentDate(), 2);
        const auto pickup = PickupRepository(*m_db).request(given.id, asked, m_world.ownerActor());
        if (!pickup)
            qWarning("transport: %s", qPrintable(pickup.error().message));
        return pickup.ok();
    }

    // Someone with every role opens every window of every set.
    void windowsShareNoMnemonic()
    {
        FrenchScreens french;
        QVERIFY(french.loaded());
        const std::optional<Agent> everyone = everyRoleAgent(*m_db, m_world);
        QVERIFY(everyone);
        QVERIFY(fillEveryList(everyone->id));
        CatalogueWindow catalogue(*m_db, *m_settings, false);
        WindowSets sets(*m_db, catalogue, *everyone, false);
        catalogue.show();
        QVERIFY(QTest::qWaitForWindowExposed(&catalogue));

        QList<QWidget *> windows{&catalogue};
        sets.openMyAds();
        windows.append(sets.myAdsWindow());
        sets.openWantedAds();
        windows.append(sets.wantedAdsWindow());
        sets.openModeration();
        windows.append(sets.moderationWindow());
        sets.openStatistics();
        windows.append(sets.statisticsWindow());
        sets.referenceDataAction()->trigger();
        windows.append(sets.referenceDataWindow());
        sets.openLogistics();
        windows.append(sets.logisticsWindow());
        sets.logisticsWindow()->setOpenOnly(true); // the transport above, whatever its week
        sets.agentsAction()->trigger();
        windows.append(sets.agentsWindow());
        if (sets.storeAction()->isVisible()) {
            sets.storeAction()->trigger();
            windows.append(sets.storeWindow());
        }
        QStringList problems;
        for (QWidget *window : std::as_const(windows)) {
            QVERIFY(window);
            QVERIFY(QTest::qWaitForWindowExposed(window));
            QVERIFY(waitRead(window));
            problems.append(checkWindow(window));
            problems.append(checkWithFirstRows(window));
        }
        for (const QString &problem : std::as_const(problems))
            qInfo("%s", qPrintable(problem));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problems, listed above").arg(problems.size())));

        // RECUP_SCREENSHOT_DIR=/tmp/shots: the reference data's categories, their letters
        // underlined.
        const QString dir = qEnvironmentVariable("RECUP_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(QDir().mkpath(dir));
            QWidget *reference = sets.referenceDataWindow();
            reference->findChild<QTabWidget *>()->setCurrentIndex(3);
            reference->resize(1280, 760);
            QVERIFY(saveScreen(*reference, dir + QStringLiteral("/reference-data-keys.png")));
        }
    }

    void dialogsShareNoMnemonic()
    {
        FrenchScreens french;
        QVERIFY(french.loaded());
        QStringList problems;
        for (const auto &[name, make] : m_dialogs) {
            const std::unique_ptr<QDialog> dialog = make();
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
            problems.append(checkWindow(dialog.get()));
        }
        for (const QString &problem : std::as_const(problems))
            qInfo("%s", qPrintable(problem));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problems, listed above").arg(problems.size())));
    }

    void dialogKeys_data()
    {
        QTest::addColumn<QString>("dialog");
        for (const auto &[name, make] : m_dialogs)
            QTest::newRow(qPrintable(name)) << name;
    }

    // Entrée accepts, Échap cancels, the focus starts on the first field, Tab reads in order.
    void dialogKeys()
    {
        QFETCH(QString, dialog);
        FrenchScreens french;
        const std::unique_ptr<QDialog> shownDialog = m_dialogs.at(dialog)();
        QDialog *d = shownDialog.get();
        d->show();
        QVERIFY(QTest::qWaitForWindowActive(d));

        // Entrée: the one default button is the accepting one of the dialog's button box.
        QList<QPushButton *> defaults;
        const auto buttons = d->findChildren<QPushButton *>();
        for (QPushButton *button : buttons) {
            if (button->isVisible() && button->isDefault())
                defaults.append(button);
        }
        QCOMPARE(defaults.size(), 1);
        if (const auto *box = qobject_cast<QDialogButtonBox *>(defaults.first()->parentWidget())) {
            const auto role = box->buttonRole(defaults.first());
            QVERIFY2(role == QDialogButtonBox::AcceptRole || role == QDialogButtonBox::YesRole,
                     qPrintable(describe(defaults.first())));
        }

        // The focus starts on the first field: the first control Tab reaches, in reading order.
        QWidget *first = QApplication::focusWidget();
        QVERIFY(first);
        QList<QWidget *> chain{first};
        for (int i = 0; i < 60; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *now = QApplication::focusWidget();
            QVERIFY(now);
            if (now == first)
                break;
            if (now == chain.last())
                continue; // Tab goes through the day, month and year of a date
            QVERIFY2(!chain.contains(now),
                     qPrintable(QStringLiteral("Tab goes round without coming back to %1: %2")
                                        .arg(describe(first), describe(now))));
            chain.append(now);
        }
        QVERIFY2(QApplication::focusWidget() == first, "Tab never comes back to the first field");
        // Tab follows the reading order, from what reads first round to it again.
        const auto top = std::min_element(chain.cbegin(), chain.cend(), [](QWidget *a, QWidget *b) {
            const QRect pa = placeOf(a), pb = placeOf(b);
            return pa.top() != pb.top() ? pa.top() < pb.top() : pa.left() < pb.left();
        });
        std::rotate(chain.begin(), chain.begin() + (top - chain.cbegin()), chain.end());
        QStringList order;
        for (QWidget *w : std::as_const(chain))
            order.append(describe(w));
        for (qsizetype i = 1; i < chain.size(); ++i) {
            QVERIFY2(readsAfter(chain.at(i - 1), chain.at(i)),
                     qPrintable(QStringLiteral("Tab goes from %1 back up to %2; the order: %3")
                                        .arg(describe(chain.at(i - 1)),
                                             describe(chain.at(i)),
                                             order.join(QStringLiteral(" → ")))));
        }
        // The focus starts on the first field; signing in starts where the typing does (the
        // first empty field of the profile, else the password).
        if (dialog != QLatin1String("sign in"))
            QVERIFY2(first == chain.first(),
                     qPrintable(QStringLiteral("the focus starts on %1; the order: %2")
                                        .arg(describe(first), order.join(QStringLiteral(" → ")))));
        QVERIFY2(!qobject_cast<QPushButton *>(first),
                 qPrintable(QStringLiteral("the focus starts on a button: ") + describe(first)));

        // Échap cancels, nothing typed.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!d->isVisible());
        QCOMPARE(d->result(), int(QDialog::Rejected));
    }

private:
    void buildDialogs()
    {
        const Ad ad = m_ad;
        const QList<Service> services = m_services;
        const QList<Site> sites = m_sites;
        const Agent owner = m_owner;
        PickupEnd from;
        from.siteId = m_world.depot;
        from.siteName = QStringLiteral("Dépôt");
        from.room = QStringLiteral("Bâtiment B");
        from.contact = owner.displayName;
        const QDate today = QDate::currentDate();
        Database *db = m_db.get();
        m_dialogs[QStringLiteral("contact on an ad")] = [=] {
            return std::make_unique<ContactDialog>(*db,
                                                   owner,
                                                   ad.id,
                                                   ad.title,
                                                   QStringLiteral("Marie Dupont, Déchets"),
                                                   MailSettings{});
        };
        m_dialogs[QStringLiteral("close an ad")] = [=] {
            auto dialog = std::make_unique<CloseAdDialog>(ad, QList<ContactRequest>{}, services);
            dialog->offerTransport(sites, from, today);
            return dialog;
        };
        // Given to a service, with a transport: the transport's fields shown under the rest.
        m_dialogs[QStringLiteral("close an ad with a transport")] = [=] {
            auto dialog = std::make_unique<CloseAdDialog>(ad, QList<ContactRequest>{}, services);
            dialog->offerTransport(sites, from, today);
            dialog->setReason(CloseReason::Exchanged);
            dialog->setTransportAsked(true);
            return dialog;
        };
        m_dialogs[QStringLiteral("reserve a part")] = [=] {
            LotShares shares;
            shares.quantity = 12;
            return std::make_unique<ReservePartDialog>(ad, shares, QList<qint64>{}, services);
        };
        m_dialogs[QStringLiteral("give a part")] = [=, this] {
            AdReservation part;
            part.adId = ad.id;
            part.serviceId = m_world.schools;
            part.quantity = 5;
            return std::make_unique<GivePartDialog>(
                    ad, part, QStringLiteral("Écoles"), m_world.city, sites, from, today);
        };
        m_dialogs[QStringLiteral("send to the store")] = [=] {
            return std::make_unique<SendToStoreDialog>(ad, sites, from, today);
        };
        m_dialogs[QStringLiteral("plan a transport")] = [=] {
            Pickup pickup;
            pickup.adId = ad.id;
            pickup.adTitle = ad.title;
            pickup.from = from;
            pickup.to.siteName = QStringLiteral("Hôtel de ville");
            pickup.wishedDate = today;
            return std::make_unique<PlanDialog>(pickup, today);
        };
        m_dialogs[QStringLiteral("request a transport")] = [=] {
            return std::make_unique<RequestTransportDialog>(*db, today);
        };
        m_dialogs[QStringLiteral("reject an ad")] = [] {
            ReasonRequest request;
            request.windowTitle = QStringLiteral("Refuser l’annonce");
            request.question = QStringLiteral("Pourquoi refuser « Bureau » ?");
            request.acceptText = ReasonDialog::tr("Reject the ad");
            request.templates = {{QStringLiteral("Photo floue"), QStringLiteral("La photo…")}};
            return std::make_unique<ReasonDialog>(request);
        };
        m_dialogs[QStringLiteral("release a part")] = [] {
            ReasonRequest request;
            request.windowTitle = QStringLiteral("Libérer une partie");
            request.question = QStringLiteral("Pourquoi libérer cette partie ?");
            request.acceptText = ReasonDialog::tr("Release the part");
            return std::make_unique<ReasonDialog>(request);
        };
        // The store's « Jeter… » and the transports' « Annuler le transport… ».
        m_dialogs[QStringLiteral("throw away from the store")] = [] {
            return std::make_unique<ReasonTextDialog>(
                    StoreWindow::tr("Throw away"),
                    StoreWindow::tr("Why is %1 thrown away? The history keeps it.")
                            .arg(QStringLiteral("« Chaises »")),
                    StoreWindow::tr("Throw away"),
                    StoreWindow::tr("Keep it"));
        };
        m_dialogs[QStringLiteral("cancel a transport")] = [] {
            return std::make_unique<ReasonTextDialog>(
                    LogisticsWindow::tr("Cancel the transport"),
                    LogisticsWindow::tr(
                            "Why is the transport of %1 cancelled? Both services can read it.")
                            .arg(QStringLiteral("« Chaises »")),
                    LogisticsWindow::tr("Cancel the transport"),
                    LogisticsWindow::tr("Keep the transport"));
        };
        m_dialogs[QStringLiteral("hand over the ads")] = [=, this] {
            QList<HandOverDialog::Candidate> candidates{
                    {m_world.other, QStringLiteral("Paul Martin"), QStringLiteral("Écoles")}};
            return std::make_unique<HandOverDialog>(owner, 3, 0, candidates);
        };
        m_dialogs[QStringLiteral("wanted ad")] = [=] {
            return std::make_unique<WantedAdDialog>(*db, owner);
        };
        m_dialogs[QStringLiteral("post an ad")] = [=, this] {
            return std::make_unique<AdEditorDialog>(*db, m_world.ownerActor());
        };
        m_dialogs[QStringLiteral("sign in")] = [this] {
            return std::make_unique<LoginDialog>(*m_profiles, *m_passwords);
        };
        m_dialogs[QStringLiteral("mail settings")] = [this] {
            return std::make_unique<MailSettingsDialog>(*m_settings, nullptr);
        };
    }

    std::unique_ptr<TestDatabase> m_test;
    std::unique_ptr<Database> m_db;
    World m_world;
    QTemporaryDir m_settingsDir;
    QList<Service> m_services;
    QList<Site> m_sites;
    Agent m_owner;
    Ad m_ad;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<ServerProfiles> m_profiles;
    std::unique_ptr<PasswordStore> m_passwords;
    std::map<QString, DialogFactory> m_dialogs;
};

QTEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"
