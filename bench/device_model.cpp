// bench_device_model: the Devices table with 10,000 devices, measured against a plain
// QStandardItemModel + QSortFilterProxyModel over the same 10,000 × 8 strings, in the same run.
// Prints figures and speedups (baseline time / our time); asserts only that live events never
// reset the models. Run with QT_QPA_PLATFORM=offscreen (set by default below).
#include "DeviceBenchData.h"
#include "core/devices/DeviceFilterModel.h"
#include "core/devices/DeviceListModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

using vigil::Device;
using vigil::DeviceFilterModel;
using vigil::DeviceListModel;

using bench::PaintCounter;
using bench::percentile;

namespace {

constexpr int deviceCount = 10000;
constexpr int eventCount = 1000;
constexpr int loadRuns = 5;
constexpr QSize viewSize(1280, 800);

double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// A table view whose pending relayout can be run on demand, so one measured step is exactly:
// relayout, then one paint of everything dirty.
class BenchTableView final : public QTableView
{
public:
    using QAbstractItemView::executeDelayedItemsLayout;
};

// What a step costs on screen, as in the running app: the relayout, then one full repaint of the
// visible table through the real backing store (the view is shown on the offscreen platform).
void paint(BenchTableView& view)
{
    view.executeDelayedItemsLayout();
    view.viewport()->update();
    QCoreApplication::processEvents();
}

void prepareView(BenchTableView& view)
{
    // As on the Devices page: no row numbers (they also make the header width jump with the count).
    view.verticalHeader()->hide();
    view.resize(viewSize);
    view.show();
    QCoreApplication::processEvents();
}

// The baseline: what a straightforward Qt implementation does with the same data.
struct Baseline
{
    enum Column
    {
        Name,
        Type,
        Status,
        Profile,
        Location,
        LastActive,
        System,
        Ip,
        Count
    };

    QStandardItemModel* items = nullptr;
    QSortFilterProxyModel proxy;
    BenchTableView view;
    QHash<QString, int> rowById;

    Baseline()
    {
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        proxy.setFilterKeyColumn(-1);
        view.setModel(&proxy);
        view.setSortingEnabled(true);
        view.sortByColumn(LastActive, Qt::DescendingOrder);
        prepareView(view);
    }

    void load(const QList<Device>& devices)
    {
        auto* model = new QStandardItemModel(0, Count, &view);
        rowById.clear();
        model->setRowCount(int(devices.size()));
        for (int row = 0; row < devices.size(); ++row) {
            const Device& device = devices.at(row);
            const QString texts[Count] = {device.name,
                                          Device::typeText(device.type),
                                          Device::statusText(device.status),
                                          device.shownProfile(),
                                          device.locationText(),
                                          device.lastActive.toString(Qt::ISODate),
                                          device.osText(),
                                          device.ip};
            for (int column = 0; column < Count; ++column) {
                model->setItem(row, column, new QStandardItem(texts[column]));
            }
            rowById.insert(device.id, row);
        }
        proxy.setSourceModel(model);
        delete items;
        items = model;
    }

    void apply(const QJsonObject& event)
    {
        const int row = rowById.value(event.value(QStringLiteral("id")).toString(), -1);
        if (row < 0) {
            return;
        }
        const Device::Status status = Device::statusFromString(event.value(QStringLiteral("status")).toString());
        items->item(row, Status)->setText(Device::statusText(status));
        if (event.contains(QStringLiteral("last_active"))) {
            items->item(row, LastActive)->setText(event.value(QStringLiteral("last_active")).toString());
        }
    }
};

struct Ours
{
    DeviceListModel model;
    DeviceFilterModel proxy;
    BenchTableView view;

