#pragma once

#include <QObject>
#include <QPointer>

namespace vigil {

class AccountService;
class ActivityService;
class DemoInboxWindow;
class DemoOutbox;
class DeviceService;
class EventStream;
class ProfileService;
class SignOutActions;
class SignOutDialogLauncher;
class SignOutFlow;
class WindowController;

// On the first sign-in, puts the live Devices, Profiles and Activity pages in the main window and connects the pages to
// the sign-out journey (entry points, dialog, pending banner) and, in demo mode, to the demo inbox.
class LivePages final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LivePages)

public:
    struct Parts
    {
        WindowController* windows = nullptr;
        AccountService* account = nullptr;
        DeviceService* devices = nullptr;
        EventStream* events = nullptr;
        SignOutFlow* signOut = nullptr;
        DemoOutbox* demoOutbox = nullptr; // demo mode only
        ProfileService* profiles = nullptr;
        ActivityService* activity = nullptr;
    };

    explicit LivePages(const Parts& parts, QObject* parent = nullptr);
    ~LivePages() override;

    // Idempotent; runs once the main window exists.
    void attach();

private:
    void attachDemoInbox();
    void updateVerificationMethods();

    Parts m_parts;
    SignOutActions* m_actions = nullptr;
    SignOutDialogLauncher* m_launcher = nullptr;
    QPointer<DemoInboxWindow> m_inbox;
};

} // namespace vigil
