#include "core/tv/TvLog.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcTv, "vigil.core.tv", QtInfoMsg)
} // namespace vigil
