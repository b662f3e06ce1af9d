#pragma once

// Shared by the device filter model tests: a household of devices, a crowd for narrowing, and a
// fixture that keeps a source model, the proxy and a QAbstractItemModelTester on each alive.
#include "DeviceFixtures.h"
#include "core/devices/DeviceFilterModel.h"
#include "core/devices/DeviceListModel.h"
#include "core/devices/SearchKey.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QItemSelectionModel>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using vigil::Device;
using vigil::DeviceFilterModel;
using vigil::DeviceListModel;
using namespace fixtures;

namespace filterfixture {

inline QString s(const char* text)
{
    return QString::fromUtf8(text);
}

inline QStringList list(std::initializer_list<const char*> items)
{
    QStringList result;
    for (const char* item : items) {
        result.append(s(item));
    }
    return result;
}

inline QList<Device> household()
{
    using T = Device::Type;
    using S = Device::Status;
    return {
        makeDevice({.id = s("tv"),
                    .name = s("Living Room TV"),
                    .type = T::Tv,
                    .status = S::Streaming,
                    .lastActiveAgo = 2 * minute}),
        makeDevice({.id = s("ipad"),
                    .name = s("Kitchen iPad"),
                    .type = T::Tablet,
                    .status = S::Idle,
                    .lastActiveAgo = 3 * hour,
                    .countryCode = s("ES"),
                    .city = s("Madrid"),
                    .profile = s("Ben"),
                    .current = true}),
        makeDevice({.id = s("laptop"),
                    .name = s("Old Laptop"),
                    .type = T::Computer,
                    .status = S::Offline,
                    .lastActiveAgo = 120 * day,
                    .firstSignInAgo = 400 * day,
                    .countryCode = s("BR"),
                    .city = s("São Paulo")}),
        makeDevice({.id = s("phone"),
                    .name = s("Ana's Phone"),
                    .type = T::Phone,
                    .status = S::Paused,
                    .lastActiveAgo = 10 * minute,
                    .firstSignInAgo = 100 * day,
                    .city = s("Porto")}),
        makeDevice({.id = s("hotel"),
                    .name = s("Hotel TV"),
                    .type = T::Tv,
                    .status = S::Offline,
                    .lastActiveAgo = day,
                    .firstSignInAgo = 2 * day,
                    .countryCode = s("FR"),
                    .city = s("Paris")}),
        makeDevice({.id = s("console"),
                    .name = s("Game Console"),
                    .type = T::Console,
                    .status = S::Idle,
                    .lastActiveAgo = -1,
                    .firstSignInAgo = 150 * day,
                    .profile = s("Kids")}),
        makeDevice({.id = s("chrome"),
                    .name = s("Chrome on Windows"),
                    .type = T::Browser,
                    .status = S::Streaming,
                    .lastActiveAgo = 30,
                    .firstSignInAgo = 5 * day,
                    .countryCode = QString(),
                    .profile = QString()}),
        makeDevice({.id = s("box"),
                    .name = s("Bedroom Box"),
                    .type = T::SetTopBox,
                    .status = S::Offline,
                    .lastActiveAgo = 95 * day,
                    .firstSignInAgo = 300 * day}),
        makeDevice({.id = s("tokyo"),
                    .name = s("Tablet in Tokyo"),
                    .type = T::Tablet,
                    .status = S::Idle,
                    .lastActiveAgo = 4 * day,
                    .firstSignInAgo = 10 * day,
                    .countryCode = s("JP"),
                    .city = s("Tokyo")}),
    };
}

// Many similar devices, so narrowing and widening have real work to get wrong.
inline QList<Device> crowd(int count)
{
    static const char* const names[] = {"Living Room TV",
                                        "Bedroom TV",
                                        "Ana's Phone",
                                        "Ben's iPhone",
                                        "Kitchen iPad",
                                        "Office MacBook",
                                        "PlayStation 5",
                                        "Chrome on Linux",
                                        "Lobby Box",
                                        "Grandma's Tablet"};
    static const char* const cities[] = {"Lisbon", "Porto", "São Paulo", "Madrid", "Köln", "Lyon"};
    QList<Device> devices;
    for (int i = 0; i < count; ++i) {
        devices.append(makeDevice({.id = QStringLiteral("c%1").arg(i),
                                   .name = s(names[i % 10]) + QStringLiteral(" %1").arg(i),
                                   .type = Device::Type(i % 7),
                                   .status = Device::Status(i % 4),
                                   .lastActiveAgo = (i * 7919) % (200 * day),
                                   .city = s(cities[(i / 3) % 6])}));
    }
    return devices;
}

} // namespace filterfixture

using namespace filterfixture;

class FilterFixture
{
protected:
    ManualClock m_clock;
    std::unique_ptr<DeviceListModel> m_source;
    std::unique_ptr<DeviceFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_sourceTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;

    static QStringList ids(const QAbstractItemModel& model)
    {
        QStringList result;
        for (int row = 0; row < model.rowCount(); ++row) {
            result.append(model.index(row, 0).data(DeviceListModel::IdRole).toString());
        }
        return result;
    }
    QStringList ids() const { return ids(*m_proxy); }

    void checkSorted(int column, Qt::SortOrder order)
    {
        QCollator collator;
        collator.setNumericMode(true);
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        const auto isEmpty = [column](const QVariant& v) {
            if (column == DeviceListModel::LastActiveColumn || column == DeviceListModel::FirstSignInColumn) {
                return v.toLongLong() == DeviceListModel::noTime;
            }
            if (column == DeviceListModel::StatusColumn) {
                return v.toInt() == int(Device::Status::Unknown);
            }
            if (column == DeviceListModel::TypeColumn) {
                return v.toInt() == int(Device::Type::Unknown);
            }
            return v.toString().isEmpty();
        };
        for (int row = 1; row < m_proxy->rowCount(); ++row) {
            const QVariant a = m_proxy->index(row - 1, column).data(DeviceListModel::SortRole);
            const QVariant b = m_proxy->index(row, column).data(DeviceListModel::SortRole);
            const QByteArray where = QByteArray::number(column) + " row " + QByteArray::number(row);
            if (isEmpty(a)) {
                QVERIFY2(isEmpty(b), QByteArray("empty values come last: column " + where).constData());
                continue;
            }
            if (isEmpty(b)) {
                continue;
            }
            int result = 0;
            if (a.typeId() == QMetaType::QString) {
                result = collator.compare(a.toString(), b.toString());
            } else {
                const qint64 x = a.toLongLong();
                const qint64 y = b.toLongLong();
                result = x < y ? -1 : x > y ? 1 : 0;
            }
            QVERIFY2(order == Qt::AscendingOrder ? result <= 0 : result >= 0,
                     QByteArray("out of order: column " + where).constData());
        }
    }

    void setUp()
    {
        m_clock = ManualClock();
        m_source = std::make_unique<DeviceListModel>();
        m_source->setRelativeTime(m_clock.relativeTime());
        m_source->setDevices(household());
        m_proxy = std::make_unique<DeviceFilterModel>();
        m_proxy->setSourceModel(m_source.get());
        // Both alive for the whole test: they check every signal either model emits.
        const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
        m_sourceTester = std::make_unique<QAbstractItemModelTester>(m_source.get(), mode);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(), mode);
    }

    void tearDown()
    {
        m_proxyTester.reset();
        m_sourceTester.reset();
        m_proxy.reset();
        m_source.reset();
    }
};
