// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFlags>
#include <QString>
#include <QStringList>

#include <optional>

namespace Recup {

// Reference rows are deactivated, never deleted (ads and figures point at them), and carry a
// version that every update moves by one: an editor saves only over the version it read
// (migration 016).
struct Organisation
{
    qint64 id = 0;
    QString code;
    QString name;
    bool active = true;
    qint64 version = 1;
};

struct Service
{
    qint64 id = 0;
    qint64 organisationId = 0;
    QString code;
    QString name;
    bool active = true; // an inactive service takes no new agent nor exchange
    qint64 version = 1;
};

struct Site
{
    qint64 id = 0;
    qint64 organisationId = 0;
    QString code;
    QString name;
    QString address;
    QString postalCode;
    QString city;
    bool active = true; // a closed site takes no new transport (migration 014)
    // A general store (migration 015): the service that keeps it, and the agent of that
    // service who holds the items stored there. Both or neither.
    qint64 storeServiceId = 0;
    qint64 storeKeeperId = 0;
    qint64 version = 1;

    bool isStore() const { return storeServiceId != 0; }
};

// The product families of the yearly reuse declaration (loi AGEC art. 58, décret 2024-134).
enum class ProductFamily { Seats, Tables, Desks, Storage, Other };
QString productFamilyKey(ProductFamily family); // "seats", as stored
std::optional<ProductFamily> productFamilyFromKey(const QString &key);

// Warning words as stored: separated by commas (or semicolons, or lines), blanks dropped.
QStringList splitWarningWords(const QString &stored);
QString joinWarningWords(const QStringList &words);

struct Category
{
    qint64 id = 0;
    QString code;
    QString name;
    qint64 defaultUnitWeightGrams = 0;
    bool excluded = false;
    QString excludedMessage; // shown when someone picks an excluded category
    int expiryDays = 60;
    // Grams of CO2e avoided per kilogram reused, and where that factor comes from (shown with
    // every figure that uses it). Empty: no factor known.
    std::optional<int> co2eGramsPerKg;
    QString co2eSource;
    ProductFamily family = ProductFamily::Other;
    bool active = true; // an inactive category takes no new ad
    // Words that suggest this (excluded) category when found in an ad's title or description:
    // « ordinateur », « écran »… The moderators see a warning.
    QStringList warningWords{};
    qint64 version = 1;
};

// The warning words of `category` found in `text`, as the category spells them; case, accents
// and a plural ending aside: « ÉCRANS » finds « écran ». Whole words only (« écran » is not in
// « écrantage »).
QStringList warningWordsFound(const Category &category, const QString &text);

enum class Role { Agent = 0x1, Moderator = 0x2, Logistics = 0x4, Admin = 0x8 };
Q_DECLARE_FLAGS(Roles, Role)
Q_DECLARE_OPERATORS_FOR_FLAGS(Roles)

struct Agent
{
    qint64 id = 0;
    QString login; // also the PostgreSQL role name
    QString displayName;
    QString email;
    QString phone;
    qint64 serviceId = 0;
    Roles roles = Role::Agent;
    bool active = true;
    qint64 version = 1;
};

// A rejection reason the moderators keep, to pick and complete (migration 016).
struct RejectionTemplate
{
    qint64 id = 0;
    QString title;
    QString body;
    int position = 0;
    bool active = true;
    qint64 version = 1;
};

} // namespace Recup
