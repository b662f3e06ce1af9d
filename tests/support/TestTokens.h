#pragma once

#include <QJsonObject>
#include <QString>

// Service answers shaped like the contract, for tests that fake the network.
namespace TestTokens {

inline QJsonObject account(const QString& email = QStringLiteral("demo@vigil.test"))
{
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("acc_1")},
                       {QStringLiteral("email"), email},
                       {QStringLiteral("display_name"), QStringLiteral("Demo Household")},
                       {QStringLiteral("role"), QStringLiteral("holder")},
                       {QStringLiteral("two_step"),
                        QJsonObject{{QStringLiteral("totp"), false},
                                    {QStringLiteral("sms"), false},
                                    {QStringLiteral("email"), true}}}};
}

inline QJsonObject pair(const QString& access, const QString& refresh)
{
    return QJsonObject{{QStringLiteral("access_token"), access},
                       {QStringLiteral("refresh_token"), refresh},
                       {QStringLiteral("expires_in"), 300},
                       {QStringLiteral("session_id"), QStringLiteral("ses_1")},
                       {QStringLiteral("device_id"), QStringLiteral("dev_1")},
                       {QStringLiteral("account"), account()}};
}

inline QJsonObject me(int devices = 12, int profiles = 4)
{
    return QJsonObject{{QStringLiteral("account"), account()},
                       {QStringLiteral("profiles_count"), profiles},
                       {QStringLiteral("devices_count"), devices},
                       {QStringLiteral("session"),
                        QJsonObject{{QStringLiteral("id"), QStringLiteral("ses_1")},
                                    {QStringLiteral("device_id"), QStringLiteral("dev_1")},
                                    {QStringLiteral("signed_in_at"), QStringLiteral("2026-11-25T12:04:00Z")}}}};
}

} // namespace TestTokens
