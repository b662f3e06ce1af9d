#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace mockd::sim {

// One answer of the service as the simulator sees it.
struct ApiReply
{
    int status = 0; // 0 when the request never got an HTTP answer
    QJsonObject json;
    QString error; // the body's "error" code, or the network error text when status is 0
    qint64 retryAfterSeconds = 0;

    bool ok() const { return status >= 200 && status < 300; }
    bool networkFailed() const { return status == 0; }
};

} // namespace mockd::sim
