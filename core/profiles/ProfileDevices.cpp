#include "ProfileDevices.h"

#include "core/devices/DeviceListModel.h"

#include <algorithm>

namespace vigil {

ProfileDevices::ProfileDevices(const DeviceListModel* devices, QObject* parent) : QObject(parent), m_devices(devices)
{
    connect(devices, &QAbstractItemModel::modelReset, this, [this] {
        rebuild();
        Q_EMIT changed();
    });
    connect(devices, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int last) {
        onRowsInserted(first, last);
    });
    connect(devices, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex&, int first, int last) {
        onRowsAboutToBeRemoved(first, last);
    });
    connect(devices,
            &QAbstractItemModel::dataChanged,
            this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                onDataChanged(topLeft.row(), bottomRight.row());
            });
    rebuild();
}

ProfileDevices::~ProfileDevices() = default;

QStringList ProfileDevices::deviceIds(const QString& profile) const
{
    QStringList ids;
    if (!m_devices || profile.isEmpty() || count(profile) == 0)
        return ids;
    ids.reserve(count(profile));
    for (int row = 0; row < m_devices->rowCount(); ++row) {
        const Device& device = m_devices->deviceAt(row);
        if (device.lastProfile == profile)
            ids.append(device.id);
    }
    return ids;
}

QStringList ProfileDevices::profiles() const
{
    QStringList names = m_counts.keys();
    std::sort(names.begin(), names.end(), [](const QString& left, const QString& right) {
        return QString::localeAwareCompare(left, right) < 0;
    });
    return names;
}

void ProfileDevices::rebuild()
{
    m_profileOf.clear();
    m_counts.clear();
    if (!m_devices)
        return;
    for (int row = 0; row < m_devices->rowCount(); ++row)
        place(row);
}

bool ProfileDevices::place(int row)
{
    const Device& device = m_devices->deviceAt(row);
    const auto known = m_profileOf.constFind(device.id);
    if (known != m_profileOf.cend() && *known == device.lastProfile)
        return false;
    const bool forgotten = forget(device.id);
    if (device.lastProfile.isEmpty())
        return forgotten;
    m_profileOf.insert(device.id, device.lastProfile);
    ++m_counts[device.lastProfile];
    return true;
}

bool ProfileDevices::forget(const QString& deviceId)
{
    const auto known = m_profileOf.find(deviceId);
    if (known == m_profileOf.end())
        return false;
    const auto counted = m_counts.find(*known);
    if (counted != m_counts.end() && --*counted <= 0)
        m_counts.erase(counted);
    m_profileOf.erase(known);
    return true;
}

void ProfileDevices::onRowsInserted(int first, int last)
{
    bool any = false;
    for (int row = first; row <= last; ++row)
        any = place(row) || any;
    if (any)
        Q_EMIT changed();
}

void ProfileDevices::onRowsAboutToBeRemoved(int first, int last)
{
    bool any = false;
    for (int row = first; row <= last; ++row)
        any = forget(m_devices->deviceAt(row).id) || any;
    if (any)
        Q_EMIT changed();
}

void ProfileDevices::onDataChanged(int top, int bottom)
{
    // A burst names the rows that really changed; otherwise the whole span may have.
    bool any = false;
    const std::vector<int>& burst = m_devices->changedRows();
    if (!burst.empty()) {
        for (const int row : burst)
            any = place(row) || any;
    } else {
        for (int row = top; row <= bottom; ++row)
            any = place(row) || any;
    }
    if (any)
        Q_EMIT changed();
}

} // namespace vigil
