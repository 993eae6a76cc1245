// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/AdminOutput.h"

#include "domain/UserText.h"

namespace Recup::AdminOutput {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

void printError(const QString &line)
{
    err() << QStringLiteral("collectiv-recup-admin: ") << UserText::printable(line) << Qt::endl;
}

int fail(const Error &error)
{
    printError(error.detail.isEmpty()
                       ? error.message
                       : error.message + QStringLiteral(" (") + error.detail.simplified() + u')');
    return Failure;
}

int usage(const QString &message)
{
    printError(message);
    return Usage;
}

} // namespace Recup::AdminOutput
