#include "core/securitykeys/SecurityKeysLog.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcSecurityKeys, "vigil.core.securitykeys", QtInfoMsg)
} // namespace vigil
