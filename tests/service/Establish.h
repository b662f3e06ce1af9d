#pragma once

#include "ServiceClient.h"

// Makes the session's device established for the young-session guard (the admin API confirms it),
// as a test needs before it signs other devices out or changes security settings from a session
// it has just signed in. False when the service refused.
inline bool establish(ServiceClient& client, const ServiceClient::Tokens& tokens)
{
    return client.admin("POST", QStringLiteral("/__admin/devices/%1/confirm").arg(tokens.deviceId)).status == 200;
}
