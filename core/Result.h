// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace Recup {

struct Error
{
    enum class Kind {
        Invalid,   // a field breaks a rule; fields says which
        NotFound,  // the row is gone or not visible
        Forbidden, // the lifecycle or the role refuses
        Conflict,  // someone saved first: the version moved on
        SchemaMissing,
        SchemaOlder,
        SchemaNewer,
        Connection, // cannot reach or log into the server
        Database    // anything else the driver said
    };
    Kind kind = Kind::Database;
    QString message; // translated, one sentence for the user
    QString detail;  // the driver's own text, for the log and the "details" button
    QList<std::pair<QString, QString>> fields; // field name -> translated message
};

// A value or an Error, in the spirit of std::expected (C++23).
template<typename T>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    // By value: a reference into a temporary Result would dangle in a range-for.
    T value() && { return std::move(*m_value); }
    const T &operator*() const & { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

// For operations that return nothing but can fail.
class Status
{
public:
    Status() = default;
    Status(Error error)
        : m_error(std::move(error))
        , m_failed(true)
    {}
    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace Recup
