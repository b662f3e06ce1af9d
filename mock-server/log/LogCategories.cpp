#include "log/LogCategories.h"

Q_LOGGING_CATEGORY(lcMockd, "vigil.mockd", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "vigil.mockd.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRequests, "vigil.mockd.requests", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "vigil.mockd.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "vigil.mockd.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAdmin, "vigil.mockd.admin", QtInfoMsg)
Q_LOGGING_CATEGORY(lcScenarios, "vigil.mockd.scenarios", QtInfoMsg)
