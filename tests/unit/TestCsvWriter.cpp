// CsvWriter and the activity export: RFC 4180 quoting, and cells a spreadsheet would run as a
// formula (= + - @ tab CR) neutralized, also when they come from a hostile device name.
#include "HouseholdFixtures.h"
#include "core/activity/ActivityCsv.h"
#include "core/util/CsvWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace {

// A small independent RFC 4180 reader, so the test checks what a spreadsheet would read.
QList<QStringList> parse(const QString& text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
            ++i;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    return records;
}

bool looksLikeFormula(const QString& cell)
{
    return !cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front());
}

} // namespace

class TestCsvWriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cells_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "Living Room TV"
                               << "Living Room TV";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("comma") << "Lisbon, Portugal"
                               << "\"Lisbon, Portugal\"";
        QTest::newRow("quote") << "Sam's \"big\" TV"
                               << "\"Sam's \"\"big\"\" TV\"";
        QTest::newRow("newline") << "two\nlines"
                                 << "\"two\nlines\"";
        QTest::newRow("crlf inside") << "a\r\nb"
                                     << "\"a\r\nb\"";
        QTest::newRow("equals") << "=1+2"
                                << "'=1+2";
        QTest::newRow("plus") << "+SUM(A1:A9)"
                              << "'+SUM(A1:A9)";
        QTest::newRow("minus") << "-2+3"
                               << "'-2+3";
        QTest::newRow("at") << "@cmd"
                            << "'@cmd";
        QTest::newRow("tab") << "\t=1"
                             << "'\t=1";
        QTest::newRow("cr") << "\r=1"
                            << "\"'\r=1\"";
        QTest::newRow("formula with quotes and commas") << "=HYPERLINK(\"http://evil.example\",\"Click\")"
                                                        << "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"";
        QTest::newRow("equals later is fine") << "a=b"
                                              << "a=b";
        QTest::newRow("leading space is not a formula") << " =1"
                                                        << " =1";
    }
    void cells()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(CsvWriter::cell(value), expected);
    }

    void recordsEndWithCrlfAndRoundTrip()
    {
        const QStringList cells{QStringLiteral("a"), QStringLiteral("b,c"), QStringLiteral("d\"e"), QString()};
        QCOMPARE(CsvWriter::record(cells), QStringLiteral("a,\"b,c\",\"d\"\"e\",\r\n"));
        CsvWriter csv;
        csv.addRecord(cells);
        csv.addRecord({QStringLiteral("x")});
        QVERIFY(csv.toUtf8().startsWith("\xEF\xBB\xBF"));
        QCOMPARE(parse(csv.text()), (QList<QStringList>{cells, {QStringLiteral("x")}}));
    }

    void activityExportNeutralizesHostileCells()
    {
        QJsonObject hostile = HouseholdFixtures::entry(QStringLiteral("9"),
                                                       QStringLiteral("2026-11-25T10:00:00Z"),
                                                       QStringLiteral("sign_in"),
                                                       QStringLiteral("=cmd|' /C calc'!A0"),
                                                       QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"));
        QJsonObject support = HouseholdFixtures::entry(QStringLiteral("8"),
                                                       QStringLiteral("2026-11-25T09:00:00Z"),
                                                       QStringLiteral("support_viewed"),
                                                       QStringLiteral("-1+1"),
                                                       QStringLiteral("@SUM(1,2)"));
        support.insert(QStringLiteral("reason"), QStringLiteral("line one\r\nline \"two\", =3"));
        support.insert(QStringLiteral("ip"), QStringLiteral("+44 1"));
        QList<ActivityEntry> entries;
        for (const QJsonObject& json : {hostile, support})
            entries.append(*ActivityEntry::fromJson(json));

        const QByteArray bytes = ActivityCsv::toCsv(entries);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QList<QStringList> records = parse(QString::fromUtf8(bytes.mid(3)));
        QCOMPARE(records.size(), 3);
        QCOMPARE(records.at(0).first(), QStringLiteral("Time (UTC)"));
        for (const QStringList& record : records) {
            QCOMPARE(record.size(), 8);
            for (const QString& cell : record)
                QVERIFY2(!looksLikeFormula(cell), qPrintable(cell));
        }
        QCOMPARE(records.at(1).at(0), QStringLiteral("2026-11-25T10:00:00Z"));
        QCOMPARE(records.at(1).at(3), QStringLiteral("'=HYPERLINK(\"http://x\",\"y\")"));
        QCOMPARE(records.at(1).at(4), QStringLiteral("Lisbon, =cmd|' /C calc'!A0"));
        QCOMPARE(records.at(2).at(3), QStringLiteral("'@SUM(1,2)"));
        QCOMPARE(records.at(2).at(2),
                 QStringLiteral("Support viewed your devices \u2014 reason: line one\r\nline \"two\", =3"));
        QCOMPARE(records.at(2).at(6), QStringLiteral("'+44 1"));
    }

    void saveWritesTheFileOrSaysWhy()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QList<ActivityEntry> entries{*ActivityEntry::fromJson(HouseholdFixtures::entry(
            QStringLiteral("1"), QStringLiteral("2026-11-25T10:00:00Z"), QStringLiteral("sign_in")))};
        const QString path = dir.filePath(QStringLiteral("activity.csv"));
        QVERIFY(ActivityCsv::save(entries, path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), ActivityCsv::toCsv(entries));

        const auto failed = ActivityCsv::save(entries, dir.filePath(QStringLiteral("missing/folder/activity.csv")));
        QVERIFY(!failed);
        QVERIFY(failed.error().contains(QStringLiteral("activity.csv")));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "TestCsvWriter.moc"
