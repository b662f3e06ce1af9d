#pragma once

#include <QString>
#include <QStringView>

namespace vigil {

// Folding for search: case-folded and without diacritics, so "sao" finds "São Paulo" and
// "LISBON" finds "Lisbon". Keys are built once per device change, never per keystroke.
class SearchKey final
{
public:
    SearchKey() = delete;

    static QString fold(QStringView text);
    static void appendFolded(QString& key, QStringView text);
    // Separates the fields of one key, so a search word never matches across two fields.
    static constexpr QChar separator = QChar(u'\n');
};

} // namespace vigil
