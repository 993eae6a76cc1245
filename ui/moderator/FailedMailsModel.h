// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/OutboxMail.h"

#include <QAbstractTableModel>
#include <QList>

namespace Recup {

// The mails the server refused for good, newest first, as moderators read them: when each was
// written, what kind of mail it is, its subject and recipients (decoded from the stored
// message), how many times it was tried and the server's last words.
class FailedMailsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        WrittenColumn,
        KindColumn,
        SubjectColumn,
        RecipientsColumn,
        AttemptsColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role { MailIdRole = Qt::UserRole, KindKeyRole, WrittenAtRole };

    // A failed mail and what its stored headers say.
    struct Entry
    {
        OutboxMail mail;
        QString subject;
        QString to;
        QString cc;
    };

    explicit FailedMailsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Replaces the rows, in the order given (OutboxRepository::failures(): newest first).
    void setMails(const QList<OutboxMail> &mails);

    const Entry *entry(int row) const;
    qint64 mailId(int row) const;
    int rowOfMail(qint64 id) const;

    // "New ad to moderate" for "ad-submitted"; a key this version does not know, as it is.
    static QString kindText(const QString &key);
    // The creation time in local time, in the user's locale (French: "28/11/2023 17:40").
    static QString writtenText(const QDateTime &at);

private:
    QList<Entry> m_entries;
};

} // namespace Recup
