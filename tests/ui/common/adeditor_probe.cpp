// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// A small program built from the real ad form, for the autosave's kill test (tst_adposting):
//   adeditor_probe type DATABASE AGENT TEXT  opens a new ad's form, types TEXT into the title,
//                                            prints "autosaved" once the draft is written, and
//                                            waits to be killed;
//   adeditor_probe restore DATABASE AGENT     opens the form again, resumes the draft it offers
//                                            and prints "title=" and the title it holds.
// DATABASE is "sqlite:PATH" or a libpq connection string. Drafts go where the app puts them:
// the user's local data folder (XDG_DATA_HOME on Linux).
#include "Keyboard.h"
#include "common/AdEditorDialog.h"
#include "storage/Database.h"
#include "storage/ReferenceCache.h"

#include <QApplication>
#include <QLineEdit>
#include <QTextStream>

using namespace Recup;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Collectiv'Récup"));
    QApplication::setApplicationName(QStringLiteral("adeditor_probe"));
    const QStringList args = QApplication::arguments();
    QTextStream out(stdout);
    if (args.size() < 4) {
        out << "usage: adeditor_probe type|restore DATABASE AGENT [TEXT]\n";
        return 2;
    }
    const QString mode = args.at(1);
    const QString where = args.at(2);
    const DatabaseConfig config = where.startsWith(QLatin1String("sqlite:"))
                                          ? DatabaseConfig::sqlite(where.mid(7))
                                          : DatabaseConfig::fromConninfo(where);
    Database db(config);
    if (const Status opened = db.open(); !opened) {
        out << "cannot open: " << opened.error().message << '\n';
        return 3;
    }
    AdEditorDialog dialog(db, Actor{args.at(3).toLongLong(), false, false});
    dialog.show();
    auto *title = dialog.findChild<QLineEdit *>(QStringLiteral("titleEdit"));
    if (mode == QLatin1String("type") && args.size() > 4) {
        QObject::connect(&dialog, &AdEditorDialog::draftSaved, &dialog, [&out] {
            out << "autosaved" << Qt::endl;
        });
        title->setFocus();
        Testing::typeText(title, args.at(4));
        return QApplication::exec(); // until killed
    }
    if (mode == QLatin1String("restore")) {
        if (!dialog.offersDraft()) {
            out << "no draft offered" << Qt::endl;
            return 1;
        }
        dialog.resumeDraft();
        out << "title=" << title->text() << Qt::endl;
        return 0;
    }
    return 2;
}
