#!/usr/bin/python3
# SPDX-FileCopyrightText: Collectiv'Récup developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""The accessibility walk: the real app, as a screen reader sees it.

atspi_walk.py APP WORKDIR

Run inside a private D-Bus session on an X server (tests/a11y/atspi-walk.sh does both). For
each identity of the demo, starts APP in French on a demo database in WORKDIR, then, through
the AT-SPI bus only (pyatspi, as Orca does): opens every window of the identity's window set
from the « Fenêtres » menu, and in each window the dialogs its buttons and menu items ending
with « … » open, by their AT-SPI action (which also proves they work without a mouse); then
chooses the first row of each table or list through the bus and opens the dialogs that
acting on a row enables (Contacter, Refuser, Planifier, Confier…); closes each dialog with its
Cancel/Close button or Escape. In every window, every SHOWING
interactive control must have an accessible name (its own or a label's, through the
labelled-by relation). Prints a count per window; fails listing the controls without a name.
"""

import os
import shutil
import subprocess
import sys
import threading
import time

import pyatspi
from gi.repository import Atspi, GLib

# (login, what the identity is) — see sql/demo/demo-data.json.
IDENTITIES = [
    ("cmartin", "agent"),
    ("mdupont", "moderator"),
    ("jmoreau", "logistics"),
    ("sbernard", "store keeper"),
    ("plefebvre", "admin"),
]

INTERACTIVE = {
    pyatspi.ROLE_PUSH_BUTTON: "push button",
    pyatspi.ROLE_TOGGLE_BUTTON: "toggle button",
    pyatspi.ROLE_CHECK_BOX: "check box",
    pyatspi.ROLE_RADIO_BUTTON: "radio button",
    pyatspi.ROLE_COMBO_BOX: "combo box",
    pyatspi.ROLE_ENTRY: "entry",
    pyatspi.ROLE_PASSWORD_TEXT: "password",
    pyatspi.ROLE_SPIN_BUTTON: "spin button",
    pyatspi.ROLE_SLIDER: "slider",
    pyatspi.ROLE_LIST: "list",
    pyatspi.ROLE_LIST_BOX: "list box",
    pyatspi.ROLE_TABLE: "table",
    pyatspi.ROLE_TREE: "tree",
    pyatspi.ROLE_TREE_TABLE: "tree table",
    pyatspi.ROLE_PAGE_TAB: "tab",
    pyatspi.ROLE_MENU_ITEM: "menu item",
    pyatspi.ROLE_CHECK_MENU_ITEM: "check menu item",
    pyatspi.ROLE_RADIO_MENU_ITEM: "radio menu item",
    pyatspi.ROLE_MENU: "menu",
    pyatspi.ROLE_TEXT: "text",
}
# Their children are cells or items, named by their content: not walked.
CONTAINERS = {
    pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX,
    pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE,
    pyatspi.ROLE_TREE_TABLE,
    pyatspi.ROLE_COMBO_BOX,
}
WINDOW_ROLES = {pyatspi.ROLE_FRAME, pyatspi.ROLE_DIALOG, pyatspi.ROLE_ALERT, pyatspi.ROLE_WINDOW}
# Within a window, Qt gives a QFrame (a header, a bar of buttons) the role « frame » too: that
# one is walked. The windows of the app are the application's own children, never nested.
NESTED_WINDOW_ROLES = WINDOW_ROLES - {pyatspi.ROLE_FRAME}

# What the walk never activates: it would leave the session, or the app.
NEVER = ("quitter", "se connecter au serveur", "se déconnecter", "changer de serveur")
CLOSERS = ("annuler", "fermer", "non", "cancel", "close", "no")
# Buttons that open a dialog though their accessible name has no « … »: Contact keeps the
# name the platform gives it; « Réserver… » is named « Réserver pour un service ».
OPENERS = ("contacter", "réserver pour un service")

TIMEOUT = 8.0
STARTED = time.monotonic()
# An answer from the app: a busy app answers in far less, a blocked call fails fast.
CALL_TIMEOUT_MS = 4000


def log(text):
    print(text, flush=True)


def states(acc):
    try:
        return acc.getState()
    except Exception:  # the object went away meanwhile
        return None


def showing(acc):
    s = states(acc)
    return s is not None and s.contains(pyatspi.STATE_SHOWING)


def enabled(acc):
    s = states(acc)
    return s is not None and s.contains(pyatspi.STATE_ENABLED) and s.contains(pyatspi.STATE_SENSITIVE)


def children(acc):
    try:
        return [c for c in acc if c is not None]
    except Exception:
        return []


def labelled_by(acc):
    names = []
    try:
        for relation in acc.getRelationSet():
            if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
                for i in range(relation.getNTargets()):
                    target = relation.getTarget(i)
                    if target is not None and target.name.strip():
                        names.append(target.name.strip())
    except Exception:
        pass
    return names


def value_text(acc):
    """What a combo box shows: Qt on Linux answers it as the name when none was given."""
    try:
        text = acc.queryText()
        return text.getText(0, -1).strip()
    except Exception:
        pass
    for child in children(acc):
        try:
            selection = child.querySelection()
            if selection.nSelectedChildren:
                return selection.getSelectedChild(0).name.strip()
        except Exception:
            pass
    return None


def path_of(acc, window):
    """Where the control is, for the person who fixes it: its identifier (the object name
    Qt gives the bus), its value, the named thing just before it, its window's pane."""
    parts = []
    try:
        ident = acc.get_accessible_id()
        if ident:
            parts.append("id « %s »" % ident)
    except Exception:
        pass
    value = value_text(acc)
    if value:
        parts.append("valeur « %s »" % value[:40])
    try:
        parent = acc.parent
        siblings = children(parent)
        index = siblings.index(acc)
        for sibling in reversed(siblings[:index]):
            if sibling.name.strip() and showing(sibling):
                parts.append("après « %s »" % sibling.name.strip()[:40])
                break
        node = parent
        for _ in range(8):
            if node is None or node == window:
                break
            if node.name.strip():
                parts.append("dans « %s »" % node.name.strip()[:40])
                break
            node = node.parent
    except Exception:
        pass
    return " (" + ", ".join(parts) + ")" if parts else ""


