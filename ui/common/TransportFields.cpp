// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/TransportFields.h"

#include "common/Look.h"
#include "domain/PlatformTime.h"
#include "storage/PickupRepository.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace Recup {

TransportFields::TransportFields(const QList<Site> &sites, const QDate &today, QWidget *parent)
    : QWidget(parent)
    , m_today(today)
{
    setObjectName(QStringLiteral("transportFields"));
    auto *ends = new QHBoxLayout;
    ends->addWidget(buildEndBox(tr("From"),
                                QStringLiteral("from"),
                                {tr("&Site"), tr("Roo&m"), tr("&Contact"), tr("&Phone")},
                                m_from));
    ends->addWidget(buildEndBox(tr("To"),
                                QStringLiteral("to"),
                                {tr("S&ite"), tr("R&oom"), tr("Co&ntact"), tr("P&hone")},
                                m_to));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(ends);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Wished day"), buildWhenRow());
    form->addRow(tr("Instr&uctions"), buildNotesRow());
    layout->addLayout(form);
    setSites(sites);
}

QWidget *TransportFields::lastField() const
{
    return m_notes;
}

void TransportFields::setSites(const QList<Site> &sites)
{
    m_sites.clear();
    for (const Site &site : sites) {
        if (site.active) // a closed site takes no new transport
            m_sites.append(site);
    }
    std::sort(m_sites.begin(), m_sites.end(), [](const Site &a, const Site &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    fillSites(m_from.site, 0);
    fillSites(m_to.site, m_destinationOrganisation, m_storesOnly);
}

void TransportFields::setStoresOnly(bool storesOnly)
{
    m_storesOnly = storesOnly;
    fillSites(m_to.site, m_destinationOrganisation, m_storesOnly);
    if (storesOnly && m_to.site->count() == 2) // "Choose a site…" and the one store
        m_to.site->setCurrentIndex(1);
}

QGroupBox *TransportFields::buildEndBox(const QString &title,
                                        const QString &prefix,
                                        const EndLabels &labels,
                                        EndFields &fields)
{
    auto *box = new QGroupBox(title, this);
    box->setObjectName(prefix + QStringLiteral("Box"));
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    // No maxLength: it would cut a paste silently; PickupRepository::check says the limit.
    auto line = [&](const QString &name, const QString &accessible) {
        auto *edit = new QLineEdit(box);
        edit->setObjectName(prefix + name);
        edit->setAccessibleName(accessible);
        return edit;
    };
    fields.site = new QComboBox(box);
    fields.site->setObjectName(prefix + QStringLiteral("Site"));
    fields.site->setAccessibleName(tr("%1: site").arg(title));
    fields.site->setMinimumContentsLength(16);
    fields.site->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    fields.site->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    fields.room = line(QStringLiteral("Room"), tr("%1: building and room").arg(title));
    fields.room->setPlaceholderText(tr("Building, floor, room"));
    fields.contact = line(QStringLiteral("Contact"), tr("%1: person to ask").arg(title));
    fields.contact->setPlaceholderText(tr("First and last name"));
    fields.phone = line(QStringLiteral("Phone"), tr("%1: phone").arg(title));
    fields.phone->setPlaceholderText(tr("Desk or mobile"));
    form->addRow(labels.site, withError(fields.site, prefix + QStringLiteral("Site")));
    form->addRow(labels.room, withError(fields.room, fields.room->objectName()));
    form->addRow(labels.contact, withError(fields.contact, fields.contact->objectName()));
    form->addRow(labels.phone, withError(fields.phone, fields.phone->objectName()));
    for (QLineEdit *edit : {fields.room, fields.contact, fields.phone}) {
        connect(edit, &QLineEdit::textEdited, this, [this, edit] {
            m_errors.value(edit->objectName())->hide();
        });
    }
    const QString siteField = prefix + QStringLiteral("Site");
    connect(fields.site, &QComboBox::currentIndexChanged, this, [this, siteField] {
        m_errors.value(siteField)->hide();
    });
    return box;
}

QWidget *TransportFields::buildWhenRow()
{
    m_wished = new QDateEdit(nextWorkingDay(m_today), this);
    m_wished->setObjectName(QStringLiteral("wishedDate"));
    m_wished->setAccessibleName(tr("Wished day"));
    m_wished->setCalendarPopup(true);
    QString format = locale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy")); // no century to guess
    m_wished->setDisplayFormat(format);
    m_wishedDay = new QLabel(this);
    m_wishedDay->setObjectName(QStringLiteral("wishedDay"));
    Look::makeSecondary(m_wishedDay);
    // The weekday in words: a transport on a Saturday should not go unnoticed.
    auto sayDay = [this] {
        m_wishedDay->setText(locale().toString(m_wished->date(), QStringLiteral("dddd")));
        m_errors.value(QStringLiteral("wishedDate"))->hide();
    };
    auto *row = new QWidget(this);
    auto *line = new QHBoxLayout(row);
    line->setContentsMargins(0, 0, 0, 0);
    line->addWidget(m_wished);
    line->addWidget(m_wishedDay, 1);
    QWidget *field = withError(row, QStringLiteral("wishedDate"));
    connect(m_wished, &QDateEdit::dateChanged, this, sayDay);
    sayDay();
    return field;
}

QWidget *TransportFields::buildNotesRow()
{
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("transportNotes"));
    m_notes->setAccessibleName(tr("Notes for the logistics service"));
    m_notes->setTabChangesFocus(true);
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 3 + 12);
    m_notes->setPlaceholderText(tr("Access, stairs, opening hours, what to dismantle…"));
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        m_errors.value(QStringLiteral("notes"))->hide();
    });
    return withError(m_notes, QStringLiteral("notes"));
}

