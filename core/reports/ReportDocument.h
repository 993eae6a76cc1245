// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "reports/Figures.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace Recup {

// The semester report the moderators hand to their management: one A4 layout in French for
// print, print preview and PDF (a QTextDocument printed on a QPrinter or a QPdfWriter), and
// the same figures as CSV. Written in French whatever the interface language, as the mails.
class ReportDocument
{
    Q_DECLARE_TR_FUNCTIONS(ReportDocument)
public:
    // The semester report of `figures` (any period works; the title names it). Needs a
    // QGuiApplication (fonts).
    static std::unique_ptr<QTextDocument> semesterReport(const Figures &figures);
    // Prints `document` on `device` as A4 pages with numbered footers.
    static void print(QTextDocument &document, QPagedPaintDevice &device);
    // Writes `document` as an A4 PDF at `path`: all or nothing (a failure leaves no file).
    static Status writePdf(QTextDocument &document, const QString &path);
    // Every table of `figures` as CSV sections (French Excel: see CsvWriter): the statistics
    // window's export and the semester report's CSV.
    static QByteArray figuresCsv(const Figures &figures);
    // The model's headline, in French: "41 annonces ont trouvé preneur, environ 3 000 €
    // d'achats évités, 1 250 kg de déchets évités".
    static QString frenchHeadline(const Figures &figures);
    // Writes `bytes` to `path`, all or nothing.
    static Status writeFile(const QByteArray &bytes, const QString &path);
};

} // namespace Recup
