// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "moderator/FailedMailsModel.h"
#include "common/Look.h"

#include "mail/MailHeaders.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace Recup {

FailedMailsModel::FailedMailsModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int FailedMailsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int FailedMailsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FailedMailsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const OutboxMail &mail = entry.mail;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case WrittenColumn:
            return writtenText(mail.createdAt);
        case KindColumn:
            return kindText(mail.kind);
        case SubjectColumn:
            return entry.subject.isEmpty() ? tr("(no subject)") : entry.subject;
        case RecipientsColumn:
            return mail.recipients.join(QLatin1String(", "));
        case AttemptsColumn:
            return mail.attempts;
        case ErrorColumn:
            // One line in the table; the detail shows the server's words in full.
            return mail.lastError.simplified();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (column) {
        case WrittenColumn:
            return QLocale().toString(mail.createdAt.toLocalTime(), QLocale::LongFormat);
        case SubjectColumn:
            return entry.subject;
        case RecipientsColumn: {
            QStringList lines;
            if (!entry.to.isEmpty())
                lines.append(tr("To: %1").arg(entry.to));
            if (!entry.cc.isEmpty())
                lines.append(tr("Cc: %1").arg(entry.cc));
            return lines.isEmpty() ? mail.recipients.join(QLatin1String(", ")) : lines.join(u'\n');
        }
        case ErrorColumn:
            return mail.lastError;
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (column == AttemptsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (column == SubjectColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == ErrorColumn)
            return QBrush(Look::toneText(QGuiApplication::palette(),
                                         Look::Tone::Danger)); // the same red as the error bar
        return {};
    case MailIdRole:
        return mail.id;
    case KindKeyRole:
        return mail.kind;
    case WrittenAtRole:
        return mail.createdAt;
    default:
        return {};
    }
}

QVariant FailedMailsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case WrittenColumn:
        return tr("Written");
    case KindColumn:
        return tr("Kind");
    case SubjectColumn:
        return tr("Subject");
    case RecipientsColumn:
        return tr("Recipients");
    case AttemptsColumn:
        return tr("Attempts");
    case ErrorColumn:
        return tr("Server's answer");
    default:
        return {};
    }
}

void FailedMailsModel::setMails(const QList<OutboxMail> &mails)
{
    beginResetModel();
    m_entries.clear();
    m_entries.reserve(mails.size());
    for (const OutboxMail &mail : mails) {
        const MailHeaders headers(mail.rfc5322);
        m_entries.append({mail, headers.subject(), headers.to(), headers.cc()});
    }
    endResetModel();
}

const FailedMailsModel::Entry *FailedMailsModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

qint64 FailedMailsModel::mailId(int row) const
{
    const Entry *found = entry(row);
    return found ? found->mail.id : 0;
}

int FailedMailsModel::rowOfMail(qint64 id) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).mail.id == id)
            return row;
    }
    return -1;
}

QString FailedMailsModel::kindText(const QString &key)
{
    if (key == QLatin1String("contact"))
        return tr("Contact about an ad");
    if (key == QLatin1String("ad-submitted"))
        return tr("New ad to moderate");
    if (key == QLatin1String("ad-approved"))
        return tr("Ad approved");
    if (key == QLatin1String("ad-rejected"))
        return tr("Ad rejected");
    if (key == QLatin1String("expiry-reminder"))
        return tr("Expiry reminder");
    if (key == QLatin1String("wanted-match"))
        return tr("Ad matching a search");
    if (key == QLatin1String("pickup-planned"))
        return tr("Pickup planned");
    if (key == QLatin1String("pickup-done"))
        return tr("Pickup done");
    if (key == QLatin1String("ad-removed"))
        return tr("Ad removed by a moderator");
    return key; // written by a newer version: its key is still better than nothing
}

QString FailedMailsModel::writtenText(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

} // namespace Recup
