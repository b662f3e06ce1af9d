#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <functional>

namespace vigil {

// Tells when a guest's access ended by itself (`device.guest_ended` on the event stream): "Guest
// access for Hotel Room TV ended". Shows nothing itself: the Devices page and the desktop alert do.
// An event replayed after a reconnect, long after the end, is old news and says nothing.
class GuestEndings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestEndings)

public:
    using Clock = std::function<QDateTime()>;
    static constexpr int maxAgeSeconds = 10 * 60;

    // `clock`: the service's time (ServerClock), so the age check follows a clock moved by QA.
    explicit GuestEndings(Clock clock, QObject* parent = nullptr);
    ~GuestEndings() override;

    // Connect to EventStream::eventReceived; other event types are ignored.
    void applyEvent(const QString& type, const QJsonObject& frame);

    static QString title();
    // "Guest access for Hotel Room TV ended".
    static QString text(const QString& deviceName);

Q_SIGNALS:
    void ended(const QString& deviceId, const QString& deviceName);

private:
    Clock m_clock;
};

} // namespace vigil
