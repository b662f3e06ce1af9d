// bench_device_live: the Devices page with 10,000 devices while 1,000 status events a second arrive,
// through the app's own path (EventStream::eventReceived → DeviceService → DeviceListModel →
// DeviceFilterModel → the page's table, shown on the offscreen platform). Prints the UI thread's
// frame times (each event-loop pass that did work: events applied, models updated, table painted)
// as p50/p99/max, with the pointer away from the list and resting on it (rows held in place), the
// same figures for the events applied one by one to the model (the path before bursts), and the
// RSS of this process against bench_minimal_window started by this run.
// Usage: bench_device_live [--devices 10000] [--rate 1000] [--seconds 5]
#include "DeviceBenchData.h"
#include "FakeNetworkAccessManager.h"
#include "TestTokens.h"
#include "core/api/ApiClient.h"
#include "core/auth/Session.h"
#include "core/devices/DeviceFilterModel.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/DeviceService.h"
#include "core/events/EventStream.h"
#include "ui/main/SectionNavigator.h"
#include "ui/pages/DevicesPage.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QCommandLineParser>
#include <QCursor>
#include <QElapsedTimer>
#include <QEnterEvent>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>
#include <cstdio>
#include <vector>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace vigil;

using bench::PaintCounter;
using bench::percentile;

namespace {

qint64 rssKib(const QString& statusFile)
{
    QFile file(statusFile);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

// The time the UI thread spends on each wake-up: every event delivered from the event loop (timers,
// posted events, paints) between two waits for more, summed. A pass over 16 ms is a dropped frame.
class BenchApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (m_depth > 0)
            return QApplication::notify(receiver, event);
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const bool result = QApplication::notify(receiver, event);
        m_pass += double(timer.nsecsElapsed()) / 1e6;
        --m_depth;
        return result;
    }
    void startRecording()
    {
        passes.clear();
        m_pass = 0;
        if (!m_connected) {
            m_connected = true;
            QObject::connect(QAbstractEventDispatcher::instance(),
                             &QAbstractEventDispatcher::aboutToBlock,
                             this,
                             [this] { endPass(); });
        }
        m_recording = true;
    }
    void stopRecording()
    {
        endPass();
        m_recording = false;
    }
    std::vector<double> passes;

private:
    void endPass()
    {
        if (m_recording && m_pass > 0)
            passes.push_back(m_pass);
        m_pass = 0;
    }
    int m_depth = 0;
    double m_pass = 0;
    bool m_recording = false;
    bool m_connected = false;
};

// The minimal-window baseline's RSS, in the same run and on the same platform plugin.
qint64 minimalWindowRssKib()
{
    QProcess minimal;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("VIGIL_REPORT_FIRST_PAINT"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QString::fromLocal8Bit(qgetenv("QT_QPA_PLATFORM")));
    minimal.setProcessEnvironment(env);
    minimal.start(QCoreApplication::applicationDirPath() + QStringLiteral("/bench_minimal_window"), {});
    if (!minimal.waitForStarted(10000))
        return 0;
    QElapsedTimer waited;
    waited.start();
    while (!minimal.readAllStandardError().contains("first_paint") && waited.elapsed() < 10000)
        minimal.waitForReadyRead(100);
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 500)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const qint64 rss = rssKib(QStringLiteral("/proc/%1/status").arg(minimal.processId()));
    minimal.terminate();
    minimal.waitForFinished(5000);
    return rss;
}

