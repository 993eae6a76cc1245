// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzing target: the CSV reader of collectiv-recup-admin import (files from Excel, directory
// exports, or anything IT is handed). Whatever it reads, every record names a line of the file
// after the header's, in order, and every cell is text a field can be checked against.
#include "FuzzCheck.h"
#include "admin/CsvReader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto table = Recup::CsvReader::read(bytes);
    if (!table) {
        FUZZ_CHECK(!table.error().message.isEmpty(), "a refusal says why");
        return 0;
    }
    FUZZ_CHECK(!table->header.isEmpty(), "a file read has a header");
    FUZZ_CHECK(table->rows.size() <= Recup::CsvReader::MaxDataLines, "the line limit holds");
    int previous = table->headerLine;
    for (const auto &row : table->rows) {
        FUZZ_CHECK(row.line > previous, "records come in the order of their lines");
        FUZZ_CHECK(!row.fields.isEmpty(), "a record has a cell");
        previous = row.line;
    }
    return 0;
}
