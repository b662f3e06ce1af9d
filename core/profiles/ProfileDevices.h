#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace vigil {

class DeviceListModel;

// Which devices belong to which person: the devices whose last profile (`last_profile`) is theirs,
// followed live on a DeviceListModel, so "Sign Out Sam's Devices (3)…" counts what the list holds
// now. Kept per device id, so a live change looks at the changed rows only, not at the whole list.
class ProfileDevices final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDevices)

public:
    explicit ProfileDevices(const DeviceListModel* devices, QObject* parent = nullptr);
    ~ProfileDevices() override;

    // How many devices were last used with `profile` (a profile's name, as devices carry it).
    int count(const QString& profile) const { return m_counts.value(profile); }
    // Their ids, in the list's order (one pass over the list: for starting a sign-out, not per paint).
    QStringList deviceIds(const QString& profile) const;
    // Every profile that at least one device was last used with, sorted by name.
    QStringList profiles() const;

Q_SIGNALS:
    // A device joined or left a person (signed in, changed profile, went away); count() and
    // deviceIds() may answer differently now.
    void changed();

private:
    void rebuild();
    bool place(int row);
    bool forget(const QString& deviceId);
    void onRowsInserted(int first, int last);
    void onRowsAboutToBeRemoved(int first, int last);
    void onDataChanged(int top, int bottom);

    QPointer<const DeviceListModel> m_devices;
    QHash<QString, QString> m_profileOf; // device id → last profile (only devices that have one)
    QHash<QString, int> m_counts;        // profile → devices
};

} // namespace vigil
