#pragma once

#include <QObject>
#include <QPointer>

namespace vigil {

class AccountService;
class AccountSettingsService;
class ActivityService;
class AppSettings;
class DemoInboxWindow;
class DemoOutbox;
class DeviceService;
class EventStream;
class ProfileService;
class SignInAlerts;
class SignOutActions;
class SignOutDialogLauncher;
class SignOutFlow;
class PasswordChangeFlow;
class StepUpService;
class SupportCodeService;
class TwoStepService;
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
        // Issue 7: new-sign-in alerts (with the tray) and the account's auto sign-out setting.
        SignInAlerts* signInAlerts = nullptr;
        AppSettings* settings = nullptr;
        AccountSettingsService* accountSettings = nullptr;
    };

    explicit LivePages(const Parts& parts, QObject* parent = nullptr);
    ~LivePages() override;

    // Idempotent; runs once the main window exists.
    void attach();
    // The Security page's live sections (password, 2-step, support code); before attach().
    void setSecurityServices(StepUpService* stepUp,
                             PasswordChangeFlow* password,
                             TwoStepService* twoStep,
                             SupportCodeService* supportCodes);

private:
    void attachDemoInbox();
    void attachAlerts();
    void updateVerificationMethods();

    Parts m_parts;
    SignOutActions* m_actions = nullptr;
    SignOutDialogLauncher* m_launcher = nullptr;
    QPointer<DemoInboxWindow> m_inbox;
    StepUpService* m_stepUp = nullptr;
    PasswordChangeFlow* m_password = nullptr;
    TwoStepService* m_twoStep = nullptr;
    SupportCodeService* m_supportCodes = nullptr;
};

} // namespace vigil
