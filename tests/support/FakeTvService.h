#pragma once
// The TV sign-in routes of the service, faked for the core and widget tests: a lookup answer as the
// contract has it (PendingDeviceAuthorization) and a FakeNetworkAccessManager handler for step-up,
// the lookup, deny, approve and a guest's new end.
#include "FakeNetworkAccessManager.h"

#include <QJsonObject>
#include <functional>

namespace FakeTvService {

inline QJsonObject place(const QString& city, const QString& country, const QString& code)
{
    return {
        {QStringLiteral("city"), city}, {QStringLiteral("country"), country}, {QStringLiteral("country_code"), code}};
}

// A TV waiting with the code WDJB-MJHT, in Lisbon when `far`, else in London with the approver.
inline QJsonObject pending(bool far = true)
{
    return {
        {QStringLiteral("id"), QStringLiteral("dva_1")},
        {QStringLiteral("user_code"), QStringLiteral("WDJB-MJHT")},
        {QStringLiteral("device"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("Hotel Room TV")},
                     {QStringLiteral("type"), QStringLiteral("tv")},
                     {QStringLiteral("app"), QStringLiteral("Vigil TV")},
                     {QStringLiteral("app_version"), QStringLiteral("2.1")}}},
        {QStringLiteral("ip"), QStringLiteral("203.0.113.7")},
        {QStringLiteral("location"),
         far ? place(QStringLiteral("Lisbon"), QStringLiteral("Portugal"), QStringLiteral("PT"))
             : place(QStringLiteral("London"), QStringLiteral("United Kingdom"), QStringLiteral("GB"))},
        {QStringLiteral("requested_at"), QStringLiteral("2026-12-07T12:00:00Z")},
        {QStringLiteral("expires_at"), QStringLiteral("2026-12-07T12:10:00Z")},
        {QStringLiteral("expires_in"), 540},
        {QStringLiteral("approver"),
         QJsonObject{{QStringLiteral("device_id"), QStringLiteral("dev_me")},
                     {QStringLiteral("ip"), QStringLiteral("198.51.100.1")},
                     {QStringLiteral("location"),
                      place(QStringLiteral("London"), QStringLiteral("United Kingdom"), QStringLiteral("GB"))}}},
        {QStringLiteral("distance_km"), far ? QJsonValue(1585.0) : QJsonValue(0.0)},
        {QStringLiteral("far"), far},
    };
}

// The TV (dev_tv) as an approval answers it: a guest until `guestUntil`, or for good when null.
inline QJsonObject approvedDevice(const QJsonValue& guestUntil)
{
    return {
        {QStringLiteral("id"), QStringLiteral("dev_tv")},
        {QStringLiteral("name"), QStringLiteral("Hotel Room TV")},
        {QStringLiteral("type"), QStringLiteral("tv")},
        {QStringLiteral("status"), QStringLiteral("idle")},
        {QStringLiteral("first_sign_in"), QStringLiteral("2026-12-07T12:00:00Z")},
        {QStringLiteral("last_active"), QStringLiteral("2026-12-07T12:00:00Z")},
        {QStringLiteral("access"), guestUntil.isNull() ? QStringLiteral("until_signed_out") : QStringLiteral("guest")},
        {QStringLiteral("guest_until"), guestUntil}};
}

struct Routes
{
    // What the lookup answers; the test may change it between requests.
    const FakeResponse* lookup = nullptr;
    // The TV's device (id dev_tv) an approval or a new guest end answers with, for the guest_until
    // the request sent (undefined when it sent none).
    std::function<QJsonObject(const QJsonValue& guestUntil)> device;
    // False: the step-up token vst_1 is refused as if it had expired.
    std::function<bool()> tokenValid = [] { return true; };
};

// Step-up with the password earns vst_1; approving and a guest's new end need it.
inline FakeNetworkAccessManager::Handler handler(Routes routes)
{
    return [routes = std::move(routes)](const FakeRequest& request) {
        const QString path = request.path();
        if (path == QLatin1String("/v1/step-up"))
            return FakeResponse::json(200,
                                      {{QStringLiteral("challenge"), QStringLiteral("chl_1")},
                                       {QStringLiteral("method"), QStringLiteral("password")},
                                       {QStringLiteral("expires_in"), 600},
                                       {QStringLiteral("resend_after"), 0}});
        if (path == QLatin1String("/v1/step-up/verify"))
            return FakeResponse::json(
                200, {{QStringLiteral("step_up_token"), QStringLiteral("vst_1")}, {QStringLiteral("expires_in"), 300}});
        if (path == QLatin1String("/v1/device-authorizations/lookup"))
            return *routes.lookup;
        if (path == QLatin1String("/v1/device-authorizations/dva_1/deny"))
            return FakeResponse::raw(204, {}, "application/json");
        if (path == QLatin1String("/v1/device-authorizations/dva_1/approve") ||
            path == QLatin1String("/v1/devices/dev_tv/guest")) {
            if (request.header("X-Step-Up") != "vst_1" || !routes.tokenValid())
                return FakeResponse::error(403, "step_up_required", "Confirm it is you.");
            return FakeResponse::json(200, routes.device(request.json().value(QStringLiteral("guest_until"))));
        }
        return FakeResponse::error(404, "not_found");
    };
}

} // namespace FakeTvService
