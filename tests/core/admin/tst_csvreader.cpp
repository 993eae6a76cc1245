// SPDX-FileCopyrightText: Collectiv'Récup developers
// SPDX-License-Identifier: GPL-3.0-or-later
// CsvReader: the files Excel and directory exports write, as the import reads them.
#include "admin/CsvReader.h"

#include <QTest>

using namespace Recup;

namespace {

// Rows as "a|b|c", records separated by "¶", each prefixed with its line: "2:a|b".
QString shape(const CsvReader::Table &table)
{
    QStringList records;
    for (const CsvReader::Row &row : table.rows)
        records.append(QString::number(row.line) + u':' + row.fields.join(u'|'));
    return table.header.join(u'|') + QStringLiteral("¶") + records.join(QStringLiteral("¶"));
}

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT
private slots:
    void reads_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<int>("encoding");
        QTest::addColumn<QString>("expected");
        const int utf8 = int(CsvReader::Encoding::Utf8);
        const int bom = int(CsvReader::Encoding::Utf8WithBom);
        const int cp1252 = int(CsvReader::Encoding::Windows1252);
        QTest::newRow("semicolons, LF")
                << QByteArray("code;nom\nA;Agglo\n") << ";" << utf8 << "code|nom¶2:A|Agglo";
        QTest::newRow("commas, CRLF, no final line end")
                << QByteArray("code,nom\r\nA,Agglo\r\nB,Ville") << "," << utf8
                << "code|nom¶2:A|Agglo¶3:B|Ville";
        QTest::newRow("UTF-8 with a byte-order mark")
                << QByteArray("\xEF\xBB\xBF"
                              "code;nom\nE;\xC3\xA9t\xC3\xA9 \xE2\x82\xAC\n")
                << ";" << bom << QStringLiteral("code|nom¶2:E|été €");
        QTest::newRow("Windows-1252: é, €, ’, œ")
                << QByteArray("code;nom\nE;\xE9t\xE9 \x80 l\x92\x9C"
                              "uvre\n")
                << ";" << cp1252 << QStringLiteral("code|nom¶2:E|été € l’œuvre");
        QTest::newRow("quoted separator, doubled quote, line break inside")
                << QByteArray("code;nom\r\n\"A;1\";\"Dit \"\"le grand\"\"\r\nsur deux lignes\"\r\n"
                              "B;x\r\n")
                << ";" << utf8 << "code|nom¶2:A;1|Dit \"le grand\"\nsur deux lignes¶4:B|x";
        QTest::newRow("comma separator with decimal commas quoted")
                << QByteArray("code,poids\nA,\"77,5\"\n") << "," << utf8 << "code|poids¶2:A|77,5";
        QTest::newRow("blank records and trailing empty lines are left out")
                << QByteArray("code;nom\n;\n\nA;B\n;;\n\n") << ";" << utf8 << "code|nom¶4:A|B";
        QTest::newRow("header only") << QByteArray("code;nom\n") << ";" << utf8 << "code|nom¶";
        QTest::newRow("separator in the header decides, not in the cells")
                << QByteArray("code;nom\nA;\"x, y, z\"\n") << ";" << utf8 << "code|nom¶2:A|x, y, z";
        QTest::newRow("empty cells kept")
                << QByteArray("a;b;c\n;x;\n") << ";" << utf8 << "a|b|c¶2:|x|";
    }
    void reads()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, separator);
        QFETCH(int, encoding);
        QFETCH(QString, expected);
        const auto table = CsvReader::read(bytes);
        QVERIFY2(table, qPrintable(table.error().message));
        QCOMPARE(QString(table->separator), separator);
        QCOMPARE(int(table->encoding), encoding);
        QCOMPARE(shape(*table), expected);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("words");
        QTest::newRow("empty file") << QByteArray() << "empty";
        QTest::newRow("blank lines only") << QByteArray("\r\n\n  \n") << "empty";
        QTest::newRow("binary: NUL bytes") << QByteArray("code;nom\nA;\0\0\x01", 14) << "Line 2";
        QTest::newRow("UTF-16 with its byte-order mark") << QByteArray("\xFF\xFE"
                                                                       "c\0o\0d\0e\0",
                                                                       10)
                                                         << "not a text file";
        QTest::newRow("byte no encoding has (0x81 in Windows-1252)")
                << QByteArray("code;nom\nA;\x81\n") << "not a text file";
        QTest::newRow("quote never closed")
                << QByteArray("code;nom\nA;B\nC;\"open\nD;E\n") << "Line 3";
        QByteArray huge("code;nom\n");
        for (int i = 0; i < CsvReader::MaxDataLines + 5; ++i)
            huge += "C" + QByteArray::number(i) + ";Nom\n";
        QTest::newRow("more data lines than the limit")
                << huge << QStringLiteral("Line %1").arg(CsvReader::MaxDataLines + 2);
    }
    void refuses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, words);
        const auto table = CsvReader::read(bytes);
        QVERIFY(!table);
        QCOMPARE(table.error().kind, Error::Kind::Invalid);
        QVERIFY2(table.error().message.contains(words), qPrintable(table.error().message));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
