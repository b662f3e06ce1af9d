#include "AccountLogging.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcAccount, "vigil.core.account", QtInfoMsg)
} // namespace vigil
