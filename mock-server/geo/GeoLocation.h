#pragma once

#include <QString>
#include <optional>

namespace mockd {

// Where an address is, as far as the GeoIP database knows. Every field may be empty.
struct GeoLocation
{
    QString city;
    QString region;
    QString country;
    QString countryCode;
    std::optional<double> latitude;
    std::optional<double> longitude;

    bool isKnown() const { return !country.isEmpty() || !city.isEmpty(); }
};

} // namespace mockd
