// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/SmtpReplyReader.h"

#include <cctype>
#include <utility>

namespace Recup {

void SmtpReplyReader::feed(const QByteArray &bytes)
{
    if (m_state != State::Reading)
        return;
    m_buffer += bytes;
}

bool SmtpReplyReader::next(Reply *reply)
{
    while (m_state == State::Reading) {
        const qsizetype end = m_buffer.indexOf('\n');
        if (end < 0) {
            if (m_buffer.size() > MaxBuffer)
                m_state = State::TooLong;
            return false;
        }
        QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        const bool wellFormed = line.size() >= 3 && std::isdigit(uchar(line[0]))
                                && std::isdigit(uchar(line[1])) && std::isdigit(uchar(line[2]))
                                && (line.size() == 3 || line[3] == ' ' || line[3] == '-');
        if (!wellFormed) {
            m_state = State::Malformed;
            m_badLine = line;
            return false;
        }
        m_lines.append(QString::fromUtf8(line));
        if (line.size() > 3 && line[3] == '-') {
            if (m_lines.size() > 1000) { // a reply of a thousand lines is no reply
                m_state = State::TooLong;
                return false;
            }
            continue; // more lines of the same reply follow
        }
        reply->code = line.left(3).toInt();
        reply->lines = std::exchange(m_lines, {});
        return true;
    }
    return false;
}

void SmtpReplyReader::clear()
{
    m_buffer.clear();
    m_lines.clear();
    m_badLine.clear();
    m_state = State::Reading;
}

} // namespace Recup
