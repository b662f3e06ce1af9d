#pragma once

// What the benches against a real vigil-mockd share: statistics over one monotonic clock
// (std::chrono::steady_clock of this process) and the service steps they take (sign in, confirm the
// initiator, sessions without a password, step-up). The child process is in MockdChild.h, the raw
// HTTP and WebSocket clients in RawClients.h.

#include "MockdChild.h"
#include "RawClients.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <chrono>
#include <vector>

namespace signoutbench {

using SteadyClock = std::chrono::steady_clock;

inline double msBetween(SteadyClock::time_point from, SteadyClock::time_point to)
{
    return std::chrono::duration<double, std::milli>(to - from).count();
}

struct Stats
{
    qsizetype count = 0;
    double min = 0;
    double p50 = 0;
    double p99 = 0;
    double max = 0;
};
Stats summarize(std::vector<double> values);

// Logs in (one argon2id check on the service); returns the access token, empty on failure.
QByteArray login(HttpConnection& http, const QString& email, const QString& password, const QString& deviceName);
// Confirms the device of `access` through the admin API: a sign-in from a moment ago may not sign
// other devices out (the young-session guard), and the benches' initiator does just that.
bool confirmOwnDevice(HttpConnection& http, const QByteArray& access);
// Signs `count` devices in without a password (POST /__admin/sessions, the service's admin key):
// their access tokens in order, empty on failure. The argon2id cost is left out on purpose.
std::vector<QByteArray> issueSessions(HttpConnection& http, const QString& email, int count);
// vigil-mockd arguments that let `sockets` event sockets of one account connect from one address,
// on the event loop `dispatcher` (epoll or qt).
QStringList manySocketsArgs(int sockets, const QString& dispatcher);
// Password step-up for the caller; returns the vst_ token, empty on failure.
QByteArray stepUpWithPassword(HttpConnection& http, const QByteArray& access, const QString& password);

} // namespace signoutbench
