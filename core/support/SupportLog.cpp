#include "SupportLog.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcSupport, "vigil.core.support", QtInfoMsg)
} // namespace vigil