    explicit Ours(const vigil::RelativeTime& time)
    {
        model.setRelativeTime(time);
        proxy.setSourceModel(&model);
        view.setModel(&proxy);
        // Same visible column count as the baseline's 8.
        view.setColumnHidden(DeviceListModel::AppColumn, true);
        view.setColumnHidden(DeviceListModel::FirstSignInColumn, true);
        view.horizontalHeader()->setSortIndicator(DeviceListModel::LastActiveColumn, Qt::DescendingOrder);
        view.setSortingEnabled(true);
        prepareView(view);
    }
};

// Type each text one character at a time, then erase it one character at a time.
QStringList keystrokes()
{
    const QStringList texts{QStringLiteral("living room"),
                            QStringLiteral("lisbon"),
                            QStringLiteral("ana"),
                            QStringLiteral("pixel 8"),
                            QStringLiteral("são paulo")};
    QStringList steps;
    for (const QString& text : texts) {
        for (qsizetype n = 1; n <= text.size(); ++n) {
            steps.append(text.left(n));
        }
        for (qsizetype n = text.size() - 1; n >= 0; --n) {
            steps.append(text.left(n));
        }
    }
    return steps;
}

void printStats(const char* name, const std::vector<double>& ours, const std::vector<double>& base, const char* target)
{
    const double p50 = percentile(ours, 0.5);
    const double p95 = percentile(ours, 0.95);
    const double b50 = percentile(base, 0.5);
    const double b95 = percentile(base, 0.95);
    std::printf("device_model.%s p50=%.2f p95=%.2f%s baseline_p50=%.2f baseline_p95=%.2f speedup_p50=%.1fx "
                "speedup_p95=%.1fx n=%zu\n",
                name,
                p50,
                p95,
                target,
                b50,
                b95,
                b50 / p50,
                b95 / p95,
                ours.size());
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QApplication::setStyle(QStringLiteral("Fusion")); // the same on every machine
    const QDateTime now(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
    const vigil::RelativeTime time([now] { return now; });

    // Warm up fonts, style and the first window, which neither side should pay for.
    {
        QStandardItemModel warm(3, 3);
        BenchTableView view;
        view.setModel(&warm);
        prepareView(view);
        paint(view);
    }

    // 1. JSON parse, on its own.
    const QByteArray json = bench::generateDevicesJson(deviceCount, now, 2026);
    std::vector<double> documentMs;
    std::vector<double> devicesMs;
    QList<Device> devices;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        const QJsonDocument document = QJsonDocument::fromJson(json);
        documentMs.push_back(msSince(timer));
        timer.restart();
        vigil::DeviceListParse parse =
            vigil::DeviceListParse::fromJson(document.object().value(QStringLiteral("devices")).toArray());
        devicesMs.push_back(msSince(timer));
        devices = std::move(parse.devices);
    }
    const double documentP50 = percentile(documentMs, 0.5);
    const double devicesP50 = percentile(devicesMs, 0.5);
    std::printf("device_model.devices=%lld json_bytes=%lld\n", qint64(devices.size()), qint64(json.size()));
    std::printf("device_model.json_parse_ms total=%.2f document=%.2f devices=%.2f (median of 3)\n",
                documentP50 + devicesP50,
                documentP50,
                devicesP50);

    // 2. Model load + first paint of the table (median of several runs, alternating sides).
    auto ours = std::make_unique<Ours>(time);
    Baseline base;
    std::vector<double> oursLoad;
    std::vector<double> oursModelOnly;
    std::vector<double> baseLoad;
    for (int run = 0; run < loadRuns; ++run) {
        ours->model.setDevices({});
        paint(ours->view);
        QElapsedTimer timer;
        timer.start();
        ours->model.setDevices(devices);
        oursModelOnly.push_back(msSince(timer));
        paint(ours->view);
        oursLoad.push_back(msSince(timer));

        timer.restart();
        base.load(devices);
        paint(base.view);
        baseLoad.push_back(msSince(timer));
    }
    const double load = percentile(oursLoad, 0.5);
    const double baseLoadP50 = percentile(baseLoad, 0.5);
    std::printf("device_model.load_paint_ms value=%.2f (model=%.2f paint=%.2f) target<50 baseline=%.2f "
                "speedup=%.1fx runs=%d\n",
                load,
                percentile(oursModelOnly, 0.5),
                load - percentile(oursModelOnly, 0.5),
                baseLoadP50,
                baseLoadP50 / load,
                loadRuns);

    // 3. Filter keystrokes, each including the repaint.
    const QStringList steps = keystrokes();
    std::vector<double> oursKeys;
    std::vector<double> baseKeys;
    std::vector<double> oursTyping;
    std::vector<double> oursErasing;
    QString previous;
    auto* oursPaints = new PaintCounter(ours->view.viewport());
    auto* basePaints = new PaintCounter(base.view.viewport());
    for (const QString& text : steps) {
        QElapsedTimer timer;
        timer.start();
        ours->proxy.setSearchText(text);
        paint(ours->view);
        const double ms = msSince(timer);
        oursKeys.push_back(ms);
        (text.size() > previous.size() ? oursTyping : oursErasing).push_back(ms);

        timer.restart();
        base.proxy.setFilterFixedString(text);
        paint(base.view);
        baseKeys.push_back(msSince(timer));
        previous = text;
    }
    printStats("filter_keystroke_ms", oursKeys, baseKeys, " target<16");
    std::printf("device_model.paints_per_keystroke ours=%.2f baseline=%.2f\n",
                double(oursPaints->paints) / double(steps.size()),
                double(basePaints->paints) / double(steps.size()));
    std::printf("device_model.filter_keystroke_split_ms typing_p50=%.2f typing_p95=%.2f erasing_p50=%.2f "
                "erasing_p95=%.2f\n",
                percentile(oursTyping, 0.5),
                percentile(oursTyping, 0.95),
                percentile(oursErasing, 0.5),
                percentile(oursErasing, 0.95));
    ours->proxy.setSearchText(QStringLiteral("lisbon"));
    base.proxy.setFilterFixedString(QStringLiteral("lisbon"));
    std::printf("device_model.filter_rows search=\"lisbon\" ours=%d baseline=%d\n",
                ours->proxy.rowCount(),
                base.proxy.rowCount());
    ours->proxy.setSearchText(QString());
    base.proxy.setFilterFixedString(QString());
    paint(ours->view);
    paint(base.view);

    // For scale: a repaint with nothing changed, the floor under every keystroke.
    {
        std::vector<double> oursPaint;
        std::vector<double> basePaint;
        for (int run = 0; run < 20; ++run) {
            QElapsedTimer timer;
            timer.start();
            paint(ours->view);
            oursPaint.push_back(msSince(timer));
            timer.restart();
            paint(base.view);
            basePaint.push_back(msSince(timer));
        }
        std::printf("device_model.repaint_only_ms p50=%.2f baseline_p50=%.2f\n",
                    percentile(oursPaint, 0.5),
                    percentile(basePaint, 0.5));
    }

    // 4. Column sort (a header click) with repaint.
    {
        QElapsedTimer timer;
        timer.start();
        ours->view.sortByColumn(DeviceListModel::NameColumn, Qt::AscendingOrder);
        paint(ours->view);
        const double oursSort = msSince(timer);
        timer.restart();
        base.view.sortByColumn(Baseline::Name, Qt::AscendingOrder);
        paint(base.view);
        const double baseSort = msSince(timer);
        std::printf("device_model.sort_by_name_ms value=%.2f baseline=%.2f speedup=%.1fx\n",
                    oursSort,
                    baseSort,
                    baseSort / oursSort);
        ours->view.sortByColumn(DeviceListModel::LastActiveColumn, Qt::DescendingOrder);
        base.view.sortByColumn(Baseline::LastActive, Qt::DescendingOrder);
        paint(ours->view);
        paint(base.view);
    }

    // 5. 1,000 live status events: never a reset.
    const QList<QJsonObject> events = bench::generateStatusEvents(eventCount, deviceCount, now, 7);
    int resets = 0;
    int layouts = 0;
    int moves = 0;
    int changes = 0;
    QObject counters;
    const auto count = [&counters](QAbstractItemModel* model, auto signal, int& counter) {
        QObject::connect(model, signal, &counters, [&counter] { ++counter; });
    };
    count(&ours->model, &QAbstractItemModel::modelReset, resets);
    count(&ours->proxy, &QAbstractItemModel::modelReset, resets);
    count(&ours->proxy, &QAbstractItemModel::layoutChanged, layouts);
    count(&ours->proxy, &QAbstractItemModel::rowsMoved, moves);
    count(&ours->model, &QAbstractItemModel::dataChanged, changes);
    QElapsedTimer timer;
    timer.start();
    int applied = 0;
    for (const QJsonObject& event : events) {
        applied += ours->model.applyEvent(u"device.updated", event) == DeviceListModel::Change::Updated ? 1 : 0;
    }
    const double eventsMs = msSince(timer);
    timer.restart();
    paint(ours->view);
    const double eventsPaint = msSince(timer);
    timer.restart();
    for (const QJsonObject& event : events) {
        base.apply(event);
    }
    const double baseEventsMs = msSince(timer);
    paint(base.view);
    std::printf("device_model.status_events_ms total=%.2f per_event_us=%.1f paint_after=%.2f events=%d updated=%d "
                "data_changed=%d moves=%d resets=%d layout_changes=%d baseline_total=%.2f speedup=%.1fx\n",
                eventsMs,
                eventsMs * 1000.0 / eventCount,
                eventsPaint,
                eventCount,
                applied,
                changes,
                moves,
                resets,
                layouts,
                baseEventsMs,
                baseEventsMs / eventsMs);
    if (resets != 0 || layouts != 0) {
        std::printf("device_model.FAILED: live events reset or relaid out the model\n");
        return 1;
    }
    return 0;
}
