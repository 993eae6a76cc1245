// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/OutboxMail.h"

namespace Recup {

QString toKey(OutboxMail::State state)
{
    switch (state) {
    case OutboxMail::State::Queued:
        return QStringLiteral("queued");
    case OutboxMail::State::Sending:
        return QStringLiteral("sending");
    case OutboxMail::State::Sent:
        return QStringLiteral("sent");
    case OutboxMail::State::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("queued");
}

QString comparedAddress(const QString &line)
{
    const auto blank = [](QChar c) {
        return c == u' ' || c == u'\t' || c == u'\r';
    };
    qsizetype from = 0, to = line.size();
    while (from < to && blank(line.at(from)))
        ++from;
    while (to > from && blank(line.at(to - 1)))
        --to;
    return line.mid(from, to - from).toLower();
}

AddressShare addressShare(const QString &recipients, const QString &email)
{
    if (email.isEmpty())
        return AddressShare::None;
    int theirs = 0, others = 0;
    for (const QString &line : recipients.split(u'\n')) {
        const QString address = comparedAddress(line);
        if (address == email)
            ++theirs;
        else if (!address.isEmpty())
            ++others;
    }
    if (theirs == 0)
        return AddressShare::None;
    // Exactly their one line, as the database compares the arrays.
    return theirs == 1 && others == 0 ? AddressShare::Alone : AddressShare::Among;
}

} // namespace Recup
