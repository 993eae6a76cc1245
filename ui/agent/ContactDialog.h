// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actions/ContactRequests.h"
#include "domain/Reference.h"
#include "mail/MailSettings.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Recup {

class Database;
class MessageBar;

// What an agent writes when they click Contact on an ad, or answer a wanted ad: the service
// that would receive (or give) the items, their own by default, and a message. Sending records
// the request and writes the mail to the poster (the searcher), moderators in copy, in one
// transaction; the mail goes out right after. A refused request keeps everything typed and
// says why next to the field.
class ContactDialog : public QDialog
{
    Q_OBJECT
public:
    ContactDialog(Database &db,
                  const Agent &requester,
                  const ContactTarget &target,
                  const QString &title,
                  const QString &personText, // "Marie Dupont, Collecte des déchets"
                  const MailSettings &mail,
                  QWidget *parent = nullptr);
    ContactDialog(Database &db,
                  const Agent &requester,
                  qint64 adId,
                  const QString &adTitle,
                  const QString &posterText,
                  const MailSettings &mail,
                  QWidget *parent = nullptr)
        : ContactDialog(db, requester, ContactTarget::ad(adId), adTitle, posterText, mail, parent)
    {}

    const ContactTarget &target() const { return m_target; }

    QString message() const;
    qint64 requestingServiceId() const;
    const ContactRequest &request() const { return m_request; }

signals:
    void contactSent(const Recup::ContactRequest &request);

public slots:
    // Sends the request; stays open with the reason when refused.
    bool send();

private:
    void showFieldError(const QString &field, const QString &message);

    Database &m_db;
    Agent m_requester;
    ContactTarget m_target;
    MailSettings m_mail;
    ContactRequest m_request;

    QComboBox *m_service = nullptr;
    QPlainTextEdit *m_message = nullptr;
    QLabel *m_counter = nullptr;
    QLabel *m_serviceError = nullptr;
    QLabel *m_messageError = nullptr;
    MessageBar *m_messageBar = nullptr;
    QPushButton *m_sendButton = nullptr;
};

} // namespace Recup
