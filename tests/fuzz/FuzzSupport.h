#pragma once

// Shared by every fuzz target (the pattern of qtbase's tests/libfuzzer): one QCoreApplication for
// the whole run, a fixed hash seed so an input behaves the same every time it is replayed, and no
// log output (millions of runs would drown the fuzzer's own report).
#include <QByteArray>
#include <QCoreApplication>
#include <QHashSeed>
#include <QString>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv);
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace vigil::fuzz {

inline void initialize(int* argc, char*** argv)
{
    QHashSeed::setDeterministicGlobalSeed();
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
        // A Q_ASSERT or qFatal is a finding: say what it was, then crash for the fuzzer to see.
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
            std::abort();
        }
    });
    static QCoreApplication app(*argc, *argv);
}

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

// An invariant of the code under test does not hold: a finding, like a crash.
[[noreturn]] inline void broken(const char* what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

} // namespace vigil::fuzz
