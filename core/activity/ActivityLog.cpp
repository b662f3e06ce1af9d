#include "core/activity/ActivityLog.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcActivity, "vigil.core.activity", QtInfoMsg)
} // namespace vigil
