#pragma once

#include "geo/GeoLocation.h"

#include <optional>

namespace mockd::Distance {

// Great-circle distance between two places in km (haversine on a sphere of the Earth's mean
// radius: a warning needs tens of kilometres, not metres); nothing when either has no coordinates.
std::optional<double> kilometres(const GeoLocation& a, const GeoLocation& b);
// Another country, or farther than TvSignInPolicy::farKilometres; never when either is unknown.
bool isFar(const GeoLocation& a, const GeoLocation& b);

} // namespace mockd::Distance
