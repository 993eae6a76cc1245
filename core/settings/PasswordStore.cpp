// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/PasswordStore.h"

#include <QTimer>

#include <qt6keychain/keychain.h>

namespace Recup {

namespace {

// Jobs have no parent: a write started just before the login dialog closes still finishes.
template<typename JobType>
JobType *newJob(const QString &service, const QString &key)
{
    auto *job = new JobType(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a password in a settings file
    job->setKey(key);
    return job;
}

} // namespace

PasswordStore::PasswordStore(QObject *parent)
    : PasswordStore(QStringLiteral("Collectiv'Récup"), parent)
{}

PasswordStore::PasswordStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

PasswordStore::~PasswordStore() = default;

QString PasswordStore::entryKey(const QString &profile, const QString &user)
{
    return profile + u'/' + user;
}

void PasswordStore::probe()
{
    if (m_probed || m_probing)
        return;
    m_probing = true;
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, QStringLiteral("availability-probe"));
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *done) {
        m_probing = false;
        switch (done->error()) {
        case QKeychain::NoError:
        case QKeychain::EntryNotFound:
        case QKeychain::AccessDeniedByUser: // the safe is there; the person said no this time
            setAvailability(true, {});
            break;
        default:
            setAvailability(false, done->errorString());
            break;
        }
    });
    job->start();
}

void PasswordStore::read(const QString &profile, const QString &user)
{
    probe();
    if (m_probed && !m_available) {
        QTimer::singleShot(
                0, this, [this, profile, user] { emit passwordNotFound(profile, user); });
        return;
    }
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, entryKey(profile, user));
    connect(job, &QKeychain::Job::finished, this, [this, profile, user](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError) {
            setAvailability(true, {});
            emit passwordRead(
                    profile, user, static_cast<QKeychain::ReadPasswordJob *>(done)->textData());
            return;
        }
        noteFailure(done);
        emit passwordNotFound(profile, user);
    });
    job->start();
}

void PasswordStore::write(const QString &profile, const QString &user, const QString &password)
{
    probe();
    if (m_probed && !m_available) {
        QTimer::singleShot(
                0, this, [this, profile, user] { emit passwordWritten(profile, user, false); });
        return;
    }
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, entryKey(profile, user));
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, profile, user](QKeychain::Job *done) {
        const bool stored = done->error() == QKeychain::NoError;
        if (stored)
            setAvailability(true, {});
        else
            noteFailure(done);
        emit passwordWritten(profile, user, stored);
    });
    job->start();
}

void PasswordStore::remove(const QString &profile, const QString &user)
{
    probe();
    if (m_probed && !m_available) {
        QTimer::singleShot(0, this, [this, profile, user] { emit passwordRemoved(profile, user); });
        return;
    }
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, entryKey(profile, user));
    connect(job, &QKeychain::Job::finished, this, [this, profile, user](QKeychain::Job *done) {
        if (done->error() != QKeychain::EntryNotFound)
            noteFailure(done);
        emit passwordRemoved(profile, user);
    });
    job->start();
}

bool PasswordStore::noteFailure(QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::CouldNotDeleteEntry:
        return false;
    default:
        qWarning("Collectiv'Récup: the password safe did not answer: %s",
                 qPrintable(job->errorString()));
        setAvailability(false, job->errorString());
        return true;
    }
}

void PasswordStore::setAvailability(bool available, const QString &detail)
{
    const bool changed = !m_probed || m_available != available;
    m_probed = true;
    m_available = available;
    m_detail = detail;
    m_reason = available ? QString()
                         : tr("No password safe on this computer: the password cannot be "
                              "remembered and will be asked each time.");
    if (changed)
        emit availabilityKnown(available);
}

} // namespace Recup
