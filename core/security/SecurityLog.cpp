#include "core/security/SecurityLog.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcSecurity, "vigil.core.security", QtInfoMsg)
} // namespace vigil
