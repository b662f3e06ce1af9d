#pragma once

#include <QLoggingCategory>

namespace vigil {
Q_DECLARE_LOGGING_CATEGORY(lcSecurityKeys)
} // namespace vigil
