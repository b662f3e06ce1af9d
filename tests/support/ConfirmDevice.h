#pragma once

#include "MockdProcess.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>

// Confirms a device through vigil-mockd's admin API, as its owner would from a device they have
// used for long: the young-session guard keeps a sign-in from moments ago from signing other
// devices out or changing security settings, which the calling test does next. True when the
// service accepted it.
inline bool confirmDevice(QNetworkAccessManager& network, QUrl base, const QString& deviceId)
{
    base.setPath(QStringLiteral("/__admin/devices/%1/confirm").arg(deviceId));
    QNetworkRequest request(base);
    request.setRawHeader("X-Admin-Key", MockdProcess::adminKey);
    QNetworkReply* reply = network.post(request, QByteArray());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
}
