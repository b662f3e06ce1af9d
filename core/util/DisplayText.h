#pragma once

#include <QString>

namespace vigil {

// Text from the service made fit to show: without the invisible characters that reorder or hide
// what is around them. A device named "TV" + U+202E (right-to-left override) would otherwise turn
// the rest of every line that shows it backwards, and a zero-width space makes two names that
// read the same differ. Line breaks and tabs become spaces: a name is one line.
class DisplayText final
{
public:
    DisplayText() = delete;

    // `text` itself (not copied) when there is nothing to remove, the usual case.
    static QString withoutControls(const QString& text);
};

} // namespace vigil
