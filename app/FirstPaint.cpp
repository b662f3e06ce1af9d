#include "app/FirstPaint.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <QWindow>
#include <chrono>
#include <cstdio>

namespace vigil::FirstPaint {

namespace {

// A window paints synchronously while it handles its first Expose event: a call queued when that
// event arrives runs once the frame has been painted and flushed.
class ExposeWatcher final : public QObject
{
public:
    ExposeWatcher(QObject* watched, std::function<void()> done) : QObject(watched), m_done(std::move(done))
    {
        watched->installEventFilter(this);
    }

    // Also when the window never shows up, so the work it holds back is not held forever.
    void fire()
    {
        if (!m_done)
            return;
        const auto done = std::exchange(m_done, nullptr);
        deleteLater();
        done();
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Expose && m_done) {
            const auto* window = qobject_cast<QWindow*>(watched);
            if (!window || window->isExposed())
                QMetaObject::invokeMethod(this, &ExposeWatcher::fire, Qt::QueuedConnection);
        }
        return false;
    }

private:
    std::function<void()> m_done;
};

// Watches every window the application creates until the first one is painted.
class AppWatcher final : public QObject
{
public:
    AppWatcher() : QObject(QCoreApplication::instance()) { QCoreApplication::instance()->installEventFilter(this); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Expose && qobject_cast<QWindow*>(watched) &&
            static_cast<QWindow*>(watched)->isExposed() && !m_seen) {
            m_seen = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    const auto now = std::chrono::steady_clock::now().time_since_epoch();
                    std::fprintf(
                        stderr, "first_paint steady_ms=%.3f\n", std::chrono::duration<double, std::milli>(now).count());
                    std::fflush(stderr);
                    deleteLater();
                },
                Qt::QueuedConnection);
        }
        return false;
    }

private:
    bool m_seen = false;
};

constexpr int neverExposedMs = 1000;

} // namespace

void after(QWidget* window, QObject* context, std::function<void()> work)
{
    QPointer<QObject> guard(context);
    auto run = [guard, work = std::move(work)] {
        if (guard)
            work();
    };
    window->winId(); // the native window exists from here on, shown or not
    QWindow* handle = window->windowHandle();
    if (handle && handle->isExposed()) {
        QMetaObject::invokeMethod(context, run, Qt::QueuedConnection);
        return;
    }
    auto* watcher = new ExposeWatcher(handle ? static_cast<QObject*>(handle) : window, std::move(run));
    QTimer::singleShot(neverExposedMs, watcher, &ExposeWatcher::fire);
}

void reportIfAsked()
{
    if (!qEnvironmentVariableIsEmpty("VIGIL_REPORT_FIRST_PAINT"))
        new AppWatcher;
}

} // namespace vigil::FirstPaint
