#pragma once

#include <QByteArray>
#include <QString>

namespace vigil {

// The WebAuthn client data a browser would build, built by the app itself: the service checks the
// type, the challenge it issued and the origin, and the authenticator signs over its SHA-256.
struct ClientData
{
    enum class Type
    {
        Create, // "webauthn.create": registering a key
        Get,    // "webauthn.get": an assertion
    };

    QByteArray json;
    QByteArray hash; // SHA-256 of json

    // `challenge` is the service's base64url text, put in as it came.
    static ClientData make(Type type, const QString& challenge);
    static QString origin();
    static QString relyingPartyId();
};

// Binary fields on the wire: base64url without padding.
QString toBase64Url(const QByteArray& bytes);
QByteArray fromBase64Url(const QString& text);

} // namespace vigil
