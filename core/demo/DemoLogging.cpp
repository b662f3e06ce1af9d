#include "DemoLogging.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcDemo, "vigil.core.demo", QtInfoMsg)
} // namespace vigil
