// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Pickup.h"
#include "domain/Reference.h"
#include "lifecycle/AdRules.h"

#include <QDate>
#include <QHash>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Recup {

// What a transport request says, as a form: where the item leaves from and where it goes (an
// active site, a room, the person to ask there and their phone), the day wished, notes. Used
// by the owner's close dialog and the moderators' « Demander un transport… ». Refusals show
// under their field ("fromSite", "fromRoom", "fromContact", "fromPhone", the same from "to",
// "wishedDate", "notes"), as in the ad editor.
class TransportFields : public QWidget
{
    Q_OBJECT
public:
    // `sites`: the reference cache's; closed ones are not offered. `today`: the platform's day.
    TransportFields(const QList<Site> &sites, const QDate &today, QWidget *parent = nullptr);

    // The reference cache read again: the sites chosen stay chosen while still active.
    void setSites(const QList<Site> &sites);
    void setFrom(const PickupEnd &end);
    void setTo(const PickupEnd &end);
    // The arrival offers the sites of the receiving service's organisation first, and picks
    // the only one when it has a single active site and none is chosen yet.
    void suggestDestination(qint64 organisationId);
    // The arrival offers the general stores only (an item sent to the store); when there is
    // one, it is chosen.
    void setStoresOnly(bool storesOnly);
    void setWishedDate(const QDate &day);
    void setNotes(const QString &notes);
    // The last field Tab reaches, for a dialog's buttons to come after it.
    QWidget *lastField() const;

    PickupRequest request() const;
    // The sites offered at each end, in order (active ones only).
    QList<qint64> offeredSiteIds() const;

    // The refusals of what is typed, before anything is asked of the database.
    QList<FieldError> check() const;
    // Shows `message` under `field`; false when the field is not one of these.
    bool showError(const QString &field, const QString &message);
    void clearErrors();
    // The refusal under a field, or "".
    QString fieldError(const QString &field) const;
    // The widget of a field, to give it the focus.
    QWidget *fieldWidget(const QString &field) const;

    // The next working day after `today` (isWorkingDay()): the default wished day.
    static QDate nextWorkingDay(const QDate &today);

private:
    struct EndFields
    {
        QComboBox *site = nullptr;
        QLineEdit *room = nullptr;
        QLineEdit *contact = nullptr;
        QLineEdit *phone = nullptr;
    };
    // The labels of one end's rows, each with its own Alt+letter (the two ends are shown at once).
    struct EndLabels
    {
        QString site;
        QString room;
        QString contact;
        QString phone;
    };
    QGroupBox *buildEndBox(const QString &title,
                           const QString &prefix,
                           const EndLabels &labels,
                           EndFields &fields);
    QWidget *buildWhenRow();
    QWidget *buildNotesRow();
    // A field with its refusal under it.
    QWidget *withError(QWidget *field, const QString &name);
    void fillSites(QComboBox *box, qint64 firstOrganisation, bool storesOnly = false);
    void setEnd(EndFields &fields, const PickupEnd &end);
    static PickupEnd endOf(const EndFields &fields);

    QList<Site> m_sites; // active ones, by name
    qint64 m_destinationOrganisation = 0;
    bool m_storesOnly = false;
    QDate m_today;
    EndFields m_from;
    EndFields m_to;
    QDateEdit *m_wished = nullptr;
    QLabel *m_wishedDay = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QHash<QString, QLabel *> m_errors;
};

} // namespace Recup
