#pragma once

#include "support/SupportDesk.h"

#include <QObject>

namespace mockd {

class Clock;
class DeviceService;
class Router;
class SignOutRoutes;
class Store;
struct RequestContext;

// The support console's own answers: account search, the customer at a glance, and signing the
// customer's devices out with the code the customer gave (the sign-out itself is SignOutRoutes').
// Role `support` only; every request states a reason and is audited on the customer's account.
class SupportRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SupportRoutes)

public:
    SupportRoutes(Store& store,
                  const Clock& clock,
                  const DeviceService& devices,
                  SignOutRoutes& signOut,
                  QObject* parent = nullptr);
    ~SupportRoutes() override;

    void registerRoutes(Router& router);

private:
    void search(const RequestContext& context);
    void account(const RequestContext& context);
    void signOut(const RequestContext& context);
    // The code check of a sign-out; an empty string when the code is the account's current one.
    QString codeProblem(const QString& accountId, const QString& typed);
    // One more wrong code against the account's current code, which dies at the limit.
    void countFailure(const QString& accountId);

    Store& m_store;
    const Clock& m_clock;
    const DeviceService& m_devices;
    SignOutRoutes& m_signOut;
    SupportDesk m_desk;
};

} // namespace mockd
