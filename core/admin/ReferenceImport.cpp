// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "admin/ReferenceImport.h"

#include "domain/UserText.h"
#include "reports/CsvWriter.h"
#include "storage/ReferenceRepository.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <functional>

namespace Recup {

namespace {

struct Column
{
    const char *name;
    bool required;
};

QList<Column> columnSpecs(ImportKind kind)
{
    switch (kind) {
    case ImportKind::Organisations:
        return {{"code", true}, {"nom", true}};
    case ImportKind::Services:
        return {{"organisation", true}, {"code", true}, {"nom", true}, {"actif", false}};
    case ImportKind::Sites:
        return {{"organisation", true},
                {"code", true},
                {"nom", true},
                {"adresse", true},
                {"code_postal", true},
                {"ville", true},
                {"actif", false}};
    case ImportKind::Categories:
        return {{"code", true},
                {"nom", true},
                {"poids_unitaire_kg", true},
                {"facteur_co2", true},
                {"source_co2", true},
                {"duree_jours", true},
                {"exclue", true},
                {"message_exclusion", true},
                {"mots_alerte", false},
                {"actif", false}};
    case ImportKind::Agents:
        return {{"identifiant", true},
                {"nom", true},
                {"courriel", true},
                {"telephone", false},
                {"service", true},
                {"roles", false}};
    }
    return {};
}

// A column's name as people write it in a header: « Code postal », « Téléphone », « DURÉE
// JOURS » all name the same column.
QString normalizedColumn(const QString &written)
{
    const QString decomposed = written.trimmed().toLower().normalized(QString::NormalizationForm_D);
    QString name;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c == QChar(0xFEFF))
            continue;
        name.append(c == u' ' || c == u'-' ? QChar(u'_') : c);
    }
    return name;
}

QString nameOf(const Column &column)
{
    return QString::fromLatin1(column.name);
}

// The faults of a file, each naming its line and column, MaxErrors at most.
class Faults
{
public:
    void add(int line, const QString &column, const QString &message)
    {
        ++m_count;
        if (m_fields.size() >= ReferenceImport::MaxErrors)
            return;
        const QString sentence
                = column.isEmpty()
                          ? ReferenceImport::tr("Line %1: %2").arg(QString::number(line), message)
                          : ReferenceImport::tr("Line %1, column \"%2\": %3")
                                    .arg(QString::number(line), column, message);
        m_fields.append({column, sentence});
    }
    int count() const { return m_count; }
    Error error() const
    {
        QString message = ReferenceImport::tr(
                "Nothing was imported: the file has %n error(s).", nullptr, m_count);
        if (m_count > m_fields.size())
            message += u' '
                       + ReferenceImport::tr("Only the first %1 are listed.")
                                 .arg(ReferenceImport::MaxErrors);
        return Error{Error::Kind::Invalid, message, {}, m_fields};
    }

private:
    QList<std::pair<QString, QString>> m_fields;
    int m_count = 0;
};

// Reads the cells of one row by column name, each checked; a fault is noted and the value
// returned is empty.
class RowReader
{
public:
    RowReader(const QHash<QString, int> &columns, Faults &faults)
        : m_columns(columns)
        , m_faults(faults)
    {}

    void start(const CsvReader::Row &row) { m_row = &row; }
    int line() const { return m_row->line; }
    bool has(const char *column) const { return m_columns.contains(QLatin1String(column)); }
    void fault(const char *column, const QString &message)
    {
        m_faults.add(line(), QString::fromLatin1(column), message);
    }

    // The cell, trimmed; the apostrophe a spreadsheet export puts before = + - @ dropped.
    QString cell(const char *column) const
    {
        const int index = m_columns.value(QLatin1String(column), -1);
        if (index < 0 || index >= m_row->fields.size())
            return {};
        QString value = m_row->fields.at(index).trimmed();
        if (value.size() >= 2 && value.front() == u'\''
            && QStringLiteral("=+-@").contains(value.at(1)))
            value.remove(0, 1);
        return value;
    }

