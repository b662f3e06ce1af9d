#pragma once

#include <QLoggingCategory>

namespace vigil {
Q_DECLARE_LOGGING_CATEGORY(lcTv)
} // namespace vigil
