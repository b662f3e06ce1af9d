#pragma once

#include <QLoggingCategory>

namespace vigil {
Q_DECLARE_LOGGING_CATEGORY(lcSecurity)
} // namespace vigil
