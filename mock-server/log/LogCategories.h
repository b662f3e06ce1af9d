#pragma once

#include <QLoggingCategory>

// One category per module of vigil-mockd; enable more with QT_LOGGING_RULES="vigil.mockd.*.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcMockd)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcRequests)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcAdmin)
Q_DECLARE_LOGGING_CATEGORY(lcScenarios)
