#pragma once

#include "app/SessionContext.h"

#include <QObject>
#include <memory>

namespace vigil {

class AccountService;
class ActivityService;
class DeviceListModel;
class DeviceService;
class EventStream;
class MainWindow;
class ProfileService;
class SignOutFlow;

// One account holder's sign-in: every service, flow and model behind the main window's pages, the
// window itself and, in demo mode, the demo inbox. Built when SignInFlow reaches "signed in" and
// deleted when it leaves it; deleting it is the whole sign-out cleanup, so nothing of one sign-in
// (rows, step-up token, pending sign-outs, open dialogs) can reach the next.
class HolderSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HolderSession)

public:
    explicit HolderSession(const SessionContext& context, QObject* parent = nullptr);
    ~HolderSession() override;

    MainWindow* window() const;
    AccountService* account() const;
    DeviceListModel* deviceModel() const;
    DeviceService* devices() const;
    EventStream* events() const;
    SignOutFlow* signOut() const;
    ProfileService* profiles() const;
    ActivityService* activity() const;

private:
    struct Parts;
    void buildWindow();
    void attachDemoInbox();
    // Help → Report a Problem…: the dialog, with the demo service's snapshot in demo mode.
    void openProblemReport();
    void updateVerificationMethods();

    SessionContext m_context;
    std::unique_ptr<Parts> m_parts;
};

} // namespace vigil
