#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace vigil {

// Comma-separated values as RFC 4180 has them (CRLF line ends; a field with a comma, quote, CR or
// LF is quoted and its quotes doubled), made safe to open in a spreadsheet: a cell starting with
// = + - @ tab or CR would be run as a formula (CSV injection, OWASP), so it gets a leading single
// quote and shows as the text it is.
class CsvWriter final
{
public:
    CsvWriter() = default;

    // One cell, neutralized and quoted when needed.
    static QString cell(const QString& value);
    // One record with its CRLF.
    static QString record(const QStringList& cells);

    void addRecord(const QStringList& cells);
    // UTF-8 with a byte order mark, so spreadsheet programs read accents and names correctly.
    QByteArray toUtf8() const;
    const QString& text() const { return m_text; }

private:
    QString m_text;
};

} // namespace vigil
