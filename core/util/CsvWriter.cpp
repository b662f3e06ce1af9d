#include "CsvWriter.h"

namespace vigil {

QString CsvWriter::cell(const QString& value)
{
    QString text = value;
    if (!text.isEmpty()) {
        const QChar first = text.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            text.prepend(u'\'');
    }
    const bool quote = text.contains(u',') || text.contains(u'"') || text.contains(u'\r') || text.contains(u'\n');
    if (!quote)
        return text;
    text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + text + u'"';
}

QString CsvWriter::record(const QStringList& cells)
{
    QStringList escaped;
    escaped.reserve(cells.size());
    for (const QString& value : cells)
        escaped.append(cell(value));
    return escaped.join(u',') + QStringLiteral("\r\n");
}

void CsvWriter::addRecord(const QStringList& cells)
{
    m_text += record(cells);
}

QByteArray CsvWriter::toUtf8() const
{
    return QByteArrayLiteral("\xEF\xBB\xBF") + m_text.toUtf8();
}

} // namespace vigil
