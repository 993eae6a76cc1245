// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Recup {

// What became of one message handed to a transport.
struct SendResult
{
    enum class Status {
        Sent,
        TemporaryFailure, // try again later: 4xx, network down, timeout, disk full
        PermanentFailure  // sending it again as it is will fail again: 5xx, bad address
    };
    // Where it failed. Connection-wide stages (up to Authentication) say the settings or the
    // server are at fault, not this message: an outbox may keep such messages queued.
    enum class Stage {
        Composition, // the message itself (address, identity), before any network
        Connection,
        Tls,
        Greeting,
        Hello,
        Authentication,
        Sender,
        Recipient,
        Data,
        Storage, // the pickup folder
        Done
    };

    Status status = Status::TemporaryFailure;
    Stage stage = Stage::Connection;
    QString serverReply; // the server's own words ("550 5.1.1 <x@y>: User unknown"), if any
    QString message;     // translated, one sentence for the user or the log

    bool sent() const { return status == Status::Sent; }
    bool temporary() const { return status == Status::TemporaryFailure; }
    bool permanent() const { return status == Status::PermanentFailure; }
    // Failed before the message itself was looked at: settings, network, TLS or login.
    bool connectionWide() const
    {
        return stage == Stage::Connection || stage == Stage::Tls || stage == Stage::Greeting
               || stage == Stage::Hello || stage == Stage::Authentication;
    }
};

} // namespace Recup

Q_DECLARE_METATYPE(Recup::SendResult)
