#pragma once

#include <QString>
#include <QStringView>

namespace vigil {

// The code a TV shows on screen ("WDJB-MJHT", RFC 8628's user_code) as a person types or pastes
// it: any case, with or without the dash, with spaces, or copied with a typographic dash. Only
// letters and digits count; the service decides which of them it ever issues.
namespace UserCode {

inline constexpr int length = 8;

// "wdjb mjht", "WDJB–MJHT", " wdjbmjht " → "WDJBMJHT".
QString normalized(QStringView input);
// Eight letters or digits after normalizing.
bool isComplete(QStringView input);
// "WDJB-MJHT": the way the TV shows it; anything that is not a complete code is returned as typed.
QString formatted(QStringView input);

} // namespace UserCode
} // namespace vigil
