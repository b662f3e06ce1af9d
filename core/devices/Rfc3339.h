#pragma once

#include <QDateTime>
#include <QStringView>

namespace vigil {

// Reads the common RFC 3339 shape "2026-03-10T11:58:00[.250](Z|±hh:mm)" straight into a UTC
// QDateTime, without QDateTime's general ISO parser: a device list holds tens of thousands of
// these. Anything else answers an invalid QDateTime (callers may then try the general parser).
class Rfc3339 final
{
public:
    Rfc3339() = delete;

    static QDateTime parse(QStringView text);
};

} // namespace vigil
