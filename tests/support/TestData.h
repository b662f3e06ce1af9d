#pragma once

#include <QString>
#include <QStringView>

// A file of the source tree's tests/ folder, e.g. testData(u"service/data/support-test.json").
// Tests find their data through VIGIL_SOURCE_DIR (set by ctest, tests/CMakeLists.txt) rather than
// QFINDTESTDATA, whose per-folder definitions would keep the tests from sharing one precompiled header.
inline QString testData(QStringView relative)
{
    return qEnvironmentVariable("VIGIL_SOURCE_DIR") + QStringLiteral("/tests/") + relative;
}
