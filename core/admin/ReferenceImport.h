// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "admin/CsvReader.h"
#include "storage/ReferenceImportStore.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace Recup {

enum class ImportKind { Organisations, Services, Sites, Categories, Agents };

// What a file would change: the rows to write, and how many rows of the file are new, changed
// or already so in the database.
struct ImportPlan
{
    ReferenceChanges changes;
    int added = 0;
    int changed = 0;
    int unchanged = 0;
};

// The files of collectiv-recup-admin import and list, kind by kind: their columns (French
// names, any order, case and accents ignored), each cell checked and read into the domain's
// values, each row compared by code (login for agents) with what the database holds. Pure: the
// database is read before and written after, by ReferenceImportStore.
class ReferenceImport
{
    Q_DECLARE_TR_FUNCTIONS(ReferenceImport)
public:
    // At most this many errors are told; a file with more says how many more there are.
    static constexpr int MaxErrors = 20;
    static constexpr int CodeMax = 40;

    static std::optional<ImportKind> kindNamed(const QString &name);
    // The columns of a kind, in the order list writes them.
    static QStringList columns(ImportKind kind);
    // The changes the file asks for, or an Invalid error whose fields are (column, sentence
    // naming the line and the column) for every fault found, MaxErrors at most, and whose
    // message counts them.
    static Result<ImportPlan>
    plan(ImportKind kind, const CsvReader::Table &table, const ReferenceData &existing);
    // The rows of a kind as a file that plan() reads back unchanged: UTF-8 with a byte-order
    // mark, `;`, decimal commas, oui/non (as French Excel opens it).
    static QByteArray listCsv(ImportKind kind, const ReferenceData &existing);
    // Roles as the files and --role write them ("agent moderator"), read back; null on an
    // unknown word, *unknown set to it.
    static std::optional<Roles> rolesNamed(const QString &words, QString *unknown);
    static QString roleWords(Roles roles);
};

} // namespace Recup
