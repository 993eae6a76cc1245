// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/PickupFolderTransport.h"

#include <QDir>
#include <QSaveFile>

namespace Recup {

PickupFolderTransport::PickupFolderTransport(const QString &folder, QObject *parent)
    : MailTransport(parent)
    , m_folder(folder)
{}

QString PickupFolderTransport::fileName(const QString &messageId, const QDateTime &at)
{
    QString id;
    for (QChar c : messageId) {
        const char16_t u = c.unicode();
        if (u == u'<' || u == u'>')
            continue;
        const bool safe = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
                          || (u >= u'0' && u <= u'9') || u == u'.' || u == u'-' || u == u'_'
                          || u == u'@';
        id += safe ? c : QChar(u'_');
    }
    if (id.isEmpty())
        id = QStringLiteral("message");
    return at.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) + u'_' + id.left(120)
           + QStringLiteral(".eml");
}

void PickupFolderTransport::sendRendered(const RenderedMail &mail)
{
    const auto fail = [&](const QString &message) {
        SendResult failure;
        failure.status = SendResult::Status::TemporaryFailure; // a full disk empties again
        failure.stage = SendResult::Stage::Storage;
        failure.message = message;
        finishLater(mail.messageId, failure);
    };
    if (!QDir().mkpath(m_folder)) {
        fail(tr("Cannot create the mail folder %1.").arg(QDir::toNativeSeparators(m_folder)));
        return;
    }
    const QString path
            = QDir(m_folder).filePath(fileName(mail.messageId, QDateTime::currentDateTimeUtc()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        fail(tr("Cannot write the mail file %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    file.write(mail.data);
    if (!file.commit()) {
        fail(tr("Cannot write the mail file %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString()));
        return;
    }
    SendResult done;
    done.status = SendResult::Status::Sent;
    done.stage = SendResult::Stage::Done;
    done.message = tr("The message was saved as %1.").arg(QDir::toNativeSeparators(path));
    finishLater(mail.messageId, done);
}

} // namespace Recup
