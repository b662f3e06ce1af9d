#pragma once

#include <QtGlobal>
#include <functional>

class QObject;
class QWidget;

namespace vigil {

// The first frame of a window. Start-up work that is slow or waits for something (the demo
// service, the keychain, the network) runs after it, so the window is on screen at once; and a
// benchmark can ask any Qt program built with this for the time of its first frame.
namespace FirstPaint {

// Runs `work` once `window` has been exposed and painted for the first time (or after a second
// when the platform never exposes it, e.g. a window started minimised), unless `context` is gone.
void after(QWidget* window, QObject* context, std::function<void()> work);

// With VIGIL_REPORT_FIRST_PAINT set: prints "first_paint steady_ms=<ms>" to stderr when the first
// window of the application has been painted, <ms> on the clock of std::chrono::steady_clock (on
// Linux CLOCK_MONOTONIC, the clock of Python's time.monotonic()), for bench/app_startup.py.
void reportIfAsked();

} // namespace FirstPaint

} // namespace vigil
