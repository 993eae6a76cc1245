// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Fault: the demo's data folder is full or read-only. The folder is a real small file system
// (a tmpfs mounted for the test: root with mount rights; otherwise the full-disk cases are
// skipped and the read-only one uses chmod, which root would ignore). The app's own code paths
// run: LocalDemo::open as at start-up, the ad editor's save. What a person would notice: a
// French sentence naming the folder and what is wrong, nothing typed lost, and the database
// intact afterwards (integrity check, every row still there, nothing half-saved).
#include "Keyboard.h"
#include "Sql.h"
#include "common/AdEditorDialog.h"
#include "common/MessageBar.h"
#include "demo/LocalDemo.h"
#include "i18n/Translations.h"
#include "storage/Database.h"
#include "storage/ReferenceCache.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/resource.h>
#include <unistd.h>

using namespace Recup;
using namespace Recup::Testing;

namespace {

// A small file system of the test's own: a tmpfs, unmounted by the destructor.
class SmallDisk
{
public:
    ~SmallDisk()
    {
        if (m_mounted)
            run({QStringLiteral("umount"), m_dir});
    }

    bool mount(const QString &dir, const QString &size, QString *why)
    {
        m_dir = dir;
        QDir().mkpath(dir);
        if (geteuid() != 0) {
            *why = QStringLiteral("a small disk needs a tmpfs, which only root may mount");
            return false;
        }
        const QString said = run({QStringLiteral("mount"),
                                  QStringLiteral("-t"),
                                  QStringLiteral("tmpfs"),
                                  QStringLiteral("-o"),
                                  QStringLiteral("size=%1,mode=0755").arg(size),
                                  QStringLiteral("tmpfs"),
                                  dir});
        m_mounted = said.isNull();
        if (!m_mounted)
            *why = QStringLiteral("cannot mount a tmpfs here (%1)").arg(said.trimmed());
        return m_mounted;
    }
    // "ro", "rw", "size=64m"...
    bool remount(const QString &options)
    {
        const QString said = run({QStringLiteral("mount"),
                                  QStringLiteral("-o"),
                                  QStringLiteral("remount,") + options,
                                  m_dir});
        if (!said.isNull())
            qWarning("remount %s: %s", qPrintable(options), qPrintable(said));
        return said.isNull();
    }

private:
    // A null string when the command succeeded, else what it said.
    static QString run(QStringList command)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(command.takeFirst(), command);
        if (!process.waitForFinished(30'000))
            return QStringLiteral("did not finish");
        if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
            return {};
        const QString output = QString::fromLocal8Bit(process.readAll());
        return output.isEmpty() ? QStringLiteral("exit code %1").arg(process.exitCode()) : output;
    }

    QString m_dir;
    bool m_mounted = false;
};

// Fills the file system that holds `dir` to the last byte; the filler's path.
QString fillUp(const QString &dir)
{
    const QString path = QDir(dir).filePath(QStringLiteral("remplissage.bin"));
    QFile filler(path);
    if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return {};
    const QByteArray chunk(1 << 20, 'x');
    for (const qint64 size : {qint64(1) << 20, qint64(4096), qint64(1)}) {
        while (filler.write(chunk.constData(), size) == size) {
        }
    }
    return path;
}

// A file size limit on this process (RLIMIT_FSIZE): writes that would make a file larger fail
// with EFBIG instead of raising SIGXFSZ. Lifted by the destructor.
class FileSizeLimit
{
public:
    ~FileSizeLimit() { lift(); }
    bool set(qint64 bytes)
    {
        if (getrlimit(RLIMIT_FSIZE, &m_saved) != 0)
            return false;
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = m_saved;
        limited.rlim_cur = rlim_t(bytes);
        m_set = setrlimit(RLIMIT_FSIZE, &limited) == 0;
        return m_set;
    }
    bool lift()
    {
        if (!m_set)
            return true;
        m_set = false;
        const bool lifted = setrlimit(RLIMIT_FSIZE, &m_saved) == 0;
        std::signal(SIGXFSZ, m_previousHandler);
        return lifted;
    }

private:
    rlimit m_saved{};
    void (*m_previousHandler)(int) = SIG_DFL;
    bool m_set = false;
};

// What the database holds, table by table, and whether SQLite finds it sound.
struct Snapshot
{
    QString integrity;
    int ads = -1, history = -1, photos = -1, outbox = -1;
    bool operator==(const Snapshot &) const = default;
};

Snapshot snapshot(Database &db)
{
    Snapshot s;
    QSqlQuery check(db.connection());
    if (check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next())
        s.integrity = check.value(0).toString();
    s.ads = countOf(db, QStringLiteral("SELECT count(*) FROM ad"));
    s.history = countOf(db, QStringLiteral("SELECT count(*) FROM ad_history"));
    s.photos = countOf(db, QStringLiteral("SELECT count(*) FROM ad_photo"));
    s.outbox = countOf(db, QStringLiteral("SELECT count(*) FROM outbox"));
    return s;
}

QString describe(const Snapshot &s)
{
    return QStringLiteral("integrity %1, %2 ads, %3 history rows, %4 photos, %5 mails")
            .arg(s.integrity)
            .arg(s.ads)
            .arg(s.history)
            .arg(s.photos)
            .arg(s.outbox);
}

} // namespace

class TestDemoStorage : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_pictures.isValid());
        // The person reads French: so do the messages checked here.
        QVERIFY(installTranslations(QStringLiteral("fr")));
    }

    // First start on a disk too small for the demo: said so; once there is room, the demo is
    // whole (it is loaded all or nothing).
    void fullDiskAtFirstStart()
    {
        const QString folder = m_dir.filePath(QStringLiteral("premier-lancement"));
        SmallDisk disk;
        QString why;
        if (!disk.mount(folder, QStringLiteral("1m"), &why))
            QSKIP(qPrintable(why));
        const QString path = QDir(folder).filePath(QStringLiteral("collectiv-recup.sqlite"));
        {
            const auto opened = LocalDemo::open(path);
            QVERIFY(!opened);
            const QString message = opened.error().message;
            QVERIFY2(message.contains(QDir::toNativeSeparators(folder)), qPrintable(message));
            QVERIFY2(message.contains(QLatin1String("est plein")), qPrintable(message));
            qInfo("%s", qPrintable(message));
        }
        QVERIFY(disk.remount(QStringLiteral("size=256m")));
        const auto opened = LocalDemo::open(path);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        const Snapshot s = snapshot(**opened);
        QCOMPARE(s.integrity, QStringLiteral("ok"));
        QVERIFY2(s.ads >= 50 && s.history > s.ads && s.photos > 0, qPrintable(describe(s)));
        qInfo("after room was made: %s", qPrintable(describe(s)));
    }

    // The disk fills while an agent posts an ad: the save is refused with a sentence naming the
    // folder, the form keeps everything, the database is as before; with room, the same click
    // saves the ad once. Two ways to run out of room: a full tmpfs (root with mount rights), and
    // everywhere a file size limit (RLIMIT_FSIZE, as `ulimit -f` sets), on which writes beyond
    // the files' present size fail with EFBIG.
    void fullDiskWhileSavingAnAd_data()
    {
        QTest::addColumn<bool>("tmpfs");
        QTest::addColumn<QString>("said");
        QTest::newRow("full tmpfs") << true << QStringLiteral("est plein");
        QTest::newRow("file size limit")
                << false << QStringLiteral("n’a pas pu être écrite sur le disque");
    }
    void fullDiskWhileSavingAnAd()
    {
        QFETCH(bool, tmpfs);
        QFETCH(QString, said);
        const QString folder
                = m_dir.filePath(tmpfs ? QStringLiteral("disque-plein") : QStringLiteral("limite"));
        SmallDisk disk;
        QString why;
        if (tmpfs && !disk.mount(folder, QStringLiteral("256m"), &why))
            QSKIP(qPrintable(why));
        QVERIFY(QDir().mkpath(folder));
        const QString path = QDir(folder).filePath(QStringLiteral("collectiv-recup.sqlite"));
        QVERIFY(LocalDemo::open(path));      // the first start, then closed
        auto opened = LocalDemo::open(path); // the app started again
        QVERIFY(opened);
        Database &db = **opened;
        const Snapshot before = snapshot(db);
        QCOMPARE(before.integrity, QStringLiteral("ok"));
        const qint64 agent = anyAgent(db);
        QVERIFY(agent > 0);

        AdEditorDialog editor(db, Actor{agent, false, false});
        editor.setDiscardPrompt([](QWidget *) { return true; });
        QVERIFY(QTest::qWaitFor([&] { return db.references().isLoaded(); }, 10'000));
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        const QString title = QStringLiteral("Desserte à roulettes, plateau stratifié");
        const QString description = QStringLiteral(
                "Trois plateaux, roulettes à frein ; servait à la cantine de l'école Jules-Ferry.");
        typeText(child<QLineEdit>(editor, "titleEdit"), title);
        typeText(child<QPlainTextEdit>(editor, "descriptionEdit"), description);
        auto *category = child<QComboBox>(editor, "categoryCombo");
        auto *site = child<QComboBox>(editor, "siteCombo");
        QVERIFY(category->count() > 1 && site->count() > 1);
        category->setCurrentIndex(firstAccepted(*category));
        site->setCurrentIndex(site->count() - 1);
        child<QCheckBox>(editor, "attestationCheck")->setChecked(true);
        child<QCheckBox>(editor, "noValueCheck")->setChecked(true);
        editor.addPhotoFiles({picture()});
        QTRY_VERIFY_WITH_TIMEOUT(!editor.isPreparingPhotos(), 30'000);
        QCOMPARE(editor.photoCount(), 1);

        QString filler;
        FileSizeLimit limit;
        if (tmpfs) {
            filler = fillUp(folder);
            QVERIFY(!filler.isEmpty());
        } else {
            // No write past the write-ahead log's present size (SQLite writes there first).
            QVERIFY(limit.set(QFileInfo(path + QStringLiteral("-wal")).size()));
        }
        QSignalSpy saved(&editor, &AdEditorDialog::adSaved);
        auto *submit = child<QPushButton>(editor, "submitButton");
        QTest::mouseClick(submit, Qt::LeftButton);
        QCOMPARE(saved.size(), 0);
        QVERIFY(editor.isVisible());
        const QString message = editor.findChild<MessageBar *>()->text();
        qInfo("%s", qPrintable(message));
        QVERIFY2(message.startsWith(QStringLiteral("L’annonce n’a pas été enregistrée.")),
                 qPrintable(message));
        QVERIFY2(message.contains(QDir::toNativeSeparators(folder)), qPrintable(message));
        QVERIFY2(message.contains(said), qPrintable(message));
        QCOMPARE(child<QLineEdit>(editor, "titleEdit")->text(), title);
        QCOMPARE(child<QPlainTextEdit>(editor, "descriptionEdit")->toPlainText(), description);
        QCOMPARE(editor.photoCount(), 1);
        const Snapshot during = snapshot(db);
        QVERIFY2(during == before, qPrintable(describe(during) + u" / " + describe(before)));

        // Room again: the same click saves it, once.
        if (tmpfs)
            QVERIFY(QFile::remove(filler));
        else
            QVERIFY(limit.lift());
        QTest::mouseClick(submit, Qt::LeftButton);
        QVERIFY2(saved.size() == 1, qPrintable(editor.findChild<MessageBar *>()->text()));
        const Snapshot after = snapshot(db);
        QCOMPARE(after.integrity, QStringLiteral("ok"));
        QCOMPARE(after.ads, before.ads + 1);
        QCOMPARE(after.photos, before.photos + 1);
        QCOMPARE(countOf(db,
                         QStringLiteral("SELECT count(*) FROM ad WHERE title = '%1'")
                                 .arg(QString(title).replace(u'\'', QLatin1String("''")))),
                 1);
    }

    // The app starts on a demo whose folder is read-only: it says so, names the folder, and
    // leaves the file as it was.
    void readOnlyFolderAtStart()
    {
        const QString folder = m_dir.filePath(QStringLiteral("lecture-seule"));
        const QString path = QDir(folder).filePath(QStringLiteral("collectiv-recup.sqlite"));
        SmallDisk disk;
        QString why;
        const bool mounted = disk.mount(folder, QStringLiteral("256m"), &why);
        if (!mounted && geteuid() == 0)
            QSKIP(qPrintable(why + QStringLiteral(" (root ignores a read-only folder's rights)")));
        Snapshot before;
        {
            auto opened = LocalDemo::open(path);
            QVERIFY(opened);
            before = snapshot(**opened);
        }
        QCOMPARE(before.integrity, QStringLiteral("ok"));
        const QByteArray bytes = fileBytes(path);
        if (mounted) {
            QVERIFY(disk.remount(QStringLiteral("ro")));
        } else {
            QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
            QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        }
        {
            const auto opened = LocalDemo::open(path);
            QVERIFY(!opened);
            const QString message = opened.error().message;
            qInfo("%s", qPrintable(message));
            QVERIFY2(message.contains(QDir::toNativeSeparators(folder)), qPrintable(message));
            QVERIFY2(message.contains(QLatin1String("lecture seule")), qPrintable(message));
        }
        QCOMPARE(fileBytes(path), bytes); // not a byte written
        if (mounted) {
            QVERIFY(disk.remount(QStringLiteral("rw")));
        } else {
            QVERIFY(QFile::setPermissions(folder,
                                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
            QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner));
        }
        auto opened = LocalDemo::open(path);
        QVERIFY(opened);
        QCOMPARE(snapshot(**opened), before);
    }

private:
    template<typename T>
    static T *child(QWidget &parent, const char *name)
    {
        T *found = parent.findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qFatal("no child named %s", name);
        return found;
    }
    static int firstAccepted(const QComboBox &box)
    {
        for (int i = 0; i < box.count(); ++i) {
            if (box.itemData(i).toLongLong() > 0 && !box.itemText(i).contains(u'('))
                return i;
        }
        return 1;
    }
    static qint64 anyAgent(Database &db)
    {
        const auto ids = idsOf(db, QStringLiteral("SELECT id FROM agent"));
        return ids.isEmpty() ? 0 : *std::min_element(ids.cbegin(), ids.cend());
    }
    static QByteArray fileBytes(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // A photograph-like picture (noise compresses badly, as photos do): a few hundred KB saved.
    QString picture()
    {
        const QString path = m_pictures.filePath(QStringLiteral("desserte.jpg"));
        if (QFile::exists(path))
            return path;
        QImage image(1600, 1200, QImage::Format_RGB32);
        QRandomGenerator random(9);
        for (int y = 0; y < image.height(); ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x)
                line[x] = random.generate() | 0xff000000u;
        }
        image.save(path, "JPEG", 90);
        return path;
    }

    QTemporaryDir m_dir;
    QTemporaryDir m_pictures;
};

QTEST_MAIN(TestDemoStorage)
#include "tst_demostorage.moc"
