#include "AuthLogging.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcAuth, "vigil.core.auth", QtInfoMsg)
} // namespace vigil
