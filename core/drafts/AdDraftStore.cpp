// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "drafts/AdDraftStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>

namespace Recup {

namespace {

const QString DraftFile = QStringLiteral("draft.json");

Status writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error{Error::Kind::Database,
                     AdDraftStore::tr("The draft could not be kept on this workstation (%1).")
                             .arg(QDir::toNativeSeparators(path)),
                     file.errorString(),
                     {}};
    return {};
}

QString photoName(const QByteArray &jpeg)
{
    return QString::fromLatin1(QCryptographicHash::hash(jpeg, QCryptographicHash::Sha1).toHex());
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::optional<AdDraft> readDraft(const QString &folder, bool withPhotos)
{
    const QJsonDocument document = QJsonDocument::fromJson(readAll(folder + u'/' + DraftFile));
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject o = document.object();
    AdDraft draft;
    draft.adId = o.value(u"adId").toInteger();
    draft.adVersion = o.value(u"adVersion").toInt();
    draft.adState = adStateFromKey(o.value(u"adState").toString()).value_or(AdState::Draft);
    draft.savedAt = QDateTime::fromString(o.value(u"savedAt").toString(), Qt::ISODateWithMs);
    draft.title = o.value(u"title").toString();
    draft.description = o.value(u"description").toString();
    draft.categoryId = o.value(u"categoryId").toInteger();
    draft.quantity = o.value(u"quantity").toInt(1);
    draft.weightGrams = o.value(u"weightGrams").toInteger();
    draft.weightTyped = o.value(u"weightTyped").toBool();
    draft.valueText = o.value(u"valueText").toString();
    draft.withoutValue = o.value(u"withoutValue").toBool();
    draft.availableFrom = QDate::fromString(o.value(u"availableFrom").toString(), Qt::ISODate);
    draft.siteId = o.value(u"siteId").toInteger();
    draft.room = o.value(u"room").toString();
    draft.attested = o.value(u"attested").toBool();
    const QJsonArray photos = o.value(u"photos").toArray();
    for (const QJsonValue &name : photos) {
        if (!withPhotos)
            break;
        AdPhoto photo;
        photo.position = int(draft.photos.size());
        photo.jpeg = readAll(folder + u'/' + name.toString() + u".jpg");
        photo.thumbnail = readAll(folder + u'/' + name.toString() + u".thumb.jpg");
        if (!photo.jpeg.isEmpty()) // a photo lost with its disk is said by its absence
            draft.photos.append(photo);
    }
    return draft;
}

} // namespace

AdDraftStore::AdDraftStore(const QString &profile, qint64 agentId)
{
    const QByteArray key = QCryptographicHash::hash(
            (profile + u'\n' + QString::number(agentId)).toUtf8(), QCryptographicHash::Sha1);
    m_folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
               + QStringLiteral("/drafts/") + QString::fromLatin1(key.toHex().left(20));
}

AdDraftStore::AdDraftStore(const QString &folder)
    : m_folder(folder)
{}

QString AdDraftStore::draftFolder(qint64 adId) const
{
    return m_folder + u'/' + (adId > 0 ? QStringLiteral("ad-%1").arg(adId) : QStringLiteral("new"));
}

Status AdDraftStore::save(const AdDraft &draft) const
{
    const QString folder = draftFolder(draft.adId);
    if (!QDir().mkpath(folder))
        return Error{Error::Kind::Database,
                     tr("The draft could not be kept on this workstation (%1).")
                             .arg(QDir::toNativeSeparators(folder)),
                     {},
                     {}};
    // The photos first, each once: the draft never names a file not yet written.
    QSet<QString> kept;
    QJsonArray photoNames;
    for (const AdPhoto &photo : draft.photos) {
        const QString name = photoName(photo.jpeg);
        photoNames.append(name);
        kept << name + u".jpg" << name + u".thumb.jpg";
        if (QFile::exists(folder + u'/' + name + u".jpg"))
            continue;
        if (const Status thumb
            = writeAtomically(folder + u'/' + name + u".thumb.jpg", photo.thumbnail);
            !thumb)
            return thumb;
        if (const Status jpeg = writeAtomically(folder + u'/' + name + u".jpg", photo.jpeg); !jpeg)
            return jpeg;
    }
    QJsonObject o;
    o.insert(u"adId", draft.adId);
    o.insert(u"adVersion", draft.adVersion);
    o.insert(u"adState", toKey(draft.adState));
    o.insert(u"savedAt", draft.savedAt.toUTC().toString(Qt::ISODateWithMs));
    o.insert(u"title", draft.title);
    o.insert(u"description", draft.description);
    o.insert(u"categoryId", draft.categoryId);
    o.insert(u"quantity", draft.quantity);
    o.insert(u"weightGrams", draft.weightGrams);
    o.insert(u"weightTyped", draft.weightTyped);
    o.insert(u"valueText", draft.valueText);
    o.insert(u"withoutValue", draft.withoutValue);
    o.insert(u"availableFrom", draft.availableFrom.toString(Qt::ISODate));
    o.insert(u"siteId", draft.siteId);
    o.insert(u"room", draft.room);
    o.insert(u"attested", draft.attested);
    o.insert(u"photos", photoNames);
    if (const Status written
        = writeAtomically(folder + u'/' + DraftFile, QJsonDocument(o).toJson());
        !written)
        return written;
    // Photos removed from the form since: their files go.
    const QStringList files = QDir(folder).entryList({QStringLiteral("*.jpg")}, QDir::Files);
    for (const QString &file : files) {
        if (!kept.contains(file))
            QFile::remove(folder + u'/' + file);
    }
    return {};
}

std::optional<AdDraft> AdDraftStore::load(qint64 adId) const
{
    return readDraft(draftFolder(adId), true);
}

QList<AdDraft> AdDraftStore::all() const
{
    QList<AdDraft> drafts;
    const QStringList folders = QDir(m_folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : folders) {
        if (auto draft = readDraft(m_folder + u'/' + name, false))
            drafts.append(*draft);
    }
    std::sort(drafts.begin(), drafts.end(), [](const AdDraft &a, const AdDraft &b) {
        return a.savedAt > b.savedAt;
    });
    return drafts;
}

void AdDraftStore::remove(qint64 adId) const
{
    QDir(draftFolder(adId)).removeRecursively();
}

} // namespace Recup
