#include "SignOutBench.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace signoutbench {

Stats summarize(std::vector<double> values)
{
    Stats stats;
    stats.count = qsizetype(values.size());
    if (values.empty())
        return stats;
    std::sort(values.begin(), values.end());
    const auto at = [&values](double q) {
        // Nearest rank.
        const size_t rank = size_t(std::max(1.0, std::ceil(q * double(values.size()))));
        return values[std::min(values.size(), rank) - 1];
    };
    stats.min = values.front();
    stats.p50 = at(0.50);
    stats.p99 = at(0.99);
    stats.max = values.back();
    return stats;
}

QByteArray login(HttpConnection& http, const QString& email, const QString& password, const QString& deviceName)
{
    const QJsonObject device{{QStringLiteral("name"), deviceName},
                             {QStringLiteral("type"), QStringLiteral("tv")},
                             {QStringLiteral("os"), QStringLiteral("Linux")},
                             {QStringLiteral("os_version"), QStringLiteral("6.1")},
                             {QStringLiteral("app"), QStringLiteral("bench")},
                             {QStringLiteral("app_version"), QStringLiteral("1.0")}};
    const HttpResult reply = http.request(
        "POST",
        "/v1/auth/login",
        {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}, {QStringLiteral("device"), device}});
    return reply.json().value(QStringLiteral("access_token")).toString().toLatin1();
}

bool confirmOwnDevice(HttpConnection& http, const QByteArray& access)
{
    const HttpResult me = http.request("GET", "/v1/me", {}, {{"Authorization", "Bearer " + access}});
    const QString device =
        me.json().value(QStringLiteral("session")).toObject().value(QStringLiteral("device_id")).toString();
    return !device.isEmpty() && http.request("POST",
                                             "/__admin/devices/" + device.toLatin1() + "/confirm",
                                             {},
                                             {{"X-Admin-Key", MockdChild::adminKey}})
                                        .status == 200;
}

QStringList manySocketsArgs(int sockets, const QString& dispatcher)
{
    const QString many = QString::number(sockets);
    return {QStringLiteral("--max-connections"),
            many,
            QStringLiteral("--max-connections-per-address"),
            many,
            QStringLiteral("--max-event-sockets-per-account"),
            many,
            QStringLiteral("--event-dispatcher"),
            dispatcher};
}

std::vector<QByteArray> issueSessions(HttpConnection& http, const QString& email, int count)
{
    const HttpResult reply = http.request("POST",
                                          "/__admin/sessions",
                                          {{QStringLiteral("account"), email}, {QStringLiteral("devices"), count}},
                                          {{"X-Admin-Key", MockdChild::adminKey}});
    const QJsonArray sessions = reply.json().value(QStringLiteral("sessions")).toArray();
    if (reply.status != 200 || sessions.size() != count)
        return {};
    std::vector<QByteArray> tokens;
    tokens.reserve(size_t(count));
    for (const QJsonValue& session : sessions)
        tokens.push_back(session.toObject().value(QStringLiteral("access_token")).toString().toLatin1());
    return tokens;
}

QByteArray stepUpWithPassword(HttpConnection& http, const QByteArray& access, const QString& password)
{
    const Headers bearer{{"Authorization", "Bearer " + access}};
    const HttpResult started =
        http.request("POST", "/v1/step-up", {{QStringLiteral("method"), QStringLiteral("password")}}, bearer);
    const QString challenge = started.json().value(QStringLiteral("challenge")).toString();
    const HttpResult verified =
        http.request("POST",
                     "/v1/step-up/verify",
                     {{QStringLiteral("challenge"), challenge}, {QStringLiteral("secret"), password}},
                     bearer);
    return verified.json().value(QStringLiteral("step_up_token")).toString().toLatin1();
}

} // namespace signoutbench
