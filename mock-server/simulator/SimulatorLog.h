#pragma once

#include <QLoggingCategory>

// The simulator's own category: it is a client of the service, not part of it.
Q_DECLARE_LOGGING_CATEGORY(lcSim)
