#include "simulator/SimulatorLog.h"

Q_LOGGING_CATEGORY(lcSim, "vigil.mockd.sim", QtInfoMsg)
