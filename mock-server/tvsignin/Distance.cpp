#include "tvsignin/Distance.h"

#include "tvsignin/TvSignInPolicy.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace mockd::Distance {

namespace {

constexpr double earthRadiusKm = 6371.0;

double radians(double degrees)
{
    return degrees * std::numbers::pi / 180.0;
}

} // namespace

std::optional<double> kilometres(const GeoLocation& a, const GeoLocation& b)
{
    if (!a.latitude || !a.longitude || !b.latitude || !b.longitude)
        return std::nullopt;
    const double dLat = radians(*b.latitude - *a.latitude);
    const double dLon = radians(*b.longitude - *a.longitude);
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) + std::cos(radians(*a.latitude)) *
                                                                   std::cos(radians(*b.latitude)) * std::sin(dLon / 2) *
                                                                   std::sin(dLon / 2);
    return 2 * earthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

bool isFar(const GeoLocation& a, const GeoLocation& b)
{
    if (!a.isKnown() || !b.isKnown())
        return false;
    if (!a.countryCode.isEmpty() && !b.countryCode.isEmpty() && a.countryCode != b.countryCode)
        return true;
    const auto km = kilometres(a, b);
    return km && *km > TvSignInPolicy::farKilometres;
}

} // namespace mockd::Distance
