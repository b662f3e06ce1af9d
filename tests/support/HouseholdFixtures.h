#pragma once

#include "FakeNetworkAccessManager.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

// Answers of GET /v1/profiles and GET /v1/activity shaped like the contract, for tests that fake
// the network (Profiles and Activity pages, their services and models).
namespace HouseholdFixtures {

inline QJsonObject profile(const QString& id,
                           const QString& name,
                           const QString& avatar,
                           bool kids,
                           const QString& deviceName = {},
                           const QString& lastActive = {})
{
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("avatar"), avatar},
                     {QStringLiteral("kids"), kids},
                     {QStringLiteral("last_device"), QJsonValue()},
                     {QStringLiteral("last_active"), QJsonValue()}};
    if (!deviceName.isEmpty()) {
        json.insert(QStringLiteral("last_device"),
                    QJsonObject{{QStringLiteral("id"), QString(QStringLiteral("dev_") + id)},
                                {QStringLiteral("name"), deviceName}});
        json.insert(QStringLiteral("last_active"), lastActive);
    }
    return json;
}

inline QJsonObject household()
{
    return {{QStringLiteral("profiles"),
             QJsonArray{profile(QStringLiteral("prf_sam"),
                                QStringLiteral("Sam"),
                                QStringLiteral("fox"),
                                false,
                                QStringLiteral("Living Room TV"),
                                QStringLiteral("2026-11-25T10:00:00Z")),
                        profile(QStringLiteral("prf_alex"),
                                QStringLiteral("Alex"),
                                QStringLiteral("owl"),
                                false,
                                QStringLiteral("Alex's Phone"),
                                QStringLiteral("2026-11-20T08:30:00Z")),
                        profile(QStringLiteral("prf_leo"), QStringLiteral("Leo"), QStringLiteral("wolf"), false),
                        profile(QStringLiteral("prf_mia"),
                                QStringLiteral("Mia"),
                                QStringLiteral("panda"),
                                true,
                                QStringLiteral("Mia's iPad"),
                                QStringLiteral("2026-11-24T17:45:00Z"))}}};
}

inline QJsonObject entry(const QString& id,
                         const QString& time,
                         const QString& type,
                         const QString& country = QStringLiteral("Portugal"),
                         const QString& deviceName = QStringLiteral("Living Room TV"))
{
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("time"), time},
        {QStringLiteral("type"), type},
        {QStringLiteral("device"),
         deviceName.isEmpty() ? QJsonValue()
                              : QJsonValue(QJsonObject{{QStringLiteral("id"), QString(QStringLiteral("dev_") + id)},
                                                       {QStringLiteral("name"), deviceName}})},
        {QStringLiteral("ip"), QStringLiteral("198.51.100.7")},
        {QStringLiteral("location"),
         country.isEmpty() ? QJsonValue()
                           : QJsonValue(QJsonObject{{QStringLiteral("city"), QStringLiteral("Lisbon")},
                                                    {QStringLiteral("country"), country},
                                                    {QStringLiteral("country_code"), QStringLiteral("PT")}})},
        {QStringLiteral("detail"), QString(QStringLiteral("Service text for ") + type)}};
    if (type == QLatin1String("sign_in") || type == QLatin1String("sign_in_failed"))
        json.insert(QStringLiteral("method"), QStringLiteral("password"));
    if (type == QLatin1String("support_viewed"))
        json.insert(QStringLiteral("reason"), QStringLiteral("billing question"));
    return json;
}

// Six entries over three days in two countries, newest first.
inline QJsonArray week()
{
    return {
        entry(QStringLiteral("6"), QStringLiteral("2026-11-25T10:00:00Z"), QStringLiteral("sign_in")),
        entry(QStringLiteral("5"), QStringLiteral("2026-11-25T09:00:00Z"), QStringLiteral("support_viewed"), {}, {}),
        entry(QStringLiteral("4"),
              QStringLiteral("2026-11-24T12:00:00Z"),
              QStringLiteral("sign_in"),
              QStringLiteral("Germany"),
              QStringLiteral("Leo's Pixel")),
        entry(QStringLiteral("3"),
              QStringLiteral("2026-11-24T11:00:00Z"),
              QStringLiteral("sign_in_failed"),
              QStringLiteral("Germany"),
              {}),
        entry(QStringLiteral("2"), QStringLiteral("2026-11-23T12:00:00Z"), QStringLiteral("sign_in")),
        entry(QStringLiteral("1"), QStringLiteral("2026-11-23T11:00:00Z"), QStringLiteral("sign_in"))};
}

// GET /v1/activity over `all`, honouring limit and a numeric cursor (the index to start at).
inline FakeResponse activityPage(const FakeRequest& request, const QJsonArray& all)
{
    const QUrlQuery query(request.url);
    const int limit =
        query.hasQueryItem(QStringLiteral("limit")) ? query.queryItemValue(QStringLiteral("limit")).toInt() : 50;
    const int from = query.queryItemValue(QStringLiteral("cursor")).toInt();
    QJsonArray page;
    for (int i = from; i < std::min<int>(int(all.size()), from + limit); ++i)
        page.append(all.at(i));
    const int next = from + limit;
    return FakeResponse::json(
        200,
        {{QStringLiteral("entries"), page},
         {QStringLiteral("next_cursor"), next < all.size() ? QJsonValue(QString::number(next)) : QJsonValue()}});
}

} // namespace HouseholdFixtures
