#pragma once

#include <QString>
#include <optional>

namespace vigil {

// The sidebar's sections, in their order.
enum class Section
{
    Overview,
    Devices,
    Security,
    Profiles,
    Activity,
    Preferences,
    Help,
};

inline constexpr int sectionCount = 7;

// In-app links ("vigil:section/devices") let help texts and notes open a page.
std::optional<Section> sectionFromLink(const QString& link);
QString linkTo(Section section);

} // namespace vigil
