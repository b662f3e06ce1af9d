#include "core/stepup/StepUpLog.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcStepUp, "vigil.core.stepup", QtInfoMsg)
} // namespace vigil
