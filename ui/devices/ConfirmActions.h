#pragma once

#include "core/api/ApiError.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QWidget;

namespace vigil {

class DeviceConfirmService;
class DeviceListModel;
class StepUpFlow;

// Every "Confirm…" entry point (the details pane, "Yes, It Was Me…" on a desktop alert) goes through
// here: "Confirm It's You" (the step-up a sign-out asks for too), then DeviceConfirmService. Only a
// new device other than this computer can be confirmed, and only while this computer's own sign-in
// is established: the service refuses a new session (session_too_new), so a new Vigil offers none.
class ConfirmActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfirmActions)

public:
    ConfirmActions(DeviceConfirmService* service, const DeviceListModel* devices, QObject* parent = nullptr);
    ~ConfirmActions() override;

    // The window the verification dialog belongs to.
    void setWindow(QWidget* window) { m_window = window; }
    StepUpFlow* stepUpFlow() const { return m_stepUp; }
    void setStepUpMethods(const QStringList& ids);

    // A new device, not this computer, and this computer's own sign-in is established.
    bool isOffered(const QString& deviceId) const;
    // Offered, and no confirmation of that device on its way.
    bool canConfirm(const QString& deviceId) const;
    bool isConfirming(const QString& deviceId) const { return m_confirming.contains(deviceId); }

    void confirm(const QString& deviceId);

Q_SIGNALS:
    // isOffered() or canConfirm() may have changed.
    void availabilityChanged();
    void confirmed(const QString& deviceId, const QString& name);
    // `message` says what happened and what to do now.
    void failed(const QString& deviceId, const QString& message);

private:
    void send(const QString& deviceId, const QString& name);

    DeviceConfirmService* m_service;
    const DeviceListModel* m_devices;
    StepUpFlow* m_stepUp;
    QPointer<QWidget> m_window;
    QStringList m_confirming;
};

} // namespace vigil
