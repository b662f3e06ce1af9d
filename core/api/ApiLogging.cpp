#include "ApiLogging.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcApi, "vigil.core.api", QtInfoMsg)
} // namespace vigil