    QString text(const char *column,
                 int max,
                 bool required,
                 UserText::LineBreaks lineBreaks = UserText::LineBreaks::Refused)
    {
        const QString value = cell(column);
        if (required && value.isEmpty()) {
            fault(column, ReferenceImport::tr("this cell may not be empty"));
            return {};
        }
        const qsizetype count = UserText::characterCount(value);
        if (count > max) {
            fault(column,
                  ReferenceImport::tr("the value is too long (%1 characters; at most %2)")
                          .arg(QString::number(count), QString::number(max)));
            return {};
        }
        if (UserText::hasUnstorableCharacter(value, lineBreaks)) {
            fault(column,
                  lineBreaks == UserText::LineBreaks::Refused
                          ? ReferenceImport::tr("line breaks and control characters are not "
                                                "allowed here")
                          : ReferenceImport::tr("control characters are not allowed"));
            return {};
        }
        return value;
    }

    std::optional<bool> boolean(const char *column, bool empty)
    {
        const QString value = cell(column).toLower();
        if (value.isEmpty())
            return empty;
        static const QStringList yes{QStringLiteral("oui"),
                                     QStringLiteral("1"),
                                     QStringLiteral("true"),
                                     QStringLiteral("vrai"),
                                     QStringLiteral("yes")};
        static const QStringList no{QStringLiteral("non"),
                                    QStringLiteral("0"),
                                    QStringLiteral("false"),
                                    QStringLiteral("faux"),
                                    QStringLiteral("no")};
        if (yes.contains(value))
            return true;
        if (no.contains(value))
            return false;
        fault(column,
              ReferenceImport::tr("\"%1\" is not yes or no: write oui or non (or 1 or 0)")
                      .arg(UserText::printable(value.left(40))));
        return std::nullopt;
    }

    // A decimal number (comma or point, spaces between thousands) times 1000, rounded: kg to
    // grams. Null for an empty cell; *ok false (the fault noted) for a bad one.
    std::optional<qint64> thousandths(const char *column, qint64 max, bool *ok)
    {
        QString value = cell(column);
        value.remove(u' ').remove(QChar(0x00A0)).remove(QChar(0x202F));
        if (value.isEmpty())
            return std::nullopt;
        static const QRegularExpression decimal(QStringLiteral("^\\d{1,9}([.,]\\d{1,9})?$"));
        if (!decimal.match(value).hasMatch()) {
            fault(column,
                  ReferenceImport::tr("\"%1\" is not a number: write it as 77,5 or 77.5")
                          .arg(UserText::printable(cell(column).left(40))));
            *ok = false;
            return std::nullopt;
        }
        const qint64 scaled = qRound64(value.replace(u',', u'.').toDouble() * 1000.0);
        if (scaled > max) {
            fault(column,
                  ReferenceImport::tr("%1 is too large (at most %2)")
                          .arg(cell(column), CsvWriter::decimal(max, 1000, 3)));
            *ok = false;
            return std::nullopt;
        }
        return scaled;
    }

    std::optional<int> integer(const char *column, int min, int max, int empty)
    {
        const QString value = cell(column);
        if (value.isEmpty())
            return empty;
        bool ok = false;
        const int number = value.toInt(&ok);
        if (!ok || number < min || number > max) {
            fault(column,
                  ReferenceImport::tr("\"%1\" is not a whole number from %2 to %3")
                          .arg(UserText::printable(value.left(40)),
                               QString::number(min),
                               QString::number(max)));
            return std::nullopt;
        }
        return number;
    }

    // The row's code, checked and unique in the file.
    QString code(const char *column, int max, QHash<QString, int> &seen)
    {
        const QString value = text(column, max, true);
        if (value.isEmpty())
            return {};
        if (value.contains(QRegularExpression(QStringLiteral("\\s")))) {
            fault(column, ReferenceImport::tr("the code \"%1\" holds spaces").arg(value.left(60)));
            return {};
        }
        const QString key = value.toLower();
        if (seen.contains(key)) {
            fault(column,
                  ReferenceImport::tr("\"%1\" is already on line %2: each appears once")
                          .arg(value, QString::number(seen.value(key))));
            return {};
        }
        seen.insert(key, line());
        return value;
    }

private:
    const QHash<QString, int> &m_columns;
    Faults &m_faults;
    const CsvReader::Row *m_row = nullptr;
};