def nameless(acc):
    """The control's name as a screen reader says it, or None when it has none."""
    name = acc.name.strip()
    if acc.getRole() == pyatspi.ROLE_COMBO_BOX:
        # Qt 6 on Linux gives a combo box its current item as name, whatever its
        # accessibleName: that says what is chosen, never what is to be chosen. What says it
        # is a label (a buddy: the labelled-by relation) or, read after the value by screen
        # readers, the description (accessibleDescription, else the tooltip).
        labels = labelled_by(acc)
        if labels:
            return labels[0]
        return acc.description.strip() or None
    if name or labelled_by(acc):
        return name or labelled_by(acc)[0]
    return None


def walk(window, found):
    """Checks every showing interactive control under window; returns how many."""
    checked = 0
    stack = [window]
    while stack:
        node = stack.pop()
        for child in children(node):
            if not showing(child):
                continue
            try:
                role = child.getRole()
            except Exception:
                continue
            if role in NESTED_WINDOW_ROLES:
                continue  # a window of its own, walked when it is opened
            kind = INTERACTIVE.get(role)
            if role == pyatspi.ROLE_TEXT:
                s = states(child)
                if s is None or not s.contains(pyatspi.STATE_EDITABLE):
                    kind = None  # a read-only text is read, not operated
            if kind:
                checked += 1
                if nameless(child) is None:
                    found.append("%s sans nom%s" % (kind, path_of(child, window)))
            if role not in CONTAINERS:
                stack.append(child)
    return checked


def windows(app):
    return [w for w in children(app) if showing(w) and w.getRole() in WINDOW_ROLES]


def wait_for(predicate, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.1)
    return None


def find_roles(root, roles, only_showing=True):
    """The descendants of root (the showing ones, unless only_showing is False) whose role is
    one of roles, in one walk of the tree."""
    out = []
    stack = [root]
    while stack:
        node = stack.pop()
        for child in children(node):
            if only_showing and not showing(child):
                continue
            try:
                r = child.getRole()
            except Exception:
                continue
            if r in NESTED_WINDOW_ROLES:
                continue
            if r in roles:
                out.append(child)
            if r not in CONTAINERS:
                stack.append(child)
    return out


def find_all(root, role, only_showing=True):
    return find_roles(root, {role}, only_showing)


def activate(acc):
    """Does the control's action. A dialog run modally answers only once closed: the walk
    does not wait for the answer (a short timeout) but for the window to appear."""
    try:
        action = acc.queryAction()
    except NotImplementedError:
        return False
    if action.nActions == 0:
        return False
    index = 0
    for i in range(action.nActions):
        if action.getName(i) in ("press", "click", "activate", "Press", "toggle", "showMenu"):
            index = i
            break
    # Its own thread: a menu item's action runs the dialog it opens before answering.
    def press():
        try:
            action.doAction(index)
        except GLib.GError:
            pass  # no answer before the timeout: the dialog is still open

    threading.Thread(target=press, daemon=True).start()
    return True


def press_key(keysym):
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)


def press_escape():
    press_key(0xFF1B)


# The views whose first row the walk chooses, so that the dialogs acting on a row open too.
ROW_VIEWS = (pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TREE, pyatspi.ROLE_LIST)


