// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mail/MailMessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <utility>

namespace Recup {

// The header fields of a stored RFC 5322 message, read back for people: fields unfolded,
// RFC 2047 encoded words ("B" and "Q"; UTF-8, ISO-8859-1, ISO-8859-15, Windows-1252, ASCII)
// decoded, and whatever could break a line or a table cell (CR, LF, other controls) turned
// into single spaces. Reads what MimeWriter writes and what ordinary mail programs write;
// never fails: a malformed field reads as its raw text.
class MailHeaders
{
public:
    MailHeaders() = default;
    // Reads the header block: everything up to the first empty line (CRLF or bare LF).
    explicit MailHeaders(const QByteArray &message);

    bool isEmpty() const { return m_fields.isEmpty(); }
    bool contains(QByteArrayView name) const;
    // The first field of that name (case-insensitive), unfolded and decoded; empty if absent.
    QString value(QByteArrayView name) const;
    // The first field of that name, unfolded, as it is on the wire (encoded words kept).
    QByteArray rawValue(QByteArrayView name) const;

    QString subject() const { return value("Subject"); }
    // "Marie Dupont <mdupont@agglo.test>, Claire Bernard <cbernard@agglo.test>"
    QString to() const { return value("To"); }
    QString cc() const { return value("Cc"); }
    // The mailboxes of an address field (To, Cc, From, Reply-To), display names decoded and
    // unquoted; group names are dropped, their members kept.
    QList<MailAddress> mailboxes(QByteArrayView name) const;

    // Where the body starts in the message read (its size when there is no body).
    qsizetype bodyOffset() const { return m_bodyOffset; }

    // The building blocks, public for the tests.
    // RFC 2047 decoding of an unfolded field body; white space between two adjacent encoded
    // words is dropped, bytes of adjacent words in one charset are decoded together (so a
    // character split across two words survives). Text outside encoded words is read as UTF-8
    // (RFC 6532) or, when it is not valid UTF-8, as ISO-8859-1.
    static QString decodeWords(QByteArrayView text);
    // Bytes in a MIME charset as text. For a charset this reader does not know, *known
    // (when given) is set to false and the bytes are read as UTF-8 or ISO-8859-1.
    static QString
    decodeCharset(QByteArrayView bytes, QByteArrayView charset, bool *known = nullptr);
    // The text/plain part of a message (the message itself when it is text/plain), with its
    // transfer encoding (quoted-printable, base64) and charset decoded, line ends as "\n".
    // Empty when the message has no such part.
    static QString plainTextBody(const QByteArray &message);
    // The same for the text/html part.
    static QString htmlBody(const QByteArray &message);

private:
    QList<std::pair<QByteArray, QByteArray>> m_fields; // name, unfolded raw value
    qsizetype m_bodyOffset = 0;
};

} // namespace Recup
