#pragma once

#include "core/auth/CredentialError.h"
#include "core/util/Expected.h"

#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

namespace vigil {

// Where a refresh token and a device cookie are kept between runs: the OS keychain in the app, a
// fake in tests.
// Every call answers exactly once, later (never from inside the call), through `done`, unless
// `context` was destroyed first.
class CredentialStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialStore)

public:
    using ReadResult = Expected<QString, CredentialError>;
    using WriteResult = Expected<void, CredentialError>;

    static constexpr QLatin1String serviceName{"Vigil"};

    explicit CredentialStore(QObject* parent = nullptr) : QObject(parent) {}
    ~CredentialStore() override = default;

    virtual void read(const QString& key, QObject* context, std::function<void(const ReadResult&)> done) = 0;
    virtual void write(const QString& key,
                       const QString& secret,
                       QObject* context,
                       std::function<void(const WriteResult&)> done) = 0;
    // Deleting a key that is not there succeeds.
    virtual void remove(const QString& key, QObject* context, std::function<void(const WriteResult&)> done) = 0;

    // "refresh-token:<scheme>://<host:port>/<email>", one entry per server and account.
    static QString refreshTokenKey(const QUrl& server, const QString& email);
    // "device-cookie:" and the same server and account as refreshTokenKey(): the proof that this
    // computer signed in to that account before, which the service's login throttle honours.
    static QString deviceCookieKey(const QUrl& server, const QString& email);
};

} // namespace vigil