// The database's rows by code (case ignored) and agents by login, looked up once per row: a
// file of 20,000 lines is compared in one pass, not 20,000.
struct Index
{
    explicit Index(const ReferenceData &existing)
    {
        for (const Organisation &o : existing.organisations)
            organisations.insert(o.code.toLower(), &o);
        for (const Service &s : existing.services)
            services.insert(s.code.toLower(), &s);
        for (const Site &s : existing.sites)
            sites.insert(s.code.toLower(), &s);
        for (const Category &c : existing.categories)
            categories.insert(c.code.toLower(), &c);
        for (const Agent &a : existing.agents)
            agents.insert(a.login, &a);
    }
    QHash<QString, const Organisation *> organisations;
    QHash<QString, const Service *> services;
    QHash<QString, const Site *> sites;
    QHash<QString, const Category *> categories;
    QHash<QString, const Agent *> agents;
};

template<typename T>
const T *byCode(const QHash<QString, const T *> &rows, const QString &code)
{
    return rows.value(code.toLower(), nullptr);
}

template<typename T>
QString codeOf(const QList<T> &rows, qint64 id)
{
    for (const T &row : rows) {
        if (row.id == id)
            return row.code;
    }
    return {};
}

// Counts the row and keeps it when it is new or differs from the database's.
template<typename T, typename Same>
void classify(ImportPlan &plan, QList<T> &changes, const T &row, const T *before, Same same)
{
    if (!before) {
        changes.append(row);
        ++plan.added;
    } else if (same(*before, row)) {
        ++plan.unchanged;
    } else {
        changes.append(row);
        ++plan.changed;
    }
}

// The organisation a service or a site belongs to; an active row goes under an active one only
// (migration 019).
qint64 organisationId(RowReader &r, const Index &existing, bool active)
{
    const QString code = r.text("organisation", ReferenceImport::CodeMax, true);
    if (code.isEmpty())
        return 0;
    const Organisation *o = byCode(existing.organisations, code);
    if (!o) {
        r.fault("organisation",
                ReferenceImport::tr("unknown organisation \"%1\" (import the organisations "
                                    "first)")
                        .arg(code));
        return 0;
    }
    if (active && !o->active) {
        r.fault("organisation",
                ReferenceImport::tr("the organisation \"%1\" is no longer active: choose an "
                                    "active one, or reactivate it first")
                        .arg(o->code));
        return 0;
    }
    return o->id;
}

void planOrganisations(RowReader &r,
                       const Index &existing,
                       ImportPlan &plan,
                       QHash<QString, int> &seen)
{
    Organisation o;
    o.code = r.code("code", ReferenceImport::CodeMax, seen);
    o.name = r.text("nom", ReferenceRepository::NameMax, true);
    if (o.code.isEmpty() || o.name.isEmpty())
        return;
    const Organisation *before = byCode(existing.organisations, o.code);
    if (before) {
        o.id = before->id;
        o.code = before->code;
        o.active = before->active;
    }
    classify(plan, plan.changes.organisations, o, before, [](const auto &a, const auto &b) {
        return a.name == b.name;
    });
}

void planServices(RowReader &r, const Index &existing, ImportPlan &plan, QHash<QString, int> &seen)
{
    Service s;
    s.code = r.code("code", ReferenceImport::CodeMax, seen);
    s.name = r.text("nom", ReferenceRepository::NameMax, true);
    const Service *before = s.code.isEmpty() ? nullptr : byCode(existing.services, s.code);
    const std::optional<bool> active = r.boolean("actif", before ? before->active : true);
    s.organisationId = organisationId(r, existing, active.value_or(false));
    if (s.organisationId == 0 || s.code.isEmpty() || s.name.isEmpty() || !active)
        return;
    s.active = *active;
    if (before) {
        s.id = before->id;
        s.code = before->code;
    }
    classify(plan, plan.changes.services, s, before, [](const auto &a, const auto &b) {
        return a.organisationId == b.organisationId && a.name == b.name && a.active == b.active;
    });
}

void planSites(RowReader &r, const Index &existing, ImportPlan &plan, QHash<QString, int> &seen)
{
    Site s;
    s.code = r.code("code", ReferenceImport::CodeMax, seen);
    s.name = r.text("nom", ReferenceRepository::NameMax, true);
    s.address = r.text("adresse", 200, false);
    s.postalCode = r.text("code_postal", 10, false);
    s.city = r.text("ville", ReferenceRepository::NameMax, false);
    const Site *before = s.code.isEmpty() ? nullptr : byCode(existing.sites, s.code);
    const std::optional<bool> active = r.boolean("actif", before ? before->active : true);
    s.organisationId = organisationId(r, existing, active.value_or(false));
    if (s.organisationId == 0 || s.code.isEmpty() || s.name.isEmpty() || !active)
        return;
    s.active = *active;
    if (before) {
        s.id = before->id;
        s.code = before->code;
        s.storeServiceId = before->storeServiceId;
        s.storeKeeperId = before->storeKeeperId;
    }
    classify(plan, plan.changes.sites, s, before, [](const auto &a, const auto &b) {
        return a.organisationId == b.organisationId && a.name == b.name && a.address == b.address
               && a.postalCode == b.postalCode && a.city == b.city && a.active == b.active;
    });
}

