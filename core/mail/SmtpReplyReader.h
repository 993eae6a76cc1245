// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace Recup {

// Cuts what an SMTP server sends into replies (RFC 5321 §4.2): lines of a three-digit code,
// '-' between the lines of one reply, ' ' (or nothing) after its last. No network here: the
// client feeds it the bytes it read, which keeps it testable and fuzzable alone.
class SmtpReplyReader
{
public:
    // A reply buffered without an end of line beyond this is refused.
    static constexpr qsizetype MaxBuffer = 64 * 1024;

    struct Reply
    {
        int code = 0;
        QStringList lines; // each line whole, code included, as the server wrote it
    };

    enum class State { Reading, Malformed, TooLong };

    // Adds bytes; complete replies are then taken with next().
    void feed(const QByteArray &bytes);
    // The next complete reply, if any. Once the state is not Reading, there is none.
    bool next(Reply *reply);
    State state() const { return m_state; }
    // The line that was not understood (Malformed).
    const QByteArray &badLine() const { return m_badLine; }
    // Forgets everything (a new session, or a TLS handshake: what came before is dropped).
    void clear();

private:
    QByteArray m_buffer;
    QStringList m_lines;
    QByteArray m_badLine;
    State m_state = State::Reading;
};

} // namespace Recup