struct Phase
{
    const char* name;
    bool hover;
    bool perEvent;
};

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    BenchApplication app(argc, argv);
    QApplication::setStyle(QStringLiteral("Fusion"));
    QCommandLineParser parser;
    const QCommandLineOption devicesOption(
        QStringLiteral("devices"), QStringLiteral("Devices."), QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption rateOption(
        QStringLiteral("rate"), QStringLiteral("Events a second."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption shotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Save the page, as painted after the first phase, to this file."),
        QStringLiteral("PNG"));
    const QCommandLineOption secondsOption(
        QStringLiteral("seconds"), QStringLiteral("Seconds per phase."), QStringLiteral("S"), QStringLiteral("5"));
    parser.addOptions({devicesOption, rateOption, secondsOption, shotOption});
    parser.addHelpOption();
    parser.process(app);
    const int deviceCount = parser.value(devicesOption).toInt();
    const int rate = parser.value(rateOption).toInt();
    const double seconds = parser.value(secondsOption).toDouble();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Served in pages, as vigil-mockd does (limit/cursor): the app never holds the whole list's JSON.
    // The pages are made up front as bytes, so the bench's own JSON does not mix with the app's heap.
    auto pages = std::make_shared<QList<QByteArray>>();
    FakeNetworkAccessManager network;
    network.setHandler([pages](const FakeRequest& request) {
        const int index = QUrlQuery(request.url).queryItemValue(QStringLiteral("cursor")).toInt();
        if (request.path() != QLatin1String("/v1/devices") || index >= pages->size())
            return FakeResponse::error(404, "not_found");
        return FakeResponse::raw(200, pages->at(index), "application/json");
    });
    Session session;
    ApiClient api(&network, &session);
    api.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9/")));
    session.setTokens(
        api.baseUrl(),
        TokenPair::fromJson(TestTokens::pair(QStringLiteral("vat_bench"), QStringLiteral("vrt_bench"))).value());
    DeviceListModel model;
    DeviceService service(&api, &model);
    EventStream stream;
    service.setEventStream(&stream);
    SectionNavigator navigator;
    DevicesPage devicesPage(&service, &stream, &navigator);
    devicesPage.resize(1280, 800);
    devicesPage.show();
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents();
    const qint64 emptyPage = rssKib(QStringLiteral("/proc/self/status"));
    {
        const QJsonArray all = QJsonDocument::fromJson(bench::generateDevicesJson(deviceCount, now, 2026))
                                   .object()
                                   .value(QStringLiteral("devices"))
                                   .toArray();
        for (qsizetype from = 0; from < all.size(); from += DeviceService::pageSize) {
            QJsonArray devices;
            for (qsizetype i = from; i < std::min(all.size(), from + DeviceService::pageSize); ++i)
                devices.append(all.at(i));
            const qsizetype next = from + DeviceService::pageSize;
            const QJsonValue cursor = next < all.size() ? QJsonValue(QString::number(pages->size() + 1)) : QJsonValue();
            pages->append(QJsonDocument(QJsonObject{{QStringLiteral("devices"), devices},
                                                    {QStringLiteral("next_cursor"), cursor}})
                              .toJson(QJsonDocument::Compact));
        }
    }
    QSignalSpy loaded(&service, &DeviceService::loaded);
    service.reload();
    if (!loaded.wait(60000)) {
        std::printf("device_live.FAILED: the device list did not load\n");
        return 1;
    }
    pages->clear(); // the service's copy, not the bench's, is what the app keeps
    QTableView* table = devicesPage.table();
    // On a real display the pointer may rest where the page opened, holding the order: not yet.
    QCursor::setPos(devicesPage.mapToGlobal(QPoint(devicesPage.width() + 50, devicesPage.height() + 50)));
    QWidget* viewport = table->viewport();
    // Settled: what the app does in the second after a load has run (it hands freed memory back).
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 1500)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const qint64 loadedRss = rssKib(QStringLiteral("/proc/self/status"));
    std::printf("device_live.devices=%d rows_shown=%d rate=%d/s seconds_per_phase=%.1f rss_mib_empty_page=%.1f "
                "rss_mib_loaded=%.1f\n",
                model.rowCount(),
                table->model()->rowCount(),
                rate,
                seconds,
                double(emptyPage) / 1024,
                double(loadedRss) / 1024);

    const int eventsPerPhase = int(rate * seconds);
    const Phase phases[] = {{"batched", false, false}, {"batched_hover", true, false}, {"per_event", false, true}};
    auto* paints = new PaintCounter(viewport);
    int seq = 0;
    quint32 seed = 7;
    for (const Phase& phase : phases) {
        const QList<QJsonObject> events = bench::generateStatusEvents(eventsPerPhase, deviceCount, now, seed++);
        const QPoint hoverAt(viewport->width() / 2, table->rowViewportPosition(3) + 2);
        if (phase.hover) {
            QEnterEvent enter(hoverAt, viewport->mapTo(table->window(), hoverAt), viewport->mapToGlobal(hoverAt));
            QCoreApplication::sendEvent(viewport, &enter);
        }
        const QString idUnderPointer = table->indexAt(hoverAt).data(DeviceListModel::IdRole).toString();
        int moves = 0;
        int layouts = 0;
        int changes = 0;
        QObject counters;
        QObject::connect(table->model(), &QAbstractItemModel::rowsMoved, &counters, [&moves] { ++moves; });
        QObject::connect(table->model(), &QAbstractItemModel::layoutChanged, &counters, [&layouts] { ++layouts; });
        QObject::connect(&model, &QAbstractItemModel::dataChanged, &counters, [&changes] { ++changes; });
        paints->paints = 0;

        int sent = 0;
        QElapsedTimer clock;
        QTimer feeder;
        feeder.setTimerType(Qt::PreciseTimer);
        feeder.setInterval(4); // events come in bunches, as socket reads deliver them
        QObject::connect(&feeder, &QTimer::timeout, &feeder, [&] {
            const int due = std::min(eventsPerPhase, int(double(clock.nsecsElapsed()) / 1e9 * rate));
            for (; sent < due; ++sent) {
                if (phase.perEvent)
                    model.applyEvent(u"device.updated", events.at(sent));
                else
                    Q_EMIT stream.eventReceived(QStringLiteral("device.updated"), events.at(sent), ++seq);
            }
        });
        app.startRecording();
        clock.start();
        feeder.start();
        while (sent < eventsPerPhase)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        feeder.stop();
        // The last burst lands too.
        QElapsedTimer tail;
        tail.start();
        while (tail.elapsed() < 200)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        app.stopRecording();
        const double elapsed = double(clock.nsecsElapsed()) / 1e9;
        const QString idAfter = table->indexAt(hoverAt).data(DeviceListModel::IdRole).toString();
        std::printf("device_live.%s frame_ms p50=%.2f p99=%.2f max=%.2f target_p99<16 passes=%zu events=%d "
                    "in=%.2fs model_data_changed=%d view_moves=%d view_layouts=%d paints=%d%s\n",
                    phase.name,
                    percentile(app.passes, 0.5),
                    percentile(app.passes, 0.99),
                    percentile(app.passes, 1.0),
                    app.passes.size(),
                    sent,
                    elapsed,
                    changes,
                    moves,
                    layouts,
                    paints->paints,
                    phase.hover ? (idAfter == idUnderPointer ? " row_under_pointer=kept" : " row_under_pointer=MOVED")
                                : "");
        if (parser.isSet(shotOption) && !phase.hover && !phase.perEvent)
            devicesPage.grab().save(parser.value(shotOption));
        if (phase.hover) {
            QEvent leave(QEvent::Leave);
            QCoreApplication::sendEvent(viewport, &leave);
            for (int i = 0; i < 20; ++i)
                QCoreApplication::processEvents();
        }
    }

    // What the app holds (the bench's own pages and event lists are gone by now).
    const qint64 ours = rssKib(QStringLiteral("/proc/self/status"));
#if defined(__GLIBC__)
    std::printf("device_live.heap_in_use_mib=%.1f\n", double(mallinfo2().uordblks) / 1048576.0);
#endif
    const qint64 minimal = minimalWindowRssKib();
    const auto ratio = [minimal](qint64 rss) { return minimal > 0 ? double(rss) / double(minimal) : 0.0; };
    std::printf("device_live.rss_mib loaded=%.1f (%.2fx) after_events=%.1f (%.2fx) minimal_window=%.1f "
                "target<=2.5x\n",
                double(loadedRss) / 1024,
                ratio(loadedRss),
                double(ours) / 1024,
                ratio(ours),
                double(minimal) / 1024);
    return 0;
}
