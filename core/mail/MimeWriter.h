// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "domain/OutboxMail.h"
#include "mail/MailMessage.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Recup {

// Writes a MailMessage as RFC 5322 / MIME bytes: UTF-8 text, RFC 2047 encoded words for
// subjects and names, quoted-printable (or base64) bodies, multipart/alternative when there
// is an HTML body. Nothing a user typed can start a header: line breaks in header text become
// spaces and addresses are validated. Rendering the same message twice gives the same bytes.
class MimeWriter
{
    Q_DECLARE_TR_FUNCTIONS(MimeWriter)
public:
    enum class BodyEncoding { QuotedPrintable, Base64 };

    static constexpr int MaxHeaderLine = 78;  // RFC 5322 "SHOULD", without CRLF
    static constexpr int MaxEncodedWord = 75; // RFC 2047
    static constexpr int MaxBodyLine = 76;    // RFC 2045, quoted-printable and base64

    explicit MimeWriter(BodyEncoding encoding = BodyEncoding::QuotedPrintable)
        : m_encoding(encoding)
    {}

    // Fails (Error::Kind::Invalid, with the field) on a bad address, no recipient, or a
    // message that was never stamp()ed.
    Result<RenderedMail> render(const MailMessage &message) const;
    Result<QByteArray> write(const MailMessage &message) const;

    // The building blocks, public for the tests.
    // Header text as it may appear on one logical line: line breaks, tabs and other control
    // or separator characters become single spaces; leading/trailing spaces are dropped.
    static QString sanitizeHeaderText(const QString &text);
    // "Tue, 28 Nov 2023 17:40:05 +0100", English names whatever the locale.
    static QByteArray formatDate(const QDateTime &date);
    // "Name: value" folded at MaxHeaderLine, with CRLF; non-ASCII text as encoded words.
    static QByteArray unstructuredHeader(const QByteArray &name, const QString &value);
    static QByteArray addressHeader(const QByteArray &name, const QList<MailAddress> &mailboxes);
    // Text with any line ending, as quoted-printable lines (CRLF) of at most MaxBodyLine.
    static QByteArray quotedPrintable(const QString &text);
    static QByteArray base64Lines(const QString &text);

private:
    QByteArray bodyPart(const QByteArray &mimeType, const QString &text) const;

    BodyEncoding m_encoding;
};

} // namespace Recup
