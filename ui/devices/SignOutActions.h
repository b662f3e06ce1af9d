#pragma once

#include "core/flows/SignOutFlow.h"

#include <QObject>
#include <QStringList>

class QMenu;
class QWidget;

namespace vigil {

class DeviceListModel;

// Every "Sign Out…" entry point (table row, selection, details pane, Overview, Devices header)
// goes through here, so they all describe devices the same way and start the one SignOutFlow.
class SignOutActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignOutActions)

public:
    SignOutActions(SignOutFlow* flow, const DeviceListModel* devices, QObject* parent = nullptr);
    ~SignOutActions() override;

    SignOutFlow* flow() const { return m_flow; }
    // Name and place of each device, in the model's words; unknown ids are skipped.
    QList<SignOutFlow::Target> targets(const QStringList& deviceIds) const;
    QList<SignOutFlow::Target> allTargets(bool includeThisDevice) const;
    // A new sign-out can start unless one is already being confirmed, verified or sent.
    bool canStart() const;

    void signOutDevices(const QStringList& deviceIds);
    // The devices of one person (`profile`, their profile's name): the confirmation says whose.
    void signOutProfile(const QString& profile, const QStringList& deviceIds);
    void signOutOthers();
    void signOutAll();
    // "All Other Devices…" / "Every Device, Including This One…" for a "Sign Out of All Devices…"
    // button; owned by `parent`.
    QMenu* createAllDevicesMenu(QWidget* parent);

Q_SIGNALS:
    // canStart() may have changed.
    void availabilityChanged();

private:
    SignOutFlow::Target target(int row) const;

    SignOutFlow* m_flow;
    const DeviceListModel* m_devices;
};

} // namespace vigil
