#pragma once

#include <QStringList>

namespace vigil {

// Keeps Vigil's recent log lines in memory for a problem report. Every line passes through
// Redaction::text before it is kept, so the report's log holds no token, password or code; every
// message still goes on to the handler installed before (stderr by default).
class LogRecorder final
{
public:
    LogRecorder() = delete;

    static constexpr qsizetype defaultCapacity = 5000;

    // Installs the message handler once (later calls only change the capacity).
    static void install(qsizetype capacity = defaultCapacity);
    // The kept lines, oldest first.
    static QStringList lines();
    static void clear();
};

} // namespace vigil
