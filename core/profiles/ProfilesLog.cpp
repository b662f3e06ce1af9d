#include "core/profiles/ProfilesLog.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcProfiles, "vigil.core.profiles", QtInfoMsg)
} // namespace vigil
