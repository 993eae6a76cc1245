// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/MailTransport.h"

#include <QCoreApplication>
#include <QDateTime>

namespace Recup {

// Writes each message as an .eml file into a folder instead of sending it: the demo uses it,
// and any mail client opens the files. Names sort by time: "20250314-093005-123_<id>.eml".
// Files are written whole or not at all (QSaveFile), so a reader never sees half a message.
class PickupFolderTransport : public MailTransport
{
    Q_OBJECT
public:
    explicit PickupFolderTransport(const QString &folder, QObject *parent = nullptr);

    void sendRendered(const RenderedMail &mail) override;
    QString folder() const { return m_folder; }

    // The file name for a message written at `at`: timestamp (UTC) and sanitised Message-ID.
    static QString fileName(const QString &messageId, const QDateTime &at);

private:
    QString m_folder;
};

} // namespace Recup