def close(app, window):
    """Closes a dialog as a keyboard user would: Cancel/Close, else Escape."""
    buttons = [b for b in find_all(window, pyatspi.ROLE_PUSH_BUTTON) if enabled(b)]
    for wanted in CLOSERS:
        for button in buttons:
            if button.name.strip().lower().replace("&", "") == wanted:
                activate(button)
                if wait_for(lambda: not showing(window), 4):
                    return True
    press_escape()
    return bool(wait_for(lambda: not showing(window), 4))


def is_file_dialog(window):
    """Qt's own file dialog (no native one under Xvfb): Qt's, not the app's, to check."""
    return any(label.name.strip() in ("Fichiers de type\u00a0:", "Fichiers de type :", "Files of type:")
               for label in find_all(window, pyatspi.ROLE_LABEL))


class Walk:
    def __init__(self, app, report, seen):
        self.app = app
        self.report = report
        self.seen = seen  # the windows and dialogs already walked, under another identity
        self.failures = []
        self.window_set_names = set()  # the « Fenêtres » entries: windows, not dialogs

    def check(self, window, label):
        found = []
        count = walk(window, found)
        self.report.append((label, count, len(found)))
        log("  %-70s %3d contrôles, %d sans nom  [%.0f s]" % (label, count, len(found), time.monotonic() - STARTED))
        for item in found:
            self.failures.append("%s : %s" % (label, item))
            log("      ✗ " + item)

    def opened_by(self, trigger, before):
        if not activate(trigger):
            return None
        return wait_for(lambda: next((w for w in windows(self.app) if w not in before), None))

    def dialogs_of(self, window, label, depth):
        """The dialogs opened by the window's « … » buttons and menu items."""
        triggers = []
        for role in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_MENU_ITEM):
            for acc in find_all(window, role, only_showing=(role != pyatspi.ROLE_MENU_ITEM)):
                name = acc.name.strip()
                opens = name.endswith(("…", "...")) or name.lower() in OPENERS
                if not opens or not enabled(acc):
                    continue
                if any(word in name.lower() for word in NEVER) or name in self.window_set_names:
                    continue
                triggers.append((acc, name))
        if os.environ.get("RECUP_A11Y_DEBUG"):
            log("    [%.1f s] %s : %s" % (time.monotonic() - STARTED, label,
                                         ", ".join(n for _, n in triggers) or "rien à ouvrir"))
        for trigger, name in triggers:
            key = (label, name)
            if key in self.seen:
                continue
            self.seen.add(key)
            if not showing(window):
                break
            if os.environ.get("RECUP_A11Y_DEBUG"):
                log("    [%.1f s] « %s »" % (time.monotonic() - STARTED, name))
            before = windows(self.app)
            dialog = self.opened_by(trigger, before)
            if dialog is None:
                log("  (« %s » n’a pas ouvert de fenêtre)" % name)
                continue
            title = "%s › %s" % (label, dialog.name.strip() or name)
            if is_file_dialog(dialog):
                log("  %-70s (sélecteur de fichiers de Qt : non vérifié)" % title)
                close(self.app, dialog)
                continue
            self.check(dialog, title)
            if depth < 2:
                self.dialogs_of(dialog, title, depth + 1)
            if not showing(dialog):
                continue  # closed with the dialog it opened (a file picker's Escape)
            if dialog.getRole() == pyatspi.ROLE_FRAME:
                continue  # a window of its own: it stays open, as it would for the user
            if not close(self.app, dialog):
                self.failures.append("%s : ne se ferme ni par Annuler ni par Échap" % title)
                log("      ✗ ne se ferme ni par Annuler ni par Échap")

    def with_first_rows(self, window, label):
        """As a screen reader's user chooses a row: the first row of each table or list shown,
        selected through the bus (Table.AddRowSelection), and the window checked again with
        what that row shows (its detail, the buttons it enables)."""
        views = [v for v in find_roles(window, ROW_VIEWS) if enabled(v)]
        chosen = 0
        for view in views:
            debug = os.environ.get("RECUP_A11Y_DEBUG")
            try:
                table = view.queryTable()
                rows = table.nRows
                if debug:
                    log("    [%.1f s] %s « %s » : %d lignes" % (time.monotonic() - STARTED,
                        view.getRoleName(), view.name, rows))
                if rows == 0 or not table.addRowSelection(0):
                    continue
            except Exception as error:
                if debug:
                    log("    (%s)" % error)
                continue
            time.sleep(1.0)  # the row's detail is read on the reading thread
            chosen += 1
            try:
                view_name = view.name.strip()
            except Exception:
                view_name = ""
            self.check(window, "%s, 1re ligne de « %s »" % (label, view_name))
        if not chosen:
            log("  (%s : aucune ligne à choisir)" % label)
        return chosen

    def window_sets(self, main):
        menus = [m for m in find_all(main, pyatspi.ROLE_MENU_ITEM) if m.name.replace("&", "") == "Fenêtres"]
        if not menus:
            self.failures.append("menu « Fenêtres » introuvable")
            return
        names = [i.name.strip() for c in children(menus[0]) for i in children(c)
                 if i.getRole() == pyatspi.ROLE_MENU_ITEM and i.name.strip()]
        self.window_set_names.update(names)
        # Each entry of the menu has its button in the window's header, shown only to the
        # identities whose roles allow it: the walk presses the buttons shown.
        buttons = {b.name.strip(): b for b in find_all(main, pyatspi.ROLE_PUSH_BUTTON)}
        for name in names:
            item = buttons.get(name)
            if item is None or not enabled(item) or name in self.seen:
                continue
            self.seen.add(name)
            before = windows(self.app)
            opened = self.opened_by(item, before)
            if opened is None:
                # « Courriels non envoyés » opens a tab of the moderation window, already open.
                log("  (« %s » : pas de nouvelle fenêtre)" % name)
                continue
            label = opened.name.strip() or name
            time.sleep(1.0)  # what the window shows is read on its reading thread
            self.check(opened, label)
            # The rows first: then the dialogs include those that act on a chosen row.
            self.with_first_rows(opened, label)
            self.dialogs_of(opened, label, 1)
            if opened.getRole() == pyatspi.ROLE_DIALOG:
                close(self.app, opened)


