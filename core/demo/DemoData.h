// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Recup {

class Database;

// Fills an empty database with the demo of sql/demo/demo-data.json: two organisations, their
// services, sites, categories and agents, ads in every state, and the platform's history: the
// ads closed month by month since its launch, eighteen months before `now`. Each ad is written
// as a draft and then moved through the real lifecycle, with its actors and times placed in the
// past, so that its history tells a true story. Then what the agents' week adds: wanted ads
// with their alerts, contact requests with their mails in the outbox (the app sends them at its
// start, as .eml files in the demo), and lots split between the services that asked.
class DemoData
{
    Q_DECLARE_TR_FUNCTIONS(DemoData)
public:
    // The JSON, compiled in as a resource.
    static QString resourcePath();

    // Refused when the database already holds data: the repositories commit each ad on its own,
    // so seeding cannot be one transaction, and it never runs twice on the same database.
    // The whole file is checked before the first row is written.
    static Status seed(Database &db, const QDateTime &now = QDateTime::currentDateTimeUtc());

    // True when any organisation exists.
    static bool hasData(Database &db);
};

} // namespace Recup
