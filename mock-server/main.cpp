#include "base/DescriptorLimit.h"
#include "base/EventDispatcher.h"
#include "base/ParentWatch.h"
#include "base/SignalWatcher.h"
#include "log/Redaction.h"
#include "log/RequestLog.h"
#include "service/CommandLine.h"
#include "service/MockService.h"
#include "service/SnapshotCommand.h"
#include "simulator/SimulateCommand.h"

#include <QCoreApplication>
#include <QThread>
#include <cstdio>

namespace {

mockd::RequestLog* g_requestLog = nullptr;

// Every Qt log message goes through the redaction helper too, after the buffered request lines,
// so the order on stderr stays true.
void logMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (g_requestLog && QThread::currentThread() == QCoreApplication::instance()->thread())
        g_requestLog->flush();
    const QString line = mockd::Redaction::redactText(qFormatLogMessage(type, context, message));
    std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

} // namespace

int main(int argc, char* argv[])
{
    // Qt's plain UNIX event dispatcher wakes up faster than the GLib one; a server has no use for GLib.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    // On Linux an epoll one costs O(ready sockets) per wake-up instead of O(open sockets)
    // (--event-dispatcher qt keeps Qt's, for comparison). It must be in place before the application.
    if (mockd::EventDispatcher::fromArguments(argc, argv) == mockd::EventDispatcher::Kind::Epoll)
        QCoreApplication::setEventDispatcher(mockd::EventDispatcher::createEpoll());
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("vigil"));
    QCoreApplication::setApplicationName(QStringLiteral("vigil-mockd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VIGIL_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} %{type} %{category}: %{message}"));
    qInstallMessageHandler(logMessage);
    if (argc > 1 && qstrcmp(argv[1], "simulate") == 0)
        return mockd::sim::runSimulateCommand(QCoreApplication::arguments());
    if (argc > 1 && qstrcmp(argv[1], "snapshot") == 0)
        return mockd::runSnapshotCommand(QCoreApplication::arguments());

    auto options = mockd::CommandLine::parse(QCoreApplication::arguments(), qEnvironmentVariable("VIGIL_ADMIN_KEY"));
    if (!options) {
        std::fprintf(stderr, "vigil-mockd: %s\n", qPrintable(options.error()));
        return 2;
    }
    // Connections beyond the descriptors left for them would fail in accept() instead of being
    // refused by the cap; the rest is for the database, the GeoIP file and in-process simulated devices.
    constexpr qint64 reservedDescriptors = 256;
    const qint64 descriptors = mockd::DescriptorLimit::raiseToHardLimit();
    int& maxConnections = options->connections.maxConnections;
    if (descriptors > 0 && maxConnections > descriptors - reservedDescriptors) {
        maxConnections = int(qMax<qint64>(1, descriptors - reservedDescriptors));
        std::fprintf(stderr,
                     "vigil-mockd: %lld open descriptors allowed; at most %d connections at once\n",
                     static_cast<long long>(descriptors),
                     maxConnections);
    }

    mockd::SignalWatcher signalWatcher;
    if (!signalWatcher.install())
        std::fprintf(stderr, "vigil-mockd: cannot watch SIGINT/SIGTERM; stop with SIGKILL\n");

    mockd::MockService service(*options);
    g_requestLog = &service.requestLog();
    const auto url = service.start();
    if (!url) {
        std::fprintf(stderr, "vigil-mockd: %s\n", qPrintable(url.error()));
        g_requestLog = nullptr;
        return 1;
    }
    std::printf("listening on %s\n", qPrintable(url->toString()));
    std::fflush(stdout);

    QObject::connect(
        &signalWatcher, &mockd::SignalWatcher::terminationRequested, &service, [&service](int) { service.shutdown(); });
    mockd::ParentWatch parentWatch;
    if (options->parentWatchFd >= 0) {
        if (parentWatch.watch(options->parentWatchFd))
            QObject::connect(
                &parentWatch, &mockd::ParentWatch::parentGone, &service, [&service] { service.shutdown(); });
        else
            std::fprintf(stderr, "vigil-mockd: cannot watch descriptor %d for the parent\n", options->parentWatchFd);
    }
    QObject::connect(&service, &mockd::MockService::stopped, &app, [] { QCoreApplication::exit(0); });
    const int code = QCoreApplication::exec();
    g_requestLog = nullptr;
    return code;
}