QWidget *TransportFields::withError(QWidget *field, const QString &name)
{
    auto *holder = new QWidget(this);
    auto *column = new QVBoxLayout(holder);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(field);
    QLabel *error = Look::fieldErrorLabel(holder, name);
    column->addWidget(error);
    m_errors.insert(name, error);
    return holder;
}

void TransportFields::fillSites(QComboBox *box, qint64 firstOrganisation, bool storesOnly)
{
    const qint64 chosen = box->currentData().toLongLong();
    QList<Site> first;
    QList<Site> others;
    for (const Site &site : std::as_const(m_sites)) {
        if (!storesOnly || site.isStore())
            (firstOrganisation && site.organisationId == firstOrganisation ? first : others)
                    .append(site);
    }
    const QSignalBlocker quiet(box);
    box->clear();
    box->addItem(tr("Choose a site…"), qint64(0));
    auto add = [box](const QList<Site> &sites) {
        for (const Site &site : sites) {
            box->addItem(site.name, site.id);
            QStringList where{site.address.trimmed(),
                              QString(site.postalCode + u' ' + site.city).trimmed()};
            where.removeAll(QString());
            box->setItemData(box->count() - 1, where.join(QStringLiteral(", ")), Qt::ToolTipRole);
        }
    };
    add(first);
    if (!first.isEmpty() && !others.isEmpty())
        box->insertSeparator(box->count());
    add(others);
    box->setCurrentIndex(qMax(0, box->findData(chosen)));
}

void TransportFields::setEnd(EndFields &fields, const PickupEnd &end)
{
    // A closed site is not offered: the choice stays to be made.
    fields.site->setCurrentIndex(qMax(0, fields.site->findData(end.siteId)));
    fields.room->setText(end.room);
    fields.contact->setText(end.contact);
    fields.phone->setText(end.phone);
}

PickupEnd TransportFields::endOf(const EndFields &fields)
{
    PickupEnd end;
    end.siteId = fields.site->currentData().toLongLong();
    end.siteName = end.siteId ? fields.site->currentText() : QString();
    end.room = fields.room->text().trimmed();
    end.contact = fields.contact->text().trimmed();
    end.phone = fields.phone->text().trimmed();
    return end;
}

void TransportFields::setFrom(const PickupEnd &end)
{
    setEnd(m_from, end);
}

void TransportFields::setTo(const PickupEnd &end)
{
    setEnd(m_to, end);
}

void TransportFields::suggestDestination(qint64 organisationId)
{
    m_destinationOrganisation = organisationId;
    fillSites(m_to.site, organisationId, m_storesOnly);
    if (m_to.site->currentData().toLongLong() != 0)
        return; // chosen already: theirs to change
    const auto ofOrganisation = std::count_if(m_sites.cbegin(), m_sites.cend(), [&](const Site &s) {
        return s.organisationId == organisationId;
    });
    if (organisationId && ofOrganisation == 1)
        m_to.site->setCurrentIndex(1); // first in the list: the organisation's only site
}

void TransportFields::setWishedDate(const QDate &day)
{
    m_wished->setDate(day);
}

void TransportFields::setNotes(const QString &notes)
{
    m_notes->setPlainText(notes);
}

PickupRequest TransportFields::request() const
{
    PickupRequest request;
    request.from = endOf(m_from);
    request.to = endOf(m_to);
    request.wishedDate = m_wished->date();
    request.notes = m_notes->toPlainText().trimmed();
    return request;
}

QList<qint64> TransportFields::offeredSiteIds() const
{
    QList<qint64> ids;
    for (int i = 0; i < m_to.site->count(); ++i) {
        if (const qint64 id = m_to.site->itemData(i).toLongLong(); id > 0)
            ids.append(id);
    }
    return ids;
}

QList<FieldError> TransportFields::check() const
{
    return PickupRepository::check(request(), m_today);
}

bool TransportFields::showError(const QString &field, const QString &message)
{
    QLabel *label = m_errors.value(field);
    if (!label)
        return false;
    label->setText(message);
    label->show();
    return true;
}

void TransportFields::clearErrors()
{
    for (QLabel *label : std::as_const(m_errors))
        label->hide();
}

QString TransportFields::fieldError(const QString &field) const
{
    const QLabel *label = m_errors.value(field);
    return label && !label->isHidden() ? label->text() : QString();
}

QWidget *TransportFields::fieldWidget(const QString &field) const
{
    if (field == QLatin1String("fromSite"))
        return m_from.site;
    if (field == QLatin1String("toSite"))
        return m_to.site;
    if (field == QLatin1String("wishedDate"))
        return m_wished;
    if (field == QLatin1String("notes"))
        return m_notes;
    // The lines of each end are named as their fields ("fromRoom", "toPhone"...).
    for (QLineEdit *edit :
         {m_from.room, m_from.contact, m_from.phone, m_to.room, m_to.contact, m_to.phone}) {
        if (edit->objectName() == field)
            return edit;
    }
    return nullptr;
}

QDate TransportFields::nextWorkingDay(const QDate &today)
{
    return workingDayAfter(today.addDays(1), 0);
}

} // namespace Recup
