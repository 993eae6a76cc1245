// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mail/MailTemplates.h"

#include <QFile>
#include <QRegularExpression>

namespace Recup {

namespace {

struct KindInfo
{
    MailKind kind;
    const char *key;
};

constexpr KindInfo Kinds[] = {
        {MailKind::Contact, "contact"},
        {MailKind::AdSubmitted, "ad-submitted"},
        {MailKind::AdApproved, "ad-approved"},
        {MailKind::AdRejected, "ad-rejected"},
        {MailKind::ExpiryReminder, "expiry-reminder"},
        {MailKind::WantedMatch, "wanted-match"},
        {MailKind::PickupPlanned, "pickup-planned"},
        {MailKind::PickupDone, "pickup-done"},
        {MailKind::AdRemoved, "ad-removed"},
        {MailKind::WantedAnswer, "wanted-answer"},
};

const QRegularExpression &placeholder()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{([A-Za-z][A-Za-z0-9]*)(\\?"
                                                      "?)\\}\\}"));
    return re;
}

QString readTemplate(const QString &name)
{
    QFile file(QStringLiteral(":/mail/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

enum class Escape { Text, Html };

QString escaped(const QString &value, Escape escape)
{
    if (escape == Escape::Text)
        return value;
    QString html = value.toHtmlEscaped();
    html.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    html.replace(u'\n', QStringLiteral("<br>\n"));
    return html;
}

// One pass over the template: values are inserted, never scanned again.
QString fill(const QString &templ,
             const QHash<QString, QString> &fields,
             Escape escape,
             QStringList *missing)
{
    QString out;
    const QStringList lines = templ.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        QString filled;
        qsizetype last = 0;
        bool dropLine = false;
        auto it = placeholder().globalMatch(line);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            const QString name = m.captured(1);
            const bool optional = !m.captured(2).isEmpty();
            filled += QStringView(line).mid(last, m.capturedStart() - last);
            last = m.capturedEnd();
            const auto found = fields.constFind(name);
            if (found == fields.constEnd()) {
                if (!missing->contains(name))
                    missing->append(name);
                continue;
            }
            if (optional && found->trimmed().isEmpty())
                dropLine = true;
            filled += escaped(*found, escape);
        }
        filled += QStringView(line).mid(last);
        if (dropLine)
            continue;
        out += filled;
        if (i + 1 < lines.size())
            out += u'\n';
    }
    return out;
}

} // namespace

QString toKey(MailKind kind)
{
    for (const KindInfo &info : Kinds) {
        if (info.kind == kind)
            return QString::fromLatin1(info.key);
    }
    return {};
}

std::optional<MailKind> mailKindFromKey(const QString &key)
{
    for (const KindInfo &info : Kinds) {
        if (key == QLatin1String(info.key))
            return info.kind;
    }
    return std::nullopt;
}

QStringList MailTemplates::fieldNames(MailKind kind)
{
    QStringList names{QStringLiteral("appName")};
    const QStringList files{toKey(kind) + QStringLiteral(".txt"),
                            toKey(kind) + QStringLiteral(".html")};
    for (const QString &file : files) {
        auto it = placeholder().globalMatch(readTemplate(file));
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            if (!names.contains(name))
                names.append(name);
        }
    }
    return names;
}

Result<MailContent> MailTemplates::render(MailKind kind, const QHash<QString, QString> &given)
{
    const QString key = toKey(kind);
    const QString text = readTemplate(key + QStringLiteral(".txt"));
    const QString html = readTemplate(key + QStringLiteral(".html"));
    const QString layout = readTemplate(QStringLiteral("layout.html"));
    if (text.isEmpty() || html.isEmpty() || layout.isEmpty())
        return Error{Error::Kind::Invalid,
                     tr("The mail template \"%1\" is missing from this installation.").arg(key),
                     {},
                     {}};

    QHash<QString, QString> fields = given;
    if (!fields.contains(QStringLiteral("appName")))
        fields.insert(QStringLiteral("appName"), QStringLiteral("Collectiv'Récup"));

    QStringList missing;
    const qsizetype subjectEnd = text.indexOf(u'\n');
    MailContent content;
    // The subject is one line: a line break typed into a title becomes a space.
    QHash<QString, QString> oneLine = fields;
    for (auto it = oneLine.begin(); it != oneLine.end(); ++it)
        it.value() = it.value().simplified();
    content.subject = fill(text.left(subjectEnd), oneLine, Escape::Text, &missing).trimmed();
    QString body = text.mid(subjectEnd + 1);
    while (body.startsWith(u'\n'))
        body.remove(0, 1);
    content.text = fill(body, fields, Escape::Text, &missing);

    const QString htmlBody = fill(html, fields, Escape::Html, &missing);
    // The body is HTML already: a marker no escaping touches takes its place, then the body.
    const QString bodyMarker = QStringLiteral("\x01body\x01");
    const QHash<QString, QString> frame{
            {QStringLiteral("appName"), fields.value(QStringLiteral("appName"))},
            {QStringLiteral("subject"), content.subject},
            {QStringLiteral("body"), bodyMarker}};
    content.html = fill(layout, frame, Escape::Html, &missing).replace(bodyMarker, htmlBody);

    if (!missing.isEmpty())
        return Error{Error::Kind::Invalid,
                     tr("The mail \"%1\" lacks: %2.").arg(key, missing.join(QStringLiteral(", "))),
                     {},
                     {}};
    return content;
}

} // namespace Recup
