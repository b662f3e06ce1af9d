#pragma once

#include "simulator/DeviceDescription.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace mockd::sim {

class DeviceSession;
struct ApiReply;

// A TV signing in the way TVs do (RFC 8628): it asks for a code, shows it ("code: WDJB-MJHT"),
// polls the token endpoint at the interval the service gives (and slower after every slow_down)
// until someone approves or denies the code in Vigil or it expires. The tokens go to approved()
// and nowhere else.
class TvCodeFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TvCodeFlow)

public:
    struct Options
    {
        QUrl server;
        DeviceDescription description;
        // QA on loopback: where the TV pretends to be (needs the admin key); null: its real address.
        QHostAddress simulatedAddress;
        QString adminKey;
    };

    TvCodeFlow(QNetworkAccessManager& network, Options options, QObject* parent = nullptr);
    ~TvCodeFlow() override;

    void start();
    int intervalSeconds() const { return m_intervalSeconds; }

Q_SIGNALS:
    void report(const QString& line);
    // `access` until_signed_out | guest; `guestUntil` empty unless a guest.
    void
    approved(const QString& deviceId, const QString& refreshToken, const QString& access, const QString& guestUntil);
    // Denied, expired, or the service would not give a code: the TV is not signed in.
    void failed(const QString& reason);

private:
    void onCode(const ApiReply& reply);
    void poll();
    void onPoll(const ApiReply& reply);
    void fail(const QString& reason);

    Options m_options;
    DeviceSession* m_session;
    QString m_deviceCode;
    int m_intervalSeconds = 5;
    QTimer m_pollTimer;
};

} // namespace mockd::sim
