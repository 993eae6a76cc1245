// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFlags>
#include <QString>

#include <optional>

namespace Recup {

struct Organisation
{
    qint64 id = 0;
    QString code;
    QString name;
};

struct Service
{
    qint64 id = 0;
    qint64 organisationId = 0;
    QString code;
    QString name;
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

    bool isStore() const { return storeServiceId != 0; }
};

// The product families of the yearly reuse declaration (loi AGEC art. 58, décret 2024-134).
enum class ProductFamily { Seats, Tables, Desks, Storage, Other };
QString productFamilyKey(ProductFamily family); // "seats", as stored
std::optional<ProductFamily> productFamilyFromKey(const QString &key);

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
};

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
};

} // namespace Recup
