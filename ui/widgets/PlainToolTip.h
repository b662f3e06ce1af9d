#pragma once

#include <QString>

namespace vigil {

// Qt shows a tooltip that looks like markup as rich text. A tooltip that holds the service's text
// (a device's name, a title, a profile) goes through this, so "<b>x</b>" shows those characters.
class PlainToolTip final
{
public:
    PlainToolTip() = delete;

    // `text` unchanged when Qt would show it as plain text anyway; else escaped rich text.
    static QString of(const QString& text);
};

} // namespace vigil