def write_settings(config_home, login):
    folder = os.path.join(config_home, "collectiv-recup")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "collectiv-recup.conf"), "w", encoding="utf-8") as ini:
        ini.write("[interface]\nlanguage=fr\n\n[demo]\nidentity=%s\n" % login)


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in children(desktop):
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def main():
    app_path, workdir = sys.argv[1], sys.argv[2]
    Atspi.set_timeout(CALL_TIMEOUT_MS, 60000)
    only = os.environ.get("RECUP_A11Y_ONLY")  # one login, when looking into a failure
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    demo = os.path.join(workdir, "demo.sqlite")
    report = []
    failures = []
    seen = set()
    started = time.monotonic()
    for login, what in IDENTITIES:
        if only and login != only:
            continue
        log("== %s (%s)" % (login, what))
        home = os.path.join(workdir, login)
        write_settings(os.path.join(home, "config"), login)
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            QT_ACCESSIBILITY="1",
            XDG_CONFIG_HOME=os.path.join(home, "config"),
            XDG_DATA_HOME=os.path.join(home, "data"),
            LANG="fr_FR.UTF-8",
        )
        process = None
        for attempt in range(3):  # an X server another run started meanwhile: once more
            process = subprocess.Popen([app_path, "--lang", "fr", "--demo-path", demo], env=env)
            app = wait_for(lambda: process.poll() is not None or find_app(process.pid), 60)
            if process.poll() is None:
                break
            log("  (l’application s’est arrêtée au démarrage : nouvel essai)")
            time.sleep(1)
        try:
            if app is True:
                app = None
            if app is None:
                failures.append("%s : l’application n’apparaît pas sur le bus AT-SPI" % login)
                continue
            main_window = wait_for(lambda: next(iter(windows(app)), None), 30)
            if main_window is None:
                failures.append("%s : pas de fenêtre principale" % login)
                continue
            # The window sets appear once the identity is read.
            # The window sets appear once the identity is read: every identity has its ads.
            if not wait_for(lambda: any(b.name.strip() == "Mes annonces"
                                        for b in find_all(main_window, pyatspi.ROLE_PUSH_BUTTON)), 20):
                failures.append("%s : le bouton « Mes annonces » n’apparaît pas" % login)
            time.sleep(0.5)
            walker = Walk(app, report, seen)
            walker.check(main_window, "%s : %s" % (login, main_window.name.strip()))
            walker.window_sets(main_window)
            walker.with_first_rows(main_window, main_window.name.strip())
            walker.dialogs_of(main_window, main_window.name.strip(), 1)
            failures.extend("%s : %s" % (login, f) for f in walker.failures)
            log("  (%.0f s)" % (time.monotonic() - started))
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    total = sum(count for _, count, _ in report)
    log("")
    log("%d fenêtres, %d contrôles vérifiés en %.0f s" % (len(report), total, time.monotonic() - started))
    if failures:
        log("ÉCHEC : %d problème(s) :" % len(failures))
        for failure in failures:
            log("  " + failure)
        return 1
    if total == 0:
        log("ÉCHEC : aucun contrôle vérifié")
        return 1
    log("OK : chaque contrôle affiché a un nom.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
