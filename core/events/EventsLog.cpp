#include "EventsLog.h"

namespace vigil {
Q_LOGGING_CATEGORY(lcEvents, "vigil.core.events", QtInfoMsg)
} // namespace vigil
