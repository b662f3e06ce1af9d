#pragma once

#include <QByteArray>
#include <QString>

namespace mockd::ClientData {

// Whether WebAuthn-style client data (the JSON bytes the app built) is of `type`
// ("webauthn.create" or "webauthn.get"), carries `challenge` (compared in constant time, as the
// service handed it out, base64url) and `origin`. Other members are ignored, as WebAuthn §7.2
// ignores them. The checks do not say which failed: the caller answers one way for all.
bool matches(const QByteArray& json, QStringView type, const QString& challenge, QStringView origin);

// A fresh challenge for client data: SecurityKeyPolicy::challengeBytes from the CSPRNG, base64url.
QString newChallenge();

// What the authenticator signs over: SHA-256 of the client data bytes.
QByteArray hash(const QByteArray& json);

} // namespace mockd::ClientData
