#include "core/flows/FlowsLog.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcFlows, "vigil.core.flows", QtInfoMsg)
} // namespace vigil
