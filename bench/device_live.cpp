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
#include <QElapsedTimer>
#include <QEnterEvent>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <vector>

using namespace vigil;

namespace {

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

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

// The time the UI thread spends in each event-loop pass that does something: between waking up
// and going back to sleep. A pass longer than 16 ms is a dropped frame.
class PassTimer final : public QObject
{
public:
    PassTimer()
    {
        auto* dispatcher = QAbstractEventDispatcher::instance();
        connect(dispatcher, &QAbstractEventDispatcher::awake, this, [this] {
            if (!m_busy.isValid())
                m_busy.start();
        });
        connect(dispatcher, &QAbstractEventDispatcher::aboutToBlock, this, [this] {
            if (m_busy.isValid() && m_recording)
                passes.push_back(double(m_busy.nsecsElapsed()) / 1e6);
            m_busy.invalidate();
        });
    }
    void record(bool on)
    {
        m_recording = on;
        if (on)
            passes.clear();
    }
    std::vector<double> passes;

private:
    QElapsedTimer m_busy;
    bool m_recording = false;
};

class PaintCounter final : public QObject
{
public:
    explicit PaintCounter(QWidget* viewport) : QObject(viewport) { viewport->installEventFilter(this); }
    int paints = 0;

protected:
    bool eventFilter(QObject* /*watched*/, QEvent* event) override
    {
        paints += event->type() == QEvent::Paint ? 1 : 0;
        return false;
    }
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
    QApplication app(argc, argv);
    QApplication::setStyle(QStringLiteral("Fusion"));
    QCommandLineParser parser;
    const QCommandLineOption devicesOption(
        QStringLiteral("devices"), QStringLiteral("Devices."), QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption rateOption(
        QStringLiteral("rate"), QStringLiteral("Events a second."), QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption secondsOption(
        QStringLiteral("seconds"), QStringLiteral("Seconds per phase."), QStringLiteral("S"), QStringLiteral("5"));
    parser.addOptions({devicesOption, rateOption, secondsOption});
    parser.addHelpOption();
    parser.process(app);
    const int deviceCount = parser.value(devicesOption).toInt();
    const int rate = parser.value(rateOption).toInt();
    const double seconds = parser.value(secondsOption).toDouble();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray json = bench::generateDevicesJson(deviceCount, now, 2026);
    const QJsonObject page = QJsonDocument::fromJson(json).object();
    FakeNetworkAccessManager network;
    network.setHandler([&page](const FakeRequest& request) {
        if (request.path() == QLatin1String("/v1/devices"))
            return FakeResponse::json(200, page);
        return FakeResponse::error(404, "not_found");
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
    QSignalSpy loaded(&service, &DeviceService::loaded);
    service.reload();
    if (!loaded.wait(60000)) {
        std::printf("device_live.FAILED: the device list did not load\n");
        return 1;
    }
    QTableView* table = devicesPage.table();
    QWidget* viewport = table->viewport();
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents();
    std::printf("device_live.devices=%d rows_shown=%d rate=%d/s seconds_per_phase=%.1f\n",
                model.rowCount(),
                table->model()->rowCount(),
                rate,
                seconds);

    const int eventsPerPhase = int(rate * seconds);
    const Phase phases[] = {{"batched", false, false}, {"batched_hover", true, false}, {"per_event", false, true}};
    PassTimer passTimer;
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
        passTimer.record(true);
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
        passTimer.record(false);
        const double elapsed = double(clock.nsecsElapsed()) / 1e9;
        const QString idAfter = table->indexAt(hoverAt).data(DeviceListModel::IdRole).toString();
        std::printf("device_live.%s frame_ms p50=%.2f p99=%.2f max=%.2f target_p99<16 passes=%zu events=%d "
                    "in=%.2fs model_data_changed=%d view_moves=%d view_layouts=%d paints=%d%s\n",
                    phase.name,
                    percentile(passTimer.passes, 0.5),
                    percentile(passTimer.passes, 0.99),
                    percentile(passTimer.passes, 1.0),
                    passTimer.passes.size(),
                    sent,
                    elapsed,
                    changes,
                    moves,
                    layouts,
                    paints->paints,
                    phase.hover ? (idAfter == idUnderPointer ? " row_under_pointer=kept" : " row_under_pointer=MOVED")
                                : "");
        if (phase.hover) {
            QEvent leave(QEvent::Leave);
            QCoreApplication::sendEvent(viewport, &leave);
            for (int i = 0; i < 20; ++i)
                QCoreApplication::processEvents();
        }
    }

    const qint64 ours = rssKib(QStringLiteral("/proc/self/status"));
    const qint64 minimal = minimalWindowRssKib();
    std::printf("device_live.rss_mib value=%.1f minimal_window=%.1f ratio=%.2fx target<=2.5x\n",
                double(ours) / 1024,
                double(minimal) / 1024,
                minimal > 0 ? double(ours) / double(minimal) : 0.0);
    return 0;
}