void planCategories(RowReader &r,
                    const Index &existing,
                    ImportPlan &plan,
                    QHash<QString, int> &seen)
{
    Category c;
    c.code = r.code("code", ReferenceImport::CodeMax, seen);
    c.name = r.text("nom", ReferenceRepository::NameMax, true);
    const Category *before = c.code.isEmpty() ? nullptr : byCode(existing.categories, c.code);
    bool ok = !c.code.isEmpty() && !c.name.isEmpty();
    // Up to 1,000 t a unit; up to 100 kg of CO2e a kg (migration 009).
    const std::optional<qint64> weight = r.thousandths("poids_unitaire_kg", 1'000'000'000, &ok);
    const std::optional<qint64> factor = r.thousandths("facteur_co2", 100'000, &ok);
    c.co2eSource = r.text("source_co2", 200, false);
    const std::optional<int> days = r.integer("duree_jours", 1, 3650, 60);
    const std::optional<bool> excluded = r.boolean("exclue", false);
    c.excludedMessage = r.text("message_exclusion", 500, false, UserText::LineBreaks::Allowed);
    const QString words = r.text("mots_alerte", 2000, false);
    const std::optional<bool> active = r.boolean("actif", before ? before->active : true);
    if (!days || !excluded || !active)
        return;
    if (factor && c.co2eSource.isEmpty()) {
        r.fault("source_co2",
                ReferenceImport::tr("a CO2 factor needs its source (WRAP, ADEME Base Carbone…)"));
        ok = false;
    }
    if (!ok)
        return;
    c.defaultUnitWeightGrams = weight.value_or(0);
    if (factor)
        c.co2eGramsPerKg = int(*factor);
    c.expiryDays = *days;
    c.excluded = *excluded;
    c.active = *active;
    if (r.has("mots_alerte"))
        c.warningWords = splitWarningWords(words);
    if (before) {
        c.id = before->id;
        c.code = before->code;
        c.family = before->family;
        if (!r.has("mots_alerte"))
            c.warningWords = before->warningWords;
    }
    classify(plan, plan.changes.categories, c, before, [](const auto &a, const auto &b) {
        return a.name == b.name && a.defaultUnitWeightGrams == b.defaultUnitWeightGrams
               && a.excluded == b.excluded && a.excludedMessage == b.excludedMessage
               && a.expiryDays == b.expiryDays && a.co2eGramsPerKg == b.co2eGramsPerKg
               && a.co2eSource == b.co2eSource && a.active == b.active
               && a.warningWords == b.warningWords;
    });
}

void planAgents(RowReader &r, const Index &existing, ImportPlan &plan, QHash<QString, int> &seen)
{
    Agent a;
    a.login = r.text("identifiant", 63, true);
    a.displayName = r.text("nom", ReferenceRepository::NameMax, true);
    a.email = r.text("courriel", ReferenceRepository::EmailMax, true);
    a.phone = r.text("telephone", ReferenceRepository::PhoneMax, false);
    const QString serviceCode = r.text("service", ReferenceImport::CodeMax, true);
    QString unknown;
    const std::optional<Roles> roles = ReferenceImport::rolesNamed(r.cell("roles"), &unknown);
    bool ok = !a.login.isEmpty() && !a.displayName.isEmpty() && !a.email.isEmpty();
    if (!roles) {
        r.fault("roles",
                ReferenceImport::tr("unknown role \"%1\": write agent, moderator, logistics or "
                                    "admin, separated by spaces")
                        .arg(UserText::printable(unknown.left(40))));
        ok = false;
    }
    if (!serviceCode.isEmpty()) {
        if (const Service *s = byCode(existing.services, serviceCode))
            a.serviceId = s->id;
        else
            r.fault("service",
                    ReferenceImport::tr("unknown service \"%1\" (import the services first)")
                            .arg(serviceCode));
    }
    if (!ok || a.serviceId == 0)
        return;
    if (const auto refused = ReferenceRepository::agentError(a)) {
        static const QHash<QString, const char *> columnOf{{QStringLiteral("login"), "identifiant"},
                                                           {QStringLiteral("name"), "nom"},
                                                           {QStringLiteral("email"), "courriel"},
                                                           {QStringLiteral("phone"), "telephone"}};
        for (const auto &[field, message] : refused->fields)
            r.fault(columnOf.value(field, "identifiant"), message);
        return;
    }
    const QString key = a.login;
    if (seen.contains(key)) {
        r.fault("identifiant",
                ReferenceImport::tr("\"%1\" is already on line %2: each appears once")
                        .arg(a.login, QString::number(seen.value(key))));
        return;
    }
    seen.insert(key, r.line());
    a.roles = *roles;
    plan.changes.agentRolesGiven = r.has("roles");
    const Agent *before = existing.agents.value(a.login, nullptr);
    if (before) {
        a.id = before->id;
        a.active = before->active;
        plan.changes.formerRoles.insert(a.id, before->roles);
        // A column the file does not have keeps what the agent had: a directory export without
        // roles takes no moderator's nor administrator's groups away, nor anyone's phone.
        if (!r.has("roles"))
            a.roles = before->roles;
        if (!r.has("telephone"))
            a.phone = before->phone;
    }
    classify(plan, plan.changes.agents, a, before, [](const auto &x, const auto &y) {
        return x.displayName == y.displayName && x.email == y.email && x.phone == y.phone
               && x.serviceId == y.serviceId && x.roles == y.roles;
    });
}

} // namespace

std::optional<ImportKind> ReferenceImport::kindNamed(const QString &name)
{
    static const QHash<QString, ImportKind> kinds{
            {QStringLiteral("organisations"), ImportKind::Organisations},
            {QStringLiteral("services"), ImportKind::Services},
            {QStringLiteral("sites"), ImportKind::Sites},
            {QStringLiteral("categories"), ImportKind::Categories},
            {QStringLiteral("agents"), ImportKind::Agents}};
    const auto found = kinds.constFind(name.trimmed().toLower());
    if (found == kinds.constEnd())
        return std::nullopt;
    return *found;
}

QStringList ReferenceImport::columns(ImportKind kind)
{
    QStringList names;
    for (const Column &column : columnSpecs(kind))
        names.append(nameOf(column));
    return names;
}

std::optional<Roles> ReferenceImport::rolesNamed(const QString &words, QString *unknown)
{
    static const QHash<QString, Role> named{{QStringLiteral("agent"), Role::Agent},
                                            {QStringLiteral("moderator"), Role::Moderator},
                                            {QStringLiteral("moderateur"), Role::Moderator},
                                            {QStringLiteral("logistics"), Role::Logistics},
                                            {QStringLiteral("logistique"), Role::Logistics},
                                            {QStringLiteral("admin"), Role::Admin},
                                            {QStringLiteral("administrateur"), Role::Admin}};
    Roles roles = Role::Agent;
    static const QRegularExpression between(QStringLiteral("[\\s,;]+"));
    for (const QString &word : words.split(between, Qt::SkipEmptyParts)) {
        const QString key = normalizedColumn(word);
        const auto found = named.constFind(key);
        if (found == named.constEnd()) {
            if (unknown)
                *unknown = word;
            return std::nullopt;
        }
        roles |= *found;
    }
    return roles;
}

QString ReferenceImport::roleWords(Roles roles)
{
    QStringList words{QStringLiteral("agent")};
    if (roles.testFlag(Role::Moderator))
        words.append(QStringLiteral("moderator"));
    if (roles.testFlag(Role::Logistics))
        words.append(QStringLiteral("logistics"));
    if (roles.testFlag(Role::Admin))
        words.append(QStringLiteral("admin"));
    return words.join(u' ');
}

Result<ImportPlan>
ReferenceImport::plan(ImportKind kind, const CsvReader::Table &table, const ReferenceData &existing)
{
    Faults faults;
    const QList<Column> specs = columnSpecs(kind);
    QHash<QString, int> columns;
    QStringList expected;
    for (const Column &column : specs)
        expected.append(nameOf(column));
    for (int i = 0; i < table.header.size(); ++i) {
        const QString name = normalizedColumn(table.header.at(i));
        const bool known = std::any_of(
                specs.begin(), specs.end(), [&](const Column &c) { return nameOf(c) == name; });
        if (!known)
            faults.add(table.headerLine,
                       UserText::printable(table.header.at(i).left(60)),
                       tr("unknown column; the columns are: %1")
                               .arg(expected.join(QStringLiteral(", "))));
        else if (columns.contains(name))
            faults.add(table.headerLine, name, tr("this column appears twice"));
        else
            columns.insert(name, i);
    }
    for (const Column &column : specs) {
        if (column.required && !columns.contains(nameOf(column)))
            faults.add(table.headerLine,
                       {},
                       tr("the column \"%1\" is missing (the columns are: %2)")
                               .arg(nameOf(column), expected.join(QStringLiteral(", "))));
    }
    if (faults.count() > 0)
        return faults.error();

    ImportPlan plan;
    const Index index(existing);
    RowReader reader(columns, faults);
    QHash<QString, int> seen;
    for (const CsvReader::Row &row : table.rows) {
        reader.start(row);
        if (row.fields.size() != table.header.size()) {
            faults.add(row.line,
                       {},
                       tr("%1 fields where the header has %2 (a separator too many or missing, "
                          "or a quote not closed?)")
                               .arg(QString::number(row.fields.size()),
                                    QString::number(table.header.size())));
            continue;
        }
        switch (kind) {
        case ImportKind::Organisations:
            planOrganisations(reader, index, plan, seen);
            break;
        case ImportKind::Services:
            planServices(reader, index, plan, seen);
            break;
        case ImportKind::Sites:
            planSites(reader, index, plan, seen);
            break;
        case ImportKind::Categories:
            planCategories(reader, index, plan, seen);
            break;
        case ImportKind::Agents:
            planAgents(reader, index, plan, seen);
            break;
        }
    }
    if (faults.count() > 0)
        return faults.error();
    return plan;
}

QByteArray ReferenceImport::listCsv(ImportKind kind, const ReferenceData &existing)
{
    CsvWriter csv;
    csv.row(columns(kind));
    const auto yesNo = [](bool value) {
        return value ? QStringLiteral("oui") : QStringLiteral("non");
    };
    const auto sorted = [](auto rows, auto key) {
        std::sort(rows.begin(), rows.end(), [&](const auto &a, const auto &b) {
            return key(a) < key(b);
        });
        return rows;
    };
    const auto byCodeKey = [](const auto &row) {
        return row.code;
    };
    switch (kind) {
    case ImportKind::Organisations:
        for (const Organisation &o : sorted(existing.organisations, byCodeKey)) {
            csv.text(o.code).text(o.name);
            csv.endRow();
        }
        break;
    case ImportKind::Services:
        for (const Service &s : sorted(existing.services, byCodeKey)) {
            csv.text(codeOf(existing.organisations, s.organisationId))
                    .text(s.code)
                    .text(s.name)
                    .text(yesNo(s.active));
            csv.endRow();
        }
        break;
    case ImportKind::Sites:
        for (const Site &s : sorted(existing.sites, byCodeKey)) {
            csv.text(codeOf(existing.organisations, s.organisationId))
                    .text(s.code)
                    .text(s.name)
                    .text(s.address)
                    .text(s.postalCode)
                    .text(s.city)
                    .text(yesNo(s.active));
            csv.endRow();
        }
        break;
    case ImportKind::Categories:
        for (const Category &c : sorted(existing.categories, byCodeKey)) {
            csv.text(c.code).text(c.name).kilograms(c.defaultUnitWeightGrams);
            if (c.co2eGramsPerKg)
                csv.kilograms(*c.co2eGramsPerKg);
            else
                csv.empty();
            csv.text(c.co2eSource)
                    .number(c.expiryDays)
                    .text(yesNo(c.excluded))
                    .text(c.excludedMessage)
                    .text(joinWarningWords(c.warningWords))
                    .text(yesNo(c.active));
            csv.endRow();
        }
        break;
    case ImportKind::Agents:
        for (const Agent &a : sorted(existing.agents, [](const Agent &a) { return a.login; })) {
            csv.text(a.login)
                    .text(a.displayName)
                    .text(a.email)
                    .text(a.phone)
                    .text(codeOf(existing.services, a.serviceId))
                    .text(roleWords(a.roles));
            csv.endRow();
        }
        break;
    }
    return csv.bytes();
}

} // namespace Recup
