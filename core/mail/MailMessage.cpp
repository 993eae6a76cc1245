// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/MailMessage.h"

#include <QSet>
#include <QUrl>
#include <QUuid>

namespace Recup {

namespace {

Error invalidAddress(const QString &field, const QString &address, const QString &message)
{
    Error error;
    error.kind = Error::Kind::Invalid;
    error.message = message;
    error.detail = address;
    error.fields.append({field, message});
    return error;
}

// RFC 5322 atext, minus nothing: the characters a dot-atom local part may hold.
bool isAtext(char16_t c)
{
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))
        return true;
    return QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(QChar(c));
}

bool isDotAtom(QStringView text)
{
    if (text.isEmpty() || text.startsWith(u'.') || text.endsWith(u'.') || text.contains(u".."))
        return false;
    for (QChar c : text) {
        if (c != u'.' && !isAtext(c.unicode()))
            return false;
    }
    return true;
}

bool isDomainLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > 63 || label.startsWith(u'-') || label.endsWith(u'-'))
        return false;
    for (QChar c : label) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
              || u == u'-'))
            return false;
    }
    return true;
}

} // namespace

Result<QString> MailAddress::validate(const QString &address, const QString &field)
{
    if (address.isEmpty())
        return invalidAddress(field, address, tr("The email address is empty."));
    for (QChar c : address) {
        if (c == u'\r' || c == u'\n')
            return invalidAddress(
                    field,
                    address,
                    tr("The email address %1 contains a line break.")
                            .arg(QString(address).replace(u'\r', u' ').replace(u'\n', u' ')));
        if (c.isSpace() || c.category() == QChar::Other_Control
            || c.category() == QChar::Other_Format)
            return invalidAddress(field,
                                  address,
                                  tr("The email address %1 contains a space or an "
                                     "invisible character.")
                                          .arg(address));
        if (QStringView(u"<>,;:\"()[]\\").contains(c))
            return invalidAddress(
                    field,
                    address,
                    tr("The email address %1 contains a character that is not allowed "
                       "(%2).")
                            .arg(address, c));
    }
    const qsizetype at = address.lastIndexOf(u'@');
    if (at <= 0 || at == address.size() - 1 || address.count(u'@') != 1)
        return invalidAddress(field,
                              address,
                              tr("%1 is not an email address of the form "
                                 "name@domain.")
                                      .arg(address));
    const QString local = address.left(at);
    if (!isDotAtom(local))
        return invalidAddress(field,
                              address,
                              tr("The part before the @ of %1 may only hold unaccented "
                                 "letters, digits, dots and the usual symbols.")
                                      .arg(address));
    if (local.size() > 64)
        return invalidAddress(
                field, address, tr("The part before the @ of %1 is too long.").arg(address));
    // Accented domains travel in their ASCII (IDNA) form.
    const QString domain = QString::fromLatin1(QUrl::toAce(address.mid(at + 1)));
    const QStringList labels = domain.split(u'.');
    bool domainOk = !domain.isEmpty() && domain.size() <= 253;
    for (const QString &label : labels)
        domainOk = domainOk && isDomainLabel(label);
    if (!domainOk)
        return invalidAddress(field,
                              address,
                              tr("The domain of the email address %1 is not valid.").arg(address));
    return QString(local + u'@' + domain);
}

void MailMessage::stamp(const QDateTime &now)
{
    if (messageId.isEmpty())
        messageId = newMessageId(from.address);
    if (!date.isValid())
        date = now;
}

QString MailMessage::newMessageId(const QString &fromAddress)
{
    QString domain = QStringLiteral("collectiv-recup.invalid");
    if (const Result<QString> valid = MailAddress::validate(fromAddress))
        domain = valid->mid(valid->lastIndexOf(u'@') + 1).toLower();
    const QString unique = QUuid::createUuid().toString(QUuid::Id128);
    return u'<' + unique + u'@' + domain + u'>';
}

QStringList MailMessage::envelopeRecipients() const
{
    QStringList recipients;
    QSet<QString> seen;
    for (const QList<MailAddress> *list : {&to, &cc}) {
        for (const MailAddress &mailbox : *list) {
            if (!seen.contains(mailbox.address.toLower())) {
                seen.insert(mailbox.address.toLower());
                recipients.append(mailbox.address);
            }
        }
    }
    return recipients;
}

} // namespace Recup
